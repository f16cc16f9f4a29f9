"""Mapping pass 10 (issue 20): rules for classes of wording seen in dev9's and dev10's misses, each tested on
phrasings of its own and on a near wording where it must not fire or must not accuse."""

from __future__ import annotations

import pytest

from indicators import numbers, spot
from indicators.spot import text as spot_text
from indicators.spot.figures import read_figures
from texts import ACCUSING, by_span, frames_of_sentences


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass10")


def _values(text):
    return [(f.text, f.value, f.unit) for f in numbers.read_figures(text)]


# --- a row of a list: a level grouped with commas, then a percentage -----------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("China 70,015 25.1%", [("70,015", 70015.0, ""), ("25.1%", 25.1, "percent")]),   # WIPO PCT newsletter, 2023
    ("Germany 17,530 6.3% and France 7,764 2.8%", [("17,530", 17530.0, ""), ("6.3%", 6.3, "percent"),
                                                   ("7,764", 7764.0, ""), ("2.8%", 2.8, "percent")]),
    ("Exports: 3,380 12%", [("3,380", 3380.0, ""), ("12%", 12.0, "percent")]),
])
def test_a_level_grouped_with_commas_then_a_percentage_is_two_figures(text, want):
    assert _values(text) == want


@pytest.mark.parametrize("text", [
    "1,234 567",       # a broken thousands group: still skipped
    "1 234 25.1%",     # grouped with spaces: which number?
    "70,015 251%",     # three digits after the space may continue the group
])
def test_two_numbers_with_a_space_that_may_be_one_group_are_still_skipped(text):
    assert numbers.read_figures(text) == []


@pytest.mark.parametrize("sentence, level", [
    ("Japan (50,345, +0.1%), the Republic of Korea (22,012, +6.2%) and Germany (17,530, +1.5%) held the third, "
     "fourth and fifth rankings.", "50,345"),
    ("China filed 70,015 applications, +0.6% over 2021.", "70,015"),
])
def test_a_count_beside_its_rate_in_one_bracket_is_not_a_percentage(sentence, level):
    [count] = [f for f in read_figures(sentence) if sentence[f.start: f.end].startswith(level)]
    assert count.unit != "percent"


def test_a_list_of_percentages_still_shares_its_unit():
    sentence = "Exports rose 5, 6 and 7% in the three quarters."
    assert [f.unit for f in read_figures(sentence)] == ["percent", "percent", "percent"]


# --- a numbered list joined into one paragraph -----------------------------------------------------------------------

LIST = ("1. China 70,015 25.1% 2. United States of America 59,056 21.2% 3. Japan 50,345 18.1% 4. Republic of Korea "
        "22,012 7.9%")


def test_a_numbered_list_joined_into_one_paragraph_is_one_sentence_with_its_items_ranked():
    assert len(spot_text.sentences(LIST)) == 1
    ranks = [(LIST[f.start: f.end], f.value) for f in read_figures(LIST) if f.unit == "rank"]
    assert ranks == [("1.", 1), ("2.", 2), ("3.", 3), ("4.", 4)]


def test_a_number_out_of_sequence_after_a_figure_is_no_list_item():
    sentence = "1. China 70,015 25.1% 7. United States of America 59,056 21.2%"
    assert [f.value for f in read_figures(sentence) if f.unit == "rank"] == [1]


def test_sentences_still_end_after_a_figure_before_a_capital():
    assert len(spot_text.sentences("Exports rose 4%. Imports fell 2.1%. Japan ranked 3rd.")) == 3


# --- a list introduced by a sentence saying what its percentages are -----------------------------------------------

INTRO = ("The top 10 countries of origin, followed by their respective percentage share of all filings, were as "
         "follows:")


def test_the_percentages_of_a_list_are_what_its_introduction_says():
    reads = frames_of_sentences([INTRO, LIST])
    shares = [r for r in reads if r.frame.kind == "percent"]
    assert [(r.value, r.frame.transformation, r.frame.transformation_from, r.frame.entity) for r in shares] == [
        (25.1, "share", "assumed", "CHN"), (21.2, "share", "assumed", "USA"), (18.1, "share", "assumed", "JPN"),
        (7.9, "share", "assumed", "KOR")]


