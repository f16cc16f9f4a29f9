"""The numbers seam: the figures of one sentence.

`read_figures(sentence)` is the one function the rest of the spotter calls to get the figures of a
sentence (value, scale, unit, decimals, offsets). Today it is the reader that was in spot.py; the
number reader of issue 20 item 5 (`indicators.numbers`, written on its own branch) plugs in here,
behind the same function and the same `Figure`, and nothing else in the spotter changes.

Signs from words ("a decline of 6.7 per cent") are the frame's business (frames.py), not the reader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from number_parser import parse_number as _library_number
from number_parser import parse_ordinal as _library_ordinal

from indicators.spot.vocabulary import vocabulary

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
YEAR = re.compile(r"(?<![\d.,\-])(19\d{2}|20\d{2})(?![\d\-]|\.\d|st|nd|rd|th)")
DIGITS = re.compile(r"(?<![\w.,/#])(?P<sign>[+\-−])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                    r"(?:(?P<ord>st|nd|rd|th)|(?P<abbr>tn|trn|bn|mn))?(?![\w/])")
URL = re.compile(r"\b(?:https?://|www\.)\S+")
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_MONTH_BEFORE = re.compile(rf"\b({'|'.join(MONTHS)})\.?\s+$", re.I)


def aliases() -> dict:
    """The vocabulary (units, currency signs, scale abbreviations, comparators): kept under its old name."""
    return vocabulary()


@lru_cache(maxsize=20_000)
def parse_number(words: str) -> int | None:
    """number-parser's reading of number words ("one trillion", "twenty-one"), memoised: the library
    rebuilds its language tables on every call (milliseconds), and an article repeats its words."""
    return _library_number(words, language="en")


@lru_cache(maxsize=20_000)
def parse_ordinal(word: str) -> int | None:
    """number-parser's reading of an ordinal word ("twelfth"), memoised; words not ending like one are skipped."""
    if not word.endswith(("st", "nd", "rd", "th")):
        return None
    return _library_ordinal(word, language="en")


@dataclass
class Figure:
    start: int  # offsets in the sentence
    end: int
    value: float
    scale: float
    unit: str | None
    decimals: int
    ordinal: bool = False
    words: bool = False  # written in words


def _scale_after(rest: str) -> tuple[float, int]:
    """(scale, characters used) for a scale word right after a number: million (the library), bn."""
    match = re.match(r"\s*([A-Za-z]+)\b", rest)
    if not match:
        return 1.0, 0
    word = match.group(1).lower()
    number = parse_number(word) if word in ("thousand", "million", "billion", "trillion") else None
    if number:
        return float(number), match.end()
    abbreviation = aliases()["scale_abbreviations"].get(word)
    if abbreviation:
        return float(abbreviation), match.end()
    return 1.0, 0


def _unit_after(rest: str) -> tuple[str | None, int]:
    """(unit, characters used) for a unit word right after the figure or within two words of it
    ("1.59 million patent applications", "six specific indicators"); "%" and "-percent" only right after."""
    low = rest.lower()
    for skipped in range(3):
        prefix = re.match(r"\s*" + r"(?:[a-z][a-z-]*\s+)" * skipped, low)
        if not prefix or (skipped and re.search(r"\b(and|or|of|in|to|from|for|that|than)\s", prefix.group(0))):
            break
        after = low[prefix.end():]
        for word, unit in aliases()["_unit_words"]:
            glued = word in ("%", "-percent", "-fold")
            if glued and skipped:
                continue
            if after.startswith(word) and (glued or not after[len(word):len(word) + 1].isalpha()):
                return unit, prefix.end() + len(word)
    return None, 0


def find_figures(sentence: str) -> list[Figure]:
    """The figures of one sentence (years, dates and identifiers left out), in order."""
    figures: list[Figure] = []
    sentence = URL.sub(lambda m: " " * len(m.group(0)), sentence)  # numbers in links are not figures
    for m in DIGITS.finditer(sentence):
        before, number = sentence[max(0, m.start() - 80): m.start()], m.group("num")
        if re.search(r"\d-$", before) or re.match(r"-\d", sentence[m.end(): m.end() + 2]):
            continue  # a date or a range code like 2024-03-12
        if _MONTH_BEFORE.search(before) or re.search(r"\bNo\.\s*$", before):
            continue  # "March 12", "No. 1"
        value = float(number.replace(",", ""))
        if m.group("sign") in ("-", "−"):
            value = -value
        scale, used = _scale_after(sentence[m.end(): m.end() + 40])
        if m.group("abbr"):
            scale, used = float(aliases()["scale_abbreviations"][m.group("abbr")]), 0
        unit, unit_used = _unit_after(sentence[m.end() + used: m.end() + used + 60])
        sign = re.search(r"(US\$|[$¥€£])\s*$", before)
        if sign:
            unit = aliases()["currency_signs"][sign.group(1)]
        elif re.search(r"\b(RMB|CNY|yuan)\s*$", before):
            unit = "CNY"
        ordinal = bool(m.group("ord"))
        if ordinal or (unit is None and re.search(r"\btop[\s-]+$", before, re.I)):
            unit, unit_used = "rank", 0
        is_year = (YEAR.fullmatch(number) and not sign and scale == 1 and not ordinal and unit is None
                   and not m.group("sign"))
        if is_year or (unit == "rank" and not ordinal and re.search(r"\bof the top[\s-]+$", before, re.I)):
            continue  # a year is a period; "26 of the top 100 clusters" describes the series
        start = (m.start() - len(before) + sign.start()) if sign else m.start()
        decimals = len(number.split(".")[1]) if "." in number else 0
        figures.append(Figure(start, m.end() + used + unit_used, value, scale, unit, decimals, ordinal))
    figures += _word_figures(sentence, [(f.start, f.end) for f in figures])
    figures.sort(key=lambda f: f.start)
    _share_units(sentence, figures)
    for figure in figures:
        figure.unit = figure.unit or "count"
    return figures


