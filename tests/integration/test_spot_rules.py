"""Spotting rules for classes of wording (issue 20): each rule tested on the sentence it came from, on
phrasings of the same class written here, and on wording where it must abstain (not read, or never accuse)."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.spot.figures import read_figures
from texts import ACCUSING, by_span, frames_of_sentences


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-rules")


_reads = frames_of_sentences


# --- a lone "one" that moves a ranking ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("China has risen to the 10th position in the global innovation ranking for 2025, up one spot from the "
     "previous year.", "one spot"),                                       # Xinhua via BelTA, 2025-09-17
    ("China moved up one place to 11th.", "one place"),
    ("The country slipped one notch in the table.", "one notch"),
    ("It climbed a place in this year's index.", "a place"),
    ("The US fell one position lower.", "one position"),
])
def test_a_lone_one_beside_a_direction_and_a_ranking_step_is_a_move_of_one(sentence, span):
    [move] = [f for f in read_figures(sentence) if sentence[f.start: f.end] == span]
    assert (move.value, move.unit) == (1.0, "rank")


@pytest.mark.parametrize("sentence", [
    "China is one of the largest exporters.",
    "All the data are kept in one place.",
    "The firm took one spot on the list of suppliers.",
])  # ("the world's number one car exporter" is a rank written in words: tests/integration/test_spot_found.py)
def test_a_lone_one_without_a_move_is_not_read(sentence):
    assert [f for f in read_figures(sentence) if f.value == 1] == []


def test_a_move_of_one_is_a_change_of_the_rank_of_the_ranking_named_before(store):
    """Science and Technology Daily, GII 2025: "This year, China rose one place from its 2024 position, driven by
    strong performances in R&D investment ...": the GII rank's change (11th to 10th), its year the published one,
    2024 the base ("from its 2024 position"), R&D (after "driven by") a cause, not what is ranked."""
    text = ("China has risen to the 10th position in the global innovation ranking for 2025. The GII 2025 uses about "
            "80 indicators, ranging from R&D spending to high-tech exports.\n\nThis year, China rose one place from "
            "its 2024 position, driven by strong performances in R&D investment, technological innovation, and "
            "intellectual property generation.")
    move = by_span(spot.spot(text, store=store, published="2025-09-24"), "one place")
    assert (move.value, move.match.indicator, move.match.period, move.verdict) == (-1, "gii_rank", "2025", "supported")
    assert move.frame["base_period"] == "2024"
    # a wrong move on a ranking only carried from earlier sentences (assumed) is never an accusation
    wrong = by_span(spot.spot(text.replace("rose one place", "rose five places"), store=store, published="2025-09-24"),
                    "five places")
    assert wrong.verdict not in ACCUSING and wrong.frame["subject_from"] == "assumed"


def test_a_year_after_from_its_is_a_comparisons_base():
    [f] = [r for r in _reads(["Exports rose 7 percent from their 2022 level."], "2024-01-13") if r.value == 7]
    assert f.frame.base_period == "2022" and f.frame.period != "2022"


@pytest.mark.parametrize("sentence, subject", [
    ("Exports of electric vehicles rose 30 percent, driven by strong demand for lithium-ion batteries.", "ev"),
    ("Driven by strong demand for lithium-ion batteries, exports of electric vehicles rose 30 percent.", "ev"),
    ("Exports of electric vehicles rose 30 percent thanks to cheaper solar panels.", "ev"),
])
def test_a_subject_in_a_cause_phrase_is_not_the_figures(sentence, subject):
    [f] = [r for r in _reads([sentence], "2024-01-13") if r.value == 30]
    assert f.frame.subject == subject


def test_a_figure_inside_a_cause_phrase_keeps_its_own_subject():
    reads = _reads(["Exports rose 5 percent, driven by exports of electric vehicles which jumped 30 percent."],
                   "2024-01-13")
    [inner] = [r for r in reads if r.value == 30]
    assert inner.frame.subject == "ev"


# --- decline words: one home (numbers.DECLINE_VERBS / DECLINE_NOUNS) ------------------------------------

def test_decline_words_have_one_home_the_number_readers():
    from indicators import numbers
    from indicators.spot.vocabulary import PATH, vocabulary
    from indicators import yamlfile

    compiled = vocabulary()["_compiled"]
    declines = numbers.DECLINE_VERBS | numbers.DECLINE_NOUNS
    assert all(compiled["negative"].fullmatch(w) for w in declines)
    assert declines <= set(compiled["growth_rate_before"]) and numbers.DECLINE_NOUNS <= set(compiled["growth_rate_after"])
    growth = yamlfile.load(str(PATH))["transformation"]["growth_rate"]
    for side in ("before", "after", "negative"):  # the data file lists none of them again
        assert not set(growth[side]) & declines, side


@pytest.mark.parametrize("sentence, value", [
    ("Exports slipped 3 percent year on year.", -3),          # a verb only the number reader listed before
    ("Imports recorded a 4 percent contraction.", -4),
    ("Exports fell 7.7% in 2016.", -7.7),
    ("Exports were 2 percent lower than a year earlier.", -2),
    ("Exports rose 5 percent after the tariff cut.", 5),      # a decline word after a rise: still a rise
])
def test_growth_signs_from_decline_words(sentence, value):
    [f] = [r for r in _reads([sentence], "2024-01-13") if abs(r.value) == abs(value)]
    assert (f.frame.transformation, f.value) == ("growth_rate", value)


def test_a_reduction_of_a_level_is_a_negative_change():
    [f] = [r for r in _reads(["Spending saw a reduction of 5 billion yuan over the previous year."], "2024-01-13")
           if abs(r.value) == 5]
    assert (f.frame.transformation, f.value) == ("change", -5)


# --- leader claims and streaks ---------------------------------------------------------------------------

PCT = ("In 1994, patent applications via PCT from China were only 98. By 2023, the number increased to nearly 70,000, "
       "ranking first in the world for five consecutive years.")                      # Mondaq (AFD China), 2024-11-28


def test_ranking_first_after_a_level_is_a_leader_claim_on_its_series_and_the_world_row_is_its_total(store):
    found = spot.spot(PCT, store=store, published="2024-11-28")
    first = by_span(found, "first")
    assert (first.check, first.match.indicator, first.match.period, first.verdict) == (
        "leader", "pct_applications", "2023", "supported")
    assert "272600" in first.explanation  # WIPO's world total bounds the economies the store does not list
    mine = by_span(spot.spot("China filed 69,610 PCT applications in 2023, ranking first globally.", store=store,
                             published="2024-03-07"), "first")
    assert (mine.check, mine.verdict) == ("leader", "supported")


def test_a_false_lead_with_every_dimension_stated_is_contradicted(store):
    wrong = by_span(spot.spot("In 2023, the United States filed 55,678 PCT applications, ranking first in the world.",
                              store=store, published="2024-03-07"), "first")
    assert (wrong.check, wrong.verdict) == ("leader", "contradicted")


def test_a_lead_on_a_series_held_for_one_economy_only_is_unverifiable(store):
    """MFA via CNS, 2024: "China exported 4.91 million cars ..., ranking first in the world": the store holds
    China's car exports only; a lead among economies cannot be checked on it."""
    first = by_span(spot.spot("Last year, China exported 4.91 million cars, ranking first in the world for the "
                              "first time.", store=store, published="2024-02-08"), "first")
    assert first.verdict == "unverifiable" and "no-series" in first.flags


def test_a_streak_beside_a_lead_is_checked_year_by_year_and_never_accused(store):
    five = by_span(spot.spot(PCT, store=store, published="2024-11-28"), "five")
    assert (five.match.indicator, five.match.period, five.match.derivation) == ("pct_applications", "2019/2023", "streak")
    assert five.verdict == "needs-review" and "2020: inconclusive" in five.explanation  # no world total for 2020
    # Xinhua via BelTA, 2025-09-17: a streak of a lead named by words ("the highest number of")
    third = by_span(spot.spot("For the third consecutive year, China hosts the highest number of top 100 global "
                              "science and technology innovation clusters, with 24 clusters listed in the 2025 index.",
                              store=store, published="2025-09-17"), "third")
    assert (third.match.indicator, third.match.period) == ("st_clusters_top100", "2023/2025")
    assert third.verdict not in ACCUSING
    # a false streak (the US led in none of the years) is still not an accusation
    wrong = by_span(spot.spot("In 2023, the United States filed 55,678 PCT applications, ranking first in the world "
                              "for three straight years.", store=store, published="2024-03-07"), "three")
    assert wrong.verdict == "needs-review" and "contradicted" in wrong.explanation


@pytest.mark.parametrize("sentence", [
    "Exports grew for three consecutive years.",                 # a streak with no lead beside it
    "NEV output topped global rankings for the 10th consecutive year.",
])
def test_a_streak_without_a_lead_of_a_held_series_is_unverifiable(store, sentence):
    [streak] = [c for c in spot.spot(sentence, store=store, published="2025-01-14") if c.role == "streak"]
    assert streak.verdict == "unverifiable"


# --- ledes without a period -------------------------------------------------------------------------------

LEDE = "China's exports grew by 10.7 percent year-on-year, imports grew by 1.1 percent, confirming a record trade surplus."
"""UNN, 2025-01-13: the lede names no period; that day GACC released December 2024 and the year 2024."""


def test_a_lede_without_a_period_reads_the_latest_period_completed_before_the_published_date(store):
    found = spot.spot(LEDE, store=store, published="2025-01-13")
    exports, imports = by_span(found, "10.7"), by_span(found, "1.1")
    # both periods end on 31 December 2024: December first, the year when only the year holds the figure
    assert (exports.match.period, exports.verdict) == ("2024-12", "supported")
    assert (imports.match.period, imports.verdict) == ("2024", "supported")
    assert "names no period" in exports.explanation and "period" in exports.open


def test_a_lede_is_never_accused_and_stays_open_without_a_published_date(store):
    wrong = by_span(spot.spot("China's exports grew by 25 percent year-on-year.", store=store, published="2025-01-13"),
                    "25 percent")
    assert wrong.verdict == "needs-review" and wrong.match.period == "2024-12"
    undated = by_span(spot.spot(LEDE, store=store), "10.7")
    assert undated.period is None and undated.verdict == "needs-review"


def test_a_period_named_earlier_in_the_text_is_used_not_the_published_date(store):
    text = "In 2023, China's trade held up.\n\nChina's exports grew by 4.6 percent."
    carried = by_span(spot.spot(text, store=store, published="2025-01-13"), "4.6")
    assert carried.period == "2023" and "period-from-published" not in carried.flags


# --- growth from levels when no growth series holds the year ---------------------------------------------

@pytest.mark.parametrize("text", [
    "The last time China registered a decline in overseas shipments was in 2016, when exports fell 7.7% in the face "
    "of weak demand.",                                                                 # CNN via KRDO, 2024-01-12
    "In 2016, China's exports dropped 7.7 percent.",
])
def test_growth_in_a_year_no_growth_series_holds_is_derived_from_two_stored_levels(store, text):
    fell = by_span(spot.spot(text, store=store, published="2024-01-12"), "7.7")
    assert (fell.value, fell.match.derivation, fell.match.period) == (-7.7, "growth", "2016")
    assert fell.verdict.startswith("supported")  # World Bank merchandise exports 2016 / 2015: -7.7%


def test_derived_growth_that_does_not_hold_is_never_an_accusation(store):
    wrong = by_span(spot.spot("In 2016, China's exports rose 20 percent.", store=store, published="2024-01-12"), "20")
    assert (wrong.match.derivation, wrong.verdict) == ("growth", "needs-review")


# --- totals over several months from monthly rows ----------------------------------------------------------

EMBER = ("In the first half of 2023, exports of solar panels from China grew by 34%, with 114 GW shipped worldwide, "
         "compared to 85 GW in the same period last year.")                              # Ember, 2023-08 (dev)


def test_a_half_years_total_is_the_sum_of_its_monthly_rows_in_the_figures_unit(store):
    found = spot.spot(EMBER, store=store, published="2023-08-01")
    shipped, grew = by_span(found, "114 GW"), by_span(found, "34%")
    # Ember's monthly rows (to the world, MW) now sum to 107.3 GW for H1 2023 (revised since): needs review,
    # said with the sum, never contradicted
    assert shipped.match.derivation == "sum" and shipped.verdict == "needs-review"
    assert "sum of 6 monthly figures for 2023-H1 = 107.268 GW" in shipped.explanation
    assert grew.verdict == "needs-review" and "2022-H1" in grew.explanation
    held = by_span(spot.spot("China exported about 107 GW of solar panels in the first half of 2023.", store=store,
                             published="2023-08-01"), "107 GW")
    assert (held.match.derivation, held.verdict) == ("sum", "supported-rounded")


def test_a_total_over_months_the_store_does_not_all_hold_is_needs_review_naming_them(store):
    text = ("China's total import and export of goods reached 6.61 trillion yuan in the first two months of 2024, "
            "up 8.7 percent year on year.")
    found = spot.spot(text, store=store, published="2024-03-07")
    level, rate = by_span(found, "6.61"), by_span(found, "8.7")
    assert level.verdict == "needs-review" and "months missing" in level.explanation
    assert rate.verdict == "needs-review" and rate.verdict not in ACCUSING


# --- a mark named by a scale word alone --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span, scale, unit, comparator", [
    ("In 2023, exports of solar cells, lithium-ion batteries, and electric vehicles increased by 29.9%, reaching 1.06 "
     "trillion yuan, breaking through the trillion yuan mark for the first time.",   # Xinhua via rycome, 2024-01
     "the trillion yuan mark", 1e12, "CNY", ">"),
    ("Car exports crossed the million-unit mark in 2021.", "the million-unit mark", 1e6, "vehicles", ">"),
    ("Sales reached the million mark.", "the million mark", 1e6, "count", ">="),
])
def test_a_scale_word_before_mark_is_one_of_it_a_threshold(sentence, span, scale, unit, comparator):
    [mark] = [f for f in read_figures(sentence) if sentence[f.start: f.end] == span]
    assert (mark.value, mark.scale, mark.unit, mark.comparator) == (1.0, scale, unit, comparator)


@pytest.mark.parametrize("sentence", ["That is the trillion-dollar question.", "The million-strong crowd left.",
                                      "It hit the 5-million mark."])
def test_a_scale_word_without_mark_or_with_its_own_number_is_not_a_mark(sentence):
    from indicators.spot.figures import _marks

    assert _marks(sentence) == []


def test_a_mark_is_judged_as_a_threshold_of_the_sentences_series(store):
    text = ("In 2023, exports of solar cells, lithium-ion batteries, and electric vehicles increased by 29.9%, reaching "
            "1.06 trillion yuan, breaking through the trillion yuan mark for the first time.")
    mark = by_span(spot.spot(text, store=store, published="2024-01-13"), "trillion yuan mark")
    assert (mark.check, mark.match.indicator, mark.verdict) == ("threshold", "new_trio_exports_total", "supported")


@pytest.mark.parametrize("scope", ["in Asia", "among developing countries", "in the region"])
def test_a_lead_in_a_narrower_field_is_no_leader_claim_and_never_accused(store, scope):
    text = f"In 2023, Japan filed 48,879 PCT applications, ranking first {scope}."
    first = by_span(spot.spot(text, store=store, published="2024-03-07"), "first")
    assert first.check != "leader" and first.verdict not in ACCUSING


# --- a growth rate pointing back follows the reading of the level before it --------------------------------

CARS = "According to the Chinese automobile association CAAM, a total of 2.53 million cars were sold abroad last year."


@pytest.mark.parametrize("second", ["That is almost 57 percent more than in the previous year.",   # ARD, 2023-02
                                    "This was almost 57 percent more than a year before."])
def test_a_growth_pointing_back_is_the_growth_of_the_level_as_it_was_read(store, second):
    found = spot.spot(f"{CARS} {second}", store=store, published="2023-02-10")
    level, rate = by_span(found, "2.53"), by_span(found, "57 percent")
    assert level.match.product == rate.match.product == "passenger_vehicles"
    assert rate.match.indicator == "vehicle_exports_yoy_pct" and rate.verdict == "supported"


