"""Mapping pass 14 (issue 20): structural reasons a stated figure missed its series on dev15 and dev18, each tested
on phrasings of its own, with a real contradiction that must still accuse and a doubtful reading that must not."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass14")


def series_of(candidate) -> tuple:
    m = candidate.match
    return (m.source, m.indicator, m.product) if m else None


# --- a subject named after the figure in another clause is not the figure's -----------------------------------------

@pytest.mark.parametrize("sentence", [
    "China's imports increased 1.9 per cent in November 2025, even though a downturn in the property sector is still "
    "weighing on spending.",
    "China's imports increased 1.9% in November 2025, although the property sector remains weak.",
    "In November 2025 China's imports grew 1.9 percent, while the property sector kept weighing on demand.",
    "China's imports rose 1.9 per cent in November 2025 in dollar terms, though the real estate sector stayed in a "
    "slump.",
])
def test_an_industry_named_in_a_later_clause_does_not_take_the_figure(store, sentence):
    figure = by_span(spot.spot(sentence, store=store, published="2025-12-08"), "1.9")
    assert series_of(figure)[:2] in (("gacc", "goods_imports_usd_yoy_pct"), ("gacc", "goods_imports_yoy_pct"))
    assert figure.match.period == "2025-11"
    assert figure.verdict not in ACCUSING  # GACC: +1.9% in dollars, +1.7% in yuan


def test_an_industry_named_before_the_figure_in_its_clause_still_takes_it(store):
    # "imports of the machinery industry": a subject no series holds, never judged against goods imports
    figure = by_span(spot.spot("Imports of the machinery industry increased 9.9% in November 2025.", store=store,
                               published="2025-12-08"), "9.9%")
    assert figure.match is None and "no-series" in figure.flags


def test_a_stated_basis_with_a_contradicting_rate_still_accuses(store):
    # GACC: goods imports +1.9% year on year in November 2025 in dollars; 9.9% is not that (the industry after
    # "although" used to take the figure: no series, no judgement)
    text = ("China's goods imports increased 9.9 per cent year on year in November 2025 in dollar terms, although the "
            "property sector is weak.")
    figure = by_span(spot.spot(text, store=store, published="2025-12-08"), "9.9 per cent")
    assert series_of(figure)[:2] == ("gacc", "goods_imports_usd_yoy_pct")
    assert figure.verdict == "contradicted"


# --- a currency basis the text stated once carries (open) to later growth rates ---------------------------------------

@pytest.mark.parametrize("opening", [
    "China's total trade in yuan-denominated terms rose 2.9 percent in the first half of 2025.",
    "In yuan terms, China's foreign trade rose 2.9 percent in the first half of 2025.",
    "Measured in yuan, China's foreign trade rose 2.9 percent in the first half of 2025.",
])
def test_a_yuan_basis_stated_earlier_leans_later_rates_to_the_yuan_series(store, opening):
    text = opening + "\n\nIn June 2025 alone, exports climbed 7.2 percent from a year earlier, while imports gained 2.3 percent."
    found = spot.spot(text, store=store, published="2025-07-15")
    exports, imports = by_span(found, "7.2 percent"), by_span(found, "2.3 percent")
    assert series_of(exports)[:2] == ("gacc", "goods_exports_yoy_pct")
    assert series_of(imports)[:2] == ("gacc", "goods_imports_yoy_pct")
    assert exports.match.period == imports.match.period == "2025-06"
    assert "currency" in exports.open and "currency" in imports.open  # a leaning, never a stated basis


def test_a_dollar_basis_stated_earlier_leans_to_the_dollar_series(store):
    text = ("Exports measured in US dollar terms rose in 2025.\n\n"
            "In June 2025, China's imports gained 1.1 percent from a year earlier.")
    figure = by_span(spot.spot(text, store=store, published="2025-07-15"), "1.1 percent")
    assert series_of(figure)[:2] == ("gacc", "goods_imports_usd_yoy_pct")
    assert figure.verdict not in ACCUSING


def test_a_leaned_basis_never_accuses(store):
    # yuan stated earlier; 1.1% is June's dollar rate (yuan: 2.3%): the basis is only a leaning, so no accusation
    text = ("In yuan terms, China's foreign trade rose 2.9 percent in the first half of 2025.\n\n"
            "In June 2025, imports gained 1.1 percent from a year earlier.")
    figure = by_span(spot.spot(text, store=store, published="2025-07-15"), "1.1 percent")
    assert figure.verdict not in ACCUSING


def test_a_text_stating_both_bases_leans_to_neither(store):
    text = ("In yuan terms, exports rose 7.2 percent in June 2025. In dollar terms, exports rose 5.8 percent.\n\n"
            "Imports gained 9.9 percent in June 2025.")
    figure = by_span(spot.spot(text, store=store, published="2025-07-15"), "9.9 percent")
    assert "currency" in figure.open
    assert figure.verdict not in ACCUSING


# --- "respectively" pairs a list of years with as many figures --------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "In 2020, 2021 and 2022, China's GDP reached 101.6 trillion yuan, 114.4 trillion yuan and 121 trillion yuan, "
    "respectively.",
    "China's GDP reached 101.6 trillion yuan, 114.4 trillion yuan and 121 trillion yuan in 2020, 2021 and 2022, "
    "respectively.",
    "Milestones came in 2020, 2021 and 2022, when the economy exceeded 101.6 trillion yuan ($14.7 trillion), 114.4 "
    "trillion yuan ($17.7 trillion) and 121 trillion yuan ($17.9 trillion), respectively.",
])
def test_respectively_gives_each_figure_its_listed_year(store, sentence):
    found = spot.spot(sentence, store=store, published="2025-01-20")
    for span, year in (("101.6 trillion yuan", "2020"), ("114.4 trillion", "2021"), ("121 trillion yuan", "2022")):
        figure = by_span(found, span)
        assert series_of(figure)[:2] == ("nbs", "gdp") and figure.match.period == year
        assert figure.verdict not in ACCUSING
    conversions = [c for c in found if c.role == "conversion"]
    assert [c.period for c in conversions] == (["2020", "2021", "2022"] if conversions else [])


def test_respectively_years_with_a_wrong_figure_accuse_the_right_year(store):
    # CAAM: NEV production 7.058 million in 2022, 9.587 million in 2023 (12.5 million is neither)
    text = ("According to CAAM, China's NEV production reached 7.06 million units and 12.5 million units in 2022 "
            "and 2023, respectively.")
    found = spot.spot(text, store=store, published="2024-03-01")
    first, second = by_span(found, "7.06 million units"), by_span(found, "12.5 million units")
    assert (first.match.period, second.match.period) == ("2022", "2023")
    assert first.verdict in ("supported", "supported-rounded")
    assert second.verdict == "contradicted"


def test_respectively_years_and_another_count_of_figures_pair_nothing(store):
    # two years, three figures of two units: no pairing, and no accusation on a guessed year
    text = ("China's GDP grew 2.2 percent and 8.4 percent and reached 114.4 trillion yuan in 2020 and 2021 "
            "respectively.")
    found = spot.spot(text, store=store, published="2025-01-20")
    assert not any("“respectively”: 20" in note for c in found for note in c.frame.get("notes", []))
    assert not [c for c in found if c.verdict in ACCUSING]


# --- "R&D investment intensity", and a rounding band worked out in decimal --------------------------------------------

@pytest.mark.parametrize("sentence", [
    "In 2023 China's R&D investment intensity reached 2.65%.",
    "China's R&D spending intensity was 2.65 percent in 2023.",
    "The R&D expenditure intensity of China stood at 2.65% in 2023.",
])
def test_rd_investment_intensity_is_a_ratio_to_gdp(store, sentence):
    figure = by_span(spot.spot(sentence, store=store, published="2025-03-01"), "2.65")
    assert series_of(figure)[:2] == ("nbs", "rd_intensity") and figure.match.period == "2023"
    assert figure.verdict in ("supported", "supported-rounded")  # NBS: 2.65% of GDP in 2023


def test_a_figure_rounded_half_up_to_the_stated_digit_is_supported(store):
    # NBS: 2.65% of GDP; "2.7%" allows [2.65, 2.75): in binary floating point its lower end was 2.6500000000000004
    figure = by_span(spot.spot("China's R&D spending intensity was 2.7% in 2023.", store=store,
                               published="2025-03-01"), "2.7%")
    assert series_of(figure)[:2] == ("nbs", "rd_intensity")
    assert figure.verdict == "supported-rounded"


def test_an_intensity_far_from_the_published_one_is_contradicted(store):
    figure = by_span(spot.spot("China's R&D spending intensity was 3.1% in 2023.", store=store,
                               published="2025-03-01"), "3.1%")
    assert series_of(figure)[:2] == ("nbs", "rd_intensity")
    assert figure.verdict == "contradicted"


# --- "economic volume", "economic aggregate": the economy's size, answered by GDP as a narrower reading -----------------

@pytest.mark.parametrize("sentence, span", [
    ("China's economic volume was $18.73 trillion in 2024.", "$18.73 trillion"),
    ("In 2024 China's total economic aggregate came to about $18.7 trillion.", "$18.7 trillion"),
])
def test_economic_volume_is_checked_against_gdp(store, sentence, span):
    figure = by_span(spot.spot(sentence, store=store, published="2025-08-01"), span)
    assert series_of(figure)[:2] == ("worldbank", "NY.GDP.MKTP.CD") and figure.match.period == "2024"
    assert figure.verdict in ("supported", "supported-rounded")  # World Bank: 18.73 trillion USD


def test_a_wrong_economic_volume_is_only_reviewed(store):
    # a wider word than GDP: a disagreement is left to review, never an accusation
    figure = by_span(spot.spot("In 2024 China's economic aggregate came to $25 trillion.", store=store,
                               published="2025-08-01"), "$25 trillion")
    assert series_of(figure)[:2] == ("worldbank", "NY.GDP.MKTP.CD")
    assert figure.verdict == "needs-review"


# --- a figure per head of population: after an aside, and the earlier figure it is set against -----------------------

@pytest.mark.parametrize("sentence", [
    "The number of high-value invention patents per 10,000 people, a major indicator of development, reached 9.4 "
    "in 2022.",
    "High-value patents per 10,000 people, a gauge the plan watches closely, stood at 9.4 in 2022.",
])
def test_a_figure_per_head_after_an_aside(store, sentence):
    figure = by_span(spot.spot(sentence, store=store, published="2023-01-20"), "9.4")
    assert series_of(figure)[:2] == ("cnipa", "high_value_invention_patents_per_10k_people")
    assert figure.match.period == "2022" and figure.verdict == "supported"  # CNIPA: 9.4 in 2022


@pytest.mark.parametrize("link", ["up from", "compared with", "compared to"])
def test_the_figure_a_ratio_is_set_against_is_the_same_ratio(store, link):
    text = f"China had 11.8 high-value invention patents per 10,000 people in 2023, {link} 9.4 in 2022."
    found = spot.spot(text, store=store, published="2024-03-20")
    earlier = by_span(found, "9.4")
    assert earlier.unit == "patents per 10000 people"
    assert series_of(earlier)[:2] == ("cnipa", "high_value_invention_patents_per_10k_people")
    assert earlier.verdict not in ACCUSING


def test_a_bare_number_after_a_ratio_without_a_comparison_stays_a_count(store):
    text = "China had 11.8 high-value invention patents per 10,000 people in 2023 and 31 provinces."
    assert by_span(spot.spot(text, store=store, published="2024-03-20"), "31").unit != "patents per 10000 people"
