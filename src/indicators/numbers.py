"""The number reader: every figure of a text, read whole or not at all.

`read_figures(text)` returns the figures of a text in order, each a `Figure` with its character
offsets, the words it was read from, its value (unscaled: "$1.5m" is 1_500_000), its unit, the
comparator its wording gives ("more than", "nearly") and where that wording starts, its kind
(number, ordinal, range, fraction), the step of its last printed digit ("1.06 trillion": 0.01e12),
its scale and printed decimals, and whether a word of decline made it negative. The claim spotter
reads every figure through it (spot/figures.py).

How it reads:
- One pass of one regular expression cuts the text into tokens (digit groups, words, single
  symbols, CJK characters, links); a figure is then assembled from a few tokens around a number, so
  the cost is linear in the text whatever it holds (no look-back over the whole text, no
  backtracking regex).
- Digits: thousands with commas, spaces (also no-break and thin spaces) or dots ("1.234.567",
  "1.234,5": European style only where that is unambiguous: "129.900" alone may be either and is
  skipped, "1,5" may be a list and is skipped, "12,99 €" beside a currency or % is a decimal comma,
  "36. 24" is a broken decimal and skipped); glued suffixes (k, m, mn, bn, b, tn,
  trn, t, pc, pp, bp, x, %, -fold; the one-letter m, b and t only beside a currency, since "5m"
  may be metres; a lone capital G, M, B or T after a number is skipped); units of power and energy as
  written ("57.9GW", "30kWh"); a rate per unit read whole ("US$0.1/W": unit "USD/W", never "US$0.1"
  alone); scale words (thousand ... trillion, hundred, dozen, lakh and crore after digits, 万, 亿);
  "nought point five".
- Words: read by a small validating grammar here (number-parser, which spot.py used, reads
  cardinals but not fractions, and a run that is not one number must be refused, not guessed):
  cardinals ("twenty-one", "one hundred and two", "one-trillion-yuan"), fractions
  ("a third", "two-thirds", "three quarters", "half of", "a hundred trillionths", "three twenty-firsts",
  "one hundred thirty-fifths": a hyphen binds the denominator; "one hundred thirty fifths", 130/5 or
  100/35, is skipped), mixed numbers only with a proper fraction ("one hundred and three quarters" is
  100.75, "one hundred and thirty fifths" is 130/5; "three hundred and twenty-one thousandths" is a
  decimal read aloud, 0.321), ordinals ("twelfth", "twenty first"; "first" and "second" only after a
  ranking word, since they are mostly not figures; "a fifth consecutive month" is an ordinal, not a
  fraction). A lone "one" is not a figure (it is mostly a pronoun: "one of the largest").
- Mixed numbers across digits and words or hyphens: "15 and a half months" (15.5), "two-and-a-half
  years"; "0.4 of a percentage point" takes its unit; "360-ish" is about 360. A fraction of a scale:
  "half million", "three quarters billion", "two thirds of a million"; after million and above the
  idiom "3 million and a half", "two million and one half" (3.5 and 2.5 million), "one billion and
  three quarters million". "3 hundred and 21" is 321 ("6 crore and two hundred" is skipped); "3 dollars
  50 cents" and "1 pound and 1 penny" are one amount ("15 dollars 50." is skipped: cents?).
- Powers: "1.1^23", "2.5^-1" (a whole exponent of up to three digits; the sign before the base
  applies to the power: "-1.1^+23" is -(1.1^23)).
- Units: currencies before or after (codes, symbols, words: USD, US$, $, "U.S. dollars", CNY, RMB,
  ¥, yuan, renminbi, EUR, €, euros, GBP, £, "pounds sterling", JPY, yen, and a few more codes; "c $ 16.4
  million" as tokenized news writes it, "30 MUSD" for millions, "swiss francs", "chinese yuan");
  "pounds" alone is sterling only for a scaled figure ("20 million pounds"), otherwise it may be a
  weight and the figure stays a bare count; percent ("%", "percent", "per cent", "pc", "pct"),
  percentage points ("pp", "percentage points"; basis points are read as hundredths of them) and
  ratios ("x", "times", "-fold": unit "times").
- A fraction is read as a share: unit "percent", kind "fraction" ("over a third" is > 33.33
  percent, "1/40" is 2.5 percent, "one in five" and "3 out of 10" too, and "one over 20" when no word
  follows and X is below Y: "5 over 10 years", "won 3 over 2" are comparisons, skipped; "tenfold" is a
  ratio); a whole number with a fraction ("one and a half", "2 1/2") is a number (1.5, 2.5); a
  fraction of one percent or percentage point is a number in that unit ("a quarter percentage point",
  "half of a percentage point", "a tenth of a percent", "1/2 percent": 0.25, 0.5, 0.1, 0.5), and a
  fraction of a bare "point" ("a quarter point", "half-point": percentage or index points?) is skipped.
- Signs: "-4.6%", "minus five percent", an accounting negative "(3.2)" / "($99.99)" (parentheses
  around the number alone: "(146.5 billion U.S. dollars)" is a parenthesis, not a sign); a change
  word ("a decline of", "fell", "dropped by", "down", "a 6.7 percent drop") makes the figure
  negative, and then turns its comparator round ("fell by more than 5%" is a change < -5).
- Ranges: "20-25 percent", "20 to 25 percent", "between 3 and 4 million", "$20–25bn": kind
  "range", `low` and `high`, value their midpoint. "from 20 to 25" and "29.9 percent to 1.06
  trillion yuan" are two figures (a change), not a range.
- Not figures: years 1900-2099 written alone (but "2,000 units" is a figure), dates ("Jan 12, 2024",
  "12 March", "2024-01-12", "12/01/2024"), times (10:30, "2 pm"), decades ("1960s"), centuries
  ("21st century"), "the first half of 2024", names ("the Five-Year Plan"), numbers glued to words
  ("G20", "COVID-19", "i7"), numbers in links.
- Whole or not at all: a number that cannot be read whole (an unknown glued suffix as in "5G" or
  "2.8GHz", an ambiguous separator as in "1,5" or "12,34", a malformed group, a number word run that
  is not one number) is skipped; pass a list as `problems` to learn which and why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

__all__ = ["Figure", "read_figures", "COMPARATORS", "FLIP", "UNITS"]

COMPARATORS = ("~=", ">", ">=", "<", "<=")
UNITS = ("USD", "CNY", "EUR", "GBP", "JPY", "HKD", "AUD", "CAD", "SGD", "TWD", "KRW", "INR", "CHF", "MYR", "IDR", "BRL",
         "NGN", "RUB",
         "percent", "percentage points", "times", "")
MAX_DIGITS = 30  # a longer digit run is an identifier or garbage, not a figure


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    unit: str = ""
    comparator: str = "~="
    kind: str = "number"  # number, ordinal, range, fraction
    low: float | None = None
    high: float | None = None
    precision_step: float | None = None  # unit of the last printed digit, in value units
    scale: float = 1.0  # the scale word or suffix the value includes ("1.06 trillion": 1e12; "4.5pc": 1)
    decimals: int = 0  # digits printed after the decimal point ("1.06": 2; words: 0)
    decline: bool = False  # made negative by a word of decline ("fell 5%"), not by a printed sign
    lead: int | None = None  # where the comparator's wording starts ("more than 5%": at "more"); else start
    high_start: int | None = None  # a range: where its high end's words start ("20-25": at "25")


# -- tokens ------------------------------------------------------------------------------------

NUM, WORD, SYM, CJK, LINK = "num", "word", "sym", "cjk", "link"
_SPACES = " \u00a0\u2009\u202f"
TOKEN = re.compile(
    r"(?P<link>(?:https?://|www\.)[^\s<>\"]+)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<cjk>[\u4e00-\u9fff])"
    r"|(?P<sym>[^\sA-Za-z0-9\u4e00-\u9fff])"
)


class Tok:
    __slots__ = ("kind", "text", "low", "start", "end")

    def __init__(self, kind: str, text: str, start: int, end: int):
        self.kind, self.text, self.low, self.start, self.end = kind, text, text.lower(), start, end

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.kind}:{self.text!r}@{self.start}"


def tokenize(text: str) -> list[Tok]:
    out = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        out.append(Tok(kind, m.group(kind), m.start(), m.end()))
    return out


# -- vocabulary --------------------------------------------------------------------------------

UNIT_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
TEENS = {w: i + 10 for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: (i + 2) * 10 for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# the Indian scales (lakh 1e5, crore 1e7) only after digits: "13 lakh", "1 crore" ("three lakh crore" in words
# is not read)
SCALE_WORDS_AFTER_DIGITS = {**SCALES, "hundred": 1e2, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
                            "tn": 1e12, "trn": 1e12, "trln": 1e12, "tln": 1e12, "dozen": 12.0,
                            "dozens": 12.0, "doz": 12.0, "dozs": 12.0, "dzs": 12.0, "k": 1e3, "lakh": 1e5,
                            "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
DOZENS = {"dozen", "dozens", "doz", "dozs", "dzs"}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                 "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
                "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
                "millionth": 1e6, "millionths": 1e6, "billionth": 1e9, "billionths": 1e9, "trillionth": 1e12,
                "trillionths": 1e12, **{w + s: TENS[w.replace("ieth", "y")] for w in (
                    "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                    "ninetieth") for s in ("", "s")}}
# the ordinals that end a compound denominator after a tens word: "twenty-firsts" (21), "thirty fifths" (35);
# "first(s)" is a denominator only there ("second(s)" never: "twenty seconds" is a time)
UNIT_ORDINALS = {"first": 1, "firsts": 1, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "fifth": 5,
                 "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
                 "ninth": 9, "ninths": 9}
# a word glued by a hyphen after a number that makes it approximate: "360-ish" (about 360)
APPROXIMATE_SUFFIXES = {"ish": "~="}
# words after "a fifth", "a twenty-first" that make it an ordinal, not a fraction ("for a fifth consecutive month")
ORDINAL_SIGNALS = {"consecutive", "straight", "successive", "time", "times", "round", "term", "place", "year",
                   "month", "quarter", "week", "day", "session", "generation", "century", "birthday", "anniversary"}
SCALE_VALUES = {1e3, 1e4, 1e6, 1e8, 1e9, 1e12}  # the scales a Figure reports (thousand ... trillion, 万, 亿)
CARDINAL = set(UNIT_WORDS) | set(TEENS) | set(TENS) | set(SCALES) | {"hundred"}
# zero in British wording, read only in a decimal read aloud ("nought point five", "nine point nought four"):
# alone it is mostly "came to nought", not a figure
NOUGHTS = {"nought", "naught"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
          "Dec"}

# glued suffixes: (scale, unit); a scale of None with unit None marks an ordinal ending
ALWAYS_SCALE = {"k": 1e3, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "trln": 1e12,
                "tln": 1e12}
CURRENCY_SCALE = {"m": 1e6, "mm": 1e6, "b": 1e9, "t": 1e12, "tr": 1e12}  # only beside a currency ("US$ 1MM")
# one capital letter after a number, spaced: giga, mega, billion or a unit ("1,674.5 G")? skipped
AMBIGUOUS_LETTERS = {"G", "M", "B", "T"}
# the small units that make "3 dollars 50 cents" one amount (3.50)
CENTS = {"cent", "cents", "pence", "penny", "pennies", "p"}
GLUED_UNITS = {"pc": ("percent", 1.0), "pct": ("percent", 1.0), "pp": ("percentage points", 1.0),
               "ppt": ("percentage points", 1.0), "ppts": ("percentage points", 1.0),
               "bp": ("percentage points", 0.01), "bps": ("percentage points", 0.01), "x": ("times", 1.0),
               "percent": ("percent", 1.0)}  # ("37percent": the word typed without its space)
GLUED_POWER = {"GW", "MW", "kW", "KW", "TW", "GWh", "MWh", "kWh", "KWh", "TWh"}
"""Units of power and energy glued to a number as written ("57.9GW", "1,069.9GW", "30kWh"): the unit, its case kept
("mw" is not read: milliwatts or a typo)."""
ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "₹": "INR", "₩": "KRW", "₦": "NGN", "₽": "RUB"}
DOLLAR_PREFIX = {"us": "USD", "hk": "HKD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "s": "SGD",
                 "nt": "TWD"}
CURRENCY_CODES = {"usd": "USD", "cny": "CNY", "rmb": "CNY", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
                  "hkd": "HKD", "aud": "AUD", "cad": "CAD", "sgd": "SGD", "twd": "TWD", "krw": "KRW",
                  "inr": "INR", "chf": "CHF", "myr": "MYR", "rm": "MYR", "idr": "IDR", "brl": "BRL",
                  "ngn": "NGN", "rub": "RUB"}
CURRENCY_WORDS = {"yuan": "CNY", "renminbi": "CNY", "euro": "EUR", "euros": "EUR", "yen": "JPY",
                  "dollar": "USD", "dollars": "USD", "won": "KRW", "rupees": "INR",
                  "ringgit": "MYR", "rupiah": "IDR", "reais": "BRL", "naira": "NGN", "roubles": "RUB", "rubles": "RUB"}
# the codes of dollars this tool reads, also written before "$" ("cad$ 15")
DOLLAR_CODES = {"usd", "aud", "cad", "hkd", "sgd", "twd"}
# currency codes also read in lower case ("usd 20", "rmb 10"): the ones that are no English word
LOWERCASE_CODES = {"usd", "rmb", "cny", "eur", "gbp", "jpy", "hkd"}
# a dollar prefix also read with a space before "$" (news text tokenized: "c $ 16.4 million", "hk $ 10.05 billion")
SPACED_DOLLAR_PREFIX = {"us", "hk", "c", "nt"}
NATION_CURRENCIES = {("chinese", "yuan"): "CNY", ("chinese", "renminbi"): "CNY", ("swiss", "franc"): "CHF",
                     ("swiss", "francs"): "CHF", ("japanese", "yen"): "JPY"}
DOLLAR_NATIONS = {("hong", "kong"): "HKD", ("australian",): "AUD", ("canadian",): "CAD",
                  ("singapore",): "SGD", ("new", "taiwan"): "TWD", ("taiwan",): "TWD"}
DECIMAL_COMMA_WORDS = frozenset({"percent", "pct", "million", "billion", "trillion"})
"""Words right after "4,1" that make its comma a decimal comma (as a currency or percent sign does)."""

UP_PARTICLE_VERBS = frozenset({"pick", "picks", "picked", "picking", "tick", "ticks", "ticked", "ticking", "speed", "speeds",
                               "sped", "speeded", "speeding", "step", "steps", "stepped", "stepping", "ramp", "ramps",
                               "ramped", "ramping", "shot", "shoots", "shooting", "went", "go", "goes", "going",
                               "moved", "moves", "moving", "edged", "edging", "inched", "inching", "crept", "creeping",
                               "jumped", "jumping", "climbed", "climbing", "revved", "bounced", "bouncing"})
"""Verbs whose particle "up" may stand before "to" and a level ("picking up to 8.3%"): "up to" is then no bound."""

COMPARATOR_PHRASES = [
    (("more", "than"), ">"), (("over",), ">"), (("exceeded",), ">"), (("exceeding",), ">"), (("exceeds",), ">"),
    (("exceed",), ">"), (("above",), ">"), (("in", "excess", "of"), ">"), (("upwards", "of"), ">"),
    (("greater", "than"), ">"), (("higher", "than"), ">"), (("topped",), ">"), (("surpassed",), ">"),
    (("surpasses",), ">"), (("surpassing",), ">"), (("topping",), ">"), (("beyond",), ">"),
    (("at", "least"), ">="), (("no", "less", "than"), ">="), (("not", "less", "than"), ">="),
    (("no", "fewer", "than"), ">="), (("a", "minimum", "of"), ">="),
    (("less", "than"), "<"), (("fewer", "than"), "<"), (("just", "under"), "<"), (("under",), "<"), (("below",), "<"), (("nearly",), "<"),
    (("almost",), "<"), (("lower", "than"), "<"), (("short", "of"), "<"),
    (("at", "most"), "<="), (("no", "more", "than"), "<="), (("not", "more", "than"), "<="), (("up", "to"), "<="),
    (("a", "maximum", "of"), "<="),
    (("about",), "~="), (("around",), "~="), (("roughly",), "~="), (("approximately",), "~="), (("some",), "~="),
    (("close", "to"), "~="), (("circa",), "~="), (("an", "estimated"), "~="), (("estimated",), "~="),
    (("approx",), "~="), (("nearby",), "~="),
]
HEDGES_BEFORE = {"about", "around", "roughly", "approximately", "some", "nearly", "almost", "over", "under", "just",
                 "more", "less", "than"}
"""Hedges that may stand between "from" and a number ("from about 48,000 to 49,000", "from just over 5,400")."""


def nearly_reach(value: float, step: float) -> float:
    """How far below a positive figure "nearly" (or "almost") reaches, given the step of its last non-zero digit:
    one step ("nearly 70,000": from 60,000; "nearly 3.09 trillion": from 3.08) or a tenth of the figure (from
    2.78), whichever reaches further: generous, so that only a figure far from the stated one ("rose nearly 30%"
    against -4.6%, "1.5 million" against a published "nearly 2.02 million") is held to differ. Never further than
    half of it: a step of a lone 1 is the whole figure ("nearly 10%" would reach 0, "fell by almost 1%" a rise).
    One home for the spotter's reading of a stated "nearly" and the engine's of a published one."""
    return max(min(value - step, value * 0.9), value * 0.5)


COMPARATOR_SYMBOLS = {">": ">", "<": "<", "≥": ">=", "≤": "<=", "~": "~=", "≈": "~=", "+": None}
FLIP = {">": "<", "<": ">", ">=": "<=", "<=": ">=", "~=": "~="}
# Decline words: their one home (the spotter reads them too: spot/vocabulary.decline_words, growth signs).
DECLINE_VERBS = {"fell", "falls", "fall", "declined", "declines", "decline", "dropped", "drops", "drop",
                 "decreased", "decreases", "shrank", "shrunk", "shrinks", "contracted", "contracts", "slid",
                 "slumped", "plunged", "plummeted", "tumbled", "dipped", "sank", "slipped", "down", "lost",
                 "retreated", "eased"}
DECLINE_NOUNS = {"decline", "fall", "drop", "decrease", "contraction", "reduction", "slump", "dip", "plunge",
                 "slide", "shrinkage", "downturn", "cut"}
CHANGE_VERBS = DECLINE_VERBS | {"rose", "rise", "rises", "risen", "grew", "grow", "grows", "grown", "increased",
                               "increase", "increases", "climbed", "jumped", "surged", "soared", "up", "expanded",
                               "went", "gone", "changed", "moved", "rising", "growing", "falling", "dropping",
                               "declining", "increasing", "decreasing", "climbing", "jumping", "soaring", "surging",
                               "edged", "widened", "narrowed", "doubled", "tripled", "fallen", "cut", "raised",
                               "lowered", "revised", "boosted", "reduced"}
RANK_WORDS = {"ranked", "ranks", "rank", "ranking", "placed", "came", "finished", "stood", "ranking"}


class _Skip(Exception):
    """A figure that cannot be read whole: skipped, with the reason."""

    def __init__(self, reason: str, end_index: int):
        super().__init__(reason)
        self.reason, self.end_index = reason, end_index


# -- the reader --------------------------------------------------------------------------------


def read_figures(text: str, problems: list | None = None, count_words: tuple[str, ...] = ()) -> list[Figure]:
    """The figures of `text` in order; what cannot be read whole is left out (and, when `problems`
    is a list, noted there as (start, end, reason)). `count_words` (lower case) are the caller's unit
    words: a year-like number right before one is a figure ("2000 cars"), not a year."""
    return _Reader(text, problems, count_words).run()


class _Reader:
    def __init__(self, text: str, problems: list | None, count_words: tuple[str, ...] = ()):
        self.text = text
        self.t = tokenize(text)
        self.problems = problems
        self.count_words = count_words
        self.out: list[Figure] = []

    def counted(self, j: int) -> bool:
        """One of the caller's unit words follows token j after a space ("2000 cars")."""
        rest = self.text[self.t[j].end: self.t[j].end + 40].lower()
        if not rest.startswith(" "):
            return False
        rest = rest.lstrip()
        return any(rest.startswith(w) and not rest[len(w):len(w) + 1].isalpha() for w in self.count_words)

    # token helpers
    def tok(self, i: int) -> Tok | None:
        return self.t[i] if 0 <= i < len(self.t) else None

    def glued(self, i: int, j: int) -> bool:
        """Tokens i and j (i < j, adjacent) touch with no space between."""
        a, b = self.tok(i), self.tok(j)
        return a is not None and b is not None and a.end == b.start

    def gap(self, i: int, j: int) -> str:
        a, b = self.tok(i), self.tok(j)
        if a is None or b is None:
            return "\n"
        return self.text[a.end:b.start]

    def spaced(self, i: int, j: int) -> bool:
        """Tokens i and j are next to each other with at most spaces (no line break) between."""
        g = self.gap(i, j)
        return len(g) <= 3 and "\n" not in g

    def note(self, start: int, end: int, reason: str) -> None:
        if self.problems is not None:
            self.problems.append((start, end, f"{self.text[start:end]!r}: {reason}"))

    def run(self) -> list[Figure]:
        i, n = 0, len(self.t)
        while i < n:
            tok = self.t[i]
            if tok.kind == NUM or (tok.kind == WORD and self._word_start(i)):
                try:
                    got = self.figure_at(i)
                except _Skip as skip:
                    end_index = max(skip.end_index, i)
                    if skip.reason:
                        self.note(tok.start, self.t[min(end_index, n - 1)].end, skip.reason)
                    i = end_index + 1
                    continue
                if got is not None:
                    figure, last = got
                    if self._per_unit(last):  # "US$0.1/W", "$80/bbl": a rate per unit, read whole ("USD/W")
                        per = self.t[last + 2]
                        figure = replace(figure, end=per.end, text=self.text[figure.start: per.end],
                                         unit=f"{figure.unit or 'number'}/{per.text}")
                        last += 2
                    self.out.append(figure)
                    i = last + 1
                    continue
            i += 1
        return self.out

    def _per_unit(self, last: int) -> bool:
        """A slash and a word glued after the figure's last token ("0.1/W", "80/bbl", "5%/year"): a rate per unit, its
        unit the figure's over the word ("USD/W"), never the figure's alone (a price per watt is not a price)."""
        slash, word = self.tok(last + 1), self.tok(last + 2)
        return slash is not None and slash.text == "/" and word is not None and word.kind == WORD \
            and self.glued(last, last + 1) and self.glued(last + 1, last + 2)

    # -- where a figure may start ---------------------------------------------------------------

    def _word_start(self, i: int) -> bool:
        low = self.t[i].low
        if low in CARDINAL or low in ORDINAL_WORDS or low == "half" or _fold_value(low):
            return True
        if low in NOUGHTS:
            nxt = self.tok(i + 1)
            return nxt is not None and nxt.low == "point" and self.spaced(i, i + 1)
        if low == "quarter":  # "quarter million"
            nxt = self.tok(i + 1)
            return nxt is not None and nxt.low in SCALES and self.spaced(i, i + 1)
        if low in ("a", "an"):
            nxt = self.tok(i + 1)
            return nxt is not None and nxt.kind == WORD and self.spaced(i, i + 1) and (
                nxt.low in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
                or nxt.low in DENOMINATORS)
        return False

    # -- one figure -----------------------------------------------------------------------------

    def figure_at(self, i: int) -> tuple[Figure, int] | None:
        core = self.core(i)
        if core is None:
            return None
        core = self.mixed_after(core) or self.of_a_unit_after(self.approximate_after(core))
        core = self.hundred_and_after(self.cents_after(core))
        last = core["last"]
        mao = self.tok(last + 1)
        if mao is not None and mao.low in ("mao", "jiao") and self.spaced(last, last + 1):
            # tenths of a yuan: "one kuai and five mao five" (1.55) is not read, nor its parts
            nxt = self.tok(last + 2)
            raise _Skip("an amount in mao (tenths of a yuan)", self._run_end(last + 2) if nxt is not None
                        and self.spaced(last + 1, last + 2) and (nxt.kind == NUM or nxt.low in CARDINAL) else last + 1)
        top = i > 0 and self.t[i - 1].low == "top" and self.spaced(i - 1, i)  # "the top 10 in 11 indicators": no share
        share = self.share_after(last) if core["kind"] == "number" and not core["unit"] and not core["scaled"] \
            and core["sign"] == 1 and float(core["number"]).is_integer() and not top else None
        nxt, after = self.tok(last + 1), self.tok(last + 2)
        if share is None and nxt is not None and nxt.low == "over" and after is not None \
                and self.spaced(last, last + 1) and (after.kind == NUM or after.low in CARDINAL) and not core["unit"]:
            raise _Skip("'X over Y': a fraction or a comparison?", self._run_end(last + 2))
        if share is not None:
            whole, end_index = share
            if not 0 < core["number"] < whole:
                if core["number"] > 0 and self.t[last + 1].low != "over":
                    return self.finish(core)  # "12 out of 10", "I count 12 in six boxes": no share, two numbers
                raise _Skip("'X in Y' or 'X over Y' with X not below Y", end_index)
            core = dict(core, number=100 * core["number"] / whole, unit="percent", kind="fraction", last=end_index,
                        step=None, accounting_ok=False, decimals=0)
            return self.finish(core)
        # a range: "20-25", "20 to 25", "between 3 and 4 million"
        rng = self.range_after(core)
        if rng is not None:
            first, second = core, rng
            if first["unit"] and second["unit"] and first["unit"] != second["unit"]:
                raise _Skip("a range of two different units", second["last"])
            # "3 to 4 million", "three and four million": the first end takes the second's scale (in number
            # words the scale is inside the second's number, so it is the second's word scale)
            scale_first = first["scale"] if first["scaled"] else second["scale"] * (second.get("word_scale") or 1.0)
            low = first["sign"] * first["number"] * scale_first * first["factor"]
            high = second["sign"] * second["number"] * second["scale"] * second["factor"]
            unit = second["unit"] or first["unit"]
            if first["kind"] == "fraction" or second["kind"] == "fraction":
                raise _Skip("a range of fractions", second["last"])
            if not low < high:
                connector, before = self.tok(first["last"] + 1), self.words_before(first["first_index"] - 1, 5)
                if connector is not None and connector.low == "to" and _without_hedges(before)[-1:] == ["from"]:
                    return self.finish(first)  # "from 4.1 to 3.4 percent": a fall, two figures
                raise _Skip("a range whose ends are not in order", second["last"])
            fig = dict(second)
            fig.update(first_index=first["first_index"], start=first["start"], kind="range", low=low, high=high,
                       value=(low + high) / 2, unit=unit, sign=1, high_start=second["start"])
            fig["comparator_before"] = first["comparator_before"]
            fig["sign_before"] = first["sign_before"]
            core = fig
        return self.finish(core)

    def approximate_after(self, c: dict) -> dict:
        """"360-ish", "twenty-ish": the glued word is the figure's comparator (about 360), not dropped."""
        j, t = c["last"], self.t
        word = self.tok(j + 2)
        if not (self.tok(j + 1) is not None and t[j + 1].text == "-" and self.glued(j, j + 1) and word is not None
                and self.glued(j + 1, j + 2) and word.low in APPROXIMATE_SUFFIXES):
            return c
        comparator = APPROXIMATE_SUFFIXES[word.low]
        if c["kind"] != "number" or c["comparator_before"] not in ("~=", comparator):
            raise _Skip(f"a comparator before and '-{word.text}' after", j + 2)
        out = dict(c, last=j + 2, comparator_before=comparator)
        return out if c["unit"] else dict(out, **self._unit_fields(j + 2, c))

    def _unit_fields(self, j: int, c: dict) -> dict:
        """The unit words after token j for a figure c that has none yet ("20-odd percent")."""
        u, j2, f = self.unit_after(j, c["scaled"], "")
        return {"unit": u, "factor": f, "last": j2} if u else {}

    def of_a_unit_after(self, c: dict) -> dict:
        """"0.4 of a percentage point", "0.5 of a percent": a number below one of a unit takes that unit."""
        j = c["last"]
        if c["unit"] or c["scaled"] or c["kind"] != "number" or not 0 < c["number"] < 1 \
                or self.tok(j + 1) is None or self.t[j + 1].low != "of":
            return c
        got = self.fraction_unit_after(j)
        if got is None or got[0] == "point":
            return c
        return dict(c, unit=got[0], last=got[1], factor=got[2], accounting_ok=False)

    def mixed_after(self, c: dict) -> dict | None:
        """"2 and a half percent", "3 and three quarters": a whole number in digits, "and" and a fraction in
        words are one number (2.5 percent), not 2 and a half-percent; None when that is not what follows."""
        j, t = c["last"], self.t
        scale_word = c["scaled"] and t[j].kind == WORD and t[j].low in SCALE_WORDS_AFTER_DIGITS \
            and self.tok(j - 1) is not None and t[j - 1].kind == NUM
        if (self.t[j].kind != NUM and not scale_word) or c["kind"] != "number" or (c["scaled"] and not scale_word) \
                or c["unit"] not in ("", *CURRENCY_CODES.values()) \
                or not float(c["number"]).is_integer() or self.tok(j + 2) is None or t[j + 1].low != "and" \
                or not self.spaced(j, j + 1) or not self.spaced(j + 1, j + 2) or t[j + 2].kind != WORD:
            return None
        if self.words_before(c["first_index"] - 1, 1) == ["between"]:
            return None  # "between 2 and a half": a range's ends, not read here
        run = self.word_run(j + 2)
        if run is None:
            return None
        words, last, seps = run
        if self.tok(last + 1) is not None and t[last + 1].low == "of" and self.spaced(last, last + 1):
            return None  # "3 million and a quarter of them": not a mixed number
        scale = 1.0
        if len(words) >= 2 and words[-1] in SCALES:
            scale, words, seps = SCALES[words[-1]], words[:-1], seps[:-1]
        got = _words_with_fraction(words, seps) if words[-1] in DENOMINATORS else None
        if got is None or got[1] != "fraction" or not 0 < got[0] < 1:
            return None
        if scale_word:
            # "3 million and a half": 3.5 million (the idiom); after a smaller scale ("3 thousand and a
            # half": 3,000.5 or 3,500?) or with a scale of its own, not read
            if c["scale"] < 1e6 or scale > 1:
                raise _Skip("a scaled number and a fraction", last)
            return dict(c, number=c["number"] + got[0], last=last, step=None, decimals=0, accounting_ok=False)
        mixed = dict(c, number=c["number"] + got[0], last=last, step=None, decimals=0, accounting_ok=False)
        if scale > 1:
            mixed.update(scale=scale, scaled=True)
        return mixed if c["unit"] else dict(mixed, **self._unit_fields(last, mixed))

    def hundred_and_after(self, c: dict) -> dict:
        """Digits, a scale word, "and" and a number: "3 hundred and 21", "3 hundred and one" are one number
        (321, 301); after a larger scale in words ("6 crore and two hundred", "4 million and twenty") they
        are skipped whole (one number or two?); "3 hundred and 2 hundred" stays two numbers."""
        t, j = self.t, c["last"]
        if c["kind"] != "number" or not c["scaled"] or t[j].kind != WORD or t[j].low not in SCALE_WORDS_AFTER_DIGITS \
                or self.tok(j - 1) is None or t[j - 1].kind != NUM or self.tok(j + 2) is None \
                or t[j + 1].low != "and" or not self.spaced(j, j + 1) or not self.spaced(j + 1, j + 2):
            return c
        if self.words_before(c["first_index"] - 1, 1) == ["between"]:
            return c  # "between 3 hundred and 4 hundred": a range, read there
        k, nxt = j + 2, t[j + 2]
        if nxt.kind == NUM and nxt.text.isdigit():
            rest, end, in_words = float(nxt.text), k, False
        elif nxt.kind == WORD and nxt.low in CARDINAL and nxt.low not in SCALES and nxt.low != "hundred":
            run = self.word_run(k)
            got = _words_value(run[0]) if run is not None else None
            if got is None or got[1] != 1.0:
                return c
            rest, end, in_words = got[0], run[1], True
        else:
            return c
        after = self.tok(end + 1)
        if rest <= 0 or (after is not None and (after.text == "%" or (self.spaced(end, end + 1) and (
                after.low in SCALE_WORDS_AFTER_DIGITS or after.low in ("percent", "per", "over", "out", "in")))
                or (self.glued(end, end + 1) and after.kind in (WORD, NUM)))):
            return c  # "3 hundred and 2 hundred", "... and 0", "... and 21 percent": two numbers
        if c["scale"] == 100 and rest < 100 and c["factor"] == 1.0 and float(c["number"]).is_integer():
            return dict(c, number=c["number"] + rest / 100, last=end, step=1.0, decimals=0)
        if in_words:
            raise _Skip("a number in digits and words ('6 crore and two hundred': one number or two?)", end)
        return c

    def cents_after(self, c: dict) -> dict:
        """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "1 pound and 1 penny" are one amount
        (3.50, 13.45, 1.01 pounds sterling); "15 dollars 50." and "15 dollars and 15." (cents? another
        count?) are skipped whole; anything else is left as it was."""
        t, j = self.t, c["last"]
        if c["kind"] != "number" or c["scaled"] or c["sign"] != 1 or not float(c["number"]).is_integer():
            return c
        pounds = not c["unit"] and self.tok(j + 1) is not None and t[j + 1].low in ("pound", "pounds") \
            and self.spaced(j, j + 1)
        if pounds:
            j += 1
        elif not (c["unit"] in CURRENCY_CODES.values() and t[j].kind == WORD
                  and (t[j].low in CURRENCY_WORDS or t[j].low in ("pound", "pounds"))):
            return c
        k = j + 1
        if self.tok(k) is not None and t[k].low == "and" and self.spaced(j, k):
            k += 1
        nxt = self.tok(k)
        if nxt is None or not self.spaced(k - 1, k):
            return c
        if nxt.kind == NUM and nxt.text.isdigit() and len(nxt.text) <= 2:
            cents, end = float(nxt.text), k
        elif nxt.kind == WORD and (nxt.low in UNIT_WORDS or nxt.low in TEENS or nxt.low in TENS):
            run = self.word_run(k)
            got = _words_value(run[0]) if run is not None else None
            if got is None or got[0] >= 100:
                return c
            cents, end = got[0], run[1]
        else:
            return c
        after = self.tok(end + 1)
        small = after is not None and after.low in CENTS and self.spaced(end, end + 1)
        if small and (not pounds or after.low in ("pence", "penny", "p")) and 0 < cents < 100:
            return dict(c, number=c["number"] + cents / 100, unit="GBP" if pounds else c["unit"], last=end + 1,
                        step=0.01, decimals=2, accounting_ok=False)
        if not pounds and (after is None or after.kind == SYM or not self.spaced(end, end + 1)):
            raise _Skip("an amount and a small number after it (cents?)", end)
        return c

    def share_after(self, j: int) -> tuple[float, int] | None:
        """(Y, last token) for "in Y", "in every Y", "out of Y", "over Y" after a figure ending at token j:
        "one in five", "3 out of 10", "one over 20" are shares. Not when Y is a year ("2 in 2023") or carries
        a unit or scale; "over Y" only when no word follows Y ("5 over 10 years" is a comparison)."""
        t, k = self.t, j + 1
        if self.tok(k) is None or not self.spaced(j, k):
            return None
        over = t[k].low == "over"
        if t[k].low in ("in", "over"):
            k += 1
        elif t[k].low == "out" and self.tok(k + 1) is not None and t[k + 1].low == "of":
            k += 2
        else:
            return None
        if self.tok(k) is not None and t[k].low == "every":
            k += 1
        nxt = self.tok(k)
        if nxt is None or not self.spaced(k - 1, k) or not (nxt.kind == NUM or nxt.kind == WORD and nxt.low in CARDINAL):
            return None
        if nxt.kind == NUM and _is_year_text(nxt.text):
            return None
        if over and t[k].low == "every":
            return None
        try:
            whole = self.core(k, second=True)
        except _Skip:
            return None
        if whole is None or whole["kind"] != "number" or whole["unit"] or whole["scaled"] \
                or not float(whole["number"]).is_integer():
            return None
        after = self.tok(whole["last"] + 1)
        if after is not None and after.low in ("hundreds", "thousands", "millions", "billions") \
                and self.spaced(whole["last"], whole["last"] + 1):
            raise _Skip("'X out of Y' with Y in hundreds (or thousands ...)", whole["last"] + 1)
        if after is not None and self.glued(whole["last"], whole["last"] + 1) and after.kind in (WORD, NUM):
            return None
        if over and after is not None and after.kind in (WORD, NUM) and self.spaced(whole["last"], whole["last"] + 1):
            return None
        return float(whole["number"]), whole["last"]

    def finish(self, c: dict) -> tuple[Figure, int] | None:
        last = c["last"]
        start, end = c["start"], self.t[last].end
        comparator, negative_word = c["comparator_before"], c["sign_before"]
        kind = c["kind"]
        value = c.get("value")
        if value is None:
            value = c["sign"] * c["number"] * c["scale"] * c["factor"]
        low, high = c.get("low"), c.get("high")
        # a change word after: "a 6.7 percent drop"
        nxt = self.tok(last + 1)
        before_first = self.tok(c["first_index"] - 1)
        if (nxt is not None and nxt.kind == WORD and nxt.low in DECLINE_NOUNS and self.spaced(last, last + 1)
                and before_first is not None and before_first.low in ("a", "an")):
            negative_word = True
        # accounting negative: "(3.2)", "($99.99)"
        if (c["accounting_ok"] and before_first is not None and before_first.text == "("
                and before_first.end == start and nxt is not None and nxt.text == ")" and nxt.start == end):
            if value > 0:
                value, start, end, last = -value, before_first.start, nxt.end, last + 1
        if negative_word and kind != "ordinal":
            if value < 0 and c["unit"] not in ("percent", "percentage points"):
                raise _Skip("a negative number after a word of decline", last)  # ("fell -$3.38 trillion": a level?)
            if value < 0:
                # a printed minus after the word: the sign is the figure's own, printed ("sales dropped -51.5%", "growth
                # fell -1.9%": a growth of -1.9%, not a growth that fell to 1.9%)
                negative_word = False
            else:
                value = -value
                if low is not None:
                    low, high = -high, -low
            comparator = FLIP[comparator]
        if before_first is not None and before_first.low in ("minus", "negative") \
                and self.spaced(c["first_index"] - 1, c["first_index"]) and start == self.t[c["first_index"]].start:
            start = before_first.start  # the sign word is part of the figure's words
        step = c.get("step")
        lead = min(self.lead(c["first_index"]), start)
        scale = c.get("word_scale") or c["scale"]
        scale = scale if scale in SCALE_VALUES else 1.0
        return Figure(start=start, end=end, text=self.text[start:end], value=float(value), unit=c["unit"],
                      comparator=comparator, kind=kind, low=low, high=high, precision_step=step, scale=scale,
                      decimals=c.get("decimals", 0), decline=bool(negative_word and kind != "ordinal"), lead=lead,
                      high_start=c.get("high_start")), last

    def lead(self, first_index: int) -> int:
        """Where the comparator's wording before the figure starts ("more than $5bn", "~20"), or the
        figure's own start when there is none."""
        j = first_index - 1
        p = self.tok(j)
        if p is not None and p.kind == SYM and COMPARATOR_SYMBOLS.get(p.text) and self.spaced(j, first_index):
            return p.start
        _, _, used = self.read_before(self.words_before(j))
        return self.t[j - used + 1].start if used else self.t[first_index].start

    # -- the number itself with its prefix and suffix ------------------------------------------------

    def core(self, i: int, second: bool = False) -> dict | None:
        tok = self.t[i]
        if tok.kind == NUM:
            return self.digit_core(i, second)
        return self.word_core(i, second)

    def prefix(self, i: int) -> dict:
        """Currency, sign and comparator before the number token i."""
        currency, sign, first = "", 1, i
        j = i - 1
        p = self.tok(j)
        explicit_sign = False
        if p is not None and p.text in ("-", "−", "+") and self.glued(j, i):
            pp = self.tok(j - 1)
            if pp is None or not self.glued(j - 1, j) or pp.text in ("(", "$", "€", "£", "¥", "￥") \
                    or pp.low in CURRENCY_CODES:
                sign = -1 if p.text != "+" else 1
                explicit_sign, first, j = True, j, j - 1
                p = self.tok(j)
        if p is not None and self._dollar_country(j) and self.glued(j, first):
            # "$US77.7 billion", "$A5 billion": the dollar's country after the sign (Australian usage)
            currency, first = DOLLAR_PREFIX[p.low], j - 1
            j = first - 1
            p = self.tok(j)
        elif p is not None and p.kind == SYM and p.text in CURRENCY_SYMBOLS and self.spaced(j, first):
            currency, first = CURRENCY_SYMBOLS[p.text], j
            q = self.tok(j - 1)
            if p.text == "$" and q is not None and q.kind == WORD and q.low in SPACED_DOLLAR_PREFIX \
                    and self.gap(j - 1, j) == " " and self.gap(j, j + 1) == " " \
                    and not (self.tok(j - 2) is not None and self.glued(j - 2, j - 1)):
                currency, first = DOLLAR_PREFIX[q.low], j - 1  # "c $ 16.4 million"
            elif p.text == "$" and q is not None and self.glued(j - 1, j):
                if q.kind == WORD:
                    code = DOLLAR_PREFIX.get(q.low) or (CURRENCY_CODES.get(q.low) if q.low in DOLLAR_CODES else None)
                    if code is None:
                        raise _Skip(f"an unknown dollar ({q.text}$)", i)
                    currency, first = code, j - 1  # "US$", "HK$", "usd$ 15", "cad$ 15"
                elif q.text == "." and self.tok(j - 2) is not None and self.tok(j - 2).low == "s" \
                        and self.tok(j - 3) is not None and self.tok(j - 3).text == "." \
                        and self.tok(j - 4) is not None and self.tok(j - 4).low == "u":
                    currency, first = "USD", j - 4
            j = first - 1
            p = self.tok(j)
            if not explicit_sign and p is not None and p.text in ("-", "−") and self.glued(j, first):
                pp = self.tok(j - 1)
                if pp is None or not self.glued(j - 1, j) or pp.text == "(":
                    sign, first, j = -1, j, j - 1
                    p = self.tok(j)
        elif p is not None and p.kind == WORD and p.low in CURRENCY_CODES and self.spaced(j, first) \
                and (p.text.isupper() or p.low in LOWERCASE_CODES) or (p is not None and p.text == "Rmb"
                                                                     and self.spaced(j, first)):
            currency, first = CURRENCY_CODES[p.low], j
            j = first - 1
            p = self.tok(j)
        # a symbol comparator glued before: "~20", ">5%"
        comparator = "~="
        if p is not None and p.kind == SYM and p.text in COMPARATOR_SYMBOLS and COMPARATOR_SYMBOLS[p.text] \
                and self.spaced(j, first):
            comparator = COMPARATOR_SYMBOLS[p.text]
            j -= 1
        words = self.words_before(j)
        if words and words[-1] == "over" and self.tok(j - 1) is not None and self.spaced(j - 1, j) \
                and (self.t[j - 1].kind == NUM or self.t[j - 1].low in CARDINAL):
            raise _Skip("'X over Y': a fraction or a comparison?", self._run_end(i))
        cmp_words, negative, _ = self.read_before(words)
        if cmp_words:
            comparator = cmp_words
        return {"currency": currency, "sign": sign, "first": first, "comparator": comparator,
                "negative": negative, "explicit_sign": explicit_sign}

    def words_before(self, j: int, limit: int = 5) -> list[str]:
        """Up to `limit` words ending at token j, going back over spaces only (not punctuation)."""
        words: list[str] = []
        k = j
        while k >= 0 and len(words) < limit:
            t = self.t[k]
            if t.kind != WORD:
                break
            words.append(t.low)
            if k == 0 or not self.spaced(k - 1, k):
                break
            k -= 1
        words.reverse()
        return words

    @staticmethod
    def read_before(words: list[str]) -> tuple[str | None, bool, int]:
        """(comparator, a word of decline, how many of the last words are the comparator's wording) from
        the words just before a figure ("more than a total of": 5)."""
        comparator, negative, used = None, False, 0
        ws = list(words)
        for _ in range(2):
            while ws and ws[-1] in ("the", "a") and (len(ws) < 2 or ws[-2] != "total"):
                ws.pop()
            if len(ws) >= 3 and ws[-3:] == ["a", "total", "of"]:
                del ws[-3:]
            hit = None
            for phrase, cmp in COMPARATOR_PHRASES:
                if len(phrase) <= len(ws) and tuple(ws[-len(phrase):]) == phrase:
                    hit = (phrase, cmp)
                    break
            if hit and hit[0] == ("up", "to") and len(ws) > 2 and ws[-3] in UP_PARTICLE_VERBS:
                hit = None  # "picking up to 8.3%", "ticked up to 5%": a verb and its particle, then "to" the level
            if hit and comparator is None:
                comparator = hit[1]
                del ws[-len(hit[0]):]
                used = len(words) - len(ws)
                continue
            break
        if ws and ws[-1] == "by":
            ws.pop()
        if ws and ws[-1] in ("minus", "negative"):
            negative = True
        elif ws and ws[-1] in DECLINE_VERBS:
            negative = True
        elif len(ws) >= 2 and ws[-1] == "of" and ws[-2] in DECLINE_NOUNS:
            negative = True
        return comparator, negative, used

    def _dollar_country(self, j: int) -> bool:
        """Token j is a dollar's country written after the sign and glued to it ("$US", "$A", "$HK")."""
        word, sign = self.tok(j), self.tok(j - 1)
        return word is not None and word.kind == WORD and word.text.isupper() and word.low in DOLLAR_PREFIX \
            and sign is not None and sign.text == "$" and self.glued(j - 1, j)

    def _energy_after_power(self, i: int) -> bool:
        """t[i] starts an amount of energy right after an amount of power and a slash ("37 GW/91 GWh": a storage
        plant's power and energy; not "10 GW-15 GW", a range, nor "208 GW/235 GW", two years' figures)."""
        t = self.t
        return (i >= 2 and t[i - 1].text == "/" and t[i - 2].text in ("GW", "TW") and self.glued(i - 2, i - 1)
                and self.tok(i + 1) is not None and t[i + 1].text in ("GWh", "TWh"))

    def digit_core(self, i: int, second: bool = False) -> dict | None:
        t = self.t
        tok = t[i]
        prev = self.tok(i - 1)
        # glued to what comes before: an identifier ("G20", "i7", "v2.0", "COVID-19", "+6663", "10:30"); not an amount
        # of energy after one of power ("37 GW/91 GWh")
        if prev is not None and self.glued(i - 1, i) and not second and not self._energy_after_power(i):
            if prev.kind in (WORD, NUM) and prev.low not in CURRENCY_CODES and not self._dollar_country(i - 1):
                raise _Skip("", self._glued_end(i))
            if prev.kind == SYM and prev.text in (".", "_", "/", "#", "@", ":", "\\", "&", "'", "’", "^", "*"):
                if not (prev.text == "." and (i < 2 or not self.glued(i - 2, i - 1))):
                    raise _Skip("", self._glued_end(i))
            if prev.text in ("-", "−", "+") and i >= 2 and self.glued(i - 2, i - 1) \
                    and t[i - 2].kind in (WORD, NUM) and t[i - 2].low not in CURRENCY_CODES \
                    and t[i - 2].low not in ("top", "bottom"):
                raise _Skip("", self._glued_end(i))
        pre = self.prefix(i) if not second else {"currency": "", "sign": 1, "first": i, "comparator": "~=",
                                                  "negative": False, "explicit_sign": False}
        if not second and prev is not None and prev.text in ("-", "−") and self.glued(i - 1, i) \
                and i >= 2 and t[i - 2].kind == NUM and self.glued(i - 2, i - 1):
            raise _Skip("", i)  # the second end of a range that was not read
        j = i  # last token used
        # a leading dot: ".08"
        if prev is not None and prev.text == "." and self.glued(i - 1, i) and not pre["currency"] \
                and tok.text.isdigit() and not second:
            number, decimals = float("0." + tok.text), len(tok.text)
            pre["first"] = i - 1
        else:
            # thousands written with spaces: "1 414 021 100", "10 000" (joined here, not by the tokenizer,
            # so that "i7 860" stays an identifier and a number)
            while (self.tok(j + 1) is not None and t[j + 1].kind == NUM and len(self.gap(j, j + 1)) == 1
                   and self.gap(j, j + 1) in _SPACES and re.fullmatch(r"\d{3}(?:[.,]\d+)?", t[j + 1].text)
                   and re.fullmatch(r"\d{1,3}", tok.text) and "." not in t[j].text and "," not in t[j].text
                   and not (self.tok(j + 2) is not None and t[j + 2].text == "/" and self.glued(j + 1, j + 2))):
                j += 1
            number, decimals = self.parse_digits(i, j, money=self._money_beside(pre, j))
            nxt = self.tok(j + 1)
            if (nxt is not None and nxt.text == "." and self.glued(j, j + 1) and self.tok(j + 2) is not None
                    and t[j + 2].kind == NUM and len(self.gap(j + 1, j + 2)) == 1 and len(t[j + 2].text) <= 2
                    and not second):
                raise _Skip("a number, a dot, a space and digits (a broken decimal?)", j + 2)
            if (nxt is not None and nxt.kind == NUM and len(self.gap(j, j + 1)) == 1 and not second
                    and not _is_year_text(t[j].text) and not _is_year_text(nxt.text)
                    and not (self.tok(j + 2) is not None and t[j + 2].text == "/" and self.glued(j + 1, j + 2))
                    and not self._level_then_percent(i, j) and not self._value_then_item(i, j)):
                # skipped with the second number whole ("4000 3 hundred and 21": not "21" alone)
                try:
                    other = self.core(j + 1, second=True)
                    end = self.hundred_and_after(other)["last"] if other is not None else j + 1
                except _Skip as skip:
                    end = max(skip.end_index, j + 1)
                raise _Skip("two numbers with only a space between (a broken thousands group?)", end)
        j0 = j  # the last digit token
        kind, unit, scale, factor, scaled, step_scale = "number", pre["currency"], 1.0, 1.0, False, 1.0
        accounting_ok = True
        exponent, power = 0, False
        nxt = self.tok(j + 1)
        # dates and times: "2024-01-12", "12/01/2024", "10:30", "2023-24", "2018-2025"
        if nxt is not None and self.glued(j, j + 1) and nxt.text in ("-", "/", ":", "−") \
                and self.tok(j + 2) is not None and t[j + 2].kind == NUM and self.glued(j + 1, j + 2):
            other = t[j + 2].text
            if nxt.text == ":":
                raise _Skip("", self._glued_end(j + 2))
            if nxt.text == "/":
                third = self.tok(j + 3)
                if third is not None and third.text in ("/", "-") and self.glued(j + 2, j + 3):
                    raise _Skip("", self._glued_end(j + 4))  # 12/01/2024
                if _is_year_text(other) or _is_year_text(tok.text) or "." in tok.text + other \
                        or "," in tok.text + other:
                    raise _Skip("", j + 2)  # 03/2024, 2023/24
                den = float(other)
                if den == 0:
                    raise _Skip("a fraction over zero", j + 2)
                if not 0 < number < den or den > 1000:
                    raise _Skip("not a proper fraction ('24/7', '3/2')", j + 2)
                if number <= 12 and den <= 31 and den not in (2, 3, 4, 5, 8, 10):
                    raise _Skip("a fraction or a date ('9/11')?", j + 2)
                j += 2
                return self.after_fraction(i, pre, number / den, j, whole=None)
            if _is_year_text(tok.text) and (len(other) == 2 or _is_year_text(other)):
                third = self.tok(j + 3)
                end = j + 4 if third is not None and third.text in ("-", "/") and self.glued(j + 2, j + 3) else j + 2
                raise _Skip("", end)  # 2024-01-12, 2023-24, 2018-2025
        # a mixed number: "2 1/2"
        if nxt is not None and nxt.kind == NUM and self.spaced(j, j + 1) and self.tok(j + 2) is not None \
                and t[j + 2].text == "/" and self.glued(j + 1, j + 2) and self.tok(j + 3) is not None \
                and t[j + 3].kind == NUM and self.glued(j + 2, j + 3) and "." not in tok.text \
                and t[j + 1].text.isdigit() and t[j + 3].text.isdigit() and not _is_year_text(t[j + 3].text):
            num, den = float(t[j + 1].text), float(t[j + 3].text)
            if 0 < num < den:
                return self.after_fraction(i, pre, number + num / den, j + 3, whole=number)
        # scientific notation: "2.48×10−5", "5.5x10-3", "1e10"
        if nxt is not None and self.glued(j, j + 1) and (nxt.text == "×" or nxt.low in ("x", "e")):
            k = j + 2
            if nxt.low == "e":
                k = j + 1
            base = self.tok(k)
            if nxt.low != "e" and base is not None and base.text == "10" and self.glued(j + 1, k):
                k2 = k + 1
                if self.tok(k2) is not None and t[k2].text == "^" and self.glued(k, k2):
                    k2 += 1
                    exp_at = k2
                else:
                    exp_at = k2
                k3, sign_e = exp_at, 1
                if self.tok(k3) is not None and t[k3].text in ("-", "−", "+") and self.glued(k3 - 1, k3):
                    sign_e = -1 if t[k3].text != "+" else 1
                    k3 += 1
                if self.tok(k3) is not None and t[k3].kind == NUM and t[k3].text.isdigit() \
                        and self.glued(k3 - 1, k3) and len(t[k3].text) <= 3:
                    exponent, j = sign_e * int(t[k3].text), k3
                    accounting_ok = False
            elif nxt.low == "e" and nxt.text == "e":
                # "1e10" tokenizes as NUM WORD("e") NUM; the word may hold more ("1e10x"): only a bare "e"
                k3, sign_e = j + 2, 1
                if self.tok(k3) is not None and t[k3].text in ("+", "-", "−") and self.glued(j + 1, k3):
                    sign_e, k3 = (1 if t[k3].text == "+" else -1), k3 + 1
                if self.tok(k3) is not None and t[k3].kind == NUM and t[k3].text.isdigit() \
                        and self.glued(k3 - 1, k3) and len(t[k3].text) <= 3:
                    exponent, j = sign_e * int(t[k3].text), k3
                    accounting_ok = False
        if exponent:
            number = float(f"{number!r}e{exponent}")
            step_scale = 10.0 ** exponent
        nxt = self.tok(j + 1)
        # glued suffix: "1.5m", "4.5pc", "65bn", "12th", "1960s", "15€", "5%"
        if nxt is not None and self.glued(j, j + 1) and nxt.kind == WORD:
            low = nxt.low
            if low in ORDINAL_SUFFIX and "." not in tok.text and "," not in tok.text and not exponent:
                if _ordinal_suffix(int(number)) != low:
                    raise _Skip(f"a wrong ordinal ending ({tok.text}{nxt.text})", self._glued_end(j + 1))
                if self.tok(j + 2) is not None and self.glued(j + 1, j + 2) and t[j + 2].kind in (WORD, NUM):
                    raise _Skip("an unknown suffix", self._glued_end(j + 1))
                if pre["currency"]:
                    raise _Skip("an ordinal with a currency", j + 1)
                if self._century_after(j + 1):
                    raise _Skip("", j + 1)  # "the 21st century" is a period
                before, of, month = self.tok(pre["first"] - 1), self.tok(j + 2), self.tok(j + 3)
                if (before is not None and before.text in MONTHS and self.spaced(pre["first"] - 1, pre["first"])) \
                        or (of is not None and of.low == "of" and month is not None and month.text in MONTHS) \
                        or (of is not None and of.text in MONTHS and self.spaced(j + 1, j + 2)):
                    raise _Skip("", j + 1)  # a date: "May 4th", "4th of May", "28th Feb, 2025"
                first = pre["first"]
                return {"first_index": first, "start": t[first].start, "last": j + 1, "number": number,
                        "sign": 1, "scale": 1.0, "factor": 1.0, "unit": "", "kind": "ordinal", "scaled": False,
                        "step": 1.0, "comparator_before": pre["comparator"], "sign_before": False,
                        "accounting_ok": False}
            if low == "s" and _is_year_text(tok.text) or (low == "s" and len(tok.text) == 2 and tok.text.isdigit()):
                raise _Skip("", j + 1)  # the 1960s, the 90s
            if low in ALWAYS_SCALE or low in SCALES:  # "65bn", and a scale word without its space: "177.02billion"
                scale, scaled = {**ALWAYS_SCALE, **SCALES}[low], True
            elif low in CURRENCY_SCALE or low.rstrip("n") in CURRENCY_SCALE and low in ("mn",):
                if not pre["currency"] and not self.currency_after(j + 2)[0]:
                    raise _Skip(f"an ambiguous suffix '{nxt.text}' without a currency", self._glued_end(j + 1))
                scale, scaled = CURRENCY_SCALE[low], True
            elif low in GLUED_UNITS:
                unit, factor = GLUED_UNITS[low]
            elif nxt.text in GLUED_POWER:
                unit = nxt.text
            elif low in CURRENCY_CODES and nxt.text.isupper():
                unit = CURRENCY_CODES[low]
            else:
                raise _Skip(f"an unknown suffix '{nxt.text}'", self._glued_end(j + 1))
            if self.tok(j + 2) is not None and self.glued(j + 1, j + 2) and t[j + 2].kind in (WORD, NUM):
                raise _Skip(f"an unknown suffix '{nxt.text}{t[j + 2].text}'", self._glued_end(j + 1))
            j += 1
            accounting_ok = accounting_ok and not scaled and not unit
        elif nxt is not None and self.glued(j, j + 1) and nxt.kind == CJK:
            j, scale, scaled, cjk_unit = self.cjk_after(j)
            if cjk_unit:
                unit = cjk_unit
            accounting_ok = False
        elif nxt is not None and nxt.kind == NUM and self.glued(j, j + 1):
            raise _Skip("", j + 1)
        elif nxt is not None and nxt.text == "^" and self.glued(j, j + 1):
            # a power: "1.1^23", "2.5^-1", "-1.1^+23" (the sign before the base applies to the power, as
            # in arithmetic); the exponent a whole number of at most three digits, its signs multiplied
            k, sign_e = j + 2, 1
            while self.tok(k) is not None and t[k].text in ("+", "-", "−") and self.glued(k - 1, k):
                sign_e, k = sign_e * (1 if t[k].text == "+" else -1), k + 1
            exp_tok = self.tok(k)
            if exp_tok is None or exp_tok.kind != NUM or not self.glued(k - 1, k):
                raise _Skip("a power without its exponent", k - 1)
            end = self._glued_end(k)
            if end != k or not exp_tok.text.isdigit() or len(exp_tok.text) > 3 or pre["currency"]:
                raise _Skip("a power not read (a currency, or an exponent not a whole number of up to three digits)", end)
            try:
                number = number ** (sign_e * int(exp_tok.text))
            except (OverflowError, ZeroDivisionError):
                raise _Skip("a power out of range", end) from None
            if not math.isfinite(number):
                raise _Skip("a power out of range", end)
            j, power, accounting_ok = k, True, False
        elif nxt is not None and nxt.text in ("@", "_") and self.glued(j, j + 1):
            raise _Skip("", j + 1)  # part of an address or a name: "123@example.com", "v_2"
        if unit in ("percent", "percentage points", "times") and pre["currency"]:
            raise _Skip("a currency and a percentage or ratio", j)
        if unit and pre["currency"] and unit != pre["currency"]:
            raise _Skip("two different currencies", j)
        unit = unit or pre["currency"]
        # scale words: "1.5 million", "322 hundred", "3 bn"
        if not scaled:
            nxt = self.tok(j + 1)
            if nxt is not None and nxt.kind == WORD and nxt.low in SCALE_WORDS_AFTER_DIGITS and self.spaced(j, j + 1):
                if (nxt.low == "hundred" or nxt.low in DOZENS) and "." in tok.text:
                    pass
                else:
                    scale, scaled, j = SCALE_WORDS_AFTER_DIGITS[nxt.low], True, j + 1
                    accounting_ok = False
                    nn = self.tok(j + 1)
                    if nn is not None and nn.kind == WORD and nn.low in SCALES and self.spaced(j, j + 1) \
                            and SCALES[nn.low] > 1:
                        if scale == 1e2:
                            scale, j = scale * SCALES[nn.low], j + 1
            elif nxt is not None and nxt.kind == SYM and nxt.text == "-" and self.glued(j, j + 1):
                nn = self.tok(j + 2)
                if nn is not None and nn.kind == WORD and nn.low in SCALES and self.glued(j + 1, j + 2):
                    scale, scaled, j = SCALES[nn.low], True, j + 2
                    accounting_ok = False
        # unit words after
        if not unit or unit in CURRENCY_CODES.values():
            u, j2, f = self.unit_after(j, scaled, unit)
            ahead = self.tok(j2 + 1)
            if u and unit and u in CURRENCY_CODES.values() and u != unit and ahead is not None \
                    and ahead.kind == NUM and self.spaced(j2, j2 + 1) and t[j2].kind == WORD:
                u = ""  # "rmb 10 usd 20": the second code is the next amount's
            if u:
                if unit and u in CURRENCY_CODES.values() and u != unit:
                    raise _Skip("two different currencies", j2)
                if unit and u in ("percent", "percentage points", "times"):
                    raise _Skip("a currency and a percentage", j2)
                unit, factor, j = u, f, j2
                accounting_ok = False
        letter = self.tok(j + 1)
        if not scaled and not unit and letter is not None and letter.text in AMBIGUOUS_LETTERS \
                and len(self.gap(j, j + 1)) == 1 \
                and not (self.glued(j + 1, j + 2) and (self.t[j + 2].kind in (WORD, NUM) or self.t[j + 2].text == "-")):
            raise _Skip(f"a letter after the number ('{letter.text}': giga, mega, billion or a unit?)", j + 1)
        if (re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", tok.text) and j0 == i and not scaled and not exponent
                and unit not in ("percent", "percentage points", "times")):
            raise _Skip("an ambiguous dot (a decimal point or European thousands?)", j)
        first = pre["first"]
        step = (10.0 ** -decimals) * scale * step_scale * factor
        if power:  # the printed digits do not give the step of a power's value
            step, decimals = None, 0
        # years and dates are not figures
        if (not scaled and not unit and not exponent and pre["sign"] == 1 and not pre["explicit_sign"]
                and _is_year_text(tok.text) and j == i and not self.counted(j)):
            raise _Skip("", j)
        after = self.tok(j + 1)
        if not scaled and not unit and after is not None and self.spaced(j, j + 1) and (
                after.low in ("am", "pm") or (after.low in ("a", "p") and self.tok(j + 2) is not None
                                              and t[j + 2].text == ".") or after.low == "o"):
            raise _Skip("", j)  # a time of day: "2 pm", "2.13 am", "5 o'clock"
        if tok.text.isdigit() and not scaled and not unit and len(tok.text) <= 2 and j == i:
            before = self.tok(i - 1)
            after = self.tok(i + 1)
            if before is not None and before.text in MONTHS and self.spaced(i - 1, i):
                raise _Skip("", j)
            if before is not None and before.text == "." and self.tok(i - 2) is not None \
                    and self.t[i - 2].text in MONTHS and self.spaced(i - 1, i):
                raise _Skip("", j)
            if after is not None and after.text in MONTHS and self.spaced(i, i + 1):
                raise _Skip("", j)
        return {"first_index": first, "start": t[first].start, "last": j, "number": number,
                "sign": pre["sign"], "scale": scale, "factor": factor, "unit": unit, "kind": kind,
                "scaled": scaled, "step": step, "comparator_before": pre["comparator"],
                "sign_before": pre["negative"], "accounting_ok": accounting_ok, "decimals": decimals}

    def after_fraction(self, i: int, pre: dict, ratio: float, j: int, whole: float | None) -> dict:
        """A fraction in digits ("1/40": 2.5 percent) or a mixed number ("2 1/2": 2.5)."""
        first = pre["first"]
        if whole is None:
            if pre["currency"]:
                raise _Skip("a currency with a fraction", j)
            of_unit = self.fraction_unit_after(j)
            if of_unit is not None:  # "1/2 percent" is half of one percent
                if of_unit[0] == "point":
                    raise _Skip("a fraction of a point (percentage or index points?)", of_unit[1])
                return {"first_index": first, "start": self.t[first].start, "last": of_unit[1], "number": ratio,
                        "sign": pre["sign"], "scale": 1.0, "factor": of_unit[2], "unit": of_unit[0],
                        "kind": "number", "scaled": False, "step": None, "comparator_before": pre["comparator"],
                        "sign_before": pre["negative"], "accounting_ok": False}
            return {"first_index": first, "start": self.t[first].start, "last": j, "number": ratio * 100,
                    "sign": pre["sign"], "scale": 1.0, "factor": 1.0, "unit": "percent", "kind": "fraction",
                    "scaled": False, "step": None, "comparator_before": pre["comparator"],
                    "sign_before": pre["negative"], "accounting_ok": False}
        unit = pre["currency"]
        scale, scaled = 1.0, False
        nxt = self.tok(j + 1)
        if nxt is not None and nxt.kind == WORD and nxt.low in SCALES and self.spaced(j, j + 1):
            scale, scaled, j = SCALES[nxt.low], True, j + 1
        if not unit:
            u, j2, f = self.unit_after(j, scaled, unit)
            if u and u != "times" and f == 1.0:
                unit, j = u, j2
        return {"first_index": first, "start": self.t[first].start, "last": j, "number": ratio,
                "sign": pre["sign"], "scale": scale, "factor": 1.0, "unit": unit, "kind": "number",
                "scaled": scaled, "step": None, "comparator_before": pre["comparator"],
                "sign_before": pre["negative"], "accounting_ok": False}

    def cjk_after(self, j: int) -> tuple[int, float, bool, str]:
        """万, 亿, 万亿 and 元 right after digits."""
        t, scale, scaled, unit = self.t, 1.0, False, ""
        k = j + 1
        while k < len(t) and t[k].kind == CJK and self.glued(k - 1, k):
            ch = t[k].text
            if ch == "万" and not scaled:
                scale, scaled = 1e4, True
            elif ch == "亿" and scale in (1.0, 1e4):
                scale, scaled = scale * 1e8, True
            elif ch == "元" and not unit:
                unit = "CNY"
            else:
                break
            k += 1
        if k == j + 1:
            raise _Skip("an unknown suffix", j + 1)
        return k - 1, scale, scaled, unit

    def _money_beside(self, pre: dict, j: int) -> str:
        """"before" or "after" for a currency or percent sign right before the number or right after
        token j, "word" for a percent or scale word right after it (each makes a decimal comma readable:
        "12,99 €", "4,1 percent"), else ""."""
        if pre["currency"]:
            return "before"
        nxt = self.tok(j + 1)
        if nxt is None or len(self.gap(j, j + 1)) > 1:
            return ""
        if nxt.text == "%":
            return "percent"
        if nxt.text in ("€", "£", "$") or (nxt.low in CURRENCY_CODES and nxt.text.isupper()) \
                or nxt.low in ("euro", "euros"):
            return "after"
        if nxt.low in DECIMAL_COMMA_WORDS:
            return "word"  # "4,1 percent", "13,71 trillion yuan": a list would not run into a unit or scale word
        return ""

    def _level_then_percent(self, i: int, j: int) -> bool:
        """A row of a list or table: a number grouped with commas, a space and a percentage of one or two whole
        digits ("China 70,015 25.1%", "Germany 17,530 6.3%"): two figures, not a broken thousands group (a writer who
        groups with commas does not continue a group with a space, and "25.1" is no group of three)."""
        t = self.t
        return (i == j and re.fullmatch(r"\d{1,3}(?:,\d{3})+", t[j].text) is not None
                and re.fullmatch(r"\d{1,2}(?:\.\d+)?", t[j + 1].text) is not None
                and self.tok(j + 2) is not None and t[j + 2].text == "%" and self.glued(j + 1, j + 2))

    def _value_then_item(self, i: int, j: int) -> bool:
        """A table or numbered list flattened into one line: a row's last value, a space and the next row's item
        number before a name ("1 Switzerland 66 2 Sweden 62.6 3 United States", "1. China 69,610 2. the United
        States 55,678"): two figures, not a broken thousands group (the item number is no group of three, a number grouped
        with commas is not continued with a space, and a capitalised name follows the item number or its mark)."""
        t = self.t
        nxt, after = self.tok(j + 1), self.tok(j + 2)
        marked = after is not None and after.text in (".", ")") and self.glued(j + 1, j + 2)
        name, gap = (self.tok(j + 3), self.gap(j + 2, j + 3)) if marked else (after, self.gap(j + 1, j + 2))
        if marked and name is not None and name.low == "the" and len(gap) == 1 and self.tok(j + 4) is not None \
                and len(self.gap(j + 3, j + 4)) == 1:  # "70,160 2. the United States"
            name = self.tok(j + 4)
        return (i == j and re.fullmatch(r"\d{1,3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?", t[j].text) is not None
                and nxt is not None and re.fullmatch(r"\d{1,2}", nxt.text) is not None
                and name is not None and len(gap) == 1 and name.text[:1].isupper()
                and name.text.isalpha() and name.text.upper() != name.text)

    def parse_digits(self, i: int, j: int | None = None, money: str = "") -> tuple[float, int]:
        """The value and decimals of digit tokens i..j (thousands joined by spaces), or _Skip when
        their separators are not readable. A comma followed by one or two digits is a decimal comma
        only beside a currency or percent sign or before a percent or scale word ("12,99 €", "4,1 percent");
        alone ("1,5") it may be a list."""
        text = self.t[i].text if j is None or j == i else " ".join(x.text for x in self.t[i:j + 1])
        digits = sum(ch.isdigit() for ch in text)
        if digits > MAX_DIGITS:
            raise _Skip("too many digits", j if j is not None else i)
        s = text
        if any(ch in s for ch in _SPACES):
            groups = re.split(f"[{_SPACES}]", s)
            if not re.fullmatch(r"\d{1,3}", groups[0]) or any(not re.fullmatch(r"\d{3}(?:[.,]\d+)?", g)
                                                                  for g in groups[1:-1]):
                raise _Skip("", i)
            s = "".join(groups)
        commas, dots = s.count(","), s.count(".")
        if commas and dots:
            if s.rfind(".") > s.rfind(","):  # 1,234.5
                if not re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", s):
                    raise _Skip("malformed thousands", i)
                s = s.replace(",", "")
            else:  # 1.234,5 (European)
                if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s):
                    raise _Skip("malformed thousands", i)
                s = s.replace(".", "").replace(",", ".")
        elif commas:
            if money == "after" and re.fullmatch(r"\d{1,3},\d{3}", s):  # (a percent or scale word, "word", is not)
                # "316,279 €": the sign after the number is the continental order, where the comma is
                # a decimal comma; in English it groups thousands
                raise _Skip("an ambiguous comma (thousands or a decimal comma?)", i)
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):
                s = s.replace(",", "")
            elif money and re.fullmatch(r"\d+,\d{1,2}", s) and (money != "word" or re.fullmatch(r"\d{1,3},\d{1,2}", s)):
                # (before a percent or scale word, "4,1 percent": not "2023,12 million", a year and a missing space)
                s = s.replace(",", ".")
            else:
                raise _Skip("an ambiguous comma (a decimal comma or a list?)", i)
        elif dots > 1:
            if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
                s = s.replace(".", "")
            else:
                raise _Skip("malformed number (several dots)", i)
        decimals = len(s.split(".")[1]) if "." in s else 0
        if s.startswith("0") and len(s) > 1 and s[1] != ".":
            raise _Skip("", j if j is not None else i)  # a code with leading zeros ("06", "007")
        return float(s), decimals

    def _run_end(self, k: int) -> int:
        """The last token of the number that starts at token k (digits and what is glued to them, or a
        run of number words), so that a number skipped is skipped whole ("1 over one hundred and two")."""
        tok = self.tok(k)
        if tok is None:
            return k - 1
        if tok.kind == WORD:
            run = self.word_run(k)
            return run[1] if run is not None else k
        return self._glued_end(k)

    def _glued_end(self, j: int) -> int:
        """The last token glued to token j (an identifier runs on: "I7-860BOX")."""
        k = j
        while k + 1 < len(self.t) and self.glued(k, k + 1) and (
                self.t[k + 1].kind in (WORD, NUM) or (
                    self.t[k + 1].text in ("-", ".", "/", ":", "_") and k + 2 < len(self.t)
                    and self.glued(k + 1, k + 2) and self.t[k + 2].kind in (WORD, NUM))):
            k += 1
        return k

    # -- what follows a number ---------------------------------------------------------------------

    def currency_after(self, j: int) -> tuple[str, int]:
        """(currency, last token) for a currency right from token j on (spaces allowed before it)."""
        t = self.t
        tok = self.tok(j)
        if tok is None:
            return "", j - 1
        if j > 0 and not self.spaced(j - 1, j):
            return "", j - 1
        if tok.kind == SYM and tok.text == "€" or tok.text == "£":
            return CURRENCY_SYMBOLS[tok.text], j
        if tok.text == "$" and not (self.tok(j + 1) is not None and self.glued(j, j + 1) and t[j + 1].kind == NUM):
            return "USD", j  # "10 $" (not "1 $10")
        if tok.kind != WORD:
            return "", j - 1
        low = tok.low
        if low in CURRENCY_CODES and (tok.text.isupper() or low in LOWERCASE_CODES):
            return CURRENCY_CODES[low], j
        nation = self.tok(j + 1)
        if nation is not None and (low, nation.low) in NATION_CURRENCIES and self.spaced(j, j + 1):
            return NATION_CURRENCIES[(low, nation.low)], j + 1  # "100 chinese yuan", "10,000 swiss francs"
        if low in CURRENCY_WORDS:
            return CURRENCY_WORDS[low], j
        # U.S. dollars, US dollars, American dollars, Hong Kong dollars
        if low in ("u", "us", "american") :
            k = j
            if low == "u" and self.tok(j + 3) is not None and t[j + 1].text == "." and t[j + 2].low == "s" \
                    and t[j + 3].text == ".":
                k = j + 3
            nxt = self.tok(k + 1)
            if nxt is not None and nxt.low in ("dollar", "dollars") and self.spaced(k, k + 1) and (k > j or low != "u"):
                return "USD", k + 1
        for words, code in DOLLAR_NATIONS.items():
            n = len(words)
            ok = all(self.tok(j + m) is not None and t[j + m].low == words[m] for m in range(n))
            if ok and self.tok(j + n) is not None and t[j + n].low in ("dollar", "dollars"):
                return code, j + n
        return "", j - 1

    def unit_after(self, j: int, scaled: bool, currency: str) -> tuple[str, int, float]:
        """(unit, last token, factor) for the unit words after the number that ends at token j."""
        t = self.t
        nxt = self.tok(j + 1)
        if nxt is None:
            return "", j, 1.0
        if nxt.text == "%" and self.spaced(j, j + 1) and len(self.gap(j, j + 1)) <= 1:
            return "percent", j + 1, 1.0
        if nxt.text in ("-", "‐") and self.glued(j, j + 1):
            w = self.tok(j + 2)
            if w is not None and w.kind == WORD and self.glued(j + 1, j + 2):
                if w.low in ("percent", "pct"):
                    return "percent", j + 2, 1.0
                if w.low == "fold":
                    return "times", j + 2, 1.0
                if w.low in CURRENCY_WORDS and w.low != "won":
                    return CURRENCY_WORDS[w.low], j + 2, 1.0
                if w.low == "per" and self.tok(j + 4) is not None and t[j + 3].text == "-" \
                        and t[j + 4].low == "cent":
                    return "percent", j + 4, 1.0
            return "", j, 1.0
        if not self.spaced(j, j + 1) or nxt.kind not in (WORD, SYM):
            return "", j, 1.0
        low = nxt.low
        if low in ("percent", "percents", "pct", "pc"):
            return "percent", j + 1, 1.0
        if low == "per" and self.tok(j + 2) is not None and t[j + 2].low == "cent" and self.spaced(j + 1, j + 2):
            return "percent", j + 2, 1.0
        if low == "percentage" and self.tok(j + 2) is not None and t[j + 2].low in ("point", "points"):
            return "percentage points", j + 2, 1.0
        if low in ("pp", "ppt", "ppts", "pps"):
            return "percentage points", j + 1, 1.0
        if low in ("bp", "bps"):
            return "percentage points", j + 1, 0.01
        if low == "basis" and self.tok(j + 2) is not None and t[j + 2].low in ("point", "points"):
            return "percentage points", j + 2, 0.01
        if low == "times" and not currency:
            return "times", j + 1, 1.0
        if nxt.text.isupper() and len(low) == 4 and low[0] == "m" and low[1:] in CURRENCY_CODES:
            return CURRENCY_CODES[low[1:]], j + 1, 1e6  # "30 MUSD": 30 million US dollars
        if low in ("pound", "pounds"):
            nn = self.tok(j + 2)
            if nn is not None and nn.low == "sterling" and self.spaced(j + 1, j + 2):
                return "GBP", j + 2, 1.0
            if scaled:
                return "GBP", j + 1, 1.0
            return "", j, 1.0
        cur, k = self.currency_after(j + 1)
        if cur:
            if cur == "KRW" and low == "won" and not scaled:
                return "", j, 1.0  # "won" is mostly the verb
            return cur, k, 1.0
        return "", j, 1.0

    def range_after(self, c: dict) -> dict | None:
        """The second end of a range after the figure c, or None."""
        t, j = self.t, c["last"]
        if c["kind"] not in ("number",):
            return None
        nxt = self.tok(j + 1)
        if nxt is None:
            return None
        words = self.words_before(c["first_index"] - 1, 3)
        if nxt.text in ("-", "–", "—") and (self.glued(j, j + 1) or nxt.text != "-"):
            k = j + 2
            if nxt.text == "-" and not self.glued(j + 1, k):
                return None
            if not self.spaced(j + 1, k):
                return None
        elif nxt.low == "to" and self.spaced(j, j + 1):
            # ("rose from about 48,000 to 49,000", "fell from just over 5,400": hedges between "from" and the number)
            wider = self.words_before(c["first_index"] - 1, 8)
            hedges = len(wider) - len(_without_hedges(wider))
            if _without_hedges(wider)[-1:] == ["from"] and any(w in CHANGE_VERBS for w in wider[-6 - hedges:-1 - hedges]) \
                    or c["scaled"] and c["unit"] or c["unit"] in ("percent",):
                return None
            if c["unit"] and c["unit"] not in CURRENCY_CODES.values():
                return None
            k = j + 2
        elif nxt.low == "and" and self.spaced(j, j + 1) and words and words[-1] == "between":
            k = j + 2
        else:
            return None
        second_tok = self.tok(k)
        if second_tok is None or not (second_tok.kind == NUM or (second_tok.kind == WORD and self._word_start(k))):
            return None
        if second_tok.kind == NUM and _is_year_text(second_tok.text) and _is_year_text(t[c["first_index"]].text
                                                                                      if t[c["first_index"]].kind == NUM else ""):
            raise _Skip("", k)
        try:
            second = self.core(k, second=True)
        except _Skip:
            return None
        if second is None or second["kind"] != "number":
            return None
        if nxt.low == "to" and c["unit"] and second["unit"] != c["unit"]:
            return None
        if second["sign_before"] or (second["sign"] < 0 and nxt.text == "-"):
            return None
        return second

    # -- numbers in words --------------------------------------------------------------------------

    def word_core(self, i: int, second: bool = False) -> dict | None:
        t = self.t
        tok = t[i]
        low = tok.low
        if _fold_value(low):  # "tenfold", "twofold": a ratio in one word
            cmp, negative, _ = self.read_before(self.words_before(i - 1))
            return {"first_index": i, "start": tok.start, "last": i, "number": _fold_value(low), "sign": 1,
                    "scale": 1.0, "factor": 1.0, "unit": "times", "kind": "number", "scaled": False, "step": 1.0,
                    "comparator_before": cmp or "~=", "sign_before": False, "accounting_ok": False}
        # an ordinal word: "twelfth", "twenty-first"; "first" and "second" only after a ranking word
        if low in ORDINAL_WORDS and not self._fraction_context(i):
            words = self.words_before(i - 1, 2)
            if low in ("first", "second") and not (words and words[-1] in RANK_WORDS) \
                    and not self._superlative_after(i):
                return None
            if words and words[-1] in ("a", "an"):
                return None  # "a fifth" is a fraction (above); "a tenth-grade", "a twentieth" are not read
            if self._century_after(i):
                return None
            return self.ordinal(i, ORDINAL_WORDS[low], i)
        pre_words = self.words_before(i - 1)
        if pre_words and pre_words[-1] == "over" and i >= 2 and self.spaced(i - 2, i - 1) and not second \
                and (self.t[i - 2].kind == NUM or self.t[i - 2].low in CARDINAL):
            raise _Skip("'X over Y': a fraction or a comparison?", self._run_end(i))
        cmp, negative, _ = self.read_before(pre_words)
        pre = {"sign": 1, "comparator": cmp or "~=", "negative": negative}
        p = self.tok(i - 1)
        if p is not None and p.kind == SYM and p.text in CURRENCY_SYMBOLS and self.spaced(i - 1, i):
            return None  # "$ five": not written so
        run = self.word_run(i)
        if run is None:
            return None
        words, last, seps = run
        nxt, nxt2 = self.tok(last + 1), self.tok(last + 2)
        if nxt is not None and nxt.low == "second" and words[-1] in TENS and self.spaced(last, last + 1):
            raise _Skip("'thirty second': an ordinal or a duration?", last + 1)
        if nxt is not None and nxt.kind == WORD and self.spaced(last, last + 1) and _numberish(nxt.low) \
                and words[-1] not in DENOMINATORS and words[-1] not in ORDINAL_WORDS:
            raise _Skip("number words that are not one number", last + 1)
        if (t[i].text[:1].isupper() and last == i and nxt is not None and nxt.text == "-" and nxt2 is not None
                and nxt2.kind == WORD and nxt2.text[:1].isupper() and self.glued(last, last + 1)
                and self.glued(last + 1, last + 2) and nxt2.low not in SCALES and nxt2.low not in CURRENCY_WORDS
                and nxt2.low not in ("percent", "fold")):
            return None  # part of a name: "the Five-Year Plan"
        if words == ["half"] and pre_words and pre_words[-1] in ("first", "second", "latter", "former", "other"):
            return None  # "the first half of 2024" is a period
        # compound ordinal: "twenty-first", "twenty first"; "a twenty-first", "one twenty-first" are fractions
        if len(words) >= 2 and words[-1] in ORDINAL_WORDS and words[-2] in TENS \
                and ORDINAL_WORDS[words[-1]] < 10:
            one = words[:-2] == ["one"]
            if (pre_words and pre_words[-1] in ("a", "an") and len(words) == 2) or one:
                if self._ordinal_signal_after(last):
                    return None  # "a twenty-first birthday"
                value = 100 / (TENS[words[-2]] + ORDINAL_WORDS[words[-1]])
                at = i if one else i - 1
                cmp_a, negative_a, _ = self.read_before(pre_words if one else pre_words[:-1])
                return {"first_index": at, "start": t[at].start, "last": last, "number": value, "sign": 1,
                        "scale": 1.0, "factor": 1.0, "unit": "percent", "kind": "fraction", "scaled": False,
                        "step": None, "comparator_before": cmp_a or "~=", "sign_before": negative_a,
                        "accounting_ok": False}
            base = _words_value(words[:-1])
            if base is None:
                raise _Skip("number words that are not one number", last)
            if self._century_after(last):
                raise _Skip("", last)
            return self.ordinal(i, base[0] + ORDINAL_WORDS[words[-1]], last)
        # fractions: "a third", "two-thirds", "one and a half", "half a million"; "half a percentage point"
        value = (0.5, "fraction", None) if words in (["half", "a"], ["half", "an"]) and self.unit_after(
            last, False, "")[0] in ("percent", "percentage points") else _words_with_fraction(words, seps)
        if value is None:
            raise _Skip("number words that are not one number", last)
        number, kind, step = value
        if "and" in words and words[-1] in DENOMINATORS and self.tok(last + 1) is not None \
                and t[last + 1].low == "of" and self.spaced(last, last + 1):
            raise _Skip("a mixed number, or 'and a quarter of ...'?", last)
        of_scale = self.of_a_scale_after(last) if kind == "fraction" else None
        if of_scale is not None:  # "two thirds of a million": 666,667, not 66.7 percent and a million
            number, kind, step, last = number * SCALES[t[of_scale].low], "number", None, of_scale
        of_unit = self.fraction_unit_after(last) if kind == "fraction" else None
        if of_unit is not None:
            # a fraction of one percent or one point: "a quarter percentage point" is 0.25 of it, not 25%
            if of_unit[0] == "point":
                raise _Skip("a fraction of a point (percentage or index points?)", of_unit[1])
            unit, last, factor = of_unit
            return {"first_index": i, "start": t[i].start, "last": last, "number": number, "sign": pre["sign"],
                    "scale": 1.0, "factor": factor, "unit": unit, "kind": "number", "scaled": False, "step": None,
                    "comparator_before": pre["comparator"], "sign_before": pre["negative"],
                    "accounting_ok": False}
        if kind == "ordinal-ish":
            return None
        if kind == "fraction" and (words[-1] in ("quarter", "quarters") or words == ["half"]):
            after = self.tok(last + 1)
            following = after.low if after is not None and self.spaced(last, last + 1) else ""
            before = pre_words[-1] if pre_words else ""
            if following not in ("of", "a", "an", "the", "as", "percent") and before not in ("by", "than", "over",
                                                                                              "nearly", "almost",
                                                                                              "about", "around"):
                if not (cmp and words[0] in ("a", "an", "one")):
                    return None  # "the first quarter", "a half-day"
        if kind == "fraction" and words[0] in ("a", "an", "one") and not words[-1].endswith("s") \
                and self._ordinal_signal_after(last):
            return None  # "for a fifth consecutive month": an ordinal, not a fraction
        if kind == "fraction" and words[0] in ("a", "an") and self.tok(last + 2) is not None \
                and t[last + 1].text == "-" and self.glued(last, last + 1) and self.glued(last + 1, last + 2) \
                and t[last + 2].kind == WORD:
            return None  # "a third-party seller", "a half-year report": a compound word, not a fraction
        if words == ["one"] or words == ["a"] or words == ["an"]:
            nxt = self.tok(last + 1)
            if words == ["one"] and pre_words and pre_words[-1] in ("minus", "negative"):
                pass
            elif not (nxt is not None and nxt.kind == WORD and self.spaced(last, last + 1)
                    and (nxt.low in ("percent", "per", "percentage", "trillion", "billion", "million")
                         or nxt.low in CURRENCY_WORDS)) and not (words == ["one"] and not second and self.share_after(last)):
                return None
        if words in (["hundred"], ["thousand"], ["million"], ["billion"], ["trillion"]):
            return None
        unit, scale, scaled, factor = "", 1.0, False, 1.0
        if kind == "fraction":
            unit, number = "percent", number * 100
        else:
            # hyphen and scale: "one-trillion-yuan"
            u, j2, f = self.unit_after(last, words[-1] in SCALES or words[-1] == "dozen", "")
            if u:
                unit, last, factor = u, j2, f
        return {"first_index": i, "start": t[i].start, "last": last, "number": number, "sign": pre["sign"],
                "word_scale": SCALES.get(words[-1], 1.0) if kind == "number" else 1.0,
                "scale": scale, "factor": factor, "unit": unit, "kind": kind, "scaled": scaled or
                any(w in SCALES for w in words), "step": step * factor if step is not None else None,
                "comparator_before": pre["comparator"], "sign_before": pre["negative"], "accounting_ok": False,
                # "one point six million": one decimal, as "1.6 million" has
                "decimals": round(-math.log10(step / SCALES.get(words[-1], 1.0))) if "point" in words and step else 0}

    def of_a_scale_after(self, j: int) -> int | None:
        """The token of the scale word in "of a million" / "of one billion" right after token j, or None."""
        t, k = self.t, j
        if self.tok(k + 3) is not None and t[k + 1].low == "of" and t[k + 2].low in ("a", "an", "one") \
                and t[k + 3].low in SCALES and all(self.spaced(m, m + 1) for m in (k, k + 1, k + 2)):
            return k + 3
        return None

    def fraction_unit_after(self, j: int) -> tuple[str, int, float] | None:
        """(unit, last token, factor) when a fraction ending at token j is a fraction of one percent or
        point: "a quarter percent", "half of a percentage point", "a tenth of a percent", "1/2 percent";
        ("point", last token, 1.0) for a bare "point" ("a quarter point": percentage or index points?)."""
        t, k = self.t, j
        if self.tok(k + 2) is not None and t[k + 1].low == "of" and t[k + 2].low in ("a", "an", "one") \
                and self.spaced(k, k + 1) and self.spaced(k + 1, k + 2):
            k += 2
        unit, last, factor = self.unit_after(k, False, "")
        if unit in ("percent", "percentage points"):
            return unit, last, factor
        nxt = self.tok(k + 1)
        if nxt is not None and nxt.low in ("point", "points") and self.spaced(k, k + 1):
            return "point", k + 1, 1.0
        if nxt is not None and nxt.text == "-" and self.glued(k, k + 1) and self.tok(k + 2) is not None \
                and t[k + 2].low in ("point", "points") and self.glued(k + 1, k + 2):
            return "point", k + 2, 1.0
        return None

    def _fraction_context(self, i: int) -> bool:
        """"third" in "a third", "one third", "two-thirds" is a fraction, not an ordinal."""
        p = self.tok(i - 1)
        if p is None:
            return False
        if p.text == "-" and i >= 2:
            p = self.t[i - 2]
        return p.kind == WORD and (p.low in ("a", "an") or p.low in UNIT_WORDS or p.low in TEENS or p.low in TENS) \
            and self.t[i].low in DENOMINATORS

    def _ordinal_signal_after(self, j: int) -> bool:
        """A word after token j that makes "a fifth", "a twenty-first" an ordinal ("a fifth consecutive
        month", "a third straight year", "a second-largest")."""
        nxt = self.tok(j + 1)
        return self._superlative_after(j) or (nxt is not None and self.spaced(j, j + 1)
                                               and nxt.low in ORDINAL_SIGNALS)

    def _superlative_after(self, j: int) -> bool:
        """"second-largest", "second biggest": an ordinal of a ranking."""
        k = j + 1
        if self.tok(k) is not None and self.t[k].text in ("-", "‐") and self.glued(j, k):
            k += 1
        nxt = self.tok(k)
        return nxt is not None and nxt.kind == WORD and nxt.low.endswith("est") and len(nxt.low) > 4 \
            and (k > j + 1 or self.spaced(j, k)) and nxt.low not in ("interest", "honest", "modest", "forest")

    def _century_after(self, j: int) -> bool:
        k = j + 1
        if self.tok(k) is not None and self.t[k].text in ("-", "‐") and self.glued(j, k):
            k += 1
        nxt = self.tok(k)
        return nxt is not None and nxt.low in ("century", "centuries") and (k > j + 1 or self.spaced(j, k))

    def ordinal(self, i: int, value: int, last: int) -> dict:
        words = self.words_before(i - 1)
        cmp, _, _ = self.read_before(words)
        return {"first_index": i, "start": self.t[i].start, "last": last, "number": float(value), "sign": 1,
                "scale": 1.0, "factor": 1.0, "unit": "", "kind": "ordinal", "scaled": False, "step": 1.0,
                "comparator_before": cmp or "~=", "sign_before": False, "accounting_ok": False}

    def word_run(self, i: int) -> tuple[list[str], int, list[str]] | None:
        """The number words from token i on: joined by spaces, hyphens, "and", "&", and a comma
        after a scale word ("three million, two hundred & forty"); "point" for decimals."""
        t = self.t
        words, seps, last = ["zero" if t[i].low in NOUGHTS else t[i].low], [""], i
        k = i + 1
        limit = i + 40
        while k < len(t) and k < limit:
            tok = t[k]
            low = "zero" if tok.low in NOUGHTS and "point" in words else tok.low  # "point nought four"
            if tok.kind == SYM and tok.text in ("-", "‐") and self.glued(k - 1, k) and k + 1 < len(t) \
                    and self.glued(k, k + 1) and words[-1] in TENS and (t[k + 1].low in UNIT_ORDINALS or (
                        t[k + 1].low in ORDINAL_WORDS and ORDINAL_WORDS[t[k + 1].low] < 10)):
                words.append(t[k + 1].low)  # "twenty-first", "twenty-firsts": an ordinal ends the run
                seps.append("-")
                last = k + 1
                break
            if tok.kind == SYM and tok.text in ("-", "‐") and self.glued(k - 1, k) and k + 3 < len(t) \
                    and t[k + 1].low == "and" and t[k + 2].text in ("-", "‐") and self.glued(k, k + 1) \
                    and self.glued(k + 1, k + 2) and self.glued(k + 2, k + 3) and t[k + 3].kind == WORD \
                    and _number_word(t[k + 3].low, words, after_and=True) \
                    and (words[-1] == "hundred" or words[-1] in SCALES or self._denominator_ahead(k + 3)):
                words.append("and")  # "two-and-a-half years", "three-and-a-half-year"
                seps.append("-")
                k += 3
                continue
            if tok.kind == SYM and tok.text in ("-", "‐") and "point" not in words and k + 3 < len(t) \
                    and t[k + 1].low == "point" and t[k + 2].text == tok.text \
                    and all(self.glued(m - 1, m) for m in range(k, k + 4)) \
                    and (t[k + 3].low in UNIT_WORDS or t[k + 3].low in NOUGHTS
                         or t[k + 3].kind == NUM and t[k + 3].text.isdigit()):
                # "one-point-six percent", "one-point-67 trillion dollars" (as some broadcasters write decimals)
                words += ["point", "zero" if t[k + 3].low in NOUGHTS else t[k + 3].low]
                seps += ["-", "-"]
                last, k = k + 3, k + 4
                continue
            if tok.kind == SYM and tok.text in ("-", "‐") and self.glued(k - 1, k) and k + 1 < len(t) \
                    and self.glued(k, k + 1) and t[k + 1].kind == WORD and _number_word(t[k + 1].low, words):
                words.append(t[k + 1].low)
                seps.append("-")
                last, k = k + 1, k + 2
                continue
            if tok.kind == SYM and tok.text in ("-", "–") and words[-1] in TENS and self.spaced(k - 1, k) \
                    and k + 1 < len(t) and self.spaced(k, k + 1) and t[k + 1].low in UNIT_WORDS \
                    and t[k + 1].low != "zero":
                words.append(t[k + 1].low)  # "fifty - two"
                seps.append("-")
                last, k = k + 1, k + 2
                continue
            if tok.kind == SYM and tok.text in ("-", "–") and (words[-1] in UNIT_WORDS or words[-1] in TEENS
                                                               or words[-1] in TENS) \
                    and self.spaced(k - 1, k) and k + 1 < len(t) and self.spaced(k, k + 1) \
                    and t[k + 1].low in DENOMINATORS and t[k + 1].low not in ("half", "halves"):
                words.append(t[k + 1].low)  # "five - eighths", "one - fourth": a hyphen written spaced
                seps.append("-")
                last = k + 1
                break
            if tok.kind == SYM and tok.text == "," and words[-1] in SCALES and self.glued(k - 1, k) \
                    and k + 1 < len(t) and self.spaced(k, k + 1) and t[k + 1].kind == WORD \
                    and (t[k + 1].low in CARDINAL or t[k + 1].low in ("a", "an")) and t[k + 1].low != "one":
                # continue only if what follows is smaller than the scale
                rest = self._peek_run(k + 1)
                if rest is not None and rest < SCALES[words[-1]]:
                    k += 1
                    continue
                break
            if not self.spaced(k - 1, k):
                break
            if tok.kind == WORD and tok.low in ("and",) or tok.text == "&":
                if k + 1 < len(t) and self.spaced(k, k + 1) and t[k + 1].kind == WORD \
                        and _number_word(t[k + 1].low, words, after_and=True) \
                        and (words[-1] in ("hundred",) or words[-1] in SCALES or words[-1] in UNIT_WORDS
                             or words[-1] in TEENS or words[-1] in TENS):
                    if t[k + 1].low in ("a", "an") or words[-1] in ("hundred",) or words[-1] in SCALES \
                            or self._denominator_ahead(k + 2):
                        words.append("and")
                        seps.append(" ")
                        k += 1
                        continue
                break
            if tok.kind == WORD and words[-1] in TENS and tok.low in ORDINAL_WORDS and ORDINAL_WORDS[tok.low] < 10 \
                    and tok.low != "second":
                words.append(tok.low)  # "twenty first": an ordinal ends the run ("thirty second" may be a time)
                seps.append(" ")
                last = k
                break
            if tok.kind == WORD and _number_word(low, words):
                words.append(low)
                seps.append(" ")
                last, k = k, k + 1
                continue
            if tok.kind == WORD and tok.low == "point" and k + 1 < len(t) and (t[k + 1].low in UNIT_WORDS
                    or t[k + 1].low in TENS or t[k + 1].low in TEENS or t[k + 1].low in NOUGHTS) \
                    and self.spaced(k, k + 1):
                words.append("point")
                seps.append(" ")
                k += 1
                continue
            break
        while words and words[-1] in ("and", "point"):
            words.pop()
            seps.pop()
        # a dangling "a"/"an" that led nowhere
        if words in (["a"], ["an"]):
            return None
        return words, last, seps

    def _denominator_ahead(self, k: int) -> bool:
        """A denominator ends the number words from token k on ("and three fifths" after "twenty"), so an
        "and" before them joins a mixed number ("twenty and three and three fifths")."""
        t = self.t
        for m in range(k, min(k + 8, len(t))):
            low = t[m].low
            if low in DENOMINATORS or low in UNIT_ORDINALS and low.endswith("s"):
                return True
            if not (low in CARDINAL or low in ("and", "a", "an", "-")) or not self.spaced(m - 1, m):
                return False
        return False

    def _peek_run(self, k: int) -> float | None:
        t, words = self.t, []
        while k < len(t) and len(words) < 12 and t[k].kind == WORD and (t[k].low in CARDINAL or t[k].low in (
                "and",)):
            words.append(t[k].low)
            k += 1
            while k < len(t) and t[k].text in ("-", "&"):
                k += 1
        words = [w for w in words if w != "and"]
        got = _words_value(words) if words else None
        return got[0] if got else None


