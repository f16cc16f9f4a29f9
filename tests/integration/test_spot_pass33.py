"""Pass 33 (issue 20): figures the spotter did not find at all on the development detail, in general classes: numbers
read whole that the reader refused or read in part, durations said without a number or back from the text's date, and
a growth rate said of two levels with "both". Each is tested on phrasings of its own and on near wordings where it must
not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.numbers import read_figures
from indicators.spot.figures import read_figures as spotted
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass33")


def _figures(sentence: str) -> list[tuple]:
    return [(sentence[f.start: f.end], f.value, f.unit, f.form) for f in spotted(sentence)]


# --- a printed minus after a word of decline restates it ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, value, comparator", [
    ("Chery did not qualify, so its sales dropped -51.5%.", -51.5, "~="),
    ("Exports to the US fell -20.0% YoY for the full year.", -20.0, "~="),
    ("Imports declined -0.5%mom in April.", -0.5, "~="),
    ("Shipments fell by more than -5% in May.", -5.0, "<"),
])
def test_a_minus_after_a_word_of_decline_is_one_decline(sentence, value, comparator):
    """"dropped -51.5%": the minus says what the verb says (it was refused as a double sign, and the figure lost); the
    sign is printed, the figure's own (no word's to undo: "growth fell -1.9%" is a growth of -1.9%)."""
    [figure] = read_figures(sentence)
    assert (figure.value, figure.comparator, figure.decline) == (value, comparator, False)


def test_a_printed_sign_without_a_word_is_still_no_decline():
    [figure] = read_figures("GDP grew -4.6% last year.")
    assert (figure.value, figure.decline) == (-4.6, False)


@pytest.mark.parametrize("text, span, value", [
    ("China's vehicle sales growth fell -1.9% in 2020.", "-1.9%", -1.9),
    ("China's PCT filings growth fell -0.6% in 2023.", "-0.6%", -0.6),
])
def test_a_growth_that_fell_with_a_printed_minus_is_negative(store, text, span, value):
    """A first review found these called contradicted: the spotter undid the word's sign, reading +1.9%. CAAM: vehicle
    sales fell 1.9% in 2020; WIPO: China's PCT filings fell 0.6% in 2023."""
    read = by_span(spot.spot(text, store=store, published="2025-01-15"), span)
    assert read.value == value
    assert read.verdict not in ("contradicted", "misleading")


@pytest.mark.parametrize("sentence", ["Exports fell -$3.38 trillion in 2023.", "PCT filings fell -69,610 last year."])
def test_a_minus_amount_after_a_word_of_decline_stays_unread(sentence):
    """A sum or count with a minus after "fell": a change or a level? Refused, as before."""
    assert read_figures(sentence) == []


# --- numbers written as some broadcasters and typists write them ----------------------------------------------------------

@pytest.mark.parametrize("sentence, span, value", [
    ("GDP grew one-point-six percent in the quarter.", "one-point-six percent", 1.6),
    ("Inflation stood at three-point-eight percent.", "three-point-eight percent", 3.8),
    ("GDP was estimated at one-point-67 trillion U.S. dollars in 2022.", "one-point-67 trillion U.S. dollars", 1.67e12),
    ("Sales reached one point six million cars.", "one point six million", 1.6e6),
    ("It accounted for 37percent of all companies on the list.", "37percent", 37.0),
])
def test_a_decimal_in_words_or_a_glued_percent_is_read_whole(sentence, span, value):
    """"one-point-six percent" was read as "six percent" (a part read as a figure, the worst outcome); "one point six
    million" as 1.6; "37percent" not at all."""
    [figure] = read_figures(sentence)
    assert (sentence[figure.start: figure.end], figure.value) == (span, value)


def test_a_decimal_in_words_keeps_its_decimals():
    """The step a spoken decimal allows is its last digit's, as for "1.6 million" (a step of one was an error)."""
    [figure] = read_figures("Sales reached one point six million cars.")
    assert figure.decimals == 1


