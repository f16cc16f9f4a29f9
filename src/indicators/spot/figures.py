"""The numbers seam: the figures of one sentence, read by the number reader (`indicators.numbers`).

`read_figures(sentence)` is the one function the rest of the spotter calls to get the figures of a
sentence. Every number is read by `indicators.numbers` (glued suffixes, thousands separators,
currencies before or after, signs, number words, fractions, ranges; a figure it cannot read whole
is skipped); this module only turns its figures into the spotter's `Figure` (value before its scale,
scale, the spotter's unit, decimals) and leaves out what is a number but not a claim:

- a number word that carries nothing ("one of", "the two sessions"), "26 of the top 100"; a number word of two or more
  that counts without a unit ("seven pillars") is kept as a count of no series (form "count");
- an ordinal word that is not a ranking ("the fourth time"; "ranked fourth", "third-largest" stay);
- the spotter's own units come after the reader's: a figure the reader leaves unitless takes a unit
  word of the vocabulary within two words ("1.59 million patent applications", "nine clusters").
- figures written as words that the reader leaves out (streaks, durations, multiples, "number one", "No. 1", ...)
  are read by `wordforms.py` and come last, where no figure above stands, each with its `form`.

A range ("20-25 percent", "€3-6 bln") is two figures: its low end over the whole range's words
(comparator ">=") and its high end over its own ("25 percent", "6 bln"; "<="), so that the engine
checks both sides. A fraction ("a third", "one in
five") is a share in percent, to three significant digits (33.3), and a bare one is read loosely (one fifth of its value
either side): "a third" is not a claim of 33.3 exactly.

Signs from words ("a decline of 6.7 per cent") are the frame's business (frames.py), not this
module's: the reader's decline sign is undone here, printed signs and "(3.2)" are kept.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from indicators import numbers
from indicators.spot import wordforms
from indicators.spot.text import Taken, numbered_items
from indicators.spot.vocabulary import alternatives, city_names, mentions, vocabulary

YEAR = re.compile(r"(?<![\d.,\-])(19\d{2}|20\d{2})(?![\d\-]|\.\d|st|nd|rd|th)")  # a year in a sentence (frames.py)
RANK_WORDS_BEFORE = re.compile(r"\b(?:ranked|ranks|rank|ranking|placed|came|comes|come|coming|finished|finishes|stood|"
                               r"stands)\s+$", re.I)
SUPERLATIVE_AFTER = re.compile(r"[-\s]?[a-z]{2,}est\b|[-\s]most\b")
PLACE_AFTER = re.compile(r"(?i)\s+(?:places?|positions?|spots?|rankings?|rank)\b")
PLACE_WORD_AFTER = re.compile(r"(?i)\s+place\b")
"""An ordinal word before "place", "position", "spot" is a rank ("Beijing in third place", "in the fourth spot"),
except the idioms "in the first place", "in the second place"."""
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(numbers.ORDINAL_WORDS) + ")"
RANKING_WORDS = re.compile(rf"(?i)\b(?:rank\w*|places?|position\w*|top[\s-]+\d+|ladder|{ORDINAL})\b")
ELIDED_PLACE = re.compile(rf"(?i)(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){ORDINAL}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){ORDINAL})*"
                          r"\s+(?:places?|positions?|spots?|rankings?)\b")
"""Ordinals sharing one "place" after the last ("claimed second and third place", "fourth, fifth and sixth places"):
each is a rank."""
NAME_IN_A_LIST_BEFORE = re.compile(r"(?:\bwith\s+|,\s*|\b(?:and|while)\s+)(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}$")
NAME_IN_A_LIST_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|while)\s+(?:the\s+)?[A-Z]|\swith\s+(?:about\s+|some\s+)?\d)")
"""A name listed right before an ordinal that ends its list item (a stop, or "and" before the next name): "with South
Korea fourth and Singapore fifth", "Germany ninth, France twelfth": the name's place (the ordinal read as a rank); not
"Beijing first and foremost"."""
PUSHED_TO = re.compile(r"(?:\b(?i:pushing|pushed|pushes|relegating|relegated|knocking|knocked|bumping|bumped|sending|"
                       r"sent|dropping|dropped|lifting|lifted)\s+|,\s*|\b(?i:and)\s+)(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}"
                       r"(?i:down\s+|back\s+|up\s+)?to\s+$")
"""An economy moved to a place by another's move ("pushing Singapore to fifth and the United Kingdom to sixth")."""
IN_ORDINAL = re.compile(r"(?i)\bin\s+$")
ORDINAL_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|with|while|behind|ahead|after|among|overall)\b)")
"""An ordinal word after "in" that ends its phrase ("and Shanghai-Suzhou in sixth,") is a rank, elided from "in sixth
place"; "in third quarter" or "in the third" are not."""
RANK_MOVE_VERBS = (r"fell|falls|fallen|dropped|drops|slipped|slips|slid|slides|rose|rises|risen|climbed|climbs|jumped|"
                   r"jumps|moved|moves|advanced|improved|edged|sank|leapt|leaped")
"""The verbs of a move in a ranking that MOVED_TO and MOVED_BARE share (each adds its own)."""
MOVED_TO = re.compile(r"(?i)(?:\b(?:was|is|were|are|remained|remains|stayed|stays|"
                      rf"(?:{RANK_MOVE_VERBS}|declined|went|came|surged|retreated)\s+(?:up\s+|down\s+|back\s+)?"
                      r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:places?|spots?|positions?|"
                      r"notch(?:es)?|rungs?|ranks?)\s+)?to)"
                      rf"|\bto\s+{ORDINAL}\s+from)\s+$")
"""Words that put a place in a ranking without naming the ranking: "Seoul ... was third", "slipped one spot to ninth",
"Beijing, which fell to fourth", "jumped to third from sixth", "slipped to second place"."""
MOVED_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|with|while|behind|ahead|after|among|overall|from|this|last|"
                        r"places?|positions?|spots?|in\s+the\s+(?:world|ranking|rankings|index|list|table)\b))")
"""After such a place, the end of its phrase: "was third, overtaking ...", "fell to fourth."; not "was third-largest"
(a superlative, read as before), "was the third", "rose to second quarter" or "fell to third-quarter lows"."""
TREATY_AFTER = re.compile(r"\s+PCT$")
"""A number followed by "PCT" in capitals names the Patent Cooperation Treaty ("69,610 PCT applications"), which
the reader takes for "pct" (percent)."""
RANK_NOUN_BEFORE = re.compile(r"(?i)\b(?:rank|ranked|ranking|position)\s+(?:\d{1,3}(?:,\s*(?:and\s+)?|\s+and\s+)){0,8}$")
"""Right before a whole number, the word that makes it a place ("rank 14", "ranked 36"), unless a unit follows it; so
does it before the list the number ends ("are ranked 63, 66, 73, and 74, respectively")."""
STREAK_AFTER = re.compile(r"(?i)\s+(?:consecutive|straight|successive)\s+(?:years?|times?)\b"
                          r"|\s+(?:years?|times?)\s+(?:in\s+a\s+row|running)\b")
"""After a number, the words of a streak: "for five consecutive years", "for the 10th straight year", "three years
in a row", "for the 14th time in a row" (an annual ranking's editions: years)."""
FOR_THE_BEFORE = re.compile(r"(?i)\bfor\s+(?:the|a)\s+$")
PERIODS_COUNTED_AFTER = re.compile(r"(?i)\s+(?:years?|times?)\b(?!\s+(?:of|since|after|before|in\s+(?:19|20)\d{2})\b)")


def streak_after(sentence: str, start: int, end: int) -> bool:
    """Whether the number at sentence[start:end] counts a streak: "for five consecutive years", "for the 14th time in
    a row", or an ordinal after "for the" before "year" or "time" ("tops the index for the 14th year": its 14th
    year at the top, not a 14th place; not "the 14th year of the plan")."""
    return bool(STREAK_AFTER.match(sentence, end)) or bool(
        FOR_THE_BEFORE.search(sentence, max(0, start - 12), start) and PERIODS_COUNTED_AFTER.match(sentence, end)
        and re.search(r"(?i)\d(?:st|nd|rd|th)$", sentence[start:end]))  # (words: wordforms.py reads "the fourth time")


STREAK_OF_MONTHS_AFTER = re.compile(r"(?i)\s+(?:(?:consecutive|straight|successive)\s+(?:months|quarters)"
                                    r"|(?:months|quarters)\s+(?:in\s+a\s+row|running|on\s+the\s+trot))\b")
"""After a number in digits, a streak of months or quarters ("for 3 consecutive months", "3 months running"): read
whole as a streak by wordforms.py, not as a count."""
# the reader's units in the spotter's terms ("" is filled below from the vocabulary's unit words)
UNITS = {"times": "ratio"}


def aliases() -> dict:
    """The vocabulary (units, projections): kept under its old name."""
    return vocabulary()


@dataclass
class Figure:
    start: int  # offsets in the sentence
    end: int
    value: float  # before its scale: "1.06 trillion" is 1.06 (scale 1e12)
    scale: float
    unit: str | None
    decimals: int
    ordinal: bool = False
    words: bool = False  # written in words
    kind: str = "number"  # number, ordinal, fraction, range-low, range-high (from the reader)
    comparator: str = "~="  # the reader's, from the wording before the figure ("more than": ">")
    lead: int | None = None  # where that wording starts in the sentence
    move: str = ""  # a signed move in a ranking ("Korea (4th / +2)"): "up" for "+", "down" for "-" (frames._changes)
    form: str = ""  # a word form no series measures (wordforms.py: streak, duration, multiple, rank, count, ...)
    tabled: bool = False  # a table's rank or value: its unit from the table's header, never from words beside it
    placed: bool = False  # a bare number read as a place by the words around it (`_bare_places`): its ranking a guess

    @property
    def said_from(self) -> int:
        """Where the figure's words start: its comparator's wording ("more than $5bn"), else the figure."""
        return self.start if self.lead is None else self.lead


def _domain_unit(rest: str) -> tuple[str | None, int]:
    """(unit, characters used) for one of the spotter's unit words (vehicles, applications, GW, clusters)
    right after the figure or within two words of it ("1.59 million patent applications", "six specific
    indicators"). Currencies, percentages and ratios are the reader's: not read here."""
    low = rest.lower()
    for skipped in range(3):
        prefix = re.match(r"\s*" + r"(?:[a-z][a-z-]*\s+)" * skipped, low)
        if not prefix or (skipped and re.search(r"\b(and|or|of|in|to|from|for|that|than)\s", prefix.group(0))):
            break
        after = low[prefix.end():]
        for word, unit in _unit_words():
            if after.startswith(word) and not after[len(word):len(word) + 1].isalpha():
                return unit, prefix.end() + len(word)
    return None, 0


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _unit_words() -> list[tuple[str, str]]:
    """The vocabulary's unit words less those the reader reads (money, percent, ratio), longest first."""
    kinds = vocabulary()["unit_kinds"]
    return [(w, u) for w, u in vocabulary()["_unit_words"] if kinds.get(u) not in ("money", "percent", "ratio")]


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _units_before() -> list[tuple[re.Pattern, str]]:
    """(pattern, unit) for the vocabulary's `units_before`: the words end right before the figure, a comparator
    word ("about", "nearly") allowed between."""
    comparators = "|".join(re.escape(w) for w, _ in vocabulary()["_comparators"])
    return [(re.compile(rf"(?i)(?<![\w])(?:{alternatives(words)})"
                        rf"\s*(?:(?:{comparators})\s+)?$"), unit)
            for unit, words in (vocabulary().get("units_before") or {}).items()]


