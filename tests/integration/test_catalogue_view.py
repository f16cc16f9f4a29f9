"""The catalogue users browse: indicators.catalogue_view (the store's series joined with the catalogue's
dimensions), `indicators catalogue` (table and JSON), and the /catalogue page with its CSV download
(Flask test client: the page router's answer for a URL, as in test_dashboard.py)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from indicators import catalogue, catalogue_view, cli, frame
from repo_paths import ROOT



@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("catalogue")


@pytest.fixture(scope="module")
def everything(store):
    return catalogue_view.entries(store)


# -- the view ------------------------------------------------------------------------------------


def test_every_stored_series_is_listed_once_with_its_dimensions(store, everything):
    listed = store.catalogue()
    assert len(everything) == len(listed) > 100
    assert len({(e.source, e.dataset, e.indicator, e.entity, e.product, e.freq, e.unit) for e in everything}) == len(listed)
    assert {e.source for e in everything} == set(listed["source"])  # whatever the store holds, nothing hard-coded
    described = [e for e in everything if e.measure]
    assert len(described) >= 0.9 * len(everything)
    for entry in described:
        series = catalogue.describe(entry.source, entry.indicator, entry.product or None, entry.unit) \
            or catalogue.describe(entry.source, entry.indicator, entry.product or None)
        assert (entry.measure, entry.subject, entry.basis, entry.kind) == (
            series.measure, series.subject, series.basis, series.kind)


def test_an_entry_reads_as_a_person_would_say_it(everything):
    final = next(e for e in everything if (e.source, e.dataset, e.indicator) == ("nbs", "rd_final", "rd_intensity"))
    assert final.name.startswith("R&D intensity") and final.entity_name == "China"
    assert final.latest.endswith("% of GDP") and final.latest_value == pytest.approx(float(final.latest.split("%")[0]),
                                                                                     rel=1e-2)
    assert final.refresh == "indicators refresh --source nbs --offline"  # nbs has no live endpoint
    assert final.provenance == frame.provenance(final.publisher, final.read_via)
    gii = next(e for e in everything if e.source == "gii")
    assert gii.refresh == "indicators refresh --source gii"  # live
    assert {e.entity_name for e in everything if e.source == "worldbank"} >= {"China", "World", "Japan"}


@pytest.mark.parametrize("value, unit, text", [
    (1.06e12, "CNY", "1.06 trillion CNY"), (2.64, "percent", "2.64%"), (2.41, "percent of GDP", "2.41% of GDP"),
    (4_955_000, "vehicles", "4.955 million vehicles"), (995_000, "vehicles", "995,000 vehicles"),
    (10.0, "rank", "rank 10"), (-6.7, "percent", "-6.7%"), (float("nan"), "USD", "n/a"),
])
def test_latest_values_are_formatted_for_readers(value, unit, text):
    assert catalogue_view.human(value, unit) == text


def test_search_needs_every_word_in_any_case(everything):
    found = catalogue_view.find(everything, "R&D CHINA")
    assert found and all("r&d" in e.haystack() and "china" in e.haystack() for e in found)
    assert {e.entity for e in found} == {"CHN"}
    assert {e.source for e in found} >= {"nbs", "worldbank"}
    japan = catalogue_view.find(everything, "r&d japan")
    assert japan and {e.entity for e in japan} == {"JPN"}
    assert catalogue_view.find(everything, "") == everything
    assert catalogue_view.find(everything, "r&d zzzz-no-such-word") == []
    by_basis = catalogue_view.find(everything, "statistics_office spending")
    assert by_basis and {e.source for e in by_basis} == {"nbs"}
    by_publisher = catalogue_view.find(everything, "wipo")
    assert {e.source for e in by_publisher} >= {"gii"}


def test_as_of_lists_only_what_was_published_then(store, everything):
    before = catalogue_view.entries(store, as_of="2024-03-31")
    assert 0 < len(before) < len(everything)
    assert all(e.latest_released <= "2024-03-31" for e in before)


def test_csv_has_a_header_and_every_column(everything):
    chosen = catalogue_view.find(everything, "r&d china")
    body = catalogue_view.csv_text(chosen, search="r&d china")
    assert body.startswith("# catalogue:") and "# search: r&d china" in body
    data = pd.read_csv(io.StringIO(body), comment="#")
    assert list(data.columns) == catalogue_view.COLUMNS and len(data) == len(chosen)


# -- the CLI -------------------------------------------------------------------------------------


def test_cli_table_fits_120_columns_and_names_the_refresh_command(snapshot_store, capsys):
    assert cli.main(["catalogue", "--search", "r&d"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 120
    assert any(line.startswith("nbs: ") for line in lines)
    assert "refresh: indicators refresh --source nbs --offline" in out
    assert "R&D expenditure" in out and "trillion CNY" in out and "% of GDP" in out
    assert "refresh: indicators refresh --source worldbank" in out
    assert "GII overall rank" not in out
    assert lines[-1].endswith("source(s)") and " series from " in lines[-1]


def test_cli_json_is_a_list_of_objects(snapshot_store, capsys):
    assert cli.main(["catalogue", "--search", "r&d china", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and all(set(catalogue_view.COLUMNS) == set(item) for item in items)
    assert {item["entity"] for item in items} == {"CHN"}
    assert any(item["source"] == "nbs" and item["indicator"] == "rd_expenditure" for item in items)
    assert cli.main(["catalogue", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(snapshot_store.catalogue())


def test_cli_says_when_nothing_matches_or_the_store_is_empty(snapshot_store, capsys, monkeypatch, tmp_path):
    assert cli.main(["catalogue", "--search", "no-such-series-anywhere"]) == 0
    assert "no series match" in capsys.readouterr().out
    monkeypatch.setenv("INDICATORS_DB", f"sqlite:///{tmp_path / 'empty.db'}")
    assert cli.main(["catalogue"]) == 0
    assert "refresh --offline" in capsys.readouterr().out
    assert cli.main(["catalogue", "--as-of", "not-a-date"]) == 1


@pytest.mark.subprocess
def test_cli_catalogue_starts_without_the_heavy_modules():
    code = ("import sys, indicators.cli as cli\ncli.build_parser().parse_args(['catalogue', '--search', 'x'])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'sqlalchemy', 'dash', 'plotly'}))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": f"{ROOT / 'src'}:{ROOT}", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# -- the page ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(store):
    from dashboard.app import create_app

    client = create_app(store, warm=False).server.test_client()
    assert client.get("/").status_code == 200
    return client


def test_page_deep_link_shows_the_filtered_rows_only(client, everything):
    from test_dashboard import find, render, text

    assert client.get("/catalogue?q=r%26d+china").status_code == 200
    tree = render(client, "/catalogue", "?q=r%26d+china")
    wanted = catalogue_view.find(everything, "r&d china")
    assert text(find(tree, "catalogue-count")).startswith(f"{len(wanted)} of {len(everything)} series match “r&d china”")
    assert find(tree, "catalogue-search")["props"]["value"] == "r&d china"
    assert find(tree, "catalogue-csv")["props"]["href"] == "/download/catalogue.csv?q=r%26d+china"
    shown = " ".join(text(tree).split())
    assert "R&D expenditure" in shown and "indicators refresh --source nbs --offline" in shown
    assert find(tree, "catalogue-group-nbs") is not None and find(tree, "catalogue-group-gii") is None
    assert "Japan" not in shown and "GII overall rank" not in shown
    rows = _rows(tree)
    assert len(rows) == len(wanted)
    assert find(tree, "catalogue-nav-catalogue")["props"]["className"] == "nav-link active"


def test_page_without_a_search_lists_every_series_grouped_by_source(client, everything, store):
    from test_dashboard import find, render

    tree = render(client, "/catalogue")
    assert len(_rows(tree)) == len(everything)
    for source in set(store.catalogue()["source"]):
        assert find(tree, f"catalogue-group-{source}") is not None


def test_page_escapes_what_the_url_says_and_reports_bad_dates(client):
    from test_dashboard import find, render, text

    tree = render(client, "/catalogue", "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&as_of=garbage")
    assert "0 of" in text(find(tree, "catalogue-count"))
    assert "as_of “garbage” is not a date" in text(find(tree, "catalogue-problems"))
    assert find(tree, "catalogue-search")["props"]["value"] == "<script>alert(1)</script>"  # text, escaped by Dash
    assert "dangerously_allow_html" not in json.dumps(tree)


def test_search_box_writes_the_query_into_the_url(client):
    from test_dashboard import state_callback

    values = {"catalogue-as-of": "", "catalogue-as-of-article": 0, "catalogue-as-of-latest": 0,
              "catalogue-search": "r&d china"}
    response = state_callback(client, "catalogue", values, ["catalogue-search.value"])
    assert response.get_json()["response"]["url"]["search"] == "?q=r%26d+china"
    values["catalogue-search"] = ""
    response = state_callback(client, "catalogue", values, ["catalogue-search.value"], search="?q=r%26d+china")
    assert response.get_json()["response"]["url"]["search"] == ""


def test_csv_download_serves_the_filtered_catalogue(client, everything):
    response = client.get("/download/catalogue.csv?q=r%26d+china")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="catalogue-search.csv"' in response.headers["Content-Disposition"]
    data = pd.read_csv(io.StringIO(response.get_data(as_text=True)), comment="#", keep_default_na=False)
    assert len(data) == len(catalogue_view.find(everything, "r&d china"))
    assert set(data["entity"]) == {"CHN"} and "rd_expenditure" in set(data["indicator"])
    full = pd.read_csv(io.StringIO(client.get("/download/catalogue.csv").get_data(as_text=True)), comment="#")
    assert len(full) == len(everything)
    assert client.get("/download/catalogue.csv?as_of=garbage").status_code == 400


def _rows(tree) -> list:
    found = []
    if isinstance(tree, dict):
        if tree.get("type") == "Tr" and tree.get("props", {}).get("className") == "catalogue-row":
            found.append(tree)
        for value in tree.get("props", {}).values():
            found += _rows(value)
    elif isinstance(tree, list):
        for item in tree:
            found += _rows(item)
    return found


# -- odd input -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_odd_searches_and_dates_never_break_the_page_or_the_csv(client):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_fuzz import assert_no_traceback, odd_values, route
    from urllib.parse import urlencode

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(query=st.dictionaries(st.sampled_from(["q", "as_of", "currency", "zzz"]), odd_values, max_size=3))
    def check(query):
        response = route(client, "/catalogue", "?" + urlencode(query))
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        assert_no_traceback(response)
        download = client.get("/download/catalogue.csv?" + urlencode(query))
        assert download.status_code in (200, 400), download.get_data(as_text=True)[:300]
        assert_no_traceback(download)

    check()


def test_page_as_of_lists_what_was_published_by_then(client, store):
    from test_dashboard import find, render, text

    tree = render(client, "/catalogue", "?as_of=2024-03-31&q=r%26d")
    before = catalogue_view.find(catalogue_view.entries(store, as_of="2024-03-31"), "r&d")
    assert len(_rows(tree)) == len(before) > 0
    assert find(tree, "catalogue-as-of")["props"]["value"] == "2024-03-31"
    assert find(tree, "catalogue-csv")["props"]["href"] == "/download/catalogue.csv?q=r%26d&as_of=2024-03-31"
    assert "published by 2024-03-31" in text(find(tree, "catalogue-as-of-note"))
