"""Units, bases, readings, independence and leader counts (issue 19): each verdict computed from a
small store built here, and the expected verdict computed in the test from the same numbers."""

from __future__ import annotations

import math

import pytest
import yaml

from indicators import claims, frame
from indicators.claims import OwnSource, normalise_url
from indicators.store import Store


def make_store(tmp_path, rows: list[dict], name: str = "t.db") -> Store:
    store = Store(f"sqlite:///{tmp_path / name}")
    by_source: dict[str, list[dict]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row)
    for source, records in by_source.items():
        store.write_vintage(source, frame.build(records, dataset="t", publisher=f"{source}-publisher"))
    return store


def rate(year: str, value: float) -> dict:
    return dict(source="fx", indicator="AEXCHUS", entity="CHN", counterpart="USA", period=year, freq="A",
                value=value, unit="CNY per USD", publisher="FRED")


def row(indicator: str, value: float, unit: str, source: str = "customs", period: str = "2023", **extra) -> dict:
    return dict(source=source, indicator=indicator, entity=extra.pop("entity", "CHN"), counterpart="", period=period,
                freq=extra.pop("freq", "A"), value=value, unit=unit, **extra)


def claim(check: str, value: float, unit: str, series: dict, *, scale: float = 1, comparator: str | None = None,
          **extra) -> dict:
    comparator = comparator or {"rounded": "~=", "exact": "==", "threshold": ">"}[check]
    return {"id": "c", "quote": "q", "check": check,
            "stated": {"value": value, "scale": scale, "unit": unit, "comparator": comparator, "text": "the figure"},
            "series": series, **extra}


def judge(store: Store, c: dict, own: tuple[str, ...] = ()) -> claims.ClaimResult:
    return claims.check_one(c, claims.Evidence(store, None, OwnSource(own)))


TRIO_USD = {"source": "customs", "indicator": "new_trio_exports_total", "entity": "CHN", "period": "2023", "freq": "A",
            "unit": "USD"}


# -- units ------------------------------------------------------------------------------------


@pytest.mark.parametrize("spec_unit", ["USD", "CNY"])
@pytest.mark.parametrize("cny_per_usd", [7.0, 6.0, 7.3])
def test_a_usd_claim_against_a_cny_series_is_converted_at_the_years_rate(tmp_path, cny_per_usd, spec_unit):
    """'about 150 billion dollars' (to the nearest 10 billion) against the store's 1.06 trillion yuan:
    whether the series is asked for in USD or CNY, the CNY row is found, converted, and said so."""
    store = make_store(tmp_path, [row("new_trio_exports_total", 1.06e12, "CNY"), rate("2023", cny_per_usd)])
    result = judge(store, claim("rounded", 150, "USD", {**TRIO_USD, "unit": spec_unit}, scale=1e9, step=10))
    converted = 1.06e12 / cny_per_usd
    expected = "supported-rounded" if 145e9 <= converted < 155e9 else "contradicted"
    assert result.verdict == expected
    assert result.observed["value"] == pytest.approx(converted) and result.observed["unit"] == "USD"
    assert result.observed["as_published"] == 1.06e12 and result.observed["as_published_unit"] == "CNY"
    assert f"{cny_per_usd:.4f} CNY per USD (FRED AEXCHUS, 2023 average)" in result.explanation
    assert f"{cny_per_usd:.4f} CNY per USD" in result.computation
    assert "no new_trio_exports_total" not in result.explanation
    assert any(s["indicator"] == "AEXCHUS" for s in result.sources)  # the rate is cited


@pytest.mark.parametrize("cny_per_usd", [7.1, 6.8, 6.0])
def test_a_cny_claim_against_a_usd_series_is_converted_with_its_rounding(tmp_path, cny_per_usd):
    """'more than 1 trillion yuan' against a published 150 billion USD (read as [145, 155) billion)."""
    store = make_store(tmp_path, [row("new_trio_exports_usd", 150e9, "USD"), rate("2023", cny_per_usd)])
    series = {**TRIO_USD, "indicator": "new_trio_exports_usd", "unit": "USD"}
    result = judge(store, claim("threshold", 1, "CNY", series, scale=1e12))
    low, high = 145e9 * cny_per_usd, 155e9 * cny_per_usd
    expected = "supported" if low > 1e12 else "contradicted" if high <= 1e12 else "inconclusive"
    assert result.verdict == expected
    assert result.observed["unit"] == "CNY" and result.observed["value"] == pytest.approx(150e9 * cny_per_usd)
    assert "× " + f"{cny_per_usd:.4f} CNY per USD" in result.explanation


