"""The store: atomic vintages, as-of resolution, schema validation at the boundary, readers during writes."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pandas as pd
import pytest

from indicators import frame
from indicators.sources.base import Payload
from indicators.store import Store, StoreError


def obs(value, period="2023", released="", indicator="exports", unit="CNY", **extra):
    return dict(indicator=indicator, entity="CHN", counterpart="WLD", period=period, freq="A",
                value=value, unit=unit, released=released, **extra)


def make(records, source="customs"):
    return frame.build(records, source=source, dataset="test")


def test_write_and_read_back_one_vintage():
    store = Store()
    v = store.write_vintage("customs", make([obs(1.06e12), obs(0.8e12, period="2022")]), [Payload("f", b"x", "u", "k")])
    data = store.frame(source="customs")
    assert v.rows == 2
    assert sorted(data["value"]) == [0.8e12, 1.06e12]
    assert set(data["vintage"]) == {v.id}
    assert store.payload(Payload("f", b"x", "u", "k").sha256) == b"x"


def test_latest_value_wins_and_as_of_returns_what_was_published_then():
    store = Store()
    store.write_vintage("customs", make([obs(769.7e9, released="2023-06-01")]))
    store.write_vintage("customs", make([obs(924.4e9, released="2026-04-08")]))
    assert store.frame(source="customs")["value"].tolist() == [924.4e9]
    assert store.frame(source="customs", as_of="2024-03-31")["value"].tolist() == [769.7e9]
    assert store.frame(source="customs", as_of="2023-05-31").empty


def test_same_release_reloaded_newest_vintage_wins():
    store = Store()
    store.write_vintage("customs", make([obs(1.0, released="2024-01-12")]))
    v2 = store.write_vintage("customs", make([obs(2.0, released="2024-01-12")]))
    latest = store.frame(source="customs")
    assert latest["value"].tolist() == [2.0] and latest["vintage"].tolist() == [v2.id]


def test_indicators_and_the_counterpart_filter_read_the_values_served():
    """Store.indicators() (what `status` and claims-file validation read) counts the values served, not every
    revision stored; frame(counterpart=...) is frame() narrowed to those partners, the newest value winning."""
    store = Store()
    rows = [obs(1.0, released="2023-06-01"), obs(2.0, period="2022"), {**obs(3.0), "counterpart": "USA"},
            obs(4.0, indicator="imports", period="2021")]
    store.write_vintage("customs", make(rows))
    store.write_vintage("customs", make([obs(1.5, released="2024-01-12"), *rows[1:]]))  # 2023 to the world revised
    listed = store.indicators()
    assert listed.to_dict("records") == [
        {"source": "customs", "dataset": "test", "indicator": "exports", "observations": 3, "first_period": "2022",
         "last_period": "2023"},
        {"source": "customs", "dataset": "test", "indicator": "imports", "observations": 1, "first_period": "2021",
         "last_period": "2021"}]
    assert store.frame(source="customs", indicator="exports", counterpart="USA")["value"].tolist() == [3.0]
    world = store.frame(source="customs", counterpart=["WLD"])
    everything = store.frame(source="customs")
    pd.testing.assert_frame_equal(world, everything[everything["counterpart"] == "WLD"].reset_index(drop=True))
    assert sorted(world["value"]) == [1.5, 2.0, 4.0]
    assert sorted(store.frame(source="customs", counterpart="WLD", as_of="2023-12-31")["value"]) == [1.0, 2.0, 4.0]


def test_as_of_rejects_a_non_date():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        Store().frame(as_of="March 2024")


def test_duplicate_key_is_rejected_with_a_clear_error_and_nothing_written():
    store = Store()
    with pytest.raises(frame.FrameError, match="customs: duplicate key"):
        store.write_vintage("customs", make([obs(1.0), obs(2.0)]))
    assert store.vintages() == []


@pytest.mark.parametrize(
    "bad, message",
    [
        (dict(unit=""), "unit is empty"),
        (dict(period="FY2023"), "period does not fit its freq"),
        (dict(qualifier="roughly"), "qualifier not in"),
    ],
)
def test_schema_violations_are_rejected(bad, message):
    record = obs(1.0)
    record.update(bad)
    with pytest.raises(frame.FrameError, match=message):
        Store().write_vintage("customs", make([record]))


def test_non_numeric_value_is_rejected():
    data = make([obs(1.0)])
    data["value"] = data["value"].astype(object)
    data.loc[0, "value"] = "1.06 trillion"
    with pytest.raises(frame.FrameError, match="value"):
        Store().write_vintage("customs", data)


def test_rows_of_another_source_are_rejected():
    with pytest.raises(frame.FrameError, match="other sources"):
        Store().write_vintage("ember", make([obs(1.0)], source="customs"))


@pytest.mark.subprocess
def test_a_load_killed_midway_leaves_the_last_vintage_intact(tmp_path):
    url = os.environ["INDICATORS_DB"]
    store = Store(url)
    first = store.write_vintage("customs", make([obs(1.0)]))
    before = store.vintage_frame(first.id)
    # A child process starts a big load and dies (os._exit) after inserting a chunk, before commit.
    script = textwrap.dedent(f"""
        import os
        import sqlalchemy as sa
        from indicators import frame
        from indicators.store import Store
        s = Store({url!r})
        original = sa.engine.Connection.exec_driver_sql
        def dying_insert(self, statement, *args, **kwargs):
            result = original(self, statement, *args, **kwargs)
            if statement.startswith("INSERT INTO observations"):
                os._exit(9)  # rows written, transaction not committed
            return result
        sa.engine.Connection.exec_driver_sql = dying_insert
        rows = [dict(indicator="exports", entity="CHN", period=str(1900 + i % 120), freq="A",
                     value=float(i), unit=f"u{{i // 120}}") for i in range(12000)]
        s.write_vintage("customs", frame.build(rows, source="customs", dataset="test"))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    reopened = Store(url)
    assert [v.id for v in reopened.vintages()] == [first.id]
    pd.testing.assert_frame_equal(reopened.vintage_frame(first.id), before)
    assert reopened.frame(source="customs")["value"].tolist() == [1.0]


