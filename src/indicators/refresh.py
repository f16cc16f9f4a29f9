"""Refresh: fetch (or read the bundled snapshot), parse, and write one vintage per batch, per source.

Each source succeeds or fails on its own: a failure is one line naming the source, writes
nothing, and leaves that source's last good vintage as it was. A source's batches (one vintage
each) are written in one transaction: all or none, even if the process is killed midway. A
refresh whose payloads are byte-identical to the source's newest vintages writes nothing but an
`unchanged` event, and a batch the store already holds is not written again. One
process at a time refreshes a source (Store.source_lock, shared by every host of the store); a
second waits for it, then usually finds the payloads unchanged. With each vintage, in the same
transaction, a revision report says what changed against what the store served before (values
revised, series added or dropped); indicators.pipeline adds which claim verdicts changed.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from indicators import frame, sources
from indicators.http import SourceError, session
from indicators.store import ReadOnlyStore, Store, Vintage

LOCK_TIMEOUT_S = 600.0
"""How long a refresh waits for another process refreshing the same source (then it skips)."""


@dataclass
class Result:
    source: str
    status: str  # "ok", "unchanged", "failed", "skipped"
    rows: int = 0
    vintages: list[int] = field(default_factory=list)
    detail: str = ""
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)


def refresh(
    names: list[str] | None = None,
    offline: bool = False,
    store: Store | None = None,
    progress: Callable[[str], None] = lambda line: None,
    check_claims: bool = False,
    lock_timeout: float = LOCK_TIMEOUT_S,
) -> list[Result]:
    """Refresh the named sources (all by default). Never raises for a source's failure; raises
    ReadOnlyStore (one line) when the store cannot be written at all.

    Each vintage is written with its revision report in one transaction. Which claim verdicts
    changed is not this module's concern (data flows to claims, not back): `indicators.pipeline`
    adds it. `check_claims` is accepted for callers of the older signature and ignored."""
    store = store or Store()
    if store.read_only:
        raise ReadOnlyStore(f"the store at {store.url} is read-only: refresh needs a writable store")
    names = names or list(sources.NAMES)
    results = []
    for name in names:
        progress(f"{name}: {'reading bundled snapshot' if offline else 'fetching live'} ...")
        result = refresh_source(name, offline, store, progress=progress, lock_timeout=lock_timeout)
        results.append(result)
        progress(f"{name}: {result.status} {result.detail}".rstrip())
    return results


def refresh_source(name: str, offline: bool, store: Store, progress: Callable[[str], None] = lambda line: None,
                   lock_timeout: float = LOCK_TIMEOUT_S) -> Result:
    started = time.perf_counter()
    module = sources.get(name)
    mode = "offline" if offline else "live"
    try:
        if not offline and not module.METADATA.live:
            result = Result(name, "skipped", detail="no live endpoint; the bundled snapshot is its data (refresh --offline)")
            store.log_event(name, "skipped", detail=result.detail)
            return result
        batches = module.snapshot() if offline else module.fetch(http=session())
        if not batches:
            result = Result(name, "skipped", detail="nothing bundled: the series is absent until a live refresh")
            store.log_event(name, "skipped", detail=result.detail)
            return result
    except Exception as exc:  # any failure of one source is reported, never fatal to the others
        detail = _one_line(exc, name)
        store.log_event(name, "failed", detail=detail)
        return Result(name, "failed", detail=detail, seconds=time.perf_counter() - started)
    try:
        lock = store.source_lock(name, timeout=0)
        lock.__enter__()
    except TimeoutError:
        progress(f"{name}: another refresh of {name} is running: waiting for it (up to {lock_timeout:.0f} s)")
        try:
            lock = store.source_lock(name, timeout=lock_timeout)
            lock.__enter__()
        except TimeoutError:
            detail = f"another refresh of {name} is still running after {lock_timeout:.0f} s: skipped"
            store.log_event(name, "skipped", detail=detail)
            return Result(name, "skipped", detail=detail, seconds=time.perf_counter() - started)
    try:
        return _write_batches(name, module, batches, mode, store, started)
    finally:
        lock.__exit__(None, None, None)


def _write_batches(name: str, module, batches, mode: str, store: Store, started: float) -> Result:
    """Under the source's lock: nothing if the payloads are those of the newest vintages, else one
    vintage (with its revision report) per batch that is new, all in ONE transaction: a failure or
    a kill in any batch stores none of this refresh's batches. Batches whose payloads the store's
    newest vintages already hold, in order, are not written again (a rerun after a partial load by
    an older version), and neither is a batch repeating the payloads of the vintage before it."""
    skip = stored_prefix(store, name, batches)
    if skip == len(batches):
        same_as = store.latest_vintage(name)
        detail = f"payloads identical to vintage {same_as.id}: nothing written"
        store.log_event(name, "unchanged", vintage=same_as.id, detail=detail)
        return Result(name, "unchanged", detail=detail, seconds=time.perf_counter() - started)
    newest = store.latest_vintage(name)
    predecessor = newest.payload_sha256 if newest is not None else None
    todo = []
    for batch in batches[skip:]:
        signature = _signature(batch)
        if signature and signature == predecessor and (todo or _same_places(store, [batch], [newest])):
            continue  # the same payloads, from the same place, as the vintage it would follow: it would change nothing
        todo.append(batch)
        predecessor = signature
    if not todo:
        detail = f"payloads identical to vintage {newest.id}: nothing written"
        store.log_event(name, "unchanged", vintage=newest.id, detail=detail)
        return Result(name, "unchanged", detail=detail, seconds=time.perf_counter() - started)
    try:
        parsed = [(batch, _parse_batch(module, batch)) for batch in todo]
    except Exception as exc:  # any failure of one source is reported, never fatal to the others
        detail = _one_line(exc, name)
        store.log_event(name, "failed", detail=detail)
        return Result(name, "failed", detail=detail, seconds=time.perf_counter() - started)

    result = Result(name, "ok")
    before = store.served_values(name)
    loads = []
    for batch, (data, warnings) in parsed:
        after = served_after(before, data)
        loads.append(dict(
            data=data, raw=batch.payloads, label=batch.label, mode=mode,
            release_date=max((p.release_date for p in batch.payloads), default=""), validated=True,
            report=functools.partial(_report, before, after, name),
        ))
        before = after
        result.warnings.extend(warnings)
    try:
        written = store.write_vintages(name, loads)
    except Exception as exc:
        detail = _one_line(exc, name)
        store.log_event(name, "failed", detail=detail)
        return Result(name, "failed", detail=detail, seconds=time.perf_counter() - started, warnings=result.warnings)
    for vintage in written:
        result.rows += vintage.rows
        result.vintages.append(vintage.id)
        result.reports.append(store.report(vintage.id))
    result.seconds = time.perf_counter() - started
    ids = result.vintages
    result.detail = f"vintage {ids[0]}" if len(ids) == 1 else f"vintages {ids[0]} to {ids[-1]}"
    if skip or len(todo) < len(batches) - skip:
        result.detail += f"; {len(batches) - len(todo)} batch(es) already stored"
    return result


def _report(before, after, name, vintage_id, previous):
    return revision_report(before, after, vintage_id, previous, name)


def _signature(batch) -> str:
    return ",".join(p.sha256 for p in batch.payloads)


def stored_prefix(store: Store, name: str, batches) -> int:
    """How many of the batches, from the first, the store's newest vintages of `name` already hold,
    in order (the newest vintages' payloads equal to the first batches' payloads, read from the same
    place): all of them when a refresh would serve exactly what is served now. 0 otherwise."""
    signatures = [_signature(batch) for batch in batches]
    if not all(signatures):
        return 0
    recent = store.recent_vintages(name, len(signatures))
    for count in range(min(len(recent), len(signatures)), 0, -1):
        if [v.payload_sha256 for v in recent[-count:]] == signatures[:count] and \
                _same_places(store, batches[:count], recent[-count:]):
            return count
    return 0


def _same_places(store: Store, batches, recent) -> bool:
    # The same bytes read from another place (a store loaded before bundled copies were named, or
    # a mirror) would keep rows that name the wrong place: load them again.
    for batch, vintage in zip(batches, recent):
        read_via = {p.read_via for p in batch.payloads if p.read_via}
        if read_via and not read_via <= store.read_via_of(vintage):
            return False
    return True


def unchanged_since(store: Store, name: str, batches) -> "Vintage | None":
    """The newest vintage of `name` if the batches' payloads are byte for byte those of its newest
    vintages (one per batch, in order): then a refresh would serve exactly what is served now, and
    writes nothing. None otherwise."""
    if batches and stored_prefix(store, name, batches) == len(batches):
        return store.latest_vintage(name)
    return None


def _parse_batch(module, batch) -> tuple[pd.DataFrame, list[str]]:
    """Parse each payload and validate it once (a source's parse that validated already is not
    checked again); payloads of one batch must not repeat a key. The store trusts the result."""
    frames, warnings = [], []
    name = module.METADATA.name
    for payload in batch.payloads:
        data = module.parse(payload)
        warnings.extend(f"{payload.name}: {w}" for w in data.attrs.get("warnings", []))
        frames.append(data if frame.is_validated(data) else frame.validate(data, source=name))
    data = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(frames) > 1:
        # Checked whole before any batch is written: a duplicate key across payloads fails the source, not half of it.
        frame.check_unique(data, source=name)
    return data, warnings


def served_after(before: pd.DataFrame, written: pd.DataFrame) -> pd.DataFrame:
    """What the store serves for a source once `written` is its newest vintage, from what it served
    before: per key the row released last, the new vintage winning ties (the rule of Store.frame).
    Computed here instead of read back: reading a large source again (ember, 80k rows) costs
    about a second and a second copy of the frame in memory."""
    columns = frame.KEY + ["value", "released"]
    rows = pd.concat([before.reindex(columns=columns).assign(newest=False), written[columns].assign(newest=True)],
                     ignore_index=True)
    return rows.sort_values(["released", "newest"], kind="stable").drop_duplicates(frame.KEY, keep="last")


def revision_report(before: pd.DataFrame, after: pd.DataFrame, vintage: int, previous: int | None, source: str) -> dict:
    """What changed in what the store serves for `source`: revised values, added and dropped series."""
    key = frame.KEY
    old = (before if len(before) else frame.empty()).set_index(key)["value"]
    new = (after if len(after) else frame.empty()).set_index(key)["value"]
    common = old.index.intersection(new.index)
    delta = (new.loc[common] - old.loc[common])
    changed = delta[delta.abs() > 1e-9 * old.loc[common].abs().clip(lower=1.0)]
    revised = [
        {**dict(zip(key, idx)), "old": float(old.loc[idx]), "new": float(new.loc[idx]),
         "change": float(changed.loc[idx]),
         "change_pct": (float(changed.loc[idx] / old.loc[idx] * 100) if old.loc[idx] else None)}
        for idx in changed.index
    ]
    added = new.index.difference(old.index)
    dropped = old.index.difference(new.index)
    series = lambda index: sorted({"/".join(str(v) for v in (i[1], i[2], i[3], i[5])) for i in index})  # noqa: E731
    return {
        "source": source,
        "vintage": vintage,
        "previous": previous,
        "revised": revised,
        "revised_count": len(revised),
        "added_count": len(added),
        "added_series": series(added),
        "dropped_count": len(dropped),
        "dropped_series": series(dropped),
    }


def _one_line(exc: Exception, source: str) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, SourceError) or text.startswith(f"{source}:"):
        text = text[len(source) + 1 :].strip() if text.startswith(f"{source}:") else text
    elif not isinstance(exc, (frame.FrameError, FileNotFoundError)):
        text = f"{type(exc).__name__}: {text}"
    return text[:300]
