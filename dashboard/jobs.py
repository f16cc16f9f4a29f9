"""Background jobs: a page's callback that works on a pasted text (the Check-a-text page's spotting) runs
in a process of its own, off the request path, so a long paste never ties up a server worker.

Dash's background callbacks (`common.callback(..., background=True)`) with a `dash.DiskcacheManager`:
the request that starts a check has a job process started and answers at once; the page then asks
every second for the result, which the job leaves in the jobs folder. Here:

- The jobs folder (results, and the secret that signs the job handles the page holds): the
  INDICATORS_JOBS_DIR environment variable, else `<store file>.jobs/` beside a SQLite store (as its
  `.locks/`) when this process may write there, else a folder of the system's temporary directory named
  after the user and the store's URL (PostgreSQL, a read-only store). Every process serving the same store
  (gunicorn workers) finds the same folder, whichever of them started a job; it is made when the app is
  built (mode 0700).
  Results expire after RESULT_TTL_S (a page that was closed never collects its result).
- Jobs are forked by a launcher (Launcher), a process of one thread forked when the app is built: a job
  never inherits a lock held by a thread it does not have. A launcher that inherited one anyway (another
  thread was importing or inside SQLite at its fork) ends, and another is forked. A job opens its own
  connection to the store (own_store), never one opened before a fork.
- Its input types are checked in the request, before any job starts (a bad one answers 400, as for
  any callback); a job that fails, or whose process ends without an answer, is logged and its page
  shows a message (the callback's `failed`), never a silent hang.
- Each job has its own result key: two readers who paste the same text never take each other's result.
- Bounded: at most MAX_RUNNING jobs run at once per store (one more is answered with a message), each
  for at most JOB_CPU_S seconds of processor time and JOB_WALL_S seconds of wall-clock time.

diskcache, multiprocess and psutil (dash's `diskcache` extra) load with the dashboard only.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import multiprocessing
import os
import resource
import secrets
import signal
import sqlite3
import stat
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import dash
import diskcache
import flask
import psutil
from dash.exceptions import BackgroundCallbackError, PreventUpdate
from werkzeug.exceptions import HTTPException

from dashboard import common, unavailable
from indicators import config

DIR_VARIABLE = "INDICATORS_JOBS_DIR"
RESULT_TTL_S = 600
"""A job's result (and progress) is dropped this long after it was written, collected or not."""
JOB_CPU_S = 600
"""A job's processor time limit (RLIMIT_CPU): past it the job is killed and its page says so."""
JOB_WALL_S = 900
"""A job's wall-clock limit (SIGALRM). A job waiting for something that never comes (a lock, a stuck
connection) uses no processor time, so RLIMIT_CPU never ends it: past this it is killed too, its page says
so, and its place among the MAX_RUNNING is free again."""
MAX_RUNNING = max(2, os.cpu_count() or 1)
"""Jobs running at once for one store (all workers): one more is refused with a message (BUSY)."""
STOPPED = ("it stopped before it finished (its process ended without an answer: out of time or memory, or "
           "stopped); this was logged")
BUSY = f"the server is already checking {MAX_RUNNING} texts; try again in a minute"
ANSWER_S = 30
"""How long a request waits for the launcher to say it started a job (a fork takes milliseconds)."""
FIT_S = 10
"""How long a newly forked launcher may take to show it inherited no lock held by another thread (see
Launcher): past it the launcher is ended and another one forked."""
LAUNCH_TRIES = 3
"""Launchers forked for one job before the page is told the check could not start."""
log = logging.getLogger("dashboard")


def folder(store_url: str | None, read_only: bool = False) -> Path:
    """The jobs folder for the store at `store_url` (None: the configured one): INDICATORS_JOBS_DIR; else
    `<file>.jobs/` beside a SQLite store file whose folder this process may write (unless the store is
    `read_only`); else temporary_folder(). The same in every worker serving the store."""
    configured = os.environ.get(DIR_VARIABLE)
    if configured:
        return Path(configured)
    database = _sqlite_file(_url(store_url))
    if database is not None and not read_only and os.access(database.parent, os.W_OK | os.X_OK):
        return database.with_name(database.name + ".jobs")
    return temporary_folder(store_url)