@pytest.mark.parametrize("sentence, expected", [
    ("Stations were commissioned, adding 37 GW/91 GWh of capacity.", [("37 GW", 37.0, "GW"), ("91 GWh", 91.0, "GWh")]),
    ("By the end of 2024, cumulative capacity reached 62 GW/141 GWh.", [("62 GW", 62.0, "GW"), ("141 GWh", 141.0, "GWh")]),
    # a range, or two periods' figures: the second is not read apart (it would be judged as a point on its own)
    ("Analysts expected around 10 GW-15 GW of new capacity each month.", [("10 GW", 10.0, "GW")]),
    ("Exports were 208 GW/235 GW in 2023/2024.", [("208 GW", 208.0, "GW")]),
])
def test_an_amount_of_energy_after_one_of_power_is_read(sentence, expected):
    assert [(s, v, u) for s, v, u, _ in _figures(sentence)] == expected


@pytest.mark.parametrize("sentence", ["COVID-19 cases rose.", "It offers a 24/7 service.", "The G20 met."])
def test_identifiers_glued_to_words_stay_unread(sentence):
    assert _figures(sentence) == []


# --- "No. 10" after a word that places something -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span, value", [
    ("Israel entered the top 10 for the first time this year at No. 10, while Korea edged closer.", "No. 10", 10.0),
    ("From No. 81 in 2015, India moved up the index.", "No. 81", 81.0),
    ("The United States fell back to No. 6 in the GII 2018.", "No. 6", 6.0),
])
def test_a_place_numbered_after_at_from_or_to_is_a_rank(sentence, span, value):
    assert (span, value, "rank") in [(s, v, u) for s, v, u, _ in _figures(sentence)]


@pytest.mark.parametrize("sentence", ["See press release No. 231 of Destatis.", "It follows Decree No. 5 of the law.",
                                      "They met at No. 10 Downing Street.",
                                      "It moved from No. 5 Jianguomen Avenue to No. 9 Chang'an Avenue.",
                                      "According to No. 1 Central Document, reform continues."])
def test_numbering_stays_no_figure(sentence):
    assert _figures(sentence) == []


# --- durations said without a number, or back from the text's date --------------------------------------------------------

@pytest.mark.parametrize("sentence, span, value, unit", [
    ("It is one of the fastest-growing economies in innovation over the past decade.", "the past decade", 10.0, "years"),
    ("China's car industry has been a disruptor for the last decade.", "the last decade", 10.0, "years"),
    ("Ranking: up 2 places to 41st, the best in a decade.", "a decade", 10.0, "years"),
    ("This edition follows a decade of rapid growth in R&D spending.", "a decade", 10.0, "years"),
    ("In 2025 it reached 38th place, reflecting a decade-long upward trajectory.", "decade-long", 10.0, "years"),
    ("A year-long trade truce was reached at the meeting.", "year-long", 1.0, "years"),
    ("The surplus fell to its lowest in a year as imports grew.", "a year", 1.0, "years"),
    ("India's place rose the most over the last ten years.", "ten years", 10.0, "years"),
    ("In the last four years, Mauritius moved up.", "four years", 4.0, "years"),
    ("Exports posted the biggest drop in three years and five months.", "three years and five months", 41.0, "months"),
])
def test_a_duration_said_without_a_number_or_back_from_the_date(sentence, span, value, unit):
    assert (span, value, unit, "duration") in _figures(sentence)


def test_a_duration_in_years_and_months_is_one_figure():
    """The months of "three years and five months" are the duration's, never a count of their own."""
    assert _figures("Exports posted the biggest drop in three years and five months.") == [
        ("three years and five months", 41.0, "months", "duration")]


@pytest.mark.parametrize("sentence, span, value, unit", [
    ("Imports posted the steepest drop in a year and a half.", "a year and a half", 1.5, "years"),
    ("Exports were the weakest in a year and eight months.", "a year and eight months", 20.0, "months"),
])
def test_a_year_and_a_part_is_one_duration(sentence, span, value, unit):
    assert _figures(sentence) == [(span, value, unit, "duration")]