def test_a_growth_pointing_back_on_an_assumed_subject_is_never_accused(store):
    wrong = by_span(spot.spot(f"{CARS} That is 80 percent more than in the previous year.", store=store,
                              published="2023-02-10"), "80 percent")
    assert wrong.match.product == "passenger_vehicles" and wrong.verdict == "needs-review"


def test_a_growth_with_its_own_subject_does_not_point_back(store):
    found = spot.spot(f"{CARS} That year NEV exports rose 120 percent.", store=store, published="2023-02-10")
    assert by_span(found, "120 percent").frame["subject"] == "nev"


def test_a_ledes_base_figure_is_not_dated_by_the_published_date(store):
    found = spot.spot("China's exports grew 5.9 percent to 3.58 trillion dollars, up from 3.38 trillion dollars.",
                      store=store, published="2025-01-13")
    base = by_span(found, "3.38")
    assert base.role == "earlier" and "period-from-published" not in base.flags


# --- verbs that name a multiple -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value, comparator", [
    ("Electric car imports from China tripled from 2022 to 2023.", 3.0, "~="),        # Destatis, 2024
    ("China's NEV exports more than doubled in 2022.", 2.0, ">"),
    ("Exports of solar panels almost quadrupled.", 4.0, "<"),
    ("The surplus halved.", 0.5, "~="),
])
def test_a_verb_naming_a_multiple_is_a_ratio_figure(sentence, value, comparator):
    [f] = [f for f in read_figures(sentence) if f.unit == "ratio"]
    assert (f.value, f.comparator) == (value, comparator)


def test_a_multiple_is_never_judged_as_an_exact_growth_rate_and_doubled_down_is_not_one(store):
    assert read_figures("The firm doubled down on exports.") == []
    doubled = by_span(spot.spot("China's exports of new energy vehicles doubled in 2022.", store=store,
                                published="2023-02-01"), "doubled")
    # judged as the growth it implies over a year (pass 20): +75% to +125%, never exactly +100%
    assert (doubled.unit, doubled.check, doubled.step) == ("percent", "rounded", 50)
    assert doubled.frame["multiple"] == 2 and doubled.verdict not in ACCUSING


# --- "respectively" growth rates, parts of the figure before ------------------------------------------------

@pytest.mark.parametrize("text, growths", [
    ("China produced 30.16 million vehicles and sold 30.09 million in 2023, up 11.6% and 12%, respectively.",
     {"11.6%": "vehicle_production_yoy_pct", "12%": "vehicle_sales_yoy_pct"}),
    ("In 2023, NEV production and sales reached 9.587 million and 9.495 million, up 35.8 percent and 37.9 percent, "
     "respectively.", {"35.8": "vehicle_production_yoy_pct", "37.9": "vehicle_sales_yoy_pct"}),
])
def test_growth_rates_respectively_follow_the_levels_in_order(store, text, growths):
    found = spot.spot(text, store=store, published="2024-01-20")
    for span, indicator in growths.items():
        rate = by_span(found, span)
        assert (rate.match.indicator, rate.verdict) == (indicator, "supported")


def test_without_respectively_growth_rates_are_not_paired():
    reads = _reads(["China produced 30.16 million vehicles and sold 30.09 million in 2023, up 11.6% and 12%."],
                   "2024-01-20")
    [first] = [r for r in reads if r.value == 11.6]
    assert "respectively" not in " ".join(first.frame.notes)


def test_a_sentence_opening_with_a_part_of_the_figure_before_takes_its_measure(store):
    found = spot.spot("China's auto exports reached 4.91 million units in 2023. Of those, 1.2 million were new energy "
                      "vehicles, up 77.6%.", store=store, published="2024-01-20")
    part, rate = by_span(found, "1.2 million"), by_span(found, "77.6")
    assert (part.match.indicator, part.match.product, part.verdict) == ("vehicle_exports", "nev", "supported-rounded")
    assert (rate.match.indicator, rate.verdict) == ("vehicle_exports_yoy_pct", "supported")
    # a part that names its own measure keeps it
    reads = _reads(["China's auto exports reached 4.91 million units in 2023.",
                    "Of those, NEV production reached 1.2 million."], "2024-01-20")
    assert [r.frame.measure for r in reads if r.value == 1.2] == ["production"]


def test_of_which_opens_its_own_clause():
    [abroad] = [r for r in _reads(["In 2023 China sold 30.09 million vehicles, of which 4.91 million went abroad."],
                                  "2024-01-20") if r.value == 4.91]
    assert abroad.frame.measure == "exports"


# --- "last month": the month before the published one ----------------------------------------------------

@pytest.mark.parametrize("sentence, published, period", [
    ("China's total exports rose 4.8 percent last month, slowing from an 8.1 percent year-on-year increase in "
     "April.", "2025-06-09", "2025-05"),                               # AP via Jakarta Globe (dev3 split)
    ("Outbound shipments grew 6.3 percent in value last month, the customs agency said.", "2024-01-12", "2023-12"),
])
def test_a_figure_of_last_month_is_the_month_before_the_published_one(sentence, published, period):
    first = _reads([sentence], published)[0]
    assert (first.frame.period, first.frame.period_from) == (period, "stated")


def test_last_month_as_a_comparison_base_or_without_a_date_gives_no_month():
    [read] = _reads(["Car exports were 2 percent higher than last month."], "2025-06-09")
    assert read.frame.period != "2025-05"
    [read] = _reads(["Exports rose 4.8 percent last month."])
    assert read.frame.period is None and read.frame.period_from == "unresolved"


# --- a currency basis said outright ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, indicator", [
    ("By now, the growth rate of foreign trade (3.8% denominated in USD) is relatively high, China's customs said "
     "of 2024.", "goods_trade_usd_yoy_pct"),                          # GACC speech (dev3 split), with a year added
    ("Measured in U.S. dollars, China's foreign trade grew 3.8 percent in 2024.", "goods_trade_usd_yoy_pct"),
    ("China's foreign trade grew 5 percent in yuan terms in 2024.", "goods_trade_yoy_pct"),
])
def test_a_currency_basis_said_outright_picks_the_series_of_that_basis(store, sentence, indicator):
    [c] = spot.spot(sentence, store=store, published="2025-01-20")
    assert c.match.indicator == indicator and c.verdict == "supported"


# --- PCT filings: footnote marks, an economy's role, the world's total ------------------------------------------
# (WIPO 2023: PCT applications worldwide 272,600, -1.8%; China 69,610, -0.6%; the United States 55,678, -5.3%)

@pytest.mark.parametrize("sentence, values", [
    ("Filings totalled 272,600[2] in 2023, down 1.8%[3].", [272600, 1.8]),
    ("The R&D intensity (as a share of GDP[5]) was 2.65 percent.", [2.65]),
    ("China filed 69,610.[12] The rest came from elsewhere.", [69610]),
])
def test_a_number_in_brackets_set_against_the_word_before_is_a_footnote_mark(sentence, values):
    assert [f.value for f in read_figures(sentence)] == values


def test_a_bracketed_number_after_a_space_is_still_read_and_a_mark_after_a_stop_ends_the_sentence(store):
    assert [f.value for f in read_figures("The list ranks them [12] of 20.")] == [12, 20]
    text = "Worldwide, PCT filings came to 277,632 in 2022.[4] China filed 69,610 PCT applications in 2023."
    found = spot.spot(text, store=store, published="2024-03-07")
    assert [(c.value, c.entity) for c in found] == [(277632, "WLD"), (69610, "CHN")]


@pytest.mark.parametrize("text", [
    "China, the world's largest filer, saw its PCT filings fall 0.6% to 69,610 in 2023.",
    "China remained the top filer, with 69,610 PCT applications in 2023.",
    "China was the largest applicant in 2023 with 69,610 international patent applications.",
])
def test_a_role_held_by_the_economy_before_it_is_not_an_organisation(store, text):
    found = spot.spot(text, store=store, published="2024-03-07")
    assert {(c.match.indicator, c.entity, c.verdict) for c in found} <= {
        ("pct_applications", "CHN", "supported"), ("pct_applications_yoy_pct", "CHN", "supported")}


def test_an_organisation_in_the_top_role_keeps_its_figure(store):
    [c] = spot.spot("Huawei, the top filer, published 6,494 PCT applications in 2023.", store=store,
                    published="2024-03-07")
    assert c.match is None and c.frame["subject"] == "other:company"


@pytest.mark.parametrize("text", [
    "The PCT Yearly Review describes global patent activity. In 2023, about 272,600 international patent "
    "applications were filed under the PCT, down 1.8% from a year earlier.",
    "WIPO counted 272,600 PCT applications in 2023.",
    "In 2023, applicants filed 272,600 PCT applications in all.",
])
def test_with_no_economy_named_and_the_world_spoken_of_a_pct_figure_is_the_worlds_total(store, text):
    found = [c for c in spot.spot(text, store=store, published="2024-03-07") if c.match]
    assert found and {(c.entity, c.verdict) for c in found} == {("WLD", "supported")}


@pytest.mark.parametrize("text, entity", [
    ("Japan filed 48,879 PCT applications in 2023, globally the third.", "JPN"),   # an economy named: its own
    ("In 2023, 69,610 PCT applications were filed.", "CHN"),                      # no world spoken of: China's, open
])
def test_the_world_is_not_taken_where_an_economy_is_named_or_nothing_speaks_of_it(store, text, entity):
    [c] = [c for c in spot.spot(text, store=store, published="2024-03-07") if c.unit != "rank"]
    assert c.entity == entity and c.verdict not in ACCUSING


def test_the_world_spoken_of_never_takes_a_series_that_holds_no_world_row(store):
    """Customs holds China's exports only: "global" in the sentence leaves them China's (assumed)."""
    [c] = spot.spot("Global demand was weak. Exports reached 25.45 trillion yuan in 2024.", store=store,
                    published="2025-01-20")
    assert (c.match.indicator, c.entity, c.verdict) == ("goods_exports", "CHN", "supported")


# --- "top N": a list's size, never a count to judge -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "By the end of 2023, China had the most of the world's top 100 science and technology clusters.",
    "WIPO's list of the top 100 S&T clusters for 2023 has China in the lead.",
    "Among the top-100 innovation clusters in 2023, China led.",
])
def test_a_count_after_top_is_a_lists_size_and_never_accused(store, text):
    found = spot.spot(text, store=store, published="2024-03-07")
    assert all(c.match is None and c.verdict not in ACCUSING for c in found if c.value == 100)


def test_the_count_a_list_of_the_top_n_holds_is_still_judged(store):
    found = spot.spot("China hosted 24 of the top 100 S&T clusters in 2023.", store=store, published="2024-03-07")
    [own] = [c for c in found if c.value == 24]
    assert (own.match.indicator, own.verdict) == ("st_clusters_top100", "supported")
    [ranked] = [c for c in spot.spot("Singapore stayed in the top 10 of the Global Innovation Index in 2023.",
                                     store=store, published="2023-10-01") if c.value == 10]
    assert ranked.unit == "rank" and ranked.match.indicator == "gii_rank"
    [topped] = spot.spot("Vehicle sales rose 4.5 percent in 2024 to top 31.436 million units.", store=store,
                         published="2025-01-20")[1:]  # "top" a verb: the figure is the sales
    assert (topped.match.indicator, topped.verdict) == ("vehicle_sales", "supported")


# --- GII: economies listed after a threshold, a ranking's field, the edition the text speaks of ----------------
# (GII 2024: Switzerland 1, Sweden 2, the United States 3, Singapore 4; GII 2023: the Netherlands 7, Germany 8)

@pytest.mark.parametrize("text, economies", [
    ("The 2024 Global Innovation Index is out. Its top five also includes Sweden, the United States and Singapore.",
     ["SWE", "USA", "SGP"]),
    ("Azerbaijan moved up in the 2023 Global Innovation Index. The top ten most innovative economies include the "
     "Netherlands and Germany.", ["NLD", "DEU"]),
])
def test_a_threshold_before_a_list_of_economies_it_includes_is_said_of_each(store, text, economies):
    found = [c for c in spot.spot(text, store=store, published="2024-10-01") if c.unit == "rank"]
    assert [(c.entity, c.match.indicator, c.verdict) for c in found] == [(e, "gii_rank", "supported") for e in economies]


def test_an_owners_top_n_list_is_of_its_partners_and_not_said_of_each():
    reads = _reads(["China's top four trading partners were ASEAN, the EU, the US, and South Korea."], "2025-01-20")
    assert len([r for r in reads if r.figure.unit == "rank"]) == 1


def test_an_economy_named_before_the_threshold_keeps_it_when_others_are_listed_after(store):
    [c] = [c for c in spot.spot("China is in the top 15 of the 2024 Global Innovation Index, which includes Sweden "
                                "and Singapore.", store=store, published="2024-10-01") if c.unit == "rank"]
    assert (c.entity, c.verdict) == ("CHN", "supported")


@pytest.mark.parametrize("text", [
    "Singapore has climbed to fourth place globally in this year's Global Innovation Index.",
    "In the Global Innovation Index 2024, Singapore ranked fourth worldwide.",
])
def test_a_world_word_after_a_rank_is_the_rankings_field_not_its_economy(store, text):
    [c] = [c for c in spot.spot(text, store=store, published="2024-10-01") if c.unit == "rank"]
    assert (c.entity, c.match.indicator, c.verdict) == ("SGP", "gii_rank", "supported")


def test_this_edition_is_the_published_years_and_its_number_is_no_rank(store):
    text = ("Sweden came second in the 2012 edition of the Global Innovation Index. In this 17th edition, "
            "Singapore ranks fourth.")
    found = spot.spot(text, store=store, published="2024-10-01")
    edition = by_span(found, "17th")
    assert edition.match is None and edition.verdict not in ACCUSING
    fourth = by_span(found, "fourth")
    assert (fourth.entity, fourth.period, fourth.verdict) == ("SGP", "2024", "supported")
    # an earlier edition named by its year stays that year's
    assert by_span(found, "second").period == "2012"


# --- a month opening the sentence as what saw the figures ---------------------------------------------------------
# (GACC: December 2024 surplus $104.8 billion, exports +10.7% in dollars)

@pytest.mark.parametrize("text", [
    "China's surplus hit a record in 2024. December saw the trade surplus reach $104.8 billion.",
    "China's surplus hit a record in 2024. December brought a surplus of $104.8 billion.",
])
def test_a_month_opening_the_sentence_dates_its_figures(store, text):
    [c] = [c for c in spot.spot(text, store=store, published="2025-01-13") if c.value == 104.8]
    assert (c.period, c.match.indicator, c.verdict) == ("2024-12", "goods_trade_balance", "supported-rounded")


@pytest.mark.parametrize("sentence", [
    "December 7 saw the release of the data, with the surplus at $992 billion in 2024.",  # a day: a release date
    "Officials said in a statement that the surplus was $992 billion in 2024, as December saw a slowdown.",
])
def test_a_day_or_a_month_later_in_the_sentence_does_not_date_its_figures(sentence):
    [read] = [r for r in _reads([sentence], "2025-01-13") if r.value == 992]
    assert read.frame.period == "2024"


# --- a lede without a period: the newest period first, then the year before -------------------------------------

def test_a_lede_that_the_newest_month_does_not_hold_is_judged_on_the_last_year(store):
    """A text of March 2025 with no period: February 2025 is the newest month; the store does not hold it alone
    (GACC reports January-February together), so the year 2024 (trade +5.0% in yuan) is tried next, assumed."""
    [c] = spot.spot("China's foreign trade grew 5 percent year on year.", store=store, published="2025-03-10")
    assert (c.match.period, c.verdict) == ("2024", "supported") and "period-from-published" in c.flags


def test_a_lede_that_no_latest_period_holds_is_never_an_accusation(store):
    [c] = spot.spot("China's foreign trade grew 9.9 percent year on year.", store=store, published="2025-03-10")
    assert c.verdict not in ACCUSING


# --- "the share of <part> in <whole>": the part's share ----------------------------------------------------------
# (NBS 2023: basic research 225.91 billion yuan, +11.6%, 6.77 percent of R&D expenditure)

@pytest.mark.parametrize("text", [
    "The share of basic research in R&D expenditure was 6.77 percent in 2023.",
    "The proportion of basic scientific research in total R&D investment rose to 6.77 percent in 2023.",
    "In 2023, the percentage of fundamental research in the country's R&D spending came to 6.77 percent.",
])
def test_a_share_of_a_part_in_a_whole_is_the_parts_share(store, text):
    [c] = spot.spot(text, store=store, published="2024-03-01")
    assert (c.match.indicator, c.verdict) == ("basic_research_share_pct", "supported")