def temporary_folder(store_url: str | None) -> Path:
    """The jobs folder of a store in the temporary directory, named after this user and the store's URL."""
    digest = hashlib.sha256(_url(store_url).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"factcheck-indicators-jobs-{os.getuid()}-{digest}"


def _url(store_url: str | None) -> str:
    """The store's URL (None: the configured store's)."""
    if store_url is not None:
        return store_url
    try:
        return config.database_url()
    except OSError:  # the default store's folder cannot be made: the pages say so (dashboard.unavailable)
        return "the default store"


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite store URL, None for any other store (or one in memory, or a file: URI)."""
    database = unavailable.sqlite_database(url)
    if database in (None, "", ":memory:") or database.startswith("file:"):
        return None
    return Path(database).absolute()


def manager(store_url: str | None, read_only: bool = False) -> Jobs:
    """The jobs manager for the store at `store_url` (one per folder in a process: apps built on the
    same store share it), its folder made."""
    path = folder(store_url, read_only)
    with _MANAGERS_LOCK:
        if path not in _MANAGERS:
            try:
                _make(path)
            except OSError:  # beside the store after all not writable: the temporary directory's
                if os.environ.get(DIR_VARIABLE):
                    raise
                path = temporary_folder(store_url)
                if path not in _MANAGERS:
                    _make(path)
        if path not in _MANAGERS:
            _MANAGERS[path] = Jobs(path)
        return _MANAGERS[path]


_MANAGERS: dict[Path, "Jobs"] = {}
_MANAGERS_LOCK = threading.Lock()


def _make(path: Path) -> None:
    """Make the folder (0700). In the shared temporary directory it must be a folder of this user's (not
    a link, not made by someone else beforehand): it holds the secret that signs job handles."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.parent == Path(tempfile.gettempdir()):
        status = path.lstat()
        if path.is_symlink() or status.st_uid != os.getuid():
            raise RuntimeError(f"the jobs folder {path} is not a folder of this user's: remove it, or set "
                               f"{DIR_VARIABLE} to a folder of your own")


class _ExpiringCache(diskcache.Cache):
    """A diskcache whose entries expire after RESULT_TTL_S unless told otherwise (Dash writes results and
    progress without an expiry; the signing secret is written with `add`, which keeps it)."""

    def set(self, key, value, expire=None, read=False, tag=None, retry=False):
        return super().set(key, value, expire=RESULT_TTL_S if expire is None else expire, read=read, tag=tag,
                           retry=retry)


