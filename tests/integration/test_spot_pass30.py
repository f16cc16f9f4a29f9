"""Mapping pass 30 (issue 20): general classes of wording found on the development detail of twelve splits drawn at
random from the unseen pool, each tested on phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass30")


def _read(store, text, span, published):
    return by_span(spot.spot(text, store=store, published=published), span)


# --- a dollar conversion is of the series whose size it fits at any yuan rate ----------------------------------------------

def test_a_dollar_conversion_of_a_yuan_total_keeps_the_totals_series(store):
    """"2.214 trillion yuan (about 321.3 billion U.S. dollars)": 321.3 billion dollars is the R&D total converted, not
    the basic research spending whose yuan size it happens to be near."""
    read = _read(store, "China's total expenditure on R&D amounted to 2.214 trillion yuan (about 321.3 billion U.S. "
                        "dollars) last year, up 12.5 percent.", "about 321.3 billion U.S. dollars", "2020-08-27")
    assert read.match.indicator == "rd_expenditure"


def test_a_yuan_figure_far_from_every_rate_is_still_implausible(store):
    """The widened check still tells sizes apart: 30 billion dollars is no R&D total of trillions of yuan at any rate
    the yuan has stood at (30 x 8.8 = 264 billion, under a tenth of 2.2 trillion)."""
    from indicators.spot.matching import _plausible
    assert _plausible(321.3e9, [2.214e12], "USD", "CNY")
    assert not _plausible(20e9, [2.214e12], "USD", "CNY")
    assert _plausible(2.214e12, [321.3e9], "CNY", "USD")


# --- "up 12.5 percent, or 246.57 billion yuan": the sum the growth adds ----------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("China's R&D spending amounted to 2.214 trillion yuan in 2019, up 12.5 percent, or 246.57 billion yuan.",
     "246.57 billion yuan"),
    ("China's R&D spending rose by 12.5 percent, or about 246.6 billion yuan, to 2.214 trillion yuan in 2019.",
     "about 246.6 billion yuan"),
])
def test_a_sum_said_after_a_growth_with_or_is_a_change(store, text, span):
    read = _read(store, text, span, "2020-08-27")
    assert read.frame["transformation"] == "change"
    assert read.verdict in ("supported", "supported-rounded")


def test_a_share_said_again_as_a_sum_stays_a_level(store):
    """"accounted for 4.5%, or 1.06 trillion yuan": a part's share said again as its sum is no change."""
    read = _read(store, "New trio exports accounted for 4.5 percent of the total, or 1.06 trillion yuan, in 2023.",
                 "1.06 trillion yuan", "2024-01-12")
    assert read.frame["transformation"] != "change"


# --- "compared with that in 2019": the base's year -------------------------------------------------------------------------

def test_compared_with_that_in_a_year_is_the_base(store):
    read = _read(store, "China's total expenditure on R&D amounted to 2.4 trillion yuan last year, up 10.2 percent, or an "
                        "increase of 224.95 billion yuan compared with that in 2019.", "224.95 billion yuan", "2021-09-27")
    assert (read.frame["period"], read.frame["base_period"]) == ("2020", "2019")
    assert read.verdict in ("supported", "supported-rounded")


# --- "the annual fall in imports" of a month is its year-on-year change ----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "At the same time, the annual fall in imports eased to 7.3 percent.",
    "Imports posted an annual decline of 7.3 percent.",
])
def test_an_annual_change_in_a_text_on_a_month_is_that_months(store, sentence):
    read = _read(store, "Exports slid 8.8 percent on a yearly basis in August. " + sentence, "7.3 percent", "2023-09-07")
    assert read.frame["period"] == "2023-08"


def test_annual_exports_after_a_month_are_still_the_whole_years(store):
    """"annual" before what is counted (not before a change) still makes the figure the year's."""
    read = _read(store, "Exports slid 8.8 percent on a yearly basis in December. Annual exports rose 0.6 percent.",
                 "0.6 percent", "2024-01-12")
    assert read.frame["period"] == "2023"


