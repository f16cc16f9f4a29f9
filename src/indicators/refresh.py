"""Refresh: fetch (or read the bundled snapshot), parse, and write one vintage per batch, per source.

Each source succeeds or fails on its own: a failure is one line naming the source, writes
nothing, and leaves that source's last good vintage as it was. After a write, a revision report
says what changed against what the store served before (values revised, series added or
dropped) and which claim verdicts changed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from indicators import frame, sources
from indicators.http import SourceError, session
from indicators.store import Store


@dataclass
class Result:
    source: str
    status: str  # "ok", "failed", "skipped"
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
    check_claims: bool = True,
) -> list[Result]:
    """Refresh the named sources (all by default). Never raises for a source's failure."""
    store = store or Store()
    names = names or list(sources.NAMES)
    verdicts_before = _verdicts(store) if check_claims else {}
    results = []
    for name in names:
        progress(f"{name}: {'reading bundled snapshot' if offline else 'fetching live'} ...")
        result = refresh_source(name, offline, store)
        results.append(result)
        progress(f"{name}: {result.status} {result.detail}".rstrip())
    if check_claims and any(r.vintages for r in results):
        verdicts_after = _verdicts(store)
        changed = [
            {"claim": cid, "before": verdicts_before.get(cid), "after": verdict}
            for cid, verdict in verdicts_after.items()
            if verdicts_before.get(cid) != verdict
        ]
        for result in results:
            for report in result.reports:
                report["verdicts_changed"] = changed
                store.save_report(report["vintage"], report["previous"], report)
    else:
        for result in results:
            for report in result.reports:
                store.save_report(report["vintage"], report["previous"], report)
    return results


def refresh_source(name: str, offline: bool, store: Store) -> Result:
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
        parsed = [(batch, _parse_batch(module, batch)) for batch in batches]
    except Exception as exc:  # any failure of one source is reported, never fatal to the others
        detail = _one_line(exc, name)
        store.log_event(name, "failed", detail=detail)
        return Result(name, "failed", detail=detail, seconds=time.perf_counter() - started)

    result = Result(name, "ok")
    for batch, (data, warnings) in parsed:
        before = store.served_values(name)
        previous = store.latest_vintage(name)
        try:
            vintage = store.write_vintage(
                name, data, batch.payloads, label=batch.label, mode=mode,
                release_date=max((p.release_date for p in batch.payloads), default=""),
            )
        except Exception as exc:
            detail = _one_line(exc, name)
            store.log_event(name, "failed", detail=detail)
            return Result(name, "failed", rows=result.rows, vintages=result.vintages, detail=detail,
                          seconds=time.perf_counter() - started, warnings=result.warnings)
        after = served_after(before, data)
        result.rows += vintage.rows
        result.vintages.append(vintage.id)
        result.warnings.extend(warnings)
        result.reports.append(revision_report(before, after, vintage.id, previous.id if previous else None, name))
        store.log_event(name, "ok", vintage=vintage.id, detail=f"{vintage.rows} rows")
    result.seconds = time.perf_counter() - started
    result.detail = f"{len(result.vintages)} vintage(s)"
    return result


def _parse_batch(module, batch) -> tuple[pd.DataFrame, list[str]]:
    frames, warnings = [], []
    for payload in batch.payloads:
        data = module.parse(payload)
        warnings.extend(f"{payload.name}: {w}" for w in data.attrs.get("warnings", []))
        frames.append(data)
    data = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    # Validated whole before any batch is written: a duplicate key across payloads fails the source, not half of it.
    return frame.validate(data, source=module.METADATA.name), warnings


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


def _verdicts(store: Store) -> dict[str, str]:
    try:
        from indicators import claims
    except ImportError:
        return {}
    try:
        return {r.id: r.verdict for r in claims.check_all(store=store, compare=False)}
    except Exception:  # a claims error must not block a data refresh; `indicators check` reports it
        return {}


def _one_line(exc: Exception, source: str) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, SourceError) or text.startswith(f"{source}:"):
        text = text[len(source) + 1 :].strip() if text.startswith(f"{source}:") else text
    elif not isinstance(exc, (frame.FrameError, FileNotFoundError)):
        text = f"{type(exc).__name__}: {text}"
    return text[:300]
