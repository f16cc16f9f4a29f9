"""Trade figures: the new trio (total, per product), Ember solar exports, EV units, UN Comtrade HS-6."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators import derive
from indicators.figures.base import *  # noqa: F403 - the shared helpers, palette and register
from indicators.figures.base import DerivationError, Store, _Rates  # noqa: F401


@register("new-trio-total", "New-trio exports: total", "trade",
          ("new-trio-over-one-trillion", "new-trio-growth-30-percent"))
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
    fx = _Rates(store, as_of)
    threshold = float(level_claim.stated.get("value_unscaled", 1e12))
    stated_growth = float(growth_claim.stated.get("value_unscaled", 30))

    if level.empty or growth.empty:
        return _new_trio_partial(store, as_of, currency, customs, fx, figure_id, claim_ids, threshold)

    level_row, growth_row = level.iloc[-1], growth.iloc[-1]
    total_cny, growth_pct = float(level_row["value"]), float(growth_row["value"])
    derived_2022 = derive.previous_level(total_cny, growth_pct, "CNY", "2023", "2022", (level_row, growth_row))
    derived_cny = derived_2022.value
    rows, notes = [], []

    fig = make_subplots(rows=1, cols=2, column_widths=[0.55, 0.45], horizontal_spacing=0.14)
    # Left: levels. 2022 is derived (no official 2022 total exists).
    derived_note = f"derived: no official 2022 total was published; {derived_2022.text}"
    value_2023, how_2023 = fx.to(total_cny, "CNY", currency, "2023")
    value_2022, how_2022 = fx.to(derived_cny, "CNY", currency, "2022")
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
    threshold_value, threshold_how = fx.to(threshold, "CNY", currency, "2023")
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
    try:
        in_usd = fx.use(fx.growth_in(growth_pct, "CNY", "USD", "2023"))
    except DerivationError as error:
        notes.append(f"No growth in US dollars: {error}.")
    else:
        usd_growth = in_usd.value
        usd_item = _plot_row(growth_row, figure_id, "growth in US dollars (converted)", value=usd_growth,
                             unit="percent", derivation=f"converted: {in_usd.text}")
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
        subtitle += " US-dollar values converted at FRED AEXCHUS annual averages (hover for each conversion)."
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
        value, how = fx.to(float(row["value"]), "CNY", currency, row["period"][:4])
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
        threshold_value, _ = fx.to(threshold, "CNY", currency, "2023")
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


@register("new-trio-products", "New-trio exports by product", "trade")
def _build_new_trio_products(store: Store, as_of: str | None = None, currency: str = "CNY", product: str | None = None):
    figure_id = "new-trio-products"
    years = ["2022", "2023"]
    fx = _Rates(store, as_of)
    customs = store.frame(source="customs", indicator=["liion_exports_value", "bev_exports_value"], as_of=as_of)
    picked: dict[str, list[tuple[pd.Series, str]]] = {}  # product -> [(row, label)]
    liion = customs[(customs["indicator"] == "liion_exports_value") & (customs["unit"] == "CNY")
                    & (customs["freq"] == "A") & customs["period"].isin(years)]
    picked["liion"] = [(r, "MIIT, in CNY") for _, r in liion.iterrows()]
    bev = customs[(customs["indicator"] == "bev_exports_value") & (customs["unit"] == "USD")
                  & (customs["freq"] == "A") & customs["period"].isin(years)]
    picked["bev"] = [(r, "Griffith Asia Institute, in USD; BEVs only") for _, r in bev.iterrows()]
    solar_rows, notes = _ember_annual(store, as_of, years)
    picked["pv"] = [(r, "Ember (GACC data), in USD") for r in solar_rows]
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
            value, how = fx.to(float(row["value"]), row["unit"], currency, row["period"])
            if value is None:
                notes.append(f"{label_base} {row['period']}: {how}, not shown.")
                continue
            summed = row.get("derivation", "") if key == "pv" else ""  # the annual total's derivation text
            item = _plot_row(row, figure_id, f"{label_base} ({source_label})", value=value, unit=currency,
                             derivation="; ".join(p for p in [summed, how] if p))
            item["x"] = label
            rows.append(item)
            by_year[row["period"]].append(item)
            values[row["period"]] = float(row["value"])
        if "2022" in values and "2023" in values:
            unit = items[0][0]["unit"]
            change = derive.growth(values["2023"], values["2022"], unit, "2023", "2022")
            growth_texts.append(f"{label_base.lower()} {change.value:+.1f}% (in {unit})")
            for item in by_year["2023"]:
                if item["product"] == items[0][0]["product"]:
                    item["growth"] = f"Growth on 2022, in {unit} as published: {change.text}"
    colors = {"2022": OKABE_ITO["sky_blue"], "2023": OKABE_ITO["blue"]}
    fig = go.Figure()
    for year in years:
        items = by_year[year]
        if not items:
            continue
        fig.add_trace(go.Bar(
            x=[i["x"] for i in items], y=[i["value"] for i in items], name=year, marker={"color": colors[year]},
            text=[QUALIFIER_MARKS.get(i["qualifier"], "") + f"{i['value'] / 1e9:,.1f} bn"
                  + ("<br>converted" if i["original_unit"] and i["original_unit"] != i["unit"] else "")
                  for i in items],
            textposition="outside", textfont={"size": 11}, cliponaxis=False, constraintext="none",
            hovertext=[_hover(i, i.get("growth", "")) for i in items], hovertemplate="%{hovertext}<extra></extra>",
        ))
    for item in rows:
        del item["x"]
        item.pop("growth", None)
    if not rows:
        _message_figure(fig, "Not in the store: no per-product new-trio export values for 2022–2023. "
                             "Loader: indicators refresh --source customs --source ember --offline")
        title = "New-trio products: no per-product values in the store"
    else:
        title = ("New-trio products, 2023 vs 2022: " + "; ".join(growth_texts)
                 if growth_texts else "New-trio products: per-product export values, "
                 + ", ".join(sorted({r["period"] for r in rows})))
    fig.update_layout(barmode="group", bargap=0.3)
    _money_axis(fig, currency)
    fig.update_xaxes(title_text="Product (publisher, currency as published)")
    subtitle = ("Each product from a different publisher and definition: they do not add up to GACC's new-trio total. "
                "GACC's EV item also covers plug-in hybrids (Griffith: BEVs only); EV units are in a separate chart. "
                f"Values shown in {currency}; “converted” marks values converted at FRED AEXCHUS annual averages "
                "(hover for the rate and period). Solar: Ember's monthly World figures summed per year, "
                "only for a year with all 12 months. "
                + " ".join(notes))
    return _finish(fig, store, figure_id, title, _table(rows), as_of, currency, [], subtitle, extra=fx.used)


def _ember_annual(store: Store, as_of: str | None, years: list[str]) -> tuple[list[pd.Series], list[str]]:
    """Ember's World solar exports (panels + cells) per year as frame-like rows, each the
    `derive.annual_total` of its months (its text in the row's `derivation`), and a note for each
    year with months missing: an incomplete year is not summed."""
    data = store.frame(source="ember", indicator="solar_exports_value", as_of=as_of)
    data = data[(data["counterpart"] == "WLD") & data["product"].isin(["pv_panels", "pv_cells"])]
    rows, notes = [], []
    for year in years:
        part = data[data["period"].str[:4] == year]
        if part.empty:
            continue
        try:
            total = derive.annual_total(part, year, "M", "Ember, World, panels + cells, not wafers")
        except DerivationError as error:
            notes.append(f"Solar {year} incomplete: {error} (as of {as_of or 'the latest data'}), not shown.")
            continue
        first = part.iloc[0].copy()
        first["period"], first["freq"], first["product"] = year, "A", "pv_panels+pv_cells"
        first["value"] = total.value
        first["released"] = part["released"].max()
        first["vintage"] = int(part["vintage"].max())
        first["note"] = ""
        first["derivation"] = total.text
        rows.append(first)
    return rows, notes


# -- solar exports, monthly --------------------------------------------------------------------


@register("solar-exports-monthly", "Solar exports by month and region", "trade")
def _build_solar_exports_monthly(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id = "solar-exports-monthly"
    data = store.frame(source="ember", indicator=["solar_exports_value", "solar_exports_capacity"], as_of=as_of)
    data = data[data["product"].isin(["pv_panels", "pv_cells"])]
    regions = data[data["counterpart"].isin([f"region:{r}" for r in SOLAR_REGIONS])]
    fx = _Rates(store, as_of)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06)
    if regions.empty:
        _message_figure(fig, "Not in the store: Ember's monthly solar exports. Loader: indicators refresh --source ember --offline")
        return _finish(fig, store, figure_id, "China's solar exports: not in the store", _table([]), as_of, currency, [])

    # Panels + cells per region and month (vectorised: about 1,500 points).
    table = (regions.groupby(["indicator", "counterpart", "period"], as_index=False)
             .agg(value=("value", "sum"), released=("released", "max"), vintage=("vintage", "max"),
                  publisher=("publisher", "first"), source_url=("source_url", "first"), read_via=("read_via", "first"), unit=("unit", "first"),
                  source=("source", "first"), dataset=("dataset", "first"), entity=("entity", "first")))
    table = table.assign(figure=figure_id, product="pv_panels+pv_cells", freq="M", qualifier="", derivation="",
                         original_value=None, original_unit="",
                         note="panels + cells (not wafers); capacity is Ember's estimate (value ÷ average price), "
                              "not a customs figure")
    region_name = table["counterpart"].str.removeprefix("region:")
    table["series"] = region_name + table["indicator"].map(
        {"solar_exports_value": " (value)", "solar_exports_capacity": " (capacity)"})
    missing_fx: list[str] = []
    if currency != "USD":  # each monthly value converted by derive.Rates at that month's FRED EXCHUS average
        is_value = table["indicator"] == "solar_exports_value"
        converted = {}
        for index, value, period in zip(table.index[is_value], table.loc[is_value, "value"],
                                        table.loc[is_value, "period"]):
            try:
                converted[index] = fx.convert(float(value), "USD", currency, period, freq="M")
            except DerivationError:
                missing_fx.append(period)
        missing_fx = sorted(set(missing_fx))
        table = table[~(is_value & ~table.index.isin(list(converted)))].copy()
        done = list(converted)
        table["original_value"] = table["original_value"].astype("object")
        table.loc[done, "original_value"] = table.loc[done, "value"]
        table.loc[done, "original_unit"] = "USD"
        table.loc[done, "derivation"] = [f"converted: {converted[i].text}" for i in done]
        table.loc[done, "value"] = [converted[i].value for i in done]
        table.loc[done, "unit"] = currency
        table["rate"] = 0.0  # the rate each conversion used (for the hover), read from its Derived
        table.loc[done, "rate"] = [float(converted[i].rows[0]["value"]) for i in done]
        used = {converted[i].rows[0]["period"]: converted[i] for i in done}
        for period in sorted(used):
            fx.use(used[period])
    table = table.sort_values(["indicator", "counterpart", "period"])
    for region_index, region in enumerate(SOLAR_REGIONS):
        color = PALETTE[region_index % len(PALETTE)]
        for panel, indicator in ((1, "solar_exports_value"), (2, "solar_exports_capacity")):
            part = table[(table["indicator"] == indicator) & (table["counterpart"] == f"region:{region}")]
            # ~1,500 points: one hover template per trace, per-point details in customdata (keeps pages light).
            unit = part["unit"].iloc[0] if len(part) else currency
            converted = part["derivation"].str.len().gt(0).any() if len(part) else False
            template = (f"<b>{region}</b>, panels + cells<br>%{{x|%Y-%m}}: %{{y:,.2f}} {unit}"
                        + ("<br>converted: %{customdata[1]:,.0f} USD × %{customdata[2]:.4f} CNY per USD "
                           "(FRED EXCHUS, %{x|%Y-%m} monthly average)" if converted else "")
                        + ("<br>capacity: Ember's estimate (value ÷ average price)" if panel == 2 else "")
                        + "<br>Source: Ember, from GACC (China Customs) monthly data"
                        + "<br>Vintage %{customdata[0]}, released %{customdata[3]}<extra></extra>")
            rates = part["rate"] if "rate" in part else part["value"] * 0
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

    # Annual World totals (panels + cells), only for years with every month (derive.annual_total): the finding.
    world = data[data["counterpart"] == "WLD"]
    annual, incomplete = {}, []
    for year in sorted(set(world["period"].str[:4])):
        try:
            annual[year] = {indicator: derive.annual_total(world[world["indicator"] == indicator], year, "M").value
                            for indicator in ("solar_exports_value", "solar_exports_capacity")}
        except DerivationError as error:
            incomplete.append(str(error))
    full_years = sorted(annual)
    title, subtitle = "China's solar exports by destination region, monthly", ""
    target = "2023" if {"2022", "2023"} <= set(full_years) else (full_years[-1] if len(full_years) >= 2 else None)
    if target:
        before = str(int(target) - 1)
        v_new, v_old = annual[target]["solar_exports_value"], annual[before]["solar_exports_value"]
        c_new, c_old = annual[target]["solar_exports_capacity"], annual[before]["solar_exports_capacity"]
        dv = derive.growth(v_new, v_old, "USD", target, before).value
        dc = derive.growth(c_new, c_old, "MW", target, before).value
        price_new, price_old = v_new / (c_new * 1e6), v_old / (c_old * 1e6)  # USD per watt (capacity in MW)
        dp = derive.growth(price_new, price_old, "USD/W", target, before).value
        if dv < 0 < dc:
            title = (f"China's solar exports in {target}: value fell {abs(dv):.1f}% while estimated capacity rose "
                     f"{dc:.0f}% — the implied price per watt fell {abs(dp):.0f}%")
        else:
            title = f"China's solar exports in {target}: value {dv:+.1f}%, estimated capacity {dc:+.0f}%"
        subtitle = (f"World, panels + cells: {before} {human(v_old, 'USD')}, {c_old / 1000:,.1f} GW (≈{price_old:.3f} USD/W) "
                    f"→ {target} {human(v_new, 'USD')}, {c_new / 1000:,.1f} GW (≈{price_new:.3f} USD/W). Value in current "
                    "USD as reported by GACC; stacked by destination region. Annual totals are sums of 12 months.")
    if incomplete:
        subtitle += " Incomplete years are not summed: " + "; ".join(incomplete) + "."
    if currency != "USD":
        subtitle += (" Values converted to CNY at FRED EXCHUS monthly averages"
                     + (f"; months without a rate are not shown ({', '.join(missing_fx)})" if missing_fx else "")
                     + ".")
    return _finish(fig, store, figure_id, title, table[FIGURE_COLUMNS], as_of, currency, [], subtitle, extra=fx.used,
                   height=760)


# -- EV export units ---------------------------------------------------------------------------


@register("ev-exports-units", "EV exports: GACC vs CAAM units", "trade", ("innovations-list",))
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
            name="GACC: “more than” (lower bound)",
            marker={"symbol": "triangle-up-open", "size": 14, "color": OKABE_ITO["blue"], "line": {"width": 2}},
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





NEW_TRIO_HS6 = {
    "870380": "ev", "870360": "ev", "870370": "ev", "850760": "liion", "854140": "pv", "854142": "pv", "854143": "pv",
}
"""HS-6 codes of the new trio -> product, as the comtrade source requests them (a copy of
`indicators.sources.comtrade.NEW_TRIO_HS6`: figures do not import source modules; a test keeps them equal)."""


@register("comtrade-hs6", "UN Comtrade HS-6 detail", "trade")
def _build_comtrade_hs6(store: Store, as_of: str | None = None, currency: str = "CNY"):
    figure_id = "comtrade-hs6"
    data = store.frame(source="comtrade", dataset="hs6_trade", indicator="exports_value", as_of=as_of)
    data = data[(data["entity"] == "CHN") & (data["counterpart"] == "WLD") & (data["freq"] == "A")]
    data = data[data["product"].isin(list(NEW_TRIO_HS6))]
    fig = go.Figure()
    if data.empty:
        _message_figure(fig, "China's HS-6 new-trio exports are not in the store: run "
                             "`indicators refresh --source comtrade` (live; UN Comtrade).")
        fig.update_layout(height=360)
        return _finish(fig, store, figure_id, "UN Comtrade HS-6 detail: not in the store", _table([]), as_of, currency,
                       [], "Live only: nothing is bundled for this series.", height=380, below_axis=10)
    fx = _Rates(store, as_of)
    rows = []
    for index, code in enumerate(sorted(data["product"].unique())):
        part = data[data["product"] == code].sort_values("period")
        items = []
        for _, r in part.iterrows():
            value, how = fx.to(float(r["value"]), "USD", currency, r["period"])
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


def yuan_against_dollar(store: Store, year: int, as_of: str | None = None) -> str:
    """One sentence on the yuan in `year` from FRED's annual averages in the store ("" without both
    years): "the yuan weakened in 2023 (7.0809 CNY per USD on average, against 6.7290 in 2022; FRED AEXCHUS)".
    The direction is `derive.currency_direction`, the one rule for it."""
    rates = derive.Rates(store, as_of)
    before, after = rates.row(str(year - 1)), rates.row(str(year))
    if before is None or after is None:
        return ""
    rate_before, rate_after = float(before["value"]), float(after["value"])
    return (f"the yuan {derive.currency_direction(rate_before, rate_after)} in {year} ({rate_after:.4f} CNY per USD "
            f"on average, against {rate_before:.4f} in {year - 1}; FRED AEXCHUS)")
