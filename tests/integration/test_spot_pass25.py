"""Mapping pass 25 (issue 20): a frame read the same under every hash seed, and general classes of wording found on the
development detail of the pass, each tested on phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from indicators import spot
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass25")


# --- a list whose members two wholes of one depth hold -----------------------------------------------------------------

LISTED = ("Chinese exports of electric vehicles, including battery electric vehicles and plug-in hybrids, increased by "
          "over 100% in September from the same month last year.")

def _subject_under(seed: int, db: str) -> str:
    code = ("from indicators.store import Store; from indicators import spot; "
            f"found = spot.spot({LISTED!r}, store=Store({db!r}), published='2025-10-20'); "
            "print([c.frame.get('subject') for c in found if c.span == 'over 100%'][0])")
    env = {**os.environ, "PYTHONHASHSEED": str(seed),
           "PYTHONPATH": os.pathsep.join([str(Path(spot.__file__).parents[2]), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_listed_whole_does_not_depend_on_the_hash_seed(store):
    """EVs and NEVs both hold BEVs and PHEVs: the member the list names (EVs) is the whole, under any seed (it had
    flipped between "ev" and "nev" with PYTHONHASHSEED, a choice among a set's members)."""
    subjects = {_subject_under(seed, store.url) for seed in (0, 7, 13)}
    assert subjects == {"ev"}


def test_a_listed_whole_is_the_named_member(store):
    assert by_span(spot.spot(LISTED, store=store, published="2025-10-20"), "over 100%").frame["subject"] == "ev"
