"""Revision-report delivery: atomic JSON file, webhook POST, failures that never raise."""

from __future__ import annotations

import json
import os

import pytest
import requests
import responses

from indicators import notify

REPORTS = [
    {
        "source": "worldbank", "vintage": 8, "previous": 7,
        "revised": [{"indicator": "TX.VAL.TECH.CD", "entity": "CHN", "period": "2022",
                     "old": 769.7e9, "new": 924.4e9, "change": 154.7e9, "change_pct": 20.1}],
        "revised_count": 1, "added_count": 0, "added_series": [], "dropped_count": 0, "dropped_series": [],
        "verdicts_changed": [{"claim": "new-trio-over-one-trillion", "before": "unverifiable", "after": "supported"}],
    }
]
HOOK = "https://hooks.example.org/indicators"


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(notify, "_now", lambda: "2026-11-29T12:00:00+00:00")


def test_file_written_with_exact_content(tmp_path, frozen_now):
    target = tmp_path / "out" / "revisions.json"
    outcome = notify.deliver(REPORTS, path=target)
    assert outcome == {"path": target, "webhook": None}
    expected = {"generated_at": "2026-11-29T12:00:00+00:00", "count": 1, "reports": REPORTS}
    assert json.loads(target.read_text(encoding="utf-8")) == expected
    assert target.read_text(encoding="utf-8") == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert [p.name for p in target.parent.iterdir()] == ["revisions.json"]  # no temporary left behind


def test_file_write_is_atomic_when_serialising_fails(tmp_path, frozen_now, capsys):
    """A report that cannot be written leaves the previous file as it was, and no temp file."""
    target = tmp_path / "revisions.json"
    target.write_text("previous report\n")
    outcome = notify.deliver([{"source": "fx", "bad": object()}], path=target)  # object() is not JSON
    assert outcome["path"] is None
    assert target.read_text() == "previous report\n"
    assert "cannot write the revision report" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["revisions.json"]


def test_file_write_failure_is_one_line_not_an_exception(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    outcome = notify.deliver(REPORTS, path=blocker / "sub" / "r.json")  # parent is a file
    assert outcome["path"] is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("notify: cannot write the revision report")


def test_file_has_normal_permissions(tmp_path):
    target = tmp_path / "r.json"
    notify.deliver(REPORTS, path=target)
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


@responses.activate
def test_webhook_post_body(frozen_now):
    responses.add(responses.POST, HOOK, status=204)
    outcome = notify.deliver(REPORTS, webhook=HOOK)
    assert outcome["webhook"] == 204
    assert len(responses.calls) == 1
    call = responses.calls[0]
    assert call.request.headers["Content-Type"] == "application/json"
    assert json.loads(call.request.body) == {"generated_at": "2026-11-29T12:00:00+00:00", "count": 1, "reports": REPORTS}


@responses.activate
def test_webhook_from_environment(monkeypatch):
    monkeypatch.setenv("INDICATORS_WEBHOOK_URL", HOOK)
    responses.add(responses.POST, HOOK, status=200)
    assert notify.deliver(REPORTS)["webhook"] == 200
    assert json.loads(responses.calls[0].request.body)["reports"][0]["vintage"] == 8


@responses.activate
def test_webhook_uses_a_timeout(monkeypatch):
    seen = {}
    real_post = requests.post

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real_post(*args, **kwargs)

    monkeypatch.setattr(notify.requests, "post", spy)
    responses.add(responses.POST, HOOK, status=200)
    notify.deliver(REPORTS, webhook=HOOK)
    assert seen["timeout"] == 10


@responses.activate
def test_webhook_http_error_does_not_raise(capsys):
    responses.add(responses.POST, HOOK, status=500)
    outcome = notify.deliver(REPORTS, webhook=HOOK + "?token=s3cret")
    assert outcome["webhook"] is None
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["notify: webhook https://hooks.example.org/indicators answered HTTP 500"]  # no token shown


@responses.activate
def test_webhook_connection_error_does_not_raise_and_file_still_written(tmp_path, capsys):
    responses.add(responses.POST, HOOK, body=requests.ConnectionError("connection refused"))
    target = tmp_path / "r.json"
    outcome = notify.deliver(REPORTS, path=target, webhook=HOOK)
    assert outcome["path"] == target and outcome["webhook"] is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "webhook https://hooks.example.org/indicators failed: ConnectionError" in err[0]


def test_webhook_refused_connection_does_not_raise(capsys):
    """A real socket: nothing listens on the port, the POST fails and delivery carries on."""
    import socket

    with socket.socket() as probe:  # a free port, closed again before the POST
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = notify.deliver(REPORTS, webhook=f"http://127.0.0.1:{port}/hook")
    assert outcome["webhook"] is None
    assert "webhook http://127.0.0.1/hook failed: ConnectionError" in capsys.readouterr().err


@responses.activate
def test_secrets_are_never_delivered(tmp_path):
    responses.add(responses.POST, HOOK, status=200)
    leaky = [{**REPORTS[0], "api_key": "k-123", "detail": {"subscription-key": "k-456", "token": "t", "rows": 3}}]
    target = tmp_path / "r.json"
    notify.deliver(leaky, path=target, webhook=HOOK)
    for text in (target.read_text(), responses.calls[0].request.body.decode()):
        assert "k-123" not in text and "k-456" not in text and '"t"' not in text
        assert '"rows": 3' in text or '"rows":3' in text
