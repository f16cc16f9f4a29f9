"""The rules, one per check kind: each takes a validated claim (claims/schema.py) and the evidence."""

from __future__ import annotations

from indicators.claims.rules.figures import check_exact, check_figure, check_rounded, check_threshold
from indicators.claims.rules.ranks import check_count, check_leader, check_opinion, check_rank_trend

RUNNERS = {"threshold": check_threshold, "rounded": check_rounded, "exact": check_exact, "leader": check_leader,
           "count": check_count, "rank_trend": check_rank_trend, "opinion": check_opinion}

__all__ = ["RUNNERS", "check_count", "check_exact", "check_figure", "check_leader", "check_opinion", "check_rank_trend",
           "check_rounded", "check_threshold"]
