"""One frame comparison for the tests that compare whole stores (golden as-of, migrations)."""

from __future__ import annotations

import pandas as pd


def assert_frames_equal(got: pd.DataFrame, expected: pd.DataFrame, context: str, check_dtype: bool = True) -> None:
    """pandas' assert_frame_equal, after a vectorised DataFrame.equals that settles the usual case
    (identical frames) in a fraction of the time; any difference goes through assert_frame_equal
    for its message (DataFrame.equals also demands equal dtypes: frames it passes pass with or
    without check_dtype; frames that differ only in dtypes go to assert_frame_equal)."""
    if list(got.columns) == list(expected.columns) and got.equals(expected):
        return
    pd.testing.assert_frame_equal(got, expected, check_dtype=check_dtype, obj=context)
