"""Mapping pass 29 (issue 20): general classes of wording found on the development detail and on probes of the pass,
each tested on phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass29")


# --- "more than in the same period last year": last year is the base ----------------------------------------------------

@pytest.mark.parametrize("text, span, period", [
    ("In 2023, China exported 17 GW of modules, 77% more than in the same period last year.", "77%", "2023"),
    ("Exports of modules reached 17 GW in 2023, 20% higher than during the same period last year.", "20%", "2023"),
])
def test_a_comparison_with_the_same_period_last_year_dates_the_figure_by_its_own_year(store, text, span, period):
    """"than in the same period last year": last year is what the growth compares with, not the growth's year."""
    assert by_span(spot.spot(text, store=store, published="2024-03-28"), span).frame["period"] == period


def test_last_year_said_as_the_figures_own_year_stays_its_period(store):
    """Without a comparison word before it, "last year" dates the figure ("exported 17 GW last year")."""
    found = spot.spot("China exported 17 GW of modules last year, 77% more than in 2022.", store=store,
                      published="2024-03-28")
    assert by_span(found, "17 GW").frame["period"] == "2023"


# --- a comparison's base that is another economy's figure ------------------------------------------------------------------

@pytest.mark.parametrize("text, span, entity, period", [
    ("China's gross expenditure on R&D reached 2.56% of GDP in 2022, compared with 3.46% in the United States.",
     "3.46%", "USA", "2022"),
    ("China spent 2.4% of GDP on R&D in 2022, versus 3.5% for the US.", "3.5%", "USA", "2022"),
    ("South Korea had 9,082 researchers per million people in 2022, compared with 1,687 in China.", "1,687", "CHN",
     "2022"),
])
def test_a_base_of_another_economy_is_of_the_sentences_period_and_its_own_economy(store, text, span, entity, period):
    """"compared with 3.46% in the United States" after China's 2022 figure is the US's figure of 2022 (assumed: it
    may be an older one), not the US's of the year before, nor China's."""
    read = by_span(spot.spot(text, store=store, published="2024-06-01"), span)
    assert (read.frame["entity"], read.frame["period"], read.frame["period_from"]) == (entity, period, "assumed")


def test_a_base_of_another_economy_is_never_an_accusation(store):
    """The base's year is a guess: a figure far from the store's value of that year stays needs-review at most."""
    read = by_span(spot.spot("China spent 2.4% of GDP on R&D in 2022, compared with 1.1% in the United States.",
                             store=store, published="2024-06-01"), "1.1%")
    assert read.frame["entity"] == "USA"
    assert read.verdict not in ("contradicted", "misleading")


def test_a_base_of_the_same_economy_is_still_the_year_before(store):
    """"up from 2.43% in 2021" and "compared with 7% a year earlier" stay the same economy's earlier figures."""
    found = spot.spot("China spent 2.56% of GDP on R&D in 2022, compared with 2.43% a year earlier.", store=store,
                      published="2024-06-01")
    read = by_span(found, "2.43%")
    assert (read.frame["entity"], read.frame["period"]) == ("CHN", "2021")


# --- "while Germany's was 3.13 per cent": the ratio said once ----------------------------------------------------------------

def test_a_possessive_with_was_carries_the_ratio_to_gdp(store):
    found = spot.spot("Japan's R&D intensity stood at 3.41 per cent in 2022, while Germany's was 3.13 per cent.",
                      store=store, published="2024-06-01")
    read = by_span(found, "3.13 per cent")
    assert (read.frame["entity"], read.frame["kind"], read.frame["period"]) == ("DEU", "percent_of_gdp", "2022")
    assert read.match is not None and read.match.indicator == "GB.XPD.RSDV.GD.ZS"


def test_a_possessive_with_a_measure_of_its_own_does_not(store):
    """"while Germany's inflation was 3.13 per cent" names another measure: not the ratio."""
    found = spot.spot("Japan's R&D intensity stood at 3.41 per cent in 2022, while Germany's inflation was 3.13 per "
                      "cent.", store=store, published="2024-06-01")
    assert by_span(found, "3.13 per cent").frame["kind"] != "percent_of_gdp"


# --- a lead claimed with a year carried from an earlier paragraph --------------------------------------------------------------

