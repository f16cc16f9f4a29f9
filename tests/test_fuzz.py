"""Fuzzing the dashboard's inputs: odd URL query values, callback inputs and route ids never give a
500 or a traceback; bad values get a message."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGES = ["/", "/trade", "/innovation", "/data"]
KEYS = ["as_of", "currency", "product", "vintage"]
ROUTER = ".._pages_content.children..._pages_store.data.."
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

odd_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)
odd_values = st.one_of(
    odd_text,
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.sampled_from(["", "CNY", "USD", "EUR", "usd", "2024-03-31", "2024-02-30", "0001-01-01", "9999-12-31",
                     "2024-3-31", "1e309", "NaN", "-1", "all", "liion", "pv", "ev", "wafers", "99999999",
                     "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\x00"]),
)
queries = st.dictionaries(st.sampled_from(KEYS + ["zzz", "as_of[]"]), odd_values, max_size=4)


@pytest.fixture(scope="module")
def client(snapshot_copy):
    from dashboard.app import create_app

    client = create_app(snapshot_copy("fuzz"), warm=False).server.test_client()
    assert client.get("/").status_code == 200
    return client


def route(client, path: str, search: str):
    body = {"output": ROUTER,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    return client.post("/_dash-update-component", json=body)


def assert_no_traceback(response) -> None:
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and "Internal Server Error" not in text


@FUZZ
@given(path=st.sampled_from(PAGES), query=queries)
def test_page_query_values_never_break_a_page(client, path, query):
    response = route(client, path, "?" + urlencode(query))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert_no_traceback(response)


@FUZZ
@given(path=st.one_of(odd_text.map(lambda t: "/" + t), st.sampled_from(["/trade/x", "//", "/data?x", "/%2e%2e/"])),
       query=queries)
def test_unknown_paths_render_the_not_found_page(client, path, query):
    response = route(client, path, "?" + urlencode(query))
    assert response.status_code in (200, 204), response.get_data(as_text=True)[:300]
    assert_no_traceback(response)


@FUZZ
@given(page=st.sampled_from(["scorecard", "trade", "innovation", "data"]),
       as_of=st.one_of(st.none(), odd_values), clicks=st.one_of(st.none(), st.integers(-5, 10**12)),
       extra=st.one_of(st.none(), odd_values, st.integers(), st.lists(st.integers(), max_size=3)),
       search=st.one_of(st.none(), odd_text, queries.map(lambda q: "?" + urlencode(q))))
def test_state_callbacks_take_any_input(client, page, as_of, clicks, extra, search):
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["output"].startswith("url.search") and d["inputs"][0]["id"] == f"{page}-as-of")
    values = [as_of, clicks, clicks] + [extra] * (len(dep["inputs"]) - 3)
    inputs = [{"id": i["id"], "property": i["property"], "value": v} for i, v in zip(dep["inputs"], values)]
    changed = [f"{dep['inputs'][-1]['id']}.{dep['inputs'][-1]['property']}"]
    body = {"output": dep["output"], "outputs": {"id": "url", "property": "search"}, "inputs": inputs,
            "state": [{"id": "url", "property": "search", "value": search}], "changedPropIds": changed}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.get_data(as_text=True)[:300]
    assert_no_traceback(response)


@FUZZ
@given(figure_id=st.one_of(st.sampled_from(["new-trio-total", "gii-rank", "wdi-context"]),
                           odd_text.filter(lambda t: "/" not in t and "?" not in t and "#" not in t)),
       query=queries, kind=st.sampled_from(["download", "embed"]))
def test_download_and_embed_routes_answer_400_or_404_for_bad_input(client, figure_id, query, kind):
    from urllib.parse import quote

    path = f"/download/{quote(figure_id)}.csv" if kind == "download" else f"/embed/{quote(figure_id)}"
    response = client.get(path + "?" + urlencode(query))
    assert response.status_code in (200, 400, 404), (path, response.status_code)
    assert_no_traceback(response)
    if response.status_code == 200 and kind == "download":
        assert response.get_data(as_text=True).startswith("# figure: ")


def test_health_is_json(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert json.loads(response.get_data(as_text=True))["status"] == "ok"
