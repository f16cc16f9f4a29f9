"""The verdicts: one table of what each means, its badge colours and its ClaimReview rating.

The claims engine, the CLI, the dashboard's badges and charts, the report and the ClaimReview
export all read this module; there is no second table. Badge colours are the Okabe-Ito palette
(colour-blind safe; the verdict is always also written out), and each badge's text colour is the
one of near-black and white with the higher WCAG contrast on it (a test checks the contrast).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    name: str
    meaning: str
    badge: str  # background colour of the badge (and the verdict's colour in charts)
    text: str  # text colour on the badge
    rating: tuple[int, str] | None = None  # ClaimReview (ratingValue 1-5, alternateName); None: no review


DARK, LIGHT = "#1a1a1a", "#ffffff"

_TABLE = [
    Verdict("supported", "the data meet the claim as worded", "#009E73", DARK, (5, "Supported by the data")),
    Verdict("supported-rounded", "the data meet it within the rounding its wording implies", "#0072B2", LIGHT,
            (4, "Supported within the rounding of its wording")),
    Verdict("misleading", "true on one reading of the data, false on another a reader would assume", "#E69F00", DARK,
            (2, "Misleading: true on one reading of the data, false on another")),
    Verdict("inconclusive", "the data and the claim overlap within their rounding or within the usual difference "
            "between two bases; cannot say either way", "#F0E442", DARK,
            (3, "Inconclusive: the data and the claim overlap within their rounding or the difference between bases")),
    Verdict("contradicted", "the data do not meet the claim", "#D55E00", DARK, (1, "Contradicted by the data")),
    Verdict("unverifiable", "the data needed are not in the store, were published after the as-of date, or come "
            "only from the article itself", "#8C8C8C", DARK),
    Verdict("needs-review", "a figure whose mapping to a series is not fully determined: a person must confirm "
            "what it counts before it is judged", "#56B4E9", DARK),
    Verdict("opinion", "not a factual claim; listed so readers see it was considered", "#CC79A7", DARK),
    Verdict("error", "the claim could not be judged: its entry in the claims file breaks the schema, or its units "
            "cannot be compared", "#000000", LIGHT),
]
TABLE: dict[str, Verdict] = {v.name: v for v in _TABLE}
VERDICTS: list[str] = list(TABLE)
MEANINGS: dict[str, str] = {v.name: v.meaning for v in _TABLE}
BADGE_COLORS: dict[str, str] = {v.name: v.badge for v in _TABLE}
TEXT_COLORS: dict[str, str] = {v.name: v.text for v in _TABLE}
RATINGS: dict[str, tuple[int, str]] = {v.name: v.rating for v in _TABLE if v.rating}
BEST_RATING, WORST_RATING = 5, 1
UNKNOWN = Verdict("unknown", "", "#8C8C8C", DARK)


def get(verdict: str) -> Verdict:
    return TABLE.get(verdict, UNKNOWN)


def meaning(verdict: str) -> str:
    return get(verdict).meaning


def badge(verdict: str) -> tuple[str, str]:
    """(background, text) colours of a verdict's badge."""
    entry = get(verdict)
    return entry.badge, entry.text


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
