"""Mapping pass 23 (issue 20): general classes of wording found on stories written for the test in the common wordings
of each genre (values from the bundled store: GACC's monthly exports in dollars, April 2024 up 1.5% to $292.5 billion,
October 2024 up 12.7%, October 2025 down 1.1%), each tested on phrasings of its own and on a near wording where it must
not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass23")


# --- a rate with its level after "to": dated by what follows the level ---------------------------------------------

@pytest.mark.parametrize("text", [
    "China's imports jumped 8.4 percent in the first quarter. Exports grew 1.5 percent to USD 292.5 billion last "
    "month, according to customs data.",
    "China's imports jumped 8.4 percent in the first quarter. Exports rose 1.5% year-on-year to $292.5 billion in "
    "April, customs data showed.",
])
def test_a_rate_is_dated_by_the_words_after_its_level(store, text):
    found = spot.spot(text, store=store, published="2024-05-09")
    growth, level = by_span(found, "1.5"), by_span(found, "292.5")
    assert (growth.match.indicator, growth.period) == ("goods_exports_usd_yoy_pct", "2024-04")
    assert level.period == "2024-04"
    assert growth.verdict == "supported", growth.explanation


def test_a_rate_dated_before_its_to_keeps_its_own_period(store):
    text = "Exports rose 12.7 percent in October 2024 to $309 billion last month, a garbled sentence."
    growth = by_span(spot.spot(text, store=store, published="2025-11-07"), "12.7 percent")
    assert growth.period == "2024-10"


# --- "the same month in 2024": the text's month in that year ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "China's exports fell 1.1% in October. The decline was affected by a high base for the same month in 2024, when "
    "export growth soared more than 12.6%.",
    "China's exports fell 1.1% in October, against the same month of 2024, when exports had jumped 12.7%.",
])
def test_the_same_month_of_another_year_is_that_month(store, text):
    earlier = by_span(spot.spot(text, store=store, published="2025-11-07"), "12.")
    assert (earlier.match.indicator, earlier.period) == ("goods_exports_usd_yoy_pct", "2024-10")
    assert earlier.verdict not in ACCUSING


def test_the_same_month_of_another_year_is_not_read_for_an_annual_text(store):
    text = "China's exports grew 5.9% in 2024, against the same month of 2023 as a base for December's figures."
    growth = by_span(spot.spot(text, store=store, published="2025-02-01"), "5.9%")
    assert growth.period == "2024"


# --- an assumed subject is not swapped for any subject whose figure happens to agree --------------------------------

@pytest.mark.parametrize("text", [
    "In 2024, export growth soared more than 12.6%.",
    "In 2024, China's export growth soared more than 12.6%.",
])
def test_an_assumed_subject_is_not_read_as_a_narrower_one_that_supports(store, text):
    growth = by_span(spot.spot(text, store=store, published="2025-11-07"), "12.6%")
    assert growth.match.indicator == "goods_exports_usd_yoy_pct"
    assert growth.verdict == "needs-review", growth.explanation


def test_an_assumed_subject_orders_of_magnitude_off_may_be_read_as_the_subject_before(store):
    text = ("Similarly, China now makes 70% of the world's lithium-ion batteries. Last year, Chinese exports jumped "
            "28% to $65 billion.")
    level = by_span(spot.spot(text, store=store, published="2024-05-01"), "$65 billion")
    assert (level.match.indicator, level.period) == ("liion_exports_value", "2023")
    assert level.verdict not in ACCUSING


# --- "since late last year": a base, not the figure's year --------------------------------------------------------

@pytest.mark.parametrize("since", ["since late last year", "since mid-2022", "since the end of last year"])
def test_a_year_after_since_and_a_part_of_it_is_a_base(store, since):
    text = (f"China's exports fell 6.4 percent in October. Imports, however, rose 3 percent, notching the first month "
            f"of on-year growth {since}.")
    growth = by_span(spot.spot(text, store=store, published="2023-11-08"), "3 percent")
    assert (growth.match.indicator, growth.period) == ("goods_imports_usd_yoy_pct", "2023-10")


# --- "They" after a sentence naming exports with no figure: those exports --------------------------------------------

def test_a_pronoun_after_a_sentence_naming_a_flow_without_figures_is_that_flow(store):
    text = ("However, imports slipped back into contraction, falling 0.6 percent to $224 billion. Chinese exports have "
            "largely been in decline since last October. They slumped 6.4 percent in October.")
    growth = by_span(spot.spot(text, store=store, published="2023-12-07"), "6.4 percent")
    assert (growth.match.indicator, growth.period) == ("goods_exports_usd_yoy_pct", "2023-10")


def test_a_pronoun_right_after_a_level_is_still_that_levels_growth(store):
    text = "Imports slipped, falling to $224 billion. They fell 0.6 percent in November."
    growth = by_span(spot.spot(text, store=store, published="2023-12-07"), "0.6 percent")
    assert growth.match.indicator.startswith("goods_imports")


# --- an economy that exports is not what it exports ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "China's export-driven economy recorded a significant slump in exports overall last year, which fell by 4.6%.",
    "China's economy saw exports fall by 4.6% last year.",
])
def test_an_economy_that_exports_is_not_the_subject_of_its_exports(store, text):
    growth = by_span(spot.spot(text, store=store, published="2024-04-12"), "4.6%")
    assert (growth.match.indicator, growth.period) == ("goods_exports_usd_yoy_pct", "2023")


def test_an_economy_that_grows_is_still_the_economy(store):
    growth = by_span(spot.spot("China's economy grew 5.2% last year.", store=store, published="2024-04-12"), "5.2%")
    assert growth.match.indicator == "gdp_real_growth_pct"


# --- the flows of a trade said to be with a partner are with it ----------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("Chinese trade with Germany has also fallen, with exports down 12.4% compared to the same month in 2023 and "
     "imports plummeting by 13.7%.", "12.4%"),
    ("The statistics for China's trade with Russia also showed a positive balance, with exports up 2.6% and imports up "
     "7.3%.", "7.3%"),
])
def test_flows_of_a_trade_with_a_partner_are_bilateral(store, text, span):
    flow = by_span(spot.spot(text, store=store, published="2024-04-12"), span)
    assert flow.match is None  # the store keeps China's trade by partner for no flow in dollars
    assert flow.verdict == "unverifiable"
    assert flow.frame["counterpart"] in ("DEU", "RUS")


def test_trade_with_a_partner_before_chinas_own_exports_leaves_them_total(store):
    text = "Despite tensions in its trade with the US, China's exports rose 1.5% in April."
    growth = by_span(spot.spot(text, store=store, published="2024-05-09"), "1.5%")
    assert (growth.match.indicator, growth.period) == ("goods_exports_usd_yoy_pct", "2024-04")


# --- an index's make-up is not a count its rows hold --------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("The Global Innovation Index (GII) for 2023 analyzed 132 countries, based on about 80 indicators.", "80 indicators"),
    ("The Global Innovation Index covers 132 economies and is based on 80 indicators.", "80 indicators"),
    ("The GII 2023 ranks 132 economies using 80 indicators across seven pillars.", "80 indicators"),
])
def test_the_indicators_an_index_is_made_of_are_no_series(store, text, span):
    count = by_span(spot.spot(text, store=store, published="2023-09-27"), span)
    assert count.match is None and count.verdict == "unverifiable"


def test_indicators_ranked_first_are_still_read(store):
    text = "In the Global Innovation Index 2023, China ranked first in 6 indicators."
    count = by_span(spot.spot(text, store=store, published="2023-09-27"), "6 indicators")
    assert count.match is not None and count.match.indicator == "indicators_ranked_first"


# --- "as in 2020": a likeness, not the figure's year --------------------------------------------------------------

def test_a_year_after_as_in_is_a_comparison(store):
    text = ("The Global Innovation Index 2023 was published today. Hungary has improved its position and is now at "
            "35th, as in 2020.")
    rank = by_span(spot.spot(text, store=store, published="2023-09-27"), "35th")
    assert (rank.match.indicator, rank.period, rank.entity) == ("gii_rank", "2023", "HUN")


# --- bare numbers in a list after "ranked" are places; "respectively" pairs the list as long as the figures --------

@pytest.mark.parametrize("text", [
    "In the 2023 Global Innovation Index, Argentina and Costa Rica are ranked 73 and 74, respectively.",
    "In the 2023 Global Innovation Index, other Latin American countries like Uruguay, Colombia, Argentina, and Costa "
    "Rica are ranked 63, 66, 73, and 74, respectively.",
])
def test_numbers_listed_after_ranked_are_places_paired_with_the_list(store, text):
    found = spot.spot(text, store=store, published="2023-09-27")
    argentina, costa_rica = by_span(found, "73"), by_span(found, "74")
    assert (argentina.match.indicator, argentina.entity) == ("gii_rank", "ARG")
    assert (costa_rica.match.indicator, costa_rica.entity) == ("gii_rank", "CRI")
    assert argentina.verdict == costa_rica.verdict == "supported"


def test_respectively_skips_a_place_outside_the_list(store):
    text = ("In the 2023 Global Innovation Index, Hungary and Bulgaria trail China in innovation, occupying the 35th "
            "and 38th places globally, respectively.")
    found = spot.spot(text, store=store, published="2023-09-27")
    assert (by_span(found, "35th").entity, by_span(found, "38th").entity) == ("HUN", "BGR")


def test_numbers_after_a_count_word_are_not_places(store):
    text = "China ranked first with 24 clusters in the top 100 of the 2023 Global Innovation Index."
    count = by_span(spot.spot(text, store=store, published="2023-09-27"), "24 clusters")
    assert count.unit != "rank"


# --- ", with China moving up to 11th place": the absolute clause's subject, not a partner --------------------------

@pytest.mark.parametrize("text", [
    "Switzerland remains the world's most innovative country, ahead of Sweden and the United States, with China "
    "moving up to 11th place, according to WIPO.",
    "Switzerland remains the world's most innovative country, ahead of Sweden and the United States, with China in "
    "11th place.",
])
def test_a_place_opening_an_absolute_clause_is_whose_rank(store, text):
    rank = by_span(spot.spot(text, store=store, published="2024-09-26"), "11th")
    assert (rank.match.indicator, rank.entity) == ("gii_rank", "CHN")
    assert rank.verdict == "supported", rank.explanation


def test_trade_with_a_partner_is_still_a_partner(store):
    text = "China's exports to the rest of the world rose, with trade with the US falling 12.7% in October 2024."
    growth = by_span(spot.spot(text, store=store, published="2024-11-07"), "12.7%")
    assert growth.frame.get("counterpart") == "USA"
    assert growth.match is None and growth.verdict == "unverifiable"


# --- "nearly 70,000 by 2023": the year a level was reached -----------------------------------------------------------

def test_a_year_after_by_dates_the_level_reached(store):
    text = ("2024 AIPPI World Congress: China leads in international PCT patent applications.\n\n"
            "Since joining the PCT in the mid-1990s, China's annual applications surged from about 100 to nearly "
            "70,000 by 2023.")
    level = by_span(spot.spot(text, store=store, published="2024-10-20"), "nearly 70,000")
    assert (level.match.indicator, level.period) == ("pct_applications", "2023")
    assert level.verdict == "supported", level.explanation


def test_a_year_after_by_in_the_future_is_a_forecast(store):
    found = spot.spot("China's annual PCT applications will reach 100,000 by 2030.", store=store,
                      published="2024-10-20")
    level = by_span(found, "100,000")
    assert level.period == "2030" and level.verdict == "opinion"


# --- a list of bases: every one a base ---------------------------------------------------------------------------

def test_figures_listed_after_compared_with_are_all_bases(store):
    text = ("Chinese exports rose by 8.6% in June year on year, while imports fell by 2.3%. Economists had expected "
            "growth of 8% and 2.8%, compared with 7.6% and 1.8% in May. The trade surplus grew to $99.05bn, compared "
            "with forecasts of $85bn and $82.62bn in May.")
    surplus = by_span(spot.spot(text, store=store, published="2024-07-12"), "$99.05bn")
    assert (surplus.match.indicator, surplus.period) == ("goods_trade_balance", "2024-06")


# --- a first rise or fall in N months with no figure: the month's growth series, the months before the other way ---

@pytest.mark.parametrize("text,published,period", [
    ("BEIJING - Chinese exports fell for the first time in three months in May, adding to risks as global demand "
     "weakens.", "2023-06-07", "2023-03/2023-05"),
    ("Chinese exports rose in November for the first time in seven months, officials said Thursday.", "2023-12-07",
     "2023-05/2023-11"),
])
def test_a_first_turn_in_months_without_a_figure_is_checked_month_by_month(store, text, published, period):
    streak = by_span(spot.spot(text, store=store, published=published), "months")
    assert (streak.match.indicator, streak.match.period) == ("goods_exports_usd_yoy_pct", period)
    assert streak.verdict == "supported", streak.explanation


def test_a_first_turn_said_the_wrong_way_is_never_an_accusation(store):
    text = "Chinese exports fell in November for the first time in seven months, officials said Thursday."
    streak = by_span(spot.spot(text, store=store, published="2023-12-07"), "seven months")
    assert streak.match.indicator == "goods_exports_usd_yoy_pct"
    assert streak.verdict == "needs-review", streak.explanation


def test_a_first_turn_of_another_economys_flow_is_not_chinas(store):
    text = "Japanese exports rose in November for the first time in seven months, officials said Thursday."
    streak = by_span(spot.spot(text, store=store, published="2023-12-07"), "seven months")
    assert streak.match is None and streak.verdict == "unverifiable"


# --- a month after a figure of an "after" clause is that figure's -------------------------------------------------

def test_the_month_of_an_after_clause_dates_its_own_figure_only(store):
    text = ("China's exports in November edged higher, while imports fell. Exports rose 0.5% from a year earlier to "
            "$291.9 billion, but imports fell 0.6%, to $223.5 billion, after they climbed 3% in October.")
    found = spot.spot(text, store=store, published="2023-12-07")
    assert (by_span(found, "0.6%").period, by_span(found, "$291.9 billion").period) == ("2023-11", "2023-11")
    assert by_span(found, "3%").period == "2023-10"


# --- a growth against the month before's figure is month on month ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "China's exports rose 0.5% in November. The trade surplus of $68.4 billion was up 21% compared to October's "
    "$56.5 billion.",
    "China's exports rose 0.5% in November. The trade surplus of $68.4 billion was up 21% from $56.5 billion in "
    "October.",
])
def test_a_growth_against_the_previous_months_figure_is_month_on_month(store, text):
    growth = by_span(spot.spot(text, store=store, published="2023-12-07"), "21%")
    assert (growth.match.indicator, growth.match.period, growth.match.derivation) == \
        ("goods_trade_balance", "2023-10/2023-11", "growth")
    assert growth.verdict not in ACCUSING


@pytest.mark.parametrize("text", [
    "China's exports rose 0.5% in November. The trade surplus of $68.4 billion was up 21% from $56.5 billion in May.",
    "China's imports increased 1.9 per cent in November 2025, better than October's 1 per cent growth.",
])
def test_another_months_figure_or_rate_is_not_a_month_on_month_base(store, text):
    growth = next(c for c in spot.spot(text, store=store, published="2025-12-08") if c.unit == "percent"
                  and c.value in (21, 1.9))
    assert growth.match is None or growth.match.derivation != "growth"


# --- "for the first time in 7 months" in digits; "edged higher" a rise ----------------------------------------------

def test_a_first_turn_in_months_in_digits(store):
    text = "China's exports in November edged higher for the first time in 7 months, while imports fell"
    streak = by_span(spot.spot(text, store=store, published="2023-12-07"), "7")
    assert (streak.match.indicator, streak.match.period) == ("goods_exports_usd_yoy_pct", "2023-05/2023-11")
    assert streak.verdict == "supported", streak.explanation


# --- "the previous month's 6.8% loss": a base of the month before ------------------------------------------------

def test_the_previous_months_figure_is_a_base_of_the_month_before(store):
    text = ("Customs data show China's exports plunged 14.5% in July compared with a year ago. Imports fell 12.4% to "
            "$201.2 billion, widening from the previous month's 6.8% loss.")
    base = by_span(spot.spot(text, store=store, published="2023-08-07"), "6.8%")
    assert (base.match.indicator, base.period, base.role) == ("goods_imports_usd_yoy_pct", "2023-06", "earlier")


def test_last_years_figure_is_a_base(store):
    text = ("WIPO released the 2024 Global Innovation Index (GII) on Aug 27. The report shows that China boasts 26 of the "
            "top 100 global tech innovation clusters, up from last year's 24.")
    base = by_span(spot.spot(text, store=store, published="2024-09-03"), "24")
    assert (base.match.indicator, base.period) == ("st_clusters_top100", "2023")


# --- a growth whose sentence says its measure is not the level's of the sentence before ---------------------------

def test_a_growth_with_its_own_measure_is_not_the_previous_levels(store):
    text = ("Exports dropped 7.5% in March 2024 to $279.7 billion. The decline in exports partly reflected a higher base "
            "of comparison with March 2023, when exports jumped 14.8%.")
    growth = by_span(spot.spot(text, store=store, published="2024-04-12"), "14.8%")
    assert (growth.match.indicator, growth.period) == ("goods_exports_usd_yoy_pct", "2023-03")


# --- royalties are no goods -----------------------------------------------------------------------------------------

def test_intellectual_property_royalties_are_no_series(store):
    text = ("The total import and export of intellectual property royalties reached 387.25 billion yuan in 2022, up 2.4 "
            "percent year on year, with export volume up 17 percent year on year.")
    found = spot.spot(text, store=store, published="2023-04-24")
    assert all(c.match is None and c.verdict == "unverifiable" for c in found)


# --- a bare decimal listed after a score is a score -------------------------------------------------------------------

def test_a_decimal_listed_after_a_score_is_a_score(store):
    text = ("In the 2023 Global Innovation Index, at the top of the list are Switzerland, with a score of 67.6, and "
            "Sweden, with 64.2.")
    score = by_span(spot.spot(text, store=store, published="2023-09-28"), "64.2")
    assert (score.match.indicator, score.entity, score.period) == ("gii_score", "SWE", "2023")
    assert score.verdict == "supported", score.explanation


def test_a_change_of_a_score_in_points_is_not_a_score(store):
    text = ("According to the 2025 Global Innovation Index, with a score of 66.0, Switzerland slipped 1.5 points "
            "compared to the previous year.")
    change = by_span(spot.spot(text, store=store, published="2025-10-08"), "1.5")
    assert change.match is None or change.match.indicator != "gii_score" or change.match.derivation


# --- a basis said right after the figure is its own, though the sentence says the other too ------------------------

def test_a_basis_right_after_the_figure_is_its_own(store):
    text = "In 2023, exports rose by 0.6 percent in renminbi terms and fell 4.6 percent in U.S. dollar terms."
    found = spot.spot(text, store=store, published="2024-01-14")
    assert by_span(found, "0.6 percent").match.indicator == "goods_exports_yoy_pct"
    dollars = by_span(found, "4.6 percent")
    assert dollars.match.indicator == "goods_exports_usd_yoy_pct" and dollars.verdict == "supported"


# --- a span of years before another rate is that rate's ---------------------------------------------------------

def test_a_span_of_years_belongs_to_the_rate_after_it_not_to_one_with_its_own_year(store):
    text = ("From 2020 to 2022, China's average annual GDP growth was approximately 4.5%, followed by 5.2% growth in "
            "2023.")
    found = spot.spot(text, store=store, published="2025-04-16")
    assert by_span(found, "4.5%").match is None
    growth = by_span(found, "5.2%")
    assert (growth.match.indicator, growth.period, growth.verdict) == ("gdp_real_growth_pct", "2023", "supported")


def test_a_span_of_years_is_shared_by_a_parallel_rate_without_a_year(store):
    text = ("Between 2020 and 2024, China's GDP achieved an average growth rate of 4.9 percent, while exports saw "
            "growth of 8.7 percent.")
    found = spot.spot(text, store=store, published="2025-09-09")
    assert by_span(found, "8.7 percent").frame.get("over_years") == "average"


# --- the field of a lead, a cause clause, a target, a tariff -----------------------------------------------------------

def test_globally_after_the_leader_is_the_field_not_whose_count(store):
    text = ("China also leads globally with 26 top science and technology clusters for the second consecutive year, "
            "according to the 2024 Global Innovation Index.")
    count = by_span(spot.spot(text, store=store, published="2024-09-26"), "26")
    assert (count.match.indicator, count.entity, count.verdict) == ("st_clusters_top100", "CHN", "supported")


def test_a_measure_in_a_reflecting_clause_is_not_the_figures(store):
    text = ("In the GII 2025, China enters the Top 10 for the first time, reflecting the scale of its R&D efforts and "
            "the increasing sophistication of its tech exports.")
    rank = by_span(spot.spot(text, store=store, published="2025-09-16"), "Top 10")
    assert (rank.match.indicator, rank.entity, rank.verdict) == ("gii_rank", "CHN", "supported")


@pytest.mark.parametrize("text,span", [
    ("Beijing is aiming for 5% GDP growth this year.", "5%"),
    ("China is targeting around 5% GDP growth in 2024.", "5%"),
    ("Trump has vowed to impose tariffs of as high as 60% on China.", "60%"),
])
def test_targets_and_tariff_rates_are_no_facts_of_a_series(store, text, span):
    figure = by_span(spot.spot(text, store=store, published="2024-03-05"), span)
    assert figure.match is None and figure.verdict in ("unverifiable", "opinion")


# --- a bound on the size of a fall points the other way on the signed growth ------------------------------------------

@pytest.mark.parametrize("text,published,span", [
    ("China's goods exports fell more than 1 percent in October 2025 in dollar terms, customs data showed.",
     "2025-11-08", "more than 1 percent"),
    ("China's goods exports declined by over 1 percent in October 2025 in dollar terms.", "2025-11-08", "over 1 percent"),
    ("China's goods exports fell less than 2 percent in October 2025 in dollar terms.", "2025-11-08", "less than 2 percent"),
    ("China's goods exports fell nearly 1.2 percent in October 2025 in dollar terms.", "2025-11-08", "nearly 1.2 percent"),
])
def test_a_bound_on_a_fall_is_on_its_size(store, text, published, span):
    fall = by_span(spot.spot(text, store=store, published=published), span)
    assert fall.match.indicator == "goods_exports_usd_yoy_pct" and fall.value < 0
    assert fall.verdict == "supported", fall.explanation


def test_a_fall_bound_the_figure_breaks_is_still_never_accused_on_a_guess(store):
    text = "China's goods exports fell more than 5 percent in October 2025 in dollar terms, customs data showed."
    fall = by_span(spot.spot(text, store=store, published="2025-11-08"), "more than 5 percent")
    assert fall.comparator == "<" and fall.verdict != "supported"


# --- "nearly X" is close below X, not any smaller figure ---------------------------------------------------------------

def test_nearly_is_not_supported_by_a_figure_far_below(store):
    text = "China's exports rose nearly 30% in 2023 in dollar terms."
    growth = by_span(spot.spot(text, store=store, published="2024-01-13"), "nearly 30%")
    assert growth.match.indicator == "goods_exports_usd_yoy_pct"
    assert growth.verdict == "needs-review", growth.explanation


@pytest.mark.parametrize("text,span", [
    ("China's exports fell nearly 5% in 2023 in dollar terms.", "nearly 5%"),
    ("China's PCT applications reached nearly 70,000 in 2023.", "nearly 70,000"),
])
def test_nearly_is_supported_by_a_figure_close_below(store, text, span):
    figure = by_span(spot.spot(text, store=store, published="2024-03-07"), span)
    assert figure.verdict == "supported", figure.explanation


@pytest.mark.parametrize("value,decimals,edge", [(70000, 0, 60000), (3.09, 2, 2.781), (30, 0, 20), (4.7, 1, 4.23)])
def test_the_edge_of_nearly(value, decimals, edge):
    assert spot._nearly_edge(value, decimals) == pytest.approx(edge)


def test_patents_of_some_industries_are_never_accused_on_all_patents(store):
    text = ("Additionally, China's valid invention patents in strategic emerging industries stood at 1.349 million in "
            "2024, marking a 15.7 percent year-on-year increase.")
    growth = by_span(spot.spot(text, store=store), "15.7 percent")  # undated, as a pasted text may be
    assert growth.verdict not in ACCUSING


def test_a_base_figure_with_no_year_of_the_text_is_of_the_comparisons_year(store):
    text = ("In the Global Innovation Index, Kenya's overall score of 21.00 points represented a slight decrease from "
            "the previous year's 21.24 points.")
    base = by_span(spot.spot(text, store=store, published="2024-09-27"), "21.24")
    assert (base.match.indicator, base.period, base.entity) == ("gii_score", "2023", "KEN")
    assert base.verdict not in ACCUSING


# --- the review's cases: where this pass's rules must not fire ------------------------------------------------------

def test_as_well_as_in_a_year_is_no_comparison(store):
    found = spot.spot("Exports grew strongly in 2022 as well as in 2023, rising 0.6%.", store=store, published="2024-06-01")
    assert by_span(found, "0.6%").period == "2023"


def test_trade_with_a_partner_does_not_reach_past_while(store):
    text = "China's trade with the United States fell sharply in 2023, while its exports totalled $3.38 trillion."
    level = by_span(spot.spot(text, store=store, published="2024-06-01"), "$3.38 trillion")
    assert level.frame.get("counterpart") in (None, "")
    assert (level.match.indicator, level.verdict) == ("goods_exports", "supported")


def test_an_increase_in_points_is_no_score(store):
    text = "In the Global Innovation Index 2024, Switzerland had a score of 67.5, an increase of 0.9 points."
    change = by_span(spot.spot(text, store=store, published="2024-11-01"), "0.9")
    assert change.match is None or change.match.indicator != "gii_score"


def test_a_level_reached_below_a_bound_is_not_a_fall(store):
    growth = by_span(spot.spot("China's export growth fell to below 5% in 2022.", store=store, published="2024-06-01"),
                     "below 5%")
    assert growth.verdict != "supported"


def test_a_rise_in_an_after_clause_keeps_its_sign(store):
    found = spot.spot("China's imports fell 0.6%, after they climbed 3% in October.", store=store,
                      published="2023-12-10")
    rise = by_span(found, "3%")
    assert (rise.value, rise.period, rise.verdict) == (3.0, "2023-10", "supported")