EDITION_2022 = ("The 2022 edition of the Global Innovation Index counted 21 science and technology clusters in China and 21 "
                "in the United States.")
LEAD = "China emerged as the country with the greatest number of clusters, the report said."


def test_a_lead_dated_only_by_an_earlier_paragraph_is_not_accused(store):
    """A lead may hold in one edition and not in the one before (2022: a tie, 2023: China first): dated only by an
    earlier paragraph's year, the claim is needs-review, with the engine's reading given, never contradicted."""
    found = spot.spot(f"{EDITION_2022}\n\n{LEAD}", store=store, published="2023-10-08")
    read = by_span(found, "the greatest number of clusters")
    assert (read.frame["period"], read.frame["period_from"]) == ("2022", "assumed")
    assert read.verdict == "needs-review"


@pytest.mark.parametrize("text, verdict", [
    (f"{EDITION_2022} {LEAD}", "contradicted"),  # the same paragraph's year: the text's own
    ("In 2023, China emerged as the country with the greatest number of clusters.", "supported"),
])
def test_a_lead_dated_in_its_paragraph_is_judged(store, text, verdict):
    assert by_span(spot.spot(text, store=store, published="2023-10-08"),
                   "the greatest number of clusters").verdict == verdict


# --- an index's year before "ranks" is a year, not a move of that many places ---------------------------------------------------

@pytest.mark.parametrize("text, spans", [
    ("The Global Innovation Index 2025 ranks China 10th.", ["10th"]),
    ("The GII 2024 ranks Vietnam 44th.", ["44th"]),
])
def test_a_year_before_ranks_is_not_a_move_in_the_ranking(store, text, spans):
    assert [c.span for c in spot.spot(text, store=store, published="2025-10-01")] == spans


def test_a_move_counted_in_places_is_still_read(store):
    found = spot.spot("China climbed 25 places in the Global Innovation Index.", store=store, published="2025-10-01")
    assert by_span(found, "25 places").frame["transformation"] == "change"


# --- a score's base after its edition and "up from" ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, period", [
    ("The United States scored 62.4 in the 2024 index, up from 63.5 in 2023.", "63.5", "2023"),
    ("China scored 56.3 in the 2024 edition, down from 55.3 in 2023.", "55.3", "2023"),
])
def test_a_scores_base_after_its_edition_is_a_score(store, text, span, period):
    """The base of a score ("up from 63.5") is in the score's unit, as "improving to 40.9 from 38.7" was."""
    read = by_span(spot.spot(text, store=store, published="2024-10-01"), span)
    assert (read.frame["kind"], read.frame["period"]) == ("score", period)
    assert read.match is not None and read.match.indicator == "gii_score"


def test_a_bare_number_after_other_words_and_from_takes_no_score(store):
    """Only the edition's words may stand between: "scored 62.4, with exports up from 3" gives the 3 no score."""
    found = spot.spot("The United States scored 62.4 in the 2024 index, while exports rose from 3 to 4 million units.",
                      store=store, published="2024-10-01")
    assert all(c.frame.get("kind") != "score" for c in found if c.span.startswith("3"))


# --- review of the pass: a list after a base of another economy; a base with a time of its own -----------------------------

@pytest.mark.parametrize("text, span, entity, period", [
    ("China had 21 clusters in 2022, compared with 21 in the United States and 10 in Germany.", "10", "DEU", "2022"),
    ("China filed 70,017 PCT applications in 2022, compared with 58,823 in the United States and 50,351 in Japan.",
     "50,351", "JPN", "2022"),
    ("China spent 2.43% of GDP on R&D in 2021, compared with 3.47% in the United States and 4.6% in South Korea.",
     "4.6%", "KOR", "2021"),
])
def test_items_listed_after_a_base_of_another_economy_keep_the_sentences_year(store, text, span, entity, period):
    """The base of another economy is of the sentence's year, so that year is no base year for the items after it."""
    read = by_span(spot.spot(text, store=store, published="2025-03-01"), span)
    assert (read.frame["entity"], read.frame["period"]) == (entity, period)


