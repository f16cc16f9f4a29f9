"""Pass 38 (issue 20): a growth's base said as a month with its year ("a 32% increase compared to December 2022",
"55% growth on January 2022"): the month before makes the growth month on month, the same month a year before year on
year, and neither is the figure's own period; and economies' places in the Global Innovation Index listed one item
a line under a lead-in ("- Switzerland (1)", "- China: 11"), read as places when the numbers rise as written. Tested
on phrasings of its own and on near wordings whose reading must not change."""

from __future__ import annotations

import pytest

from indicators import spot

ACCUSING = ("contradicted", "misleading")
SUPPORTING = ("supported", "supported-rounded")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass38")


def _exact(found, span: str):
    [candidate] = [c for c in found if c.span == span]
    return candidate


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
    figure = _exact(spot.spot(MONTHS_TEXT, store=store, published="2023-03-30"), span)
    assert figure.period == period
    assert (figure.match.base_period if figure.match else "") == base
    assert figure.verdict not in ACCUSING


def test_month_on_month_with_the_year_is_judged_from_the_month_before(store):
    figure = _exact(spot.spot(MONTHS_TEXT, store=store, published="2023-03-30"), "24%")
    assert figure.match.indicator == "solar_exports_capacity" and figure.match.derivation == "growth"
    assert "2022-12" in figure.explanation and figure.verdict in SUPPORTING  # 15,331.9 / 12,401.9 − 1 = +23.6%


@pytest.mark.parametrize("sentence, span, period, base", [
    ("Exports in January rose 5% compared with December.", "5%", "2024-01", "2023-12"),
    ("China's exports rose 12% on 2022 levels to 3.4 trillion dollars in 2023.", "12%", "2023", None),
])
def test_bases_without_a_month_before(store, sentence, span, period, base):
    """"compared with December" in January is the month before (it had been read as December of the same year, so no
    base); "on 2022 levels" is a base, not the figure's year."""
    figure = _exact(spot.spot(sentence, store=store, published="2024-03-30"), span)
    assert figure.period == period
    assert figure.frame.get("base_period") in (base, "2022" if base is None else base)


# -- places listed one item a line ---------------------------------------------------------------------------------

LEAD = "The Global Innovation Index 2024 was released by WIPO on Thursday. "


@pytest.mark.parametrize("text, spans", [
    (LEAD + "The top five were:\n\n- Switzerland (1)\n- Sweden (2)\n- United States (3)\n", ("(1)", "(2)", "(3)")),
    (LEAD + "Asian economies in the index:\n\n- China: 11\n\n- Japan: 13\n\n- India: 39\n", ("11", "13", "39")),
    (LEAD + "\n\n- Switzerland 1\n- Sweden 2\n- United States – 3\n", ("1", "2", "3")),
])
def test_places_listed_under_the_index(store, text, spans):
    """GII 2024: Switzerland 1, Sweden 2, the United States 3, China 11, Japan 13, India 39. Each item names no
    ranking: the numbers had been counts, and no series."""
    found = spot.spot(text, store=store, published="2024-10-01")
    for span in spans:
        figure = _exact(found, span)
        assert figure.unit == "rank" and figure.match.indicator == "gii_rank" and figure.period == "2024"
        assert figure.verdict in SUPPORTING


def test_a_wrong_place_listed_is_never_accused(store):
    """The ranking is assumed from the text before the list: a place that disagrees is needs-review."""
    found = spot.spot(LEAD + "In Asia:\n\n- China: 12\n- Japan: 13\n", store=store, published="2024-10-01")
    figure = _exact(found, "12")
    assert figure.unit == "rank" and figure.verdict == "needs-review"


