"""Pass 34 (issue 20): two general shapes behind store-held figures that found no series: a table whose header and rows
are lines of their own (as pasted from a web page), and a percentage of GDP compared with another economy's in a clause
of its own ("while the US spent 3.5%", "below Germany's 3.1%"). Each is tested on phrasings of its own and on near
wordings where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span, exact


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass34")


def _series(candidate) -> tuple:
    return (candidate.match.indicator, candidate.match.entity, candidate.match.period) if candidate.match else None


# --- a table on lines of its own -------------------------------------------------------------------------------------

GII_2019_TABLE = ("The Global Innovation Index 2019 rankings have been published.\n\n"
                  "Rank Country/Economy Score(1-100)\n\n"
                  "Global Innovation Index 2019 Top Ten Rankings\n\n"
                  "1 Switzerland 67.24\n\n"
                  "3 United States of America 61.73\n\n"
                  "9 Germany 58.19\n\n"
                  "14 China 54.82\n")


@pytest.mark.parametrize("span, indicator, entity", [
    ("3", "gii_rank", "USA"), ("61.73", "gii_score", "USA"),
    ("9", "gii_rank", "DEU"), ("58.19", "gii_score", "DEU"),
    ("14", "gii_rank", "CHN"), ("54.82", "gii_score", "CHN"),
])
def test_rows_on_lines_of_their_own_take_the_header_columns(store, span, indicator, entity):
    """A header alone on its line ("Rank Country/Economy Score(1-100)"), a title line, then one row a paragraph: each
    row's first number is its rank and its last the header's score (they were read as counts of nothing)."""
    found = spot.spot(GII_2019_TABLE, store=store, published="2019-07-29")
    figure = exact(found, span)
    assert _series(figure) == (indicator, entity, "2019")
    assert figure.verdict.startswith("supported")


def test_the_header_scale_is_no_figure(store):
    found = spot.spot(GII_2019_TABLE, store=store, published="2019-07-29")
    assert not [c for c in found if c.span.startswith("(1") or c.span.startswith("100")]


def test_rows_joined_by_single_line_breaks_may_skip_ranks(store):
    """Rows one per line without blank lines are one block: they are told apart by their line breaks, so a rank may be
    skipped ("1 ..." then "9 ..."); run together on one line, the sequence still has to hold."""
    text = "Global Innovation Index 2019\nRank Country Score\n1 Switzerland 67.24\n9 Germany 58.19\n14 China 54.82\n"
    found = spot.spot(text, store=store, published="2019-07-29")
    assert _series(exact(found, "58.19")) == ("gii_score", "DEU", "2019")
    assert _series(exact(found, "14")) == ("gii_rank", "CHN", "2019")
    flat = spot.spot("Global Innovation Index 2019: Rank Country Score 1 Switzerland 67.24 9 Germany 58.19",
                     store=store, published="2019-07-29")
    assert exact(flat, "9").unit != "rank"


@pytest.mark.parametrize("text, published, rank, value", [
    ("Global Innovation Index 2019\n\nRank Country Score\n\n1 Switzerland 67.24\n\n"
     "Exports rose 5% to 3 trillion in 2019.\n\n9 Germany 58.19\n", "2019-07-29", "9", "58.19"),
    ("Global Innovation Index 2024\n\nRank Economy Score\n\n1 Switzerland 67.5\n\n"
     "Top science and technology clusters by economy\n\n3 United States 20\n", "2024-10-01", "3", "20"),
])
def test_a_line_with_figures_or_a_title_after_the_rows_ends_the_table(store, text, published, rank, value):
    """A title keeps a table only between its header and its first row ("Top science and technology clusters by
    economy" after the rows opens another list)."""
    found = spot.spot(text, store=store, published=published)
    assert exact(found, rank).unit != "rank" and exact(found, value).unit != "score"


@pytest.mark.parametrize("row", ["9 Germany 58.19 (2018: 58.03)", "9 Germany exported 58.19", "9 Germany 58.19 bn",
                                 "9 Estimates 58.19", "9 Downing Street 58"])
def test_a_line_that_is_not_one_rank_name_and_value_is_no_row(store, row):
    text = f"Global Innovation Index 2019\n\nRank Country Score\n\n{row}\n"
    found = spot.spot(text, store=store, published="2019-07-29")
    assert exact(found, "9").unit != "rank"


@pytest.mark.parametrize("text", [
    "Global Innovation Index 2024, Europe\nRank Economy Score\n1 Switzerland 67.5\n3 United Kingdom 61.0\n6 Germany 58.1\n",
    "Global Innovation Index 2024: high-income economies\nRank Economy Score\n1 Switzerland 67.5\n2 Sweden 64.5\n"
    "11 France 55.4\n12 Japan 54.1\n",
    "Global Innovation Index 2024, Europe\n\nRank Economy Score\n\n1 Switzerland 67.5\n\n3 United Kingdom 61.0\n",
])
def test_a_table_of_a_group_is_never_judged_false_on_the_global_ranking(store, text):
    """A table's title may name the index and still rank a group (Europe, an income group, the G7, a pillar): which
    ranking a row is in is assumed, so "3 United Kingdom" (third in Europe, fifth overall) is not contradicted."""
    found = spot.spot(text, store=store, published="2024-10-01")
    assert [c for c in found if c.unit == "rank" and c.span != "1"]
    assert not [c for c in found if c.verdict in ACCUSING]


def test_only_a_row_that_starts_its_line_may_skip_a_rank(store):
    text = "Global Innovation Index 2024\nRank Economy Score\n1 Switzerland 67.5\n2 Sweden 64.5\nPreviously 12 China 55.3\n"
    found = spot.spot(text, store=store, published="2024-10-01")
    assert exact(found, "12").unit != "rank"


def test_a_numbered_row_with_a_dash_is_a_row(store):
    text = "Global Innovation Index 2024\n\nRank Economy Score\n\n1. Switzerland – 67.5\n\n2. Sweden – 64.5\n"
    found = spot.spot(text, store=store, published="2024-10-01")
    assert _series(exact(found, "64.5")) == ("gii_score", "SWE", "2024")


def test_a_wrong_score_in_a_row_is_never_an_accusation(store):
    """The header names a score, not which index's: the index is assumed from the text, so a row that disagrees with
    the store is for review."""
    text = GII_2019_TABLE.replace("58.19", "55.19")
    figure = exact(spot.spot(text, store=store, published="2019-07-29"), "55.19")
    assert figure.match.indicator == "gii_score" and figure.verdict not in ACCUSING


# --- a percentage of GDP compared with another economy's in a clause of its own --------------------------------------

@pytest.mark.parametrize("sentence, span, entity", [
    ("South Korea spent 4.9% of its GDP on research and development in 2022, while the US spent 3.5%.", "3.5%", "USA"),
    ("In 2022, Japan spent 3.4 percent of GDP on R&D, below Germany's 3.1 percent.", "3.1 percent", "DEU"),
    ("China spent 2.6% of GDP on R&D in 2023, behind the United States' 3.5%.", "3.5%", "USA"),
    ("In 2022 Japan devoted 3.4% of GDP to R&D, whereas the United Kingdom invested just 2.8%.", "2.8%", "GBR"),
])
def test_another_economys_bare_percentage_after_a_ratio_to_gdp_is_that_ratio(store, sentence, span, entity):
    """The denominator is said once, for the first economy: the other's bare percentage, after a verb of the same
    spending or its name alone, is its own ratio to GDP; assumed, so never an accusation."""
    figure = by_span(spot.spot(sentence, store=store, published="2024-05-01"), span)
    assert figure.match.indicator == "GB.XPD.RSDV.GD.ZS" and figure.match.entity == entity
    assert figure.frame["measure_from"] == "assumed" and figure.verdict not in ACCUSING


@pytest.mark.parametrize("sentence, span", [
    ("South Korea spent 4.9% of its GDP on R&D in 2022, while the US economy grew 2.5%.", "2.5%"),
    ("South Korea spent 4.9% of its GDP on R&D in 2022, while US consumer spending rose 3.4%.", "3.4%"),
    ("South Korea spent 4.9% of its GDP on R&D in 2022, while the United States kept a 3.4% average tariff.", "3.4%"),
    ("South Korea spent 4.9% of its GDP on R&D in 2023; on defence, the UK spent 2.3%.", "2.3%"),
    ("China's exports equalled 19.7% of GDP in 2023, while the US spent 3.5%.", "3.5%"),
])
def test_a_percentage_with_words_of_its_own_is_not_the_ratio(store, sentence, span):
    figure = by_span(spot.spot(sentence, store=store, published="2024-05-01"), span)
    assert figure.unit == "percent"
    assert figure.match is None or figure.match.indicator not in ("GB.XPD.RSDV.GD.ZS", "NE.EXP.GNFS.CD")


# --- "in the year to June 2025" ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, period", [
    ("China's total goods exports in dollar terms rose 4.9% in the year to June 2025, customs data showed.", "2025-06"),
    ("China's total goods exports in dollar terms rose 4.9% in the year through June 2025, customs data showed.",
     "2025-06"),
    ("In the year to June, China's total goods exports in dollar terms rose 4.9%, customs data showed.", "2025-H1"),
])
def test_the_year_to_a_month_is_never_an_accusation(store, sentence, period):
    """"In the year to June 2025" is January to June, the twelve months to June, or June on a year before: read as
    before, but only assumed (a true half-year figure, 5.9%, had been judged false against June's 5.8%)."""
    figure = by_span(spot.spot(sentence, store=store, published="2025-07-20"), "4.9%")
    assert figure.period == period and figure.frame["period_from"] == "assumed"
    assert figure.verdict not in ACCUSING