# --- the month before, said in the next sentence ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, period", [
    ("Overseas shipments expanded 7.0 percent on-year last month, customs said. That compares with the 8.6 percent "
     "increase recorded the month before.", "8.6 percent", "2024-06"),
    ("Overseas shipments expanded 7.0 percent on-year last month, customs said.", "7.0 percent", "2024-07"),
    ("Exports rose 7.0 percent in July. That compares with 8.6 percent a month earlier.", "8.6 percent", "2024-06"),
])
def test_a_base_of_the_month_before_in_its_own_sentence(store, text, span, period):
    assert _read(store, text, span, "2024-08-08").frame["period"] == period


# --- a year owning the figure before it --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, period", [
    ("China is on track for another record trade surplus this year, even bigger than last year's nearly $1 trillion.",
     "nearly $1 trillion", "2024"),
    ("China exported 1.28 million NEVs in 2024 vs 2023's 1.2 million.", "1.2 million", "2023"),
    ("Exports grew 5.9 percent in 2024, after 2023's record 4.6 percent fall.", "4.6 percent", "2023"),
])
def test_a_year_owning_a_figure_dates_it(store, text, span, period):
    assert _read(store, text, span, "2025-09-08").frame["period"] == period


def test_a_year_owning_something_else_does_not_date_the_figure(store):
    """"2024's first half" owns no figure: the figure after it keeps its own year."""
    read = _read(store, "In 2025, exports rose 5.9 percent, faster than in 2024's first half.", "5.9 percent",
                 "2025-09-08")
    assert read.frame["period"] == "2025"


# --- months of a year named as a span --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, period", [
    ("In total, China exported 133.3 GW of modules in the ten-month cumulative period of 2022.", "2022-01/2022-10"),
    ("Imports of modules totaled 4.4 GW in the April-June period of 2020.", "2020-Q2"),
    ("China exported 60 GW of modules during July to September 2023.", "2023-Q3"),
])
def test_months_named_as_a_part_of_the_year(store, text, period):
    read = spot.spot(text, store=store, published="2024-03-01")[0]
    assert read.frame["period"] == period


def test_a_three_month_window_ending_a_month_is_no_first_quarter(store):
    """"the three-month period ending June" is no "three-month period" of the year's start (January to March)."""
    read = spot.spot("Vietnam imported 1.1 GW of modules in the three-month period ending June 2020.", store=store,
                     published="2020-10-08")[0]
    assert read.frame["period"] != "2020-Q1"


def test_months_not_a_quarter_are_no_quarter(store):
    """"April to July" is four months: no quarter is read from it."""
    read = spot.spot("China exported 60 GW of modules during April to July 2023.", store=store,
                     published="2024-03-01")[0]
    assert read.frame["period"] != "2023-Q2"


# --- a growth rate said to quicken or slow by points ------------------------------------------------------------------------

def test_a_growth_pace_quickening_by_points_is_the_change_of_the_rate_before(store):
    text = ("China's total expenditure on R&D amounted to 2.214 trillion yuan last year, up 12.5 percent. The figure "
            "has seen double-digit growth for four years, with the growth pace of last year quickening by 0.7 "
            "percentage points from the previous year.")
    read = _read(store, text, "0.7 percentage points", "2020-08-27")
    assert (read.match.indicator, read.frame["change_of"]) == ("rd_expenditure_yoy_pct", "growth_rate")
    assert read.verdict in ("supported", "supported-rounded")


def test_points_slower_are_a_fall_of_the_rate(store):
    read = _read(store, "China's R&D spending rose 10.2 percent in 2020, 2.3 percentage points slower than in 2019.",
                 "2.3 percentage points", "2021-09-27")
    assert read.frame["sign"] == -1
    assert read.verdict in ("supported", "supported-rounded")


# --- places in brackets in a ranking ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity", [
    ("The Global Innovation Index 2019 ranks 129 economies. Top 20 in GII 2019 ranking: Switzerland (1), Sweden (2), "
     "United States of America (3), China (14), Japan (15).", "(14)", "CHN"),
    ("The Global Innovation Index 2019 ranks 129 economies. In Northern America, the U.S. (3) continues to be one of the "
     "world's most-innovative nations.", "(3)",
     "USA"),
])
def test_a_number_in_brackets_after_an_economy_in_a_text_on_the_index_is_its_place(store, text, span, entity):
    read = _read(store, text, span, "2019-07-24")
    assert (read.frame["kind"], read.frame["entity"], read.match.indicator) == ("rank", entity, "gii_rank")
    assert read.verdict == "supported"


