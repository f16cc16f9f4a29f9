"""Raw payloads and batches: the neutral types that sources produce and the store keeps.

They live outside `sources` so that the store can hold payloads without knowing any publisher.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    """Raw bytes as received, with where they came from and how to read them."""

    name: str  # file name or a short label of the request
    raw: bytes
    url: str  # where the publisher serves it (no keys)
    kind: str  # which parser reads it, e.g. "bulk_csv", "v2_json"
    release_date: str = ""  # publisher's release date, YYYY-MM-DD, where known
    read_via: str = ""  # where the bytes were read when not from the publisher (a mirror, a copy); "" = primary

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class Batch:
    """Payloads that together make one vintage of a source."""

    payloads: tuple[Payload, ...]
    label: str = ""  # e.g. "bundled snapshot", "older WDI release"