@pytest.mark.parametrize("sentence", [
    "In the last decade of the 20th century trade grew.",
    "The last century saw little trade.",
    "China installed the most solar capacity in a year ever.",
    "It was the most in a year on record.",
    "The largest surplus ever recorded in a year.",
    "It was the latest in a year of records.",
    "Sales were half what they were a decade ago.",
    "Targets were set for the last two years of the plan.",
    "Exports rose in the last two months.",
    "Output will double-check its data over the next three years.",
    "Exports rose 10% a year.",
])
def test_time_references_and_named_periods_stay_no_duration(sentence):
    assert not [f for f in _figures(sentence) if f[3] == "duration"]


@pytest.mark.parametrize("sentence, span, value", [
    ("Enough to exceed three-quarters of Pakistan's capacity.", "three-quarters", 75.0),
    ("Modules were more than three-quarters of the total.", "three-quarters", 75.0),
])
def test_a_fraction_of_quarters_is_no_duration(sentence, span, value):
    assert _figures(sentence) == [(span, value, "percent", "")]


# --- a growth rate "both" levels before it rose by ------------------------------------------------------------------------

BOTH = ("In the first five months of the year, auto sales and output stood at 10.62 million units and 10.69 million "
        "units, respectively, both rising 11.1 percent from a year ago.")


def test_a_growth_rate_said_of_both_levels_is_read_for_each(store):
    found = [c for c in spot.spot(BOTH, store=store, published="2023-06-12") if c.span == "11.1 percent"]
    assert sorted(f"{c.match.source}/{c.match.indicator}" for c in found) == [
        "caam/vehicle_production_yoy_pct", "caam/vehicle_sales_yoy_pct"]
    assert {c.period for c in found} == {"2023-01/2023-05"}


@pytest.mark.parametrize("text, span", [
    ("Vehicle sales and exports were 31.44 million and 5.86 million in 2024, both up 4.5% and 19.3%, respectively.",
     "4.5%"),
    ("Vehicle sales and exports were 31.44 million and 5.86 million in 2024, both up 4.5% and 19.3%.", "4.5%"),
])
def test_rates_listed_after_both_are_one_each(store, text, span):
    """"both up 4.5% and 19.3%": a rate for each level (CAAM: sales +4.5%, exports +19.3%), not 4.5% for both."""
    found = [c for c in spot.spot(text, store=store, published="2025-01-15") if c.span == span]
    assert [f"{c.match.source}/{c.match.indicator}" for c in found] == ["caam/vehicle_sales_yoy_pct"]


def test_a_growth_rate_after_one_level_is_read_once(store):
    text = "In the first five months, auto sales stood at 10.62 million units, rising 11.1 percent from a year ago."
    found = [c for c in spot.spot(text, store=store, published="2023-06-12") if c.span == "11.1 percent"]
    assert [f"{c.match.source}/{c.match.indicator}" for c in found] == ["caam/vehicle_sales_yoy_pct"]
    assert by_span(spot.spot(text, store=store, published="2023-06-12"), "10.62 million units").match is not None


# --- a place in words said bare -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, places", [
    ("South Africa led with 3.8 GW, with Nigeria second (1.7 GW) and Algeria rising to third (1.2 GW).",
     [("second", 2.0), ("third", 3.0)]),
    ("Huawei led the Chinese rankings, placing second overall at the EPO in 2024 behind Samsung.", [("second", 2.0)]),
    ("The EU spent $410 billion, Japan fourth at $184bn and Germany fifth at ($132bn).", [("fourth", 4.0), ("fifth", 5.0)]),
    ("Its partner of many years ranked only second in the list of major trading partners.", [("second", 2.0)]),
    ("China spent a record 202 billion yuan on basic research, ranking it second globally.", [("second", 2.0)]),
    ("The number of papers was 70,775, placing Japan fifth worldwide.", [("fifth", 5.0)]),
    ("The United States had 36,208, while Britain was in a distant third with 8,878.", [("third", 3.0)]),
    ("Japan fell from second to third in 2010 as China's economy grew.", [("second", 2.0), ("third", 3.0)]),
    ("Its rankings declined to sixth (full count) and fifth (fractional count) in articles.",
     [("sixth", 6.0), ("fifth", 5.0)]),
    ("Croatia ranked first globally for its pupil ratio, sixth for its environmental performance, and eighth for "
     "industrial diversification.", [("first", 1.0), ("sixth", 6.0), ("eighth", 8.0)]),
    ("Mexico climbs to 56th place worldwide and third in Latin America.", [("56th", 56.0), ("third", 3.0)]),
])
def test_a_place_in_words_said_bare_is_read(sentence, places):
    """Read as a rank of no series unless another rule reads it as the ranking's (which ranking is a guess)."""
    assert [(s, v) for s, v, u, _ in _figures(sentence) if u == "rank"] == places


