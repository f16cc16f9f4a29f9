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


# --- Taiwan and Macao are economies of their own ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity", [
    ("Taiwan's exports rose 9.9% in 2024.", "9.9%", "TWN"),
    ("China's exports rose 5.9% in 2024. Taiwan's exports rose 9.9% in 2024.", "9.9%", "TWN"),
    ("In 2024, Taiwan posted a trade surplus of $80.6 billion.", "$80.6 billion", "TWN"),
    ("Taiwan's R&D spending was 3.6 per cent of GDP in 2022.", "3.6 per cent", "TWN"),
    ("Macau's GDP grew 8.8% in 2024.", "8.8%", "MAC"),
])
def test_taiwans_and_macaos_figures_are_never_chinas(store, text, span, entity):
    """The economies table names them "Taiwan (China)" and "Macao (SAR of China)", so "Taiwan" alone named no place and
    its figures were read as China's (the text's default), matched to China's series. They are their own economies,
    which the store does not hold: unverifiable, never set against China's figure."""
    found = by_span(spot.spot(text, store=store, published="2025-03-01"), span)
    assert found.frame["entity"] == entity
    assert found.match is None or found.match.entity != "CHN"
    assert found.verdict == "unverifiable"


def test_chinas_own_figure_beside_taiwan_stays_chinas(store):
    """"China's exports to Taiwan": Taiwan is the partner; China's total in the same sentence is still China's."""
    found = spot.spot("China's exports to Taiwan fell 2% in 2024, while total exports rose 5.9%.", store=store,
                      published="2025-03-01")
    assert by_span(found, "5.9%").match.entity == "CHN"
    assert by_span(found, "5.9%").verdict in ("supported", "supported-rounded")


# --- a percentage of GDP said once for a list of economies -------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity", [
    ("South Korea spent 4.9 per cent of its GDP on R&D in 2022, against 3.4 per cent in the United States and 2.4 per "
     "cent in China.", "3.4 per cent", "USA"),
    ("The United States spent 3.5% of GDP on R&D in 2022, China 2.4% and Japan 3.4%.", "3.4%", "JPN"),
    ("Korea's R&D expenditure stood at 4.9 per cent of GDP in 2022, well above the global average of 2.6 per cent.",
     "2.6 per cent", "WLD"),
    ("Compared to countries such as Germany (3.1 per cent) and South Korea (4.8 per cent), India's spend on R&D as a "
     "share of gross domestic product (GDP) is barely 0.65 per cent.", "4.8 per cent", "KOR"),
])
def test_another_economys_percentage_listed_after_a_ratio_to_gdp_is_that_ratio(store, text, span, entity):
    """The denominator is said once for the list; each economy's percentage is the same ratio for its own economy
    ("the global average" is the world's), matched to the ratio's series, the denominator assumed: never an
    accusation."""
    found = by_span(spot.spot(text, store=store, published="2024-09-03"), span)
    assert found.frame["entity"] == entity and found.frame["kind"] == "percent_of_gdp"
    assert found.match is not None and found.match.indicator in ("GB.XPD.RSDV.GD.ZS", "rd_intensity")
    assert found.verdict not in ("contradicted", "misleading")


def test_a_listed_ratio_that_disagrees_is_not_an_accusation(store):
    """China's 2022 intensity was 2.54% (NBS), 2.49% (World Bank): "2.4 per cent in China", its denominator only
    carried from the list, is needs-review, not contradicted."""
    found = by_span(spot.spot("South Korea spent 4.9 per cent of its GDP on R&D in 2022, against 2.4 per cent in "
                              "China.", store=store, published="2024-09-03"), "2.4 per cent")
    assert found.frame["kind"] == "percent_of_gdp" and found.verdict == "needs-review"


@pytest.mark.parametrize("text, span", [
    ("China spent 2.6% of GDP on R&D in 2023, while US spending grew 5%.", "5%"),
    ("China spent 2.6% of GDP on R&D in 2023, and the US accounted for 30% of the world total.", "30%"),
    ("China spent 2.6% of GDP on R&D in 2023, and its spending rose 8.3%.", "8.3%"),
])
def test_a_growth_or_share_listed_after_a_ratio_to_gdp_keeps_its_own_reading(store, text, span):
    """A percentage with its own words of growth or share, or of the same economy, is not the listed ratio."""
    found = by_span(spot.spot(text, store=store, published="2024-09-03"), span)
    assert found.frame["kind"] != "percent_of_gdp"