def _without_hedges(words: list[str]) -> list[str]:
    """`words` without the hedges that end them (at most three: "from just over", "from more than")."""
    n = len(words)
    while n and len(words) - n < 3 and words[n - 1] in HEDGES_BEFORE:
        n -= 1
    return words[:n]


def _fold_value(low: str) -> float | None:
    """"tenfold": 10.0; "twofold", "hundredfold", "thousandfold"; None for other words ("manifold")."""
    stem = low[:-4] if low.endswith("fold") else ""
    if stem in UNIT_WORDS or stem in TEENS or stem in TENS:
        return float(UNIT_WORDS.get(stem) or TEENS.get(stem) or TENS[stem]) if stem != "zero" else None
    return {"hundred": 100.0, "thousand": 1000.0}.get(stem)


def _numberish(low: str) -> bool:
    """A word made from a number word that a run could not take: "trillionths", "firsts", "dozens"."""
    if low in ORDINAL_WORDS or low in DENOMINATORS or low in ("dozens",):
        return low not in ("first", "second")
    stem = low[:-1] if low.endswith("s") else low
    if stem in ORDINAL_WORDS and stem not in ("first", "second"):
        return True
    return stem.endswith("th") and (stem[:-2] in CARDINAL or stem[:-2] + "y" in CARDINAL)