class Jobs(dash.DiskcacheManager):
    """dash.DiskcacheManager with the checks above: inputs checked before a job starts, jobs forked by
    the launcher, a result key per job, expiring results, and a job that ended without an answer reported."""

    def __init__(self, path: Path):
        # eviction_policy none: nothing is dropped for size (the signing secret must stay); results expire.
        cache = _ExpiringCache(str(path), eviction_policy="none")
        cache.expire()  # results left by pages closed before they were collected
        super().__init__(cache)
        self._launcher: Launcher | None = None

    def launch(self) -> Launcher:
        """This process's launcher, forked on the first call: make that call once the pages are registered
        (dashboard.app.create_app). A process forked after that (gunicorn --preload) gets one of its own on
        its first job (the app's threads did not follow it)."""
        if self._launcher is None or self._launcher.owner != os.getpid():
            self._launcher = Launcher(self.func_registry)
        return self._launcher

    def _start(self, name: str, job_args: tuple, url: str, read_only: bool) -> int:
        """Have the launcher fork the job; a launcher that ended (unfit: see Launcher) or could not fork is
        replaced by a newly forked one, LAUNCH_TRIES times in all."""
        for attempt in range(1, LAUNCH_TRIES + 1):
            launcher = self.launch()
            try:
                return launcher.start(name, job_args, url, read_only)
            except (OSError, EOFError) as exc:
                launcher.close()
                self._launcher = None
                if attempt == LAUNCH_TRIES:
                    raise
                log.warning("dashboard: the jobs launcher ended or could not fork a job (%s: %s); forking another",
                            type(exc).__name__, exc)
        raise AssertionError("unreachable")

    def make_job_fn(self, fn, progress, key=None):
        job = super().make_job_fn(fn, progress, key)
        job.check = getattr(fn, "check", None)
        return job

    def build_cache_key(self, fn, args, cache_args_to_ignore, triggered):
        """A fresh key per job (Dash's is a hash of the inputs, made for caching results, which we do not)."""
        return secrets.token_hex(32)

    def call_job_fn(self, key, job_fn, args, context):
        """In the request: check the inputs (400 before any job starts) and that fewer than MAX_RUNNING
        run (else Busy: on_error says so), then have the launcher fork the job."""
        if job_fn.check is not None:
            job_fn.check(args)
        running = [job for job in self.handle.get("running", []) if _alive(job)]
        if len(running) >= MAX_RUNNING:
            raise Busy(BUSY)
        store = common.current_store()
        name = next(name for name, registered in self.func_registry.items() if registered is job_fn)
        try:
            pid = self._start(name, (key, self._make_progress_key(key), args, dict(context)), store.url,
                              store.read_only)
        except (OSError, EOFError, TimeoutError) as exc:  # the launcher is gone or stuck
            log.exception("dashboard: a job could not be started")
            raise NotStarted(f"the server could not start the check ({type(exc).__name__}); this was logged") from exc
        with self.handle.transact():
            running = [job for job in self.handle.get("running", []) if _alive(job)]
            try:
                running.append((pid, psutil.Process(pid).create_time()))
            except psutil.Error:  # it has already finished
                pass
            self.handle.set("running", running)
        return pid

    def terminate_job(self, job):
        """End a job (cancelled, replaced, or collected), noting that it ended on purpose. Dash's own
        version raises when the job exits between its checks (psutil.NoSuchProcess, a 500 for the
        reader collecting a finished result) and would kill whatever process reused the pid: only a job
        recorded as running, with the start time recorded, is ended."""
        if job is None:
            return
        pid = int(job)
        self.handle.set(f"ended-{pid}", True)
        with self.handle.transact():  # one process ends a job at a time
            started = dict(self.handle.get("running", []))
            try:
                process = psutil.Process(pid)
                if started.get(pid) != process.create_time():
                    return  # not a running job of ours (it ended; the pid may be another process's now)
                ending = [*process.children(recursive=True), process]
            except psutil.Error:  # it has ended already
                return
            for proc in ending:
                try:
                    proc.kill()
                except psutil.Error:
                    pass
            try:
                process.wait(1)
            except psutil.Error:  # gone, or a zombie its launcher has yet to reap
                pass

    def job_running(self, job):
        """Whether the job still runs: the recorded job's process, not whatever process has its pid now."""
        pid = int(job)
        started = dict(self.handle.get("running", []))
        return pid in started and _alive((pid, started[pid]))

    def get_result(self, key, job):
        """The job's result; when its process ended without one (killed, crashed) and nobody ended it on
        purpose, an error its page reports. A failure is kept in flask.g for on_error."""
        result = super().get_result(key, job)
        if result is self.UNDEFINED and job is not None and not self.job_running(job):
            result = super().get_result(key, job)  # it may have finished since the first look
            if result is self.UNDEFINED and self.handle.get(f"ended-{int(job)}") is None:
                result = {"background_callback_error": {"msg": STOPPED, "tb": ""}}
        if isinstance(result, dict) and "background_callback_error" in result:
            flask.g.job_error = result["background_callback_error"]
        return result


def _alive(job: tuple[int, float]) -> bool:
    """Whether the job (pid, start time: a pid can be reused) still runs."""
    try:
        process = psutil.Process(job[0])
        return process.create_time() == job[1] and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


