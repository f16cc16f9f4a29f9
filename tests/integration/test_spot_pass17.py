"""Mapping pass 17 (issue 20): general classes of wording seen in the development splits' misses (changes of a
growth rate, streaks written with a cardinal, ...), each tested on phrasings of its own and on a near wording where
it must not fire or must not accuse."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass17")


# --- "2.2 percentage points higher than that of 2022": the change of a growth rate ----------------------------------
# NBS: real GDP growth 5.2% in 2023, 3.0% in 2022 (bundled nbs/gdp_real_growth_pct)

@pytest.mark.parametrize("text", [
    "China's GDP grew 5.2 percent in 2023. This growth rate is 2.2 percentage points higher than that of 2022.",
    "China's GDP grew 5.2 percent in 2023, 2.2 percentage points faster than in 2022.",
    "China's economy expanded 5.2 percent in 2023, 2.2 percentage points higher than the year before.",
])
def test_a_point_change_beside_a_growth_rate_is_the_change_of_that_rate(store, text):
    found = spot.spot(text, store=store, published="2024-01-20")
    change = by_span(found, "2.2 percentage points")
    assert change.match and change.match.indicator == "gdp_real_growth_pct" and change.match.derivation == "difference"
    assert (change.period, change.entity, change.verdict) == ("2023", "CHN", "supported-rounded")


def test_a_wrong_change_of_a_growth_rate_is_judged_never_accused(store):
    found = spot.spot("China's GDP grew 5.2 percent in 2023, 3.2 percentage points faster than in 2022.",
                      store=store, published="2024-01-20")
    change = by_span(found, "3.2 percentage points")
    assert change.match and change.match.derivation == "difference"
    assert change.verdict == "needs-review"


@pytest.mark.parametrize("text, span", [
    # a gap to a forecast is no change of the rate
    ("China's GDP grew 5.2 percent in 2023, 0.2 percentage points higher than expected.", "0.2 percentage points"),
    # a sentence that does not name the rate again
    ("China's GDP grew 5.2 percent in 2023. Consumption was 2.2 percentage points higher than in 2022.",
     "2.2 percentage points"),
])
def test_a_point_change_not_of_the_growth_rate_is_not_read_as_one(store, text, span):
    found = spot.spot(text, store=store, published="2024-01-20")
    change = by_span(found, span)
    assert not (change.match and change.match.indicator == "gdp_real_growth_pct")
    assert change.verdict not in ACCUSING


# --- "fell for three months in a row": a streak with a cardinal, its figure in the sentence before ------------------
# GACC: dollar exports -7.5% (2023-05), -12.4% (2023-06), -14.5% (2023-07) year on year

JULY = "China's exports fell 14.5 percent year-on-year in July 2023 in dollar terms. "


@pytest.mark.parametrize("second, span", [
    ("The data show exports fell for three months in a row.", "three months in a row"),
    ("Exports have now declined for 3 months running.", "3 months running"),
])
def test_a_streak_continues_the_growth_figure_of_the_sentence_before(store, second, span):
    found = spot.spot(JULY + second, store=store, published="2023-08-08")
    streak = by_span(found, span)
    assert streak.match and streak.match.indicator == "goods_exports_usd_yoy_pct"
    assert (streak.period, streak.verdict) == ("2023-05/2023-07", "supported")


@pytest.mark.parametrize("second, span", [
    ("Exports have risen for three months in a row.", "three months in a row"),  # the other sign
    ("Imports fell for three months in a row.", "three months in a row"),  # another measure
    ("Analysts expect exports to fall for three months in a row.", "three months in a row"),  # no direction said
])
def test_a_streak_not_about_the_figure_before_stays_unjudged(store, second, span):
    found = spot.spot(JULY + second, store=store, published="2023-08-08")
    streak = by_span(found, span)
    assert streak.match is None or streak.match.indicator != "goods_exports_usd_yoy_pct"
    assert streak.verdict not in ACCUSING


# --- a year carried from an earlier paragraph about another subject is no ground for an accusation ------------------
# WIPO: PCT applications 2023 CHN 69,610, USA 55,678; 2024 CHN 70,160, USA 54,087

PCT = "The top two countries China (69,610) and the United States (55,678) both reported fewer PCT filings."


def test_a_year_carried_from_a_paragraph_about_another_subject_does_not_accuse(store):
    text = "WIPO ranked Switzerland first in the Global Innovation Index 2024.\n\n" + PCT
    found = spot.spot(text, store=store, published="2025-09-20")
    china = by_span(found, "69,610")
    assert china.period == "2024" and china.frame["period_from"] == "context"
    assert china.verdict == "needs-review"
    assert "carried from an earlier paragraph about innovation index" in china.explanation


def test_a_year_carried_within_its_subject_still_judges(store):
    text = "China filed 70,160 PCT applications in 2024.\n\nThe United States filed 55,678 PCT applications."
    found = spot.spot(text, store=store, published="2025-09-20")
    usa = by_span(found, "55,678")
    assert (usa.period, usa.entity) == ("2024", "USA")
    assert "carried from an earlier paragraph" not in usa.explanation
    assert usa.verdict == "contradicted"  # 54,087 in 2024: the text's subject and year are the store's


def test_an_economy_carried_from_a_paragraph_about_another_subject_does_not_accuse(store):
    """WIPO: PCT filings +0.3% in the world in 2022, +0.6% from China. Said with no economy after a paragraph
    on China's batteries, the figure may be the world's."""
    text = ("China's exports of lithium-ion batteries rose 27.8 percent in 2023, customs data show.\n\n"
            "In 2022, PCT filings rose by 0.3% over 2021.")
    found = spot.spot(text, store=store, published="2024-03-01")
    filings = by_span(found, "0.3%")
    assert (filings.entity, filings.frame["entity_from"], filings.verdict) == ("CHN", "context", "needs-review")
    assert "economy (CHN) is carried from an earlier paragraph about liion batteries" in filings.explanation


def test_the_country_names_the_economy_named_last_not_the_most_named(store):
    """EDB Singapore, 2024-09: "since it ranked third globally in the 2012 edition" is Singapore's 2012 rank. After
    a paragraph naming China three times, "the country" is still Singapore, the economy named last."""
    text = ("China's exports rose in 2023. China's imports fell. China's trade surplus grew.\n\n"
            "Singapore is fourth in the Global Innovation Index 2024. This was the country's best performance in more "
            "than a decade, since it ranked third globally in the 2012 edition of the GII.")
    found = spot.spot(text, store=store, published="2024-09-27")
    third = by_span(found, "third")
    assert (third.entity, third.period) == ("SGP", "2012")
    assert third.verdict not in ACCUSING


# --- a place within a field the store does not rank ("second in Asean") is no series' figure ------------------------
# GII: Malaysia 36th (2023), 33rd (2024); Singapore 5th (2023), 4th (2024); India 40th (2023), 39th (2024)

@pytest.mark.parametrize("text, span", [
    ("In the Global Innovation Index 2024, Malaysia is 33rd, while within Asean, Malaysia remained in second place "
     "behind Singapore.", "second"),
    ("Within Asean, Malaysia remained in second place behind Singapore in the Global Innovation Index 2024.",
     "second"),
    ("In the Global Innovation Index 2024, Malaysia ranked second among 36 upper- middle-income nations, trailing "
     "only China.", "second"),
    ("India ranks first among lower-middle-income economies in the Global Innovation Index 2024.", "first"),
    ("South Africa ranked second in Sub-Saharan Africa in the Global Innovation Index 2024.", "second"),
])
def test_a_place_within_a_field_is_no_series_figure(store, text, span):
    found = spot.spot(text, store=store, published="2024-10-01")
    place = by_span(found, span)
    assert place.match is None and place.frame["subject"] == "other:rank_in_a_field"
    assert place.verdict == "unverifiable"


@pytest.mark.parametrize("text, span, entity", [
    # the place in the whole index, whatever field a clause names
    ("In the ASEAN region, Singapore shines as the only nation to secure a position in the top five globally in "
     "the Global Innovation Index 2024.", "top five", "SGP"),
    ("In Central and Southern Asia, India continues to lead, moving one place forward to 39th position in the "
     "Global Innovation Index 2024.", "39th", "IND"),
    ("In Central and Southern Asia, India (39th) continues to lead in the Global Innovation Index 2024.", "39th", "IND"),
    ("China in 11th place is in the group of countries with upper middle income in the Global Innovation Index 2024.",
     "11th", "CHN"),
    ("Malaysia ranked 33rd in the Global Innovation Index 2024, behind Singapore.", "33rd", "MYS"),
])
def test_a_place_in_the_whole_index_stays_a_rank_of_the_index(store, text, span, entity):
    found = spot.spot(text, store=store, published="2024-10-01")
    place = by_span(found, span)
    assert place.match and place.match.indicator == "gii_rank"
    assert (place.entity, place.period) == (entity, "2024")


def test_a_place_behind_an_economy_is_not_that_economys(store):
    found = spot.spot("Malaysia was fifth in the Global Innovation Index 2024 ranking of Asian economies, just "
                      "behind Singapore.", store=store, published="2024-10-01")
    fifth = by_span(found, "fifth")
    assert fifth.entity != "SGP" and fifth.verdict not in ACCUSING


# --- a stated figure more precise than the stored row: judged within the row's own rounding -------------------------
# GACC via the store: goods trade 2023 = 41.76 trillion yuan (a row published to 0.01 trillion)

@pytest.mark.parametrize("stated, verdict", [
    ("41,756.8 billion yuan", "supported-rounded"),  # rounds to 41.76 trillion: People's Daily, 2024-03-08
    ("41,765.0 billion yuan", "inconclusive"),  # on the row's rounding edge: neither confirmed nor contradicted
])
def test_a_precise_figure_against_a_rounded_row_is_judged_at_the_rows_precision(store, stated, verdict):
    found = spot.spot(f"China's total trade in goods hit {stated} in 2023.", store=store, published="2024-03-08")
    figure = by_span(found, stated)
    assert figure.match and figure.match.indicator == "goods_trade" and figure.period == "2023"
    assert figure.verdict == verdict
    assert "published to fewer digits than the text" in figure.explanation


def test_a_precise_figure_outside_the_rows_rounding_is_still_wrong(store):
    found = spot.spot("China's total trade in goods hit 41,856.8 billion yuan in 2023.", store=store,
                      published="2024-03-08")
    figure = by_span(found, "41,856.8 billion yuan")
    assert figure.verdict not in ("supported", "supported-rounded", "inconclusive")
    assert "published to fewer digits" not in figure.explanation


def test_a_count_published_exactly_is_never_read_as_rounded(store):
    """WIPO: 69,610 PCT applications from China in 2023; 70,000 would be a round figure, not the row's rounding."""
    found = spot.spot("China filed 69,600 PCT applications in 2023.", store=store, published="2024-03-08")
    figure = by_span(found, "69,600")
    assert figure.verdict not in ("supported", "supported-rounded")
    assert "published to fewer digits" not in figure.explanation