def test_a_number_in_brackets_of_clusters_stays_a_count(store):
    """In a sentence on clusters, "China (24), US (21)" are counts of clusters, not places in the index."""
    read = _read(store, "The Global Innovation Index 2023 ranks China 12th. China hosts the most clusters: China (24), "
                        "US (21).", "(24)", "2023-09-27")
    assert read.frame["kind"] == "count"


# --- words of the vocabulary ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, indicator", [
    ("China's economic output exceeded $10 trillion in 2014, reports The Economist.", "exceeded $10 trillion",
     "NY.GDP.MKTP.CD"),
    ("The balance of trade was $114.7bn in June, down on May's $103.22bn.", "$103.22bn", "goods_trade_balance"),
    ("By the end of 2022, the number of valid Chinese invention patents reached 4.21 million.", "4.21 million",
     "invention_patents_in_force"),
    ("China had 24 science-tech hubs in the global top 100 in 2023.", "24", "st_clusters_top100"),
])
def test_vocabulary_of_the_pass(store, text, span, indicator):
    read = _read(store, text, span, "2025-07-14")
    assert read.match is not None and read.match.indicator == indicator


def test_economic_output_of_a_product_is_no_gdp(store):
    """"output" alone stays production ("battery output rose"): only "economic output" is GDP."""
    read = _read(store, "China's lithium-ion battery output reached 940 GWh in 2023.", "940 GWh", "2024-02-01")
    assert read.frame["measure"] == "production"


# --- an economy owning a comparison's base -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity", [
    ("Japan's GDP was $5.47 trillion in 2010, compared to China's $6.03 trillion.", "$6.03 trillion", "CHN"),
    ("China spent 2.56% of GDP on R&D in 2022, compared with Japan's 3.41%.", "3.41%", "JPN"),
])
def test_an_economy_owning_a_comparisons_base_owns_the_figure(store, text, span, entity):
    read = _read(store, text, span, "2024-01-20")
    assert (read.frame["entity"], read.frame["compared_across"]) == (entity, True)
    assert read.verdict not in ("contradicted", "misleading")


def test_a_dollar_sign_after_a_countrys_name_without_possessive_is_no_place(store):
    """"US$ 5 billion" names a currency: no economy is read from it."""
    read = _read(store, "Exports to Japan were worth US$ 5 billion in 2023.", "US$ 5 billion", "2024-01-20")
    assert read.frame["entity"] != "USA"


# --- years listed "respectively" date their own figures only -----------------------------------------------------------------

def test_years_listed_respectively_are_not_the_next_paragraphs_period(store):
    """After "in 2020, 2021 and 2022, when the economy exceeded 100, 110 and 120 trillion yuan, respectively", a
    figure of the next paragraph without a year of its own is not 2020's (it was accused against 2020's GDP)."""
    text = ("In 2024, China's GDP exceeded 130 trillion yuan, marking a leap in economic strength. This followed "
            "milestones in 2020, 2021 and 2022, when China's economy exceeded 100 trillion yuan, 110 trillion yuan and "
            "120 trillion yuan, respectively.\n\n\"China's total economic output has, for the first time, surpassed "
            "130 trillion yuan,\" said the bureau's director.")
    found = spot.spot(text, store=store, published="2025-01-21")
    read = [c for c in found if c.span.endswith("130 trillion yuan")][-1]
    assert read.frame["period"] != "2020"
    assert read.verdict not in ("contradicted", "misleading")


# --- a place qualifying a policy is not what the text's figures are about -----------------------------------------------------