@pytest.mark.parametrize("text", [
    "The share of basic research in R&D expenditure rose 11.6 percent in 2023.",  # the share's growth: held nowhere
    "The share of basic research in R&D expenditure was 9.9 percent in 2023.",   # wrong, with no economy named
])
def test_a_shares_growth_is_not_the_parts_spending_growth_and_nothing_is_accused(store, text):
    [c] = spot.spot(text, store=store, published="2024-03-01")
    assert c.verdict not in ACCUSING and (c.match is None or c.match.indicator == "basic_research_share_pct")


# --- the noun a figure counts, right after it, over a sibling named before ----------------------------------------
# (CAAM 2023 sales: BEVs 6.685 million, PHEVs 2.804 million)

@pytest.mark.parametrize("text", [
    "In 2023, 6.685 million BEVs and 2.804 million PHEVs were sold.",
    "Sales included 6.685 million battery electric vehicles and 2.804 million new plug-in hybrids in 2023.",
])
def test_the_noun_right_after_a_figure_is_what_it_counts(store, text):
    found = spot.spot(text, store=store, published="2024-03-01")
    assert [(c.match.product, c.verdict) for c in found] == [("bev", "supported"), ("phev", "supported")]


def test_a_wider_noun_after_the_figure_does_not_replace_a_narrower_subject_before_it():
    """"BEV sales reached 6.685 million automobiles": automobiles (all vehicles) is the kind, BEVs the subject."""
    [read] = _reads(["BEV sales reached 6.685 million automobiles in 2023."], "2024-03-01")
    assert read.frame.subject == "bev"


# --- a growth rate's currency: the level it qualifies, else its clause's, else its paragraph's ------------------
# (GACC 2024: exports +7.1% in yuan to 25.45 trillion yuan, +5.9% in dollars to $3.58 trillion; imports +2.3% / +1.1%)

@pytest.mark.parametrize("text, indicator", [
    ("Shipments abroad climbed 7.1 percent to 25.45 trillion yuan in 2024.", "goods_exports_yoy_pct"),
    ("Overseas shipments grew 5.9 percent to $3.58 trillion in 2024.", "goods_exports_usd_yoy_pct"),
    ("China's exports reached CNY25.45 trillion in 2024, up 7.1 percent.", "goods_exports_yoy_pct"),
    # a conversion in brackets is not the basis
    ("Exports rose 7.1 percent to 25.45 trillion yuan ($3.58 trillion) in 2024.", "goods_exports_yoy_pct"),
    # the paragraph states the basis once
    ("In U.S. dollar terms, the year was calmer for trade.\n\nImports went up 1.1 percent in 2024.",
     "goods_imports_usd_yoy_pct"),
    ("In yuan terms, the year was calmer for trade. Imports went up 2.3 percent in 2024.", "goods_imports_yoy_pct"),
])
def test_a_growth_rate_takes_the_currency_of_the_level_it_qualifies(store, text, indicator):
    [c] = [c for c in spot.spot(text, store=store, published="2025-01-20") if c.unit == "percent"]
    assert c.match.indicator == indicator and c.verdict == "supported"


@pytest.mark.parametrize("text", [
    "China's exports grew 6.5 percent in 2024.",                          # no currency anywhere
    "Exports grew 6.5 percent in 2024, while the trade surplus hit $992 billion.",  # another clause's dollars
    "In dollar terms, the surplus was a record.\n\nExports grew 6.5 percent in 2024.",  # another paragraph's basis
])
def test_a_growth_rate_with_no_currency_of_its_own_stays_open_and_is_never_an_accusation(store, text):
    [c] = [c for c in spot.spot(text, store=store, published="2025-01-20") if c.unit == "percent"]
    assert "currency" in c.open and c.verdict not in ACCUSING


# --- "respectively" pairs a list of measures with a list of figures -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("In dollar terms, imports and exports rose 1.1 percent and 5.9 percent to $2.59 trillion and $3.58 trillion "
     "in 2024, respectively.",
     [("goods_imports_usd_yoy_pct", "supported"), ("goods_exports_usd_yoy_pct", "supported"),
      ("goods_imports", "supported"), ("goods_exports", "supported")]),
    ("Exports and imports came to 25.45 trillion yuan and 18.39 trillion yuan in 2024, respectively.",
     [("goods_exports", "supported"), ("goods_imports", "supported")]),
])
def test_respectively_gives_each_figure_the_measure_listed_at_its_place(store, text, expected):
    found = spot.spot(text, store=store, published="2025-01-20")
    assert [(c.match.indicator, c.verdict) for c in found] == expected


def test_a_list_of_measures_without_respectively_stays_their_sum(store):
    """"imports and exports" without "respectively" is total trade: never split over the figures."""
    [c] = spot.spot("Imports and exports came to 43.85 trillion yuan in 2024.", store=store, published="2025-01-20")
    assert c.match.indicator == "goods_trade" and c.verdict == "supported"
    found = spot.spot("Imports and exports rose 5 percent and hit 43.85 trillion yuan in 2024.", store=store,
                      published="2025-01-20")
    assert {c.match.measure for c in found} == {"trade"}


# --- the year of an earlier rank is that rank's ---------------------------------------------------------------

def test_a_year_after_an_earlier_rank_is_its_base_not_the_figures():
    reads = _reads(["China was named among the most innovative economies in 2023.",
                    "It ranks 12th, down from 11th in 2022."], "2023-10-01")
    assert [(r.figure.value, r.frame.period) for r in reads] == [(12, "2023"), (11, "2022")]


# --- "N years prior" / "N years ago" ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentences, published, period", [
    (["China released its 2024 trade surplus at $990 billion, shattering the previous record of $838 billion set two "
      "years prior."], "2025-01-20", "2022"),                         # globalEDGE (dev3 split)
    (["Exports of cars reached 5.2 million units in 2024, against 3 million three years earlier."], None, "2021"),
    (["Solar module exports stood at 40 GW two years ago."], "2025-03-01", "2023"),
])
def test_a_figure_counted_back_in_years_takes_that_year_assumed(sentences, published, period):
    last = _reads(sentences, published)[-1]
    assert (last.frame.period, last.frame.period_from) == (period, "assumed")


def test_years_back_with_nothing_to_count_from_gives_no_year():
    [read] = _reads(["Exports stood at 3 million units two years ago."])
    assert read.frame.period is None


# --- a unit that says what is counted -------------------------------------------------------------------------

def test_a_figure_in_vehicles_with_no_subject_counts_vehicles_not_goods(store):
    found = spot.spot("Overseas shipments climbed from about 1 million units in 2020.", store=store,
                      published="2024-01-11")
    c = by_span(found, "1 million units")
    assert (c.frame["subject"], c.frame["subject_from"]) == ("vehicles", "assumed")
    assert c.match is not None and c.match.indicator == "vehicle_exports" and c.verdict not in ACCUSING
    [other] = _reads(["Exports rose 5 percent in 2023."])
    assert other.frame.subject == "goods"  # no unit of its own: the default stays


# --- whole numbers written with trailing zeros are rounded ------------------------------------------------------

@pytest.mark.parametrize("text, verdict", [
    ("By 2023 the number of PCT applications from China reached about 70,000.", "supported-rounded"),  # Bernama (dev3)
    ("China filed 70,000 PCT applications in 2023.", "supported-rounded"),   # WIPO: 69,610
    ("China filed 69,610 PCT applications in 2023.", "supported"),
    ("China filed 69,000 PCT applications in 2023.", "contradicted"),        # to the thousand: 70,000
])
def test_a_whole_number_with_three_trailing_zeros_is_read_to_its_last_non_zero_digit(store, text, verdict):
    [c] = spot.spot(text, store=store, published="2024-10-21")
    assert c.verdict == verdict, c.explanation


@pytest.mark.parametrize("text, verdict", [
    ("China's solar panel exports to the Middle East reached $350 million in March 2024.", "supported-rounded"),
    ("China's solar panel exports to the Middle East reached $340 million in March 2024.", "contradicted"),
    ("China's trade surplus hit a record $990 billion in 2024.", "supported-rounded"),  # GACC: 992.1 billion
])
def test_a_scaled_whole_number_ending_in_zero_is_read_to_its_last_non_zero_digit(store, text, verdict):
    """"$350 million" is prose rounded to the ten million (Ember: 347.5 million), not exact to the million: read
    to the million it was a false accusation; "$340 million" still disagrees (the range is [335, 345) million)."""
    [c] = spot.spot(text, store=store, published="2025-01-20")
    assert c.verdict == verdict, c.explanation


# --- a figure from another compiler of a measure the store holds -------------------------------------------------

@pytest.mark.parametrize("text, compiler", [
    ("According to BloombergNEF, China exported 107.3 GW of solar panels in the first half of 2023.", "BloombergNEF"),
    ("Customs figures compiled by PV InfoLink put China's solar module exports at 150 GW in the first half of 2023.",
     "PV InfoLink"),
    ("China exported 4.14 million passenger cars in 2023, the China Passenger Car Association said.",
     "China Passenger Car Association"),
])
def test_another_compilers_figure_is_matched_to_the_stores_series_and_needs_review_naming_both(store, text, compiler):
    """A consultancy's or another association's count of a measure the store holds from its own publisher (Ember's
    solar exports, CAAM's car exports): that series, never unverifiable and never judged as stated, whether the
    values agree (107.3 GW: Ember sums to 107.27) or not (150 GW)."""
    [c] = spot.spot(text, store=store, published="2024-03-01")
    assert c.match is not None and c.verdict == "needs-review" and "other-basis" in c.flags
    assert compiler in c.explanation and c.match.basis in c.explanation and c.match.source in c.explanation


def test_another_compilers_figure_on_a_measure_the_store_lacks_stays_unverifiable(store):
    [c] = spot.spot("According to BNEF, China's wind turbine exports reached 10 GW in 2023.", store=store,
                    published="2024-03-01")
    assert c.match is None and c.verdict == "unverifiable"


@pytest.mark.parametrize("text", ["According to CAAM, China exported 4.91 million vehicles in 2023.",
                                  "China exported 4.91 million vehicles in 2023."])
def test_a_compiler_the_series_agrees_with_or_none_named_is_judged_as_stated(store, text):
    [c] = spot.spot(text, store=store, published="2024-03-01")
    assert c.verdict == "supported" and "other-basis" not in c.flags


# --- a share of a total whose two levels the store holds -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the whole is the level read before in the sentence, the part named beside the share word
    "China's vehicle sales came to 30.09 million units in 2023, with new energy vehicles contributing 31.6 percent.",
    "China sold 30.09 million vehicles in 2023; new energy vehicles represented about 31.6 percent.",
    # the whole named after "of" (a year or "Chinese" before it), the part after "by"
    "Some 31.6 percent of 2023 vehicle sales were accounted for by NEVs.",
    "NEVs made up 31.6 percent of Chinese vehicle sales in 2023.",
])
def test_a_share_of_a_total_is_the_part_over_the_whole_of_two_stored_levels(store, text):
    """CAAM: NEV sales 9.495 million of 30.094 million vehicles in 2023 (31.55%)."""
    c = by_span(spot.spot(text, store=store, published="2024-01-20"), "31.6")
    assert (c.frame["subject"], c.frame["whole_subject"], c.frame["whole_measure"]) == ("nev", "vehicles", "sales")
    assert (c.match.indicator, c.match.product, c.match.derivation) == ("vehicle_sales", "nev", "share")
    assert c.verdict == "supported-rounded" or c.verdict == "supported", c.explanation


@pytest.mark.parametrize("text", [
    "China sold 30.09 million vehicles in 2023; new energy vehicles represented about 45 percent.",  # CAAM: 31.55%
    "China's vehicle sales came to 30.09 million units in 2023, with NEVs contributing 45 percent.",
])
def test_a_wrong_derived_share_is_never_an_accusation(store, text):
    c = by_span(spot.spot(text, store=store, published="2024-01-20"), "45")
    assert c.match.derivation == "share" and c.verdict == "needs-review"


@pytest.mark.parametrize("text", [
    # contributing to growth is not a share of a level
    "R&D spending by enterprises contributed to 84 percent of the growth of R&D spending in 2022.",
    # a share whose whole the store does not hold in the same series (exports of goods in yuan, EVs in units)
    "China's exports reached 3.38 trillion dollars in 2023, with electric vehicles contributing 5 percent.",
])
def test_no_share_of_two_levels_without_a_whole_of_the_same_series(store, text):
    found = spot.spot(text, store=store, published="2024-01-20")
    assert any("percent" in c.span for c in found)  # the percentage is read (else the loop proves nothing)
    for c in found:
        assert c.verdict not in ACCUSING
        assert not (c.match and c.match.derivation == "share"), c.span


# --- a change over a stated base year is a change over that span ----------------------------------------------------

@pytest.mark.parametrize("text, span, period, verdict", [
    # GII ranks of China: 29th in 2015, 11th in 2022, 10th in 2025
    ("China has moved up 19 places in the Global Innovation Index since 2015, to 10th in 2025.", "19 places",
     "2015/2025", "supported"),
    ("China's rank in the Global Innovation Index rose 18 spots from 2015 to 2022.", "18 spots", "2015/2022",
     "supported"),
    ("China has moved up 12 places in the Global Innovation Index since 2015, to 10th in 2025.", "12 places",
     "2015/2025", "needs-review"),
])
def test_a_change_since_a_stated_base_year_is_matched_on_the_span_and_judged_from_its_two_rows(store, text, span,
                                                                                               period, verdict):
    c = by_span(spot.spot(text, store=store, published="2025-09-20"), span)
    assert (c.match.derivation, c.match.base_period, c.match.period) == ("difference", period[:4], period)
    assert c.verdict == verdict, c.explanation   # a wrong derived change is never an accusation


def test_a_change_from_the_previous_year_is_matched_on_its_own_year(store):
    c = by_span(spot.spot("China rose one place in the Global Innovation Index in 2025, from its 2024 position.",
                          store=store, published="2025-09-20"), "one place")
    assert (c.match.derivation, c.match.period) == ("difference", "2025")


# --- the year of an earlier figure in any measure unit is that figure's base -------------------------------------

@pytest.mark.parametrize("second, value", [
    ("Module exports to Asia reached 68 GW in total, up 26% from 54 GW in 2023.", 68),
    ("Car exports rose to 5.9 million units, from 4.9 million units in 2023.", 5.9),
    ("Exports climbed to $3.6 trillion, up from about $3.4 trillion in 2023.", 3.6),
])
def test_a_year_right_after_an_earlier_figure_with_its_unit_is_that_figures_base(second, value):
    reads = _reads(["China's 2024 trade figures were released on Monday.", second], "2025-01-20")
    [main] = [r for r in reads if r.value == value]
    [earlier] = [r for r in reads if r.frame.role == "earlier"]
    assert (main.frame.period, main.frame.base_period, earlier.frame.period) == ("2024", "2023", "2023")


def test_a_year_after_a_count_of_places_stays_the_sentences():
    reads = _reads(["China imported 5 GW of solar cells from 20 countries in 2023."], "2025-01-20")
    [level] = [r for r in reads if r.value == 5]
    assert level.frame.period == "2023"


# --- the rank of a named member of a ranking kept per name (GII S&T clusters) ---------------------------------------

@pytest.mark.parametrize("text, span, product, entity, verdict", [
    # GII 2023: Seoul 3rd, Beijing 4th, Shanghai-Suzhou 5th; GII 2024: Beijing 3rd, Seoul 4th
    ("Among the science and technology clusters of 2023, Seoul came in third place and Beijing in fourth.", "third",
     "cluster:Seoul", "KOR", "supported"),
    ("Among the science and technology clusters of 2023, Seoul came in third place and Beijing in fourth.", "fourth",
     "cluster:Beijing", "CHN", "supported"),
    ("In the 2024 cluster ranking, Beijing took third place.", "third", "cluster:Beijing", "CHN", "supported"),
    ("Shanghai - Suzhou was the world's fifth most innovative cluster in 2023.", "fifth", "cluster:Shanghai–Suzhou",
     "CHN", "supported"),
    ("In the 2024 cluster ranking, Beijing took sixth place.", "sixth", "cluster:Beijing", "CHN", "contradicted"),
])
def test_a_rank_right_after_a_clusters_name_is_that_clusters_rank(store, text, span, product, entity, verdict):
    c = by_span(spot.spot(text, store=store, published="2024-10-01"), span)
    assert (c.match.indicator, c.match.product, c.match.entity) == ("cluster_rank", product, entity)
    assert c.verdict == verdict, c.explanation


