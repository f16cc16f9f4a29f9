"""When the store cannot be opened or read: one line saying why and how to fix it, and the pages the
dashboard answers with instead of its own (HTTP 503), so it never shows blank pages or numbers it
cannot vouch for.

The line names `INDICATORS_DB` (or says the default store was used), shows the URL with any
password masked, and gives the fix: the postgres extra for a missing driver, a file for a
directory, read access for an unreadable file, "read-only" for a store that cannot be written.
`indicators serve` prints it and exits 1; under gunicorn every page answers 503 with it and
`/health` answers it as JSON, until the store can be read again (no restart needed).
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from indicators.store import Store

ENV = "INDICATORS_DB"
POSTGRES_EXTRA = "pip install 'factcheck-indicators[postgres]'"
URL_EXAMPLES = "sqlite:////absolute/path/indicators.db or postgresql+psycopg://user:password@host:5432/dbname"
RETRY_AFTER_S = 30
NOT_A_URL = f"not a database URL (use e.g. {URL_EXAMPLES})"


class StoreUnavailable(RuntimeError):
    """The store cannot be used; the message is the one-line reason with its fix."""


def open_store(url: str | None = None) -> Store:
    """The configured store (or `url`), opened and read once: a file that opens but is no store
    fails here, not on the first page. Raises StoreUnavailable with the reason."""
    try:
        from indicators import config
        from indicators.store import Store

        url = url or config.database_url()
        store = Store(url)
        store.state()
    except Exception as exc:
        raise StoreUnavailable(explain(exc, url)) from None
    return store


def is_store_failure(exc: BaseException) -> bool:
    """Is this an error of the store (not a bug in a page)? Checked without importing the store."""
    store_module, sa_exc = sys.modules.get("indicators.store"), sys.modules.get("sqlalchemy.exc")
    types = tuple(t for t in (getattr(store_module, "StoreError", None), getattr(sa_exc, "DBAPIError", None)) if t)
    return isinstance(exc, StoreUnavailable) or bool(types) and isinstance(exc, types)


def explain(exc: BaseException, url: str | None) -> str:
    """One line: which store (named by INDICATORS_DB), what is wrong with it, and the fix."""
    if isinstance(exc, StoreUnavailable):
        return str(exc)
    url = url or os.environ.get(ENV)
    if not url:  # the default location could not even be made
        return f"the default store ({ENV} is not set) cannot be created: {_first_line(exc)}; set {ENV} to a writable place"
    return f"{_where(url)}: {_reason(exc, url)}"


def _where(url: str) -> str:
    configured = os.environ.get(ENV)
    if url == configured:
        return f"{ENV}={masked(url)}"
    if configured:
        return f"the store {masked(url)}"
    return f"the default store {masked(url)} ({ENV} is not set)"


SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_database(url: str) -> str | None:
    """The database a SQLite URL names ("sqlite:////tmp/x.db" -> "/tmp/x.db"; "" or ":memory:" for one in memory),
    read without SQLAlchemy; None for another backend or no URL."""
    scheme, found, rest = url.partition("://")
    if not found or scheme.lower().partition("+")[0] != "sqlite":
        return None
    database = rest.split("?", 1)[0]
    return database[1:] if database.startswith("/") else database


def visible_problem(url: str | None = None) -> str | None:
    """What is wrong with the store that shows without opening it, or None if it looks usable.

    Reads the URL, the file's first bytes and whether a driver is installed: no pandas, no SQLAlchemy.
    The page shell asks this while the store is still being opened (its first import takes longer
    than the shell), so the first page is not held up; the callbacks then open the store in full,
    and anything this cannot see answers 503 there."""
    from indicators import config

    url = url or config.database_url()
    scheme, found, _ = url.partition("://")
    if not found or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        return f"{_where(url)}: {NOT_A_URL}"
    backend, _, driver = scheme.lower().partition("+")
    if backend == "sqlite":
        database = sqlite_database(url)
        if database in ("", ":memory:"):
            return None
        path = Path(database)
        message = ""
        if path.is_file() and os.access(path, os.R_OK) and path.stat().st_size:
            with path.open("rb") as handle:
                if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                    message = "file is not a database"
        reason = _sqlite_reason(path, message)
        return f"{_where(url)}: {reason}" if reason else None
    if backend == "postgresql":
        try:
            urlsplit(url).port  # a port that is not a number is an error here, as in SQLAlchemy
        except ValueError:
            return f"{_where(url)}: {NOT_A_URL}"
        module = driver or "psycopg2"  # SQLAlchemy's default driver for postgresql://
        import importlib.util

        if importlib.util.find_spec(module) is None:
            return f"{_where(url)}: {_reason(ImportError(module, name=module), url)}"
        return None
    return f"{_where(url)}: {_unknown_backend(backend)}"


def masked(url: str) -> str:
    """The URL with any password replaced by ***, also when it does not parse."""
    try:
        import sqlalchemy as sa

        text = sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:
        text = re.sub(r"(://[^/@:]*:)[^/]*@", r"\1***@", url)
    return re.sub(r"(?i)\b(password|pwd)=[^&;\s]*", r"\1=***", text)


def _reason(exc: BaseException, url: str) -> str:
    original = _original(exc)
    message = _first_line(original)
    try:
        import sqlalchemy as sa

        parsed = sa.engine.make_url(url)
    except Exception:
        return NOT_A_URL
    backend = parsed.get_backend_name()
    if type(original).__name__ == "NoSuchModuleError":
        return _unknown_backend(backend)
    if isinstance(original, ImportError):
        module = original.name or message
        if backend == "postgresql":
            hint = " and a postgresql+psycopg:// URL" if module == "psycopg2" else ""
            return f"the PostgreSQL driver ({module}) is not installed: install the postgres extra: {POSTGRES_EXTRA}{hint}"
        return f"the {backend} driver ({module}) is not installed: the store supports SQLite and PostgreSQL ({POSTGRES_EXTRA})"
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        reason = _sqlite_reason(Path(parsed.database), message)
        if reason:
            return reason
    if "readonly" in message.replace("-", "").replace(" ", "").lower():
        return f"the store is read-only: {message}"
    if backend == "postgresql" and type(original).__name__ == "OperationalError":
        return f"cannot connect to the database server ({_scrub(message, parsed.password)}): check that it runs and the host, port, user and password in {ENV}"
    return f"cannot use the store: {_scrub(message, parsed.password)}"


def _unknown_backend(backend: str) -> str:
    return f"unknown kind of database {backend!r}: use SQLite or PostgreSQL, e.g. {URL_EXAMPLES}"


def _sqlite_reason(path: Path, message: str) -> str | None:
    if path.is_dir():
        return f"{path} is a folder, not a database file: point {ENV} at a file in it, e.g. sqlite:///{path / 'indicators.db'}"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist: create it, or point {ENV} at a file in an existing folder"
    if path.exists() and not os.access(path, os.R_OK):
        return f"cannot read {path} (permission denied): give the server's user read access to it"
    lowered = message.lower()
    if "not a database" in lowered or "malformed" in lowered or "file is encrypted" in lowered:
        return (f"{path} is not a readable SQLite store (corrupt, or another kind of file): restore it from a "
                f"backup, or point {ENV} at a new file and run `indicators refresh --offline`")
    writable = os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    if "readonly" in lowered.replace(" ", "") or not writable:
        # The driver's words are left out: the same store gives one line whoever noticed it first.
        return (f"the store is read-only: {path} or its folder (where SQLite keeps the -wal and -shm files) cannot "
                f"be written; make both writable for the server's user, or copy the file to a writable folder")
    return None


def _original(exc: BaseException) -> BaseException:
    """The driver's error under a StoreError (raised `from None`, so it is the context, not the cause)."""
    inner = exc.__cause__ or exc.__context__
    if inner is not None and type(exc).__name__ == "StoreError":
        exc = inner
    return getattr(exc, "orig", None) or exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:300]