@pytest.mark.parametrize("sentence", [
    "Exports rose in the first half of the year.",
    "For the first time, exports fell.",
    "It was first introduced in 2019.",
    "Trump's second of two 10 per cent hikes took effect.",
    "Even with the second round of tariffs introduced in April, exports rose.",
    "Output in the second quarter rose 5%.",
    "First, exports rose. Second, imports fell.",
    "The first and second phases were completed.",
    "Sales in the first, second and third quarters rose.",
    "They met on the first and second of May.",
    "In the first place, exports rose.",
    "From the first to the second quarter, exports rose.",
    "China is the first to do so.",
    # (the first review's: dates, possessives, idioms, enumerations after a ranking word)
    "Beijing, March third (Xinhua) -- Exports rose.",
    "They met on April third at the ministry.",
    "Xi's second at the summit was short.",
    "Trump's second (2025) term began.",
    "America First at the summit.",
    "At first, exports fell.",
    "He was standing first in line.",
    "China was ranked 11th in 2024; first, it led in patents; second, it led in trade.",
    "The plan ranked priorities: first, innovation; second, trade.",
    "Xi Jinping first (in 2015) proposed it.",
])
def test_ordinals_that_are_no_place_stay_unread(sentence):
    assert [f for f in _figures(sentence) if f[2] == "rank" and not f[0][:1].isdigit()] == []


# --- the second review's -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, value", [
    ("China's imports fell -5.5% in 2023, its vehicle exports +57.9%, CAAM said.", "+57.9%", 57.9),
    ("China's commercial vehicle sales fell -3.9% in 2024, NEV sales 35.5%, CAAM said.", "35.5%", 35.5),
])
def test_a_text_that_prints_its_signs_prints_each(store, text, span, value):
    """The elided verb's decline is not carried to a figure after one whose minus is printed, nor onto a printed plus
    (CAAM: vehicle exports +57.9% in 2023, NEV sales +35.5% in 2024: both were called contradicted)."""
    read = by_span(spot.spot(text, store=store, published="2025-01-15"), span)
    assert read.value == value
    assert read.verdict not in ("contradicted", "misleading")


def test_an_elided_verb_still_carries_its_decline_without_printed_signs(store):
    read = by_span(spot.spot("China's exports fell 4.6% in 2023 and imports 5.5%.", store=store,
                             published="2025-01-15"), "5.5%")
    assert read.value == -5.5


def test_one_rate_said_of_both_levels_is_never_an_accusation(store):
    """CAAM, 2024: NEV output +34.4%, sales +35.5%; "both up about 35 percent" is fair of both."""
    text = ("China's NEV output and sales were 12.89 million and 12.87 million in 2024, both up about 35 percent, "
            "CAAM said.")
    found = [c for c in spot.spot(text, store=store, published="2025-01-15") if c.span == "about 35 percent"]
    assert len(found) == 2
    assert not [c for c in found if c.verdict in ("contradicted", "misleading")]


def test_a_subject_after_a_comma_naming_another_measure_is_not_the_figures(store):
    """"China's exports fell 4.6% in 2023, its vehicle sales up 12%": the 4.6% is all exports' (customs: -4.6% in
    dollars), not vehicle exports' (CAAM: +57.9%), which it was called contradicted against."""
    text = "China's exports fell 4.6% in 2023, its vehicle sales up 12%, CAAM said."
    read = by_span(spot.spot(text, store=store, published="2025-01-15"), "4.6%")
    assert read.match is None or "vehicle" not in read.match.indicator
    assert read.verdict not in ("contradicted", "misleading")
