"""Mapping pass 22 (issue 20): general classes of wording found on stories written for the test in the common wordings
of each genre (values from the bundled store: GACC's November 2025 export growth in dollars, 5.9%), each tested on
phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass22")


# --- shipments after a sentence on China's exports -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "China's exports rebounded last month. Shipments to the rest of the world rose 5.9% from a year earlier.",
    "Chinese exports picked up in November. Overall, shipments grew 5.9% on the year.",
])
def test_shipments_after_a_sentence_on_exports_are_those_exports(store, text):
    growth = by_span(spot.spot(text, store=store, published="2025-12-09"), "5.9%")
    assert (growth.match.indicator, growth.period, growth.entity) == ("goods_exports_usd_yoy_pct", "2025-11", "CHN")
    assert growth.verdict == "supported", growth.explanation


@pytest.mark.parametrize("text", [
    "Japan's exports rebounded last month. Shipments to the rest of the world rose 5.9% from a year earlier.",
    "China's imports rebounded last month. Shipments to the rest of the world rose 5.9% from a year earlier.",
])
def test_shipments_after_another_economys_flow_are_not_chinas_exports(store, text):
    growth = by_span(spot.spot(text, store=store, published="2025-12-09"), "5.9%")
    assert growth.match is None or growth.match.indicator != "goods_exports_usd_yoy_pct"
    assert growth.verdict not in ACCUSING


# --- a share pointed back to: the part is the subject before, its whole named after "of" ---------------------------

@pytest.mark.parametrize("text", [
    "Spending on basic research reached 225.91 billion yuan in 2023. It ranked second in the world, accounting for "
    "6.77 percent of total R&D spending.",
    "In 2023 basic research spending came to 225.91 billion yuan, which made up 6.77 percent of the country's total "
    "R&D expenditure.",
])
def test_a_share_pointed_back_to_is_the_part_named_before(store, text):
    share = by_span(spot.spot(text, store=store, published="2024-10-02"), "6.77 percent")
    assert (share.match.indicator, share.period, share.entity) == ("basic_research_share_pct", "2023", "CHN")
    assert share.verdict == "supported", share.explanation


def test_a_share_of_gdp_pointed_back_to_is_not_a_part_of_rd(store):
    text = "R&D spending reached 3.33 trillion yuan in 2023. It accounted for 2.65 percent of GDP."
    share = by_span(spot.spot(text, store=store, published="2024-10-02"), "2.65 percent")
    assert share.match is None or share.match.indicator != "basic_research_share_pct"


# --- a field opening the sentence is not the scope of a place said to be global -------------------------------------

def test_a_global_place_after_a_field_opening_the_sentence_is_the_index_place(store):
    text = ("In the ASEAN bloc, Singapore kept its place as a global leader at 5th place in the Global Innovation "
            "Index 2025.")
    place = by_span(spot.spot(text, store=store, published="2025-09-20"), "5th")
    assert (place.match.indicator, place.period, place.entity) == ("gii_rank", "2025", "SGP")
    assert place.verdict == "supported", place.explanation


def test_a_place_within_a_field_stays_unjudged(store):
    text = "The Global Innovation Index 2023 is out. Within ASEAN, Malaysia remained in second place behind Singapore."
    place = by_span(spot.spot(text, store=store, published="2023-09-28"), "second")
    assert place.match is None and place.verdict not in ACCUSING


# --- months of a running total ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "NEV production rose 33.1 percent year-on-year to 13.02 million units between January and October.",
    "NEV production rose 33.1 percent to 13.02 million units in January through October.",
])
def test_a_range_of_months_dates_every_figure_of_its_sentence(store, text):
    found = spot.spot(text, store=store, published="2025-11-12")
    for span in ("33.1 percent", "13.02 million units"):
        figure = by_span(found, span)
        assert figure.period == "2025-01/2025-10", (span, figure.period)
        assert figure.verdict == "unverifiable" and figure.verdict not in ACCUSING


def test_january_and_february_together_are_customs_first_release(store):
    text = "China's exports rose 2.3 per cent in January and February from a year earlier."
    growth = by_span(spot.spot(text, store=store, published="2025-03-07"), "2.3 per cent")
    assert growth.period == "2025-01/2025-02"
    assert growth.verdict not in ("supported", *ACCUSING)


def test_january_and_another_month_are_not_a_range(store):
    text = "Exports rose 10.7% in December after 6.7% in November; they had risen in January and March too."
    assert by_span(spot.spot(text, store=store, published="2025-01-13"), "10.7%").period == "2024-12"


# --- the latest year of a series kept in two datasets ----------------------------------------------------------------

def test_an_undated_level_is_of_the_year_released_by_the_published_date(store):
    # CAAM's NEV sales: 2024 in one dataset (released 2025-01-13), 2025 in another (released 2026-01-14)
    text = "NEV sales climbed 35.5% to 12.87 million units, CAAM said."
    level = by_span(spot.spot(text, store=store, published="2025-01-13"), "12.87 million units")
    assert (level.match.indicator, level.period) == ("vehicle_sales", "2024")
    assert level.verdict == "supported-rounded", level.explanation


# --- a place named by an ordinal right after an economy in a list ----------------------------------------------------
# GII 2025: CHE 1, SWE 2, USA 3, KOR 4, SGP 5

@pytest.mark.parametrize("span, entity", [("second", "SWE"), ("third", "USA"), ("fourth", "KOR")])
def test_an_ordinal_right_after_a_listed_economy_is_its_place(store, span, entity):
    text = ("WIPO released its Global Innovation Index 2025. Switzerland led, with Sweden second, the United States "
            "third and South Korea fourth.")
    place = by_span(spot.spot(text, store=store, published="2025-09-17"), span)
    assert (place.match.indicator, place.period, place.entity) == ("gii_rank", "2025", entity)
    assert place.verdict == "supported", place.explanation


@pytest.mark.parametrize("text", [
    "China first entered the top ten this year, and Beijing first and foremost wants growth.",
    "Japan, a third of whose exports go to Asia, grew.",
])
def test_an_ordinal_used_otherwise_after_a_name_is_no_place(store, text):
    found = spot.spot(text, store=store, published="2025-09-17")
    assert not [c for c in found if c.span in ("first", "third")]


# --- a growth published for two levels follows the level its sentence gives ------------------------------------------
# customs, battery-electric cars exported in 2023: 1.55 million units, +64%; $34 billion, +70%

@pytest.mark.parametrize("text, span, indicator", [
    ("Last year, the country exported 1.55 million battery electric vehicles, 64 percent more than in 2022, worth "
     "$34 billion.", "64 percent", "bev_exports_units_yoy_pct"),
    ("The value of China's BEV exports rose 70% to $34 billion in 2023.", "70%", "bev_exports_value_usd_yoy_pct"),
])
def test_a_growth_is_of_the_level_its_sentence_gives(store, text, span, indicator):
    growth = by_span(spot.spot(text, store=store, published="2024-01-15"), span)
    assert (growth.match.indicator, growth.period) == (indicator, "2023")
    assert growth.verdict == "supported", growth.explanation


# --- sold abroad: the figures it frames, not the whole clause's -------------------------------------------------------

def test_sales_abroad_are_exports_only_for_the_figures_they_frame(store):
    text = "NEV sales rose 35.5% to 12.87 million units in 2024 including 1.28 million units sold overseas."
    found = spot.spot(text, store=store, published="2025-03-20")
    assert by_span(found, "35.5%").match.indicator == "vehicle_sales_yoy_pct"
    assert by_span(found, "12.87 million units").match.indicator == "vehicle_sales"
    assert by_span(found, "1.28 million units").match.indicator == "vehicle_exports"


def test_sales_of_products_abroad_are_their_exports(store):
    text = 'Sales of these "new three" products abroad grew by nearly 30% in 2023 to 1.06 trillion yuan.'
    found = spot.spot(text, store=store, published="2024-03-20")
    assert by_span(found, "nearly 30%").match.indicator == "new_trio_exports_total_yoy_pct"
    assert by_span(found, "1.06 trillion yuan").match.indicator == "new_trio_exports_total"


# --- a member of a group its compilers define is never read for the group --------------------------------------------

def test_a_group_figure_is_never_judged_on_a_member(store):
    # the trio's own 2024 growth is not held; lithium-ion batteries' is
    text = "Exports of the new trio grew by 33 percent in 2024."
    growth = by_span(spot.spot(text, store=store, published="2025-03-20"), "33 percent")
    assert growth.match is None or growth.match.subject == "new_trio"
    assert not any(a["subject"] != "new_trio" for a in (growth.match.alternatives if growth.match else []))
    assert growth.verdict not in ("supported", *ACCUSING)


# --- what an economy takes in, in a text on China's exports; windows of months --------------------------------------
# Ember, solar panels (MW): 2024 NLD 39,190.6, BRA 21,924.5, PAK 16,384.5, SAU 16,128.7, IND 15,474.5;
# July 2024 to June 2025: Africa 15,032.0, NGA 1,720.6, ZAF 3,783.8

EMBER_2024 = ("China exported 237 GW of solar panels in 2024, according to an analysis of customs data by Ember. "
              "The Netherlands took 39 GW, Brazil 22 GW and Pakistan 16 GW. India bought 15.5 GW.")


@pytest.mark.parametrize("span, partner", [("39 GW", "NLD"), ("22 GW", "BRA"), ("16 GW", "PAK"), ("15.5 GW", "IND")])
def test_what_an_economy_takes_in_is_chinas_exports_to_it(store, span, partner):
    figure = by_span(spot.spot(EMBER_2024, store=store, published="2025-02-10"), span)
    assert (figure.match.indicator, figure.match.counterpart, figure.period) == \
        ("solar_exports_capacity", partner, "2024")
    assert figure.verdict == "supported-rounded", figure.explanation


def test_taking_without_a_text_on_exports_is_not_read_as_imports(store):
    text = "The Netherlands took 39 GW of offshore wind capacity decisions in 2024."
    figure = by_span(spot.spot(text, store=store, published="2025-02-10"), "39 GW")
    assert figure.match is None or not figure.match.counterpart


EMBER_AFRICA = ("African imports of Chinese solar panels grew 60% in the 12 months to June 2025, to 15 GW, Ember said. "
                "Nigeria imported 1.7 GW of panels from China in the year to June. South Africa's imports fell to 3.8 GW "
                "in the same period. Between July 2024 and June 2025, African countries imported 15,032 MW of solar "
                "panels from China.")


@pytest.mark.parametrize("span", ["1.7 GW", "3.8 GW", "15,032 MW"])
def test_the_year_to_the_windows_month_and_a_span_of_months_are_the_window(store, span):
    figure = by_span(spot.spot(EMBER_AFRICA, store=store, published="2025-08-28"), span)
    assert figure.period == "2024-07/2025-06"
    assert figure.verdict == "supported-rounded", figure.explanation


def test_a_span_of_months_within_a_year_is_its_part(store):
    text = "Between January and June 2025, exports rose 5.9% from a year earlier; between July 2024 and March 2025 too."
    growth = by_span(spot.spot(text, store=store, published="2025-08-28"), "5.9%")
    assert growth.period != "2025-06"


# --- a count of the economies a flow reaches past a threshold ---------------------------------------------------------
# Ember, solar panels, July 2024 to June 2025: 25 African economies past 100 MW (14 the twelve months before)

AFRICA_COUNT = ("China's solar panel exports to Africa rose 60% in the 12 months to June 2025, Ember said. Some 25 "
                "African countries imported more than 100 MW of Chinese solar panels in the period, up from 15 "
                "countries a year earlier.")


def test_a_count_of_economies_past_a_threshold_is_derived_from_the_partners(store):
    found = spot.spot(AFRICA_COUNT, store=store, published="2025-08-28")
    count = by_span(found, "Some 25 African countries")
    assert (count.match.derivation, count.match.counterpart, count.period) == \
        ("partner_count", "region:Africa", "2024-07/2025-06")
    assert count.verdict == "supported", count.explanation
    assert "ZAF" in count.explanation and "NGA" in count.explanation


def test_the_count_a_year_earlier_is_shown_never_accused(store):
    earlier = by_span(spot.spot(AFRICA_COUNT, store=store, published="2025-08-28"), "15 countries")
    assert (earlier.match.derivation, earlier.period) == ("partner_count", "2023-07/2024-06")
    assert earlier.verdict == "needs-review" and ": 14 (" in earlier.explanation


def test_the_threshold_is_no_level_of_its_own(store):
    bar = by_span(spot.spot(AFRICA_COUNT, store=store, published="2025-08-28"), "more than 100 MW")
    assert bar.verdict == "needs-review" and "threshold" in bar.explanation


@pytest.mark.parametrize("text", [
    "China's solar panel exports rose in 2024. Some 25 countries set records, and 12 countries installed more than "
    "1 GW of panels.",  # installing is no import
    "Some 25 countries imported more than 100 MW of solar panels in 2024.",  # no text on China's exports
])
def test_other_counts_of_countries_are_not_partner_counts(store, text):
    found = spot.spot(text, store=store, published="2025-08-28")
    assert all(c.match is None or c.match.derivation != "partner_count" for c in found)


# --- a ratio to GDP is said of its own figures; GDP as a denominator is no subject ---------------------------------
# NBS, 2023 (preliminary): R&D 3.3278 trillion yuan, +8.1%, 2.64% of GDP

def test_a_ratio_to_gdp_said_of_one_figure_is_not_the_next_clauses(store):
    text = ("R&D spending as a share of GDP reached 2.64 percent last year, according to preliminary NBS data, as "
            "total spending rose 8.1 percent to 3.3278 trillion yuan.")
    found = spot.spot(text, store=store, published="2024-01-20")
    assert by_span(found, "2.64 percent").match.indicator == "rd_intensity"
    assert by_span(found, "8.1 percent").match.indicator == "rd_expenditure_yoy_pct"
    assert by_span(found, "3.3278 trillion yuan").match.indicator == "rd_expenditure"


@pytest.mark.parametrize("text, span", [
    ("China's R&D intensity, the ratio of R&D spending to GDP, reached 2.65% in 2023.", "2.65%"),
    ("R&D intensity kept rising, from 2.56 per cent in 2022 to 2.65 per cent in 2023.", "2.65 per cent"),
])
def test_a_ratio_to_gdp_named_before_its_figures_still_holds(store, text, span):
    ratio = by_span(spot.spot(text, store=store, published="2024-10-03"), span)
    assert (ratio.match.indicator, ratio.period) == ("rd_intensity", "2023")


# --- a growth rate whose verb is elided -------------------------------------------------------------------------------
# GACC 2024, yuan basis: exports +7.1%, imports +2.3%; 2023: exports -4.6% (dollars), imports -5.5% (dollars)

def test_a_percentage_after_a_growth_with_its_verb_elided_is_a_growth_on_the_texts_basis(store):
    text = ("In yuan terms, China's total trade hit a record 43.85 trillion yuan in 2024, up 5 percent. Exports grew "
            "7.1 percent and imports 2.3 percent.")
    imports = by_span(spot.spot(text, store=store, published="2025-01-13"), "2.3 percent")
    assert (imports.match.indicator, imports.frame["transformation"]) == ("goods_imports_yoy_pct", "growth_rate")
    assert imports.verdict == "supported", imports.explanation


def test_an_elided_fall_keeps_its_direction(store):
    text = "In dollar terms, exports fell 4.6% and imports 5.5% in 2023."
    imports = by_span(spot.spot(text, store=store, published="2024-01-12"), "5.5%")
    assert imports.frame["sign"] == -1 and imports.match.indicator == "goods_imports_usd_yoy_pct"
    assert imports.verdict == "supported", imports.explanation


def test_a_percentage_after_a_verb_of_being_is_not_an_elided_growth(store):
    text = "Exports grew 7.1 percent and the share of imports was 2.3 percent in 2024."
    share = by_span(spot.spot(text, store=store, published="2025-01-13"), "2.3 percent")
    assert "a growth rate whose verb is the one before's" not in share.frame.get("notes", [])


# --- a dollar basis said after unmarked growth: the growth before is on the yuan basis --------------------------------
# GACC, November 2025: trade +4.1%, exports +5.7%, imports +1.7% (yuan); exports +5.9%, imports +1.9% (dollars)

XINHUA_NOVEMBER = ("BEIJING, Dec. 8 (Xinhua) -- China's foreign trade in goods rose 4.1 percent year on year in November, "
                   "official data showed Monday. Exports went up 5.7 percent, while imports increased 1.7 percent, "
                   "according to the General Administration of Customs. In U.S. dollar terms, exports rose 5.9 percent "
                   "and imports grew 1.9 percent.")


@pytest.mark.parametrize("span, indicator", [
    ("5.7 percent", "goods_exports_yoy_pct"), ("1.7 percent", "goods_imports_yoy_pct"),
    ("5.9 percent", "goods_exports_usd_yoy_pct"), ("1.9 percent", "goods_imports_usd_yoy_pct"),
])
def test_growth_before_a_dollar_basis_said_later_is_on_the_yuan_basis(store, span, indicator):
    growth = by_span(spot.spot(XINHUA_NOVEMBER, store=store, published="2025-12-08"), span)
    assert (growth.match.indicator, growth.period) == (indicator, "2025-11")
    assert growth.verdict == "supported", growth.explanation


def test_a_dollar_basis_said_first_still_holds_for_the_paragraph(store):
    text = ("In U.S. dollar terms, China's exports rose 5.9 percent in November. Imports grew 1.9 percent, customs "
            "data showed.")
    imports = by_span(spot.spot(text, store=store, published="2025-12-08"), "1.9 percent")
    assert imports.match.indicator == "goods_imports_usd_yoy_pct" and imports.verdict == "supported"


# --- a share "of the total" after the part's level: of its kind's total -----------------------------------------------
# CAAM 2024: NEV sales 12.866 million of 31.436 million vehicles (40.9%)

def test_a_share_of_the_total_after_a_level_is_of_the_parts_kind(store):
    text = ("Sales of new energy vehicles jumped 35.5 percent to 12.87 million in 2024, accounting for 40.9 percent "
            "of the total.")
    share = by_span(spot.spot(text, store=store, published="2025-01-13"), "40.9 percent")
    assert (share.match.derivation, share.match.indicator, share.period) == ("share", "vehicle_sales", "2024")
    assert share.verdict == "supported-rounded", share.explanation


def test_a_share_of_the_total_of_something_else_is_not_read_so(store):
    text = "Sales of new energy vehicles reached 12.87 million in 2024, or 40.9 percent of the total market value."
    share = by_span(spot.spot(text, store=store, published="2025-01-13"), "40.9 percent")
    assert share.match is None or share.match.derivation != "share" or share.verdict not in ACCUSING


# --- counts whose noun and verb are left out; a place among clusters --------------------------------------------------
# GII 2024 top 100 clusters: CHN 26, USA 20, DEU 8; GII 2023 cluster ranking: Beijing 4th

@pytest.mark.parametrize("span, entity, value", [("20", "USA", 20), ("eight", "DEU", 8)])
def test_counts_whose_noun_and_verb_are_left_out_count_what_was_counted_before(store, span, entity, value):
    text = ("China now has 26 clusters among the world's top 100, up from 24 last year, according to WIPO. The "
            "United States has 20 and Germany eight.")
    count = by_span(spot.spot(text, store=store, published="2024-09-27"), span)
    assert (count.match.indicator, count.entity, count.period, count.value) == ("st_clusters_top100", entity, "2024",
                                                                                value)
    assert count.verdict == "supported", count.explanation


def test_a_place_among_clusters_is_the_clusters_even_with_the_index_named(store):
    text = "Beijing ranked fourth among the world's science and technology clusters in the GII 2023."
    place = by_span(spot.spot(text, store=store, published="2023-09-28"), "fourth")
    assert (place.match.indicator, place.match.product) == ("cluster_rank", "cluster:Beijing")
    assert place.verdict == "supported", place.explanation


def test_an_economys_place_in_the_index_stays_the_economys(store):
    text = "Singapore ranked fifth in the Global Innovation Index 2023, which also ranks clusters."
    place = by_span(spot.spot(text, store=store, published="2023-09-28"), "fifth")
    assert place.match.indicator == "gii_rank" and place.entity == "SGP"


# --- PCT: a list of falls with the verb left out; a place in a list with its count ------------------------------------
# WIPO PCT 2023: USA -5.3%, JPN -2.9%, DEU -3.2%, KOR +1.2%; 2024: KOR 23,851, fourth

@pytest.mark.parametrize("span, entity, value", [("2.9%", "JPN", -2.9), ("3.2%", "DEU", -3.2), ("1.2%", "KOR", 1.2)])
def test_a_list_of_falls_keeps_the_first_ones_direction(store, span, entity, value):
    text = "The US saw PCT filings decline 5.3% in 2023, Japan 2.9% and Germany 3.2%, while Korea posted growth of 1.2%."
    growth = by_span(spot.spot(text, store=store, published="2024-03-08"), span)
    assert (growth.entity, growth.value) == (entity, value)
    assert growth.verdict == "supported", growth.explanation


def test_a_place_in_a_list_followed_by_its_count_is_read(store):
    text = "Applicants based in China filed 70,160 PCT applications last year. Japan was third with 48,397, and South " \
           "Korea fourth with 23,851."
    found = spot.spot(text, store=store, published="2025-03-17")
    assert by_span(found, "fourth").entity == "KOR"


# --- "panels" alone in a text on solar exports; the start of the year ---------------------------------------------------
# Ember, solar panels, January to August 2025: Europe 67,620.8 MW, Middle East 16,432.7 MW, SAU 6,902.9 MW

@pytest.mark.parametrize("span", ["67.6 GW", "16.4 GW"])
def test_panels_alone_are_solar_panels(store, span):
    text = ("Between January and August, Europe imported 67.6 GW of Chinese panels, 7% less than a year earlier, while "
            "the Middle East took 16.4 GW.")
    figure = by_span(spot.spot(text, store=store, published="2025-10-20"), span)
    assert (figure.match.indicator, figure.match.product, figure.period) == \
        ("solar_exports_capacity", "pv_panels", "2025-01/2025-08")
    assert figure.verdict == "supported-rounded", figure.explanation


def test_display_panels_are_not_solar_panels(store):
    text = "China exported 67.6 million LCD panels between January and August 2025."
    figure = by_span(spot.spot(text, store=store, published="2025-10-20"), "67.6 million")
    assert figure.match is None or figure.match.source != "ember"


def test_since_the_start_of_the_year_is_the_year_so_far(store):
    text = "Since the start of the year, Chinese exports have risen 5.4% from a year earlier."
    growth = by_span(spot.spot(text, store=store, published="2025-12-08"), "5.4%")
    assert growth.period == "2025-01/2025-11"


# --- places given by another's move -------------------------------------------------------------------------------
# GII 2025: KOR 4, SGP 5, GBR 6

@pytest.mark.parametrize("span, entity", [("fifth", "SGP"), ("sixth", "GBR")])
def test_a_place_another_economys_move_pushes_it_to_is_read(store, span, entity):
    text = ("The Republic of Korea rose two places to fourth in this year's Global Innovation Index, pushing Singapore "
            "to fifth and the United Kingdom to sixth.")
    place = by_span(spot.spot(text, store=store, published="2025-09-17"), span)
    assert (place.match.indicator, place.entity, place.period) == ("gii_rank", entity, "2025")
    assert place.verdict == "supported", place.explanation


def test_a_name_before_to_and_an_ordinal_quarter_is_no_place(store):
    found = spot.spot("Exports rose 5% in 2024, and Beijing to third quarter growth.", store=store,
                      published="2025-01-01")
    assert not [c for c in found if c.span == "third"]


# --- the compiler named holds the measure only in another currency and for other periods -------------------------------
# lithium-ion battery exports, January to October 2024: 350.2 billion yuan (MIIT's report of customs data), -9.2%

def test_another_compilers_series_holding_the_period_in_the_texts_unit_is_shown(store):
    text = ("In the first ten months of 2024, China's exports of lithium-ion batteries fell 9.2 percent year on year to "
            "350.2 billion yuan, customs data showed.")
    level = by_span(spot.spot(text, store=store, published="2024-11-20"), "350.2 billion yuan")
    assert (level.match.indicator, level.match.unit, level.period) == ("liion_exports_value", "CNY", "2024-01/2024-10")
    assert level.verdict == "needs-review" and level.match.stated_basis


def test_since_january_is_the_year_so_far(store):
    figure = by_span(spot.spot("Pakistan has imported 15.4 GW of Chinese panels since January.", store=store,
                               published="2025-03-18"), "15.4 GW")
    assert figure.period == "2025-01/2025-02"
    assert figure.verdict not in ACCUSING
