# Verbatim copy of src/indicators/store.py at commit 9f11d2e (the store before changes were stored
# once): the old engine, kept for the golden as-of test (test_golden_asof.py) and to write stores
# "by the old code" for the migration test. Made with `git show 9f11d2e:src/indicators/store.py`;
# do not edit (the only change: these comment lines are prepended).
"""The vintaged observation store, behind a database URL (SQLite by default, PostgreSQL by configuration).

Every load writes one vintage in one transaction: the vintage row, its raw payloads and its
observations commit together or not at all, so a reader sees a vintage whole or not at all, and a
failed or killed load leaves the previous vintages untouched.

Reading resolves each observation key to its most recent *published* value: the row with the
latest `released` date (ties: the newest vintage). `as_of=DATE` keeps only rows released on or
before DATE, which is "what a user could have known then".
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timezone

import pandas as pd
import sqlalchemy as sa

from indicators import config
from indicators import frame as tidy
from indicators.payload import Payload

metadata = sa.MetaData()

vintages = sa.Table(
    "vintages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(40), nullable=False, index=True),
    sa.Column("label", sa.String(200), nullable=False, default=""),
    sa.Column("retrieved_at", sa.String(32), nullable=False),
    sa.Column("release_date", sa.String(10), nullable=False, default=""),
    sa.Column("payload_sha256", sa.Text, nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("mode", sa.String(20), nullable=False),  # "offline" (bundled) or "live"
)

payloads = sa.Table(
    "payloads",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=False),
)

observations = sa.Table(
    "observations",
    metadata,
    sa.Column("vintage", sa.Integer, sa.ForeignKey("vintages.id"), nullable=False, index=True),
    *[sa.Column(c, sa.Float if c == "value" else sa.Text, nullable=False) for c in tidy.COLUMNS],
    sa.Index("ix_obs_lookup", "indicator", "entity", "released"),
    sa.Index("ix_obs_source", "source", "dataset"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(40), nullable=False, index=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),  # ok, failed, skipped
    sa.Column("vintage", sa.Integer, nullable=True),
    sa.Column("detail", sa.Text, nullable=False, default=""),
)

reports = sa.Table(
    "revision_reports",
    metadata,
    sa.Column("vintage", sa.Integer, sa.ForeignKey("vintages.id"), primary_key=True),
    sa.Column("previous", sa.Integer, nullable=True),
    sa.Column("report", sa.Text, nullable=False),  # JSON
)


@dataclass(frozen=True)
class Vintage:
    id: int
    source: str
    label: str
    retrieved_at: str
    release_date: str
    payload_sha256: str
    rows: int
    mode: str


class StoreError(RuntimeError):
    """The store cannot be opened or read (corrupt file, wrong schema)."""


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """Vintages of tidy frames in a SQL database. `Store()` opens the configured one."""

    def __init__(self, url: str | None = None):
        self.url = url or config.database_url()
        self.engine = sa.create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            metadata.create_all(self.engine)
        except sa.exc.DatabaseError as exc:
            raise StoreError(f"cannot open the store at {_safe_url(self.url)}: {_first_line(exc)}") from None
        self._cache: dict[tuple, pd.DataFrame] = {}
        self._lock = threading.Lock()
        self._local = threading.local()  # the read recordings of this thread (recording_reads)

    # -- writing ---------------------------------------------------------------------------

    def write_vintage(
        self,
        source: str,
        data: pd.DataFrame,
        raw: list[Payload] | tuple[Payload, ...] = (),
        label: str = "",
        mode: str = "offline",
        release_date: str = "",
    ) -> Vintage:
        """Validate `data` and write it as a new vintage of `source`, atomically. Returns the vintage."""
        checked = tidy.validate(data, source=source)
        if set(checked["source"]) != {source}:
            raise tidy.FrameError(f"{source}: frame rows name other sources {sorted(set(checked['source']))}")
        retrieved_at = now_utc()
        sha = ",".join(p.sha256 for p in raw)
        with self.engine.begin() as conn:
            vintage_id = conn.execute(
                vintages.insert().values(
                    source=source,
                    label=label,
                    retrieved_at=retrieved_at,
                    release_date=release_date,
                    payload_sha256=sha,
                    rows=len(checked),
                    mode=mode,
                )
            ).inserted_primary_key[0]
            for p in raw:
                exists = conn.execute(sa.select(payloads.c.sha256).where(payloads.c.sha256 == p.sha256)).first()
                if not exists:
                    conn.execute(
                        payloads.insert().values(
                            sha256=p.sha256, name=p.name, url=p.url, kind=p.kind, size=len(p.raw), raw=p.raw
                        )
                    )
            _insert_rows(conn, checked.assign(vintage=vintage_id))
        return self.vintage(vintage_id)

    def log_event(self, source: str, status: str, vintage: int | None = None, detail: str = "") -> None:
        """Record a refresh outcome (for `/health` and `indicators sources`)."""
        with self.engine.begin() as conn:
            conn.execute(events.insert().values(source=source, at=now_utc(), status=status, vintage=vintage, detail=detail))

    def save_report(self, vintage: int, previous: int | None, report: dict) -> None:
        with self.engine.begin() as conn:
            conn.execute(reports.insert().values(vintage=vintage, previous=previous, report=json.dumps(report)))

    # -- reading ---------------------------------------------------------------------------

    def vintages(self, source: str | None = None) -> list[Vintage]:
        """All vintages, oldest first (optionally of one source)."""
        self._note_read(source)
        query = sa.select(vintages).order_by(vintages.c.id)
        if source:
            query = query.where(vintages.c.source == source)
        with self._read() as conn:
            return [Vintage(**row._mapping) for row in conn.execute(query)]

    def vintage(self, vintage_id: int) -> Vintage:
        with self._read() as conn:
            row = conn.execute(sa.select(vintages).where(vintages.c.id == vintage_id)).first()
        if row is None:
            raise KeyError(f"no vintage {vintage_id}")
        return Vintage(**row._mapping)

    def latest_vintage(self, source: str) -> Vintage | None:
        found = self.vintages(source)
        return found[-1] if found else None

    def last_events(self) -> dict[str, dict]:
        """Per source: the last successful refresh and the last failure, if any."""
        with self._read() as conn:
            rows = conn.execute(sa.select(events).order_by(events.c.id)).all()
        result: dict[str, dict] = {}
        for row in rows:
            entry = result.setdefault(row.source, {"last_ok": None, "last_error": None})
            if row.status == "failed":
                entry["last_error"] = {"at": row.at, "detail": row.detail}
            elif row.status == "ok":
                entry["last_ok"] = {"at": row.at, "vintage": row.vintage}
        return result

    def report(self, vintage_id: int) -> dict | None:
        with self._read() as conn:
            row = conn.execute(sa.select(reports).where(reports.c.vintage == vintage_id)).first()
        return json.loads(row.report) if row else None

    def reports(self) -> dict[int, dict]:
        """Every revision report, by vintage id (one query, for views that list them all)."""
        with self._read() as conn:
            return {row.vintage: json.loads(row.report) for row in conn.execute(sa.select(reports))}

    def vintage_frame(self, vintage_id: int) -> pd.DataFrame:
        """Exactly the rows one vintage wrote."""
        with self._read() as conn:
            data = pd.read_sql(sa.select(observations).where(observations.c.vintage == vintage_id), conn)
        return data

    def payload(self, sha256: str) -> bytes:
        with self._read() as conn:
            row = conn.execute(sa.select(payloads.c.raw).where(payloads.c.sha256 == sha256)).first()
        if row is None:
            raise KeyError(f"no payload {sha256}")
        return bytes(row.raw)

    def generation(self, source: str | None = None) -> int:
        """The newest vintage id (of `source`, if given): changes whenever a load (of that source)
        commits. The cache key for readers."""
        query = sa.select(sa.func.coalesce(sa.func.max(vintages.c.id), 0))
        if source:
            query = query.where(vintages.c.source == source)
        with self._read() as conn:
            return conn.execute(query).scalar_one()

    def state(self) -> tuple[int, int, int]:
        """(newest vintage id, newest event id, number of revision reports): changes whenever a load,
        a refresh outcome or a revision report is written. The cache key of views that show more
        than the data (the dashboard's data page lists refresh errors and reports)."""
        newest = lambda table: sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0)).scalar_subquery()  # noqa: E731
        with self._read() as conn:
            row = conn.execute(sa.select(newest(vintages), newest(events),
                                         sa.select(sa.func.count()).select_from(reports).scalar_subquery())).one()
        return tuple(row)

    def versions(self) -> dict[str, int]:
        """Per source, its newest vintage id (one query). A result computed from some sources stays
        current while their versions do not change (ReadCache)."""
        with self._read() as conn:
            query = sa.select(vintages.c.source, sa.func.max(vintages.c.id)).group_by(vintages.c.source)
            return {source: newest for source, newest in conn.execute(query)}

    @contextlib.contextmanager
    def recording_reads(self):
        """Collect, in the yielded set, the sources whose data this thread reads inside the block
        (frame(), vintages(); None stands for "every source"). Rows of a given vintage never change,
        so vintage() and vintage_frame() are not reads of a source's current state."""
        recordings = self._local.__dict__.setdefault("recordings", [])
        reads: set = set()
        recordings.append(reads)
        try:
            yield reads
        finally:
            recordings.remove(reads)

    def _note_read(self, source: str | None) -> None:
        for reads in getattr(self._local, "recordings", ()):
            reads.add(source or None)

    def frame(
        self,
        source: str | None = None,
        dataset: str | None = None,
        indicator: str | list[str] | None = None,
        entity: str | list[str] | None = None,
        as_of: str | None = None,
        counterpart: str | list[str] | None = None,
    ) -> pd.DataFrame:
        """The tidy frame: each key's most recent published value (as of a date, if given).

        Columns: tidy.COLUMNS plus `vintage` and `retrieved_at`. Cached per version of what it
        reads (the source's newest vintage, or the store generation for all sources), so a new
        vintage is seen by the next call without a restart, and a load of one source leaves the
        cached frames of the others valid.
        """
        self._note_read(source)
        if as_of is not None:
            as_of = _check_date(as_of)
        key = (self.generation(source), source, dataset, _tuple(indicator), _tuple(entity), as_of, _tuple(counterpart))
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                # Entries of older versions of the same reads can never be read again (versions only
                # grow): drop them first, so a refresh or the dashboard does not hold every old frame.
                for old in [k for k in self._cache if k[1] == source and k[0] < key[0]]:
                    del self._cache[old]
        if cached is not None:
            return cached.copy()
        result = self._resolve(source, dataset, indicator, entity, as_of, counterpart=counterpart)
        with self._lock:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = result
        return result.copy()

    def served_values(self, source: str) -> pd.DataFrame:
        """The key, value and release date of each observation the store serves for `source` (what a
        revision report compares): frame() without the descriptive columns, a third faster on the
        80k rows of ember. Not cached."""
        return self._resolve(source, None, None, None, None, columns=[*tidy.KEY, "value", "released"])

    def _resolve(self, source, dataset, indicator, entity, as_of, columns: list[str] | None = None,
                 counterpart=None) -> pd.DataFrame:
        obs = observations
        conditions = []
        if source:
            conditions.append(obs.c.source == source)
        if dataset:
            conditions.append(obs.c.dataset == dataset)
        if indicator:
            conditions.append(obs.c.indicator.in_(_tuple(indicator)))
        if entity:
            conditions.append(obs.c.entity.in_(_tuple(entity)))
        if counterpart:  # the counterpart is part of the key: filtering before the ranking changes no answer
            conditions.append(obs.c.counterpart.in_(_tuple(counterpart)))
        if as_of:
            conditions.append(obs.c.released <= as_of)
        rank = sa.func.row_number().over(
            partition_by=[obs.c[c] for c in tidy.KEY],
            order_by=[obs.c.released.desc(), obs.c.vintage.desc()],
        )
        if self.engine.dialect.name == "sqlite":
            # SQLite's window sorts whole rows: rank (rowid, key) only and join the winning rows back,
            # a third faster on the 80k rows of ember.
            row_id = sa.literal_column("observations.rowid")
            ranked = sa.select(row_id.label("row_id"), rank.label("rank")).where(*conditions).subquery()
            rows, joined = obs, obs.join(ranked, ranked.c.row_id == row_id)
        else:
            ranked = sa.select(obs, rank.label("rank")).where(*conditions).subquery()
            rows, joined = ranked, ranked
        if columns is None:  # the whole tidy frame, with each row's vintage and its retrieval time
            query = (sa.select(*[rows.c[c] for c in tidy.COLUMNS], rows.c.vintage, vintages.c.retrieved_at)
                     .select_from(joined.join(vintages, vintages.c.id == rows.c.vintage)))
        else:
            query = sa.select(*[rows.c[c] for c in columns]).select_from(joined)
        query = (query.where(ranked.c.rank == 1)
                 .order_by(*[rows.c[c] for c in ["source", "dataset", "indicator", "entity", "product", "period"]]))
        with self._read() as conn:
            data = pd.read_sql(query, conn)
        data["value"] = data["value"].astype("float64")
        return data

    def _read(self):
        try:
            return self.engine.connect()
        except sa.exc.DatabaseError as exc:
            raise StoreError(f"cannot read the store at {_safe_url(self.url)}: {_first_line(exc)}") from None