def _unit_before(before: str) -> str | None:
    """The unit the words right before a bare number give it ("with a score of 67.5": score), else None."""
    return next((unit for pattern, unit in _units_before() if pattern.search(before)), None)


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _currency_pattern() -> tuple[re.Pattern, dict]:
    """A currency code, word or sign ending right before a figure ("USD one trillion", "RMB one trillion")."""
    kinds, words = vocabulary()["unit_kinds"], {}
    for unit, names in vocabulary()["units"].items():
        if kinds.get(unit) == "money":
            words.update({w.lower(): unit for w in names})
    words.update({sign.lower(): unit for sign, unit in vocabulary()["currency_signs"].items()})
    alternation = alternatives(words)
    return re.compile(rf"(?i)(?:^|(?<=[^\w$]))(?:{alternation})\s*$"), words


def _currency_before(before: str) -> str | None:
    """The currency written before a figure the reader left without one (it reads "USD 65 billion", not "USD one
    trillion"), else None."""
    pattern, words = _currency_pattern()
    m = pattern.search(before)
    return words[m.group(0).strip().lower()] if m else None


def _carries_nothing(sentence: str, f: numbers.Figure, unit: str | None) -> bool:
    """A number word without a unit or scale ("one of", "two sessions") is not a figure, unless a list
    or a total makes it one ("21 and nine", "with eight", "three in total", "two times")."""
    if unit or f.scale > 1 or f.kind != "number" or re.search(r"\d", f.text):
        return False
    if re.match(r"\s+(?:in total|times)\b", sentence[f.end: f.end + 20]) or STREAK_AFTER.match(sentence, f.end):
        return False
    if FIRST_IN_BEFORE.search(sentence[max(0, f.start - 60): f.start]) and INDICATORS_AFTER.match(sentence, f.end):
        return False  # "scores best in the world in nine of the 78 ... indicators": a count of indicators
    return not re.search(r"\b(?:and|with|having|followed with)\s+$", sentence[max(0, f.start - 40): f.start])


TO_A_PLACE_AFTER = re.compile(rf"(?i)\s+to\s+{ORDINAL}\s+(?:place|position|spot|rank)\b")
"""After a place in words, the place it moved to ("has fallen from ninth to eleventh place"): a place too."""
DAY_OF_MONTH_AFTER = re.compile(r"\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
                                r"November|December)\b")
"""After an ordinal, a month's name: the ordinal is a day ("12th April 2024", "the 16th of May")."""
LABEL_BEFORE = re.compile(r"(?i)\b(?:see|in|on|from)\s+(?:the\s+)?(?:chart|figure|fig\.|table|graph|page|p\.|annex|"
                          r"appendix|box|exhibit|footnote|note|section)\s*$")
"""A number that labels a part of the document ("see chart 1", "in Table 2"), not a figure."""


WINDOW_BEFORE = re.compile(r"(?i)\b(?:last|past|preceding|previous|prior|latest|trailing)\s+$")
WINDOW_MONTHS_AFTER = re.compile(r"(?i)\s*(?:-\s*)?months?\b")
"""A year's window ("in the last 12 months", "the preceding 12 months", "the past 12-month period"): its length is
no figure (a streak's, "in each of the past 8 months", is)."""


def _not_a_claim(sentence: str, f: numbers.Figure) -> bool:
    before = sentence[max(0, f.start - 40): f.start]
    if f.kind == "number" and f.text == "12" and WINDOW_BEFORE.search(before) and WINDOW_MONTHS_AFTER.match(sentence, f.end):
        return True  # "rose 60% in the last 12 months": the window's length
    if f.kind == "number" and re.fullmatch(r"\d{1,3}[a-z]?", f.text) and LABEL_BEFORE.search(before):
        return True  # "(see chart 1)": the chart's number
    if f.kind == "ordinal" and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", f.text) and DAY_OF_MONTH_AFTER.match(sentence, f.end):
        return True  # "12th April 2024 – (Beijing)": a date
    if re.search(r"\bNo\.\s*$", before) or re.search(r"(?i)\bnumber\s+$", before) and f.text.lower() == "one":
        return True  # "No. 1", "number one": not the reader's "1"; wordforms.py reads the rank whole (or numbering)
    said = re.search(r"\bnumber\s+$", before)
    if f.kind == "number" and re.fullmatch(r"\d{1,3}", f.text) and said \
            and wordforms.placed_number(sentence, f.start - len(before) + said.start()):
        return True  # "at number 11": a place, read whole by wordforms.py (where its phrase ends) or not at all
    if f.kind == "ordinal" and re.search(r"(?i)\bon\s+the\s+$", before) \
            and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", f.text) and not PLACE_AFTER.match(sentence, f.end) \
            and not streak_after(sentence, f.start, f.end):
        return True  # "On the 16th local time, WIPO released ...": a day of the month, not a rank
    if f.kind == "number" and f.text.isdigit() and STREAK_OF_MONTHS_AFTER.match(sentence, f.end):
        return True  # "for 3 consecutive months": a streak's length, read whole with its months (wordforms.py)
    if f.kind == "ordinal" and streak_after(sentence, f.start, f.end):
        return False  # "for the third consecutive year": a streak's length (frames._streaks)
    if f.kind == "ordinal" and not re.search(r"\d", f.text):
        idiom = re.search(r"(?i)\bin\s+the\s+$", before) and f.text.lower() in ("first", "second") \
            and PLACE_WORD_AFTER.match(sentence, f.end)  # "in the first place": an idiom ("in the fourth spot" a rank)
        placed = (PLACE_AFTER.match(sentence, f.end) or ELIDED_PLACE.match(sentence, f.end)
                  or TO_A_PLACE_AFTER.match(sentence, f.end)) and not idiom \
            or IN_ORDINAL.search(before) and ORDINAL_ENDS.match(sentence, f.end) \
            or MOVED_TO.search(before) and MOVED_ENDS.match(sentence, f.end) \
            or NAME_IN_A_LIST_BEFORE.search(before) and NAME_IN_A_LIST_ENDS.match(sentence, f.end) \
            or PUSHED_TO.search(before) and MOVED_ENDS.match(sentence, f.end)
        return not (RANK_WORDS_BEFORE.search(before) or SUPERLATIVE_AFTER.match(sentence, f.end) or placed) \
            or bool(re.match(r"\s+in\s+\d", sentence[f.end: f.end + 30])) \
            or bool(re.match(r"(?i)\s+to\s+none\b", sentence[f.end:]))  # "ranks first in 26": a count; "second to none"
    return False


def _spot_figures(sentence: str, f: numbers.Figure) -> list[Figure]:
    """The reader's figure as the spotter's (two for a range), or [] when it is not a claim."""
    if _not_a_claim(sentence, f):
        return []
    ordinal = f.kind == "ordinal"
    unit = UNITS.get(f.unit, f.unit) or None
    end = f.end
    treaty = TREATY_AFTER.search(sentence, f.start, f.end) if unit == "percent" else None
    if treaty:  # "75,000 PCT applications": the Patent Cooperation Treaty, not "pct" (percent)
        unit, end = None, treaty.start()
    if ordinal and streak_after(sentence, f.start, f.end):
        unit = "count"  # the streak's years
    elif ordinal:
        unit = "rank"
    elif unit is None:
        unit, used = _domain_unit(sentence[end: end + 60])
        if unit == "rank" and YEAR.fullmatch(sentence, f.start, f.end):
            return []  # "The Global Innovation Index 2025 ranks China 10th": a year, not a move of 2025 places
        top = re.search(r"\btop[\s-]+$", sentence[max(0, f.start - 10): f.start], re.I) \
            or _first_n_of_a_ranking(sentence[max(0, f.start - 10): f.start], sentence[f.end: f.end + 30])
        if top and unit == "count" and re.search(r"(?i)\b(?:economies|countries|nations)$", sentence[end: end + used]):
            unit, used = None, 0  # "among the top five most innovative economies": a rank, not a count of economies
        end += used
        if unit is None and RANK_NOUN_BEFORE.search(sentence[max(0, f.start - 60): f.start]) \
                and f.value == int(f.value) and f.value >= 1 and f.scale == 1:
            unit = "rank"  # "up from rank 14 in 2020", "Malaysia (overall rank 36)": a place, not a count
        unit = unit or _unit_before(sentence[max(0, f.start - 40): f.start]) or _currency_before(sentence[max(0, f.start - 12): f.start])
        if unit is None and top:
            if re.search(r"\bof the top[\s-]+$", sentence[max(0, f.start - 20): f.start], re.I):
                return []  # "26 of the top 100 clusters" describes the series
            unit = "rank"
    form = ""
    if _carries_nothing(sentence, f, unit):
        if f.value < 2 or not wordforms.counted(sentence, f.start, f.end):
            return []
        unit, form = "count", "count"  # "seven pillars", "occupying three": a count of what no series counts
    words = not re.search(r"\d", f.text)

    def plain(value: float) -> float:
        """The value before its scale, without the reader's floating-point dust (1.06e12 / 1e12)."""
        return float(f"{value / f.scale:.12g}")

    if f.kind == "range":
        return [Figure(f.start, end, plain(f.low), f.scale, unit, f.decimals, False, words, "range-low", ">=", f.start),
                Figure(f.high_start, end, plain(f.high), f.scale, unit, f.decimals, False, words, "range-high", "<=",
                       f.high_start)]
    value = -f.value if f.decline else f.value
    comparator = numbers.FLIP[f.comparator] if f.decline else f.comparator  # the decline is the frame's
    if f.kind == "fraction":
        return [Figure(f.start, end, float(f"{value:.3g}"), 1.0, unit, 1, False, words, "fraction", comparator, f.lead)]
    return [Figure(f.start, end, plain(value), f.scale, unit, f.decimals, ordinal, words, f.kind, comparator, f.lead,
                   form=form)]


