"""Mapping pass 31 (issue 20): general classes of wording found on the development detail, each tested on phrasings
of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.spot.frames import _subannual_all
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass31")


def _read(store, text, span, published):
    return by_span(spot.spot(text, store=store, published=published), span)


MODULES = ("China exported 24.5 GW of modules in March, a 16% month-on-month increase from 21.2 GW in February 2024 "
           "and a 16% year-on-year growth from March 2023, accumulating 67.6 GW in the first quarter of 2024, a 33% "
           "increase from 50.9 GW in the same period last year.")


# --- a base figure's own month and year -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "China exported 24.5 GW of modules in March 2024, up from 21.2 GW in February 2024.",
    "China exported 24.5 GW of modules in March 2024, compared with 21.2 GW in February, 2024.",
    MODULES,
])
def test_a_base_figures_month_and_year_date_it(store, text):
    """"up from 21.2 GW in February 2024": February 2024, not February of the year before."""
    assert _read(store, text, "21.2 GW", "2024-04-29").frame["period"] == "2024-02"


def test_a_base_in_the_same_year_leaves_that_year_to_the_later_figures(store):
    """A month-on-month base of the same year is no base year: "67.6 GW in the first quarter of 2024" stays 2024, and
    the second "16%" (year on year, from March 2023) is March's, not February's."""
    reads = [c for c in spot.spot(MODULES, store=store, published="2024-04-29")]
    by = {c.span: c for c in reads}
    assert by["67.6 GW"].frame["period"] == "2024-Q1"
    assert [c.frame["period"] for c in reads if c.span == "16%"] == ["2024-03", "2024-03"]


def test_a_base_in_the_same_period_last_year_is_the_compared_figures_period(store):
    """"accumulating 67.6 GW in the first quarter of 2024, a 33% increase from 50.9 GW in the same period last year" in
    a text on March: the first quarter of 2023, not March 2023."""
    assert _read(store, MODULES, "50.9 GW", "2024-04-29").frame["period"] == "2023-Q1"


def test_a_base_a_year_earlier_after_the_sentences_own_month_stays_that_month(store):
    """Near wording: with no other part of a year in the sentence, "a year earlier" is the sentence's month's."""
    read = _read(store, "China exported 24.5 GW of modules in March 2024, up from 18.9 GW in the same period last year.",
                 "18.9 GW", "2024-04-29")
    assert read.frame["period"] == "2023-03"


# --- "after increasing by 1.8 percent in the previous month" ---------------------------------------------------------------

@pytest.mark.parametrize("text, span, month", [
    ("Exports rose 8.6% year-on-year in June. Chinese imports fell by 2.3 percent after increasing by 1.8 percent in the "
     "previous month.", "1.8 percent", "2024-05"),
    ("Exports rose 8.6% year-on-year in June. Imports fell 2.3 percent, after they climbed 1.8 percent a month earlier.",
     "1.8 percent", "2024-05"),
    ("Exports fell 7.5% in September 2024, after a 4% drop a year earlier.", "4%", "2023-09"),
])
def test_an_after_clause_of_the_period_before_is_a_base(store, text, span, month):
    read = _read(store, text, span, "2024-10-14" if "September" in text else "2024-07-20")
    assert read.frame["period"] == month


def test_an_after_clause_of_last_month_is_left_as_it_was(store):
    """Near wording: "after rising 3% last month" may be the text's own month: not read as the month before it."""
    read = _read(store, "Exports in June fell 2% after rising 3% last month.", "3%", "2024-07-14")
    assert read.frame["period"] != "2024-05"


# --- a sentence whose only year is its figure's base's -------------------------------------------------------------------

def test_a_figure_compared_with_a_years_base_is_of_the_texts_period(store):
    """"9.4 patents per 10,000 people, up from 1.9 per 10,000 in 2021" after a sentence on 2022: 2022 for 9.4 (2021 is
    the base's year, not a guess for the figure)."""
    text = ("China's patent holdings reached a record in 2022. The number of high-value patents increased by 24.2 per "
            "cent year on year to 1.32 million, or 9.4 patents per 10,000 people, up from 1.9 per 10,000 in 2021.")
    assert _read(store, text, "9.4", "2023-01-17").frame["period"] == "2022"
    assert _read(store, text, "1.9", "2023-01-17").frame["period"] == "2021"


