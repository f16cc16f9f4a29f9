"""Shared parts of every figure (palette, helpers, the finishing touches) and the figure registry.

The package `indicators.figures` documents the figures themselves.

Every figure:
- states the finding in its title, computed from the data and the claim results (never typed);
- has axis titles with units, a colour-blind-safe palette (Okabe–Ito), hover text with exact values
  and the source of each point, and a source line under the chart (publishers, vintages, as-of);
- carries `layout.meta = {"id", "source_line", "vintages", "as_of", "currency", "claim_ids"}` so an
  exported file still says what it shows and where the numbers came from.

`build(figure_id, store, as_of, currency)` returns `(figure, rows)`: `rows` is the tidy table of
exactly what is plotted (one row per point, with source, publisher, vintage and released). Values
are plotted unscaled (1.06 trillion yuan is 1.06e12). Where a value is converted to another currency
or derived from other figures, the row says so (`derivation`, the text of `indicators.derive`, shown
in the hover) and keeps the original value. Every conversion, growth rate, annual total and share is
computed by `indicators.derive` (the one derivation layer): no figure computes one itself.

Built figures are cached per (store, id, as-of, currency) and per version of the sources each figure
read: a new vintage of one of them makes the next call rebuild it without a restart (a load of
another source does not). `build()` returns a copy; the dashboard reads the cached object through
`cached()` and must not modify it.
"""

from __future__ import annotations

import copy
import math
import textwrap
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators import claims as claims_engine
from indicators.catalogue import economy_name
from indicators.derive import DerivationError, Derived, Rates
from indicators.frame import flagged, provenance  # noqa: F401  (figures.provenance: the pages' provenance text)
from indicators.store import Store, Vintage
from indicators.figures import responsive

# -- palette and names -----------------------------------------------------------------------

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#8C8C8C"
PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black", "yellow")]

ENTITY_COLORS = {
    "CHN": OKABE_ITO["vermillion"],
    "USA": OKABE_ITO["blue"],
    "DEU": OKABE_ITO["black"],
    "JPN": OKABE_ITO["reddish_purple"],
    "KOR": OKABE_ITO["bluish_green"],
    "CAN": OKABE_ITO["sky_blue"],
    "GBR": OKABE_ITO["orange"],
    "CHE": GREY,
    "IND": OKABE_ITO["yellow"],
    "WLD": GREY,
}

from indicators.verdicts import BADGE_COLORS as VERDICT_COLORS  # noqa: E402  (one table: indicators/verdicts.py)
"""One colour per verdict (shared with the dashboard badges); the verdict is always also written out."""

CURRENCIES = ("CNY", "USD")
QUALIFIER_MARKS = {"about": "≈", "more than": ">", "less than": "<", "nearly": "≲"}
"""How a published qualifier shows on a bar label ("about 20 billion" -> "≈20.0 bn")."""
CURRENCY_WORDS = {"CNY": "yuan", "USD": "US dollars"}
SOLAR_REGIONS = ["Europe", "Asia", "Latin America and Caribbean", "Middle East", "Africa", "Oceania", "North America"]
"""Ember's continental regions: together they make up the World total (checked in the tests)."""

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HEIGHT = 600
SOURCE_LINE_NAME = responsive.SOURCE_LINE_NAME
"""`name` of the source annotation, so the dashboard can show it as page text instead."""

FIGURE_COLUMNS = [
    "figure", "series", "period", "value", "unit", "derivation", "original_value", "original_unit",
    "source", "dataset", "indicator", "entity", "counterpart", "product", "freq", "qualifier",
    "publisher", "source_url", "read_via", "released", "vintage", "note",
]


@dataclass(frozen=True)
class FigureSpec:
    id: str
    title: str  # short menu name
    page: str  # "trade" | "innovation"
    builder: Callable[..., tuple[go.Figure, pd.DataFrame]]  # builder(store, as_of=None, currency="CNY")
    claim_ids: tuple[str, ...] = ()


# -- checks and small helpers ----------------------------------------------------------------


def check_currency(currency: str) -> str:
    """'CNY' or 'USD' (case-insensitive); ValueError otherwise."""
    text = str(currency or "").strip().upper()
    if text not in CURRENCIES:
        raise ValueError(f"currency must be CNY or USD, got {currency!r}")
    return text