def test_a_missing_rate_is_unverifiable_never_a_raw_comparison(tmp_path):
    store = make_store(tmp_path, [row("new_trio_exports_total", 1.06e12, "CNY")])
    result = judge(store, claim("rounded", 150, "USD", TRIO_USD, scale=1e9, step=10))
    assert result.verdict == "unverifiable" and "AEXCHUS" in result.explanation
    assert result.observed is None


@pytest.mark.parametrize("stated_unit, series_unit", [("percent of GDP", "percent"), ("USD", "vehicles"),
                                                      ("percent", "percentage points")])
def test_units_of_different_kinds_are_an_error_naming_both(tmp_path, stated_unit, series_unit):
    store = make_store(tmp_path, [row("x", 2.58, series_unit, source="worldbank")])
    series = {"source": "worldbank", "indicator": "x", "entity": "CHN", "period": "2023", "freq": "A", "unit": series_unit}
    result = judge(store, claim("rounded", 2.6, stated_unit, series, step=0.1))
    assert result.verdict == "error"
    assert stated_unit in result.explanation and series_unit in result.explanation
    assert "\n" not in result.explanation and result.observed is None


@pytest.mark.parametrize("stated, verdict", [(107.3, "supported"), (114, "contradicted")])
def test_a_gw_claim_against_mw_rows_is_compared_in_gw(tmp_path, stated, verdict):
    """Power (and energy) units of one kind differ in size: 107,300 MW of solar modules is 107.3 GW, never
    107,300 GW (both units were taken as the same, and 107.3 GW came out contradicted)."""
    store = make_store(tmp_path, [row("solar_exports_capacity", 107_300, "MW", source="ember")])
    series = {"source": "ember", "indicator": "solar_exports_capacity", "entity": "CHN", "period": "2023", "freq": "A",
              "unit": "MW"}
    result = judge(store, claim("rounded", stated, "GW", series, step=0.1))
    assert result.verdict == verdict
    assert result.observed["value"] == pytest.approx(107.3) and result.observed["unit"] == "GW"
    assert "107,300 MW = 107.3 GW" in result.explanation + result.computation
    from indicators import evidence

    figure = evidence.evidence_figure(store, claim("rounded", stated, "GW", series, step=0.1))
    drawn = [y for trace in figure.data if trace.y is not None for y in trace.y if y is not None]
    assert drawn and max(drawn) == pytest.approx(107.3)  # the rows drawn in GW, beside the stated figure


def test_the_currency_view_of_a_level_is_a_level_never_a_growth(tmp_path):
    """A level claim with usd_view: the view converts the level; nothing treats the level as a growth rate."""
    store = make_store(tmp_path, [row("new_trio_exports_total", 1.06e12, "CNY"), rate("2022", 6.73), rate("2023", 7.08)])
    series = {**TRIO_USD, "unit": "CNY"}
    result = judge(store, claim("rounded", 1.06, "CNY", series, scale=1e12, step=0.01, usd_view={"fx": "AEXCHUS"}))
    assert result.verdict == "supported"
    views = [v for v in result.other_views if "converted" in v["label"]]
    assert [v["unit"] for v in views] == ["USD"]
    assert views[0]["value"] == pytest.approx(1.06e12 / 7.08)


def test_the_currency_view_of_a_growth_uses_growth_and_both_rates(tmp_path):
    store = make_store(tmp_path, [row("g", 29.9, "percent"), rate("2022", 6.73), rate("2023", 7.08)])
    series = {"source": "customs", "indicator": "g", "entity": "CHN", "period": "2023", "freq": "A", "unit": "percent"}
    result = judge(store, claim("rounded", 30, "percent", series, step=1, usd_view={"fx": "AEXCHUS"}))
    view = next(v for v in result.other_views if v["label"].startswith("growth in US dollars"))
    assert view["value"] == pytest.approx((1.299 * 6.73 / 7.08 - 1) * 100)
    assert -100 < view["value"] < 100


