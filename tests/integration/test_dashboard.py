"""The dashboard through Flask's test client (fast, no browser): page layouts with the bundled data,
the URL-state callback, /health, /embed, CSV downloads, 404s and bad query values."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from indicators import frame

ROUTER = ".._pages_content.children..._pages_store.data.."


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("dashboard")


@pytest.fixture(scope="module")
def app(store):
    from dashboard.app import create_app

    return create_app(store, warm=False)


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    assert client.get("/").status_code == 200  # first request sets up the page router
    return client


def render(client, path: str, search: str = "") -> dict:
    """What the page router returns for a URL: the page's component tree (as JSON)."""
    body = {"output": ROUTER,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:500]
    return response.get_json()["response"]["_pages_content"]["children"]


def find(tree, component_id):
    """The component with this id in a rendered tree (None if absent)."""
    if isinstance(tree, dict):
        if tree.get("props", {}).get("id") == component_id:
            return tree
        for value in tree.get("props", {}).values():
            found = find(value, component_id)
            if found is not None:
                return found
    elif isinstance(tree, list):
        for item in tree:
            found = find(item, component_id)
            if found is not None:
                return found
    return None


def text(tree) -> str:
    """All the text in a rendered tree."""
    if isinstance(tree, str):
        return tree
    if isinstance(tree, (int, float)):
        return str(tree)
    if isinstance(tree, list):
        return " ".join(text(t) for t in tree)
    if isinstance(tree, dict):
        return text(tree.get("props", {}).get("children"))
    return ""


def graph_trace(tree, graph_id: str, name_part: str) -> dict:
    graph = find(tree, graph_id)
    assert graph is not None, f"no graph {graph_id}"
    return next(t for t in graph["props"]["figure"]["data"] if name_part in (t.get("name") or ""))


# -- pages -----------------------------------------------------------------------------------


def test_scorecard_lists_every_claim_with_its_verdict_and_evidence_link(client):
    from indicators import claims

    tree = render(client, "/scorecard")
    ids = [c["id"] for c in claims.load_claims()["claims"]]
    for claim_id in ids:
        card = find(tree, f"scorecard-claim-{claim_id}")
        assert card is not None, claim_id
    card = find(tree, "scorecard-claim-new-trio-over-one-trillion")
    card_text = text(card)
    assert "supported" in card_text and "exceeded one trillion yuan" in card_text and "1.06 trillion CNY" in card_text
    assert "totally exceeded one trillion yuan" in card_text  # the exact quote
    assert "in US dollars (converted)" in card_text  # the other view
    link = find(tree, "scorecard-evidence-new-trio-over-one-trillion")
    assert link["props"]["href"] == "/trade#claim-new-trio-over-one-trillion"
    assert "unverifiable" in text(find(tree, "scorecard-claim-gii-2023-first-in-six-indicators"))
    summary = text(find(tree, "scorecard-summary"))
    assert "supported" in summary and "opinion" in summary


def test_scorecard_as_of_before_gacc_published_makes_the_trillion_claim_unverifiable(client):
    tree = render(client, "/scorecard", "?as_of=2023-12-31")
    card = text(find(tree, "scorecard-claim-new-trio-over-one-trillion"))
    assert "unverifiable" in card and "supported" in card  # "with latest data the verdict is supported"
    assert find(tree, "scorecard-as-of")["props"]["value"] == "2023-12-31"
    assert "published by 2023-12-31" in text(find(tree, "scorecard-as-of-note"))
    nav = find(tree, "scorecard-nav-trade")
    assert nav["props"]["href"] == "/trade?as_of=2023-12-31"  # the date follows the user across pages


def test_trade_page_renders_every_chart_and_switches_currency(client, store):
    cny = render(client, "/trade")
    for figure_id in ["new-trio-total", "new-trio-products", "solar-exports-monthly", "ev-exports-units", "comtrade-hs6"]:
        assert find(cny, f"trade-graph-{figure_id}") is not None, figure_id
    assert find(cny, "claim-new-trio-over-one-trillion") is not None  # the scorecard's anchor
    bar = graph_trace(cny, "trade-graph-new-trio-total", "2023 total (GACC")
    assert bar["y"] == [1.06e12]
    usd = render(client, "/trade", "?currency=USD")
    rate = store.frame(source="fx", indicator="AEXCHUS").set_index("period").loc["2023", "value"]
    bar = graph_trace(usd, "trade-graph-new-trio-total", "2023 total (GACC")
    assert bar["y"][0] == pytest.approx(1.06e12 / rate)
    assert find(usd, "trade-currency")["props"]["value"] == "USD"
    assert find(usd, "trade-csv-new-trio-total")["props"]["href"] == "/download/new-trio-total.csv?currency=USD"


