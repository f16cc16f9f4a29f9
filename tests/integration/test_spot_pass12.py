"""Mapping pass 12 (issue 20): period and entity read as mechanisms (the release cycle, a compared figure's own
period, the same part of an earlier year), each tested on wordings of its own, with a real contradiction that still
accuses and an undetermined period or entity that abstains."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.spot.figures import read_figures
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass12")


def _period(found, span):
    candidate = by_span(found, span)
    return candidate.match.period if candidate.match else candidate.period


# --- the same part of the year before is a base, the month named dates the figure --------------------------------

@pytest.mark.parametrize("sentence", [
    "Exports for August slumped 8.8% from the same time last year, according to customs data Thursday.",
    "China's exports for August dropped 8.8 percent compared with the same month last year.",
    "In August, exports fell 8.8% from the corresponding period last year.",
])
def test_the_same_time_last_year_is_a_base_not_the_period(store, sentence):
    found = spot.spot(sentence, store=store, published="2023-09-07")
    exports = by_span(found, "8.8")
    assert exports.match.indicator == "goods_exports_usd_yoy_pct" and exports.match.period == "2023-08"
    assert exports.verdict == "supported"


# --- a compared figure ("than the X in July") keeps its own period and is no bound --------------------------------

@pytest.mark.parametrize("sentence, span, period", [
    ("China's trade surplus contracted 13.2% to $68.36 billion, lower than the $80.6 billion in July.",
     "$80.6 billion", "2023-07"),
    ("The surplus narrowed to $68.36 billion in August, smaller than the $80.6 billion recorded in July.",
     "$80.6 billion", "2023-07"),
    ("China's exports fell 8.8% in August, a smaller fall than the 14.5% decline a month earlier.", "14.5%", "2023-07"),
    ("Exports for August slumped 8.8%, and were slower than the 14.5% last month.", "14.5%", "2023-07"),
])
def test_a_compared_figure_keeps_its_own_period(store, sentence, span, period):
    found = spot.spot(sentence, store=store, published="2023-09-07")
    compared = by_span(found, span)
    assert compared.role == "earlier" and compared.comparator == "~="
    assert _period(found, span) == period
    assert not [c for c in found if c.verdict in ACCUSING]


def test_the_main_figure_is_not_dated_by_the_compared_figures_month(store):
    text = ("Exports registered a decrease of 6.2 percent in September compared to the previous year. This was slower "
            "than the expected decline of 7.6 percent and the 8.8 percent fall seen in August.\n\n"
            "At the same time, imports also decreased 6.2 percent annually, slower than the 7.3 percent fall in August.")
    found = spot.spot(text, store=store, published="2023-10-13")
    imports = [c for c in found if c.span.startswith("6.2") and c.match and "imports" in c.match.indicator]
    assert imports and imports[0].match.period == "2023-09"
    assert _period(found, "7.3 percent") == "2023-08"
    assert _period(found, "8.8 percent") == "2023-08"


def test_a_threshold_after_than_the_stays_a_bound(store):
    found = spot.spot("In 2023, China's vehicle sales were higher than the 25 million mark.", store=store,
                      published="2024-01-11")
    figure = by_span(found, "25 million")
    assert figure.role != "earlier" and figure.comparator != "~="


@pytest.mark.parametrize("sentence, span", [
    ("China's goods trade surplus contracted to $68.36 billion in August, lower than the $95.0 billion in July.",
     "$95.0 billion"),
    ("China's goods exports fell 8.8% in dollar terms in August, slower than the 24.5% drop in July.", "24.5%"),
])
def test_a_compared_figure_that_disagrees_is_contradicted(store, sentence, span):
    found = spot.spot(sentence, store=store, published="2023-09-07")
    july = by_span(found, span)
    assert july.match.period == "2023-07" and july.verdict == "contradicted"
    assert [c.verdict for c in found if c is not july] == ["supported"]


def test_a_compared_figure_with_its_subject_open_abstains(store):
    found = spot.spot("China's trade surplus contracted 13.2% to $68.36 billion, lower than the $95.0 billion in July.",
                      store=store, published="2023-09-07")
    assert by_span(found, "$95.0 billion").verdict == "needs-review"  # goods assumed: never an accusation


# --- a base figure of the previous month, and of the same month a year before ------------------------------------

@pytest.mark.parametrize("sentence", [
    "Growth in imports accelerated to 7.4 percent in September from 1.3 percent in the previous month.",
    "Imports rose 7.4 percent in September, up from 1.3 percent a month earlier.",
    "In September imports grew 7.4 percent, compared with a 1.3 percent rise the month before.",
])
def test_a_base_figure_of_the_previous_month(store, sentence):
    found = spot.spot(sentence, store=store, published="2025-10-13")
    assert _period(found, "1.3 percent") == "2025-08"
    assert by_span(found, "1.3 percent").verdict == "supported"


def test_a_year_earlier_after_a_monthly_figure_is_that_month_a_year_before(store):
    found = spot.spot("China's trade surplus narrowed to $68.36 billion in August, down from $78.65 billion a year "
                      "earlier.", store=store, published="2023-09-08")
    assert _period(found, "$78.65 billion") == "2022-08"  # not the year 2022 as a whole
    assert not [c for c in found if c.verdict in ACCUSING]


def test_last_month_without_a_published_date_abstains(store):
    found = spot.spot("China's trade surplus narrowed to $68.36 billion last month, lower than the $95.0 billion in "
                      "July.", store=store)
    assert not [c for c in found if c.verdict in ACCUSING]


# --- a sentence pointing back takes the previous measure; a forecast's starting point is a fact ---------------------

@pytest.mark.parametrize("second", [
    "This was slower than the expected decline of 7.6 percent and the 8.8 percent fall seen in August.",
    "That compares with the 8.8 percent fall seen in August.",
    "The rate was better than the 8.8 percent drop in August.",
])
def test_a_sentence_pointing_back_takes_the_previous_measure(store, second):
    text = "Exports registered a decrease of 6.2 percent in September compared to the previous year. " + second
    found = spot.spot(text, store=store, published="2023-10-13")
    august = by_span(found, "8.8 percent")
    assert august.match and august.match.indicator == "goods_exports_usd_yoy_pct" and august.match.period == "2023-08"
    assert not [c for c in found if c.verdict in ACCUSING]


def test_an_expected_figure_is_a_forecast(store):
    text = ("Exports registered a decrease of 6.2 percent in September compared to the previous year. This was slower "
            "than the expected decline of 7.6 percent.")
    assert by_span(spot.spot(text, store=store, published="2023-10-13"), "7.6 percent").verdict == "opinion"


@pytest.mark.parametrize("second", [
    "The annual rate was forecast to rise to 6.0 percent from 4.4 percent in August.",
    "The growth rate had been expected to reach 6.0 percent, up from 4.4 percent in August.",
])
def test_where_a_forecast_starts_is_a_fact(store, second):
    found = spot.spot("Exports advanced 8.3 percent year-on-year in September. " + second, store=store,
                      published="2025-10-13")
    assert by_span(found, "6.0 percent").verdict == "opinion"
    start = by_span(found, "4.4 percent")
    assert start.verdict == "supported" and start.match.period == "2025-08"


def test_a_forecast_of_a_month_not_over_stays_a_forecast(store):
    found = spot.spot("Exports advanced 8.3 percent year-on-year in September. Growth is forecast to slow to 5 percent "
                      "in November from 8.3 percent in October.", store=store, published="2025-10-13")
    assert by_span(found, "5 percent").verdict == "opinion"
    assert not [c for c in found if c.verdict in ACCUSING]


# --- a figure named again with "the" is the figure given before ----------------------------------------------------

@pytest.mark.parametrize("second", [
    "Moreover, the 8.3 percent growth was the fastest in six months.",
    "Analysts said the 8.3 percent rise beat expectations.",
])
def test_a_figure_named_again_is_the_one_given_before(store, second):
    found = spot.spot("Exports advanced 8.3 percent year-on-year in September. " + second, store=store,
                      published="2025-10-13")
    again = [c for c in found if c.span.startswith("8.3")][1]
    assert again.match and again.match.indicator == "goods_exports_usd_yoy_pct" and again.match.period == "2025-09"


def test_a_new_figure_with_the_is_not_taken_for_an_earlier_one(store):
    found = spot.spot("Exports advanced 8.3 percent year-on-year in September. Moreover, the 9.1 percent growth of "
                      "imports was the fastest in a year.", store=store, published="2025-10-13")
    assert "imports" in by_span(found, "9.1 percent").match.indicator


# --- partners: imports from an economy, a destination given as an example ----------------------------------------

@pytest.mark.parametrize("sentence, span, partner", [
    ("China's imports from Russia increased 13.3% from a year ago to $11.52 billion.", "$11.52 billion", "RUS"),
    ("Exports to the U.S. fell 17.4% to $45.03 billion, while imports of U.S. goods slid 4.9% to $11.98 billion.",
     "$11.98 billion", "USA"),
    ("China's goods imports fell 7.3% in dollar terms in August, while imports from the EU declined 2.5%.", "2.5%",
     "EU"),
    ("China's imports of crude oil from Russia rose 13.3% to $11.52 billion.", "$11.52 billion", "RUS"),
])
def test_imports_from_a_partner_are_bilateral_not_the_total(store, sentence, span, partner):
    found = spot.spot(sentence, store=store, published="2023-09-07")
    figure = by_span(found, span)
    assert figure.frame["counterpart"] == partner and figure.frame["entity"] == "CHN"
    assert figure.match is None and figure.verdict == "unverifiable"


def test_the_total_beside_a_bilateral_figure_still_maps(store):
    found = spot.spot("China's goods imports fell 7.3% in dollar terms in August, while imports from the EU declined "
                      "2.5%.", store=store, published="2023-09-07")
    assert by_span(found, "7.3%").verdict == "supported"


@pytest.mark.parametrize("first", [
    "China's car sector broke records last year, buoyed by rising exports to markets such as Russia.",
    "The industry grew last year on shipments to buyers including Russia.",
])
def test_a_partner_given_as_an_example_is_not_the_texts_economy(store, first):
    found = spot.spot(first + " China churned out 30.16 million vehicles last year, according to CAAM.",
                      store=store, published="2024-01-11")
    figure = by_span(found, "30.16 million")
    assert figure.match.entity == "CHN" and figure.match.indicator == "vehicle_production"


def test_a_destination_is_not_whose_figure_it_is(store):
    found = spot.spot("China's exports in June rose 5.8 percent from a year earlier. Deliveries to the US fell by 16 "
                      "percent compared to June last year.", store=store, published="2025-07-14")
    assert by_span(found, "16 percent").frame["entity"] != "USA"


# --- years counted from the sentence's own year; a month of last year is a base -----------------------------------

@pytest.mark.parametrize("sentence", [
    "A total of 30.16 million units were churned out last year, an increase of 11.6 per cent from the previous year.",
    "Output reached 30.16 million vehicles in 2023, 11.6 per cent more than a year earlier.",
])
def test_the_previous_year_counts_from_the_sentences_year(store, sentence):
    found = spot.spot(sentence, store=store, published="2024-01-11")
    growth = by_span(found, "11.6 per cent")
    assert growth.frame["period"] == "2023" and growth.frame["base_period"] == "2022"


@pytest.mark.parametrize("sentence", [
    "Exports in June rose 5.8 percent compared to June last year.",
    "In June, exports rose 5.8 percent from June of last year.",
])
def test_a_month_of_last_year_after_a_comparison_is_the_base(store, sentence):
    found = spot.spot(sentence, store=store, published="2025-07-14")
    assert by_span(found, "5.8 percent").match.period == "2025-06"


# --- words: "churned out" is production, "deliveries" sales, "a number of" counts nothing ---------------------------

def test_churned_out_is_production_and_a_wrong_figure_is_contradicted(store):
    found = spot.spot("China churned out 35.16 million vehicles in 2023, according to CAAM.", store=store,
                      published="2024-01-11")
    figure = by_span(found, "35.16 million")
    assert figure.match.indicator == "vehicle_production" and figure.verdict == "contradicted"


def test_deliveries_are_sales(store):
    found = spot.spot("Deliveries hit 30.09 million units in 2023, according to CAAM.", store=store,
                      published="2024-01-11")
    assert by_span(found, "30.09 million").match.indicator == "vehicle_sales"


@pytest.mark.parametrize("sentence", [
    "However, due to the impact of a number of negative factors, in 2022 China's GDP growth was 3%.",
    "Hit by a large number of shocks, China's GDP growth slowed to 3% in 2022.",
])
def test_a_number_of_is_not_a_count(store, sentence):
    found = spot.spot(sentence, store=store, published="2024-01-17")
    figure = by_span(found, "3%")
    assert figure.match and figure.match.indicator == "gdp_real_growth_pct" and figure.match.period == "2022"


# --- a base figure after "following a"; a measure from another clause; a month of release --------------------------

@pytest.mark.parametrize("sentence", [
    "Outbound shipments rose 6.7% year-on-year in November, beating a 4.4% gain forecast by economists and following a "
    "12.7% jump in October.",
    "Exports rose 6.7% in November, above the 4.4% forecast and following a 12.7% jump in October.",
])
def test_a_figure_after_following_a_is_a_base_and_its_month_dates_it_alone(store, sentence):
    found = spot.spot(sentence, store=store, published="2024-12-10")
    assert _period(found, "12.7%") == "2024-10"
    assert by_span(found, "4.4%").frame["period"] == "2024-11"
    assert not [c for c in found if c.verdict in ACCUSING]


def test_a_clause_without_a_measure_does_not_take_the_next_clauses(store):
    found = spot.spot("Shipments to the United States rose 8% in November from a year earlier, while imports from the "
                      "U.S. fell 1.1%.", store=store, published="2024-12-10")
    figure = by_span(found, "8%")
    assert figure.frame["measure"] != "imports" and figure.match is None


@pytest.mark.parametrize("sentence", [
    "In the Global Innovation Index, published in September, China ranked 12th.",
    "According to the Global Innovation Index released in September, China ranked 12th.",
])
def test_a_month_of_release_is_not_the_figures_period(store, sentence):
    found = spot.spot("China filed 69,610 PCT applications last year. " + sentence, store=store, published="2024-03-07")
    rank = by_span(found, "12th")
    assert rank.match.period == "2023" and rank.verdict == "supported"


# --- "a year earlier" after an annual figure: the year before the sentence's (or the text's) year ------------------

@pytest.mark.parametrize("text", [
    "China's exports of vehicles totaled 5.86 million units in 2024. That was up from 4.91 million a year earlier.",
    "In 2024, China's vehicle exports reached 5.86 million units, compared with 4.91 million the year before.",
])
def test_a_year_earlier_after_an_annual_figure(store, text):
    found = spot.spot(text, store=store, published="2025-01-14")
    assert _period(found, "4.91 million") == "2023"
    assert by_span(found, "4.91 million").verdict == "supported"


def test_the_previous_year_as_the_figures_own_period_counts_from_the_published_date(store):
    found = spot.spot("In 2024, trade grew. The growth of China's vehicle exports in the previous year reached 19.3 "
                      "percent.", store=store, published="2025-01-13")
    assert by_span(found, "19.3 percent").frame["period"] == "2024"


def test_a_growth_is_never_derived_from_a_ratio_to_gdp(store):
    found = spot.spot("WIPO data indicates that global R&D expenditure grew by just 2.9 percent in 2024, down from 4.4 "
                      "percent the previous year.", store=store, published="2025-09-20")
    earlier = by_span(found, "4.4 percent")
    assert earlier.frame["period"] == "2023" and earlier.match is None  # not R&D intensity's change


# --- ranks: a base rank's year, a move said with its direction after it ----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The Republic of Korea was sixth, up from tenth in 2022.",
    "South Korea came sixth, compared with eighth in 2022.",
])
def test_a_base_rank_in_words_keeps_its_year(store, sentence):
    found = spot.spot("China ranked 11th in the Global Innovation Index 2024. " + sentence, store=store,
                      published="2024-09-27")
    sixth = by_span(found, "sixth")
    assert sixth.match.period == "2024" and sixth.verdict == "supported"


@pytest.mark.parametrize("sentence, sign", [
    ("In the Global Innovation Index 2024, India (39th) continues to lead, moving one spot forward.", -1),
    ("In the Global Innovation Index 2024, India ranked 39th, one position higher than a year earlier.", -1),
    ("In the Global Innovation Index 2024, India ranked 39th, moving one spot ahead.", -1),
])
def test_a_move_with_its_direction_after_it(store, sentence, sign):
    found = spot.spot(sentence, store=store, published="2024-09-26")
    move = [c for c in found if c.span.startswith("one")][0]
    assert move.value * sign > 0 and move.verdict == "supported"


def test_a_move_in_the_wrong_direction_is_not_supported(store):
    found = spot.spot("In the Global Innovation Index 2024, India ranked 39th, moving one spot back.", store=store,
                      published="2024-09-26")
    assert [c for c in found if c.span.startswith("one")][0].verdict != "supported"


# --- numbers written as spoken ("278-thousand-100", "zero-point-three percent") -------------------------------------

@pytest.mark.parametrize("sentence, span, value", [
    ("there were 278-thousand-100 PCT applications filed globally in 2022", "278-thousand-100", 278100),
    ("South Korea had 22-thousand-12 applications filed", "22-thousand-12", 22012),
    ("Samsung filed four-thousand-387 applications", "four-thousand-387", 4387),
    ("up zero-point-three percent from a year earlier", "zero-point-three percent", 0.3),
    ("up six-point-two-five percent on-year", "six-point-two-five percent", 6.25),
    # two scales in one spoken number (review): one figure, never its second part alone
    ("China exported 4-million-910-thousand vehicles in 2023.", "4-million-910-thousand", 4_910_000),
    ("a surplus of 82-billion-600-million US dollars", "82-billion-600-million", 82.6e9),
    ("exports of 3-trillion-500-billion yuan", "3-trillion-500-billion", 3.5e12),
    ("1-million-200-thousand-300 units", "1-million-200-thousand-300", 1_200_300),
])
def test_a_number_written_as_spoken_is_read_whole(sentence, span, value):
    figures = read_figures(sentence)
    [figure] = [f for f in figures if sentence[f.start: f.end].startswith(span)]
    assert figure.value * figure.scale == pytest.approx(value)
    assert len(figures) == 1


def test_a_spoken_number_whose_parts_make_no_number_is_not_read_at_all():
    """Scales not descending: no part of it is kept (a partly read number is worse than a missed one)."""
    assert read_figures("China exported 5-thousand-9-million cars.") == []


@pytest.mark.parametrize("sentence", ["the 30-million-unit mark", "a two-thousand-strong crowd"])
def test_a_hyphenated_scale_that_is_not_spoken_stays_as_it_was(sentence):
    [figure] = read_figures(sentence)
    assert figure.scale > 1


def test_spoken_numbers_are_judged(store):
    text = ("According to the Korean Intellectual Property Office on Thursday, there were 278-thousand-100 PCT "
            "applications filed globally in 2022, up zero-point-three percent from a year earlier. South Korea had "
            "22-thousand-12 applications filed, up six-point-two percent on-year.")
    found = spot.spot(text, store=store, published="2023-02-27")
    assert by_span(found, "zero-point-three").verdict == "supported"
    korea = by_span(found, "22-thousand-12")
    assert (korea.match.entity, korea.match.period, korea.verdict) == ("KOR", "2022", "supported")
    assert not [c for c in found if c.verdict in ACCUSING]


def test_a_spoken_decimal_that_disagrees_is_contradicted(store):
    found = spot.spot("South Korea filed 22,012 PCT applications in 2022, up nine-point-two percent on-year, WIPO "
                      "said.", store=store, published="2023-06-01")  # after the store's release (2023-02-28)
    assert by_span(found, "nine-point-two").verdict in ACCUSING


@pytest.mark.parametrize("sentence, rank", [
    ("to stay in the fourth spot for the third straight year", 4),
    ("Korea remained in the fourth position", 4),
    ("Beijing held on in the third place", 3),
])
def test_an_ordinal_before_a_place_word_after_in_the_is_a_rank(sentence, rank):
    assert [(f.value, f.unit) for f in read_figures(sentence) if f.unit == "rank"] == [(rank, "rank")]


@pytest.mark.parametrize("sentence", ["In the first place, exports rose.", "And in the second place, we note this."])
def test_in_the_first_place_stays_an_idiom(sentence):
    assert read_figures(sentence) == []


# --- a base figure's part of a year and its year are its own ---------------------------------------------------------

@pytest.mark.parametrize("sentence, span, base", [
    ("China's GDP expanded 5.3 percent year on year in the first quarter, quickening from 5.2 percent in the fourth "
     "quarter of last year.", "5.2 percent", "2023-Q4"),
    ("In the first quarter, China's economy grew 5.3 percent, up from 5.2 percent in the fourth quarter of 2023.",
     "5.2 percent", "2023-Q4"),
    ("China's GDP grew 5.3 percent in the first quarter, compared with 4.5 percent in the first quarter of last year.",
     "4.5 percent", "2023-Q1"),
])
def test_the_year_of_a_base_figures_quarter_does_not_date_the_figure(store, sentence, span, base):
    found = spot.spot(sentence, store=store, published="2024-04-16")
    assert by_span(found, "5.3 percent").frame["period"] == "2024-Q1"
    assert by_span(found, span).frame["period"] == base
    assert not [c for c in found if c.verdict in ACCUSING]


def test_a_base_quarter_without_a_year_is_the_sentences_or_the_one_before(store):
    found = spot.spot("China's GDP grew 4.9 percent in the third quarter, slowing from 6.3 percent in the second "
                      "quarter.", store=store, published="2023-10-18")
    assert by_span(found, "6.3 percent").frame["period"] == "2023-Q2"


@pytest.mark.parametrize("sentence, base", [
    ("R&D expenditure accounted for 2.65 percent of GDP in 2023, up from 2.56 percent a year earlier.", "2.56 percent"),
    ("In 2023, China's R&D intensity rose to 2.65 percent of GDP from 2.70 percent in 2022.", "2.70 percent"),
])
def test_the_base_of_a_percentage_of_gdp_is_one_too(store, sentence, base):
    found = spot.spot(sentence, store=store, published="2024-02-29")
    figure = by_span(found, base)
    assert (figure.match.indicator, figure.match.period) == ("rd_intensity", "2022")
    assert figure.verdict not in ACCUSING  # the measure is open (R&D intensity names no measure word)


# --- the economy of a participle clause after an overtaken rival --------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "China overtook Japan as the world's biggest car exporter last year, shipping 4.91 million vehicles abroad.",
    "China surpassed Japan in 2023, exporting 4.91 million vehicles, according to CAAM.",
])
def test_a_participles_figure_is_the_subjects_not_the_rivals(store, sentence):
    found = spot.spot(sentence, store=store, published="2024-01-15")
    assert by_span(found, "4.91 million").frame["entity"] == "CHN"


def test_a_figure_after_with_stays_the_overtaken_economys(store):
    found = spot.spot("For the first time, in 2023, China has the most S&T clusters ranked among the top 100, "
                      "overtaking the United States with 21 clusters.", store=store, published="2023-09-27")
    assert by_span(found, "21 clusters").frame["entity"] == "USA"


# --- an economy named as a market for the text's exports ------------------------------------------------------------

@pytest.mark.parametrize("second", [
    "Europe remained the largest market, taking 52.5 GW, while Pakistan imported 4.2 GW.",
    "Europe was the top destination with 52.5 GW.",
])
def test_an_economy_named_as_a_market_is_a_partner_of_the_texts_exports(store, second):
    text = ("China exported 114 GW of solar modules in the first half of 2023, up 34 percent from the same period last "
            "year, according to Ember. " + second + " Exports of lithium-ion batteries rose 94 percent in the first "
            "quarter.")
    found = spot.spot(text, store=store, published="2023-09-10")
    europe = by_span(found, "52.5 GW")
    assert (europe.frame["entity"], europe.frame["counterpart"]) == ("CHN", "EU")
    assert by_span(found, "94 percent").frame["entity"] == "CHN"  # not Europe's, carried
    assert not [c for c in found if c.verdict in ACCUSING]


# --- the year so far: through a month, or up to the text's date ----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Through August, China's exports fell 5.6 percent in dollar terms.",
    "In the year through August, exports fell 5.6 percent.",
    "By the end of August, exports had fallen 5.6 percent.",
])
def test_through_a_month_is_january_to_that_month(store, sentence):
    found = spot.spot(sentence, store=store, published="2023-09-07")
    assert by_span(found, "5.6 percent").frame["period"] == "2023-01/2023-08"


@pytest.mark.parametrize("sentence", [
    "So far this year, imports have dropped 7.6 percent.",
    "Year-to-date, imports have dropped 7.6 percent.",
    "Imports have dropped 7.6 percent this year so far.",
])
def test_the_year_so_far_is_up_to_the_month_before_the_text_and_never_accuses(store, sentence):
    found = spot.spot(sentence, store=store, published="2023-09-07")
    figure = by_span(found, "7.6 percent")
    assert (figure.frame["period"], figure.frame["period_from"]) == ("2023-01/2023-08", "assumed")
    assert figure.verdict not in ACCUSING


def test_the_year_so_far_without_a_date_is_not_the_whole_year(store):
    found = spot.spot("So far this year, imports have dropped 7.6 percent.", store=store)
    assert by_span(found, "7.6 percent").verdict not in ACCUSING


# --- a growth from the month before is month-on-month: no year-on-year series judges it -----------------------------

@pytest.mark.parametrize("text, span", [
    ("China's car exports surged 45 percent in October from a year earlier. Compared with September, exports were up "
     "5.2 percent.", "5.2 percent"),
    ("In October, China's exports rose 3 percent from the previous month.", "3 percent"),
    ("China's vehicle sales in October were 3.1 million units, up 23.5 percent year-on-year and up 6.3 percent from "
     "September.", "6.3 percent"),
])
def test_a_growth_from_the_month_before_is_month_on_month(store, text, span):
    """Never judged on a year-on-year series: the growth from September's level when two monthly levels are held
    (derived: never an accusation), else no series (pass 16)."""
    found = spot.spot(text, store=store, published="2024-11-11")
    figure = by_span(found, span)
    assert figure.frame["base_period"] == "2024-09"
    assert figure.match is None or (figure.match.derivation, figure.match.base_period) == ("growth", "2024-09")
    assert figure.verdict not in ACCUSING


@pytest.mark.parametrize("sentence", [
    "China's exports rose 12.7 percent in October from a year earlier.",
    "Exports in October rose 12.7 percent compared with October last year.",
    "China's vehicle sales in October rose 12.7 percent year-on-year and 6.3 percent from September.",
])
def test_a_year_on_year_growth_beside_it_is_not(store, sentence):
    found = spot.spot(sentence, store=store, published="2024-11-11")
    assert by_span(found, "12.7 percent").match is not None


# --- "This year, ..." is a time, not a pointer; one economy's fallback reading is not the text's ----------------------

def test_this_year_does_not_point_back_and_a_fallback_reading_is_not_carried(store):
    text = ("In 2023, China's goods exports were worth $3.38 trillion, down 4.6 percent from 2022, while the United "
            "States exported $2.02 trillion. This year, Chinese exports have rebounded, growing 5.9 percent in the first "
            "eleven months.")
    found = spot.spot(text, store=store, published="2024-12-20")
    growth = by_span(found, "5.9 percent")
    assert growth.frame["measure_from"] == "stated" and growth.frame["subject"] == "goods"
    assert growth.frame["period"] == "2024-01/2024-11"


def test_that_still_points_back(store):
    found = spot.spot("A total of 2.53 million cars were sold abroad last year. That is almost 57 percent more than in "
                      "the previous year.", store=store, published="2023-01-12")
    assert by_span(found, "57 percent").frame["measure"] == "exports"


@pytest.mark.parametrize("sentence", [
    "China's exports grew by 6.7 per cent in November from a year earlier, slowing from October's 12.7 per cent growth.",
    "China's exports grew 6.7 per cent year on year in November, down from October's 12.7 per cent.",
])
def test_a_figure_of_the_month_before_named_with_its_possessive_is_a_base_not_a_month_on_month_base(store, sentence):
    found = spot.spot(sentence, store=store, published="2024-12-10")
    assert by_span(found, "6.7 per cent").match.period == "2024-11"
    october = by_span(found, "12.7 per cent")
    assert october.role == "earlier" and october.match.period == "2024-10"


def test_a_growth_from_the_quarter_before_is_quarter_on_quarter(store):
    found = spot.spot("China's GDP grew 1.3 percent in the third quarter from the previous quarter.", store=store,
                      published="2023-10-18")
    assert by_span(found, "1.3 percent").match is None


@pytest.mark.parametrize("sentence, base", [
    ("China's GDP grew 4.9 percent year on year in the third quarter, up from 6.3 percent in the previous quarter.",
     "2023-Q2"),
    ("China's GDP grew 4.9 percent in the third quarter, slowing from 6.3 percent a quarter earlier.", "2023-Q2"),
])
def test_a_base_figure_of_the_quarter_before(store, sentence, base):
    found = spot.spot(sentence, store=store, published="2023-10-18")
    assert by_span(found, "4.9 percent").frame["period"] == "2023-Q3"
    assert by_span(found, "6.3 percent").frame["period"] == base


# --- a figure compared with expectations is a fact ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "China's exports rose 8.3 percent year-on-year in September, beating forecasts.",
    "China's exports rose 8.3 percent year-on-year in September, well above economists' expectations.",
    "China's exports rose 8.3 percent year-on-year in September, in line with market expectations.",
])
def test_a_figure_compared_with_expectations_is_a_fact(store, sentence):
    found = spot.spot(sentence, store=store, published="2025-10-13")
    assert by_span(found, "8.3 percent").verdict == "supported"


@pytest.mark.parametrize("sentence, span", [
    ("China's exports rose 8.3 percent in September, beating forecasts of 6 percent.", "6 percent"),
    ("China's exports are forecast to grow 5 percent in November.", "5 percent"),
])
def test_a_forecast_stays_a_forecast(store, sentence, span):
    assert by_span(spot.spot(sentence, store=store, published="2025-10-13"), span).verdict == "opinion"


def test_a_compared_figure_keeps_a_bound_of_its_own(store):
    """"than the over 4.5 million in 2023": "than" compares, "over" still bounds the 2023 figure (review: the bound was
    dropped and 'about 4.5 million' accused)."""
    found = spot.spot("China exported 5.86 million vehicles in 2024, higher than the over 4.5 million in 2023.",
                      store=store, published="2025-03-15")
    earlier = by_span(found, "4.5 million")
    assert earlier.comparator == ">" and earlier.verdict not in ACCUSING


@pytest.mark.parametrize("sentence, entity, partner", [
    ("Imports of Japan fell 5.2% in 2023.", "JPN", None),            # a verb after it: the importer (review)
    ("Imports of India were up 5.2% in 2023.", "IND", None),
    ("China's imports of U.S. goods slid 4.9% in 2023.", "CHN", "USA"),  # a noun after it: the goods' origin
    ("China's imports of Russia's oil rose 13.3% in 2023.", "CHN", "RUS"),
])
def test_imports_of_an_economy_followed_by_a_verb_are_its_own(store, sentence, entity, partner):
    [c] = spot.spot(sentence, store=store, published="2024-02-01")
    assert (c.entity, c.frame.get("counterpart")) == (entity, partner)


@pytest.mark.parametrize("expected", ["economists predicted for September", "analysts projected", "the market anticipated"])
def test_a_figure_someone_predicted_is_a_forecast_not_a_base_figure(store, expected):
    """"faster than the 6 percent economists predicted for September": what was forecast, never judged (review: its
    month was read as a base's and the year before's September judged)."""
    found = spot.spot("China's goods exports in dollar terms rose 8.3 percent year on year in September, faster than "
                      f"the 6 percent {expected}.", store=store, published="2025-10-15")
    forecast = by_span(found, "6 percent")
    assert "prediction" in forecast.flags and forecast.verdict not in ACCUSING
    assert by_span(found, "8.3 percent").verdict == "supported"


@pytest.mark.parametrize("sentence", [
    "Exports had been falling until March, but China's goods exports in dollar terms rose 8.1% year on year in April.",
    "After declines through March, China's goods exports in dollar terms rose 8.1% year on year in April.",
])
def test_a_month_in_the_figures_own_clause_beats_one_in_another_clause(store, sentence):
    """A period named in an earlier clause ("until March": January-March) does not date a figure whose own clause
    names its month (review: read as 2025-Q1)."""
    found = by_span(spot.spot(sentence, store=store, published="2025-05-15"), "8.1%")
    assert found.period == "2025-04" and found.verdict == "supported"