def test_with_no_period_of_the_text_the_bases_year_stays_a_guess(store):
    """Near wording: with no period said before, the sentence's base year is still the (assumed) guess."""
    read = _read(store, "The number of high-value patents reached 9.4 per 10,000 people, up from 1.9 per 10,000 in 2021.",
                 "9.4", "2023-01-17")
    assert read.frame["period_from"] != "context"


# --- months named as a run within a year ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, code", [
    ("Output grew 72 percent during the March-April period.", "2023-03/2023-04"),
    ("Exports rose 5% in September-October.", "2023-09/2023-10"),
    ("Exports rose 5% in the May to June months.", "2023-05/2023-06"),
    ("Exports rose 5% in April-June.", "2023-Q2"),
    ("Exports rose 5% in January-April.", "2023-01/2023-04"),
])
def test_months_named_as_a_run_are_that_part_of_the_year(sentence, code):
    assert _subannual_all(sentence, "2023")[0][0] == code


@pytest.mark.parametrize("sentence", ["Exports rose 5% from March to May.", "Exports rose 5% in May-March."])
def test_a_change_between_two_months_or_a_run_backwards_is_no_run(sentence):
    """"from March to May" is a change between two months; "May-March" runs backwards."""
    assert all("/" not in code for code, _, _ in _subannual_all(sentence, "2023"))


# --- a flow's partner pointed back to ("its imports from that country") --------------------------------------------------

def test_a_flow_from_that_country_is_with_the_economy_named_before(store):
    """"China exported $438.9 billion of goods to the United States and, conversely, its imports from that country
    were $143.5 billion": the imports are from the United States, never China's total imports (which is about $2.6
    trillion: judged against it, the figure would be called false)."""
    read = _read(store, "In 2024, China exported $438.947 billion worth of goods to the United States and, conversely, "
                        "its imports from that country were $143.546 billion.", "$143.546 billion", "2025-03-10")
    assert read.frame["counterpart"] == "USA"
    assert read.verdict not in ("contradicted", "misleading")


def test_a_flow_from_that_country_with_no_economy_named_is_no_total(store):
    """With no economy named before it, "from that country" still says the flow is not the total: no verdict."""
    read = _read(store, "Its imports from that country were $143.5 billion in 2024.", "$143.5 billion", "2025-03-10")
    assert read.verdict == "unverifiable"


def test_a_total_with_no_partner_pointed_at_is_still_judged(store):
    """Near wording: China's imports with no partner are the total, judged against it."""
    read = _read(store, "China's imports were $2.59 trillion in 2024.", "$2.59 trillion", "2025-03-10")
    assert read.match.indicator == "goods_imports"


# --- a change on the month before belongs to its own figure; comparisons and listed changes are growth rates -------------

def test_a_month_on_month_change_is_only_its_own_figures(store):
    """"a 16% year-on-year increase and a 12% month-on-month decrease": the 16% is year on year (no month-on-month
    base), the 12% is the change on May."""
    text = "In June, 10.5 GW of Chinese modules entered the bloc, a 16% year-on-year increase and a 12% month-on-month decrease."
    assert _read(store, text, "16%", "2023-07-31").frame.get("base_period") != "2023-05"
    assert _read(store, text, "12%", "2023-07-31").frame["base_period"] == "2023-05"


