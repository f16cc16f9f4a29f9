"""`indicators refresh`: offline snapshot loads, live failures per source, the store left intact."""

from __future__ import annotations

import re

import pandas as pd
import pytest
import requests
import responses

from indicators import cli, sources
from indicators.refresh import refresh
from indicators.store import Store

LIVE = [name for name in sources.NAMES if sources.get(name).METADATA.live]
ANY_URL = re.compile(r"https?://.*")


@pytest.fixture
def loaded_store(snapshot_store):
    return snapshot_store


def store_contents(store: Store) -> dict:
    """Every vintage's rows and payload bytes: compared before and after a failed refresh."""
    contents = {}
    for vintage in store.vintages():
        shas = [s for s in vintage.payload_sha256.split(",") if s]
        contents[vintage.id] = (vintage, store.vintage_frame(vintage.id), [store.payload(s) for s in shas])
    return contents


def assert_unchanged(before: dict, after: dict) -> None:
    assert before.keys() == after.keys()
    for vintage_id, (vintage, rows, raw) in before.items():
        assert after[vintage_id][0] == vintage
        pd.testing.assert_frame_equal(after[vintage_id][1], rows)
        assert after[vintage_id][2] == raw


@pytest.mark.slow
def test_offline_refresh_loads_every_bundled_source(capsys):
    assert cli.main(["refresh", "--offline"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["source", "status", "rows", "vintages", "secs"]
    rows = {line.split()[0]: line.split() for line in lines[1:1 + len(sources.NAMES)]}
    assert set(rows) == set(sources.NAMES)
    assert rows["comtrade"][1] == "skipped" and rows["comtrade"][3] == "0"
    assert all(rows[name][1] == "ok" and int(rows[name][2].replace(",", "")) > 0
               for name in sources.NAMES if name != "comtrade")
    store = Store()
    assert int(rows["customs"][2].replace(",", "")) == store.latest_vintage("customs").rows
    # The vintages column counts what was written (not the ids): one per World Bank release in the snapshot.
    assert len(store.vintages("worldbank")) == 6 and rows["worldbank"][3] == "6"
    assert int(rows["ember"][2].replace(",", "")) == store.latest_vintage("ember").rows
    # A first load on an empty store: every verdict is a first verdict, none "changed".
    assert "verdict changed" not in out
    assert all(not store.report(v.id).get("verdicts_changed") for v in store.vintages())


def test_verdict_changes_are_reported_once_the_store_held_data(snapshot_store, capsys):
    """A refresh that brings a claim's data to a store that held other data reports the change."""
    from indicators.pipeline import refresh_and_check

    fresh = Store(snapshot_store.url.replace("snapshot-copy", "partial"))
    for name in sources.NAMES:
        if name not in ("customs", "comtrade"):
            fresh.write_vintage(name, snapshot_store.frame(source=name).drop(columns=["vintage", "retrieved_at"]))
    results = refresh_and_check(["customs"], offline=True, store=fresh)
    (report,) = results[0].reports
    assert {"claim": "new-trio-over-one-trillion", "before": "unverifiable", "after": "supported"} \
        in report["verdicts_changed"]


def test_worldbank_releases_give_a_revision_report_with_the_high_tech_revision(loaded_store):
    reports = [loaded_store.report(v.id) for v in loaded_store.vintages("worldbank")]
    revised = [item for report in reports for item in report["revised"]
               if item["indicator"] == "TX.VAL.TECH.CD" and item["entity"] == "CHN" and item["period"] == "2022"]
    assert len(revised) == 1
    assert revised[0]["old"] == pytest.approx(769.7e9, rel=1e-4)
    assert revised[0]["new"] == pytest.approx(924.4e9, rel=1e-4)


def test_reloading_the_same_snapshot_is_unchanged_and_writes_nothing(loaded_store, capsys):
    rows, vintages = loaded_store.observation_rows(), loaded_store.vintages()
    results = refresh(["customs", "worldbank"], offline=True, store=loaded_store)
    assert [(r.status, r.vintages, r.reports) for r in results] == [("unchanged", [], [])] * 2
    assert loaded_store.observation_rows() == rows and loaded_store.vintages() == vintages
    last = loaded_store.last_events()["worldbank"]["last_ok"]
    assert last["status"] == "unchanged" and last["vintage"] == loaded_store.latest_vintage("worldbank").id
    statuses = {r.source: r.status for r in refresh(offline=True, store=loaded_store)}  # every source, again
    assert set(statuses.values()) <= {"unchanged", "skipped"}, statuses
    assert loaded_store.observation_rows() == rows
    assert cli.main(["refresh", "--offline", "--source", "ember"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("ember "))
    assert line.split()[1] == "unchanged" and "nothing written" in line


def test_the_same_bytes_read_from_a_named_copy_are_loaded_again_to_say_so(tmp_path, monkeypatch):
    """A store loaded when the bundled FRED copies were not named (rows read_via "") serves rows that
    claim the primary source: the next refresh of the same bytes loads them again with the copy
    named, and only then is a repeat `unchanged`."""
    store = Store(f"sqlite:///{tmp_path / 'old.db'}")
    with monkeypatch.context() as patched:
        patched.setattr(sources.base, "bundled_copy", lambda relative: "")
        assert [r.status for r in refresh(["fx"], offline=True, store=store)] == ["ok"]
    assert store.read_via_of(store.latest_vintage("fx")) == {""}

    first, again = refresh(["fx"], offline=True, store=store), refresh(["fx"], offline=True, store=store)

    assert [r.status for r in first] == ["ok"] and [r.status for r in again] == ["unchanged"]
    copies = {p.read_via for b in sources.get("fx").snapshot() for p in b.payloads}
    assert store.read_via_of(store.latest_vintage("fx")) == copies and all(c.startswith("github.com (a copy in ") for c in copies)


def test_a_changed_payload_writes_a_vintage_of_only_the_changes(loaded_store):
    """The customs file with one figure changed: one new row stored, one revision reported."""
    module = sources.get("customs")
    (batch,) = module.snapshot()
    (payload,) = batch.payloads
    data = module.parse(payload)
    row = data.index[data["indicator"] == "new_trio_exports_total"][0]
    changed = data.copy()
    changed.loc[row, "value"] = data.loc[row, "value"] * 1.01
    rows = loaded_store.observation_rows()
    vintage = loaded_store.write_vintage("customs", changed, [sources.base.Payload("edited", b"edited", "u", "k")],
                                         report=lambda vid, prev: {"vintage": vid, "previous": prev, "note": "test"})
    assert loaded_store.observation_rows() == rows + 1
    assert vintage.rows == len(data) and len(loaded_store.vintage_frame(vintage.id)) == len(data)
    assert loaded_store.report(vintage.id)["previous"] == loaded_store.vintages("customs")[-2].id
    served = loaded_store.frame(source="customs", indicator="new_trio_exports_total")
    assert changed.loc[row, "value"] in served["value"].tolist()


def test_refresh_does_not_import_claims():
    """Data flow one way: refresh writes data; indicators.pipeline judges claims around it."""
    import ast
    import inspect

    from indicators import refresh as module

    tree = ast.parse(inspect.getsource(module))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names} | \
        {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | \
        {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not any("claims" in name for name in imported), imported


@pytest.mark.parametrize(
    "fault",
    [
        dict(body=requests.exceptions.ConnectionError("Failed to resolve host")),
        dict(body=requests.exceptions.Timeout("read timed out")),
        dict(status=500, body="Internal Server Error"),
        dict(status=429, body="Too Many Requests", headers={"Retry-After": "0"}),
        dict(status=200, body="<!DOCTYPE html><html><body>Maintenance</body></html>", content_type="text/html"),
        dict(status=200, body=""),
    ],
    ids=["dns", "timeout", "http500", "http429", "html", "empty"],
)
@pytest.mark.slow
def test_live_refresh_failure_names_each_source_exits_non_zero_and_keeps_the_store(loaded_store, fault, capsys):
    before = store_contents(loaded_store)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.GET, ANY_URL, **fault)
        code = cli.main(["refresh"])
    out = capsys.readouterr().out
    assert code == 1
    for name in LIVE:
        line = next(line for line in out.splitlines() if line.startswith(name + " "))
        assert " failed " in line, line
        assert len(line) < 400
    assert_unchanged(before, store_contents(loaded_store))
    # The last good data stay served.
    assert loaded_store.frame(source="customs", indicator="new_trio_exports_total")["value"].max() == 1.06e12
    events = loaded_store.last_events()
    assert all(events[name]["last_error"] for name in LIVE)


def test_a_truncated_live_payload_fails_that_source_only(loaded_store):
    before = store_contents(loaded_store)
    bundled = (sources.base.bundled_file("ember/china_solar_exports_monthly.csv")).read_bytes()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.GET, ANY_URL, body=bundled[: len(bundled) // 2], content_type="text/csv")
        results = refresh(["ember"], store=loaded_store, check_claims=False)
    assert results[0].status == "failed"
    assert_unchanged(before, store_contents(loaded_store))


def test_sources_command_lists_metadata_latest_vintage_and_last_error(loaded_store, capsys):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.GET, ANY_URL, body=requests.exceptions.ConnectionError("Failed to resolve host"))
        refresh(["fx"], store=loaded_store, check_claims=False)
    assert cli.main(["sources"]) == 0
    out = capsys.readouterr().out
    for name in sources.NAMES:
        assert f"{name}: " in out
    assert "licence:" in out and "latest vintage: none" in out  # comtrade has no bundled data
    assert re.search(r"fx: .*\n(.*\n)*?  last error: .*fred", out, re.IGNORECASE) or "last error" in out


def test_non_live_sources_are_skipped_not_failed_when_fetching_live(loaded_store):
    results = refresh(["customs", "caam"], store=loaded_store, check_claims=False)
    assert [r.status for r in results] == ["skipped", "skipped"]


def test_unknown_source_is_refused():
    with pytest.raises(SystemExit):
        cli.main(["refresh", "--source", "imf"])


def test_only_missing_loads_just_the_sources_without_a_vintage(capsys):
    store = Store()
    refresh(["customs"], offline=True, store=store, check_claims=False)
    assert cli.main(["refresh", "--offline", "--only-missing", "--source", "customs", "--source", "caam"]) == 0
    assert len(store.vintages("customs")) == 1 and len(store.vintages("caam")) == 1
    assert cli.main(["refresh", "--offline", "--only-missing", "--source", "customs"]) == 0
    assert "nothing to load" in capsys.readouterr().out


@pytest.mark.parametrize("message, reason", [
    ("HTTPSConnectionPool(host='x', port=443): Max retries exceeded with url: /a?id=1&api_key=abc "
     "(Caused by NameResolutionError(\"Failed to resolve 'x'\"))", "DNS lookup failed"),
    ("[Errno 111] Connection refused", "connection refused"),
    ("Max retries exceeded with url: /data?subscription-key=abc123 (Caused by Whatever)", None),
])
def test_connection_failures_are_one_short_reason_without_query_strings(message, reason):
    from indicators.http import connection_reason

    text = connection_reason(requests.exceptions.ConnectionError(message))
    assert "?" not in text and "abc" not in text
    if reason:
        assert text == reason


def test_lock_files_are_kept_in_one_folder_beside_the_store(tmp_path):
    """The store's locks (schema, one per source) live in `<store>.locks/`, not as files beside it."""
    (tmp_path / "here").mkdir()
    store = Store(f"sqlite:///{tmp_path / 'here' / 'indicators.db'}")
    assert [r.status for r in refresh(["fx", "customs"], offline=True, store=store)] == ["ok", "ok"]
    beside = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert not [name for name in beside if name.endswith(".lock")], beside
    assert sorted(p.name for p in (tmp_path / "here" / "indicators.db.locks").iterdir()) == [
        "schema.lock", "source-customs.lock", "source-fx.lock"]
