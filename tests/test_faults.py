"""The fault matrix, once for every live source, on a real HTTP server on loopback.

Each live source is pointed at `tests/fault_server.py` through its URL setting and refreshed the
way `indicators refresh` does it (`refresh_source`): every fault must fail that source with a
one-line reason, after the retries the policy allows, and write nothing to the store. The bounds
are real: the gzip bomb inflates to 50 MB against a 1 MB cap, a trickle (of the body, or of the
status line and headers) runs past a 1 s deadline while every single read is well within the 0.5 s
read timeout.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fault_server import FaultServer, gzip_bomb
from indicators.refresh import refresh_source
from indicators import http, sources
from indicators.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

# source -> (environment variable(s) pointing it at the server, a real recorded payload it would get)
LIVE = {
    "ember": ({"INDICATORS_EMBER_URL": "/ember/solar.csv"}, "ember/china_solar_exports_2023-07_excerpt.csv"),
    "fx": ({"INDICATORS_FRED_URL": "/fred/graph/fredgraph.csv"}, "fx/fredgraph_EXCHUS.csv"),
    "worldbank": ({"INDICATORS_WORLDBANK_URL": "/wb/v2"}, "worldbank/v2_TX.VAL.TECH.CD_8countries_2015_2025.json"),
    "comtrade": ({"INDICATORS_COMTRADE_URL": "/comtrade"}, "comtrade_preview_USA_JPN_TOTAL_2023.json"),
    "gii": ({"GII_RANKING_URL": "/gii/ranking.csv", "GII_TECH1_URL": "/gii/tech1.xlsx"},
            "gii/constructed_bc_results_gii_2023.csv"),
}

# fault -> (what the one-line reason must contain, how many requests the server must have seen)
FAULTS = {
    "timeout": (r"timed out after 0.5 s \(http://127\.0\.0\.1:\d+/[^ ]*\); gave up after 3 tries", 3),
    "500": (r"HTTP 500 from http://127\.0\.0\.1:\d+/\S*: busy; gave up after 3 tries", 3),
    "429": (r"HTTP 429 from http://127\.0\.0\.1:\d+/\S*: busy; gave up after 3 tries", 3),
    "html": (r"HTML", 1),
    "truncated": (r"connection closed mid-answer after \d+ bytes \(truncated body", 1),
    "gzip-bomb": (r"answer larger than the 1 MB limit \(after decompression\)", 1),
    "oversized": (r"answer larger than the 1 MB limit \(after decompression\)", 1),
    "trickle": (r"answer not complete within the 1 s deadline", 1),
    "header-trickle": (r"no answer within the 1 s deadline", 1),
}


@pytest.fixture(scope="module")
def server():
    with FaultServer() as running:
        running.bomb = gzip_bomb(50_000_000)
        yield running


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("source", list(LIVE))
def test_every_fault_fails_its_source_in_one_line_and_writes_nothing(server, source, fault, monkeypatch):
    settings, fixture = LIVE[source]
    for name, path in settings.items():
        monkeypatch.setenv(name, server.url + path)
    monkeypatch.setenv("INDICATORS_HTTP_TIMEOUT", "0.5")
    monkeypatch.setenv("INDICATORS_HTTP_RETRY_AFTER_MAX", "0.05")  # the server asks for 1 s: the cap wins
    monkeypatch.setenv("INDICATORS_HTTP_MAX_MB", "1")
    if fault in ("trickle", "header-trickle"):
        monkeypatch.setenv("INDICATORS_HTTP_DEADLINE", "1")
    server.mode, server.body = fault, (FIXTURES / fixture).read_bytes()
    server.requests.clear()
    store = Store()

    result = refresh_source(source, offline=False, store=store)

    message, tries = FAULTS[fault]
    assert result.status == "failed", (source, fault, result.detail)
    assert "\n" not in result.detail
    assert re.search(message, result.detail), (source, fault, result.detail)
    assert len(server.requests) == tries, server.requests
    if fault == "header-trickle":  # the fetch hung up mid-headers: it did not wait for the whole head
        assert server.head_sent < server.head_size, (server.head_sent, server.head_size)
    assert store.latest_vintage(source) is None
    assert store.last_events()[source]["last_error"]["detail"] == result.detail


def test_the_sources_in_the_matrix_are_every_live_source():
    from indicators import http, sources

    live = {name for name, module in sources.all_sources().items() if module.METADATA.live}
    assert live == set(LIVE)


ONE_PAYLOAD = {
    "ember": lambda module, http: module.fetch(http)[0].payloads[0],
    "fx": lambda module, http: module._fetch_series("EXCHUS", http),  # the server has one body: fetch one series
    "worldbank": lambda module, http: module._fetch_indicator("TX.VAL.TECH.CD", http),
}


@pytest.mark.parametrize("source", list(ONE_PAYLOAD))
def test_a_download_from_a_mirror_names_the_mirror_as_the_site_read(server, source, monkeypatch):
    """A live source pointed at another host (INDICATORS_*_URL) keeps the publisher and says where
    the figures were read: every row's read_via is the mirror's host, not "" (primary)."""
    settings, fixture = LIVE[source]
    for name, path in settings.items():
        monkeypatch.setenv(name, server.url + path)
    server.mode, server.body = "ok", (FIXTURES / fixture).read_bytes()
    module = sources.get(source)

    payload = ONE_PAYLOAD[source](module, http.session())
    rows = module.parse(payload)

    assert len(rows) and set(rows["read_via"]) == {"127.0.0.1"}
    assert set(rows["publisher"]) == {module.METADATA.publisher}
