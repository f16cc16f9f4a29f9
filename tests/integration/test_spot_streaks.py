"""A place in a ranking held for N years running ("Switzerland ranks 1st in the GII for the 14th consecutive year"):
the streak is that place checked in each of the N years (spot._places_held, drafting._judge_streak), never an
accusation; a streak tied to no place, or to a place the sentence leaves ambiguous, stays about nothing the store
holds."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-streaks")


def test_a_stated_place_held_for_years_is_checked_year_by_year(store):
    """WIPO, GII 2024 report (2024-09-26): the store holds Switzerland's rank for some of the fourteen years only."""
    found = spot.spot("Switzerland ranks 1st in the GII for the 14th consecutive year (Figure 16).", store=store,
                      published="2024-09-26")
    streak = by_span(found, "14th")
    m = streak.match
    assert (m.source, m.indicator, m.period, m.derivation, streak.entity) == ("gii", "gii_rank", "2011/2024", "streak", "CHE")
    assert streak.verdict == "unverifiable"
    assert "2013: supported" in streak.explanation and "2011: unverifiable" in streak.explanation
    assert by_span(found, "1st").verdict == "supported"  # the place itself is judged as before


def test_a_cluster_place_held_for_years(store):
    """Xinhua, 2024-08-28: the cluster's rank for 2020-2024 (the store starts its cluster ranks later)."""
    found = spot.spot("The Shenzhen-Hong Kong-Guangzhou cluster continues to rank second globally for the fifth "
                      "consecutive year in the Global Innovation Index 2024 top 100 science and technology clusters.",
                      store=store, published="2024-08-28")
    streak = by_span(found, "fifth")
    assert (streak.match.indicator, streak.match.product, streak.match.period) == (
        "cluster_rank", "cluster:Shenzhen–Hong Kong–Guangzhou", "2020/2024")
    assert "2021: supported" in streak.explanation and streak.verdict not in ACCUSING


@pytest.mark.parametrize("text, published, period", [
    ("Switzerland has topped the global innovation rankings for the 15th consecutive year.", "2025-09-20", "2011/2025"),
    ("For the 14th consecutive year, Switzerland was named the world's most innovative country.", "2024-10-01",
     "2011/2024"),
])
def test_first_place_in_words_held_for_years(store, text, published, period):
    """KMU-Admin (2025) and Visual Capitalist (2024): first place said in words ("topped", "most innovative") in the
    ranking the sentence names, the year the latest edition before the text."""
    streak = next(c for c in spot.spot(text, store=store, published=published) if c.role == "streak"
                  or c.frame.get("role") == "streak")
    assert (streak.match.indicator, streak.match.period, streak.entity) == ("gii_rank", period, "CHE")
    assert streak.verdict not in ACCUSING


def test_a_place_not_held_every_year_is_never_an_accusation(store):
    """China was 12th in GII 2023 and 11th in GII 2024 (the store's rows): "11th ... for the second consecutive year"
    is wrong for 2023, yet a streak's years may be counted otherwise: needs-review, each year's verdict said."""
    found = spot.spot("China ranked 11th in the Global Innovation Index 2024 for the second consecutive year.",
                      store=store, published="2024-09-30")
    streak = by_span(found, "second consecutive year")
    assert streak.match.period == "2023/2024"
    assert streak.verdict == "needs-review"
    assert "2023: contradicted" in streak.explanation and "2024: supported" in streak.explanation


@pytest.mark.parametrize("text", [
    "China's goods exports grew for the eighth consecutive year.",  # no place in a ranking
    "Switzerland topped the index ahead of Sweden for the 14th consecutive year.",  # two economies: whose place?
    "China tops the world in car exports for the second consecutive year.",  # car exports: no series of ranks
])
def test_a_streak_tied_to_no_place_stays_unjudged(store, text):
    streak = next(c for c in spot.spot(text, store=store, published="2024-10-01")
                  if "consecutive" in c.span or c.role == "streak")
    assert streak.match is None or streak.match.derivation != "streak"
    assert streak.verdict not in ACCUSING