# --- a level as a share of GDP, with no series of that ratio: the level over GDP in the same currency ---------------
# World Bank 2023, China: exports of goods and services 3.545 trillion USD, GDP 18.27 trillion USD (19.4%);
# GACC: trade surplus 823.2 billion USD (4.5% of the World Bank's GDP)

@pytest.mark.parametrize("text, span, indicator, verdict", [
    ("China's exports were equivalent to 19.4% of its GDP in 2023.", "19.4%", "NE.EXP.GNFS.CD", "supported-rounded"),
    ("China's trade surplus was 4.5% of GDP in 2023.", "4.5%", "goods_trade_balance", "supported-rounded"),
    ("China's trade surplus was 3.5% of GDP in 2023.", "3.5%", "goods_trade_balance", "needs-review"),
])
def test_a_level_as_a_share_of_gdp_is_derived_from_two_levels(store, text, span, indicator, verdict):
    found = spot.spot(text, store=store, published="2024-06-01")
    share = by_span(found, span)
    assert share.match and share.match.indicator == indicator and share.match.derivation == "share"
    assert share.match.whole and share.match.whole["indicator"] == "NY.GDP.MKTP.CD"
    assert (share.period, share.verdict) == ("2023", verdict)


# --- a growth rate in a text that names no currency basis: the basis where it holds ---------------------------------
# GACC 2023: goods exports +0.6% in yuan, -4.6% in dollars

