"""What every source module provides, and the small types they share.

A source module knows one publisher and exposes the same verbs:

- `METADATA`: a `SourceMeta` (publisher, licence, URL, definitions, refresh cadence).
- `fetch(http=None) -> list[Batch]`: download the live payloads (raw bytes, kept as they came).
- `snapshot() -> list[Batch]`: the bundled files in `data/`, as payloads of the same shape.
- `parse(payload) -> DataFrame`: a pure function of the payload's bytes into the tidy frame.

A `Batch` is what becomes one vintage in the store: usually one per refresh, but a source whose
snapshot holds two releases of the same series (World Bank) returns two, oldest first.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from indicators import config, frame
from indicators.http import SourceError
from indicators.payload import Batch, Payload  # noqa: F401  (re-exported for source modules)


@dataclass(frozen=True)
class SourceMeta:
    name: str
    title: str
    publisher: str
    licence: str
    url: str
    description: str
    cadence: str  # how often the publisher updates: "daily", "monthly", "yearly"
    definitions: dict[str, str] = field(default_factory=dict)
    live: bool = True  # False where no machine-readable live endpoint exists


def bundled_file(relative: str) -> Path:
    """Path of a file in the bundled snapshot (`data/`), with a clear error if it is missing."""
    path = config.data_dir() / relative
    if not path.is_file():
        raise FileNotFoundError(f"bundled file missing: {path}")
    return path


def read_bundled(relative: str, url: str, kind: str, release_date: str = "") -> Payload:
    """A bundled file as a Payload."""
    path = bundled_file(relative)
    return Payload(name=relative, raw=path.read_bytes(), url=url, kind=kind, release_date=release_date)


def checked(data: pd.DataFrame, source: str, warnings: list[str], label: str = "") -> pd.DataFrame:
    """Validate a parsed frame: a schema problem is a SourceError naming the source (and payload,
    with `label`); the non-fatal warnings ride along in `attrs["warnings"]` for refresh to print."""
    try:
        data = frame.validate(data, source=source)
    except frame.FrameError as exc:
        reason = str(exc).removeprefix(f"{source}: ")
        raise SourceError(source, f"{label}: {reason}" if label else reason) from None
    data.attrs["warnings"] = warnings
    return data


def csv_rows(source: str, raw: bytes, required: list[str]) -> list[tuple[int, dict]]:
    """A small CSV (BOM allowed) as (line number, row dict) pairs. Not UTF-8, a missing column
    (schema drift), a row with the wrong number of fields (a cut file) or no rows: SourceError."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(source, f"file is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        table = [r for r in csv.reader(io.StringIO(text, newline="")) if any(cell.strip() for cell in r)]
    except csv.Error as exc:
        raise SourceError(source, f"unreadable CSV: {exc}") from None
    if not table:
        raise SourceError(source, "empty file")
    header = [h.strip() for h in table[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise SourceError(source, f"missing column(s) {missing}; found {header}")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if len(cells) != len(header):
            raise SourceError(source, f"line {number} has {len(cells)} fields, header has {len(header)} (truncated file?)")
        rows.append((number, {h: c.strip() for h, c in zip(header, cells)}))
    return rows
