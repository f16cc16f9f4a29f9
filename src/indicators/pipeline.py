"""Refresh, then judge: which claim verdicts a refresh changed (the layer above claims).

refresh.py writes data and knows nothing of claims (data flows sources -> store -> claims); the
CLI and the scheduler call `refresh_and_check`, which judges every claim before and after the
refresh and adds the changes to each new vintage's revision report.
"""

from __future__ import annotations

from typing import Callable

from indicators import refresh as refresher
from indicators.store import Store


def refresh_and_check(
    names: list[str] | None = None,
    offline: bool = False,
    store: Store | None = None,
    progress: Callable[[str], None] = lambda line: None,
) -> list[refresher.Result]:
    """refresh.refresh, plus `verdicts_changed` in every report of the run (claims judged once
    per side; not at all after a refresh that wrote no vintage). On an empty store no verdict
    changed: a first verdict is not a change (and the claims are not judged)."""
    store = store or Store()
    if store.read_only:  # fail before judging anything
        raise refresher.ReadOnlyStore(f"the store at {store.url} is read-only: refresh needs a writable store")
    first_load = not store.generation()
    before = {} if first_load else verdicts(store)
    results = refresher.refresh(names, offline=offline, store=store, progress=progress)
    if any(r.vintages for r in results):
        after = {} if first_load else verdicts(store)
        changed = [{"claim": cid, "before": before.get(cid), "after": verdict}
                   for cid, verdict in after.items() if before.get(cid) != verdict]
        for result in results:
            for report in result.reports:
                report["verdicts_changed"] = changed
                store.save_report(report["vintage"], report["previous"], report)
    return results


def verdicts(store: Store) -> dict[str, str]:
    """Claim id -> verdict on the store as it is; {} if the claims cannot be judged (a claims
    error must not block a data refresh; `indicators check` reports it)."""
    try:
        from indicators import claims

        return {r.id: r.verdict for r in claims.check_all(store=store, compare=False)}
    except Exception:
        return {}