def _number_word(low: str, words: list[str], after_and: bool = False) -> bool:
    if low in CARDINAL or low in DOZENS:
        return True
    if low in ("a", "an"):
        return after_and or words[-1] in ("half", "and")
    if low in DENOMINATORS:
        return True
    return low == "firsts" and words[-1] in TENS  # "three twenty firsts"


def _words_value(words: list[str]) -> tuple[float, float] | None:
    """(value, step) of cardinal number words, or None when they are not one number."""
    total, current, last = 0.0, None, None
    seg_hundred = False
    prev_scale = math.inf
    trailing_scale = 1.0
    for w in words:
        if w == "and":
            if last not in ("hundred", "scale"):
                return None
            continue
        if w in ("a", "an"):
            if current is not None or last not in (None, "scale"):
                return None
            current, last = 1, "a"
            continue
        if w in UNIT_WORDS:
            n = UNIT_WORDS[w]
            if last in ("unit", "teen", "a") or (last == "ten" and n == 0):
                return None
            if n == 0 and current is not None:
                return None
            current, last = (current or 0) + n, "unit"
        elif w in TEENS:
            if last in ("unit", "teen", "ten", "a"):
                return None
            current, last = (current or 0) + TEENS[w], "teen"
        elif w in TENS:
            if last in ("unit", "teen", "ten", "a"):
                return None
            current, last = (current or 0) + TENS[w], "ten"
        elif w == "hundred":
            if current is None or current == 0 or current >= 100 or seg_hundred and current >= 100:
                return None
            if seg_hundred:
                return None
            current, last, seg_hundred = current * 100, "hundred", True
        elif w in SCALES:
            s = SCALES[w]
            if current is None or current == 0 or s >= prev_scale:
                return None
            total += current * s
            current, last, prev_scale, seg_hundred = None, "scale", s, False
        elif w in DOZENS:
            if last not in ("unit", "teen", "ten", "a") or current is None or total or seg_hundred \
                    or len([x for x in words if x != "and"]) > 2:
                return None  # "three hundred and two dozens": 324 or 3,624? not read
            current, last = current * 12, "scale"
        else:
            return None
    if last is None:
        return None
    value = total + (current or 0)
    if words and words[-1] in SCALES:
        trailing_scale = SCALES[words[-1]]
    return value, trailing_scale


