"""Mapping pass 19 (issue 20): general classes of wording seen in the development splits' misses (a subject after a
flow that no flow carries, "World" in an organisation's name, "America", a group of the N most innovative economies,
a chart's number), each tested on phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.spot.frames import _places
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass19")


# --- a subject after a flow's figure that no flow carries is another figure's ------------------------------------
# GACC: exports grew 8.7% in August 2024 on the dollar basis (bundled gacc/goods_exports_usd_yoy_pct)

@pytest.mark.parametrize("text", [
    "The 8.7 percent increase in exports in August exceeded expectations and outpaced China's domestic GDP growth "
    "projection of 5 percent.",
    "A rise of 8.7 percent in exports in August beat forecasts and the country's GDP target of around 5 percent.",
])
def test_a_subject_after_a_flows_figure_that_no_flow_carries_is_not_the_flows(store, text):
    found = spot.spot(text, store=store, published="2024-09-11")
    rate = by_span(found, "8.7 percent")
    assert rate.match and rate.match.indicator == "goods_exports_usd_yoy_pct"
    assert (rate.period, rate.entity) == ("2024-08", "CHN")


def test_a_goods_subject_after_a_flows_figure_is_still_read(store):
    found = spot.spot("China's exports rose 12.8 percent in 2023, with electric vehicles leading the gains.",
                      store=store, published="2024-01-15")
    rate = by_span(found, "12.8 percent")
    assert rate.frame.get("subject") != "gdp"


# --- "World" and "Global" beginning a name; "America" ------------------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("According to the World Intellectual Property Organization, America ranks third.", "the World"),
    ("The World Bank said growth slowed to 5.2 percent.", "World"),
    ("Global Times reported that exports rose 7 percent.", "Global"),
])
def test_world_or_global_beginning_a_name_is_not_the_world(sentence, name):
    assert not [p for p in _places(sentence) if p.value == "WLD"]


@pytest.mark.parametrize("sentence", [
    "China's share of the world's exports rose to 14 percent.",
    "Global exports of solar panels rose 20 percent.",
    "The world bought 40 percent more panels from China.",
])
def test_the_world_named_as_a_place_is_still_the_world(sentence):
    assert [p for p in _places(sentence) if p.value == "WLD"]


@pytest.mark.parametrize("sentence, code", [
    ("America only ranks third; China 11th.", "USA"),
    ("Sweden and the United States of America retain their 2nd and 3rd positions.", "USA"),
    ("Exports to Latin America rose 10 percent.", "region:Latin America and Caribbean"),
    ("Shipments to South America and North America rose.", "region:North America"),
])
def test_america_alone_is_the_united_states_and_a_longer_name_is_a_region(sentence, code):
    places = _places(sentence)
    assert code in [p.value for p in places]
    if code.startswith("region:"):
        assert "USA" not in [p.value for p in places]
    else:
        assert len([p for p in places if p.value == "USA"]) == 1


# WIPO GII 2024: the United States 3rd (bundled gii/gii_rank)

def test_a_place_after_an_organisation_named_world_is_the_economys(store):
    text = ("But according to the Global Innovation Index 2024, published by the World Intellectual Property "
            "Organisation (WIPO), America only ranks third; China 11th (see chart 1).")
    found = spot.spot(text, store=store, published="2024-10-03")
    third = by_span(found, "third")
    assert third.match and third.match.indicator == "gii_rank" and (third.period, third.entity) == ("2024", "USA")
    assert third.verdict not in ACCUSING
    assert not [c for c in found if c.span == "1"]  # "chart 1" labels a chart


# --- the world's N most innovative economies: a place within the top N ------------------------------------------
# WIPO GII 2024: Korea 6th (bundled gii/gii_rank)

@pytest.mark.parametrize("text, span", [
    ("South Korea made the biggest jump among the world's 10 most innovative economies in the UN's annual rankings "
     "published Thursday, alongside a gloomy global outlook for innovation investment.", "10"),
    ("South Korea remains one of the 10 most innovative countries in the Global Innovation Index 2024.", "10"),
])
def test_one_of_the_n_most_innovative_economies_is_a_place_within_the_top_n(store, text, span):
    found = spot.spot(text, store=store, published="2024-09-26")
    place = by_span(found, span)
    assert place.match and place.match.indicator == "gii_rank" and place.entity == "KOR"
    assert place.comparator == "<=" and place.verdict not in ACCUSING


def test_a_count_of_economies_without_a_superlative_is_not_a_place(store):
    found = spot.spot("The Global Innovation Index 2024 ranks 133 economies.", store=store, published="2024-09-26")
    count = by_span(found, "133")
    assert not (count.match and count.match.indicator == "gii_rank")


# --- a number labelling part of the document -------------------------------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("Exports rose 5 percent in 2023 (see chart 1).", "1"),
    ("As shown in Table 2, exports rose 5 percent in 2023.", "2"),
    ("Exports rose 5 percent in 2023, as figure 3 shows; see page 12.", "12"),
])
def test_a_charts_or_tables_number_is_not_a_figure(store, text, label):
    found = spot.spot(text, store=store, published="2024-03-01")
    assert not [c for c in found if c.span == label]
    assert [c for c in found if c.span == "5 percent"]


# --- a count an office received is not the applicants' economy's (dev48's accusation) ---------------------------
# WIPO: 70,017 PCT applications from China in 2022 (bundled wipo_ip/pct_applications); CNIPA received 74,420

@pytest.mark.parametrize("text, span", [
    ("With 74,420 filings, the China National Intellectual Property Administration (CNIPA) received the most PCT "
     "applications in 2022.", "74,420 filings"),
    ("In 2022 the USPTO received 55,330 PCT applications, the Japan Patent Office 48,826.", "55,330"),
    ("China's receiving office, CNIPA, received 74,420 international patent applications under the PCT in 2022.",
     "74,420"),
])
def test_a_count_of_pct_applications_an_office_received_is_never_judged_against_the_origin_count(store, text, span):
    found = spot.spot(text, store=store, published="2024-04-08")
    count = by_span(found, span)
    assert count.verdict == "unverifiable" and not count.match
    assert count.frame.get("subject") == "other:receiving_office"


def test_applications_from_an_economy_are_still_the_origin_count(store):
    found = spot.spot("China filed 70,015 PCT applications in 2022, ahead of the United States.", store=store,
                      published="2023-03-01")
    count = by_span(found, "70,015")
    assert count.match and count.match.indicator == "pct_applications" and (count.period, count.entity) == ("2022", "CHN")


# --- a ratio per head of population, said "for every 10,000 people" ---------------------------------------------
# CNIPA: 9.4 high-value invention patents per 10,000 people in 2022 (bundled)

def test_a_ratio_for_every_10000_people_is_the_per_population_series_and_takes_no_other_clauses_flow(store):
    text = ("China has granted 798,000 invention patents in 2022, with 9.4 high-value invention patents for every "
            "10,000 people, the country's top IP regulator said Monday.")
    found = spot.spot(text, store=store, published="2023-04-24")
    ratio = by_span(found, "9.4")
    assert ratio.match and ratio.match.indicator == "high_value_invention_patents_per_10k_people"
    assert (ratio.period, ratio.entity) == ("2022", "CHN")
    assert not [c for c in found if c.span.startswith("10,000")]  # the base is no figure


# --- a place on the ranking named right after it -----------------------------------------------------------------
# WIPO GII 2022: China 11th (bundled gii/gii_rank)

def test_a_place_on_the_ranking_named_right_after_it_is_in_that_ranking_not_the_sentences_earlier_count(store):
    text = ("China saw 70,000 international applications filed under the World Intellectual Property Organization "
            "(WIPO)'s Patent Cooperation Treaty in 2022 and the country rose to the 11th position on the Global "
            "Innovation Index 2022 released by WIPO, according to Shen.")
    found = spot.spot(text, store=store, published="2023-04-24")
    place = by_span(found, "11th")
    assert place.match and place.match.indicator == "gii_rank" and (place.period, place.entity) == ("2022", "CHN")
    count = by_span(found, "70,000")
    assert count.match and count.match.indicator == "pct_applications"


# --- a period set against the text's does not move it; a year in a later participle clause is its own figure's ----
# GACC: imports fell 1.9% in March 2024 and 4.3% in March 2025 on the dollar basis (bundled monthly series)

def test_an_earlier_period_set_against_the_texts_does_not_date_the_next_sentences(store):
    text = ("In March, China experienced a notable decline in export growth, falling 7.5% to US$279.7 billion, "
            "according to the latest customs data. This decrease sharply contrasts the 7.1% growth observed in the "
            "first two months of the year.\n\nMeanwhile, imports also saw a reduction, dropping by 1.9% compared to "
            "the same period last year.")
    found = spot.spot(text, store=store, published="2024-04-12")
    imports = by_span(found, "1.9%")
    assert imports.match and imports.match.indicator == "goods_imports_usd_yoy_pct" and imports.period == "2024-03"
    assert imports.verdict == "supported"


def test_a_later_period_still_dates_the_next_sentences(store):
    text = ("Exports grew 7.1% in the first two months of the year. In March, exports fell 7.5% compared with the "
            "7.1% growth of January and February.\n\nImports dropped by 1.9% from a year earlier.")
    found = spot.spot(text, store=store, published="2024-04-12")
    assert by_span(found, "1.9%").period == "2024-03"


def test_a_year_in_a_later_participle_clause_dates_that_clauses_figure_not_the_first(store):
    text = ("Chinese exports rose by 12.4% compared to the same month last year. In contrast, exports had grown just "
            "2.3% during the January–February period.\n\nMeanwhile, imports dropped by 4.3%, exceeding analysts' "
            "forecasts of a 2.0% decline and adding to the sharper-than-expected 8.4% contraction seen earlier this "
            "year.")
    found = spot.spot(text, store=store, published="2025-04-16")
    imports = by_span(found, "4.3%")
    assert imports.match and imports.match.indicator == "goods_imports_usd_yoy_pct" and imports.period == "2025-03"
    assert imports.verdict not in ACCUSING


def test_a_year_after_a_lists_last_figure_dates_the_whole_list(store):
    found = spot.spot("China exported 154 GW of PV modules, 24 GW of solar cells, and 41 GW of wafers in 2022.",
                      store=store, published="2023-05-24")
    assert [by_span(found, s).period for s in ("154 GW", "24 GW", "41 GW")] == ["2022"] * 3


@pytest.mark.parametrize("text", [
    "12th April 2024 – (Beijing) In March, exports fell 7.5% to US$279.7 billion.",
    "On the 3rd of May, customs said exports fell 7.5% in April.",
])
def test_an_ordinal_before_a_months_name_is_a_day_not_a_place(store, text):
    found = spot.spot(text, store=store, published="2024-05-12")
    assert not [c for c in found if c.frame.get("kind") == "rank"]


# --- dev52's accusations: "our country", an item's bracketed place, a pillar of the index ------------------------
# WIPO GII 2023: Costa Rica 74th, Bulgaria 38th; GII 2024: Lithuania 33rd (bundled gii/gii_rank)

def test_our_country_is_the_economy_the_text_is_about(store):
    text = ("Costa Rica entered the top 10 of the most innovative countries in Latin America according to WIPO.\n\n"
            "With 27.9 points out of 100 in the 2023 Global Innovation Index, our country ranks seventh in the region "
            "and 74th worldwide.")
    found = spot.spot(text, store=store, published="2023-11-21")
    place = by_span(found, "74th")
    assert place.match and place.match.indicator == "gii_rank" and (place.period, place.entity) == ("2023", "CRI")
    assert place.verdict == "supported"


def test_our_country_in_a_text_that_names_no_economy_is_china(store):
    found = spot.spot("In 2023, our country's exports of electric vehicles, lithium-ion batteries and solar cells "
                      "exceeded 1 trillion yuan for the first time.", store=store, published="2024-01-15")
    assert by_span(found, "1 trillion yuan").entity == "CHN"


@pytest.mark.parametrize("text, span", [
    ("Moreover, what allowed Lithuania to maintain its high position in the Global Innovation Index 2024 was "
     "entrepreneurship policy and culture (8th place), stability of the business environment (18th).", "8th"),
    ('In the "Institutions" pillar of the innovation index, Bulgaria dropped 27 places, moving from 66th last year '
     "to 83rd this year.", "66th"),
    ("In the Innovation Output Sub-Index of the GII 2024, Bulgaria was 40th.", "40th"),
])
def test_the_place_of_an_item_or_a_part_of_the_index_is_never_judged_as_the_economys_place(store, text, span):
    found = spot.spot(text, store=store, published="2024-11-24")
    [place] = [c for c in found if c.span == span]
    assert place.verdict == "unverifiable" and not (place.match and place.match.indicator == "gii_rank")


# --- "the top spot": first place; a list's size said of no economy does not set the text's ranking -----------------
# WIPO GII 2023: Switzerland 1st, Finland 6th, Estonia 16th (bundled gii/gii_rank)

def test_the_top_spot_is_first_place(store):
    found = spot.spot("Slovenia retained its 33rd place among 132 countries in this year's ranking of the Global "
                      "Innovation Index 2023. Switzerland retained the top spot among the world's most innovative "
                      "countries.", store=store, published="2023-09-28")
    top = by_span(found, "top spot")
    assert top.match and top.match.indicator == "gii_rank" and (top.entity, top.value) == ("CHE", 1)
    assert top.verdict == "supported"


def test_the_top_spot_in_n_indicators_is_a_count_not_a_place(store):
    found = spot.spot("Singapore made it into the top five in the 2023 GII. In fact, the country retained the top "
                      "spot in 11 indicators.", store=store, published="2023-09-28")
    assert not [c for c in found if c.span == "top spot"]


def test_a_list_size_said_of_no_economy_does_not_set_the_ranking_of_the_next_places(store):
    text = ("The 2023 edition of the Global Innovation Index takes the pulse of global innovation trends. It unveils "
            "the ranks of the most innovative economies among 132 nations, while also highlighting the top 100 "
            "science and technology innovation clusters.\n\n"
            "Finland (6th) moves closer to the top 5, while the Baltic (Estonia 16th, Lithuania 34th, and Latvia "
            "37th) economy is also on an upward trend.")
    found = spot.spot(text, store=store, published="2023-10-16")
    for span, entity in (("6th", "FIN"), ("16th", "EST")):
        [place] = [c for c in found if c.span == span]
        assert place.match and place.match.indicator == "gii_rank" and (place.period, place.entity) == ("2023", entity)


# --- a score out of 100; a cluster overtaking several others; the first ranking a text names ----------------------
# WIPO GII 2023: Costa Rica 27.9; cluster ranking 2025: San Jose-San Francisco 3rd, released 2025-09-16 (bundled)

def test_points_out_of_100_in_the_index_are_its_score_and_the_100_is_no_figure(store):
    found = spot.spot("With 27.9 points out of 100 in the 2023 Global Innovation Index, Costa Rica ranks 74th "
                      "worldwide.", store=store, published="2023-11-21")
    score = by_span(found, "27.9")
    assert score.match and score.match.indicator == "gii_score" and (score.period, score.entity) == ("2023", "CRI")
    assert score.verdict == "supported"
    assert not [c for c in found if c.span == "100"]


CLUSTERS_2025 = ("Shenzhen-Hong Kong-Guangzhou has overtaken Tokyo-Yokohama to become the world's top cluster for "
                 "innovation, the United Nations said.\n\nThe change at the top of the world's 100 leading innovation "
                 "clusters was down to WIPO broadening the criteria.\n\n")


def test_a_cluster_that_has_overtaken_several_others_takes_the_place(store):
    found = spot.spot(CLUSTERS_2025 + "The new ranking showed that San Jose-San Francisco has now overtaken Beijing, "
                      "Seoul and Shanghai-Suzhou to grab the third place.", store=store, published="2025-09-17")
    place = by_span(found, "third")
    assert place.match and place.match.indicator == "cluster_rank"
    assert place.match.product == "cluster:San Jose–San Francisco" and place.period == "2025"
    assert place.verdict == "supported"


def test_a_named_clusters_place_is_never_read_as_its_economys_place_in_the_index(store):
    # before the 2025 ranking's release the place is read in the 2024 ranking (San Jose-San Francisco 6th there):
    # not an accusation, and never the United States' 3rd place in the index
    found = spot.spot(CLUSTERS_2025 + "The new ranking showed that San Jose-San Francisco has now overtaken Beijing, "
                      "Seoul and Shanghai-Suzhou to grab the third place.", store=store, published="2025-09-01")
    place = by_span(found, "third")
    assert place.match and place.match.indicator == "cluster_rank" and place.verdict not in ACCUSING
    assert place.verdict != "supported"


# --- power shipped abroad is solar products, summed over Ember's products; a gap between two amounts ---------------
# Ember: panels + cells + wafers exported in August 2025 = 46,313.8 MW (bundled ember/solar_exports_capacity)

@pytest.mark.parametrize("text, span", [
    ("China's solar export revenue fell in August 2025. But the 46,000 megawatts of power capacity shipped abroad set "
     "a record.", "46,000 megawatts"),
    ("China exported 46,000 MW of solar products in August 2025.", "46,000 MW"),
])
def test_power_capacity_exported_in_a_text_on_solar_exports_is_the_sum_of_the_solar_products(store, text, span):
    found = spot.spot(text, store=store, published="2025-10-01")
    total = by_span(found, span)
    assert total.match and total.match.indicator == "solar_exports_capacity" and not total.match.product
    assert total.period == "2025-08" and total.verdict == "supported-rounded"


@pytest.mark.parametrize("text, span", [
    ("The US hit a record in oil exports in 2024. Yet China's clean technology exports were $30 billion higher.",
     "$30 billion"),
    ("China exported 1.2 million more vehicles than a year earlier in 2023, and $5 billion more than in 2022.",
     "$5 billion"),
])
def test_a_gap_between_two_amounts_is_not_a_level(store, text, span):
    found = spot.spot(text, store=store, published="2025-10-01")
    gap = by_span(found, span)
    assert gap.verdict == "unverifiable" and not gap.match


def test_an_amount_that_more_than_doubled_is_still_read(store):
    found = spot.spot("China's exports of lithium-ion batteries of $65 billion in 2023 more than doubled from 2020.",
                      store=store, published="2024-03-01")
    level = by_span(found, "$65 billion")
    assert level.frame.get("subject") != "other:gap"


def test_a_high_set_in_an_earlier_period_does_not_date_the_next_sentence(store):
    text = ("China's exports hit a record in August 2025, according to Ember.\n\nAugust's solar export revenue was "
            "nowhere near the high set in March 2023. But the 46,000 megawatts of power capacity shipped abroad set "
            "a record.")
    found = spot.spot(text, store=store, published="2025-10-01")
    assert by_span(found, "46,000 megawatts").period == "2025-08"


# --- Ember's figures by destination (dev53): imports read from China's export data, a twelve-month window ---------
# Ember: China's panel exports to Africa, 12 months to June 2025 = 15,032 MW, 12 months before = 9,379 MW; to Nigeria
# 1,721 MW, to Algeria 1,199 MW (bundled ember/solar_exports_capacity [pv_panels], monthly rows by partner)

AFRICA = ("Solar panel imports into Africa increased 60% in the 12 months through June 2025, according to an analysis "
          "of China's export data, energy think tank Ember announced on Tuesday.\n\n")


def _ember(found, span, partner, period):
    figure = by_span(found, span)
    assert figure.match and figure.match.indicator == "solar_exports_capacity", span
    assert (figure.match.counterpart, figure.period, figure.entity) == (partner, period, "CHN"), span
    assert figure.verdict not in ACCUSING
    return figure


def test_imports_into_a_region_read_from_chinas_export_data_are_chinas_exports_to_it(store):
    found = spot.spot(AFRICA + "Africa's solar panel imports hit a record 15,032 megawatts in the 12 months through "
                      "June 2025, a 60% jump from 9,379 megawatts in the previous year, it added.", store=store,
                      published="2025-08-26")
    first = [c for c in found if c.span == "60%"][0]
    assert first.match and first.match.counterpart == "region:Africa" and first.period == "2024-07/2025-06"
    _ember(found, "15,032 megawatts", "region:Africa", "2024-07/2025-06")
    _ember(found, "9,379 megawatts", "region:Africa", "2023-07/2024-06")


@pytest.mark.parametrize("cue", [
    "The data comes from a fresh analysis of China's solar export figures by energy think tank Ember.",
    "Ember analysed data on China's solar panel exports.",
    "African countries are importing a record volume of solar panels from China.",
])
def test_words_saying_the_data_are_chinas_exports_make_a_regions_imports_chinas_exports_to_it(store, cue):
    found = spot.spot(cue + "\n\nAfrica as a whole imported 15,032 MW of solar panels in the 12 months to June 2025, "
                      "60 per cent higher than the 9,379 MW recorded in the previous year.", store=store,
                      published="2025-08-27")
    _ember(found, "15,032 MW", "region:Africa", "2024-07/2025-06")
    _ember(found, "60 per cent", "region:Africa", "2024-07/2025-06")
    _ember(found, "9,379 MW", "region:Africa", "2023-07/2024-06")


def test_without_such_words_a_regions_imports_are_only_stood_in_for(store):
    # pass 20: China's exports to the region stand in for its solar imports, never a verdict either way
    found = spot.spot("Africa as a whole imported 15,032 MW of solar panels in the 12 months to June 2025.",
                      store=store, published="2025-08-27")
    figure = by_span(found, "15,032 MW")
    assert figure.match and figure.match.counterpart == "region:Africa"
    assert figure.frame["stand_in"] and figure.verdict == "needs-review"


def test_in_a_text_on_a_twelve_month_window_the_next_sentences_stay_on_it(store):
    found = spot.spot(AFRICA + "Twenty African countries set records for solar imports, with 25 countries importing "
                      "at least 100 megawatts, compared to 15 countries a year earlier.\n\nNigeria overtook Egypt as "
                      "the second-largest importer with 1,721 megawatts, while Algeria ranked third with 1,199 "
                      "megawatts.", store=store, published="2025-08-26")
    _ember(found, "1,721 megawatts", "NGA", "2024-07/2025-06")
    _ember(found, "1,199 megawatts", "DZA", "2024-07/2025-06")


def test_the_one_that_followed_another_takes_its_own_figure(store):
    found = spot.spot(AFRICA + "Nigeria ranked second with 1,721 MW. Algeria followed Nigeria as the third-largest "
                      "importer with 1,199 MW.", store=store, published="2025-08-27")
    _ember(found, "1,199 MW", "DZA", "2024-07/2025-06")


# --- an edition dates only its own ranking's places (pairs probe, seed 1) --------------------------------------
# WIPO GII 2024: Malaysia 33rd; cluster ranking 2025: Beijing 4th, Shanghai-Suzhou 6th (2024: 3rd, 5th) (bundled)

def test_the_edition_of_one_ranking_does_not_date_the_next_rankings_places(store):
    text = ("Malaysia ranked 33rd in the Global Innovation Index 2024, and Kuala Lumpur entered the top 100 science and "
            "technology clusters.\n\nShenzhen-Hong Kong-Guangzhou climbed one spot to lead the ranking this year, "
            "while Tokyo-Yokohama slipped to second place, according to the WIPO 2025 Sci-Tech Cluster ranking "
            "released yesterday.\n\nBesides Shenzhen-Hong Kong-Guangzhou, Beijing and Shanghai-Suzhou also made it "
            "into the top 10 clusters, ranking fourth and sixth, respectively.")
    found = spot.spot(text, store=store, published="2025-09-02")
    for span in ("fourth", "sixth"):
        [place] = [c for c in found if c.span == span]
        assert place.match and place.match.indicator == "cluster_rank" and place.period == "2025", span
        assert place.verdict == "supported", span


# --- monthly trade (dev57): "over the last year" is a window; a record "since"; the month before ----------------
# GACC (dollar basis): exports +5.9% in November 2025, -1.1% in October; imports +7.4% in September 2025, +1.3% in
# August; surplus $96.18 billion in April 2025 (bundled monthly series)

def test_over_the_last_year_is_a_window_and_does_not_date_the_next_months(store):
    text = ("China increased exports to Europe by 14.8% over the last year, Reuters reported.\n\nOverall, Chinese "
            "exports grew 5.9% year-on-year in November, which was a reversal from October's 1.1% contraction.")
    found = spot.spot(text, store=store, published="2025-12-08")
    assert by_span(found, "5.9%").period == "2025-11"
    assert by_span(found, "14.8%").period != "2024"


def test_a_record_since_a_month_is_not_an_annual_comparison_and_the_rate_before_is_the_month_before(store):
    text = ("In USD terms, China's trade balance stood at $90.45bn last month.\n\nImports grew at a year-on-year rate of "
            "7.4% - its fastest pace since April 2024 - up from just 1.3% the month before.")
    found = spot.spot(text, store=store, published="2025-10-13")
    assert by_span(found, "7.4%").period == "2025-09"
    assert by_span(found, "1.3%").period == "2025-08"


def test_a_figure_said_previously_in_a_text_on_a_month_is_the_month_befores(store):
    found = spot.spot("China's Trade Balance widened its surplus in May, to $103.22 billion versus an estimated "
                      "$101.1 billion and $96.18 billion previously.", store=store, published="2025-06-09")
    before = by_span(found, "$96.18 billion")
    assert before.match and before.match.indicator == "goods_trade_balance" and before.period == "2025-04"
    assert before.verdict == "supported"


@pytest.mark.parametrize("text, span", [
    ("Export growth picked up to 8.3% in September 2025.", "8.3%"),
    ("Inflation ticked up to 0.4% in May 2025.", "0.4%"),
])
def test_up_to_after_a_verb_is_its_particle_not_a_bound(text, span):
    [figure] = [f for f in spot.find_figures(text) if f.unit == "percent"]
    assert figure.comparator == "~="


def test_up_to_alone_is_still_a_bound():
    [figure] = [f for f in spot.find_figures("Tariffs of up to 25% apply.") if f.unit == "percent"]
    assert figure.comparator == "<="


# --- a record over the months ending with a figure's own -----------------------------------------------------------
# GACC (dollar basis): exports +8.3% in September 2025, each of April-August lower; +4.4% in August, each of
# March-July higher (bundled monthly series)

@pytest.mark.parametrize("text, span, period", [
    ("Meanwhile, export growth picked up to 8.3% in September. This marked the highest rate of growth in six months.",
     "six months", "2025-04/2025-09"),
    ("Exports rose 4.4% in August 2025, the slowest pace in six months.", "six months", "2025-03/2025-08"),
])
def test_the_highest_or_lowest_in_n_months_is_judged_month_by_month(store, text, span, period):
    found = spot.spot(text, store=store, published="2025-10-13")
    record = by_span(found, span)
    assert record.match and record.match.indicator == "goods_exports_usd_yoy_pct" and record.period == period
    assert record.verdict == "supported"


def test_a_record_the_store_contradicts_is_never_an_accusation(store):
    # 8.3% in September 2025 was the highest in six months, not the lowest
    found = spot.spot("Exports rose 8.3% in September 2025, the slowest pace in six months.", store=store,
                      published="2025-10-13")
    record = by_span(found, "six months")
    assert record.verdict == "needs-review"


@pytest.mark.parametrize("text", [
    "Exports rose 8.3% in September 2025, six months after the tariffs took effect.",
    "Exports rose 8.3% in September 2025 and have grown for six months.",
])
def test_a_duration_with_no_record_word_is_no_record(store, text):
    found = spot.spot(text, store=store, published="2025-10-13")
    assert not [c for c in found if "six months" in c.span and c.frame.get("record")]


# GACC (dollar basis): imports +7.4% in September 2025, +8.4% in April 2024 (within the 19 months before)

def test_an_n_month_high_is_judged_month_by_month_and_a_higher_month_leaves_it_to_review(store):
    found = spot.spot("Import growth hit a 19-month high of 7.4% in September 2025.", store=store,
                      published="2025-10-13")
    record = by_span(found, "19")
    assert record.match and record.match.indicator == "goods_imports_usd_yoy_pct"
    assert record.period == "2024-03/2025-09" and record.verdict == "needs-review"


def test_a_first_rise_in_n_months_checks_that_the_months_before_fell(store):
    # dollar-basis exports rose in July, August and September 2025: "the first increase in three months" is false
    found = spot.spot("Exports rose 8.3% in September 2025, the first increase in three months.", store=store,
                      published="2025-10-13")
    record = by_span(found, "three months")
    assert record.match and record.period == "2025-07/2025-09" and record.comparator == "<0"
    assert record.verdict not in ACCUSING and record.verdict != "supported"  # July and August 2025 rose


# --- pairs probe, seed 5: an economy carried from before a paragraph on the world; "our country" never accused ------
# WIPO: 272,600 PCT applications worldwide in 2023, -1.8% (bundled wipo_ip, WLD rows); GII 2023 Costa Rica 74th

def test_a_paragraph_on_the_world_after_one_naming_an_economy_is_the_worlds(store):
    text = ("China's PCT applications grew in 2023, the national IP administration said.\n\nThe PCT Yearly Review 2024 "
            "reveals important statistics that provide insight into the current state of global patent activity. In "
            "2023, approximately 272,600 international patent applications were filed under the PCT, marking a 1.8% "
            "decrease from the previous year.")
    found = spot.spot(text, store=store, published="2024-06-26")
    total = by_span(found, "272,600")
    assert total.entity == "WLD" and total.verdict not in ACCUSING


def test_our_country_after_another_text_on_china_is_never_an_accusation(store):
    text = ("China's solar power generation rose sharply in 2023.\n\nCosta Rica entered the top 10 of the most "
            "innovative countries in Latin America according to WIPO.\n\nWith 27.9 points out of 100 in the 2023 "
            "Global Innovation Index, our country ranks seventh in the region and 74th worldwide.")
    found = spot.spot(text, store=store, published="2023-11-21")
    assert by_span(found, "74th").verdict not in ACCUSING


# --- places in words: "from ninth to eleventh place", "the third-placed" ------------------------------------------
# WIPO GII 2024: Germany 9th; GII 2023: the United States 3rd (bundled gii/gii_rank)

def test_a_place_moved_from_in_words_is_read(store):
    found = spot.spot("Germany has fallen from ninth to eleventh place in the Global Innovation Index 2025.",
                      store=store, published="2025-09-17")
    before = by_span(found, "ninth")
    assert before.match and before.match.indicator == "gii_rank" and (before.period, before.entity) == ("2024", "DEU")
    assert before.verdict == "supported"


def test_the_third_placed_economy_is_in_third_place(store):
    found = spot.spot("In the Global Innovation Index 2023, Sweden is ahead of the third-placed United States.",
                      store=store, published="2023-09-28")
    place = by_span(found, "third-placed")
    assert place.match and place.match.indicator == "gii_rank" and (place.period, place.entity) == ("2023", "USA")
    assert place.verdict == "supported"


def test_an_ordinal_word_before_to_and_a_noun_that_is_no_place_stays_unread():
    assert not [f for f in spot.find_figures("The ninth to tenth grades are compulsory.") if f.unit == "rank"]
