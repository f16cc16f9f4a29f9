"""Pass 35 (issue 20): a place dated by a year, beside an index said to have come out days before the text ("10th in
2024, according to the Global Innovation Index released on Tuesday" in a text of September 2025). The index out that
week is the text's year's edition; the year before it may be that edition's data year, so which row is meant is a
guess: never an accusation. A fresh split's first run had judged such a place contradicted against the earlier
edition's row. Tested on phrasings of its own and on near wordings where the year stays the text's word."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, exact


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass35")


RISE = "China rose from 14th in 2020 to 10th in 2024 in the Global Innovation Index {released}."


@pytest.mark.parametrize("released", ["released on Tuesday", "released by WIPO on Tuesday", "published this week",
                                      "released earlier this week", "unveiled today", "issued yesterday"])
def test_the_year_before_an_index_out_days_ago_is_no_accusation(store, released):
    """GII 2025 (out 16 September 2025) has China 10th, GII 2024 11th: "10th in 2024" beside the index just out may
    be the 2025 edition's data year, so it is needs-review with the reason, not contradicted on the 2024 row; the
    edition that holds it is shown as its period (pass 41: the index's rows are its editions)."""
    found = spot.spot(RISE.format(released=released), store=store, published="2025-09-18")
    place = exact(found, "10th")
    assert (place.match.indicator, place.match.period) == ("gii_rank", "2025")
    assert place.verdict == "needs-review"
    assert "the period is 2024, or the 2025 edition" in place.explanation
    assert any("the year before the 2025 edition" in note for note in place.frame["notes"])


@pytest.mark.parametrize("wrong", ["14th", "9th"])
def test_a_place_false_on_either_reading_is_contradicted(store, wrong):
    """"14th in 2024" beside the index just out is false on 2024's row (11th) and on the 2025 edition's (10th):
    the period is open only between those two readings, and the figure disagrees with each."""
    found = spot.spot(f"China ranked {wrong} in 2024, according to the Global Innovation Index released on Tuesday.",
                      store=store, published="2025-09-18")
    place = exact(found, wrong)
    assert place.verdict == "contradicted"
    assert "the figure disagrees with each" in place.explanation


def test_an_older_year_keeps_its_edition(store):
    """"14th in 2020" is no edition's data year of 2025: it stays the 2020 edition's place, and is supported."""
    found = spot.spot(RISE.format(released="released on Tuesday"), store=store, published="2025-09-18")
    assert exact(found, "14th").verdict == "supported"


@pytest.mark.parametrize("sentence, published", [
    # the index out days before a text of 2024 is the 2024 edition: "10th in 2024" is its year, and false (11th)
    (RISE.format(released="released on Tuesday"), "2024-10-03"),
    # nothing says an index came out days before: the year is the text's word
    (RISE.format(released="of WIPO"), "2025-09-18"),
    # the words name the edition out days ago: its year, not the text's
    (RISE.format(released="2024 released on Tuesday"), "2025-09-18"),
    # another ranking out days ago names no edition of the GII
    ("China rose from 14th in 2020 to 10th in 2024 in the Global Innovation Index, while the QS World University "
     "Rankings released on Tuesday put Tsinghua 17th.", "2025-09-18"),
    # a report out days ago that is no index names no edition
    ("China rose to 10th in 2024 in the Global Innovation Index, according to a report issued today by a think tank.",
     "2025-09-18"),
])
def test_otherwise_the_stated_year_is_judged(store, sentence, published):
    place = exact(spot.spot(sentence, store=store, published=published), "10th")
    assert (place.match.indicator, place.match.period) == ("gii_rank", "2024")
    assert place.verdict == "contradicted"


# --- a bare whole number placed by the words around it -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, span, entity, period", [
    ("In the Global Innovation Index 2024, China came in at 11, the United States at 3 and Germany at 9.", "3", "USA",
     "2024"),
    ("In the Global Innovation Index 2024, China came in at 11, the United States at 3 and Germany at 9.", "9", "DEU",
     "2024"),
    ("The Global Innovation Index 2024 places China at 11.", "11", "CHN", "2024"),
    ("China moved up to 11 from 12 in the Global Innovation Index 2024.", "12", "CHN", "2023"),
    ("Global Innovation Index 2024: Switzerland (1), Sweden (2), the United States (3), China (11).", "(2)", "SWE",
     "2024"),
    ("China stood at 11 among 133 economies in the Global Innovation Index 2024.", "11", "CHN", "2024"),
    ("The Global Innovation Index 2024 ranked China 11 and India 39.", "39", "IND", "2024"),
    ("China’s GII 2024 ranking was 11, up from 12 in 2023.", "11", "CHN", "2024"),
    ("India was ranked 39 in the Global Innovation Index 2024, up from 40 in 2023.", "40", "IND", "2023"),
    ("India retained the 40 position in the Global Innovation Index 2023.", "40", "IND", "2023"),
    ("India ranks 39 among 133 economies in the GII 2024.", "39", "IND", "2024"),
])
def test_a_bare_number_placed_in_a_ranking_is_a_place(store, sentence, span, entity, period):
    """"came in at 11", "places China at 11", "moved up to 11 from 12", "Sweden (2)", "its ranking was 11", "up from
    40 in 2023", "the 40 position", "ranks 39": a place in the ranking the sentence names (they had been read as
    counts, and matched to the count of the index's clusters)."""
    figure = exact(spot.spot(sentence, store=store, published="2024-10-15"), span)
    assert (figure.unit, figure.match.indicator, figure.entity, figure.period) == ("rank", "gii_rank", entity, period)
    assert figure.verdict == "supported"