def test_trade_page_product_selector_filters_the_product_chart(client):
    tree = render(client, "/trade", "?product=liion")
    data = find(tree, "trade-graph-new-trio-products")["props"]["figure"]["data"]
    assert data and all("Lithium-ion" in x for t in data for x in t["x"])
    assert find(tree, "trade-product")["props"]["value"] == "liion"


def test_innovation_page_renders_every_chart(client):
    tree = render(client, "/innovation")
    for figure_id in ["gii-rank", "gii-clusters", "gii-clusters-2023", "gii-first-indicators", "wdi-context"]:
        graph = find(tree, f"innovation-graph-{figure_id}")
        assert graph is not None and graph["props"]["figure"]["data"], figure_id
    assert "not in the bundled data" in text(tree)
    assert find(tree, "claim-steady-progress-innovative-economy") is not None


def test_data_page_lists_sources_vintages_downloads_and_revisions(client, store):
    tree = render(client, "/data")
    sources_text = text(find(tree, "data-sources"))
    assert "CC BY 4.0" in sources_text and "World Bank" in sources_text and "Ember" in sources_text
    vintages_text = text(find(tree, "data-vintages"))
    assert "WDI release 2026-04-08" in vintages_text and "offline" in vintages_text
    downloads = find(tree, "data-csv-gii-rank")
    assert downloads["props"]["href"] == "/download/gii-rank.csv"
    hightech = next(v for v in store.vintages("worldbank") if v.label == "WDI release 2026-04-08")
    tree = render(client, "/data", f"?vintage={hightech.id}")
    revised = text(find(tree, "data-revised"))
    assert "High-technology exports" in revised and "TX.VAL.TECH.CD" not in revised  # named as people name it
    assert "769,700,000,000" not in revised and "e+" not in revised and "billion USD" in revised  # for readers
    assert find(tree, "data-vintage")["props"]["value"] == hightech.id


def table_rows(tree, table_id: str) -> list[list[str]]:
    body = find(tree, table_id)["props"]["children"][1]["props"]["children"]
    return [[text(cell) for cell in row["props"]["children"]] for row in body]


