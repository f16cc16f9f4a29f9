"""The Comtrade key never leaves the request header (issue 13.9).

A sentinel key is sent to a loopback server whose error answers echo it (in the body, as APIs
that quote the request do, and as a `subscription-key=` query value). It must reach the server in
the header, and appear nowhere else: not in stdout, stderr, the store's events, `indicators
sources`, nor `/health`.
"""

from __future__ import annotations

import json

import pytest

from fault_server import FaultServer
from indicators import http
from indicators.cli import main
from indicators.http import SourceError
from indicators.store import Store

SENTINEL = "SENTINEL-KEY-5f0c1e9a7b3d"  # not a real key


def test_scrub_removes_key_values_and_subscription_key_parameters(monkeypatch):
    monkeypatch.setenv("COMTRADE_API_KEY", SENTINEL)
    text = f"denied for {SENTINEL}; see /get?a=1&subscription-key=other-value&b=2 and 'subscription-key': 'x9'"
    cleaned = http.scrub(text)
    assert SENTINEL not in cleaned and "other-value" not in cleaned and "x9" not in cleaned
    assert cleaned.count("[redacted]") == 3
    assert "a=1" in cleaned and "&b=2" in cleaned


def test_source_errors_are_scrubbed_when_built(monkeypatch):
    monkeypatch.setenv("COMTRADE_API_KEY", SENTINEL)
    error = SourceError("comtrade", f"API said: invalid key {SENTINEL}\nsecond line")
    assert SENTINEL not in str(error) and SENTINEL not in error.reason
    assert "\n" not in str(error)


@pytest.mark.parametrize("mode", ["echo-key", "echo-key-200"], ids=["http-401-body", "api-error-field"])
def test_an_echoed_key_appears_nowhere(mode, monkeypatch, capsys):
    with FaultServer() as server:
        server.mode = mode
        monkeypatch.setenv("COMTRADE_API_KEY", SENTINEL)
        monkeypatch.setenv("INDICATORS_COMTRADE_URL", server.url + "/ct")

        code = main(["refresh", "--source", "comtrade"])
        refreshed = capsys.readouterr()
        main(["sources"])
        listed = capsys.readouterr()

        assert server.headers and server.headers[0]["Ocp-Apim-Subscription-Key"] == SENTINEL  # sent, in the header
        assert all(SENTINEL not in line for line in server.requests)  # never in the URL
    assert code == 1
    assert "[redacted]" in refreshed.out + refreshed.err  # the echo reached the message, scrubbed
    for text in (refreshed.out, refreshed.err, listed.out, listed.err):
        assert SENTINEL not in text
    store = Store()
    events = json.dumps(store.last_events(), default=str)
    assert "comtrade" in events and SENTINEL not in events

    from dashboard.app import create_app

    health = create_app(store, warm=False).server.test_client().get("/health")
    assert SENTINEL not in health.get_data(as_text=True)