def test_a_list_introduction_naming_no_share_or_growth_gives_its_list_nothing():
    reads = frames_of_sentences(["The top 10 countries of origin were as follows:", LIST])
    assert {r.frame.transformation for r in reads if r.frame.kind == "percent"} == {None}


def test_a_list_introduction_does_not_reach_past_the_list():
    text = [INTRO, LIST, "Sales rose 12%."]
    context = spot.frames.Context()
    reads = []
    for paragraph, sentence in enumerate(text):
        reads = spot.frames.frames_of(sentence, context, paragraph)
    [rise] = reads
    assert rise.frame.transformation == "growth_rate"  # its own word, not the list's "share"
    reads = frames_of_sentences([INTRO, LIST, "The figure was 12%."])
    assert [r.frame.transformation for r in reads] == [None]


def test_the_joined_list_of_the_pct_newsletter_maps_levels_and_shares(store):
    text = ("China remained the largest origin of PCT filings in 2022, followed by the United States.\n\n" + INTRO
            + "\n\n" + LIST)
    found = spot.spot(text, store=store, published="2023-03-15")
    level = by_span(found, "59,056")
    assert (level.match.indicator, level.entity, level.match.period) == ("pct_applications", "USA", "2022")
    share = [c for c in found if c.value == 25.1]
    assert share and share[0].frame["transformation"] == "share" and share[0].entity == "CHN"
    assert not [c for c in found if c.verdict in ACCUSING]


# --- an international system's filings with no economy named yet: the world's ------------------------------------

def test_pct_filings_before_any_economy_is_named_are_the_worlds(store):
    text = "In 2022, PCT filings rose by 0.3% over 2021, totaling 278,100. China remained the largest origin."
    found = spot.spot(text, store=store, published="2023-03-15")
    total = by_span(found, "278,100")
    assert (total.entity, total.frame["entity_from"]) == ("WLD", "assumed")
    assert by_span(found, "0.3%").entity == "WLD"
    assert total.verdict not in ACCUSING


@pytest.mark.parametrize("text, span", [
    ("China remained the largest origin. In 2022, PCT filings rose by 0.6% over 2021.", "0.6%"),
    ("China's PCT filings rose by 0.6% in 2022.", "0.6%"),
])
def test_pct_filings_after_an_economy_is_named_stay_its(store, text, span):
    assert by_span(spot.spot(text, store=store, published="2023-03-15"), span).entity == "CHN"


def test_other_subjects_with_no_economy_named_stay_chinas(store):
    c = by_span(spot.spot("In 2023, exports rose by 0.6%.", store=store, published="2024-03-15"), "0.6%")
    assert c.entity == "CHN"


# --- "respectively" after measures named one by one ---------------------------------------------------------------

def test_measures_named_one_by_one_pair_with_figures_respectively():
    reads = frames_of_sentences(["This marked a strong recovery from 2023, when total trade, exports, and imports "
                                 "contracted by 5.0%, 4.6%, and 5.5%, respectively."], published="2025-01-14")
    assert [(r.frame.measure, r.value, r.frame.transformation, r.frame.period) for r in reads] == [
        ("trade", -5.0, "growth_rate", "2023"), ("exports", -4.6, "growth_rate", "2023"),
        ("imports", -5.5, "growth_rate", "2023")]


def test_measures_named_one_by_one_without_respectively_are_not_paired():
    reads = frames_of_sentences(["In 2023, total trade, exports, and imports contracted, exports by 4.6%."])
    assert [r.frame.measure for r in reads] == ["exports"]


def test_figures_in_a_when_clause_pair_in_their_own_order(store):
    text = ("For the full year of 2024, total trade grew 3.8% year-on-year in dollar terms, as exports rose 5.9% and "
            "imports edged up 1.1%. This marked a strong recovery from 2023, when total trade, exports, and imports "
            "contracted by 5.0%, 4.6%, and 5.5% in dollar terms, respectively.")
    found = spot.spot(text, store=store, published="2025-01-14")
    exports = by_span(found, "4.6%")
    assert (exports.match.indicator, exports.match.period, exports.verdict) == (
        "goods_exports_usd_yoy_pct", "2023", "supported")


# --- a year before ", when" dates its clause --------------------------------------------------------------------------

