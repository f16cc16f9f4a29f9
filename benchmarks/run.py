#!/usr/bin/env python
"""Measure the dashboard against a bare Dash app (one page, one graph, one callback) on this machine.

    python benchmarks/run.py                  # the full measurement (about 3 minutes on 2 cores)
    python benchmarks/run.py --json out.json  # also write every figure as JSON
    python benchmarks/run.py --quick          # fewer repetitions: a smoke run, figures less stable
    python benchmarks/run.py --only start,callback   # some sections only (see SECTIONS)

Run it with the project's Python after the README's install. It makes its own temporary store
(INDICATORS_DB=sqlite:///<tmp>/store.db, loaded with `indicators refresh --offline`) and never
touches yours; it talks only to 127.0.0.1; every request count and wait is bounded; every process
it starts runs in its own process group and is stopped at the end, also on an error or Ctrl-C.

Sections (docs/performance.md explains each measurement and the figures on this machine):
- refresh:  `indicators refresh --offline` wall time and peak RSS, into an empty store and again
            into a store that already holds the snapshot;
- start:    process start to the first HTTP 200 on `/` (median of 5), product vs bare, same server
            (werkzeug via `app.run`, launched by this script with `--serve`);
- callback: POST /_dash-update-component round trip (p50, p95 of 200 calls): the product's
            heaviest callback (the page router rendering a whole page; the page with the largest
            answer) vs the bare app's dropdown -> figure callback; also per page the round trip of
            a URL not asked before, and of the first call after a start;
- browser:  headless Chromium, time from navigation start until every graph of the page is drawn
            (median of 5 navigations): repeat visits (one browser context, caches warm) and first
            visits (a new context each time: empty caches);
- control:  headless Chromium, a warm server: time from changing a control until the page shows
            its answer (median of the changes): /trade's currency switch (CNY <-> USD) until the
            heading of the new-trio chart and the chart are redrawn, vs the bare app's dropdown
            (a -> b) until its graph is redrawn; printed as a ratio;
- export:   first PNG (cold: figure built, browser started) and the mean of the next 10 (warm:
            browser running, figures built), plus the mean when each figure is built on first use;
- report:   `indicators report` wall time;
- cli:      CPU seconds (user + system, of that process alone) of `indicators --help`, `status` and
            `check` on the benchmark's store (warm: one uncounted run of each first), medians, beside a
            bare `python -c pass` (the interpreter's own start): every command's start-up cost;
- load:     gunicorn, 2 workers: 1,000 callback requests at 16-way concurrency, product and bare;
- faults:   the same kind of load on the product (the router calls of all four pages in turn)
            while `indicators refresh --offline` writes new vintages, 3 times in a row; every
            response must be a 200 built from whole vintages (see check_whole).
- revisions: gunicorn -w 2, router calls of every page (16-way) while 5 refreshes in a row write NEW
            vintages (each revises 3 values of a copy of Ember's CSV first), until they are done and
            at least 2,000 requests were made: every answer must be a 200 with a page; max latency,
            p99 and the vintages written are printed.
--quick does fewer repetitions of everything (1 refresh, 3 starts, 50 calls, 2 navigations,
3 warm PNGs, 3 runs of each command, 200 load requests, 1 refresh under load): a smoke run, in about 1.5 minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTIONS = ("refresh", "start", "callback", "browser", "control", "export", "report", "cli", "load", "faults", "revisions")
PAGES = ("/", "/trade", "/innovation", "/data")
CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
UPDATE = "/_dash-update-component"

TARGETS = {  # metric -> (comparison, target); the targets
    "start_ratio": ("<=", 1.3),
    "callback_p50_ratio": ("<=", 1.3),
    "browser_s": ("<=", 1.5),
    "control_change_s": ("<=", 1.0),
    "refresh_wall_s": ("<=", 5.0),
    "refresh_peak_rss_mb": ("<=", 300.0),
    "png_warm_mean_s": ("<=", 0.3),
    "report_wall_s": ("<=", 10.0),
    "cli_cpu_s": ("<=", 1.0),  # issue 22: `indicators status` and `check` on a warm store
    "non_2xx": ("==", 0),
    "max_latency_s": ("<=", 10.0),
    "errors": ("==", 0),
}

FULL = {"refresh_runs": 3, "start_runs": 5, "probe_calls": 20, "calls": 200, "navigations": 5, "changes": 10, "warm_pngs": 10,
        "report_runs": 3, "cli_runs": 5, "load_requests": 1000, "fault_refreshes": 3, "revision_requests": 2000,
        "revision_refreshes": 5}
QUICK = {"refresh_runs": 1, "start_runs": 3, "probe_calls": 5, "calls": 50, "navigations": 2, "changes": 4, "warm_pngs": 3,
         "report_runs": 1, "cli_runs": 3, "load_requests": 200, "fault_refreshes": 1, "revision_requests": 400,
         "revision_refreshes": 2}


# -- the apps, launched the same way ----------------------------------------------------------------


def serve(kind: str, port: int) -> None:
    """`--serve product|bare`: run the app on werkzeug (Dash's `app.run`, debug off), as a user would."""
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no per-request log line, for both apps
    if kind == "product":
        from dashboard.wsgi import app
    else:
        sys.path.insert(0, str(HERE))
        from bare_app import app
    app.run(host="127.0.0.1", port=port, debug=False)


def router_body(pathname: str, search: str = "") -> dict:
    """The request the browser sends to render a page (Dash pages' router callback), as captured
    with Playwright's page.on("request") from a real navigation."""
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                   {"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": ["_pages_location.pathname", "_pages_location.search"],
        "parsedChangedPropsIds": ["_pages_location.pathname", "_pages_location.search"],
    }


def bare_body(series: str = "a") -> dict:
    """The bare app's one callback: dropdown value -> figure (as the browser sends it)."""
    return {"output": "graph.figure", "outputs": {"id": "graph", "property": "figure"},
            "inputs": [{"id": "series", "property": "value", "value": series}],
            "changedPropIds": ["series.value"], "parsedChangedPropsIds": ["series.value"]}


def expected_graphs() -> dict[str, int]:
    """How many charts each product page must show (the figure registry says which page shows which)."""
    from indicators import figures

    counts = {path: 0 for path in PAGES}
    for spec in figures.FIGURES.values():
        counts["/" + spec.page] += 1
    return counts


# -- processes ------------------------------------------------------------------------------------


class Processes:
    """Every process this run starts, each in its own process group, so that all can be stopped."""

    def __init__(self):
        self.running: list[subprocess.Popen] = []

    def start(self, args: list[str], env: dict, log: Path | None = None, cwd: Path = ROOT) -> subprocess.Popen:
        out = open(log, "ab") if log else subprocess.DEVNULL
        try:
            proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
        finally:
            if log:
                out.close()
        self.running.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen, timeout: float = 10) -> None:
        """SIGTERM to the process group, then SIGKILL if it is still there after `timeout`."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=timeout)
                break
            except subprocess.TimeoutExpired:
                continue
        try:  # children that outlived the leader (e.g. a browser) share its group
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if proc in self.running:
            self.running.remove(proc)

    def stop_all(self) -> None:
        for proc in list(self.running):
            self.stop(proc, timeout=5)

    def run_measured(self, args: list[str], env: dict, timeout: float, log: Path | None = None) -> dict:
        """Run a command to completion: wall time, exit code, and the peak RSS and CPU seconds (user +
        system) of that process alone (os.wait4 returns the rusage of exactly this child)."""
        started = time.perf_counter()
        proc = self.start(args, env, log=log)
        watchdog = threading.Timer(timeout, lambda: _kill_group(proc.pid))
        watchdog.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            watchdog.cancel()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        self.running.remove(proc)
        return {"wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime,
                "exit": proc.returncode}


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, deadline_s: float, proc: subprocess.Popen | None = None) -> float:
    """Poll GET url every 5 ms until it answers 200; the time of that answer (perf_counter)."""
    import requests

    limit = time.perf_counter() + deadline_s
    with requests.Session() as http:
        while time.perf_counter() < limit:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"{url}: the server exited with {proc.returncode} before answering")
            try:
                if http.get(url, timeout=2).status_code == 200:
                    return time.perf_counter()
            except requests.RequestException:
                pass
            time.sleep(0.005)
    raise RuntimeError(f"{url}: no HTTP 200 within {deadline_s:.0f} s")


def indicators_command() -> list[str]:
    """The `indicators` console script of this Python (or the module, if the script is missing)."""
    script = Path(sys.executable).with_name("indicators")
    return [str(script)] if script.exists() else [sys.executable, "-m", "indicators.cli"]


# -- measurements ------------------------------------------------------------------------------------


class Bench:
    """One benchmark run: its temporary directory and store, the processes it started, the figures."""

    def __init__(self, args, workdir: Path):
        self.args = args
        self.n = QUICK if args.quick else FULL
        self.work = workdir
        self.db = workdir / "store.db"
        # This checkout's code first (also when another one is installed), then whatever was there.
        python_path = [str(ROOT), str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
        self.env = {**os.environ, "INDICATORS_DB": f"sqlite:///{self.db}", "PYTHONUNBUFFERED": "1",
                    "PYTHONPATH": os.pathsep.join(p for p in python_path if p)}
        self.env.pop("INDICATORS_WEBHOOK_URL", None)  # a benchmark never notifies anyone
        self.procs = Processes()
        self.results: dict[str, dict] = {}
        self.heaviest_page: str | None = None

    # results ---------------------------------------------------------------------------------

    def record(self, name: str, value, unit: str, target_key: str | None = None, bare=None, product=None,
               **detail) -> None:
        """One figure; those with a target carry value, target and target_met."""
        entry = {"value": _round(value), "unit": unit}
        if product is not None:
            entry["product"] = _round(product)
        if bare is not None:
            entry["bare"] = _round(bare)
        if target_key:
            op, target = TARGETS[target_key]
            entry["target"] = target
            entry["target_op"] = op
            entry["target_met"] = bool(value is not None and (value <= target if op == "<=" else value == target))
        entry.update({k: _round(v) for k, v in detail.items()})
        self.results[name] = entry
        verdict = ""
        if target_key:
            verdict = f" (target {entry['target_op']} {entry['target']}: {'met' if entry['target_met'] else 'MISSED'})"
        self.log(f"  {name}: {_show(value)} {unit}{verdict}")

    def log(self, line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    # refresh ------------------------------------------------------------------------------------

    def load_store(self) -> None:
        """The store every other section reads: the bundled snapshot, loaded once."""
        if self.db.exists():
            return
        result = self.procs.run_measured(indicators_command() + ["refresh", "--offline"], self.env, timeout=300,
                                         log=self.work / "refresh.log")
        if result["exit"] != 0:
            raise RuntimeError(f"indicators refresh --offline failed (exit {result['exit']}); "
                               f"see {self.work}/refresh.log")

    def bench_refresh(self) -> None:
        """Into an empty store (what the benchmark's own setup does), and again into a store that
        already holds the snapshot (what every scheduled refresh does): medians, and the peak RSS."""
        self.log("refresh: indicators refresh --offline (own process; wall time, peak RSS via wait4)")
        refresh = indicators_command() + ["refresh", "--offline"]
        runs = {"empty_store": [], "again": []}
        for run in range(self.n["refresh_runs"]):
            env = {**self.env, "INDICATORS_DB": f"sqlite:///{self.work / f'refresh-{run}.db'}"}
            for kind in runs:  # the second run loads the same snapshot into the store the first filled
                runs[kind].append(self.procs.run_measured(refresh, env, timeout=300, log=self.work / "refresh.log"))
        if any(r["exit"] != 0 for kind in runs for r in runs[kind]):
            raise RuntimeError(f"a refresh failed; see {self.work}/refresh.log")
        notes = {"empty_store": "into an empty store",
                 "again": "into a store that already holds the snapshot (what a scheduled refresh does)"}
        for kind, measured in runs.items():
            self.record(f"refresh_{kind}_wall_s", _median(r["wall_s"] for r in measured), "s", "refresh_wall_s",
                        runs=len(measured), note=notes[kind])
            self.record(f"refresh_{kind}_peak_rss_mb", max(r["peak_rss_mb"] for r in measured), "MB",
                        "refresh_peak_rss_mb")

    # start ----------------------------------------------------------------------------------------

    def launch(self, kind: str, port: int) -> subprocess.Popen:
        return self.procs.start([sys.executable, str(HERE / "run.py"), "--serve", kind, "--port", str(port)],
                                self.env, log=self.work / f"serve-{kind}.log")

    def bench_start(self) -> None:
        import requests

        self.log("start: process start -> first HTTP 200 on / (werkzeug, same launcher for both)")
        times = {"product": [], "bare": []}
        first_render = {"product": [], "bare": []}
        for _ in range(self.n["start_runs"]):
            for kind in ("bare", "product"):  # interleaved, so drifts in machine load hit both
                port = free_port()
                started = time.perf_counter()
                proc = self.launch(kind, port)
                try:
                    answered = wait_http(f"http://127.0.0.1:{port}/", 60, proc)
                    body = router_body("/") if kind == "product" else bare_body()
                    response = requests.post(f"http://127.0.0.1:{port}{UPDATE}", json=body, timeout=60)
                    rendered = time.perf_counter()
                    if response.status_code != 200:
                        raise RuntimeError(f"{kind}: first callback answered {response.status_code}")
                finally:
                    self.procs.stop(proc)
                times[kind].append(answered - started)
                first_render[kind].append(rendered - started)
        product, bare = _median(times["product"]), _median(times["bare"])
        self.record("start_ratio", product / bare, "x", "start_ratio", product=product, bare=bare, parts_unit="s",
                    runs=len(times["product"]))
        rendered_p, rendered_b = _median(first_render["product"]), _median(first_render["bare"])
        self.record("start_to_first_page_content_s", rendered_p, "s", bare=rendered_b, product=rendered_p,
                    note="process start -> first 200 on / and then the first callback (scorecard page / bare figure)")

    # callback ---------------------------------------------------------------------------------------

    def bench_callback(self) -> None:
        import requests

        self.log("callback: POST /_dash-update-component round trips (sequential, keep-alive)")
        port_p, port_b = free_port(), free_port()
        product, bare = self.launch("product", port_p), self.launch("bare", port_b)
        try:
            wait_http(f"http://127.0.0.1:{port_p}/", 60, product)
            wait_http(f"http://127.0.0.1:{port_b}/", 60, bare)
            with requests.Session() as http:
                first = {page: _post(http, port_p, router_body(page))[0] for page in PAGES}  # cache misses
                probe = self.probe_pages(http, port_p)
                self.heaviest_page = max(PAGES, key=lambda page: probe[page]["bytes"])
                body = router_body(self.heaviest_page)
                _timed_calls(http, port_p, body, 10)
                product_times = _timed_calls(http, port_p, body, self.n["calls"])
                _timed_calls(http, port_b, bare_body(), 10)
                bare_times = _timed_calls(http, port_b, bare_body(), self.n["calls"])
        finally:
            self.procs.stop(product)
            self.procs.stop(bare)
        p50, b50 = _pct(product_times, 50), _pct(bare_times, 50)
        callback = f"page router for {self.heaviest_page} (the largest page)"
        self.record("callback_p95_ms", _pct(product_times, 95) * 1000, "ms", product=_pct(product_times, 95) * 1000,
                    bare=_pct(bare_times, 95) * 1000)
        self.record("callback_p50_ratio", p50 / b50, "x", "callback_p50_ratio", product=p50 * 1000, bare=b50 * 1000,
                    parts_unit="ms", calls=len(product_times), callback=callback,
                    response_bytes=probe[self.heaviest_page]["bytes"])
        self.record("callback_pages_p50_ms", None, "ms",
                    **{f"page {page}": probe[page]["p50"] * 1000 for page in PAGES},
                    note=f"median of {self.n['probe_calls']} calls per page (rendered pages come from the page cache)")
        self.record("callback_new_url_p50_ms", None, "ms",
                    **{f"page {page}": probe[page]["new_url_p50"] * 1000 for page in PAGES},
                    note="a URL not asked before (an unused query parameter): the page is built and serialized, "
                         "its verdicts and charts come from their caches")
        self.record("callback_first_call_ms", None, "ms", **{f"page {page}": first[page] * 1000 for page in PAGES},
                    note="the first render of each page after the server started (nothing cached yet; the warm-up "
                         "thread builds the same verdicts and charts at the same time)")

    def probe_pages(self, http, port: int) -> dict[str, dict]:
        """Per page: median round trip, response size, and the median for URLs not asked before."""
        probe = {}
        for page in PAGES:
            calls = [_post(http, port, router_body(page)) for _ in range(self.n["probe_calls"])]
            new_urls = [_post(http, port, router_body(page, f"?probe={i}"))[0] for i in range(self.n["probe_calls"])]
            probe[page] = {"p50": _median(t for t, _ in calls), "bytes": calls[-1][1], "new_url_p50": _median(new_urls)}
        return probe

    # browser -----------------------------------------------------------------------------------------

    def bench_browser(self) -> None:
        """Per page, two medians of navigations: repeat visits (one browser context, after a first
        visit that is not counted: HTTP and script caches warm, as for every page view after the
        first) and first visits (a new context each time: empty caches)."""
        self.log("browser: headless Chromium, navigation start -> every graph drawn")
        counts = expected_graphs()
        runs = self.n["navigations"]
        with self.both_served() as (browser, port_p, port_b):
            for page in PAGES:  # one visit per page first: the server's caches are warm
                _navigations(browser, f"http://127.0.0.1:{port_p}{page}", counts[page], ".main h1", 1, True)
            bare_url = f"http://127.0.0.1:{port_b}/"
            bare_repeat = _median(_navigations(browser, bare_url, 1, "#graph", runs, False))
            bare_first = _median(_navigations(browser, bare_url, 1, "#graph", runs, True))
            for page in PAGES:
                url = f"http://127.0.0.1:{port_p}{page}"
                for name, fresh, bare_value in (("browser_drawn_s", False, bare_repeat),
                                                ("browser_first_visit_drawn_s", True, bare_first)):
                    times = _navigations(browser, url, counts[page], ".main h1", runs, fresh)
                    drawn = [t for t in times if t is not None]
                    value = _median(drawn) if len(drawn) == len(times) else None
                    self.record(f"{name} {page}", value, "s", "browser_s", product=value, bare=bare_value,
                                graphs=counts[page], navigations=len(times),
                                failed_navigations=len(times) - len(drawn))

    # control -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def both_served(self):
        """The product and the bare app each served on a free port, and a headless Chromium: yields
        (browser, product port, bare port); everything is stopped afterwards."""
        from playwright.sync_api import sync_playwright

        port_p, port_b = free_port(), free_port()
        product, bare = self.launch("product", port_p), self.launch("bare", port_b)
        try:
            wait_http(f"http://127.0.0.1:{port_p}/", 60, product)
            wait_http(f"http://127.0.0.1:{port_b}/", 60, bare)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    yield browser, port_p, port_b
                finally:
                    browser.close()
        finally:
            self.procs.stop(product)
            self.procs.stop(bare)

    def bench_control(self) -> None:
        """Control change -> answer drawn, in the browser, on warm servers (one change each way is
        made first, uncounted: the server has built both views). Product: /trade's currency radio,
        until the new-trio chart's heading has changed and its chart is drawn again; bare: the
        dropdown, until the graph plots the other series. Both include the click itself."""
        self.log("control: headless Chromium, control change -> chart and heading redrawn (warm servers)")
        changes = self.n["changes"]
        with self.both_served() as (browser, port_p, port_b):
            product_times = _control_changes(browser, f"http://127.0.0.1:{port_p}/trade", changes, _trade_change)
            bare_times = _control_changes(browser, f"http://127.0.0.1:{port_b}/", changes, _bare_change)
        value, bare_value = _median(product_times), _median(bare_times)
        self.record("control_change_s", value, "s", "control_change_s", product=value, bare=bare_value,
                    changes=len(product_times), slowest=max(product_times),
                    control="product: /trade currency CNY<->USD -> new-trio heading and chart; bare: dropdown -> graph")
        self.record("control_change_ratio", value / bare_value if value and bare_value else None, "x",
                    product=value, bare=bare_value, parts_unit="s")

    # export and report --------------------------------------------------------------------------

    def bench_export(self) -> None:
        self.log("export: PNG via indicators.export (own process)")
        out = self.work / "png"
        result_file = self.work / "export.json"
        proc = self.procs.start([sys.executable, str(HERE / "run.py"), "--probe-export", str(out),
                                 "--warm-pngs", str(self.n["warm_pngs"]), "--result", str(result_file)],
                                self.env, log=self.work / "export.log")
        try:
            proc.wait(timeout=300)
        except subprocess.TimeoutExpired:
            raise RuntimeError("the export probe did not finish in 300 s") from None
        finally:
            self.procs.stop(proc)
        if proc.returncode != 0 or not result_file.exists():
            raise RuntimeError(f"the export probe failed (exit {proc.returncode}); see {self.work}/export.log")
        found = json.loads(result_file.read_text())
        self.record("png_cold_s", found["cold_s"], "s", figure=found["cold_figure"],
                    note="a fresh process: the figure built from the store, the browser started")
        self.record("png_warm_browser_mean_s", statistics.fmean(found["first_build_s"]), "s",
                    pngs=len(found["first_build_s"]), slowest=max(found["first_build_s"]),
                    note="browser running; each figure built from the store on first use")
        self.record("png_warm_mean_s", statistics.fmean(found["warm_s"]), "s", "png_warm_mean_s",
                    pngs=len(found["warm_s"]), slowest=max(found["warm_s"]), figures=",".join(found["warm_figures"]),
                    note="browser running, figure already built (exported a second time)")

    def bench_report(self) -> None:
        self.log("report: indicators report --out (own process)")
        runs = [self.procs.run_measured(indicators_command() + ["report", "--out", str(self.work / "report.html")],
                                        self.env, timeout=300, log=self.work / "report.log")
                for _ in range(self.n["report_runs"])]
        if any(r["exit"] != 0 for r in runs):
            raise RuntimeError(f"indicators report failed; see {self.work}/report.log")
        self.record("report_wall_s", _median(r["wall_s"] for r in runs), "s", "report_wall_s", runs=len(runs),
                    peak_rss_mb=max(r["peak_rss_mb"] for r in runs),
                    bytes=(self.work / "report.html").stat().st_size)

    # cli -------------------------------------------------------------------------------------------

    CLI_COMMANDS = {"cli_help_cpu_s": ["--help"], "cli_status_cpu_s": ["status"], "cli_check_cpu_s": ["check"]}

    def bench_cli(self) -> None:
        """CPU, not wall time: on a shared machine a process waiting for a core is not slower itself.
        The runs are interleaved (help, status, check, bare python, again), so a drift in load hits all."""
        self.log("cli: CPU seconds of indicators --help / status / check and of a bare `python -c pass` (wait4)")
        # `python -m indicators.cli`: this checkout's entry point (an installed console script may be older)
        commands = {name: [sys.executable, "-m", "indicators.cli", *args] for name, args in self.CLI_COMMANDS.items()}
        commands["bare"] = [sys.executable, "-c", "pass"]
        env = dict(self.env)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once (by the uncounted round)
        cpu = {name: [] for name in commands}
        for run in range(self.n["cli_runs"] + 1):  # the first round warms the file cache and is not counted
            for name, command in commands.items():
                result = self.procs.run_measured(command, env, timeout=120, log=self.work / "cli.log")
                if result["exit"] != 0:
                    raise RuntimeError(f"{' '.join(command[-2:])} exited {result['exit']}; see {self.work}/cli.log")
                if run:
                    cpu[name].append(result["cpu_s"])
        bare = _median(cpu["bare"])
        for name, args in self.CLI_COMMANDS.items():
            measured = _median(cpu[name])
            self.record(name, measured, "s", None if name == "cli_help_cpu_s" else "cli_cpu_s", product=measured,
                        bare=bare, runs=len(cpu[name]), slowest=max(cpu[name]),
                        note=f"indicators {' '.join(args)}: user + system CPU; bare: python -c pass")

    # load ------------------------------------------------------------------------------------------

    def gunicorn(self, kind: str, port: int) -> subprocess.Popen:
        app = ["dashboard.wsgi:server"] if kind == "product" else ["--chdir", str(HERE), "bare_app:server"]
        return self.procs.start([sys.executable, "-m", "gunicorn", "--no-control-socket", "-w", "2",
                                 "-b", f"127.0.0.1:{port}", "--graceful-timeout", "5", *app],
                                self.env, log=self.work / f"gunicorn-{kind}.log")

    def bench_load(self) -> None:
        self.log("load: gunicorn -w 2, 16-way concurrency")
        page = self.heaviest_page
        measured = {}
        for kind in ("product", "bare"):
            port = free_port()
            server = self.gunicorn(kind, port)
            try:
                wait_http(f"http://127.0.0.1:{port}/", 60, server)
                if kind == "product" and page is None:  # the callback section did not run: probe here
                    page = self.pick_heaviest(port)
                body = router_body(page) if kind == "product" else bare_body()
                warm_up(port, [body])
                stats = load(port, [body], self.n["load_requests"], 16)
            finally:
                self.procs.stop(server)
            measured[kind] = stats
        product, bare = measured["product"], measured["bare"]
        self.record("load_rps", product["rps"], "req/s", product=product["rps"], bare=bare["rps"],
                    callback=f"product: page router for {page}; bare: dropdown -> figure")
        self.record("load_p50_ms", product["p50_ms"], "ms", product=product["p50_ms"], bare=bare["p50_ms"])
        self.record("load_p99_ms", product["p99_ms"], "ms", product=product["p99_ms"], bare=bare["p99_ms"])
        self.record("load_non_2xx", product["non_2xx"], "responses", "non_2xx", product=product["non_2xx"],
                    bare=bare["non_2xx"], requests=product["requests"], connection_errors=product["errors"])

    def pick_heaviest(self, port: int) -> str:
        import requests

        with requests.Session() as http:
            probe = self.probe_pages(http, port)
        return max(PAGES, key=lambda page: probe[page]["bytes"])

    def bench_faults(self) -> None:
        """The load on the product while refreshes write new vintages; every response checked whole."""
        self.log("faults: the same load while `indicators refresh --offline` writes new vintages in a loop")
        port = free_port()
        server = self.gunicorn("product", port)
        bodies = [router_body(page) for page in PAGES]
        try:
            wait_http(f"http://127.0.0.1:{port}/", 60, server)
            warm_up(port, bodies)
            baseline = {page: _post_json(port, router_body(page)) for page in PAGES}
            reference = {page: fingerprint(page, body) for page, body in baseline.items()}
            generation_before = _generation(self.db)
            refreshes: list[dict] = []
            done = threading.Event()

            def refresh_loop():
                try:
                    for _ in range(self.n["fault_refreshes"]):
                        refreshes.append(self.procs.run_measured(indicators_command() + ["refresh", "--offline"],
                                                                 self.env, timeout=300, log=self.work / "refresh.log"))
                finally:
                    done.set()

            writer = threading.Thread(target=refresh_loop, name="refresh-loop")
            writer.start()
            stats = load(port, bodies, 40_000, 16, until=done, deadline_s=600,
                         check=lambda i, payload: check_whole(PAGES[i % len(PAGES)], payload, reference))
            writer.join(timeout=600)
        finally:
            self.procs.stop(server)
        generation_after = _generation(self.db)
        incomplete = _incomplete_vintages(self.db, stats["vintages_seen"])
        self.record("faults_requests", stats["requests"], "requests", rps=stats["rps"], p99_ms=stats["p99_ms"],
                    refreshes=len(refreshes), refresh_failures=sum(r["exit"] != 0 for r in refreshes),
                    vintages_written=generation_after - generation_before,
                    generations_seen_in_responses=len(stats["generations"]))
        self.record("faults_non_2xx", stats["non_2xx"], "responses", "non_2xx")
        self.record("faults_errors", stats["errors"], "requests", "errors",
                    note="connection errors, timeouts and malformed bodies")
        self.record("faults_not_whole", stats["check_failures"] + len(incomplete), "responses", "errors",
                    examples="; ".join(stats["check_examples"][:3] + [f"vintage {v} incomplete" for v in incomplete]))

    def bench_revisions(self) -> None:
        """The issue-22 run: 2,000 requests while refreshes write new vintages (a copy of the bundled
        data whose Ember CSV gets 3 revised values before each refresh), on its own store."""
        import random

        from growth import revise_ember_values

        self.log("revisions: gunicorn -w 2, router calls of every page while each refresh writes a new vintage")
        data = self.work / "revisions-data"
        if not data.exists():
            shutil.copytree(ROOT / "data", data)
        ember_csv = next((data / "ember").glob("*.csv"))
        db = self.work / "revisions.db"
        env = {**self.env, "INDICATORS_DATA_DIR": str(data), "INDICATORS_DB": f"sqlite:///{db}"}
        refresh = indicators_command() + ["refresh", "--offline"]
        first = self.procs.run_measured(refresh, env, timeout=300, log=self.work / "revisions-refresh.log")
        if first["exit"] != 0:
            raise RuntimeError(f"the first refresh failed; see {self.work}/revisions-refresh.log")
        port = free_port()
        server = self.procs.start([sys.executable, "-m", "gunicorn", "--no-control-socket", "-w", "2",
                                   "--bind", f"127.0.0.1:{port}", "dashboard.wsgi:server"], env,
                                  log=self.work / "gunicorn-revisions.log")
        bodies = [router_body(page) for page in (*PAGES, "/scorecard")]
        generation_before = _generation(db)
        refreshes: list[dict] = []
        refreshed = threading.Event()  # set after the last refresh (or the first that failed)
        rng = random.Random(22)

        def refresh_loop():
            try:
                for _ in range(self.n["revision_refreshes"]):
                    revise_ember_values(ember_csv, rng)
                    refreshes.append(self.procs.run_measured(refresh + ["--source", "ember"], env, timeout=300,
                                                             log=self.work / "revisions-refresh.log"))
                    if refreshes[-1]["exit"] != 0:
                        return
            finally:
                refreshed.set()

        try:
            wait_http(f"http://127.0.0.1:{port}/", 60, server)
            warm_up(port, bodies)  # the first builds after a start are not what this measures
            writer = threading.Thread(target=refresh_loop, name="revision-loop")
            writer.start()
            try:  # until every refresh is done, and at least the requests asked for
                stats = load(port, bodies, 1_000_000, 16, until=refreshed, deadline_s=900, check=_router_answer,
                             at_least=self.n["revision_requests"])
            finally:
                writer.join(timeout=600)
        finally:
            self.procs.stop(server)
        written = _generation(db) - generation_before
        self.record("revisions_requests", stats["requests"], "requests", rps=stats["rps"], p50_ms=stats["p50_ms"],
                    p99_ms=stats["p99_ms"], refreshes=len(refreshes),
                    refresh_failures=sum(r["exit"] != 0 for r in refreshes), vintages_written=written)
        self.record("revisions_max_latency_s", stats["max_ms"] / 1000, "s", "max_latency_s")
        self.record("revisions_non_2xx", stats["non_2xx"], "responses", "non_2xx")
        self.record("revisions_errors", stats["errors"] + stats["check_failures"], "requests", "errors",
                    examples="; ".join(stats["check_examples"][:3]))

    # run -------------------------------------------------------------------------------------------

    def run(self, sections: list[str]) -> None:
        self.load_store()
        for section in SECTIONS:
            if section in sections:
                getattr(self, f"bench_{section}")()


# -- load generation and the whole-vintage check ------------------------------------------------------


def warm_up(port: int, bodies: list[dict], max_rounds: int = 10) -> None:
    """Rounds of 64 requests until two in a row have about the same median latency: both gunicorn
    workers have built their caches and their warm-up threads are done (a steady state)."""
    previous = None
    for _ in range(max_rounds):
        p50 = load(port, bodies, 64, 16)["p50_ms"]
        if previous is not None and abs(p50 - previous) <= 0.25 * previous:
            return
        previous = p50


def load(port: int, bodies: list[dict], requests_total: int, concurrency: int, until: threading.Event | None = None,
         deadline_s: float = 300, check=None, at_least: int = 0) -> dict:
    """POST the bodies round-robin from `concurrency` threads (one keep-alive session each).

    Stops after `requests_total` requests, or, with `until`, when that event is set and at least
    `at_least` requests were made (at the latest after `requests_total`). Non-2xx answers,
    connection errors and check failures are counted."""
    import requests

    url = f"http://127.0.0.1:{port}{UPDATE}"
    counter = iter(range(requests_total))
    lock = threading.Lock()
    latencies, statuses = [], []
    result = {"errors": 0, "check_failures": 0, "check_examples": [], "generations": set(), "vintages_seen": set()}
    stop_at = time.perf_counter() + deadline_s
    encoded = [json.dumps(body).encode() for body in bodies]

    def worker():
        with requests.Session() as http:
            while time.perf_counter() < stop_at:
                with lock:
                    index = next(counter, None)
                if index is None or (until is not None and until.is_set() and index >= at_least):
                    return
                started = time.perf_counter()
                try:
                    response = http.post(url, data=encoded[index % len(encoded)], timeout=30,
                                         headers={"Content-Type": "application/json"})
                    content = response.content
                except requests.RequestException as exc:
                    with lock:
                        result["errors"] += 1
                        result["check_examples"].append(f"request {index}: {type(exc).__name__}")
                    continue
                elapsed = time.perf_counter() - started
                problem, seen = None, {}
                if check is not None and response.status_code == 200:
                    try:
                        problem, seen = check(index, json.loads(content))
                    except ValueError as exc:
                        problem = f"malformed JSON: {exc}"
                with lock:
                    latencies.append(elapsed)
                    statuses.append(response.status_code)
                    if problem:
                        result["check_failures"] += 1
                        if len(result["check_examples"]) < 20:
                            result["check_examples"].append(f"request {index}: {problem}")
                    result["vintages_seen"].update(seen.get("vintages", ()))
                    if seen.get("generation") is not None:
                        result["generations"].add(seen["generation"])

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    wall = time.perf_counter() - started
    done = len(latencies)
    return {**result, "requests": done + result["errors"], "rps": done / wall if wall else 0.0,
            "p50_ms": _pct(latencies, 50) * 1000, "p99_ms": _pct(latencies, 99) * 1000,
            "max_ms": max(latencies, default=0.0) * 1000,
            "non_2xx": sum(1 for s in statuses if not 200 <= s < 300)}


def _router_answer(index: int, payload: dict) -> tuple[str | None, dict]:
    """None when the page router answered with a page (not an error page or an empty one)."""
    try:
        children = payload["response"]["_pages_content"]["children"]
    except (KeyError, TypeError):
        return "not a page-router answer", {}
    return (None if children else "an empty page"), {}


VINTAGE_NUMBER = re.compile(r"(vintages?:?\s*(?:[a-z]+\s+)?)\d+", re.I)


def fingerprint(page: str, payload: dict) -> dict:
    """What must not change between two whole loads of the same snapshot: per chart, every plotted
    value (x, y, table cells, text); for the scorecard, the text of the cards."""
    content = payload["response"]["_pages_content"]["children"]
    graphs = {}
    for graph in _graphs(content):
        traces = [{key: trace.get(key) for key in ("type", "name", "x", "y", "cells", "text") if key in trace}
                  for trace in graph["figure"]["data"]]
        graphs[graph["id"]] = json.dumps(traces, sort_keys=True)
    text = None
    if page == "/":
        text = VINTAGE_NUMBER.sub(r"\1N", " ".join(_texts(content)))
        text = re.sub(r"vintage \d+", "vintage N", text)
    return {"graphs": graphs, "text": text}


def check_whole(page: str, payload: dict, reference: dict) -> tuple[str | None, dict]:
    """None if the response is built from whole vintages, else what is wrong.

    Every load writes the same bundled data, so a response built from whole vintages plots exactly
    what the response before the refreshes plotted. A vintage seen half-written would show as
    (a) changed or missing values, or (b) one chart citing two vintage ids for the same (source,
    label): the keys not yet in the new vintage would still come from the old one. (c) After the
    run every cited vintage is checked against the store: its observation count must equal the
    row count it declares (_incomplete_vintages)."""
    content = payload["response"]["_pages_content"]["children"]
    seen = {"vintages": set()}
    mine = fingerprint(page, payload)
    if set(mine["graphs"]) != set(reference[page]["graphs"]):
        return f"{page}: charts {sorted(mine['graphs'])} instead of {sorted(reference[page]['graphs'])}", seen
    for graph_id, traces in mine["graphs"].items():
        if traces != reference[page]["graphs"][graph_id]:
            return f"{page}: {graph_id} plots other values than before the refreshes", seen
    if mine["text"] != reference[page]["text"]:
        return f"{page}: the scorecard text changed", seen
    for graph in _graphs(content):
        by_label: dict[tuple, set] = {}
        for ref in (graph["figure"]["layout"].get("meta") or {}).get("vintages") or []:
            by_label.setdefault((ref["source"], ref.get("label")), set()).add(ref["vintage"])
            seen["vintages"].add(ref["vintage"])
        mixed = {key: ids for key, ids in by_label.items() if len(ids) > 1}
        if mixed:
            return f"{page}: {graph['id']} mixes vintages {mixed}", seen
    if seen["vintages"]:
        seen["generation"] = max(seen["vintages"])
    return None, seen


def _graphs(node) -> list[dict]:
    """Every dcc.Graph (id and figure) in a serialized component tree."""
    found = []
    if isinstance(node, dict):
        if node.get("type") == "Graph" and isinstance(node.get("props"), dict):
            found.append({"id": node["props"].get("id"), "figure": node["props"].get("figure") or {}})
        for value in node.values():
            found.extend(_graphs(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_graphs(value))
    return found


def _texts(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for key, value in node.items() if key != "figure" for t in _texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in _texts(value)]
    return []


def _generation(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT coalesce(max(id), 0) FROM vintages").fetchone()[0]


def _incomplete_vintages(db: Path, ids) -> list[int]:
    """Cited vintages whose observations (the rows whose vintage period contains them) do not add
    up to the rows the vintage row declares."""
    from indicators.store import Store

    store = Store(f"sqlite:///{db}", upgrade=False)
    try:
        declared = {v.id: v.rows for v in store.vintages()}
        return [vintage for vintage in sorted(ids)
                if vintage not in declared or len(store.vintage_frame(vintage)) != declared[vintage]]
    finally:
        store.engine.dispose()


# -- browser helper -------------------------------------------------------------------------------------

DRAWN = """([expected, ready]) => {
    if (!document.querySelector(ready)) return false;
    const graphs = Array.from(document.querySelectorAll('.js-plotly-plot'));
    if (graphs.length !== expected) return false;
    const drawn = graphs.every(gd => {
        if (!gd.querySelector('svg.main-svg') || !gd._fullLayout) return false;
        const traces = (gd.data || []).length;
        // a chart with data has at least one trace drawn; one without (a "not loaded" message) its text
        return traces > 0 ? gd.querySelectorAll('.trace, .table').length > 0
                          : gd.querySelectorAll('.annotation').length > 0;
    });
    return drawn ? performance.now() : false;
}"""


def _navigations(browser, url: str, expected: int, ready: str, count: int, fresh: bool) -> list[float | None]:
    """Seconds from navigation start until every graph is drawn, for `count` navigations: each in a
    new browser context (fresh: empty caches) or all in one context after a first, uncounted visit."""
    if fresh:
        return [_navigate(browser, url, expected, ready, 1)[0] for _ in range(count)]
    return _navigate(browser, url, expected, ready, count + 1)[1:]


def _navigate(browser, url: str, expected: int, ready: str, count: int) -> list[float | None]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    times = []
    try:
        page = context.new_page()
        for _ in range(count):
            try:
                page.goto(url, wait_until="commit", timeout=30_000)
                handle = page.wait_for_function(DRAWN, arg=[expected, ready], polling="raf", timeout=30_000)
                times.append(handle.json_value() / 1000)
            except Exception as exc:  # a page that never finishes drawing is a failed navigation, reported
                print(f"  {url}: not drawn: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}", file=sys.stderr)
                times.append(None)
    finally:
        context.close()
    return times


TRADE_READY = "() => document.querySelectorAll('.graph .js-plotly-plot svg.main-svg').length >= 5"
TRADE_ANSWERED = """(before) => {
    const heading = document.querySelector('#figure-new-trio-total .figure-title');
    const gd = document.querySelector('#trade-graph-new-trio-total .js-plotly-plot');
    return !!(heading && heading.textContent !== before && gd && gd._fullLayout && gd.querySelector('.trace'));
}"""
BARE_ANSWERED = """(first) => {
    const gd = document.querySelector('#graph .js-plotly-plot');
    return !!(gd && gd.data && gd.data[0] && gd.data[0].y[0] === first);
}"""


def _trade_change(page, index: int) -> None:
    """Switch /trade's currency (USD on even changes, CNY on odd) and wait for the answer drawn."""
    before = page.locator("#figure-new-trio-total .figure-title").inner_text()
    page.locator(f"#trade-currency input[value={'USD' if index % 2 == 0 else 'CNY'}]").check()
    page.wait_for_function(TRADE_ANSWERED, arg=before, timeout=60_000)


def _bare_change(page, index: int) -> None:
    """Pick the bare app's other series (b on even changes, a on odd) and wait for it drawn."""
    series = "b" if index % 2 == 0 else "a"
    page.locator("#series").click()
    page.get_by_role("option", name=series, exact=True).click()
    page.wait_for_function(BARE_ANSWERED, arg=4 if series == "b" else 1, timeout=60_000)


def _control_changes(browser, url: str, count: int, change) -> list[float]:
    """Seconds per control change (click to answer drawn), after two uncounted changes (both views built)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(url, timeout=60_000)
        page.wait_for_function(TRADE_READY if "/trade" in url else "() => !!document.querySelector('#graph svg.main-svg')",
                               timeout=60_000)
        times = []
        for index in range(count + 2):
            started = time.perf_counter()
            change(page, index)
            if index >= 2:
                times.append(time.perf_counter() - started)
        return times
    finally:
        context.close()


# -- export probe (runs in its own process) --------------------------------------------------------------


def probe_export(out: Path, warm_pngs: int, result: Path) -> None:
    """In a fresh process: the first PNG (figure built, browser started), then `warm_pngs` PNGs of
    other figures with the browser running, each built on first use, then the same `warm_pngs`
    again (browser running, figure already built: warm)."""
    from indicators import export, figures

    ids = list(figures.FIGURES)
    order = [ids[(i + 1) % len(ids)] for i in range(warm_pngs)]
    timings = {}
    # browser_session keeps one browser for all; without it (an older checkout) each export starts one
    with getattr(export, "browser_session", contextlib.nullcontext)():
        started = time.perf_counter()
        export.export_figures([ids[0]], False, "png", out)
        timings["cold_s"] = time.perf_counter() - started
        for phase in ("first_build_s", "warm_s"):
            timings[phase] = []
            for figure_id in order:
                started = time.perf_counter()
                path = export.export_figures([figure_id], False, "png", out)[0]
                timings[phase].append(time.perf_counter() - started)
                if not path.stat().st_size:
                    raise RuntimeError(f"{path}: empty PNG")
    result.write_text(json.dumps({**timings, "cold_figure": ids[0], "warm_figures": order}))


# -- small helpers ---------------------------------------------------------------------------------------


def _post(http, port: int, body: dict) -> tuple[float, int]:
    started = time.perf_counter()
    response = http.post(f"http://127.0.0.1:{port}{UPDATE}", json=body, timeout=60)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"callback answered {response.status_code}: {response.text[:200]}")
    return elapsed, len(response.content)


def _post_json(port: int, body: dict) -> dict:
    import requests

    response = requests.post(f"http://127.0.0.1:{port}{UPDATE}", json=body, timeout=60)
    response.raise_for_status()
    return response.json()


def _timed_calls(http, port: int, body: dict, count: int) -> list[float]:
    return [_post(http, port, body)[0] for _ in range(count)]


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _pct(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _round(value):
    if isinstance(value, float):
        return round(value, 4)
    return value


def _show(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), None)
    versions = {}
    for package in ("dash", "plotly", "pandas", "flask", "werkzeug", "gunicorn", "kaleido", "playwright", "SQLAlchemy"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:
            versions[package] = None
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip() \
        if Path(CHROMIUM).exists() else None
    return {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "cpus": os.cpu_count(), "cpu": cpu,
            "memory_mb": memory, "python": platform.python_version(), "platform": platform.platform(),
            "chromium": chromium, "versions": versions}


def table(results: dict[str, dict]) -> str:
    """metric | product | bare | ratio | target | met"""
    rows = [("metric", "product", "bare", "ratio", "target", "met")]
    for name, entry in results.items():
        pages = [f"{k[5:]} {_show(v)}" for k, v in entry.items() if k.startswith("page ")]
        if entry["value"] is None and pages:  # a figure per page
            rows.append((name, "; ".join(pages) + f" ({entry['unit']})", "", "", "", ""))
            continue
        unit = entry.get("parts_unit", entry["unit"])
        product = entry.get("product", entry["value"])
        bare = entry.get("bare")
        if entry["unit"] == "x":
            ratio = entry["value"]
        elif isinstance(product, (int, float)) and isinstance(bare, (int, float)) and bare and unit in ("s", "ms"):
            ratio = product / bare
        else:
            ratio = None
        target = f"{entry['target_op']} {entry['target']}" if "target" in entry else ""
        if "target" in entry:
            met = "yes" if entry["target_met"] else "NO"
            target += "x" if entry["unit"] == "x" else (" " + entry["unit"] if entry["unit"] in ("s", "MB") else "")
        else:
            met = ""
        rows.append((name, f"{_show(product)} {unit}" if product is not None else "-",
                     f"{_show(bare)} {unit}" if bare is not None else "", f"{ratio:.2f}x" if ratio is not None else "",
                     target, met))
    widths = [max(len(str(row[i])) for row in rows) for i in range(6)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", metavar="PATH", help="also write the figures (with targets) as JSON to PATH")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--only", metavar="SECTIONS", help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (store, logs)")
    parser.add_argument("--serve", choices=["product", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--probe-export", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--warm-pngs", type=int, default=10, help=argparse.SUPPRESS)
    parser.add_argument("--result", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve:
        serve(args.serve, args.port)
        return 0
    if args.probe_export:
        probe_export(Path(args.probe_export), args.warm_pngs, Path(args.result))
        return 0

    sections = [s.strip() for s in args.only.split(",")] if args.only else list(SECTIONS)
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    if "browser" in sections and not Path(CHROMIUM).exists():
        parser.error(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set BROWSER_PATH)")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the cleanup below runs
    workdir = Path(tempfile.mkdtemp(prefix="indicators-bench-"))
    bench = Bench(args, workdir)
    started = time.perf_counter()
    print(f"benchmark: {'quick' if args.quick else 'full'} run, sections {','.join(sections)}; "
          f"temporary store {bench.db}", file=sys.stderr)
    try:
        bench.run(sections)
    finally:
        bench.procs.stop_all()
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    info = machine()
    print(f"\n{info['date']} | {info['cpus']} CPUs, {info['cpu']}, {info['memory_mb']} MB | Python {info['python']}"
          f" | {'quick' if args.quick else 'full'} run, {time.perf_counter() - started:.0f} s")
    print(table(bench.results))
    with_target = [e for e in bench.results.values() if "target" in e]
    missed = [name for name, e in bench.results.items() if "target" in e and not e["target_met"]]
    print(f"\ntargets met: {len(with_target) - len(missed)} of {len(with_target)}"
          + (f"; missed: {', '.join(missed)}" if missed else ""))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "quick": args.quick, "sections": sections,
                                               "metrics": bench.results}, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
