"""Pass 42 (issue 20): the world's imports from China read as China's exports; a window of twelve months opening the
sentence ("The last 12 months saw ..."); a cluster's place after words of its move ("moved up a spot to third place",
"shot up from 21st to eighth place") and in a list of "their respective" places. Tested on phrasings of our own and on
near wordings whose reading must not change."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, exact


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass42")


# -- the world's imports from China -------------------------------------------------------------------------------

def test_the_worlds_imports_from_china_are_chinas_exports(store):
    """Ember: China's panel exports summed over 2023 are 209.3 GW and over 2022 about 155 GW; both the figure and its
    base are read as China's exports to the world, never accused (a mirror figure: imports carry freight)."""
    found = spot.spot("In 2023, the world imported 208 GW of modules from China, up from 154.8 GW in 2022.",
                      store=store, published="2024-01-30")
    for span, year in (("208 GW", "2023"), ("154.8 GW", "2022")):
        figure = exact(found, span)
        assert (figure.match.indicator, figure.match.period, figure.entity) == (
            "solar_exports_capacity", year, "CHN"), figure.explanation
        assert figure.frame["measure_from"] == "assumed" and figure.verdict not in ACCUSING


def test_the_worlds_imports_in_a_text_on_chinas_exports_of_them_are_chinas_exports_assumed(store):
    """InfoLink writes "the world imported" for China's customs exports: in a text on China's module exports, the
    world's module imports are read as those exports, the economy assumed (never an accusation)."""
    found = spot.spot("China exported 16.2 GW of modules in December 2023. In 2023, the world imported 208 GW of "
                      "modules, a 34% year-on-year increase from 2022's 154.8 GW.", store=store, published="2024-01-30")
    for span, year in (("208 GW", "2023"), ("34%", "2023"), ("154.8 GW", "2022")):
        figure = exact(found, span)
        assert (figure.match.indicator, figure.match.period, figure.entity) == (
            "solar_exports_capacity", year, "CHN"), figure.explanation
        assert figure.verdict not in ACCUSING
    assert exact(found, "208 GW").frame["entity_from"] == "assumed"


@pytest.mark.parametrize("text, span", [
    ("Global module imports rose to 300 GW in 2023.", "300 GW"),  # from everywhere, not from China
    # a text on another economy's exports of other goods
    ("India's exports of cars rose 5% in 2023. In 2023, the world imported 208 GW of modules.", "208 GW"),
    ("The world imported 250 GW of modules from China and Vietnam in 2023.", "250 GW"),  # another origin beside China
])
def test_the_worlds_imports_not_said_to_come_from_china_alone_are_not_chinas_exports(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2024-01-30"), span)
    assert figure.match is None or figure.match.indicator != "solar_exports_capacity", figure.explanation


# -- a window of twelve months opening the sentence ---------------------------------------------------------------

def test_the_last_twelve_months_opening_the_sentence_are_the_figures_window(store):
    """Ember: Africa's panel imports from China rose about 60% in the twelve months to mid-2025 (a growth on the
    window before, derived from monthly rows); the window is assumed to end with the month before the text."""
    found = spot.spot("African countries are importing a record volume of solar panels from China. The last 12 "
                      "months saw a 60% spike in imports across the continent.", store=store, published="2025-08-26")
    figure = exact(found, "60%")
    assert (figure.match.indicator, figure.match.period) == ("solar_exports_capacity", "2024-08/2025-07"), \
        figure.explanation
    assert figure.frame["counterpart"] == "region:Africa" and figure.verdict not in ACCUSING


# -- a cluster's place after words of its move --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span, cluster, period", [
    # WIPO's cluster ranking 2023: Seoul third (fourth in 2022)
    ("In WIPO's 2023 ranking of science and technology clusters, Seoul moved up a spot to third place.", "third",
     "cluster:Seoul", "2023"),
    # 2025: London eighth (20th in 2023)
    ("In the 2025 ranking of science and technology clusters, London has shot up from 21st to eighth place.",
     "eighth", "cluster:London", "2025"),
    # 2023: Tokyo-Yokohama first, Shenzhen-Hong Kong-Guangzhou second, as in 2022
    ("In the 2023 cluster ranking, the Tokyo-Yokohama and Shenzhen-Hong Kong-Guangzhou clusters kept their respective "
     "first and second places.", "first", "cluster:Tokyo–Yokohama", "2023"),
    ("In the 2023 cluster ranking, the Tokyo-Yokohama and Shenzhen-Hong Kong-Guangzhou clusters kept their respective "
     "first and second places.", "second places", "cluster:Shenzhen–Hong Kong–Guangzhou", "2023"),
])
def test_a_clusters_place_after_words_of_its_move_or_in_a_respective_list(store, sentence, span, cluster, period):
    figure = exact(spot.spot(sentence, store=store, published="2025-10-01"), span)
    assert (figure.match.indicator, figure.match.product, figure.match.period, figure.verdict) == (
        "cluster_rank", cluster, period, "supported"), figure.explanation