def test_a_year_before_when_dates_the_figures_of_its_clause_not_those_before_it():
    reads = frames_of_sentences(["In 2024 exports rose 5.9% from 2023, when they fell 4.6%."])
    assert [(r.value, r.frame.period) for r in reads] == [(5.9, "2024"), (-4.6, "2023")]


def test_a_when_clause_does_not_move_the_texts_period():
    reads = frames_of_sentences(["In 2024 exports rose 5.9%.", "It was a recovery from 2023, when exports fell 4.6%.",
                                 "The surplus reached $992 billion."])
    assert reads[0].frame.period == "2024"


# --- the measure after a change noun is the figure's ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, want", [
    ("On a year-on-year basis, total trade increased 6.5%, driven by a 10.7% rise in exports and a 1.0% gain in "
     "imports.", ["trade", "exports", "imports"]),
    ("Total trade grew 5%, with a 7.1% increase in the country's exports.", ["trade", "exports"]),
])
def test_a_change_noun_and_in_after_a_percentage_name_what_it_measures(sentence, want):
    assert [r.frame.measure for r in frames_of_sentences([sentence])] == want


def test_a_change_noun_without_in_leaves_the_measure_named_before():
    reads = frames_of_sentences(["Total trade increased 6.5%, a rise driven by exports."])
    assert [r.frame.measure for r in reads] == ["trade"]


# --- a threshold passed by two measures is passed by each --------------------------------------------------------------

def test_production_and_sales_surpassing_a_threshold_is_a_claim_on_each(store):
    found = spot.spot("China's automotive production and sales surpassed 30 million vehicles for the first time in "
                      "2023.", store=store, published="2024-01-12")
    assert sorted(c.match.indicator for c in found if c.match) == ["vehicle_production", "vehicle_sales"]
    assert all(c.verdict == "supported" for c in found)


def test_an_exact_figure_after_two_measures_is_read_once():
    reads = frames_of_sentences(["China's production and sales reached 30.1 million vehicles in 2023."])
    assert len(reads) == 1


# --- a cluster's rank: "the X cluster continues to rank second" ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Shenzhen-Hong Kong-Guangzhou cluster continues to rank second globally for the fifth consecutive year in "
    "the Global Innovation Index 2024 top 100 science and technology clusters.",
    "WIPO published the Global Innovation Index 2024 top 100 science and technology clusters on Tuesday, among "
    "which the Shenzhen-Hong Kong-Guangzhou cluster continued to rank second globally.",
])
def test_a_cluster_named_as_such_keeps_its_rank_beside_the_index(store, text):
    c = by_span(spot.spot(text, store=store, published="2024-08-28"), "second")
    assert (c.match.indicator, c.match.product, c.verdict) == (
        "cluster_rank", "cluster:Shenzhen–Hong Kong–Guangzhou", "supported")


def test_an_economy_ranked_in_the_index_is_not_its_cluster(store):
    c = by_span(spot.spot("Singapore continues to rank fourth in the Global Innovation Index 2024, with clusters "
                          "too.", store=store, published="2024-10-01"), "fourth")
    assert c.match is None or c.match.indicator != "cluster_rank"


# --- "similar to last year" is a comparison, not the figure's year -----------------------------------------------------

def test_similar_to_last_year_is_no_period_of_the_figure():
    reads = frames_of_sentences(["The 2024 edition of the GII came out.",
                                 "Similar to last year, the U.S. takes third place in the GII."], published="2024-10-07")
    assert reads[0].frame.period == "2024"


def test_in_last_year_still_dates_the_figure():
    reads = frames_of_sentences(["The 2024 edition of the GII came out.",
                                 "Last year, the U.S. took third place in the GII."], published="2024-10-07")
    assert reads[0].frame.period == "2023"


# --- a count in brackets after a name is that name's, positive ------------------------------------------------------

@pytest.mark.parametrize("sentence, span, value", [
    ("China (69,610) and the US (55,678) both record fewer filings.", "(69,610)", 69610),
    ("followed by Samsung Electronics of the Republic of Korea (4,387), Qualcomm Inc. of the U.S. (3,855)",
     "(4,387)", 4387),
])
def test_a_count_in_brackets_after_a_name_is_positive(sentence, span, value):
    [f] = [f for f in read_figures(sentence) if sentence[f.start: f.end] == span]
    assert f.value == value


