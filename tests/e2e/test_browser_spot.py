"""The "Check a text" page (/check) in a real headless Chromium: paste an article, review the candidates
with their verdict badges and series, pick another period for one (its verdict changes), untick one,
download claims.yaml, and check that file with `indicators check --claims`: the same verdicts. The
table fits a phone and a laptop screen. Too large a text gets a clear message. Screenshots go to
test-artifacts/screenshots/ (and SHOTS_DIR, when set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from browser_harness import launched, opened, playwright_or_skip, served, shoot
from repo_paths import ROOT
from texts import long_prose

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()


@pytest.fixture(scope="module")
def base_url(snapshot_copy):
    with served(snapshot_copy("browser-spot")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launched(sync_api) as running:
        yield running


@pytest.fixture
def page(browser):
    with opened(browser, "1280x900", accept_downloads=True) as fresh:
        yield fresh


NO_OVERFLOW = """() => {
    const page = document.documentElement;
    const wrap = document.querySelector('#check-table') ? document.querySelector('#check-table').closest('.table-wrap') : null;
    return {page: page.scrollWidth - page.clientWidth, table: wrap ? wrap.scrollWidth - wrap.clientWidth : 0};
}"""
"""How far the page, and the table inside its scrolling box, run past the screen's width (px)."""


def _spot_article(page, base_url, name: str):
    from indicators import articles

    article = articles.get_article(name)
    page.goto(base_url + "/check")
    page.wait_for_selector("#check-text")
    page.fill("#check-text", article.text)
    page.fill("#check-published", article.published)
    page.click("#check-run")
    page.wait_for_selector("#check-table", timeout=60_000)
    return article


def _pick(page, row: int, field: int, option: str) -> None:
    """In row `row`'s choices, open dropdown `field` (0 series, 1 place, 2 period) and pick `option`."""
    details = page.locator(f"#check-choices-{row}")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    details.locator("button.dash-dropdown").nth(field).click()
    page.get_by_role("option", name=option, exact=True).click()


def _verdicts(page) -> list[str]:
    """Each candidate row's verdict badge, in row order."""
    return [text.strip() for text in page.locator("#check-table tr.candidate .badge").all_inner_texts()]


