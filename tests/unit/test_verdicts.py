"""One verdict table (indicators/verdicts.py) read by the engine, CLI, dashboard, report and ClaimReview."""

from __future__ import annotations

from indicators import claimreview, claims, report, verdicts
from indicators.figures import base


def test_every_consumer_reads_the_one_table():
    assert claims.VERDICTS == verdicts.VERDICTS
    assert report.VERDICT_MEANING is verdicts.MEANINGS
    assert claimreview.RATINGS is verdicts.RATINGS
    assert base.VERDICT_COLORS is verdicts.BADGE_COLORS


def test_every_verdict_has_a_meaning_and_readable_badge():
    for name in verdicts.VERDICTS:
        entry = verdicts.TABLE[name]
        assert entry.meaning
        assert verdicts.contrast(entry.text, entry.badge) >= 4.5, name  # WCAG AA for normal text


def test_needs_review_exists_and_ratings_are_ordered():
    assert "needs-review" in verdicts.VERDICTS
    assert "needs-review" not in verdicts.RATINGS  # not judged: no ClaimReview
    order = ["contradicted", "misleading", "inconclusive", "supported-rounded", "supported"]
    assert [verdicts.RATINGS[v][0] for v in order] == [1, 2, 3, 4, 5]
