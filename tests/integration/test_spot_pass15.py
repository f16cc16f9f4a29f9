"""Mapping pass 15 (issue 20): classes of wording seen in dev19's and dev20's misses after their first runs, each
tested on phrasings of its own and on a near wording where it must not fire or must not accuse."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.spot.figures import read_figures
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass15")


# --- "rank 14": a place written with the noun before the number ----------------------------------------------------

@pytest.mark.parametrize("sentence, want", [
    ("up from rank 14 in 2020", [(14, "rank")]),
    ("ahead of Malaysia (overall rank 36) and Bulgaria (rank 38)", [(36, "rank"), (38, "rank")]),
    ("the country ranked 40 in the index", [(40, "rank")]),
    ("it ranked 500 companies by revenue", [(500, "count")]),  # a unit after it: a count
    ("China ranked 3 places higher", [(3, "rank")]),  # a move, as before
])
def test_a_number_after_the_word_rank_is_a_place(sentence, want):
    assert [(f.value, f.unit) for f in read_figures(sentence)] == want


def test_places_written_rank_n_are_judged_in_the_ranking_the_text_names(store):
    """ZeroHedge (Statista), 2023-10-06: GII 2023 ranks of Malaysia (36), Bulgaria (38), India (40), Vietnam (46)."""
    text = ("Switzerland is the most innovative country in the Global Innovation Index 2023. China was also named the "
            "most innovative upper middle-income country ahead of Malaysia (overall rank 36) and Bulgaria (rank 38), "
            "while India (overall rank 40) came first for lower middle-income countries, followed by Vietnam (rank 46).")
    found = spot.spot(text, store=store, published="2023-10-06")
    got = {c.entity: (c.match and c.match.indicator, c.period, c.verdict) for c in found if c.unit == "rank"
           and c.value in (36, 38, 40, 46)}
    assert got == {e: ("gii_rank", "2023", "supported") for e in ("MYS", "BGR", "IND", "VNM")}


def test_a_base_place_written_rank_n_keeps_its_own_year(store):
    found = spot.spot("China is now the world's 12th most innovative nation, up from rank 14 in 2020 and 2019 and rank "
                      "17 in 2018.", store=store, published="2023-10-06")
    # (pass 18: "in 2020 and 2019" says the place of each year, one candidate each)
    assert [(c.value, c.period, c.verdict) for c in found if c.value in (14, 17)] == [
        (14, "2020", "supported"), (14, "2019", "supported"), (17, "2018", "supported")]
    assert not [c for c in found if c.verdict in ACCUSING]


# --- a part of the year after a base figure is the base's ------------------------------------------------------------

def test_a_part_of_the_year_after_a_base_figure_dates_the_base_not_the_figure(store):
    """Trivium China, 2024-04-12: "Import value fell 1.9% y/y, down from 3.5% y/y growth in the first two months of the
    year": the 1.9% is March's (the paragraph's month), the first two months the 3.5%'s."""
    found = spot.spot("Export value in USD terms shrunk 7.5% y/y in March, compared to 7.1% y/y growth across "
                      "Jan-Feb.\n\nImport value fell 1.9% y/y, down from 3.5% y/y growth in the first two months of the "
                      "year.", store=store, published="2024-04-12")
    imports = by_span(found, "1.9%")
    assert (imports.match.indicator, imports.period, imports.verdict) == ("goods_imports_usd_yoy_pct", "2024-03",
                                                                          "supported")


def test_a_part_of_the_year_after_the_words_of_a_base_without_a_figure_still_dates_the_figure(store):
    """"rose 7% from a year earlier in July": no base figure, so July dates the 7% (as before)."""
    found = spot.spot("China's exports in US dollar terms rose 7% from a year earlier in July.", store=store,
                      published="2024-08-07")
    assert by_span(found, "7%").period == "2024-07"


# --- a cluster's rank in brackets after its name, or after "grabbed" ---------------------------------------------------

def test_cluster_ranks_in_brackets_after_their_names(store):
    """China Daily (East Lake), 2024: the GII 2024 ranks of the Shenzhen-Hong Kong-Guangzhou (2nd), Beijing (3rd) and
    Shanghai-Suzhou (5th) clusters, each in brackets after its name; none given to a name further back in the list."""
    found = spot.spot("WIPO released the 2024 Global Innovation Index (GII) on Aug 27. The report shows that China boasts 26 "
                      "of the top 100 global tech innovation clusters. Leading the "
                      "pack is the Shenzhen-Hong Kong-Guangzhou cluster (ranked 2nd globally), followed by Beijing "
                      "(3rd), Shanghai-Suzhou (5th).", store=store, published="2024-09-01")
    got = {c.span: (c.match and c.match.product, c.verdict) for c in found if c.span in ("2nd", "3rd", "5th")}
    assert got == {"2nd": ("cluster:Shenzhen–Hong Kong–Guangzhou", "supported"), "3rd": ("cluster:Beijing", "supported"),
                   "5th": ("cluster:Shanghai–Suzhou", "supported")}


