"""Mapping pass 24 (issue 20): general classes of wording found on the development detail of the splits drawn for the
pass (monthly industry notes above all), each tested on phrasings of its own and on a near wording where it must not
fire. Periods only: what the sentence says, not the store's values."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass24")


# --- a base figure's month dates the base only, not the figures after it --------------------------------------------

@pytest.mark.parametrize("text", [
    "China exported 19.6 GW of modules in July, down 11% compared to the 22.1 GW in June but up 35% from last "
    "July's 14.5 GW.",
    "China exported 19.6 GW of modules in July, down 11% MoM from June's 22.1 GW and up 35% compared to last "
    "July's 14.5 GW.",
])
def test_the_month_of_a_base_does_not_date_the_next_figure(store, text):
    found = spot.spot(text, store=store, published="2024-08-28")
    assert by_span(found, "19.6 GW").period == "2024-07"
    assert by_span(found, "22.1 GW").period == "2024-06"
    assert by_span(found, "35%").period == "2024-07"


@pytest.mark.parametrize("text, published, period", [
    ("China exported 19.6 GW of modules in July, up 35% from last July's 14.5 GW.", "2024-08-28", "2023-07"),
    ("China exported 21.2 GW of modules in March, up 56% from last July's 14.5 GW.", "2024-04-20", "2023-07"),
])
def test_last_month_s_figure_is_of_the_latest_such_month_before(store, text, published, period):
    assert by_span(spot.spot(text, store=store, published=published), "14.5 GW").period == period


def test_a_figure_after_from_the_is_a_base(store):
    text = "Exports rose to $300 billion in July, up from the $280 billion in June."
    found = spot.spot(text, store=store, published="2024-08-10")
    assert by_span(found, "$280 billion").period == "2024-06"
    assert by_span(found, "$300 billion").period == "2024-07"


# --- other words for the first part of a year -------------------------------------------------------------------------

@pytest.mark.parametrize("words, code", [
    ("in the initial half of 2023", "2023-H1"),
    ("in the opening half of 2023", "2023-H1"),
    ("in the opening quarter of 2023", "2023-Q1"),
])
def test_initial_and_opening_parts_of_a_year(store, words, code):
    text = f"China exported 106.1 GW of modules {words}, according to customs data."
    assert by_span(spot.spot(text, store=store, published="2023-07-31"), "106.1 GW").period == code


# --- the imports of the partner of the sentence before --------------------------------------------------------------

TEXT_ON_MODULES = ("China exported 21.2 GW of modules in March, according to customs data. Europe imported 9.7 GW of "
                   "modules from China in March, a 21% increase from 8 GW in February. ")


def test_imports_said_again_are_the_partner_s_imports_from_china(store):
    text = TEXT_ON_MODULES + "The total import volume reached 23.7 GW in the first quarter, a 20% decrease."
    found = spot.spot(text, store=store, published="2024-04-29")
    for span in ("23.7 GW", "20%"):
        frame = by_span(found, span).frame
        assert (frame["measure"], frame["entity"], frame["counterpart"]) == ("exports", "CHN", "EU")
        assert frame["measure_from"] == "assumed"


@pytest.mark.parametrize("sentence", [
    "Asia-Pacific imported 68.11 GW of modules in total, up 26% from 53.93 GW.",  # an importer of its own
    "India's imports reached 23.7 GW in the first quarter.",  # a place the list knows
    "Emerging markets imported 23.7 GW in the first quarter.",  # imports not said again
    "In the first quarter, the imports reached 23.7 GW globally.",  # the world's
])
def test_imports_of_another_importer_are_not_the_partner_s(store, sentence):
    frame = by_span(spot.spot(TEXT_ON_MODULES + sentence, store=store, published="2024-04-29"), sentence.split(" GW")[0]
                    .split()[-1] + " GW").frame
    assert frame.get("counterpart") != "EU"


# --- a ratio to GDP said in other words -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Korea's R&D-to-GDP ratio was 4.85% in 2022.",
    "Korea's R&D spending ratio to GDP was 4.85% in 2022.",
])
def test_ratio_to_gdp_words(store, sentence):
    assert by_span(spot.spot(sentence, store=store, published="2024-12-29"), "4.85%").frame["kind"] == "percent_of_gdp"


@pytest.mark.parametrize("sentence, span", [
    ("The fiscal deficit ratio to GDP was set at 3 percent in 2024.", "3 percent"),
    ("The debt-to-GDP ratio rose to 2.7% in 2024.", "2.7%"),
])
def test_other_ratios_to_gdp_are_no_r_and_d_intensity(store, sentence, span):
    text = "China's total R&D spending rose 8.3% to 3.61 trillion yuan in 2024. " + sentence
    candidate = by_span(spot.spot(text, store=store, published="2025-03-15"), span)
    assert candidate.match is None or candidate.match.indicator != "rd_intensity"


def test_unlikely_to_is_a_prediction(store):
    text = "China exported 19.6 GW of modules in November. In December, import volumes are unlikely to exceed 5 GW."
    assert by_span(spot.spot(text, store=store, published="2024-12-20"), "exceed 5 GW").verdict == "opinion"


# --- a multiple's base year, and a month naming a measure after a conjunction -----------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("May alone added 92.9 GW of new capacity, nearly five times the level in the same month last year.", "92.9 GW"),
    ("Installations in the first nine months of 2025 totaled 240.3 GW. April contributed 45.22 GW, more than triple "
     "last year's installation figure.", "45.22 GW"),
    ("Installations reached 45.22 GW in 2025, double 2024's figure.", "45.22 GW"),
])
def test_the_base_of_a_multiple_does_not_date_the_figure(store, sentence, span):
    assert by_span(spot.spot(sentence, store=store, published="2025-10-20"), span).period.startswith("2025")


def test_a_newspaper_s_times_is_no_multiple(store):
    text = "In a Financial Times 2023 analysis, China's exports grew 4.6%."
    assert by_span(spot.spot(text, store=store, published="2024-03-01"), "4.6%").period == "2023"


def test_a_year_a_figure_doubles_in_is_its_own(store):
    text = "Exports rose to 40 GW in 2023 and are expected to double in 2024."
    assert by_span(spot.spot(text, store=store, published="2023-06-01"), "40 GW").period == "2023"


def test_a_month_after_while_names_its_measure(store):
    text = "China exported 23.6 GW of modules in September, up 56% year on year, while August shipments rose 28% to 25.7 GW."
    found = spot.spot(text, store=store, published="2025-10-20")
    assert by_span(found, "23.6 GW").period == "2025-09"
    assert (by_span(found, "28%").period, by_span(found, "25.7 GW").period) == ("2025-08", "2025-08")


# --- EVs made or sold: CAAM's new energy vehicles, assumed ------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "China's EV sales rose more than 40% in 2024, according to the China Association of Automobile Manufacturers.",
    "Sales of electric vehicles in China rose more than 40% in 2024.",
])
def test_evs_sold_are_read_as_new_energy_vehicles_assumed(store, sentence):
    candidate = by_span(spot.spot(sentence, store=store, published="2025-01-15"), "40%")
    assert (candidate.frame["subject"], candidate.frame["subject_from"]) == ("nev", "assumed")
    assert candidate.verdict not in ACCUSING


def test_a_ratio_to_ev_sales_is_not_read_as_nev_sales(store):
    text = "He noted the ratio of such spending to EV sales has declined to just above 11% in 2023."
    assert by_span(spot.spot(text, store=store, published="2024-06-20"), "11%").frame.get("subject") != "nev"


def test_ev_exports_stay_evs(store):
    text = "China's exports of electric vehicles rose 29.9% in 2023."
    assert by_span(spot.spot(text, store=store, published="2024-01-15"), "29.9%").frame["subject"] == "ev"


# --- a list of places after "followed by", paired with lists of places and scores ----------------------------------

def test_followed_by_a_list_pairs_its_places_with_ranks_and_scores(store):
    text = ("Switzerland secured the first rank in the GII 2024 report with a score of 67.5, closely followed by Sweden "
            "and the US at the second and third positions with scores of 64.5 and 62.4, respectively.")
    found = spot.spot(text, store=store, published="2024-09-27")
    assert [by_span(found, s).frame["entity"] for s in ("second", "third", "64.5", "62.4")] == ["SWE", "USA", "SWE", "USA"]
    assert by_span(found, "62.4").frame["kind"] == "score"


def test_a_list_after_unlike_stays_an_aside(store):
    text = "Unlike Sweden and the US, China ranked 11th and 12th in the two editions."
    found = spot.spot(text, store=store, published="2024-09-27")
    assert by_span(found, "11th").frame["entity"] != "SWE"


# --- "the bloc", "the continent": the region named last ---------------------------------------------------------------

def test_the_bloc_is_the_region_named_before(store):
    text = ("Europe imported 9.7 GW of modules from China in March. In 2023, the bloc imported 17 GW of modules from "
            "China. The continent imported 29.5 GW of modules from China in the first quarter of 2024.")
    found = spot.spot(text, store=store, published="2024-04-29")
    for span in ("17 GW", "29.5 GW"):
        frame = by_span(found, span).frame
        assert (frame["measure"], frame["entity"], frame["counterpart"]) == ("exports", "CHN", "EU")


def test_the_bloc_after_another_partner_in_its_sentence_is_not_the_region_before(store):
    text = ("Europe imported 9.7 GW of modules from China in March. China's trade with ASEAN rose 5% in the first "
            "quarter, and exports to the bloc grew 8.2%.")
    frame = by_span(spot.spot(text, store=store, published="2024-04-29"), "8.2%").frame
    assert frame.get("counterpart") != "EU"


def test_the_bloc_with_no_region_named_is_no_place(store):
    frame = by_span(spot.spot("In 2023, the bloc imported 17 GW of modules from China.", store=store,
                              published="2024-04-29"), "17 GW").frame
    assert frame.get("counterpart") in (None, "") and frame.get("entity") != "region:named"


# --- the period before's figure is a base wherever it is said -------------------------------------------------------

@pytest.mark.parametrize("sentence, span, period", [
    ("Imports rebounded 1.1 percent from a year ago in June, following prior month's 3.4 percent decline.",
     "3.4 percent", "2025-05"),
    ("Imports dropped 2.3 percent annually in June, in contrast to the 1.8 percent increase in May.", "1.8 percent",
     "2025-05"),
    ("Total exports soared 8.3% year-on-year in September, while imports jumped 7.4% (August: 1.3%).", "1.3%", "2025-08"),
    ("Imports dropped 12.4% to $201.2 billion in July, expanding the previous month's 6.8% drop.", "6.8%", "2025-06"),
])
def test_the_period_before_s_figure_is_a_base(store, sentence, span, period):
    assert by_span(spot.spot(sentence, store=store, published="2025-10-13"), span).period == period


def test_last_year_s_figure_may_be_the_text_s_own(store):
    text = "Last year's exports totalled $3.58 trillion, up 5.9 percent."
    assert by_span(spot.spot(text, store=store, published="2025-01-20"), "$3.58 trillion").frame["role"] == "figure"


# --- places left out -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("As of the end of 2023, China (note: all numbers in this piece not including Hong Kong, Macao and Taiwan) owned "
     "4.015 million domestic invention patents.", "4.015 million"),
    ("China's exports to countries other than the United States rose 10% in 2024.", "10%"),
])
def test_places_left_out_are_not_whose_figure(store, sentence, span):
    frame = by_span(spot.spot(sentence, store=store, published="2024-01-20"), span).frame
    assert frame["entity"] == "CHN" and frame.get("counterpart") != "USA"


def test_apart_from_is_besides(store):
    text = "Apart from India, only four other middle-income economies are among the top 40, namely China (12th)."
    assert by_span(spot.spot(text, store=store, published="2023-09-28"), "top 40").frame["entity"] == "IND"


# --- a trade figure's stated goods reset what "exports" are of --------------------------------------------------------

def test_goods_of_a_trade_figure_reset_the_exports_subject(store):
    text = ("In these emerging industries, lithium-ion battery exports rose 92.3 percent in the first half of 2024.\n\n"
            "Overall, Chinese goods imports and exports grew 6.1% in yuan terms during the first half of the year.\n\n"
            "Customs reported that dollar-denominated exports increased by 8.6% year-on-year in June.")
    frame = by_span(spot.spot(text, store=store, published="2024-07-20"), "8.6%").frame
    assert frame["subject"] == "goods"
