"""The fault matrix, once for every live source, on a real HTTP server on loopback.

Each live source is pointed at `tests/fault_server.py` through its URL setting and refreshed the
way `indicators refresh` does it (`refresh_source`): every fault must fail that source with a
one-line reason, after the retries the policy allows, and write nothing to the store. The bounds
are real: the gzip bomb inflates to 50 MB against a 1 MB cap, a trickle (of the body, or of the
status line and headers) runs past a 1 s deadline while every single read is well within the 0.5 s
read timeout.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fault_server import FaultServer, gzip_bomb
from indicators.refresh import refresh_source
from indicators import http, sources
from indicators.store import Store
from repo_paths import FIXTURES, ROOT


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
    "429-long": (r"HTTP 429 from http://127\.0\.0\.1:\d+/\S*.*asks to wait 3600 s \(Retry-After\), past the \d+ s deadline; "
                 r"not retried", 1),
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


# source -> a real recorded payload that answers another question, and the reason it must be refused with
ANOTHER_QUESTION = {
    "ember": ("fx/fredgraph_EXCHUS.csv", r"missing column\(s\) \['Area'"),  # FRED's CSV for Ember's
    "fx": ("fx/fredgraph_EXCHUS.csv", r"asked for series AEXCHUS but the answer holds EXCHUS: refused"),
    "worldbank": ("worldbank_v2_USA_SP.POP.TOTL_2022_2023.json",
                  r"asked for indicator \S+ but the answer holds 'SP.POP.TOTL'"),
    "comtrade": ("comtrade_preview_USA_JPN_TOTAL_2023.json", r"reporter is 842 but the request asked for 156"),
    "gii": ("ember/china_solar_exports_2023-07_excerpt.csv", r"missing column\(s\) \['iso3'"),
}


@pytest.mark.parametrize("source", list(LIVE))
def test_an_answer_to_another_question_fails_its_source_in_one_line_and_writes_nothing(server, source, monkeypatch):
    """Each live source answered with a real payload for another question (another series, indicator,
    reporter, or another source's file): refused by what the source checks, not by accident."""
    settings, _ = LIVE[source]
    for name, path in settings.items():
        monkeypatch.setenv(name, server.url + path)
    fixture, message = ANOTHER_QUESTION[source]
    server.mode, server.body = "ok", (FIXTURES / fixture).read_bytes()
    store = Store()

    result = refresh_source(source, offline=False, store=store)

    assert result.status == "failed", (source, result.detail)
    assert "\n" not in result.detail
    assert re.search(message, result.detail), (source, result.detail)
    assert store.latest_vintage(source) is None


def test_the_sources_in_the_matrix_are_every_live_source():
    from indicators import http, sources

    live = {name for name, module in sources.all_sources().items() if module.METADATA.live}
    assert live == set(LIVE) == set(ANOTHER_QUESTION)


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


# -- answers to another question, and a refresh killed midway (issue 22) ------------------------


def _live(server, source, monkeypatch):
    for name, path in LIVE[source][0].items():
        monkeypatch.setenv(name, server.url + path)
    server.requests.clear()


def _refused(store, source, result):
    """Refused in one line naming the source's reason, nothing stored, the failure logged."""
    assert result.status == "failed", result
    assert "\n" not in result.detail
    assert store.latest_vintage(source) is None
    assert store.last_events()[source]["last_attempt"]["status"] == "failed"
    assert store.last_events()[source]["last_error"]["detail"] == result.detail


@pytest.mark.parametrize("every_request", [True, False], ids=["every-request", "one-request"])
def test_another_indicators_answer_is_refused_naming_both(server, monkeypatch, every_request):
    """The World Bank answers the request for TX.VAL.TECH.CD with the page of GB.XPD.RSDV.GD.ZS: refused
    (not by accident of a duplicate key), also when it is the only request of the refresh."""
    from indicators.sources import worldbank

    _live(server, "worldbank", monkeypatch)
    if not every_request:
        monkeypatch.setattr(worldbank, "LIVE_INDICATORS", ["TX.VAL.TECH.CD"])
    server.mode = "ok"
    server.body = (FIXTURES / "worldbank" / "v2_GB.XPD.RSDV.GD.ZS_8countries_2015_2025.json").read_bytes()
    store = Store()

    result = refresh_source("worldbank", offline=False, store=store)

    _refused(store, "worldbank", result)
    assert re.search(r"asked for indicator TX\.VAL\.TECH\.CD but the answer holds 'GB\.XPD\.RSDV\.GD\.ZS'",
                     result.detail), result.detail
    assert len(server.requests) == 1  # refused at the first answer


def _comtrade_body(**record_changes) -> bytes:
    """A real Comtrade record made an answer to the project's request (China's exports of 850760 to
    the World in 2023), edited by `record_changes` (None: the field removed)."""
    body = json.loads((FIXTURES / "comtrade_preview_USA_JPN_TOTAL_2023.json").read_text())
    record = {**body["data"][0], "partnerCode": 0, "partnerISO": "W00", "partnerDesc": "World", "flowCode": "X",
              "cmdCode": "850760", "period": "2023", "refYear": 2023}
    for field, value in record_changes.items():
        if value is None:
            record.pop(field, None)
        else:
            record[field] = value
    return json.dumps({**body, "count": 1, "data": [record]}).encode()


@pytest.mark.parametrize(("changes", "refused"), [
    ({"reporterCode": None, "reporterISO": "USA", "reporterDesc": "USA"}, r"record 0 has no reporterCode and its "
     r"reporter is 'USA/USA' but the request asked for 156 \(CHN\)"),
    ({"reporterCode": None, "reporterISO": "", "reporterDesc": None}, r"record 0 has no reporterCode, reporterISO or "
     r"reporterDesc: its reporter cannot be established"),
    ({"reporterCode": None, "reporterISO": "CHN", "reporterDesc": "China"}, None),
], ids=["another-reporter-by-iso", "no-reporter-at-all", "the-right-reporter-by-iso"])
def test_a_comtrade_record_without_reporter_code_is_checked_by_its_iso_code(server, monkeypatch, changes, refused):
    from indicators.sources import comtrade

    _live(server, "comtrade", monkeypatch)
    real_params = comtrade.request_params
    monkeypatch.setattr(comtrade, "request_params", lambda years=None, codes=None: real_params([2023], ["850760"]))
    server.mode, server.body = "ok", _comtrade_body(**changes)
    store = Store()

    result = refresh_source("comtrade", offline=False, store=store)

    if refused:
        _refused(store, "comtrade", result)
        assert re.search(refused, result.detail), result.detail
    else:
        assert result.status == "ok", result.detail
        data = store.frame(source="comtrade")
        assert data[["entity", "counterpart", "product", "period"]].values.tolist() == [["CHN", "WLD", "850760", "2023"]]


KILLED_REFRESH = textwrap.dedent("""
    import os, sys, time
    from indicators import refresh, store

    real = store._write_changes
    calls = []

    def slow_write(conn, source, data, vintage_id, previous):
        calls.append(vintage_id)
        if len(calls) == int(sys.argv[1]):  # batch N of the refresh started: say so, then wait to be killed
            open(sys.argv[2], "w").close()
            time.sleep(600)
        return real(conn, source, data, vintage_id, previous)

    store._write_changes = slow_write
    refresh.refresh(["worldbank"], offline=True, store=store.Store())
""")


@pytest.mark.subprocess
def test_a_refresh_killed_between_batches_stores_none_of_its_batches(tmp_path):
    """kill -9 of `refresh` while it writes World Bank's 4th of 6 batches: the store holds no partial
    refresh (no World Bank vintage at all); the rerun writes the six; a third run writes nothing."""
    from indicators.sources import worldbank

    batches = worldbank.snapshot()
    assert len(batches) >= 4
    url = os.environ["INDICATORS_DB"]
    Store(url).write_vintage("customs", frame_of_one(), [])  # another source's vintage, untouched
    ready = tmp_path / "in-batch-4"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, "-c", KILLED_REFRESH, "4", str(ready)], env=env)
    try:
        deadline = time.monotonic() + 300
        while not ready.exists():
            assert process.poll() is None, "the refresh ended before batch 4"
            assert time.monotonic() < deadline, "the refresh never reached batch 4"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()

    store = Store(url)
    assert store.vintages("worldbank") == []
    assert [v.source for v in store.vintages()] == ["customs"]

    first = refresh_source("worldbank", offline=True, store=store)
    assert first.status == "ok" and len(first.vintages) == len(batches), first
    again = refresh_source("worldbank", offline=True, store=store)
    assert again.status == "unchanged", again
    assert store.last_events()["worldbank"]["last_attempt"]["status"] == "unchanged"
    assert len(store.vintages("worldbank")) == len(batches)


def test_a_rerun_after_a_partial_load_writes_only_the_batches_not_stored(tmp_path):
    """A store an older version left with 3 of the 6 World Bank batches: the rerun writes the other 3,
    none repeating its predecessor's payloads."""
    from indicators import refresh as refresher
    from indicators.sources import worldbank

    store = Store()
    batches = worldbank.snapshot()
    for batch in batches[:3]:
        data, _ = refresher._parse_batch(worldbank, batch)
        store.write_vintage("worldbank", data, batch.payloads, label=batch.label)

    result = refresh_source("worldbank", offline=True, store=store)

    assert result.status == "ok" and len(result.vintages) == len(batches) - 3, result
    shas = [v.payload_sha256 for v in store.vintages("worldbank")]
    assert shas == [",".join(p.sha256 for p in b.payloads) for b in batches]
    assert all(a != b for a, b in zip(shas, shas[1:]))
    assert refresh_source("worldbank", offline=True, store=store).status == "unchanged"


def frame_of_one():
    from indicators import frame

    return frame.build([dict(indicator="exports", entity="CHN", counterpart="WLD", period="2023", freq="A",
                             value=1.0, unit="CNY", released="")], source="customs", dataset="test")
