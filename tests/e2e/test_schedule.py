"""The scheduler: cadences, short-interval runs, the one-refresh-at-a-time lock, crash release."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime, timedelta, timezone

import filelock
import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from indicators import schedule
from indicators.refresh import Result


class FakeRefresh:
    """Records calls; `fail` names sources that fail, `raises` ones whose refresh throws."""

    def __init__(self, fail=(), raises=(), seconds=0.0):
        self.calls: list[list[str]] = []
        self.fail, self.raises, self.seconds = set(fail), set(raises), seconds
        self.active = self.max_active = 0
        self._guard = threading.Lock()

    def __call__(self, names):
        with self._guard:
            self.calls.append(list(names))
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            time.sleep(self.seconds)
            if self.raises & set(names):
                raise RuntimeError("store unreachable")
            return [Result(n, "failed", detail="HTTP 503") if n in self.fail else Result(n, "ok", rows=10, vintages=[7], seconds=0.01)
                    for n in names]
        finally:
            with self._guard:
                self.active -= 1

    def count(self, name):
        return sum(name in call for call in self.calls)


@pytest.fixture
def lock_file(tmp_path):
    return tmp_path / "store.db.refresh.lock"


def wait_until(predicate, timeout=120.0):
    """True as soon as `predicate()` holds. The timeout only bounds a hung test: it is generous so a
    loaded machine (one core shared with other work) cannot fail a test that is merely slow."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


# -- intervals --------------------------------------------------------------------------------


def test_cadence_words_map_to_intervals():
    assert schedule.cadence_interval("daily") == timedelta(days=1)
    assert schedule.cadence_interval("monthly") == timedelta(days=7)
    assert schedule.cadence_interval("monthly (press releases)") == timedelta(days=7)
    assert schedule.cadence_interval("several releases a year") == timedelta(days=14)
    assert schedule.cadence_interval("yearly") == timedelta(days=30)
    assert schedule.cadence_interval("whenever") == schedule.DEFAULT_INTERVAL


def test_durations():
    assert schedule.parse_duration("90s") == timedelta(seconds=90)
    assert schedule.parse_duration("15m") == timedelta(minutes=15)
    assert schedule.parse_duration("1h") == timedelta(hours=1)
    assert schedule.parse_duration("30d") == timedelta(days=30)
    assert schedule.parse_duration("2w") == timedelta(weeks=2)
    assert schedule.parse_duration("6") == timedelta(hours=6)
    for bad in ["", "h", "-1h", "0d", "1y", "one hour"]:
        with pytest.raises(schedule.ScheduleError):
            schedule.parse_duration(bad)


def test_default_intervals_follow_metadata_and_only_live_sources():
    intervals = schedule.default_intervals("")
    # customs and caam have no live endpoint: their data are the bundled snapshot
    assert "customs" not in intervals and "caam" not in intervals
    assert intervals["gii"] == timedelta(days=30)  # cadence "yearly"
    assert intervals["fx"] == timedelta(days=7)  # cadence "monthly"
    assert intervals["worldbank"] == timedelta(days=14)  # "several releases a year"


def test_overrides_from_environment(monkeypatch):
    monkeypatch.setenv("INDICATORS_SCHEDULE", "fx=1h, ember=30d, comtrade=off")
    intervals = schedule.default_intervals()
    assert intervals["fx"] == timedelta(hours=1)
    assert intervals["ember"] == timedelta(days=30)
    assert "comtrade" not in intervals
    assert intervals["gii"] == timedelta(days=30)


@pytest.mark.parametrize("text, message", [
    ("fx", "expected source=interval"),
    ("nosuch=1h", "unknown source 'nosuch'"),
    ("fx=soon", "bad interval 'soon'"),
])
def test_bad_overrides_are_clear_errors(text, message):
    with pytest.raises(schedule.ScheduleError, match=message):
        schedule.parse_overrides(text)