def _word_figures(sentence: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """Figures written in words: a run of number words (read by number-parser), with its scale word
    and unit; an ordinal word only after "ranked"/"ranks" (and not "ranks first in <n>")."""
    covered = bytearray(len(sentence) + 1)
    for a, b in taken:
        covered[a:b] = b"\x01" * (b - a)
    words = [w for w in WORD.finditer(sentence) if not covered[w.start()]]
    found, index = [], 0
    while index < len(words):
        w = words[index]
        low = w.group(0).lower()
        if parse_number(low) is None:
            ordinal = parse_ordinal(low)
            before = sentence[max(0, w.start() - 40): w.start()]
            if ordinal and re.search(r"\b(ranked|ranks|ranking|placed|came)\s+$", before, re.I) \
                    and not re.match(r"\s+in\s+(\w+)", sentence[w.end(): w.end() + 30]) :
                found.append(Figure(w.start(), w.end(), float(ordinal), 1.0, "rank", 0, True, True))
            index += 1
            continue
        run = [w]
        while index + len(run) < len(words):
            nxt = words[index + len(run)]
            gap = sentence[run[-1].end(): nxt.start()]
            token = nxt.group(0).lower()
            if gap.strip() not in ("", "-") or (token != "and" and parse_number(token) is None):
                break
            run.append(nxt)
        while run and run[-1].group(0).lower() == "and":
            run.pop()
        index += len(run)
        texts = [r.group(0).lower() for r in run]
        scale = 1.0
        if texts[-1] in ("million", "billion", "trillion", "thousand") and len(texts) > 1:
            scale = float(parse_number(texts[-1]))
            value = parse_number(" ".join(texts[:-1]))
        else:
            value = parse_number(" ".join(texts))
        if value is None or (len(texts) == 1 and texts[0] in ("million", "billion", "trillion", "thousand", "hundred")):
            continue
        end = run[-1].end()
        unit, used = _unit_after(sentence[end: end + 60])
        if unit is None and scale == 1 and not re.match(r"\s+(in total|times)\b", sentence[end: end + 20]):
            if not re.search(r"\b(and|with|having|followed with)\s+$", sentence[max(0, run[0].start() - 40): run[0].start()]):
                continue  # "one of", "two sessions": a number word that carries no figure
        found.append(Figure(run[0].start(), end + used, float(value), scale, unit, 0, False, True))
    return found


def _share_units(sentence: str, figures: list[Figure]) -> None:
    """"21 and nine clusters": a figure without a unit takes the next one's across "and"; a scaled
    figure without a unit takes the previous scaled figure's ("1.59 million applications ... 3.4 million")."""
    for here, nxt in zip(reversed(figures[:-1]), reversed(figures[1:])):
        if here.unit is None and re.fullmatch(r"\s*(and|or|,|to)\s*", sentence[here.end: nxt.start]):
            here.unit = nxt.unit
    last_scaled = None
    for figure in figures:
        if figure.unit is None and figure.scale > 1 and last_scaled:
            figure.unit = last_scaled
        elif figure.unit and figure.scale > 1:
            last_scaled = figure.unit


def comparator_for(before: str, figure: Figure) -> tuple[str, str]:
    """(comparator, the wording that set it) from the words just before the figure."""
    low = before.lower()
    if figure.unit == "rank":
        if re.search(r"\btop[\s-]+$", low):
            return "<=", re.search(r"\btop[\s-]+$", low).group(0)
        return "==", ""
    if re.search(r"\b(ranks?|ranked|ranking)\s+first\s+in\s+$", low):
        return f"count=={figure.value:g}", re.search(r"\b(ranks?|ranked|ranking)\s+first\s+in\s+$", low).group(0)
    for words, comparator in aliases()["_comparators"]:
        hit = re.search(rf"(?<![\w]){re.escape(words)}\s+(?:a total of\s+|the\s+)?$", low)
        if hit:
            return comparator, hit.group(0)
    return "~=", ""


def check_and_step(figure: Figure, comparator: str) -> tuple[str, float | None]:
    """The claims engine's check kind for this comparator and unit, and the step a rounded figure implies."""
    if comparator.startswith("count=="):
        return "count", None
    if comparator in (">", ">=", "<", "<="):
        return "threshold", None
    if comparator in ("==", "~=") and figure.unit in ("rank", "count") and figure.decimals == 0 and figure.scale == 1:
        return "exact", None
    return "rounded", 10.0 ** -figure.decimals if figure.decimals else 1.0



def read_figures(sentence: str) -> list[Figure]:
    """THE SEAM: the figures of one sentence, in order (years, dates and identifiers left out).
    Replace the body with the number reader (`indicators.numbers`) when it lands."""
    return find_figures(sentence)
