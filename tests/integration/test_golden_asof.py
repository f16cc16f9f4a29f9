"""Golden test: the store that keeps changes answers exactly what the store that kept a full copy
per vintage answered (tests/legacy_store.py, the old engine verbatim, commit 9f11d2e).

Both engines get the same writes, from the real bundled data: the whole snapshot, and histories
of the six real World Bank releases in data/wdi loaded in order, in reverse, and shuffled with
releases coming back. They must agree on the latest frame and on the frame as of every bundled
as-of date (the articles' `as_of`) and of every release date in the data (and the day before),
on each vintage's own rows, on each revision report, and on every claim's verdict and numbers
latest and as of the article's date ("what the author could see").
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd
import pytest

from indicators import claims, frame, refresh, sources
from indicators.store import Store
from tests import legacy_store
from tests.frame_asserts import assert_frames_equal

SNAPSHOT_SOURCES = [name for name in sources.NAMES if sources.get(name).snapshot()]


def parsed_batches(name: str) -> list:
    module = sources.get(name)
    return [(batch, refresh._parse_batch(module, batch)[0]) for batch in module.snapshot()]


@pytest.fixture(scope="module")
def bundled():
    return {name: parsed_batches(name) for name in SNAPSHOT_SOURCES}


def both_write(old, new, name, batch, data):
    """The same vintage into both engines: the new one through refresh's writer (report in the
    vintage's transaction), the old one as the old refresh did (report from what it served)."""
    before = old.served_values(name)
    previous = old.latest_vintage(name)
    vintage = old.write_vintage(name, data, batch.payloads, label=batch.label,
                                release_date=max((p.release_date for p in batch.payloads), default=""))
    old_report = refresh.revision_report(before, old.served_values(name), vintage.id,
                                         previous.id if previous else None, name)
    result = refresh._write_batches(name, sources.get(name), [batch], "offline", new, 0.0)
    assert result.status == "ok", result.detail
    assert result.vintages == [vintage.id]  # the same vintage ids in both engines
    return old_report, new.report(vintage.id)


def as_of_dates(store, most: int = 12) -> list[str | None]:
    """None, every bundled as-of date, and release dates in the data and the day before each (all
    of them, or `most` spread evenly over them: FRED's and ember's releases make hundreds; each date
    costs two whole-store reads per engine, the suite's largest single cost)."""
    released = sorted(store.frame()["released"].unique())
    if len(released) > most:
        released = [released[round(i * (len(released) - 1) / (most - 1))] for i in range(most)]
    days = {claims_as_of()}
    for day in map(date.fromisoformat, released):
        days |= {day.isoformat(), (day - timedelta(days=1)).isoformat()}
    return [None, *sorted(days)]


def claims_as_of() -> str:
    from indicators.articles import default_article

    return default_article().as_of


def assert_same_frame(old_frame: pd.DataFrame, new_frame: pd.DataFrame, new: Store, context) -> None:
    columns = [*frame.COLUMNS, "vintage"]
    order = frame.KEY
    expected = old_frame[columns].sort_values(order).reset_index(drop=True)
    got = new_frame[columns].sort_values(order).reset_index(drop=True)
    expected["vintage"] = expected["vintage"].astype("int64")
    assert_frames_equal(got, expected, str(context))
    retrieved = {v.id: v.retrieved_at for v in new.vintages()}
    assert (new_frame["retrieved_at"] == new_frame["vintage"].map(retrieved)).all(), context


def assert_same_everywhere(old, new, names, dates) -> None:
    for as_of in dates:
        assert_same_frame(old.frame(as_of=as_of), new.frame(as_of=as_of), new, ("all", as_of))
    for as_of in (None, claims_as_of()):  # each source alone too (its own query, its own cache)
        for name in names:
            assert_same_frame(old.frame(source=name, as_of=as_of), new.frame(source=name, as_of=as_of), new,
                              (name, as_of))
    for vintage in old.vintages():
        expected = old.vintage_frame(vintage.id).sort_values(frame.KEY).reset_index(drop=True)
        got = new.vintage_frame(vintage.id).sort_values(frame.KEY).reset_index(drop=True)
        assert_frames_equal(got[expected.columns], expected, f"vintage {vintage.id}", check_dtype=False)
    assert [(v.id, v.source, v.rows, v.payload_sha256) for v in old.vintages()] == \
        [(v.id, v.source, v.rows, v.payload_sha256) for v in new.vintages()]


def engines(tmp_path, label):
    old = legacy_store.Store(f"sqlite:///{tmp_path / f'{label}-old.db'}")
    new = Store(f"sqlite:///{tmp_path / f'{label}-new.db'}")
    return old, new


@pytest.mark.slow
@pytest.mark.timeout(900)  # ~50 as-of frames from two engines: over 200 s on a loaded 2-core machine
def test_bundled_snapshot_same_answers_latest_and_as_of_every_date(tmp_path, bundled):
    old, new = engines(tmp_path, "snapshot")
    for name, batches in bundled.items():
        for batch, data in batches:
            old_report, new_report = both_write(old, new, name, batch, data)
            assert new_report == old_report
    assert_same_everywhere(old, new, list(bundled), as_of_dates(old))
    # What the author could see, and what the data say now: every claim's verdict and numbers.
    for as_of in (claims_as_of(), None):
        expected = [r.to_dict() for r in claims.check_all(store=old, as_of=as_of)]
        got = [r.to_dict() for r in claims.check_all(store=new, as_of=as_of)]
        assert got == expected


WDI_ORDERS = {
    "in order": [0, 1, 2, 3, 4, 5],
    "reversed": [5, 4, 3, 2, 1, 0],
    "older and current, back and forth": [0, 5, 0, 5, 3, 0, 2, 5],
    "shuffled with returns": random.Random(10).sample(range(6), 6) + random.Random(11).sample(range(6), 6),
}


@pytest.mark.parametrize("order", list(WDI_ORDERS))
def test_world_bank_release_histories_same_answers(tmp_path, bundled, order):
    releases = bundled["worldbank"]
    assert len(releases) == 6
    sequence = WDI_ORDERS[order]
    assert all(a != b for a, b in zip(sequence, sequence[1:])), "a repeat in a row is an unchanged refresh"
    old, new = engines(tmp_path, "wdi")
    for index in sequence:
        batch, data = releases[index]
        old_report, new_report = both_write(old, new, "worldbank", batch, data)
        assert new_report == old_report, (order, index)
    assert_same_everywhere(old, new, ["worldbank"], as_of_dates(old))
    # Never more rows than the old engine's copies (each release is its own set of files, so a
    # release that comes back after another is written again: its rows were withdrawn meanwhile).
    assert new.observation_rows() <= sum(v.rows for v in old.vintages())


def test_an_unchanged_refresh_changes_no_answer(tmp_path, bundled):
    """The old engine wrote the same rows again under a new vintage; the new one writes nothing.
    Every answer is the same as before the refresh (the vintage ids are the ones already served)."""
    _, new = engines(tmp_path, "unchanged")
    refresh.refresh(["worldbank", "customs"], offline=True, store=new)
    before = {as_of: new.frame(as_of=as_of) for as_of in (None, claims_as_of())}
    rows, vintages = new.observation_rows(), new.vintages()
    results = refresh.refresh(["worldbank", "customs"], offline=True, store=new)
    assert [r.status for r in results] == ["unchanged", "unchanged"]
    assert new.observation_rows() == rows and new.vintages() == vintages
    for as_of, expected in before.items():
        pd.testing.assert_frame_equal(new.frame(as_of=as_of), expected)
