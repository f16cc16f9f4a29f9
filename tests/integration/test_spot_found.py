"""Figures written as words (spot/wordforms.py): streaks, durations, multiples, ranks, vague magnitudes, shares and
counts are found with the value the corpus annotates (benchmarks/corpus/README.md), about no stored series
(unverifiable) and never an accusation; what only looks like one (a time reference, a period, a name, an idiom) is
not read."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.spot.figures import read_figures
from texts import ACCUSING, by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-found")


def _forms(sentence: str) -> list[tuple]:
    return [(sentence[f.start: f.end], f.value * f.scale, f.unit, f.comparator, f.form) for f in read_figures(sentence)
            if f.form]


FOUND = [
    # streaks: the streak's length
    ("Exports grew for the second consecutive month in May.", ("second consecutive month", 2, "months", "~=", "streak")),
    ("It marked the 33th consecutive month of year-on-year growth.", ("33th consecutive month", 33, "months", "~=", "streak")),
    ("Trade topped 10 trillion yuan for the eighth straight quarter.", ("eighth straight quarter", 8, "quarters", "~=", "streak")),
    ("The cluster kept second place for the second year in a row.", ("second year in a row", 2, "years", "~=", "streak")),
    ("Imports fell for five successive months.", ("five successive months", 5, "months", "~=", "streak")),
    ("The growth rate hit a six-quarter high.", ("six-quarter high", 6, "quarters", "~=", "streak")),
    ("Steel exports reached a nine-year high.", ("nine-year high", 9, "years", "~=", "streak")),
    ("It was the twenty-first successive week of gains.", ("twenty-first successive week", 21, "weeks", "~=", "streak")),
    ("Exports grew for a second year.", ("second year", 2, "years", "~=", "streak")),
    ("China led the table for the second year running.", ("second year running", 2, "years", "~=", "streak")),
    # durations: in the unit the period counts (a decade is 10 years)
    ("Prices have been falling for more than a year.", ("more than a year", 1, "years", ">", "duration")),
    ("China's share is shrinking for the first time in more than four decades.",
     ("more than four decades", 40, "years", ">", "duration")),
    ("Japan held the title for nearly five decades.", ("nearly five decades", 50, "years", "<", "duration")),
    ("The gap has narrowed in just over a decade.", ("just over a decade", 10, "years", ">", "duration")),
    ("Switzerland has led the index for well over a decade.", ("well over a decade", 10, "years", ">", "duration")),
    ("Exports faltered for the first time in seven years.", ("seven years", 7, "years", "~=", "duration")),
    ("Trade grew at the fastest pace in six quarters.", ("six quarters", 6, "quarters", "~=", "duration")),
    ("Sales rose over the past two years.", ("two years", 2, "years", "~=", "duration")),
    ("It proposed a seven-year, 25 percent credit for equipment.", ("seven-year", 7, "years", "~=", "duration")),
    ("The plant was built in about eighteen months.", ("about eighteen months", 18, "months", "~=", "duration")),
    # multiples: a ratio
    ("In 2009 U.S. R&D spending was twice that of China.", ("twice", 2, "ratio", "~=", "multiple")),
    ("The surplus with the EU is doubling to $250 billion.", ("doubling", 2, "ratio", "~=", "multiple")),
    ("Capacity soared to more than double what the world installed.", ("more than double", 2, "ratio", ">", "multiple")),
    ("EV exports are expected to almost double to 1.3 million units.", ("almost double", 2, "ratio", "<", "multiple")),
    ("Congress should triple the research tax credit.", ("triple", 3, "ratio", "~=", "multiple")),
    ("The goal is tripling renewable capacity by 2030.", ("tripling", 3, "ratio", "~=", "multiple")),
    ("Capacity will grow by two and a half fold by 2030.", ("two and a half fold", 2.5, "ratio", "~=", "multiple")),
    ("Output could quadruple by the end of the decade.", ("quadruple", 4, "ratio", "~=", "multiple")),
    # ranks written in words
    ("China became the world's number one car exporter.", ("number one", 1, "rank", "~=", "rank")),
    ("It is the world's number two economy.", ("number two", 2, "rank", "~=", "rank")),
    ("China is expected to become the world's No. 1 auto exporter.", ("No. 1", 1, "rank", "~=", "rank")),
    ("It ranked highest in Market Sophistication (#1).", ("#1", 1, "rank", "~=", "rank")),
    ("Sweden took first place in business sophistication.", ("first place", 1, "rank", "~=", "rank")),
    ("China had taken the second place in the list last year.", ("second place", 2, "rank", "~=", "rank")),
    ("Shenzhen was the world's second-most innovative cluster.", ("second-most", 2, "rank", "~=", "rank")),
    ("December was the second-best month ever for exports.", ("second-best", 2, "rank", "~=", "rank")),
    ("Ford is the number-one brand in Mexico.", ("number-one", 1, "rank", "~=", "rank")),
    ("China is second only to the United States.", ("second only to", 2, "rank", "~=", "rank")),
    ("NTT rose from twelfth position in 2021 to joint seventh in 2022.", ("joint seventh", 7, "rank", "~=", "rank")),
    # vague magnitudes: lower bounds
    ("Prices range from tens of thousands to over 1 million yuan.", ("tens of thousands", 1e4, "count", ">=", "magnitude")),
    ("Millions of construction workers lost their jobs.", ("Millions", 1e6, "count", ">=", "magnitude")),
    ("Carmakers revealed billion-dollar plans for factories.", ("billion-dollar", 1e9, "USD", ">=", "magnitude")),
    ("The automotive industry managed double-digit growth.", ("double-digit", 10, "percent", ">=", "magnitude")),
    ("Hundreds of millions of people use the app.", ("Hundreds of millions", 1e8, "count", ">=", "magnitude")),
    # shares
    ("Close to every third BEV sold was made in China.", ("Close to every third", 33.3, "percent", "<", "share")),
    ("Every fifth car sold is electric.", ("Every fifth", 20, "percent", "~=", "share")),
    # counts written as words with no unit of their own
    ("The GII covers seven pillars of innovation.", ("seven", 7, "count", "~=", "count")),
    ("The indicators are divided into five groups.", ("five", 5, "count", "~=", "count")),
    ("Asian clusters took the top five places, with China occupying three.", ("three", 3, "count", "~=", "count")),
    ("BYD announced a three-factory complex in Brazil.", ("three", 3, "count", "~=", "count")),
    ("Two innovation metrics are used to compile the ranking.", ("Two", 2, "count", "~=", "count")),
]


@pytest.mark.parametrize("sentence, figure", FOUND)
def test_a_figure_written_in_words_is_found_with_its_value(sentence, figure):
    span, value, unit, comparator, form = figure
    [(got_span, got_value, got_unit, got_comparator, got_form)] = [f for f in _forms(sentence) if f[0] == span]
    assert (got_value, got_unit, got_comparator, got_form) == pytest.approx((value, unit, comparator, form))


@pytest.mark.parametrize("sentence, span, value", [
    ("Samsung moved up from third position in 2021 to second in 2022.", "second", 2),
    ("Among importers, Russia ranked first and Mexico second in 2023.", "second", 2),
    ("Germany came fourth and South Korea fifth.", "fifth", 5),
    ("South Korea was the biggest mover, up four places to sixth.", "sixth", 6),
])
def test_a_place_in_words_after_a_place_or_a_move_is_a_rank_of_that_ranking(sentence, span, value):
    """Elided ("and Mexico second", "to sixth"): a place in the ranking the sentence has placed something in, read as
    "12th" is (no word form: the mapping may judge it), where "second-largest" stays a rank of no stored series."""
    [figure] = [f for f in read_figures(sentence) if sentence[f.start: f.end] == span]
    assert (figure.value, figure.unit, figure.form) == (value, "rank", "")


@pytest.mark.parametrize("sentence", [
    # time references and periods, not durations
    "Sales were half what they were a decade ago.",
    "Three years earlier, exports had fallen.",
    "Exports rose 5% in the first two months.",
    "Trade grew in the three months ended March 31.",
    "Exports totaled CNY6.13 trillion in the seven-month period.",
    "Output will double-check its data over the next three years.",
    "Exports rose 10% a year, year-on-year.",
    "Papers published within the previous two years are counted.",
    "Just one year on, it claimed the top spot.",
    "Exports rose 5, 6 and 7% in the three quarters.",
    # names and numbering
    "The 14th Five-Year Plan sets new goals.",
    "The surplus is the largest since World War Two.",
    "The two sessions opened in Beijing.",
    "Exports of the new three products rose.",
    "See press release No. 231 of Destatis.",
    "Made in China 2025 was launched in 2015.",
    # idioms and words that are not multiples or ranks
    "In the first place, exports rose.",
    "Critics speak of double standards and a triple-A rating.",
    "The firm doubled down on exports.",
    "The number of clusters rose.",
    "The number of indicators in first place rose.",
    "For the first time, exports fell in the first half.",
    "China is one of the largest exporters.",
    "It rains every third day.",
    "Output fell for the second year of the plan.",
    "Output rose for the first year since 2019.",
    "One day, China will lead the world.",
    "It ranked first in 2023 and rose to second quarter growth.",
    "Exports ranked third and the second half was weak.",
])
def test_what_only_looks_like_a_word_figure_is_not_read_as_one(sentence):
    assert _forms(sentence) == []


def test_a_figure_the_reader_reads_is_left_to_it():
    """"for five consecutive years" and "tripled" are read as before (a streak tied to a leader claim, a multiple of
    levels): a word form never takes the place of a figure the reader or the spotter's rules read."""
    sentence = "It ranked first for five consecutive years, and imports tripled from 2022 to 2023."
    assert _forms(sentence) == []
    assert {sentence[f.start: f.end] for f in read_figures(sentence)} >= {"first", "five", "tripled"}