def test_data_page_paginates_the_vintages_newest_first(client, store):
    newest_first = [str(v.id) for v in reversed(store.vintages())]
    assert len(newest_first) > 3  # the bundled snapshot: one vintage per source and release
    pages = -(-len(newest_first) // 3)
    shown = []
    for number in range(1, pages + 1):
        tree = render(client, "/data", f"?size=3&page={number}")
        rows = table_rows(tree, "data-vintages")
        assert len(rows) == (3 if number < pages else len(newest_first) - 3 * (pages - 1))
        shown += [row[0] for row in rows]
        pager = text(find(tree, "data-vintages-top"))
        assert f"of {len(newest_first)} (newest first)" in pager and f"page {number} of {pages}" in pager
        older, newer = find(tree, "data-older-top"), find(tree, "data-newer-top")
        assert (older is None) == (number == pages) and (newer is None) == (number == 1)
        if older is not None:
            assert older["props"]["href"] == f"/data?page={number + 1}&size=3#vintages"
        options = [o["value"] for o in find(tree, "data-vintage")["props"]["options"]]
        assert set(map(str, options)) <= set(row[0] for row in rows)  # the reports of this page only
    assert shown == newest_first  # every vintage once, in order


def test_data_page_shows_an_asked_for_report_from_another_page(client, store):
    oldest = store.vintages()[0]
    tree = render(client, "/data", f"?size=2&vintage={oldest.id}")
    assert str(oldest.id) not in [row[0] for row in table_rows(tree, "data-vintages")]
    dropdown = find(tree, "data-vintage")["props"]
    assert dropdown["value"] == oldest.id and dropdown["options"][0]["value"] == oldest.id
    assert f"Vintage {oldest.id} ({oldest.source}" in text(find(tree, "data-changes"))


def test_unknown_page_is_a_404_with_a_page_that_says_so(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert client.get("/trade").status_code == 200
    tree = render(client, "/no-such-page")
    assert "Page not found" in text(tree)


@pytest.mark.parametrize("search, message", [
    ("?currency=EUR", "Unknown currency “EUR”"),
    ("?as_of=garbage", "as_of “garbage” is not a date"),
    ("?product=wafers", "Unknown product “wafers”"),
])
def test_bad_query_values_give_a_message_not_an_error(client, search, message):
    tree = render(client, "/trade", search)
    problems = text(find(tree, "trade-problems"))
    assert message in problems and "Showing the default" in problems
    assert find(tree, "trade-graph-new-trio-total") is not None  # the page still works


# -- the URL-state callback ------------------------------------------------------------------


def state_callback(client, page: str, values: dict, changed: list[str], search: str = ""):
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["output"].startswith("url.") and d["inputs"][0]["id"] == f"{page}-as-of")
    inputs = [{"id": i["id"], "property": i["property"], "value": values.get(i["id"])} for i in dep["inputs"]]
    url = {"search": search, "pathname": f"/{page}" if page != "scorecard" else "/"}
    state = [{"id": d["id"], "property": d["property"], "value": url[d["property"]] if d["id"] == "url" else values.get(d["id"])}
             for d in dep["state"]]
    body = {"output": dep["output"], "inputs": inputs,
            "outputs": {"id": "url", "property": dep["output"].split("@")[0].split(".")[1]},
            "state": state, "changedPropIds": changed}
    return client.post("/_dash-update-component", json=body)


def test_an_as_of_change_writes_the_url_query_and_keeps_the_currency(client):
    values = {"trade-as-of": "", "trade-as-of-article": 0, "trade-as-of-latest": 0, "trade-currency": "USD",
              "trade-product": "all"}
    response = state_callback(client, "trade", values, ["trade-as-of.value"], search="?as_of=2024-03-31&currency=USD")
    assert response.status_code == 200
    assert response.get_json()["response"]["url"]["href"] == "/trade?currency=USD"  # as_of input was cleared
    values["trade-as-of"] = "2024-03-31"
    response = state_callback(client, "trade", values, ["trade-as-of.value"])
    assert response.get_json()["response"]["url"]["href"] == "/trade?as_of=2024-03-31&currency=USD"


def test_currency_switch_redraws_the_charts_it_changes_and_writes_the_url_itself(client):
    """The trade page's own callbacks: the currency charts' cards in USD, the vehicle counts untouched,
    the URL query and the navigation links written without rendering the page again."""
    deps = client.get("/_dash-dependencies").get_json()
    values = {"trade-currency": "USD", "trade-product": "all", "trade-as-of": ""}

    def call(dep):
        inputs = [{"id": i["id"], "property": i["property"], "value": values[i["id"]]} for i in dep["inputs"]]
        state = [{"id": i["id"], "property": i["property"], "value": values[i["id"]]} for i in dep["state"]]
        outputs = dep["output"].strip(".").split("...") if dep["output"].startswith("..") else [dep["output"]]
        body = {"output": dep["output"], "inputs": inputs, "state": state, "changedPropIds": ["trade-currency.value"],
                "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1))) for o in outputs]
                if len(outputs) > 1 else dict(zip(("id", "property"), outputs[0].rsplit(".", 1)))}
        return client.post("/_dash-update-component", json=body)

    total = call(next(d for d in deps if d["output"] == "figure-new-trio-total.children"))
    assert total.status_code == 200 and "149.7 billion USD" in json.dumps(total.get_json())
    units = call(next(d for d in deps if d["output"] == "figure-ev-exports-units.children"))
    assert units.status_code == 204 or units.get_json()["response"] == {}  # vehicle counts: no currency
    state = call(next(d for d in deps if "trade-url.search" in d["output"]))
    answer = state.get_json()["response"]
    assert answer["trade-url"]["search"] == "?currency=USD"
    links = {link["props"]["id"]: link["props"]["href"] for link in answer["trade-nav"]["children"]}
    assert links["trade-nav-innovation"] == "/innovation?currency=USD"
    assert answer["trade-footer-data"]["href"] == "/data?currency=USD"  # the footer's link keeps it too


def page_callback(client, output_part: str, values: dict, changed: list[str]):
    """Call the callback whose output names `output_part`, its inputs and state taken from `values` by id."""
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if output_part in d["output"])
    inputs = [{"id": i["id"], "property": i["property"], "value": values[i["id"]]} for i in dep["inputs"]]
    state = [{"id": i["id"], "property": i["property"], "value": values[i["id"]]} for i in dep["state"]]
    outputs = [o.split("@")[0] for o in (dep["output"].strip(".").split("...") if dep["output"].startswith("..")
                                          else [dep["output"]])]
    body = {"output": dep["output"], "inputs": inputs, "state": state, "changedPropIds": changed,
            "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1))) for o in outputs]
            if len(outputs) > 1 else dict(zip(("id", "property"), outputs[0].rsplit(".", 1)))}
    return client.post("/_dash-update-component", json=body)


