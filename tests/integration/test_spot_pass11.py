"""Mapping pass 11 (issue 20): rules for classes of wording seen in dev11's misses, each tested on phrasings of its
own and on a near wording where it must not fire or must not accuse."""

from __future__ import annotations

import pytest

from indicators import spot
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
