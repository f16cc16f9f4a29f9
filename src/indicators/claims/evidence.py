"""Reading a claim's evidence from the store: rows as of a date, the rates to convert them, and the
independence rule (a row whose source is the article being judged never verifies that article)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
from pydantic import BaseModel

from indicators import cache, derive
from indicators.store import Store

SPEC_COLUMNS = ["dataset", "entity", "counterpart", "product", "period", "freq", "unit"]
STORE_FILTERS = ["counterpart", "dataset", "entity"]
"""The spec columns Store.frame() filters on in SQL (the rest are filtered on the frame it returns)."""


def as_spec(spec: dict | BaseModel | None) -> dict:
    """A series spec as the plain mapping the store is filtered by (keys left out when not set)."""
    if spec is None:
        return {}
    if isinstance(spec, BaseModel):
        spec = spec.model_dump()
    return {k: v for k, v in spec.items() if v is not None}


@cache.memo("evidence: normalised URLs", 4096)  # a judging pass compares the same few URLs of every row it reads
def normalise_url(url: str | None) -> str:
    """A URL as compared for independence: no scheme, no 'www.', no query or fragment, no trailing slash, lower-case host."""
    text = str(url or "").strip()
    if not text:
        return ""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.I)
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    host, _, path = text.partition("/")
    host = host.lower().removeprefix("www.")
    return (host + ("/" + path if path else "")).rstrip("/")


@dataclass(frozen=True)
class OwnSource:
    """The article being judged: its URL and the URLs of its copies (normalised when compared)."""

    urls: tuple[str, ...] = ()
    label: str = ""
    normalised: frozenset = field(default=frozenset(), init=False)

    def __post_init__(self):
        object.__setattr__(self, "normalised", frozenset(n for n in (normalise_url(u) for u in self.urls) if n))

    def owns(self, row: pd.Series | dict) -> bool:
        return any(normalise_url(row.get(column)) in self.normalised
                   for column in ("source_url", "read_via") if row.get(column))


def _key(spec: dict) -> tuple:
    """What a spec names of the store's rows (its source, indicator and spec columns): the key of a pass's reads."""
    return (spec["source"], spec["indicator"], *(spec.get(column) for column in SPEC_COLUMNS))


def _store_filters(spec: dict) -> tuple:
    """The filters of a spec that the store applies in SQL, as sorted (column, text) pairs: those that
    narrow a read most (one economy's exports to the world, not to every partner: 27,000 Ember rows
    become 200). The other spec columns are filtered on the frame the store returns."""
    return tuple((column, str(spec[column])) for column in STORE_FILTERS if spec.get(column) is not None)


class Evidence:
    """Reads the series a claim names from the store, as of a date or latest, leaving out rows
    whose source is the article being judged (`own`)."""

    as_of: str | None = None
    own: OwnSource = OwnSource()

    def __init__(self, store: Store, as_of: str | None, own: OwnSource | None = None):
        self.store = store
        self.as_of = as_of
        self.own = own or OwnSource()
        self._rates: derive.Rates | None = None
        self._read_rows: dict[tuple, pd.DataFrame] = {}  # spec -> its rows, for this one judging pass
        self._one: dict[tuple, pd.Series | None] = {}  # spec -> the row one() chose, for this one judging pass
        self._latest: Evidence | None = None  # the store without the as-of date (published_later)
        self._series: dict[tuple, pd.DataFrame] = {}  # (source, indicator, store filters) -> rows read by prefetch()

    def prefetch(self, specs) -> None:
        """Read the series of all `specs` (mappings or models naming a source and an indicator) in one
        store query per source and set of store filters, instead of one query per series: the claims
        of a text name some twenty series from a few sources. A series not prefetched is read alone."""
        wanted: dict[tuple, set[str]] = {}
        for spec in specs:
            spec = as_spec(spec)
            if isinstance(spec.get("source"), str) and isinstance(spec.get("indicator"), str):
                wanted.setdefault((spec["source"], _store_filters(spec)), set()).add(spec["indicator"])
        for (source, narrow), names in wanted.items():
            data = self.store.frame(source=source, indicator=sorted(names), as_of=self.as_of, **dict(narrow))
            for name, rows in data.groupby("indicator", sort=False):
                self._series[(source, name, narrow)] = rows
            # A series the store does not hold is left to its own read (its empty frame, typed as the store types it).

    def _read(self, spec: dict) -> pd.DataFrame:
        """The rows a spec names (read once per Evidence: one judging pass reads one state of the store;
        many claims of a text name the same series)."""
        key = _key(spec)
        if key not in self._read_rows:
            narrow = _store_filters(spec)
            data = self._series.get((spec["source"], spec["indicator"], narrow))
            if data is None:
                data = self.store.frame(source=spec["source"], indicator=spec["indicator"], as_of=self.as_of,
                                        **dict(narrow))
            for column in SPEC_COLUMNS:
                if spec.get(column) is not None:
                    data = data[data[column] == str(spec[column])]
            self._read_rows[key] = data
        return self._read_rows[key]

    def _own_mask(self, data: pd.DataFrame) -> pd.Series:
        """Rows whose source_url (or read_via) is the article or a copy of it; each distinct URL normalised once."""
        mask = pd.Series(False, index=data.index)
        if not self.own.normalised or data.empty:
            return mask
        for column in ("source_url", "read_via"):
            if column in data:
                own = {u for u in data[column].dropna().unique() if u and normalise_url(u) in self.own.normalised}
                if own:
                    mask |= data[column].isin(own)
        return mask

    def rows(self, spec: dict) -> pd.DataFrame:
        """The rows matching `spec`, without those taken from the article being judged."""
        spec = as_spec(spec)
        data = self._read(spec)
        return data[~self._own_mask(data)]

    def own_rows(self, spec: dict) -> pd.DataFrame:
        """The rows matching `spec` whose source is the article being judged (never used as evidence)."""
        if not self.own.normalised:
            return pd.DataFrame()
        spec = as_spec(spec)
        data = self._read(spec)
        return data[self._own_mask(data)]

    def one(self, spec: dict) -> pd.Series | None:
        """The row a spec names; where several tables hold it (a preliminary and a final release, two
        publishers' copies), the most recently released one (as of the date), then the newest vintage."""
        spec = as_spec(spec)
        key = _key(spec)
        if key not in self._one:  # (the claims of a long text name the same rows many times)
            data = self.rows(spec)
            self._one[key] = data.sort_values(["released", "vintage"], kind="stable").iloc[-1] if len(data) else None
        return None if self._one[key] is None else self._one[key].copy()

    def published_later(self, spec: dict) -> pd.Series | None:
        """The first row matching `spec` that the store holds but was published after the as-of date."""
        spec = as_spec(spec)
        if not self.as_of or not spec.get("source") or not spec.get("indicator"):
            return None
        if self._latest is None:  # the store as it stands, read once per judging pass
            self._latest = Evidence(self.store, None, self.own)
        latest = self._latest.rows(spec)
        if latest.empty:
            return None
        return latest.sort_values("released").iloc[0]

    def fx(self, series_id: str, year: str, entity: str = "CHN") -> pd.Series | None:
        """An annual average exchange rate (local currency per USD) from the store's fx series."""
        return self.one({"source": "fx", "indicator": series_id, "entity": entity, "period": year, "freq": "A"})

    def rates(self) -> derive.Rates:
        """The store's average CNY/USD rates as of the date (derive.Rates), read once."""
        if getattr(self, "_rates", None) is None:
            frames = [self.rows({"source": source, "indicator": name}) for source, name in derive.RATE_SERIES.values()]
            frames = [f for f in frames if len(f)]
            self._rates = derive.Rates(data=pd.concat(frames) if frames else
                                       pd.DataFrame(columns=["indicator", "period", "value"]))
        return self._rates


def source_ref(row: pd.Series) -> dict:
    return {
        "source": row["source"], "dataset": row["dataset"], "indicator": row["indicator"],
        "entity": row["entity"], "period": row["period"], "value": float(row["value"]), "unit": row["unit"],
        "publisher": row["publisher"], "url": row["source_url"], "read_via": row.get("read_via", "") or "",
        "released": row["released"],
        "vintage": int(row["vintage"]), "qualifier": row["qualifier"],
    }
