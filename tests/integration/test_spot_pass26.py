"""Mapping pass 26 (issue 20): general classes of wording found on the development detail of the pass and on a
reviewer's counter-examples, each tested on phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass26")


# --- the world's own flow is the world's figure -------------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("China's exports fell 4.6% in 2023 amid a 5% drop in global trade.", "5%"),
    ("China's exports fell 4.6% in 2023 as global trade shrank 5%.", "5%"),
    ("China's exports rose 0.6% in 2023, while global exports fell 5%.", "5%"),
    ("Exports grew 0.6% in 2023 while world trade fell 5%.", "5%"),
    ("China's exports rose 7% in 2023, outpacing a 2% rise in global exports.", "2%"),
    ("China's exports fell as global trade shrank 5% in 2023.", "5%"),
    ("China's exports fell 4.6% in 2023, unlike global exports, which fell 5%.", "5%"),
    ("China's exports fell 4.6% in 2023 as the world's trade shrank 5%.", "5%"),
    ("China's exports fell 4.6% in 2023 amid a 5% year-on-year drop in global trade.", "5%"),
    ("World exports and imports fell 5% and 4% respectively in 2023.", "5%"),
])
def test_a_figure_of_the_worlds_trade_is_not_chinas(store, text, span):
    """"amid a 5% drop in global trade" had been read as China's exports and supported (rounded) against China's
    -4.6%; a figure the text gives the world is never judged on China's series."""
    found = by_span(spot.spot(text, store=store, published="2024-01-20"), span)
    assert found.frame["entity"] == "WLD"
    assert found.match is None or found.match.entity == "WLD"
    assert found.verdict not in ("supported", "supported-rounded", "contradicted", "misleading")


@pytest.mark.parametrize("text, span", [
    ("China's politically sensitive global trade surplus widened by 82% over a year earlier to $88.2 billion.", "82%"),
    ("China's global exports rose 0.6% in 2023.", "0.6%"),
    ("China's exports fell 4.6% in 2023 amid a 5% drop in global trade.", "4.6%"),
    ("China posted a 7.1% rise in global exports in 2023.", "7.1%"),
    ("Chinese firms' global exports rose 7% in 2023.", "7%"),
    ("Chinese global exports rose 0.6% last year.", "0.6%"),
    ("China's exports fell 4.6% in 2023, while the world's second-largest economy's imports fell 5.5%.", "5.5%"),
])
def test_an_economys_own_flow_with_the_world_stays_its_own(store, text, span):
    """An owner before the world's words ("China's ... global trade surplus", "Chinese firms' global exports"), a
    change in the world's flow said as the main clause's own ("China posted a 7.1% rise in global exports"), or the
    figure outside the world's phrase: China's figure, as before (a reviewer's counter-examples)."""
    found = by_span(spot.spot(text, store=store, published="2023-04-15" if "82%" in text else "2024-01-20"), span)
    assert found.frame["entity"] == "CHN"
    assert found.match is not None and found.match.entity == "CHN"


@pytest.mark.parametrize("level", ["about $3.6 trillion", "about $30 trillion"])
def test_a_world_level_read_from_its_words_is_never_a_verdict(store, level):
    """"global exports were worth about $3.6 trillion" had been supported (rounded) on the world's high-technology
    exports, "$30 trillion" on goods and services: the world's series may count another coverage than the words."""
    text = f"China's exporters shipped goods worth $3.38 trillion in 2023, while global exports were worth {level}."
    found = by_span(spot.spot(text, store=store, published="2024-01-20"), level)
    assert found.frame["entity"] == "WLD"
    assert found.verdict in ("needs-review", "unverifiable")


# --- a move in a ranking said in the present or as a noun -------------------------------------------------------------

@pytest.mark.parametrize("text, span, published", [
    ("Ireland rises one rank to 18th in the Global Innovation Index 2025.", "one rank", "2025-09-20"),
    ("Ireland rises 1 rank to 18th in the Global Innovation Index 2025.", "1 rank", "2025-09-20"),
    ("France drops by one spot in the Global Innovation Index 2025.", "one spot", "2025-09-20"),
    ("India secured the 39th position in the Global Innovation Index 2024, a slight improvement of one rank from "
     "last year.", "one rank", "2024-10-01"),
])
def test_a_move_said_in_the_present_or_as_a_noun_is_read_with_its_direction(store, text, span, published):
    """"rises one rank", "drops by one spot", "an improvement of one rank": a move of one place, with its direction
    (the past tense alone had been read: "one rank" was not found, "1 rank" had no direction)."""
    found = by_span(spot.spot(text, store=store, published=published), span)
    assert (found.frame["transformation"], found.frame["change_of"]) == ("change", "rank")
    assert "a move in a ranking without its direction" not in found.frame["notes"]
    assert found.frame["sign"] == (1 if "drops" in text else -1)


@pytest.mark.parametrize("text", [
    "The index covers one rank of economies in each region.",
    "Exports rose in one spot of the country.",
])
def test_one_step_word_without_a_move_is_no_figure(store, text):
    assert not [c for c in spot.spot(text, store=store, published="2025-09-20") if c.span.startswith("one")]


