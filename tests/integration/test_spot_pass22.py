"""Mapping pass 22 (issue 20): general classes of wording found on stories written for the test in the common wordings
of each genre (values from the bundled store: GACC's November 2025 export growth in dollars, 5.9%), each tested on
phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass22")


# --- shipments after a sentence on China's exports -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "China's exports rebounded last month. Shipments to the rest of the world rose 5.9% from a year earlier.",
    "Chinese exports picked up in November. Overall, shipments grew 5.9% on the year.",
])
def test_shipments_after_a_sentence_on_exports_are_those_exports(store, text):
    growth = by_span(spot.spot(text, store=store, published="2025-12-09"), "5.9%")
    assert (growth.match.indicator, growth.period, growth.entity) == ("goods_exports_usd_yoy_pct", "2025-11", "CHN")
    assert growth.verdict == "supported", growth.explanation


@pytest.mark.parametrize("text", [
    "Japan's exports rebounded last month. Shipments to the rest of the world rose 5.9% from a year earlier.",
    "China's imports rebounded last month. Shipments to the rest of the world rose 5.9% from a year earlier.",
])
def test_shipments_after_another_economys_flow_are_not_chinas_exports(store, text):
    growth = by_span(spot.spot(text, store=store, published="2025-12-09"), "5.9%")
    assert growth.match is None or growth.match.indicator != "goods_exports_usd_yoy_pct"
    assert growth.verdict not in ACCUSING
