"""pandas-datareader on the project's one HTTP stack (fx, worldbank).

pandas-datareader parses responses and drops their bytes; the store keeps raw payloads. A reader
is handed a `ReaderSession`: each GET goes through `http.fetch` (the mounted retry policy,
the total deadline, the size cap, one-line `SourceError`s) and the body is kept. The reader's
own retry loop is switched off (`retry_count=0`): retries happen once, in urllib3.
"""

from __future__ import annotations

from typing import Callable

import requests

from indicators import http as web
from indicators.http import SourceError, redact
from indicators.sources.base import Payload


def looks_like_html(raw: bytes) -> bool:
    head = raw[:512].lstrip().lower()
    return head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head)


class ReaderSession(requests.Session):
    """The `session` a pandas-datareader reader calls `.get()` on: the project's bounded fetch,
    keeping the last body. A failure raises SourceError (pandas-datareader only catches requests'
    exceptions, so it reaches the caller as it is). `close()` leaves the caller's session open."""

    def __init__(self, source: str, http: requests.Session, label: str = "", max_bytes: int | None = None):
        super().__init__()  # pandas-datareader insists on a requests.Session; this one never sends itself
        self.source = source
        self.label = label
        self.http = web.prepared(http)
        self.max_bytes = max_bytes
        self.body: bytes | None = None
        self.url = ""

    def get(self, url, params=None, headers=None, timeout=None, **_kwargs):  # noqa: ANN001 - requests' signature
        response = web.fetch(self.source, url, params=params, headers=headers, http=self.http, timeout=timeout,
                             max_bytes=self.max_bytes, label=self.label)
        self.body, self.url = response.content, response.url or url
        return response

    def close(self) -> None:
        """pandas-datareader closes its session after each read; the caller's stays open."""


def read_recorded(recorder: ReaderSession, reader, to_payload: Callable[[bytes, str], Payload],
                  parse: Callable[[Payload], object]) -> Payload:
    """Run a pandas-datareader `reader` that was handed `recorder`, and return what it downloaded as
    a Payload. Our own parse() judges the body first, so an HTML page, a cut file or a renamed
    column gets a clear message; only then is pandas-datareader's own error reported."""
    error: Exception | None = None
    try:
        reader.read()
    except SourceError:
        raise
    except Exception as exc:  # RemoteDataError, OSError, ValueError("No indicators returned data."), ...
        error = exc
    prefix = f"{recorder.label}: " if recorder.label else ""
    if recorder.body is None:
        raise SourceError(recorder.source, f"{prefix}request failed: {_reason(error)}")
    payload = to_payload(recorder.body, recorder.url)
    parse(payload)
    if error is not None:
        raise SourceError(recorder.source, f"{prefix}pandas-datareader could not read {redact(recorder.url)}: {_reason(error)}")
    return payload


def _reason(error: Exception | None) -> str:
    if error is None:
        return "no data"
    text = str(error).strip()
    return f"{type(error).__name__}: {(text.splitlines()[0] if text else '')[:160]}"