def test_a_bracketed_number_after_no_name_is_still_an_accountants_negative():
    sentence = "the balance was (3.2) in the quarter"
    assert [f.value for f in read_figures(sentence)] == [-3.2]


# --- a subject carried from a sentence whose figure was read as a narrower series ------------------------------------

WIPO = ("UN's World Intellectual Property Organization (WIPO) reports a 1.8% decline in patent filings in 2023, the "
        "first drop in 14 years.\n\nChina (69,610) and the US (55,678) both record fewer filings, marking a 0.6% and "
        "5.3% decline respectively.")


def test_a_carried_subject_is_read_as_the_figure_before_it_was(store):
    found = spot.spot(WIPO, store=store, published="2024-03-08")
    china, us = by_span(found, "69,610"), by_span(found, "55,678")
    assert (china.match.indicator, china.entity, china.value) == ("pct_applications", "CHN", 69610)
    assert (us.match.indicator, us.entity) == ("pct_applications", "USA")
    assert china.frame["subject_from"] == "assumed"  # a guess: never an accusation on it
    assert not [c for c in found if c.verdict in ACCUSING]


def test_a_carried_reading_needs_the_same_measure_and_a_direct_reading(store):
    """People's Daily, 2023: a share of world exports read as a narrower share series says nothing of the imports
    after it (another measure): they stay all goods."""
    text = ("The Ministry of Commerce reported that China's merchandise exports reached $3.38 trillion in 2023, "
            "representing 14.2 percent of world exports, a share similar to that of 2022. China's total imports reached "
            "$2.56 trillion, accounting for 10.6 percent of world imports.")
    imports = by_span(spot.spot(text, store=store, published="2024-02-01"), "2.56")
    assert (imports.match.indicator, imports.frame["subject"]) == ("goods_imports", "goods")


# --- "a 0.6% and 5.3% decline respectively" after two economies' levels ------------------------------------------------

def test_a_change_noun_after_two_rates_is_both_and_each_takes_its_economy_respectively():
    reads = frames_of_sentences(["China (69,610) and the US (55,678) both record fewer filings, marking a 0.6% and "
                                 "5.3% decline respectively."])
    rates = [r for r in reads if r.frame.kind == "percent"]
    assert [(r.value, r.frame.transformation, r.frame.entity) for r in rates] == [
        (-0.6, "growth_rate", "CHN"), (-5.3, "growth_rate", "USA")]


def test_levels_of_one_economy_leave_their_rates_economy_alone():
    reads = frames_of_sentences(["China produced 30.16 million vehicles and sold 30.09 million in 2023, up 11.6% and "
                                 "12%, respectively."])
    assert {r.frame.entity for r in reads} == {"CHN"}


# --- a rank in brackets after an item's name is the item's -----------------------------------------------------------

def test_a_bracketed_rank_after_an_items_name_is_not_the_economys_index_rank(store):
    text = ("Sweden and the United States (US) maintain their respective 2nd and 3rd positions in the GII 2024. It holds "
            "top positions for its Researchers (1st), Intellectual property (IP) payments and receipts (both 1st) and "
            "its Knowledge-intensive employment (3rd).")
    found = spot.spot(text, store=store, published="2024-09-26")
    items = [c for c in found if c.start > text.index("It holds")]
    assert len(items) == 3
    assert all(c.frame["subject"] == "other:named_item" and c.match is None for c in items)
    assert not [c for c in found if c.verdict in ACCUSING]


@pytest.mark.parametrize("sentence", [
    "In the GII 2024, China (11th) and Japan (13th) kept their places.",
    "The GII 2024 ranks Singapore (4th), ahead of the United Kingdom (5th).",
])
def test_a_bracketed_rank_after_an_economy_stays_its_index_rank(sentence):
    reads = frames_of_sentences([sentence])
    assert {r.frame.subject for r in reads if r.frame.kind == "rank"} == {"innovation_index"}


# --- a place among economies in a measure the store holds as levels ---------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("The United States came in second with 55,678 applications.", "second"),
    ("The United States, in second place in the world rankings, recorded a very sharp 5.3% drop.", "second"),
    ("Japan, Korea and Germany again held the third, fourth and fifth rankings, respectively.", "fifth"),
])
def test_places_worded_came_in_in_place_and_rankings_are_ranks(sentence, span):
    assert [f.unit for f in read_figures(sentence) if sentence[f.start: f.end] == span] == ["rank"]


