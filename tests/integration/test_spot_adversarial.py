"""Adversarial readings (issue 20): sentences written to tempt the spotter into a false accusation, each beside a
plainly wrong figure with every dimension stated that must still be accused."""

from __future__ import annotations

import pytest

from indicators import spot

ACCUSING = ("contradicted", "misleading")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-adversarial")


def by_span(found, words):
    [c] = [c for c in found if words in c.span]
    return c


# --- a figure of an earlier release (a preliminary estimate, since revised) -----------------------------

@pytest.mark.parametrize("sentence, span", [
    # NBS's early estimate (2025-01-23): 3,613 billion yuan and 6.91 percent; the final bulletin (2025-09-29):
    # 3,632.68 billion and 6.88 percent. A text of October still quoting the estimate is not wrong.
    ("China's R&D spending reached 3.61 trillion yuan in 2024, up 8.9 percent, with basic research at 250 "
     "billion yuan, or 6.91 percent of the total.", "3.61 trillion"),
    ("China's R&D spending reached 3.61 trillion yuan in 2024, up 8.9 percent, with basic research at 250 "
     "billion yuan, or 6.91 percent of the total.", "6.91 percent"),
    ("In 2024 China spent 3.613 trillion yuan on research and development.", "3.613 trillion"),
])
def test_a_figure_of_the_earlier_release_is_not_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-10-01"), span)
    assert found.verdict not in ACCUSING
    assert found.verdict != "needs-review" or "earlier estimate" in found.explanation


@pytest.mark.parametrize("sentence, span", [
    ("China's R&D spending reached 3.9 trillion yuan in 2024.", "3.9 trillion"),
    ("Basic research accounted for 8.2 percent of China's R&D spending in 2024.", "8.2 percent"),
])
def test_a_figure_no_release_holds_is_still_accused(store, sentence, span):
    found = by_span(spot.spot(sentence, store=store, published="2025-10-01"), span)
    assert found.verdict in ACCUSING