def test_a_cluster_that_grabbed_a_place(store):
    """China Daily, 2023: "grabbed second place on the Top 100 Science and Technology Clusters in 2023"."""
    found = spot.spot("China's Shenzhen–Hong Kong–Guangzhou science and technology cluster grabbed second place on the "
                      "Top 100 Science and Technology Clusters in 2023, according to the World Intellectual Property "
                      "Organization.", store=store, published="2023-10-01")
    place = by_span(found, "second place")
    assert (place.match.indicator, place.match.product, place.verdict) == (
        "cluster_rank", "cluster:Shenzhen–Hong Kong–Guangzhou", "supported")


def test_a_streak_in_words_beside_a_lead_is_that_lead_year_by_year(store):
    """"China has the highest number of top-100 global tech innovation clusters for the second year in a row" (China
    Daily, 2024): the lead among economies in 2023 and 2024, never an accusation."""
    found = spot.spot("WIPO released the 2024 Global Innovation Index (GII) on Aug 27. The report reveals that China has "
                      "the highest number of top-100 global tech innovation clusters for the second year in a row.",
                      store=store, published="2024-09-01")
    streak = by_span(found, "second year in a row")
    assert (streak.match.indicator, streak.match.period, streak.match.derivation) == ("st_clusters_top100", "2023/2024",
                                                                                      "streak")
    assert streak.verdict not in ACCUSING and "2023:" in streak.explanation


# --- the text's own page is never evidence for it ------------------------------------------------------------------

ECNS = "http://ecns.cn/news/cns-wire/2024-01-12/detail-ihcwrpvv3812064.shtml"
CAAM_2023 = ("China's automobile production reached 30.161 million in 2023, up 11.6 percent year on year, according to "
             "the China Association of Automobile Manufacturers.\n")


def test_a_text_whose_page_the_store_took_its_figures_from_is_not_verified_by_them(store):
    """The store's CAAM 2023 rows cite ECNS's report of the release (data/caam): pasted with that page's URL in its
    front matter, the same figures are unverifiable ("the article is its own source"), as `indicators check` says of a
    claims file naming that URL; without the URL they are supported by those rows."""
    plain = {c.span: c.verdict for c in spot.spot(CAAM_2023, store=store, published="2024-01-12")}
    assert plain == {"30.161 million": "supported", "11.6 percent": "supported"}
    own = spot.spot(f"---\nurl: {ECNS}\npublished: 2024-01-12\n---\n" + CAAM_2023, store=store)
    assert {c.span: c.verdict for c in own} == {"30.161 million": "unverifiable", "11.6 percent": "unverifiable"}
    assert all("its own source" in c.explanation for c in own)


def test_a_row_judged_again_on_the_page_keeps_the_texts_own_url(store):
    """The Check-a-text page judges a row again (another series, place or period) with the text's own URL, as the
    downloaded claims.yaml carries it under `article:`."""
    from indicators.spot import choices

    [claim, _] = spot.draft_entries(spot.spot(CAAM_2023, store=store, published="2024-01-12"))[0]
    article = spot.own_article({"url": ECNS, "title": "ignored"})
    assert article == {"url": ECNS}
    assert choices.judge([claim], store, None)[claim["id"]].verdict == "supported"
    assert choices.judge([claim], store, None, article)[claim["id"]].verdict == "unverifiable"
    assert f"article:\n  url: {ECNS}\n" in choices.claims_yaml([claim], article=article)


# --- "comes third", "in second rank" -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, want", [
    ("The United States comes third while Sweden is in second rank.", [(3, "rank"), (2, "rank")]),
    ("Germany finishes fourth.", [(4, "rank")]),
    ("Its service comes second to none.", []),  # an idiom: no place
    ("It came second to none.", []),
    ("the second rank of officials", []),  # not after a ranking word or "in"
])
def test_places_after_comes_and_before_rank(sentence, want):
    assert [(f.value, f.unit) for f in read_figures(sentence)] == want


def test_places_after_comes_are_judged(store):
    """ZeroHedge (Statista), 2023-10-06, on GII 2023: "The United States comes third while Sweden is in second rank."."""
    found = spot.spot("Switzerland is the most innovative country in the Global Innovation Index 2023. The United States "
                      "comes third while Sweden is in second rank.", store=store, published="2023-10-06")
    assert {c.span: (c.entity, c.match and c.match.indicator, c.verdict) for c in found if c.unit == "rank"} == {
        "third": ("USA", "gii_rank", "supported"), "second": ("SWE", "gii_rank", "supported")}