class Launcher:
    """A process of one thread that forks every job. A fork copies only the thread that forks: a job
    forked from a serving process (a warm-up thread, a cache rebuilder, other requests) can inherit a lock
    another thread held at that moment (a module being imported, a cache entry being built) and wait on it
    for ever. The launcher is forked when the app is built, before those threads start, and never starts one.

    A process that already runs threads cannot avoid that moment everywhere: a threaded server's first job
    after a --preload fork, or a test's server built in a process whose other threads still query a store.
    A thread inside SQLite or importing a module when the fork happens leaves that lock held in the copy,
    and every job forked from it would wait on it for ever (measured: 2 in 200 launchers forked beside a
    thread that queries SQLite). So a newly forked launcher first shows it is fit (_show_fit: no import under
    way in another thread, SQLite answers within FIT_S) and ends otherwise; the server then forks another
    (Jobs._start).

    It ends when the process that started it does (its end of the pipe closes)."""

    def __init__(self, registry: dict):
        self._lock = threading.Lock()  # one request at a time on the pipe (threaded servers)
        self._pipe, theirs = multiprocessing.Pipe()
        self.owner = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            self._pipe.close()
            _let_go_of_pipes(keep=theirs.fileno())
            _show_fit()  # ends this process when unfit
            _serve(theirs, registry)  # never returns
        theirs.close()

    def close(self) -> None:
        """Let go of this launcher (replaced): close its pipe (a launcher still serving then exits), end it
        if it is stuck, and reap it."""
        self._pipe.close()
        try:
            if os.waitpid(self.pid, os.WNOHANG) == (0, 0):  # still running: stuck, or exiting now
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:  # already reaped
            pass

    def start(self, name: str, job_args: tuple, url: str, read_only: bool) -> int:
        """Fork the job registered as `name` with Dash's job arguments; its pid. OSError when the launcher
        cannot fork or is gone, TimeoutError when it does not answer within ANSWER_S."""
        with self._lock:
            self._pipe.send((name, job_args, url, read_only))
            if not self._pipe.poll(ANSWER_S):
                raise TimeoutError(f"the jobs launcher did not answer within {ANSWER_S} s")
            answer = self._pipe.recv()
        if isinstance(answer, str):
            raise OSError(f"the jobs launcher could not fork a job: {answer}")
        return answer


def _let_go_of_pipes(keep: int) -> None:
    """Point every pipe and socket the launcher inherited (but `keep` and the standard streams) at
    /dev/null. Held open here, a pipe to another process of the server's (a test's browser driver) or a
    client's connection would not see its end when the server closes its copy. The numbers stay taken
    (dup2, not close): an object of the server's copied here that closes its number later closes /dev/null,
    never a file this process opened since."""
    null = os.open(os.devnull, os.O_RDWR)
    try:
        numbers = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc
        numbers = list(range(3, 1024))
    for number in numbers:
        if number <= 2 or number in (keep, null):
            continue
        try:
            mode = os.fstat(number).st_mode
        except OSError:
            continue
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            os.dup2(null, number)
    os.close(null)


def _show_fit() -> None:
    """In a newly forked launcher: end it (exit code 3) unless it inherited no lock that another thread of
    the server held at the fork. A module another thread was importing keeps its import lock held here; a
    SQLite call another thread was in keeps a SQLite mutex held, and the probe query then never returns
    (the alarm ends this process after FIT_S)."""
    from importlib import _bootstrap  # the import system's module locks (CPython)

    me = threading.get_ident()
    locks = [ref() if callable(ref) else ref for ref in list(getattr(_bootstrap, "_module_locks", {}).values())]
    held = [lock for lock in locks
            if lock is not None and getattr(lock, "count", 0) and getattr(lock, "owner", me) != me]
    if held:
        os._exit(3)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the alarm ends the process
    signal.alarm(FIT_S)
    probe = sqlite3.connect(":memory:")
    probe.execute("CREATE TABLE fit (x)")
    probe.execute("INSERT INTO fit VALUES (randomblob(100000))")
    probe.execute("SELECT length(x) FROM fit").fetchall()
    probe.close()
    signal.alarm(0)


