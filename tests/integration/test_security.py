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

    monkeypatch.setattr(dashboard.app, "create_app", lambda store: FakeApp())
    assert cli.main(["serve", "--port", "8999"]) == 0
    assert calls["debug"] is False


def test_security_headers_and_frameable_embeds(snapshot_store):
    from dashboard.app import create_app

    client = create_app(snapshot_store, warm=False).server.test_client()
    page = client.get("/")
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    embed = client.get("/embed/new-trio-total")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed.headers  # an iframe on another site must be able to show it
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]


def test_production_wsgi_app_is_not_in_debug_mode(snapshot_store):
    import dashboard.wsgi

    assert dashboard.wsgi.server.debug is False
    assert dashboard.wsgi.app.server.config.get("DEBUG") is False


def test_downloads_serve_only_known_figures_and_never_touch_the_filesystem(snapshot_store):
    from dashboard.app import create_app

    client = create_app(snapshot_store, warm=False).server.test_client()
    for path in ["/download/..%2F..%2Fetc%2Fpasswd.csv", "/download/../../pyproject.toml.csv",
                 "/download/%2Fetc%2Fpasswd.csv", "/download/claims.csv"]:
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert b"root:" not in response.data and b"[project]" not in response.data
