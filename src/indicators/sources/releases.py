"""Release tables: figures typed from a publisher's releases, one cited row per observation.

Many publishers (GACC, CAAM, MIIT, NBS, CNIPA, WIPO) issue figures only in press releases and
communiqués. Their bundled tables follow one layout (docs/release-tables.md): `indicator, entity,
product, period, freq, value, unit_mult, unit, qualifier, publisher, source_url, read_via, released,
retrieved, note`, the value typed as printed and `unit_mult` the power of ten that unscales it. This
module reads that layout for every such source: a source module lists nothing but its name, and its
`source.yaml` lists the tables (`resources` with `layout: release_table`).

There is no live endpoint to fetch: `fetch` fails with one line saying so, and the bundled table is
the source (a "refresh" of new figures means typing them into the table and loading it offline).
"""

from __future__ import annotations

import math
import re
from typing import Callable, NamedTuple

import pandas as pd

from indicators import catalogue, frame
from indicators.http import SourceError
from indicators.sources.base import Batch, Payload, checked, csv_rows, metadata, read_bundled

KIND = "release_table_csv"
LAYOUT = "release_table"
COLUMNS = ["indicator", "entity", "product", "period", "freq", "value", "unit_mult", "unit", "qualifier",
           "publisher", "source_url", "read_via", "released", "retrieved", "note"]
PERIODS = {"A": re.compile(r"^\d{4}$"), "Q": re.compile(r"^\d{4}-Q[1-4]$"), "M": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO3 = re.compile(r"^[A-Z]{3}$")


class Verbs(NamedTuple):
    """A release-table source's module-level names: METADATA and the three verbs every source has."""

    METADATA: object
    fetch: Callable[..., list[Batch]]
    snapshot: Callable[[], list[Batch]]
    parse: Callable[[Payload], pd.DataFrame]


def verbs(source: str) -> Verbs:
    """The verbs of a source whose figures are all in release tables: its module is its name and one line,
    `METADATA, fetch, snapshot, parse = releases.verbs(NAME)`."""

    def fetch_(http=None) -> list[Batch]:
        """No live endpoint: fails with one line saying where the figures are typed."""
        return fetch(source)

    def snapshot_() -> list[Batch]:
        """The bundled release tables, as one batch."""
        return snapshot(source)

    def parse_(payload: Payload) -> pd.DataFrame:
        """A release table as tidy rows (pure: bytes in, frame out)."""
        return parse(source, payload)

    return Verbs(metadata(source), fetch_, snapshot_, parse_)


def tables(source: str) -> list[catalogue.Resource]:
    """The release tables a source's source.yaml lists."""
    return [r for r in catalogue.source(source).resources if r.layout == LAYOUT]


def fetch(source: str) -> list[Batch]:
    """No live endpoint: the publisher issues releases, and the bundled table is the source."""
    folder = catalogue.source(source).folder
    raise SourceError(source, "no machine-readable live endpoint: the figures are typed from the publisher's "
                              f"releases into data/{folder}/ (docs/release-tables.md); add new figures there and run "
                              f"indicators refresh --source {source} --offline")


def snapshot(source: str) -> list[Batch]:
    """Every release table of the source, as one batch (one vintage)."""
    meta = catalogue.source(source)
    payloads = tuple(read_bundled(r.path, url=r.url or meta.url, kind=KIND, release_date=r.release_date)
                     for r in tables(source))
    if not payloads:
        raise SourceError(source, f"data/{meta.folder}/source.yaml lists no release table")
    return [Batch(payloads=payloads, label="bundled release tables")]


def parse(source: str, payload: Payload) -> pd.DataFrame:
    """A release table as tidy rows: the value unscaled by `unit_mult`; every cell checked, each problem
    a SourceError naming the source, the file and the line."""
    label = payload.name
    rows = csv_rows(source, payload.raw, COLUMNS, label=label)
    if not payload.raw.endswith(b"\n"):
        raise SourceError(source, f"{label}: file does not end with a line break (truncated?)")
    dataset = payload.name.rsplit("/", 1)[-1].removesuffix(".csv")
    records = [_record(source, label, line, row) for line, row in rows]
    if not records:
        raise SourceError(source, f"{label}: the table holds no figures")
    data = frame.build(records, source=source, dataset=dataset, counterpart="WLD")
    return checked(data, source, [], label)


def _record(source: str, label: str, line: int, row: dict) -> dict:
    where = f"{label}: line {line} ({row['indicator']} {row['entity']} {row['period']})"

    def fail(message: str):
        raise SourceError(source, f"{where}: {message}")

    if not re.fullmatch(r"[a-z][a-z0-9_]*", row["indicator"]):
        fail(f"indicator {row['indicator']!r} is not snake_case")
    if not ISO3.match(row["entity"]):
        fail(f"entity {row['entity']!r} is not an ISO3 code")
    pattern = PERIODS.get(row["freq"])
    if pattern is None:
        fail(f"freq {row['freq']!r} is not A, Q or M")
    if not pattern.match(row["period"]):
        fail(f"period {row['period']!r} does not fit freq {row['freq']}")
    try:
        value = float(row["value"].replace(",", ""))
        mult = int(row["unit_mult"] or "0")
    except ValueError:
        fail(f"value {row['value']!r} or unit_mult {row['unit_mult']!r} is not a number")
    if not math.isfinite(value):
        fail(f"value {row['value']!r} is not finite")
    if not row["unit"]:
        fail("empty unit")
    if row["qualifier"] not in frame.QUALIFIERS:
        fail(f"unknown qualifier {row['qualifier']!r} (known: {', '.join(q or '(empty)' for q in frame.QUALIFIERS)})")
    for column in ("released", "retrieved"):
        if row[column] and not DATE.match(row[column]):
            fail(f"{column} {row[column]!r} is not YYYY-MM-DD")
    if not row["source_url"].startswith(("http://", "https://")):
        fail(f"source_url {row['source_url']!r} is not a URL: every figure is cited")
    return {"indicator": row["indicator"], "entity": row["entity"], "product": row["product"],
            "period": row["period"], "freq": row["freq"], "value": value * 10.0 ** mult, "unit": row["unit"],
            "qualifier": row["qualifier"], "publisher": row["publisher"], "source_url": row["source_url"],
            "read_via": row["read_via"], "released": row["released"],
            "note": row["note"] + (f" (retrieved {row['retrieved']})" if row["retrieved"] else "")}