def test_innovation_as_of_change_is_drawn_in_place(client):
    """A new date redraws each chart's card and writes the URL, the navigation, the footer link and the
    note on the data shown, without rendering the page again; a date that is not one renders the page
    from the URL (which says so); the article-date button sets the date in its box."""
    changed = ["innovation-as-of.value"]
    values = {"innovation-as-of": "2023-12-31", "innovation-url": "?currency=USD"}
    answer = page_callback(client, "innovation-url.search", values, changed).get_json()["response"]
    assert answer["innovation-url"]["search"] == "?as_of=2023-12-31&currency=USD"
    links = {link["props"]["id"]: link["props"]["href"] for link in answer["innovation-nav"]["children"]}
    assert links["innovation-nav-trade"] == "/trade?as_of=2023-12-31&currency=USD"
    assert answer["innovation-footer-data"]["href"] == "/data?as_of=2023-12-31&currency=USD"
    assert "published by 2023-12-31" in answer["innovation-as-of-note"]["children"]
    assert "url" not in answer  # the page is not rendered again
    card = page_callback(client, "figure-gii-rank.children", values, changed)
    assert find(card.get_json()["response"]["figure-gii-rank"]["children"], "innovation-graph-gii-rank")

    values["innovation-as-of"] = "2024-02-30"
    answer = page_callback(client, "innovation-url.search", values, changed).get_json()["response"]
    assert answer == {"url": {"href": "/innovation?currency=USD&as_of=2024-02-30"}}
    card = page_callback(client, "figure-gii-rank.children", values, changed)
    assert card.status_code == 204 or card.get_json()["response"] == {}

    button = page_callback(client, "innovation-as-of.value", {"innovation-as-of-article": 1,
                                                                 "innovation-as-of-latest": 0},
                           ["innovation-as-of-article.n_clicks"])
    assert button.get_json()["response"]["innovation-as-of"]["value"] == "2024-03-31"


def test_article_date_and_latest_buttons(client):
    values = {"scorecard-as-of": "", "scorecard-as-of-article": 1, "scorecard-as-of-latest": 0}
    response = state_callback(client, "scorecard", values, ["scorecard-as-of-article.n_clicks"])
    assert response.get_json()["response"]["url"]["search"] == "?as_of=2024-03-31"
    values = {"scorecard-as-of": "2024-03-31", "scorecard-as-of-article": 1, "scorecard-as-of-latest": 1}
    response = state_callback(client, "scorecard", values, ["scorecard-as-of-latest.n_clicks"],
                              search="?as_of=2024-03-31")
    assert response.get_json()["response"]["url"]["search"] == ""


def test_controls_appearing_on_a_page_do_not_rewrite_the_url(client):
    values = {"data-as-of": "", "data-as-of-article": 0, "data-as-of-latest": 0, "data-vintage": 9}
    changed = ["data-as-of.value", "data-as-of-article.n_clicks", "data-as-of-latest.n_clicks", "data-vintage.value"]
    response = state_callback(client, "data", values, changed)
    assert response.status_code == 204 or response.get_json()["response"] == {}  # no update


# -- Flask routes ----------------------------------------------------------------------------


def test_health_reports_each_source(client, store):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["generation"] == store.generation()
    customs = body["sources"]["customs"]
    assert customs["latest_vintage"]["id"] == store.latest_vintage("customs").id
    assert customs["last_ok"]["vintage"] == customs["latest_vintage"]["id"] and customs["last_error"] is None
    assert body["sources"]["comtrade"]["latest_vintage"] is None


def test_embed_is_a_standalone_page_with_local_plotly(client):
    response = client.get("/embed/gii-clusters?as_of=2024-03-31")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.data.decode()
    assert "cdn.plot.ly" not in page and "/_dash-component-suites/plotly/package_data/plotly.min.js" in page
    assert "China hosts 24" in page and '"as_of": "2024-03-31"' in page
    script = client.get("/_dash-component-suites/plotly/package_data/plotly.min.js")
    assert script.status_code == 200 and len(script.data) > 1_000_000