@pytest.mark.parametrize("text, span", [
    # a rank further back in a list, or "respectively": not bound to a name (today not read at all)
    ("In 2023 the top clusters were Tokyo-Yokohama, Shenzhen-Hong Kong-Guangzhou and Seoul, first, second and "
     "third respectively.", None),
    ("Beijing ranked first among Chinese cities for patents granted in 2023.", "first"),   # no cluster ranking
    ("Beijing's cluster grew fastest, while the country ranked third in 2023.", None),   # the rank is the country's
])
def test_a_rank_not_bound_to_a_clusters_name_is_not_its_rank(store, text, span):
    found = spot.spot(text, store=store, published="2024-10-01")
    if span:
        by_span(found, span)  # the rank is read (else the loop below proves nothing)
    for c in found:
        assert not (c.match and c.match.indicator == "cluster_rank" and c.match.product == "cluster:Beijing"), c.span
        assert c.verdict not in ACCUSING


# --- a lead on a measure with no level in the sentence -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Measured by international patent applications under the PCT, China ranks first in the world.",
    "China's PCT patent applications ranked first globally, the WIPO chief said.",
])
def test_ranking_first_on_a_stated_measure_without_a_level_is_a_leader_claim(store, text):
    """WIPO PCT applications by origin, 2023: China 69,610, the US 55,678 (the latest year before 2024-10)."""
    [c] = [c for c in spot.spot(text, store=store, published="2024-10-21") if c.value == 1]
    assert (c.role, c.check, c.match.indicator, c.period) == ("leader", "leader", "pct_applications", "2023")
    assert c.frame["period_from"] == "assumed" and c.verdict == "supported", c.explanation


def test_a_streak_beside_a_lead_whose_year_comes_from_the_published_date_spans_the_years_before_it(store):
    found = spot.spot("China's PCT patent applications ranked first in the world for four straight years, WIPO said.",
                      store=store, published="2024-10-21")
    streak = by_span(found, "four")
    assert (streak.match.derivation, streak.match.period) == ("streak", "2020/2023")
    assert streak.verdict not in ACCUSING


@pytest.mark.parametrize("text", [
    "China's PCT patent applications rank first in Asia.",                       # a narrower field
    "The Shenzhen-Hong Kong-Guangzhou innovation cluster ranked first globally.",  # a ranking's member, not a measure
    "China ranked first among upper middle-income economies in the Global Innovation Index.",
])
def test_no_lead_of_a_measure_in_a_narrower_field_or_for_a_ranking(store, text):
    found = spot.spot(text, store=store, published="2024-10-21")
    by_span(found, "first")  # the rank is read (else the loop below proves nothing)
    for c in found:
        assert not (c.role == "leader" and c.match and c.match.indicator == "pct_applications")
        assert c.frame.get("role") != "leader" or not (c.match and c.match.source == "gii")
        assert c.verdict not in ACCUSING


def test_a_year_naming_an_event_is_not_a_figures_period():
    [read] = _reads(["Speaking at the 2024 World Digital Economy Conference, officials said exports rose 5 percent."],
                    "2025-03-01")
    assert read.frame.period != "2024"
    [read] = _reads(["In 2024 exports rose 5 percent, officials told the Conference."], "2025-03-01")
    assert read.frame.period == "2024"


# --- a multiple over a base year -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, verdict", [
    # CAAM vehicle exports: 995,000 in 2020, 4.91 million in 2023 (4.93 times); NEV exports 310,000 in 2021,
    # 1.203 million in 2023 (3.88 times)
    ("Car exports from China in 2023 were nearly five times the 2020 figure.", "five times", "supported"),
    ("China's vehicle exports rose from about 1 million units in 2020 to almost five times that level within three "
     "years.", "five times", "supported"),
    ("China's exports of new energy vehicles tripled between 2021 and 2023.", "tripled", "needs-review"),
    ("Car exports from China in 2023 were ten times the 2020 figure.", "ten times", "needs-review"),
])
def test_a_multiple_over_a_base_year_is_the_ratio_of_two_stored_levels_never_an_accusation(store, text, span, verdict):
    c = by_span(spot.spot(text, store=store, published="2024-01-20"), span)
    assert c.match.derivation == "ratio" and c.match.indicator == "vehicle_exports"
    assert c.match.period in ("2020/2023", "2021/2023") and c.verdict == verdict, c.explanation


@pytest.mark.parametrize("text", [
    "Exports of solar panels almost quadrupled.",                            # no base year
    "China's R&D spending in 2022 was more than three times the 2012 level.",  # the store lacks 2012
])
def test_a_multiple_without_two_stored_levels_is_unverifiable(store, text):
    [c] = [c for c in spot.spot(text, store=store, published="2024-01-20") if c.unit == "ratio"]
    assert c.verdict == "unverifiable" and c.match is None


# --- "both" after two levels of different measures ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # CAAM NEVs 2023: production 9.587 million, sales 9.495 million
    "In 2023 NEV output climbed to 9.59 million units, while sales reached 9.5 million units, both above 9 million.",
    "NEV production came to 9.59 million units in 2023 and sales to 9.5 million units, each of them exceeding 9 million.",
])
def test_a_figure_after_both_is_said_of_each_of_the_two_levels_before_it(store, text):
    found = [c for c in spot.spot(text, store=store, published="2024-01-20") if c.value == 9]
    assert sorted(c.match.measure for c in found) == ["production", "sales"]
    assert all(c.match.subject == "nev" and c.verdict == "supported" for c in found), [c.explanation for c in found]


def test_both_after_two_levels_of_one_measure_is_read_once():
    reads = _reads(["Car exports were 4.91 million units in 2023 and 3.11 million units in 2022, both above 3 million."],
                   "2024-01-20")
    assert len([r for r in reads if r.value == 3]) == 1


# --- the partner of a flow -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, partner", [
    # Ember, China's solar panel exports in 2024: to Pakistan 16.38 GW, to Europe 96.52 GW (sums of monthly rows)
    ("China's exports of solar panels to Pakistan reached 16.4 GW in 2024.", "PAK"),
    ("Pakistan imported 16.4 GW of Chinese solar panels in 2024.", "PAK"),
    ("Europe bought 96.5 GW of solar modules from China in 2024, its imports of them rising again.", "region:Europe"),
])
def test_a_flow_to_a_partner_is_judged_on_the_partners_rows_of_a_series_kept_per_partner(store, text, partner):
    [c] = [c for c in spot.spot(text, store=store, published="2025-03-01") if c.unit == "GW"]
    assert (c.match.source, c.match.counterpart, c.match.entity) == ("ember", partner, "CHN")
    assert c.verdict == "supported-rounded", c.explanation


def test_an_importers_flow_in_a_text_about_chinas_exports_is_chinas_exports_to_it_never_accused(store):
    text = ("China exported 235 GW of solar modules in 2024.\n\n"
            "Pakistan imported 30 GW of modules in 2024.")          # Ember: 16.38 GW; China not named: assumed
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "30 GW")
    assert c.match.counterpart == "PAK" and c.frame["entity_from"] == "assumed" and c.verdict not in ACCUSING


@pytest.mark.parametrize("text", [
    "China's exports to the United States fell 13.1% in 2023.",        # no series kept per partner: not the total
    "Exports to Russia jumped nearly 47% in 2023.",
])
def test_a_flow_with_a_partner_no_stored_series_holds_is_unverifiable(store, text):
    for c in spot.spot(text, store=store, published="2025-03-01"):
        assert c.verdict == "unverifiable" and c.match is None, (c.span, c.verdict, c.match)


# --- a share word after a growth rate belongs to another figure ------------------------------------------------------

def test_a_share_word_after_a_growth_rate_is_not_its_measure():
    reads = _reads(["Exports of solar panels rose 30% in 2024, accounting for 40% of the total."], "2025-03-01")
    growth, share = [r for r in reads if r.value == 30][0], [r for r in reads if r.value == 40][0]
    assert (growth.frame.measure, growth.frame.transformation) == ("exports", "growth_rate")
    assert share.frame.transformation == "share"


def test_a_share_word_before_a_percentage_stays_its_measure():
    [first, _] = _reads(["China's share of the market increased from 2.4 percent in 2010 to 26.9 percent in 2020."],
                        "2025-03-01")
    assert first.frame.measure == "share"


# --- a growth over several years ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, verdict", [
    # CAAM vehicle exports: 995,000 in 2020, 4.91 million in 2023 (+393.5%)
    ("China's car exports rose 393% between 2020 and 2023.", "393%", "supported-rounded"),
    ("Since 2020, China's vehicle exports have increased by 393 percent, reaching 4.91 million units in 2023.",
     "393 percent", "supported-rounded"),
    ("China's vehicle exports in 2023 were up 150% from 2020.", "150%", "needs-review"),   # wrong: never accused
])
def test_a_growth_since_a_base_year_is_the_growth_of_two_stored_levels_never_a_yearly_rate(store, text, span, verdict):
    c = by_span(spot.spot(text, store=store, published="2024-01-20"), span)
    assert (c.match.derivation, c.match.indicator, c.match.period) == ("growth", "vehicle_exports", "2020/2023")
    assert c.verdict == verdict, c.explanation


def test_an_average_yearly_growth_over_years_is_unverifiable_and_the_level_after_it_still_maps(store):
    found = spot.spot("China's vehicle exports have grown 70 percent a year on average since 2020, reaching 4.91 "
                      "million units in 2023.", store=store, published="2024-01-20")
    assert by_span(found, "70 percent").verdict == "unverifiable"
    level = by_span(found, "4.91 million")
    assert level.match.indicator == "vehicle_exports" and level.verdict == "supported"


def test_a_base_year_another_phrase_carries_leaves_a_yearly_rate(store):
    c = by_span(spot.spot("China's exports fell 4.6% in 2023 in dollar terms, marking the first decline since 2016.",
                          store=store, published="2024-01-20"), "4.6%")
    assert (c.match.derivation, c.match.period) == ("", "2023") and c.verdict == "supported", c.explanation


def test_a_destination_list_continued_without_a_flow_word_is_the_next_partners_flow_assumed(store):
    text = ("China exported 235 GW of solar modules in 2024.\n\n"
            "Pakistan imported 16.4 GW of Chinese modules in 2024. India followed closely behind with 30 GW.")
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "30 GW")   # Ember, India 2024: not 30 GW
    assert (c.match.source, c.match.counterpart) == ("ember", "IND")
    assert c.frame["entity_from"] == "assumed" and c.verdict not in ACCUSING


def test_a_level_after_a_sentence_without_a_partner_is_not_a_destination(store):
    text = ("China exported 235 GW of solar modules in 2024. India followed closely behind with 30 GW.")
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "30 GW")
    assert not (c.match and c.match.counterpart) and c.verdict not in ACCUSING


# --- an organisation named before a figure is what the figure counts ---------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("In the education sector, the University of California (USA) remained the top applicant with 531 published PCT "
     "applications in 2023.", "531"),
    ("Mitsubishi Electric Corporation filed 2,152 international applications in 2023.", "2,152"),
    ("Among universities, Zhejiang University was the leading applicant, with 311 PCT applications in 2023.", "311"),
    ("Toyota Motor Corp. exported 2.7 million vehicles from Japan in 2023.", "2.7 million"),
])
def test_an_organisation_named_before_a_figure_makes_it_the_organisations(store, sentence, span):
    """The store holds economies, never organisations: the figure is unverifiable, never judged against the
    country in brackets or the sentence's economy (a university's 531 applications are not the United States')."""
    c = by_span(spot.spot(sentence, store=store, published="2024-03-08"), span)
    assert c.frame["subject"] == "other:company" and c.verdict == "unverifiable", (c.frame, c.verdict)


@pytest.mark.parametrize("sentence, span", [
    ("According to the China Academy of Information and Communications Technology, China's exports rose 7.1% in 2024.",
     "7.1%"),
    ("A study by Peking University found that China filed 69,610 PCT applications in 2023.", "69,610"),
    ("Chinese companies filed 69,610 PCT applications in 2023.", "69,610"),
])
def test_an_organisation_cited_as_the_source_or_companies_in_general_leave_the_economys_figure(store, sentence, span):
    c = by_span(spot.spot(sentence, store=store, published="2025-03-08"), span)
    assert c.frame["subject"] != "other:company", c.frame


# --- total trade and mechanical-and-electrical products in other words -------------------------------------------

@pytest.mark.parametrize("text, span, indicator", [
    # GACC 2024: trade 43.85 trillion yuan (+5.0%); 2023: mech-elec exports 13.92 trillion yuan (+2.9%)
    ("Overall trade grew 5 percent in 2024, the customs agency said.", "5 percent", "goods_trade_yoy_pct"),
    ("Imports edged up in 2024 while combined trade hit a record 43.85 trillion yuan.", "43.85", "goods_trade"),
    ("The total goods trade value came to 43.85 trillion yuan in 2024.", "43.85", "goods_trade"),
    ("Shipments of electro-mechanical products climbed to 13.92 trillion yuan in 2023.", "13.92", "mech_elec_exports"),
    ("In 2023 exports of machinery and electrical products rose 2.9 percent.", "2.9 percent",
     "mech_elec_exports_yoy_pct"),
])
def test_total_trade_and_mech_elec_wordings_name_their_series(store, text, span, indicator):
    c = by_span(spot.spot(text, store=store, published="2025-02-01"), span)
    assert (c.match.indicator, c.match.period) == (indicator, "2024" if "2024" in text else "2023")
    assert c.verdict in ("supported", "supported-rounded"), c.explanation


def test_combined_trade_with_a_partner_is_not_the_total(store):
    [c] = spot.spot("Combined trade with the EU fell 3 percent in 2024.", store=store, published="2025-02-01")
    assert c.frame["measure"] == "trade" and c.match is None and c.verdict == "unverifiable", (c.frame, c.match)


# --- a month singled out without "in", and the whole year after a paragraph on a month ------------------------------

@pytest.mark.parametrize("sentence, period", [
    ("In 2024, fourth-quarter trade hit a record, with December alone surpassing 4 trillion yuan.", "2024-12"),
    ("In 2024, December's exports rose 10.7 percent, the customs agency said.", "2024-12"),
    ("In 2024, exports during May grew 7.6 percent, and 4.3 percent in the first half.", "2024-05"),
])
def test_a_month_singled_out_dates_the_figures_after_it(sentence, period):
    [r] = [r for r in _reads([sentence], "2025-01-20") if r.value in (4, 10.7, 7.6)]
    assert r.frame.period == period, r.frame


@pytest.mark.parametrize("sentence", [
    "The customs agency will publish the data on December 7; exports rose 7.1 percent in 2024.",
    "Exports rose 7.1 percent in 2024, the agency said in a December report.",
])
def test_a_bare_month_name_is_not_a_period(sentence):
    [r] = [r for r in _reads([sentence], "2025-01-20") if r.value == 7.1]
    assert r.frame.period == "2024", r.frame


@pytest.mark.parametrize("wording", ["the annual value of mechanical and electrical exports",
                                     "full-year mechanical and electrical exports",
                                     "mechanical and electrical exports for the whole year"])
def test_full_year_words_after_a_month_make_the_figure_the_years(store, wording):
    """GACC 2023: mech-elec exports 13.92 trillion yuan; the December before is the carried period."""
    text = ("China's foreign trade came to 41.76 trillion yuan in 2023.\n\n"
            "Imports and exports in December reached 3.81 trillion yuan, a monthly record.\n\n"
            f"The customs agency put {wording} at 13.92 trillion yuan.")
    c = by_span(spot.spot(text, store=store, published="2024-01-12"), "13.92")
    assert (c.match.indicator, c.match.period) == ("mech_elec_exports", "2023") and c.verdict == "supported"