def _level_beside_rate(sentence: str, here: Figure, nxt: Figure) -> bool:
    """A count and its rate in one bracket ("Japan (50,345, +0.1%)", "22,012, +6.2%"): the number grouped in
    thousands, or a percentage with a printed sign (a change), is not one of a list of percentages ("5, 6 and 7%")."""
    if nxt.unit not in ("percent", "percentage points"):
        return False
    return bool(re.fullmatch(r"\(?\d{1,3}(?:,\d{3})+", sentence[here.start: here.end])
                or re.match(r"[+\-\u2212]", sentence[nxt.start: nxt.end]))


BASE_AFTER_A_FIGURE = re.compile(r"(?i)\s+(?:in\s+(?:the\s+)?(?:(?:19|20)\d{2}\s+)?(?:[a-z]+\s+){0,2}?(?:index|edition|"
                                 r"ranking|report|GII)\s*,?\s*(?:(?:up|down)\s+)?)?from\s+")
"""Between a figure and its base: "from", or its edition and "up from" ("62.4 in the 2024 index, up from 63.5")."""


def _share_units(sentence: str, figures: list[Figure]) -> None:
    """"21 and nine clusters": a figure without a unit takes the next one's across "and"; a scaled
    figure without a unit takes the previous scaled figure's ("1.59 million applications ... 3.4 million")."""
    for here, nxt in zip(reversed(figures[:-1]), reversed(figures[1:])):
        if here.unit is None and re.fullmatch(r"\s*(and|or|,|to)\s*", sentence[here.end: nxt.start]) \
                and not _level_beside_rate(sentence, here, nxt):
            here.unit = nxt.unit
    # "a score of 66.0 ... ahead of Sweden (62.6) and the United States (61.7)": a bare number alone in
    # brackets right after a name is in the unit an earlier figure of the sentence took from its words before
    # (the reader takes "(62.6)" for an accountant's negative: after a name it is a label's figure, positive)
    named = next((f.unit for f in figures if f.unit and _unit_before(sentence[max(0, f.start - 40): f.start])), None)
    for figure in figures:
        text = sentence[figure.start: figure.end]
        if figure.unit is None and figure.scale == 1 and not figure.ordinal \
                and re.fullmatch(r"\(\s*[\d.,]+\s*\)", text) \
                and re.search(r"[A-Z][\w.'-]*\s*$", sentence[max(0, figure.start - 30): figure.start]):
            # "China (69,610) and the US (55,678) both record fewer filings": a count in brackets after a name is
            # the name's figure, positive (an accountant's negative has no name before it)
            figure.unit, figure.value = named, abs(figure.value)
    for before, figure in zip(figures, figures[1:]):
        # "its overall score improving to 40.9 from 38.7", "scored 62.4 in the 2024 index, up from 63.5": a bare
        # number right after "from" and a figure whose unit its words before gave is the figure's base, in its unit
        if figure.unit is None and before.unit and figure.scale == 1 and not figure.ordinal \
                and BASE_AFTER_A_FIGURE.fullmatch(sentence, before.end, figure.start) \
                and _unit_before(sentence[max(0, before.start - 40): before.start]):
            figure.unit = before.unit
    last_scaled = None
    for figure in figures:
        if figure.unit is None and figure.scale > 1 and last_scaled:
            figure.unit = last_scaled
        elif figure.unit and figure.scale > 1:
            last_scaled = figure.unit


RANK_STEPS = r"places?|spots?|notch(?:es)?|positions?|rungs?|steps?|ranks?"
"""The words a move in a ranking is counted in ("up two places", "one notch", "three steps", "seven ranks"), as a
regular expression's alternatives (here and in frames.RANK_MOVE)."""
LONE_ONE_MOVE = re.compile(rf"(?i)\b(?:one|a|a single)\s+({RANK_STEPS})\b")
MOVE_BEFORE = re.compile(r"(?i)\b(?:up|down|rose|risen|rising|rises?|climbed|climbing|climbs?|advanced|advancing|"
                         r"advances?|(?:moved|moving|moves|move)(?:\s+up|\s+down)?|"
                         r"jumped|jumps?|improved|improves?|gained|gains?|fell|fallen|falls?|dropped|drops?|slipped|"
                         r"slipping|slips?|slid|sliding|slides?|declined|declines?|lost|loses?|"
                         r"went(?:\s+up|\s+down)?|goes(?:\s+up|\s+down)|"
                         r"(?:an?\s+)?(?:\w+\s+)?(?:improvement|rise|jump|climb|drop|fall|decline|slide|slip)\s+of)"
                         r"(?:\s+(?:back|further|again))?\s+(?:by\s+)?$")  # "slipped back one place"
MOVE_AFTER = re.compile(r"(?i)\s+(?:higher|lower|up|down|forward|ahead|back|backward|backwards)\b")
"""After "one place", its direction ("one position higher", "moving one spot forward")."""


NOT_A_MOVE_AFTER = re.compile(r"(?i)\s+(?:short\s+of|further|closer|of\b|on\s+(?:its|their|the)\s+rivals?)")
"""After "one place", words of a position or an idiom, not a move ("falls one place short of the top five", "advances
one step further", "the rise of one rank of economies", "gains one spot on its rivals")."""


def _lone_one_moves(sentence: str) -> list[Figure]:
    """"up one spot", "dropped one place", "one position higher": a move of one in a ranking. The number reader
    leaves a lone "one" out (it is mostly idle: "one of"); beside a direction word and a ranking's step word it
    is a claim (a change of the rank, frames._changes). "in one place", "one spot on the list" stay out."""
    found = []
    for m in LONE_ONE_MOVE.finditer(sentence):
        if NOT_A_MOVE_AFTER.match(sentence, m.end()):
            continue
        if MOVE_BEFORE.search(sentence[max(0, m.start() - 25): m.start()]) or MOVE_AFTER.match(sentence, m.end()):
            found.append(Figure(m.start(), m.end(), 1.0, 1.0, "rank", 0, False, True, "number", "~=", m.start()))
    return found


FIRST_SECOND = re.compile(r"(?i)\b(first|second)\b")
PLACE_TAKEN = re.compile(r"(?i)\b(?:took|takes|taking|claimed|claims|secured|secures|won|wins|held|holds|occupied|occupies|"
                         r"retained|retains|kept|keeps|came\s+in|comes\s+in|finished\s+in|came|finished)\s+(?:the\s+)?$")


CAME_IN = re.compile(r"(?i)\b(?:came|come|comes|coming|finished|finishes|ranked|ranks|ranking|placed|stood)\s+(?:in\s+)?$")
"""Before "first" or "second", words placing it in a ranking ("came in second", "finished second")."""


def _placed_first_second(sentence: str) -> list[Figure]:
    """"claimed second and third place", "took first place": the reader reads "first" and "second" only after a
    ranking word (they are mostly idle: "the second time"); before another ordinal sharing "place", or before
    "place" after a verb of taking it, they are ranks; not "indicators in first place", nor "first place in
    scientific services" (a ranking of something else)."""
    found = []
    for m in FIRST_SECOND.finditer(sentence):
        placed = PLACE_AFTER.match(sentence, m.end())
        before = sentence[max(0, m.start() - 25): m.start()]
        # "The United States came in second with 55,678 applications", "in second place in the world rankings"
        came = CAME_IN.search(before) and not re.match(r"\s+(?:time|half|quarter|largest|biggest|to\s+none)\b",
                                                      sentence[m.end():])  # "second to none": an idiom, no place
        # "Tokyo-Yokohama slipped to second place", "Seoul was second,": a place after a verb of moving or being
        came = came or MOVED_TO.search(before) and MOVED_ENDS.match(sentence, m.end()) \
            or NAME_IN_A_LIST_BEFORE.search(before) and NAME_IN_A_LIST_ENDS.match(sentence, m.end()) \
            or PUSHED_TO.search(before) and MOVED_ENDS.match(sentence, m.end())
        # "with China's Shenzhen-Hong Kong-Guangzhou in second place": "in first/second place" is a place in a ranking
        # (after a name: "the number of indicators in first place" counts indicators)
        came = came or re.search(r"\b[A-Z][\w’'-]*\s+in\s+$|\b(?i:remained|remains|remain|stayed|stays|stay)\s+in\s+$",
                                 before) and PLACE_AFTER.match(sentence, m.end()) \
            and not re.match(r"\s+\w+\s+in\s+(?!the\b)[a-z]", sentence[m.end():])
        if ELIDED_PLACE.match(sentence, m.end()) or came or placed and (
                PLACE_TAKEN.search(before) or re.search(r"(?i)(?:^|[,;]\s*|\b(?:was|is|were|are|and)\s+)in\s+$", before)) \
                and not re.match(r"\s+in\s+(?!the\b)[a-z]", sentence[placed.end():]):
            found.append(Figure(m.start(), m.end(), float(numbers.ORDINAL_WORDS[m.group(1).lower()]), 1.0, "rank", 0,
                                True, True, "ordinal", "~=", m.start()))
    return found


_CARD = "|".join(sorted([*numbers.UNIT_WORDS, *numbers.TEENS, *numbers.TENS], key=len, reverse=True))
_ORD = "|".join(sorted(numbers.ORDINAL_WORDS, key=len, reverse=True))
_WORD = f"{_CARD}|{_ORD}"
RESPECTIVE_LIST = re.compile(rf"(?i)\b(?:{_ORD})(?:\s*,\s*(?:{_ORD}))*,?\s+and\s+(?:{_ORD})\s*,?\s+respectively\b|"
                             rf"\b(?:{_CARD})(?:\s*,\s*(?:{_CARD}))*,?\s+and\s+(?=(?:{_CARD}|\d+)\s+[a-z])")
"""Number words listed with "and" in a sentence saying "respectively": "were second and third, respectively" (each
a rank), "in nine and eight indicators, respectively" (the first sharing the unit of the figure after "and")."""


def _respective_lists(sentence: str) -> list[Figure]:
    """The number words of a "respectively" list the reader leaves idle (a bare "second", "nine" are mostly not
    figures): ordinals are ranks, cardinals counts; each is paired with its economy by the frames' "respectively"."""
    if not re.search(r"\brespectively\b", sentence):
        return []
    found = []
    for listed in RESPECTIVE_LIST.finditer(sentence):
        for m in re.finditer(rf"(?i)\b(?:{_WORD})\b", listed.group(0)):
            word, start = m.group(0).lower(), listed.start() + m.start()
            ordinal = word in numbers.ORDINAL_WORDS
            value = numbers.ORDINAL_WORDS[word] if ordinal else {**numbers.UNIT_WORDS, **numbers.TEENS, **numbers.TENS}[word]
            found.append(Figure(start, start + len(word), float(value), 1.0, "rank" if ordinal else "count", 0, ordinal,
                                True, "ordinal" if ordinal else "number", "~=", start))
    return found


MARK = re.compile(r"(?i)\bthe\s+(?:one[-\s])?(thousand|million|billion|trillion)[-\s]+(?:(yuan|dollars?|US[-\s]dollars?|units?|vehicles?|cars?)"
                  r"[-\s]+)?(?:mark|threshold|milestone)\b")