@pytest.mark.parametrize("text, span, sign", [
    ("In 2023, China exported 101.5 GW of modules, 17% more than 2022's 86.6 GW.", "17%", 1),
    ("In 2023, China exported 80.5 GW of modules, 7% less than last year.", "7%", -1),
    ("China exported 8.6 GW and 8.4 GW of modules in January and February, respectively, a 120% and 48% year-on-year "
     "increase.", "120%", 1),
    ("Exports of modules to the EU fell, a 3% and 5% decline in May and June 2023.", "3%", -1),
])
def test_a_percentage_compared_with_an_earlier_figure_or_listed_before_a_change_is_a_growth_rate(store, text, span, sign):
    read = _read(store, text, span, "2024-01-30")
    assert read.frame["transformation"] == "growth_rate"
    assert read.frame.get("sign", 1) == sign


def test_a_share_compared_with_another_stays_a_share(store):
    """Near wording: "rose to 17%, more than the 15% of 2022" after a share word is the share, not a growth."""
    read = _read(store, "China's share of world exports rose to 17%, more than the 15% of 2022.", "17%", "2024-01-30")
    assert read.frame["transformation"] == "share"


# --- "economic growth" names GDP's growth, and only a rate's ---------------------------------------------------------------

@pytest.mark.parametrize("text, published", [
    ("China's economic growth slowed to 5.2% in 2023.", "2024-02-01"),
    ("China's economic growth sank to 3% last year, the second-weakest rate since the 1970s.", "2023-04-13"),
    ("The data showed economic growth of 5.2 percent in 2023.", "2024-03-10"),
])
def test_economic_growth_is_gdps_growth(store, text, published):
    read = [c for c in spot.spot(text, store=store, published=published) if c.frame["kind"] == "percent"][0]
    assert read.match.indicator == "gdp_real_growth_pct"


def test_a_level_beside_economic_growth_is_not_gdp(store):
    """"contributed about 30 percent to global economic growth while maintaining over $3.2 trillion in foreign exchange
    reserves": neither figure is GDP (the $3.2 trillion was read as GDP and "supported" by a GDP six times larger)."""
    reads = spot.spot("The country also contributed about 30 percent to global economic growth while maintaining over "
                      "$3.2 trillion in foreign exchange reserves.", store=store, published="2025-03-06")
    assert all(c.match is None or "GDP" not in c.match.indicator.upper() for c in reads)


def test_economic_growth_said_without_figures_is_not_carried_to_exports(store):
    """A lead on "a positive contribution from net trade to economic growth" does not make the next sentences' export
    rates GDP's."""
    text = ("China's exports grew more than expected in June, signalling a positive contribution from net trade to "
            "economic growth in the second quarter, official data revealed Monday.\n\nExports increased 5.8 percent "
            "year-on-year in June, the General Administration of Customs reported. This was stronger than the 4.8 "
            "percent increase in May.")
    assert _read(store, text, "4.8 percent", "2025-07-14").match.indicator == "goods_exports_usd_yoy_pct"


# --- a bound held far past it is a doubtful mapping ----------------------------------------------------------------------

def test_a_bound_the_series_holds_many_times_over_needs_review(store):
    """"over $3.2 trillion" against a GDP of about $18.7 trillion: the bound holds only as a mapping to something else
    would; needs review, not supported."""
    read = _read(store, "China's GDP topped $3.2 trillion in 2024.", "$3.2 trillion", "2025-03-06")
    assert read.match.indicator == "NY.GDP.MKTP.CD"
    assert read.verdict == "needs-review"
    assert "bound" in read.explanation


def test_a_bound_near_the_series_stays_supported(store):
    """Near wording: "exceeded $18 trillion" against $18.7 trillion is the bound it claims."""
    read = _read(store, "China's GDP exceeded $18 trillion in 2024.", "exceeded $18 trillion", "2025-03-06")
    assert read.verdict in ("supported", "supported-rounded")


# --- from the reviews -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, indicator", [
    ("NEV output, a new engine of economic growth, rose 30.3 percent in 2023.", "nev_output_yoy_pct"),
    ("Its exports, which underpin economic growth, grew 0.6 percent in 2023 to 23.77 trillion yuan.",
     "goods_exports_yoy_pct"),
    ("Weak exports dragged on economic growth in 2023, with shipments falling 4.6 percent.", "goods_exports_usd_yoy_pct"),
])
def test_economic_growth_as_the_object_of_another_measures_words_is_not_its_subject(store, text, indicator):
    """"economic growth" named as what another measure drives or weighs on leaves that measure the figure's."""
    read = [c for c in spot.spot(text, store=store, published="2024-03-10") if c.frame["kind"] == "percent"][0]
    assert read.match is not None and read.match.indicator == indicator


