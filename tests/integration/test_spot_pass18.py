"""Mapping pass 18 (issue 20): general classes of wording seen in the development splits' misses (a list of markets
continued by growth rates, a region's figure in a text about China's exports of a product, the ranking a headline
names), each tested on phrasings of its own and on a near wording where it must not fire or must not accuse."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass18")


# --- a list of markets continued by growth rates; a region's figure in a text about China's exports -----------------
# Ember: China's module exports by destination region (bundled ember/solar_exports_capacity [pv_panels])

MODULES = "China exported 235.93 GW of PV modules in 2024, up 13% from 2023. "


@pytest.mark.parametrize("text, span, partner", [
    (MODULES + "Shipments to the Middle East increased 99%, while Africa jumped 43%.", "43%", "region:Africa"),
    (MODULES + "Other regions saw strong growth. The Middle East increased 99%, Africa jumped 43%.", "99%",
     "region:Middle East"),
    (MODULES + "Other regions saw strong growth. The Middle East increased 99%, Africa jumped 43%.", "43%",
     "region:Africa"),
])
def test_a_markets_growth_in_a_text_about_chinas_exports_is_the_growth_of_exports_to_it(store, text, span, partner):
    found = spot.spot(text, store=store, published="2025-02-08")
    rate = by_span(found, span)
    assert rate.match and rate.match.indicator == "solar_exports_capacity" and rate.match.counterpart == partner
    assert (rate.period, rate.entity) == ("2024", "CHN")
    assert rate.verdict not in ACCUSING  # the market's flow is assumed, never accused


def test_a_name_the_place_list_does_not_know_keeps_the_figure_from_the_market_before_it(store):
    found = spot.spot(MODULES + "The Middle East increased 99%, Africa jumped 43% and the Americas rose 10%.",
                      store=store, published="2025-02-08")
    americas = by_span(found, "10%")
    assert not (americas.match and americas.match.counterpart == "region:Africa")


@pytest.mark.parametrize("text, span", [
    # a region's own measure: not China's exports to it
    (MODULES + "Africa's GDP grew 3.2% in 2024.", "3.2%"),
    # no product exported in the text: a region's growth is not read as a flow
    ("The Middle East increased 99% in 2024, Africa jumped 43%.", "43%"),
])
def test_a_regions_figure_is_not_read_as_chinas_exports_where_the_text_does_not_say_so(store, text, span):
    found = spot.spot(text, store=store, published="2025-02-08")
    figure = by_span(found, span)
    assert not (figure.match and figure.match.source == "ember")


# --- the ranking a headline names, for the body's places ----------------------------------------------------------
# WIPO GII 2023: Singapore 5th, Malaysia 36th (bundled gii/gii_rank)

BODY = "Thailand remains in 43rd place. This places Thailand at 3rd position in Asean, following Singapore (5th) " \
       "and Malaysia (36th).\n"


def with_title(title: str) -> str:
    return f"---\ntitle: \"{title}\"\npublished: 2023-09-29\n---\n{BODY}"


def test_the_ranking_a_headline_names_is_the_ranking_of_the_bodys_places(store):
    found = spot.spot(with_title("Thailand remains 43rd in Global Innovation Index 2023 ranking"), store=store)
    for span, economy in (("5th", "SGP"), ("36th", "MYS")):
        place = by_span(found, span)
        assert place.match and place.match.indicator == "gii_rank", span
        assert (place.period, place.entity, place.verdict) == ("2023", economy, "supported")


@pytest.mark.parametrize("title", [
    "Thailand remains 43rd among innovative nations",  # a description, maybe another publisher's ranking
    "Thailand keeps its place",  # no ranking named
])
def test_a_headline_that_names_no_ranking_by_its_name_gives_the_body_none(store, title):
    found = spot.spot(with_title(title), store=store)
    assert not (by_span(found, "5th").match and by_span(found, "5th").match.indicator == "gii_rank")


def test_a_headlines_year_is_not_the_bodys(store):
    """"... by 2053" in a headline is a target's year: the body's undated rate is not dated by it."""
    text = "---\ntitle: \"China aims to double exports by 2035\"\npublished: 2024-01-13\n---\n" \
           "China's exports rose 0.6% in dollar terms last year.\n"
    rate = by_span(spot.spot(text, store=store), "0.6%")
    assert rate.period == "2023"


# --- a score's move ("its overall score improving to 40.9 from 38.7") ---------------------------------------------
# WIPO GII 2023: Malaysia's score 40.9 (bundled gii/gii_score)

@pytest.mark.parametrize("wording", ["with its overall score improving to 40.9 from 38.7 last year",
                                     "and its score rose to 40.9"])
def test_a_scores_move_names_the_score(store, wording):
    text = f"Malaysia remains in 36th position in the Global Innovation Index (GII) 2023, {wording}."
    score = by_span(spot.spot(text, store=store, published="2023-09-28"), "40.9")
    assert score.match and score.match.indicator == "gii_score"
    assert (score.period, score.entity, score.verdict) == ("2023", "MYS", "supported")


def test_the_base_of_a_scores_move_is_a_score_too(store):
    text = "Malaysia remains 36th in the Global Innovation Index (GII) 2023, its score improving to 40.9 from 38.7."
    base = by_span(spot.spot(text, store=store, published="2023-09-28"), "38.7")
    assert base.unit == "score" and base.verdict not in ACCUSING


def test_a_number_after_a_score_word_that_is_not_its_move_stays_unread_as_a_score(store):
    found = spot.spot("The score rose in 2023 as 40 new indicators were added.", store=store, published="2023-09-28")
    assert all(c.unit != "score" for c in found)


# --- "to 46 out of 139 countries": a place, not a fraction -------------------------------------------------------
# WIPO GII 2025: Saudi Arabia 46th (bundled gii/gii_rank)

def test_a_place_out_of_the_economies_ranked_is_a_rank(store):
    text = "Saudi Arabia has increased its ranking in the Global Innovation Index 2025 to 46 out of 139 countries."
    place = by_span(spot.spot(text, store=store, published="2025-09-17"), "46 out of 139")
    assert place.value == 46 and place.unit == "rank"
    assert place.match and place.match.indicator == "gii_rank" and (place.entity, place.verdict) == ("SAU", "supported")


@pytest.mark.parametrize("text", ["Three out of 10 cars sold in China in 2023 were NEVs.",
                                  "Exports to 46 out of 139 countries rose in 2023."])
def test_a_fraction_out_of_a_whole_that_is_no_ranking_stays_a_share(store, text):
    found = spot.spot(text, store=store, published="2024-01-20")
    assert all(c.unit != "rank" for c in found)


# --- a streak of each place of a list -------------------------------------------------------------------------------
# WIPO GII: Sweden 2nd and the United States 3rd in 2023, 2024 and 2025 (bundled gii/gii_rank)

def test_a_streak_after_a_list_of_places_is_each_places_streak(store):
    text = "Switzerland tops the Global Innovation Index (GII) 2025. Sweden and the United States of America retain " \
           "their 2nd and 3rd positions for the third year in a row."
    streaks = [c for c in spot.spot(text, store=store, published="2025-09-16") if c.span == "third"]
    assert sorted((c.entity, c.period, c.comparator, c.verdict) for c in streaks) == [
        ("SWE", "2023/2025", "rank==2", "supported"), ("USA", "2023/2025", "rank==3", "supported")]


def test_a_streak_after_places_that_are_no_list_is_the_nearest_places_only(store):
    text = "Switzerland tops the Global Innovation Index (GII) 2025; Sweden is 2nd, while the United States of " \
           "America keeps 3rd for the third year in a row."
    streaks = [c for c in spot.spot(text, store=store, published="2025-09-16") if c.span == "third"]
    assert [c.entity for c in streaks] == ["USA"]


# --- a partner's share said after its flow, or before with "share of" -------------------------------------------
# Ember: China's module exports by destination (bundled ember/solar_exports_capacity [pv_panels])

@pytest.mark.parametrize("text, span", [
    ("Europe imported 9 GW of modules from China in March 2024, up 20% MoM, accounting for 44% of the total.", "44%"),
    ("Europe's share of China's module exports fell to 44% in March 2024.", "44%"),
])
def test_a_partners_share_of_chinas_exports_is_its_rows_over_the_worlds(store, text, span):
    share = by_span(spot.spot(text, store=store, published="2024-05-01"), span)
    assert share.match and share.match.derivation == "partner_share"
    assert (share.match.counterpart, share.period) == ("region:Europe", "2024-03")
    assert share.verdict not in ACCUSING


def test_a_share_of_a_part_of_the_flow_is_no_partners_share_of_the_whole(store):
    text = "Pakistan imported 16.91 GW of modules from China in 2024, accounting for 25% of the region's imports."
    share = by_span(spot.spot(text, store=store, published="2025-02-08"), "25%")
    assert not (share.match and share.match.derivation == "partner_share")


def test_asia_pacific_is_not_asia(store):
    text = MODULES + "Europe imported 94.4 GW of modules in 2024. Asia Pacific imported 68.11 GW."
    level = by_span(spot.spot(text, store=store, published="2025-02-08"), "68.11 GW")
    assert not (level.match and level.match.counterpart == "region:Asia")


# --- a threshold said of a list written in the ranking's order ----------------------------------------------------
# WIPO GII 2023 and 2024: Switzerland, Sweden, the United States first to third (bundled gii/gii_rank)

@pytest.mark.parametrize("text, span, year", [
    ("While Switzerland, followed by Sweden and then the United States, retained the top three positions in the "
     "Global Innovation Index 2024, Singapore overtook Britain to secure fourth place.", "top three", "2024"),
    ("Nigeria ranked 109th in the 2023 Global Innovation Index (GII), which saw Switzerland, Sweden, and the United "
     "States as the first three on the list.", "first three", "2023"),
    ("In the Global Innovation Index 2023 the pack is topped by Switzerland, Sweden and the United States as the top "
     "three in that order.", "top three", "2023"),
])
def test_a_threshold_after_economies_listed_in_order_is_said_of_each(store, text, span, year):
    places = [c for c in spot.spot(text, store=store, published=f"{year}-10-01") if c.span == span]
    assert sorted((c.entity, c.period, c.verdict) for c in places) == [
        ("CHE", year, "supported"), ("SWE", year, "supported"), ("USA", year, "supported")]


def test_the_first_months_are_no_threshold_of_a_ranking(store):
    found = spot.spot("In the Global Innovation Index 2023 China ranked 12th; its exports fell in the first three "
                      "months of 2023.", store=store, published="2023-10-01")
    assert all(c.unit != "rank" for c in found if "three" in c.span)


@pytest.mark.parametrize("text", [
    "In the Global Innovation Index 2024, unlike Sweden and Japan, China is in the top ten.",
    "In the Global Innovation Index 2024, as measured by Sweden and Japan, China is in the top ten.",
])
def test_economies_listed_as_an_aside_are_not_the_thresholds(store, text):
    places = [c for c in spot.spot(text, store=store, published="2024-10-01") if c.span == "top ten"]
    assert {c.entity for c in places} == {"CHN"}


# --- a total the store keeps only as its products; "solar cells" beside modules and wafers ----------------------
# Ember, Q1 2025 (bundled ember/solar_exports_value, world rows): panels 5,585.7 + cells 826.4 + wafers 446.1
# = US$6,858.3 million; cells Q1 2024 728.4 million (+13.5%)

def test_a_total_kept_only_as_its_products_is_their_sum(store):
    text = "China exported PV products worth $6.9 billion in the first quarter of 2025."
    total = by_span(spot.spot(text, store=store, published="2025-05-01"), "$6.9 billion")
    assert total.match and total.match.derivation == "product_sum" and total.match.product is None
    assert (total.match.source, total.match.indicator, total.period) == ("ember", "solar_exports_value", "2025-Q1")
    assert total.verdict == "supported-rounded" and "pv_cells + pv_panels + pv_wafers" in total.explanation


def test_a_sum_of_products_that_differs_is_never_accused(store):
    text = "China exported PV products worth $5.2 billion in the first quarter of 2025."
    total = by_span(spot.spot(text, store=store, published="2025-05-01"), "$5.2 billion")
    assert total.match and total.match.derivation == "product_sum" and total.verdict == "needs-review"


@pytest.mark.parametrize("text, span", [
    # a series of the total holds the year: no sum (customs' solar PV exports, 2023)
    ("China's solar exports were worth $43.7 billion in 2023.", "$43.7 billion"),
    # the whole of every product is not the sum of one series' products (goods are not solar products)
    ("China's exports reached $3.38 trillion in 2023.", "$3.38 trillion"),
    # products that overlap ("all" beside "nev") are never summed
    ("China sold 30.09 million vehicles in 2023.", "30.09 million"),
])
def test_no_sum_of_products_where_a_total_is_held_or_the_products_are_no_parts(store, text, span):
    found = spot.spot(text, store=store, published="2024-05-01")
    assert not (by_span(found, span).match and by_span(found, span).match.derivation == "product_sum")


CELLS = "Exports of solar wafers fell 52.1% to $290 million in the first quarter of 2025. Exports of solar cells " \
        "rose 13.5% to $830 million, with volumes up 51.1% to 20.1 GW."


def test_solar_cells_beside_wafers_are_the_cells_and_a_rate_follows_the_level_after_to(store):
    found = spot.spot(CELLS, store=store, published="2025-05-01")
    level, rate, volume = by_span(found, "$830 million"), by_span(found, "13.5%"), by_span(found, "51.1%")
    assert (level.match.indicator, level.match.product, level.verdict) == (
        "solar_exports_value", "pv_cells", "supported-rounded")
    assert (rate.match.indicator, rate.match.product, rate.verdict) == (
        "solar_exports_value", "pv_cells", "supported-rounded")
    assert (volume.match.indicator, volume.match.product) == ("solar_exports_capacity", "pv_cells")


def test_solar_cells_alone_are_all_pv_products(store):
    text = "China's exports of the green trio, namely solar cells, lithium-ion batteries and electric vehicles, " \
           "surged 29.9 percent to 1.06 trillion yuan in 2023."
    found = spot.spot(text, store=store, published="2024-01-15")
    assert all(c.match is None or c.match.product != "pv_cells" for c in found)


# --- a fraction of a whole is a share; "make up"; a world share on a narrower count -------------------------------
# WIPO: China 70,160 of 273,900 PCT applications in 2024 (25.6%) (bundled wipo_ip/pct_applications)

def test_a_fraction_of_a_whole_is_a_share_of_the_worlds_total(store):
    text = "China contributed about a quarter of international patent applications in 2024."
    share = by_span(spot.spot(text, store=store, published="2025-03-20"), "about a quarter")
    assert share.match and share.match.derivation == "world_share" and share.match.indicator == "pct_applications"
    assert share.verdict in ("supported", "supported-rounded")


def test_make_up_names_a_share_not_a_rise(store):
    text = "The United States, Japan and Germany, which together make up 40 percent of total applications, all " \
           "recorded slight declines in 2024."
    share = by_span(spot.spot(text, store=store, published="2025-03-20"), "40 percent")
    assert share.frame["transformation"] == "share" and share.verdict not in ACCUSING


def test_a_world_share_of_a_broader_subject_is_read_on_the_narrower_count_and_never_judged_as_stated(store):
    text = "In 2024, China accounted for 25% of all global patent filings."
    share = by_span(spot.spot(text, store=store, published="2025-03-20"), "25%")
    assert share.match and share.match.derivation == "world_share" and share.match.narrower
    assert share.verdict == "needs-review"


def test_a_world_share_of_goods_is_never_read_on_a_narrower_count(store):
    text = "China's exports accounted for 14.2 percent of the world's total in 2023."
    share = by_span(spot.spot(text, store=store, published="2024-05-01"), "14.2 percent")
    assert not (share.match and share.match.derivation == "world_share" and share.match.narrower)


@pytest.mark.parametrize("text, derived", [
    # the other economies in a clause of their own after the share: the share is China's alone
    ("China contributed about a quarter of international patent applications in 2024, remaining the biggest source, "
     "while the United States, Japan and Germany all recorded slight declines.", True),
    # named in the share's own clause: which economy's share is not certain (never derived as China's)
    ("China and the United States contributed about a quarter of international patent applications in 2024.", False),
])
def test_a_world_share_is_one_economys_when_the_others_are_in_another_clause(store, text, derived):
    share = by_span(spot.spot(text, store=store, published="2025-03-20"), "about a quarter")
    assert bool(share.match and share.match.derivation == "world_share") is derived
    assert share.verdict not in ACCUSING


# --- a first-release count the publisher revises later ---------------------------------------------------------------
# WIPO: Switzerland's 2022 PCT applications 5,367 at the first release (2023-02-28; bundled wipo_ip/pct_applications,
# whose series says WIPO revises counts later)

@pytest.mark.parametrize("text, published, accused", [
    # a text of 2024 within 3% of the first release: it may quote the revised count
    ("Switzerland filed 5,430 international patent applications in 2022.", "2024-10-04", False),
    # a text within weeks of the first release quotes it: no revision excuses a different figure
    ("Switzerland filed 5,430 international patent applications in 2022.", "2023-03-15", True),
    # far from the first release: no revision is that large
    ("Switzerland filed 6,430 international patent applications in 2022.", "2024-10-04", True),
])
def test_a_later_text_near_a_first_release_that_is_revised_later_is_not_accused(store, text, published, accused):
    count = by_span(spot.spot(text, store=store, published=published), "applications")
    assert count.match and count.match.indicator == "pct_applications"
    assert (count.verdict in ACCUSING) is accused, count.explanation
    if not accused:
        assert "first release" in count.explanation


# --- places said in words; the economy of "The Swiss economy"; a ranking named in the closing attribution ----------
# WIPO GII 2023: Switzerland 1st, Sweden 2nd, the United Kingdom 4th, China 12th (bundled gii/gii_rank)

@pytest.mark.parametrize("text, span, economy", [
    ("In the Global Innovation Index 2023, Britain retains its spot at number four, behind Switzerland, Sweden and "
     "the US.", "number four", "GBR"),
    ("In the Global Innovation Index 2023, the United Kingdom secured fourth position.", "fourth", "GBR"),
    ("In the Global Innovation Index 2023, Sweden overtook the United States for second position.",
     "second position", "SWE"),
    ("The Swiss economy has managed to retain its innovation edge. The country retained first place, according to "
     "the World Intellectual Property Organization (WIPO) 2023 Innovation Index.", "first", "CHE"),
])
def test_a_place_in_words_or_named_before_its_ranking_is_the_indexs(store, text, span, economy):
    place = by_span(spot.spot(text, store=store, published="2023-10-18"), span)
    assert place.match and place.match.indicator == "gii_rank"
    assert (place.entity, place.period, place.verdict) == (economy, "2023", "supported")


@pytest.mark.parametrize("text, span", [
    ("In the Global Innovation Index 2023, China is the number one trading partner of 120 countries.", "number one"),
    ("In the Global Innovation Index 2023, Switzerland took first place in scientific and creative services.",
     "first place"),
    ("In the Global Innovation Index 2023, Japan remained the second-largest economy in Asia.", "second"),
])
def test_a_place_in_words_of_something_else_is_no_place_in_the_index(store, text, span):
    found = spot.spot(text, store=store, published="2023-10-18")
    assert all(not (c.match and c.match.indicator == "gii_rank") for c in found if span in c.span)


# --- a cluster that overtook another to take its place --------------------------------------------------------------
# WIPO GII 2024 clusters: Beijing 3rd, Seoul 4th (bundled gii/cluster_rank)

def test_a_cluster_that_overtook_another_takes_the_place(store):
    text = "The UN's World Intellectual Property Organization said Shenzhen-Hong Kong-Guangzhou remained in second " \
           "place among science and technology clusters in 2024, while Beijing overtook Seoul to grab third place."
    place = by_span(spot.spot(text, store=store, published="2024-08-27"), "third")
    assert place.match and (place.match.indicator, place.match.product) == ("cluster_rank", "cluster:Beijing")
    assert (place.period, place.verdict) == ("2024", "supported")


# --- a streak of a bound: a percentage above a level, a place within a top N ----------------------------------------
# WIPO GII: South Korea 10th (2020), 5th, 6th, 10th, 6th (2024) (bundled gii/gii_rank)

def test_a_streak_within_a_top_n_is_checked_year_by_year(store):
    text = "South Korea ranked 6th in the Global Innovation Index 2024 and has been in the top 10 for five " \
           "consecutive years."
    streak = by_span(spot.spot(text, store=store, published="2024-10-01"), "five")
    assert streak.match and streak.match.derivation == "streak"
    assert (streak.entity, streak.period, streak.comparator, streak.verdict) == ("KOR", "2020/2024", "<=10", "supported")


def test_a_streak_above_a_percentage_is_checked_year_by_year_and_never_accused(store):
    text = "The proportion of basic research expenditure in R&D expenditure rose in 2022, remaining above 6 percent " \
           "for four consecutive years."
    streak = by_span(spot.spot(text, store=store, published="2023-09-18"), "four")
    assert streak.match and streak.match.derivation == "streak" and streak.match.indicator == "basic_research_share_pct"
    assert (streak.period, streak.comparator) == ("2019/2022", ">6") and streak.verdict not in ACCUSING


def test_a_scaled_amounts_bound_makes_no_streak(store):
    text = "China's R&D spending exceeded 3 trillion yuan in 2022, rising for the seventh consecutive year."
    found = spot.spot(text, store=store, published="2023-09-18")
    assert not any(c.comparator.startswith(">3") for c in found if c.match and c.match.derivation == "streak")


@pytest.mark.parametrize("text, streak", [
    ("South Korea ranked 6th in the Global Innovation Index 2024 and has consistently been in the top 10 for the "
     "past five years.", True),
    # a span of growth, no verb of holding: no streak
    ("In the Global Innovation Index 2024 South Korea ranked 6th; its R&D spending grew for the past five years.",
     False),
])
def test_what_has_held_for_the_past_n_years_is_a_streak(store, text, streak):
    found = spot.spot(text, store=store, published="2024-10-01")
    got = [c for c in found if "five years" in c.span and c.match and c.match.derivation == "streak"]
    assert bool(got) is streak
    assert all((c.period, c.verdict) == ("2020/2024", "supported") for c in got)


# --- a bracketed move after a count ------------------------------------------------------------------------------------
# WIPO GII clusters: China 24 (2023), 26 (2024) of the top 100 (bundled gii/st_clusters_top100)

@pytest.mark.parametrize("move, verdict", [("up two", "supported"), ("up five", "needs-review")])
def test_a_bracketed_move_after_a_count_is_its_change_since_the_year_before(store, move, verdict):
    text = f"China led with the most clusters in the top 100 in 2024, at 26 ({move}), followed by the United States."
    change = by_span(spot.spot(text, store=store, published="2024-08-27"), move.split()[1])
    assert change.match and (change.match.indicator, change.match.derivation) == ("st_clusters_top100", "difference")
    assert change.verdict == verdict  # a difference of two stored levels is never an accusation


def test_a_bracketed_number_after_a_count_without_a_move_is_no_change(store):
    text = "China led with the most clusters in the top 100 in 2024, at 26 (two more than the US's 24)."
    found = spot.spot(text, store=store, published="2024-08-27")
    assert not any(c.match and c.match.derivation == "difference" for c in found if c.span in ("two",))


# --- "drops from 9th to 11th place": the place moved from is the edition before's ------------------------------------
# WIPO GII: Germany 9th (2024), 11th (2025) (bundled gii/gii_rank)

def test_a_place_moved_from_is_the_edition_befores(store):
    found = spot.spot("In the Global Innovation Index 2025, Germany drops from 9th to 11th place.", store=store,
                      published="2025-09-16")
    before, after = by_span(found, "9th"), by_span(found, "11th")
    assert (before.period, before.verdict) == ("2024", "supported")
    assert (after.period, after.verdict) == ("2025", "supported")


def test_an_economy_that_overtook_another_and_climbed_to_a_place_has_it(store):
    text = "In the Global Innovation Index 2023, Sweden has overtaken the United States and has climbed to second " \
           "position."
    place = by_span(spot.spot(text, store=store, published="2023-09-28"), "second")
    assert (place.entity, place.verdict) == ("SWE", "supported")


def test_a_world_share_of_an_economy_carried_into_the_sentence_is_its_own(store):
    text = "Japan and Germany saw small declines. China has increased its R&D expenditures at a rapid rate. In 2024, " \
           "it accounted for 25% of all global patent filings, remaining the biggest source of filings."
    share = by_span(spot.spot(text, store=store, published="2025-03-20"), "25%")
    assert share.match and share.match.derivation == "world_share" and share.entity == "CHN"
    assert share.verdict == "needs-review"  # 25.6% on PCT filings, a narrower count: never judged as stated


# --- a figure said of two years ("rank 14 in 2020 and 2019") --------------------------------------------------------
# WIPO GII: China 14th in 2019 and 2020 (bundled gii/gii_rank)

def test_a_figure_before_two_years_is_said_of_each(store):
    text = "China is now the world's 12th most innovative nation in the Global Innovation Index 2023, up from rank 14 " \
           "in 2020 and 2019 and rank 17 in 2018."
    places = [c for c in spot.spot(text, store=store, published="2023-10-01") if c.span.endswith("14")]
    assert sorted((c.period, c.verdict) for c in places) == [("2019", "supported"), ("2020", "supported")]


def test_two_years_said_respectively_are_not_one_figures(store):
    text = "China ranked 14th and 17th in the Global Innovation Index in 2019 and 2018, respectively."
    found = spot.spot(text, store=store, published="2023-10-01")
    assert len([c for c in found if c.span == "14th"]) == 1


# --- a period carried from a paragraph about something no series counts ---------------------------------------------
# (a trust probe's pair: a May 2024 trade note, then a text on 2023's trade; GACC's 2023 total 41,756.8 billion yuan)

def test_a_month_carried_from_a_paragraph_about_something_else_never_accuses(store):
    text = "The manufacturing purchasing managers index dropped to 49.5 in May from 50.4 in April, indicating a " \
           "slight contraction.\n\nOn foreign trade, China's total trade in goods hit 41,756.8 billion yuan, up 0.2 " \
           "percent year on year."
    found = spot.spot(text, store=store, published="2024-03-08")
    for span in ("41,756.8 billion yuan", "0.2 percent"):
        assert by_span(found, span).verdict not in ACCUSING