def test_the_year_to_a_month_still_supports_that_months_change(store):
    figure = by_span(spot.spot("China's total goods exports in dollar terms rose 5.8% in the year to June 2025.",
                               store=store, published="2025-07-20"), "5.8%")
    assert figure.period == "2025-06" and figure.verdict == "supported"  # customs: 5.8% in June 2025


def test_june_alone_is_still_june(store):
    figure = by_span(spot.spot("China's total goods exports in dollar terms rose 4.9% in June 2025, customs data showed.",
                               store=store, published="2025-07-20"), "4.9%")
    assert figure.period == "2025-06" and figure.verdict == "contradicted"  # customs: 5.8% in June 2025


def test_the_twelve_months_to_a_month_stay_a_window(store):
    figure = by_span(spot.spot("China's solar panel exports reached 230 GW in the 12 months to June 2025.",
                               store=store, published="2025-08-01"), "230 GW")
    assert figure.period == "2024-07/2025-06"


# --- found by the reviews: accusations older than the pass --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In the GII 2023, the US ranked first in 13 indicators. It came 3rd, with a score of 63.5.",
    "In the GII 2024, China came first in 8 indicators and was the top-ranked upper middle-income economy; it ranked 11th.",
])
def test_first_in_n_indicators_is_no_place_in_the_index(store, text):
    """"ranked first in 13 indicators": "first" is the words of the count (13 indicators ranked first), not the
    economy's place in the index (the US was judged false against its 3rd place)."""
    found = spot.spot(text, store=store, published="2024-10-01")
    assert not [c for c in found if c.span == "first"]
    assert not [c for c in found if c.verdict in ACCUSING]
    assert [c for c in found if c.match and c.match.indicator == "indicators_ranked_first"]


