"""Mapping pass 28 (issue 20): general classes of wording found on the development detail of the pass, each tested on
phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass28")


# --- "respectively" over a list of months or quarters ---------------------------------------------------------------------

@pytest.mark.parametrize("text, published, periods", [
    ("Europe imported 8.6 GW and 8.4 GW of modules from China in January and February, respectively.", "2023-03-28",
     {"8.6 GW": "2023-01", "8.4 GW": "2023-02"}),
    ("China exported 14.85 GW and 14.82 GW of modules in January and February 2023, respectively.", "2023-06-01",
     {"14.85 GW": "2023-01", "14.82 GW": "2023-02"}),
    ("Exports fell 14.5% and 8.8% year on year in July and August, respectively.", "2023-10-28",
     {"14.5%": "2023-07", "8.8%": "2023-08"}),
    ("China exported 8.6 GW and 8.4 GW of modules in the first and second quarters of 2023, respectively.", "2023-10-28",
     {"8.6 GW": "2023-Q1", "8.4 GW": "2023-Q2"}),
])
def test_respectively_gives_each_listed_figure_its_own_month_or_quarter(store, text, published, periods):
    """"in January and February" alone is the two months' total (customs' first release of a year), but with
    "respectively" and as many figures listed with "and", each figure is its own month (or quarter), in the year the
    figures were read in, else the year a month named alone is in (never after the published date)."""
    found = spot.spot(text, store=store, published=published)
    for span, period in periods.items():
        assert by_span(found, span).frame["period"] == period


@pytest.mark.parametrize("text, span, period", [
    # no "respectively": the two months together
    ("Europe imported 17 GW of modules from China in January and February.", "17 GW", "2023-01/2023-02"),
    # two figures, but not one list: "exports rose ... and imports fell ..." with the months before
    ("In January and February, exports rose 7.1% and imports fell 8.4%, respectively.", "7.1%", "2023-01/2023-02"),
])
def test_months_listed_without_a_matching_list_of_figures_stay_as_read(store, text, span, period):
    """A list of months pairs only a run of as many figures of one unit joined by "and"; anything else keeps the
    reading it had."""
    assert by_span(spot.spot(text, store=store, published="2023-03-28"), span).frame["period"] == period


def test_months_listed_across_a_year_end_are_left_as_read(store):
    """"in December and January" spans two years: no month is given a year it may not be in."""
    found = spot.spot("Exports fell 2.3% and 5.1% in December and January, respectively.", store=store,
                      published="2024-03-01")
    assert all("as listed" not in " ".join(c.frame.get("notes") or []) for c in found)