def test_a_place_before_tariffs_does_not_become_the_texts_economy(store):
    """"ahead of potential higher U.S. tariffs": the US is a cause in the story; the surplus after it, in a text naming
    no economy, stays China's."""
    text = ("Merchandise imports rose 7.2% in annual terms in July. The increase was linked to a surge in semiconductor "
            "imports ahead of potential higher U.S. tariffs.\n\nAs a result, the merchandise trade balance recorded a "
            "USD 84.6 billion surplus in July.")
    read = _read(store, text, "USD 84.6 billion", "2024-08-07")
    assert read.frame["entity"] == "CHN"


def test_a_place_named_for_its_own_figures_still_counts(store):
    """A place named without a policy noun after it stays the economy the next figures carry."""
    text = "Trade figures for the United States were released on Friday.\n\nThe deficit was $918 billion in 2024."
    read = _read(store, text, "$918 billion", "2025-03-01")
    assert read.frame["entity"] == "USA"


# --- cluster names in either order; a leader's list with "following" ------------------------------------------------------

def test_a_cluster_named_with_its_cities_in_the_other_order(store):
    text = ("Seoul moved up to third place in the cluster ranking, while the Suzhou-Shanghai cluster moved up to fifth "
            "place.")
    read = _read(store, text, "fifth", "2023-09-28")
    assert (read.match.product, read.verdict) == ("cluster:Shanghai–Suzhou", "supported")


def test_an_economy_following_in_a_place_owns_it(store):
    text = ("The Global Innovation Index 2025 ranks Switzerland as the world's top nation for innovation, with the USA "
            "following in third, China slotting in at 11th on the list.")
    read = _read(store, text, "third", "2025-09-28")
    assert (read.frame["entity"], read.verdict) == ("USA", "supported")


# --- the first review's probes: where the pass's rules must not fire ------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity, period", [
    ("The US recorded 55,678 PCT filings in 2023, versus China's 69,610, which has led since 2019.", "69,610", "CHN",
     "2023"),
    ("India's economy grew 8.2 percent in 2023, compared with China's 5.2 percent, among the slowest in decades.",
     "5.2 percent", "CHN", "2023"),
])
def test_an_owned_base_keeps_the_sentences_year_whatever_time_follows_later(store, text, span, entity, period):
    read = _read(store, text, span, "2025-03-10")
    assert (read.frame["entity"], read.frame["period"]) == (entity, period)


@pytest.mark.parametrize("sentence, span", [
    ("The leading hubs are in China (26) and the United States (20).", "(26)"),
    ("The biggest filers were China (70,160) and the US (54,087).", "(70,160)"),
    ("Scores ranged from Switzerland (67) down.", "(67)"),
])
def test_numbers_in_brackets_that_are_no_places_stay_unranked(store, sentence, span):
    read = _read(store, "WIPO published its Global Innovation Index 2024 on Thursday. " + sentence, span, "2024-09-27")
    assert read.frame["kind"] != "rank"


def test_a_period_of_some_months_without_cumulative_is_no_first_months(store):
    read = _read(store, "China's exports rose 2.4 percent in September. In the three-month period, the trade surplus "
                        "totalled $258.4 billion.", "$258.4 billion", "2024-10-14")
    assert read.frame["period"] != "2024-Q1"


def test_made_up_a_share_or_a_sum_is_no_change(store):
    read = _read(store, "Mechanical and electrical products made up 59 percent, or 1.3 trillion yuan, of exports in "
                        "2023.", "1.3 trillion yuan", "2024-01-20")
    assert read.frame["transformation"] != "change"


def test_last_years_pace_in_the_same_months_is_those_months(store):
    read = _read(store, "Car exports in January-February 2024 rose 20 percent, faster than last year's 17 percent pace "
                        "in the same months.", "17 percent", "2024-03-20")
    assert read.frame["period"] != "2023"


def test_the_next_sentence_after_years_listed_respectively_speaks_of_the_latest(store):
    read = _read(store, "In 2023 and 2024, exports rose 0.6 percent and 7.1 percent, respectively. Imports rose 2.3 "
                        "percent.", "2.3 percent", "2025-02-20")
    assert read.frame["period"] == "2024"