def test_an_annual_rate_of_a_month_keeps_the_month():
    reads = _reads(["Exports in December 2023 reached 3.81 trillion yuan.",
                    "Measured at an annual rate, exports grew 1.4 percent."], "2024-01-12")
    assert [r for r in reads if r.value == 1.4][0].frame.period == "2023-12"


def test_a_month_singled_out_does_not_date_a_figure_before_it():
    [r] = [r for r in _reads(["In 2024, quarterly trade reached 11.51 trillion yuan in the fourth quarter, with December "
                              "alone surpassing 4 trillion yuan."], "2025-01-20") if r.value == 11.51]
    assert r.frame.period == "2024-Q4", r.frame


# --- a release's date is not a period; a year after "a drop on" is a base -----------------------------------------

@pytest.mark.parametrize("sentence", [
    "Figures published by the customs agency on January 12, 2024 show exports of 23.77 trillion yuan, the annual "
    "total for 2023.",
    "WIPO said on 7 March 2024 that Chinese applicants had filed 69,610 PCT applications, 0.6% fewer than a year "
    "before, in what was the 2023 total.",
])
def test_the_date_of_a_release_is_not_the_period_of_its_figures(sentence):
    for r in _reads([sentence], "2024-03-14"):
        assert r.frame.period != "2024", (r.figure, r.frame)


def test_a_date_that_is_not_a_release_still_dates_the_figure():
    [r] = [r for r in _reads(["On March 7, 2024, a storm hit the port and exports fell 5 percent."], "2024-05-01")
           if r.value in (5, -5)]
    assert r.frame.period == "2024", r.frame


@pytest.mark.parametrize("sentence, span", [
    ("The US filed 55,678 applications in the year, a 5.3% drop on 2022.", "55,678"),
    ("Japan's filings came to 48,879, up 1 percent on 2022.", "48,879"),
])
def test_a_year_after_a_change_and_on_is_its_base(store, sentence, span):
    text = f"WIPO's figures for 2023 came out in March. {sentence}"
    c = by_span(spot.spot(text, store=store, published="2024-03-14"), span)
    assert c.frame["period"] == "2023" and c.frame["base_period"] == "2022", c.frame
    assert c.verdict not in ACCUSING


# --- an index's edition: the year whose row came out before the text --------------------------------------------

@pytest.mark.parametrize("sentence, span, entity", [
    # GII 2025 (released 2025-09-16): China 10th, Switzerland 1st
    ("China has broken into the top ten of the most innovative economies for the first time, WIPO said.", "top ten",
     "CHN"),
    ("Switzerland is again the most innovative country in the world, and China is now in the top 10.", "top 10", "CHN"),
])
def test_a_ranking_without_a_year_after_its_edition_is_released_is_that_editions(store, sentence, span, entity):
    c = by_span(spot.spot(sentence, store=store, published="2025-10-01"), span)
    assert (c.match.indicator, c.match.period, c.match.entity) == ("gii_rank", "2025", entity), c.match
    assert c.frame["period_from"] == "assumed" and c.verdict == "supported"


def test_a_ranking_without_a_year_before_its_edition_is_released_is_the_year_befores(store):
    c = by_span(spot.spot("China is in the top 20 of the most innovative economies.", store=store,
                          published="2025-06-01"), "top 20")
    assert c.match.period == "2024" and c.verdict not in ACCUSING      # GII 2024: China 11th


@pytest.mark.parametrize("published, period", [
    # the store knows only GII 2025's release (2025-09-16): an earlier edition is taken to come out on the same day
    ("2024-10-07", "2024"),     # after 16 September 2024: the 2024 edition (USA 3rd)
    ("2024-06-01", "2023"),     # before it: the 2023 edition (USA 3rd)
])
def test_an_earlier_edition_is_taken_to_come_out_on_the_day_of_the_last(store, published, period):
    c = by_span(spot.spot("Sweden and the USA followed Switzerland, the US in third place in the innovation ranking.",
                          store=store, published=published), "third")
    assert (c.match.period, c.frame["period_from"]) == (period, "assumed"), c.explanation


def test_an_edition_day_assumed_is_never_an_accusation(store):
    # USA: GII 2023 and 2024 3rd: "fifth" is wrong for either, but its edition is assumed, not stated
    c = by_span(spot.spot("The US came in fifth place in the Global Innovation Index.", store=store,
                          published="2024-10-07"), "fifth")
    assert c.match.period == "2024" and c.verdict not in ACCUSING, c.explanation


def test_a_trade_lede_keeps_the_year_before():
    """A customs year is released after it ends: a lede in January 2025 is about 2024 (no edition year)."""
    from indicators.spot import latest_periods
    from indicators.spot.matching import Entry
    entry = Entry("gacc", "goods_exports", None, "CNY", "exports", "goods", "customs", "money", "level", "", "",
                  {"CHN"}, {("CHN", "A", "2000", "2024")}, [], 1, released={("CHN", "A"): "2025-01-13"})
    from datetime import date
    assert latest_periods(entry, "CHN", date(2025, 1, 20)) == ["2024"]
    edition = Entry("gii", "gii_rank", None, "rank", "rank", "innovation_index", "index_publisher", "rank", "level",
                    "", "", {"CHN"}, {("CHN", "A", "2013", "2025")}, [], 1, released={("CHN", "A"): "2025-09-16"})
    assert latest_periods(edition, "CHN", date(2025, 9, 20)) == ["2025"]
    assert latest_periods(edition, "CHN", date(2025, 9, 1)) == ["2024"]


# --- a move in a ranking with no year: the edition a lede would read ------------------------------------------------

@pytest.mark.parametrize("text, span, entity", [
    # GII 2025: Korea 4th (6th in 2024), Singapore 5th (4th), Germany 11th (9th)
    ("Switzerland is again the most innovative country. South Korea has moved up two places in the index.",
     "two places", "KOR"),
    ("Switzerland is again the most innovative country. Singapore slipped back one place in the ranking.", "one place",
     "SGP"),
    ("Switzerland is again the most innovative country. Germany dropped two spots in the innovation ranking.",
     "two spots", "DEU"),
])
def test_a_move_in_a_ranking_without_a_year_is_the_change_to_the_latest_edition(store, text, span, entity):
    c = by_span(spot.spot(text, store=store, published="2025-10-01"), span)
    assert (c.match.indicator, c.match.period, c.match.entity, c.match.derivation) == (
        "gii_rank", "2025", entity, "difference"), c.match
    assert c.frame["period_from"] == "assumed" and c.verdict == "supported", c.explanation


def test_a_wrong_move_without_a_year_is_never_an_accusation(store):
    c = by_span(spot.spot("Switzerland is again the most innovative country. South Korea has moved up five places "
                          "in the index.", store=store, published="2025-10-01"), "five places")
    assert c.verdict not in ACCUSING, c.explanation


def test_a_move_without_a_year_or_a_published_date_stays_open(store):
    c = by_span(spot.spot("South Korea has moved up two places in the innovation ranking.", store=store), "two places")
    assert c.match is None or not c.match.period


# --- a year attached to another figure of the sentence is that figure's -------------------------------------------

@pytest.mark.parametrize("sentence, value, period", [
    ("China placed 12th this year (11th in 2022) and stays in the top 30.", 30, "2023"),
    ("Exports of cars reached 4.91 million this year, against 3.11 million in 2022, and made up 16 percent of "
     "sales.", 16, "2023"),
    ("The firm's sales rose 5 percent in 2022 and 8 percent this year.", 8, "2023"),
])
def test_a_year_attached_to_another_figure_does_not_date_a_later_one(sentence, value, period):
    [r] = [r for r in _reads([sentence], "2023-10-09") if r.value == value]
    # (a flow of a year not over when the text came out is its months so far: "8 percent this year" is 2023-01/2023-09)
    assert r.frame.period.split("/")[0][:4] == period and "2022" not in r.frame.period, r.frame


def test_the_only_year_of_a_sentence_still_dates_every_figure():
    reads = _reads(["Exports rose 5 percent in 2023 while imports fell 2 percent."], "2024-03-01")
    assert {r.frame.period for r in reads} == {"2023"}


# --- ranks of an index's named edition ------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["according to the 2024 Global Innovation Index", "in GII 2024",
                                     "in the 2024 edition of the innovation index"])
def test_a_rank_without_a_year_is_of_the_edition_named_not_of_a_data_year_carried(store, edition):
    """GII 2024: Korea 6th, Canada 14th (2023: 10th, 15th). A data year stated in between ("in 2023") must not
    date the ranks that follow."""
    text = (f"Switzerland leads again {edition}.\n\n"
            "Its spending on research rose in 2023, the report says.\n\n"
            "Further down, the Republic of Korea is 6th. Canada comes 14th.")
    found = spot.spot(text, store=store, published="2024-10-01")
    for span, entity in (("6th", "KOR"), ("14th", "CAN")):
        c = by_span(found, span)
        assert (c.match.period, c.match.entity) == ("2024", entity) and c.verdict == "supported", c.match


def test_a_year_naming_no_edition_leaves_a_carried_year():
    reads = _reads(["In 2023, the index ranked Korea 10th.", "Canada was 15th."], "2024-10-01")
    assert [r for r in reads if r.value == 15][0].frame.period == "2023"


# --- "such as" lists examples; it never points back ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, span, indicator", [
    ("Imports reached 18.39 trillion yuan, lifted by demand for goods such as fruit and wine.", "18.39",
     "goods_imports"),
    ("Imports rose 2.3% in yuan terms, with items such as chips in demand.", "2.3%", "goods_imports_yoy_pct"),
])
def test_such_as_after_a_subject_stated_before_does_not_carry_it(store, sentence, span, indicator):
    text = f"In 2024, exports of mechanical and electrical products grew by 8.7%. {sentence}"
    c = by_span(spot.spot(text, store=store, published="2025-01-20"), span)     # GACC 2024: 18.39, +2.3%
    assert (c.match.indicator, c.match.period) == (indicator, "2024") and c.verdict == "supported", c.frame


def test_such_before_a_noun_still_points_back():
    reads = _reads(["In 2024, China exported 5.86 million vehicles.", "Such vehicles made up 19 percent of sales."],
                   "2025-01-20")
    assert [r for r in reads if r.value == 19][0].frame.subject == "vehicles"


# --- a lead that ended ("until 2019") is no lead in that year (issue 20) --------------------------------------------

@pytest.mark.parametrize("text", [
    "The United States' PCT applications ranked first in the world until 2019.",
    "The United States' PCT patent applications ranked first globally up to 2019, WIPO said.",
    "Until 2019, the United States' PCT applications ranked first in the world.",
])
def test_a_lead_until_a_year_is_no_leader_claim(store, text):
    found = spot.spot(text, store=store, published="2024-10-21")
    c = by_span(found, "first")
    assert c.role != "leader" and c.verdict not in ACCUSING, c.explanation


# --- a list of destinations is not carried into a clause with its own verb (issue 20) -------------------------------

@pytest.mark.parametrize("text, span", [
    ("China exported 235 GW of solar modules in 2024. Pakistan imported 16.91 GW of modules in 2023. Germany installed 5 GW in "
     "March 2024.", "5 GW"),
    ("China exported 235 GW of solar modules in 2024. Pakistan imported 16.91 GW of modules in 2023. India's solar capacity "
     "reached 5 GW.", "5 GW"),
    ("China exported 235 GW of solar modules in 2024. Pakistan imported 16.91 GW of modules in 2023. Spain produced 3 GW of "
     "modules in 2023.", "3 GW"),
])
def test_a_destination_list_is_not_carried_into_a_clause_with_its_own_verb(store, text, span):
    [c] = [c for c in spot.spot(text, store=store, published="2025-03-01") if c.span == span]
    assert not (c.match and c.match.source == "ember"), c.explanation
    assert c.frame.get("counterpart") is None and c.verdict not in ACCUSING, c.explanation


# --- another economy's imports are a mirror of China's exports; "Chinese" elsewhere is no origin (issue 20) ----------

@pytest.mark.parametrize("text, origin", [
    # Ember: China's solar panel exports to Pakistan, March 2024: 368.5 million USD
    ("Pakistan imported $1 billion of solar panels in March 2024, half of them Chinese.", "assumed"),
    ("Chinese firms said Pakistan imported $1 billion of solar panels in March 2024.", "assumed"),
    ("Pakistan imported $1 billion of solar panels in March 2024, while China's own installations slowed.", "assumed"),
    ("Pakistan imported $1 billion of Chinese and Vietnamese solar panels in March 2024.", "assumed"),
    ("Pakistan imported $1 billion of Vietnamese and Chinese solar panels in March 2024.", "assumed"),
    ("Pakistan imported $1 billion of Chinese solar panels in March 2024.", "stated"),
])
def test_a_partners_imports_are_never_an_accusation_and_chinese_elsewhere_is_no_stated_origin(store, text, origin):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "$1 billion")
    assert (c.match.source, c.match.counterpart) == ("ember", "PAK"), c.explanation
    assert c.frame["entity_from"] == origin and c.verdict == "needs-review", c.explanation
    assert "mirror" in " ".join(c.frame["notes"]), c.frame["notes"]


# --- exports to a region: that region's row, never the world total (issue 20) ----------------------------------------

@pytest.mark.parametrize("text, counterpart, verdict", [
    # Ember, China's solar panel exports, March 2024: region:Middle East 347.5M, region:Asia 903.7M, region:North
    # America 5.998M USD, the world 3.011 billion ("$350 million" reads as exact to the million: judged on the row)
    ("China's solar panel exports to the Middle East reached $350 million in March 2024.", "region:Middle East", ""),
    ("China's solar panel exports to Asia reached $900 million in March 2024.", "region:Asia", ""),
    ("China's solar panel exports to North America reached $6 million in March 2024.", "region:North America",
     "supported"),
    ("Solar panel exports from China to the Middle East reached $347.5 million in March 2024.", "region:Middle East",
     "supported"),
])
def test_exports_to_a_region_are_judged_on_that_regions_row(store, text, counterpart, verdict):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "$")
    assert (c.match.source, c.match.counterpart) == ("ember", counterpart), c.explanation
    assert "billion" not in c.explanation and c.verdict.startswith(verdict), c.explanation


@pytest.mark.parametrize("text", [
    "China's solar panel exports to Middle Earth reached $350 million in March 2024.",
    "China's solar panel exports into the Gondor Federation reached $900 million in March 2024.",
])
def test_exports_to_a_partner_the_places_do_not_know_are_not_judged_on_the_world_row(store, text):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "$")
    assert c.match is None and c.verdict == "unverifiable", c.explanation
    assert "partner" in c.explanation, c.explanation


@pytest.mark.parametrize("text", [
    "China's solar panel exports to Southeast Asia reached $350 million in March 2024.",
    "China's solar panel exports to Asia-Pacific reached $350 million in March 2024.",
])
def test_exports_to_part_of_a_region_are_not_that_regions(store, text):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "$")
    assert not (c.match and c.match.counterpart) and c.verdict not in ACCUSING, c.explanation


# --- an economy's GII rank is not its cluster's (issue 20) --------------------------------------------------------

@pytest.mark.parametrize("text, economy_rank, cluster_rank", [
    # GII 2024: Singapore ranked 4th; its cluster is not 10th
    ("Singapore ranked fourth in the Global Innovation Index 2024, and its science and technology cluster ranked "
     "tenth.", "fourth", "tenth"),
    ("Singapore ranked fourth in the GII 2024 while its S&T cluster came tenth.", "fourth", "tenth"),
])
def test_an_economys_gii_rank_is_not_its_clusters(store, text, economy_rank, cluster_rank):
    found = spot.spot(text, store=store, published="2024-10-01")
    economy = by_span(found, economy_rank)
    assert not (economy.match and economy.match.indicator == "cluster_rank"), economy.explanation
    cluster = by_span(found, cluster_rank)
    assert not (cluster.match and cluster.match.indicator == "gii_rank"), cluster.explanation
    assert cluster.verdict not in ACCUSING, cluster.explanation


# --- an index's score: "a score of", "scored", a bracketed score after a name (issue 20) ----------------------------

