"""`indicators schedule`: refresh each live source on its own cadence, one refresh at a time.

- Cadence: each source's `METADATA.cadence` maps to a check interval (CADENCE_INTERVALS), which
  `INDICATORS_SCHEDULE` overrides per source, e.g. "fx=1h,ember=30d,comtrade=off".
  Sources without a live endpoint (their data are the bundled snapshot) are not scheduled.
- One refresh at a time: every run takes a `filelock.FileLock` beside the store with timeout 0.
  If another process (a cron `indicators refresh`, another scheduler) holds it, the run is
  logged as "skipped: another refresh is running" and tried again at its next time. The lock is
  an flock(2): the kernel releases it when its holder dies, so a crash never leaves it stuck.
- One log line per source per run (time, source, status, rows, vintage, seconds) on stderr and
  appended to the log file (`INDICATORS_SCHEDULE_LOG`, default `<store file>.schedule.log`).
- `--once` runs every scheduled source once, under one lock, and exits 0 only if none failed.

Tests inject short intervals and a fake refresh through `build_scheduler(intervals, refresh_fn=...)`.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

import filelock
import platformdirs
import sqlalchemy as sa
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from indicators import config, sources

SCHEDULE_ENV = "INDICATORS_SCHEDULE"
LOG_ENV = "INDICATORS_SCHEDULE_LOG"
EXIT_LOCKED = 75  # EX_TEMPFAIL: `--once` found another refresh running; try again later

# How often to look for a new release, by the publisher's cadence (first matching word wins).
# Checking every few days for a monthly series catches a release within a week without writing
# thirty identical vintages a month.
CADENCE_INTERVALS: list[tuple[str, timedelta]] = [
    ("daily", timedelta(days=1)),
    ("weekly", timedelta(days=1)),
    ("monthly", timedelta(days=7)),
    ("quarterly", timedelta(days=14)),
    ("several", timedelta(days=14)),  # "several releases a year" (World Bank WDI)
    ("yearly", timedelta(days=30)),
    ("annual", timedelta(days=30)),
    ("irregular", timedelta(days=7)),
]
DEFAULT_INTERVAL = timedelta(days=7)
UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}

RefreshFn = Callable[[list[str]], list]  # names -> list of refresh.Result


class ScheduleError(ValueError):
    """A bad INDICATORS_SCHEDULE entry; the message names it."""


# -- intervals --------------------------------------------------------------------------------


def cadence_interval(cadence: str) -> timedelta:
    """The check interval for a publisher cadence string ("monthly", "several releases a year")."""
    text = cadence.lower()
    for word, interval in CADENCE_INTERVALS:
        if word in text:
            return interval
    return DEFAULT_INTERVAL


def parse_duration(text: str) -> timedelta:
    """'90s', '15m', '1h', '30d', '2w' -> timedelta (a bare number is hours)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", text)
    if not match or float(match.group(1)) <= 0:
        raise ScheduleError(f"bad interval {text!r}: use a positive number with s, m, h, d or w (e.g. 1h, 30d)")
    return timedelta(**{UNITS[match.group(2) or "h"]: float(match.group(1))})


def parse_overrides(text: str) -> dict[str, timedelta | None]:
    """'fx=1h, ember=30d, comtrade=off' -> {name: interval, or None for off}."""
    overrides: dict[str, timedelta | None] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            raise ScheduleError(f"{SCHEDULE_ENV}: bad entry {item!r}: expected source=interval (e.g. fx=1h)")
        if name not in sources.NAMES:
            raise ScheduleError(f"{SCHEDULE_ENV}: unknown source {name!r}; known: {', '.join(sources.NAMES)}")
        overrides[name] = None if value.lower() in {"off", "0", "never"} else parse_duration(value)
    return overrides


def default_intervals(overrides: str | None = None) -> dict[str, timedelta]:
    """Every live source at its cadence's interval, then the overrides ($INDICATORS_SCHEDULE)."""
    intervals: dict[str, timedelta | None] = {
        name: cadence_interval(module.METADATA.cadence)
        for name, module in sources.all_sources().items()
        if module.METADATA.live
    }
    text = os.environ.get(SCHEDULE_ENV, "") if overrides is None else overrides
    intervals.update(parse_overrides(text))
    return {name: interval for name, interval in intervals.items() if interval is not None}


# -- lock and log -----------------------------------------------------------------------------


def lock_path(store_url: str | None = None) -> Path:
    """Beside a SQLite store file (`<db>.refresh.lock`); for a server database, in the user data dir."""
    url = sa.engine.make_url(store_url or config.database_url())
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        database = Path(url.database)
        return database.with_name(database.name + ".refresh.lock")
    folder = Path(platformdirs.user_data_dir("factcheck-indicators"))
    return folder / "refresh.lock"


def refresh_lock(path: str | os.PathLike | None = None) -> filelock.FileLock:
    """A fresh lock object on the refresh lock file: acquire with timeout=0 to skip when held."""
    target = Path(path) if path else lock_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    return filelock.FileLock(str(target))


def log_path(lock_file: str | os.PathLike | None = None) -> Path:
    override = os.environ.get(LOG_ENV)
    if override:
        return Path(override)
    lock = Path(lock_file or lock_path())
    return lock.with_name(lock.name.removesuffix(".refresh.lock").removesuffix(".lock") + ".schedule.log")