class ReadCache:
    """Results computed from a store, kept per version of the sources each one read (least recently
    used out): a load of one source rebuilds only the results that read that source.

    `get(store, key, build)` returns the result for `key` as of the store's current versions,
    calling `build()` on a miss while recording what it reads. Each key is built once: a thread
    asking for a key another thread is building waits for that build. A hit replays the result's
    reads into any recording around it, so caches of results built from cached results stay exact.
    """

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict[tuple, tuple] = OrderedDict()  # versioned key -> (result, reads)
        self._reads: OrderedDict[tuple, frozenset] = OrderedDict()  # key -> what its last build read
        self._building: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, store: Store, key: tuple, build):
        key = (store.url, *key)
        versions = store.versions()  # before building: a load during the build makes the next call rebuild
        with self._lock:
            hit = self._lookup(key, versions)
            if hit is None:
                building = self._building.setdefault(key, threading.Lock())
        if hit is None:
            with building:
                try:
                    with self._lock:
                        hit = self._lookup(key, versions)  # built while this thread waited
                    if hit is None:
                        with store.recording_reads() as reads:
                            result = build()
                        hit = (result, frozenset(reads))
                        with self._lock:
                            self._reads[key] = hit[1]
                            self._items[self._versioned(key, hit[1], versions)] = hit
                            while len(self._items) > self._size:
                                self._items.popitem(last=False)
                            while len(self._reads) > 4 * self._size:
                                self._reads.popitem(last=False)
                finally:
                    with self._lock:
                        self._building.pop(key, None)
        for source in hit[1]:
            store._note_read(source)
        return hit[0]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._reads.clear()

    def _lookup(self, key: tuple, versions: dict[str, int]):
        reads = self._reads.get(key)
        if reads is None:
            return None
        versioned = self._versioned(key, reads, versions)
        hit = self._items.get(versioned)
        if hit is not None:
            self._items.move_to_end(versioned)
        return hit

    @staticmethod
    def _versioned(key: tuple, reads: frozenset, versions: dict[str, int]) -> tuple:
        if None in reads:  # read every source: any load makes it stale
            return (*key, max(versions.values(), default=0))
        return (*key, tuple(sorted((source, versions.get(source, 0)) for source in reads)))


def _insert_rows(conn: sa.Connection, data: pd.DataFrame) -> None:
    """Bulk insert through the driver's executemany: ~10x faster than dict rows for 80k observations."""
    columns = ["vintage", *tidy.COLUMNS]
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO observations ({', '.join(columns)}) VALUES ({', '.join([marker] * len(columns))})"
    values = data[columns]
    rows = list(zip(*(values[c].tolist() for c in columns)))
    for start in range(0, len(rows), 20000):
        conn.exec_driver_sql(sql, rows[start : start + 20000])


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers keep reading the last committed vintage while a load writes the next one.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _check_date(value: str) -> str:
    try:
        return datetime.strptime(str(value), "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise ValueError(f"as_of must be a date YYYY-MM-DD, got {value!r}") from None


def _tuple(value) -> tuple:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _safe_url(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]


def frame(
    source: str | None = None,
    dataset: str | None = None,
    indicator: str | list[str] | None = None,
    entity: str | list[str] | None = None,
    as_of: str | None = None,
) -> pd.DataFrame:
    """The tidy frame from the configured store (`INDICATORS_DB`), for notebooks: see `Store.frame`."""
    return Store().frame(source=source, dataset=dataset, indicator=indicator, entity=entity, as_of=as_of)