@pytest.mark.parametrize("text", ["Consumption contributed 82.5 percent to economic growth in 2023.",
                                  "Economic growth was supported by consumption, which contributed 82.5 percent."])
def test_a_contribution_to_economic_growth_is_not_its_rate(store, text):
    read = _read(store, text, "82.5 percent", "2024-02-20")
    assert read.match is None or read.match.indicator != "gdp_real_growth_pct"


@pytest.mark.parametrize("text", ["Officials said exports from this country reached $3.38 trillion in 2023.",
                                  "China's total exports were $3.38 trillion in 2023; trade with this nation's largest "
                                  "partner, the EU, was $783 billion."])
def test_this_country_is_no_partner_pointed_back_to(store, text):
    """"this country" is as often the text's own economy, and "that country's" owns something."""
    read = _read(store, text, "$3.38 trillion", "2024-06-15")
    assert not read.frame.get("counterpart") and read.match.indicator == "goods_exports"


def test_that_country_is_a_country_not_a_region(store):
    """"The Netherlands is Europe's gateway for panels, and China's module exports to that country reached 4.5 GW":
    the Netherlands, not Europe."""
    read = _read(store, "The Netherlands is Europe's gateway for panels, and China's module exports to that country "
                        "reached 4.5 GW in March 2024.", "4.5 GW", "2024-06-20")
    assert read.frame["counterpart"] == "NLD"


def test_respectively_keeps_each_change_its_own_qualifier(store):
    """"up 18% and 1% respectively year-on-year and month-on-month": the 18% stays year on year."""
    read = _read(store, "China exported 20.1 GW of modules in August, up 18% and 1% respectively year-on-year and "
                        "month-on-month.", "18%", "2024-09-20")
    assert not read.frame.get("base_period")


@pytest.mark.parametrize("opening", ["Freight rates typically peak in the September-October period.",
                                     "Trade was brisk during the March-April period, traders said."])
def test_a_run_of_months_in_a_sentence_without_figures_does_not_date_the_next(store, opening):
    """A run of months a sentence without figures names (a background, a plan) leaves the next sentence's month."""
    read = _read(store, f"{opening} China's exports grew 8.6 percent year on year in June.", "8.6 percent", "2024-07-20")
    assert read.frame["period"] == "2024-06"


# --- a flow of a year not over is its months so far ---------------------------------------------------------------------

@pytest.mark.parametrize("text, published, period", [
    ("In 2023, the bloc imported 17 GW of modules from China, 77% more than in the same period last year.", "2023-03-28",
     "2023-01/2023-02"),
    ("China exported 131.9 GW of modules in 2024, up 24% year on year.", "2024-07-31", "2024-H1"),
    ("China exported 50.9 GW of modules in 2023.", "2023-04-27", "2023-Q1"),
])
def test_a_flow_of_a_year_not_over_is_its_months_so_far(store, text, published, period):
    read = [c for c in spot.spot(text, store=store, published=published) if c.frame["kind"] == "power"][0]
    assert read.frame["period"] == period
    assert read.frame["period_from"] == "assumed"


@pytest.mark.parametrize("text, published", [
    ("China's exports grew 5.9% in 2024.", "2025-01-13"),  # the year over
    ("China's exports are expected to grow 5% in 2024.", "2024-03-10"),  # a forecast
    ("Chinese imports fell 7.9% year-on-year in April to $205.21 billion this year.", "2023-05-09"),  # its own month
    ("On March 7, 2024, a storm hit the port and exports fell 5 percent.", "2024-05-01"),  # a date, not the year said
])
def test_a_year_over_a_forecast_or_a_month_keeps_its_period(store, text, published):
    reads = spot.spot(text, store=store, published=published)
    assert not any("was not over" in " ".join(c.frame.get("notes") or []) for c in reads)