class RunLog:
    """One line per event, to stderr and appended to a file (opened per line: safe across processes)."""

    def __init__(self, path: str | os.PathLike | None):
        self.path = Path(path) if path else None

    def __call__(self, line: str) -> None:
        stamped = f"{datetime.now(timezone.utc).isoformat(timespec='seconds')} {line}"
        print(stamped, file=sys.stderr, flush=True)
        if self.path:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as out:
                    out.write(stamped + "\n")
            except OSError as exc:  # a full disk must not stop the refreshes
                print(f"schedule: cannot append to {self.path}: {exc.strerror or exc}", file=sys.stderr, flush=True)


def result_line(result) -> str:
    """source, status, rows, vintage(s), seconds (and the detail of a failure or skip)."""
    vintage = ",".join(str(v) for v in result.vintages) or "-"
    line = (f"source={result.source} status={result.status} rows={result.rows} "
            f"vintage={vintage} seconds={result.seconds:.1f}")
    if result.status != "ok" and result.detail:
        line += f" detail={result.detail}"
    return line


# -- running ----------------------------------------------------------------------------------


def default_refresh(names: list[str]) -> list:
    """Refresh `names` live into the configured store (the scheduler never loads the snapshot)."""
    from indicators.pipeline import refresh_and_check
    from indicators.store import Store

    return refresh_and_check(names, offline=False, store=Store())


def run_job(
    names: list[str],
    refresh_fn: RefreshFn = default_refresh,
    lock_file: str | os.PathLike | None = None,
    log: Callable[[str], None] = print,
) -> bool | None:
    """Refresh `names` once under the lock. True: none failed; False: some failed; None: lock held."""
    lock = refresh_lock(lock_file)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        log(f"source={','.join(names)} status=skipped detail=skipped: another refresh is running")
        return None
    try:
        started = time.perf_counter()
        try:
            results = refresh_fn(names)
        except Exception as exc:  # refresh() reports per source; this catches a broken store or import
            text = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
            log(f"source={','.join(names)} status=failed rows=0 vintage=- "
                f"seconds={time.perf_counter() - started:.1f} detail={type(exc).__name__}: {text}")
            return False
        for result in results:
            log(result_line(result))
        return all(result.status != "failed" for result in results)
    finally:
        lock.release()


def first_run_times(intervals: dict[str, timedelta], now: datetime,
                    last_loaded: dict[str, datetime] | None = None) -> dict[str, datetime]:
    """When each source is first due: now if never refreshed or overdue, else last success + interval."""
    last_loaded = last_loaded or {}
    return {name: max(now, last_loaded[name] + interval) if name in last_loaded else now
            for name, interval in intervals.items()}


def last_live_loads(store=None) -> dict[str, datetime]:
    """When each source last loaded live data (its newest live vintage); loading the bundled
    snapshot does not count, so a fresh install fetches live at once. Empty if unreadable."""
    try:
        from indicators.store import Store

        found = {v.source: v.retrieved_at for v in (store or Store()).vintages() if v.mode == "live"}
    except Exception:
        return {}
    return {name: datetime.fromisoformat(at) for name, at in found.items()}


def build_scheduler(
    intervals: dict[str, timedelta],
    refresh_fn: RefreshFn = default_refresh,
    lock_file: str | os.PathLike | None = None,
    log: Callable[[str], None] | None = None,
    scheduler: BaseScheduler | None = None,
    last_loaded: dict[str, datetime] | None = None,
) -> BaseScheduler:
    """A scheduler with one interval job per source (not started).

    Jobs run on one worker thread, so this process never overlaps its own refreshes (a due job
    waits for the running one); the file lock keeps other processes out. `scheduler` defaults to a
    BlockingScheduler; tests pass a BackgroundScheduler and intervals of a fraction of a second.
    """
    log = log or RunLog(log_path(lock_file))
    scheduler = scheduler or BlockingScheduler()
    scheduler.configure(
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone=timezone.utc,
    )
    now = datetime.now(timezone.utc)
    starts = first_run_times(intervals, now, last_loaded)
    for name, interval in intervals.items():
        scheduler.add_job(
            run_job, IntervalTrigger(seconds=interval.total_seconds(), timezone=timezone.utc),
            args=[[name]], kwargs={"refresh_fn": refresh_fn, "lock_file": lock_file, "log": log},
            id=f"refresh-{name}", name=f"refresh {name}", next_run_time=starts[name],
        )
    return scheduler


def describe(intervals: dict[str, timedelta]) -> str:
    return ", ".join(f"{name} every {_human(interval)}" for name, interval in intervals.items()) or "nothing"


def run(once: bool = False) -> int:
    """The `indicators schedule` command. Returns the process exit status."""
    intervals = default_intervals()
    lock_file = lock_path()
    log = RunLog(log_path(lock_file))
    if not intervals:
        log("schedule: no source scheduled (check INDICATORS_SCHEDULE)")
        return 1
    if once:
        outcome = run_job(list(intervals), default_refresh, lock_file, log)
        return EXIT_LOCKED if outcome is None else 0 if outcome else 1

    scheduler = build_scheduler(intervals, default_refresh, lock_file, log, last_loaded=last_live_loads())
    log(f"schedule: started ({describe(intervals)}); lock {lock_file}; log {log.path}")
    signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))  # systemd stop: finish cleanly
    try:
        scheduler.start()  # blocks until SIGTERM or Ctrl-C; a running refresh completes first
    except (KeyboardInterrupt, SystemExit):
        pass
    log("schedule: stopped")
    return 0


def _human(interval: timedelta) -> str:
    seconds = interval.total_seconds()
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