@pytest.mark.parametrize("tail", ["in 2021", "a year earlier"])
def test_a_base_of_another_economy_with_a_time_of_its_own_is_dated_by_it(store, tail):
    text = f"China's R&D spending equalled 2.56% of GDP in 2022, compared with 3.46% in the United States {tail}."
    read = by_span(spot.spot(text, store=store, published="2025-03-01"), "3.46%")
    assert (read.frame["entity"], read.frame["period"]) == ("USA", "2021")


# --- dev130's first-run accusations, mended as general classes (and their review) ----------------------------------------------

@pytest.mark.parametrize("span", ["approximately 160 percent", "160 percent"])
def test_a_growth_above_a_hundred_percent_ending_in_zero_near_the_data_is_not_accused(store, span):
    """CAAM's NEV sales grew 157.5% in 2021 ("1.6 times"): "160 percent" may be rounded to tens (its zero need not be
    significant), so it is not contradicted; checked to the unit, it is not supported either (needs review)."""
    text = f"In 2021, China's sales of new energy vehicles surged {span} to 3.52 million units, CAAM said."
    read = by_span(spot.spot(text, store=store, published="2022-01-13"), span)
    assert read.match is not None and read.match.indicator == "vehicle_sales_yoy_pct"
    assert read.verdict == "needs-review"
    assert "rounded to tens" in read.explanation


def test_a_growth_ending_in_zero_far_from_the_data_is_still_contradicted(store):
    text = "In 2021, China's sales of new energy vehicles surged 190 percent to 3.52 million units, CAAM said."
    assert by_span(spot.spot(text, store=store, published="2022-01-13"), "190 percent").verdict == "contradicted"


@pytest.mark.parametrize("text", [
    "Tesla is the leader among foreign brands. The group sold 1,863,494 NEVs in 2022, up 208.64 per cent.",
    "The carmaker sold 1,863,494 NEVs in 2022.",
    "The automaker exported 242,765 vehicles in 2023.",
])
def test_a_company_named_by_its_trade_and_its_verb_counts_its_own_figures(store, text):
    """"The group sold ...", "the carmaker sold", "the automaker exported": a company's figures, never the
    economy's (the store holds economies)."""
    found = spot.spot(text, store=store, published="2024-01-13")
    numbers = [c for c in found if c.frame.get("kind") in ("count", "percent")]
    assert numbers and all(c.frame["subject"] == "other:company" for c in numbers)
    assert all(c.verdict == "unverifiable" for c in numbers)


@pytest.mark.parametrize("text, span", [
    ("Despite the firm yuan, China's exports rose 7.1 percent in 2024 to 25.45 trillion yuan.", "7.1 percent"),
    ("The manufacturer said China's NEV exports rose 6.7 percent in 2024 to 1.28 million units.", "6.7 percent"),
    ("Within the group, China had 24 of the top 100 science and technology clusters in 2023.", "24"),
])
def test_a_trade_word_without_its_verb_is_no_company(store, text, span):
    """"the firm yuan", "the manufacturer said", "within the group": the figure stays the economy's."""
    assert by_span(spot.spot(text, store=store, published="2025-01-25"), span).frame["subject"] != "other:company"


def test_a_narrower_subject_named_before_a_figure_keeps_it_from_an_accusation(store):
    """"The sale of commercial vehicles ... with 5.13 million vehicles sold": all vehicles' 25.31 million in the store
    is no proof the figure is false; it may count commercial vehicles only (needs review, the reason given)."""
    found = spot.spot("The sale of commercial vehicles rose sharply in 2020, with 5.13 million vehicles sold, an 18.7 "
                      "percent increase, CAAM said of China.", store=store, published="2021-01-14")
    for span in ("5.13 million vehicles", "18.7 percent"):
        read = by_span(found, span)
        assert read.verdict == "needs-review"
        assert "commercial vehicles before the figure" in read.explanation


def test_a_total_after_a_narrower_subject_is_still_read_and_judged(store):
    """The reason only holds back an accusation: "with 26.08 million vehicles produced overall" after NEVs is still
    supported on all vehicles' production."""
    found = spot.spot("The production of new energy vehicles grew strongly in 2021, with 26.08 million vehicles produced "
                      "overall.", store=store, published="2022-01-25")
    assert by_span(found, "26.08 million vehicles").verdict.startswith("supported")
