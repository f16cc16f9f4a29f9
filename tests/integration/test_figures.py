"""The figure builders, on the bundled snapshot: the plotted numbers are the published ones, every
figure carries its title, source line and vintages, and the CNY/USD switch converts at FRED's rates."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from indicators import figures, frame

META_KEYS = {"id", "source_line", "vintages", "as_of", "currency", "claim_ids"}


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("figures")


@pytest.fixture(scope="module")
def aexchus(store):
    rates = store.frame(source="fx", indicator="AEXCHUS")
    return dict(zip(rates["period"], rates["value"]))


def trace(fig: go.Figure, name_part: str):
    found = [t for t in fig.data if name_part in (t.name or "")]
    assert found, f"no trace named like {name_part!r}: {[t.name for t in fig.data]}"
    return found[0]


def point(fig: go.Figure, trace_name: str, x):
    t = trace(fig, trace_name)
    return dict(zip(list(t.x), list(t.y)))[x]


# -- every figure ----------------------------------------------------------------------------


@pytest.mark.parametrize("figure_id", list(figures.FIGURES))
@pytest.mark.parametrize("currency", ["CNY", "USD"])
def test_every_figure_builds_with_title_source_line_and_meta(store, figure_id, currency):
    fig, rows = figures.build(figure_id, store=store, currency=currency)
    meta = fig.layout.meta
    assert META_KEYS <= set(meta)
    assert meta["id"] == figure_id and meta["as_of"] is None
    assert meta["source_line"].startswith("Source: ") and "Vintages:" in meta["source_line"]
    assert fig.layout.title.text
    source_notes = [a for a in fig.layout.annotations if a.name == figures.SOURCE_LINE_NAME]
    assert len(source_notes) == 1 and "Vintages:" in source_notes[0].text
    assert {"source", "publisher", "vintage", "released", "value", "unit"} <= set(rows.columns)
    if figure_id == "comtrade-hs6":
        assert rows.empty  # nothing bundled for it
        return
    assert len(rows) > 0 and len(fig.data) > 0
    assert set(rows["vintage"]) <= {v["vintage"] for v in meta["vintages"]}
    assert rows["publisher"].str.len().gt(0).all()
    assert rows["released"].str.match(frame.DATE.pattern).all()
    for t in fig.data:
        if t.type in ("bar", "scatter") and t.hovertemplate:
            assert "Source:" in t.hovertemplate or "%{hovertext}" in t.hovertemplate or "op-ed" in t.hovertemplate


def test_palette_is_okabe_ito():
    assert set(figures.PALETTE) == set(figures.OKABE_ITO.values())
    assert set(figures.VERDICT_COLORS.values()) <= set(figures.OKABE_ITO.values()) | {figures.GREY}


def test_build_rejects_an_unknown_id_a_bad_currency_and_a_bad_date(store):
    with pytest.raises(KeyError, match="unknown figure id"):
        figures.build("no-such-figure", store=store)
    with pytest.raises(ValueError, match="CNY or USD"):
        figures.build("new-trio-total", store=store, currency="EUR")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        figures.build("new-trio-total", store=store, as_of="March 2024")


# -- new trio ----------------------------------------------------------------------------------


def test_new_trio_total_plots_the_gacc_total_the_derived_2022_and_the_claims(store):
    fig, rows = figures.build("new-trio-total", store=store)
    assert point(fig, "2023 total (GACC", "2023 total<br>(GACC)") == 1.06e12
    derived = point(fig, "2022 total (derived", "2022 total<br>(derived)")
    assert derived == pytest.approx(1.06e12 / 1.299)
    assert "derived" in rows.loc[rows["period"] == "2022", "derivation"].iloc[0]
    growth = dict(zip(*[list(v) for v in (trace(fig, "observed growth").x, trace(fig, "observed growth").y)]))
    assert growth["observed,<br>in yuan (GACC)"] == 29.9
    assert trace(fig, "30-percent").y[0] == 30
    assert [s.y0 for s in fig.layout.shapes if s.type == "line"] == [1e12]  # the op-ed's threshold
    title = fig.layout.title.text.replace("<br>", " ")
    assert "1.06 trillion yuan in 2023 (+29.9%)" in title and "above" in title
    assert fig.layout.meta["claim_ids"] == ["new-trio-over-one-trillion", "new-trio-growth-30-percent"]


def test_new_trio_total_in_usd_converts_at_fred_annual_averages(store, aexchus):
    fig, rows = figures.build("new-trio-total", store=store, currency="USD")
    assert aexchus["2023"] == pytest.approx(7.0809)
    usd_2023 = point(fig, "2023 total (GACC", "2023 total<br>(GACC)")
    assert usd_2023 == pytest.approx(1.06e12 / aexchus["2023"])
    assert point(fig, "2022 total (derived", "2022 total<br>(derived)") == pytest.approx(1.06e12 / 1.299 / aexchus["2022"])
    threshold = [s.y0 for s in fig.layout.shapes if s.type == "line"]
    assert threshold == [pytest.approx(1e12 / aexchus["2023"])]  # the yuan threshold, converted
    usd_growth = trace(fig, "observed growth").y[1]
    assert usd_growth == pytest.approx((1.299 * aexchus["2022"] / aexchus["2023"] - 1) * 100)
    assert usd_growth < 29.9  # the yuan weakened in 2023
    assert rows.loc[rows["period"] == "2023", "unit"].iloc[0] == "USD"
    assert "converted" in rows.loc[rows["period"] == "2023", "derivation"].iloc[0]
    assert "FRED AEXCHUS" in fig.layout.meta["source_line"]
    assert fig.layout.meta["currency"] == "USD"


def test_new_trio_total_before_gacc_published_says_so(store):
    fig, rows = figures.build("new-trio-total", store=store, as_of="2023-12-31")
    title = fig.layout.title.text.replace("<br>", " ")
    assert "not yet published as of 2023-12-31" in title and "2024-01-12" in title
    assert "2023" not in set(rows.loc[rows["freq"] == "A", "period"])
    assert fig.layout.meta["as_of"] == "2023-12-31"


def test_new_trio_products_label_each_source_and_mark_conversions(store, aexchus):
    cny, cny_rows = figures.build("new-trio-products", store=store, currency="CNY")
    usd, usd_rows = figures.build("new-trio-products", store=store, currency="USD")

    def value(rows, product, year):
        return rows[(rows["product"] == product) & (rows["period"] == year)].iloc[0]

    liion = value(cny_rows, "liion", "2023")
    assert liion["value"] == 457.4e9 and liion["derivation"] == "" and "MIIT" in liion["publisher"]
    assert value(usd_rows, "liion", "2023")["value"] == pytest.approx(457.4e9 / aexchus["2023"])
    bev = value(cny_rows, "bev", "2023")
    assert bev["value"] == pytest.approx(34e9 * aexchus["2023"]) and bev["derivation"].startswith("converted")
    assert value(usd_rows, "bev", "2023")["value"] == 34e9
    solar = value(usd_rows, "pv_panels+pv_cells", "2023")
    assert solar["value"] == pytest.approx(43.69e9, rel=1e-3)  # Ember panels + cells, World
    assert "Ember" in solar["publisher"]
    labels = {str(x) for t in cny.data for x in t.x}
    assert any("MIIT" in label for label in labels) and any("Griffith" in label for label in labels)
    assert "converted" in " ".join(str(x) for t in cny.data for x in t.text)
    hover_2023 = " ".join(trace(cny, "2023").hovertext).replace("<br>", " ")
    assert "Growth on 2022, in CNY as published: 457.4 billion CNY in 2023 vs" in hover_2023  # derive.growth's text
    assert "growth" not in cny_rows.columns


def test_new_trio_products_can_show_one_product(store):
    fig = figures.new_trio_products(store=store, product="liion")
    assert all("Lithium-ion" in str(x) for t in fig.data for x in t.x)
    with pytest.raises(ValueError):
        figures.new_trio_products(store=store, product="wafers")


def test_solar_monthly_regions_add_up_to_the_world_and_show_the_price_collapse(store):
    fig, rows = figures.build("solar-exports-monthly", store=store, currency="USD")
    value_2023 = rows[(rows["indicator"] == "solar_exports_value") & rows["period"].str.startswith("2023")]
    assert value_2023["value"].sum() == pytest.approx(43.69e9, rel=1e-3)
    capacity = rows[rows["indicator"] == "solar_exports_capacity"]
    assert set(capacity["unit"]) == {"MW"} and len(capacity) > 0
    title = fig.layout.title.text.replace("<br>", " ")
    assert "value fell 5.7%" in title and "capacity rose 37%" in title
    assert "46.33 billion USD" in fig.layout.title.subtitle.text.replace("<br>", " ")
    assert len(fig.data) == 2 * len(figures.SOLAR_REGIONS)


def test_solar_monthly_in_cny_uses_monthly_rates(store):
    _, usd = figures.build("solar-exports-monthly", store=store, currency="USD")
    _, cny = figures.build("solar-exports-monthly", store=store, currency="CNY")
    rates = store.frame(source="fx", indicator="EXCHUS").set_index("period")["value"]
    key = (cny["indicator"] == "solar_exports_value") & (cny["period"] == "2023-07") & (cny["counterpart"] == "region:Europe")
    usd_key = (usd["indicator"] == "solar_exports_value") & (usd["period"] == "2023-07") & (usd["counterpart"] == "region:Europe")
    assert cny.loc[key, "value"].iloc[0] == pytest.approx(usd.loc[usd_key, "value"].iloc[0] * rates["2023-07"])
    assert cny.loc[key, "unit"].iloc[0] == "CNY"


def test_ev_units_keep_gacc_and_caam_apart(store):
    fig, rows = figures.build("ev-exports-units", store=store)
    assert point(fig, "GACC (customs)", 2023) == 1.773e6
    assert point(fig, "CAAM", 2023) == 1.203e6
    assert set(rows["source"]) == {"customs", "caam"}
    assert "never added" in fig.layout.title.text.replace("<br>", " ")
    assert fig.layout.barmode == "group"  # side by side, not stacked


# -- innovation --------------------------------------------------------------------------------


def test_gii_rank_is_reversed_with_the_caveat_and_the_claim(store):
    fig, _ = figures.build("gii-rank", store=store)
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # rank 1 on top
    assert point(fig, "China", 2023) == 12 and point(fig, "China", 2013) == 35
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "not strictly comparable across editions" in notes
    assert "steady progress" in notes and "supported" in notes
    assert len(fig.data) > 1  # peers


def test_gii_clusters_2023_china_24_united_states_21(store):
    fig, _ = figures.build("gii-clusters", store=store)
    assert point(fig, "China", 2023) == 24 and point(fig, "United States", 2023) == 21
    assert "24" in fig.layout.title.text and "21" in fig.layout.title.text
    assert any("most clusters" in a.text for a in fig.layout.annotations)


def test_gii_clusters_2023_table_has_the_bundled_ranks(store):
    fig, rows = figures.build("gii-clusters-2023", store=store)
    table = fig.data[0]
    assert table.type == "table"
    assert list(table.cells.values[0])[:3] == ["1", "2", "3"] and len(table.cells.values[0]) == 35
    assert table.cells.values[1][0] == "Tokyo–Yokohama"
    assert "36–100 are not bundled" in fig.layout.title.subtitle.text.replace("<br>", " ")


def test_gii_first_indicators_2023_is_not_in_the_bundled_data(store):
    fig, rows = figures.build("gii-first-indicators", store=store)
    bars = trace(fig, "China")
    assert dict(zip(bars.x, bars.y)) == {2021: 9, 2022: 9, 2024: 8}
    assert trace(fig, "op-ed").y[0] == 6
    assert any("2023: not in the bundled data" in a.text.replace("<br>", " ") for a in fig.layout.annotations)
    assert "not in the bundled data" in fig.layout.title.text.replace("<br>", " ")


def test_wdi_context_shows_china_and_peers_and_the_high_tech_revision(store):
    fig, rows = figures.build("wdi-context", store=store)
    china = rows[(rows["entity"] == "CHN") & (rows["indicator"] == "TX.VAL.TECH.CD") & (rows["period"] == "2022")]
    assert sorted(round(v / 1e8) / 10 for v in china["value"]) == [769.7, 924.4]
    assert {"USA", "DEU", "JPN", "KOR"} <= set(rows["entity"])
    assert {"GB.XPD.RSDV.GD.ZS", "SP.POP.SCIE.RD.P6", "TX.VAL.TECH.CD"} <= set(rows["indicator"])
    assert "769.7 to 924.4" in fig.layout.title.text.replace("<br>", " ")
    assert any("earlier release" in (t.name or "") or "older" in (t.name or "") for t in fig.data)


def test_comtrade_figure_says_how_to_load_the_missing_series(store):
    fig, rows = figures.build("comtrade-hs6", store=store)
    assert rows.empty and len(fig.data) == 0
    assert any("indicators refresh --source comtrade" in a.text.replace("<br>", " ") for a in fig.layout.annotations)


# -- cache and notebooks -----------------------------------------------------------------------


def test_a_new_vintage_is_seen_without_clearing_the_cache(snapshot_copy):
    store = snapshot_copy("figures-new-vintage")
    before, _ = figures.build("ev-exports-units", store=store)
    assert point(before, "GACC (customs)", 2023) == 1.773e6
    revised = store.frame(source="customs")
    revised = revised[revised["indicator"] == "ev_passenger_exports_units"].copy()
    revised.loc[revised["period"] == "2023", "value"] = 1.8e6
    revised.loc[revised["period"] == "2023", "released"] = "2024-06-30"
    store.write_vintage("customs", revised[frame.COLUMNS])
    after, rows = figures.build("ev-exports-units", store=store)
    assert point(after, "GACC (customs)", 2023) == 1.8e6
    assert max(v["vintage"] for v in after.layout.meta["vintages"]) == store.generation()


def test_build_returns_a_copy_the_cache_is_not_modified(store):
    fig, rows = figures.build("gii-rank", store=store)
    fig.data[0].y = [1, 1, 1]
    rows.loc[:, "value"] = 0
    again, again_rows = figures.build("gii-rank", store=store)
    assert list(again.data[0].y) != [1, 1, 1] and again_rows["value"].max() > 0


def test_notebook_functions_return_figures(store):
    for name in ["new_trio_total", "new_trio_products", "solar_exports_monthly", "ev_exports_units", "gii_rank",
                 "gii_clusters", "gii_clusters_2023", "gii_first_indicators", "wdi_context", "comtrade_hs6"]:
        fig = getattr(figures, name)(store=store)
        assert isinstance(fig, go.Figure) and fig.layout.meta["id"] == name.replace("_", "-")


def test_every_figure_has_a_page_and_serves_claims_of_the_default_article():
    """Bespoke figures are optional (the generic evidence chart covers any claim, tests/integration/test_evidence.py);
    those registered sit on a page and name claims that exist in the default article."""
    assert {spec.page for spec in figures.FIGURES.values()} == {"trade", "innovation"}
    from indicators import claims

    known = {c["id"] for c in claims.load_claims()["claims"]}
    assert set(figures.CLAIM_FIGURES) <= known


def test_reloading_the_same_world_bank_releases_does_not_duplicate_lines(snapshot_copy):
    from indicators.refresh import refresh

    store = snapshot_copy("figures-wdi-reload")
    before, _ = figures.build("wdi-context", store=store)
    refresh(["worldbank"], offline=True, store=store, check_claims=False)
    after, _ = figures.build("wdi-context", store=store)
    assert [t.name for t in after.data] == [t.name for t in before.data]
    assert [list(t.y) for t in after.data] == [list(t.y) for t in before.data]


def test_figures_do_not_import_source_modules_and_keep_the_hs6_codes_equal():
    """Figures sit above the store: their copy of the HS-6 codes must equal what the comtrade source requests."""
    import ast
    from pathlib import Path

    from indicators.sources import comtrade

    package = Path(figures.__file__).parent
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [n for n in names if n.startswith("indicators.sources")], module.name
    assert figures.NEW_TRIO_HS6 == comtrade.NEW_TRIO_HS6


def test_register_declares_each_figure_once_with_its_claims():
    from indicators.figures import base

    assert figures.FIGURES is base.REGISTRY
    with pytest.raises(ValueError, match="registered twice"):
        base.register("gii-rank", "again", "innovation")(lambda store, **kw: None)
    assert figures.FIGURES["new-trio-total"].claim_ids == ("new-trio-over-one-trillion", "new-trio-growth-30-percent")


def test_source_line_and_rows_name_where_a_figure_was_read(store):
    """A figure read from a secondary site says so ("WIPO ..., read via natlawreview.com"); one read
    from the publisher says that too ("... (read from the primary source)")."""
    seen = set()
    for figure_id in ["gii-clusters", "gii-rank", "new-trio-total", "solar-exports-monthly", "wdi-context"]:
        fig, rows = figures.build(figure_id, store=store)
        assert "read_via" in rows.columns
        for publisher, via in set(zip(rows["publisher"], rows["read_via"])):
            expected = f"{publisher}, read via {via}" if via else f"{publisher} (read from the primary source)"
            assert expected in fig.layout.meta["source_line"] or "more (see the data table)" in fig.layout.meta["source_line"]
            seen.add(bool(via))
    assert seen == {True, False}  # both kinds are shown somewhere
    fig, _ = figures.build("new-trio-total", store=store, currency="USD")  # the FX rates used say where they were read
    fx_rows = store.frame(source="fx", indicator="AEXCHUS")
    assert f"FRED AEXCHUS, read via {fx_rows['read_via'].iloc[0]}" in fig.layout.meta["source_line"]


# -- one derivation layer ----------------------------------------------------------------------


def test_a_converted_value_says_in_its_hover_which_rate_series_and_period(store, aexchus):
    fig, rows = figures.build("new-trio-total", store=store, currency="USD")
    bar = trace(fig, "2023 total (GACC")
    hover = bar.hovertext[0].replace("<br>", " ")
    assert "FRED AEXCHUS, 2023 average" in hover and f"{aexchus['2023']:.4f} CNY per USD" in hover
    derived = trace(fig, "2022 total (derived").hovertext[0].replace("<br>", " ")
    assert "÷ (1 + 29.9%)" in derived and "FRED AEXCHUS, 2022 average" in derived
    growth = trace(fig, "observed growth").hovertext[1].replace("<br>", " ")
    assert "weakened" in growth and "AEXCHUS" in growth  # derive.Rates.growth_in's text
    subtitle = fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "GACC's own" not in subtitle  # no GACC dollar figure is in the store to back such a phrase
    cny, _ = figures.build("solar-exports-monthly", store=store, currency="CNY")
    assert all("FRED EXCHUS, %{x|%Y-%m} monthly average" in t.hovertemplate for t in cny.data if t.yaxis == "y")


def test_an_incomplete_ember_year_is_not_summed_and_the_chart_says_which(store):
    fig, rows = figures.build("new-trio-products", store=store, currency="USD", as_of="2023-08-15")
    solar = rows[rows["product"] == "pv_panels+pv_cells"]
    assert list(solar["period"]) == ["2022"]  # 2023 had months missing on 2023-08-15: not summed
    assert solar["derivation"].iloc[0].startswith("sum of 24 monthly figures for 2022")
    subtitle = fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "Solar 2023 incomplete" in subtitle and "2023-08" in subtitle and "no annual total" in subtitle
    monthly, _ = figures.build("solar-exports-monthly", store=store, currency="USD", as_of="2023-08-15")
    assert "in 2022" in monthly.layout.title.text and "in 2023" not in monthly.layout.title.text
    said = monthly.layout.title.subtitle.text.replace("<br>", " ")
    assert "Incomplete years are not summed" in said and "periods of 2023 missing" in said


def test_figures_and_evidence_compute_no_derivation_of_their_own():
    """Conversions, growth, annual totals: only indicators.derive computes them (issue 19 item 2)."""
    import re
    from pathlib import Path

    from indicators import evidence

    sources = [*Path(figures.__file__).parent.glob("*.py"), Path(evidence.__file__)]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for pattern in [r"\bpct_change\b", r"\b_Fx\b", r"/ ?rate\b", r"\* ?rate\b", r"AEXCHUS\"\]\)?\s*\.get",
                        r"1 \+ growth_pct / 100"]:
            assert not re.search(pattern, text), (path.name, pattern)


# -- layout per width (figures.responsive) ----------------------------------------------------------


@pytest.mark.parametrize("figure_id", list(figures.FIGURES))
def test_every_figure_lays_out_at_every_band_with_wrapped_text_and_nothing_stacked_over_the_plot(store, figure_id):
    """Per band: the title and subtitle wrap to the width, the margins hold the title block (and, wide,
    the legend above the plot), a narrow layout puts the legend under the x axis and the source line
    under the legend; the builder's own figure is not changed."""
    fig, _ = figures.build(figure_id, store=store)
    before = fig.to_plotly_json()["layout"]
    for band, layout in figures.responsive.layouts(fig):
        title, subtitle = layout["title"]["text"], layout["title"]["subtitle"]["text"]
        for text, size in ((title, 18), (subtitle, 12)):
            longest = max((len(line) for line in text.split("<br>")), default=0)
            assert longest <= max(figures.responsive.chars(band - 20, size), 12) + 12, (band, text)
        header = 16 + 25 * figures.responsive.lines(title) + (17 * figures.responsive.lines(subtitle) + 8 if subtitle else 0)
        assert layout["margin"]["t"] >= header, (band, layout["margin"])
        source = next(a for a in layout["annotations"] if a.get("name") == figures.SOURCE_LINE_NAME)
        assert source["y"] < 0 and source["yanchor"] == "top"
        if layout.get("legend") and figures.responsive.legend_rows(fig.data, band) and band < figures.responsive.WIDE_FROM:
            assert layout["legend"]["y"] < 0 and layout["legend"]["yanchor"] == "top"
            assert source["y"] < layout["legend"]["y"]  # the source line under the legend
    assert fig.to_plotly_json()["layout"] == before


def test_side_by_side_panels_are_stacked_on_a_narrow_screen(store):
    fig, _ = figures.build("new-trio-total", store=store)
    narrow = figures.responsive.fit(fig.to_plotly_json()["layout"], fig.data, 360)
    assert narrow["xaxis"]["domain"] == [0, 1] and narrow["xaxis2"]["domain"] == [0, 1]
    assert narrow["yaxis"]["domain"][0] > narrow["yaxis2"]["domain"][1]  # the level panel above the growth panel
    wide = figures.responsive.fit(fig.to_plotly_json()["layout"], fig.data, 1000)
    assert wide["xaxis"]["domain"][1] < wide["xaxis2"]["domain"][0]


def test_the_2023_cluster_table_is_as_tall_as_its_rows(store):
    """No blank panel under the table: its plot area is its rows, at every width."""
    fig, _ = figures.build("gii-clusters-2023", store=store)
    rows = len(fig.data[0].cells.values[0])
    for _band, layout in figures.responsive.layouts(fig):
        plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        assert 24 * (rows + 1) <= plot <= 24 * (rows + 1) + 60