# -- coverage and readings --------------------------------------------------------------------

SALES = {"source": "caam", "indicator": "vehicle_sales", "entity": "CHN", "period": "2023", "freq": "A", "unit": "vehicles"}


@pytest.mark.parametrize("stated, expected", [(21.9, "unverifiable"), (30.1, "unverifiable"), (31.0, "contradicted")])
def test_a_superset_series_is_never_evidence_against_a_smaller_claim(tmp_path, stated, expected):
    """Domestic sales (the claim) against sales including exports (30.09 million, the series)."""
    store = make_store(tmp_path, [row("vehicle_sales", 30.09e6, "vehicles", source="caam")])
    result = judge(store, claim("rounded", stated, "vehicles", SALES, scale=1e6, step=0.1, coverage="superset"))
    low = (stated - 0.05) * 1e6
    assert expected == ("contradicted" if low > 30.09e6 else "unverifiable")  # the rule, from the numbers
    assert result.verdict == expected
    assert "counts more than the claim" in result.explanation
    all_coverage = judge(store, claim("rounded", stated, "vehicles", SALES, scale=1e6, step=0.1))
    inside = (stated - 0.05) * 1e6 <= 30.09e6 < (stated + 0.05) * 1e6
    assert all_coverage.verdict == ("supported-rounded" if inside else "contradicted")  # what `coverage` changes


@pytest.mark.parametrize("comparator, threshold, expected", [("<", 40, "supported"), ("<", 20, "unverifiable"),
                                                             (">", 35, "contradicted"), (">", 20, "unverifiable")])
def test_a_superset_series_bounds_threshold_claims_from_above(tmp_path, comparator, threshold, expected):
    store = make_store(tmp_path, [row("vehicle_sales", 30.09e6, "vehicles", source="caam")])
    result = judge(store, claim("threshold", threshold, "vehicles", SALES, scale=1e6, comparator=comparator,
                                coverage="superset"))
    assert result.verdict == expected


@pytest.mark.parametrize("stated, expected", [(1.3, "supported"), (1.45, "unverifiable"), (1.6, "unverifiable")])
def test_a_part_series_bounds_threshold_claims_from_below(tmp_path, stated, expected):
    """'more than N' against resident filings only (1.4266 million): the whole is at least that."""
    store = make_store(tmp_path, [row("IP.PAT.RESD", 1_426_644, "applications", source="worldbank", period="2021")])
    series = {"source": "worldbank", "indicator": "IP.PAT.RESD", "entity": "CHN", "period": "2021", "freq": "A",
              "unit": "applications"}
    result = judge(store, claim("threshold", stated, "applications", series, scale=1e6, coverage="part"))
    assert result.verdict == expected
    if expected == "supported":
        assert "only part of what the claim counts" in result.explanation


EXPORTS = {"source": "caam", "indicator": "vehicle_exports", "entity": "CHN", "product": "all", "period": "2023", "freq": "A",
           "unit": "vehicles"}
PASSENGER = {**EXPORTS, "product": "passenger"}


@pytest.mark.parametrize("passenger, expected", [(4.14e6, "misleading"), (3.5e6, "contradicted")])
def test_a_figure_true_only_on_a_narrower_reading_is_misleading(tmp_path, passenger, expected):
    """'4.1 million auto exports': all vehicles 4.91 million (the reading the wording implies); passenger cars only."""
    store = make_store(tmp_path, [row("vehicle_exports", 4.91e6, "vehicles", source="caam", product="all"),
                                  row("vehicle_exports", passenger, "vehicles", source="caam", product="passenger")])
    c = claim("rounded", 4.1, "vehicles", EXPORTS, scale=1e6, step=0.1,
              readings=[{"label": "passenger cars only", "series": PASSENGER}])
    result = judge(store, c)
    assert expected == ("misleading" if 4.05e6 <= passenger < 4.15e6 else "contradicted")
    assert result.verdict == expected
    reading = next(v for v in result.other_views if v["label"] == "on another reading: passenger cars only")
    assert reading["value"] == passenger and result.observed["value"] == 4.91e6  # both figures shown
    if expected == "misleading":
        assert "4.91 million" in result.explanation and "4.14 million" in result.explanation