@pytest.mark.parametrize("text", [
    LEAD + "Top scorers:\n\n- Switzerland: 67\n- Sweden: 64\n",  # scores fall
    LEAD + "Lowest scores:\n\n- Angola: 15\n- Niger: 17\n",  # the lead-in says scores
    LEAD + "In the IMD ranking:\n\n- Singapore: 1\n- Switzerland: 2\n",  # another ranking
    LEAD + "Largest export markets:\n\n- United States: 1\n- Japan: 2\n",  # an ordering of partners
    LEAD + "In Europe:\n\n- Germany: 9\n- France: 12\n- Italy: 10\n",  # not rising as written
    "Exports rose in 2024.\n\n- Germany: 9\n- France: 12\n",  # the index not named before the list
    LEAD + "\n\n- China: 11 and rising\n- India: 39\n",  # more than a name and a number
])
def test_lists_that_are_not_places_in_the_index(store, text):
    found = spot.spot(text, store=store, published="2024-10-01")
    assert not [c for c in found if c.unit == "rank"]
    assert not [c for c in found if c.verdict in ACCUSING]


# -- research's spending said without "development" --------------------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("Research spending in Japan reached 3.4% of GDP in 2022.", "3.4%"),
    ("Japan's research expenditure came to 3.4% of gross domestic product in 2022.", "3.4%"),
])
def test_research_spending_is_r_and_d(store, sentence, span):
    """World Bank: Japan's R&D spending was 3.40% of GDP in 2022 ("research spending" had been no subject at all)."""
    figure = _exact(spot.spot(sentence, store=store, published="2024-12-29"), span)
    assert figure.unit == "percent of GDP" and figure.match.indicator == "GB.XPD.RSDV.GD.ZS"
    assert (figure.entity, figure.period) == ("JPN", "2022") and figure.verdict in SUPPORTING


def test_spending_on_something_else_stays_unheld(store):
    figure = _exact(spot.spot("In 2023, China spent 1.7% of its economy on defence.", store=store,
                              published="2024-12-29"), "1.7%")
    assert figure.verdict == "unverifiable"


def test_research_and_experimental_development_is_still_r_and_d(store):
    """NBS: 3.61 trillion yuan of R&D spending in 2024 ("expenditure on research and experimental development")."""
    text = ("China's total expenditure on research and experimental development (R&D) exceeded 3.6 trillion yuan in "
            "2024.")
    figure = _exact(spot.spot(text, store=store, published="2025-01-23"), "exceeded 3.6 trillion yuan")
    assert figure.match.indicator == "rd_expenditure" and figure.verdict in SUPPORTING


# -- a growth said in dollars, derived from levels kept in dollars ---------------------------------------------------

def test_a_dollar_growth_of_a_period_no_growth_series_holds_is_derived_from_dollar_levels(store):
    """Customs' growth of PV exports in dollars is annual; Ember keeps their dollar value by month and product: the
    half year's growth is the sum's (29.20 billion dollars in H1 2023 against 26.18 billion in H1 2022, +11.6%). The
    dollar twin of a growth series that holds no row for the period had been put first, and the figure unverifiable."""
    text = ("In the first half of 2023, the total export value of photovoltaic products reached 28.92 billion U.S. "
            "dollars, an increase of 11.6 percent year on year.")
    figure = _exact(spot.spot(text, store=store, published="2023-08-04"), "11.6 percent")
    assert (figure.match.source, figure.match.indicator, figure.period) == ("ember", "solar_exports_value", "2023-H1")
    assert figure.verdict in SUPPORTING and "derivation" in figure.explanation


def test_a_dollar_growth_series_holding_the_period_stays_first(store):
    """Customs' annual growth in dollars (2023: -6.7%) holds the year: it is the one judged, not a derivation."""
    text = ("In 2023, the export value of photovoltaic products reached 48.8 billion U.S. dollars, a decrease of 5.4 "
            "percent year on year.")
    figure = _exact(spot.spot(text, store=store, published="2024-04-25"), "5.4 percent")
    assert figure.match.indicator == "solar_pv_exports_value_usd_yoy_pct"