def test_places_of_clusters_named_in_quotes_one_after_another(store):
    """WIPO's cluster ranking 2024: Tokyo-Yokohama first, Shenzhen-Hong Kong-Guangzhou second, Beijing third; a place
    followed by "and" and the next name ends its phrase as a full stop does."""
    found = spot.spot("In WIPO's 2024 ranking of science and technology clusters, “Tokyo-Yokohama” was selected as the "
                      "number one cluster in the world. It was followed by “Shenzhen-Hong Kong-Guangzhou” in second "
                      "place and “Beijing” in third place.", store=store, published="2024-10-01")
    for span, cluster in (("number one", "cluster:Tokyo–Yokohama"),
                          ("second place", "cluster:Shenzhen–Hong Kong–Guangzhou"), ("third", "cluster:Beijing")):
        figure = exact(found, span)
        assert (figure.match.product, figure.match.period, figure.verdict) == (cluster, "2024", "supported"), \
            figure.explanation


def test_the_place_a_cluster_moved_from_is_not_its_place_now(store):
    """"Beijing fell from third to fourth" in 2023: the third place was 2022's, never judged as 2023's."""
    found = spot.spot("In the 2023 ranking of science and technology clusters, Beijing fell from third to fourth.",
                      store=store, published="2023-10-01")
    assert exact(found, "fourth").match.product == "cluster:Beijing"
    earlier = exact(found, "third")
    assert earlier.verdict not in ACCUSING
    assert earlier.match is None or earlier.match.product != "cluster:Beijing" or earlier.match.period != "2023"


# -- a ratio to GDP said without its numerator, after R&D ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "South Korea's research and development spending rose 7% in 2022, and its ratio compared to GDP reached 4.85%.",
    "In 2022 South Korea recorded a research and development cost ratio of 4.85% compared to the gross domestic product.",
])
def test_a_ratio_to_gdp_after_rd_is_rd_intensity(store, text):
    """World Bank: South Korea's R&D spending was 4.85% of GDP in 2022 (GB.XPD.RSDV.GD.ZS, 4.84753)."""
    figure = exact(spot.spot(text, store=store, published="2023-12-29"), "4.85%")
    assert (figure.match.indicator, figure.match.period, figure.entity, figure.verdict) == (
        "GB.XPD.RSDV.GD.ZS", "2022", "KOR", "supported-rounded"), figure.explanation


