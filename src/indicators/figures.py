"""Plotly figures that show each claim next to its data, built from the store.

Every figure:
- states the finding in its title, computed from the data and the claim results (never typed);
- has axis titles with units, a colour-blind-safe palette (Okabe–Ito), hover text with exact values
  and the source of each point, and a source line under the chart (publishers, vintages, as-of);
- carries `layout.meta = {"id", "source_line", "vintages", "as_of", "currency", "claim_ids"}` so an
  exported file still says what it shows and where the numbers came from.

`build(figure_id, store, as_of, currency)` returns `(figure, rows)`: `rows` is the tidy table of
exactly what is plotted (one row per point, with source, publisher, vintage and released). Values
are plotted unscaled (1.06 trillion yuan is 1.06e12). Where a value is converted to another currency
or derived from other figures, the row says so (`derivation`) and keeps the original value.

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
from indicators.store import ReadCache, Store, Vintage

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
ENTITY_NAMES = {
    "CHN": "China", "USA": "United States", "DEU": "Germany", "JPN": "Japan", "KOR": "Rep. of Korea",
    "CAN": "Canada", "GBR": "United Kingdom", "CHE": "Switzerland", "FRA": "France", "IND": "India",
    "AUS": "Australia", "BRA": "Brazil", "IRN": "Iran", "RUS": "Russia", "TUR": "Türkiye", "SGP": "Singapore",
    "NLD": "Netherlands", "ISR": "Israel", "TWN": "Taiwan (WIPO: TW*)", "WLD": "World",
}

VERDICT_COLORS = {
    "supported": OKABE_ITO["bluish_green"],
    "supported-rounded": OKABE_ITO["blue"],
    "misleading": OKABE_ITO["orange"],
    "inconclusive": OKABE_ITO["yellow"],
    "contradicted": OKABE_ITO["vermillion"],
    "unverifiable": GREY,
    "opinion": OKABE_ITO["reddish_purple"],
}
"""One colour per verdict (shared with the dashboard badges); the verdict is always also written out."""

CURRENCIES = ("CNY", "USD")
QUALIFIER_MARKS = {"about": "≈", "more than": ">", "less than": "<"}
"""How a published qualifier shows on a bar label ("about 20 billion" -> "≈20.0 bn")."""
CURRENCY_WORDS = {"CNY": "yuan", "USD": "US dollars"}
SOLAR_REGIONS = ["Europe", "Asia", "Latin America and Caribbean", "Middle East", "Africa", "Oceania", "North America"]
"""Ember's continental regions: together they make up the World total (checked in the tests)."""

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HEIGHT = 600
SOURCE_LINE_NAME = "source-line"
"""`name` of the source annotation, so the dashboard can show it as page text instead."""

FIGURE_COLUMNS = [
    "figure", "series", "period", "value", "unit", "derivation", "original_value", "original_unit",
    "source", "dataset", "indicator", "entity", "counterpart", "product", "freq", "qualifier",
    "publisher", "source_url", "released", "vintage", "note",
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


def pct_change(new: float, old: float) -> float | None:
    return (new / old - 1) * 100 if old else None


def entity_name(code: str) -> str:
    return ENTITY_NAMES.get(code, code)


def wrap(text: str, width: int = 95) -> str:
    """Plotly text does not wrap: break long lines with <br>."""
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) if text else ""


def _claim_results(store: Store, as_of: str | None, ids: list[str]) -> dict[str, claims_engine.ClaimResult]:
    """The named claims judged as of the date (no latest-vs-article comparison: that is the scorecard's job)."""
    document = claims_engine.load_claims()
    evidence = claims_engine.Evidence(store, as_of)
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
    lines.append(f"Source: {item['publisher']}")
    lines.append(f"Vintage {item['vintage']}, released {item['released']}")
    return "<br>".join(wrap(line, 90) for line in lines)


class _Fx:
    """FRED CNY-per-USD rates (annual AEXCHUS, monthly EXCHUS) as known on the date."""

    def __init__(self, store: Store, as_of: str | None):
        data = store.frame(source="fx", indicator=["AEXCHUS", "EXCHUS"], as_of=as_of)
        self.annual = {r["period"]: r for _, r in data[data["indicator"] == "AEXCHUS"].iterrows()}
        self.monthly = {r["period"]: r for _, r in data[data["indicator"] == "EXCHUS"].iterrows()}
        self.used: list[pd.Series] = []

    def convert(self, value: float, unit: str, target: str, period: str, monthly: bool = False):
        """(converted value, explanation) or (None, reason) when no rate is known."""
        if unit == target:
            return value, ""
        if {unit, target} != {"CNY", "USD"}:
            return None, f"cannot convert {unit} to {target}"
        rates = self.monthly if monthly else self.annual
        rate_row = rates.get(period)
        if rate_row is None:
            return None, f"no FRED {'EXCHUS' if monthly else 'AEXCHUS'} rate for {period} in the store"
        self.used.append(rate_row)
        rate = float(rate_row["value"])
        converted = value / rate if target == "USD" else value * rate
        sign = "÷" if target == "USD" else "×"
        how = (f"converted: {human(value, unit)} {sign} {rate:.4f} CNY per USD "
               f"(FRED {rate_row['indicator']}, {period} average)")
        return converted, how


# -- finishing touches shared by every figure -------------------------------------------------


def _vintage_refs(store: Store, data: pd.DataFrame, extra: list[pd.Series]) -> list[dict]:
    pairs = set()
    if len(data):
        pairs |= {(s, int(v)) for s, v in zip(data["source"], data["vintage"])}
    pairs |= {(r["source"], int(r["vintage"])) for r in extra}
    refs = []
    for source, vintage_id in sorted(pairs, key=lambda p: (p[0], p[1])):
        try:
            vintage = store.vintage(vintage_id)
            refs.append({"source": source, "vintage": vintage_id, "label": vintage.label, "mode": vintage.mode,
                         "retrieved_at": vintage.retrieved_at, "released": vintage.release_date})
        except KeyError:
            refs.append({"source": source, "vintage": vintage_id})
    return refs


def _source_line(data: pd.DataFrame, extra: list[pd.Series], refs: list[dict], as_of: str | None) -> str:
    publishers = list(dict.fromkeys(list(data["publisher"]) if len(data) else []))
    for row in extra:
        label = f"FRED {row['indicator']}" if row["source"] == "fx" else row["publisher"]
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
            height: int = HEIGHT, below_axis: int = 66) -> tuple[go.Figure, pd.DataFrame]:
    """Title, legend, source line, palette, fonts and `layout.meta`: the parts every figure shares.

    Plotly does not flow text: the margins are computed from the number of wrapped lines (for the
    1100-pixel export width), so title, subtitle, legend, plot and source line never overlap.
    `below_axis` is the room (px) the x tick labels and axis title need under the plot.
    """
    extra = extra or []
    refs = _vintage_refs(store, data, extra)
    source_line = _source_line(data, extra, refs, as_of)
    title_html, subtitle_html, source_html = wrap(title, 88), wrap(subtitle.strip(), 125), wrap(source_line, 150)
    header = 16 + 25 * _lines(title_html) + (17 * _lines(subtitle_html) + 8 if subtitle_html else 0)
    rows_of_legend = legend_rows(fig)
    top = header + (22 * rows_of_legend + 10 if rows_of_legend else 4)
    bottom = below_axis + 14 * _lines(source_html) + 14
    plot_height = max(height - top - bottom, 100)
    fig.update_layout(
        template="plotly_white",
        title={"text": title_html, "x": 0.01, "xanchor": "left", "y": 1 - (12 + 23 * (_lines(title_html) - 1)) / height,
               "yanchor": "top",
               "yref": "container", "font": {"size": 18},
               "subtitle": {"text": subtitle_html, "font": {"size": 12, "color": "#444"}}},
        font={"family": FONT, "size": 13, "color": "#222"},
        colorway=PALETTE,
        height=height,
        margin={"t": top, "b": bottom, "l": 80, "r": 30},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1 + 6 / plot_height, "x": 0, "xanchor": "left",
                "font": {"size": 12}},
        hoverlabel={"align": "left", "font": {"family": FONT}},
        meta={"id": figure_id, "source_line": source_line, "vintages": refs, "as_of": as_of,
              "currency": currency, "claim_ids": list(claim_ids)},
    )
    fig.add_annotation(
        name=SOURCE_LINE_NAME, text=source_html, xref="paper", yref="paper", x=0, y=-below_axis / plot_height,
        xanchor="left", yanchor="top", showarrow=False, align="left", font={"size": 10, "color": "#555"},
    )
    return fig, data.reset_index(drop=True)