# --- a dollar growth series that lacks the period is not replaced by summed dollar levels ------------------------------

@pytest.mark.parametrize("text", [
    "Solar exports fell 24% in March from their level in February, in dollar terms.",
    "PV exports fell 30% in the first quarter from the fourth quarter, to $6.9 billion.",
    "Solar exports from Southeast Asia fell 24% in March in dollar terms.",
    "Solar exports fell 24% in March in dollar terms, excluding Europe.",
])
def test_a_dollar_growth_with_its_own_base_or_scope_is_not_supported_from_summed_levels(store, text):
    """A reviewer's counter-examples to a rule tried in this pass and withdrawn: the growth of Ember's dollar values
    summed over products compares with the same period a year before, whatever base, region or scope the text gives;
    putting it before customs' dollar growth series (annual only) supported such figures wrongly."""
    growth = next(c for c in spot.spot(text, store=store, published="2025-04-25") if c.unit == "percent")
    assert growth.verdict not in ("supported", "supported-rounded", "contradicted", "misleading")


# --- a reviewer's counter-examples -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, period", [
    # "respectively" pairs another list: the two months are one period (customs' first release of a year)
    ("China's exports of solar modules and cells were worth $5.3 billion and $521 million, respectively, in January "
     "and February.", "$5.3 billion", "2024-01/2024-02"),
    ("China's module exports were worth $5.3 billion and $3.0 billion in January and February, and in March, "
     "respectively.", "$5.3 billion", "2024-01/2024-02"),
    # only the run next to the list
    ("China exported 9.7 GW and 3.1 GW of modules in March, and 7.6 GW and 2.6 GW in January and February, "
     "respectively.", "9.7 GW", "2024-03"),
])
def test_a_month_list_gives_periods_only_to_the_run_it_closes(store, text, span, period):
    assert by_span(spot.spot(text, store=store, published="2024-06-10"), span).frame["period"] == period


def test_a_month_list_takes_no_year_from_another_figure(store):
    """"... in March and April, respectively, down from $4.8 billion and $4.0 billion in the same months of 2023":
    2023 is the bases' year; the listed months get no year from it (and no accusation on one)."""
    found = spot.spot("China's module exports fell to $3.0 billion and $2.7 billion in March and April, respectively, "
                      "down from $4.8 billion and $4.0 billion in the same months of 2023.", store=store,
                      published="2024-06-10")
    for span in ("$3.0 billion", "$2.7 billion"):
        assert by_span(found, span).frame["period"] not in ("2023-03", "2023-04")
        assert by_span(found, span).verdict not in ("contradicted", "misleading")


@pytest.mark.parametrize("text, span", [
    ("China's R&D spending reached 2.65% of GDP in 2023, while the United States kept a 3.4% average tariff.", "3.4%"),
    ("South Korea devoted 4.9% of GDP to R&D in 2023, while the US CPI stood at 3.4%.", "3.4%"),
    ("China spent 2.65% of its GDP on R&D in 2023, while Canadian firms raised prices by 1.8%.", "1.8%"),
    ("China's exports equalled 19.7% of GDP in 2023, while in the United States about 11% of workers were unionised.",
     "11%"),
    ("With inflation in the United States (3.4 per cent) and Japan (3.2 per cent) running high in 2023, China's R&D "
     "spending as a share of GDP was 2.65 per cent.", "3.4 per cent"),
    ("China's R&D spending was 2.65% of GDP in 2023, while Japan held 3.4% of its reserves in gold.", "3.4%"),
    ("China spent 2.6% of GDP on R&D in 2023, while US inflation stayed below 3%.", "3%"),
])
def test_a_percentage_with_words_of_its_own_is_no_listed_ratio_to_gdp(store, text, span):
    """A reviewer's counter-examples, once supported as another economy's R&D intensity: a percentage with a measure
    of its own around it (a tariff, prices, inflation, a share of workers) is not an item of the list."""
    found = by_span(spot.spot(text, store=store, published="2024-09-03"), span)
    assert found.frame["kind"] != "percent_of_gdp"
    assert found.verdict not in ("supported", "supported-rounded", "contradicted", "misleading")