@pytest.mark.parametrize("text, span", [
    ("South Korea's R&D spending rose 7% in 2022, while the debt ratio compared to GDP reached 49%.", "49%"),
    ("South Korea's exports rose 7% in 2022, and their ratio compared to GDP reached 44%.", "44%"),
    ("South Korea's R&D spending rose 7% in 2022, and its ratio compared to GDP growth was 2.1%.", "2.1%"),
])
def test_a_ratio_to_gdp_of_something_else_is_not_rd_intensity(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2023-12-29"), span)
    assert figure.match is None or figure.match.indicator != "GB.XPD.RSDV.GD.ZS", figure.explanation



# -- mends after the reviews ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("growth", ["an increase of 25%", "a 25% jump", "a 25% spike"])
def test_a_growth_after_two_dated_levels_is_of_the_later_year(store, growth):
    """MIIT: lithium-ion battery output grew 25% in 2023 (750 GWh in 2022 to 940 GWh in 2023): the growth after the two
    levels had been read against 2022's rate and called false (a reviewer's case)."""
    found = spot.spot(f"Lithium-ion battery output in China reached 750 GWh in 2022 and 940 GWh in 2023, {growth}.",
                      store=store, published="2024-03-01")
    figure = exact(found, "25%")
    assert (figure.match.period, figure.verdict) == ("2023", "supported"), figure.explanation


@pytest.mark.parametrize("text, span", [
    ("The world imported 209 GW of solar panels in 2023, most of them made in China.", "209 GW"),
    ("China exported 237 GW of modules in 2024. The world imported 240 GW of modules from all suppliers in 2024.",
     "240 GW"),
    ("China exported $3.58 trillion of goods in 2024. The world imported $24 trillion of goods in 2024.",
     "$24 trillion"),
])
def test_the_worlds_imports_partly_or_of_everything_are_not_chinas_exports(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2025-03-01"), span)
    assert figure.match is None or figure.match.indicator not in ("solar_exports_capacity", "goods_exports"), \
        figure.explanation


@pytest.mark.parametrize("sentence, span", [
    ("The Shenzhen–Hong Kong–Guangzhou and Beijing clusters kept their respective first and second places among "
     "Chinese clusters in 2025.", "second places"),  # Beijing was 4th in the world
    ("The Beijing and Shanghai–Suzhou clusters kept their respective second and third places in China in 2024.",
     "third"),  # Shanghai–Suzhou was 5th in the world
    ("Switzerland and Sweden kept their respective first and second places in the GII's human capital and research "
     "pillar in 2022.", "second places"),  # Sweden was 3rd overall
])
def test_places_in_a_part_of_a_ranking_are_never_judged_on_the_whole(store, sentence, span):
    figure = exact(spot.spot(sentence, store=store, published="2025-10-01"), span)
    assert figure.verdict not in ACCUSING and figure.verdict not in ("supported", "supported-rounded"), \
        figure.explanation


def test_the_last_twelve_months_seen_in_january_are_the_calendar_year(store):
    """GACC: exports fell 4.6% to $3.38 trillion in 2023; in January 2024 "the last 12 months" are 2023."""
    found = spot.spot("The last 12 months saw China's exports fall 4.6% to $3.38 trillion.", store=store,
                      published="2024-01-13")
    for span in ("4.6%", "$3.38 trillion"):
        figure = exact(found, span)
        assert (figure.match.period, figure.verdict) == ("2023", "supported"), figure.explanation


@pytest.mark.parametrize("text, span", [
    ("China's R&D expenditure rose 8.1% in 2023; meanwhile, the ratio compared to GDP for the country's foreign "
     "reserves fell to 18 percent.", "18 percent"),
    ("China's R&D spending in 2023 rose faster than the economy; outbound investment's ratio compared to GDP was "
     "only 0.8%.", "0.8%"),
    ("China's R&D spending grew strongly in 2023, and the ratio to GDP rose 3.5 percent from a year earlier.",
     "3.5 percent"),
    ("Unlike R&D, which is booming, China's climate finance ratio compared to GDP remains below 1 percent.",
     "below 1 percent"),
])
def test_other_ratios_to_gdp_beside_rd_are_not_rd_intensity(store, text, span):
    """Reviewers' cases: these had been called false against China's R&D intensity."""
    figure = exact(spot.spot(text, store=store, published="2024-11-01"), span)
    assert figure.verdict not in ACCUSING, figure.explanation
    assert figure.match is None or figure.match.indicator not in ("rd_intensity", "GB.XPD.RSDV.GD.ZS")


def test_rd_intensity_read_from_a_bare_ratio_is_never_an_accusation(store):
    """The ministry's 4.96% for 2023 against the World Bank's 4.94: the words say 'the ratio', not whose; assumed."""
    found = spot.spot("Korea's total research and development expenditure reached 119.7 trillion won in 2023, and the "
                      "ratio compared to GDP rose to 4.96%.", store=store, published="2026-09-01")
    figure = exact(found, "4.96%")
    assert figure.match.indicator in ("GB.XPD.RSDV.GD.ZS", "rd_intensity") and figure.verdict not in ACCUSING


# -- mends after the second review -----------------------------------------------------------------------------------

def test_a_growth_after_dated_levels_and_before_a_comparison_is_of_the_last_level(store):
    """MIIT: output grew more than 130% in 2022 (324 GWh in 2021 to 750 GWh) and 25% in 2023: "a 130% jump, compared
    with 25% in 2023" is 2022's (it had been judged on 2021 and called false)."""
    found = spot.spot("China made 324 GWh of lithium batteries in 2021 and 750 GWh in 2022, a 130% jump, compared "
                      "with 25% in 2023.", store=store, published="2024-03-01")
    figure = exact(found, "130%")
    assert figure.match.period == "2022" and figure.verdict not in ACCUSING, figure.explanation


@pytest.mark.parametrize("text", [
    "The world imported 237 GW of solar panels from China and other Asian suppliers in 2024.",
    "The world imported 237 GW of solar panels from China and elsewhere in 2024.",
    "The world imported 237 GW of solar panels in 2024 from China-owned factories in Southeast Asia.",
])
def test_the_worlds_imports_from_china_and_more_are_not_chinas_exports(store, text):
    figure = exact(spot.spot(text, store=store, published="2025-01-25"), "237 GW")
    assert figure.match is None or figure.match.indicator != "solar_exports_capacity", figure.explanation


@pytest.mark.parametrize("sentence", [
    "Of the clusters located in China, Beijing came second in 2024.",
    "Within China, Beijing was the second-largest cluster in 2024.",
    "Beijing ranked second among China's clusters in 2024.",
    "In terms of scientific output, Beijing ranks first among the world's S&T clusters in 2024.",
    "Per capita, the Beijing cluster ranked 20th among S&T clusters in 2024.",
])
def test_a_clusters_place_in_a_part_or_view_of_the_ranking_is_never_accused(store, sentence):
    """WIPO 2024: Beijing third in the world; these places are in China, in a view of the ranking or per head."""
    for figure in spot.spot(sentence, store=store, published="2024-10-01"):
        assert figure.verdict not in ACCUSING, figure.explanation


@pytest.mark.parametrize("sentence, span, cluster", [
    ("Beijing took third place in WIPO's 2024 ranking of science and technology clusters.", "third", "cluster:Beijing"),
    ("Beijing secured third place in the 2024 cluster ranking, while Seoul kept fourth place among clusters.",
     "fourth", "cluster:Seoul"),
])
def test_the_world_ranking_named_in_other_words_is_still_the_world_ranking(store, sentence, span, cluster):
    figure = exact(spot.spot(sentence, store=store, published="2024-10-01"), span)
    assert (figure.match.product, figure.verdict) == (cluster, "supported"), figure.explanation


@pytest.mark.parametrize("sentence, published", [
    ("China ranked first in the upper-middle-income group of the GII 2025, with Malaysia second and Türkiye third.",
     "2025-09-17"),
    ("In the GII 2023, India ranked first among lower-middle-income economies, with Vietnam second and Ukraine third.",
     "2023-09-28"),
])
def test_places_listed_after_a_place_in_a_group_are_in_that_group(store, sentence, published):
    """Türkiye was 43rd and Vietnam 46th overall: their places in the income group had been called false."""
    for figure in spot.spot(sentence, store=store, published=published):
        assert figure.verdict not in ACCUSING and figure.match is None, figure.explanation


@pytest.mark.parametrize("text, span", [
    ("R&D outlays rose in 2024; pension assets also grew, with the ratio to GDP at 2.7 percent.", "2.7 percent"),
    ("R&D spending rose in 2024; education spending held its ratio to GDP above 4 percent.", "above 4 percent"),
    ("China's R&D spending rose 8.1% in 2023, while the pension fund's ratio to GDP was only 2.5%.", "2.5%"),
])
def test_a_ratio_to_gdp_of_a_numerator_named_after_rd_is_not_rds(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2025-03-05"), span)
    assert figure.match is None, figure.explanation
