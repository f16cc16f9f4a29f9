"""The static report: one self-contained HTML file (and Markdown), every claim with its data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from indicators import claims, cli, figures, report, sources
from indicators.store import Store
from repo_paths import ROOT

HAS_CHROMIUM = Path("/usr/bin/chromium").exists() or bool(shutil.which("chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def store(snapshot_copy):
    """The bundled snapshot (pass it explicitly: each test gets its own INDICATORS_DB)."""
    return snapshot_copy("report")


@pytest.fixture(scope="module")
def results(store):
    return claims.check_all(store=store, compare=False)


@pytest.fixture(scope="module")
def html_report(store, tmp_path_factory):
    path = report.write_report(tmp_path_factory.mktemp("report") / "report.html", store=store)
    return path, path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected_charts(store):
    """Figure ids the report should draw: every figure that builds (each drawn once)."""
    return [figure_id for figure_id in figures.FIGURES if _builds(figure_id, store)]


def _builds(figure_id, store) -> bool:
    try:
        figures.build(figure_id, store=store)
        return True
    except Exception:
        return False


def test_written_and_self_contained(html_report):
    path, text = html_report
    assert path.name == "report.html" and path.stat().st_size > 4_000_000
    assert not re.search(r"<script[^>]+src=", text)  # no external script
    assert not re.search(r"<link[^>]+href=\"?https?:", text)  # no external stylesheet or font
    assert not re.search(r"@import|url\(https?:", text)
    assert text.count("* plotly.js v") == 1  # plotly.js inlined once, not per chart
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]  # no temp file left, nothing beside it


def test_article_quoted_not_republished(html_report):
    _, text = html_report
    article = claims.load_claims()["article"]
    assert article["title"] in text and "LUO Weidong" in text and article["published"] in text
    op_ed = (ROOT.parent / "shared" / "article" / "op-ed.txt")
    if op_ed.exists():  # a sentence of the op-ed that is not a claim stays out
        assert "A few days ago, the annual meetings of the National People" not in text


def test_every_claim_with_its_verdict(html_report, results):
    _, text = html_report
    assert len(results) == len(claims.load_claims()["claims"]) == 8
    for result in results:
        section = re.search(rf'<section class="claim" id="claim-{re.escape(result.id)}">(.*?)</section>', text, re.S)
        assert section, result.id
        body = section.group(1)
        assert f'class="badge verdict-{result.verdict}"' in body
        assert report._e(result.quote) in body  # the exact quote
        assert report._e(result.explanation) in body
    verdicts = {r.id: r.verdict for r in results}
    assert verdicts == {
        "new-trio-over-one-trillion": "supported",
        "new-trio-growth-30-percent": "supported-rounded",
        "gii-2023-most-clusters": "supported",
        "gii-2023-first-in-six-indicators": "unverifiable",
        "steady-progress-innovative-economy": "supported",
        "green-exports-powered-global-growth": "opinion",
        "new-productive-forces-everywhere": "opinion",
        "innovations-list": "opinion",
    }


def test_stated_observed_and_other_views_are_the_data(html_report):
    _, text = html_report
    growth = re.search(r'id="claim-new-trio-growth-30-percent">(.*?)</section>', text, re.S).group(1)
    assert "<dt>Stated</dt><dd>a 30-percent increase</dd>" in growth
    assert "<dt>Observed</dt><dd>29.9%</dd>" in growth
    assert "growth in US dollars (converted): 23.4%" in growth  # (1.299 × 6.7290 / 7.0809) − 1
    level = re.search(r'id="claim-new-trio-over-one-trillion">(.*?)</section>', text, re.S).group(1)
    assert "<dt>Observed</dt><dd>1.06 trillion CNY</dd>" in level
    six = re.search(r'id="claim-gii-2023-first-in-six-indicators">(.*?)</section>', text, re.S).group(1)
    assert "Unverifiable with the bundled data" in six and "indicators refresh --source gii" in six


def test_summary_table_lists_every_claim(html_report, results):
    _, text = html_report
    summary = re.search(r'<h2 id="summary">(.*?)<h2 id="claims">', text, re.S).group(1)
    for result in results:
        assert f'href="#claim-{result.id}"' in summary
    assert "8 statements checked: 3 supported, 1 supported-rounded, 1 unverifiable, 3 opinion" in summary


def test_sources_with_licences_and_vintages(html_report, store):
    _, text = html_report
    level = re.search(r'id="claim-new-trio-over-one-trillion">(.*?)</section>', text, re.S).group(1)
    customs_vintage = store.latest_vintage("customs").id
    assert report._e(sources.get("customs").METADATA.licence) in level
    assert report._e(sources.get("fx").METADATA.licence) in level
    gacc = re.search(r"<li><strong>GACC \(Vice Minister Wang Lingjun\)([^<]*)</strong>(.*?)</li>", level, re.S)
    said, gacc = gacc.group(1), gacc.group(2)
    assert said.endswith(", read via auto.ce.cn") and ">auto.ce.cn</a>" in gacc  # a reprint, named as such
    assert "Griffith Asia Institute (read from the primary source)</strong>" in level
    assert "new_trio_exports_total CHN 2023 = <strong>1.06 trillion CNY</strong> (released 2024-01-12)" in gacc
    assert f"vintage <span class='vintage'>{customs_vintage}</span>, retrieved {store.vintage(customs_vintage).retrieved_at}" in gacc
    appendix = text[text.index('<h2 id="sources">'):]
    for name, module in sources.all_sources().items():
        assert report._e(module.METADATA.licence) in appendix and report._e(module.METADATA.url) in appendix
    for vintage in store.vintages():
        assert re.search(f"<td [^>]*class='num'[^>]*>{vintage.id}</td>", appendix)
    assert "indicators refresh --source comtrade" in appendix  # not in the store: says which loader


def test_tables_become_cards_on_a_phone_with_every_cell_named(html_report):
    """Below 640 px each row of the summary, changes and vintage tables is a card: every cell carries
    its column's name (shown above it), so the Verdict column is never off screen."""
    _, text = html_report
    assert "@media (max-width:640px)" in text and "table.stack td::before{content:attr(data-label)" in text
    summary = text[text.index('<h2 id="summary">'):text.index('<h2 id="claims">')]
    assert "<table class='stack'>" in summary
    rows = re.findall(r"<tr>(<td.*?)</tr>", summary, re.S)
    assert rows and all(re.findall(r'<td data-label="([^"]*)"', row) == ["Claim", "What is claimed", "Stated",
                                                                         "Observed", "Verdict"] for row in rows)


