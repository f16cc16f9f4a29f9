"""Pass 38 (issue 20): a growth's base said as a month with its year ("a 32% increase compared to December 2022",
"55% growth on January 2022"): the month before makes the growth month on month, the same month a year before year on
year, and neither is the figure's own period; and economies' places in the Global Innovation Index listed one item
a line under a lead-in ("- Switzerland (1)", "- China: 11"), read as places when the numbers rise as written. Tested
on phrasings of its own and on near wordings whose reading must not change."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, exact

SUPPORTING = ("supported", "supported-rounded")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass38")


# -- a growth's base, a month with its year ----------------------------------------------------------------------

MONTHS_TEXT = ("China's module exports came to 15.3 GW in January, a 24% increase compared to December 2022 and 32% "
               "growth on January 2022. In February, exports reached 14.9 GW, a slight fall compared to January and "
               "a 2% decrease compared to February 2022.")


@pytest.mark.parametrize("span, period, base", [
    ("15.3 GW", "2023-01", ""),
    ("24%", "2023-01", "2022-12"),  # the month before: month on month
    ("32%", "2023-01", ""),  # the same month a year before: year on year (the default base)
    ("14.9 GW", "2023-02", ""),
    ("2%", "2023-02", ""),  # its own base after it is a year before, whatever the clause before compared with
])
def test_a_base_month_with_its_year_is_no_period_of_the_figure(store, span, period, base):
    """Ember holds China's module exports by month (15.33 GW in January 2023, 12.40 GW in December 2022, 11.58 GW in
    January 2022): "on January 2022" had dated the rate and the level before it in 2022."""
    figure = exact(spot.spot(MONTHS_TEXT, store=store, published="2023-03-30"), span)
    assert figure.period == period
    assert (figure.match.base_period if figure.match else "") == base
    assert figure.verdict not in ACCUSING


def test_month_on_month_with_the_year_is_judged_from_the_month_before(store):
    figure = exact(spot.spot(MONTHS_TEXT, store=store, published="2023-03-30"), "24%")
    assert figure.match.indicator == "solar_exports_capacity" and figure.match.derivation == "growth"
    assert "2022-12" in figure.explanation and figure.verdict in SUPPORTING  # 15,331.9 / 12,401.9 − 1 = +23.6%


@pytest.mark.parametrize("text", [
    "China's solar module exports to Pakistan in March 2024 were up on March 2023 ($197 million).",
    "China's solar module exports to Pakistan in March 2024 were up 87% on March 2023 ($197 million).",
    "China's solar module exports to Pakistan in March 2024 were up 87% from March 2023 ($197 million).",
])
def test_a_level_in_brackets_after_a_base_date_is_the_bases(store, text):
    """Reviewers: "up 87% on March 2023 ($197 million)" names March 2023's own level (Ember: 0.197 billion dollars of
    panels to Pakistan, 0.3685 billion in March 2024); read as March 2024's it was contradicted."""
    figure = exact(spot.spot(text, store=store, published="2026-06-01"), "$197 million")
    assert figure.role == "earlier" and figure.period == "2023-03" and figure.verdict not in ACCUSING


@pytest.mark.parametrize("sentence, span", [
    ("Export growth eased to 7% in July 2024, down from June 2024.", "7%"),
    ("China's exports rose 8.7% in August 2024, accelerating from July 2024.", "8.7%"),
    ("Imports rose 5.7% in December 2025, accelerating sharply compared with November 2025.", "5.7%"),
])
def test_a_pace_compared_with_a_dated_month_is_no_month_on_month_growth(store, sentence, span):
    figure = exact(spot.spot(sentence, store=store, published="2026-01-20"), span)
    assert not figure.frame.get("over_years")


def test_a_month_on_month_base_after_a_year_on_year_rate_is_still_its_own(store):
    """"rose 7.6% year on year in May 2024 and, compared with April, were up 3.4%" (customs: 302.4 against 292.5
    billion dollars): the 3.4% is month on month, as the start code read it."""
    text = "China's exports rose 7.6% year on year in May 2024 and, compared with April, were up 3.4%."
    figure = exact(spot.spot(text, store=store, published="2024-06-10"), "3.4%")
    assert figure.frame.get("base_period") == "2024-04"


