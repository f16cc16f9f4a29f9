"""A chart for any stored series: the dashboard's `/series/<id>` page, its embed and its CSV.

The bespoke figures (trade, innovation) are registered by id and show a claim next to its data; this
one draws whatever series the catalogue lists (one source, dataset, indicator, product, frequency and
unit), one line per economy asked for, with the same finishing touches (`base._finish`: source line,
vintages, `layout.meta`), hover text (`base._hover`) and plotted-rows table (`base._plot_row`). A
money series (CNY or USD) can be shown in the other currency, each point converted by
`indicators.derive` at the period's FRED average rate (the hover says so). What a series measures
(its name, its partner) comes from the caller (the dashboard reads the catalogue view).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from indicators.catalogue import period_axis
from indicators import cache
from indicators.figures.base import (CURRENCIES, PALETTE, Store, _finish, _hover, _message_figure,
                                     _money_axis, _plot_row, _Rates, _table, check_as_of, check_currency,
                                     entity_name)

UNIT_AXIS = {"percent": "%", "percent of GDP": "% of GDP", "rank": "Rank (1 = first)"}
MAX_ENTITIES = 8
"""Economies drawn at once (the palette has eight colours)."""


@dataclass(frozen=True)
class SeriesKey:
    """One catalogue series without its economy: what `/series/<id>` shows."""

    id: str
    source: str
    dataset: str
    indicator: str
    product: str
    freq: str
    unit: str
    name: str  # as people name it ("R&D intensity")
    counterpart: str = ""  # the partner drawn where the series has several ("WLD": world)


_CACHE = cache.named("series charts", 32)
"""Built series charts, per version of the sources each one read (see indicators.cache)."""


def series_chart(store: Store, key: SeriesKey, entities: tuple[str, ...], as_of: str | None = None,
                 currency: str | None = None) -> tuple[go.Figure, pd.DataFrame]:
    """The series for the economies (at most MAX_ENTITIES), as of the date; a money series in
    `currency` (its own unit by default). Shared cached object: do not modify it."""
    as_of = check_as_of(as_of)
    money = key.unit in CURRENCIES
    target = check_currency(currency) if money and currency else (key.unit if money else None)
    entities = tuple(dict.fromkeys(entities))[:MAX_ENTITIES]
    if not entities:
        raise ValueError("a series chart needs at least one economy")
    return _CACHE.get(store, ("series", key, entities, as_of, target),
                      lambda: _build(store, key, entities, as_of, target))


def _build(store: Store, key: SeriesKey, entities: tuple[str, ...], as_of: str | None,
           target: str | None) -> tuple[go.Figure, pd.DataFrame]:
    frame = store.frame(source=key.source, dataset=key.dataset, indicator=key.indicator, entity=list(entities),
                        as_of=as_of)
    rows = frame[(frame["product"] == key.product) & (frame["freq"] == key.freq) & (frame["unit"] == key.unit)
                 & (frame["counterpart"] == key.counterpart)].sort_values(["entity", "period"])
    rates = _Rates(store, as_of)
    fig, items_all, skipped = go.Figure(), [], []
    for number, entity in enumerate(entities):
        items = []
        for _, row in rows[rows["entity"] == entity].iterrows():
            value, derivation = (rates.to(float(row["value"]), key.unit, target, row["period"], key.freq)
                                 if target and target != key.unit else (None, ""))
            if target and target != key.unit and value is None:
                skipped.append(f"{entity_name(entity)} {row['period']}")
                continue
            items.append(_plot_row(row, key.id, f"{key.name}, {entity_name(entity)}", value=value,
                                   unit=target if value is not None else None, derivation=derivation))
        if not items:
            continue
        items_all += items
        fig.add_trace(go.Scatter(
            x=[i["period"] for i in items], y=[i["value"] for i in items], name=entity_name(entity),
            mode="lines+markers" if len(items) > 1 else "markers", marker={"size": 8},
            line={"color": PALETTE[number % len(PALETTE)]}, hovertext=[_hover(i) for i in items], hoverinfo="text"))
    data = _table(items_all)
    unit = target or key.unit
    names = ", ".join(entity_name(e) for e in entities)
    if not items_all:
        _message_figure(fig, f"The store holds no {key.name} for {names}"
                             + (f" published by {as_of}." if as_of else "."))
    elif unit in CURRENCIES:
        _money_axis(fig, unit)
    else:
        fig.update_yaxes(title_text=UNIT_AXIS.get(unit, unit), rangemode="tozero" if unit != "rank" else None,
                         autorange="reversed" if unit == "rank" else None)
    fig.update_xaxes(title_text=period_axis(key.freq), type="category", categoryorder="category ascending")
    subtitle = []
    if key.counterpart and key.counterpart != "WLD":
        subtitle.append(f"Partner: {entity_name(key.counterpart)}.")
    if target and target != key.unit:
        subtitle.append(f"Converted from {key.unit} to {target} at FRED average rates.")
    if skipped:
        subtitle.append(f"Not drawn (no exchange rate in the store): {', '.join(skipped[:5])}"
                        + (f" and {len(skipped) - 5} more." if len(skipped) > 5 else "."))
    return _finish(fig, store, key.id, f"{key.name}: {names}", data, as_of,
                   target, [], subtitle=" ".join(subtitle), extra=rates.used)