# --- a part of a year not yet over when the text came out is the year before's -------------------------------------------------

@pytest.mark.parametrize("text, published, period", [
    ("In the first 11 months, exports grew 5.4%.", "2025-01-14", "2024-01/2024-11"),
    ("Exports grew 5.4% in the January-November period.", "2025-01-14", "2024-01/2024-11"),
    ("In the first quarter, exports grew 5.4%.", "2025-03-14", "2024-Q1"),
    ("In the first quarter, exports grew 5.4%.", "2025-04-14", "2025-Q1"),
    ("In the first 11 months, exports grew 5.4%.", "2024-12-14", "2024-01/2024-11"),
    ("Exports rose 5.4% in the 12 months to June.", "2025-05-14", "2023-07/2024-06"),
])
def test_a_part_of_a_year_named_without_its_year_is_the_last_one_completed(store, text, published, period):
    """"In the first 11 months" read in January 2025 is January to November 2024, as "in December" was."""
    assert by_span(spot.spot(text, store=store, published=published), "5.4%").frame["period"] == period


# --- "those from the US": filings' origin, imports' partner --------------------------------------------------------------------

def test_filings_pointed_back_to_with_those_from_are_the_places_own(store):
    found = spot.spot("PCT applications from China grew by 10.6% in 2019, while those from the US rose 2.8%.",
                      store=store, published="2020-04-08")
    assert by_span(found, "2.8%").frame["entity"] == "USA"
    assert by_span(found, "10.6%").frame["entity"] == "CHN"


def test_imports_pointed_back_to_with_those_from_are_bilateral(store):
    """"China's imports from Japan grew 10.6%, while those from the US fell 2.8%": imports from the US, never China's
    total imports (which the store holds, and would judge against)."""
    found = spot.spot("China's imports from Japan grew by 10.6% in 2023, while those from the US fell 2.8%.",
                      store=store, published="2024-04-08")
    read = by_span(found, "2.8%")
    assert (read.frame["entity"], read.frame["counterpart"]) == ("CHN", "USA")
    assert read.verdict == "unverifiable"


# --- a part of a whole, "of which" / "including" ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("In 2021, China sold 3.52 million NEVs, of which 3.33 million were passenger cars.", "3.33 million were passenger cars"),
    ("In 2021, China sold 3.52 million NEVs, including 3.33 million passenger cars.", "3.33 million passenger cars"),
    ("Sales of NEVs reached 3.52 million units in 2021, of which passenger cars sold 3.33 million.", "3.33 million"),
])
def test_a_part_of_a_whole_that_no_series_counts_is_not_judged(store, text, span):
    """Passenger NEVs are neither all passenger cars (21.48 million, which the store holds) nor all NEVs: the part is
    unverifiable, never contradicted against all passenger cars."""
    read = by_span(spot.spot(text, store=store, published="2022-01-20"), span)
    assert read.frame["subject"] == "other:part_of_a_whole"
    assert read.verdict == "unverifiable"


def test_a_part_the_whole_holds_is_still_judged(store):
    """"2.02 million vehicles, of which passenger cars ... 1.61 million": passenger cars are vehicles, so the part is
    the passenger cars' series' figure."""
    found = spot.spot("In 2021, China exported 2.02 million vehicles, of which passenger cars accounted for 1.61 million.",
                      store=store, published="2022-01-20")
    assert by_span(found, "1.61 million").frame["subject"] != "other:part_of_a_whole"


def test_plug_in_hybrid_said_as_an_adjective_is_phev(store):
    found = spot.spot("Battery electric vehicle sales rose to 2.92 million in 2021, while plug-in hybrid sales rose to "
                      "603,000.", store=store, published="2022-01-20")
    assert by_span(found, "603,000").frame["subject"] == "phev"


# --- a field's leader given another place: its place in the whole index ---------------------------------------------------------

GII_2025 = "The Global Innovation Index 2025 was released on Tuesday. "