MARK_PASSED = re.compile(r"(?i)\b(?:exceed\w*|surpass\w*|br(?:oke|eaking|eaks?)\s+through|cross\w*|top(?:ped|ping|s)?|"
                         r"pass(?:ed|ing)?|br(?:oke|eaking|eaks?)|over)\s+$")


def _mark_unit(word: str) -> str | None:
    """The unit of a mark's word ("yuan", "dollar", "cars"), from the vocabulary's unit words (singular too)."""
    units = dict(vocabulary()["_unit_words"])
    return units.get(word.lower()) or units.get(word.lower() + "s")


def _marks(sentence: str) -> list[Figure]:
    """"breaking through the trillion yuan mark", "crossed the million threshold": a scale word without a number
    before "mark", "threshold", "milestone" names one of it (1 trillion yuan), a threshold: passed (">") after
    "exceeded", "broke through", "crossed", else reached (">="). With a number ("the 5-million mark") the number
    reader reads it."""
    found = []
    for m in MARK.finditer(sentence):
        unit = _mark_unit(re.sub(r"(?i)^us[-\s]", "", m.group(2))) if m.group(2) else None
        passed = MARK_PASSED.search(sentence[max(0, m.start() - 30): m.start()])
        lead = m.start() - len(passed.group(0)) if passed else m.start()
        found.append(Figure(m.start(), m.end(), 1.0, numbers.SCALES[m.group(1).lower()], unit, 0, False, True, "number",
                            ">" if passed else ">=", lead))
    return found


MULTIPLIED = re.compile(r"(?i)\b(doubled|tripled|trebled|quadrupled|halved)\b(?!\s+down\b)")
MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}


def _multiples(sentence: str) -> list[Figure]:
    """"imports from China tripled from 2022 to 2023": a verb that names a multiple is a ratio figure (3), read
    loosely (its step is one whole multiple); never a growth rate of exactly 200%. "doubled down" is an idiom."""
    found = []
    for m in MULTIPLIED.finditer(sentence):
        lead = re.search(r"(?i)\b(more than|over|nearly|almost|about|roughly)\s+$", sentence[max(0, m.start() - 12): m.start()])
        comparator = {"more than": ">", "over": ">", "nearly": "<", "almost": "<"}.get(lead.group(1).lower(), "~=") if lead else "~="
        found.append(Figure(m.start(), m.end(), MULTIPLES[m.group(1).lower()], 1.0, "ratio", 0, False, True, "number",
                            comparator, m.start() - len(lead.group(0)) if lead else m.start()))
    return found


MOVE_BRACKET = re.compile(r"\(\s*(?:\d{1,3}(?:st|nd|rd|th)\s*[/,;|]\s*)?$")
MOVE_SIGN = {"+": "up", "-": "down", "\u2212": "down", "\u2013": "down"}


def _signed_moves(sentence: str, figures: list[Figure]) -> None:
    """"the Republic of Korea (4th / +2)", "China (+1) enters the top 10": a whole number with a printed sign,
    alone in brackets or after an ordinal in them, in a sentence about a ranking, is a move in the ranking ("+"
    up, "-" down: frames._changes), its magnitude positive (the reader takes "(+1)" for an accountant's
    negative). "(+5%)" has its unit; "(+2)" in a sentence naming no ranking stays a bare number."""
    if not RANKING_WORDS.search(sentence):
        return
    for figure in figures:
        text = sentence[figure.start: figure.end]
        digits = re.search(r"\d+", text)
        if figure.unit is not None or figure.scale != 1 or figure.decimals or not digits:
            continue
        at = figure.start + digits.start()
        sign = sentence[at - 1: at]
        if sign not in MOVE_SIGN or not MOVE_BRACKET.search(sentence[max(0, at - 12): at - 1]) \
                or not re.match(r"\s*\)", sentence[figure.start + digits.end(): figure.start + digits.end() + 3]):
            continue
        figure.unit, figure.value, figure.move = "rank", abs(figure.value), MOVE_SIGN[sign]
        figure.start = min(figure.start, at - 1)  # the sign is the figure's ("–1", not "1")


LIST_ITEM_BEFORE = re.compile(r"(?:^|[:;,]|\band)\s*(?:and\s+)?$")
LIST_ITEM_AFTER = re.compile(r"[.)]\s+(?:the\s+)?")


RANK_OUT_OF = re.compile(r"(\d{1,3})\s+out\s+of\s+\d{2,3}")
RANK_OUT_OF_AFTER = re.compile(r"(?i)\s+(?:countries|economies|nations|participating)\b")
RANK_OUT_OF_BEFORE = re.compile(r"(?i)\b(?:rank(?:s|ed|ing)?|position(?:ed)?|place[ds]?|placing)\b")


def _ranks_out_of(sentence: str, figures: list[Figure]) -> list[Figure]:
    """"its ranking ... to 46 out of 139 countries", "ranked 11 out of 133 economies": a place out of the economies
    ranked, not the fraction 46/139 the reader takes it for (the ranking's words before it in the sentence)."""
    out = []
    for figure in figures:
        match = RANK_OUT_OF.fullmatch(sentence, figure.start, figure.end)
        if figure.kind == "fraction" and match and RANK_OUT_OF_AFTER.match(sentence, figure.end) \
                and RANK_OUT_OF_BEFORE.search(sentence, max(0, figure.start - 80), figure.start):
            figure = dataclasses.replace(figure, value=float(match.group(1)), unit="rank", decimals=0, ordinal=True,
                                         kind="ordinal")
        out.append(figure)
    return out


def _list_ranks(sentence: str, figures: list[Figure]) -> None:
    """"are: 1. Switzerland (1st in 2022); 2. Sweden (3rd)", a line "2. Sweden – 64.5" or "2) Sweden": a whole number
    opening a list item ("N." or "N)" at the start or after ":", ";", ",", "and", or in a numbered run,
    `text.numbered_items`) and followed by an economy's name is that economy's place in the list, a rank ("3. the
    United States"), in a ranking assumed (`placed`: "middle-income economies: 1. China 2. Malaysia" is no place in
    the index). "3. Exports rose" or "in 2. quarter" are not. A list whose
    lines were joined into one paragraph ("1. China 70,015 25.1% 2. United States of America 59,056 21.2%") goes on
    after the previous item's figures: the next number in sequence before an economy's name is the next item."""
    last = None
    items = {mark for _, mark in numbered_items(sentence)}  # "the top five were 1) Switzerland 2) Sweden ..."
    for figure in figures:
        if figure.unit is not None or figure.scale != 1 or figure.decimals or not 0 < figure.value < 1000:
            continue
        text = sentence[figure.start: figure.end].rstrip(".)")
        end = figure.start + len(text)
        after = LIST_ITEM_AFTER.match(sentence, end)
        in_sequence = last is not None and figure.value == last + 1 and sentence[figure.start - 1: figure.start].isspace()
        if not text.isdigit() or not after or not (
                LIST_ITEM_BEFORE.search(sentence[max(0, figure.start - 6): figure.start]) or in_sequence
                or end + 1 in items):
            continue
        starts = {end + re.match(r"[.)]\s+", after.group(0)).end(), after.end()}  # "3. the United States"
        if any(p.start in starts for p in mentions("place", sentence[: after.end() + 40])):
            figure.unit, figure.end = "rank", end + 1  # the item's number is "2." or "2)" (not the "2" of "2nd")
            # which ranking a list is of (the index, a group's, a pillar's, the climbers') is a guess: never accused
            figure.placed = True
            last = figure.value


RANKING_NAMED = re.compile(r"(?i)\b(?:GII|Innovation\s+Index|rankings?|ranked|ranks)\b")
"""Words naming a ranking in a sentence: there a bare whole number is placed by the words around it."""
GII_NAMED = re.compile(r"(?i)\b(?:GII|Innovation\s+Index)\b")
"""The index named in a sentence whose next sentence may go on with its places (`_bare_places`, `ranking_before`)."""
OTHER_RANKINGS = (r"IMD|Nature|QS|Times\s+Higher|FIFA|Olympics?|Olympiad|Games|medals?|league|Bloomberg|"
                  r"competitive(?:ness)?|Doing\s+Business")
"""Names and words of rankings the store does not hold (the IMD's competitiveness, Bloomberg's innovation index,
medal tables)."""
ANOTHER_RANKING = re.compile(rf"(?i)\b(?:{OTHER_RANKINGS})\b")
"""Another ranking named: a place near it may be that ranking's."""
ANOTHER_SCALE = re.compile(rf"(?i)\b(?:{OTHER_RANKINGS}|tables?|lists?|survey|"
                           r"polls?|ratings?|rated|scores?|scored|clusters?|hubs?|cities|among|income|pillars?|"
                           r"sub-?ind(?:ex|ices)|(?<!Innovation )index|yuan|rubles?|rupees?|dollars?|euros?|yen|"
                           r"currency|exchange|temperatures?|degrees|ages?|aged|Gini|holdings|tariffs?|minister|"
                           r"ministry)\b")
"""Words of another ranking, group or scale ("In the IMD survey, it stood at 16", "the yuan stood at 7", "Among
upper-middle-income economies, it stood at 1"): in a sentence with them, or after one with them, the Global Innovation
Index named before is not what a bare number is placed in."""
CARRIED_ASIDE = re.compile(r"(?i)\b(?:(?:in|on|(?<!followed\s)by|within|among|for|as|ahead\s+of|behind|according\s+to)\s+"
                           r"(?!(?:19|20)\d{2}\b|at\b|to\b)(?=\S)|said|says|say|reported|ago|earlier|before|later|percent|"
                           r"per\s+cent)|%")
"""In a sentence going on with the index named before it, words placing its numbers elsewhere or at a time it does not
name ("In the World Competitiveness Yearbook, it stood at 11", "It stood at 11 by Bloomberg's measure", "Moody's
said", "A decade ago it stood at 35", "in August"): only years may follow "in" and "by" there (and "at" or "to": "came
in at 3", "held on to fifth")."""
_NAMES = r"(?:(?:the\s+)?(?-i:[A-Z])[\w'’.-]*\s+){1,4}"
PLACED_BEFORE = re.compile(rf"(?i)(?:\b(?:ranks|ranked|ranking|placed|places|placing|puts|put|came\s+in|comes\s+in|"
                           rf"coming\s+in|stood|stands|standing|sits|sat|landed|lands|finished|finishes)\s+"
                           rf"(?:{_NAMES})?(?:at\s+)?"
                           r"|\b(?:ranking|rank|position|place|standing)\s+(?:was|is|at|to|stood\s+at|stands\s+at|"
                           r"remained(?:\s+at)?)\s+|\b(?:rank|rankings?)\s+of\s+)$")
