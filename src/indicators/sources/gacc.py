"""GACC (General Administration of Customs of China): goods trade, exports, imports and balance in yuan and dollars with growth as published, and the export groups GACC reports (mechanical and electrical, high-tech), from its annual releases.

The figures are typed from the publisher's releases into release tables (docs/release-tables.md), one
cited row per observation; `sources.releases` reads them. No live endpoint: the bundled tables are the
source, listed with their provenance in data/<folder>/source.yaml.
"""

from __future__ import annotations

import pandas as pd

from indicators.sources import releases
from indicators.sources.base import Batch, Payload, metadata

NAME = "gacc"
METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, resources, series


def fetch(http=None) -> list[Batch]:
    """No live endpoint: fails with one line saying where the figures are typed."""
    return releases.fetch(NAME)


def snapshot() -> list[Batch]:
    """The bundled release tables, as one batch."""
    return releases.snapshot(NAME)


def parse(payload: Payload) -> pd.DataFrame:
    """A release table as tidy rows (pure: bytes in, frame out)."""
    return releases.parse(NAME, payload)