def test_lock_and_log_live_beside_a_sqlite_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'data' / 'indicators.db'}"
    assert schedule.lock_path(url) == tmp_path / "data" / "indicators.db.refresh.lock"
    assert schedule.log_path(schedule.lock_path(url)) == tmp_path / "data" / "indicators.db.schedule.log"


def test_first_run_is_now_when_never_loaded_or_overdue_else_after_the_interval():
    now = datetime(2026, 11, 29, 12, tzinfo=timezone.utc)
    intervals = {"fx": timedelta(days=7), "gii": timedelta(days=30), "ember": timedelta(days=7)}
    last = {"fx": now - timedelta(days=2), "gii": now - timedelta(days=45)}
    starts = schedule.first_run_times(intervals, now, last)
    assert starts == {"fx": now + timedelta(days=5), "gii": now, "ember": now}


# -- running jobs -----------------------------------------------------------------------------


def test_run_job_logs_one_line_per_source(lock_file):
    lines: list[str] = []
    fake = FakeRefresh(fail={"gii"})
    outcome = schedule.run_job(["fx", "gii"], fake, lock_file, lines.append)
    assert outcome is False
    assert lines == [
        "source=fx status=ok rows=10 vintage=7 seconds=0.0",
        "source=gii status=failed rows=0 vintage=- seconds=0.0 detail=HTTP 503",
    ]
    assert filelock.FileLock(str(lock_file)).acquire(timeout=0)  # released afterwards


def test_run_job_skips_when_another_refresh_holds_the_lock(lock_file):
    lines: list[str] = []
    fake = FakeRefresh()
    with filelock.FileLock(str(lock_file)):
        assert schedule.run_job(["fx"], fake, lock_file, lines.append) is None
    assert fake.calls == []
    assert lines == ["source=fx status=skipped detail=skipped: another refresh is running"]


def test_run_job_survives_a_refresh_that_raises(lock_file):
    lines: list[str] = []
    assert schedule.run_job(["fx"], FakeRefresh(raises={"fx"}), lock_file, lines.append) is False
    assert "status=failed" in lines[0] and "RuntimeError: store unreachable" in lines[0]
    assert filelock.FileLock(str(lock_file)).acquire(timeout=0)


def test_log_goes_to_stderr_and_file(tmp_path, capsys):
    log = schedule.RunLog(tmp_path / "logs" / "schedule.log")
    log("source=fx status=ok rows=1 vintage=3 seconds=0.1")
    err = capsys.readouterr().err
    assert err.rstrip().endswith("source=fx status=ok rows=1 vintage=3 seconds=0.1")
    assert (tmp_path / "logs" / "schedule.log").read_text() == err


# -- the scheduler ----------------------------------------------------------------------------


def short_scheduler(fake, lock_file, lines, intervals=None):
    intervals = intervals or {"fx": timedelta(seconds=0.15), "ember": timedelta(seconds=0.15), "gii": timedelta(seconds=0.15)}
    return schedule.build_scheduler(intervals, refresh_fn=fake, lock_file=lock_file, log=lines.append,
                                    scheduler=BackgroundScheduler())


def test_scheduler_runs_each_source_repeatedly_and_a_failure_does_not_stop_the_others(lock_file):
    lines: list[str] = []
    fake = FakeRefresh(fail={"ember"}, raises={"gii"})
    scheduler = short_scheduler(fake, lock_file, lines)
    scheduler.start()
    try:
        assert wait_until(lambda: min(fake.count("fx"), fake.count("ember"), fake.count("gii")) >= 3)
    finally:
        scheduler.shutdown(wait=True)
    assert all(len(call) == 1 for call in fake.calls)  # one job per source
    assert fake.max_active == 1  # one worker: this process never overlaps its own refreshes
    assert any("source=fx status=ok" in line for line in lines)
    assert any("source=ember status=failed" in line for line in lines)
    assert any("source=gii status=failed" in line and "RuntimeError" in line for line in lines)