# --- a bound passed by less than its stated digits show is not contradicted -----------------------------------------------

def test_a_bound_passed_within_its_digits_needs_review(store):
    """From the reviews: "China's NEV exports were up to 1.2 million units in 2023" against 1.203 million was called
    false; 1.203 rounds to the stated 1.2 (and "up to" is also "rose to")."""
    read = _read(store, "China's NEV exports were up to 1.2 million units in 2023.", "1.2 million units", "2024-07-20")
    assert read.verdict == "needs-review"


@pytest.mark.parametrize("text, span", [
    ("China's NEV exports were less than 1 million units in 2023.", "1 million units"),  # no decimals: 1.203 is over
    ("China's NEV exports were below 1.1 million units in 2023.", "1.1 million units"),  # past its digits
])
def test_a_bound_passed_beyond_its_digits_stays_contradicted(store, text, span):
    assert _read(store, text, span, "2024-07-20").verdict == "contradicted"


def test_a_growth_before_a_base_in_the_same_period_last_year_is_the_figures(store):
    """From the reviews: "23.3 GW of modules in March, a 6% increase from 21.9 GW in the same period last year": the
    6% is March 2024's (last year is the base's), the 21.9 GW March 2023's."""
    text = "China exported 23.3 GW of modules in March, a 6% increase from 21.9 GW in the same period last year."
    assert _read(store, text, "6%", "2024-05-20").frame["period"] == "2024-03"
    assert _read(store, text, "21.9 GW", "2024-05-20").frame["period"] == "2023-03"


# --- from the third review -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published", [
    ("China aims to export 250 GW of modules in 2024.", "2024-04-05"),
    ("China's module exports in 2024 could reach 260 GW, Ember estimates.", "2024-07-15"),
])
def test_an_aim_or_estimate_for_a_year_is_the_whole_year(store, text, published):
    reads = spot.spot(text, store=store, published=published)
    assert not any("was not over" in " ".join(c.frame.get("notes") or []) for c in reads)


def test_in_a_month_to_words_names_no_month_before_other_words(store):
    """"rose in April to levels last seen in 2022, hitting $292.5 billion": no April (the month names "to $X" only)."""
    read = _read(store, "China's exports rose in April to levels last seen in 2022, hitting $292.5 billion.",
                 "$292.5 billion", "2024-06-20")
    assert not (read.frame.get("period") or "").endswith("-04")


def test_a_figures_own_year_on_year_keeps_a_month_on_month_word_off_it(store):
    read = _read(store, "Exports rose 7.6% year-on-year in May and 3.4% month-on-month, after rising 1.5% year-on-year "
                        "in the previous month.", "1.5%", "2024-06-20")
    assert read.frame["period"] == "2024-04" and not read.frame.get("base_period")


def test_an_after_clause_in_the_same_period_last_year_leaves_the_sentence_its_year(store):
    text = "China's exports in the second quarter fell 4.7 percent, after rising 8.4 percent in the same period last year."
    assert _read(store, text, "4.7 percent", "2023-07-20").frame["period"] == "2023-Q2"
    assert _read(store, text, "8.4 percent", "2023-07-20").frame["period"] == "2022-Q2"


@pytest.mark.parametrize("text, published, period", [
    ("China has exported 131.9 GW of modules so far this year.", "2024-07-31", "2024-H1"),
    ("So far this year, China has exported 67.6 GW of modules.", "2024-04-29", "2024-Q1"),
    ("China has exported 219.3 GW of modules so far this year.", "2024-12-20", "2024-01/2024-11"),
])
def test_the_months_so_far_are_coded_as_every_part_from_january(store, text, published, period):
    """One home for January to a month (`frames._from_january`): "so far this year" in July is the first half, as the
    year-not-over rule and "the first six months" code it."""
    read = [c for c in spot.spot(text, store=store, published=published) if c.frame["kind"] == "power"][0]
    assert read.frame["period"] == period