"""Right before a bare whole number in a sentence naming a ranking, the words that place it ("ranks 39 among 133
economies", "ranked China 11", "places China at 11", "came in at 11", "stood at 11", "its ranking was 11",
"improved its ranking to 11", "global rankings of 77 and 79")."""
BEING_AT = re.compile(r"(?i)(?:\b(?:is|was|remains|remained|stays|stayed|(?:held|holds|holding)\s+(?:steady|firm))"
                      r"(?:\s+now\s+|\s+(?:now\s+)?at\s+)|\s+at\s+)$")
"""Right before a bare whole number, words of being at a place, said of the economy right before them ("Japan is at
13", "Indonesia is now 54", "Canada held steady at 14", "followed by Singapore at 4"); not "is" alone ("China is 75":
an age as well as a place)."""
PLACE_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|while|with|behind|ahead|after|this|last|in\s+(?:19|20)\d{2})\b)")
"""After such a place, the end of its phrase ("Singapore at 4 and the UK at 5", "is at 3 this year"); not "at 4 pm"."""
RANK_COLON_BEFORE = re.compile(r"(?i)\b(?:ranking|rank|position|place|standing)\s*:\s*$")
"""Right before a bare whole number, a place's noun and a colon ("Germany's rank: 8"): a place, when the sentence
names no other scale ("its rank in the FIFA world ranking: 9")."""
NEXT_IN_A_LIST = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+){_NAMES}(?:at\s+)?$")
"""After a place read so, the next economy's in the same list ("China at 11, the United States at 3 and Germany at
9", "ranked China 11 and India 39")."""
MOVED_BARE = re.compile(rf"(?i)\b(?:{RANK_MOVE_VERBS}|advances|improves)\s+(?:up\s+|down\s+|back\s+)?"
                        r"(?:(?:\w+\s+){1,2}(?:places?|spots?|positions?|notch(?:es)?|rungs?)\s+)?(?:to|from)\s+$")
"""A move said with bare numbers ("China moved up to 11 from 12", "has climbed from 81 in 2015 to 39"): a place when
an economy (or "it", "the country") moves in a sentence naming a ranking, and nothing counted is what moves."""
MOVER_BEFORE = re.compile(r"(?i)\b(?:it|the\s+country|the\s+nation|the\s+economy)\s+(?:has\s+|had\s+|have\s+)?\S+\s+"
                          r"(?:\S+\s+)?$")
"""Before a verb of moving, the economy said as "it" or "the country" ("The country has climbed from 81 ...")."""
COUNTED = re.compile(r"(?i)\b(?:clusters?|hubs?|applications?|patents?|indicators?|companies|firms|universities|number|"
                     r"share|scores?|scored|scoreboard|points|pillars?|sub-?index|count|exports?|imports?|sales|output|"
                     r"spending|GDP|growth|PMI|CPI|prices?|rates?|unemployment|inflation|gauge|tally|hotspots|entries|"
                     r"exporters|importers|population|people|inhabitants|residents|(?<!global innovation )index)\b")
"""Words of a count, a score or another measure (an index other than the Global Innovation Index: "the China
Innovation Index stood at 155", "the Caixin index stood at 50"): in the sentence before a bare number, in its clause
after it (in the whole sentence after a number in brackets: "China (24) and the United States (22) host the most
clusters"), it is not a place."""
FIELD_AFTER = re.compile(r"\s+(?:in|on|for)\s+(?:(?!the\b|its\b|a\b|an\b|terms\b|overall\b|total\b)[a-z][\w&-]*|GDP\b|"
                         r"the\s+(?:GII|Global\s+Innovation\s+Index|index)['’]s\s+[a-z]|"
                         r"the\s+(?!GII\b|Global\b|WIPO['’]?s?\b|world\b|latest\b|overall\b|(?:19|20)\d{2}\b)[A-Z])")
"""After a bare number, a field it is placed in ("ranks 1 in domestic market scale", "3 in the GII's market
sophistication pillar", "16 in the IMD ranking", "1 in the Nature Index"): a place in something else than the index's
overall ranking."""
COUNTED_AFTER = re.compile(r"(?i)(?:-plus)?\s+(?:[a-z&.'’-]+\s+){0,2}?(?:clusters?|universities|companies|firms|"
                           r"applications?|patents?|indicators?|economies|countries|nations|points?|pts)\b"
                           r"|\s+(?:years?|months?|weeks?|days?|times|places?|spots?|notch(?:es)?)\b")
"""Right after a bare number, what it counts ("11 Chinese universities", "14 years after", "up 3 places"): it is not a
place."""
RANK_NOUN_FROM = re.compile(r"(?i)\b(?:ranking|rank|position|standing)(?:\s+(?!from\b|to\b|"
                            r"(?:in|as|for|on|among|within)\s+(?!the\s+(?:GII|Global\s+Innovation|index|rankings?)\b))"
                            r"[\w'’-]+){0,6}\s+from\s+$")
"""Before a bare whole number, a place's noun and its move's start ("improved its ranking from 22 in 2017 to 17", "its
rank in the GII fell from 56 to 59"): the number is the place it moved from (the one after "to", its place now); not
a place in a field or a group ("its position in trade moved from 32", "its standing as a creditor fell from 1")."""
PLACER_BEFORE = re.compile(r"(?i)\b(?:it|we|its|our|the\s+country|the\s+nation|the\s+economy|the\s+country['’]s)\s+"
                           r"(?:has\s+|had\s+|have\s+)?$")
"""Before the placing words in a sentence going on with the index named before it, who is placed: "it", "we", "its"
("In 2014, it stood at 29", "its ranking moved from 22"), else an economy's name (`_placer_named`)."""
MOVING_ON = re.compile(r"(?i)^\s*,\s*(?:dropping|falling|slipping|sliding|sinking|declining|rising|climbing|jumping|"
                       r"moving|advancing|improving|leaping)\s+(?:up\s+|down\s+|back\s+)?to\s+$")
