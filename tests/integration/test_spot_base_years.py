"""The years of a comparison's base are not the figure's: found by dev20's first run, where "12th" (China's GII 2023
rank) was judged contradicted against 2019, a year of "up from rank 14 in 2020 and 2019"."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-base-years")


def test_years_listed_after_a_base_year_are_bases_too():
    from indicators.spot import frames

    sentence = "China is now the world's 12th most innovative nation, up from rank 14 in 2020 and 2019 and rank 17 in 2018."
    assert [(year, base) for _, year, base, _ in frames._years(sentence, None)] == [
        ("2020", True), ("2019", True), ("2018", False)]


def test_a_figure_before_a_comparison_does_not_take_the_base_figures_years(store):
    """ZeroHedge (Statista), 2023-10-06: the 12th is China's rank "now" (GII 2023), not 2018's, the year of "rank 17"
    after "up from": judged on the latest edition before the text (assumed), never against 2018 or 2019."""
    found = spot.spot("China is now the world's 12th most innovative nation, up from rank 14 in 2020 and 2019 and rank "
                      "17 in 2018.", store=store, published="2023-10-06")
    rank = by_span(found, "12th")
    assert (rank.match.indicator, rank.period, rank.frame["period_from"]) == ("gii_rank", "2023", "assumed")
    assert rank.verdict == "supported"
    assert not [c for c in found if c.verdict in ACCUSING and c.role == "figure"]