def test_what_changed_since_the_article(html_report):
    _, text = html_report
    changes = re.search(r'<h2 id="changes">(.*?)<h2 id="(?:context|sources)">', text, re.S).group(1)
    assert "published by 2024-03-31" in changes
    assert "No verdict and no observed value differs between the two views (5 checked claims)" in changes
    # the World Bank's later release revised China's 2022 high-tech exports
    assert "TX.VAL.TECH.CD CHN 2022: 769.7 billion USD → 924.4 billion USD" in changes


def test_each_chart_drawn_once_with_its_claim(html_report, expected_charts):
    _, text = html_report
    drawn = re.findall(r'<figure class="chart" id="figure-([^"]+)"', text)
    assert sorted(drawn) == sorted(expected_charts) and len(drawn) == len(set(drawn))
    level = re.search(r'id="claim-new-trio-over-one-trillion">(.*?)</section>', text, re.S).group(1)
    assert 'id="figure-new-trio-total"' in level  # drawn under the first claim it shows
    growth = re.search(r'id="claim-new-trio-growth-30-percent">(.*?)</section>', text, re.S).group(1)
    assert 'href="#figure-new-trio-total"' in growth  # pointed to, not drawn again


def test_a_failing_figure_does_not_cost_the_report(store, tmp_path, monkeypatch):
    real_build = figures.build

    def build(figure_id, *args, **kwargs):
        if figure_id == "gii-rank":
            raise RuntimeError("series missing")
        return real_build(figure_id, *args, **kwargs)

    monkeypatch.setattr(figures, "build", build)
    text = report.write_report(tmp_path / "r.html", store=store).read_text(encoding="utf-8")
    assert "chart unavailable (RuntimeError: series missing)" in text
    assert 'id="figure-gii-clusters"' in text


