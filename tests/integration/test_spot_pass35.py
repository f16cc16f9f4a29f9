"""Pass 35 (issue 20): a place dated by a year, beside an index said to have come out days before the text ("10th in
2024, according to the Global Innovation Index released on Tuesday" in a text of September 2025). The index out that
week is the text's year's edition; the year before it may be that edition's data year, so which row is meant is a
guess: never an accusation. A fresh split's first run had judged such a place contradicted against the earlier
edition's row. Tested on phrasings of its own and on near wordings where the year stays the text's word."""

from __future__ import annotations

import pytest

from indicators import spot

ACCUSING = ("contradicted", "misleading")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass35")


def _exact(found, span: str):
    [candidate] = [c for c in found if c.span == span]
    return candidate


RISE = "China rose from 14th in 2020 to 10th in 2024 in the Global Innovation Index {released}."


@pytest.mark.parametrize("released", ["released on Tuesday", "released by WIPO on Tuesday", "published this week",
                                      "released earlier this week", "unveiled today", "issued yesterday"])
def test_the_year_before_an_index_out_days_ago_is_no_accusation(store, released):
    """GII 2025 (out 16 September 2025) has China 10th, GII 2024 11th: "10th in 2024" beside the index just out may
    be the 2025 edition's data year, so it is needs-review with the reason, not contradicted on the 2024 row."""
    found = spot.spot(RISE.format(released=released), store=store, published="2025-09-18")
    place = _exact(found, "10th")
    assert (place.match.indicator, place.match.period) == ("gii_rank", "2024")
    assert place.verdict == "needs-review"
    assert "open: period" in place.explanation
    assert any("the year before the 2025 edition" in note for note in place.frame["notes"])


def test_an_older_year_keeps_its_edition(store):
    """"14th in 2020" is no edition's data year of 2025: it stays the 2020 edition's place, and is supported."""
    found = spot.spot(RISE.format(released="released on Tuesday"), store=store, published="2025-09-18")
    assert _exact(found, "14th").verdict == "supported"


@pytest.mark.parametrize("sentence, published", [
    # the index out days before a text of 2024 is the 2024 edition: "10th in 2024" is its year, and false (11th)
    (RISE.format(released="released on Tuesday"), "2024-10-03"),
    # nothing says an index came out days before: the year is the text's word
    (RISE.format(released="of WIPO"), "2025-09-18"),
    # a report out days ago that is no index names no edition
    ("China rose to 10th in 2024 in the Global Innovation Index, according to a report issued today by a think tank.",
     "2025-09-18"),
])
def test_otherwise_the_stated_year_is_judged(store, sentence, published):
    place = _exact(spot.spot(sentence, store=store, published=published), "10th")
    assert (place.match.indicator, place.match.period) == ("gii_rank", "2024")
    assert place.verdict == "contradicted"
