"""Pass 36 (issue 20): bare whole numbers placed in a ranking by a move's start after a place's noun ("improved its
ranking from 22 in 2017 to 17"), by a place's move on ("stood at 29, rising to 17 by 2018"), by a dated list of places
("17 by 2018, 14 by 2020 and 12 by 2023"), and in a sentence going on with a ranking an earlier sentence of its
paragraph named ("China ranked 11th in the Global Innovation Index 2024. In 2014, it stood at 29"). They had been read
as counts, matched to the count of the index's clusters or to no series. Which ranking such a place is in stays a
guess: never an accusation. Tested on phrasings of its own and on near wordings where the number stays a count."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, exact

GII_2024 = "China ranks 11th in the Global Innovation Index 2024.\n\n"
CHINA_SINCE_2014 = ("China ranked 11th in the Global Innovation Index 2024. In 2014, it stood at 29, rising to 17 by "
                    "2018, 14 by 2020 and 12 by 2023.")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass36")


@pytest.mark.parametrize("sentence, span, period", [
    # the move of pass 35's sentence, read as a count there because its sentence names no ranking
    ("India keeps rising in the Global Innovation Index. The country has climbed from 40 in 2023 to 39 in 2024.", "40",
     "2023"),
    # a place's noun, then its move's start
    ("China has improved its ranking from 22 in 2017 to 17 in 2018, according to the Global Innovation Index.", "22",
     "2017"),
    ("China has improved its ranking from 22 in 2017 to 17 in 2018, according to the Global Innovation Index.", "17",
     "2018"),
    ("China's rank in the Global Innovation Index rose from 29 in 2015 to 25 in 2016.", "29", "2015"),
    ("Its position in the GII rose from 14 in 2020 to 12 in 2021, WIPO said of China.", "14", "2020"),
    # a sentence going on with the ranking the one before named, its places moving on and listed by year
    (CHINA_SINCE_2014, "29", "2014"),
    (CHINA_SINCE_2014, "17", "2018"),
    (CHINA_SINCE_2014, "14", "2020"),
    (CHINA_SINCE_2014, "12", "2023"),
    # ... or the paragraph before named it (a column's one-sentence paragraphs)
    ("China now ranks 11 in the Global Innovation Index.\n\nIn 2014, it stood at 29, rising to 17 by 2018.", "17",
     "2018"),
    # a list of places after the first
    ("In the Global Innovation Index 2024, India and China achieved rankings of 39 and 11 respectively.", "11",
     "2024"),
])
def test_a_bare_number_placed_in_a_ranking_is_a_place(store, sentence, span, period):
    """China's GII places: 29th (2014, 2015), 25th (2016), 22nd (2017), 17th (2018), 14th (2019, 2020), 12th (2021,
    2023), 11th (2024); India's 40th (2023). Each bare number is read as that place, found and supported (they had been
    counts)."""
    figure = exact(spot.spot(sentence, store=store, published="2024-10-15"), span)
    entity = "IND" if sentence.startswith("India") else "CHN"
    assert (figure.unit, figure.match.indicator, figure.entity, figure.period) == ("rank", "gii_rank", entity, period)
    assert figure.verdict == "supported"


def test_a_place_said_after_the_ranking_sentence_is_never_accused(store):
    """China was 29th in 2014: "stood at 35" in the sentence after the ranking's is read as a place, but which
    ranking it is in is a guess (the sentence names none), so it is needs-review, not contradicted."""
    found = spot.spot("China ranked 11th in the Global Innovation Index 2024. In 2014, it stood at 35.",
                      store=store, published="2024-10-15")
    figure = exact(found, "35")
    assert (figure.unit, figure.match.indicator) == ("rank", "gii_rank")
    assert (figure.verdict, figure.frame["subject_from"]) == ("needs-review", "assumed")


@pytest.mark.parametrize("text, span", [
    # the ranking was named two paragraphs before: the text has moved on
    ("India ranked 39th in the Global Innovation Index 2024.\n\nIts economy grew 8.2% in 2023.\n\nThe country has "
     "climbed from 81 in 2015 to 39 in 2024.", "81"),
    # what the next sentence says is counted
    ("China ranked 11th in the Global Innovation Index 2024. It hosts 26 of the top 100 clusters.", "26"),
    ("China ranked 11th in the Global Innovation Index 2024. Exports stood at 300 in May.", "300"),
    # what follows "from" is counted
    ("The GII 2024 ranking drew on data from 133 economies.", "133 economies"),
    # a move with no place before it
    ("China ranked 11th in the Global Innovation Index 2024. Sales climbed 12, rising to 40 by May.", "40"),
    # after the index's sentence, another scale, another group or someone else placed (a review's findings)
    (GII_2024 + "The temperature in Geneva stood at 11.", "11"),
    (GII_2024 + "She was 52 and stood at 11 in the polls.", "11"),
    (GII_2024 + "In the IMD survey, it stood at 16.", "16"),
    (GII_2024 + "The yuan stood at 7.", "7"),
    (GII_2024 + "Among upper-middle-income economies, it stood at 1, the US at 3.", "3"),
    (GII_2024 + "Beijing stood at 3.", "3"),
    (GII_2024 + "Its position in trade moved from 32 to 1.", "32"),
    # another scale named with a preposition, a time the text does not name, someone's word for it
    (GII_2024 + "In the World Competitiveness Yearbook 2024, it stood at 14.", "14"),
    (GII_2024 + "It stood at 14 by Bloomberg's measure in 2024.", "14"),
    (GII_2024 + "It stood at 14 in 2024, Moody's said.", "14"),
    (GII_2024 + "A decade ago it stood at 35.", "35"),
    (GII_2024 + "It stood at 11 in August, the customs said.", "11"),
    (GII_2024 + "In South Asia, we stood at 5.", "5"),
    (GII_2024 + "Its standing as a creditor fell from 1 to 2.", "1"),
    # the index named two sentences before, a count between
    ("China ranks 11th in the Global Innovation Index 2024. In 2024, it had 26 of the top 100 clusters. In 2023, it "
     "stood at 24.", "24"),
])
def test_otherwise_a_bare_number_is_no_place(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2024-10-15"), span)
    assert figure.unit != "rank"
    assert figure.verdict not in ACCUSING


# --- a ratio to GDP said with other words -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value", [
    ("The United States devoted 3.4% of its economic output to research and development in 2023.", 3.4),
    ("In 2023, the United States spent 3.4 percent of its economy on R&D.", 3.4),
    ("China's GERD/GDP ratio was 2.65% in 2023.", 2.65),
    ("The share of GDP devoted to R&D in China reached 2.65% in 2023.", 2.65),
    ("The R&D share of GDP in China was 2.65% in 2023.", 2.65),
])
def test_a_ratio_to_gdp_in_other_words_is_rd_intensity(store, sentence, value):
    """"of its economic output", "of its economy" are GDP ("of GDP" was read, these were not: a bare percentage with
    no series); so are "GERD/GDP", "the share of GDP devoted to R&D". The US spent 3.45% of GDP on R&D in 2023 (World
    Bank), China 2.65% in 2023 (NBS)."""
    [figure] = spot.spot(sentence, store=store, published="2024-10-15")
    assert (figure.unit, figure.value) == ("percent of GDP", value)
    assert figure.match.indicator in ("rd_intensity", "GB.XPD.RSDV.GD.ZS")
    assert figure.verdict in ("supported", "supported-rounded")


def test_a_ratio_to_gdp_said_after_the_last_of_a_list_is_each_ones(store):
    """"the US spent 3.45% and China 2.65% of GDP on R&D": "of GDP" said once, after the last, is the first's too
    (assumed: never an accusation). The US spent 3.45% of GDP on R&D in 2023 (World Bank)."""
    found = spot.spot("In 2023 the US spent 3.45% and China 2.65% of GDP on research and development.", store=store,
                      published="2024-10-15")
    first = exact(found, "3.45%")
    assert (first.unit, first.match.indicator, first.entity) == ("percent of GDP", "GB.XPD.RSDV.GD.ZS", "USA")
    assert first.frame["measure_from"] == "assumed"
    assert first.verdict in ("supported", "supported-rounded")
    assert exact(found, "2.65%").verdict == "supported"


@pytest.mark.parametrize("sentence, span", [
    # the list's next item has its own measure
    ("In 2023 the US spent 3.45% and China's exports rose 2.65% of GDP.", "3.45%"),
    # the economy's own flows, not the economy
    ("Exports rose 3.4% as the economy's output grew.", "3.4%"),
    ("Services made up 54.6% of the economy's jobs in 2023.", "54.6%"),
])
def test_an_economys_own_part_is_no_ratio_to_gdp(store, sentence, span):
    figure = exact(spot.spot(sentence, store=store, published="2024-10-15"), span)
    assert figure.unit != "percent of GDP"


# --- a decline said with a gerund -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("gerund", ["decreasing", "shrinking", "dropping", "slipping", "contracting"])
def test_a_decline_said_with_a_gerund_keeps_its_sign(store, gerund):
    """WIPO: 272,600 PCT applications in 2023, down 1.8% on 2022. "decreasing 1.8% from the previous year" is -1.8%,
    supported (a fresh split's first run had read +1.8% and judged it contradicted: "falling" and "declining" were
    read as declines, "decreasing" was not)."""
    found = spot.spot(f"PCT applications worldwide came to 272,600 in 2023, {gerund} 1.8% from the previous year.",
                      store=store, published="2024-04-24")
    figure = exact(found, "1.8%")
    assert (figure.match.indicator, figure.value) == ("pct_applications_yoy_pct", -1.8)
    assert figure.verdict == "supported"


def test_a_gerund_moving_to_a_level_gives_no_sign(store):
    """"dropping to 13%" says where a level went, not a fall of 13%."""
    figure = exact(spot.spot("China's share of world exports was 14%, dropping to 13% in 2024.", store=store,
                              published="2025-04-24"), "13%")
    assert figure.value == 13
    assert figure.verdict not in ACCUSING


@pytest.mark.parametrize("text, span, value", [
    # a rate a decline went to or from is the rate's level (China's PCT filings +0.9% in 2024; CAAM's vehicle sales
    # +12% in 2023, +4.5% in 2024; customs' dollar exports -4.6% in 2023, +5.9% in 2024)
    ("China's PCT filings rose in 2024, slipping to 0.9% growth.", "0.9%", 0.9),
    ("China's exports fell 4.6% in 2023, before rising to 5.9% in 2024.", "5.9%", 5.9),
    ("China's exports, after dropping 4.6% in 2023, rebounded 5.9% in 2024.", "5.9%", 5.9),
    # ... and a fall's size said after "to" or "from" keeps its sign
    ("China's PCT filings decline amounted to 0.6% in 2023.", "0.6%", -0.6),
    ("Global PCT filings rose 0.5% in 2024, rising from a 1.8% fall in 2023.", "1.8%", -1.8),
    # a decline said of something else beside a rise
    ("Korea filed 22,012 PCT applications in 2022, increasing 6.2%, despite sliding exports.", "6.2%", 6.2),
    ("China's vehicle sales, rising 4.5% in 2024 amid plunging prices, hit 31.4 million.", "4.5%", 4.5),
])
def test_a_decline_word_near_a_rise_gives_it_no_sign(store, text, span, value):
    """Review of pass 36: the gerunds searched in a window around the rate flipped these rises (and the old "falling",
    "declining" already did before "to" and "from"): each was contradicted. A gerund signs the rate right after it
    only; a rate after "to" or "from" is a level the rate went to or from."""
    figure = exact(spot.spot(text, store=store, published="2025-04-24"), span)
    assert figure.value == value
    assert figure.verdict == "supported"


@pytest.mark.parametrize("text, span", [
    ("China's PCT filings rose in 2024, falling to 0.9% growth.", "0.9%"),
    ("China's vehicle sales grew 4.5% in 2024, declining from 12% growth in 2023.", "12%"),
])
def test_a_rate_after_to_or_from_beside_a_fall_word_is_never_accused(store, text, span):
    """"falling to 0.9% growth" (a rate that slowed to +0.9%) and "the decline amounted to 0.6%" (a fall of 0.6%) read
    alike: a rate said after "to" or "from" beside a word of decline may be either, so its sign is a guess (both
    were contradicted before the pass: the rates were read as falls)."""
    figure = exact(spot.spot(text, store=store, published="2025-04-24"), span)
    assert figure.verdict == "needs-review"
    assert "its sign is a guess" in figure.explanation


def test_a_fall_named_keeps_its_sign_after_to(store):
    """"the annual fall in imports eased to 7.3 percent": the rate is a fall's (customs: imports -7.3% in August 2023),
    said after "to" as a level it went to, negative all the same."""
    found = spot.spot("China's exports fell 8.8 percent in August. At the same time, the annual fall in imports eased to "
                      "7.3 percent from 12.4 percent a month ago.", store=store, published="2023-09-07")
    figure = exact(found, "7.3 percent")
    assert (figure.match.indicator, figure.value, figure.verdict) == ("goods_imports_usd_yoy_pct", -7.3, "supported")


@pytest.mark.parametrize("spender", ["The US government", "US industry", "US businesses", "Businesses in the US",
                                     "The US state"])
@pytest.mark.parametrize("said", ["of its economy", "of GDP"])
def test_a_sectors_spending_is_not_the_economys(store, spender, said):
    """"The US government spent 0.7% of its economy on R&D": the government's part, not the US's 3.45%: never
    contradicted on the whole (it had been, said "of GDP" too)."""
    figure = exact(spot.spot(f"{spender} spent 0.7% {said} on R&D in 2023.", store=store, published="2026-11-01"),
                    "0.7%")
    assert figure.match.indicator == "GB.XPD.RSDV.GD.ZS"
    assert figure.verdict == "needs-review"
    assert "a sector qualifies the subject" in figure.explanation


@pytest.mark.parametrize("said", ["of its economy", "of GDP"])
def test_a_share_of_gdp_spent_on_something_else_is_not_rd(store, said):
    """"China spent 1.7% of its economy on defence and 2.65% on R&D": the 1.7% is defence's, not R&D intensity's
    (it had been contradicted against 2.65%, said "of GDP" too)."""
    found = spot.spot(f"China spent 1.7% {said} on defence and 2.65% on R&D in 2023.", store=store,
                      published="2026-11-01")
    figure = exact(found, "1.7%")
    assert figure.match is None and figure.verdict == "unverifiable"


@pytest.mark.parametrize("text", [
    "China's share of GDP spent on R&D equipment was 0.4% in 2023.",
    "China spent 0.4% of GDP on R&D equipment in 2023.",
    "China spent 6.4% of its economy on R&D and education in 2023.",
    "The share of GDP spent on R&D by businesses in China was 2% in 2023.",
    "China's share of GDP invested in R&D infrastructure was 0.4% in 2023.",
    "The share of GDP spent on AI R&D in China was 0.3% in 2023.",
])
def test_a_part_of_rd_or_more_than_rd_is_never_judged_on_rd_intensity(store, text):
    """Third review of pass 36: R&D's name followed by a noun ("R&D equipment"), a second item ("R&D and education")
    or its spender ("by businesses"), or after a word narrowing it ("AI R&D"), is a part of R&D, more than R&D or
    someone's share: never contradicted against
    China's R&D intensity (2.65% in 2023). Said "of GDP", the start code contradicted these too."""
    [figure] = spot.spot(text, store=store, published="2025-10-01")
    assert figure.verdict == "needs-review"
    assert "the sentence narrows R&D" in figure.explanation


def test_rd_intensity_said_plainly_is_still_judged(store):
    """China's R&D intensity was 2.65% in 2023: "2.4%" of GDP spent on R&D is false, and said so."""
    [figure] = spot.spot("China's share of GDP spent on R&D was 2.4% in 2023.", store=store, published="2025-10-01")
    assert figure.verdict == "contradicted"


@pytest.mark.parametrize("text, span", [
    (GII_2024 + "By 2014 it stood at 29, 14 years after joining the WTO.", "14"),
    (GII_2024 + "A decade earlier it stood at 34.", "34"),
])
def test_years_after_and_earlier_are_no_places(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2024-10-15"), span)
    assert figure.unit != "rank"