"""Between a place and a bare number, the words of its move on ("we stood at 68, dropping to 81 by 2013")."""
DATED_NEXT = re.compile(r"(?i)^\s+(?:by|in)\s+(?:19|20)\d{2}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
"""Between a place and a bare number, the place's year and a list's joint: the next place of a dated list ("dropping
to 81 by 2013, 96 by 2018 and 102 by 2023")."""
LIST_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
"""Between a place and a bare number, a list's joint: the list's next place ("global rankings of 77 and 79
respectively")."""
BASE_OF_A_PLACE = re.compile(r"(?i)(?:\b(?:up|down)\s+from|\bfrom|compared\s+(?:with|to)|against|versus|vs\.?)\s+$")
"""Between a place and a bare number, the words of its move's other end ("39 in 2024, up from 40 in 2023", "96 ...,
compared with 103 a year earlier"); "to" only after a place said "from" ("from 81 in 2015 to 39")."""


def _bare_places(sentence: str, figures: list[Figure], ranking_before: bool = False) -> None:
    """A bare whole number the words around it place in a ranking the sentence names: after a placing verb or noun
    ("ranks 39", "places China at 11", "its ranking was 11"), an economy's move ("China moved up to 11 from 12"),
    the other end of a place's move ("up from 40 in 2023"), the next economy of a list of places ("China at 11, the
    United States at 3"), an economy's place in brackets ("Sweden (2)"), "the 40 position". They had been read as
    counts (and matched to the count of the index's clusters). Never with words of a count, a score or another measure
    before it in the sentence or after it in its clause ("China placed 26 of the top 100 clusters", "11 Chinese
    universities"), nor before a field ("ranks 1 in domestic market scale", "16 in the IMD ranking"). Which ranking
    such a place is in stays a guess (frames: never an accusation): the same words place numbers of other rankings.
    `ranking_before`: the sentence before it named the Global Innovation Index ("... now ranks 108 in the Global
    Innovation Index. In 2008, we stood at 68"), which this one goes on with when it names no other scale
    (`ANOTHER_SCALE`); there only an economy, "it" or "we" is placed, never a number in brackets ("Top scorers:
    Switzerland (67), Sweden (64)": scores, deals, shares)."""
    named = bool(RANKING_NAMED.search(sentence))
    if not named and (not ranking_before or ANOTHER_SCALE.search(sentence) or CARRIED_ASIDE.search(sentence)):
        return
    previous = None
    for figure in figures:
        text = sentence[figure.start: figure.end].strip("()")
        bracketed = sentence[figure.start] == "(" and sentence[figure.end - 1] == ")"
        after = sentence[figure.end:] if bracketed else re.split(r"[,;:.]\s|[,;:.]$", sentence[figure.end:])[0]
        if figure.unit is None and figure.scale == 1 and not figure.decimals and text.isdigit() \
                and 1 <= figure.value <= 200 and _placed(sentence, figure, previous, bracketed, named) \
                and not COUNTED.search(sentence, 0, figure.start) and not COUNTED.search(after) \
                and not COUNTED_AFTER.match(sentence, figure.end) and not FIELD_AFTER.match(sentence, figure.end):
            figure.unit, figure.placed = "rank", True
        previous = figure
    if not named:
        _bracketed_places_in_order(sentence, figures)


PLACE_CUES = r"top\s+(?:\d{1,3}|three|five|ten|twenty)|leaders?|most\s+innovative|ranks?|ranked|places?|positions?"
"""Words saying numbers are places, shared by a sentence's list (`RANKED_LIST_CUE`) and a list's lead-in
(`RANKED_LEAD`)."""
RANKED_LIST_CUE = re.compile(rf"(?i)\b(?:{PLACE_CUES}|ranking|followed\s+by)\b")
"""Words of a list of places ("The top five are Switzerland (1), Sweden (2) ..."): bracketed numbers rising in a
sentence without them may be anything in order ("Delegations: Singapore (4), Japan (13)")."""
NOT_A_RANKED_LIST = re.compile(r"(?i)\b(?:partners?|trade|delegat\w*|authors?|delegates|members?|votes?|seats?)\b")
"""Words of an ordering that is no ranking of economies ("Its leading trade partners were ASEAN (1), the EU (2)")."""


def _bracketed_places_in_order(sentence: str, figures: list[Figure]) -> None:
    """"The top five: Switzerland (1), Sweden (2), the United States (3) ..." after the index's sentence: bare whole
    numbers in brackets after economies' names, at least two, rising in the order written, are the economies' places
    (scores, shares and deals listed so fall: "Switzerland (67), Sweden (64)"). Which ranking stays a guess (frames:
    never an accusation)."""
    listed = []
    for figure in figures:
        text = sentence[figure.start: figure.end]
        name = sentence[max(0, figure.start - 50): figure.start].rstrip()
        if figure.unit is None and figure.scale == 1 and not figure.decimals and re.fullmatch(r"\(\d{1,3}\)", text) \
                and 1 <= figure.value <= 200 and any(p.end == len(name) for p in mentions("place", name)) \
                and not COUNTED.search(sentence):
            listed.append(figure)
    if len(listed) >= 2 and all(a.value < b.value for a, b in zip(listed, listed[1:])) \
            and RANKED_LIST_CUE.search(sentence) and not NOT_A_RANKED_LIST.search(sentence):
        for figure in listed:
            figure.unit, figure.placed = "rank", True


LISTED_ITEM = re.compile(r"(?m)^[ \t]*[-*•][ \t]+(?P<name>[^\n():–—\d]{2,40}?)(?:[ \t]*\((?P<bracketed>\d{1,3})\)|"
                         r"(?:[ \t]*[:–—]|[ \t]+-)?[ \t]+(?P<after>\d{1,3})|[ \t]*:(?P<glued>\d{1,3}))"
                         r"[ \t]*[.;,]?[ \t]*$")
"""A bulleted line of an economy and a bare whole number, nothing else ("- Switzerland (1)", "• China: 11", "- Japan
13", "- India – 39")."""
LISTS_OTHERWISE = re.compile(rf"(?i)\b(?:{OTHER_RANKINGS}|scores?|scored|scorers?|points|results?|out\s+of|clusters?|hubs?|"
                             r"partners?|markets?|destinations?|exports?|imports?|imported|trade|delegat\w*|members?|votes?|"
                             r"seats?|sub-?ind(?:ex|ices)|pillars?|indicators?|count|number|applications?|filings?|"
                             r"population|gained|lost|moved|change|income|regions?|regional|groups?|continent|GW|MW|"
                             r"growth|percent|per\s+cent|thousands?|millions?|billions?|years?|ages?|deals?|unicorns?|"
                             r"companies|firms|universities|share|within|among)\b|%")
"""Words of a list's lead-in giving its numbers another meaning ("Top scorers:", "Largest markets:", "Pillar ranks:",
"Places gained:", "Among upper-middle-income economies:", "the regional order:", "GDP growth, percent:")."""
RANKED_LEAD = re.compile(rf"(?i)\b(?:{PLACE_CUES}|rankings?|leading)\b")
"""Words of a list's lead-in saying its numbers are places ("The top five were:", "Ranks in the index:")."""


def places_listed(text: str) -> frozenset[int]:
    """The offsets of numbers that are economies' places in the Global Innovation Index in lists one item a line:
    bulleted lines of an economy's name and a bare number ("- Switzerland (1)", "- China: 11"), at least two in a
    run (blank lines between allowed), the numbers rising as written, after a lead-in line that says they are places
    (`RANKED_LEAD`) and names no other scale or group (`LISTS_OTHERWISE`), with the index named in the 600 characters
    before the list. Their items name no ranking, so the sentence readers cannot place them (they had been counts).
    Which edition stays the text's (assumed: never an accusation)."""
    found: set[int] = set()
    run: list[re.Match] = []

    def close() -> None:
        numbers = [int(m.group("bracketed") or m.group("after") or m.group("glued")) for m in run]
        lead = text[: run[0].start()].rstrip().rsplit("\n", 1)[-1] if run else ""
        if len(run) >= 2 and all(1 <= a < b <= 200 for a, b in zip(numbers, numbers[1:])) \
                and GII_NAMED.search(text, max(0, run[0].start() - 600), run[0].start()) \
                and RANKED_LEAD.search(lead) and not LISTS_OTHERWISE.search(lead) \
                and all(_economy_named(m.group("name")) for m in run):
            found.update(m.start(next(g for g in ("bracketed", "after", "glued") if m.group(g))) for m in run)
        run.clear()

    end = 0
    for item in LISTED_ITEM.finditer(text):
        if run and text[end: item.start()].strip():
            close()  # another line between: the run ends
        run.append(item)
        end = item.end()
    close()
    return frozenset(found)


def _economy_named(words: str) -> bool:
    """Whether `words` are an economy's name and nothing else ("the United States", "Korea")."""
    words = words.strip()
    places = mentions("place", words)
    return len(places) == 1 and places[0].end == len(words) and not words[: places[0].start].strip(" the") \
        and "-" not in places[0].value and places[0].value not in ("WLD", "EU") \
        and not places[0].value.startswith("region:")


def _placed(sentence: str, figure: Figure, previous: Figure | None, bracketed: bool, named: bool) -> bool:
    """Whether the words around a bare number make it a place (`_bare_places`); `previous` is the figure before it,
    `bracketed` whether the number stands alone in brackets ("Sweden (2)"), `named` whether the sentence names a
    ranking (else it goes on with the index the sentence before named: only an economy, "it" or "we" is placed there,
    never by brackets)."""
    before = sentence[max(0, figure.start - 50): figure.start]
    placing = PLACED_BEFORE.search(before) or RANK_NOUN_FROM.search(before)
    if placing and (named or _placer_named(before[: placing.start()])):
        return True
    being = BEING_AT.search(before)
    if being and (not named or GII_NAMED.search(sentence) and not ANOTHER_RANKING.search(sentence)) \
            and _placer_named(before[: being.start()]) \
            and PLACE_ENDS.match(sentence, figure.end):  # (in a sentence naming a ranking, only the index's own:
        # "In the FIFA world ranking, the US is 3" is no place in it)
        return True
    colon = RANK_COLON_BEFORE.search(before)
    if colon and not ANOTHER_SCALE.search(sentence) and (named or _placer_named(before[: colon.start()])):
        return True
    moved = MOVED_BARE.search(before)
    if moved:
        mover = sentence[max(0, moved.start() - 40): moved.start()]
        if named and (MOVER_BEFORE.search(mover) or any(p.end >= len(mover) - 12 for p in mentions("place", mover))) \
                or not named and _placer_named(mover.rstrip() + " "):
            return True
    if previous is not None and previous.unit == "rank":
        listed = NEXT_IN_A_LIST.search(sentence, previous.end, figure.start)
        if listed and listed.start() == previous.end:
            names = mentions("place", listed.group(0))
            if names and names[-1].end >= len(listed.group(0).rstrip()) - len(" at"):
                return True
        gap = sentence[previous.end: figure.start]
        move_to = re.search(r"(?i)\bto\s+$", gap) \
            and re.search(r"(?i)\bfrom\s+$", sentence[max(0, previous.start - 8): previous.start])
        if len(gap) < 60 and (BASE_OF_A_PLACE.search(gap) or move_to) and not re.search(r"\d", YEAR.sub("", gap)):
            return True
        if MOVING_ON.match(gap) or DATED_NEXT.match(gap) or LIST_JOINT.fullmatch(gap):
            return True
    if bracketed and named:
        name = sentence[max(0, figure.start - 50): figure.start].rstrip()
        return any(p.end == len(name) for p in mentions("place", name))
    if named and before.endswith(" ") and ITEM_ENDS.match(sentence, figure.end) and _placer_named(before[:-1]) \
            and not PLACER_BEFORE.search(before[:-1] + " ") and not ANOTHER_SCALE.search(sentence):
        return True  # "Rankings: Switzerland 1, Sweden 2, United States 3": an economy's name, then its place
    return bool(re.search(r"(?i)\bthe\s+$", before)
                and re.match(r"(?i)\s+(?:place|position|spot)\b", sentence[figure.end:]))


ITEM_ENDS = re.compile(r"\s*(?:[,;]|\.(?!\d)|\band\b|$)")
"""After a bare number, the end of a list's item ("Switzerland 1, Sweden 2 and the US 3.")."""


def _placer_named(before: str) -> bool:
    """Whether the words before a placing word end with who is placed: "it", "we", "its", "the country", or an
    economy's name that is no city ("Beijing stood at 3" is a cluster's place), with "has" or "had" between."""
    if PLACER_BEFORE.search(before):
        return True
    bare = re.sub(r"(?i)(?:['’]s)?\s+(?:has\s+|had\s+|have\s+)?$", "", before)
    names = mentions("place", bare)
    return bool(names) and names[-1].end == len(bare) and names[-1].words.lower() not in city_names()


_NUMBER_WORD = rf"(?:{_CARD})"
_SCALE_WORD = "(?:" + "|".join(numbers.SCALES) + ")"
SPOKEN = re.compile(rf"(?i)\b(?:\d{{1,3}}|{_NUMBER_WORD})(?:-{_SCALE_WORD}-(?:\d{{1,3}}|{_NUMBER_WORD}))+(?:-{_SCALE_WORD})?\b"
                    rf"|\b{_NUMBER_WORD}-point(?:-{_NUMBER_WORD})+\b")
"""A number written as it is spoken, its parts joined by hyphens (broadcast transcripts: "278-thousand-100",
"4-million-910-thousand", "zero-point-three percent", "six-point-two percent")."""
SPOKEN_JOIN = re.compile(rf"(?i)-(?=(?:{_SCALE_WORD}|point)\b)|(?<=thousand)-|(?<=million)-|(?<=billion)-|(?<=trillion)-"
                         r"|(?<=point)-")


def _spoken(sentence: str) -> str:
    """The sentence with the hyphens of spoken numbers as spaces, the same length (the reader's offsets hold)."""
    return SPOKEN.sub(lambda m: SPOKEN_JOIN.sub(" ", m.group(0)), sentence) if "-" in sentence else sentence


def _join_spoken(sentence: str, figures: list[Figure]) -> list[Figure]:
    """Each spoken number as one figure: "278-thousand-100", read as "278 thousand" and "100", is 278,100;
    "4-million-910-thousand" is 4,910,000 (its unit the last part's); a spoken decimal ("six-point-two") has as many
    decimals as words after "point". A spoken number whose parts do not make one number (scales not descending, a
    part too large) is read whole or not at all: none of its parts is kept."""
    joined, part_scale = [], {}
    for f in figures:
        spoken = re.search(r"(?i)-point-((?:\w+-?)+)", sentence[f.start: f.end])
        if spoken:
            f = dataclasses.replace(f, decimals=len(spoken.group(1).strip("-").split("-")))
        last = joined[-1] if joined else None
        scale = part_scale.get(id(last), last.scale) if last is not None else None
        if last is not None and scale in numbers.SCALES.values() and f.start == last.end + 1 \
                and sentence[last.end] == "-" and float(f.value).is_integer() and 0 <= f.value * f.scale < scale:
            whole = dataclasses.replace(last, end=f.end, value=last.value * last.scale + f.value * f.scale, scale=1.0,
                                        unit=f.unit if f.unit != "count" else last.unit, decimals=0)
            joined[-1] = whole
            part_scale[id(whole)] = f.scale
            continue
        joined.append(f)
    chains = [m.span() for m in SPOKEN.finditer(sentence)]
    return [f for f in joined if not any(a < f.end and f.start < b and not (f.start <= a and b <= f.end)
                                         for a, b in chains)]


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _table_header() -> tuple[re.Pattern, dict]:
    """A table's header: the rank column, the name column ("Country", "Country/Economy"), then the value column's
    words and the scale it may give in brackets ("Rank Country GII Score", "Rank Country/Economy Score(1-100)")."""
    table = vocabulary().get("table_header") or {}
    alt = lambda words: alternatives(words) or r"(?!x)x"  # noqa: E731
    columns = {w.lower(): unit for unit, words in (table.get("columns") or {}).items() for w in words}
    name = alt(table.get("name") or [])
    return (re.compile(rf"(?i)\b(?:{alt(table.get('rank') or [])})\s+(?:{name})(?:\s*/\s*(?:{name}))?\s+"
                       rf"(?P<column>(?:[\w&-]+\s+){{0,2}}?(?:{alt(columns)}))(?:\s*\(\s*\d+\s*[-–]\s*\d+\s*\))?"),
            columns)


def _column_unit(header: re.Match, columns: dict) -> str | None:
    """The unit of a header's value column ("GII Score": score), from its last words."""
    words = header.group("column").lower()
    return next((u for w, u in columns.items() if words.endswith(w)), columns.get(words.split()[-1]))


def _table_rows(sentence: str, figures: list[Figure]) -> None:
    """"Rank Country GII Score 1 Switzerland 66 2 Sweden 62.6 ... 10 China 56.6": a table flattened into one line
    (or its rows on lines joined by single line breaks). After a header naming a rank column, a name column and a value
    column (vocabulary `table_header`), each row is its item number (a rank, numbered 1, 2, 3 ... in sequence, or
    skipping ranks when each row starts its own line and names an economy), a name and one bare value, in the value
    column's unit (a score); the rows end where the sequence or that shape does."""
    header, columns = _table_header()
    for m in header.finditer(sentence):
        if not re.match(r"\s+1\s+[A-Z]", sentence[m.end():]):
            continue  # (a header alone on its line: its rows follow as lines of their own, `table_line`)
        unit = _column_unit(m, columns)
        rows = [f for f in figures if f.start >= m.end()]
        expected, end = 1, m.end()
        for item, value in zip(rows[::2], rows[1::2]):
            # rows each on a line of their own may skip ranks ("1 Switzerland 67.24\n9 Germany 58.19"); run
            # together, they are told apart by their sequence only
            skipped = item.value > expected and LINE_BREAK_GAP.fullmatch(sentence, end, item.start)
            if item.value != expected and not skipped or not ROW_GAP.fullmatch(sentence, end, item.start) \
                    or item.decimals or item.scale != 1 or value.scale != 1 \
                    or item.unit not in (None, "rank") or value.unit is not None \
                    or not re.fullmatch(r"\s+[A-Z][\w.'’ -]{1,60}?\s+", sentence[item.end: value.start]) \
                    or skipped and not _economy_named(sentence[item.end: value.start].strip()):
                break
            item.unit, value.unit = "rank", unit
            item.tabled = value.tabled = True
            expected, end = int(item.value) + 1, value.end


LINE_BREAK_GAP = re.compile(r"[ \t]*\n\s*")
"""Between two rows each on a line of its own: the line break, nothing else."""
ROW_GAP = re.compile(r"(?i)(?:\s+(?:points|pts|score))?\s+")
"""Between a table's rows run together: space, after the value's unit word at most ("67.5 points\n2 Sweden")."""
TABLE_LINE = re.compile(r"\s*(?P<rank>\d{1,3})[.)]?\s+"
                        r"(?P<name>[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|\(the\)|of|the|and)){0,6})"
                        r"\s*[-–—:|]?\s*\(?(?P<value>\d{1,3}(?:\.\d+)?)\)?\s*")
"""A table's row on a line of its own: its rank, a name in capitals ("United States of America", "Netherlands (the)"),
one value ("9 Germany 58.19", "1. Switzerland – 67.5"); nothing else ("9 Germany exported 58.19" is prose)."""


def _economy_named(name: str) -> bool:
    """Whether a table row's name starts with an economy's ("Germany", "United States of America"; not "Estimates",
    "Hours", "Downing Street")."""
    return any(p.start == 0 for p in mentions("place", name))


def table_header_unit(line: str) -> str | None:
    """The unit of a table's value column when the line is the table's header and nothing else ("Rank
    Country/Economy Score(1-100)": score): its rows come on the lines after it (`table_line`)."""
    header, columns = _table_header()
    m = header.search(line)
    return _column_unit(m, columns) if m and not line[:m.start()].strip() and not line[m.end():].strip() else None


def table_line(line: str, figures: list[Figure], unit: str, after: int) -> int | None:
    """"9 Germany 58.19" on a line of its own, below a header whose value column is in `unit` and a row ranked
    `after` (0 for the first): the line's two figures become the row's rank and value, and its rank is returned;
    None when the line is not such a row (a rank not after the last, more or fewer figures, words around them)."""
    m = TABLE_LINE.fullmatch(line)
    plain = [f for f in figures if not f.form]
    if m is None or not _economy_named(m.group("name")) or len(plain) != 2 or int(m.group("rank")) <= after \
            or [(f.start, f.end) for f in plain] not in ([m.span("rank"), m.span("value")],
                                                         [(m.start("rank"), m.end("rank") + 1), m.span("value")]) \
            or any(f.scale != 1 for f in plain) or plain[0].unit not in ("count", "rank") or plain[1].unit != "count" \
            or plain[0].decimals:
        return None
    plain[0].unit, plain[1].unit = "rank", unit
    plain[0].tabled = plain[1].tabled = True
    return int(m.group("rank"))


AND_BEFORE = re.compile(r"\band\s+$")
FIRST_IN_RIGHT_AFTER = re.compile(r"(?i)\s+(?:in\s+the\s+world\s+|globally\s+|worldwide\s+)?(?:in|on)\s+$")


def _first_of_a_count(sentence: str, figures: list[Figure]) -> list[Figure]:
    """"the US ranked first in 13 indicators", "first in 2 of 7 pillars": "first" is the words of the count after it
    (indicators ranked first, `comparator_for`; pillars, no series'), not the economy's place in the index (it had been
    judged against the US's rank, 3rd)."""
    dropped = {id(f) for f, after in zip(figures, figures[1:])
               if f.ordinal and f.value == 1 and sentence[f.start: f.end].lower() == "first"
               and FIRST_IN_RIGHT_AFTER.fullmatch(sentence, f.end, after.start)
               and (INDICATORS_AFTER.match(sentence, after.end) or OTHER_ITEMS_AFTER.match(sentence, after.end)
                    or re.search(r"(?i)\bindicators\b", sentence[after.start: after.end]))}
    return [f for f in figures if id(f) not in dropped] if dropped else figures


def read_figures(sentence: str, ranking_before: bool = False, listed: frozenset[int] = frozenset()) -> list[Figure]:
    """THE SEAM: the figures of one sentence, in order, read by `indicators.numbers` (years, dates,
    identifiers and what cannot be read whole left out by the reader; names and idle number words here; numbers
    spoken with hyphens, "278-thousand-100", read whole). `ranking_before`: the sentence before it named the Global
    Innovation Index (its bare places, `_bare_places`); `listed`: offsets in the sentence of places in a list one
    item a line (`places_listed`)."""
    count_words = tuple(w for w, _ in _unit_words())
    spoken = _spoken(sentence)
    read = [g for f in numbers.read_figures(spoken, count_words=count_words) for g in _spot_figures(spoken, f)
            if not _note_mark(sentence, g)]
    read = _outside_others(read)
    figures, counts = [g for g in read if not g.form], [g for g in read if g.form]
    if spoken != sentence:
        figures = _join_spoken(sentence, figures)
    taken = Taken(sentence, ((f.start, f.end) for f in figures))
    moves = _free(taken, _lone_one_moves(sentence) + _marks(sentence) + _multiples(sentence)
                  + _placed_first_second(sentence) + _respective_lists(sentence))  # each once, where no figure stands
    figures = sorted(figures + moves, key=lambda f: f.start) if moves else figures
    _share_units(sentence, figures)
    figures = _ranks_out_of(sentence, _per_population(sentence, figures))
    _signed_moves(sentence, figures)
    _anothers_own(sentence, figures)
    _list_ranks(sentence, figures)
    _bare_places(sentence, figures, ranking_before)
    for figure in figures:
        if figure.unit is None and any(figure.start <= offset < figure.end for offset in listed):
            figure.unit, figure.placed = "rank", True
    _table_rows(sentence, figures)
    figures = _first_of_a_count(sentence, figures)
    for figure in figures:
        figure.unit = figure.unit or "count"
    # word forms last, where no figure read above stands (a bare count word only where no other form does)
    forms = [_word_figure(w) for w in wordforms.word_figures(sentence)]
    within = [f for f in figures if any(w.form == "duration" and w.start < f.start and f.end <= w.end
                                        and AND_BEFORE.search(sentence, w.start, f.start) for w in forms)]
    if within:  # "in three years and five months": the "five" is the duration's (41 months), not a count of its own
        figures = [f for f in figures if f not in within]
        taken = Taken(sentence, ((f.start, f.end) for f in figures))
    figures += _free(taken, forms) + _free(taken, counts)
    return sorted(figures, key=lambda f: f.start)


OWN_BY_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:exported|imported|sold|produced|manufactured|made|shipped|recorded|"
                          r"posted|reported|registered|filed)\s+by\s+(?:the\s+)?(?=[A-Z])")
