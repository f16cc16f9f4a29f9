"""Pass 41 (issue 20): a level whose month was carried, not said, judged on its year too; "full-year" words before a
figure over a month another figure's clause names; sales "in China" read as sales, never accused on that reading;
the whole of a share that follows a figure not taken for its subject; "in total" after a text on the world; an
index's edition reading that holds shown as the period. Tested on phrasings of its own and on near wordings whose
reading must not change."""

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
    assert "read as 2024" in figure.explanation and "an assumption" in figure.explanation


@pytest.mark.parametrize("sentence, span", [
    ("The trade surplus was $104.8 billion.", "$104.8 billion"),  # the month's own level holds: it stays the month's
    ("The trade surplus was more than $500 billion.", "more than $500 billion"),  # any year passes a month's bound
    ("The trade surplus in December hit $992 billion.", "$992 billion"),  # the month is said in the sentence
])
def test_the_year_is_no_reading_where_the_month_holds_or_is_said_or_the_figure_is_a_bound(store, sentence, span):
    figure = exact(spot.spot(DECEMBER + sentence, store=store, published="2025-01-14"), span)
    assert figure.match.period == "2024-12", figure.explanation


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


def test_full_year_words_in_another_clause_leave_a_months_figure_alone(store):
    found = spot.spot("Exports rose 6.7% in November, putting full-year growth on track for 5%.", store=store,
                      published="2024-12-10")
    assert exact(found, "6.7%").match.period == "2024-11"


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


def test_sales_with_no_market_named_stay_determined(store):
    figure = exact(spot.spot("China's NEV sales reached 11 million in 2024.", store=store, published="2025-01-20"),
                    "11 million")
    assert figure.verdict == "contradicted", figure.explanation  # CAAM: 12.87 million


# -- the whole of a share that follows ---------------------------------------------------------------------------

def test_the_whole_of_a_following_share_is_not_the_subject_of_the_figures_before(store):
    found = spot.spot("NEV output rose 30 percent to 12.9 million units in 2024. Sales grew 35.5 percent to 12.87 "
                      "million units, making up 40.9 percent of total new vehicle sales.", store=store,
                      published="2025-01-20")
    assert exact(found, "12.87 million units").match.product == "nev"


# -- "in total" after a text on the world ----------------------------------------------------------------------

def test_in_total_after_a_text_on_the_world_is_the_worlds_total(store):
    found = spot.spot("Global PCT filings edged up 0.5% in 2024, WIPO said. China stayed first and Germany was "
                      "fifth. Altogether, some 273,900 applications were filed.", store=store, published="2025-03-20")
    figure = exact(found, "some 273,900 applications")
    assert (figure.match.entity, figure.verdict) == ("WLD", "supported"), figure.explanation


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