@pytest.mark.parametrize("url, status, message", [
    ("/embed/no-such-figure", 404, "no figure"),
    ("/embed/gii-rank?currency=EUR", 400, "Unknown currency"),
    ("/embed/gii-rank?as_of=yesterday", 400, "not a date"),
])
def test_embed_errors_are_clear(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status and message in response.data.decode()


def read_csv(response) -> tuple[list[str], pd.DataFrame]:
    body = response.data.decode()
    header = [line[2:] for line in body.splitlines() if line.startswith("# ")]
    return header, pd.read_csv(io.StringIO(body), comment="#")


def test_csv_download_has_the_metadata_header_and_the_plotted_rows(client, store):
    response = client.get("/download/new-trio-total.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="new-trio-total.csv"' in response.headers["Content-Disposition"]
    header, rows = read_csv(response)
    assert header[0] == "figure: new-trio-total"
    assert any(h.startswith("title: New-trio exports: 1.06 trillion yuan") for h in header)
    assert any(h.startswith("Source: ") for h in header)
    assert any(h.startswith("vintages: customs") for h in header)
    assert any(h.startswith("licence: ") for h in header)
    assert rows.loc[rows["series"] == "2023 total (GACC)", "value"].iloc[0] == 1.06e12
    assert {"source", "publisher", "vintage", "released"} <= set(rows.columns)
    rate = store.frame(source="fx", indicator="AEXCHUS").set_index("period").loc["2023", "value"]
    _, usd = read_csv(client.get("/download/new-trio-total.csv?currency=USD&as_of=2024-03-31"))
    assert usd.loc[usd["series"] == "2023 total (GACC)", "value"].iloc[0] == pytest.approx(1.06e12 / rate)


@pytest.mark.parametrize("url, status", [
    ("/download/no-such-figure.csv", 404),
    ("/download/..%2Fetc%2Fpasswd.csv", 404),
    ("/download/gii-rank.csv?as_of=2024-13-45", 400),
    ("/download/gii-rank.csv?currency=GBP", 400),
])
def test_csv_download_serves_only_known_figures_and_valid_queries(client, url, status):
    assert client.get(url).status_code == status


# -- freshness ---------------------------------------------------------------------------------


def test_a_new_vintage_shows_on_the_next_page_load_without_a_restart(snapshot_copy):
    from dashboard.app import create_app

    store = snapshot_copy("dashboard-new-vintage")
    client = create_app(store, warm=False).server.test_client()
    client.get("/")
    before = graph_trace(render(client, "/trade"), "trade-graph-ev-exports-units", "GACC (customs)")
    assert dict(zip(before["x"], before["y"]))[2023] == 1.773e6
    revised = store.frame(source="customs")
    revised = revised[revised["indicator"] == "ev_passenger_exports_units"].copy()
    revised.loc[revised["period"] == "2023", ["value", "released"]] = [1.8e6, "2024-06-30"]
    store.write_vintage("customs", revised[frame.COLUMNS])
    after = graph_trace(render(client, "/trade"), "trade-graph-ev-exports-units", "GACC (customs)")
    assert dict(zip(after["x"], after["y"]))[2023] == 1.8e6
    assert json.loads(client.get("/health").data)["generation"] == store.generation()


def test_a_failed_refresh_shows_on_the_data_page_at_once(snapshot_copy):
    import re

    import requests
    import responses

    from dashboard.app import create_app
    from indicators.refresh import refresh

    store = snapshot_copy("dashboard-failed-refresh")
    client = create_app(store, warm=False).server.test_client()
    client.get("/")
    assert "DNS lookup failed" not in text(render(client, "/data"))
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.GET, re.compile(r"https?://.*"), body=requests.exceptions.ConnectionError("Failed to resolve host"))
        refresh(["fx"], store=store, check_claims=False)
    assert "DNS lookup failed" in text(render(client, "/data"))



def test_a_page_asked_again_in_the_same_data_state_is_not_built_again_and_a_new_vintage_rebuilds_it_off_the_request_path(
        snapshot_copy, tmp_path, monkeypatch):
    """The page layout kept in the named cache "rendered pages": the page is not built again for the
    same URL, host, data and article files; another host or an edited article file builds it again;
    a refresh event alone does not. After a new vintage, one rebuild pass (what the app's background
    thread runs) builds it again, and the next request finds it built."""
    import shutil

    import dash
    import yaml

    from dashboard import app as dashboard_app
    from dashboard import common
    from indicators import cache, config, frame

    shutil.copytree(config.data_dir(), tmp_path / "data")
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(tmp_path / "data"))
    store = snapshot_copy("page-cache")
    app = dashboard_app.create_app(store, warm=False)
    assert "indicators.cache" not in app.server.extensions  # no rebuilding thread unless asked
    client = app.server.test_client()
    builds = []
    layout = next(e for e in dash.page_registry.values() if e.get("page_key") == "scorecard")["layout"]
    original = layout.build  # the undecorated layout (common.page_layout)

    def counted(**query):
        builds.append(query)
        return original(**query)

    monkeypatch.setattr(layout, "build", counted)
    pages = common.pages_cache()
    body = {"output": ROUTER,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/scorecard"},
                       {"id": "_pages_location", "property": "search", "value": ""}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    try:
        pages.clear()
        first = client.post("/_dash-update-component", json=body)
        second = client.post("/_dash-update-component", json=body)
        assert first.status_code == second.status_code == 200
        assert second.data == first.data and len(builds) == 1

        other_host = client.post("/_dash-update-component", json=body, base_url="http://other.example")
        assert len(builds) == 2 and other_host.status_code == 200

        meta = tmp_path / "data" / "articles" / "op-ed" / "article.yaml"
        fields = yaml.safe_load(meta.read_text(encoding="utf-8"))
        meta.write_text(yaml.safe_dump({**fields, "title": "Edited: " + fields["title"]}, allow_unicode=True),
                        encoding="utf-8")
        edited = client.post("/_dash-update-component", json=body)
        assert len(builds) == 3 and edited.status_code == 200  # built again from the edited files
        assert "Edited: " in edited.get_data(as_text=True)

        store.log_event("fx", "unchanged", detail="test: an event changes the store state, not the data")
        client.post("/_dash-update-component", json=body)
        assert len(builds) == 3  # the page stays cached on the data versions

        revised = store.frame(source="customs")
        revised.loc[revised.index[0], "value"] = revised["value"].iloc[0] + 1
        revised.loc[revised.index[0], "released"] = "2030-01-01"
        store.write_vintage("customs", revised[frame.COLUMNS])
        assert cache.rebuild_stale(store) >= 2  # both hosts' pages (and the verdicts and charts they show)
        assert len(builds) == 5 and all(query == {} for query in builds)
        after = client.post("/_dash-update-component", json=body)
        assert after.status_code == 200 and len(builds) == 5  # the request found it built
        assert cache.rebuild_stale(store) == 0  # nothing is stale any more
        assert client.get("/health").get_json()["caches"]["rendered pages"]["rebuilds"] >= 2
    finally:
        pages.clear()


def test_a_serving_app_starts_the_rebuilding_thread(snapshot_copy):
    from dashboard import app as dashboard_app

    app = dashboard_app.create_app(snapshot_copy("rebuilder"), warm=False, rebuild=True)
    rebuilder = app.server.extensions["indicators.cache"]
    try:
        assert rebuilder.thread.is_alive() and rebuilder.thread.daemon
        assert rebuilder.poll() == 0  # the first pass only notes the versions
    finally:
        rebuilder.stop()


def test_a_refresh_that_finds_nothing_new_keeps_the_cached_pages_but_the_data_page(snapshot_copy, monkeypatch):
    """An unchanged refresh writes an event but no vintage: pages built from the data stay cached,
    /data (which lists events and reports) is rebuilt."""
    import dash

    from dashboard import app as dashboard_app
    from dashboard import common
    from indicators.refresh import refresh

    store = snapshot_copy("unchanged-refresh-cache")
    client = dashboard_app.create_app(store, warm=False).server.test_client()
    assert client.get("/").status_code == 200
    builds = {"scorecard": 0, "data": 0}

    def counting(key, layout):
        def layout_counted(**query):
            builds[key] += 1
            return layout(**query)
        return layout_counted

    for entry in dash.page_registry.values():
        key = entry.get("page_key")
        if key in builds:  # common.page_layout calls the undecorated layout as `build`
            monkeypatch.setattr(entry["layout"], "build", counting(key, entry["layout"].build))
    common.pages_cache().clear()
    for path in ("/scorecard", "/data"):
        render(client, path)
    assert builds == {"scorecard": 1, "data": 1}
    results = refresh(offline=True, store=store)
    assert {r.status for r in results} <= {"unchanged", "skipped"}, [(r.source, r.status) for r in results]
    for path in ("/scorecard", "/data"):
        render(client, path)
    assert builds == {"scorecard": 1, "data": 2}


def _nodes(tree, kind: str) -> list[dict]:
    """Every component of one type (e.g. "A", "Li") in a rendered tree, in document order."""
    found = []
    if isinstance(tree, dict):
        if tree.get("type") == kind:
            found.append(tree)
        for value in tree.get("props", {}).values():
            found += _nodes(value, kind)
    elif isinstance(tree, list):
        for item in tree:
            found += _nodes(item, kind)
    return found


def test_every_source_link_on_the_scorecard_is_named_after_the_site_it_opens(client):
    """Each card's Sources item: the publisher and where it was read ("WIPO ..., read via
    natlawreview.com" / "... (read from the primary source)"), then a link whose text is the host
    its href opens, never the publisher's name."""
    from urllib.parse import urlsplit

    tree = render(client, "/scorecard")
    items = [li for card in _nodes(tree, "Div") if card["props"].get("className") == "sources"
             for li in _nodes(card, "Li")]
    assert len(items) > 10
    via_sites = set()
    for item in items:
        said = text(_nodes(item, "Strong")[0])
        assert ", read via " in said or said.endswith("(read from the primary source)") or "(no link recorded" in said, said
        for link in _nodes(item, "A"):
            host = (urlsplit(link["props"]["href"]).hostname or "").removeprefix("www.")
            assert text(link) == host, (text(link), link["props"]["href"])
            if ", read via " in said:
                via = said.split(", read via ", 1)[1]
                via_sites.add(via)
                if not via.startswith("github.com ("):  # a bundled copy: the link opens the publisher's page
                    assert via == host, (said, host)
    assert {"natlawreview.com", "auto.ce.cn"} <= via_sites


def test_the_trade_intro_states_the_yuans_move_from_the_fred_rates_in_the_store(client, store):
    rates = store.frame(source="fx", indicator="AEXCHUS").set_index("period")["value"]
    before, after = rates["2022"], rates["2023"]
    word = "weakened" if after > before else "strengthened"
    said = text(render(client, "/trade"))
    assert f"the yuan {word} in 2023 ({after:.4f} CNY per USD on average, against {before:.4f} in 2022" in said
    early = text(render(client, "/trade", "?as_of=2023-06-30"))  # 2023's average was not known yet
    assert "the yuan weakened" not in early and "the yuan strengthened" not in early and "FRED average rates)" in early


# -- the desk: landing page, series pages, names -------------------------------------------------

WDI_RD = "worldbank-gb-xpd-rsdv-gd-zs-wdi-a-percent-of-gdp"
GACC_EXPORTS = "gacc-goods-exports-goods-trade-annual-a-cny"


def test_the_landing_page_offers_the_three_ways_in_and_names_no_single_article(client):
    tree = render(client, "/")
    for way, href in (("check", "/check"), ("articles", "/articles"), ("data", "/catalogue")):
        assert find(tree, f"home-go-{way}")["props"]["href"] == href
    words = text(tree)
    assert "op-ed" not in words.casefold() and "LUO Weidong" not in words
    from indicators import articles

    newest = max(articles.load_articles(), key=lambda a: a.published)
    assert find(tree, f"home-article-{newest.slug}") is not None
    assert "series from" in text(find(tree, "home-way-data"))


def test_an_old_scorecard_link_to_the_root_is_redirected_and_a_plain_root_is_not(client):
    moved = client.get("/?as_of=2023-12-31")
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/scorecard?as_of=2023-12-31")
    assert client.get("/").status_code == 200
    assert client.get("/?utm_source=x").status_code == 200  # a query naming no scorecard state stays home


def test_titles_and_footers_name_the_article_on_screen(client):
    from indicators import articles

    article = articles.default_article()
    scorecard = render(client, "/scorecard")
    assert article.title in text(find(scorecard, "scorecard-page"))
    for path in ("/trade", "/innovation"):
        assert article.title in text(render(client, path))
    for path in ("/", "/catalogue", "/404"):  # pages about no article name none in their footer
        assert "LUO" not in text(render(client, path))


def test_the_404_page_lists_every_page_a_reader_can_open(client):
    import dash

    listed = {item["props"]["children"][0]["props"]["href"] for item in _nodes(render(client, "/404"), "Li")}
    registered = {p["path"] for p in dash.page_registry.values() if p["module"].split(".")[-1] not in ("not_found_404",)
                  and not p.get("path_template")}
    assert registered - {"/series"} <= listed | {"/articles"}, registered - listed


def test_every_catalogue_row_links_to_its_series_page_and_every_id_is_unique(client, store):
    from indicators import catalogue_view

    entries = catalogue_view.entries(store)
    keys = {}
    for e in entries:
        keys.setdefault(e.series_id, set()).add((e.source, e.dataset, e.indicator, e.product, e.freq, e.unit))
    assert all(len(v) == 1 for v in keys.values())
    links = [a for a in _nodes(render(client, "/catalogue", "?q=r%26d+china"), "Link")
             if a["props"].get("className") == "series-link"]
    assert links and all(a["props"]["href"].startswith("/series/") for a in links)
    assert any(a["props"]["href"].split("?")[0] == f"/series/{WDI_RD}" for a in links)


def test_a_series_page_draws_the_economies_asked_for_with_provenance_csv_and_embed(client):
    tree = render(client, f"/series/{WDI_RD}", "?entity=CHN,USA")
    graph = find(tree, f"series-graph-{WDI_RD}")
    names = [t["name"] for t in graph["props"]["figure"]["data"]]
    assert names == ["China", "United States of America"]  # economies by name, from economies.csv
    assert graph["props"]["figure"]["layout"]["xaxis"]["title"]["text"] == "Year"
    assert find(tree, "series-entities")["props"]["value"] == ["CHN", "USA"]
    about = text(find(tree, "series-about"))
    assert "World Bank" in about and "CC BY 4.0" in about
    csv_link = find(tree, f"series-csv-{WDI_RD}")["props"]["href"]
    assert csv_link == f"/download/series/{WDI_RD}.csv?entity=CHN%2CUSA"
    assert f"/embed/series/{WDI_RD}?entity=CHN%2CUSA" in find(tree, f"series-embed-{WDI_RD}")["props"]["value"]
    body = client.get(csv_link).data.decode()
    assert "# licence: worldbank: CC BY 4.0" in body
    rows = pd.read_csv(io.StringIO(body), comment="#")
    assert set(rows["entity"]) == {"CHN", "USA"} and (rows["unit"] == "percent of GDP").all()
    embed = client.get(f"/embed/series/{WDI_RD}?entity=CHN,USA")
    assert embed.status_code == 200 and b"R&amp;D expenditure" in embed.data


def test_a_money_series_opens_in_its_own_currency_and_converts_on_request(client, store):
    own = find(render(client, f"/series/{GACC_EXPORTS}"), f"series-graph-{GACC_EXPORTS}")
    usd = find(render(client, f"/series/{GACC_EXPORTS}", "?currency=USD"), f"series-graph-{GACC_EXPORTS}")
    yuan = dict(zip(own["props"]["figure"]["data"][0]["x"], own["props"]["figure"]["data"][0]["y"]))
    dollars = dict(zip(usd["props"]["figure"]["data"][0]["x"], usd["props"]["figure"]["data"][0]["y"]))
    rate = store.frame(source="fx", indicator="AEXCHUS").set_index("period").loc["2023", "value"]
    assert dollars["2023"] == pytest.approx(yuan["2023"] / rate)
    hover = usd["props"]["figure"]["data"][0]["hovertext"][0]
    assert "converted" in hover and "e+" not in hover  # numbers for readers, not 1.77948e+13


def test_a_series_page_reports_bad_input_without_failing(client):
    unknown = render(client, "/series/no-such-series")
    assert "no series" in text(find(unknown, "series-not-found")).casefold()
    partly = render(client, f"/series/{WDI_RD}", "?entity=CHN,XXX")
    assert "XXX" in text(find(partly, "series-problems"))
    assert find(partly, "series-entities")["props"]["value"] == ["CHN"]
    assert client.get("/download/series/no-such-series.csv").status_code == 404
    assert client.get(f"/download/series/{WDI_RD}.csv?as_of=yesterday").status_code == 400
    assert client.get(f"/embed/series/{WDI_RD}?entity=XXX").status_code == 404


def test_the_series_controls_write_the_economies_and_currency_into_the_url(client):
    values = {"series-as-of": "", "series-as-of-article": 0, "series-as-of-latest": 0,
              "series-entities": ["CHN", "JPN"], "series-currency": "CNY"}
    response = state_callback(client, "series", values, ["series-entities.value"], search="?currency=USD")
    assert response.status_code == 200
    search = response.get_json()["response"]["url"]["search"]
    assert search == "?currency=CNY&entity=CHN%2CJPN"  # CNY kept: a USD series' default is USD
    bad = dict(values, **{"series-entities": ["CHN", 3]})
    assert state_callback(client, "series", bad, ["series-entities.value"]).status_code == 400


def test_figures_name_economies_from_the_catalogue_table():
    from indicators import catalogue
    from indicators.figures import base

    assert not hasattr(base, "ENTITY_NAMES")
    assert base.entity_name("KOR") == catalogue.economy_name("KOR") == "Republic of Korea"
    assert base.entity_name("WLD") == "World" and base.entity_name("region:Asia") == "Asia"


def test_the_data_page_attributes_verdict_changes_to_the_vintages_of_the_sources_a_claim_reads():
    from dashboard.pages import data

    changed = [{"claim": "new-trio-over-one-trillion", "before": "unverifiable", "after": "supported"},
               {"claim": "gii-2023-most-clusters", "before": None, "after": "supported"}]
    assert [c["claim"] for c in data.caused_by(changed, "customs")] == ["new-trio-over-one-trillion"]
    assert [c["claim"] for c in data.caused_by(changed, "gii")] == ["gii-2023-most-clusters"]
    assert data.caused_by(changed, "worldbank") == []


def test_the_browser_tab_names_the_series_or_article_on_screen(client):
    """Dash sets the tab's title from the page's (og:title in the served HTML, document.title in the browser)."""
    from indicators import articles

    def og_title(path):
        page = client.get(path).data.decode()
        return page.split('og:title" content="', 1)[1].split('"', 1)[0]

    assert og_title(f"/series/{WDI_RD}") == "R&amp;D expenditure (% of GDP) — Fact-check desk"
    assert og_title("/scorecard").startswith(f"Scorecard: {articles.default_article().title}"[:40])
    assert og_title("/series/no-such-series") == "Series — Fact-check desk"


@pytest.mark.parametrize("search", ["?entity=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "?entity=,,,", "?currency=EUR",
                                    "?as_of=9999-12-31&entity=CHN", "?as_of=2024-02-30", "?entity=" + ",".join(["CHN"] * 50),
                                    "?entity=CHN&entity=USA"])
def test_odd_series_queries_never_break_the_page(client, search):
    tree = render(client, f"/series/{GACC_EXPORTS}", search)
    assert find(tree, f"series-graph-{GACC_EXPORTS}") is not None
    assert "<script>" not in json.dumps(find(tree, f"series-graph-{GACC_EXPORTS}"))


@pytest.mark.parametrize("path, page, shown", [("/scorecard", "scorecard", True), ("/catalogue", "catalogue", False),
                                               ("/data", "data", False)])
def test_the_op_ed_date_button_only_on_pages_about_the_op_ed(client, path, page, shown):
    """Issue 23: pages that show no article (catalogue, data, series) do not offer one article's date."""
    button = find(render(client, path), f"{page}-as-of-article")
    assert button is not None  # kept in the layout: the state callback listens to it
    assert bool(button["props"].get("hidden")) is not shown
