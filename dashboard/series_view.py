"""The catalogue as the dashboard reads it: every entry (cached per version of the store) and one
series page's entries, key and economies.

The catalogue page lists the entries; a series page (`/series/<id>`, its embed and its CSV in
dashboard.app) shows one series (indicators.catalogue_view.series_id) for the economies asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import common
from indicators import cache

CATALOGUES_KEPT = 8
"""Catalogues kept (one per as-of date asked for)."""


def all_entries(store, as_of: str | None) -> list:
    """Every catalogue entry as of the date, cached per version of the store (indicators.cache; a
    search only filters)."""
    from indicators import catalogue_view

    return cache.named("catalogue", CATALOGUES_KEPT).get(store, ("catalogue", as_of),
                                                                lambda: catalogue_view.entries(store, as_of=as_of))


@dataclass
class SeriesView:
    """One series page: its key (for indicators.figures.series), its entries (one per economy) and the
    economies shown."""

    key: object  # indicators.figures.series.SeriesKey
    entries: list
    entities: tuple[str, ...]
    problems: list[str]

    @property
    def money(self) -> bool:
        return self.key.unit in ("CNY", "USD")


def lookup(store, series_id: str, entity: str | None = None, as_of: str | None = None) -> SeriesView | None:
    """The series page for the id (None for an unknown one). `entity`: the economies asked for, comma
    separated ISO3 codes ("CHN,USA"); unknown ones are reported and left out; by default China, else
    the first economy the series has."""
    from indicators import catalogue_view
    from indicators.figures.series import MAX_ENTITIES, SeriesKey

    found = catalogue_view.series_entries(all_entries(store, None), series_id)
    if not found:
        return None
    first = found[0]
    key = SeriesKey(series_id, first.source, first.dataset, first.indicator, first.product, first.freq, first.unit,
                    first.name, first.latest_counterpart)
    have = [e.entity for e in found]
    asked = [code.strip().upper() for code in str(entity or "").split(",") if code.strip()]
    problems = []
    unknown = [code for code in asked if code not in have]
    if unknown:
        problems.append(f"This series has no data for {', '.join(unknown[:5])}.")
    chosen = [code for code in dict.fromkeys(asked) if code in have]
    if len(chosen) > MAX_ENTITIES:
        problems.append(f"At most {MAX_ENTITIES} economies are drawn at once.")
        chosen = chosen[:MAX_ENTITIES]
    if not chosen:
        chosen = ["CHN"] if "CHN" in have else have[:1]
    return SeriesView(key, found, tuple(chosen), problems)