def _serve(pipe, registry: dict) -> None:
    """The launcher's loop: fork a job per request, answer its pid; exit when the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which closes the pipe
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # finished jobs are reaped by the system
    warmed = False
    try:
        while True:
            try:
                name, job_args, url, read_only = pipe.recv()
            except (EOFError, OSError):
                break
            try:
                pid = os.fork()
            except OSError as exc:
                pipe.send(str(exc))
                continue
            if pid == 0:
                pipe.close()
                _run(registry[name], job_args, _Opening(url, read_only))  # never returns
            pipe.send(pid)
            if not warmed:  # later jobs start with the spotter loaded (0.8 s of imports)
                _load_job_modules()
                warmed = True
    finally:
        os._exit(0)


def _load_job_modules() -> None:
    """Import in the launcher what every job imports (each job would otherwise import it again)."""
    try:
        import indicators.evidence  # noqa: F401
        import indicators.spot.choices  # noqa: F401
        import indicators.spot.matching  # noqa: F401
        import indicators.store  # noqa: F401
    except Exception:  # each job imports them itself, and reports what fails
        log.warning("dashboard: the jobs launcher could not load the spotter", exc_info=True)


@dataclass(frozen=True)
class _Opening:
    """How a job opens the store of the server that started it."""

    url: str
    read_only: bool


_OPENING: _Opening | None = None
"""Set in a job process, before its callback runs (see _run)."""


def _run(job_fn, job_args: tuple, opening: _Opening) -> None:
    """A job process: its processor and wall-clock time limits and signals, how to open the store, then Dash's job (which
    runs the callback and writes its result or error to the jobs folder)."""
    global _OPENING
    _OPENING = opening
    code = 0
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = JOB_CPU_S if hard == resource.RLIM_INFINITY else min(JOB_CPU_S, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the alarm ends the process
        signal.alarm(JOB_WALL_S)
        job_fn(*job_args)
    except BaseException:  # Dash's job records the callback's errors; this is one outside it
        log.exception("dashboard: a job failed outside its callback")
        code = 1
    finally:
        os._exit(code)


@contextlib.contextmanager
def own_store():
    """In a job process: an app context whose store (common.current_store()) is one this process opened,
    closed at the end."""
    from indicators.store import Store

    opening = _OPENING
    if opening is None:
        raise RuntimeError("own_store() is for a job process (started by dashboard.jobs.Launcher)")
    server = flask.Flask("dashboard-job")
    with server.app_context():
        store = server.config[common.STORE_KEY] = Store(opening.url, upgrade=False, read_only=opening.read_only)
        try:
            yield store
        finally:
            store.engine.dispose()


class Busy(RuntimeError):
    """MAX_RUNNING jobs run already: the page says so (on_error), no job starts."""


class NotStarted(RuntimeError):
    """The launcher could not start a job (logged): the page says so (on_error)."""


class JobFailed(RuntimeError):
    """A callback failed in its job process; the message says what and where (the traceback is chained)."""


def job(func, where: str, outputs: int):
    """The function Dash runs in the job process: `func` with its own store; an exception of ours becomes
    JobFailed (Dash sends its message and traceback to the page's next poll: on_error)."""

    @functools.wraps(func)
    def run(*args):
        try:
            with own_store():
                answer = func(*args)
        except (HTTPException, PreventUpdate):
            raise
        except Exception as exc:
            raise JobFailed(f"an internal error ({type(exc).__name__} in {where}); it was logged") from exc
        if not common.fits(answer, outputs):
            raise JobFailed(f"an internal error ({where} answered {type(answer).__name__}, not {outputs} "
                            "values); it was logged")
        return answer

    return run


def on_error(where: str, failed):
    """Dash's on_error for a background callback: a failed job is logged with its traceback and shown by
    `failed(message)` (the outputs that say it); anything else (a bad input: 400) goes on as it was."""

    def handle(exc: Exception):
        if isinstance(exc, (Busy, NotStarted)):
            return failed(str(exc))
        if not isinstance(exc, BackgroundCallbackError):
            raise exc
        error = flask.g.get("job_error") or {"msg": str(exc), "tb": ""}
        log.error("dashboard: %s failed in its job process: %s\n%s", where, error["msg"], error["tb"])
        return failed(error["msg"])

    return handle
