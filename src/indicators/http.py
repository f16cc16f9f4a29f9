"""The one HTTP stack every live source uses: retries, a total deadline, a size cap, clear errors.

- `session()` is a `requests.Session` with `urllib3.util.Retry` mounted once (transient statuses
  and read timeouts retried with backoff, `Retry-After` honoured up to a cap, DNS failures and
  refused connections not retried) and `trust_env` left on, so `HTTPS_PROXY`/`NO_PROXY` apply.
- `fetch()` streams one GET within a total deadline (not per socket read: a server trickling
  bytes is cut at the deadline) and a maximum size counted after decompression; `get_bytes()`
  returns just the body. pandas-datareader readers get the same stack through
  `sources.datareader.ReaderSession`.
- Every failure is a `SourceError` whose message is one line naming the source. Messages are
  scrubbed of keys (`scrub()`) when the error is built, so nothing downstream (stdout, stderr, the
  store's events, `/health`) can see one. URLs in messages are shown without their query string.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import zlib
from urllib.parse import urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from indicators import __version__, config

USER_AGENT = f"factcheck-indicators/{__version__} (+https://github.com/factcheck-indicators)"
TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
SECRET_ENV = ("COMTRADE_API_KEY",)
"""Environment variables holding keys: their values are scrubbed from every message."""
READ_SIZE = 64 * 1024  # bytes per streamed read, and the most one decompression step may produce
REDACTED = "[redacted]"
_SECRET_PATTERNS = [
    re.compile(r"(?i)(subscription-key=)[^&\s'\"<>]+"),
    re.compile(r"(?i)(subscription-key[\"']?\s*[:=]\s*[\"']?)[^\s'\",;<>}&]+"),
    re.compile(r"(?i)((?:api[_-]?key|token)=)[^&\s'\"<>]+"),
]


def scrub(text: str) -> str:
    """`text` with every known key value and any `subscription-key=` value replaced by [redacted]."""
    for name in SECRET_ENV:
        value = os.environ.get(name, "").strip()
        if len(value) >= 4:
            text = text.replace(value, REDACTED)
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + REDACTED, text)
    return text


class SourceError(RuntimeError):
    """A source could not be fetched or parsed. `str()` is one line that names the source.

    The reason is scrubbed of keys here, once, so no copy of the message can carry one."""

    def __init__(self, source: str, reason: str):
        reason = " ".join(scrub(str(reason)).split())
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class CappedRetry(Retry):
    """urllib3's Retry, with `Retry-After` honoured on every transient status but never for longer
    than `INDICATORS_HTTP_RETRY_AFTER_MAX` seconds (a server asking for an hour gets the cap)."""

    RETRY_AFTER_STATUS_CODES = TRANSIENT_STATUS

    def parse_retry_after(self, retry_after: str) -> float:
        return min(super().parse_retry_after(retry_after), config.http_retry_after_max())

    def sleep_for_retry(self, response) -> bool:  # noqa: ANN001 - urllib3's signature
        """A wait the server asks for that would end past the fetch's deadline is not waited: the
        fetch fails at once, naming the status and the wait (RetryAfterPastDeadline)."""
        header = response.headers.get("Retry-After") if response is not None else None
        watch = getattr(_watching, "current", None)
        if header and watch is not None:
            try:
                asked = Retry.parse_retry_after(self, header)
            except Exception:  # noqa: BLE001 - an unreadable header is urllib3's to handle
                asked = 0.0
            if asked > watch.remaining():
                raise RetryAfterPastDeadline(response.status, asked)
        return super().sleep_for_retry(response)


class RetryAfterPastDeadline(Exception):
    """The server asked for a wait (Retry-After) longer than what is left of the fetch's deadline."""

    def __init__(self, status: int, seconds: float):
        super().__init__(f"HTTP {status}: Retry-After {seconds:g} s")
        self.status = status
        self.seconds = seconds