def test_a_regional_rank_is_no_place_in_the_index(store):
    """"Regional rank 3 China 56.3" after a GII table: a place within a field the store does not rank (China was
    judged false against its 11th place overall)."""
    text = ("Global Innovation Index 2024\nRank Economy Score\n1 Switzerland 67.5\n2 Sweden 64.5\n"
            "Regional rank 3 China 56.3\n")
    found = spot.spot(text, store=store, published="2024-10-01")
    assert exact(found, "3").match is None and not [c for c in found if c.verdict in ACCUSING]
    line = spot.spot("China's global rank is 11th in the GII 2024, and its regional rank is 2nd.", store=store,
                     published="2024-10-01")
    assert exact(line, "2nd").match is None and exact(line, "11th").verdict == "supported"


# --- found by the second review -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In the GII 2024, China came first in 2 of 7 pillars.",
    "In the GII 2024, China ranked first in 13 categories.",
    "In the GII 2024, China's ranking in the region was 3rd.",
])
def test_places_in_other_items_or_fields_are_never_the_index_place(store, text):
    found = spot.spot(text, store=store, published="2024-10-01")
    assert not [c for c in found if c.verdict in ACCUSING]
    assert not [c for c in found if c.match and c.match.indicator in ("gii_rank", "indicators_ranked_first")]


def test_the_year_to_a_month_opening_a_sentence_is_assumed(store):
    figure = by_span(spot.spot("The year to June 2025 saw China's total goods exports in dollar terms rise 4.9%.",
                               store=store, published="2025-07-20"), "4.9%")
    assert figure.frame["period_from"] == "assumed" and figure.verdict not in ACCUSING


def test_rows_run_together_may_end_in_the_value_unit(store):
    text = "Global Innovation Index 2024\nRank Country Score\n1 Switzerland 67.5 points\n2 Sweden 64.5 points\n"
    found = spot.spot(text, store=store, published="2024-10-01")
    assert _series(exact(found, "2")) == ("gii_rank", "SWE", "2024")


# --- "at number 11" ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span, value, period, verdict", [
    ("China is at number 11 in the Global Innovation Index 2024.", "number 11", 11, "2024", "supported"),
    ("China moved up to number 11 in the Global Innovation Index 2024, from number 12 a year earlier.", "number 12", 12,
     "2023", "supported"),
    ("In the Global Innovation Index, China climbed to number 11 in 2024 from number 14 in 2022.", "number 14", 14,
     "2022", "contradicted"),  # WIPO: China was 11th in 2022
])
def test_a_place_said_as_number_n_is_read_whole(store, sentence, span, value, period, verdict):
    """"at number 11" is a place in the ranking (the reader had read "11" alone, a count of nothing, and mapped it to
    the cluster count); said after a placing word and ending its phrase only."""
    figure = exact(spot.spot(sentence, store=store, published="2024-10-01"), span)
    assert (figure.value, figure.unit, figure.match.indicator, figure.period, figure.verdict) == (
        value, "rank", "gii_rank", period, verdict)


def test_a_move_between_numbered_places_reads_both(store):
    found = spot.spot("Hong Kong fell from number 7 to number 9 in the Global Innovation Index 2024.", store=store,
                      published="2024-10-01")
    assert [(c.span, c.unit) for c in found] == [("number 7", "rank"), ("number 9", "rank")]
    assert not [c for c in found if c.verdict in ACCUSING]  # WIPO: 18th in 2024; the text's year is the edition's


@pytest.mark.parametrize("sentence", ["He took the number 5 bus to the office.", "The number 11 is prime.",
                                      "Tesla is the number 2 brand in China."])
def test_number_n_as_a_label_is_no_place(sentence, store):
    assert not [c for c in spot.spot(sentence, store=store, published="2024-10-01") if c.unit == "rank"]