RD = {"source": "worldbank", "indicator": "GB.XPD.RSDV.GD.ZS", "entity": "CHN", "period": "2023", "freq": "A",
      "unit": "percent of GDP"}
BASIS = {"claim": "national statistics office (NBS)", "series": "international re-estimate (World Bank)",
         "tolerance": {"abs": 0.1}, "note": "The World Bank's series re-estimates R&D spending on its own basis."}


@pytest.mark.parametrize("observed, basis, expected", [
    (2.58, BASIS, "inconclusive"), (2.58, None, "contradicted"), (2.40, BASIS, "contradicted"),
    (2.64, BASIS, "supported"), (2.58, {**BASIS, "tolerance": {"rel": 0.01}}, "contradicted"),
    (2.62, {**BASIS, "tolerance": {"rel": 0.01}}, "inconclusive"),
])
def test_a_national_figure_against_a_reestimate_is_inconclusive_within_the_tolerance(tmp_path, observed, basis, expected):
    store = make_store(tmp_path, [row("GB.XPD.RSDV.GD.ZS", observed, "percent of GDP", source="worldbank")])
    extra = {"basis": basis} if basis else {}
    result = judge(store, claim("rounded", 2.64, "percent of GDP", RD, step=0.01, **extra))
    assert result.verdict == expected
    if expected == "inconclusive":
        assert "2.64" in result.explanation and f"{observed:g}" in result.explanation  # both figures
        assert "different bases" in result.explanation


def test_a_basis_without_exactly_one_tolerance_is_a_schema_error(tmp_path):
    store = make_store(tmp_path, [row("GB.XPD.RSDV.GD.ZS", 2.58, "percent of GDP", source="worldbank")])
    result = judge(store, claim("rounded", 2.64, "percent of GDP", RD, step=0.01,
                                basis={**BASIS, "tolerance": {"abs": 0.1, "rel": 0.01}}))
    assert result.verdict == "error" and "basis.tolerance" in result.explanation


# -- independence -----------------------------------------------------------------------------

ARTICLE = "https://www.thinktank.example/reports/solar-2023/"
GROWTH = {"source": "ember", "indicator": "solar_exports_value_yoy_pct", "entity": "CHN", "period": "2023", "freq": "A",
          "unit": "percent"}
MONTHLY = {"source": "ember", "indicator": "solar_exports_value", "entity": "CHN", "unit": "USD", "freq": "M",
           "year": "2023", "measure": "growth"}


def ember_months(level_2022: float, level_2023: float) -> list[dict]:
    return [row("solar_exports_value", level / 12, "USD", source="ember", period=f"{year}-{m:02d}", freq="M",
                source_url="https://ember-energy.org/data")
            for year, level in (("2022", level_2022), ("2023", level_2023)) for m in range(1, 13)]


@pytest.mark.parametrize("own", ["http://thinktank.example/reports/solar-2023", "https://www.thinktank.example/reports/solar-2023/",
                                 "thinktank.example/reports/solar-2023"])
def test_a_row_typed_from_the_article_never_verifies_it(tmp_path, own):
    store = make_store(tmp_path, [row("solar_exports_value_yoy_pct", -6.7, "percent", source="ember", source_url=ARTICLE)])
    c = claim("rounded", -6.7, "percent", GROWTH, step=0.1)
    assert judge(store, c).verdict == "supported"  # judged for another article, the row counts
    result = judge(store, c, own=(own,))
    assert result.verdict == "unverifiable"
    assert "The article is its own source" in result.explanation and result.observed is None


