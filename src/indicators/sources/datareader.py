"""Shared plumbing for the sources read through pandas-datareader (fx, worldbank).

pandas-datareader parses responses and drops their bytes; the store keeps raw payloads. Readers
are handed a `RecordingSession` that keeps what they download and turns failures into one-line
`SourceError`s.
"""

from __future__ import annotations

from typing import Callable

import requests

from indicators.http import TRANSIENT_STATUS, SourceError, connection_reason, redact
from indicators.sources.base import Payload


def looks_like_html(raw: bytes) -> bool:
    head = raw[:512].lstrip().lower()
    return head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head)


class RecordingSession(requests.Session):
    """A session for pandas-datareader readers that keeps the bytes they download.

    pandas-datareader parses responses and drops the bytes; the store keeps raw payloads. The
    reader is handed this session, which forwards each GET to the caller's session and records
    the outcome. pandas-datareader retries every failure (`retry_count`, `pause`); retrying a DNS
    failure, a refused connection or a non-transient HTTP status (404) cannot help, so those
    raise SourceError at once (pandas-datareader only catches requests' exceptions). The
    caller's session is never closed (readers close theirs after each read).
    """

    def __init__(self, source: str, inner: requests.Session, label: str = ""):
        super().__init__()
        self.source = source
        self.label = f"{label}: " if label else ""
        self.inner = inner
        self.body: bytes | None = None  # the last 200 response's bytes
        self.url = ""
        self.tries = 0
        self.last_failure = ""

    def get(self, url, **kwargs):  # noqa: ANN001 - same signature as requests.Session.get
        self.tries += 1
        shown = redact(url)
        try:
            response = self.inner.get(url, **kwargs)
        except requests.exceptions.Timeout:
            self.last_failure = f"{self.label}timed out after {kwargs.get('timeout', 0):g} s ({shown})"
            raise
        except requests.exceptions.ConnectionError as exc:
            raise SourceError(self.source, f"{self.label}no connection to {shown} ({connection_reason(exc)})") from None
        except requests.exceptions.RequestException as exc:
            raise SourceError(self.source, f"{self.label}request failed: {_first_line(exc)} ({shown})") from None
        if response.status_code == 200:
            self.body, self.url = response.content, response.url or url
            return response
        self.last_failure = f"{self.label}HTTP {response.status_code} from {shown}"
        if response.status_code not in TRANSIENT_STATUS:
            raise SourceError(self.source, self.last_failure)
        return response

    def failure(self, error: Exception | None) -> SourceError:
        """The one-line SourceError for what went wrong in a pandas-datareader read."""
        if isinstance(error, SourceError):
            return error
        reason = f"{type(error).__name__}: {_first_line(error)}" if error is not None else "no data"
        if self.body is None:
            if self.last_failure:
                return SourceError(self.source, f"{self.last_failure}; gave up after {self.tries} tries")
            return SourceError(self.source, f"{self.label}request failed: {reason}")
        return SourceError(self.source, f"{self.label}pandas-datareader could not read {redact(self.url)}: {reason}")


def read_recorded(recorder: RecordingSession, reader, to_payload: Callable[[bytes, str], Payload],
                  parse: Callable[[Payload], object]) -> Payload:
    """Run a pandas-datareader `reader` that was handed `recorder`, and return what it downloaded as
    a Payload. Our own parse() judges the body first, so an HTML page, a cut file or a renamed
    column gets a clear message; only then is pandas-datareader's own error reported."""
    error: Exception | None = None
    try:
        reader.read()
    except Exception as exc:  # RemoteDataError, OSError, ValueError("No indicators returned data."), ...
        error = exc
    if recorder.body is None:
        raise recorder.failure(error)
    payload = to_payload(recorder.body, recorder.url)
    parse(payload)
    if error is not None:
        raise recorder.failure(error)
    return payload


def _first_line(exc: BaseException | None) -> str:
    text = str(exc).strip() if exc is not None else ""
    return (text.splitlines()[0] if text else type(exc).__name__)[:160]