@pytest.mark.parametrize("text, span, entity", [
    (GII_2025 + "In Central and Southern Asia, India leads the region in 38th place.", "38th", "IND"),
    (GII_2025 + "In Latin America, Brazil leads the region at 52nd.", "52nd", "BRA"),
])
def test_a_fields_leader_given_another_place_is_placed_in_the_whole_index(store, text, span, entity):
    """A leader's place in its field is first: another place said of it is its place in the index."""
    read = by_span(spot.spot(text, store=store, published="2025-09-17"), span)
    assert (read.frame["subject"], read.frame["entity"]) == ("innovation_index", entity)
    assert read.verdict == "supported"


@pytest.mark.parametrize("text, span", [
    (GII_2025 + "Within ASEAN, Malaysia remained in second place behind Singapore.", "second"),
    (GII_2025 + "In Asia, Singapore is first and Korea second.", "second"),
])
def test_a_place_within_a_field_stays_scoped(store, text, span):
    assert by_span(spot.spot(text, store=store, published="2025-09-17"), span).frame["subject"] == \
        "other:rank_in_a_field"


def test_another_economys_place_after_a_leader_is_never_accused(store):
    """"Singapore tops the list, with Korea second": Korea's place may be in the field (Asia), so not accused."""
    found = spot.spot(GII_2025 + "In Asia, Singapore tops the list, with Korea second.", store=store,
                      published="2025-09-17")
    assert by_span(found, "second").verdict not in ("contradicted", "misleading")


# --- the third review: a company by its trade, "Vs" inside "NEVs", parts under different kinds ----------------------------------

@pytest.mark.parametrize("text", [
    "Chery is China's top car exporter. The manufacturer said it exported 937,000 vehicles in 2023.",
    "Chery is China's top car exporter. The carmaker said its exports rose 101% in 2023 to 937,000 vehicles.",
    "The automaker, which delivered 1.81 million vehicles in 2023, cut prices.",
    "SAIC leads China's carmakers. The group's sales reached 5.02 million vehicles in 2023.",
])
def test_a_company_named_by_its_trade_as_a_subject_is_never_the_economy(store, text):
    found = spot.spot(text, store=store, published="2024-07-15")
    numbers = [c for c in found if c.frame.get("kind") in ("count", "percent")]
    assert numbers and all(c.frame["subject"] == "other:company" for c in numbers)
    assert all(c.verdict == "unverifiable" for c in numbers)


def test_an_economy_named_after_a_generic_company_word_owns_the_figure(store):
    found = spot.spot("The company said China's exports rose 7.1 percent in 2024.", store=store,
                      published="2025-01-25")
    read = by_span(found, "7.1 percent")
    assert read.frame["subject"] != "other:company" and read.verdict == "supported"


def test_the_vs_of_nevs_is_no_comparison(store):
    """"exported 1.2 million NEVs in 2023": "Vs in" is no "vs", so 2023 is the figure's year, not a base (it had
    been read as 2024 and contradicted)."""
    read = by_span(spot.spot("China exported 1.2 million NEVs in 2023.", store=store, published="2025-03-10"),
                   "1.2 million NEVs")
    assert read.frame["period"] == "2023"
    assert read.verdict == "supported-rounded"


def test_a_part_under_another_kind_than_the_whole_is_still_judged(store):
    """EVs sit under the new trio in the catalogue, not under vehicles: "4.91 million vehicles, of which 1.77 million
    were electric vehicles" keeps its EV reading."""
    found = spot.spot("China exported 4.91 million vehicles in 2023, of which 1.77 million were electric vehicles.",
                      store=store, published="2025-01-14")
    assert by_span(found, "1.77 million").frame["subject"] == "ev"


# --- the fourth review: owners, asides, sources' reports, a leader's gap -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The firm's exports, mostly from China, totalled 3.5 million vehicles in 2023.",
    "The company's exports from China totalled 2 million vehicles in 2023.",
    "The carmaker's exports from China rose 30 percent to 1.2 million vehicles in 2023.",
    "The manufacturer, China's largest, exported 937,000 vehicles in 2023.",
    "The manufacturer’s exports reached 937,000 vehicles in 2023.",
])
def test_a_companys_own_trade_with_an_economy_named_stays_the_companys(store, text):
    """A company word as an owner ("the firm's exports ... from China"), or with an aside naming an economy ("The
    manufacturer, China's largest,"), keeps the figure the company's: never judged as China's."""
    found = spot.spot(text, store=store, published="2024-06-01")
    numbers = [c for c in found if c.frame.get("kind") in ("count", "percent")]
    assert numbers and all(c.frame["subject"] == "other:company" for c in numbers)
    assert all(c.verdict not in ("contradicted", "misleading", "supported", "supported-rounded") for c in numbers)