def check_as_of(as_of: str | None) -> str | None:
    """None (latest) or an ISO date; ValueError for anything else."""
    if as_of is None or str(as_of).strip() == "":
        return None
    try:
        return datetime.strptime(str(as_of).strip(), "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise ValueError(f"as_of must be a date YYYY-MM-DD, got {as_of!r}") from None


def human(value: float | None, unit: str = "") -> str:
    """1.06e12 CNY -> '1.06 trillion yuan'; 29.9 percent -> '29.9%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if unit == "percent":
        return f"{value:+.1f}%"
    word = {"CNY": "yuan", "USD": "USD"}.get(unit, unit)
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {name} {word}".strip()
    return f"{value:,.6g} {word}".strip()


def exact(value: float, unit: str) -> str:
    """The exact figure for hover text: '1,060,000,000,000 CNY'."""
    if float(value).is_integer():
        return f"{value:,.0f} {unit}"
    return f"{value:,.4f}".rstrip("0").rstrip(".") + f" {unit}"


def entity_name(code: str) -> str:
    """An economy's name for readers, from the catalogue's one table (economies.csv)."""
    return economy_name(code)


def wrap(text: str, width: int = 95) -> str:
    """Plotly text does not wrap: break long lines with <br>."""
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) if text else ""


def _claim_results(store: Store, as_of: str | None, ids: list[str]) -> dict[str, claims_engine.ClaimResult]:
    """The named claims judged as of the date (no latest-vs-article comparison: that is the scorecard's job)."""
    document = claims_engine.load_claims()
    evidence = claims_engine.Evidence(store, as_of, claims_engine.own_source(document.get("article")))  # the cards' rule
    return {c["id"]: claims_engine.check_one(c, evidence) for c in document["claims"] if c["id"] in ids}


def _claim_record(claim_id: str) -> dict:
    """The claim's record in the claims file (its wording, window, step)."""
    return next(c for c in claims_engine.load_claims()["claims"] if c["id"] == claim_id)


def _plot_row(row: pd.Series, figure_id: str, series: str, value: float | None = None, unit: str | None = None,
              derivation: str = "", note: str = "") -> dict:
    """One plotted point as a row of the figure's table (value/unit as plotted; the original kept)."""
    plotted_value = float(row["value"]) if value is None else float(value)
    plotted_unit = unit or row["unit"]
    converted = derivation != "" or plotted_unit != row["unit"] or value is not None
    return {
        "figure": figure_id, "series": series, "period": row["period"], "value": plotted_value, "unit": plotted_unit,
        "derivation": derivation,
        "original_value": float(row["value"]) if converted else None,
        "original_unit": row["unit"] if converted else "",
        "source": row["source"], "dataset": row["dataset"], "indicator": row["indicator"], "entity": row["entity"],
        "counterpart": row["counterpart"], "product": row["product"], "freq": row["freq"],
        "qualifier": row["qualifier"], "publisher": row["publisher"], "source_url": row["source_url"],
        "read_via": row.get("read_via", "") or "",
        "released": row["released"], "vintage": int(row["vintage"]),
        "note": "; ".join(p for p in [note, row.get("note", "")] if p),
    }


def _table(rows: list[dict]) -> pd.DataFrame:
    data = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if len(data):
        data["vintage"] = data["vintage"].astype("int64")
    return data


def _hover(item: dict, extra: str = "") -> str:
    """Hover text: series, period, the exact value (and the original if converted), the source."""
    qualifier = f"{item['qualifier']} " if item.get("qualifier") else ""
    lines = [f"<b>{item['series']}</b>", f"{item['period']}: {qualifier}{exact(item['value'], item['unit'])}"
             f" ({human(item['value'], item['unit'])})"]
    if item.get("derivation"):
        lines.append(f"<i>{item['derivation']}</i>")
    if extra:
        lines.append(extra)
    caveat = flagged(item.get("note"))
    if caveat:
        lines.append(f"Caveat: {caveat}")
    lines.append(f"Source: {provenance(item['publisher'], item.get('read_via'))}")
    lines.append(f"Vintage {item['vintage']}, released {item['released']}")
    return "<br>".join(wrap(line, 90) for line in lines)


class _Rates(Rates):
    """derive.Rates (FRED CNY-per-USD averages as known on the date) that remembers the rate rows a
    figure used, for its source line. Every conversion in the figures goes through `convert`."""

    def __init__(self, store: Store, as_of: str | None):
        super().__init__(store, as_of)
        self.used: list[pd.Series] = []

    def use(self, derived: Derived) -> Derived:
        """Record the stored rows a derivation used (rate rows) and return it."""
        self.used.extend(r for r in derived.rows if r.get("source") == "fx")
        return derived

    def to(self, value: float, unit: str, target: str, period: str, freq: str = "A") -> tuple[float | None, str]:
        """(converted value, "converted: <derivation text>") or (None, the reason no rate converts it)."""
        if unit == target:
            return value, ""
        try:
            derived = self.use(self.convert(value, unit, target, period, freq))
        except DerivationError as error:
            return None, str(error)
        return derived.value, f"converted: {derived.text}"


# -- finishing touches shared by every figure -------------------------------------------------


def _source_line(data: pd.DataFrame, extra: list[pd.Series], refs: list[dict], as_of: str | None) -> str:
    publishers = list(dict.fromkeys(provenance(p, v) for p, v in zip(data["publisher"], data["read_via"]))
                      if len(data) else [])
    for row in extra:
        label = provenance(f"FRED {row['indicator']}" if row["source"] == "fx" else row["publisher"], row.get("read_via"))
        if label not in publishers:
            publishers.append(label)
    if len(publishers) > 5:
        publishers = publishers[:5] + [f"{len(publishers) - 5} more (see the data table)"]
    by_source: dict[str, list[str]] = {}
    for ref in refs:
        by_source.setdefault(ref["source"], []).append(str(ref["vintage"]))
    vintages = ", ".join(f"{s} {'+'.join(v)}" for s, v in by_source.items()) or "none"
    when = f"data published by {as_of}" if as_of else "latest data in the store"
    return f"Source: {'; '.join(publishers) or 'no data'}. Vintages: {vintages}. As of: {when}."


def _finish(fig: go.Figure, store: Store, figure_id: str, title: str, data: pd.DataFrame, as_of: str | None,
            currency: str | None, claim_ids: list[str], subtitle: str = "", extra: list[pd.Series] | None = None,
            height: int = HEIGHT, below_axis: int = 66, plot_height: int | None = None) -> tuple[go.Figure, pd.DataFrame]:
    """Title, legend, source line, palette, fonts and `layout.meta`: the parts every figure shares.

    Plotly does not flow text: `responsive.fit` wraps the texts and computes the margins for the
    1100-pixel export width, so title, subtitle, legend, plot and source line never overlap (and
    `layout.meta["layout"]` keeps what it needs to lay the figure out again for another width).
    `below_axis` is the room (px) the x tick labels and axis title need under the plot; `plot_height`
    fixes the plot's own height (a table: its rows) instead of the whole figure's.
    """
    extra = extra or []
    refs = store.vintage_refs([*zip(data["source"], data["vintage"]), *((r["source"], r["vintage"]) for r in extra)])
    source_line = _source_line(data, extra, refs, as_of)
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "font": {"size": 18}, "subtitle": {"text": subtitle.strip(), "font": {"size": 12, "color": "#444"}}},
        font={"family": FONT, "size": 13, "color": "#222"},
        colorway=PALETTE,
        height=height,
        legend={"font": {"size": 12}},
        hoverlabel={"align": "left", "font": {"family": FONT}},
        meta={"id": figure_id, "source_line": source_line, "vintages": refs, "as_of": as_of,
              "currency": currency, "claim_ids": list(claim_ids),
              "layout": {"title": title, "subtitle": subtitle.strip(), "below_axis": below_axis,
                         **({"plot_height": plot_height} if plot_height else {})}},
    )
    fig.add_annotation(name=SOURCE_LINE_NAME, text=source_line, xref="paper", yref="paper", x=0, y=0,
                       showarrow=False, align="left", font={"size": 10, "color": "#555"})
    fig.update_layout(responsive.fit(fig.layout.to_plotly_json(), fig.data, responsive.EXPORT_WIDTH), overwrite=True)
    return fig, data.reset_index(drop=True)