def test_an_annual_change_in_a_text_on_december_is_the_years(store):
    """A December release gives the year too: "The annual rise in exports came to 5.9%" is 2024's."""
    read = _read(store, "China's exports rose 10.7 percent in December. The annual rise in exports came to 5.9%.",
                 "5.9%", "2025-01-14")
    assert read.frame["period"] == "2024"


def test_a_list_of_places_in_brackets_in_any_order_is_of_places(store):
    """The GII's top 25 listed with last year's places in brackets, not in order: each is a place (of 2016 here)."""
    text = ("The Global Innovation Index 2017 ranks 127 economies. Last year's places are in brackets.\n\n"
            "Switzerland (Number 1 in 2016) • Sweden (2) • Netherlands (9) • US (4) • UK (3) • China (25)")
    read = _read(store, text, "(25)", "2017-06-15")
    assert (read.frame["kind"], read.frame["entity"]) == ("rank", "CHN")


@pytest.mark.parametrize("text, span, period", [
    ("The surplus reached CNY736.7 billion in March alone. Exports totaled CNY6.13 trillion in the three-month period.",
     "CNY6.13 trillion", "2025-Q1"),
    ("China's exports rose 2.4 percent in September. In the three-month period, the trade surplus totalled $258.4 "
     "billion.", "$258.4 billion", "2025-Q3"),
    ("China's exports rose 7 percent in July. China's goods trade totaled $3.5 trillion for the seven-month period.",
     "$3.5 trillion", "2025-01/2025-07"),
])
def test_the_n_month_period_ends_at_the_month_the_text_speaks_of(store, text, span, period):
    assert _read(store, text, span, "2025-10-14").frame["period"] == period


def test_a_level_after_a_growth_compared_with_that_of_the_previous_year_is_the_years_own(store):
    read = _read(store, "China's 2021 GDP saw an increase of 8.1 percent compared with that of the previous year, "
                        "reaching over 114 trillion RMB, said the bureau's head.", "over 114 trillion RMB", "2022-01-27")
    assert read.frame["period"] == "2021"


def test_a_figure_each_partner_listed_exceeded_is_read_once_per_partner(store):
    text = ("China accumulated 33.8 GW in module exports during the first half of 2020. Exports to India, Brazil, Spain, "
            "Germany, and Vietnam each exceeded 1.5 GW.")
    found = [c for c in spot.spot(text, store=store, published="2020-10-08") if "1.5 GW" in c.span]
    assert [c.frame["counterpart"] for c in found] == ["IND", "BRA", "ESP", "DEU", "VNM"]
    assert all(c.frame["entity"] == "CHN" for c in found)


def test_partners_without_each_stay_one_figure(store):
    found = [c for c in spot.spot("China's module exports to India and Brazil reached 12 GW in 2023.", store=store,
                                  published="2024-03-01") if "12 GW" in c.span]
    assert len(found) == 1


# --- the second review's probes ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity", [
    ("Korea's export curbs had little effect. PCT applications from the country reached 22,288 in 2023.", "22,288",
     "KOR"),
    ("US lawmakers debated the CHIPS Act. The country's R&D intensity stood at 3.4 percent in 2022.", "3.4 percent",
     "USA"),
])
def test_an_economys_own_policy_does_not_hide_it_from_the_country_after_it(store, text, span, entity):
    read = _read(store, text, span, "2025-03-01")
    assert read.frame["entity"] == entity
    assert read.verdict not in ("contradicted", "misleading")


@pytest.mark.parametrize("sentence, span", [
    ("Top scorers: Switzerland (67), Sweden (64), US (62).", "(67)"),
    ("The biggest climbers were China (+24) and India (+42) over a decade.", "(+24)"),
    ("Venture capital deals fell in the US (12), Germany (15) and Japan (18).", "(12)"),
])
def test_more_numbers_in_brackets_that_are_no_places(store, sentence, span):
    read = _read(store, "WIPO published its Global Innovation Index 2024 on Thursday. " + sentence, span, "2024-09-27")
    assert read.frame["kind"] != "rank"


