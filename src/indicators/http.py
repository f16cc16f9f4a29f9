"""Shared HTTP plumbing for every live source: timeout, retries with backoff, user agent, clear errors.

Sources call `get_bytes()`; every failure becomes a `SourceError` whose message names the source
and says what went wrong in one line. Keys are passed in by the caller and never appear in
messages: URLs in errors are shown without their query string.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit, urlunsplit

import requests

from indicators import __version__, config

USER_AGENT = f"factcheck-indicators/{__version__} (+https://github.com/factcheck-indicators)"
TRANSIENT_STATUS = {429, 500, 502, 503, 504}


class SourceError(RuntimeError):
    """A source could not be fetched or parsed. `str()` is one line that names the source."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def session() -> requests.Session:
    """A requests session with the project's user agent."""
    s = requests.Session()
    s.headers["User-Agent"] = USER_AGENT
    return s


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
    retries: int | None = None,
    backoff: float | None = None,
    expect: str | None = None,
) -> bytes:
    """GET `url` and return the body, retrying transient failures (timeouts, 429, 5xx).

    A 429's Retry-After (seconds) is honoured up to 30 s. `expect` ("json" or "csv") rejects an
    HTML page served in place of data. Raises SourceError on any failure.
    """
    http = http or session()
    timeout = config.http_timeout() if timeout is None else timeout
    retries = config.http_retries() if retries is None else retries
    backoff = config.http_backoff() if backoff is None else backoff
    shown = redact(url)
    last = ""
    for attempt in range(retries + 1):
        try:
            response = http.get(url, params=params, headers=headers, timeout=timeout)
        except requests.exceptions.Timeout:
            last = f"timed out after {timeout:g} s ({shown})"
        except requests.exceptions.ConnectionError as exc:
            last = f"no connection to {urlsplit(url).netloc} ({connection_reason(exc)})"
            # DNS failure or refused connection: retrying will not help offline.
            raise SourceError(source, last) from None
        except requests.exceptions.RequestException as exc:
            raise SourceError(source, f"request failed: {_short(exc)} ({shown})") from None
        else:
            if response.status_code == 200:
                body = response.content
                _check_body(source, body, response.headers.get("Content-Type", ""), expect, shown)
                return body
            last = f"HTTP {response.status_code} from {shown}"
            if response.status_code not in TRANSIENT_STATUS:
                raise SourceError(source, last)
            if attempt < retries:
                time.sleep(_retry_after(response, backoff * 2**attempt))
                continue
        if attempt < retries:
            time.sleep(backoff * 2**attempt)
    raise SourceError(source, f"{last}; gave up after {retries + 1} tries")


def _check_body(source: str, body: bytes, content_type: str, expect: str | None, shown: str) -> None:
    if not body.strip():
        raise SourceError(source, f"empty response from {shown}")
    head = body[:512].lstrip().lower()
    if expect and (b"<html" in head or b"<!doctype html" in head or "text/html" in content_type):
        raise SourceError(source, f"expected {expect.upper()} but got an HTML page from {shown}")


def _retry_after(response: requests.Response, default: float) -> float:
    value = response.headers.get("Retry-After", "")
    return min(float(value), 30.0) if value.strip().isdigit() else default


def connection_reason(exc: Exception) -> str:
    """Why a connection failed, in a few words (no URLs: they are long and may carry parameters)."""
    text = str(exc)
    if any(m in text for m in ("NameResolutionError", "Failed to resolve", "Name or service not known",
                                "Temporary failure in name resolution", "getaddrinfo")):
        return "DNS lookup failed"
    if "Connection refused" in text:
        return "connection refused"
    if "timed out" in text.lower():
        return "connection timed out"
    if "SSL" in text or "certificate" in text:
        return "TLS error"
    return _short(exc)


def _short(exc: Exception) -> str:
    """The first line of an exception, with any URL query string cut off."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return re.sub(r"\?[^\s)'\"]*", "", text)[:160]
