"""The catalogue users browse: every series the store serves, with what it measures.

`Store.catalogue()` lists the stored series (one grouped query: first and last period, how many
observations, the latest value and where it was read); the catalogue (`indicators.catalogue`, the
`source.yaml` files) says what each measures (name, measure, subject, basis, unit, kind,
transformation). This module joins the two, names the economies (`catalogue.economies()`), formats the
latest value for readers ("1.06 trillion CNY", "2.64%"), names the command that refreshes each
series, and searches: every word of a search must appear (case-insensitively) in the series' name,
indicator, product, measure, subject, basis, source, publisher or where read, or its economy's code
or name. Nothing here is hard-coded per source: a new source.yaml and its rows show up as they come.

Used by `indicators catalogue` and the dashboard's `/catalogue` page (and its CSV download).
Layering: reads the store and the catalogue only (the level of claims and figures).
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import asdict, dataclass, fields

from indicators import catalogue
from indicators import frame as tidy

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
MAX_SEARCH_CHARS = 200


@dataclass(frozen=True)
class Entry:
    """One stored series as the catalogue shows it."""

    source: str
    dataset: str
    indicator: str
    product: str
    entity: str
    entity_name: str
    name: str  # as people name it ("R&D expenditure"); the indicator when no source.yaml describes it
    measure: str
    subject: str
    basis: str
    unit: str
    kind: str
    transformation: str
    freq: str
    first_period: str
    last_period: str
    observations: int
    counterparts: int
    latest_value: float
    latest: str  # the latest value for readers: "1.06 trillion CNY"
    latest_counterpart: str  # the partner of the latest value when the series has several ("WLD": world)
    latest_released: str
    publisher: str
    read_via: str
    provenance: str  # "NBS, read via stats.gov.cn" (frame.provenance's words)
    source_url: str
    definition: str
    refresh: str  # "indicators refresh --source nbs --offline"

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def periods(self) -> str:
        return self.first_period if self.first_period == self.last_period else f"{self.first_period}–{self.last_period}"

    @property
    def series_id(self) -> str:
        """The id of the series page this entry belongs to (see series_id)."""
        return series_id(self.source, self.dataset, self.indicator, self.product, self.freq, self.unit)

    def haystack(self) -> str:
        """The text a search looks in (lower case)."""
        return " ".join([self.name, self.indicator, self.product, self.measure, self.subject, self.basis,
                         self.source, self.dataset, self.publisher, self.read_via, self.entity,
                         self.entity_name]).casefold()


COLUMNS = [f.name for f in fields(Entry)]
"""The fields of an entry, in the order of the JSON objects and the CSV columns."""


def entries(store, as_of: str | None = None, search: str | None = None) -> list[Entry]:
    """Every series the store serves (as of a date), described, those matching `search` only."""
    listed = store.catalogue(as_of=as_of)
    names = economy_names()
    found = sorted((_entry(row, names) for row in listed.to_dict("records")), key=_order)
    return find(found, search)


def series_id(source: str, dataset: str, indicator: str, product: str, freq: str, unit: str) -> str:
    """A series page's id, readable in a URL: the catalogue key without the entity (the page compares
    the economies), lower case, every run of other characters one "-" ("nbs-rd-intensity-rd-final-a-
    percent-of-gdp"). The same series gets the same id from every store."""
    parts = (source, indicator, product, dataset, freq, unit)
    return re.sub(r"[^0-9a-z]+", "-", "-".join(p for p in parts if p).casefold()).strip("-")


def series_entries(found: list[Entry], wanted: str) -> list[Entry]:
    """The entries of one series page (one per economy, in catalogue order); [] for an unknown id."""
    return [e for e in found if e.series_id == wanted]


def find(found: list[Entry], search: str | None) -> list[Entry]:
    """The entries matching every word of `search` (all of them for an empty search), in their order."""
    words = search_words(search)
    return [e for e in found if matches(e, words)] if words else list(found)


def search_words(text: str | None) -> list[str]:
    """The words of a search, lower case (at most MAX_SEARCH_CHARS characters are read)."""
    return (text or "")[:MAX_SEARCH_CHARS].casefold().split()


def matches(entry: Entry, words: list[str]) -> bool:
    """True when every word appears in the entry's searchable text."""
    haystack = entry.haystack()
    return all(word in haystack for word in words)


def _order(entry: Entry) -> tuple:
    # By source, then series name, China first among economies, then product and frequency.
    return (entry.source, entry.name.casefold(), entry.indicator, entry.entity != "CHN", entry.entity_name.casefold(),
            entry.product, entry.freq, entry.unit, entry.dataset)


def _entry(row: dict, names: dict[str, str]) -> Entry:
    series = catalogue.describe(row["source"], row["indicator"], row["product"] or None, row["unit"])
    if series is None:  # a series only the store knows (no source.yaml entry): keep its codes
        series = catalogue.describe(row["source"], row["indicator"], row["product"] or None)
    name = series.name if series else row["indicator"]
    product = (row["product"] or "").replace("_", " ")
    if product and product.casefold() not in name.casefold():  # one name for several products: say which
        name = f"{name}, {product}"
    publisher, read_via = row["publisher"] or "", row["read_via"] or ""
    return Entry(
        source=row["source"], dataset=row["dataset"], indicator=row["indicator"], product=row["product"] or "",
        entity=row["entity"], entity_name=entity_name(row["entity"], names), name=name,
        measure=series.measure if series else "", subject=series.subject if series else "",
        basis=series.basis if series else "", unit=row["unit"], kind=series.kind if series else "",
        transformation=series.transformation if series else "", freq=row["freq"],
        first_period=row["first_period"], last_period=row["last_period"], observations=int(row["observations"]),
        counterparts=int(row["counterparts"]), latest_value=float(row["latest_value"]),
        latest=human(float(row["latest_value"]), row["unit"]), latest_counterpart=row["latest_counterpart"] or "",
        latest_released=row["latest_released"] or "", publisher=publisher, read_via=read_via,
        provenance=tidy.provenance(publisher, read_via) if publisher else "", source_url=row["source_url"] or "",
        definition=series.definition if series else "", refresh=refresh_command(row["source"]))


def refresh_command(source: str) -> str:
    """The command that refreshes a source: live where its source.yaml has a live endpoint, else the
    bundled snapshot (`--offline`)."""
    try:
        live = catalogue.source(source).live
    except catalogue.CatalogueError:
        live = False
    return f"indicators refresh --source {source}" + ("" if live else " --offline")


def entity_name(code: str, names: dict[str, str] | None = None) -> str:
    """An economy's name from its code ("CHN" -> "China"): catalogue.economy_name's, or `names`'."""
    return names[code] if names and code in names else catalogue.economy_name(code)


def economy_names() -> dict[str, str]:
    """ISO3 -> name, from the catalogue's one table of economies (src/indicators/economies.csv)."""
    try:
        return {code: entry[0] for code, entry in catalogue.economies().items()}
    except OSError:
        return {}


def human(value: float, unit: str) -> str:
    """A value for readers: 1.06e12 CNY -> "1.06 trillion CNY", 2.64 percent -> "2.64%",
    2.41 percent of GDP -> "2.41% of GDP", 4955000 vehicles -> "4.955 million vehicles"."""
    if value is None or not math.isfinite(value):
        return "n/a"
    if unit == "percent":
        return f"{value:.3g}%" if abs(value) < 1000 else f"{value:,.0f}%"
    if unit in ("percent of GDP", "% of GDP"):
        return f"{value:.3g}% of GDP"
    if unit == "rank":
        return f"rank {value:,.6g}"
    if unit in ("score", "count", "index"):
        return f"{value:,.6g}"
    for scale, word in SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {word} {unit}".strip()
    return f"{value:,.6g} {unit}".strip()


# -- output ------------------------------------------------------------------------------------

TABLE_COLUMNS = [  # (heading, width cap, text of an entry); freq shows in the periods' shape
    ("series", 36, lambda e: e.name),
    ("dataset", 17, lambda e: e.dataset),
    ("entity", 14, lambda e: e.entity_name),
    ("periods", 15, lambda e: e.periods),
    ("obs", 6, lambda e: f"{e.observations:,}"),
    ("latest", 18, lambda e: e.latest),
]


def format_table(chosen: list[Entry], width: int = 120) -> str:
    """Aligned text: one block per source (its publisher and refresh command), one line per series."""
    if not chosen:
        return "no series match"
    widths = [min(cap, max(len(heading), *(len(get(e)) for e in chosen))) for heading, cap, get in TABLE_COLUMNS]
    lines = []
    for source in dict.fromkeys(e.source for e in chosen):
        rows = [e for e in chosen if e.source == source]
        try:
            meta = catalogue.source(source)
            title = f"{source}: {meta.publisher}"
        except catalogue.CatalogueError:
            title = source
        if lines:
            lines.append("")
        lines.append(_fit(f"{title} ({len(rows)} series)", width))
        lines.append(f"  refresh: {rows[0].refresh}")
        lines.append("  " + "  ".join(h.ljust(w) if i < len(widths) - 1 else h
                                      for i, ((h, _, _), w) in enumerate(zip(TABLE_COLUMNS, widths))).rstrip())
        for entry in rows:
            cells = [_fit(get(entry), w) for (_, _, get), w in zip(TABLE_COLUMNS, widths)]
            lines.append(("  " + "  ".join(c.rjust(w) if h == "obs" else c.ljust(w)
                                           for c, w, (h, _, _) in zip(cells, widths, TABLE_COLUMNS))).rstrip()[:width])
    sources = len({e.source for e in chosen})
    lines += ["", f"{len(chosen)} series from {sources} source(s)"]
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def csv_text(chosen: list[Entry], as_of: str | None = None, search: str | None = None) -> str:
    """The entries as CSV (COLUMNS), after a `# ` header: what it is, the search, the date, the licence note."""
    from datetime import datetime, timezone

    body = io.StringIO()
    for line in ("catalogue: the series the store serves, with what each measures (factcheck-indicators)",
                 f"search: {' '.join(search_words(search)) or '(none: every series)'}",
                 f"as_of: {as_of or 'latest'}",
                 f"series: {len(chosen)}",
                 "licence: each source's own (see the data page and data/PROVENANCE.md); provenance per row",
                 f"generated: {datetime.now(timezone.utc).isoformat(timespec='seconds')}"):
        body.write(f"# {line}\n")
    writer = csv.DictWriter(body, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in chosen:
        writer.writerow({k: (repr(v) if isinstance(v, float) else v) for k, v in entry.to_dict().items()})
    return body.getvalue()