@pytest.mark.parametrize("streak_words, tied", [
    (", for the second consecutive month", True),  # the growth beside it, checked month by month (test_spot_streaks)
    (", ending two consecutive months of decline", False),  # a streak that ended: about nothing the store holds
])
def test_word_figures_are_about_no_stored_series_and_leave_the_others_as_they_were(store, streak_words, tied):
    before = "China's exports rose 10.7% in December 2024, to $335.7 billion."
    after = before.replace(" in December 2024", " in December 2024" + streak_words)
    plain = {c.span: (c.verdict, c.match and c.match.indicator, c.period) for c in spot.spot(before, store=store,
                                                                                         published="2025-01-13")}
    found = spot.spot(after, store=store, published="2025-01-13")
    streak = by_span(found, "consecutive month")
    if tied:
        assert (streak.match.derivation, streak.match.period, streak.comparator) == ("streak", "2024-11/2024-12", ">0")
    else:
        assert streak.verdict == "unverifiable" and "no-series" in streak.flags and streak.match is None
        assert streak.frame["subject"] == "other:streak"
    assert {c.span: (c.verdict, c.match and c.match.indicator, c.period) for c in found if c is not streak} == plain


def test_a_word_figure_never_accuses(store):
    """A word form mapped by an existing rule (a cluster named before "second-most" has a stored rank) is judged when
    it agrees, and needs review, never contradicted, when it does not: Beijing was 4th in 2023, not 2nd."""
    intro = "According to the Global Innovation Index 2023, "
    wrong = spot.spot(intro + "Beijing was the world's second-most innovative sci-tech cluster in 2023.", store=store,
                      published="2023-10-01")
    rank = by_span(wrong, "second-most")
    assert rank.match and "Beijing" in rank.match.product and rank.verdict == "needs-review"
    right = spot.spot(intro + "Shenzhen-Hong Kong-Guangzhou was the world's second-most innovative sci-tech cluster in "
                      "2023.", store=store, published="2023-10-01")
    assert by_span(right, "second-most").verdict == "supported"
    text = " ".join(sentence for sentence, _ in FOUND)
    found = spot.spot(text, store=store, published="2024-06-01")
    assert {c.frame.get("form") for c in found} >= {"streak", "duration", "multiple", "rank", "magnitude", "share",
                                                   "count"}
    assert not [c for c in found if c.verdict in ACCUSING]


@pytest.mark.parametrize("streak", ["For the second consecutive month, ", "For a third straight month, "])
def test_a_word_form_before_a_figure_leaves_its_neighbours_as_they_were(store, streak):
    """A word form earlier in the sentence does not shift the figures its neighbours are looked for among: the rate
    "from August" is still month on month (the growth from August's level), never judged against the year-on-year
    series."""
    sentence = "China's goods exports in dollar terms rose 2.1% in September from August."
    alone = by_span(spot.spot(sentence, store=store, published="2025-10-15"), "2.1%")
    after = by_span(spot.spot(streak + sentence, store=store, published="2025-10-15"), "2.1%")
    assert after.frame["base_period"] == alone.frame["base_period"] == "2025-08"
    assert not (alone.match and alone.match.indicator.endswith("_yoy_pct"))
    assert after.verdict == alone.verdict and alone.verdict not in ACCUSING
