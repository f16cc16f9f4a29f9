"""A generic evidence chart for any checkable claim, built from the claim spec alone.

Where no bespoke chart serves a claim (indicators.figures), this one does: the claim's series over
time from the store (across economies for a `leader` claim), with the stated figure drawn on it:

- threshold     a horizontal line at the stated level, labelled with the comparator;
- rounded       a shaded band, value ± step/2 (the range the wording allows);
- exact, count  a marker at the stated figure in the claimed period;
- leader        bars per economy for the period, a marker on the claimed entity ("stated: rank 1");
- rank_trend    the rank over time with the claimed window shaded.

A figure published as a bound ("more than 1 trillion", qualifier `more than`) is drawn as a bound: an
open triangle pointing the open way, labelled with its qualifier, with a one-sided stem; an
approximate one ("about") as an open circle. Only exact figures are joined by a line, so a bound next
to a published point never reads as a fall or a rise. The value axis includes zero (a level, a
percentage, a share) so a few per cent never fill the chart; a rank is drawn reversed (1 on top).
A claim stated in another currency than its series (USD against a yuan series) is drawn in the
stated currency, each point converted by `indicators.derive` with its derivation in the hover.

Values are plotted in the claim's scale units (1.06e12 yuan with `scale: 1.0e+12` is 1.06), so the
stated figure (`value`, `step`) is drawn as written in the claims file. The source line names each
publisher and where the figure was read ("read via <site>" or "read from the primary source") and
the store vintages; `layout.meta` carries the same as the bespoke figures' (id, source_line,
vintages, as_of, claim_ids). This module sits beside indicators.figures (it does not import it).
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from indicators import catalogue, derive
from indicators.claims import ClaimResult, Evidence
from indicators.frame import provenance
from indicators.store import Store

CHECKABLE = ("threshold", "rounded", "exact", "leader", "count", "rank_trend")
SCALE_WORDS = {1e12: "trillion", 1e9: "billion", 1e6: "million", 1e3: "thousand"}
BLUE, ORANGE, VERMILLION, GREY, BLACK = "#0072B2", "#E69F00", "#D55E00", "#8C8C8C", "#000000"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HEIGHT = 520
SOURCE_LINE_NAME = "source-line"
STATED_NAME = "Stated"
BOUND_NAME = "Bound, not a point"
LOWER_BOUNDS = {"more than", "over", "above", "at least", "exceeded", "exceeds", "exceeding", "more"}
UPPER_BOUNDS = {"less than", "under", "below", "at most", "nearly", "almost", "up to"}
BOUND_SYMBOLS = {"lower": "triangle-up-open", "upper": "triangle-down-open", "approximate": "circle-open"}
"""Marker of a figure published with a qualifier: a lower bound points up, an upper bound down; "about" is an open circle."""
AXIS_PAD = 0.12  # room above (and below) the data and the stated figure, as a share of the span


def bound_side(qualifier: str) -> str:
    """"exact" (no qualifier), "lower" ("more than"), "upper" ("less than") or "approximate" ("about")."""
    text = str(qualifier or "").strip().lower()
    if not text:
        return "exact"
    if text in LOWER_BOUNDS:
        return "lower"
    return "upper" if text in UPPER_BOUNDS else "approximate"


def evidence_figure(store: Store, claim: dict, result: ClaimResult | None = None, as_of: str | None = None) -> go.Figure:
    """The claim's evidence chart; a chart that says what is missing (and its loader) when the store has no rows.

    ValueError for a claim that is not checkable (opinion) or has no series."""
    kind = claim.get("check")
    if kind not in CHECKABLE or not claim.get("series"):
        raise ValueError(f"claim {claim.get('id')!r}: no evidence chart for a {kind!r} claim (nothing is measured)")
    ev = Evidence(store, as_of)
    spec = dict(claim["series"])
    stated = claim.get("stated") or {}
    scale = float(stated.get("scale") or 1)
    unit = spec.get("unit") or stated.get("unit") or ""
    fig = go.Figure()
    unit_note, rate_rows = "", []
    if kind == "leader":
        rows = ev.rows({k: v for k, v in spec.items() if k != "entity"})  # the stated figure is a rank: no conversion
        _leader(fig, rows, claim, scale)
        x_title = "Economy"
    else:
        rows = ev.rows({k: v for k, v in spec.items() if k != "period"}).sort_values("period")
        rows, unit, unit_note, rate_rows = in_stated_unit(rows, stated.get("unit") or "", unit, store, as_of)
        if kind == "rank_trend":
            _rank_trend(fig, rows, claim)
        else:
            _over_time(fig, rows, claim, kind, scale)
        x_title = catalogue.period_axis(spec.get("freq"))
    if rows.empty:
        fig.add_annotation(
            text=_wrap(f"The store holds no {series_name(spec)} for this claim"
                       + (f" published by {as_of}" if as_of else "") + ".", 70),
            xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False, font={"size": 14, "color": "#333"},
            bgcolor="#f4f4f4", bordercolor="#999", borderpad=10)
    refs = store.vintage_refs([*zip(rows["source"], rows["vintage"]), *((r["source"], r["vintage"]) for r in rate_rows)])
    named = rows[["publisher", "read_via"]]
    if rate_rows:  # the rates a conversion used are sources too: "FRED AEXCHUS, read via …"
        named = pd.concat([named, pd.DataFrame([{"publisher": f"{derive.RATE_PUBLISHER} {r['indicator']}",
                                                 "read_via": r.get("read_via", "") or ""} for r in rate_rows])
                           .drop_duplicates()])
    source_line = source_text(named, refs, as_of)
    subtitle = ""
    if result is not None:
        subtitle = f"Verdict: {result.verdict}. {result.explanation}"
    if unit_note:
        subtitle = f"{subtitle} {unit_note}".strip()
    title = claim.get("claim") or claim["id"]
    is_rank = derive.kind_of(unit) == "rank" or kind == "rank_trend"
    if is_rank and kind in ("rank_trend", "exact", "count", "leader", "rounded", "threshold"):
        fig.update_yaxes(autorange="reversed")
    y_title = axis_title(unit, scale)
    fig.update_layout(
        template="plotly_white", height=HEIGHT, font={"family": FONT, "size": 13, "color": "#222"},
        title={"text": _wrap(title, 80), "x": 0.01, "xanchor": "left",
               "subtitle": {"text": _wrap(subtitle, 120), "font": {"size": 12, "color": "#444"}}},
        margin={"t": 110 if subtitle else 70, "b": 110, "l": 80, "r": 30},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        xaxis={"title": {"text": x_title}, "type": "category"},
        yaxis={"title": {"text": y_title}},
        meta={"id": f"evidence-{claim['id']}", "source_line": source_line, "vintages": refs, "as_of": as_of,
              "currency": unit if unit in ("CNY", "USD") else None, "claim_ids": [claim["id"]],
              "stated": stated.get("value"), "scale": scale, "check": kind},
    )
    fig.add_annotation(name=SOURCE_LINE_NAME, text=_wrap(source_line, 150), xref="paper", yref="paper", x=0, y=-0.22,
                       xanchor="left", yanchor="top", showarrow=False, align="left", font={"size": 10, "color": "#555"})
    if not is_rank:
        _axis_with_zero(fig, rows, claim, kind, scale)
    return fig


def in_stated_unit(rows: pd.DataFrame, stated_unit: str, series_unit: str, store: Store,
                   as_of: str | None) -> tuple[pd.DataFrame, str, str, list[pd.Series]]:
    """The rows in the claim's stated currency when it differs from the series' (derive.Rates, each
    row's derivation kept in `derivation`), the unit drawn, a note for the subtitle ("" when none)
    and the rate rows the conversions used (for the source line)."""
    rows = rows.assign(derivation="")
    if not stated_unit or not series_unit or stated_unit == series_unit or rows.empty:
        return rows, series_unit, "", []
    try:
        how = derive.check_units(stated_unit, series_unit)
    except derive.DerivationError as error:
        return rows, series_unit, f"Drawn in {series_unit} as published: {error}.", []
    if how == "rescale":  # MW rows for a GW figure: drawn in the figure's unit
        rows = rows.assign(value=[derive.rescale(float(v), series_unit, stated_unit) for v in rows["value"]],
                           unit=stated_unit)
        return rows, stated_unit, f"The series is in {series_unit}; drawn in {stated_unit} as stated.", []
    if how != "convert":
        return rows, series_unit, "", []
    rates = derive.Rates(store, as_of)
    values, texts, keep, used = [], [], [], {}
    for index, row in rows.iterrows():
        freq = "M" if row["freq"] == "M" else "A"
        period = str(row["period"]) if freq == "M" else str(row["period"])[:4]
        try:
            converted = rates.convert(float(row["value"]), row["unit"], stated_unit, period, freq)
        except derive.DerivationError:
            continue
        keep.append(index)
        used.update({(r["indicator"], str(r["period"])): r for r in converted.rows})
        values.append(converted.value)
        texts.append(f"converted: {converted.text}")
    dropped = len(rows) - len(keep)
    rows = rows.loc[keep].assign(value=values, unit=stated_unit, derivation=texts)
    note = (f"The series is in {series_unit}; drawn in {stated_unit} as stated, converted at "
            f"{derive.RATE_PUBLISHER} average rates (hover for each)"
            + (f"; {dropped} point(s) without a rate not drawn" if dropped else "") + ".")
    return rows, stated_unit, note, [used[k] for k in sorted(used)]


def _axis_with_zero(fig: go.Figure, rows: pd.DataFrame, claim: dict, kind: str, scale: float) -> None:
    """A value axis that holds zero, the data and the stated figure (and its band): a level is seen
    in proportion, never in a narrow window that makes a few per cent look like a collapse."""
    stated = claim.get("stated") or {}
    values = [float(v) / scale for v in rows["value"]] if len(rows) else []
    if stated.get("value") is not None and kind != "leader":
        value = float(stated["value"])
        half = float(claim.get("step") or 0) / 2 if kind == "rounded" else 0.0
        values += [value - half, value + half]
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    fig.update_yaxes(range=[low - AXIS_PAD * span if low < 0 else 0.0, high + AXIS_PAD * span if high > 0 else 0.0],
                     zeroline=True, zerolinecolor="#999")


# -- the kinds ---------------------------------------------------------------------------------


def _hover(rows: pd.DataFrame, scale: float) -> list[str]:
    """Per point: the figure (with its qualifier), how it was derived if it was, the publisher and vintage."""
    derivations = rows["derivation"] if "derivation" in rows else [""] * len(rows)
    return [f"{catalogue.economy_name(r.entity)} {r.period}: {(r.qualifier + ' ') if r.qualifier else ''}"
            f"{r.value / scale:,.6g} ({derive.human(r.value, r.unit)})" + (f"<br><i>{_wrap(how, 90)}</i>" if how else "")
            + (f"<br>published as “{r.qualifier}”: a bound, not an exact figure"
               if bound_side(r.qualifier) in ("lower", "upper") else "")
            + f"<br>{r.publisher}, released {r.released}, vintage {int(r.vintage)}"
            for r, how in zip(rows.itertuples(), derivations)]


def _over_time(fig: go.Figure, rows: pd.DataFrame, claim: dict, kind: str, scale: float) -> None:
    spec, stated = claim["series"], claim["stated"]
    value = float(stated["value"])
    entity = spec.get("entity", "")
    periods = list(rows["period"])
    if len(rows):
        sides = rows["qualifier"].map(bound_side)
        exact = rows[sides == "exact"]
        if len(exact):  # exact figures only: a line never joins a bound or an approximate figure
            fig.add_trace(go.Scatter(x=list(exact["period"]), y=list(exact["value"] / scale), mode="lines+markers",
                                     name=series_name(spec, entity), line={"color": BLUE},
                                     hovertext=_hover(exact, scale), hoverinfo="text"))
        bounds = rows[sides != "exact"]
        if len(bounds):  # "more than 1 trillion" is a bound, not a point: an open marker pointing the open way
            _bounds(fig, bounds, sides[sides != "exact"], scale)
        claimed = rows[rows["period"] == str(spec.get("period"))]
        if len(claimed):
            side = bound_side(claimed["qualifier"].iloc[-1])
            fig.add_trace(go.Scatter(x=list(claimed["period"]), y=list(claimed["value"] / scale), mode="markers",
                                     name=f"Published, {spec.get('period')}"
                                          + (f" (“{claimed['qualifier'].iloc[-1]}”, a bound)" if side != "exact" else ""),
                                     marker={"size": 13, "color": BLUE, "line": {"color": BLACK, "width": 1.5},
                                             "symbol": BOUND_SYMBOLS.get(side, "circle")},
                                     hovertext=_hover(claimed, scale), hoverinfo="text"))
    text = stated.get("text", "")
    if kind == "threshold":
        fig.add_hline(y=value, line={"color": VERMILLION, "dash": "dash", "width": 2}, name=STATED_NAME,
                      annotation_text=f"Stated: {stated['comparator']} {value:g} ({text})",
                      annotation_position="top left")
    elif kind == "rounded":
        half = float(claim["step"]) / 2
        fig.add_hrect(y0=value - half, y1=value + half, fillcolor=ORANGE, opacity=0.3, line_width=0,
                      name=STATED_NAME, annotation_text=f"Stated: {value:g} ± {half:g} ({text})",
                      annotation_position="top left")
        fig.add_hline(y=value, line={"color": ORANGE, "width": 1}, name=f"{STATED_NAME} value")
    else:  # exact, count: a marker at the stated figure in the claimed period
        period = str(spec.get("period") or (periods[-1] if periods else ""))
        fig.add_trace(go.Scatter(x=[period], y=[value], mode="markers+text", name=f"{STATED_NAME}: {value:g} ({text})",
                                 marker={"symbol": "x", "size": 14, "color": VERMILLION}, text=[f"stated {value:g}"],
                                 textposition="middle right", customdata=[value], hoverinfo="name"))
        if periods and period not in periods:
            fig.update_xaxes(categoryorder="array", categoryarray=sorted(set(periods) | {period}))


def _bounds(fig: go.Figure, bounds: pd.DataFrame, sides: pd.Series, scale: float) -> None:
    """Figures published with a qualifier, markers only (never a line): a lower bound is an open
    triangle pointing up with a stem up (the side the true figure lies on), an upper bound points
    down, an approximate figure is an open circle; each labelled with its qualifier."""
    values = list(bounds["value"] / scale)
    stem = [0.08 * abs(v) for v in values]
    up = [s if side == "lower" else 0.0 for s, side in zip(stem, sides)]
    down = [s if side == "upper" else 0.0 for s, side in zip(stem, sides)]
    fig.add_trace(go.Scatter(
        x=list(bounds["period"]), y=values, mode="markers+text",
        name=f"{BOUND_NAME}: published as " + ", ".join(f"“{q}”" for q in sorted(set(bounds["qualifier"]))),
        marker={"size": 14, "symbol": [BOUND_SYMBOLS[side] for side in sides], "color": VERMILLION,
                "line": {"width": 2}},
        error_y={"type": "data", "symmetric": False, "array": up, "arrayminus": down, "color": VERMILLION,
                 "thickness": 1.5, "width": 0},
        text=[f"{q} {v:,.4g}" for q, v in zip(bounds["qualifier"], values)],
        textposition=["bottom center" if side == "lower" else "top center" for side in sides],
        textfont={"color": VERMILLION, "size": 12}, cliponaxis=False,
        hovertext=_hover(bounds, scale), hoverinfo="text"))


def _leader(fig: go.Figure, rows: pd.DataFrame, claim: dict, scale: float) -> None:
    entity, stated = claim["entity"], claim["stated"]
    rows = rows.sort_values("value", ascending=False).head(15)
    if rows.empty:
        return
    colors = [VERMILLION if e == entity else GREY for e in rows["entity"]]
    fig.add_trace(go.Bar(x=[catalogue.economy_name(e) for e in rows["entity"]], y=list(rows["value"] / scale),
                         marker={"color": colors},
                         name=f"{series_name(claim['series'])}, {claim['series'].get('period')}",
                         hovertext=_hover(rows, scale), hoverinfo="text"))
    mine = rows[rows["entity"] == entity]
    rank = float(stated["value"])
    y = float(mine["value"].iloc[0]) / scale if len(mine) else 0.0
    fig.add_trace(go.Scatter(x=[catalogue.economy_name(entity)], y=[y], mode="markers+text", customdata=[rank],
                             name=f"{STATED_NAME}: {catalogue.economy_name(entity)} rank {rank:g} ({stated.get('text', '')})",
                             marker={"symbol": "star", "size": 16, "color": BLACK}, text=[f"stated: rank {rank:g}"],
                             textposition="top center", hoverinfo="name"))


def _rank_trend(fig: go.Figure, rows: pd.DataFrame, claim: dict) -> None:
    window = claim.get("window") or {}
    if len(rows):
        fig.add_trace(go.Scatter(x=list(rows["period"]), y=list(rows["value"]), mode="lines+markers",
                                 name=series_name(claim["series"], claim["series"].get("entity", "")),
                                 line={"color": BLUE}, hovertext=_hover(rows, 1.0), hoverinfo="text"))
    if window:
        fig.add_vrect(x0=window["first"], x1=window["last"], fillcolor=ORANGE, opacity=0.15, line_width=0,
                      name=STATED_NAME, annotation_text=f"Claimed window: {window['first']}–{window['last']} "
                      f"({claim['stated'].get('text', '')})", annotation_position="top left")


# -- text ------------------------------------------------------------------------------------


def series_name(spec: dict, entity: str = "") -> str:
    """A claim's series as people name it ("China: Patent applications, residents"), from the catalogue
    (the indicator code when no source.yaml describes it)."""
    described = catalogue.describe(spec.get("source", ""), spec.get("indicator", ""), spec.get("product") or None,
                                   spec.get("unit"))
    name = described.name if described else spec.get("indicator", "")
    return f"{catalogue.economy_name(entity)}: {name}" if entity else name


def axis_title(unit: str, scale: float) -> str:
    word = SCALE_WORDS.get(scale)
    return f"{unit} ({word})" if word else unit


def source_text(rows: pd.DataFrame, refs: list[dict], as_of: str | None) -> str:
    """"Source: <publisher> (read via <site> | read from the primary source). Vintages: … As of: …"."""
    publishers = list(dict.fromkeys(provenance(p, v) for p, v in zip(rows["publisher"], rows["read_via"].fillna(""))))
    by_source: dict[str, list[str]] = {}
    for ref in refs:
        by_source.setdefault(ref["source"], []).append(str(ref["vintage"]))
    vintages = ", ".join(f"{s} {'+'.join(v)}" for s, v in by_source.items()) or "none"
    when = f"data published by {as_of}" if as_of else "latest data in the store"
    return f"Source: {'; '.join(publishers) or 'no data'}. Vintages: {vintages}. As of: {when}."


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) if text else ""