@pytest.mark.parametrize("sentence", [
    "It was the second time exports fell.",
    "In the first place, exports grew.",
    "Sales came in second half stronger.",
])
def test_first_and_second_without_a_place_are_not_ranks(sentence):
    assert [f for f in read_figures(sentence) if f.unit == "rank"] == []


def test_a_place_in_a_count_the_store_holds_as_levels_is_derived_from_them(store):
    """August Debouzy, 2024: "The United States, in second place in the world rankings, ... 55,678 PCT filings in
    2023"; "Japan, the third-largest filer": places among the stored 2023 levels (CHN 69,610, USA 55,678, JPN 48,879)
    and the world's total bounding the economies not listed."""
    text = ("In 2023, China filed 69,610 PCT applications. The United States came in second with 55,678 PCT "
            "applications in 2023. Japan, the third-largest filer, registered 48,879 PCT filings in 2023.")
    found = spot.spot(text, store=store, published="2024-03-20")
    for span, entity in (("second", "USA"), ("third", "JPN")):
        c = by_span(found, span)
        assert (c.match.indicator, c.match.derivation, c.entity, c.verdict) == ("pct_applications", "rank", entity,
                                                                              "supported")


def test_a_wrong_place_derived_from_levels_is_never_an_accusation(store):
    c = by_span(spot.spot("In 2023, Japan came in second with 48,879 PCT applications.", store=store,
                          published="2024-03-20"), "second")
    assert c.match.derivation == "rank" and c.verdict == "needs-review"


def test_a_companys_place_is_not_an_economys(store):
    c = by_span(spot.spot("In 2023, Samsung Electronics of the Republic of Korea came in second with 3,924 PCT "
                          "applications.", store=store, published="2024-03-20"), "second")
    assert c.match is None and c.verdict == "unverifiable"


def test_places_after_economies_with_their_own_figures_in_brackets_pair_respectively():
    reads = frames_of_sentences(["Japan (50,345, +0.1%), the Republic of Korea (22,012, +6.2%) and Germany (17,530, "
                                 "+1.5%) again held the third, fourth and fifth rankings, respectively."])
    ranks = [(r.value, r.frame.entity) for r in reads if r.frame.kind == "rank"]
    assert ranks == [(3, "JPN"), (4, "KOR"), (5, "DEU")]


# --- an economy's abbreviation in brackets is not another item of a list ----------------------------------------------

def test_an_abbreviation_in_brackets_does_not_break_a_list_of_economies():
    reads = frames_of_sentences(["In the GII 2024, Sweden and the United States (US) maintain their respective 2nd and "
                                 "3rd positions for the second consecutive year."])
    assert [(r.value, r.frame.entity) for r in reads if r.frame.kind == "rank" and r.value in (2, 3)] == [
        (2, "SWE"), (3, "USA")]


def test_a_list_ended_by_a_bracketed_aside_naming_another_economy_is_not_paired():
    reads = frames_of_sentences(["In the GII 2024, Sweden and the United States (not Japan) held 2nd and 3rd place."])
    assert (2, "SWE") not in [(r.value, r.frame.entity) for r in reads if r.frame.kind == "rank"]


# --- a stated compiler does not pull a figure to a narrower series ---------------------------------------------------

def test_the_subject_stated_from_another_compiler_before_a_narrower_series_of_the_compiler_named(store):
    """People's Daily, 2024: MOFCOM quoting customs' merchandise exports: the store's customs series (needs review,
    both compilers named), not MOFCOM's lithium-ion battery exports."""
    c = by_span(spot.spot("The Ministry of Commerce reported that China's merchandise exports reached $3.38 trillion "
                          "in 2023.", store=store, published="2024-02-01"), "3.38")
    assert (c.match.indicator, c.verdict) == ("goods_exports", "needs-review")


def test_a_narrower_series_of_the_compiler_named_is_kept_when_the_subject_is_narrower(store):
    c = by_span(spot.spot("The Ministry of Commerce reported that China's lithium-ion battery exports reached 650.7 "
                          "billion yuan in 2023.", store=store, published="2024-02-01"), "650.7")
    assert c.match is not None and c.match.indicator == "liion_exports_value"


