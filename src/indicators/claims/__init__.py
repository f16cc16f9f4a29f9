"""The claims engine: an article's statements (data/articles/<slug>/claims.yaml) judged against the store.

Rules are generic: their text is computed from the data (which side of a threshold, which way a
currency moved, the comparator used) or taken from the claims file (definitions, caveats, notes);
no publisher, index or article is named here. A claim record says what was stated (value, unit, comparator, wording) and which series in the
store is its evidence. The engine reads that series, brings it into the claim's unit (indicators.derive),
applies the tolerance the wording implies and the basis the claim declares, and returns a `ClaimResult`
with the numbers it compared. No verdict is ever written by hand.

The package, along its seams:
- schema.py    the typed claims (pydantic): every key and its default
- loader.py    reading and validating a claims file
- evidence.py  reading the store as of a date; the independence rule (the article is never its own evidence)
- rules/       one rule per check kind, on validated claims (figures: threshold/rounded/exact; ranks: leader/count/rank_trend/opinion)
- views.py     other views: the other currency, per-product breakdowns, annual sums of monthly data
- result.py    ClaimResult and the words and tables it is printed with
- engine.py    check_all / check_article / check_one
- matching.py  the same claim in several articles

Verdicts, their meanings and colours: indicators/verdicts.py.
"""

from __future__ import annotations

from indicators import verdicts
from indicators.claims import matching, schema
from indicators.claims.engine import check_all, check_article, check_one, claim_matches, own_source
from indicators.claims.evidence import Evidence, OwnSource, normalise_url, source_ref
from indicators.claims.loader import ClaimsFileError, article_claims, claims_path, load_claims
from indicators.claims.result import (EXACT_UNITS, SCALE_WORDS, SIDE_WORDS, ClaimResult, fmt, fmt_against, fmt_exact, fmt_range,
                                      format_table, observed_text, published_half_width, results_frame, stated_text,
                                      verdict_counts, verdict_counts_text)
from indicators.claims.rules import (RUNNERS, check_count, check_exact, check_leader, check_opinion, check_rank_trend,
                                     check_rounded, check_threshold)
from indicators.claims.rules.common import base_result, day_after_period, error_result, finish, stated_value, typed, unverifiable
from indicators.claims.schema import COMPARATORS
from indicators.claims.views import add_breakdown, add_currency_view, monthly_sum

VERDICT_MEANINGS = verdicts.MEANINGS  # one table: indicators/verdicts.py
VERDICTS = verdicts.VERDICTS
CHECKS = set(schema.CHECK_KINDS)

__all__ = [
    "CHECKS", "COMPARATORS", "EXACT_UNITS", "RUNNERS", "SCALE_WORDS", "SIDE_WORDS", "VERDICTS", "VERDICT_MEANINGS",
    "ClaimResult", "ClaimsFileError", "Evidence", "OwnSource", "add_breakdown", "add_currency_view", "article_claims",
    "base_result", "check_all", "check_article", "check_count", "check_exact", "check_leader", "check_one",
    "check_opinion", "check_rank_trend", "check_rounded", "check_threshold", "claim_matches", "claims_path",
    "day_after_period", "error_result", "finish", "fmt", "fmt_against", "fmt_range", "format_table", "load_claims",
    "matching", "monthly_sum", "normalise_url", "observed_text", "own_source", "published_half_width",
    "results_frame", "schema", "source_ref", "stated_text", "stated_value", "typed", "unverifiable",
    "verdict_counts", "verdict_counts_text",
]