def test_as_of_report(store, tmp_path):
    text = report.write_report(tmp_path / "then.html", as_of="2024-03-31", store=store).read_text(encoding="utf-8")
    assert "data published by 2024-03-31" in text
    assert 'class="badge verdict-supported"' in text


def test_markdown_report(store, tmp_path, results):
    path = report.write_report(tmp_path / "report.md", store=store)
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text and "plotly" not in text
    for result in results:
        assert f"| {result.id} |" in text and f"**{result.verdict}**" in text
        assert f"> {result.quote}" in text
    assert "`indicators export --figure new-trio-total --format html`" in text
    assert "| worldbank |" in text  # what changed since the article, per source


def test_cli_report(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INDICATORS_DB", store.url)
    out = tmp_path / "cli" / "report.html"
    assert cli.main(["report", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert 'id="claim-gii-2023-most-clusters"' in out.read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.skipif(not HAS_CHROMIUM, reason="needs Debian's chromium")
def test_opens_offline_in_chromium_with_every_chart_rendered(html_report, expected_charts):
    from playwright.sync_api import sync_playwright

    path, _ = html_report
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors, outside = [], []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                       if not route.request.url.startswith("file:") else route.continue_())
            page.goto(path.as_uri())
            page.wait_for_function(
                f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {len(expected_charts)}", timeout=20_000)
            plots = page.locator(".js-plotly-plot")
            assert plots.count() == len(expected_charts)
            for index in range(plots.count()):
                assert plots.nth(index).locator("svg.main-svg").count() >= 1
                box = plots.nth(index).bounding_box()
                assert box and box["width"] > 600 and box["height"] > 300
            assert page.locator(".badge").count() >= 8
            assert errors == [] and outside == []
        finally:
            browser.close()


def test_report_on_an_empty_store(tmp_path):
    """Before any refresh: every factual claim is unverifiable and says which loader fetches its data."""
    text = report.write_report(tmp_path / "empty.html", store=Store()).read_text(encoding="utf-8")
    assert text.count('class="badge verdict-unverifiable"') >= 5
    assert "indicators refresh --source customs" in text
    assert "Not in the store: <code>indicators refresh --source fx</code>" in text


def test_report_for_another_article_embeds_its_claimreview(tmp_path, store):
    """`--article SLUG` reports that article's claims and embeds one ClaimReview per rated claim."""
    import extruct

    from indicators import articles

    path = report.write_report(tmp_path / "cd.html", store=store, article_slug="china-daily-askary-2024-03-12")
    text = path.read_text(encoding="utf-8")
    article = articles.get_article("china-daily-askary-2024-03-12")
    assert article.title in text
    reviews = [item for item in extruct.extract(text, syntaxes=["json-ld"])["json-ld"]
               if item.get("@type") == "ClaimReview"]
    assert reviews
    assert all(r["url"].startswith("http://127.0.0.1:8050/article/china-daily-askary-2024-03-12#claim-") for r in reviews)
    with pytest.raises(articles.ArticleError):
        report.write_report(tmp_path / "x.html", store=store, article_slug="no-such-article")


def test_another_article_gets_an_evidence_chart_per_checkable_claim_not_the_op_eds_charts(store):
    """Bespoke charts are drawn from the op-ed's claims; another article's report charts its own
    claims with the generic evidence chart, one per checkable claim."""
    from indicators import articles, evidence
    from indicators.claims import load_claims

    slug = "china-daily-askary-2024-03-12"
    data = report.gather(store=store, article_slug=slug)
    checkable = [c["id"] for c in load_claims(articles.get_article(slug).claims_path, strict=False)["claims"]
                 if c["check"] in evidence.CHECKABLE and c.get("series")]
    assert checkable
    assert [chart.claim_ids for chart in data.charts] == [[claim_id] for claim_id in checkable]
    assert all(chart.figure is not None and not chart.error for chart in data.charts)
