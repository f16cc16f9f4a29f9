"""Background jobs: a page's callback that works on a pasted text (the Check-a-text page's spotting) runs
in a process of its own, off the request path, so a long paste never ties up a server worker.

Dash's background callbacks (`common.callback(..., background=True)`) with a `dash.DiskcacheManager`:
the request that starts a check forks a job process and answers at once; the page then asks every
second for the result, which the job leaves in the jobs folder. Here:

- The jobs folder (results, and the secret that signs the job handles the page holds): the
  INDICATORS_JOBS_DIR environment variable, else a folder of the system's temporary directory named
  after the user and the store's URL. Every process serving the same store (gunicorn workers) finds
  the same folder, whichever of them started a job; it is made when the app is built (mode 0700).
  Results expire after RESULT_TTL_S (a page that was closed never collects its result).
- A job is a fork of the process that got the request: it opens its own connection to the store
  (own_store), never one opened before the fork, in an app context of the server that started it.
- Its input types are checked in the request, before any job starts (a bad one answers 400, as for
  any callback); a job that fails, or whose process ends without an answer, is logged and its page
  shows a message (the callback's `failed`), never a silent hang.
- Each job has its own result key: two readers who paste the same text never take each other's result.

diskcache, multiprocess and psutil (dash's `diskcache` extra) load with the dashboard only.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import dash
import diskcache
import flask
from dash.exceptions import BackgroundCallbackError, PreventUpdate
from werkzeug.exceptions import HTTPException

from dashboard import common
from indicators import config

DIR_VARIABLE = "INDICATORS_JOBS_DIR"
RESULT_TTL_S = 600
"""A job's result (and progress) is dropped this long after it was written, collected or not."""
STOPPED = "the check stopped before it finished (its process ended without an answer)"
log = logging.getLogger("dashboard")


def folder(store_url: str | None) -> Path:
    """The jobs folder for the store at `store_url` (None: the configured one): INDICATORS_JOBS_DIR, else
    one in the temporary directory named after this user and the store (the same in every worker serving it)."""
    configured = os.environ.get(DIR_VARIABLE)
    if configured:
        return Path(configured)
    if store_url is None:
        try:
            store_url = config.database_url()
        except OSError:  # the default store's folder cannot be made: the pages say so (dashboard.unavailable)
            store_url = "the default store"
    digest = hashlib.sha256(store_url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"factcheck-indicators-jobs-{os.getuid()}-{digest}"


def manager(store_url: str | None) -> Jobs:
    """The jobs manager for the store at `store_url` (one per folder in a process: apps built on the
    same store share it), its folder made."""
    path = folder(store_url)
    with _MANAGERS_LOCK:
        found = _MANAGERS.get(path)
        if found is None:
            _make(path, owned_here=os.environ.get(DIR_VARIABLE) is None)
            found = _MANAGERS[path] = Jobs(path)
    return found


_MANAGERS: dict[Path, "Jobs"] = {}
_MANAGERS_LOCK = threading.Lock()


def _make(path: Path, owned_here: bool) -> None:
    """Make the folder (0700). In the shared temporary directory it must be a folder of this user's (not
    a link, not made by someone else beforehand): it holds the secret that signs job handles."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if owned_here:
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


@dataclass(frozen=True)
class _Opening:
    """What a job process needs to open the store of the server that started it."""

    server: flask.Flask
    url: str
    read_only: bool


_OPENING: _Opening | None = None
"""Set in a job process, before its callback runs (see Jobs.call_job_fn)."""


class Jobs(dash.DiskcacheManager):
    """dash.DiskcacheManager with the checks above: inputs checked before a job starts, a store of the
    job's own, a result key per job, expiring results, and a job that ended without an answer reported."""

    def __init__(self, path: Path):
        # eviction_policy none: nothing is dropped for size (the signing secret must stay); results expire.
        cache = _ExpiringCache(str(path), eviction_policy="none")
        cache.expire()  # results left by pages closed before they were collected
        super().__init__(cache)

    def make_job_fn(self, fn, progress, key=None):
        job = super().make_job_fn(fn, progress, key)
        job.check = getattr(fn, "check", None)
        return job

    def build_cache_key(self, fn, args, cache_args_to_ignore, triggered):
        """A fresh key per job (Dash's is a hash of the inputs, made for caching results, which we do not)."""
        return secrets.token_hex(32)

    def call_job_fn(self, key, job_fn, args, context):
        """In the request: check the inputs (400 before any job starts), then fork the job."""
        if job_fn.check is not None:
            job_fn.check(args)
        store = common.current_store()
        opening = _Opening(flask.current_app._get_current_object(), store.url, store.read_only)
        return super().call_job_fn(key, functools.partial(_start, opening, job_fn), args, context)

    def terminate_job(self, job):
        """End a job (cancelled, replaced, or collected), noting that it ended on purpose."""
        if job is not None:
            self.handle.set(f"ended-{int(job)}", True)
        super().terminate_job(job)

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


def _start(opening: _Opening, job_fn, *args) -> None:
    """The job process's entry: note how to open the store, then run Dash's job (which runs the callback)."""
    global _OPENING
    _OPENING = opening
    job_fn(*args)


@contextlib.contextmanager
def own_store():
    """In a job process: an app context of the server that started the job, whose store is one this
    process opened (common.current_store() gives it), closed at the end."""
    from indicators.store import Store

    opening = _OPENING
    if opening is None:
        raise RuntimeError("own_store() is for a job process (started by dashboard.jobs.Jobs)")
    with opening.server.app_context():
        store = Store(opening.url, upgrade=False, read_only=opening.read_only)
        opening.server.config[common.STORE_KEY] = store  # this process's copy of the config only
        try:
            yield store
        finally:
            store.engine.dispose()


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
            raise JobFailed(f"internal error: {type(exc).__name__} in {where}") from exc
        if not common.fits(answer, outputs):
            raise JobFailed(f"internal error: {where} answered {type(answer).__name__}, not {outputs} values")
        return answer

    return run


def on_error(where: str, failed):
    """Dash's on_error for a background callback: a failed job is logged with its traceback and shown by
    `failed(message)` (the outputs that say it); anything else (a bad input: 400) goes on as it was."""

    def handle(exc: Exception):
        if not isinstance(exc, BackgroundCallbackError):
            raise exc
        error = flask.g.get("job_error") or {"msg": str(exc), "tb": ""}
        log.error("dashboard: %s failed in its job process: %s\n%s", where, error["msg"], error["tb"])
        return failed(error["msg"])

    return handle