def legend_rows(fig: go.Figure, width: int = 1000) -> int:
    """How many rows the horizontal legend takes at the export width (0 when there is no legend)."""
    return responsive.legend_rows(fig.data, width)


def _message_figure(fig: go.Figure, message: str) -> go.Figure:
    """Say on the chart itself why it is empty (what is missing and which loader fetches it)."""
    fig.add_annotation(text=wrap(message, 70), xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
                       font={"size": 15, "color": "#333"}, bgcolor="#f4f4f4", bordercolor="#999", borderpad=10)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _money_axis(fig: go.Figure, currency: str, **where) -> None:
    fig.update_yaxes(title_text=f"{currency} (B = billion, T = trillion)", exponentformat="B", rangemode="tozero",
                     **where)


# -- new trio: total ---------------------------------------------------------------------------



# -- the registry ----------------------------------------------------------------------------

REGISTRY: dict[str, FigureSpec] = {}
"""Figure id -> spec, in registration order: the one mapping the dashboard, report and exports read."""


def register(figure_id: str, title: str, page: str, claims: tuple[str, ...] = ()):
    """Decorator: register a builder as figure `figure_id`, declaring the claim ids it serves."""
    def decorate(builder):
        if figure_id in REGISTRY:
            raise ValueError(f"figure id {figure_id!r} registered twice")
        REGISTRY[figure_id] = FigureSpec(figure_id, title, page, builder, tuple(claims))
        return builder
    return decorate


__all__ = [name for name in dir() if not name.startswith("__")]