def _scrub(message: str, password: str | None) -> str:
    return message.replace(password, "***") if password else message


# -- what the dashboard answers instead of a page ----------------------------------------------


def page(reason: str) -> str:
    """A standalone HTML page (no scripts, no assets: nothing else of the app may work)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data store unavailable — Fact-check dashboard</title>
<link rel="icon" href="data:,">
<style>
body{{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222;line-height:1.5}}
main{{max-width:46rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border-top:6px solid #b8860b;border-radius:4px}}
h1{{font-size:1.6rem;margin:.2rem 0 1rem}} .status{{color:#6b5200;font-weight:600;letter-spacing:.02em}}
code{{display:block;white-space:pre-wrap;word-break:break-word;background:#f2f0ea;padding:.8rem 1rem;border-radius:4px;font-size:.9rem}}
</style></head>
<body><main role="main">
<p class="status">HTTP 503 · Service unavailable</p>
<h1>The dashboard cannot read its data store</h1>
<p>Every number on this site comes from the store, so no page is shown until it can be read again,
rather than pages with missing or wrong numbers. The reason, for whoever runs this server:</p>
<code id="store-problem">{html.escape(reason)}</code>
<p>After the fix, reload this page: no restart is needed.
Machine-readable status: <a href="/health">/health</a>.</p>
</main></body></html>
"""