def test_a_self_sourced_claim_is_judged_on_the_independent_evidence_it_lists(tmp_path):
    store = make_store(tmp_path, [row("solar_exports_value_yoy_pct", -6.7, "percent", source="ember", source_url=ARTICLE),
                                  *ember_months(46.3e9, 43.66e9)])
    c = claim("rounded", -6.7, "percent", GROWTH, step=0.1,
              independent=[{"label": "Ember's monthly sums", "monthly_sum": MONTHLY}])
    result = judge(store, c, own=("http://thinktank.example/reports/solar-2023",))
    growth = (43.66e9 / 46.3e9 - 1) * 100
    assert result.observed["value"] == pytest.approx(growth)
    assert result.verdict == ("supported-rounded" if -6.75 <= growth < -6.65 else "contradicted") == "contradicted"
    assert "The article is its own source" in result.explanation
    assert "judged on independent evidence: Ember's monthly sums" in result.explanation
    assert "sum of 12 monthly figures for 2023" in result.explanation


def test_an_incomplete_year_is_not_independent_evidence(tmp_path):
    months = ember_months(46.3e9, 43.66e9)[:-1]  # December 2023 missing
    store = make_store(tmp_path, [row("solar_exports_value_yoy_pct", -6.7, "percent", source="ember", source_url=ARTICLE),
                                  *months])
    c = claim("rounded", -6.7, "percent", GROWTH, step=0.1,
              independent=[{"label": "Ember's monthly sums", "monthly_sum": MONTHLY}])
    result = judge(store, c, own=(ARTICLE,))
    assert result.verdict == "unverifiable" and "None of the independent evidence" in result.explanation


def test_check_all_reads_the_articles_url_and_copies(tmp_path):
    store = make_store(tmp_path, [row("solar_exports_value_yoy_pct", -6.7, "percent", source="ember", source_url=ARTICLE)])
    document = {"article": {"as_of": "2024-06-01", "url": "https://elsewhere.example/a",
                            "copies": ["thinktank.example/reports/solar-2023"]},
                "claims": [claim("rounded", -6.7, "percent", GROWTH, step=0.1)]}
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    [result] = claims.check_all(store=store, path=path, compare=False)
    assert result.verdict == "unverifiable" and "its own source" in result.explanation


@pytest.mark.parametrize("a, b", [("https://www.x.org/a/", "http://x.org/a"), ("HTTPS://WWW.X.ORG/a", "x.org/a"),
                                  ("https://x.org/a?utm=1#top", "x.org/a")])
def test_urls_are_normalised_before_comparing(a, b):
    assert normalise_url(a) == normalise_url(b)
    assert normalise_url("https://x.org/a") != normalise_url("https://x.org/b")


# -- leader claims ----------------------------------------------------------------------------

LEADER = {"id": "most", "quote": "q", "check": "leader", "entity": "CHN",
          "stated": {"value": 1, "scale": 1, "unit": "rank", "comparator": "rank==1", "text": "most clusters"},
          "series": {"source": "gii", "indicator": "st_clusters_top100", "period": "2024", "freq": "A", "unit": "count"}}


@pytest.mark.parametrize("counts, total", [
    ({"CHN": 26, "USA": 22, "DEU": 7, "JPN": 4, "KOR": 4}, 100),   # 5 economies: 37 unlisted could beat 26
    ({"CHN": 26, "USA": 22, "DEU": 7, "JPN": 4, "KOR": 4}, 80),    # 17 unlisted: none can reach 26
    ({"CHN": 26, "USA": 22, "DEU": 7, "JPN": 4, "KOR": 4}, 89),    # 26 unlisted: one could tie
])
def test_leader_with_partial_counts_says_what_the_store_holds_and_does_the_arithmetic(tmp_path, counts, total):
    store = make_store(tmp_path, [dict(source="gii", indicator="st_clusters_top100", entity=e, counterpart="",
                                       period="2024", freq="A", value=v, unit="count") for e, v in counts.items()])
    result = judge(store, {**LEADER, "total": total})
    listed = sum(counts.values())
    unlisted = total - listed
    assert result.verdict == ("supported" if counts["CHN"] > unlisted else "inconclusive")
    assert f"counts for {len(counts)} economies" in result.explanation
    assert all(f"{e} {v}" in result.explanation for e, v in counts.items())
    assert f"at most {total} − {listed} = {unlisted}" in result.explanation
    assert result.observed["unlisted_max"] == unlisted


