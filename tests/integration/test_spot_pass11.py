"""Mapping pass 11 (issue 20): rules for classes of wording seen in dev11's misses, each tested on phrasings of its
own and on a near wording where it must not fire or must not accuse."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.spot.figures import read_figures
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass11")


# --- a release's date said before the release verb ------------------------------------------------------------------

@pytest.mark.parametrize("opening", [
    "On February 29, 2024, the National Bureau of Statistics unveiled the statistical communique for 2023.",
    "On 29 February 2024, the statistics bureau published its annual communique.",
    "On March 1, 2024, the bureau released data on the 2023 economy.",
])
def test_a_release_date_before_the_release_verb_is_not_the_figures_period(store, opening):
    text = opening + " The country's GDP grew 5.2 percent year-on-year to 126.06 trillion yuan."
    found = spot.spot(text, store=store, published="2024-03-12")
    gdp = by_span(found, "126.06 trillion yuan")
    assert gdp.match and (gdp.match.source, gdp.match.indicator, gdp.match.period) == ("nbs", "gdp", "2023")
    assert by_span(found, "5.2 percent").match.period == "2023"


def test_a_date_with_no_release_verb_still_dates_the_figures(store):
    text = "On March 1, 2024, exports rose 5.2 percent year-on-year."
    found = spot.spot(text, store=store, published="2024-03-12")
    assert by_span(found, "5.2 percent").period.startswith("2024")
    assert not [c for c in found if c.verdict in ACCUSING]


# --- GDP or income per head is not the GDP -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("In 2023, per capita GDP experienced a notable increase, climbing 5.4 percent year-on-year to reach 89,358 yuan.",
     "5.4 percent"),
    ("In 2023, GDP per capita rose 5.4 percent to 89,358 yuan.", "89,358 yuan"),
    ("In 2023, per capita disposable income reached 39,218 yuan.", "39,218 yuan"),
])
def test_a_per_capita_figure_has_no_series(store, sentence, span):
    found = spot.spot(sentence, store=store, published="2024-03-12")
    figure = by_span(found, span)
    assert figure.match is None and figure.verdict == "unverifiable"


def test_gdp_itself_still_maps(store):
    found = spot.spot("In 2023, China's GDP grew 5.2 percent.", store=store, published="2024-03-12")
    assert by_span(found, "5.2 percent").match.indicator == "gdp_real_growth_pct"


# --- GDP is the national accounts' subject: NBS's yuan series and the World Bank's dollar series ------------------

def test_gdp_in_yuan_and_in_dollars_each_take_the_series_of_their_currency(store):
    text = "In 2023, China's GDP reached 126.06 trillion yuan, approximately 17.75 trillion US dollars."
    found = spot.spot(text, store=store, published="2024-03-12")
    yuan, dollars = by_span(found, "126.06 trillion yuan"), by_span(found, "17.75 trillion")
    assert (yuan.match.source, yuan.match.indicator) == ("nbs", "gdp")
    assert (dollars.match.source, dollars.match.indicator) == ("worldbank", "NY.GDP.MKTP.CD")
    assert dollars.verdict not in ACCUSING


def test_the_economy_grew_is_read_on_the_gdp_series_but_never_accused(store):
    found = spot.spot("In 2023, the Chinese economy expanded 4.1 percent.", store=store, published="2024-03-12")
    growth = by_span(found, "4.1 percent")
    assert growth.match and growth.match.indicator == "gdp_real_growth_pct"
    assert growth.verdict not in ACCUSING


@pytest.mark.parametrize("sentence", [
    "In 2023, China's GDP grew 4.6 percent in nominal terms.",
    "In 2023, China's nominal GDP growth was 4.6 percent.",
])
def test_nominal_gdp_growth_is_not_judged_against_real_growth(store, sentence):
    found = spot.spot(sentence, store=store, published="2024-03-12")
    assert by_span(found, "4.6 percent").verdict not in ACCUSING


# --- a place in a ranking after a verb of moving or being, or "in first/second place" after a name ---------------

def _ranks(sentence):
    return [(sentence[f.start: f.end], f.value) for f in read_figures(sentence) if f.unit == "rank"]


@pytest.mark.parametrize("sentence, want", [
    ("Seoul in South Korea was third, overtaking Beijing, which fell to fourth.", [("third", 3), ("fourth", 4)]),
    ("San Jose-San Francisco jumped to third from sixth.", [("third", 3), ("sixth", 6)]),
    ("Tokyo-Yokohama slipped to second place, according to the ranking.", [("second", 2)]),
    ("with China's Shenzhen-Hong Kong-Guangzhou in second place for the second year in a row.", [("second", 2)]),
    ("Switzerland remained in first place, a position it has held since 2011.", [("first", 1)]),
    ("Germany rose to fifth and Japan dropped to ninth.", [("fifth", 5), ("ninth", 9)]),
])
def test_a_place_after_a_verb_of_moving_or_being_is_a_rank(sentence, want):
    assert _ranks(sentence) == want


@pytest.mark.parametrize("sentence", [
    "It was the third time exports rose.",
    "Exports fell to third-quarter lows.",
    "Growth rose to second quarter highs.",
    "This was first reported in May.",
    "The company was first to market.",
    "In the first place, exports rose 5%.",
    "In terms of the total number of indicators in first place, Singapore leads the world.",
])
def test_an_ordinal_that_places_nothing_in_a_ranking_is_no_rank(sentence):
    assert _ranks(sentence) == []


# --- a cluster's place by its name, in a sentence after the cluster ranking was named -------------------------------

CLUSTERS_2023 = ("China has 24 S&T clusters among the top 100 in the world, followed by the US with 21, according to the "
                 "Global Innovation Index 2023. Japan's Tokyo-Yokohama cluster topped the charts, with China's "
                 "Shenzhen-Hong Kong-Guangzhou in second place. Seoul in South Korea was third, overtaking Beijing, "
                 "which fell to fourth.")


def test_cluster_places_by_name_after_the_cluster_ranking_was_named(store):
    found = spot.spot(CLUSTERS_2023, store=store, published="2023-09-28")
    for span, member in (("second", "Shenzhen"), ("third", "Seoul"), ("fourth", "Beijing")):
        rank = by_span(found, span)
        assert rank.match and rank.match.indicator == "cluster_rank" and member in (rank.match.product or "")
        assert rank.match.period == "2023"
    assert not [c for c in found if c.verdict in ACCUSING]


def test_a_cluster_written_without_its_state_is_still_named(store):
    text = ("Tokyo-Yokohama slipped to second place, according to the WIPO 2025 Sci-Tech Cluster ranking. "
            "San Jose-San Francisco jumped to third from sixth.")
    rank = by_span(spot.spot(text, store=store, published="2025-09-17"), "third")
    assert rank.match and "San Jose" in (rank.match.product or "")


def test_an_economys_place_in_a_sentence_about_the_index_is_not_a_clusters(store):
    text = ("China has 24 S&T clusters among the top 100, according to the Global Innovation Index 2023. "
            "In the Global Innovation Index, Singapore fell to fifth.")
    found = spot.spot(text, store=store, published="2023-09-28")
    rank = by_span(found, "fifth")
    assert not (rank.match and rank.match.indicator == "cluster_rank")
    assert rank.verdict not in ACCUSING


# --- a month named before its measure dates the figure --------------------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("December exports alone jumped 10.7% year-on-year, while imports grew by 1%.", "10.7%"),
    ("China's December exports rose 10.7% year-on-year.", "10.7%"),
    ("The November trade surplus reached $97.44 billion.", "$97.44 billion"),
])
def test_a_month_named_before_its_measure_dates_the_figure(store, sentence, span):
    text = "China's exports reached a record in 2024. " + sentence
    found = spot.spot(text, store=store, published="2025-01-13")
    assert by_span(found, span).period in ("2024-12", "2024-11")


@pytest.mark.parametrize("sentence", [
    "Exports rose 7.1% in 2024, up from December exports of the year before.",
    "Exports rose 7.1% in 2024 for the year as a whole, after weak December exports.",
])
def test_a_month_after_other_words_does_not_date_the_sentence(store, sentence):
    found = spot.spot(sentence, store=store, published="2025-01-13")
    assert not any((c.period or "").startswith("2024-12") for c in found if c.span.startswith("7.1"))
    assert not [c for c in found if c.verdict in ACCUSING]


# --- a percentage of GDP after a typographic apostrophe -------------------------------------------------------------

@pytest.mark.parametrize("tail", ["of the country’s GDP that year", "of the country's GDP that year",
                                  "of the nation’s gross domestic product"])
def test_rd_spending_as_a_percentage_of_the_countrys_gdp(store, tail):
    text = (f"China’s total expenditure on R&D amounted to 3.09 trillion yuan in 2022, accounting for 2.55 per cent "
            f"{tail}, minister Wang Zhigang said.")
    share = by_span(spot.spot(text, store=store, published="2023-02-24"), "2.55 per cent")
    assert share.frame["kind"] == "percent_of_gdp"
    assert share.match and share.match.indicator == "rd_intensity"


def test_a_month_qualifying_its_measure_does_not_date_the_next_paragraph(store):
    text = ("Exports in 2024 totaled 25.45 trillion yuan, up 7.1% year-on-year. December imports hit a 21-month high.\n\n"
            "China's trade with Belt and Road partner countries totaled 22.07 trillion yuan, a 6.4% increase.")
    found = spot.spot(text, store=store, published="2025-01-14")
    assert by_span(found, "22.07 trillion yuan").period == "2024"
    assert not [c for c in found if c.verdict in ACCUSING]


# --- a compiler's name is not an industry ---------------------------------------------------------------------------

def test_the_ministry_of_industry_names_the_compiler_not_an_industry(store):
    text = ("China's lithium-ion battery production surged by 24% in 2024. Output reached 1,170 GWh, up from 943 GWh "
            "in 2023, according to the Ministry of Industry and Information Technology (MIIT).")
    found = spot.spot(text, store=store, published="2025-02-20")
    output = by_span(found, "1,170 GWh")
    assert output.match and output.match.indicator == "liion_battery_output"
    assert not [c for c in found if c.verdict in ACCUSING]


def test_an_industry_the_store_does_not_hold_still_has_no_series(store):
    text = "In 2024, output of the machinery industry reached 1,170 GWh, according to the Ministry of Commerce."
    found = spot.spot(text, store=store, published="2025-02-20")
    assert by_span(found, "1,170 GWh").match is None


# --- goods and services: the national accounts' exports, wider than goods -------------------------------------------

def test_exports_of_goods_and_services_are_the_national_accounts_series_never_accused(store):
    text = "Exports of goods and services were US$3.58 trillion in 2024, up 10.7 per cent on 2023."
    found = spot.spot(text, store=store, published="2025-01-20")
    level = by_span(found, "US$3.58 trillion")
    assert level.match and (level.match.source, level.match.indicator) == ("worldbank", "NE.EXP.GNFS.CD")
    assert not [c for c in found if c.verdict in ACCUSING]  # customs' goods exports hold the figure: needs review


def test_goods_exports_stay_the_customs_series(store):
    found = spot.spot("In 2024, China's goods exports were US$3.58 trillion.", store=store, published="2025-01-20")
    level = by_span(found, "US$3.58 trillion")
    assert level.match and level.match.indicator != "NE.EXP.GNFS.CD"


# --- a rank without a year after a sentence on another measure's year: the ranking's edition -----------------------

GII_2025 = ("Switzerland remained in first place, while China was in 10th place in the Global Innovation Index (GII) "
            "survey of 139 economies. China contributed about a quarter of international patent applications in 2024. "
            "Germany should not be alarmed by its fall to 11th place, said GII coeditor Sacha Wunsch-Vincent.")


def test_a_rank_without_a_year_is_in_the_rankings_edition_not_a_data_year(store):
    found = spot.spot(GII_2025, store=store, published="2025-09-16")
    germany = by_span(found, "11th")
    assert (germany.entity, germany.match.indicator, germany.match.period) == ("DEU", "gii_rank", "2025")
    assert not [c for c in found if c.verdict in ACCUSING]


def test_a_rank_after_a_dated_rank_takes_that_edition(store):
    text = ("China ranked 11th in the Global Innovation Index 2024. Its patent applications fell in 2023. "
            "Germany fell to ninth place.")
    rank = by_span(spot.spot(text, store=store, published="2025-01-10"), "ninth")
    assert rank.period == "2024" and rank.verdict not in ACCUSING


# --- more verbs of growing ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["swelled", "ballooned", "rebounded", "edged up", "climbs", "expands"])
def test_a_verb_of_growing_makes_a_percentage_a_growth_rate(store, verb):
    text = f"In 2024, China's combined trade {verb} five percent to reach a record $5.98 trillion."
    growth = by_span(spot.spot(text, store=store, published="2025-01-14"), "five percent")
    assert growth.frame["transformation"] == "growth_rate"
    assert growth.match and growth.match.indicator == "goods_trade_usd_yoy_pct"
    assert growth.verdict not in ACCUSING  # the currency basis is read, not stated


def test_a_percentage_with_no_verb_of_growing_is_not_a_growth_rate(store):
    text = "In 2024, China's combined trade was five percent of the world total, a record $5.98 trillion."
    share = by_span(spot.spot(text, store=store, published="2025-01-14"), "five percent")
    assert share.frame["transformation"] != "growth_rate"
    assert share.verdict not in ACCUSING


# --- a place in the ranking of a subject carried as it was read -----------------------------------------------------

PCT_2023 = ("Patent filings slipped last year by nearly 2%, the World Intellectual Property Organization (WIPO) said on "
            "Thursday. WIPO reported 272,600 filings in 2023, which was a 1.8% decline from the previous year. The top countries "
            "China (69,610) and the United States (55,678) both reported fewer filings than in 2022. ")


def test_a_place_in_the_ranking_of_a_carried_subject_is_among_that_readings_levels(store):
    text = PCT_2023 + "Japan filed fewer applications in 2023, although South Korea which is ranked fourth had a slight increase."
    found = spot.spot(text, store=store, published="2024-03-08")
    rank = by_span(found, "fourth")
    assert rank.entity == "KOR" and rank.match and rank.match.indicator == "pct_applications"
    assert rank.match.derivation == "rank" and rank.verdict not in ACCUSING


def test_a_growth_rate_of_another_measure_still_does_not_take_the_carried_reading(store):
    text = PCT_2023 + "Exports from South Korea rose 4% in 2023."
    found = spot.spot(text, store=store, published="2024-03-08")
    growth = by_span(found, "4%")
    assert not (growth.match and growth.match.indicator.startswith("pct_applications"))
    assert growth.verdict not in ACCUSING


# --- the economy overtaken is not the figure's; first for the number of something is a lead in that count --------

def test_first_for_the_number_of_clusters_after_overtaking_is_the_overtakers_lead(store):
    text = ("China has overtaken the United States to rank first for the number of science and technology clusters "
            "for the first time, according to the Global Innovation Index 2023.")
    [lead] = [c for c in spot.spot(text, store=store, published="2023-09-21") if c.span == "first"]
    assert (lead.entity, lead.check, lead.match.indicator, lead.match.period) == ("CHN", "leader", "st_clusters_top100", "2023")
    assert lead.verdict not in ACCUSING


def test_a_wrong_lead_beside_another_economy_is_not_accused(store):
    text = ("The United States ranks first for the number of S&T clusters, ahead of China, according to the Global "
            "Innovation Index 2023.")
    [lead] = [c for c in spot.spot(text, store=store, published="2023-09-21") if c.span == "first"]
    assert lead.entity == "USA" and lead.verdict not in ACCUSING


def test_a_lead_in_a_narrower_field_is_still_no_leader_claim(store):
    text = "In 2023, China ranked first for a number of Asian economies in S&T clusters."
    found = spot.spot(text, store=store, published="2024-01-10")
    assert not [c for c in found if c.check == "leader"]
