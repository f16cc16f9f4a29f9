"""The generic evidence chart (indicators.evidence) on the bundled snapshot: for each check kind the
stated figure is drawn where the claim spec puts it, and every checkable claim of every bundled
article gets a chart with a source line and vintages."""

from __future__ import annotations

import pytest

from indicators import articles, evidence
from indicators.claims import load_claims

CLAIMS = [(article, claim) for article in articles.load_articles()
          for claim in load_claims(article.claims_path, strict=False)["claims"]]
CHECKABLE = [(a, c) for a, c in CLAIMS if c["check"] in evidence.CHECKABLE]


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("evidence")


@pytest.fixture(scope="module")
def results(judged):
    return {(a.slug, r.id): r for a in articles.load_articles() for r in judged(a.slug, compare=False)}


def first_of(kind: str) -> dict:
    found = [c for _, c in CLAIMS if c["check"] == kind]
    assert found, f"no bundled {kind} claim"
    return found[0]


def stated(claim: dict) -> float:
    return float(claim["stated"]["value"])


def shapes(fig, kind: str):
    return [s for s in fig.layout.shapes if s.type == kind]


def test_threshold_is_a_horizontal_line_at_the_stated_level(store):
    claim = first_of("threshold")
    fig = evidence.evidence_figure(store, claim)
    lines = [s for s in shapes(fig, "line") if s.y0 == s.y1]
    assert any(s.y0 == pytest.approx(stated(claim)) for s in lines)
    published = [t for t in fig.data if t.name.startswith("Published")]
    assert published, "the claimed period's published figure is marked"
    row = store.frame(source=claim["series"]["source"], indicator=claim["series"]["indicator"])
    row = row[(row["period"] == claim["series"]["period"]) & (row["unit"] == claim["series"]["unit"])]
    scale = float(claim["stated"]["scale"])
    assert published[0].y[0] == pytest.approx(float(row["value"].iloc[-1]) / scale)


def test_rounded_is_a_band_of_half_a_step_either_side(store):
    claim = first_of("rounded")
    fig = evidence.evidence_figure(store, claim)
    bands = shapes(fig, "rect")
    half = float(claim["step"]) / 2
    assert any(min(b.y0, b.y1) == pytest.approx(stated(claim) - half) and
               max(b.y0, b.y1) == pytest.approx(stated(claim) + half) for b in bands)


@pytest.mark.parametrize("kind", ["exact", "count"])
def test_exact_and_count_are_a_marker_at_the_stated_figure_in_the_claimed_period(store, kind):
    claim = first_of(kind)
    fig = evidence.evidence_figure(store, claim)
    marks = [t for t in fig.data if t.name.startswith(evidence.STATED_NAME)]
    assert len(marks) == 1
    assert list(marks[0].y) == [stated(claim)] and list(marks[0].x) == [claim["series"]["period"]]


def test_leader_is_bars_across_economies_with_the_stated_rank_on_the_entity(store):
    claim = first_of("leader")
    fig = evidence.evidence_figure(store, claim)
    bars = [t for t in fig.data if t.type == "bar"][0]
    rows = store.frame(source="gii", indicator=claim["series"]["indicator"])
    rows = rows[rows["period"] == claim["series"]["period"]]
    assert len(bars.x) == min(len(rows), 15) > 1
    mark = [t for t in fig.data if t.name.startswith(evidence.STATED_NAME)][0]
    from indicators import catalogue

    assert list(mark.x) == [catalogue.economy_name(claim["entity"])] and list(mark.customdata) == [stated(claim)]
    assert catalogue.economy_name(claim["entity"]) in bars.x  # economies by name, not ISO codes
    assert mark.y[0] == pytest.approx(float(rows[rows["entity"] == claim["entity"]]["value"].iloc[0]))


def test_rank_trend_shades_the_claimed_window(store):
    claim = first_of("rank_trend")
    fig = evidence.evidence_figure(store, claim)
    rect = shapes(fig, "rect")
    assert any(r.x0 == claim["window"]["first"] and r.x1 == claim["window"]["last"] for r in rect)
    assert fig.layout.yaxis.autorange == "reversed"  # rank 1 at the top


@pytest.mark.parametrize("article,claim", CHECKABLE, ids=[f"{a.slug}#{c['id']}" for a, c in CHECKABLE])
def test_every_checkable_claim_gets_a_chart_with_source_line_and_vintages(store, results, article, claim):
    fig = evidence.evidence_figure(store, claim, results[(article.slug, claim["id"])])
    meta = fig.layout.meta
    assert meta["id"] == f"evidence-{claim['id']}" and meta["claim_ids"] == [claim["id"]]
    assert fig.layout.title.text
    assert meta["source_line"].startswith("Source: ") and "Vintages:" in meta["source_line"]
    if any(len(t.x or []) for t in fig.data if not t.name.startswith(evidence.STATED_NAME)):
        assert meta["vintages"], "a chart with data names its vintages"
        assert "read via" in meta["source_line"] or "read from the primary source" in meta["source_line"]
    assert results[(article.slug, claim["id"])].verdict in fig.layout.title.subtitle.text


def test_a_claim_with_no_data_says_so_in_a_plain_sentence(store):
    claim = {**first_of("exact"), "series": {**first_of("exact")["series"], "indicator": "no_such_indicator"}}
    fig = evidence.evidence_figure(store, claim, as_of="2024-03-12")
    notes = " ".join(a.text for a in fig.layout.annotations).replace("<br>", " ")
    assert "The store holds no no_such_indicator for this claim published by 2024-03-12." in notes
    assert "Loader" not in notes  # developer advice goes to the CLI and docs, not on a reader's chart
    assert fig.layout.meta["source_line"].startswith("Source: no data")