def _lines(html_text: str) -> int:
    return html_text.count("<br>") + 1 if html_text else 0


def legend_rows(fig: go.Figure, width: int = 1000) -> int:
    """How many rows the horizontal legend takes at the export width (0 when there is no legend)."""
    shown = [t for t in fig.data if t.type != "table" and t.showlegend is not False and t.name]
    if len(shown) < 2 and not any(getattr(t, "showlegend", None) is True for t in fig.data):
        return 0
    rows, used = 1, 0
    for trace in shown:
        item = 50 + 7.5 * len(trace.name)
        if used + item > width and used:
            rows, used = rows + 1, 0
        used += item
    return rows


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


def _build_new_trio_total(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id, claim_ids = "new-trio-total", ["new-trio-over-one-trillion", "new-trio-growth-30-percent"]
    results = _claim_results(store, as_of, claim_ids)
    level_claim, growth_claim = results["new-trio-over-one-trillion"], results["new-trio-growth-30-percent"]
    customs = store.frame(source="customs", indicator=["new_trio_exports_total", "new_trio_exports_total_yoy_pct"],
                          as_of=as_of)
    level = customs[(customs["indicator"] == "new_trio_exports_total") & (customs["period"] == "2023")
                    & (customs["unit"] == "CNY")]
    growth = customs[(customs["indicator"] == "new_trio_exports_total_yoy_pct") & (customs["period"] == "2023")
                     & (customs["freq"] == "A")]
    fx = _Fx(store, as_of)
    threshold = float(level_claim.stated.get("value_unscaled", 1e12))
    stated_growth = float(growth_claim.stated.get("value_unscaled", 30))

    if level.empty or growth.empty:
        return _new_trio_partial(store, as_of, currency, customs, fx, figure_id, claim_ids, threshold)

    level_row, growth_row = level.iloc[-1], growth.iloc[-1]
    total_cny, growth_pct = float(level_row["value"]), float(growth_row["value"])
    derived_cny = total_cny / (1 + growth_pct / 100)
    rows, notes = [], []

    fig = make_subplots(rows=1, cols=2, column_widths=[0.55, 0.45], horizontal_spacing=0.14)
    # Left: levels. 2022 is derived (no official 2022 total exists).
    derived_note = (f"derived: no official 2022 total was published; {human(total_cny, 'CNY')} ÷ "
                    f"(1 + {growth_pct:.1f}%) = {human(derived_cny, 'CNY')}")
    value_2023, how_2023 = fx.convert(total_cny, "CNY", currency, "2023")
    value_2022, how_2022 = fx.convert(derived_cny, "CNY", currency, "2022")
    if value_2023 is None or value_2022 is None:
        notes.append(f"No USD view: {how_2023 or how_2022}.")
        currency, value_2023, value_2022, how_2023, how_2022 = "CNY", total_cny, derived_cny, "", ""
    row_2022 = _plot_row(level_row, figure_id, "2022 total (derived)", value=value_2022, unit=currency,
                         derivation="; ".join(p for p in [derived_note, how_2022] if p))
    row_2022["period"] = "2022"
    row_2023 = _plot_row(level_row, figure_id, "2023 total (GACC)", value=value_2023, unit=currency,
                         derivation=how_2023)
    rows += [row_2022, row_2023]
    converted = "<br>(converted)" if currency != "CNY" else ""
    fig.add_trace(go.Bar(
        x=["2022 total<br>(derived)"], y=[value_2022], name="2022 total (derived from the 2023 total and its growth)",
        marker={"color": OKABE_ITO["sky_blue"], "pattern": {"shape": "/", "fgcolor": "#ffffff"}},
        hovertext=[_hover(row_2022)], hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
        text=[human(value_2022, currency) + converted], textposition="inside", insidetextanchor="middle",
        textangle=0,
    ), row=1, col=1)
    fig.add_trace(go.Bar(
        x=["2023 total<br>(GACC)"], y=[value_2023], name=f"2023 total (GACC, released {level_row['released']})",
        marker={"color": OKABE_ITO["blue"]}, hovertext=[_hover(row_2023)], hovertemplate="%{hovertext}<extra></extra>",
        text=[human(value_2023, currency) + converted], textposition="inside", insidetextanchor="middle",
        textangle=0, showlegend=False,
    ), row=1, col=1)
    threshold_value, threshold_how = fx.convert(threshold, "CNY", currency, "2023")
    threshold_label = "op-ed: “exceeded one trillion yuan”"
    if currency != "CNY":
        threshold_label += f"<br>= {threshold_value / 1e9:,.1f} bn {currency} (converted, 2023 average rate)"
    fig.add_hline(y=threshold_value, line={"color": OKABE_ITO["vermillion"], "dash": "dash", "width": 2},
                  annotation={"text": threshold_label, "font": {"color": OKABE_ITO["vermillion"], "size": 12},
                              "bgcolor": "rgba(255,255,255,0.85)", "align": "left"},
                  annotation_position="top left", row=1, col=1)
    _money_axis(fig, currency, row=1, col=1)
    fig.update_yaxes(range=[0, max(value_2023, threshold_value) * 1.25], row=1, col=1)
    fig.update_xaxes(title_text=f"New-trio exports, {CURRENCY_WORDS[currency]}", row=1, col=1)

    # Right: the op-ed's 30% (with the band its wording covers) next to the observed growth in yuan
    # (as published) and in dollars (converted).
    step = float(_claim_record("new-trio-growth-30-percent").get("step", 1))
    fig.add_trace(go.Scatter(
        x=["op-ed<br>(stated)"], y=[stated_growth], mode="markers+text", name="op-ed: “a 30-percent increase”",
        marker={"symbol": "diamond", "size": 16, "color": OKABE_ITO["vermillion"]}, showlegend=False,
        error_y={"type": "constant", "value": step / 2, "color": OKABE_ITO["vermillion"], "thickness": 2, "width": 10},
        text=[f"“30 percent”<br>covers {stated_growth - step / 2:g}–{stated_growth + step / 2:g}%"],
        textposition="bottom center", textfont={"color": OKABE_ITO["vermillion"], "size": 12}, cliponaxis=False,
        hovertemplate=wrap(f"op-ed: “a 30-percent increase”; the wording covers "
                           f"[{stated_growth - step / 2:g}%, {stated_growth + step / 2:g}%). "
                           f"Verdict: {growth_claim.verdict} (judged in yuan).", 80) + "<extra></extra>",
    ), row=1, col=2)
    growth_item = _plot_row(growth_row, figure_id, "growth in yuan (GACC)")
    rows.append(growth_item)
    growth_x, growth_y, growth_text = ["observed,<br>in yuan (GACC)"], [growth_pct], [_hover(growth_item)]
    usd_growth = None
    fx_2022, fx_2023 = fx.annual.get("2022"), fx.annual.get("2023")
    if fx_2022 is not None and fx_2023 is not None:
        usd_growth = ((1 + growth_pct / 100) * float(fx_2022["value"]) / float(fx_2023["value"]) - 1) * 100
        fx.used += [fx_2022, fx_2023]
        usd_item = _plot_row(
            growth_row, figure_id, "growth in US dollars (converted)", value=usd_growth, unit="percent",
            derivation=(f"converted: (1 + {growth_pct / 100:.3f}) × {float(fx_2022['value']):.4f} / "
                        f"{float(fx_2023['value']):.4f} − 1 (FRED AEXCHUS 2022 and 2023 averages): the yuan weakened"),
        )
        rows.append(usd_item)
        growth_x.append("in US dollars<br>(converted)")
        growth_y.append(usd_growth)
        growth_text.append(_hover(usd_item))
    fig.add_trace(go.Bar(
        x=growth_x, y=growth_y, name="observed growth", showlegend=False,
        marker={"color": [OKABE_ITO["blue"], OKABE_ITO["orange"]][: len(growth_x)]},
        text=[f"{v:+.1f}%" for v in growth_y], textposition="inside", insidetextanchor="middle",
        hovertext=growth_text, hovertemplate="%{hovertext}<extra></extra>",
    ), row=1, col=2)
    fig.update_yaxes(title_text="Growth on the year before, percent", ticksuffix="%", range=[0, 36], row=1, col=2)
    fig.update_xaxes(title_text="Growth in 2023", row=1, col=2)

    total_text = human(total_cny, "CNY")
    relation = {"supported": "above", "inconclusive": "within rounding of", "contradicted": "not above"}.get(
        level_claim.verdict, "compared with")
    if currency == "USD":
        title = (f"New-trio exports: {human(value_2023, 'USD')} in 2023 ({usd_growth:+.1f}% in dollars, "
                 f"{growth_pct:+.1f}% in yuan); {total_text} is {relation} the op-ed's “one trillion yuan”")
    else:
        title = f"New-trio exports: {total_text} in 2023 ({growth_pct:+.1f}%), {relation} the op-ed's “one trillion”"
    subtitle = (f"Verdicts: “exceeded one trillion yuan” {level_claim.verdict}; “30-percent increase” "
                f"{growth_claim.verdict} (judged in yuan). GACC's new trio: electric passenger vehicles, lithium-ion "
                "batteries, solar cells. The 2022 total is derived (none was published).")
    if currency == "USD":
        subtitle += " US-dollar values converted at FRED AEXCHUS annual averages (GACC's own USD figures differ slightly)."
    subtitle += " " + " ".join(notes)
    return _finish(fig, store, figure_id, title, _table(rows), as_of, currency, claim_ids, subtitle, extra=fx.used,
                   below_axis=80)


def _new_trio_partial(store, as_of, currency, customs, fx, figure_id, claim_ids, threshold):
    """Before GACC published the 2023 total: show the partial-year figures known then, and say so."""
    everything = store.frame(source="customs", indicator="new_trio_exports_total")
    later = everything[(everything["period"] == "2023") & (everything["freq"] == "A")]
    when = f" (GACC published it on {later.iloc[-1]['released']})" if len(later) else ""
    known = customs[(customs["indicator"] == "new_trio_exports_total") & (customs["unit"] == "CNY")]
    fig = go.Figure()
    rows = []
    for _, row in known.iterrows():
        value, how = fx.convert(float(row["value"]), "CNY", currency, row["period"][:4])
        if value is None:
            value, how, unit = float(row["value"]), "", "CNY"
        else:
            unit = currency
        item = _plot_row(row, figure_id, f"new-trio exports, {row['period']}", value=value, unit=unit, derivation=how)
        rows.append(item)
        fig.add_trace(go.Bar(x=[row["period"]], y=[value], name=f"{row['period']} ({row['freq']}, part of the year)",
                             hovertext=[_hover(item)], hovertemplate="%{hovertext}<extra></extra>",
                             marker={"color": OKABE_ITO["sky_blue"]}))
    title = f"New-trio exports: the 2023 total was not yet published as of {as_of}{when}"
    if rows:
        threshold_value, _ = fx.convert(threshold, "CNY", currency, "2023")
        if threshold_value is not None:
            fig.add_hline(y=threshold_value, line={"color": OKABE_ITO["vermillion"], "dash": "dash"},
                          annotation_text="op-ed: “exceeded one trillion yuan”", annotation_position="top left")
        _money_axis(fig, rows[0]["unit"])
        fig.update_xaxes(title_text="Period (partial-year figures; not comparable with a full year)")
    else:
        _message_figure(fig, f"Not in the store as of {as_of}: no new-trio export figures had been published. "
                             "Loader: indicators refresh --source customs --offline")
    subtitle = "Unverifiable with the data published by then: the claim needs the full-year 2023 total."
    return _finish(fig, store, figure_id, title, _table(rows), as_of, currency, claim_ids, subtitle, extra=fx.used)


# -- new trio: products ----------------------------------------------------------------------

PRODUCTS = {
    "liion": "Lithium-ion batteries",
    "bev": "Battery-electric vehicles",
    "pv": "Solar panels + cells",
}


def _build_new_trio_products(store: Store, as_of: str | None = None, currency: str = "CNY", product: str | None = None):
    figure_id = "new-trio-products"
    years = ["2022", "2023"]
    fx = _Fx(store, as_of)
    customs = store.frame(source="customs", indicator=["liion_exports_value", "bev_exports_value"], as_of=as_of)
    picked: dict[str, list[tuple[pd.Series, str]]] = {}  # product -> [(row, label)]
    liion = customs[(customs["indicator"] == "liion_exports_value") & (customs["unit"] == "CNY")
                    & (customs["freq"] == "A") & customs["period"].isin(years)]
    picked["liion"] = [(r, "MIIT, in CNY") for _, r in liion.iterrows()]
    bev = customs[(customs["indicator"] == "bev_exports_value") & (customs["unit"] == "USD")
                  & (customs["freq"] == "A") & customs["period"].isin(years)]
    picked["bev"] = [(r, "Griffith Asia Institute, in USD; BEVs only") for _, r in bev.iterrows()]
    solar_rows, solar_months = _ember_annual(store, as_of, years)
    notes = [f"Solar {y}: only {n} months published by {as_of}, not shown." for y, n in solar_months.items() if n < 12]
    picked["pv"] = [(r, "Ember (GACC data), in USD") for r in solar_rows if solar_months[r["period"]] == 12]
    if product:
        if product not in PRODUCTS:
            raise ValueError(f"product must be one of {', '.join(PRODUCTS)}, got {product!r}")
        picked = {product: picked[product]}

    rows = []
    growth_texts = []
    by_year: dict[str, list[dict]] = {y: [] for y in years}
    for key, items in picked.items():
        label_base = PRODUCTS[key]
        values = {}
        for row, source_label in items:
            label = f"{label_base}<br><sup>{source_label}</sup>"
            value, how = fx.convert(float(row["value"]), row["unit"], currency, row["period"])
            note = ""
            if key == "pv":
                months = solar_months.get(row["period"], 0)
                note = f"sum of {months} monthly Ember values (panels + cells, not wafers)"
            if value is None:
                notes.append(f"{label_base} {row['period']}: {how}, not shown.")
                continue
            item = _plot_row(row, figure_id, f"{label_base} ({source_label})", value=value, unit=currency,
                             derivation=how, note=note)
            item["x"] = label
            rows.append(item)
            by_year[row["period"]].append(item)
            values[row["period"]] = float(row["value"])
        if "2022" in values and "2023" in values:
            change = pct_change(values["2023"], values["2022"])
            unit = items[0][0]["unit"]
            growth_texts.append(f"{label_base.lower()} {change:+.1f}% (in {unit})")
    colors = {"2022": OKABE_ITO["sky_blue"], "2023": OKABE_ITO["blue"]}
    fig = go.Figure()
    for year in years:
        items = by_year[year]
        if not items:
            continue
        fig.add_trace(go.Bar(
            x=[i["x"] for i in items], y=[i["value"] for i in items], name=year, marker={"color": colors[year]},
            text=[QUALIFIER_MARKS.get(i["qualifier"], "") + f"{i['value'] / 1e9:,.1f} bn"
                  + ("<br>converted" if i["derivation"] else "") for i in items],
            textposition="outside", textfont={"size": 11}, cliponaxis=False, constraintext="none",
            hovertext=[_hover(i) for i in items], hovertemplate="%{hovertext}<extra></extra>",
        ))
    for item in rows:
        del item["x"]
    if not rows:
        _message_figure(fig, "Not in the store: no per-product new-trio export values for 2022–2023. "
                             "Loader: indicators refresh --source customs --source ember --offline")
        title = "New-trio products: no per-product values in the store"
    else:
        title = ("New-trio products, 2023 vs 2022: " + "; ".join(growth_texts)
                 if growth_texts else "New-trio products: per-product export values")
    fig.update_layout(barmode="group", bargap=0.3)
    _money_axis(fig, currency)
    fig.update_xaxes(title_text="Product (publisher, currency as published)")
    subtitle = ("Each product from a different publisher and definition: they do not add up to GACC's new-trio total. "
                "GACC's EV item also covers plug-in hybrids (Griffith: BEVs only); EV units are in a separate chart. "
                f"Values shown in {currency}; “converted” marks values converted at FRED AEXCHUS annual averages. "
                + " ".join(notes))
    return _finish(fig, store, figure_id, title, _table(rows), as_of, currency, [], subtitle, extra=fx.used)


def _ember_annual(store: Store, as_of: str | None, years: list[str]) -> tuple[list[pd.Series], dict[str, int]]:
    """Ember's World solar exports (panels + cells) summed per year, as frame-like rows."""
    data = store.frame(source="ember", indicator="solar_exports_value", as_of=as_of)
    data = data[(data["counterpart"] == "WLD") & data["product"].isin(["pv_panels", "pv_cells"])]
    data = data.assign(year=data["period"].str[:4])
    rows, months = [], {}
    for year in years:
        part = data[data["year"] == year]
        if part.empty:
            continue
        first = part.iloc[0].copy()
        first["period"], first["freq"], first["product"] = year, "A", "pv_panels+pv_cells"
        first["value"] = float(part["value"].sum())
        first["released"] = part["released"].max()
        first["vintage"] = int(part["vintage"].max())
        first["note"] = ""
        months[year] = int(part["period"].nunique())
        rows.append(first)
    return rows, months


# -- solar exports, monthly --------------------------------------------------------------------


def _build_solar_exports_monthly(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id = "solar-exports-monthly"
    data = store.frame(source="ember", indicator=["solar_exports_value", "solar_exports_capacity"], as_of=as_of)
    data = data[data["product"].isin(["pv_panels", "pv_cells"])]
    regions = data[data["counterpart"].isin([f"region:{r}" for r in SOLAR_REGIONS])]
    fx = _Fx(store, as_of)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06)
    if regions.empty:
        _message_figure(fig, "Not in the store: Ember's monthly solar exports. Loader: indicators refresh --source ember --offline")
        return _finish(fig, store, figure_id, "China's solar exports: not in the store", _table([]), as_of, currency, [])

    # Panels + cells per region and month (vectorised: about 1,500 points).
    table = (regions.groupby(["indicator", "counterpart", "period"], as_index=False)
             .agg(value=("value", "sum"), released=("released", "max"), vintage=("vintage", "max"),
                  publisher=("publisher", "first"), source_url=("source_url", "first"), unit=("unit", "first"),
                  source=("source", "first"), dataset=("dataset", "first"), entity=("entity", "first")))
    table = table.assign(figure=figure_id, product="pv_panels+pv_cells", freq="M", qualifier="", derivation="",
                         original_value=None, original_unit="",
                         note="panels + cells (not wafers); capacity is Ember's estimate (value ÷ average price), "
                              "not a customs figure")
    region_name = table["counterpart"].str.removeprefix("region:")
    table["series"] = region_name + table["indicator"].map(
        {"solar_exports_value": " (value)", "solar_exports_capacity": " (capacity)"})
    missing_fx: list[str] = []
    if currency != "USD":
        is_value = table["indicator"] == "solar_exports_value"
        rates = {p: r for p, r in fx.monthly.items()}
        rate = table["period"].map(lambda p: float(rates[p]["value"]) if p in rates else float("nan"))
        missing_fx = sorted(set(table.loc[is_value & rate.isna(), "period"]))
        table = table[~(is_value & rate.isna())].copy()
        rate = rate[table.index]
        is_value = table["indicator"] == "solar_exports_value"
        table.loc[is_value, "original_value"] = table.loc[is_value, "value"]
        table.loc[is_value, "original_unit"] = "USD"
        table.loc[is_value, "derivation"] = [
            f"converted: {human(v, 'USD')} × {r:.4f} CNY per USD (FRED EXCHUS, {p} average)"
            for v, r, p in zip(table.loc[is_value, "value"], rate[is_value], table.loc[is_value, "period"])]
        table.loc[is_value, "value"] = table.loc[is_value, "value"] * rate[is_value]
        table.loc[is_value, "unit"] = currency
        fx.used += [rates[p] for p in sorted(set(table.loc[is_value, "period"]))]
    table = table.sort_values(["indicator", "counterpart", "period"])
    for region_index, region in enumerate(SOLAR_REGIONS):
        color = PALETTE[region_index % len(PALETTE)]
        for panel, indicator in ((1, "solar_exports_value"), (2, "solar_exports_capacity")):
            part = table[(table["indicator"] == indicator) & (table["counterpart"] == f"region:{region}")]
            # ~1,500 points: one hover template per trace, per-point details in customdata (keeps pages light).
            unit = part["unit"].iloc[0] if len(part) else currency
            converted = part["derivation"].str.len().gt(0).any() if len(part) else False
            template = (f"<b>{region}</b>, panels + cells<br>%{{x|%Y-%m}}: %{{y:,.2f}} {unit}"
                        + ("<br>converted from %{customdata[1]:,.0f} USD at %{customdata[2]:.4f} CNY per USD (FRED EXCHUS)"
                           if converted else "")
                        + ("<br>capacity: Ember's estimate (value ÷ average price)" if panel == 2 else "")
                        + "<br>Source: Ember, from GACC (China Customs) monthly data"
                        + "<br>Vintage %{customdata[0]}, released %{customdata[3]}<extra></extra>")
            rates = (part["value"] / part["original_value"].astype("float64")) if converted else part["value"] * 0
            fig.add_trace(go.Bar(
                x=part["period"].tolist(), y=part["value"].tolist(), name=region, legendgroup=region,
                showlegend=panel == 1, marker={"color": color, "line": {"width": 0}},
                customdata=list(zip(part["vintage"].astype(int), part["original_value"].fillna(0).astype("float64"),
                                    rates.fillna(0), part["released"])),
                hovertemplate=template,
            ), row=panel, col=1)
    fig.update_layout(barmode="stack", bargap=0.05)
    fig.update_yaxes(title_text=f"Value, {currency} per month", exponentformat="B", row=1, col=1)
    fig.update_yaxes(title_text="Est. capacity, MW per month", row=2, col=1)
    fig.update_xaxes(title_text="Month", row=2, col=1)

    # Annual World totals (panels + cells): the finding in one line.
    world = data[data["counterpart"] == "WLD"].assign(year=lambda d: d["period"].str[:4])
    annual = world.groupby(["indicator", "year"])["value"].sum()
    months = world.groupby("year")["period"].nunique()
    full_years = sorted(y for y, n in months.items() if n == 12)
    title, subtitle = "China's solar exports by destination region, monthly", ""
    target = "2023" if {"2022", "2023"} <= set(full_years) else (full_years[-1] if len(full_years) >= 2 else None)
    if target:
        before = str(int(target) - 1)
        v_new, v_old = annual[("solar_exports_value", target)], annual[("solar_exports_value", before)]
        c_new, c_old = annual[("solar_exports_capacity", target)], annual[("solar_exports_capacity", before)]
        dv, dc = pct_change(v_new, v_old), pct_change(c_new, c_old)
        price_new, price_old = v_new / (c_new * 1e6), v_old / (c_old * 1e6)
        dp = pct_change(price_new, price_old)
        if dv < 0 < dc:
            title = (f"China's solar exports in {target}: value fell {abs(dv):.1f}% while estimated capacity rose "
                     f"{dc:.0f}% — the implied price per watt fell {abs(dp):.0f}%")
        else:
            title = f"China's solar exports in {target}: value {dv:+.1f}%, estimated capacity {dc:+.0f}%"
        subtitle = (f"World, panels + cells: {before} {human(v_old, 'USD')}, {c_old / 1000:,.1f} GW (≈{price_old:.3f} USD/W) "
                    f"→ {target} {human(v_new, 'USD')}, {c_new / 1000:,.1f} GW (≈{price_new:.3f} USD/W). Value in current "
                    "USD as reported by GACC; stacked by destination region.")
    if currency != "USD":
        subtitle += (" Values converted to CNY at FRED EXCHUS monthly averages"
                     + (f"; months without a rate are not shown ({', '.join(missing_fx)})" if missing_fx else "")
                     + ".")
    return _finish(fig, store, figure_id, title, table[FIGURE_COLUMNS], as_of, currency, [], subtitle, extra=fx.used,
                   height=760)


# -- EV export units ---------------------------------------------------------------------------


def _build_ev_exports_units(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id = "ev-exports-units"
    customs = store.frame(source="customs", indicator=["ev_passenger_exports_units", "ev_exports_units"], as_of=as_of)
    caam = store.frame(source="caam", indicator="vehicle_exports", as_of=as_of)
    caam = caam[caam["product"] == "nev"]
    gacc = customs[customs["indicator"] == "ev_passenger_exports_units"]
    gacc_lower = customs[(customs["indicator"] == "ev_exports_units") & (customs["qualifier"] == "more than")]
    gacc_exact = customs[(customs["indicator"] == "ev_exports_units") & (customs["qualifier"] != "more than")]
    gacc = pd.concat([gacc, gacc_exact[~gacc_exact["period"].isin(gacc["period"])]])
    fig = go.Figure()
    rows = []
    series = [
        (gacc, "GACC (customs): electric passenger cars", OKABE_ITO["blue"], None),
        (caam, "CAAM (industry): NEVs incl. commercial vehicles", OKABE_ITO["orange"], None),
    ]
    for data, name, color, _ in series:
        items = [_plot_row(r, figure_id, name) for _, r in data.sort_values("period").iterrows()]
        rows += items
        if items:
            fig.add_trace(go.Bar(
                x=[int(i["period"]) for i in items], y=[i["value"] for i in items], name=name, marker={"color": color},
                text=[f"{i['value'] / 1e6:.2f} m" for i in items], textposition="outside", cliponaxis=False,
                hovertext=[_hover(i) for i in items], hovertemplate="%{hovertext}<extra></extra>",
            ))
    lower_items = [_plot_row(r, figure_id, "GACC: electric vehicles, “more than” (a lower bound)")
                   for _, r in gacc_lower.iterrows()]
    rows += lower_items
    if lower_items:
        fig.add_trace(go.Scatter(
            x=[int(i["period"]) for i in lower_items], y=[i["value"] for i in lower_items], mode="markers+text",
            name="GACC: “more than” (lower bound)", marker={"symbol": "triangle-up", "size": 14, "color": OKABE_ITO["blue"]},
            text=[f"> {i['value'] / 1e6:.1f} m" for i in lower_items], textposition="top center",
            hovertext=[_hover(i) for i in lower_items], hovertemplate="%{hovertext}<extra></extra>",
        ))
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(title_text="Vehicles exported (M = million)", exponentformat="B", rangemode="tozero")
    fig.update_xaxes(title_text="Year", dtick=1)
    exact_gacc = [r for r in rows if r["source"] == "customs" and not r["qualifier"]]
    both = {r["period"] for r in exact_gacc} & {r["period"] for r in rows if r["source"] == "caam"}
    if both:
        year = max(both)
        g = next(r for r in exact_gacc if r["period"] == year)
        c = next(r for r in rows if r["source"] == "caam" and r["period"] == year)
        title = (f"EV exports in {year}: {g['value'] / 1e6:.2f} million electric passenger vehicles (GACC) vs "
                 f"{c['value'] / 1e6:.2f} million NEVs (CAAM) — different bases, never added together")
    elif rows:
        title = "EV exports: GACC and CAAM counts (different bases, never added together)"
    else:
        _message_figure(fig, "Not in the store: EV export units. Loader: indicators refresh --source customs --source caam --offline")
        title = "EV exports: not in the store"
    subtitle = ("GACC counts customs declarations of electric passenger cars (battery-electric and plug-in hybrid); "
                "CAAM counts manufacturers' reported exports of new-energy vehicles, including commercial vehicles. "
                "Units: vehicles.")
    return _finish(fig, store, figure_id, title, _table(rows), as_of, None, [], subtitle)


# -- GII: overall rank -------------------------------------------------------------------------


def _build_gii_rank(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id, claim_id = "gii-rank", "steady-progress-innovative-economy"
    result = _claim_results(store, as_of, [claim_id])[claim_id]
    data = store.frame(source="gii", dataset="overall_rank", indicator="gii_rank", as_of=as_of)
    fig = go.Figure()
    rows = []
    order = ["CHN"] + sorted((e for e in data["entity"].unique() if e != "CHN"),
                             key=lambda e: list(ENTITY_COLORS).index(e) if e in ENTITY_COLORS else 99)
    for entity in order:
        part = data[data["entity"] == entity].sort_values("period")
        items = [_plot_row(r, figure_id, entity_name(entity)) for _, r in part.iterrows()]
        rows += items
        if not items:
            continue
        is_china = entity == "CHN"
        fig.add_trace(go.Scatter(
            x=[int(i["period"]) for i in items], y=[i["value"] for i in items], name=entity_name(entity),
            mode="lines+markers+text" if is_china else "lines+markers",
            text=[f"{i['value']:g}" for i in items] if is_china else None, textposition="top center",
            line={"color": ENTITY_COLORS.get(entity, GREY), "width": 3.5 if is_china else 1.5},
            marker={"size": 8 if is_china else 6}, opacity=1 if is_china else 0.75,
            hovertext=[_hover(i, "Rank (1 = best); not strictly comparable across editions") for i in items],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    claim = _claim_record(claim_id)
    first, last = claim["window"]["first"], claim["window"]["last"]
    fig.add_vrect(x0=int(first), x1=int(last), fillcolor=VERDICT_COLORS.get(result.verdict, GREY), opacity=0.08, line_width=0)
    fig.add_annotation(x=int(first), y=0.02, yref="paper", xanchor="left", yanchor="bottom", showarrow=False,
                       text=f"Shaded {first}–{last}: op-ed's “steady progress”, <b>{result.verdict}</b>",
                       font={"color": "#333", "size": 12})
    fig.add_annotation(x=0.99, y=0.02, xref="paper", yref="paper", xanchor="right", yanchor="bottom", showarrow=False,
                       text="WIPO: ranks are not strictly comparable across editions", bgcolor="rgba(255,255,255,0.85)",
                       font={"size": 12, "color": "#333"})
    worst = float(data["value"].max()) if len(data) else 40.0
    fig.update_yaxes(range=[worst + 7, 0], title_text="Overall GII rank (1 = best, on top)")
    fig.update_xaxes(title_text="GII edition", dtick=1)
    if result.observed:
        path = result.observed.get("path", "")
        title = (f"China's GII rank: {result.observed['first']:g}th in {first} → {result.observed['value']:g}th in "
                 f"{last}; “steady progress” is {result.verdict}")
        subtitle = f"{result.explanation} Path: {path}."
    else:
        title = f"China's GII rank: {result.verdict} with the data in the store"
        subtitle = result.explanation
    return _finish(fig, store, figure_id, title, _table(rows), as_of, None, [claim_id], subtitle)


# -- GII: clusters by edition ------------------------------------------------------------------


def _build_gii_clusters(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id, claim_id = "gii-clusters", "gii-2023-most-clusters"
    result = _claim_results(store, as_of, [claim_id])[claim_id]
    data = store.frame(source="gii", dataset="cluster_counts", indicator="st_clusters_top100", as_of=as_of)
    peak = data.groupby("entity")["value"].max().sort_values(ascending=False)
    shown = [e for e in peak.index if peak[e] >= 4]
    if "CHN" in shown:
        shown = ["CHN"] + [e for e in shown if e != "CHN"]
    others = data[~data["entity"].isin(shown)]
    fig = go.Figure()
    rows = []
    for index, entity in enumerate(shown):
        part = data[data["entity"] == entity].sort_values("period")
        items = [_plot_row(r, figure_id, entity_name(entity)) for _, r in part.iterrows()]
        rows += items
        fig.add_trace(go.Bar(
            x=[int(i["period"]) for i in items], y=[i["value"] for i in items], name=entity_name(entity),
            marker={"color": ENTITY_COLORS.get(entity, PALETTE[index % len(PALETTE)])},
            text=[f"{i['value']:g}" for i in items], textposition="outside", cliponaxis=False,
            hovertext=[_hover(i, "Top-100 science and technology clusters hosted") for i in items],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    fig.update_layout(barmode="group", bargap=0.2)
    fig.update_yaxes(title_text="Number of top-100 S&T clusters", rangemode="tozero")
    fig.update_xaxes(title_text="GII edition", dtick=1)
    if result.observed:
        fig.add_annotation(x=2023, y=result.observed["value"], text=f"op-ed: “most clusters” — {result.verdict}",
                           showarrow=True, arrowhead=2, ax=0, ay=-45, font={"color": "#333"},
                           bgcolor="rgba(255,255,255,0.85)")
    china = data[data["entity"] == "CHN"].set_index("period")["value"]
    led_before = [p for p in china.index if p < "2023"
                  and china[p] > data[(data["period"] == p) & (data["entity"] != "CHN")]["value"].max()]
    if result.observed:
        runner = result.observed.get("runner_up")
        title = (f"GII 2023: China hosts {result.observed['value']:g} of the top-100 S&T clusters, "
                 f"{entity_name(runner)} {result.observed['runner_up_value']:g} — “most clusters” is {result.verdict}")
        if not led_before and result.verdict == "supported":
            title += " (the first edition China led)"
    else:
        title = f"GII S&T clusters: {result.verdict} — {result.explanation}"
    listed = others[others["period"] == "2023"].sort_values("value", ascending=False)
    subtitle = "Counts per edition (top 100); WIPO changed the cluster method in 2025, so do not compare it naively."
    if len(listed):
        subtitle += " Also listed for 2023: " + ", ".join(f"{entity_name(r.entity)} {r.value:g}" for r in listed.itertuples()) + "."
    return _finish(fig, store, figure_id, title, _table(rows), as_of, None, [claim_id], subtitle)


# -- GII: 2023 clusters table ------------------------------------------------------------------


def _build_gii_clusters_2023(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id, claim_id = "gii-clusters-2023", "gii-2023-most-clusters"
    data = store.frame(source="gii", dataset="clusters_2023", as_of=as_of)
    ranks = data[data["indicator"] == "cluster_rank"].sort_values("value")
    fig = go.Figure()
    rows = []
    if ranks.empty:
        _message_figure(fig, "Not in the store: the GII 2023 cluster table. Loader: indicators refresh --source gii --offline")
        return _finish(fig, store, figure_id, "GII 2023 top S&T clusters: not in the store", _table([]), as_of, None,
                       [claim_id])
    values = data.pivot_table(index="product", columns="indicator", values="value", aggfunc="first")
    table = {k: [] for k in ["rank", "cluster", "economy", "pct", "pubs", "share"]}
    fills = []
    for _, r in ranks.iterrows():
        name = r["product"].split(":", 1)[-1]
        rows.append(_plot_row(r, figure_id, name))
        for indicator in ["cluster_pct_applications", "cluster_publications", "cluster_share_pct"]:
            match = data[(data["product"] == r["product"]) & (data["indicator"] == indicator)]
            rows += [_plot_row(m, figure_id, name) for _, m in match.iterrows()]
        code = r["note"].split("WIPO economy code ", 1)[-1].split(";")[0] if "WIPO economy code" in r["note"] else r["entity"]
        v = values.loc[r["product"]]
        table["rank"].append(f"{r['value']:g}")
        table["cluster"].append(name)
        table["economy"].append(code)
        table["pct"].append(f"{v.get('cluster_pct_applications'):,.0f}" if pd.notna(v.get("cluster_pct_applications")) else "n/a")
        table["pubs"].append(f"{v.get('cluster_publications'):,.0f}" if pd.notna(v.get("cluster_publications")) else "n/a")
        table["share"].append(f"{v.get('cluster_share_pct'):.1f}" if pd.notna(v.get("cluster_share_pct")) else "not bundled")
        fills.append("#FBE3D6" if r["entity"] == "CHN" else "white")
    fig.add_trace(go.Table(
        columnwidth=[45, 230, 80, 110, 110, 90],
        header={"values": ["<b>Rank</b>", "<b>Cluster</b>", "<b>Economy (WIPO code)</b>", "<b>PCT applications</b>",
                           "<b>Scientific publications</b>", "<b>Share of world total, %</b>"],
                "fill_color": "#E8EEF4", "align": "left", "font": {"size": 12}},
        cells={"values": list(table.values()), "fill_color": [fills] * 6, "align": ["right", "left", "left", "right", "right", "right"],
               "font": {"size": 12}, "height": 24},
    ))
    china = ranks[ranks["entity"] == "CHN"]
    top = ranks.iloc[0]
    title = (f"GII 2023 top S&T clusters: {len(china)} of the {len(ranks)} bundled (ranks 1–{ranks['value'].max():g}) "
             f"are in China; {top['product'].split(':', 1)[-1]} ranks first")
    subtitle = (f"Ranks {ranks['value'].max() + 1:g}–100 are not bundled (typed from the GII 2023 report, Appendix "
                "Table 3); rows counted under China shaded. Cross-border clusters are shown with WIPO's codes.")
    # Tall enough for every bundled row (24 px each) below the title block: static exports cannot scroll.
    height = 300 + 25 * (len(ranks) + 1)
    return _finish(fig, store, figure_id, title, _table(rows), as_of, None, [claim_id], subtitle, height=height,
                   below_axis=10)


# -- GII: indicators ranked first --------------------------------------------------------------


def _build_gii_first_indicators(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id, claim_id = "gii-first-indicators", "gii-2023-first-in-six-indicators"
    result = _claim_results(store, as_of, [claim_id])[claim_id]
    data = store.frame(source="gii", dataset="rank1_indicator_counts", indicator="indicators_ranked_first", as_of=as_of)
    china = data[data["entity"] == "CHN"].sort_values("period")
    items = [_plot_row(r, figure_id, "China: indicators ranked first") for _, r in china.iterrows()]
    editions = sorted(set(china["period"]) | {"2023"})
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=[int(i["period"]) for i in items], y=[i["value"] for i in items], name="China: indicators ranked first (as reported)",
        marker={"color": ENTITY_COLORS["CHN"]}, text=[f"{i['value']:g}" for i in items], textposition="outside",
        cliponaxis=False, hovertext=[_hover(i) for i in items], hovertemplate="%{hovertext}<extra></extra>",
    ))
    stated = float(result.stated.get("value_unscaled", 6))
    fig.add_trace(go.Scatter(
        x=[2023], y=[stated], mode="markers+text", name="op-ed: “ranks first in six specific indicators”",
        marker={"symbol": "diamond", "size": 16, "color": VERDICT_COLORS.get(result.verdict, GREY),
                "line": {"color": "#333", "width": 1}},
        text=[f"op-ed: six ({result.verdict})"], textposition="middle right",
        hovertemplate=wrap(f"op-ed: “ranks first in six specific indicators” (GII 2023). Verdict: {result.verdict}. "
                           f"{result.explanation}", 80) + "<extra></extra>",
    ))
    if "2023" not in set(china["period"]):
        fig.add_annotation(x=2023, y=0, yanchor="bottom", text="2023: not in the bundled data", showarrow=False,
                           textangle=-90, font={"size": 12, "color": "#555"})
    fig.update_layout(bargap=0.35)
    fig.update_xaxes(title_text="GII edition", tickvals=[int(e) for e in editions], range=[int(editions[0]) - 0.6, int(editions[-1]) + 0.6])
    top = max([i["value"] for i in items] + [stated])
    fig.update_yaxes(title_text="Indicators in which China ranks first (count)", range=[0, top * 1.25])
    reported = ", ".join(f"{i['value']:g} ({i['period']})" for i in items)
    if result.verdict == "unverifiable":
        title = (f"China ranked first in {reported or 'no reported'} GII indicators; the 2023 count behind the op-ed's "
                 "“six” is not in the bundled data")
    else:
        title = (f"GII 2023: China ranked first in {result.observed['value']:g} indicators; the op-ed says six — "
                 f"{result.verdict}")
    subtitle = (f"Counts as reported by officials and news (not WIPO tables). {result.explanation}")
    return _finish(fig, store, figure_id, title, _table(items), as_of, None, [claim_id], subtitle)


# -- World Bank context ------------------------------------------------------------------------

WDI_PANELS = [
    ("GB.XPD.RSDV.GD.ZS", "R&D expenditure, % of GDP", "% of GDP"),
    ("SP.POP.SCIE.RD.P6", "Researchers in R&D per million people", "per million"),
    ("TX.VAL.TECH.CD", "High-technology exports, current USD", "USD"),
]
WDI_ENTITIES = ["CHN", "USA", "DEU", "JPN", "KOR", "GBR", "CAN"]
WDI_FIRST_YEAR = "2000"


def _build_wdi_context(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id = "wdi-context"
    codes = [p[0] for p in WDI_PANELS]
    data = store.frame(source="worldbank", dataset="wdi", indicator=codes, entity=WDI_ENTITIES, as_of=as_of)
    data = data[data["period"] >= WDI_FIRST_YEAR]
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06)
    rows = []
    for panel, (code, label, unit_label) in enumerate(WDI_PANELS, start=1):
        for entity in WDI_ENTITIES:
            part = data[(data["indicator"] == code) & (data["entity"] == entity)].sort_values("period")
            items = [_plot_row(r, figure_id, f"{entity_name(entity)}: {label}") for _, r in part.iterrows()]
            rows += items
            if not items:
                continue
            fig.add_trace(go.Scatter(
                x=[int(i["period"]) for i in items], y=[i["value"] for i in items], mode="lines+markers",
                name=entity_name(entity), legendgroup=entity, showlegend=panel == 1,
                line={"color": ENTITY_COLORS.get(entity, GREY), "width": 3 if entity == "CHN" else 1.5},
                marker={"size": 4}, hovertext=[_hover(i) for i in items],
                hovertemplate="%{hovertext}<extra></extra>",
            ), row=panel, col=1)
    # China's high-tech exports as published in earlier releases: the revision between vintages.
    revision_text = ""
    older = _older_releases(store, as_of, "TX.VAL.TECH.CD", "CHN", served=data)
    dashes = ["dot", "dash", "dashdot"]
    for index, (vintage, part) in enumerate(older):
        part = part[part["period"] >= WDI_FIRST_YEAR].sort_values("period")
        name = f"China, {vintage.label or f'vintage {vintage.id}'}"
        items = [_plot_row(r, figure_id, f"{name}: High-technology exports",
                           note=f"as published in {vintage.label or f'vintage {vintage.id}'} (not the latest release)")
                 for _, r in part.iterrows()]
        rows += items
        fig.add_trace(go.Scatter(
            x=[int(i["period"]) for i in items], y=[i["value"] for i in items], mode="lines+markers", name=name,
            line={"color": ENTITY_COLORS["CHN"], "width": 2, "dash": dashes[index % len(dashes)]}, marker={"size": 4},
            hovertext=[_hover(i) for i in items], hovertemplate="%{hovertext}<extra></extra>",
        ), row=3, col=1)
        served = data[(data["indicator"] == "TX.VAL.TECH.CD") & (data["entity"] == "CHN")].set_index("period")["value"]
        common = sorted(set(part["period"]) & set(served.index))
        if common and not revision_text:
            year = common[-1]
            old_value = float(part.set_index("period").loc[year, "value"])
            new_value = float(served.loc[year])
            if abs(new_value - old_value) > 1e-6 * abs(old_value):
                latest_label = data[(data["indicator"] == "TX.VAL.TECH.CD") & (data["entity"] == "CHN")
                                    & (data["period"] == year)].iloc[0]["released"]
                revision_text = (f"WDI revised China's {year} high-tech exports from {old_value / 1e9:,.1f} to "
                                 f"{new_value / 1e9:,.1f} bn USD (release of {latest_label})")
                fig.add_annotation(x=int(year), y=old_value, row=3, col=1, showarrow=True, arrowhead=2, ax=-90, ay=25,
                                   text=f"{year}: {old_value / 1e9:,.1f} bn in the earlier release,<br>"
                                        f"{new_value / 1e9:,.1f} bn in the release of {latest_label}",
                                   font={"size": 11, "color": ENTITY_COLORS["CHN"]}, bgcolor="rgba(255,255,255,0.85)")
    fig.update_yaxes(title_text="R&D spending,<br>% of GDP", row=1, col=1, rangemode="tozero")
    fig.update_yaxes(title_text="Researchers in R&D<br>per million people", row=2, col=1, rangemode="tozero")
    fig.update_yaxes(title_text="High-tech exports,<br>current USD (B = bn)", exponentformat="B", row=3, col=1,
                     rangemode="tozero")
    fig.update_xaxes(title_text="Year", row=3, col=1)
    rd = data[(data["indicator"] == "GB.XPD.RSDV.GD.ZS")]
    rd_china = rd[rd["entity"] == "CHN"].sort_values("period")
    if len(rd_china):
        last = rd_china.iloc[-1]
        usa = rd[(rd["entity"] == "USA") & (rd["period"] == last["period"])]
        title = f"China's R&D spending reached {last['value']:.2f}% of GDP in {last['period']}"
        if len(usa):
            title += f" (United States {usa.iloc[0]['value']:.2f}%)"
        if revision_text:
            title += "; " + revision_text
    elif rows:
        title = "World Bank context: R&D, researchers and high-tech exports"
    else:
        _message_figure(fig, "Not in the store: World Bank WDI series. Loader: indicators refresh --source worldbank --offline")
        title = "World Bank context: not in the store"
    subtitle = ("World Bank, World Development Indicators; dashed/dotted lines: China's high-tech exports as published "
                "in earlier WDI releases. High-tech exports are in current USD as published (not converted).")
    return _finish(fig, store, figure_id, title, _table(rows), as_of, "USD", ["steady-progress-innovative-economy"],
                   subtitle, height=940)


def _older_releases(store: Store, as_of: str | None, indicator: str, entity: str, served: pd.DataFrame):
    """Earlier vintages' rows for one series that differ from what the store serves (as of the date).

    A release loaded again (the same payload, e.g. a second `refresh --offline`) is one release:
    listed once, in the order it was first loaded, and not at all if one of its loads is served."""
    served_vintages = set(served[(served["indicator"] == indicator) & (served["entity"] == entity)]["vintage"])
    releases: dict[str, Vintage] = {}  # payload hash -> the newest vintage that loaded it
    served_payloads = set()
    for vintage in store.vintages("worldbank"):
        payload = vintage.payload_sha256 or f"vintage {vintage.id}"
        releases[payload] = vintage
        if vintage.id in served_vintages:
            served_payloads.add(payload)
    found = []
    for payload, vintage in releases.items():
        if payload in served_payloads:
            continue
        rows = store.vintage_frame(vintage.id)
        rows = rows[(rows["indicator"] == indicator) & (rows["entity"] == entity)]
        if as_of:
            rows = rows[rows["released"] <= as_of]
        if len(rows):
            rows = rows.assign(value=rows["value"].astype("float64"))
            found.append((vintage, rows))
    return found


# -- Comtrade HS-6 (live only) -----------------------------------------------------------------


def _build_comtrade_hs6(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id = "comtrade-hs6"
    data = store.frame(source="comtrade", dataset="hs6_trade", indicator="exports_value", as_of=as_of)
    data = data[(data["entity"] == "CHN") & (data["counterpart"] == "WLD") & (data["freq"] == "A")]
    try:
        from indicators.sources.comtrade import NEW_TRIO_HS6
    except ImportError:  # pragma: no cover - the module ships with the package
        NEW_TRIO_HS6 = {}
    data = data[data["product"].isin(list(NEW_TRIO_HS6))]
    fig = go.Figure()
    if data.empty:
        _message_figure(fig, "China's HS-6 new-trio exports are not in the store: run "
                             "`indicators refresh --source comtrade` (live; UN Comtrade).")
        fig.update_layout(height=360)
        return _finish(fig, store, figure_id, "UN Comtrade HS-6 detail: not in the store", _table([]), as_of, currency,
                       [], "Live only: nothing is bundled for this series.", height=380, below_axis=10)
    fx = _Fx(store, as_of)
    rows = []
    for index, code in enumerate(sorted(data["product"].unique())):
        part = data[data["product"] == code].sort_values("period")
        items = []
        for _, r in part.iterrows():
            value, how = fx.convert(float(r["value"]), "USD", currency, r["period"])
            if value is None:
                continue
            items.append(_plot_row(r, figure_id, f"HS {code} ({NEW_TRIO_HS6[code]})", value=value if how else None,
                                   unit=currency, derivation=how))
        rows += items
        fig.add_trace(go.Bar(x=[int(i["period"]) for i in items], y=[i["value"] for i in items],
                             name=f"HS {code} ({NEW_TRIO_HS6[code]})", marker={"color": PALETTE[index % len(PALETTE)]},
                             hovertext=[_hover(i) for i in items], hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_layout(barmode="stack")
    _money_axis(fig, currency)
    fig.update_xaxes(title_text="Year", dtick=1)
    years = sorted({r["period"] for r in rows})
    title = f"UN Comtrade: China's new-trio HS-6 exports, {years[0]}–{years[-1]}" if years else "UN Comtrade HS-6"
    subtitle = ("HS 854140 before 2022 also holds LEDs: an HS-based PV series overstates PV before 2022. "
                "Values as reported by China to UN Comtrade (current USD)"
                + ("; converted at FRED AEXCHUS annual averages." if currency != "USD" else "."))
    return _finish(fig, store, figure_id, title, _table(rows), as_of, currency, [], subtitle, extra=fx.used)


# -- registry, cache, public API ---------------------------------------------------------------

FIGURES: dict[str, FigureSpec] = {
    spec.id: spec
    for spec in [
        FigureSpec("new-trio-total", "New-trio exports: total", "trade", _build_new_trio_total,
                   ("new-trio-over-one-trillion", "new-trio-growth-30-percent")),
        FigureSpec("new-trio-products", "New-trio exports by product", "trade", _build_new_trio_products),
        FigureSpec("solar-exports-monthly", "Solar exports by month and region", "trade", _build_solar_exports_monthly),
        FigureSpec("ev-exports-units", "EV exports: GACC vs CAAM units", "trade", _build_ev_exports_units,
                   ("innovations-list",)),
        FigureSpec("comtrade-hs6", "UN Comtrade HS-6 detail", "trade", _build_comtrade_hs6),
        FigureSpec("gii-rank", "GII overall rank", "innovation", _build_gii_rank, ("steady-progress-innovative-economy",)),
        FigureSpec("gii-clusters", "GII S&T clusters by edition", "innovation", _build_gii_clusters,
                   ("gii-2023-most-clusters",)),
        FigureSpec("gii-clusters-2023", "GII 2023 top clusters table", "innovation", _build_gii_clusters_2023,
                   ("gii-2023-most-clusters",)),
        FigureSpec("gii-first-indicators", "GII indicators ranked first", "innovation", _build_gii_first_indicators,
                   ("gii-2023-first-in-six-indicators",)),
        FigureSpec("wdi-context", "World Bank context: R&D and high-tech", "innovation", _build_wdi_context),
    ]
}

CLAIM_FIGURES: dict[str, str] = {}
"""Claim id -> the figure that shows its evidence (the first one listing it)."""
for _spec in FIGURES.values():
    for _claim in _spec.claim_ids:
        CLAIM_FIGURES.setdefault(_claim, _spec.id)

_CACHE = ReadCache(96)
"""Built figures, per version of the sources each one read (see indicators.store.ReadCache)."""


def cached(figure_id: str, store: Store | None = None, as_of: str | None = None, currency: str = "CNY",
           **options) -> tuple[go.Figure, pd.DataFrame]:
    """The built figure from the cache (building it on a miss). Shared object: do not modify it."""
    if figure_id not in FIGURES:
        raise KeyError(f"unknown figure id {figure_id!r}; known: {', '.join(FIGURES)}")
    currency, as_of = check_currency(currency), check_as_of(as_of)
    store = store or Store()
    return _CACHE.get(store, (figure_id, as_of, currency, tuple(sorted(options.items()))),
                      lambda: FIGURES[figure_id].builder(store, as_of=as_of, currency=currency, **options))


def build(figure_id: str, store: Store | None = None, as_of: str | None = None,
          currency: str = "CNY") -> tuple[go.Figure, pd.DataFrame]:
    """The figure and the tidy rows it plots. KeyError for an unknown id; ValueError for a bad currency/as_of."""
    fig, data = cached(figure_id, store, as_of, currency)
    return go.Figure(copy.deepcopy(fig.to_dict())), data.copy()


def clear_cache() -> None:
    _CACHE.clear()


def new_trio_total(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """2023 new-trio exports vs the derived 2022 total, the op-ed's threshold and its +30%."""
    return build("new-trio-total", store, as_of, currency)[0]


def new_trio_products(store: Store | None = None, as_of: str | None = None, currency: str = "CNY",
                      product: str | None = None) -> go.Figure:
    """Per-product export values (Li-ion, BEV, solar), each from its own publisher; `product` picks one."""
    if product is None:
        return build("new-trio-products", store, as_of, currency)[0]
    fig, _ = cached("new-trio-products", store, as_of, currency, product=product)
    return go.Figure(copy.deepcopy(fig.to_dict()))


def solar_exports_monthly(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """Ember's monthly solar exports by region: value and estimated capacity."""
    return build("solar-exports-monthly", store, as_of, currency)[0]


def ev_exports_units(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """GACC electric passenger vehicle exports vs CAAM NEV exports (different bases)."""
    return build("ev-exports-units", store, as_of, currency)[0]


def gii_rank(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """China's overall GII rank by edition, with peers, and the "steady progress" claim."""
    return build("gii-rank", store, as_of, currency)[0]


def gii_clusters(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """Top-100 S&T clusters per economy by edition, with the "most clusters" claim."""
    return build("gii-clusters", store, as_of, currency)[0]


def gii_clusters_2023(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """The GII 2023 top clusters table (ranks 1-35 as bundled)."""
    return build("gii-clusters-2023", store, as_of, currency)[0]


def gii_first_indicators(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """Counts of indicators in which China ranks first, by edition, with the op-ed's "six"."""
    return build("gii-first-indicators", store, as_of, currency)[0]


def wdi_context(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """R&D % of GDP, researchers per million and high-tech exports for China and peers (WDI)."""
    return build("wdi-context", store, as_of, currency)[0]


def comtrade_hs6(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """China's HS-6 new-trio exports from UN Comtrade, or a figure saying how to load them."""
    return build("comtrade-hs6", store, as_of, currency)[0]