@pytest.mark.parametrize("text, span", [
    ("The carmaker said vehicle exports nationwide rose 57.9 percent in 2023.", "57.9 percent"),
    ("CAAM publishes monthly data. The group said NEV exports rose 77.6 percent in 2023.", "77.6 percent"),
])
def test_a_source_reporting_a_national_figure_is_not_its_owner(store, text, span):
    """"The carmaker said vehicle exports nationwide rose": a report of the nation's figure, judged as such (only "said
    it", "said its" make the figure the company's own)."""
    read = by_span(spot.spot(text, store=store, published="2024-06-01"), span)
    assert read.frame["subject"] != "other:company" and read.verdict == "supported"


@pytest.mark.parametrize("text", [
    "The GII 2025 came out. In South East Asia, Singapore heads a region whose runner-up sits in 34th place.",
    "The GII 2025 came out. Among the BRICS, India tops the remaining members in 2nd place.",
])
def test_a_lead_verb_far_from_the_place_leaves_it_in_the_field(store, text):
    found = spot.spot(text, store=store, published="2025-10-15")
    assert all(c.frame["subject"] == "other:rank_in_a_field" for c in found if c.frame.get("kind") == "rank")


# --- the fifth review: a base's own time further on, forecasts, sources' data, trade places ---------------------------------------

@pytest.mark.parametrize("tail", ["the world's highest in 2013", "its level a decade ago"])
def test_a_base_of_another_economy_with_a_time_further_on_is_not_the_sentences(store, tail):
    text = f"China's R&D intensity was 2.65 percent in 2023, compared with 4.9 percent in South Korea, {tail}."
    read = by_span(spot.spot(text, store=store, published="2024-10-10"), "4.9 percent")
    assert read.frame["period"] != "2023"
    assert read.verdict not in ("supported", "supported-rounded", "contradicted", "misleading")


@pytest.mark.parametrize("text, published, period", [
    ("Exports in the second half are expected to rise 4 percent.", "2024-07-15", "2024-H2"),
    ("In the fourth quarter, exports are projected to slow to 5 percent growth.", "2024-10-20", "2024-Q4"),
])
def test_a_forecast_of_a_part_of_the_year_to_come_keeps_its_year(store, text, published, period):
    read = spot.spot(text, store=store, published=published)[0]
    assert read.frame["period"] == period and read.verdict == "opinion"


@pytest.mark.parametrize("text, spans", [
    ("The automaker, based in Wuhu, said China's vehicle exports totaled 4.91 million units in 2023.",
     ["4.91 million units"]),
    ("The China Association of Automobile Manufacturers released its data on Thursday. The group's data showed vehicle "
     "exports rose 57.9 percent to 4.91 million units in 2023.", ["57.9 percent", "4.91 million units"]),
])
def test_a_companys_report_of_the_nations_figures_is_judged_as_the_nations(store, text, spans):
    found = spot.spot(text, store=store, published="2024-10-10")
    for span in spans:
        assert by_span(found, span).verdict == "supported"


@pytest.mark.parametrize("text", [
    "The company said its exports to Mexico rose 57.9 percent to 4.91 million vehicles in 2023.",
    "The carmaker said its vehicle exports from China rose 101 percent to 937,000 units in 2023.",
])
def test_a_companys_exports_to_or_from_an_economy_stay_the_companys(store, text):
    found = spot.spot(text, store=store, published="2024-01-20")
    assert all(c.frame["subject"] == "other:company" and c.verdict == "unverifiable" for c in found)


def test_battery_electric_and_plug_in_hybrid_cars_together_are_nevs(store):
    found = spot.spot("China's exports of battery-electric and plug-in hybrid cars rose 77.6 percent in 2023.",
                      store=store, published="2024-01-15")
    read = by_span(found, "77.6 percent")
    assert read.frame["subject"] == "nev" and read.verdict == "supported"
