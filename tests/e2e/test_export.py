"""Figure export: offline HTML, PNG/SVG/PDF through kaleido with one browser per batch, clear errors."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from indicators import cli, export, figures
from repo_paths import ROOT

HAS_CHROMIUM = bool(shutil.which("chromium") or Path("/usr/bin/chromium").exists())
needs_chromium = pytest.mark.skipif(not HAS_CHROMIUM, reason="needs Debian's chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    """The bundled snapshot (pass it explicitly: each test gets its own INDICATORS_DB)."""
    return snapshot_copy("export")


def plain_title(figure_id, store, **kwargs) -> str:
    fig, _ = figures.build(figure_id, store=store, **kwargs)
    return export.plain_text(fig.layout.title.text)


# -- HTML -------------------------------------------------------------------------------------


def test_html_self_contained_carries_plotly_title_source_and_vintages(store, tmp_path):
    paths = export.export_figures(["new-trio-total"], False, "html", tmp_path, store=store, self_contained=True)
    assert paths == [tmp_path / "new-trio-total.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new-trio-total.html"]  # no shared plotly.js
    text = paths[0].read_text(encoding="utf-8")
    fig, rows = figures.build("new-trio-total", store=store)
    meta = fig.layout.meta
    # offline: plotly.js inlined, nothing fetched from a CDN
    assert "<script src=" not in text and " src=" not in text
    assert text.count("* plotly.js v") == 1
    # the figure's own data: the 1.06 trillion yuan total (2023) as published by GACC
    assert float(rows.loc[(rows["period"] == "2023") & (rows["unit"] == "CNY"), "value"].iloc[0]) == 1.06e12
    assert "1060000000000.0" in text
    # title, source line and vintages in the head
    title = re.search(r"<title>(.*?)</title>", text).group(1)
    assert title == export.html.escape(export.plain_text(fig.layout.title.text))
    assert "1.06 trillion yuan in 2023" in title
    description = re.search(r'<meta name="description" content="([^"]*)"', text).group(1)
    assert description == export.html.escape(meta["source_line"])
    assert "Vintages: customs" in description and "GACC" in description
    embedded = json.loads(re.search(r'<script type="application/json" id="figure-meta">(.*?)</script>', text, re.S).group(1))
    assert embedded["id"] == "new-trio-total"
    assert embedded["claim_ids"] == ["new-trio-over-one-trillion", "new-trio-growth-30-percent"]
    assert {v["source"] for v in embedded["vintages"]} == {"customs", "fx"}


def test_html_batch_of_every_figure_shares_one_plotly_js(store, tmp_path):
    from plotly.offline import get_plotlyjs

    paths = export.export_figures(None, True, "html", tmp_path, store=store)
    assert [p.name for p in paths] == [f"{figure_id}.html" for figure_id in figures.FIGURES]
    shared = tmp_path / export.PLOTLY_JS
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([export.PLOTLY_JS, *(p.name for p in paths)])
    assert shared.read_text(encoding="utf-8") == get_plotlyjs()  # the installed plotly's, offline
    for path in paths:
        text = path.read_text(encoding="utf-8")
        # the chart's data and source only: plotly.js is loaded from the file beside it, once per folder
        assert len(text) < 200_000 and "* plotly.js v" not in text, (path.name, len(text))
        assert re.findall(r'<script[^>]* src="([^"]+)"', text) == [export.PLOTLY_JS]
        assert "Source:" in text
    total = sum(p.stat().st_size for p in tmp_path.iterdir())
    assert total < shared.stat().st_size + 2_000_000  # was about 4.8 MB a chart


def test_shared_plotly_js_is_rewritten_when_it_is_not_the_installed_one(store, tmp_path):
    from plotly.offline import get_plotlyjs

    (tmp_path / export.PLOTLY_JS).write_text("/* plotly.js from an older export */", encoding="utf-8")
    export.export_figures(["gii-rank"], False, "html", tmp_path, store=store)
    assert (tmp_path / export.PLOTLY_JS).read_text(encoding="utf-8") == get_plotlyjs()


def test_cli_export_html_names_the_shared_file_and_the_option(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INDICATORS_DB", store.url)
    assert cli.main(["export", "--figure", "gii-rank", "--out", str(tmp_path / "a")]) == 0
    captured = capsys.readouterr()
    assert captured.out.split() == [str(tmp_path / "a" / "gii-rank.html")]
    assert export.PLOTLY_JS in captured.err and "--self-contained" in captured.err
    assert cli.main(["export", "--figure", "gii-rank", "--out", str(tmp_path / "b"), "--self-contained"]) == 0
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["gii-rank.html"] and not capsys.readouterr().err


def test_file_names_say_currency_and_as_of(store, tmp_path):
    paths = export.export_figures(["new-trio-total", "gii-rank"], False, "html", tmp_path, as_of="2024-03-31",
                                  currency="USD", store=store)
    # the money figure says -usd; a rank has no currency, so its name does not pretend it has one
    assert [p.name for p in paths] == ["new-trio-total-usd-asof-2024-03-31.html", "gii-rank-asof-2024-03-31.html"]
    meta = json.loads(re.search(r'id="figure-meta">(.*?)</script>', paths[0].read_text(), re.S).group(1))
    assert meta["currency"] == "USD" and meta["as_of"] == "2024-03-31"


def test_unknown_figure_lists_the_known_ids(store, tmp_path):
    with pytest.raises(export.ExportError) as info:
        export.export_figures(["new-trio-total", "no-such-figure"], False, "html", tmp_path, store=store)
    message = str(info.value)
    assert "unknown figure id(s) no-such-figure" in message
    assert all(figure_id in message for figure_id in figures.FIGURES)
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_no_figure_named_is_a_clear_error(tmp_path):
    with pytest.raises(export.ExportError, match=r"--figure ID .* or use --all; known ids: new-trio-total"):
        export.export_figures([], False, "png", tmp_path)


def test_cli_unknown_figure_is_one_line(tmp_path, capsys):
    assert cli.main(["export", "--figure", "nope", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("indicators export: error: unknown figure id(s) nope; known ids:")


# -- static images: errors without a browser ----------------------------------------------------


def test_missing_browser_path_is_the_documented_error(store, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(export.BrowserNotFoundError) as info:
        export.export_figures(["new-trio-total"], False, "png", tmp_path, store=store)
    assert str(info.value).startswith("no Chromium found: apt-get install chromium, or set BROWSER_PATH")
    assert "/nonexistent/chromium" in str(info.value)


def test_no_browser_on_path_is_the_documented_error(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium, no chrome
    with pytest.raises(export.BrowserNotFoundError, match="^no Chromium found: apt-get install chromium, or set BROWSER_PATH$"):
        export.find_browser()
    assert cli.main(["export", "--figure", "gii-rank", "--format", "svg", "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "indicators export: error: no Chromium found: apt-get install chromium, or set BROWSER_PATH\n")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_browser_found_from_browser_path(tmp_path, monkeypatch):
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert export.find_browser() == str(fake)


# -- static images: real renders ----------------------------------------------------------------


@pytest.fixture
def count_browsers(monkeypatch):
    """Counts kaleido browser instances (each is one Chromium process)."""
    import kaleido.kaleido as kaleido_module

    started = []
    original = kaleido_module.Kaleido.__init__

    def counting(self, *args, **kwargs):
        started.append(kwargs.get("path"))
        original(self, *args, **kwargs)

    monkeypatch.setattr(kaleido_module.Kaleido, "__init__", counting)
    return started


@pytest.mark.browser
@needs_chromium
def test_png_batch_uses_one_browser(store, tmp_path, count_browsers):
    ids = ["new-trio-total", "gii-clusters", "gii-rank"]
    paths = export.export_figures(ids, False, "png", tmp_path, store=store)
    assert len(count_browsers) == 1  # three figures, one Chromium
    assert [p.name for p in paths] == [f"{i}.png" for i in ids]
    for figure_id, path in zip(ids, paths):
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
        width, height = struct.unpack(">II", data[16:24])
        fig, _ = figures.build(figure_id, store=store)
        assert (width, height) == (export.DEFAULT_WIDTH * export.PNG_SCALE, int(fig.layout.height) * export.PNG_SCALE)
        assert len(data) > 20_000  # a chart, not a blank page


def sync_server_running() -> bool:
    """Is kaleido's sync server open? (Its public stop_sync_server warns when it is not.)"""
    import warnings

    import kaleido

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kaleido.stop_sync_server()
    return not any("already closed" in str(w.message) for w in caught)