# -- explanations that cannot contradict their numbers ----------------------------------------

import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6}
NUMBER = r"(?:rank )?(-?[\d,]*\.?\d+(?:e[+-]?\d+)?)(?:\s*(trillion|billion|million))?%?"


def number(text: str) -> float:
    match = re.fullmatch(NUMBER + r"(?: [A-Za-z ]+)?", text.strip())
    assert match, text
    return float(match.group(1).replace(",", "")) * SCALES.get(match.group(2) or "", 1)


def band_of(text: str) -> tuple[float, float]:
    low, high = text.strip("[)").split(", ")
    return number(low), (math.inf if high == "∞" else number(high))


BAND = r"\[[^\]\)]*\)"
NUM = r"(?:rank )?-?[\d,]*\.?\d+(?:e[+-]?\d+)?(?:\s*(?:trillion|billion|million))?%?(?: [A-Za-z]+)?"
FIG = rf"(?:more than |less than )?{NUM}"
SIDES = {"above": lambda x, s: x > s, "at or above": lambda x, s: x >= s,
         "below": lambda x, s: x < s, "at or below": lambda x, s: x <= s}


def check_sentences(result: claims.ClaimResult) -> list[str]:
    """Each comparison the explanation states, checked on the figures it prints; returns the kinds found."""
    text, found = result.explanation, []
    for m in re.finditer(rf"figure, ({FIG}), (?:rounds to the stated [^:]+: it )?lies in ({BAND})", text):
        low, high = band_of(m.group(2))
        assert low <= number(m.group(1)) < high, m.group(0)
        found.append("in")
    for m in re.finditer(rf"figure, ({FIG}), is outside ({BAND})", text):
        low, high = band_of(m.group(2))
        assert not low <= number(m.group(1)) < high, m.group(0)
        found.append("outside")
    for m in re.finditer(rf"figure, ({FIG}), is (not )?(at or above|at or below|above|below) ({NUM})(?:,| across|\.)", text):
        x, s = number(m.group(1).removeprefix("more than ").removeprefix("less than ")), number(m.group(4))
        assert SIDES[m.group(3)](x, s) != bool(m.group(2)), m.group(0)
        found.append("not-side" if m.group(2) else "side")
    for m in re.finditer(rf"(?:across|anywhere in) the whole range its rounding allows, ({BAND})|"
                         rf"anywhere in the range its rounding allows, ({BAND})", text):
        found.append("range")
    for m in re.finditer(rf"read as ({BAND}), lies on both sides of ({NUM}):", text):
        low, high = band_of(m.group(1))
        assert low <= number(m.group(2)) <= high, m.group(0)
        found.append("both")
    for m in re.finditer(rf"figure is ({NUM}), (as stated|not the stated ({NUM}))\.", text):
        equal = number(m.group(1)) == number(m.group(3)) if m.group(3) else True
        assert equal == (m.group(2) == "as stated"), m.group(0)
        found.append("equal" if m.group(2) == "as stated" else "unequal")
    return found


EXPECTED_SENTENCE = {"supported-rounded": {"in"}, "contradicted": {"outside", "not-side", "unequal"},
                     "supported": {"side", "equal", "exactly"}, "inconclusive": {"both"}}