# --- a growth rate continuing a money figure's clause leans to its currency, left open ----------------------------------

CCCME = ("General Administration of Customs announced that in 2022, China's exports of mechanical and electrical "
         "products totaled US$2052.77 billion, which was the first time to exceed US$2 trillion, with a year-on-year "
         "increase of {rate} percent from the high base.")


def test_a_growth_rate_continuing_a_dollar_figure_is_read_on_the_dollar_series(store):
    c = by_span(spot.spot(CCCME.format(rate="3.6"), store=store, published="2023-01-20"), "3.6")
    assert (c.match.indicator, c.verdict) == ("mech_elec_exports_usd_yoy_pct", "supported")
    assert "currency" in c.open  # the basis leaned on, not stated


def test_a_wrong_rate_continuing_a_money_figure_is_never_accused(store):
    c = by_span(spot.spot(CCCME.format(rate="9.6"), store=store, published="2023-01-20"), "9.6")
    assert c.match.indicator == "mech_elec_exports_usd_yoy_pct" and c.verdict not in ACCUSING


def test_a_place_by_cluster_count_without_a_year_takes_the_latest_edition_and_is_never_accused(store):
    """Huacheng, 2025-09-02: "China leads the pack with 24 clusters, followed by the United States with 22. Germany
    comes in third with 7 clusters": Germany's place among the stored counts of the latest edition (assumed), bounded
    by the list's size (100): the clusters of economies not held could pass 7, so needs-review."""
    text = ("The Shenzhen-Hong Kong-Guangzhou sci-tech cluster has surged to the top of the global innovation cluster "
            "rankings, according to the latest Global Innovation Index (GII) Cluster study released by the World "
            "Intellectual Property Organization (WIPO) on September 1.\n\n"
            "The latest report shows that the top 100 global innovation clusters are spread across 33 economies. China "
            "leads the pack with 24 clusters, followed by the United States with 22. Germany comes in third with 7 "
            "clusters.")
    c = by_span(spot.spot(text, store=store, published="2025-09-02"), "third")
    assert (c.match.indicator, c.match.derivation, c.entity, c.match.period) == ("st_clusters_top100", "rank", "DEU",
                                                                               "2025")
    assert c.verdict == "needs-review"


def test_since_a_year_when_is_still_a_base():
    reads = frames_of_sentences(["Since 2020, when exports were 2.6 trillion dollars, they rose 60% to 2023."])
    assert [r.frame.period for r in reads if r.unit == "percent"] != ["2020"]


def test_a_when_clause_dates_its_figures_as_a_guess():
    reads = frames_of_sentences(["In 2024 exports rose 5.9% from 2023, when they fell 4.6%."])
    assert [r.frame.period_from for r in reads] == ["stated", "assumed"]


# --- R&D by activity: the store holds basic research only ----------------------------------------------------------------

def test_applied_research_and_experimental_development_are_not_basic_research(store):
    """NBS communique 2023: "the funding for basic research was 225.91 billion yuan ...; that for applied research was
    366.15 billion yuan, an increase of 5.1 percent; that for experimental development was 2,743.65 billion yuan"."""
    text = ("In 2023, the funding for basic research was 225.91 billion yuan nationwide, an increase of 11.6 percent over "
            "the previous year; that for applied research was 366.15 billion yuan, an increase of 5.1 percent; that for "
            "experimental development was 2,743.65 billion yuan, an increase of 8.5 percent.")
    found = spot.spot(text, store=store, published="2024-10-02")
    assert by_span(found, "225.91").match.indicator == "basic_research_expenditure"
    for span in ("366.15", "2,743.65", "5.1 percent"):
        c = by_span(found, span)
        assert c.match is None and c.verdict == "unverifiable"


def test_research_and_experimental_development_is_still_rd(store):
    c = by_span(spot.spot("In 2023, China's spending on research and experimental development reached 3.3278 trillion "
                          "yuan.", store=store, published="2024-10-02"), "3.3278")
    assert c.match.indicator == "rd_expenditure"


# --- first in N indicators, in other words -------------------------------------------------------------------------------