@pytest.mark.parametrize("sentence, span", [
    # what is placed is counted: clusters, universities
    ("Of the top 100 clusters in the Global Innovation Index 2024, China placed 26 and the United States 20.", "26"),
    ("The ranking put 11 Chinese universities in the top 100.", "11"),
    # a score, not a place
    ("China's score rose to 56 from 55 in the Global Innovation Index 2024.", "56"),
    # an index that is no ranking
    ("China's PMI index rose to 51 from 49 in March.", "51"),
    ("The index of industrial production stood at 105 in 2023.", "105"),
    # (a move in a sentence going on with the ranking the one before named is a place since pass 36)
])
def test_otherwise_a_bare_number_is_no_place(store, sentence, span):
    figure = exact(spot.spot(sentence, store=store, published="2024-10-15"), span)
    assert figure.unit != "rank"
    assert figure.verdict not in ACCUSING


# --- "the country" pointing back to nothing ------------------------------------------------------------------------------

def test_the_country_with_nothing_named_before_is_a_guess(store):
    """Opening a pasted text, "the country" points back to nothing: China is the tool's guess, never accused (the
    GII has China 12th in 2015 and 11th in 2024, so China's 81st and 39th would be contradicted)."""
    found = spot.spot("The country has climbed from 81st in 2015 to 39th in 2024 in the Global Innovation Index.",
                      store=store, published="2024-10-15")
    for span in ("81st", "39th"):
        place = exact(found, span)
        assert place.frame["entity_from"] == "assumed"
        assert place.verdict not in ACCUSING


def test_the_country_after_an_economy_is_that_economy(store):
    found = spot.spot("India keeps rising in the Global Innovation Index. The country has climbed from 81st in 2015 to "
                      "39th in 2024.", store=store, published="2024-10-15")
    place = exact(found, "39th")
    assert (place.entity, place.frame["entity_from"], place.verdict) == ("IND", "stated", "supported")


@pytest.mark.parametrize("sentence, span", [
    ("The Global Innovation Index 2024 places China at 14.", "14"),
    ("Global Innovation Index 2024: Switzerland (1), Sweden (2), the United States (3), China (12).", "(12)"),
    ("China moved up to 9 from 12 in the Global Innovation Index 2024.", "9"),
])
def test_a_bare_place_is_never_accused(store, sentence, span):
    """The words that place a bare number place other rankings' numbers too ("China stood at 1 in the Nature Index
    and at 10 in the GII", an income group's "China (1), Malaysia (2)"): which ranking it is in stays a guess, so a
    wrong one (China was 11th in 2024) is needs-review, with the reason, not contradicted."""
    figure = exact(spot.spot(sentence, store=store, published="2024-10-15"), span)
    assert figure.match.indicator == "gii_rank"
    assert figure.verdict == "needs-review"
    assert any("a bare number read as a place" in note for note in figure.frame["notes"])


@pytest.mark.parametrize("sentence, span", [
    # what the numbers in brackets are comes after the list
    ("The GII 2025 ranking shows China (24) ahead of the United States (22) in top-100 clusters.", "(24)"),
    ("In the GII 2025 ranking, China (57), Germany (60) and Japan (58) posted similar scores.", "(60)"),
    # what moved is counted after the number
    ("China rose to 26 hubs in the GII 2024 cluster ranking from 24 a year earlier.", "26"),
    ("China rose to 24 science and technology clusters in the GII 2025 ranking.", "24"),
    # a place in a field or in another ranking
    ("The GII 2025 ranks China 1 in domestic market scale.", "1"),
    ("China ranks 16 in the IMD ranking and 10 in the GII 2025.", "16"),
    ("China stood at 1 in the Nature Index and at 10 in the GII 2025.", "1"),
    ("In the GII 2025, China ranks 3 in the GII's market sophistication pillar.", "3"),
    # another measure in the sentence before
    ("Its PMI stood at 49 in August, though the GII ranks it 10th.", "49"),
    ("The China Innovation Index stood at 155 in 2022, and the GII ranking put China 11th.", "155"),
])
def test_no_bare_place_where_the_words_say_otherwise(store, sentence, span):
    figure = exact(spot.spot(sentence, store=store, published="2025-09-20"), span)
    assert figure.unit != "rank"
    assert figure.verdict not in ACCUSING


def test_an_index_of_prices_out_days_ago_names_no_edition(store):
    """Only the GII or a ranking said to be out days before the text names an edition by the text's year."""
    found = spot.spot("China ranked 12th in 2024 in the Global Innovation Index, the producer price index released on "
                      "Tuesday showed.", store=store, published="2025-09-18")
    assert exact(found, "12th").verdict == "contradicted"
