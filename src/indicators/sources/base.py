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

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from indicators import config


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


@dataclass(frozen=True)
class Payload:
    """Raw bytes as received, with where they came from and how to read them."""

    name: str  # file name or a short label of the request
    raw: bytes
    url: str  # where the publisher serves it (no keys)
    kind: str  # which parser reads it, e.g. "bulk_csv", "v2_json"
    release_date: str = ""  # publisher's release date, YYYY-MM-DD, where known

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class Batch:
    """Payloads that together make one vintage of a source."""

    payloads: tuple[Payload, ...]
    label: str = ""  # e.g. "bundled snapshot", "older WDI release"


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
