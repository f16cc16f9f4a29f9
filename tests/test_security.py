"""Secrets never leave the environment; production serving is never in debug mode."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import responses

from indicators import cli
from indicators.refresh import refresh
from indicators.store import Store

SENTINEL = "SENTINEL-KEY-7f3a9c1e5b"


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def test_comtrade_key_never_reaches_the_store_logs_or_output(tmp_path, monkeypatch, fixtures, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("COMTRADE_API_KEY", SENTINEL)
    (tmp_path / "store").mkdir()
    store = Store(f"sqlite:///{tmp_path / 'store' / 'keyed.db'}")
    recorded = (fixtures / "comtrade" / "constructed_CHN_W00_850760_2018_2022.json").read_bytes()
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, re.compile(r"https://comtradeapi\.un\.org/data/v1/get/.*"), body=recorded,
                 content_type="application/json")
        results = refresh(["comtrade"], store=store, progress=print)
        assert results[0].status == "ok", results[0].detail
        request = mock.calls[0].request
        assert request.headers["Ocp-Apim-Subscription-Key"] == SENTINEL  # the key is used ...
        assert SENTINEL not in request.url  # ... only as a header
    # ... and a failing keyed request does not echo it either.
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, re.compile(r"https://comtradeapi\.un\.org/.*"), status=401, body=f"bad key {SENTINEL}")
        failed = refresh(["comtrade"], store=store, progress=print)
        assert failed[0].status == "failed" and SENTINEL not in failed[0].detail
    store.engine.dispose()
    written = files_under(tmp_path)
    assert written, "the store file should exist"
    for path in written:
        assert SENTINEL.encode() not in path.read_bytes(), f"key found in {path}"
    captured = capsys.readouterr()
    assert SENTINEL not in captured.out + captured.err
    assert SENTINEL not in caplog.text
    for vintage in store.vintages():
        assert SENTINEL not in repr(vintage)


def test_no_recorded_fixture_holds_a_key(fixtures):
    pattern = re.compile(r"(subscription-key|api_key|apikey)\s*[=:]\s*['\"]?[0-9a-f]{16,}", re.IGNORECASE)
    for path in files_under(fixtures):
        if path.suffix in {".json", ".csv", ".md", ".py", ".txt"}:
            assert not pattern.search(path.read_text(encoding="utf-8", errors="ignore")), path


def test_serve_runs_without_debug(monkeypatch):
    calls = {}

    class FakeApp:
        def run(self, **kwargs):
            calls.update(kwargs)

    import dashboard.app

    monkeypatch.setattr(dashboard.app, "create_app", lambda: FakeApp())
    assert cli.main(["serve", "--port", "8999"]) == 0
    assert calls["debug"] is False