def test_mainland_china_is_china(store):
    found = by_span(spot.spot("Mainland China's exports fell 4.6% in 2023.", store=store, published="2024-09-03"), "4.6%")
    assert found.frame["entity"] == "CHN" and found.verdict in ("supported", "supported-rounded")


@pytest.mark.parametrize("text, span, entity", [
    ("Greece's exports rose 3.2% in dollar terms in 2024; exports from the mainland rose 5.9%, and from the islands 8%.",
     "5.9%", "GRC"),
    ("Hong Kong's exports rose 8.7% to $573 billion in 2024 as demand from the mainland recovered.", "$573 billion",
     "HKG"),
])
def test_the_mainland_alone_is_not_china(store, text, span, entity):
    """"the mainland" is another economy's mainland in another text (a reviewer's counter-examples): not China."""
    assert by_span(spot.spot(text, store=store, published="2025-04-25"), span).frame["entity"] == entity


# --- whose figure: an aside's place, a place after a verb of comparison ------------------------------------------------

@pytest.mark.parametrize("text, span, entity", [
    ("China, which claims Taiwan as its own territory, saw exports rise 8.6% in June.", "8.6%", "CHN"),
    ("China, which borders India, saw exports rise 8.6% in June.", "8.6%", "CHN"),
    ("China's R&D intensity of 2.65% in 2023 trailed Taiwan, South Korea and Japan.", "2.65%", "CHN"),
    ("China's R&D intensity of 2.65% in 2023 trailed South Korea and Japan.", "2.65%", "CHN"),
    # the aside holds the figure: its own economy
    ("Japan, whose exports fell 3% in 2023, lost its place.", "3%", "JPN"),
    # the aside follows no place: its place may own the figure (a reviewer's counter-examples)
    ("The data, which Germany's statistics office published on Friday, showed R&D spending reached 3.1% of GDP in "
     "2022.", "3.1%", "DEU"),
    ("Exports, which Vietnam's customs agency tallies monthly, rose 14.3% in 2024.", "14.3%", "VNM"),
    # a verb of comparison only before its object
    ("In South Korea, R&D spending was 4.9% of GDP in 2022; spending of 3.4% of GDP beat expectations in Japan.",
     "3.4%", "JPN"),
])
def test_a_place_in_an_aside_or_after_a_verb_of_comparison_is_not_whose_figure(store, text, span, entity):
    """A relative clause between commas that does not hold the figure, or a place after "trailed", "exceeded",
    "overtook", names another economy than the figure's (a reviewer's counter-examples once Taiwan became a place)."""
    assert by_span(spot.spot(text, store=store, published="2024-09-03"), span).frame["entity"] == entity


def test_the_economy_overtaken_does_not_top_the_list(store):
    """dev122's first run's one false accusation (its span and paragraph read): "China overtook the United States ...
    to top the list of countries with the highest number of science and technology clusters" was a leader claim for
    the United States, contradicted. The economy after "overtook" is the one overtaken: China leads."""
    found = spot.spot("The Global Innovation Index 2023 showed that China overtook the United States for the first time "
                      "last year to top the list of countries with the highest number of science and technology "
                      "clusters among the top 100.", store=store, published="2024-01-05")
    leader = by_span(found, "the highest number of science and technology clusters")
    assert leader.frame["entity"] == "CHN"
    assert leader.verdict not in ("contradicted", "misleading")


def test_a_superseded_estimate_says_so_when_contradicted(store):
    """NBS first put 2023's R&D spending growth at 8.1% (preliminary), then at 8.4% (final, 2024-10-02). A text of
    2025 quoting 8.1% is contradicted, as the drafting rule has it, but the explanation now says the figure matches
    the release before the revision; a figure no release held gets no such note."""
    quoted = spot.spot("China's R&D spending rose 8.1% in 2023.", store=store, published="2025-04-14")[0]
    assert quoted.verdict == "contradicted"
    assert "matches the release before 2024-10-02" in quoted.explanation
    wrong = spot.spot("China's R&D spending rose 9.9% in 2023.", store=store, published="2025-04-14")[0]
    assert wrong.verdict == "contradicted" and "matches the release before" not in wrong.explanation