def retry_policy(retries: int | None = None, backoff: float | None = None) -> Retry:
    """Transient statuses and read timeouts retried `retries` times; connection errors (DNS, refused)
    fail at once: retrying them offline cannot help."""
    retries = config.http_retries() if retries is None else retries
    backoff = config.http_backoff() if backoff is None else backoff
    return CappedRetry(
        total=retries, connect=0, read=retries, status=retries, other=0, redirect=5,
        backoff_factor=backoff, status_forcelist=TRANSIENT_STATUS, allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True, raise_on_status=False,
    )


def session() -> requests.Session:
    """A requests session with the project's user agent and the retry policy mounted once."""
    return prepared(requests.Session())


def prepared(http: requests.Session) -> requests.Session:
    """`http` with the project's retry policy mounted (once) and the user agent set; a caller's own
    session is accepted and gets the same policy, so there is one behaviour whoever builds it."""
    if not getattr(http, "_indicators_prepared", False):
        adapter = WatchedAdapter(max_retries=retry_policy())
        http.mount("https://", adapter)
        http.mount("http://", adapter)
        http.headers["User-Agent"] = USER_AGENT
        # Only encodings fetch() can inflate under its size cap.
        http.headers["Accept-Encoding"] = "gzip, deflate"
        http._indicators_prepared = True  # type: ignore[attr-defined]
    return http


class DeadlinePassed(Exception):
    """A fetch's total deadline passed before its answer's headers were in (raised by a watched
    connection before it sends, so urllib3 does not retry it)."""


_watching = threading.local()


class _Watch:
    """The total deadline of one fetch while it waits for the status line and headers.

    urllib3 bounds each socket read only, so a server that trickles its headers a byte at a time
    (or answers each retry just within the read timeout) could hold a fetch for as long as it
    likes. A timer shuts down the sockets the fetch has used when the deadline passes: the read
    blocked in the calling thread ends at once, and a retry after that raises DeadlinePassed."""

    def __init__(self, seconds: float):
        self.ends = time.monotonic() + max(seconds, 0.0)
        self.expired = False
        self._connections: list[HTTPConnection] = []
        self._lock = threading.Lock()
        self._done = False
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        """Seconds left before the deadline."""
        return self.ends - time.monotonic()

    def __enter__(self) -> "_Watch":
        _watching.current = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        _watching.current = None
        self._timer.cancel()
        with self._lock:
            self._done = True

    def attach(self, connection: HTTPConnection) -> None:
        with self._lock:
            if self.expired:
                raise DeadlinePassed()
            if connection not in self._connections:
                self._connections.append(connection)

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            for connection in self._connections:
                sock = getattr(connection, "sock", None)
                if sock is not None:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass


class _WatchedConnection:
    """Joins the fetch's _Watch (if any, in this thread) when it connects or sends a request."""

    def connect(self) -> None:
        _attach(self)
        super().connect()  # type: ignore[misc]

    def request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib3's signature
        _attach(self)
        return super().request(*args, **kwargs)  # type: ignore[misc]


def _attach(connection) -> None:  # noqa: ANN001
    watch = getattr(_watching, "current", None)
    if watch is not None:
        watch.attach(connection)


