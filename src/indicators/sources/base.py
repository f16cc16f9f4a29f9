"""What every source module provides, and the small types they share.

A source module knows one publisher and exposes the same verbs:

- `METADATA`: a `SourceMeta` (publisher, licence, URL, definitions, refresh cadence).
- `fetch(http=None) -> list[Batch]`: download the live payloads (raw bytes, kept as they came).
- `snapshot() -> list[Batch]`: the bundled files in `data/`, as payloads of the same shape.
- `parse(payload) -> DataFrame`: a pure function of the payload's bytes into the tidy frame.

`Source` states that contract as a `typing.Protocol`; `tests/unit/test_source_contract.py` checks every
registered source against it.

A `Batch` is what becomes one vintage in the store: usually one per refresh, but a source whose
snapshot holds two releases of the same series (World Bank) returns two, oldest first.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import pandas as pd

from indicators import cache, catalogue, config, frame
from indicators.http import SourceError
from indicators.payload import Batch, Payload  # noqa: F401  (re-exported for source modules)
from indicators.sources.readvia import site


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
    max_bytes: int = 0  # largest live answer accepted (after decompression); 0 = config's default
    url_env: str = ""  # environment variable that points the live fetch at a mirror ("" if not live)
    row_allowance: int = 0  # rows a live payload may lose to parsing before the source fails


def metadata(name: str) -> SourceMeta:
    """A source's metadata, read from its `source.yaml` beside its bundled files (indicators.catalogue)."""
    info = catalogue.source(name)
    return SourceMeta(name=info.name, title=info.title, publisher=info.publisher, licence=info.licence, url=info.url,
                      description=info.description, cadence=info.cadence, definitions=dict(info.definitions),
                      live=info.live, max_bytes=info.max_bytes, url_env=info.url_env, row_allowance=info.row_allowance)


@runtime_checkable
class Source(Protocol):
    """What `indicators.sources.get(name)` returns: a module with these names."""

    NAME: str
    METADATA: SourceMeta

    def fetch(self, http=None) -> list[Batch]:
        """Download the live payloads (bytes as received), one or more batches."""

    def snapshot(self) -> list[Batch]:
        """The bundled files as payloads (possibly none)."""

    def parse(self, payload: Payload) -> pd.DataFrame:
        """The payload's bytes as the tidy frame, or a SourceError naming the source."""


def bundled_file(relative: str) -> Path:
    """Path of a file in the bundled snapshot (`data/`), with a clear error if it is missing."""
    path = config.data_dir() / relative
    if not path.is_file():
        raise FileNotFoundError(f"bundled file missing: {path}")
    return path


def read_bundled(relative: str, url: str, kind: str, release_date: str = "") -> Payload:
    """A bundled file as a Payload; `read_via` names the copy it was taken from, if it is one."""
    path = bundled_file(relative)
    return Payload(name=relative, raw=path.read_bytes(), url=url, kind=kind, release_date=release_date,
                   read_via=bundled_copy(relative))


def bundled_copy(relative: str) -> str:
    """Where a bundled file was read when it is a copy found outside the publisher's site:
    "github.com (a copy in owner/repo)", from `copied_from` in data/datapackage.json; "" otherwise."""
    copy = _copies(str(config.data_dir())).get(relative, "")
    if not copy:
        return ""
    host = site(copy)
    parts = [p for p in copy.split("/")[3:5] if p]
    return f"{host} (a copy in {'/'.join(parts)})" if host == "github.com" and len(parts) == 2 else host


@cache.memo("bundled copies", 4)
def _copies(data_dir: str) -> dict[str, str]:
    """path -> copied_from URL of every bundled resource that has one."""
    descriptor = Path(data_dir) / "datapackage.json"
    if not descriptor.is_file():
        return {}
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    return {r["path"]: r["copied_from"] for r in package.get("resources", []) if r.get("copied_from")}


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


def non_csv(raw: bytes) -> str:
    """What a body is when it is plainly not CSV ("empty file", "an HTML page, not CSV", ...), else ""."""
    head = raw[:512].lstrip()
    lowered = head.lower()
    if not head.strip():
        return "empty file"
    if lowered.startswith(b"<"):
        if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered or b"<head" in lowered:
            return "an HTML page (HTML, not CSV)"
        return "XML or markup (not CSV)"
    if head[:1] in (b"{", b"["):
        return "JSON (not CSV)"
    return ""


def csv_table(source: str, raw: bytes, label: str = "") -> list[tuple[int, list[str]]]:
    """The one CSV reader: non-blank rows with their line numbers (BOM allowed). An empty, HTML,
    JSON or non-UTF-8 body, or a cut quoted cell, is a SourceError (prefixed with `label`)."""
    prefix = f"{label}: " if label else ""
    what = non_csv(raw)
    if what:
        raise SourceError(source, f"{prefix}{what}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(source, f"{prefix}file is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = [(reader.line_num, cells) for cells in reader if any(cell.strip() for cell in cells)]
    except csv.Error as exc:
        raise SourceError(source, f"{prefix}unreadable CSV near line {reader.line_num} ({exc}; truncated file?)") from None
    if not rows:
        raise SourceError(source, f"{prefix}empty file")
    return rows


def csv_rows(source: str, raw: bytes, required: list[str], label: str = "") -> list[tuple[int, dict]]:
    """A small CSV (BOM allowed) as (line number, row dict) pairs, read by `csv_table`. A missing
    column (schema drift), a row with the wrong number of fields (a cut file) or no rows: SourceError."""
    prefix = f"{label}: " if label else ""
    table = csv_table(source, raw, label)
    header = [h.strip() for h in table[0][1]]
    missing = [c for c in required if c not in header]
    if missing:
        raise SourceError(source, f"{prefix}missing column(s) {missing}; found {header}")
    rows = []
    for number, cells in table[1:]:
        if len(cells) != len(header):
            raise SourceError(source, f"{prefix}line {number} has {len(cells)} fields, header has {len(header)} (truncated file?)")
        rows.append((number, {h: c.strip() for h, c in zip(header, cells)}))
    return rows