@pytest.mark.parametrize("sentence, span, entity", [
    # store: GII 2024 scores DEU 58.1, CHN 56.3, FRA 55.4, JPN 54.1
    ("In the Global Innovation Index 2024, Germany earned a score of 58.1.", "58.1", "DEU"),
    ("China scored 56.3 in the GII 2024.", "56.3", "CHN"),
    ("France's score stood at 55.4 in the 2024 Global Innovation Index.", "55.4", "FRA"),
    ("Japan had a score of about 54 in GII 2024.", "54", "JPN"),
])
def test_a_number_after_score_words_is_the_index_score(store, sentence, span, entity):
    c = by_span(spot.spot(sentence, store=store, published="2025-01-15"), span)
    assert (c.unit, c.match.indicator, c.match.period, c.match.entity) == ("score", "gii_score", "2024", entity)
    assert c.verdict.startswith("supported"), c.explanation


def test_a_bracketed_number_after_a_name_takes_the_score_of_its_sentence(store):
    text = "In the GII 2024 Sweden led with a score of 64.5, ahead of the US (62.4) and Korea (60.9)."
    found = spot.spot(text, store=store, published="2025-01-15")
    for span, entity in (("62.4", "USA"), ("60.9", "KOR")):
        c = by_span(found, span)
        assert (c.value, c.match.indicator, c.match.entity) == (float(span), "gii_score", entity), c.explanation
        assert c.verdict == "supported", c.explanation


@pytest.mark.parametrize("text", [
    "Germany has topped the list with a score of 70.2.",       # no index named: the score's subject is assumed
    "Germany scored 3 goals against Japan in 2024.",
])
def test_a_score_without_its_index_named_is_never_an_accusation(store, text):
    [c] = spot.spot(text, store=store, published="2025-01-15")
    assert c.verdict not in ACCUSING and "subject" in c.open, c.explanation


def test_a_bracketed_number_without_a_score_in_its_sentence_is_no_score():
    figures = read_figures("Sales in Germany (62.6) and France (55.0) rose in 2024.")
    assert [f.unit for f in figures] == ["count", "count"]


# --- a signed move in a ranking: "Korea (4th / +2)", "China (+1)" (issue 20) -----------------------------------------

@pytest.mark.parametrize("text, span, entity, change", [
    # store: GII rank KOR 6 (2024) -> 4 (2025), CHN 11 -> 10, DEU 9 -> 11
    ("In the GII 2025, Korea (4th / +2) moved ahead.", "+2", "KOR", -2.0),
    ("China (+1) ranked 10th in the Global Innovation Index 2025.", "+1", "CHN", -1.0),
    ("In the Global Innovation Index 2025, Germany (11th, –2) lost ground.", "–2", "DEU", 2.0),
])
def test_a_signed_number_in_brackets_in_a_ranking_is_a_move(store, text, span, entity, change):
    c = by_span(spot.spot(text, store=store, published="2025-10-01"), span)
    assert (c.unit, c.value, c.frame["transformation"]) == ("rank", change, "change")
    assert (c.match.indicator, c.match.entity, c.match.period) == ("gii_rank", entity, "2025"), c.explanation
    assert c.verdict == "supported", c.explanation


@pytest.mark.parametrize("sentence", [
    "Profits at the firm (+2) were flat in 2025.",            # no ranking named
    "Exports (+2.5%) rose in 2025, ranking first.",          # a percentage has its unit
])
def test_a_signed_number_outside_a_ranking_is_no_move(sentence):
    assert not any(f.move for f in read_figures(sentence))


# --- "This country", "It" after a sub-heading that is an economy's name (issue 20) -----------------------------------

@pytest.mark.parametrize("text, span, entity", [
    ("Sweden\n\nThis country ranked second in the GII 2024 with a score of 64.5.", "second", "SWE"),
    ("Sweden\n\nThis country ranked second in the GII 2024 with a score of 64.5.", "64.5", "SWE"),
    ("Germany\n\nIt ranked ninth in the Global Innovation Index 2024.", "ninth", "DEU"),
    ("Republic of Korea\n\nIt has secured the sixth position in GII 2024.", "sixth", "KOR"),
])
def test_a_pointer_after_an_economys_sub_heading_is_that_economy(store, text, span, entity):
    c = by_span(spot.spot(text, store=store, published="2025-01-15"), span)
    assert (c.match.entity, c.frame["entity_from"]) == (entity, "context") and c.verdict == "supported", c.explanation


@pytest.mark.parametrize("text", [
    "Korea\n\nThe report covers Japan too.\n\nIt ranked fourth in the GII 2024.",   # another economy named since
    "Sweden and Germany\n\nThis country ranked fourth in the GII 2024.",            # a heading naming two
])
def test_a_pointer_after_two_economies_is_never_an_accusation(store, text):
    c = by_span(spot.spot(text, store=store, published="2025-01-15"), "fourth")
    assert c.verdict not in ACCUSING, c.explanation


# --- a numbered list of economies is a ranking; a year in an aside dates only the aside (issue 20) -------------------

@pytest.mark.parametrize("text, span, entity", [
    # store: GII 2024 ranks CHE 1, SWE 2, USA 3, SGP 4, GBR 5, DEU 9
    ("The five most innovative economies in the GII 2024 were: 1. Switzerland; 2. Sweden; 3. the United States; "
     "4. Singapore and 5. the United Kingdom.", "3.", "USA"),
    ("The five most innovative economies in the GII 2024 were: 1. Switzerland; 2. Sweden; 3. the United States; "
     "4. Singapore and 5. the United Kingdom.", "5.", "GBR"),
    ("The most innovative economies in the Global Innovation Index 2024:\n\n1. Switzerland\n\n9. Germany", "9.", "DEU"),
])
def test_a_numbered_list_of_economies_is_their_ranks(store, text, span, entity):
    c = by_span(spot.spot(text, store=store, published="2025-01-15"), span)
    assert (c.unit, c.match.indicator, c.match.entity, c.match.period) == ("rank", "gii_rank", entity, "2024")
    assert c.verdict == "supported", c.explanation


@pytest.mark.parametrize("sentence", [
    "Exports rose in 2024: 3. Machinery was the largest item.",   # no economy after the number
    "Exports grew in 2024, with 12. percent more cars.",
    "Sales reached 3. Germany bought most of them.",               # a number ending a sentence
])
def test_a_number_before_a_full_stop_without_a_listed_economy_is_no_rank(sentence):
    assert not any(f.unit == "rank" for f in read_figures(sentence))


def test_a_year_in_an_aside_dates_the_asides_not_the_list(store):
    text = "In the GII 2024 the leaders were: 1. Switzerland (1st in 2023); 2. Sweden (2nd); 3. the US (3rd)."
    found = spot.spot(text, store=store, published="2025-01-15")
    assert by_span(found, "2.").match.period == "2024" and by_span(found, "3.").match.period == "2024"
    aside = by_span(found, "2nd")  # a parallel aside without a year: the year of the aside before, assumed
    assert (aside.match.period, aside.frame["period_from"]) == ("2023", "assumed"), aside.explanation


def test_a_year_borrowed_from_an_aside_is_never_an_accusation(store):
    # KOR: GII 2023 rank 10, 2024 rank 6: "(4th)" is wrong for either year, but its year is only borrowed
    c = by_span(spot.spot("In the GII 2024 Switzerland led (1st in 2023) and Korea (4th).", store=store,
                          published="2025-01-15"), "4th")
    assert c.verdict not in ACCUSING, c.explanation


@pytest.mark.parametrize("text, count", [
    ("The leaders are: 1. Switzerland; 2. Sweden.", 1),             # a list item's number ends no sentence
    ("1. Switzerland\n2. Sweden", 1),
    ("Korea followed with 22,288. In 2023 filings fell.", 2),       # a thousands group does
    ("Sales grew 3.5 percent to 1.5. Germany bought most.", 2),
])
def test_a_list_items_number_does_not_end_a_sentence(text, count):
    assert len(spot.sentences(text)) == count


# --- a prediction in a later clause is that clause's; a decimal point ends no cause; "more than" is no base ---------

def test_a_prediction_in_a_later_clause_leaves_the_figures_before_it_facts(store):
    # store: CAAM vehicle exports 2023 4.91 million, +57.9%
    text = ("China's car exports rose 57.9 percent to 4.91 million vehicles in 2023, and the country is expected "
            "to become the top exporter.")
    for span in ("57.9 percent", "4.91 million"):
        c = by_span(spot.spot(text, store=store, published="2024-02-01"), span)
        assert "prediction" not in c.flags and c.verdict == "supported", c.explanation


def test_a_prediction_in_the_figures_own_clause_stays_a_prediction(store):
    text = ("China's car exports rose to 4.91 million vehicles in 2023, and they are expected to reach 6 million "
            "vehicles in 2024.")
    found = spot.spot(text, store=store, published="2024-02-01")
    assert by_span(found, "6 million").verdict == "opinion"
    assert by_span(found, "4.91 million").verdict == "supported"


def test_figures_inside_a_cause_phrase_with_decimals_keep_its_subject(store):
    # store: CAAM NEV exports 2023 1.203 million, +77.6%
    text = ("Growth was driven by exports of new energy vehicles, which soared 77.6 percent to more than 1.2 million "
            "units in 2023.")
    found = spot.spot(text, store=store, published="2024-02-01")
    for span in ("77.6 percent", "1.2 million"):
        c = by_span(found, span)
        assert (c.frame["subject"], c.match.product, c.match.period) == ("nev", "nev", "2023"), c.explanation


@pytest.mark.parametrize("text, span, period", [
    ("NEV exports rose to 1.5 million units, more than 679,000 in 2022.", "1.5 million", "2023"),  # a base's year
    ("NEV exports rose to 1.2 million units, up from 679,000 in 2022.", "679,000", "2022"),   # a base stays a base
    ("NEV exports hit more than 1.2 million units in 2023.", "1.2 million", "2023"),
])
def test_more_than_before_a_figure_is_its_comparator_not_a_base(store, text, span, period):
    c = by_span(spot.spot(text, store=store, published="2024-02-01"), span)
    assert c.match.period == period, c.explanation


def test_a_subject_in_a_cause_after_the_figure_is_still_not_the_figures(store):
    c = by_span(spot.spot("Exports rose 4.6 percent in 2023, driven by demand for electric vehicles, whose sales grew "
                          "37.9 percent.", store=store, published="2024-02-01"), "4.6 percent")
    assert c.frame["subject"] != "ev" and c.verdict not in ACCUSING, c.explanation


# --- "exported by China": the agent of a passive verb; a sentence end without its space (issue 20) -----------------

@pytest.mark.parametrize("text, span", [
    # store: CAAM vehicle exports 2023 4.91 million
    ("Germany exported 2.6 million cars in 2023, against 4.91 million exported by China.", "4.91 million"),
    ("Japan's shipments reached 4.42 million in 2023, short of the 4.91 million vehicles shipped by China.",
     "4.91 million"),
])
def test_a_place_after_a_passive_verb_and_by_is_the_figures(store, text, span):
    c = by_span(spot.spot(text, store=store, published="2024-02-01"), span)
    assert (c.frame["entity"], c.frame["entity_bound"], c.match.period) == ("CHN", "strong", "2023"), c.explanation
    assert c.match.indicator in ("vehicle_exports", "car_exports_units") and c.verdict not in ACCUSING


def test_a_place_after_by_without_a_passive_verb_is_not_the_figures(store):
    c = by_span(spot.spot("China shipped 4.91 million vehicles in 2023, as counted by Japan's trade body.",
                          store=store, published="2024-02-01"), "4.91 million")
    assert c.frame["entity"] == "CHN" and c.verdict not in ACCUSING, c.explanation


@pytest.mark.parametrize("text, pieces", [
    ("Output could hit 230 GW in 2026, said the consultancy.Exports rose 64% in 2022.", 2),
    ("The U.S.Treasury said so.", 1),                 # an abbreviation's capital: no sentence end
    ("It rose 1.5 percent.", 1),
])
def test_a_sentence_end_without_its_space_still_ends_it(text, pieces):
    assert len(spot.sentences(text)) == pieces


def test_a_forecast_before_a_lost_space_does_not_make_the_next_sentence_one(store):
    text = ("Module shipments could reach 149 GW in 2026, said the consultancy.China's solar exports surged by 64% to "
            "$52 billion in 2022.")
    c = by_span(spot.spot(text, store=store, published="2023-05-24"), "64%")
    assert "prediction" not in c.flags and c.period == "2022", c.explanation


# --- what a colon after the figure lists is not what the figure measures (issue 20) ----------------------------------

def test_a_subject_listed_after_a_colon_is_not_the_ranks(store):
    text = ("Switzerland ranked first in the Global Innovation Index 2024. Germany came in ninth place, with three "
            "strengths: R&D spending, patents and exports.")
    c = by_span(spot.spot(text, store=store, published="2024-12-01"), "ninth")
    assert (c.frame["subject"], c.match.indicator, c.match.entity) == ("innovation_index", "gii_rank", "DEU")
    assert c.frame["subject_from"] == "assumed", c.frame


def test_a_subject_listed_after_a_colon_is_not_the_growths(store):
    c = by_span(spot.spot("China's exports rose 5.9 percent in 2024: electric vehicles and batteries led.", store=store,
                          published="2025-02-01"), "5.9 percent")
    assert c.frame["subject"] not in ("ev", "liion_batteries") and c.verdict not in ACCUSING, c.explanation


# --- lists of economies: paired with a list of ranks, or sharing one threshold (issue 20) ----------------------------

@pytest.mark.parametrize("text, span, entity", [
    # store: GII 2024 ranks SWE 2, USA 3, SGP 4, GBR 5, FIN 7, DNK 10
    ("In the GII 2024, Sweden and the USA claimed second and third place.", "second", "SWE"),
    ("In the GII 2024, Sweden and the USA claimed second and third place.", "third", "USA"),
    ("Singapore, the UK and Finland took fourth, fifth and seventh places in the Global Innovation Index 2024.",
     "fifth", "GBR"),
])
def test_a_list_of_ranks_after_a_list_of_economies_pairs_them_in_order(store, text, span, entity):
    c = by_span(spot.spot(text, store=store, published="2024-12-01"), span)
    assert (c.match.indicator, c.match.entity, c.frame["entity_bound"]) == ("gii_rank", entity, "strong")
    assert c.verdict == "supported", c.explanation


@pytest.mark.parametrize("text, spans", [
    ("Sweden and Singapore are ranked among the top five most innovative economies in the Global Innovation Index "
     "2024.", {"SWE", "SGP"}),
    ("Finland and Denmark also had high rankings in the Global Innovation Index 2024, making it to the top ten.",
     {"FIN", "DNK"}),
    ("Switzerland, Sweden and the US are in the top three of the GII 2024.", {"CHE", "SWE", "USA"}),
])
def test_a_threshold_after_a_list_of_economies_is_each_ones(store, text, spans):
    found = [c for c in spot.spot(text, store=store, published="2024-12-01") if c.span.startswith("top")]
    assert {c.match.entity for c in found} == spans and all(c.verdict == "supported" for c in found)


@pytest.mark.parametrize("text, span", [
    # JPN is 13th in GII 2024, KOR 6th, CHN 11th: an aside's economies are not the figure's
    ("Unlike Sweden and Japan, China is in the top 11 of the GII 2024.", "top 11"),
    ("Unlike Sweden and Japan, China and Korea took 11th and sixth place in the GII 2024.", "11th"),
])
def test_a_list_of_economies_in_an_aside_shares_nothing(store, text, span):
    found = spot.spot(text, store=store, published="2024-12-01")
    assert not any(c.match and c.match.entity == "JPN" for c in found)
    assert all(c.verdict not in ACCUSING for c in found), [c.explanation for c in found]


@pytest.mark.parametrize("sentence, ranks", [
    ("Sweden and the USA claimed second and third place.", [2.0, 3.0]),
    ("Sweden took first place in the GII 2024.", [1.0]),
    ("It took first place in scientific services.", [1.0]),         # a ranking of something else: a rank in words
                                                                    # about no stored series (test_spot_found.py)
    ("In the first place, exports rose.", []),
    ("The number of indicators in first place rose.", []),
    ("It was the second and third time.", []),
])
def test_first_and_second_before_place_are_ranks_only_when_taken(sentence, ranks):
    assert [f.value for f in read_figures(sentence) if f.unit == "rank"] == ranks


# --- a market share: a share of the sales of the product's kind (issue 20) -------------------------------------------