def _words_with_fraction(words: list[str], seps: list[str] | None = None) -> tuple[float, str, float | None] | None:
    """(value, kind, step) for number words that may end in a fraction ("two-thirds", "one and a
    half", "half a million"); kind "fraction" when there is no whole part, else "number"."""
    if "point" in words:
        at = words.index("point")
        whole = _words_value(words[:at])
        digits = words[at + 1:]
        scale = SCALES[digits.pop()] if len(digits) > 1 and digits[-1] in SCALES else 1.0  # "one point six million"
        if whole is None or not digits:
            return None
        if all(d in UNIT_WORDS for d in digits):
            frac = "".join(str(UNIT_WORDS[d]) for d in digits)
        elif len(digits) == 1 and digits[0].isdigit():
            frac = digits[0]  # "one-point-67"
        else:
            sub = _words_value(digits)
            if sub is None or len(digits) > 2:
                return None
            frac = str(int(sub[0]))
        return float(f"{int(whole[0])}.{frac}") * scale, "number", 10.0 ** -len(frac) * scale
    if words[0] in ("half",):
        if len(words) == 1:
            return 0.5, "fraction", None
        if len(words) == 2 and words[1] in SCALES:
            return 0.5 * SCALES[words[1]], "number", None  # "half million"
        if len(words) >= 3 and words[1] in ("a", "an") and (words[2] in SCALES or words[2] == "dozen") \
                and len(words) == 3:
            return 0.5 * (SCALES.get(words[2]) or 12.0), "number", None
        return None
    den_at = next((k for k, w in enumerate(words) if w in DENOMINATORS
                   or (w in UNIT_ORDINALS and k > 0 and words[k - 1] in TENS)), None)
    if den_at is None:
        got = _words_value(words)
        if got is None:
            return None
        return got[0], "number", got[1]
    den_word, head, tail = words[den_at], words[:den_at], words[den_at + 1:]
    if not head and den_word == "quarter" and len(tail) == 1 and tail[0] in SCALES:
        return 0.25 * SCALES[tail[0]], "number", None  # "quarter million"
    if not head:
        return None
    den = DENOMINATORS.get(den_word) or UNIT_ORDINALS[den_word]
    # a compound denominator: "three twenty-firsts" (3/21), "one hundred thirty-fifths" (100/35). The tens
    # word joins the ordinal when a hyphen binds them, or when it cannot continue the numerator ("three
    # twenty firsts"); "one hundred thirty fifths" (130/5 or 100/35?) is not read; after "and" the tens word
    # is the numerator's ("one hundred and thirty fifths": 130/5)
    if den_word in UNIT_ORDINALS and head[-1] in TENS and len(head) >= 2 and head[-2] != "and":
        bound = seps is not None and seps[den_at] == "-"
        if not bound and den_word not in ("first", "firsts") and _words_value(head) is not None:
            return None
        den, head = TENS[head[-1]] + UNIT_ORDINALS[den_word], head[:-1]
    elif den_word not in DENOMINATORS:
        return None
    plural = den_word.endswith("s")
    # a mixed number: the last "and" parts a whole from a proper fraction ("one and a half", "one hundred
    # and three quarters"); when the fraction after it would not be proper, the whole run is the numerator
    # ("one hundred and thirty fifths": 130/5, not 100 + 30/5)
    whole_words: list[str] = []
    numer_words = head
    if "and" in head:
        at = len(head) - 1 - head[::-1].index("and")
        numer = _numerator(head[at + 1:])
        # a decimal read aloud: "three hundred and twenty-one thousandths" is 321/1000, the "and" the
        # cardinal's own (after "hundred" or a scale word), not a mixed number's
        decimal = den >= 10 and math.log10(den).is_integer() and (head[at - 1] == "hundred" or head[at - 1] in SCALES) \
            and (_numerator(head) or den) < den
        if numer is not None and numer < den and not decimal:
            whole_words, numer_words = head[:at], head[at + 1:]
    numerator = _numerator(numer_words)
    if numerator is None or numerator <= 0:
        return None
    if (numerator == 1) == plural and den_word not in ("half",):
        return None  # "one thirds", "two third"
    ratio = numerator / den
    tail_scale = SCALES[tail[0]] if len(tail) == 1 and tail[0] in SCALES else None
    if tail and tail_scale is None:
        return None
    if whole_words:
        whole = _words_value(_tens_and_unit(whole_words))
        if whole is None:
            return None
        if whole_words[-1] in SCALES and (tail_scale or SCALES[whole_words[-1]] >= 1e6):
            # the fraction is of the scale it follows or comes before: "two million and one half" is 2.5
            # million (the idiom, not 2,000,000.5), "one billion and three quarters million" 1,000,750,000
            # (after "thousand" it stays a mixed number: "one thousand and three tenths", 1,000.3)
            of = tail_scale or SCALES[whole_words[-1]]
            if of > SCALES[whole_words[-1]]:
                return None
            return whole[0] + ratio * of, "number", None
        value, kind = whole[0] + ratio, "number"
    else:
        value, kind = ratio, "fraction"
    if tail_scale is not None:
        return value * tail_scale, "number", None  # "five and a half million", "three quarters billion"
    return value, kind, None


def _numerator(words: list[str]) -> float | None:
    """The numerator of a fraction in words: "a"/"an" is one, else a cardinal ("a hundred thousand")."""
    if words in (["a"], ["an"]):
        return 1.0
    got = _words_value(words) if words else None
    return got[0] if got is not None else None


def _tens_and_unit(words: list[str]) -> list[str]:
    """The whole part of a mixed number may join a tens and a unit word with "and" ("twenty and three
    and three fifths": 23 3/5): that "and" dropped, the words are a plain cardinal."""
    out = []
    for k, w in enumerate(words):
        if w == "and" and 0 < k < len(words) - 1 and words[k - 1] in TENS and words[k + 1] in UNIT_WORDS \
                and words[k + 1] != "zero":
            continue
        out.append(w)
    return out


def _ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _is_year_text(s: str) -> bool:
    return len(s) == 4 and s.isdigit() and 1900 <= int(s) <= 2099