@pytest.mark.parametrize("text, span, published, period", [
    ("China's imports grew 7.2 percent on-year last month, rebounding from June, customs data showed.", "7.2 percent",
     "2024-08-07", "2024-07"),
    ("China's exports grew 5.9 percent in 2024, reversing last year's 4.6 percent decline.", "4.6 percent",
     "2025-01-14", "2023"),
    ("In July-September, exports grew 6 percent, down from 5.8 percent in April-June.", "5.8 percent", "2024-10-20",
     "2024-Q2"),
    ("China's exports rose 5 percent in December. In the 12-month period, exports totalled $3.58 trillion.",
     "$3.58 trillion", "2025-01-14", "2024"),
])
def test_periods_the_second_review_found(store, text, span, published, period):
    assert _read(store, text, span, published).frame["period"] == period


@pytest.mark.parametrize("text, span", [
    ("Vehicle exports hit 5,859,000 year on year in 2024.", "5,859,000"),
    ("Exports reached 1,284,000 year-to-date.", "1,284,000"),
])
def test_large_counts_before_year_words_are_no_durations(store, text, span):
    assert _read(store, text, span, "2025-01-14").frame["subject"] != "other:duration"


@pytest.mark.parametrize("text, span, subject", [
    ("The economic output of high-tech manufacturing rose 2.7 percent in 2023.", "2.7 percent",
     "high_tech_manufacturing"),
    ("Solar battery storage exports rose 30 percent in 2024.", "30 percent", "liion_batteries"),
])
def test_words_near_the_passs_vocabulary_keep_their_own_subject(store, text, span, subject):
    assert _read(store, text, span, "2025-01-14").frame["subject"] == subject


def test_a_base_of_imports_said_again_is_a_mirror_too(store):
    """"the import volume reached 54.2 GW, down 13% from 62.4 GW last year" after Europe's imports of Chinese modules:
    the base is Europe's imports of the year before too (China's exports to it, assumed), not China's imports."""
    text = ("Europe imported 9.3 GW of Chinese modules in June, an 11% year-on-year decrease. As of June, the import "
            "volume reached 54.2 GW, down 13% from 62.4 GW last year.")
    found = spot.spot(text, store=store, published="2024-07-31")
    read, first = by_span(found, "62.4 GW"), by_span(found, "9.3 GW")
    assert (read.frame["measure"], read.frame["counterpart"]) == ("exports", first.frame["counterpart"])
    assert read.verdict not in ("contradicted", "misleading")


# --- the third review's probes ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("China's exports hit 25.45 trillion yuan in 2024, up 7.1 percent, or $3.58 trillion in dollar terms.",
     "$3.58 trillion"),
    ("China's trade surplus in 2024 jumped 21 percent, or $992 billion, a record.", "$992 billion"),
    ("China's PCT applications rose 0.9 percent, or 70,160 filings, in 2024.", "70,160"),
])
def test_a_sum_after_a_growth_with_no_larger_level_is_the_level(store, text, span):
    assert _read(store, text, span, "2025-03-01").frame["transformation"] != "change"


def test_a_base_after_that_of_the_previous_year_is_that_years(store):
    read = _read(store, "China's vehicle exports were 5.86 million in 2024, compared with that of the previous year of "
                        "4.91 million.", "4.91 million", "2025-03-01")
    assert (read.frame["role"], read.frame["period"]) == ("earlier", "2023")


def test_a_month_a_source_spoke_in_is_no_period(store):
    read = _read(store, "China's NEV exports rose 6.7 percent in 2024, CAAM said in January 2025.", "6.7 percent",
                 "2025-03-01")
    assert read.frame["period"] == "2024"


def test_industrial_economic_output_is_no_gdp(store):
    read = _read(store, "China's industrial economic output grew 5.8 percent in 2024.", "5.8 percent", "2025-03-01")
    assert read.frame["subject"] != "gdp"


def test_each_with_a_list_of_figures_is_no_shared_figure(store):
    found = spot.spot("Shipments to Brazil, Pakistan and Saudi Arabia each came to about 1.9 GW, 1.9 GW and 1.7 GW in "
                      "2024.", store=store, published="2025-03-01")
    assert len([c for c in found if "GW" in c.span]) == 3