@pytest.mark.parametrize("text, span, period", [
    # store: CAAM NEV sales 9.495 of 30.09 million (2023: 31.6%; 2022: 25.6%), 12.87 of 31.44 million (2024: 40.9%)
    ("NEV sales reached 9.5 million in 2023. Their market share rose to 31.6 percent.", "31.6 percent", "2023"),
    ("The NEV market share reached 31.6 percent in 2023, up 5.9 percentage points.", "5.9 percentage points", "2023"),
    ("New energy vehicles accounted for over 40 percent of total sales in 2024.", "over 40 percent", "2024"),
    ("New energy vehicles took a market penetration of 40.9 percent in 2024.", "40.9 percent", "2024"),
])
def test_a_market_share_is_a_share_of_the_sales_of_its_kind(store, text, span, period):
    c = by_span(spot.spot(text, store=store, published="2025-02-01"), span)
    assert (c.match.indicator, c.match.product, c.match.period) == ("vehicle_sales", "nev", period), c.explanation
    assert c.match.derivation in ("share", "share_change") and c.verdict.startswith("supported"), c.explanation


@pytest.mark.parametrize("text, span", [
    ("China's market share of world exports rose to 14.7 percent in 2022.", "14.7 percent"),   # no growth rate
    ("Chinese brands' market share reached 50 percent in 2023.", "50 percent"),                 # brands: not held
    ("Battery electric vehicles took a market share of 20 percent in 2023.", "20 percent"),     # two parents
])
def test_a_market_share_the_store_does_not_hold_is_unverifiable(store, text, span):
    c = by_span(spot.spot(text, store=store, published="2025-02-01"), span)
    assert c.match is None and c.verdict == "unverifiable", c.explanation


def test_a_market_share_of_a_subject_carried_is_never_an_accusation(store):
    text = "New energy vehicle sales grew fast in 2023. The market share reached 45 percent."
    c = by_span(spot.spot(text, store=store, published="2024-02-01"), "45 percent")
    assert c.match.product == "nev" and c.verdict not in ACCUSING, c.explanation


# --- the trade surplus as "the gap between exports and imports", widened or narrowed (issue 20) ----------------------

@pytest.mark.parametrize("text, value", [
    # store: GACC trade balance 2024 +22% (yuan), +21% (dollars)
    ("In China, the gap between exports and imports widened by 22 percent in 2024.", 22.0),
    ("China's trade surplus narrowed by 5 percent in 2024.", -5.0),
])
def test_a_widening_gap_between_exports_and_imports_is_the_surplus_growth(store, text, value):
    [c] = spot.spot(text, store=store, published="2025-02-01")
    assert (c.value, c.frame["measure"], c.frame["transformation"]) == (value, "trade_balance", "growth_rate")
    assert c.match.indicator.startswith("goods_trade_balance") and c.match.indicator.endswith("_yoy_pct")
    assert c.verdict not in ACCUSING or "yuan" in text, c.explanation  # no currency named: never an accusation


def test_another_gap_that_widened_is_no_trade_figure(store):
    [c] = spot.spot("The gap between rich and poor in China widened by 20 percent in 2024.", store=store,
                    published="2025-02-01")
    assert c.match is None and c.verdict == "unverifiable", c.explanation


@pytest.mark.parametrize("sentence", [
    "China, the world’s second-largest economy, saw exports rise 5.9 percent in 2024.",   # a curly apostrophe
    "China, the world's second-largest economy, saw exports rise 5.9 percent in 2024.",
])
def test_the_worlds_second_largest_economy_names_the_economy_not_the_world(store, sentence):
    c = by_span(spot.spot(sentence, store=store, published="2025-02-01"), "5.9 percent")
    assert (c.frame["entity"], c.frame["subject"]) == ("CHN", "goods"), c.frame


# --- a currency written before a number in words ("USD one trillion") (issue 20) --------------------------------------

@pytest.mark.parametrize("sentence, unit", [
    ("The surplus neared USD one trillion in 2024.", "USD"),
    ("Exports hit RMB one trillion in 2024.", "CNY"),
])
def test_a_currency_before_a_number_in_words_is_its_unit(sentence, unit):
    [f] = read_figures(sentence)
    assert (f.value, f.scale, f.unit) == (1.0, 1e12, unit)


@pytest.mark.parametrize("sentence, unit", [
    ("Dollar-priced sales reached one million cars in 2024.", "vehicles"),   # the currency word is not before it
    ("The yuan fell for one trillion reasons.", "count"),
])
def test_a_currency_word_elsewhere_gives_no_unit(sentence, unit):
    assert [f.unit for f in read_figures(sentence)] == [unit]


def test_a_surplus_in_usd_words_is_judged_on_the_dollar_series(store):
    # GACC 2024 trade balance: 992.1 billion USD
    [c] = spot.spot("China's trade surplus reached USD one trillion in 2024.", store=store, published="2025-02-01")
    assert (c.unit, c.match.indicator, c.match.unit) == ("USD", "goods_trade_balance", "USD"), c.explanation


# --- "each" gives one figure to every economy of a list (issue 20) ----------------------------------------------------

@pytest.mark.parametrize("text, span, entities", [
    # store: GII 2025 top-100 clusters IND 4, GBR 4, CAN 3, JPN 3, KOR 3
    ("In the GII 2025 cluster ranking, India and the United Kingdom each host 4 clusters.", "4", {"IND", "GBR"}),
    ("In the GII 2025 cluster ranking, Canada, Japan and Korea have 3 clusters each.", "3 clusters",
     {"CAN", "JPN", "KOR"}),
])
def test_each_gives_the_figure_to_every_economy_listed(store, text, span, entities):
    found = [c for c in spot.spot(text, store=store, published="2025-10-01") if c.span.startswith(span)]
    assert {c.match.entity for c in found} == entities, [c.explanation for c in found]
    assert all(c.match.indicator == "st_clusters_top100" and c.verdict == "supported" for c in found)


def test_a_figure_without_each_after_a_list_is_not_shared(store):
    # "with 24 clusters" is China's alone (the US has 22): no copy for the US
    found = spot.spot("In the GII 2025 cluster ranking, the US trails China, which hosts 24 clusters.", store=store,
                      published="2025-10-01")
    assert [c.frame["entity"] for c in found if c.span.startswith("24")] == ["CHN"]


# --- a rank and a score of one sentence are of one index; a ranking list's values (issue 20) -------------------------

def test_a_rank_beside_a_score_is_of_the_scored_index(store):
    c = by_span(spot.spot("Germany took ninth place with a score of 58.1.", store=store, published="2024-12-01"),
                "ninth")
    assert (c.frame["subject"], c.frame["subject_from"], c.match.indicator) == ("innovation_index", "assumed", "gii_rank")


@pytest.mark.parametrize("span, entity", [("58.1", "DEU"), ("54.1", "JPN")])
def test_a_decimal_after_an_economy_in_an_index_ranking_list_is_its_score(store, span, entity):
    text = "The most innovative economies in the Global Innovation Index 2024:\n\n9. Germany – 58.1\n\n13. Japan: 54.1"
    c = by_span(spot.spot(text, store=store, published="2024-12-01"), span)
    assert (c.unit, c.match.indicator, c.match.entity, c.match.period) == ("score", "gii_score", entity, "2024")
    assert c.verdict == "supported", c.explanation


def test_a_decimal_in_a_ranking_list_of_what_has_no_score_stays_a_bare_number(store):
    c = by_span(spot.spot("The largest car exporters in 2023:\n\n1. Japan – 4.4", store=store, published="2024-02-01"),
                "4.4")
    assert c.unit != "score" and c.verdict not in ACCUSING


def test_a_wrong_score_in_a_list_whose_index_is_assumed_is_never_an_accusation(store):
    text = "The most innovative economies in the Global Innovation Index 2024:\n\n9. Germany – 61.3"
    c = by_span(spot.spot(text, store=store, published="2024-12-01"), "61.3")
    assert c.match.indicator == "gii_score" and c.verdict not in ACCUSING, c.explanation


def test_both_measures_before_a_figure_are_each_its_even_with_a_whole_after(store):
    # CAAM 2024 NEV production 12.89 million, sales 12.87 million; 40.9% of all sales
    text = ("NEVs did well in 2024, with both production and sales exceeding 12 million units and accounting for over "
            "40 percent of total sales.")
    found = [c for c in spot.spot(text, store=store, published="2025-02-01") if "12 million" in c.span]
    assert sorted(c.match.indicator for c in found) == ["vehicle_production", "vehicle_sales"]
    assert all(c.verdict == "supported" for c in found)


# --- the economy of the previous sentence's figures; an opening phrase's figure; an edition's data year (issue 20) ----

def test_a_sentence_naming_no_economy_is_about_the_previous_figures_economy(store):
    # GACC March 2025: exports +12.4%, imports -4.3% (dollars)
    text = ("China's exports jumped 12.4% in March 2025 as firms rushed to beat U.S. tariffs set by the U.S. "
            "president, the government said.\n\nImports fell 4.3%, the customs office reported.")
    c = by_span(spot.spot(text, store=store, published="2025-04-14"), "4.3%")
    assert (c.match.entity, c.match.indicator, c.match.period) == ("CHN", "goods_imports_usd_yoy_pct", "2025-03")


def test_a_figure_carried_among_several_economies_is_never_an_accusation(store):
    text = ("China's exports jumped 12.4% in March 2025 as firms rushed to beat U.S. tariffs set by the U.S. "
            "president.\n\nImports fell 9.9%, the customs office reported.")
    c = by_span(spot.spot(text, store=store, published="2025-04-14"), "9.9%")
    assert c.frame["entity_others"] and c.verdict not in ACCUSING, c.explanation


@pytest.mark.parametrize("text, span, entity", [
    ("With a score of 66.0 in 2025, Switzerland kept its lead in the GII.", "66.0", "CHE"),
    ("At 4.91 million vehicles in 2023, China led car exports.", "4.91 million", "CHN"),
])
def test_an_opening_phrases_figure_is_the_main_clauses_subjects(store, text, span, entity):
    c = by_span(spot.spot(text, store=store, published="2025-10-10"), span)
    assert (c.frame["entity"], c.frame["entity_from"]) == (entity, "stated"), c.frame


def test_an_opening_phrase_before_a_clause_without_a_place_binds_nothing(store):
    c = by_span(spot.spot("With 4.91 million vehicles in 2023, exports from China rose.", store=store,
                          published="2024-02-01"), "4.91 million")
    assert c.frame["entity_bound"] != "strong" or c.frame["entity"] == "CHN"


@pytest.mark.parametrize("score, year, verdict", [
    ("66.0", "2024", "needs-review"),  # holds on the 2025 edition (its data year 2024), not on 2024's row
    ("67.5", "2024", "supported"),     # 2024's row
    ("61.0", "2024", "contradicted"),  # false on both readings (pass 35)
    ("61.0", "2025", "contradicted"),
])
def test_the_year_before_a_named_edition_is_judged_on_both_readings(store, score, year, verdict):
    # GII CHE score: 2024 67.5, 2025 66.0; the text names the 2025 edition and gives a score "in 2024": that year's
    # row or the 2025 edition's (its data year); never accused on one of them alone
    text = (f"Switzerland tops the 2025 Global Innovation Index.\n\nWith a GII score of {score} in {year}, "
            "Switzerland slipped.")
    c = by_span(spot.spot(text, store=store, published="2025-10-10"), score)
    assert c.verdict == verdict, c.explanation


# --- a release day the text states dates the edition it reports (issue 20) -------------------------------------------

@pytest.mark.parametrize("text, period", [
    # GII clusters: China 24 in the top 100 in 2025 (26 in 2024); the store dates the 2025 edition later than 2 Sept
    ("The latest cluster ranking, released by WIPO on August 30, shows China with 24 clusters in the top 100.", "2025"),
    ("The latest cluster ranking shows China with 24 clusters in the top 100.", "2024"),      # no release stated
    ("The cluster ranking, to be released on September 20, lists China's clusters. China has 24 clusters in the top "
     "100.", "2024"),                                                                       # a release after the text
])
def test_a_release_day_the_text_states_dates_the_edition(store, text, period):
    c = by_span(spot.spot(text, store=store, published="2025-09-02"), "24 clusters")
    assert (c.match.period, c.frame["period_from"]) == (period, "assumed"), c.explanation


def test_an_edition_dated_by_a_stated_release_is_never_an_accusation(store):
    text = "The latest cluster ranking, released by WIPO on August 30, shows China with 30 clusters in the top 100."
    c = by_span(spot.spot(text, store=store, published="2025-09-02"), "30 clusters")
    assert c.match.period == "2025" and c.verdict not in ACCUSING, c.explanation


# --- a change of a level named by its noun ("trade growth reached 2.1 trillion yuan") ------------------------------

@pytest.mark.parametrize("text", [
    "China's foreign trade growth was 2.09 trillion yuan in 2024.",            # GACC: 43.85 - 41.76 trillion yuan
    "The increase in China's goods trade came to 2.09 trillion yuan in 2024.",
    "In 2024 the rise in China's goods trade amounted to 2.09 trillion yuan.",
])
def test_a_change_noun_before_a_sum_makes_it_the_change_of_the_level(store, text):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "2.09 trillion")
    assert (c.match.indicator, c.match.derivation, c.match.period) == ("goods_trade", "difference", "2024"), c.explanation
    assert c.verdict in ("supported", "supported-rounded"), c.explanation


@pytest.mark.parametrize("text", [
    "The increase in China's goods trade reached 4 trillion yuan in 2024.",      # a change, never the level
    "Growth in China's goods trade hit a record 4 trillion yuan in 2024.",       # not read as a change: abstains
])
def test_a_change_read_as_a_level_is_never_an_accusation(store, text):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "4 trillion")
    assert c.verdict not in ACCUSING, c.explanation


def test_a_level_with_a_change_word_after_it_is_still_judged_as_the_level(store):
    text = "China's goods trade reached 43.85 trillion yuan in 2024, with growth led by exports."
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "43.85")
    assert (c.match.indicator, c.match.derivation, c.verdict) == ("goods_trade", "", "supported"), c.explanation


# --- an unnamed compiler where the store counts the same thing on two bases --------------------------------------

def test_no_compiler_named_and_another_basis_without_the_year_is_needs_review_not_an_accusation(store):
    """CAAM counts 5.859 million vehicle exports for 2024; customs' count (a higher one) is held for 2023 only.
    'China exported 7 million vehicles in 2024' names neither: the figure may be customs', so it is no accusation."""
    c = by_span(spot.spot("China exported 7 million vehicles in 2024.", store=store, published="2025-03-01"), "7 million")
    assert c.verdict == "needs-review", c.explanation
    assert "names no compiler" in c.explanation and "customs/car_exports_units" in c.explanation, c.explanation


@pytest.mark.parametrize("text, period", [
    ("China exported 7 million vehicles in 2024, according to CAAM.", "2024"),  # the compiler is named
    ("China exported 7 million vehicles in 2023.", "2023"),  # both bases hold 2023 (4.91 and 5.22 million): both disagree
])
def test_a_named_compiler_or_two_bases_that_both_disagree_still_contradict(store, text, period):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "7 million")
    assert (c.match.period, c.verdict) == (period, "contradicted"), c.explanation


# --- what an aside names is not what a figure outside it measures ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Exports of new energy vehicles — cars that carry batteries and, in hybrids, a small engine — reached 1.28 "
    "million in 2024.",                                                   # CAAM: NEV exports 1.284 million in 2024
    "Exports of new energy vehicles (cars that carry batteries) reached 1.28 million in 2024.",
])
def test_a_subject_named_in_an_aside_does_not_take_the_figure_after_it(store, text):
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "1.28 million")
    assert (c.match.indicator, c.match.product, c.match.period) == ("vehicle_exports", "nev", "2024"), c.explanation
    assert c.verdict in ("supported", "supported-rounded"), c.explanation


def test_a_figure_inside_an_aside_takes_the_asides_subject(store):
    text = "Vehicle exports grew fast in 2024 (exports of lithium-ion batteries reached 3.91 billion units)."
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "3.91 billion")
    assert c.frame["subject"] == "liion_batteries", c.frame
    assert not (c.match and "vehicle" in c.match.indicator), c.explanation


# --- a stored figure orders of magnitude from the text's says the mapping is wrong ---------------------------------