def test_as_of_before_publication_leaves_the_later_rows_out(store):
    claim = first_of("threshold")
    latest = evidence.evidence_figure(store, claim)
    early = evidence.evidence_figure(store, claim, as_of="2000-01-01")
    assert len(latest.data) > 0
    assert sum(len(t.x or []) for t in early.data if not t.name.startswith(evidence.STATED_NAME)) == 0


def test_an_opinion_has_no_chart(store):
    with pytest.raises(ValueError, match="no evidence chart"):
        evidence.evidence_figure(store, first_of("opinion"))


def test_figures_published_as_bounds_are_drawn_apart_from_exact_ones(store):
    """A row stated as "more than X" is a bound: it gets its own open-marker trace, never the exact line."""
    drawn = 0
    for claim in (c for _, c in CHECKABLE if c["check"] == "threshold"):
        rows = store.frame(source=claim["series"]["source"], indicator=claim["series"]["indicator"])
        for column in ("entity", "unit", "freq"):
            if claim["series"].get(column):
                rows = rows[rows[column] == claim["series"][column]]
        bounded = rows[rows["qualifier"] != ""]
        fig = evidence.evidence_figure(store, claim)
        traces = [t for t in fig.data if t.name and t.name.startswith(evidence.BOUND_NAME)]
        lines = [t for t in fig.data if t.mode and "lines" in t.mode]
        if len(bounded):
            assert traces and set(map(str, traces[0].x)) == set(bounded["period"])
            assert not {str(x) for t in lines for x in t.x} & set(bounded["period"]), "a bound is on a line"
            drawn += 1
        else:
            assert not traces
    assert drawn, "the bundled threshold claims include a series with a figure published as a bound"


def trillion_claim() -> dict:
    found = [c for _, c in CHECKABLE if c["series"].get("indicator") == "new_trio_exports_total"
             and c["check"] == "threshold" and c["series"].get("unit") == "CNY"]
    assert found, "a bundled claim on the new-trio total in yuan"
    return found[0]


def test_more_than_one_trillion_is_a_bound_not_joined_to_the_published_2023_total(store):
    """Issue 19 item 8: 1.06 trillion (2023, exact) and "more than 1 trillion" (2024) must not read as a 6% fall."""
    fig = evidence.evidence_figure(store, trillion_claim())
    line = [t for t in fig.data if t.mode and "lines" in t.mode]
    assert len(line) == 1 and list(map(str, line[0].x)) == ["2023"] and list(line[0].y) == [pytest.approx(1.06)]
    bound = [t for t in fig.data if t.name and t.name.startswith(evidence.BOUND_NAME)]
    assert len(bound) == 1 and list(map(str, bound[0].x)) == ["2024"] and "lines" not in bound[0].mode
    assert list(bound[0].marker.symbol) == ["triangle-up-open"]  # open, pointing the open way
    assert bound[0].text[0] == "more than 1" and "“more than”" in bound[0].name
    assert list(bound[0].error_y.array) == [pytest.approx(0.08)] and list(bound[0].error_y.arrayminus) == [0]
    assert "a bound, not an exact figure" in bound[0].hovertext[0]
    low, high = fig.layout.yaxis.range
    assert low == 0 and high >= 1.06  # a money level: the axis starts at zero, not at 1.00
    assert (high - low) > 1.0, "not a narrow window that makes 6% look like a collapse"


@pytest.mark.parametrize("qualifier,side,symbol", [
    ("", "exact", None), ("more than", "lower", "triangle-up-open"), ("over", "lower", "triangle-up-open"),
    ("less than", "upper", "triangle-down-open"), ("nearly", "upper", "triangle-down-open"),
    ("about", "approximate", "circle-open")])
def test_qualifiers_map_to_a_side_and_an_open_marker(qualifier, side, symbol):
    assert evidence.bound_side(qualifier) == side
    assert evidence.BOUND_SYMBOLS.get(side) == symbol


@pytest.mark.slow
def test_every_level_chart_includes_zero_and_rank_charts_are_reversed(store):
    for _, claim in CHECKABLE:
        fig = evidence.evidence_figure(store, claim)
        unit = claim["series"].get("unit") or claim["stated"].get("unit") or ""
        if unit == "rank" or claim["check"] == "rank_trend":
            assert fig.layout.yaxis.autorange == "reversed", claim["id"]
            continue
        low, high = fig.layout.yaxis.range
        assert low <= 0 <= high, (claim["id"], low, high)
        drawn = [y for t in fig.data if t.y is not None for y in t.y if y is not None]
        assert all(low <= y <= high for y in drawn), claim["id"]
        assert high >= float(claim["stated"]["value"]) or claim["check"] == "leader", claim["id"]


def test_a_dollar_claim_on_a_yuan_series_is_drawn_converted_with_the_rate_named(store):
    claim = trillion_claim()
    dollars = {**claim, "stated": {**claim["stated"], "value": 140, "scale": 1.0e9, "unit": "USD"}}
    fig = evidence.evidence_figure(store, dollars)
    line = [t for t in fig.data if t.mode and "lines" in t.mode][0]
    rate = store.frame(source="fx", indicator="AEXCHUS").set_index("period")["value"]["2023"]
    assert list(line.y) == [pytest.approx(1.06e12 / rate / 1e9)]
    assert "FRED AEXCHUS, 2023 average" in line.hovertext[0] and "÷" in line.hovertext[0]
    assert fig.layout.yaxis.title.text == "USD (billion)"
    assert "converted at FRED average rates" in fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "FRED AEXCHUS" in fig.layout.meta["source_line"]
    assert "fx" in {v["source"] for v in fig.layout.meta["vintages"]}
