"""The tidy observation frame: one row per observation, one schema for every source.

Values are unscaled (1.06 trillion yuan is 1.06e12 with unit "CNY"). `period` is a string whose
shape follows `freq`: A "2023", Q "2023-Q1", H "2023-H1", M "2023-07", YTD "2023-01/2023-04"
(January to April). `released` is the date the figure became public: stated by the publisher
where known, otherwise the day after the period ends (the earliest it could have been known).
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

KEY = ["source", "dataset", "indicator", "entity", "counterpart", "product", "period", "freq", "unit"]
"""Columns that identify one observation; a duplicate key in one load is an error."""

TEXT_COLUMNS = KEY + ["qualifier", "publisher", "source_url", "read_via", "released", "note"]
COLUMNS = KEY + ["value", "qualifier", "publisher", "source_url", "read_via", "released", "note"]
"""What a source's parse() returns. The store adds `vintage` and `retrieved_at`.

`publisher` is who published the figure originally; `source_url` is the page or file it was read
from; `read_via` names that site when it is not the publisher's own (e.g. "natlawreview.com"),
and is "" when the figure was read from the primary source."""

FREQS = {"A", "Q", "H", "M", "YTD"}
PERIOD_PATTERNS = {
    "A": re.compile(r"^\d{4}$"),
    "Q": re.compile(r"^\d{4}-Q[1-4]$"),
    "H": re.compile(r"^\d{4}-H[12]$"),
    "M": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "YTD": re.compile(r"^\d{4}-01/\d{4}-(0[1-9]|1[0-2])$"),
}
QUALIFIERS = {"", "more than", "about", "less than", "nearly"}
"""A published figure's wording when it is not exact: "more than" (over, exceeded) and "less than" (under, below) are
bounds; "nearly" (nearly, almost) is just below the figure, no further than numbers.nearly_reach; "about" either
side."""
PRIMARY = "read from the primary source"
"""How provenance text describes a figure whose `read_via` is "" (the publisher's own page or file)."""
UNLINKED = "no link recorded (see note)"
"""`read_via` of a figure whose source cell holds no URL: not read from the primary source either."""
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


FLAGS = ("suspect:", "inconsistent:")
FLAG_END = " | "
"""A figure kept as published although it does not add up has a note that starts with a flag
("inconsistent: 'over USD 150 bn' is not the sum of ...") ended by FLAG_END; `flagged()` reads it."""


def with_flag(flag: str, *parts: str) -> str:
    """A note: the flag (if any) first, ended by FLAG_END, then the other non-empty parts."""
    rest = "; ".join(p for p in parts if p)
    if not flag:
        return rest
    return f"{flag}{FLAG_END}{rest}" if rest else flag


def flagged(note: str | None) -> str:
    """The flag at the start of a note ("" when the figure is not flagged), for every view to show."""
    text = (note or "").strip()
    if not text.startswith(FLAGS):
        return ""
    return text.split(FLAG_END, 1)[0]


def provenance(publisher: str, read_via: str | None) -> str:
    """Who published a figure and where it was read, the words every view shows:
    "WIPO, read via natlawreview.com", "FRED (read from the primary source)"."""
    via = (read_via or "").strip()
    if not via:
        return f"{publisher} ({PRIMARY})"
    if via == UNLINKED:
        return f"{publisher} ({via})"
    return f"{publisher}, read via {via}"


class FrameError(ValueError):
    """A frame does not fit the schema; the message says which rows and why."""


def empty() -> pd.DataFrame:
    """A frame with the schema's columns and no rows."""
    return pd.DataFrame({c: pd.Series(dtype="float64" if c == "value" else "object") for c in COLUMNS})


def build(records: list[dict], **defaults) -> pd.DataFrame:
    """Make a schema frame from row dicts; `defaults` fill columns a row leaves out."""
    rows = [{**{c: "" for c in TEXT_COLUMNS}, **defaults, **r} for r in records]
    frame = pd.DataFrame(rows, columns=COLUMNS) if rows else empty()
    frame["value"] = pd.to_numeric(frame["value"], errors="raise").astype("float64")
    for column in TEXT_COLUMNS:
        frame[column] = frame[column].fillna("").astype(str)
    missing = frame["released"] == ""
    if missing.any():
        frame.loc[missing, "released"] = default_released(frame.loc[missing, "period"], frame.loc[missing, "freq"])
    return frame


def default_released(periods: pd.Series, freqs: pd.Series) -> pd.Series:
    """period_end_next_day for whole columns at once, "" for a malformed period (validate() then
    says what is wrong). Vectorised: the row-by-row version cost a second on the 80k rows of ember."""
    periods, freqs = periods.astype(str), freqs.astype(str)
    result = pd.Series("", index=periods.index, dtype=object)
    for freq, pattern in PERIOD_PATTERNS.items():
        rows = (freqs == freq) & periods.str.match(pattern.pattern)
        if not rows.any():
            continue
        chosen = periods[rows]
        if freq == "YTD":
            year, month = chosen.str[8:12].astype(int), chosen.str[13:15].astype(int)
        else:
            year = chosen.str[:4].astype(int)
            month = {"A": lambda p: pd.Series(12, index=p.index), "Q": lambda p: p.str[-1].astype(int) * 3,
                     "H": lambda p: p.str[-1].astype(int) * 6, "M": lambda p: p.str[5:7].astype(int)}[freq](chosen)
        next_year = year + (month == 12)
        next_month = month % 12 + 1
        result[rows] = next_year.map("{:04d}".format) + "-" + next_month.map("{:02d}".format) + "-01"
    return result


def _default_released(period: str, freq: str) -> str:
    """period_end_next_day, or "" for a malformed period (validate() then says what is wrong)."""
    pattern = PERIOD_PATTERNS.get(freq)
    return period_end_next_day(period, freq) if pattern and pattern.match(period) else ""


def period_end_next_day(period: str, freq: str) -> str:
    """The day after a period ends: the earliest date a figure for it can have been public."""
    year = int(period[:4])
    if freq == "A":
        end_year, end_month = year, 12
    elif freq == "Q":
        end_year, end_month = year, int(period[-1]) * 3
    elif freq == "H":
        end_year, end_month = year, int(period[-1]) * 6
    elif freq == "M":
        end_year, end_month = year, int(period[5:7])
    elif freq == "YTD":
        end_year, end_month = int(period[8:12]), int(period[13:15])
    else:
        raise FrameError(f"unknown freq {freq!r} for period {period!r}")
    if end_month == 12:
        return date(end_year + 1, 1, 1).isoformat()
    return date(end_year, end_month + 1, 1).isoformat()


def validate(frame: pd.DataFrame, source: str = "") -> pd.DataFrame:
    """Check a frame against the schema and return it in canonical column order.

    Raises FrameError naming the source and the first offending rows: missing columns, a value
    that is not a finite number, an empty unit, a period that does not fit its freq, an unknown
    qualifier, or a duplicate key.
    """
    label = f"{source}: " if source else ""
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise FrameError(f"{label}frame lacks columns {missing}")
    frame = frame[COLUMNS].copy()
    if len(frame) == 0:
        raise FrameError(f"{label}frame has no rows")
    if not pd.api.types.is_float_dtype(frame["value"]):
        raise FrameError(f"{label}column 'value' must be float, got {frame['value'].dtype}")
    bad_value = ~pd.Series(pd.notna(frame["value"]) & (frame["value"].abs() != float("inf")), index=frame.index)
    _fail_if(bad_value, frame, f"{label}value is missing or not finite")
    for column in TEXT_COLUMNS:
        if pd.api.types.infer_dtype(frame[column], skipna=False) not in ("string", "empty"):
            raise FrameError(f"{label}column {column!r} must hold strings")
    for column in ["source", "dataset", "indicator", "entity", "period", "freq", "unit"]:
        _fail_if(frame[column].str.strip() == "", frame, f"{label}{column} is empty")
    _fail_if(~frame["freq"].isin(FREQS), frame, f"{label}freq not in {sorted(FREQS)}")
    period_ok = pd.Series(False, index=frame.index)
    for freq, pattern in PERIOD_PATTERNS.items():
        rows = frame["freq"] == freq
        period_ok[rows] = frame.loc[rows, "period"].str.match(pattern.pattern)
    _fail_if(~period_ok, frame, f"{label}period does not fit its freq")
    _fail_if(~frame["qualifier"].isin(QUALIFIERS), frame, f"{label}qualifier not in {sorted(QUALIFIERS)}")
    _fail_if(~frame["released"].str.match(DATE.pattern), frame, f"{label}released is not YYYY-MM-DD")
    _fail_if(frame.duplicated(KEY, keep=False), frame, f"{label}duplicate key")
    frame = frame.reset_index(drop=True)
    frame.attrs["tidy_validated"] = (len(frame), tuple(frame.columns))
    return frame


def is_validated(frame: pd.DataFrame) -> bool:
    """Whether `frame` is, by shape, exactly what validate() returned (refresh then skips a second
    validation of a source's parse output; the store validates anything else)."""
    return frame.attrs.get("tidy_validated") == (len(frame), tuple(frame.columns))


def check_unique(frame: pd.DataFrame, source: str = "") -> None:
    """The duplicate-key check alone, for frames concatenated from validated parts."""
    label = f"{source}: " if source else ""
    _fail_if(frame.duplicated(KEY, keep=False), frame, f"{label}duplicate key")


def _fail_if(mask: pd.Series, frame: pd.DataFrame, message: str) -> None:
    if bool(mask.any()):
        sample = frame.loc[mask, KEY + ["value"]].head(3).to_dict("records")
        raise FrameError(f"{message} in {int(mask.sum())} row(s), e.g. {sample}")