class _WatchedHTTPConnection(_WatchedConnection, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class WatchedAdapter(HTTPAdapter):
    """requests' adapter whose connections (direct or through an HTTP proxy) obey a fetch's _Watch."""

    def init_poolmanager(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = WATCHED_POOLS

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # noqa: ANN001, ANN003
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if hasattr(manager, "pool_classes_by_scheme"):
            manager.pool_classes_by_scheme = WATCHED_POOLS
        return manager


def redact(url: str) -> str:
    """The URL without its query string, so keys never reach a message or a log."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def get_bytes(
    source: str,
    url: str,
    params: dict | None = None,
    headers: dict | None = None,
    http: requests.Session | None = None,
    timeout: float | None = None,
    expect: str | None = None,
    max_bytes: int | None = None,
    deadline: float | None = None,
    label: str = "",
) -> bytes:
    """GET `url` and return the body (see `fetch`). `expect` ("json", "csv", ...) rejects an HTML
    page or an empty body served in place of data."""
    response = fetch(source, url, params=params, headers=headers, http=http, timeout=timeout,
                     max_bytes=max_bytes, deadline=deadline, label=label)
    _check_body(source, response.content, response.headers.get("Content-Type", ""), expect, redact(url), label)
    return response.content


def fetch(
    source: str,
    url: str,
    params: dict | None = None,
    headers: dict | None = None,
    http: requests.Session | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
    deadline: float | None = None,
    label: str = "",
) -> requests.Response:
    """One bounded GET: a 200 response whose `.content` is the whole (decompressed) body.

    Retries follow the mounted policy. The whole fetch, retries included, must finish within
    `deadline` seconds (`INDICATORS_HTTP_DEADLINE`); each socket read within `timeout`; the body,
    counted after decompression while it streams, within `max_bytes` (`INDICATORS_HTTP_MAX_MB`
    overrides every source's own cap). Anything else is a one-line SourceError.
    """
    http = prepared(http or session())
    timeout = config.http_timeout() if timeout is None else timeout
    deadline = config.http_deadline() if deadline is None else deadline
    max_bytes = config.http_max_bytes(max_bytes)
    prefix = f"{label}: " if label else ""
    shown = redact(url)
    ends = time.monotonic() + deadline
    late = f"{prefix}no answer within the {deadline:g} s deadline ({shown})"
    watch = _Watch(deadline)
    try:
        with watch:
            response = http.get(url, params=params, headers=headers, timeout=min(timeout, deadline), stream=True)
    except DeadlinePassed:
        raise SourceError(source, late) from None
    except RetryAfterPastDeadline as exc:
        raise SourceError(source, f"{prefix}HTTP {exc.status} from {shown}: the server asks to wait {exc.seconds:g} s "
                                  f"(Retry-After), past the {deadline:g} s deadline; not retried") from None
    except requests.exceptions.RequestException as exc:
        if watch.expired:
            raise SourceError(source, late) from None
        _raise_request_error(source, exc, http, url, timeout, prefix, shown)
    if watch.expired:  # the timer fired just as the headers came in: the socket is shut down
        response.close()
        raise SourceError(source, late)
    try:
        if response.status_code != 200:
            hint = _error_hint(response)
            reason = f"{prefix}HTTP {response.status_code} from {shown}{hint}"
            if response.status_code in TRANSIENT_STATUS:
                reason += f"; gave up after {_tries(http, url, 'status')} tries"
            raise SourceError(source, reason)
        if time.monotonic() > ends:
            raise SourceError(source, late)
        body = _read_bounded(source, response, ends, timeout, max_bytes, deadline, prefix, shown)
    finally:
        response.close()
    response._content = body
    response._content_consumed = True
    return response


def _raise_request_error(source: str, exc: Exception, http: requests.Session, url: str, timeout: float,
                         prefix: str, shown: str) -> None:
    """The one-line SourceError for a request that raised before any answer came."""
    if isinstance(exc, requests.exceptions.ConnectionError):
        if _timed_out(exc):
            raise SourceError(source, f"{prefix}timed out after {timeout:g} s ({shown}); "
                                      f"gave up after {_tries(http, url, 'read')} tries") from None
        raise SourceError(source, f"{prefix}no connection to {urlsplit(url).netloc} ({connection_reason(exc)})") from None
    if isinstance(exc, requests.exceptions.Timeout):
        raise SourceError(source, f"{prefix}timed out after {timeout:g} s ({shown})") from None
    raise SourceError(source, f"{prefix}request failed: {_short(exc)} ({shown})") from None


def _read_bounded(source: str, response: requests.Response, ends: float, timeout: float, max_bytes: int,
                  deadline: float, prefix: str, shown: str) -> bytes:
    """Stream the body: each read waits at most until the deadline; inflated bytes are counted
    as they come, so a gzip bomb stops at the cap instead of filling memory."""
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflater = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
    else:
        raise SourceError(source, f"{prefix}unsupported Content-Encoding {encoding!r} from {shown}")
    raw, parts, size = response.raw, [], 0

    def keep(data: bytes) -> None:
        nonlocal size
        size += len(data)
        if size > max_bytes:
            raise SourceError(source, f"{prefix}answer larger than the {_mb(max_bytes)} limit "
                                      f"(after decompression) from {shown}; stopped reading")
        parts.append(data)

    try:
        while True:
            remaining = ends - time.monotonic()
            if remaining <= 0:
                raise SourceError(source, f"{prefix}answer not complete within the {deadline:g} s deadline "
                                          f"({shown}; {size} bytes received)")
            _set_read_timeout(response, min(timeout, remaining))
            chunk = raw.read1(READ_SIZE, decode_content=False)
            if not chunk:
                break
            if inflater is None:
                keep(chunk)
                continue
            data = chunk
            while data:
                keep(inflater.decompress(data, READ_SIZE))
                data = inflater.unconsumed_tail
        if inflater is not None:
            keep(inflater.flush())
    except SourceError:
        raise
    except zlib.error as exc:
        raise SourceError(source, f"{prefix}corrupt {encoding} body from {shown} ({exc})") from None
    except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
        if time.monotonic() >= ends:
            raise SourceError(source, f"{prefix}answer not complete within the {deadline:g} s deadline "
                                      f"({shown}; {size} bytes received)") from None
        raise SourceError(source, f"{prefix}timed out after {timeout:g} s reading the body ({shown})") from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        short = re.search(r"IncompleteRead\((\d+) bytes read, (\d+) more expected\)", str(exc))
        why = f"{short.group(2)} more bytes were announced" if short else _short(exc)
        raise SourceError(source, f"{prefix}connection closed mid-answer after {size} bytes "
                                  f"(truncated body from {shown}: {why})") from None
    return b"".join(parts)


def _set_read_timeout(response: requests.Response, seconds: float) -> None:
    """Shorten the socket timeout of the response's connection to what is left of the deadline."""
    connection = getattr(response.raw, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.settimeout(max(seconds, 0.01))
        except OSError:
            pass


def _check_body(source: str, body: bytes, content_type: str, expect: str | None, shown: str, label: str = "") -> None:
    prefix = f"{label}: " if label else ""
    if not body.strip():
        raise SourceError(source, f"{prefix}empty response from {shown}")
    head = body[:512].lstrip().lower()
    if expect and (b"<html" in head or b"<!doctype html" in head or "text/html" in content_type):
        raise SourceError(source, f"{prefix}expected {expect.upper()} but got an HTML page from {shown}")


def _error_hint(response: requests.Response) -> str:
    """': <the first line of the error body>' for a short non-HTML error body, else ''. The hint is
    scrubbed with the rest of the message (APIs often quote the request, key included)."""
    try:
        head = response.raw.read(2048, decode_content=True) or b""
    except Exception:  # noqa: BLE001 - a hint is optional
        return ""
    text = head.decode("utf-8", "replace").strip()
    if not text or text.lstrip().startswith("<"):
        return ""
    return f": {' '.join(text.split())[:160]}"


def _tries(http: requests.Session, url: str, kind: str) -> int:
    """How many tries the mounted policy makes before giving up on a `kind` ("status", "read") failure."""
    retry = getattr(http.get_adapter(url), "max_retries", None)
    counts = [c for c in (getattr(retry, kind, None), getattr(retry, "total", None)) if isinstance(c, int)]
    return min(counts, default=0) + 1


def _timed_out(exc: Exception) -> bool:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, (urllib3.exceptions.ReadTimeoutError, TimeoutError)) or "Read timed out" in str(exc)


def _mb(size: int) -> str:
    return f"{size / 1e6:g} MB"


def connection_reason(exc: Exception) -> str:
    """Why a connection failed, in a few words (no URLs: they are long and may carry parameters)."""
    text = str(exc)
    if any(m in text for m in ("NameResolutionError", "Failed to resolve", "Name or service not known",
                                "Temporary failure in name resolution", "getaddrinfo")):
        return "DNS lookup failed"
    if "Connection refused" in text:
        return "connection refused"
    if "ProxyError" in text or "Unable to connect to proxy" in text:
        return "proxy unreachable"
    if "timed out" in text.lower():
        return "connection timed out"
    if "SSL" in text or "certificate" in text:
        return "TLS error"
    return _short(exc)


def _short(exc: Exception) -> str:
    """The first line of an exception, with any URL query string cut off."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return re.sub(r"\?[^\s)'\"]*", "", text)[:160]
