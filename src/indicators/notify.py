"""Deliver revision reports after a refresh: a JSON file and/or a webhook POST.

A refresh's job is the data; delivery is a courtesy. So nothing here raises: a failed write or
POST is one clear line on stderr and the refresh's exit status is unchanged. The JSON file is
written atomically (temporary file in the same folder, then rename), so a reader never sees half a
report. Neither the file nor the POST carries keys: reports hold values and vintage ids only, and
any field whose name looks like a secret is dropped before delivery.
"""

from __future__ import annotations

import json
import os
import sys
import secrets
from datetime import datetime, timezone
from pathlib import Path

import requests

WEBHOOK_ENV = "INDICATORS_WEBHOOK_URL"
WEBHOOK_TIMEOUT = 10.0  # seconds: a slow receiver must not hold up a scheduled refresh
SECRET_SUFFIXES = ("key", "token", "secret", "password", "authorization")


def deliver(reports: list[dict], path: str | os.PathLike | None = None, webhook: str | None = None) -> dict:
    """Write `reports` as JSON to `path` and POST them to `webhook` (or $INDICATORS_WEBHOOK_URL).

    Returns {"path": Path | None, "webhook": HTTP status | None}; a failed step is None there and
    one line on stderr. Never raises for a delivery failure.
    """
    document = envelope(reports)
    outcome: dict = {"path": None, "webhook": None}
    if path:
        try:
            outcome["path"] = write_json(document, path)
        except Exception as exc:  # disk full, no permission, a value JSON cannot hold: report, never raise
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else _first_line(exc)
            _warn(f"cannot write the revision report to {path}: {type(exc).__name__}: {detail}")
    url = webhook or os.environ.get(WEBHOOK_ENV)
    if url:
        outcome["webhook"] = post_json(document, url)
    return outcome


def envelope(reports: list[dict]) -> dict:
    """The delivered document: when, how many, and the reports with secret-looking fields removed."""
    return {
        "generated_at": _now(),
        "count": len(reports),
        "reports": [_scrub(report) for report in reports],
    }


def write_json(document: dict, path: str | os.PathLike) -> Path:
    """Write `document` to `path` atomically: a temporary file beside it, fsync, then rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as out:  # umask permissions, unlike mkstemp's 0600
            json.dump(document, out, indent=2, ensure_ascii=False, allow_nan=False)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def post_json(document: dict, url: str) -> int | None:
    """POST `document` as JSON; returns the HTTP status, or None (and one stderr line) on failure."""
    shown = _url_for_humans(url)
    try:
        response = requests.post(url, json=document, timeout=WEBHOOK_TIMEOUT)
    except Exception as exc:  # any failure (DNS, refused, TLS, a bad URL) is reported, never raised
        _warn(f"webhook {shown} failed: {type(exc).__name__}: {_first_line(exc)}")
        return None
    if response.status_code >= 400:
        _warn(f"webhook {shown} answered HTTP {response.status_code}")
        return None
    return response.status_code


def _scrub(value):
    """Drop dict entries whose key names a secret (api_key, token, ...), at any depth."""
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if not str(k).lower().endswith(SECRET_SUFFIXES)}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def _url_for_humans(url: str) -> str:
    """Scheme, host and path only: a webhook URL's query string often carries a token."""
    parsed = requests.utils.urlparse(url)
    host = parsed.hostname or ""
    return f"{parsed.scheme}://{host}{parsed.path}" if parsed.scheme else "(invalid URL)"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else ""


def _warn(line: str) -> None:
    print(f"notify: {line}", file=sys.stderr, flush=True)
