#!/usr/bin/env python
"""After a new vintage, does a visitor wait for a cold page build? (issue 22, item 1)

    python benchmarks/rebuild.py              # a temporary store loaded with `refresh --offline`
    python benchmarks/rebuild.py --db sqlite:////path/to/copy.db   # a copy of a loaded store (it is written to)

In this process (Flask's test client, no HTTP): each page's router call is asked until warm; then,
per source (customs, worldbank), a vintage changing one value is written and the first router call
of each page is timed twice: with nothing rebuilt (what main does: the visitor builds the page, its
charts and verdicts), and after one `indicators.cache.rebuild_stale` pass (what the serving app's
background thread runs after a new vintage). Printed in ms; wall times on a shared machine.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

PAGES = ("/scorecard", "/trade", "/innovation", "/data")
ROUTER = ".._pages_content.children..._pages_store.data.."


def router_body(path: str) -> dict:
    return {"output": ROUTER,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": ""}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store URL to use (written to: give a copy); default: a new temporary store")
    args = parser.parse_args()

    from dashboard.app import create_app
    from indicators import cache, frame
    from indicators.refresh import refresh
    from indicators.store import Store

    if args.db:
        store = Store(args.db)
    else:
        store = Store(f"sqlite:///{Path(tempfile.mkdtemp(prefix='indicators-rebuild-')) / 'store.db'}")
        refresh(offline=True, store=store)
    client = create_app(store, warm=False).server.test_client()

    def ask(path: str) -> float:
        start = time.perf_counter()
        response = client.post("/_dash-update-component", json=router_body(path))
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")
        return (time.perf_counter() - start) * 1000

    def new_vintage(source: str, change: float) -> None:
        data = store.frame(source=source)
        data.loc[data.index[0], "value"] += change
        data.loc[data.index[0], "released"] = "2030-01-01"
        store.write_vintage(source, data[frame.COLUMNS])

    def show(label: str, times: dict[str, float]) -> None:
        print(f"{label:<58}" + "  ".join(f"{page} {ms:7.1f}" for page, ms in times.items()) + f"  max {max(times.values()):7.1f}")

    for _ in range(3):
        warm = {page: ask(page) for page in PAGES}
    show("warm", warm)
    for source in ("customs", "worldbank"):
        new_vintage(source, 1.0)
        show(f"new {source} vintage, nothing rebuilt", {page: ask(page) for page in PAGES})
        new_vintage(source, 2.0)
        start = time.perf_counter()
        rebuilt = cache.rebuild_stale(store)
        took = (time.perf_counter() - start) * 1000
        show(f"new {source} vintage, one rebuild pass ({rebuilt}, {took:.0f} ms)", {page: ask(page) for page in PAGES})


if __name__ == "__main__":
    main()
