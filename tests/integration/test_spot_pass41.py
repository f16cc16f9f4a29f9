"""Pass 41 (issue 20): a level whose month was carried, not said, judged on its year too (a year over by the text's
date); "full-year" words before a figure's measure over a month another figure's clause names; sales "in China" read
on whichever of all sales and home sales holds them, never accused; sales "outside China" are exports; "in total"
after a text on the world; an index's edition named in the sentence read beside the year before it, both ways.
Tested on phrasings of its own (some of them the reviewers') and on near wordings whose reading must not change."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, exact


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass41")


# -- a month carried, the year's level -------------------------------------------------------------------------

DECEMBER = "China's exports rose 10.7% in December from a year earlier. "


def test_a_level_of_the_year_after_a_paragraph_on_a_month_is_judged_on_the_year(store):
    """GACC: the 2024 surplus was $992.1 billion, December's $104.8 billion: "$992 billion" carried December's
    period and was left for review against $104.8 billion."""
    found = spot.spot(DECEMBER + "The trade surplus hit a record $992 billion.", store=store, published="2025-01-14")
    figure = exact(found, "$992 billion")
    assert (figure.match.indicator, figure.match.period, figure.verdict) == (
        "goods_trade_balance", "2024", "supported-rounded"), figure.explanation
    assert "Read as 2024" in figure.explanation and "an assumption" in figure.explanation


@pytest.mark.parametrize("sentence, span", [
    ("The trade surplus was $104.8 billion.", "$104.8 billion"),  # the month's own level holds: it stays the month's
    ("The trade surplus was more than $500 billion.", "more than $500 billion"),  # any year passes a month's bound
    ("The trade surplus in December hit $992 billion.", "$992 billion"),  # the month is said in the sentence
])
def test_the_year_is_no_reading_where_the_month_holds_or_is_said_or_the_figure_is_a_bound(store, sentence, span):
    figure = exact(spot.spot(DECEMBER + sentence, store=store, published="2025-01-14"), span)
    assert figure.match.period == "2024-12", figure.explanation


def test_a_year_not_over_by_the_texts_date_is_no_reading(store):
    """GACC: 2024's surplus in yuan was 7.06 trillion, out in January 2025; in a text of September 2024 it is no
    reading of a level after a sentence on August (a reviewer's case: it had been supported on the year)."""
    found = spot.spot("Exports rose 8.7% in August. The surplus in yuan terms was 7.06 trillion yuan.", store=store,
                      published="2024-09-10")
    figure = exact(found, "7.06 trillion yuan")
    assert figure.match.period == "2024-08" and figure.verdict not in ("supported", "supported-rounded")


def test_a_level_of_neither_the_month_nor_the_year_is_never_accused(store):
    figure = exact(spot.spot(DECEMBER + "The trade surplus was $1.5 trillion.", store=store, published="2025-01-14"),
                    "$1.5 trillion")
    assert figure.verdict not in ACCUSING, figure.explanation


# -- "full-year" before a figure ---------------------------------------------------------------------------------

def test_full_year_words_before_a_figure_beat_the_month_of_the_next_figure(store):
    found = spot.spot("Customs data on Monday showed China's full-year trade surplus reached $992 billion, after "
                      "it passed $900 billion for the first time in November.", store=store, published="2025-01-14")
    assert exact(found, "$992 billion").match.period == "2024"
    assert exact(found, "$900 billion").match.period == "2024-11"


@pytest.mark.parametrize("text, span", [
    ("Exports rose 6.7% in November, putting full-year growth on track for 5%.", "6.7%"),
    # "annual" of a basis, a fair, a review; full-year words of no measure (the reviewers' cases)
    ("On an annual basis, exports rose 6.7% and imports fell 3.9% in November.", "6.7%"),
    ("The annual Canton Fair drew record crowds as exports rose 6.7% and imports fell 3.9% in November.", "6.7%"),
    ("With full-year data due next month, the surplus reached $97.44 billion and exports rose 6.7% in November.",
     "$97.44 billion"),
    # full-year words of another measure, or a month two figures share
    ("Full-year exports beat forecasts as the surplus hit $97.44 billion and imports fell 3.9% in November.",
     "$97.44 billion"),
    ("Full-year exports rose 6.7% and imports fell 3.9% in November, analysts said.", "6.7%"),
])
def test_full_year_words_not_of_the_figures_measure_leave_a_months_figure_alone(store, text, span):
    assert exact(spot.spot(text, store=store, published="2024-12-10"), span).match.period == "2024-11"


# -- sales "in China" --------------------------------------------------------------------------------------------

def test_sales_in_china_are_read_as_sales_and_supported_where_they_hold(store):
    """CAAM: vehicle sales rose 4.5% in 2024 (with exports); "sales in China" had been read as domestic sales,
    which the store holds for no 2024 growth: unverifiable."""
    figure = exact(spot.spot("Vehicle sales in China rose 4.5% in 2024, CAAM said.", store=store,
                              published="2025-01-20"), "4.5%")
    assert (figure.match.indicator, figure.verdict) == ("vehicle_sales_yoy_pct", "supported"), figure.explanation


@pytest.mark.parametrize("text, span", [
    ("Vehicle sales in China rose 9% in 2024.", "9%"),
    ("Vehicle sales in China reached 25 million in 2024.", "25 million"),
])
def test_sales_in_china_are_never_accused_on_all_sales(store, text, span):
    """The words may mean the sales at home, which CAAM's total (with exports) does not measure."""
    figure = exact(spot.spot(text, store=store, published="2025-01-20"), span)
    assert figure.match.indicator.startswith("vehicle_sales") and figure.verdict == "needs-review", figure.explanation


def test_sales_in_china_beside_exports_are_the_sales_at_home(store):
    figure = exact(spot.spot("CAAM said auto sales in China totaled 23.8 million in 2022 while exports jumped to "
                              "3.1 million.", store=store, published="2023-01-20"), "23.8 million")
    assert figure.match.indicator == "vehicle_domestic_sales" and figure.verdict not in ACCUSING


@pytest.mark.parametrize("text, span, indicator", [
    # CAAM 2025: home sales 27.3 million (all sales 34.4 million); home NEV sales 13.875 million, up 20%
    ("Vehicle sales in China reached 27.3 million units in 2025, as price cuts lured buyers.", "27.3 million units",
     "vehicle_domestic_sales"),
    ("NEV sales in China rose 20% last year, according to CAAM.", "20%", "vehicle_domestic_sales_yoy_pct"),
])
def test_sales_in_china_are_read_as_home_sales_where_those_hold(store, text, span, indicator):
    figure = exact(spot.spot(text, store=store, published="2026-01-14"), span)
    assert (figure.match.indicator, figure.verdict) == (indicator, "supported" if "%" in span else "supported-rounded")
    assert "“in China”: read as" in figure.explanation


@pytest.mark.parametrize("text, span", [
    ("China sold 25.6 million vehicles in China in 2024, CAAM said.", "25.6 million vehicles"),  # home sales: true
    ("Some 25.6 million vehicles were sold in China in 2024.", "Some 25.6 million vehicles"),
])
def test_sales_in_china_said_after_the_figure_are_never_accused_on_all_sales(store, text, span):
    """The store holds no 2024 home sales (CAAM: 25.58 million); against all sales (31.44 million) the first had been
    called false (a reviewer's case)."""
    assert exact(spot.spot(text, store=store, published="2025-01-14"), span).verdict == "needs-review"


def test_sales_outside_china_are_exports(store):
    """CAAM: 5.86 million vehicles exported in 2024, up 19.3%; both had been called false against all sales."""
    found = spot.spot("Sales outside China rose 19.3% to 5.86 million vehicles in 2024.", store=store,
                      published="2025-01-13")
    assert [(c.match.indicator, c.verdict) for c in found] == [("vehicle_exports_yoy_pct", "supported"),
                                                              ("vehicle_exports", "supported-rounded")]


def test_sales_with_no_market_named_stay_determined(store):
    figure = exact(spot.spot("China's NEV sales reached 11 million in 2024.", store=store, published="2025-01-20"),
                    "11 million")
    assert figure.verdict == "contradicted", figure.explanation  # CAAM: 12.87 million


# -- "in total" after a text on the world ----------------------------------------------------------------------

def test_in_total_after_a_text_on_the_world_is_the_worlds_total(store):
    found = spot.spot("Global PCT filings edged up 0.5% in 2024, WIPO said. China stayed first and Germany was "
                      "fifth. Altogether, some 273,900 applications were filed.", store=store, published="2025-03-20")
    figure = exact(found, "some 273,900 applications")
    assert (figure.match.entity, figure.verdict) == ("WLD", "supported"), figure.explanation


@pytest.mark.parametrize("text, span, entity", [
    # after a sentence on one economy, or pointing back to the economies named (the reviewers' cases)
    ("WIPO counted 272,600 PCT filings worldwide in 2023.\n\nChina's filings slipped 0.6%. In total, 69,610 applications "
     "were filed.", "69,610 applications", "CHN"),
    ("Global PCT filings edged up 0.5% in 2024. The US filed 54,087 and Japan 48,397. In total, the two filed 102,484 "
     "applications.", "102,484 applications", "JPN"),
])
def test_in_total_of_an_economy_said_before_is_not_the_worlds(store, text, span, entity):
    figure = exact(spot.spot(text, store=store, published="2025-03-20"), span)
    assert figure.match.entity == entity and figure.verdict not in ACCUSING


def test_in_total_with_an_economy_named_is_that_economys(store):
    found = spot.spot("Global PCT filings edged up 0.5% in 2024. In total, China filed 70,160 applications.",
                      store=store, published="2025-03-20")
    assert exact(found, "70,160 applications").match.entity == "CHN"


# -- an index's edition --------------------------------------------------------------------------------------------

def test_the_edition_that_holds_a_score_is_shown_as_its_period(store):
    """GII 2025 scores Switzerland 66.0 (data year 2024); the 2024 edition scored it 67.5."""
    figure = exact(spot.spot("According to the 2025 Global Innovation Index, Switzerland scored 66.0 in 2024.",
                              store=store, published="2025-10-08"), "66.0")
    assert (figure.match.period, figure.verdict) == ("2025", "needs-review"), figure.explanation
    assert "the 2025 edition" in figure.explanation


@pytest.mark.parametrize("text, span, indicator", [
    # a place in a field of the index (its indicators, a group) is not its overall place (GII 2025: China 10th; a
    # reviewer's case, called false against 10th); "in the world", "in innovation", "in the GII 2024" stay the index's
    ("The 2025 Global Innovation Index shows China ranking first in industrial designs by origin and trademarks by "
     "origin.", "first", None),
    ("China ranked first in the upper-middle-income group in the Global Innovation Index 2025.", "first", None),
    ("China came first in domestic market scale in the 2025 Global Innovation Index.", "first", None),
    ("Russia was ranked 59th in the classification of the Global Innovation Index 2024.", "59th", "gii_rank"),
    ("In the Global Innovation Index 2025, China ranked 10th in the world.", "10th", "gii_rank"),
    ("China ranks 10th in innovation, according to WIPO's Global Innovation Index 2025.", "10th", "gii_rank"),
])
def test_a_place_in_a_field_of_the_index_is_not_its_overall_place(store, text, span, indicator):
    figure = exact(spot.spot(text, store=store, published="2025-09-20"), span)
    assert (figure.match.indicator if figure.match else None) == indicator and figure.verdict not in ACCUSING


def test_a_level_averaged_over_years_is_no_years_level(store):
    """dev204's first run: a ten-year average of the surplus had been judged against 2024's $992.1 billion and called
    false. The next sentence's level of the year is still that year's."""
    found = spot.spot("China's goods trade surplus averaged $600 billion in the decade to 2024. The 2024 figure was "
                      "$992 billion.", store=store, published="2025-08-01")
    assert exact(found, "$600 billion").match is None and exact(found, "$600 billion").verdict == "unverifiable"
    assert exact(found, "$992 billion").match.period == "2024"


def test_an_edition_named_by_the_year_it_came_out_gives_its_reading(store):
    """GII 2025 has China 10th, GII 2024 11th: "Published in 2025, the Global Innovation Index ranked China 10th in
    2024" had been called false against the 2024 edition (a reviewer's case); a place false on both stays so."""
    found = spot.spot("Published in 2025, the Global Innovation Index ranked China 10th in 2024.", store=store,
                      published="2025-10-01")
    assert exact(found, "10th").verdict == "needs-review"
    found = spot.spot("Published in 2025, the Global Innovation Index ranked China 14th in 2024.", store=store,
                      published="2025-10-01")
    assert exact(found, "14th").verdict == "contradicted"
