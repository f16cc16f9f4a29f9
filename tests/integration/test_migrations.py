"""Alembic migrations: a store written by the old code (tests/legacy_store.py, the store module of
commit 9f11d2e verbatim) upgrades in place on open, or by `indicators db upgrade`, without losing
a vintage, a payload, an event or a revision report, and answers every read as before.

The old store is built in the test from the real bundled data: the snapshot loaded twice (the
old engine stored every row again) with the older World Bank release in between, so that the
store holds copies and revisions. A second variant drops the `read_via` column, as in stores
written before commit 3c24243 added it.
"""

from __future__ import annotations

import json
import sqlite3

import pandas as pd
import pytest

from indicators import cli, frame, refresh, sources
from indicators.store import SCHEMA_VERSION, Store
from tests import legacy_store
from tests.frame_asserts import assert_frames_equal

AS_OF = [None, "2019-06-30", "2023-01-01", "2024-03-31", "2025-06-30"]


def write_like_the_old_refresh(store, name: str, batches) -> None:
    module = sources.get(name)
    for batch in batches:
        data, _ = refresh._parse_batch(module, batch)
        before, previous = store.served_values(name), store.latest_vintage(name)
        vintage = store.write_vintage(name, data, batch.payloads, label=batch.label,
                                      release_date=max((p.release_date for p in batch.payloads), default=""))
        report = refresh.revision_report(before, store.served_values(name), vintage.id,
                                         previous.id if previous else None, name)
        store.save_report(vintage.id, report["previous"], report)
        store.log_event(name, "ok", vintage=vintage.id, detail=f"{vintage.rows} rows")


@pytest.fixture(scope="module")
def old_store_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("legacy") / "legacy.db"
    store = legacy_store.Store(f"sqlite:///{path}")
    names = [name for name in sources.NAMES if sources.get(name).snapshot()]
    for name in names:
        write_like_the_old_refresh(store, name, sources.get(name).snapshot())
    write_like_the_old_refresh(store, "worldbank", sources.get("worldbank").snapshot()[:1])  # the older release again
    for name in names:
        write_like_the_old_refresh(store, name, sources.get(name).snapshot())
    store.log_event("fx", "failed", detail="fred: DNS lookup failed")
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    return path


@pytest.fixture(scope="module")
def small_old_store_template(tmp_path_factory):
    """A smaller store written by the old code, for the tests of one path each (a column added, the
    command): the customs snapshot twice (copies) and two World Bank releases (revisions)."""
    path = tmp_path_factory.mktemp("legacy-small") / "legacy-small.db"
    store = legacy_store.Store(f"sqlite:///{path}")
    customs, releases = sources.get("customs").snapshot(), sources.get("worldbank").snapshot()
    write_like_the_old_refresh(store, "customs", customs)
    write_like_the_old_refresh(store, "worldbank", releases[:2])
    write_like_the_old_refresh(store, "customs", customs)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    return path


def answers_of(template, tmp_path_factory) -> dict:
    """What the old code answers from a template (read once per template)."""
    store = legacy_store.Store(copy_of(template, tmp_path_factory.mktemp("reference")))
    found = answers(store)
    store.engine.dispose()
    return found


@pytest.fixture(scope="module")
def old_answers(old_store_template, tmp_path_factory) -> dict:
    return answers_of(old_store_template, tmp_path_factory)


@pytest.fixture(scope="module")
def small_old_answers(small_old_store_template, tmp_path_factory) -> dict:
    return answers_of(small_old_store_template, tmp_path_factory)


def answers(store) -> dict:
    """Everything a reader can ask, in comparable form."""
    found = {"vintages": [tuple(v.__dict__.values()) for v in store.vintages()],
             "reports": {v: json.dumps(r, sort_keys=True) for v, r in store.reports().items()},
             "events": store.last_events()}
    for as_of in AS_OF:
        data = store.frame(as_of=as_of)
        found[("frame", as_of)] = data[[*frame.COLUMNS, "vintage", "retrieved_at"]].sort_values(frame.KEY) \
            .reset_index(drop=True)
    for vintage in store.vintages():
        rows = store.vintage_frame(vintage.id)
        found[("vintage", vintage.id)] = rows[["vintage", *frame.COLUMNS]].sort_values(frame.KEY).reset_index(drop=True)
        for sha in filter(None, vintage.payload_sha256.split(",")):
            found[("payload", sha)] = store.payload(sha)
    return found


def assert_same(got: dict, expected: dict) -> None:
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        if isinstance(value, pd.DataFrame):
            assert_frames_equal(got[key], value, str(key), check_dtype=False)
        elif key == "events":  # the new store also says which kind of success the last one was
            for source, entry in value.items():
                ok = got[key][source]["last_ok"]
                assert (ok and {k: ok[k] for k in ("at", "vintage")}) == entry["last_ok"], source
                assert got[key][source]["last_error"] == entry["last_error"], source
        else:
            assert got[key] == value, key


def copy_of(template, tmp_path, drop_read_via=False, name="old.db") -> str:
    path = tmp_path / name
    path.write_bytes(template.read_bytes())
    if drop_read_via:
        with sqlite3.connect(path) as conn:
            conn.execute("ALTER TABLE observations DROP COLUMN read_via")
    return f"sqlite:///{path}"


@pytest.mark.slow
def test_a_store_written_by_the_old_code_upgrades_on_open_and_answers_as_before(old_store_template, old_answers,
                                                                                 tmp_path):
    url = copy_of(old_store_template, tmp_path)
    old = legacy_store.Store(url)
    copies = sum(v.rows for v in old.vintages())
    old.engine.dispose()
    store = Store(url)
    assert store.schema_version() == SCHEMA_VERSION
    assert_same(answers(store), old_answers)
    assert store.observation_rows() < copies  # the second load of each source is stored once
    # And it goes on working: an unchanged refresh writes nothing; a new vintage is served.
    assert {r.status for r in refresh.refresh(["customs", "ember"], offline=True, store=store)} == {"unchanged"}


@pytest.mark.slow
def test_a_store_from_before_read_via_gains_the_column(small_old_store_template, small_old_answers, tmp_path):
    url = copy_of(small_old_store_template, tmp_path, drop_read_via=True)
    store = Store(url)
    got = answers(store)
    expected = {key: value.assign(read_via="") if isinstance(value, pd.DataFrame) else value  # not recorded by
                for key, value in small_old_answers.items()}                             # stores of that age
    assert_same(got, expected)


def test_db_upgrade_command_upgrades_and_then_says_up_to_date(small_old_store_template, tmp_path, monkeypatch, capsys):
    url = copy_of(small_old_store_template, tmp_path)
    monkeypatch.setenv("INDICATORS_DB", url)
    assert cli.main(["db", "upgrade"]) == 0
    assert f"schema none -> {SCHEMA_VERSION}" in capsys.readouterr().out
    assert cli.main(["db", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert cli.main(["status"]) == 0


def test_an_empty_database_gets_the_current_schema(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'new.db'}")
    assert store.schema_version() == SCHEMA_VERSION
    assert store.vintages() == [] and store.frame().empty