@pytest.mark.parametrize("sentence, span, period, base", [
    ("Exports in January rose 5% compared with December.", "5%", "2024-01", "2023-12"),
    ("China's exports rose 12% on 2022 levels to 3.4 trillion dollars in 2023.", "12%", "2023", None),
])
def test_bases_without_a_month_before(store, sentence, span, period, base):
    """"compared with December" in January is the month before (it had been read as December of the same year, so no
    base); "on 2022 levels" is a base, not the figure's year."""
    figure = exact(spot.spot(sentence, store=store, published="2024-03-30"), span)
    assert figure.period == period
    assert figure.frame.get("base_period") in (base, "2022" if base is None else base)


# -- places listed one item a line ---------------------------------------------------------------------------------

LEAD = "The Global Innovation Index 2024 was released by WIPO on Thursday. "


@pytest.mark.parametrize("text, spans", [
    (LEAD + "The top five were:\n\n- Switzerland (1)\n- Sweden (2)\n- United States (3)\n", ("(1)", "(2)", "(3)")),
    (LEAD + "Asian economies' ranks in the index:\n\n- China: 11\n\n- Japan: 13\n\n- India: 39\n", ("11", "13", "39")),
    (LEAD + "The top three:\n\n- Switzerland 1\n- Sweden 2\n- United States – 3\n", ("1", "2", "3")),
])
def test_places_listed_under_the_index(store, text, spans):
    """GII 2024: Switzerland 1, Sweden 2, the United States 3, China 11, Japan 13, India 39. Each item names no
    ranking: the numbers had been counts, and no series."""
    found = spot.spot(text, store=store, published="2024-10-01")
    for span in spans:
        figure = exact(found, span)
        assert figure.unit == "rank" and figure.match.indicator == "gii_rank" and figure.period == "2024"
        assert figure.verdict in SUPPORTING


def test_a_wrong_place_listed_is_never_accused(store):
    """The ranking is assumed from the text before the list: a place that disagrees is needs-review."""
    found = spot.spot(LEAD + "Ranks in Asia:\n\n- China: 12\n- Japan: 13\n", store=store, published="2024-10-01")
    figure = exact(found, "12")
    assert figure.unit == "rank" and figure.verdict == "needs-review"


@pytest.mark.parametrize("text", [
    LEAD + "Top scorers:\n\n- Switzerland: 67\n- Sweden: 64\n",  # scores fall
    LEAD + "Lowest scores:\n\n- Angola: 15\n- Niger: 17\n",  # the lead-in says scores
    LEAD + "In the IMD ranking:\n\n- Singapore: 1\n- Switzerland: 2\n",  # another ranking
    LEAD + "Largest export markets:\n\n- United States: 1\n- Japan: 2\n",  # an ordering of partners
    LEAD + "In Europe:\n\n- Germany: 9\n- France: 12\n- Italy: 10\n",  # not rising as written
    "Exports rose in 2024.\n\n- Germany: 9\n- France: 12\n",  # the index not named before the list
    LEAD + "\n\n- China: 11 and rising\n- India: 39\n",  # more than a name and a number
    LEAD + "Leading economies, results out of 100:\n\n- China 56\n- Singapore 61\n",  # scores
    LEAD + "GDP growth in 2024, percent, rounded:\n\n- United States 3\n- China 5\n- India 7\n",  # no places
    LEAD + "Places gained since 2023:\n\n- Germany 1\n- Korea 4\n",  # moves
    LEAD + "Top economies by S&T clusters, count:\n\n- Germany 7\n- United States 20\n- China 26\n",  # counts
    LEAD + "The regional ranking:\n\n- Singapore (1)\n- Korea (2)\n- China (3)\n",  # places in a region
    LEAD + "Asian economies in the index:\n\n- China: 11\n- Japan: 13\n",  # nothing says they are places
])
def test_lists_that_are_not_places_in_the_index(store, text):
    found = spot.spot(text, store=store, published="2024-10-01")
    assert not [c for c in found if c.unit == "rank"]
    assert not [c for c in found if c.verdict in ACCUSING]