@st.composite
def figure_claims(draw):
    check = draw(st.sampled_from(["rounded", "threshold", "exact"]))
    unit = draw(st.sampled_from(["percent", "CNY", "vehicles", "applications"] + (["rank", "count"] if check != "rounded" else [])))
    whole = unit in ("rank", "count")
    scale = 1.0 if whole or unit == "percent" else draw(st.sampled_from([1.0, 1e6, 1e9, 1e12]))
    step = 1.0 if whole else draw(st.sampled_from([0.001, 0.01, 0.1, 1.0, 5.0]))
    units = draw(st.integers(min_value=1, max_value=5000))
    value = round(units * step, 6)
    stated = value * scale
    offset = draw(st.integers(min_value=-3000, max_value=3000))
    observed = stated + offset * step * scale / 1000 if not whole else float(round(stated + offset // 500))
    observed = float(f"{observed:.12g}")
    comparator = {"rounded": "~=", "exact": "==", "threshold": draw(st.sampled_from([">", ">=", "<", "<="]))}[check]
    c = claim(check, value, unit, {"source": "customs", "indicator": "x", "entity": "CHN", "period": "2023", "freq": "A",
                                   "unit": unit}, scale=scale, comparator=comparator)
    if check == "rounded":
        c["step"] = step
    if check == "exact" and not whole:
        c["stated"]["value"] = float(round(value))
        c["stated"]["scale"] = 1.0
    return c, observed


class OneRow(claims.Evidence):
    """Evidence holding one observation (no store: the property is about the words)."""

    def __init__(self, observed: float, unit: str):
        super().__init__(store=None, as_of=None)
        self.data = frame.build([row("x", observed, unit)], dataset="t", publisher="P").assign(vintage=1, retrieved_at="")

    def rows(self, spec):
        return self.data[(self.data["indicator"] == spec.get("indicator")) & (self.data["source"] == spec.get("source"))]


@given(figure_claims())
def test_every_explanation_states_what_its_printed_numbers_show(case):
    c, observed = case
    result = claims.check_one(c, OneRow(observed, c["stated"]["unit"]))
    assert result.verdict in EXPECTED_SENTENCE, result.explanation
    found = check_sentences(result)
    if result.verdict == "supported" and "is exactly" in result.explanation:
        found.append("exactly")
    assert set(found) & EXPECTED_SENTENCE[result.verdict], (result.verdict, result.explanation)
    assert not (set(found) - {"range"}) - EXPECTED_SENTENCE[result.verdict], (result.verdict, result.explanation)


def test_the_property_catches_a_sentence_that_contradicts_its_numbers():
    """The checker fails on the issue's example: '1.427 million … lies in [1.585 million, 1.595 million)'."""
    bad = claims.ClaimResult(id="x", quote="", claim="", check="rounded", verdict="supported-rounded", stated={},
                             observed=None, explanation="The published figure, 1.427 million applications, rounds to the "
                             "stated 1.59 million applications: it lies in [1.585 million applications, "
                             "1.595 million applications), the range “x” allows.")
    with pytest.raises(AssertionError):
        check_sentences(bad)


def test_leader_without_a_total_is_inconclusive_and_says_why(tmp_path):
    store = make_store(tmp_path, [dict(source="gii", indicator="st_clusters_top100", entity=e, counterpart="",
                                       period="2024", freq="A", value=v, unit="count") for e, v in {"CHN": 26, "USA": 22}.items()])
    result = judge(store, LEADER)
    assert result.verdict == "inconclusive" and "No total is known" in result.explanation


def test_rules_take_the_validated_claim(tmp_path):
    """check_one judges a pydantic model as it judges the mapping it was validated from; defaults come from the schema."""
    store = make_store(tmp_path, [row("vehicle_sales", 30.09e6, "vehicles", source="caam")])
    raw = claim("rounded", 30.1, "vehicles", SALES, scale=1e6, step=0.1)
    model = claims.schema.validate(raw, 0)
    assert model.coverage == "all" and model.readings == [] and model.basis is None
    assert judge(store, model).to_dict() == judge(store, raw).to_dict()


# -- never accuse on another basis (review fixes) ------------------------------------------------


@pytest.mark.parametrize("stated_bn, expected", [(3380, "inconclusive"), (3500, "contradicted")])
def test_a_converted_figure_within_the_conversion_gap_neither_confirms_nor_contradicts(tmp_path, stated_bn, expected):
    """GACC's own dollar exports (3.38 trillion) against 23.77 trillion yuan converted at the 2023 average
    (3.357 trillion, 0.7% lower): inside derive.CONVERSION_TOLERANCE it is inconclusive, far outside contradicted."""
    from indicators import derive

    store = make_store(tmp_path, [row("goods_exports", 23.77e12, "CNY", source="gacc"), rate("2023", 7.0809)])
    series = {"source": "gacc", "indicator": "goods_exports", "entity": "CHN", "period": "2023", "freq": "A", "unit": "USD"}
    result = judge(store, claim("rounded", stated_bn / 1000, "USD", series, scale=1e12, step=0.01))
    converted = 23.77e12 / 7.0809
    gap = abs(converted - stated_bn * 1e9) / (stated_bn * 1e9)
    assert (gap <= derive.CONVERSION_TOLERANCE) == (expected == "inconclusive")
    assert result.verdict == expected
    if expected == "inconclusive":
        assert f"{gap:.1%}" in result.explanation and "neither confirm nor contradict" in result.explanation


def test_a_self_sourced_row_replaced_by_another_release_cannot_accuse(tmp_path):
    """The final figure (typed from the article itself) is left out; the preliminary estimate of the same
    statistic, another table, differs: that is no proof the article is wrong, so needs-review, not contradicted."""
    url = "http://news.example.org/2023/rd.html"
    import pandas as pd

    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    store.write_vintage("nbs", pd.concat([
        frame.build([row("basic_research_share_pct", 6.57, "percent", source="nbs", period="2022", released="2023-09-18",
                         source_url=url)], dataset="rd_final", publisher="NBS"),
        frame.build([row("basic_research_share_pct", 6.32, "percent", source="nbs", period="2022", released="2023-01-17",
                         source_url="https://stats.example.org/estimate")], dataset="rd_early_estimate", publisher="NBS"),
    ], ignore_index=True))
    series = {"source": "nbs", "indicator": "basic_research_share_pct", "entity": "CHN", "period": "2022", "freq": "A",
              "unit": "percent"}
    judged = judge(store, claim("rounded", 6.57, "percent", series, step=0.01), own=(url,))
    assert judged.verdict == "needs-review"
    assert "another table (rd_early_estimate" in judged.explanation and "6.32" in judged.explanation
    not_own = judge(store, claim("rounded", 6.57, "percent", series, step=0.01))  # the latest release is the evidence
    assert not_own.verdict == "supported" and not_own.observed["value"] == 6.57


def test_a_growth_the_store_holds_only_from_the_article_is_derived_from_two_levels(tmp_path):
    url = "https://wire.example.org/auto-exports"
    store = make_store(tmp_path, [
        row("vehicle_exports", 4.14e6, "vehicles", source="caam", product="passenger_vehicles"),
        row("vehicle_exports", 2.529e6, "vehicles", source="caam", period="2022", product="passenger_vehicles"),
        row("vehicle_exports_yoy_pct", 63.7, "percent", source="caam", product="passenger_vehicles", source_url=url),
    ])
    series = {"source": "caam", "indicator": "vehicle_exports_yoy_pct", "entity": "CHN", "product": "passenger_vehicles",
              "period": "2023", "freq": "A", "unit": "percent"}
    result = judge(store, claim("rounded", 63.7, "percent", series, step=0.1), own=(url,))
    expected = (4.14e6 / 2.529e6 - 1) * 100
    assert result.observed["value"] == pytest.approx(expected)
    assert result.verdict == ("supported-rounded" if 63.65 <= expected < 63.75 else "contradicted")
    assert "derived from two stored levels" in result.explanation


def test_a_reading_the_data_cannot_decide_turns_contradicted_into_needs_review(tmp_path):
    store = make_store(tmp_path, [row("vehicle_exports", 4.91e6, "vehicles", source="caam", product="all")])
    series = {"source": "caam", "indicator": "vehicle_exports", "entity": "CHN", "product": "all", "period": "2023",
              "freq": "A", "unit": "vehicles"}
    reading = {"label": "passenger cars only", "series": {**series, "product": "passenger_vehicles"}}
    result = judge(store, claim("rounded", 4.1, "vehicles", series, scale=1e6, step=0.1, readings=[reading]))
    assert result.verdict == "needs-review" and "cannot decide" in result.explanation
    plain = judge(store, claim("rounded", 4.1, "vehicles", series, scale=1e6, step=0.1))
    assert plain.verdict == "contradicted"
