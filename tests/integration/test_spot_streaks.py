"""What held for N years or months running ("Switzerland ranks 1st in the GII for the 14th consecutive year", "rose 7
percent ..., the fourth consecutive month of growth"): the streak is checked in each period (spot._held_streaks,
drafting._judge_streak), never an accusation; a streak tied to no figure, to one the sentence leaves ambiguous, or
to one it does not run up to, stays about nothing the store holds."""

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


def test_a_growth_held_for_months_is_checked_month_by_month(store):
    """Customs' dollar exports rose 7.0% year on year in July 2024 and in each of April to June (the store's rows):
    "the fourth consecutive month of growth" is growth above 0 in each of April to July."""
    found = spot.spot("China's exports in US dollar terms rose 7 percent year on year in July, the fourth consecutive "
                      "month of growth.", store=store, published="2024-08-07")
    streak = by_span(found, "fourth consecutive month")
    assert (streak.match.indicator, streak.match.period, streak.comparator) == (
        "goods_exports_usd_yoy_pct", "2024-04/2024-07", ">0")
    assert streak.verdict == "supported" and "2024-05: supported" in streak.explanation


def test_a_fall_held_for_months_and_a_bound_the_streak_is_of(store):
    """Exports fell 6.4% in dollars in October 2023 (the store's row), after falls from May: "<0" each month. Aju
    Press (2024-08-08): "the fourth consecutive month of over 5-percent ... growth" is a streak of growth above 5%,
    not above 0."""
    fall = by_span(spot.spot("Exports fell 6.4 percent year on year in US dollar terms in October 2023, the sixth "
                             "consecutive month of decline.", store=store, published="2023-11-07"), "sixth")
    assert (fall.match.period, fall.comparator, fall.verdict) == ("2023-05/2023-10", "<0", "supported")
    above = by_span(spot.spot("July marked the fourth consecutive month of over 5-percent year-on-year growth in China's "
                              "foreign trade.", store=store, published="2024-08-08"), "fourth consecutive month")
    assert (above.match.indicator, above.match.period, above.comparator) == ("goods_trade_yoy_pct", "2024-04/2024-07", ">5")
    assert above.verdict not in ACCUSING


@pytest.mark.parametrize("text", [
    # a streak that ended: not up to the figure
    "China's exports in US dollar terms rose 7 percent year on year in July, ending six consecutive months of decline.",
    # another measure between the growth figure and the streak: not the figure's streak
    "China's imports fell 2 percent year on year in July, while exports grew for the fourth consecutive month.",
    # the streak's words give the other sign than the figure's
    "China's exports in US dollar terms rose 7 percent year on year in July, the fifth consecutive month of decline.",
])
def test_a_streak_the_growth_beside_it_does_not_run_up_to_stays_unjudged(store, text):
    streak = next(c for c in spot.spot(text, store=store, published="2024-08-07") if "consecutive" in c.span)
    assert streak.match is None and streak.verdict == "unverifiable"



@pytest.mark.parametrize("span, periods", [
    ("2022/2024", ["2022", "2023", "2024"]),
    ("2024-11/2025-02", ["2024-11", "2024-12", "2025-01", "2025-02"]),
    ("2024-04/2024-04", ["2024-04"]),
])
def test_the_periods_of_a_streaks_span(span, periods):
    from indicators.spot import matching

    assert matching.span_periods(span) == periods
    if "-" in span:
        assert matching.months_back(periods[-1], len(periods) - 1) == periods[0]
