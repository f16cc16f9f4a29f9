"""Adversarial readings (issue 20): sentences written to tempt the spotter into a false accusation, each beside a
plainly wrong figure with every dimension stated that must still be accused."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-adversarial")


# --- a figure of an earlier release (a preliminary estimate, since revised) -----------------------------

@pytest.mark.parametrize("sentence, span", [
    # NBS's early estimate (2025-01-23): 3,613 billion yuan and 6.91 percent; the final bulletin (2025-09-29):
    # 3,632.68 billion and 6.88 percent. A text two days later still quoting the estimate was written on it.
    ("China's R&D spending reached 3.61 trillion yuan in 2024, up 8.9 percent, with basic research at 250 "
     "billion yuan, or 6.91 percent of the total.", "3.61 trillion"),
    ("China's R&D spending reached 3.61 trillion yuan in 2024, up 8.9 percent, with basic research at 250 "
     "billion yuan, or 6.91 percent of the total.", "6.91 percent"),
    ("In 2024 China spent 3.613 trillion yuan on research and development.", "3.613 trillion"),
])
def test_a_figure_of_the_earlier_release_is_not_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-10-01"), span)
    assert found.verdict not in ACCUSING
    assert found.verdict != "needs-review" or "earlier estimate" in found.explanation


def test_the_earlier_release_is_quoted_long_after_the_revision_is_still_accused(store):
    """Months after the final bulletin, the preliminary figure is a revised one: still an accusation."""
    found = by_span(spot.spot("In 2024 China spent 3.613 trillion yuan on research and development.", store=store,
                              published="2026-03-01"), "3.613 trillion")
    assert found.verdict in ACCUSING


def test_an_undated_text_quoting_the_earlier_release_is_not_accused(store):
    """Without a date the text may have been written before the revision: needs review, saying so."""
    found = by_span(spot.spot("In 2024 China spent 3.613 trillion yuan on research and development.", store=store,
                              published=None), "3.613 trillion")
    assert found.verdict == "needs-review" and "the text gives no date" in found.explanation


@pytest.mark.parametrize("sentence, span", [
    ("China's R&D spending reached 3.9 trillion yuan in 2024.", "3.9 trillion"),
    ("Basic research accounted for 8.2 percent of China's R&D spending in 2024.", "8.2 percent"),
])
@pytest.mark.parametrize("published", ["2025-10-01", None])
def test_a_figure_no_release_holds_is_still_accused(store, sentence, span, published):
    found = by_span(spot.spot(sentence, store=store, published=published), span)
    assert found.verdict in ACCUSING


# --- a group of actors before the figure (a part of the market the series counts whole) ------------------

@pytest.mark.parametrize("sentence, span", [
    ("Foreign brands sold 11 million vehicles in China in 2024.", "11 million"),
    ("Japanese automakers sold 1.5 million vehicles in China in 2024.", "1.5 million"),
    ("State-owned carmakers exported 2 million vehicles in 2024.", "2 million"),
    ("Private firms' exports rose 8.8 percent in 2024.", "8.8 percent"),
    ("Foreign applicants were granted 0.13 million invention patents in China in 2024, up 5 percent.", "5 percent"),
    ("Chinese SOEs exported 500 billion dollars of goods in 2024.", "500 billion"),
])
def test_a_figure_after_a_group_of_actors_is_not_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-03-01"), span)
    assert found.verdict not in ACCUSING


@pytest.mark.parametrize("sentence, span", [
    # the compiler's name (capitalised) is no group of firms
    ("China's vehicle sales reached 11 million in 2024, according to the China Association of Automobile "
     "Manufacturers.", "11 million"),
    ("China sold 11 million vehicles in 2024.", "11 million"),
    ("China granted 1.04 million invention patents in 2024, up 5 percent.", "5 percent"),
])
def test_the_whole_markets_wrong_figure_is_still_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-03-01"), span)
    assert found.verdict in ACCUSING


# --- an unknown word qualifying the subject ("luxury car sales") -----------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("Luxury car sales fell 10 percent in China in 2024 to 3 million.", "10 percent"),
    ("Used car exports rose 10 percent in 2024.", "10 percent"),
    ("Premium vehicle sales in China fell 8 percent in 2024.", "8 percent"),
    ("Sales of cars priced above 300,000 yuan fell 10 percent in China in 2024.", "10 percent"),
    ("Sales of vehicles under 100,000 yuan fell 12 percent in China in 2024.", "12 percent"),
])
def test_a_figure_of_a_qualified_subject_is_not_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-01-14"), span)
    assert found.verdict not in ACCUSING


@pytest.mark.parametrize("sentence, span", [
    ("China's vehicle sales fell 10 percent in 2024.", "10 percent"),
    ("China's annual car sales fell 10 percent in 2024.", "10 percent"),
    ("China sold 20 million passenger cars in 2024.", "20 million"),
])
def test_a_wrong_figure_of_the_plain_subject_is_still_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-01-14"), span)
    assert found.verdict in ACCUSING


# --- "the country" resolved from earlier text about another economy --------------------------------------

GERMANY = ("Germany's automakers are under pressure.\n\nSales in China, their biggest market, fell 10 percent in "
           "2024. Exports fell 6 percent.\n\nThe country produced 4.1 million cars, down 1 percent.")


@pytest.mark.parametrize("span", ["4.1 million", "1 percent"])
def test_the_country_with_the_year_carried_is_not_accused(store, span):
    found = by_span(spot.spot(GERMANY, store=store, published="2025-01-20"), span)
    assert found.verdict not in ACCUSING


def test_the_country_with_its_year_stated_is_still_accused(store):
    text = "China's carmakers had a strong year. In 2024 the country produced 4.1 million vehicles."
    found = by_span(spot.spot(text, store=store, published="2025-03-01"), "4.1 million")
    assert found.verdict in ACCUSING


# --- a city's name standing for the economy ----------------------------------------------------------------

def test_a_figure_whose_economy_is_named_only_as_beijing_is_not_accused(store):
    found = by_span(spot.spot("Beijing's R&D spending rose 10 percent in 2024 to 300 billion yuan.", store=store,
                              published="2025-10-01"), "10 percent")
    assert found.verdict not in ACCUSING


def test_the_same_figure_for_china_is_still_accused(store):
    found = by_span(spot.spot("China's R&D spending rose 10 percent in 2024.", store=store, published="2025-12-01"),
                    "10 percent")
    assert found.verdict in ACCUSING


# --- a region of the economy ("Northeast China") ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("Northeast China's vehicle production fell 5 percent in 2024.", "5 percent"),
    ("Vehicle output in southern China rose 12 percent in 2024.", "12 percent"),
])
def test_a_figure_of_a_region_of_the_economy_is_not_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-03-01"), span)
    assert found.verdict not in ACCUSING


def test_the_economys_own_wrong_figure_is_still_accused(store):
    found = by_span(spot.spot("China's vehicle production fell 5 percent in 2024.", store=store,
                              published="2025-03-01"), "5 percent")
    assert found.verdict in ACCUSING


# --- an economy carried from earlier text into a sentence that names others -------------------------------

GII_INDIA = "India climbed to 38th place in the Global Innovation Index 2025.\n\n"


@pytest.mark.parametrize("text, span", [
    # a table's heading: the list's length, not India's place (India was the article's subject before)
    (GII_INDIA + "Top 10 innovative economies in 2025: Switzerland, Sweden, United States, Republic of Korea, "
                 "Singapore.", "Top 10"),
    (GII_INDIA + "List of Top 10 Most Innovative Countries in 2025 Rank Country GII Score 1 Switzerland 66 2 Sweden "
                 "62.6 3 United States of America 61.7", "Top 10"),
])
def test_a_figure_in_a_sentence_naming_other_economies_is_not_accused_for_the_carried_one(store, text, span):
    found = by_span(spot.spot(text, store=store, published="2025-09-20"), span)
    assert found.entity == "IND" and found.frame["entity_from"] == "context"
    assert found.verdict == "needs-review"
    assert "the sentence names CHE, SWE, USA" in found.explanation


def test_the_same_bound_with_its_economy_named_is_still_accused(store):
    found = by_span(spot.spot("India is in the top 10 of the Global Innovation Index 2025.", store=store,
                              published="2025-09-20"), "top 10")
    assert found.verdict in ACCUSING