def test_a_reader_during_a_write_sees_a_whole_vintage_or_the_previous_one():
    store = Store()
    small = make([obs(float(i), period=str(1900 + i)) for i in range(50)])
    store.write_vintage("customs", small)
    big = make([obs(float(i), period=str(1900 + i % 120), unit=f"u{i // 120}") for i in range(20000)])
    seen, errors = set(), []

    def read_loop(stop):
        reader = Store(store.url)
        while not stop.is_set():
            try:
                vintages = reader.vintages("customs")
                latest = vintages[-1]
                seen.add((latest.id, len(reader.vintage_frame(latest.id)), latest.rows))
            except Exception as exc:  # pragma: no cover - a failure here is the test failing
                errors.append(exc)

    stop = threading.Event()
    thread = threading.Thread(target=read_loop, args=(stop,))
    thread.start()
    try:
        store.write_vintage("customs", big)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors
    assert seen, "the reader never ran"
    assert all(rows_read == rows_declared for _, rows_read, rows_declared in seen)


def test_new_vintage_is_seen_by_the_next_read_without_reopening():
    store = Store()
    store.write_vintage("customs", make([obs(1.0)]))
    assert store.frame(source="customs")["value"].tolist() == [1.0]
    Store(store.url).write_vintage("customs", make([obs(2.0, released="2030-01-01")]))
    assert store.frame(source="customs")["value"].tolist() == [2.0]


def test_a_corrupted_store_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(f"sqlite:///{path}")


def test_period_end_rule_for_released():
    assert frame.period_end_next_day("2023", "A") == "2024-01-01"
    assert frame.period_end_next_day("2023-Q1", "Q") == "2023-04-01"
    assert frame.period_end_next_day("2023-12", "M") == "2024-01-01"
    assert frame.period_end_next_day("2023-01/2023-04", "YTD") == "2023-05-01"


@contextlib.contextmanager
def read_only(*paths):
    """Make files and folders unwritable for this process: chmod for a normal user; for root (who
    writes through mode bits) the immutable attribute, as on a read-only volume. Skips if neither works."""
    if os.geteuid() != 0:
        modes = {p: os.stat(p).st_mode for p in paths}
        for p in paths:
            os.chmod(p, 0o555 if os.path.isdir(p) else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                os.chmod(p, mode)
        return
    done = []
    try:
        for p in paths:
            if subprocess.run(["chattr", "+i", str(p)], capture_output=True).returncode != 0:
                pytest.skip("cannot make a file read-only for root here (chattr +i failed)")
            done.append(p)
        yield
    finally:
        for p in done:
            subprocess.run(["chattr", "-i", str(p)], capture_output=True)


@pytest.fixture
def read_only_snapshot(snapshot_store):
    """The snapshot store in a folder that is read-only, file and folder (as a store shipped on a read-only volume)."""
    path = Path(snapshot_store.engine.url.database)
    with snapshot_store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    snapshot_store.engine.dispose()
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)
    with read_only(path, path.parent):
        yield path


def cli_store_frame():
    """Every served row of the store the CLI opens (INDICATORS_DB)."""
    from indicators.store import Store

    return Store().frame()


@pytest.mark.parametrize("command", [["status"], ["check"], ["sources"]])
def test_a_read_only_store_is_readable(read_only_snapshot, command, capsys):
    from indicators import cli

    assert cli.main(command) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.strip()
    if command == ["status"]:
        assert "read-only store" in out and "observations from" in out
        # counted from the catalogue's one grouped query: the same number as reading every served row
        assert int(out.split(" observations from")[0].split()[-1]) == len(cli_store_frame())


@pytest.mark.slow
def test_a_read_only_store_serves_pages_and_the_report(read_only_snapshot, tmp_path_factory):
    from dashboard.app import create_app
    from indicators import report

    client = create_app(warm=False).server.test_client()
    assert client.get("/health").status_code == 200
    assert client.get("/").status_code == 200
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert Path(report.write_report(str(out))).read_text().strip()


def test_refresh_on_a_read_only_store_fails_with_one_line(read_only_snapshot, capsys):
    from indicators import cli

    assert cli.main(["refresh", "--offline", "--source", "customs"]) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "read-only" in err[0], err
    with pytest.raises(StoreError, match="read-only"):
        Store().write_vintage("customs", make([obs(1.0)]))
