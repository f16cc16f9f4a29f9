"""A generic evidence chart for any checkable claim, built from the claim spec alone.

Where no bespoke chart serves a claim (indicators.figures), this one does: the claim's series over
time from the store (across economies for a `leader` claim), with the stated figure drawn on it:

- threshold     a horizontal line at the stated level, labelled with the comparator;
- rounded       a shaded band, value ± step/2 (the range the wording allows);
- exact, count  a marker at the stated figure in the claimed period;
- leader        bars per economy for the period, a marker on the claimed entity ("stated: rank 1");
- rank_trend    the rank over time with the claimed window shaded.

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
    if kind == "leader":
        rows = ev.rows({k: v for k, v in spec.items() if k != "entity"})
        _leader(fig, rows, claim, scale)
        x_title = "economy"
    else:
        rows = ev.rows({k: v for k, v in spec.items() if k != "period"}).sort_values("period")
        if kind == "rank_trend":
            _rank_trend(fig, rows, claim)
        else:
            _over_time(fig, rows, claim, kind, scale)
        x_title = "period"
    if rows.empty:
        fig.add_annotation(
            text=_wrap(f"No {spec.get('indicator')} data in the store for this claim"
                       + (f" (as of {as_of})" if as_of else "") + f". Loader: {claim.get('loader', 'none known')}", 70),
            xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False, font={"size": 14, "color": "#333"},
            bgcolor="#f4f4f4", bordercolor="#999", borderpad=10)
    refs = store.vintage_refs(zip(rows["source"], rows["vintage"]))
    source_line = source_text(rows, refs, as_of)
    subtitle = ""
    if result is not None:
        subtitle = f"Verdict: {result.verdict}. {result.explanation}"
    title = claim.get("claim") or claim["id"]
    if kind in ("rank_trend", "exact", "count", "leader") and unit == "rank":
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
    return fig


# -- the kinds ---------------------------------------------------------------------------------


def _hover(rows: pd.DataFrame, scale: float) -> list[str]:
    return [f"{r.entity} {r.period}: {(r.qualifier + ' ') if r.qualifier else ''}{r.value / scale:,.6g} "
            f"({r.value:,.6g} {r.unit})<br>{r.publisher}, "
            f"released {r.released}, vintage {int(r.vintage)}" for r in rows.itertuples()]


def _over_time(fig: go.Figure, rows: pd.DataFrame, claim: dict, kind: str, scale: float) -> None:
    spec, stated = claim["series"], claim["stated"]
    value = float(stated["value"])
    entity = spec.get("entity", "")
    periods = list(rows["period"])
    if len(rows):
        fig.add_trace(go.Scatter(x=periods, y=list(rows["value"] / scale), mode="lines+markers",
                                 name=f"{entity} {spec['indicator']}".strip(), line={"color": BLUE},
                                 hovertext=_hover(rows, scale), hoverinfo="text"))
        bounds = rows[rows["qualifier"] != ""]
        if len(bounds):  # "more than 1 trillion" is a bound, not a point: drawn open so it doesn't read as exact
            fig.add_trace(go.Scatter(x=list(bounds["period"]), y=list(bounds["value"] / scale), mode="markers",
                                     name="Bound, not a point (" + ", ".join(sorted(set(bounds["qualifier"]))) + ")",
                                     marker={"size": 12, "symbol": "circle-open", "color": VERMILLION,
                                             "line": {"width": 2}},
                                     hovertext=_hover(bounds, scale), hoverinfo="text"))
        claimed = rows[rows["period"] == str(spec.get("period"))]
        if len(claimed):
            fig.add_trace(go.Scatter(x=list(claimed["period"]), y=list(claimed["value"] / scale), mode="markers",
                                     name=f"Published, {spec.get('period')}",
                                     marker={"size": 13, "color": BLUE, "line": {"color": BLACK, "width": 1.5}},
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


def _leader(fig: go.Figure, rows: pd.DataFrame, claim: dict, scale: float) -> None:
    entity, stated = claim["entity"], claim["stated"]
    rows = rows.sort_values("value", ascending=False).head(15)
    if rows.empty:
        return
    colors = [VERMILLION if e == entity else GREY for e in rows["entity"]]
    fig.add_trace(go.Bar(x=list(rows["entity"]), y=list(rows["value"] / scale), marker={"color": colors},
                         name=f"{claim['series']['indicator']}, {claim['series'].get('period')}",
                         hovertext=_hover(rows, scale), hoverinfo="text"))
    mine = rows[rows["entity"] == entity]
    rank = float(stated["value"])
    y = float(mine["value"].iloc[0]) / scale if len(mine) else 0.0
    fig.add_trace(go.Scatter(x=[entity], y=[y], mode="markers+text", customdata=[rank],
                             name=f"{STATED_NAME}: {entity} rank {rank:g} ({stated.get('text', '')})",
                             marker={"symbol": "star", "size": 16, "color": BLACK}, text=[f"stated: rank {rank:g}"],
                             textposition="top center", hoverinfo="name"))


def _rank_trend(fig: go.Figure, rows: pd.DataFrame, claim: dict) -> None:
    window = claim.get("window") or {}
    if len(rows):
        fig.add_trace(go.Scatter(x=list(rows["period"]), y=list(rows["value"]), mode="lines+markers",
                                 name=f"{claim['series'].get('entity', '')} {claim['series']['indicator']}".strip(),
                                 line={"color": BLUE}, hovertext=_hover(rows, 1.0), hoverinfo="text"))
    if window:
        fig.add_vrect(x0=window["first"], x1=window["last"], fillcolor=ORANGE, opacity=0.15, line_width=0,
                      name=STATED_NAME, annotation_text=f"Claimed window: {window['first']}–{window['last']} "
                      f"({claim['stated'].get('text', '')})", annotation_position="top left")


# -- text ------------------------------------------------------------------------------------


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
