"""Mapping pass 18 (issue 20): general classes of wording seen in the development splits' misses (a list of markets
continued by growth rates, a region's figure in a text about China's exports of a product, the ranking a headline
names), each tested on phrasings of its own and on a near wording where it must not fire or must not accuse."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass18")


# --- a list of markets continued by growth rates; a region's figure in a text about China's exports -----------------
# Ember: China's module exports by destination region (bundled ember/solar_exports_capacity [pv_panels])

MODULES = "China exported 235.93 GW of PV modules in 2024, up 13% from 2023. "


@pytest.mark.parametrize("text, span, partner", [
    (MODULES + "Shipments to the Middle East increased 99%, while Africa jumped 43%.", "43%", "region:Africa"),
    (MODULES + "Other regions saw strong growth. The Middle East increased 99%, Africa jumped 43%.", "99%",
     "region:Middle East"),
    (MODULES + "Other regions saw strong growth. The Middle East increased 99%, Africa jumped 43%.", "43%",
     "region:Africa"),
])
def test_a_markets_growth_in_a_text_about_chinas_exports_is_the_growth_of_exports_to_it(store, text, span, partner):
    found = spot.spot(text, store=store, published="2025-02-08")
    rate = by_span(found, span)
    assert rate.match and rate.match.indicator == "solar_exports_capacity" and rate.match.counterpart == partner
    assert (rate.period, rate.entity) == ("2024", "CHN")
    assert rate.verdict not in ACCUSING  # the market's flow is assumed, never accused


def test_a_name_the_place_list_does_not_know_keeps_the_figure_from_the_market_before_it(store):
    found = spot.spot(MODULES + "The Middle East increased 99%, Africa jumped 43% and the Americas rose 10%.",
                      store=store, published="2025-02-08")
    americas = by_span(found, "10%")
    assert not (americas.match and americas.match.counterpart == "region:Africa")


@pytest.mark.parametrize("text, span", [
    # a region's own measure: not China's exports to it
    (MODULES + "Africa's GDP grew 3.2% in 2024.", "3.2%"),
    # no product exported in the text: a region's growth is not read as a flow
    ("The Middle East increased 99% in 2024, Africa jumped 43%.", "43%"),
])
def test_a_regions_figure_is_not_read_as_chinas_exports_where_the_text_does_not_say_so(store, text, span):
    found = spot.spot(text, store=store, published="2025-02-08")
    figure = by_span(found, span)
    assert not (figure.match and figure.match.source == "ember")


# --- the ranking a headline names, for the body's places ----------------------------------------------------------
# WIPO GII 2023: Singapore 5th, Malaysia 36th (bundled gii/gii_rank)

BODY = "Thailand remains in 43rd place. This places Thailand at 3rd position in Asean, following Singapore (5th) " \
       "and Malaysia (36th).\n"


def with_title(title: str) -> str:
    return f"---\ntitle: \"{title}\"\npublished: 2023-09-29\n---\n{BODY}"


def test_the_ranking_a_headline_names_is_the_ranking_of_the_bodys_places(store):
    found = spot.spot(with_title("Thailand remains 43rd in Global Innovation Index 2023 ranking"), store=store)
    for span, economy in (("5th", "SGP"), ("36th", "MYS")):
        place = by_span(found, span)
        assert place.match and place.match.indicator == "gii_rank", span
        assert (place.period, place.entity, place.verdict) == ("2023", economy, "supported")


@pytest.mark.parametrize("title", [
    "Thailand remains 43rd among innovative nations",  # a description, maybe another publisher's ranking
    "Thailand keeps its place",  # no ranking named
])
def test_a_headline_that_names_no_ranking_by_its_name_gives_the_body_none(store, title):
    found = spot.spot(with_title(title), store=store)
    assert not (by_span(found, "5th").match and by_span(found, "5th").match.indicator == "gii_rank")


def test_a_headlines_year_is_not_the_bodys(store):
    """"... by 2053" in a headline is a target's year: the body's undated rate is not dated by it."""
    text = "---\ntitle: \"China aims to double exports by 2035\"\npublished: 2024-01-13\n---\n" \
           "China's exports rose 0.6% in dollar terms last year.\n"
    rate = by_span(spot.spot(text, store=store), "0.6%")
    assert rate.period == "2023"