# --- a month written before its year; both currency bases in one sentence ---------------------------------------------

TRIVIUM = ("Export value in USD terms shrunk 7.5% y/y in March, compared to 7.1% y/y growth across Jan-Feb.\n\n"
           "March 2024 had two fewer working days than March 2023, which impacted export shipments.\n\n"
           "Moreover, the sharp drop in USD terms is driven by RMB depreciation – in RMB terms, exports only fell 3.8% "
           "y/y, while imports grew 2.0% y/y.\n")


def test_a_month_before_its_year_dates_the_text_and_the_last_basis_said_leans(store):
    """Trivium China, 2024-04-12: "March 2024 had ..." dates what follows as March 2024 (not the year 2024); "in RMB
    terms, exports only fell 3.8% y/y, while imports grew 2.0% y/y" after "in USD terms": both on the yuan basis, the
    one said last before them (a leaning, never an accusation)."""
    found = spot.spot(TRIVIUM, store=store, published="2024-04-12")
    got = {c.span: (c.match.indicator, c.period, c.verdict) for c in found if c.span in ("3.8%", "2.0%")}
    assert got == {"3.8%": ("goods_exports_yoy_pct", "2024-03", "supported"),
                   "2.0%": ("goods_imports_yoy_pct", "2024-03", "supported")}
    assert "currency" in by_span(found, "2.0%").open


# --- power units glued to a number; a rate per unit read whole -----------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("a cumulative total of 1,069.9GW of shipments", [("1,069.9GW", 1069.9, "GW")]),
    ("a 30kWh pack", [("30kWh", 30.0, "kWh")]),
    ("a 3mw turbine", []),  # lower-case "mw": milliwatts or a typo, not read
    ("the 5G network", []),
    ("panels reaching US$0.1/W", [("US$0.1/W", 0.1, "USD/W")]),  # a price per watt, never "US$0.1" alone
    ("crude at $80/bbl", [("$80/bbl", 80.0, "USD/bbl")]),
    ("a ratio of 20/25", [("20/25", 80.0, "percent")]),  # a fraction, as before
])
def test_glued_power_units_and_rates_per_unit_are_read_whole(text, want):
    from indicators import numbers

    assert [(f.text, f.value, f.unit) for f in numbers.read_figures(text)] == want


def test_a_price_per_watt_is_never_judged_against_a_series_in_dollars(store):
    """PV Tech (Ember), 2025-08-14: "panels reaching US$0.1/W": no stored series holds a price per watt."""
    found = spot.spot("Ember also notes that the average price of Chinese solar products has fallen sharply, with "
                      "panels reaching US$0.1/W in June.", store=store, published="2025-08-14")
    price = by_span(found, "US$0.1/W")
    assert (price.unit, price.match, price.verdict) == ("USD/W", None, "unverifiable")


# --- members of a ranking in a "respectively" list ---------------------------------------------------------------

def test_cluster_ranks_in_a_respectively_list(store):
    """Yicai, on GII 2025's clusters: "Beijing and Shanghai-Suzhou also made it into the top 10, ranking fourth and
    sixth, respectively": each rank is its own cluster's, in the list's order."""
    found = spot.spot("According to the WIPO 2025 Sci-Tech Cluster ranking, China boasted 24 sci-tech clusters in the "
                      "top 100. Besides Shenzhen-Hong Kong-Guangzhou, Beijing and Shanghai-Suzhou also made it into the "
                      "top 10, ranking fourth and sixth, respectively.", store=store, published="2025-09-17")
    got = {c.span: (c.match and c.match.product, c.verdict) for c in found if c.span in ("fourth", "sixth")}
    assert got == {"fourth": ("cluster:Beijing", "supported"), "sixth": ("cluster:Shanghai–Suzhou", "supported")}


@pytest.mark.parametrize("text", [
    # as many ranks as members, or nothing is paired
    "Among the clusters, Beijing, Seoul and Shanghai-Suzhou ranked fourth and sixth, respectively.",
    # economies, not clusters, in the list: left to the economies' own pairing
    "Among the top clusters, Singapore and Switzerland ranked fourth and first, respectively.",
])
def test_a_respectively_list_that_does_not_pair_members_gives_no_cluster_rank(store, text):
    found = spot.spot(text, store=store, published="2025-09-17")
    assert not [c for c in found if c.match and c.match.indicator == "cluster_rank"]