def test_paste_review_change_a_period_and_a_series_download_and_check(page, base_url, snapshot_store, tmp_path, capsys):
    """Paste, review, pick another period for one figure and another series for another: their verdicts
    change (judged by the claims engine); the downloaded claims.yaml holds the choices and
    `indicators check --claims` gives the verdicts the page shows."""
    from indicators import cli

    article = _spot_article(page, base_url, "china-daily-askary-2024-03-12")
    assert page.locator("#check-nav-check").count() == 1  # the nav bar lists the page
    rows = page.locator("#check-table tbody tr.candidate")
    assert rows.count() == 8
    # each sentence is quoted once, in its own row, not once per figure
    sentences = page.locator("#check-table tbody tr.sentence-row").all_inner_texts()
    assert len(sentences) == 4 and len(set(sentences)) == 4
    assert "Global Innovation Index" not in page.inner_text("#check-row-2")
    table = page.inner_text("#check-table")
    for wanted in ("1.59 million patent applications", "12th", "nine clusters", "gii/st_clusters_top100",
                   "worldbank/IP.PAT.RESD", "supported"):
        assert wanted in table
    assert page.locator("#check-table .badge").count() == 8
    before = _verdicts(page)
    assert before[2] == "supported"  # "China was ranked 12th in the 2023 Global Innovation Index"
    shoot(page, "check-text-review")
    # the text means another year (say): pick 2022 for "12th"; China ranked 11th in the 2022 GII
    _pick(page, 2, 2, "2022")
    page.wait_for_function("() => document.querySelector('#check-row-2 .badge').innerText.trim() === 'contradicted'",
                           timeout=60_000)
    assert "rank 11" in page.inner_text("#check-row-2") and "Your choice: gii/gii_rank, CHN, 2022" in page.inner_text("#check-row-2")
    after = _verdicts(page)
    assert after[:2] == before[:2] and after[3:] == before[3:]  # the other rows are untouched
    # and another series for "3.4 million" (filed worldwide): WIPO's PCT applications instead of the World Bank's
    assert before[1] == "unverifiable"
    details = page.locator("#check-choices-1")
    details.locator("summary").click()
    details.locator("button.dash-dropdown").nth(0).click()
    page.locator("[role=option]", has_text="wipo_ip/pct_applications").click()
    page.wait_for_function("() => document.querySelector('#check-row-1').innerText.includes('Your choice: wipo_ip')",
                           timeout=60_000)
    after = _verdicts(page)
    assert after[1] == "contradicted" and "277,500 applications" in page.inner_text("#check-row-1")
    page.click("#check-evidence-1 summary")  # its evidence chart follows the choice
    page.wait_for_function("""() => { const g = document.querySelector('#check-evidence-1 .js-plotly-plot');
        return g && g.data && g.data.some(t => (t.name || '').includes('PCT international patent applications')); }""",
                           timeout=60_000)  # the series as the catalogue names it
    page.screenshot(path="/tmp/checkui-1366-changed.png", full_page=True)
    shoot(page, "check-text-changed")
    # reject the first candidate (the patent figure), keep the rest
    page.locator("#check-row-0 input[type=checkbox]").uncheck()
    with page.expect_download() as info:
        page.click("#check-download-button")
    download = info.value
    assert download.suggested_filename == "claims.yaml"
    path = tmp_path / "claims.yaml"
    download.save_as(path)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(document["claims"]) == 7
    assert all(claim["quote"] in article.text for claim in document["claims"])
    assert not any(claim["stated"]["text"] == "1.59 million patent applications" for claim in document["claims"])
    changed = [claim for claim in document["claims"] if claim["stated"]["text"] == "12th"]
    assert len(changed) == 1 and changed[0]["series"]["period"] == "2022"  # what the user chose
    assert document["claims"][0]["stated"]["text"] == "3.4 million"
    assert document["claims"][0]["series"]["source"] == "wipo_ip"
    assert cli.main(["check", "--claims", str(path), "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in results] == [claim["id"] for claim in document["claims"]]
    assert [r["verdict"] for r in results] == after[1:]  # the page's verdicts, rows 2-8 (row 1 rejected)
    assert not page.errors, page.errors


@pytest.mark.parametrize("viewport", ["390x844", "1366x768"])
def test_review_table_fits_the_screen(browser, base_url, viewport):
    """At phone and laptop width nothing runs past the screen: on a phone each figure is a card and the
    Series and Why of a figure stay on screen; the sentence is quoted once per group."""
    with opened(browser, viewport) as page:
        _spot_article(page, base_url, "china-daily-askary-2024-03-12")
        page.locator("#check-choices-2 summary").click()
        overflow = page.evaluate(NO_OVERFLOW)
        assert overflow == {"page": 0, "table": 0}, overflow
        width = page.viewport_size["width"]
        for label in ("Series", "Why"):
            box = page.locator(f"#check-row-2 td[data-label={label}]").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (label, box)
        page.screenshot(path=f"/tmp/checkui-{viewport}.png", full_page=True)
        shoot(page, f"check-text-{viewport}")
        assert not page.errors, page.errors


def test_too_large_a_text_gets_a_message(page, base_url):
    page.goto(base_url + "/check")
    page.wait_for_selector("#check-text")
    page.evaluate("""() => {
        const box = document.querySelector('#check-text');
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
        setter.call(box, 'China exported 5 million cars in 2023. '.repeat(6000));
        box.dispatchEvent(new Event('input', {bubbles: true}));
    }""")
    page.click("#check-run")
    page.wait_for_selector("#check-problem", timeout=30_000)
    assert "at most 200,000 bytes" in page.inner_text("#check-problem")
    assert page.locator("#check-table").count() == 0
    shoot(page, "check-text-too-large")
    assert not page.errors, page.errors


def test_upload_a_markdown_file_and_a_binary_one(page, base_url, tmp_path):
    source = ROOT / "data" / "articles" / "gna-lu-kun-2024-06-01" / "text.md"
    page.goto(base_url + "/check")
    page.wait_for_selector("#check-text")
    page.set_input_files("#check-upload input[type=file]", str(source))
    page.wait_for_function("() => document.querySelector('#check-text').value.includes('1.203 million units')",
                           timeout=30_000)
    page.click("#check-run")
    page.wait_for_selector("#check-table", timeout=30_000)
    table = page.inner_text("#check-table")
    assert "prediction" in table and "no-series" in table and "caam/vehicle_exports" in table
    shoot(page, "check-text-upload")
    binary = tmp_path / "picture.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + bytes(range(256)))
    page.set_input_files("#check-upload input[type=file]", str(binary))
    page.wait_for_selector("#check-problem", timeout=30_000)
    assert "binary" in page.inner_text("#check-problem")
    assert not page.errors, page.errors


def test_pasted_markup_stays_text(page, base_url):
    """Everything pasted is shown as text: markup in the article is neither rendered nor run."""
    page.goto(base_url + "/check")
    page.wait_for_selector("#check-text")
    pasted = ('<img src=x onerror="window.__pasted = 1"><b>Bold</b> China ranked 12th in the 2023 Global '
              'Innovation Index <script>window.__pasted = 2</script>.')
    page.fill("#check-text", pasted)
    page.click("#check-run")
    page.wait_for_selector("#check-table", timeout=60_000)
    sentence = page.inner_text("#check-table tr.sentence-row")
    assert '<img src=x onerror="window.__pasted = 1"><b>Bold</b>' in sentence
    assert page.locator("#check-table img, #check-table b, #check-table script").count() == 0
    assert page.evaluate("() => window.__pasted") is None
    assert not page.errors, page.errors


SET_TEXT = """(text) => {
    const box = document.querySelector('#check-text');
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    setter.call(box, text);
    box.dispatchEvent(new Event('input', {bubbles: true}));
}"""
"""Put `text` in the page's text box as a paste would (page.fill types a 195 KB text too slowly)."""
BUSY = "#check-results[data-dash-is-loading='true']"
"""The results area while the page's spotting callback is in flight (Dash marks the outputs it waits for)."""


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_long_text_being_checked_leaves_the_page_answering_another_reader(browser, base_url):
    """Issue 20: while one reader's long text (30 KB of the bundled articles' prose) is checked, a second reader's short text is answered: the long
    check holds one request, not the server. Shown by order, not by time: the second answer arrives while the
    first reader's results are still marked as loading, and the first then completes."""
    with opened(browser, "1280x900") as first, opened(browser, "1280x900") as second:
        for page in (first, second):
            page.goto(base_url + "/check")
            page.wait_for_selector("#check-text")
        first.evaluate(SET_TEXT, long_prose(30_000))
        second.evaluate(SET_TEXT, "China exported 4.91 million vehicles in 2023, according to CAAM.")
        first.click("#check-run")
        first.wait_for_selector(BUSY, state="attached", timeout=30_000)
        second.click("#check-run")
        second.wait_for_selector("#check-table", timeout=120_000)
        first_still_busy = first.locator(BUSY).count() == 1
        first.wait_for_selector("#check-table", timeout=300_000)
        assert first_still_busy, "the short text was answered only after the long one"
        assert first.locator("#check-table tr.candidate").count() > second.locator("#check-table tr.candidate").count()
        assert not first.errors and not second.errors, (first.errors, second.errors)
