"""Innovation figures: WIPO GII (rank, clusters, indicators ranked first) and World Bank context."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators.figures.base import *  # noqa: F403 - the shared helpers, palette and register
from indicators.figures.base import Store  # noqa: F401

@register("gii-rank", "GII overall rank", "innovation", ("steady-progress-innovative-economy",))
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
    # Both notes in the empty bottom-right corner (ranks below China's recent ones), one above the
    # other (figures.responsive stacks notes anchored at the same point): they never run into each other.
    for text in (f"Shaded {first}–{last}: op-ed's “steady progress”, <b>{result.verdict}</b>",
                 "WIPO: ranks are not strictly comparable across editions"):
        fig.add_annotation(x=0.99, y=0.02, xref="paper", yref="paper", xanchor="right", yanchor="bottom",
                           showarrow=False, align="right", text=text, bgcolor="rgba(255,255,255,0.85)",
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


@register("gii-clusters", "GII S&T clusters by edition", "innovation", ("gii-2023-most-clusters",))
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


@register("gii-clusters-2023", "GII 2023 top clusters table", "innovation",
          ("gii-2023-most-clusters",))
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
    # Exactly as tall as the header and every bundled row (24 px each): static exports cannot scroll,
    # and a taller plot area would be a blank panel under the table.
    return _finish(fig, store, figure_id, title, _table(rows), as_of, None, [claim_id], subtitle,
                   below_axis=10, plot_height=24 * (len(ranks) + 1) + 40)


# -- GII: indicators ranked first --------------------------------------------------------------


@register("gii-first-indicators", "GII indicators ranked first", "innovation",
          ("gii-2023-first-in-six-indicators",))
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
        text=[f"op-ed: six<br>({result.verdict})"], textposition="top center",
        hovertemplate=wrap(f"op-ed: “ranks first in six specific indicators” (GII 2023). Verdict: {result.verdict}. "
                           f"{result.explanation}", 80) + "<extra></extra>",
    ))
    if "2023" not in set(china["period"]):
        # Level, at the foot of the empty 2023 slot: the op-ed's diamond and its label sit well above it.
        fig.add_annotation(x=2023, y=0, yanchor="bottom", text="2023: not in<br>the bundled<br>data",
                           showarrow=False, font={"size": 11, "color": "#555"})
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


@register("wdi-context", "World Bank context: R&D and high-tech", "innovation")
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
