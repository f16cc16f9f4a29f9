"""Mapping pass 12 (issue 20): period and entity read as mechanisms (the release cycle, a compared figure's own
period, the same part of an earlier year), each tested on wordings of its own, with a real contradiction that still
accuses and an undetermined period or entity that abstains."""

from __future__ import annotations

import pytest

from indicators import spot
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