def test_two_schedulers_never_refresh_at_once(lock_file):
    """Two scheduler processes' worth of jobs share one lock file: never two refreshes together."""
    lines: list[str] = []
    fake = FakeRefresh(seconds=0.08)  # both schedulers call the same fake: it sees any overlap
    first = short_scheduler(fake, lock_file, lines, {"fx": timedelta(seconds=0.05)})
    second = short_scheduler(fake, lock_file, lines, {"ember": timedelta(seconds=0.05)})
    first.start()
    second.start()
    try:
        assert wait_until(lambda: fake.count("fx") >= 3 and fake.count("ember") >= 3
                          and any("another refresh is running" in line for line in lines))
    finally:
        first.shutdown(wait=True)
        second.shutdown(wait=True)
    assert fake.max_active == 1


def test_scheduler_skips_while_a_cron_refresh_holds_the_lock_then_resumes(lock_file):
    lines: list[str] = []
    fake = FakeRefresh()
    external = filelock.FileLock(str(lock_file))
    external.acquire()
    scheduler = short_scheduler(fake, lock_file, lines, {"fx": timedelta(seconds=0.1)})
    scheduler.start()
    try:
        assert wait_until(lambda: sum("another refresh is running" in line for line in lines) >= 2)
        assert fake.calls == []
        external.release()
        assert wait_until(lambda: fake.count("fx") >= 1)
    finally:
        scheduler.shutdown(wait=True)
        if external.is_locked:
            external.release()


@pytest.mark.subprocess
def test_lock_is_released_when_its_holder_is_killed(lock_file):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time, filelock
            lock = filelock.FileLock({str(lock_file)!r})
            lock.acquire(timeout=5)
            print("locked", flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        lines: list[str] = []
        fake = FakeRefresh()
        assert schedule.run_job(["fx"], fake, lock_file, lines.append) is None  # held by the child
        holder.send_signal(signal.SIGKILL)  # a crash: no cleanup code runs
        assert holder.wait(timeout=10) == -signal.SIGKILL
        assert lock_file.exists()  # the file stays; the kernel dropped the flock with the process
        assert schedule.run_job(["fx"], fake, lock_file, lines.append) is True
        assert fake.calls == [["fx"]]
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


# -- `indicators schedule --once` -------------------------------------------------------------


@pytest.fixture
def only_fx_and_gii(monkeypatch):
    monkeypatch.setenv("INDICATORS_SCHEDULE", "ember=off,worldbank=off,comtrade=off")


def test_once_exits_zero_when_all_succeed(monkeypatch, only_fx_and_gii):
    fake = FakeRefresh()
    monkeypatch.setattr(schedule, "default_refresh", fake)
    assert schedule.run(once=True) == 0
    assert fake.calls == [["fx", "gii"]]
    assert "source=gii status=ok" in schedule.log_path().read_text()


def test_once_exits_nonzero_when_one_fails(monkeypatch, only_fx_and_gii):
    monkeypatch.setattr(schedule, "default_refresh", FakeRefresh(fail={"gii"}))
    assert schedule.run(once=True) == 1


def test_once_respects_the_lock(monkeypatch, only_fx_and_gii):
    fake = FakeRefresh()
    monkeypatch.setattr(schedule, "default_refresh", fake)
    with filelock.FileLock(str(schedule.lock_path())):
        assert schedule.run(once=True) == schedule.EXIT_LOCKED
    assert fake.calls == []


def test_once_against_live_sources_offline_fails_cleanly(monkeypatch, capsys):
    """The real refresh with the network blocked: every live source fails, one line each, exit 1."""
    monkeypatch.setenv("INDICATORS_SCHEDULE", "worldbank=off,comtrade=off,gii=off")
    assert schedule.run(once=True) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split()[1] for line in err] == ["source=ember", "source=fx"]
    assert all("status=failed" in line for line in err)