"""After a figure, whose own amount it is ("the 4.91 million cars exported by China"): an economy named next."""
BOUND_THE = re.compile(r"(?i)\bthe\s+$")


def _anothers_own(sentence: str, figures: list[Figure]) -> None:
    """"The volume fell short of the 4.91 million cars exported by China": a bound said of the sentence's subject
    before "the" and an economy's own amount is not a bound on that amount, which is exact (it had been read as "less
    than 4.91 million" of China's exports, and judged on a smaller series). Only an economy's: "the 2.6 million
    vehicles sold by Toyota abroad" is a company's, and stays a bound (the frame reads whose amount it is)."""
    for figure in figures:
        if figure.comparator in (">", ">=", "<", "<=") and figure.lead is not None \
                and BOUND_THE.search(sentence, figure.lead, _digits_start(sentence, figure)) \
                and (by := OWN_BY_AFTER.match(sentence, figure.end)) \
                and any(p.start == 0 for p in mentions("place", sentence[by.end(): by.end() + 40])):
            figure.comparator, figure.lead = "~=", None


def _digits_start(sentence: str, figure: Figure) -> int:
    """Where the figure's number itself starts (after its comparator's words)."""
    found = re.search(r"[\d$€£¥]", sentence[figure.start: figure.end])
    return figure.start + found.start() if found else figure.start