def test_scores_best_in_n_of_the_indicators_is_a_count_of_indicators_ranked_first(store):
    c = by_span(spot.spot("The United States scores best in the world in nine of the 78 GII 2024 innovation "
                          "indicators – behind Singapore.", store=store, published="2024-10-01"), "nine")
    assert (c.comparator, c.match.indicator, c.entity, c.verdict) == ("count==9", "indicators_ranked_first", "USA",
                                                                      "supported")


def test_leading_in_n_of_something_else_is_not_a_count_of_indicators(store):
    found = spot.spot("In 2024, China leads in 5 sectors.", store=store, published="2024-10-01")
    assert all(not c.comparator.startswith("count==") and (c.match is None or c.match.indicator != "indicators_ranked_first")
               for c in found)


# --- trade or a balance with a partner is bilateral ---------------------------------------------------------------------

def test_a_surplus_with_a_partner_is_bilateral_not_the_total(store):
    """Business Standard, 2025: "China runs a trade surplus of over $300 billion with the US, more than $200 billion
    with the EU, and almost $500 billion with the Global South" (the total, $992 billion, held every threshold)."""
    text = ("In 2024, China runs a trade surplus of over $300 billion with the US, more than $200 billion with the EU, "
            "and almost $500 billion with the Global South (the Emerging Market universe).")
    found = spot.spot(text, store=store, published="2025-02-01")
    assert [c.frame.get("counterpart") for c in found][:2] == ["USA", "EU"]
    assert all(c.match is None and c.verdict == "unverifiable" for c in found)


@pytest.mark.parametrize("text", [
    "In 2024, China ran a trade surplus of $992 billion, in line with forecasts.",
    "China's trade surplus reached $992 billion in 2024, along with Germany's.",
])
def test_with_not_naming_a_partner_leaves_the_total(store, text):
    c = by_span(spot.spot(text, store=store, published="2025-02-01"), "992")
    assert c.match is not None and c.match.indicator == "goods_trade_balance" and not c.frame.get("counterpart")


# --- "the company's" figures are a company's ------------------------------------------------------------------------------

def test_the_companys_figures_are_not_the_economys(store):
    """Xinhua, 2025: BYD's results: "Passenger vehicles dominated the company's NEV portfolio, with sales reaching 4.25
    million units, up 41.07 percent from the previous year" (had been read as China's NEV sales)."""
    text = ("BYD's new energy vehicle (NEV) sales soared 41.26 percent year on year to over 4.27 million units in 2024. "
            "Passenger vehicles dominated the company's NEV portfolio, with sales reaching 4.25 million units, up 41.07 "
            "percent from the previous year, it said.")
    found = spot.spot(text, store=store, published="2025-01-02")
    for span in ("4.25 million", "41.07 percent"):
        c = by_span(found, span)
        assert c.frame["subject"] == "other:company" and c.match is None


def test_the_countrys_figures_stay_the_economys(store):
    c = by_span(spot.spot("In 2024, the country's NEV sales reached 12.87 million units.", store=store,
                          published="2025-01-20"), "12.87")
    assert c.match is not None and c.match.indicator == "vehicle_sales"


# --- subjects listed, figures "respectively" -------------------------------------------------------------------------------

def test_listed_subjects_pair_with_figures_respectively(store):
    """China Payroll, 2023: "Exports of electric vehicles, photovoltaic (PV) products, and lithium-ion batteries rose by
    131.8 percent, 67.8 percent, and 86.7 percent, respectively, in 2022" (all three had been read as batteries')."""
    text = ("Exports of electric vehicles, photovoltaic (PV) products, and lithium-ion batteries rose by 131.8 percent, "
            "67.8 percent, and 86.7 percent, respectively, in 2022.")
    found = spot.spot(text, store=store, published="2023-05-01")
    assert [(c.frame["subject"], c.frame["transformation"]) for c in found] == [
        ("ev", "growth_rate"), ("pv", "growth_rate"), ("liion_batteries", "growth_rate")]
    assert not [c for c in found if c.verdict in ACCUSING]


def test_listed_subjects_without_respectively_keep_the_nearest():
    reads = frames_of_sentences(["Exports of electric vehicles, photovoltaic products, and lithium-ion batteries rose by "
                                 "30 percent in 2023."])
    assert [r.frame.subject for r in reads] != ["ev"]