def test_a_growth_rate_with_no_basis_said_anywhere_is_read_where_it_holds(store):
    found = spot.spot("In 2023, goods exports grew by 0.6%.", store=store, published="2024-01-20")
    growth = by_span(found, "0.6%")
    assert (growth.match.indicator, growth.verdict) == ("goods_exports_yoy_pct", "supported")
    assert "names no currency basis: read on the yuan basis" in growth.explanation


def test_a_growth_rate_with_a_basis_said_stays_on_it(store):
    found = spot.spot("In dollar terms, goods exports grew by 0.6% in 2023.", store=store, published="2024-01-20")
    growth = by_span(found, "0.6%")
    assert growth.match.indicator == "goods_exports_usd_yoy_pct"
    assert growth.verdict == "needs-review" and "names no currency basis" not in growth.explanation


# --- a threshold of places said of economies listed after it, judged as a threshold --------------------------------
# WIPO: PCT applications 2023 CHN 69,610, USA 55,678, JPN 48,879, KOR 22,288, DEU 16,916

def test_top_two_with_the_economies_in_apposition_is_said_of_each(store):
    text = ("The top two origins of PCT applications in 2023, China and the United States, both filed fewer "
            "applications than in 2022.")
    found = spot.spot(text, store=store, published="2024-03-10")
    both = [c for c in found if c.span == "top two"]
    assert sorted(c.entity for c in both) == ["CHN", "USA"]
    assert all(c.match.indicator == "pct_applications" and c.verdict == "supported" for c in both)
    assert "within the top 2" in next(c for c in both if c.entity == "CHN").explanation