# -- research and experimental development ----------------------------------------------------------------------------

def test_research_and_experimental_development_is_r_and_d(store):
    """NBS: 3.61 trillion yuan of R&D spending in 2024 ("expenditure on research and experimental development")."""
    text = ("China's total expenditure on research and experimental development (R&D) exceeded 3.6 trillion yuan in "
            "2024.")
    figure = exact(spot.spot(text, store=store, published="2025-01-23"), "exceeded 3.6 trillion yuan")
    assert figure.match.indicator == "rd_expenditure" and figure.verdict in SUPPORTING


# -- a partner's share of the flow the text is about -------------------------------------------------------------------

@pytest.mark.parametrize("text, published, span, period", [
    ("China exported 133.3 GW of photovoltaic modules in the first ten months of 2022. Europe accounted for 56% of "
     "the figure, with 74.7 GW.", "2022-12-15", "56%", "2022-01/2022-10"),
    ("China exported 30 GW of modules in March 2024. Europe accounted for 40% of the total.", "2024-04-29", "40%",
     "2024-03"),
])
def test_a_partners_share_of_the_flow_said_before(store, text, published, span, period):
    """Ember: China's panel exports to Europe over the world's (72.5 of 133.0 GW in January-October 2022, 54.5%; 9.74
    of 23.35 GW in March 2024, 41.7%). Without a flow word in its own sentence the share had been Europe's own, and no
    series."""
    figure = exact(spot.spot(text, store=store, published=published), span)
    assert (figure.match.indicator, figure.match.derivation, figure.period) == ("solar_exports_capacity",
                                                                                "partner_share", period)
    assert figure.entity == "CHN" and figure.verdict == "needs-review"  # InfoLink's count beside Ember's


@pytest.mark.parametrize("text, span", [
    ("China's GDP grew 5.2% in 2023. Guangdong accounted for 10% of the total.", "10%"),
    ("China exported 30 GW of modules in March 2024. Global installations reached 600 GW in 2023; Europe accounted "
     "for 12% of the total.", "12%"),
    ("China exported 30 GW of modules in March 2024. Europe accounted for 14% of the total of new installations.",
     "14%"),
    ("China exported 30 GW of modules in March 2024. Europe imported 10 GW of them. The Netherlands accounted for 44% "
     "of the figure.", "44%"),
])
def test_a_share_of_another_total_is_not_a_partners_share_of_chinas_exports(store, text, span):
    """Another total (installations, a region's imports, GDP) is not China's exports: no partner share."""
    figure = exact(spot.spot(text, store=store, published="2024-04-29"), span)
    assert not figure.match or figure.match.derivation != "partner_share"


# -- the text's year after sentences without figures -------------------------------------------------------------------

YEARS_TEXT = ("China exported 14.85 GW of modules in January. The low season late last year was expected to continue "
              "into the beginning of this year. However, customs data show strong inventory draws in January and "
              "February, close to that of the high season last year.\n\nEurope imported 8.6 GW and 8.4 GW of modules "
              "from China in January and February, respectively.")


@pytest.mark.parametrize("span, period", [("8.6 GW", "2023-01"), ("8.4 GW", "2023-02")])
def test_months_after_a_look_back_stay_in_the_texts_year(store, span, period):
    """Ember: China's panel exports to Europe were 8.6 GW in January 2023 and 8.4 GW in February 2023. A sentence
    without figures moving from "late last year" into "this year", and "that of the high season last year" (a base),
    had set the text's year to 2022 and dated these months a year early."""
    figure = exact(spot.spot(YEARS_TEXT, store=store, published="2023-03-28"), span)
    assert figure.period == period and figure.match.indicator == "solar_exports_capacity"


def test_a_sentence_without_figures_on_one_year_still_sets_it(store):
    text = "Exports were weak in 2022. In January, China exported 9.1 GW of modules."
    figure = exact(spot.spot(text, store=store, published="2023-03-28"), "9.1 GW")
    assert figure.period == "2022-01"