def _outside_others(read: list[Figure]) -> list[Figure]:
    """"27.9 points out of 100": a number inside another figure's unit words is part of them, not a figure (a range's
    two ends overlap and both stay). One pass in order of start: linear in the figures."""
    inside, start, reach = set(), -1, -1  # the widest span seen so far: where it starts and ends
    for g in sorted(read, key=lambda f: f.start):
        if start < g.start < reach:
            inside.add(id(g))
        elif g.kind not in ("range-low", "range-high") and g.end > reach:
            start, reach = g.start, g.end
    return [g for g in read if id(g) not in inside]


def _free(taken: Taken, extra: list[Figure]) -> list[Figure]:
    """The figures of `extra`, in order, that stand where nothing was read yet (each then taken)."""
    kept = []
    for g in extra:
        if taken.free(g.start, g.end):
            kept.append(g)
            taken.take(g.start, g.end)
    return kept


PER_BASES = {"10,000": "10000", "10000": "10000", "ten thousand": "10000", "million": "million",
             "1 million": "million", "one million": "million", "1,000,000": "million"}


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _per_population_pattern() -> tuple[re.Pattern, re.Pattern, dict]:
    """"per <base> <people>" ("per 10,000 people", "per million inhabitants", "for every 10,000 people"), and the words
    naming what is counted."""
    data = vocabulary().get("per_population") or {}
    counted, people = data.get("counted") or {}, data.get("people") or []
    alt = lambda words: alternatives(words) or r"(?!x)x"  # noqa: E731
    return (re.compile(rf"(?i)\b(?:per|for\s+every|for\s+each)\s+(?P<base>{alt(PER_BASES)})\s+(?:{alt(people)})\b"),
            re.compile(rf"(?i)\b(?:{alt(counted)})\b"), counted)


def _per_population(sentence: str, figures: list[Figure]) -> list[Figure]:
    """"11.8 high-value invention patents per 10,000 people", "stood at 11.8 per 10,000 people", "the number of
    researchers per million people reached 1,585": a figure per head of population, its unit the catalogue's ratio
    unit ("patents per 10000 people") when the sentence names what is counted before the phrase; the base's own
    number ("10,000") is no figure. The figure is the bare number right before the phrase (at most four words
    between) or right after it (at most three words between)."""
    pattern, counted_words, counted = _per_population_pattern()
    for m in pattern.finditer(sentence):
        figures = [f for f in figures if not (m.start("base") <= f.start < m.end("base"))]
        named = list(counted_words.finditer(sentence, 0, m.start()))
        if not named:
            continue
        unit = f"{counted[named[-1].group(0).lower()]} per {PER_BASES[m.group('base').lower()]} people"
        before = [f for f in figures if f.end <= m.start() and re.fullmatch(r"\s+(?:[\w-]+\s+){0,4}",
                                                                            sentence[f.end: m.start()])]
        after = [f for f in figures if f.start >= m.end() and PER_GAP_AFTER.fullmatch(sentence, m.end(), f.start)]
        for figure in (before[-1:] or after[:1]):
            if figure.unit in (None, "count") and not figure.ordinal:
                figure.unit = unit
                end = max(figure.end, m.end())  # after the figure and its "per 10,000 people"
                base = next((g for g in figures if g.start >= end), None)
                if base is not None and base.unit in (None, "count") and not base.ordinal \
                        and PER_BASE_GAP.fullmatch(sentence, end, base.start):
                    base.unit = unit  # "reached 9.4 in 2022, compared to 6.3 in 2020": the same ratio, earlier
    return figures


PER_GAP_AFTER = re.compile(r"(?:\s*,[^,\d]{1,80},)?\s+(?:[\w-]+\s+){0,3}")
"""Between "per 10,000 people" and its figure: up to three words, after an aside between commas ("The number of
high-value patents per 10,000 people, a major indicator of development, has reached 9.4")."""
PER_BASE_GAP = re.compile(r"(?i)(?:\s+in\s+\d{4})?\s*,?\s*(?:compared\s+(?:to|with)|up\s+from|down\s+from|from|against|"
                          r"versus)\s+(?:[\w-]+\s+){0,2}")
"""Between a figure per head and a bare one it is set against ("9.4 in 2022, compared to 6.3"): that one is the same
ratio."""


def _word_figure(w: wordforms.WordFigure) -> Figure:
    """A word form as the spotter's figure (unscaled, its unit and form: frames.py reads it as about no series)."""
    return Figure(w.start, w.end, w.value, 1.0, w.unit, 0, w.unit == "rank", True, "number", w.comparator, w.lead,
                  form=w.form)


NOTE_MARK = re.compile(r"\S\[\d{1,3}\]")
"""A bracketed number set against the word, figure or stop before it ("272,600[2]", "GDP[2]", "2022.[4]"): a
footnote mark, not a figure (a bracket after a space, "[2]" alone, may be a figure and is read)."""


def _note_mark(sentence: str, figure: Figure) -> bool:
    return figure.start >= 2 and bool(NOTE_MARK.fullmatch(sentence, figure.start - 2, figure.end + 1))


def find_figures(sentence: str) -> list[Figure]:
    """The figures of one sentence (the old name of `read_figures`)."""
    return read_figures(sentence)


INDICATORS_AFTER = re.compile(r"(?i)\s*(?:of\s+(?:the\s+)?\d+\s+)?(?:[\w-]+\s+){0,4}?indicators\b")
"""After a count, the index's indicators it counts ("nine of the 78 GII 2024 innovation indicators", "14 indicators")."""
OTHER_ITEMS_AFTER = re.compile(r"(?i)\s*(?:of\s+(?:the\s+|its\s+)?\d+\s+)?(?:[\w-]+\s+){0,3}?(?:pillars?|sub-pillars?|"
                               r"categories|category|areas|fields|sectors|sub-indices|subindices|metrics|dimensions|"
                               r"domains|rankings)\b")
"""After a count, items that are not the index's indicators ("first in 13 categories", "first in 2 of 7 pillars"):
the store counts indicators ranked first only."""
FIRST_IN_BEFORE = re.compile(r"(?i)\b(?:(?:ranks?|ranked|ranking|comes?|came|coming|places?|placed|placing)\s+first|"
                             r"(?:scores?|scored|scoring|performs?|performed)\s+(?:the\s+)?best|"
                             r"(?:tops?|topped|topping|leads?|led|leading)(?:\s+the\s+(?:world|rankings?))?)"
                             r"(?:\s+(?:in\s+the\s+world|globally|worldwide))?\s+(?:in|on)\s+$")
"""Before a count, words saying an economy is first in that many items ("ranks first in eight indicators", "scores
best in the world in nine of the 78 GII 2024 innovation indicators", "tops 14 indicators" is not: "tops" is then a
verb of the count): a count of the indicators ranked first."""


FIRST_N_BEFORE = re.compile(r"(?i)\bfirst[\s-]+$")
FIRST_N_AFTER = re.compile(r"(?i)\s+(?:on\s+the\s+list|in\s+the\s+(?:ranking|rankings|index|list|table)|positions|places|"
                           r"spots|ranks)\b")


SUPERLATIVE_GROUP_BEFORE = re.compile(r"(?i)\b(?:the|world['’]s|globe['’]s)\s+$")
SUPERLATIVE_GROUP_AFTER = re.compile(r"(?i)\s+(?:most\s+[a-z-]+|[a-z]{2,}est)\s+(?:economies|countries|nations)\b")


def _first_n_of_a_ranking(before: str, after: str) -> re.Match | None:
    """"as the first three on the list", "the first five positions": a threshold as "top three" is ("the first three
    months" is not); so is "the world's 10 most innovative economies" (the economy among them is in the top 10)."""
    if SUPERLATIVE_GROUP_AFTER.match(after):
        return SUPERLATIVE_GROUP_BEFORE.search(before)
    return FIRST_N_BEFORE.search(before) if FIRST_N_AFTER.match(after) else None


def comparator_for(before: str, figure: Figure, after: str = "") -> tuple[str, str]:
    """(comparator, the wording that set it) for a figure, `before` being the sentence's text up to it:
    the reader's comparator ("more than", "nearly", "~"); a range's ends are ">=" its low end and "<="
    its high end; a rank is "==", or "<=" after "top"; "ranks first in 26" counts indicators."""
    low = before.lower()
    if figure.kind in ("range-low", "range-high"):
        return figure.comparator, ""
    if figure.unit == "rank":
        if re.search(r"\btop[\s-]+$", low):
            return "<=", re.search(r"\btop[\s-]+$", low).group(0)
        if first := _first_n_of_a_ranking(low, after):
            # ("the world's 10 most innovative economies": the words around the figure are not its own)
            return "<=", "" if SUPERLATIVE_GROUP_AFTER.match(after) else first.group(0)
        return "==", ""
    first_in = FIRST_IN_BEFORE.search(low)
    if first_in and not OTHER_ITEMS_AFTER.match(after) \
            and (re.search(r"\b(ranks?|ranked|ranking)\s+first\s+in\s+$", low) or INDICATORS_AFTER.match(after)):
        return f"count=={figure.value:g}", first_in.group(0)
    lead = figure.start - figure.lead if figure.lead is not None else 0
    return figure.comparator, before[len(before) - lead:] if 0 < lead <= len(before) else ""


def _round_zeros_step(figure: Figure) -> float | None:
    """The step of a whole number that prose rounds to its last non-zero digit: written in digits with three or
    more trailing zeros ("70,000": 10,000), or before a scale word with one or more ("$350 million": 10 million,
    "$900 million": 100 million, in the figure's scale); None for other figures (ranks, decimals, "1,988", "20",
    "20 percent", "3 million")."""
    if figure.unit == "rank" or figure.decimals or figure.kind == "fraction":
        return None
    value = abs(figure.value)
    if not value or not float(value).is_integer() or (figure.scale == 1 and value < 1000):
        return None
    whole, zeros = int(value), 0
    while whole % 10 == 0:
        whole, zeros = whole // 10, zeros + 1
    return 10.0 ** zeros if zeros >= (3 if figure.scale == 1 else 1) else None


def check_and_step(figure: Figure, comparator: str) -> tuple[str, float | None]:
    """The claims engine's check kind for this comparator and unit, and the step a rounded figure implies
    (a bare fraction: one fifth of its value, "a third" is 30.0 to 36.6 percent)."""
    if comparator.startswith("count=="):
        return "count", None
    if comparator in (">", ">=", "<", "<="):
        return "threshold", None
    round_step = _round_zeros_step(figure)
    if round_step:  # "about 70,000" applications, "$350 million": rounded to the last non-zero digit
        return "rounded", round_step
    if comparator in ("==", "~=") and figure.unit in ("rank", "count") and figure.decimals == 0 and figure.scale == 1:
        return "exact", None
    if figure.kind == "fraction":
        return "rounded", abs(figure.value) / 5 or 1.0
    return "rounded", 10.0 ** -figure.decimals if figure.decimals else 1.0