def test_a_threshold_without_an_economy_named_is_not_confirmed_on_a_carried_one(store):
    text = ("China filed 69,610 PCT applications in 2023. Let's take a look at the top 10 origins of PCT "
            "applications in 2023.")
    found = spot.spot(text, store=store, published="2024-03-10")
    top = by_span(found, "top 10")
    assert top.verdict != "supported" and top.verdict not in ACCUSING


# --- an economy's share of the world's total: its row over the world's row of the same series ----------------------
# WIPO: PCT applications 2024 CHN 70,160, world 273,900 (25.6%); World Bank GDP 2023: CHN 18.27, world 107.3
# trillion USD (17.0%)

@pytest.mark.parametrize("text, span, indicator, verdict", [
    ("In 2024, China filed 70,160 PCT applications, more than a quarter of the global total.", "more than a quarter",
     "pct_applications", "supported"),
    ("China's share of world GDP was 17% in 2023.", "17%", "NY.GDP.MKTP.CD", "supported-rounded"),
    ("China accounted for 30% of all PCT applications filed in 2024.", "30%", "pct_applications", "needs-review"),
])
def test_an_economys_share_of_the_world_is_its_row_over_the_worlds(store, text, span, indicator, verdict):
    found = spot.spot(text, store=store, published="2025-03-20")
    share = by_span(found, span)
    assert share.match and (share.match.indicator, share.match.derivation) == (indicator, "world_share")
    assert share.verdict == verdict


@pytest.mark.parametrize("text, span", [
    ("Their share of GDP rose to 18.01 percent in 2024.", "18.01 percent"),  # a share of a GDP, not of the world's
    ("More than a quarter of the world's PCT applications in 2024 have been submitted to the CNIPA.",
     "More than a quarter"),  # filings an office received, not China's by origin
    ("The United States, Japan and Germany together accounted for 40% of global PCT applications in 2024.", "40%"),
])
def test_a_share_not_of_one_economy_in_the_world_is_not_derived_so(store, text, span):
    found = spot.spot(text, store=store, published="2025-03-20")
    share = by_span(found, span)
    assert not (share.match and share.match.derivation == "world_share")
    assert share.verdict not in ACCUSING


def test_an_undated_text_with_a_streak_and_no_year_is_read_without_error(store):
    """No published date: 'last month' stays unresolved (no period); a streak beside it must not fail on it."""
    text = "Exports fell 6.4% last month. Exports have fallen for three months in a row."
    found = spot.spot(text, store=store, published=None)
    streak = by_span(found, "three months in a row")
    assert streak.verdict not in ACCUSING and by_span(found, "6.4%").period in (None, "")