@pytest.mark.browser
@needs_chromium
def test_a_session_keeps_one_browser_for_several_exports_then_stops_it(store, tmp_path, count_browsers):
    with export.browser_session():
        assert not count_browsers  # started on the first render, not before
        first = export.export_figures(["gii-rank"], False, "png", tmp_path, store=store)
        second = export.export_figures(["gii-clusters"], False, "svg", tmp_path, store=store)
    assert len(count_browsers) == 1  # two exports, one Chromium (kaleido's sync server)
    assert first[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and second[0].stat().st_size > 5_000
    assert not sync_server_running()  # the session stopped the server it started


@pytest.mark.browser
@needs_chromium
def test_a_session_leaves_a_sync_server_it_did_not_start(store, tmp_path):
    import kaleido

    kaleido.start_sync_server(path=export.find_browser(), mathjax=False)
    try:
        with export.browser_session():
            export.export_figures(["gii-rank"], False, "png", tmp_path, store=store)
        assert sync_server_running()  # someone else's server: still theirs
    finally:
        kaleido.stop_sync_server(silence_warnings=True)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # kaleido's server thread ends so
def test_a_browser_that_never_answers_is_an_error_not_a_hang(store, tmp_path, monkeypatch):
    fake = tmp_path / "fake-chromium"
    fake.write_text("#!/bin/sh\nexec sleep 3\n")  # never answers, then exits (before the deadline: 3 + 1 s)
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    monkeypatch.setattr(export._Browser, "START_TIMEOUT_S", 3)
    monkeypatch.setattr(export._Browser, "RENDER_TIMEOUT_S", 1)
    monkeypatch.setattr(export._Browser, "STOP_TIMEOUT_S", 3)
    monkeypatch.setattr(export._Browser, "SLACK_S", 0)
    with pytest.raises(export.ExportError, match="static export failed"):
        with export.browser_session():
            export.export_figures(["gii-rank"], False, "png", tmp_path, store=store)
    assert not sync_server_running()  # closed again: later exports in this process are not stuck on it
    with pytest.raises(export.ExportError, match="static export failed"):  # and without a session
        export.export_figures(["gii-rank"], False, "png", tmp_path, store=store)


@pytest.mark.browser
@needs_chromium
def test_svg_carries_title_source_line_and_vintages(store, tmp_path):
    paths = export.export_figures(["new-trio-total", "gii-clusters"], False, "svg", tmp_path, store=store)
    for figure_id, path in zip(["new-trio-total", "gii-clusters"], paths):
        root = ET.parse(path).getroot()
        assert root.tag.endswith("svg")
        text = " ".join(t.strip() for t in root.itertext() if t.strip())
        title = plain_title(figure_id, store)
        assert title[:40] in text
        assert "Source:" in text and "Vintages:" in text
    text = " ".join(ET.parse(paths[0]).getroot().itertext())
    assert "1.06 trillion yuan" in text  # the data label on the 2023 bar


@pytest.mark.browser
@needs_chromium
def test_pdf_is_a_pdf(store, tmp_path):
    (path,) = export.export_figures(["gii-rank"], False, "pdf", tmp_path, store=store)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(data) > 5_000


# -- the notebook example -----------------------------------------------------------------------


@pytest.mark.subprocess
def test_notebook_example_runs_offline(tmp_path):
    out = tmp_path / "figs"
    run = subprocess.run([sys.executable, str(ROOT / "examples" / "notebook_example.py"), str(out)],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "[SUPPORTED] new-trio-over-one-trillion" in run.stdout
    assert "verdicts: supported 3, supported-rounded 1, unverifiable 1, opinion 3" in run.stdout
    # the charts share one plotly.js beside them (export's default), read by a relative path: offline
    assert sorted(p.name for p in out.iterdir()) == ["gii-clusters.html", "new-trio-total.html", "plotly.min.js"]
    assert 'src="plotly.min.js"' in (out / "new-trio-total.html").read_text(encoding="utf-8")


def test_notebook_matches_the_script():
    """The .ipynb holds the same code as the script's `# %%` cells."""
    notebook = json.loads((ROOT / "examples" / "notebook_example.ipynb").read_text(encoding="utf-8"))
    code_cells = ["".join(c["source"]).strip() for c in notebook["cells"] if c["cell_type"] == "code"]
    script = (ROOT / "examples" / "notebook_example.py").read_text(encoding="utf-8")
    script_cells = [part.split("\n", 1)[1].strip() for part in re.split(r"^# %% ", script, flags=re.M)[1:]]
    assert code_cells == script_cells



def test_a_tab_that_was_not_ready_is_rendered_again_once_for_the_figures_it_missed(tmp_path, monkeypatch):
    """kaleido's race on a slow machine (the blank page's context taken for the rendering page's):
    the figures not written are rendered once more; a second failure is the error."""
    calls = []

    def not_ready(targets, fmt):
        calls.append([path.name for path, _ in targets])
        targets[0][0].write_bytes(b"drawn")  # the first figure of each call is drawn, the others are not
        raise export.ExportError(f"could not render x: ReferenceError: {export.TAB_NOT_READY}")

    monkeypatch.setattr(export, "_render_static", not_ready)
    targets = [(tmp_path / f"{name}.png", None) for name in ("a", "b", "c")]
    with pytest.raises(export.ExportError, match=export.TAB_NOT_READY):
        export.render_static(targets, "png")
    assert calls == [["a.png", "b.png", "c.png"], ["b.png", "c.png"]]  # once more for the two missed, then the error


def test_other_render_failures_are_not_retried(tmp_path, monkeypatch):
    calls = []

    def crashed(targets, fmt):
        calls.append(len(targets))
        raise export.ExportError("could not render a.png: browser crashed")

    monkeypatch.setattr(export, "_render_static", crashed)
    with pytest.raises(export.ExportError, match="browser crashed"):
        export.render_static([(tmp_path / "a.png", None)], "png")
    assert calls == [1]