def test_a_figure_orders_of_magnitude_from_the_series_is_needs_review_not_an_accusation(store):
    text = "According to CAAM, China exported 7 thousand vehicles in 2024."   # CAAM: 5.859 million
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "7 thousand")
    assert c.verdict == "needs-review" and "about 837 times the text's" in c.explanation, c.explanation


def test_a_figure_within_an_order_of_magnitude_is_still_contradicted(store):
    text = "China's goods exports were 2.5 trillion yuan in 2023, customs data showed."   # GACC: 23.77 trillion
    c = by_span(spot.spot(text, store=store, published="2025-03-01"), "2.5 trillion")
    assert (c.match.indicator, c.verdict) == ("goods_exports", "contradicted"), c.explanation


# --- a relative year after "compared to the same period in" is the base; "In January 2024," dates the sentence ------

def test_the_previous_year_after_the_same_period_in_is_the_base_not_the_figures_year(store):
    text = ("In January 2024, China's car exports rose 47.4 percent. Passenger vehicle exports reached 369,000 units, a "
            "47.5 percent increase compared to the same period in the previous year.")
    found = spot.spot(text, store=store, published="2024-02-20")
    for span in ("369,000", "47.5 percent"):
        c = by_span(found, span)
        assert c.frame["period"] == "2024-01", (span, c.frame)
        assert c.verdict not in ACCUSING, c.explanation


def test_the_previous_year_that_is_no_base_is_still_the_figures_year(store):
    c = by_span(spot.spot("In the previous year, China exported 4.91 million vehicles, according to CAAM.", store=store,
                          published="2024-05-01"), "4.91")
    assert (c.match.period, c.verdict) == ("2023", "supported"), c.explanation


@pytest.mark.parametrize("text, period", [
    ("In January 2024, China's car exports rose 47.4 percent.", "2024-01"),
    ("During March 2024, exports rose 5 percent.", "2024-03"),
    ("In May, the ministry said, exports may rise 5 percent in 2024.", "2024"),   # "may" the verb is no month
])
def test_a_sentence_opening_with_in_and_a_month_is_dated_by_the_month(store, text, period):
    [c] = spot.spot(text, store=store, published="2024-05-01")
    assert c.frame["period"] == period, c.frame


# --- a basket each compiler fills its own way ------------------------------------------------------------------------

def test_a_new_trio_growth_without_its_compiler_is_never_an_accusation(store):
    """Customs' new trio grew 29.9% in 2023; MOFCOM's, with all EVs and PV products in it, is another figure."""
    c = by_span(spot.spot("The new trio's combined exports increased by 27.6% in 2023.", store=store,
                          published="2024-05-01"), "27.6%")
    assert c.verdict == "needs-review" and "chooses what its new trio holds" in c.explanation, c.explanation


def test_in_a_month_and_another_is_not_the_first_month_alone(store):
    [c] = [c for c in spot.spot("In January and February 2024, China exported 1.06 million vehicles.", store=store,
                                published="2024-03-15") if "1.06" in c.span]
    assert c.frame["period"] != "2024-01", c.frame


# === mapping pass 9 (issue 20) =====================================================================================

# --- a count of what no series counts, a rate no series holds, named right beside the figure ----------------------

@pytest.mark.parametrize("text, span", [
    ("The PCT lets an inventor file one international application that is recognised in over 150 member countries.",
     "150"),
    ("WIPO's patent treaty now covers some 157 countries, and China filed 69,610 PCT applications in 2023.", "157"),
    ("China's car makers shipped vehicles to more than 70 trading partners in 2023.", "70"),
])
def test_a_count_of_countries_is_not_a_figure_of_the_sentences_series(store, text, span):
    c = by_span(spot.spot(text, store=store, published="2024-03-10"), span)
    assert c.frame["subject"] == "other:counted" and c.match is None, c.explanation
    assert c.verdict == "unverifiable", c.explanation


def test_a_count_of_applications_beside_a_count_of_countries_keeps_its_series(store):
    text = "WIPO's patent treaty now covers some 157 countries, and China filed 69,610 PCT applications in 2023."
    c = by_span(spot.spot(text, store=store, published="2024-03-10"), "69,610")
    assert (c.match.indicator, c.verdict) == ("pct_applications", "supported"), c.explanation


@pytest.mark.parametrize("text, span", [
    ("The incoming president has promised tariffs of up to 60% on goods from China.", "60%"),
    ("Washington put a 100% tariff on Chinese electric cars in 2024.", "100%"),
    ("Brussels settled on duties of as much as 35.3 percent on Chinese EVs, whose exports had grown fast.", "35.3"),
])
def test_a_tariff_rate_is_not_a_growth_of_the_sentences_series(store, text, span):
    c = by_span(spot.spot(text, store=store, published="2025-01-14"), span)
    assert c.frame["subject"] == "other:rate" and c.match is None, c.explanation
    assert c.verdict == "unverifiable", c.explanation


def test_a_growth_beside_a_tariff_is_still_read_as_growth(store):
    text = "Despite new tariffs, China's exports rose 7.1% in 2024 in yuan terms."   # GACC: 7.1% in yuan
    c = by_span(spot.spot(text, store=store, published="2025-01-14"), "7.1%")
    assert c.frame["subject"] != "other:rate" and c.match and c.match.indicator.startswith("goods_exports"), c.explanation


def test_a_count_beside_countries_does_not_carry_them_to_the_next_sentence(store):
    text = ("Switzerland has led the Global Innovation Index for years, out of more than 130 countries. "
            "China ranked 11th in 2024.")
    c = by_span(spot.spot(text, store=store, published="2024-10-01"), "11th")
    assert (c.match.indicator, c.match.entity) == ("gii_rank", "CHN"), c.explanation


# --- a unit word broader than the subject named before the figure does not replace it ----------------------------

@pytest.mark.parametrize("text", [
    "Sales of BEVs came to 6.685 million vehicles in 2023, CAAM said.",          # CAAM: BEV sales 6.685 million
    "China's car market grew in 2023. Sales of BEVs totalled 6.685 million cars, CAAM said.",
])
def test_a_broader_unit_word_leaves_the_narrower_subject_before_it(store, text):
    c = by_span(spot.spot(text, store=store, published="2024-02-01"), "6.685 million")
    assert c.frame["subject"] == "bev", c.frame
    assert (c.match.indicator, c.match.product, c.verdict) == ("vehicle_sales", "bev", "supported"), c.explanation


@pytest.mark.parametrize("text, subject", [
    ("Vehicle sales came to 30.09 million vehicles in 2023, CAAM said.", "vehicles"),     # the same subject twice
    ("Vehicle exports in 2023 included 1.2 million NEVs, CAAM said.", "nev"),           # a narrower unit word wins
])
def test_a_unit_word_not_broader_than_the_subject_before_it_is_still_read(store, text, subject):
    [c] = [c for c in spot.spot(text, store=store, published="2024-02-01") if "million" in c.span]
    assert c.frame["subject"] == subject, c.frame


# --- number words listed before "respectively" -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, spans", [
    ("Sweden and the US were second and third, respectively.", ["second", "third"]),
    ("Korea, Singapore and Sweden came fourth, fifth and sixth respectively.", ["fourth", "fifth", "sixth"]),
    ("Germany and Japan led in seven and six indicators, respectively.", ["seven", "six indicators"]),
])
def test_number_words_listed_before_respectively_are_read(sentence, spans):
    assert [sentence[f.start:f.end] for f in read_figures(sentence)] == spans


@pytest.mark.parametrize("sentence", [
    "It was the second time the index came out in Geneva, and the first in July.",  # no "respectively": idle words
    "The first and second phases of the plan were approved, the third postponed.",
    "Exports and imports rose 7.1% and 2.3%, respectively, in the first and second halves.",
])
def test_number_words_outside_a_respectively_list_stay_idle(sentence):
    words = [sentence[f.start:f.end] for f in read_figures(sentence)]
    assert not any(w in ("second", "first", "third") for w in words), words


def test_ranks_listed_before_respectively_are_paired_with_the_economies_in_order(store):
    text = "In the Global Innovation Index 2024, Sweden and the US were second and third, respectively."
    found = spot.spot(text, store=store, published="2024-09-27")
    second, third = by_span(found, "second"), by_span(found, "third")
    assert (second.match.indicator, second.match.entity, second.verdict) == ("gii_rank", "SWE", "supported"), second.explanation
    assert (third.match.entity, third.verdict) == ("USA", "supported"), third.explanation


def test_counts_listed_before_respectively_share_the_unit_after_them(store):
    text = ("In the Global Innovation Index 2024 Singapore ranked first in 14 indicators; the US and China followed, "
            "with lead positions in nine and eight indicators, respectively.")
    c = by_span(spot.spot(text, store=store, published="2024-09-27"), "nine")
    assert (c.match.indicator, c.match.entity, c.verdict) == ("indicators_ranked_first", "USA", "supported"), c.explanation


def test_a_count_of_economies_is_not_a_count_of_the_indexs_indicators(store):
    text = "The Global Innovation Index 2024 tracked 133 economies; Singapore led in 14 indicators."
    c = by_span(spot.spot(text, store=store, published="2024-09-27"), "133")
    assert c.match is None and c.verdict == "unverifiable", c.explanation


# --- "consumed" is a domestic measure, never total sales or output -----------------------------------------------

@pytest.mark.parametrize("text", [
    "In 2023 China made 9.58 million new energy vehicles and consumed 9.49 million.",
    "Chinese buyers consumed 9.49 million NEVs in 2023.",
])
def test_consumed_vehicles_are_domestic_sales(store, text):
    c = by_span(spot.spot(text, store=store, published="2024-05-01"), "9.49 million")
    assert c.frame["measure"] == "domestic_sales", c.frame
    assert c.verdict not in ACCUSING and not (c.match and c.match.indicator in ("nev_output", "vehicle_sales")), c.explanation


def test_sold_vehicles_stay_sales_not_domestic_sales(store):
    text = "China sold 9.49 million NEVs in 2023, CAAM said."              # CAAM: NEV sales 9.495 million
    c = by_span(spot.spot(text, store=store, published="2024-05-01"), "9.49 million")
    assert c.frame["measure"] == "sales", c.frame
    assert (c.match.indicator, c.match.product) == ("vehicle_sales", "nev"), c.explanation


# --- a subject named after another figure is that figure's --------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("In 2022 China's exports of mechanical and electrical products reached US$2.05 trillion, with a rise of 3.6 "
     "percent and a share of 57.1 percent of all merchandise exports.", "3.6 percent"),
    ("Electromechanical product exports hit US$2.05 trillion in 2022, a gain of 3.6 percent and 57 percent of "
     "total goods exports.", "3.6 percent"),
])
def test_a_subject_after_another_figure_does_not_take_the_growth(store, text, span):
    c = by_span(spot.spot(text, store=store, published="2023-02-01"), span)
    assert c.frame["subject"] == "mech_elec", c.frame
    assert c.verdict not in ACCUSING, c.explanation


def test_a_subject_right_after_the_figure_still_takes_it(store):
    text = "Up 7.1 percent in 2024, China's goods exports reached 25.45 trillion yuan."    # GACC, yuan terms
    c = by_span(spot.spot(text, store=store, published="2025-01-14"), "7.1 percent")
    assert c.frame["subject"] == "goods", c.frame


# --- quote marks set around some words of a phrase ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The new “three major” products – solar cells, lithium batteries and electric cars – grew 66.9 percent in the "
    "first quarter of 2023.",
    "Exports of the \"new three\" items rose 66.9 percent in the first quarter of 2023.",
])
def test_a_phrase_with_quote_marks_between_its_words_is_read(store, text):
    c = by_span(spot.spot(text, store=store, published="2023-04-20"), "66.9 percent")
    assert c.frame["subject"] == "new_trio", c.frame
    assert c.match and c.match.indicator == "new_trio_exports_total_yoy_pct", c.explanation


def test_quoted_words_that_are_no_phrase_are_not_read_as_one():
    from indicators.spot.vocabulary import mentions
    assert [m.value for m in mentions("subject", "The “new” products and three “major” buyers.")] == []


# --- "such products" after a sentence listing siblings points back to what holds them all -------------------------

@pytest.mark.parametrize("text", [
    "Western leaders fear solar panels, lithium batteries, and electric vehicles. China exported over $138 billion "
    "worth of such products in 2023.",
    "Brussels worries about EVs, lithium-ion batteries and solar cells. China's exports of these goods topped "
    "$138 billion in 2023.",
])
def test_an_anaphora_after_a_list_of_siblings_is_their_whole(store, text):
    c = by_span(spot.spot(text, store=store, published="2024-05-10"), "138 billion")
    assert c.frame["subject"] == "new_trio", c.frame
    assert c.match and c.match.indicator == "new_trio_exports_usd", c.explanation


def test_one_subject_before_an_anaphora_is_still_carried_alone(store):
    text = "Western leaders fear electric vehicles. China's exports of such products reached 1.5 million in 2023."
    c = by_span(spot.spot(text, store=store, published="2024-05-10"), "1.5 million")
    assert c.frame["subject"] == "ev", c.frame


def test_subjects_not_listed_together_are_not_merged(store):
    text = ("Solar panels are cheap, and the debate is about electric vehicles. China's exports of such products "
            "reached 1.5 million in 2023.")
    c = by_span(spot.spot(text, store=store, published="2024-05-10"), "1.5 million")
    assert c.frame["subject"] != "new_trio", c.frame


# --- an industry the vocabulary does not know counts what no series holds ----------------------------------------

@pytest.mark.parametrize("text, span", [
    ("Imports and exports of the machinery industry reached $1.09 trillion in 2023, exceeding $1.0 trillion for the "
     "third year.", "$1.0 trillion"),
    ("Exports of China's shipbuilding sector totaled $783 billion in 2023, up 5.8 percent.", "5.8 percent"),
])
def test_trade_of_an_unknown_industry_is_not_all_goods(store, text, span):
    c = by_span(spot.spot(text, store=store, published="2024-02-01"), span)
    assert c.frame["subject"] == "other:industry" and c.match is None, c.explanation
    assert c.verdict == "unverifiable", c.explanation


def test_an_industry_named_by_a_known_subject_keeps_it(store):
    text = "China's new energy vehicle industry exported 1.2 million NEVs in 2023, CAAM said."
    c = by_span(spot.spot(text, store=store, published="2024-02-01"), "1.2 million")
    assert c.frame["subject"] == "nev", c.frame


def test_an_unknown_industry_is_not_carried_to_the_next_sentence(store):
    text = ("The steel industry set an export record in 2023. China's goods exports grew 0.6 percent in 2023 in "
            "yuan terms.")                                                 # GACC: 0.6% in yuan
    c = by_span(spot.spot(text, store=store, published="2024-02-01"), "0.6 percent")
    assert c.frame["subject"] == "goods" and c.match.indicator == "goods_exports_yoy_pct", c.explanation


# --- raw materials are not the products made from them ------------------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("Battery-grade lithium carbonate production reached 670,000 metric tonnes in 2024, reflecting a 45% increase "
     "from 2023.", "45%"),
    ("Battery-grade lithium carbonate production reached 670,000 metric tonnes in 2024.", "670,000"),
    ("Lithium hydroxide output grew to 360,000 tonnes in 2024, a 26% gain year-on-year.", "26%"),
    ("China's exports of steel rose 22.7% in 2024.", "22.7%"),
    ("Polysilicon production rose 23.6% in 2024.", "23.6%"),
])
def test_a_raw_material_named_before_a_figure_is_no_series_of_the_products_made_from_it(store, sentence, span):
    """Lithium carbonate for batteries is not batteries, steel is not all exports: no series holds raw materials
    (vocabulary `other:materials`), so the figure is unverifiable and never judged against its neighbour."""
    c = by_span(spot.spot(sentence, store=store, published="2025-02-01"), span)
    assert c.frame["subject"] == "other:materials" and c.verdict == "unverifiable", (c.frame, c.verdict)
    assert "materials (a subject no series holds)" in c.explanation


def test_a_battery_named_without_a_material_is_still_the_battery_series(store):
    c = by_span(spot.spot("China's lithium-ion battery exports reached 65.07 billion dollars in 2023.", store=store,
                          published="2024-02-01"), "65.07")
    assert c.frame["subject"] == "liion_batteries", c.frame