@pytest.mark.parametrize("text, span, sign", [
    ("While Singapore slips, the UK moves up one place in the Global Innovation Index 2025.", "one place", -1),
    ("Even as Singapore slips, Germany moves up 2 places in the GII 2025.", "2 places", -1),
    ("As business investment drops, the UK improves one place in the GII 2025.", "one place", -1),
    ("Korea's score fell slightly in the GII 2025, but a rise of two places took it to 4th.", "two places", -1),
    ("Germany climbed in 2024 but slid two places in the GII 2025.", "two places", 1),
])
def test_a_moves_direction_is_the_nearest_in_its_clause(store, text, span, sign):
    """A reviewer's counter-examples: "slips" in another clause had made "moves up one place" a move down (and a false
    claim supported)."""
    found = by_span(spot.spot(text, store=store, published="2025-09-20"), span)
    assert found.frame["sign"] == sign


@pytest.mark.parametrize("text", [
    "The GII 2025 documents the rise of one rank of economies, the middle-income group.",
    "India advances one step further in its digital strategy, the GII 2025 shows.",
    "The United Kingdom falls one place short of the top five in the GII 2025.",
    "The United States gains one spot on its rivals in venture capital, the GII 2025 shows.",
])
def test_a_position_or_an_idiom_is_no_move(store, text):
    assert not [c for c in spot.spot(text, store=store, published="2025-09-20") if c.span.startswith("one")]


# --- the share of R&D in GDP is R&D intensity -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity, series", [
    ("The share of R&D in GDP in China reached 2.56% in 2022.", "2.56%", "CHN", "rd_intensity"),
    ("The share of R&D expenditure in China's GDP reached 2.64% in 2023.", "2.64%", "CHN", "rd_intensity"),
    ("Since 2000, the global share of R&D in total Gross Domestic Product (GDP) rose from under 1.5 per cent to nearly "
     "2 per cent by 2023.", "nearly 2 per cent", "WLD", "GB.XPD.RSDV.GD.ZS"),
])
def test_the_share_of_r_and_d_in_gdp_is_its_ratio_to_gdp(store, text, span, entity, series):
    """"the share of R&D in GDP" had found no series (or basic research's share of R&D): it is R&D intensity, read
    as "R&D intensity" is (no measure stated, so a revised figure is never accused)."""
    found = by_span(spot.spot(text, store=store, published="2024-06-01"), span)
    assert (found.frame["kind"], found.unit) == ("percent_of_gdp", "percent of GDP")
    assert (found.match.indicator, found.match.entity) == (series, entity)
    assert found.verdict not in ("contradicted", "misleading")


def test_the_share_of_a_part_in_r_and_d_stays_a_share(store):
    found = by_span(spot.spot("The share of basic research in R&D expenditure was 6.57 percent in 2022.", store=store,
                              published="2024-06-01"), "6.57 percent")
    assert found.match.indicator == "basic_research_share_pct"


# --- a share said with a verb of moving is the share's ----------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("China's share of global PCT filings rose to 25% in 2023.", "25%"),
    ("China's share of global PCT filings rose to 25.1% in 2023.", "25.1%"),
    ("China's share of global PCT filings rose from 20% in 2020 to 25% in 2023.", "20%"),
    ("China's share of global PCT filings rose from 20% in 2020 to 25% in 2023.", "25%"),
])
def test_a_share_that_moved_to_a_level_is_that_share(store, text, span):
    """"China's share of global PCT filings rose to 25%" had been contradicted as PCT filings' growth (a true figure
    called false): the share's level, judged as a share or not at all."""
    found = by_span(spot.spot(text, store=store, published="2024-06-01"), span)
    assert (found.frame["measure"], found.frame["transformation"]) == ("share", "share")
    assert found.verdict not in ("contradicted", "misleading")
    assert found.match is None or not found.match.indicator.endswith("_yoy_pct")


def test_a_change_of_a_share_is_held_nowhere(store):
    found = by_span(spot.spot("China's share of global PCT filings rose 3% in 2023.", store=store,
                              published="2024-06-01"), "3%")
    assert found.frame["measure"] == "share" and found.match is None and found.verdict == "unverifiable"


# --- dev106's first run: three false accusations, read and mended ---------------------------------------------------------

def test_a_sectors_part_is_never_accused_as_the_whole(store):
    """"Corporate spending on R&D soared to CNY1.9 trillion in 2020" had been contradicted on China's total R&D
    spending (2.44 trillion) once the text had named China: a sector's part of the total."""
    text = ("China's R&D investment keeps rising. Corporate spending on R&D soared to CNY1.9 trillion in 2020, "
            "according to a study.")
    found = by_span(spot.spot(text, store=store, published="2023-03-13"), "CNY1.9 trillion")
    assert found.verdict == "needs-review" and "sector" in found.explanation