def test_growth_after_deducting_price_factors_is_no_nominal_growth(store):
    """NBS 2022: R&D spending +10.1% nominal; 'after deducting price factors' +8%: a real rate the store lacks."""
    found = spot.spot("After deducting price factors, China's R&D spending in 2022 rose 8 percent year on year.",
                      store=store, published=None)
    real = by_span(found, "8 percent")
    assert real.match is None and real.verdict == "unverifiable"


# --- a product's share of a whole kept only as its products: the part over the sum of the products -----------------
# Ember: China's solar exports in 2025-H1, summed months: cells 44,962 MW of 209,183 MW (panels, cells, wafers)

def test_a_products_share_of_solar_exports_is_its_rows_over_the_sum_of_the_products(store):
    text = "In the first half of 2025, cell exports account for 21.5% of China's solar exports."
    found = spot.spot(text, store=store, published="2025-08-01")
    share = by_span(found, "21.5%")
    assert share.match and (share.match.product, share.match.derivation) == ("pv_cells", "product_share")
    assert share.period == "2025-H1" and share.verdict == "supported-rounded"
    assert "pv_cells of pv_cells + pv_panels + pv_wafers" in share.explanation


def test_a_products_share_before_every_product_was_kept_is_not_derived(store):
    """Ember keeps cells and wafers from 2022 only: a 2020 sum would be panels alone, not the whole."""
    found = spot.spot("In 2020, modules accounted for 80% of China's solar exports.", store=store,
                      published="2021-03-01")
    share = by_span(found, "80%")
    assert not (share.match and share.match.derivation == "product_share")
    assert share.verdict not in ACCUSING


# --- dev38's two first-run accusations: a slipped digit, and "for the past year" -----------------------------------
# NBS final 2024 bulletin: R&D 3.63268 trillion yuan (36326.8亿元), intensity 2.69% (2023: 2.65%)

def test_a_slipped_digit_beyond_the_rows_precision_is_not_accused(store):
    """Global Economic Times, 2025-09-30: '3.632688 trillion yuan' for 3.63268 trillion (a digit too many)."""
    found = spot.spot("China's total R&D expenditure in 2024 was 3.632688 trillion yuan.", store=store,
                      published="2025-09-30")
    figure = by_span(found, "3.632688 trillion yuan")
    assert figure.verdict == "inconclusive" and "within one unit of its last digit" in figure.explanation


def test_a_figure_outside_the_rows_precision_by_more_than_a_unit_is_still_wrong(store):
    found = spot.spot("China's total R&D expenditure in 2024 was 3.632988 trillion yuan.", store=store,
                      published="2025-09-30")
    assert by_span(found, "3.632988 trillion yuan").verdict in ACCUSING


def test_for_the_past_year_is_the_last_full_year(store):
    text = ("South Korea's R&D investment was high in 2023. China's R&D intensity reached 2.69% for the past year, "
            "an increase of 0.11 percentage points.")
    found = spot.spot(text, store=store, published="2025-09-30")
    intensity = by_span(found, "2.69%")
    assert (intensity.period, intensity.verdict) == ("2024", "supported")


def test_a_bound_is_never_read_as_a_coarse_rounding(store):
    """MIIT: lithium-ion battery output 'more than 940 GWh' in 2023: a bound, so 387 GWh is not 'within' it."""
    found = spot.spot("China produced 387 gigawatt-hours of lithium-ion batteries in 2023.", store=store,
                      published="2024-03-01")
    figure = by_span(found, "387 gigawatt-hours")
    assert figure.verdict != "inconclusive" and "published to fewer digits" not in figure.explanation


def test_the_nth_time_in_a_row_is_a_streak_not_a_place(store):
    """technomag, 2024: 'the most innovative country on Earth for the 14th time in a row' (after a paragraph of
    another article that set the year): a streak of first places, never 'rank 14' accused."""
    text = ("China's imports grew 1.1% in 2024.\n\nWIPO has named Switzerland as the most innovative country on Earth "
            "for the 14th time in a row in its most recent Global Innovation Index. Sweden is second.")
    found = spot.spot(text, store=store, published="2024-09-27")
    streak = by_span(found, "14th")
    assert streak.verdict not in ACCUSING and streak.match and "/" in streak.match.period
    second = by_span(found, "second")
    assert second.match and second.match.indicator == "gii_rank" and second.entity == "SWE"
