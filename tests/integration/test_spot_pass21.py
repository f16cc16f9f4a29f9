"""Mapping pass 21 (issue 20): general classes of wording seen in the development splits' misses (an economy's place
among the buyers of China's exports), each tested on phrasings of its own and on a near wording where it must not
fire. Values are Ember's monthly exports of solar panels by destination (bundled data/ember), summed by the
derivation layer: panels in 2024, NLD 39,190.6 MW, BRA 21,924.5, PAK 16,384.5, SAU 16,128.7, IND 15,474.5,
ESP 10,680.7; all solar products by value in 2023, NLD 9.03 billion USD, BRA 3.73, IND 3.44."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass21")


# --- a place among the buyers of China's exports -----------------------------------------------------------------

@pytest.mark.parametrize("text, span, partner", [
    ("Pakistan was the third-largest importer of Chinese solar panels in 2024.", "third", "PAK"),
    ("Brazil was the second-largest market for Chinese modules in 2024.", "second", "BRA"),
    ("In 2024 Saudi Arabia became the fourth biggest buyer of Chinese solar panels.", "fourth", "SAU"),
])
def test_a_place_among_the_buyers_of_chinas_exports_is_ranked_on_its_partners(store, text, span, partner):
    place = by_span(spot.spot(text, store=store, published="2025-04-14"), span)
    assert (place.match.source, place.match.indicator, place.match.derivation) == \
        ("ember", "solar_exports_capacity", "partner_rank")
    assert (place.match.counterpart, place.period, place.entity) == (partner, "2024", "CHN")
    assert place.verdict == "supported", place.explanation


@pytest.mark.parametrize("text, span", [
    ("India was the second-largest market for Chinese modules in 2024.", "second"),  # fifth
    ("Spain ranked among the top five importers of Chinese solar panels in 2024.", "top five"),  # sixth
])
def test_another_place_is_shown_never_accused(store, text, span):
    place = by_span(spot.spot(text, store=store, published="2025-04-14"), span)
    assert place.match.derivation == "partner_rank"
    assert place.verdict == "needs-review" and "is number" in place.explanation
    assert place.verdict not in ACCUSING


def test_a_subject_kept_as_products_is_ranked_on_their_summed_value(store):
    found = spot.spot("Brazil was the second-largest destination for China's solar exports in 2023.", store=store,
                      published="2024-04-14")
    place = by_span(found, "second")
    assert (place.match.indicator, place.match.product, place.match.counterpart) == ("solar_exports_value", None, "BRA")
    assert place.verdict == "supported", place.explanation


@pytest.mark.parametrize("text, span", [
    ("India was the second-largest market for smartphones in 2024.", "second"),  # not China's goods
    ("Africa was the third-largest market for Chinese solar panels in 2024.", "third"),  # a region, not an economy
    ("India was the second-largest producer of solar panels in 2024.", "second"),  # not a buyer
])
def test_other_places_are_not_ranked_among_chinas_buyers(store, text, span):
    place = by_span(spot.spot(text, store=store, published="2025-04-14"), span)
    assert not (place.match and place.match.derivation == "partner_rank")
    assert place.verdict not in ACCUSING


# --- "the year ended June": twelve months counted back from a month ------------------------------------------------
# Ember: panels to Africa 15,032 MW in 2024-07/2025-06 against 9,378.8 MW a year before (+60.3%). "The year to
# (through) August" stays January to August (test_spot_pass12).

@pytest.mark.parametrize("text", [
    "Chinese solar panel exports to Africa rose 60% in the year ended June 2025.",
    "In the fiscal year ending June 2025, China's exports of solar panels to Africa rose 60%.",
])
def test_the_year_to_a_month_is_the_twelve_months_to_it(store, text):
    growth = by_span(spot.spot(text, store=store, published="2025-08-01"), "60%")
    assert growth.period == "2024-07/2025-06"
    assert growth.match.counterpart == "region:Africa" and growth.verdict == "supported-rounded", growth.explanation


def test_the_year_to_date_is_not_a_window_of_twelve_months(store):
    found = spot.spot("China's exports rose 5.4% in the year to date, customs data showed on 7 June 2025.", store=store,
                      published="2025-06-07")
    assert by_span(found, "5.4%").period != "2024-07/2025-06"


# --- a place counted among a region's economies ----------------------------------------------------------------------
# Ember: panels in 2024-07/2025-06 to Africa's economies, ZAF 3,783.8 MW, NGA 1,720.6, DZA 1,198.8, MAR 915.3; world
# order NLD 31,682.9, PAK 18,005.3, BRA 17,184.4, ...

@pytest.mark.parametrize("text, span, partner", [
    ("Nigeria was the second-largest importer of Chinese solar panels in Africa in the 12 months to June 2025.",
     "second", "NGA"),
    ("Algeria became Africa's third-largest importer of Chinese solar panels in the 12 months to June 2025.",
     "third", "DZA"),
    ("Morocco, the fourth-biggest African buyer of Chinese solar panels in the 12 months to June 2025, doubled its "
     "imports.", "fourth", "MAR"),
])
def test_a_place_in_a_region_is_counted_among_its_economies(store, text, span, partner):
    place = by_span(spot.spot(text, store=store, published="2025-09-01"), span)
    assert place.match.derivation == "partner_rank" and place.match.counterpart == partner
    assert place.frame["partner_scope"] == "Africa"
    assert place.verdict == "supported" and "economies of Africa" in place.explanation, place.explanation


def test_without_a_region_the_place_is_the_worlds(store):
    found = spot.spot("Nigeria was the second-largest importer of Chinese solar panels in the 12 months to June 2025.",
                      store=store, published="2025-09-01")
    place = by_span(found, "second")
    assert not place.frame["partner_scope"] and place.verdict == "needs-review"


# --- periods of monthly growth rates ------------------------------------------------------------------------------
# GACC, dollar basis: exports +4.4% in 2025-08, +8.3% in 2025-09; imports -3.9% in 2024-11, +1.0% in 2024-12

def test_the_base_of_a_monthly_growth_rate_is_the_month_before(store):
    text = ("China's trade surplus stood at $90.45bn in September. Export growth outperformed forecasts, picking up "
            "to 8.3% from 4.4%.")
    found = spot.spot(text, store=store, published="2025-10-13")
    assert by_span(found, "8.3%").period == "2025-09"
    base = by_span(found, "4.4%")
    assert (base.period, base.frame["transformation"]) == ("2025-08", "growth_rate")
    assert base.verdict == "supported"


def test_a_record_over_months_makes_a_growth_rate_a_months(store):
    text = ("China's trade surplus hit a record in 2024. Imports grew by 1.0%, according to the customs service, "
            "marking the first increase in three months.")
    growth = by_span(spot.spot(text, store=store, published="2025-01-13"), "1.0%")
    assert growth.period == "2024-12" and growth.frame["period_from"] == "assumed"
    assert growth.verdict == "supported"


def test_without_a_record_the_years_rate_stays_the_years(store):
    text = "China's trade surplus hit a record in 2024. Imports grew by 1.1%, according to the customs service."
    assert by_span(spot.spot(text, store=store, published="2025-01-13"), "1.1%").period == "2024"


def test_the_months_after_a_running_total_are_the_totals(store):
    text = ("In July 2025, exports were 321.78 billion US dollars. The goods trade surplus was 98.24 billion US dollars, "
            "accumulating to $683.51 billion from January to July.")
    found = spot.spot(text, store=store, published="2025-08-29")
    assert by_span(found, "98.24 billion US dollars").period == "2025-07"
    assert by_span(found, "$683.51 billion").period == "2025-01/2025-07"


def test_without_a_running_total_the_months_after_date_both_figures(store):
    found = spot.spot("In 2025, exports rose 5.9% to $1.81 trillion in the first half.", store=store,
                      published="2025-08-29")
    assert by_span(found, "5.9%").period == by_span(found, "$1.81 trillion").period == "2025-H1"


# --- a record's start is not the figure's period; a basis said aside is not the text's -----------------------------
# GACC, dollar basis: exports +7.2% and imports +4.1% in 2025-07, surplus $98.24 billion; yuan basis: exports +8.0%,
# imports +4.8% in 2025-07; dollar basis 2025-06: exports +5.8%, imports +1.1%

WIRE = ("China's exports rose 7.2% year-on-year in July, beating a 5.4% forecast in a Reuters poll, customs data showed "
        "on Thursday.\n\nImports grew 4.1%, the fastest pace since July last year.\n\n"
        "The trade surplus narrowed to $98.24 billion.\n\nIn yuan terms, exports climbed 8.0% while imports rose 4.8%.\n\n"
        "Exports in June rose 5.8%, while imports edged up 1.1%.")


def test_since_a_month_last_year_starts_a_record_it_does_not_date_the_figure(store):
    found = spot.spot(WIRE, store=store, published="2025-08-07")
    for span in ("4.1%", "$98.24 billion"):
        assert by_span(found, span).period == "2025-07", span
        assert by_span(found, span).verdict == "supported", span


def test_a_basis_said_aside_after_unmarked_growth_is_not_the_texts(store):
    found = spot.spot(WIRE, store=store, published="2025-08-07")
    assert by_span(found, "8.0%").match.indicator == "goods_exports_yoy_pct"  # the yuan sentence itself
    june = by_span(found, "5.8%")
    assert (june.match.indicator, june.period, june.verdict) == ("goods_exports_usd_yoy_pct", "2025-06", "supported")


def test_a_basis_said_before_any_growth_stays_the_texts(store):
    text = ("In yuan terms, China's exports rose 8.0% in July.\n\n"
            "Imports rose 4.8%, customs data showed.")
    assert by_span(spot.spot(text, store=store, published="2025-08-07"), "4.8%").match.indicator == \
        "goods_imports_yoy_pct"


# --- a GII story written for the test ------------------------------------------------------------------------------
# GII 2024: Germany 9th (8th in 2023); top 100 S&T clusters, China 26, United States 20

def test_a_place_after_a_move_of_some_places_is_read(store):
    found = spot.spot("In the Global Innovation Index 2024, Germany slipped one spot to ninth.", store=store,
                      published="2024-09-27")
    place = by_span(found, "ninth")
    assert (place.match.indicator, place.entity, place.period, place.verdict) == ("gii_rank", "DEU", "2024", "supported")


def test_any_other_economy_is_compared_with_not_measured(store):
    text = ("China hosts 26 of the world's top 100 science and technology clusters, more than any other economy, while "
            "the United States has 20.")
    count = by_span(spot.spot(text, store=store, published="2024-09-27"), "20")
    assert (count.match.indicator, count.entity, count.verdict) == ("st_clusters_top100", "USA", "supported")


def test_the_economy_measured_is_still_read(store):
    found = spot.spot("China's economy grew 5% in 2024.", store=store, published="2025-01-20")
    assert by_span(found, "5%").frame["subject"] == "economy"


# --- exports with no product said, in a text on one product's exports ---------------------------------------------
# Ember, all destinations: panels 237,237 MW in 2024, 209,259 MW in 2023; panel value 28.0 billion USD in 2024, 39.5
# billion in 2023. GACC: goods exports +5.9% in 2024 (dollar basis)

SOLAR = ("China exported 237 GW of solar panels in 2024, up 13% from 209 GW in 2023.\n\n"
         "China's exports rose 5.9% in 2024, customs data showed.\n\n"
         "The value of exports fell to $28 billion from $39.5 billion as prices collapsed.")


def test_exports_with_no_product_in_a_text_on_a_products_exports_are_that_products(store):
    found = spot.spot(SOLAR, store=store, published="2025-02-20")
    for span, period in (("$28 billion", "2024"), ("$39.5 billion", "2023")):
        value = by_span(found, span)
        assert (value.match.indicator, value.match.product, value.period) == ("solar_exports_value", "pv_panels", period)
        assert value.frame["subject_from"] == "assumed" and value.verdict not in ACCUSING


def test_an_economys_exports_are_all_its_goods(store):
    growth = by_span(spot.spot(SOLAR, store=store, published="2025-02-20"), "5.9%")
    assert (growth.match.indicator, growth.verdict) == ("goods_exports_usd_yoy_pct", "supported")


# --- a streak of a lead is not a streak of the growth before it ----------------------------------------------------
# CAAM 2024: vehicle exports 5.859 million, +19.3%

def test_a_streak_of_a_lead_is_not_read_as_the_growths(store):
    text = ("Vehicle exports grew 19.3% to 5.86 million in 2024, making China the world's largest car exporter for the "
            "second year in a row.")
    found = spot.spot(text, store=store, published="2025-01-13")
    streak = by_span(found, "second year in a row")
    assert not (streak.match and "yoy" in streak.match.indicator)
    assert by_span(found, "19.3%").verdict == "supported"


def test_a_streak_of_growth_is_still_read(store):
    found = spot.spot("Vehicle exports grew 19.3% in 2024, rising for the second year in a row.", store=store,
                      published="2025-01-13")
    streak = by_span(found, "second year in a row")
    assert streak.match.indicator == "vehicle_exports_yoy_pct" and streak.match.period == "2023/2024"


# --- where filings come from is whose they are ----------------------------------------------------------------------
# WIPO PCT 2024: world 273,900 (+0.5%), United States -2.8%

def test_filings_from_an_economy_are_its_own(store):
    text = ("International patent filings under the PCT worldwide rose 0.5% to 273,900 in 2024, while filings from the "
            "US fell 2.8%.")
    found = spot.spot(text, store=store, published="2025-03-17")
    fall = by_span(found, "2.8%")
    assert (fall.match.indicator, fall.entity, fall.verdict) == ("pct_applications_yoy_pct", "USA", "supported")
    assert by_span(found, "0.5%").entity == "WLD"


def test_goods_from_an_economy_are_still_a_partners(store):
    found = spot.spot("China's imports from the US fell 2.8% in 2024.", store=store, published="2025-03-17")
    assert by_span(found, "2.8%").frame["counterpart"] == "USA"


# --- singular forms of subjects --------------------------------------------------------------------------------------
# Customs (via the official table): electric passenger car exports 1.773 million in 2023, +67.1%; PV product exports
# 200 billion yuan in 2024

def test_singular_subject_words_name_their_subject(store):
    text = ("Electric passenger car exports rose 67.1 percent to 1.77 million units in 2023.\n\n"
            "Solar product exports came to about 200 billion yuan in 2024.")
    found = spot.spot(text, store=store, published="2025-03-07")
    assert by_span(found, "67.1 percent").match.indicator == "ev_passenger_exports_units_yoy_pct"
    assert by_span(found, "about 200 billion yuan").match.indicator == "pv_products_exports_value"


# --- cars sold abroad are exports -------------------------------------------------------------------------------------
# Customs (Griffith Asia Institute's compilation, the official table): battery-electric car exports 1.546 million in
# 2023 (+64%), 34 billion USD; CAAM: battery-electric vehicle sales 6.685 million in 2023

def test_cars_sold_abroad_are_exports_never_judged_against_sales(store):
    text = "The country sold 1.55 million battery-electric cars abroad in 2023, 64% more than in 2022."
    found = spot.spot(text, store=store, published="2025-03-01")
    level = by_span(found, "1.55 million battery-electric cars")
    assert (level.match.indicator, level.verdict) == ("bev_exports_units", "supported-rounded")
    assert by_span(found, "64%").match.indicator == "bev_exports_units_yoy_pct"


def test_sold_at_home_and_abroad_stays_sales(store):
    found = spot.spot("China sold 6.69 million battery electric vehicles at home and abroad in 2023.", store=store,
                      published="2025-03-01")
    level = by_span(found, "6.69 million")
    assert level.match.source == "caam" and level.verdict not in ACCUSING


def test_cars_shipped_overseas_are_exports(store):
    # CAAM: passenger vehicle exports 4.14 million in 2023
    found = spot.spot("Chinese carmakers shipped 4.1 million passenger cars overseas in 2023.", store=store,
                      published="2024-02-01")
    level = by_span(found, "4.1 million passenger cars")
    assert (level.match.indicator, level.match.product, level.verdict) == \
        ("vehicle_exports", "passenger_vehicles", "supported-rounded")


# --- what analysts had expected is a forecast ------------------------------------------------------------------------
# GACC, dollar basis: exports +8.1% in 2025-04, -9.9% in 2022-12

@pytest.mark.parametrize("text, span", [
    ("Analysts polled by Reuters had expected exports to grow 2% in April 2025.", "2%"),
    ("Exports rose 8.1% in April 2025, while economists had expected a 2% rise.", "2%"),
])
def test_what_analysts_had_expected_is_a_forecast(store, text, span):
    assert by_span(spot.spot(text, store=store, published="2025-08-07"), span).verdict == "opinion"


@pytest.mark.parametrize("text, span", [
    ("Exports rose 8.1% in April 2025, more than analysts had expected.", "8.1%"),
    ("Analysts had expected exports to fall 9.4 per cent, after dropping 9.9 per cent in December 2022.",
     "9.9 per cent"),
])
def test_a_fact_beside_an_expectation_stays_a_fact(store, text, span):
    assert by_span(spot.spot(text, store=store, published="2025-08-07"), span).verdict != "opinion"


# --- targets and group averages are not the economy's figures --------------------------------------------------------
# NBS: GDP +5.2% in 2023, 126.06 trillion yuan; R&D intensity 2.65% in 2023

def test_a_target_is_not_judged_against_the_outcome(store):
    text = ("China's gross domestic product posted a growth of 5.2 percent in 2023, higher than the annual target of "
            "around 5 percent. It reached a record of 126.06 trillion yuan last year.")
    found = spot.spot(text, store=store, published="2024-01-18")
    target = by_span(found, "around 5 percent")
    assert target.match is None and target.verdict == "unverifiable"
    assert by_span(found, "126.06 trillion yuan").match.indicator == "gdp"  # the next sentence keeps GDP


def test_a_groups_average_is_not_chinas(store):
    text = "China's R&D intensity rose to 2.65% in 2023, still below the OECD average of 2.7%."
    found = spot.spot(text, store=store, published="2025-03-01")
    assert by_span(found, "2.7%").match is None
    assert by_span(found, "2.65%").verdict == "supported"


def test_a_share_named_well_before_its_figure_is_a_share(store):
    # WIPO: China's share of PCT applications 25.1% in 2022 (growth +0.6%)
    text = "China's share of international patent applications filed under the PCT was 25.1% in 2022."
    share = by_span(spot.spot(text, store=store, published="2023-11-10"), "25.1%")
    assert (share.match.indicator, share.verdict) == ("pct_applications_share_pct", "supported")


def test_a_level_after_a_shares_verb_keeps_its_measure(store):
    # GACC: exports 25.45 trillion yuan in 2024
    for text in ("Exports accounted for 25.45 trillion yuan in 2024.",
                 "Of the total, exports accounted for 25.45 trillion yuan in 2024."):
        level = by_span(spot.spot(text, store=store, published="2025-01-13"), "25.45 trillion yuan")
        assert (level.match.indicator, level.verdict) == ("goods_exports", "supported"), text


def test_the_month_a_release_was_said_in_is_not_the_figures(store):
    # GACC, 2025-12: exports +6.6%, imports +5.7%, surplus $114.1 billion
    text = ("For December, exports grew 6.6% year on year, customs said in January, with imports up 5.7% and a surplus "
            "of $114.1 billion.")
    found = spot.spot(text, store=store, published="2026-01-20")
    for span in ("6.6%", "5.7%", "$114.1 billion"):
        assert by_span(found, span).period == "2025-12", span


def test_shipments_after_a_sentence_on_imports_are_chinas_exports(store):
    # Ember: panels to Pakistan 1,132 MW in 2025-06, 2,336 MW in 2025-05; to Europe 8,808 MW in 2025-06
    text = ("China exported 20.2 GW of solar modules in June 2025, according to InfoLink.\n\n"
            "Europe imported 8.8 GW.\n\nShipments to Pakistan fell to 1.1 GW from 2.3 GW in May.")
    found = spot.spot(text, store=store, published="2025-07-20")
    for span, period in (("1.1 GW", "2025-06"), ("2.3 GW", "2025-05")):
        level = by_span(found, span)
        assert (level.match.indicator, level.match.counterpart, level.period) == \
            ("solar_exports_capacity", "PAK", period), span
        assert level.verdict == "supported-rounded", span