@pytest.mark.parametrize("text", [
    "China's R&D investment keeps rising. Business R&D spending reached CNY1.9 trillion in 2020.",
    "China's R&D investment keeps rising. Government spending on R&D reached CNY1.9 trillion in 2020.",
])
def test_other_sectors_are_parts_too(store, text):
    assert by_span(spot.spot(text, store=store, published="2023-03-13"), "CNY1.9 trillion").verdict == "needs-review"


def test_an_economy_carried_from_a_city_name_is_never_accused(store):
    """"Beijing has continuously improved ... Statistics show that in 2022, the funds allocated for basic research
    amounted to CNY 47.07 billion": the economy carried from "Beijing" may be the city's (it was contradicted on
    China's basic research spending)."""
    text = ("Beijing has continuously improved its investment mechanisms for basic research. Statistics show that in "
            "2022, the funds allocated for basic research amounted to CNY 47.07 billion.")
    found = by_span(spot.spot(text, store=store, published="2023-09-22"), "CNY 47.07 billion")
    assert found.frame["entity_named_as"] == "Beijing"
    assert found.verdict == "needs-review" and "Beijing" in found.explanation


def test_a_change_noun_after_a_percentage_makes_it_a_growth(store):
    """"representing an 11.4 percent increase from the previous year" had been read as a share (after "representing")
    and contradicted on basic research's share of R&D."""
    text = ("In 2022, China's funds for basic research amounted to CNY 202.35 billion, representing an 11.4 percent "
            "increase from the previous year.")
    found = by_span(spot.spot(text, store=store, published="2023-09-22"), "11.4 percent")
    assert found.frame["transformation"] == "growth_rate"
    assert found.match.indicator.endswith("_yoy_pct")


# --- a review of the later changes: its counter-examples ------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("China's share of PCT filings saw a 3% increase in 2023.", "3%"),
    ("China's R&D spending in 2023 represented a 2.65 percent rise in its share of GDP.", "2.65 percent"),
    ("China posted a 10% rise in its share of global PCT filings in 2023.", "10%"),
])
def test_a_change_of_a_share_is_never_the_growth_of_what_it_shares(store, text, span):
    """A change noun after the figure had overridden the share (contradicted on PCT filings' or R&D's growth)."""
    found = by_span(spot.spot(text, store=store, published="2024-06-01"), span)
    assert found.frame["measure"] == "share" and found.verdict == "unverifiable"


@pytest.mark.parametrize("text", [
    "China's share of global PCT filings rose by 3 percentage points to 25% in 2023.",
    "China's share of global PCT filings rose slightly to 25% in 2023.",
    "China's share of global PCT filings has been rising and reached 25% in 2023.",
    "China's share of global PCT filings, which was 20% in 2019, rose to 25% in 2023.",
])
def test_a_share_reached_after_other_words_is_that_share(store, text):
    """Near variants of "rose to 25%" had been contradicted as PCT filings' growth (older faults a reviewer found)."""
    found = by_span(spot.spot(text, store=store, published="2024-06-01"), "25%")
    assert (found.frame["measure"], found.frame["transformation"]) == ("share", "share")
    assert found.verdict not in ("contradicted", "misleading")


def test_a_clause_word_ends_the_shares_noun_phrase(store):
    """"China's share of world exports slipped as exports dropped 4.6%": the exports' growth (it had become a change of
    the share and lost its support)."""
    found = by_span(spot.spot("China's share of world exports slipped as exports dropped 4.6% in 2023 in dollar terms.",
                              store=store, published="2024-06-01"), "4.6%")
    assert found.match.indicator == "goods_exports_usd_yoy_pct" and found.verdict == "supported"


def test_a_city_name_anywhere_in_the_naming_sentence_is_kept(store):
    """"Beijing, the Chinese capital, had a strong year": the last name was "Chinese", and the city was lost
    (contradicted on China's R&D growth)."""
    text = "Beijing, the Chinese capital, had a strong year. R&D spending rose 20% in 2023."
    found = by_span(spot.spot(text, store=store, published="2024-06-01"), "20%")
    assert found.frame["entity_named_as"] == "Beijing" and found.verdict == "needs-review"


# --- the level a sentence counts "since" a year moved from ---------------------------------------------------------------

@pytest.mark.parametrize("text, span, year", [
    ("Since 2018, China's R&D intensity rose from 2.14 per cent to 2.65 per cent by 2023.", "2.14 per cent", "2018"),
    ("China's R&D intensity has risen since 2018 from 2.14 per cent to 2.65 per cent in 2023.", "2.14 per cent", "2018"),
])
def test_a_level_moved_from_since_a_year_is_of_that_year(store, text, span, year):
    """It had been dated 2023, the "to" level's year (assumed: "since 2018" may count from the end of 2018)."""
    found = by_span(spot.spot(text, store=store, published="2024-06-01"), span)
    assert (found.frame["period"], found.frame["period_from"]) == (year, "assumed")
    assert found.verdict not in ("contradicted", "misleading")


def test_a_start_with_its_own_year_keeps_it(store):
    text = "Exports have grown every year since 2018, rising from $2.5 trillion in 2019 to $3.4 trillion in 2023."
    assert by_span(spot.spot(text, store=store, published="2024-06-01"), "$2.5 trillion").frame["period"] == "2019"