def test_fewer_subjects_than_figures_respectively_pair_none():
    reads = frames_of_sentences(["Exports of electric vehicles and lithium-ion batteries rose by 131.8 percent, 67.8 "
                                 "percent, and 86.7 percent, respectively, in 2022."])
    assert not [r for r in reads if any("respectively" in n for n in r.frame.notes)]


def test_more_figures_than_measures_respectively_pair_none():
    reads = frames_of_sentences(["In 2023, exports and imports rose 5.0%, 4.6%, and 5.5%, respectively."])
    assert not [r for r in reads if any("respectively" in n for n in r.frame.notes)]


# --- "on the 16th": a day, not a rank -------------------------------------------------------------------------------------

def test_on_the_nth_is_a_day_not_a_rank():
    sentence = "CCTV News: On the 16th local time, the World Intellectual Property Organization released the report."
    assert read_figures(sentence) == []


@pytest.mark.parametrize("sentence, span", [
    ("It ranked 12th, up from the 14th in 2022.", "14th"),
    ("On the 11th place was China.", "11th"),
])
def test_ordinals_after_from_the_or_before_place_stay_ranks(sentence, span):
    assert [f.unit for f in read_figures(sentence) if sentence[f.start: f.end] == span] == ["rank"]


def test_a_sentence_without_figures_naming_the_index_gives_the_ranking_of_later_ranks(store):
    """CCTV, 2025: "On the 16th local time, ... released the "2025 Global Innovation Index Report". ... Switzerland,
    Sweden, the United States, South Korea and Singapore ranked in the top five."""
    text = ('CCTV News: On the 16th local time, the World Intellectual Property Organization released the "2025 Global '
            'Innovation Index Report".\n\nThe report shows that Switzerland, Sweden, the United States, South Korea and '
            'Singapore ranked in the top five.')
    found = spot.spot(text, store=store, published="2025-09-17")
    assert "16th" not in [c.span for c in found]
    assert {(c.match.indicator, c.entity) for c in found if c.span == "top five"} >= {("gii_rank", "CHE"), ("gii_rank", "SGP")}


def test_first_in_an_item_the_store_names_is_that_items_row(store):
    """WIPO GII 2024 results: Sweden "holds top positions for its Researchers (1st)": gii ranked_first_named
    [indicator:Researchers] holds Sweden first in 2024."""
    text = ("Sweden and the United States (US) maintain their respective 2nd and 3rd positions in the GII 2024. Sweden "
            "holds top positions for its Researchers (1st) and its Knowledge-intensive employment (3rd).")
    found = spot.spot(text, store=store, published="2024-09-26")
    first = [c for c in found if c.span == "(1st)" or c.span == "1st"]
    assert [(c.match.product, c.entity, c.verdict) for c in first] == [("indicator:Researchers", "SWE", "supported")]


def test_first_in_an_item_the_store_does_not_name_for_that_economy_stays_unverifiable(store):
    text = "In the GII 2024, Japan holds top positions for its Researchers (1st)."
    [c] = [c for c in spot.spot(text, store=store, published="2024-09-26") if c.value == 1]
    assert c.match is None and c.verdict == "unverifiable"


def test_a_bracketed_item_rank_is_not_the_index_rank_even_with_the_index_named_in_the_sentence(store):
    c = by_span(spot.spot("In the GII 2024, Japan holds top positions for its Researchers (1st).", store=store,
                          published="2024-09-26"), "1st")
    assert c.frame["subject"] == "other:named_item" and c.verdict not in ACCUSING


# --- a growth rate's own clause and the level it qualifies before the sentence's stated basis -------------------------

def test_a_growth_rate_qualifying_a_yuan_level_is_yuan_though_another_clause_says_dollars(store):
    text = ("In 2024, China's exports rose 7.1% to 25.45 trillion yuan, while imports rose 2.3%, with a 5.9% increase in "
            "dollar terms.")
    c = by_span(spot.spot(text, store=store, published="2025-01-20"), "7.1%")
    assert (c.match.indicator, c.verdict) == ("goods_exports_yoy_pct", "supported")


def test_a_basis_stated_for_the_sentence_still_dates_its_other_clauses(store):
    found = spot.spot("In dollar terms, China's exports rose 5.9% in 2024, and imports 1.1%.", store=store,
                      published="2025-01-20")
    assert [c.match.indicator for c in found] == ["goods_exports_usd_yoy_pct", "goods_imports_usd_yoy_pct"]
