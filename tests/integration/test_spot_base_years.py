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


@pytest.mark.parametrize("sentence, expected", [
    ("marking the fastest growth rate since April 2023", [("2023", True)]),
    ("imports increased by 8.4% compared to April 2023", [("2023", True)]),
    ("exports rose 9% in April 2023", [("2023", False)]),
])
def test_a_month_between_the_comparison_word_and_the_year_keeps_it_a_base(sentence, expected):
    from indicators.spot import frames

    assert [(year, base) for _, year, base, _ in frames._years(sentence, None)] == expected


def test_a_base_month_s_year_does_not_date_the_figures_or_the_next_paragraphs(store):
    """timber.exchange, 2024-06-17, on May 2024: "since April 2023" and "compared to April 2023" are bases; the
    figures are May and April 2024 (the months before the text), and the next paragraphs stay in 2024."""
    text = ("China's exports grew by 7.6% in May compared to the previous year, reaching $302.35 billion, marking the "
            "fastest growth rate since April 2023, despite ongoing trade tensions.\n\n"
            "In April, exports grew by 1.5% year-on-year, while imports increased by 8.4% compared to April 2023.\n\n"
            "China's trade surplus expanded to $82.62 billion in May, up from $72.35 billion in April.")
    found = spot.spot(text, store=store, published="2024-06-17")
    periods = {span: by_span(found, span).period for span in ("$302.35 billion", "1.5%", "8.4%", "$82.62 billion",
                                                               "$72.35 billion")}
    assert periods == {"$302.35 billion": "2024-05", "1.5%": "2024-04", "8.4%": "2024-04",
                       "$82.62 billion": "2024-05", "$72.35 billion": "2024-04"}
    assert by_span(found, "$302.35 billion").match.indicator == "goods_exports"
    assert not [c for c in found if c.verdict in ACCUSING]
