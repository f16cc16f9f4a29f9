"""The "Check a text" page (/check) in a real headless Chromium: paste an article, review the candidates
with their verdict badges and series, untick one, download claims.yaml, and check that file with
`indicators check --claims`. Too large a text gets a clear message. Screenshots go to
test-artifacts/screenshots/ (and SHOTS_DIR, when set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from browser_harness import launched, opened, playwright_or_skip, served, shoot

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


def test_paste_review_download_and_check(page, base_url, snapshot_store, tmp_path, capsys):
    from indicators import articles, cli

    article = articles.get_article("china-daily-askary-2024-03-12")
    page.goto(base_url + "/check")
    page.wait_for_selector("#check-text")
    assert page.locator("#check-nav-check").count() == 1  # the nav bar lists the page
    page.fill("#check-text", article.text)
    page.fill("#check-published", article.published)
    page.click("#check-run")
    page.wait_for_selector("#check-table", timeout=30_000)
    rows = page.locator("#check-table tbody tr")
    assert rows.count() == 8
    table = page.inner_text("#check-table")
    for wanted in ("1.59 million patent applications", "12th", "nine clusters", "gii/st_clusters_top100",
                   "worldbank/IP.PAT.RESD", "supported"):
        assert wanted in table
    assert page.locator("#check-table .badge").count() == 8
    shoot(page, "check-text-review")
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
    assert cli.main(["check", "--claims", str(path), "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 7 and "error" not in {r["verdict"] for r in results}
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
    source = Path(__file__).resolve().parent.parent / "data" / "articles" / "gna-lu-kun-2024-06-01" / "text.md"
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
