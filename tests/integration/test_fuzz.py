"""Fuzzing the dashboard's inputs: odd URL query values, callback inputs, malformed or oversized
callback bodies and route ids never give a 500 or a traceback; bad values get a message (a page) or a
4xx (a request the dashboard's own pages never send)."""

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


@pytest.mark.slow
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


SCALARS = (str, int, float, type(None))


def state_body(client, page: str, as_of, clicks, extra, search, changed: list[str] | None = None) -> dict:
    """The body dash's renderer sends when a control of `page` changes (any values)."""
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["output"].startswith("url.") and d["inputs"][0]["id"] == f"{page}-as-of")
    values = [as_of, clicks, clicks] + [extra] * (len(dep["inputs"]) - 3)
    inputs = [{"id": i["id"], "property": i["property"], "value": v} for i, v in zip(dep["inputs"], values)]
    changed = changed or [f"{dep['inputs'][-1]['id']}.{dep['inputs'][-1]['property']}"]
    # the page's other controls (read as state: the `kept` controls of common.url_state) get `extra` too
    state = [{"id": d["id"], "property": d["property"],
              "value": (search if d["property"] == "search" else "/") if d["id"] == "url" else extra}
             for d in dep["state"]]
    return {"output": dep["output"], "outputs": {"id": "url", "property": dep["output"].split("@")[0].split(".")[1]},
            "inputs": inputs, "state": state, "changedPropIds": changed}


@FUZZ
@given(page=st.sampled_from(["scorecard", "trade", "catalogue", "data"]),
       as_of=st.one_of(st.none(), odd_values), clicks=st.one_of(st.none(), st.integers(-5, 10**12)),
       extra=st.one_of(st.none(), odd_values, st.integers(), st.lists(st.integers(), max_size=3)),
       search=st.one_of(st.none(), odd_text, queries.map(lambda q: "?" + urlencode(q))))
def test_state_callbacks_take_any_input(client, page, as_of, clicks, extra, search):
    response = client.post("/_dash-update-component", json=state_body(client, page, as_of, clicks, extra, search))
    has_extra = page in ("trade", "data")
    if has_extra and not isinstance(extra, SCALARS):  # a list where one value belongs: the renderer never sends it
        assert response.status_code == 400, response.get_data(as_text=True)[:300]
    else:
        assert response.status_code in (200, 204), response.get_data(as_text=True)[:300]
    assert_no_traceback(response)


@FUZZ
@given(as_of=st.one_of(st.none(), odd_values, st.integers(), st.lists(odd_text, max_size=2)),
       search=st.one_of(st.none(), odd_text, queries.map(lambda q: "?" + urlencode(q)), st.integers()),
       output=st.sampled_from(["innovation-url.search", "figure-gii-rank.children"]))
def test_innovation_in_place_callbacks_take_any_input(client, as_of, search, output):
    """The date box's callbacks (drawn in place: dashboard/pages/innovation.py): text answers, anything
    else is a request the page never sends (400)."""
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if output in d["output"])
    outputs = [o.split("@")[0] for o in dep["output"].strip(".").split("...")] if dep["output"].startswith("..") \
        else [dep["output"]]
    body = {"output": dep["output"], "changedPropIds": ["innovation-as-of.value"],
            "inputs": [{"id": "innovation-as-of", "property": "value", "value": as_of}],
            "state": [{"id": "innovation-url", "property": "search", "value": search}],
            "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1))) for o in outputs] if len(outputs) > 1
            else dict(zip(("id", "property"), outputs[0].rsplit(".", 1)))}
    response = client.post("/_dash-update-component", json=body)
    if isinstance(as_of, (str, type(None))) and isinstance(search, (str, type(None))):
        assert response.status_code in (200, 204), response.get_data(as_text=True)[:300]
    else:
        assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert_no_traceback(response)


@pytest.mark.parametrize("as_of, search", [
    (5, None), (2024.5, ""), ({"a": 1}, ""), ([1, 2], ""), (True, ""),
    ("2024-03-31", 5), ("2024-03-31", ["?as_of=2024-03-31"]), ("2024-03-31", {"as_of": "x"}),
], ids=repr)
def test_non_string_as_of_or_search_answers_400(client, as_of, search):
    changed = ["data-as-of.value"]
    response = client.post("/_dash-update-component", json=state_body(client, "data", as_of, 0, None, search, changed))
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert response.get_json()["status"] == "error"
    assert_no_traceback(response)


@pytest.mark.parametrize("search, problem", [
    ("?vintage=%C2%B2", "vintage “²” is not a vintage number"),
    ("?vintage=" + "9" * 5000, "is not a vintage number"),
    ("?vintage=-3", "is not a vintage number"),
    ("?vintage=0", "is not a vintage number"),
    ("?page=%C2%B2", "page “²” is not a page number"),
    ("?page=" + "1" * 5000, "is not a page number"),
    ("?size=" + "7" * 5000, "is not a number of rows per page"),
    ("?size=100000", "more than 100 rows per page"),
    ("?page=99999", "There is no page 99999 of vintages"),
], ids=lambda v: v[:30])
def test_odd_numbers_in_the_data_page_query_get_a_message(client, search, problem):
    response = route(client, "/data", search)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert problem in json.dumps(response.get_json(), ensure_ascii=False)
    assert_no_traceback(response)
    assert client.get("/data" + search).status_code == 200  # the page's HTML shell, before the router


@pytest.mark.parametrize("path", ["/", "/trade", "/innovation", "/nowhere"])
def test_pages_that_take_no_vintage_ignore_an_odd_one(client, path):
    response = route(client, path, "?vintage=%C2%B2&page=" + "9" * 5000)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert_no_traceback(response)


def malformed_bodies() -> dict[str, object]:
    good = {"output": ROUTER,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/"},
                       {"id": "_pages_location", "property": "search", "value": ""}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    without = lambda key: {k: v for k, v in good.items() if k != key}  # noqa: E731
    return {
        "empty object": {}, "a list": [1, 2], "a string": "hello", "a number": 5, "null": None,
        "no output": without("output"), "no inputs": without("inputs"), "no outputs": without("outputs"),
        "unknown output": dict(good, output="nope.children"), "output a number": dict(good, output=5),
        "output a list": dict(good, output=[ROUTER]), "clientside output": dict(good, output="_pages_dummy.children"),
        "inputs a number": dict(good, inputs=5), "inputs of numbers": dict(good, inputs=[1, 2]),
        "one input short": dict(good, inputs=good["inputs"][:1]),
        "inputs of another callback": dict(good, inputs=[{"id": "x", "property": "y", "value": 1}] * 2),
        "pathname a number": dict(good, inputs=[dict(good["inputs"][0], value=5), good["inputs"][1]]),
        "pathname null": dict(good, inputs=[dict(good["inputs"][0], value=None), good["inputs"][1]]),
        "pathname nested": dict(good, inputs=[dict(good["inputs"][0], value=[[["/"]]]), good["inputs"][1]]),
        "search an object": dict(good, inputs=[good["inputs"][0], dict(good["inputs"][1], value={"a": 1})]),
        "state a string": dict(good, state="x"), "state extra": dict(good, state=[{"id": "url", "property": "search"}]),
        "changedPropIds a number": dict(good, changedPropIds=5),
        "outputs a number": dict(good, outputs=5), "outputs one short": dict(good, outputs=good["outputs"][:1]),
    }


@pytest.mark.parametrize("name", list(malformed_bodies()))
def test_malformed_callback_bodies_answer_400(client, name):
    response = client.post("/_dash-update-component", data=json.dumps(malformed_bodies()[name]),
                           content_type="application/json")
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert_no_traceback(response)


def test_an_unknown_changed_prop_id_is_ignored_as_dash_does(client):
    """Dash reads changedPropIds only to say which input fired: an id no input has is a body it still
    answers (the router renders the page asked for), not a 500."""
    body = dict(malformed_bodies()["no output"], output=ROUTER, changedPropIds=["nope.value"])
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    assert_no_traceback(response)


@pytest.mark.parametrize("data, content_type, status", [
    (b"\xff\xfe garbage", "application/json", 400), (b"{{{", "application/json", 400), (b"", "application/json", 400),
    (b'{"output": 1', "application/json", 400), (b'{"output": "x"}', "text/plain", 415),
    (b"output=x", "application/x-www-form-urlencoded", 415),
    (b"[" * 100_000 + b"]" * 100_000, "application/json", 400),
    (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "application/json", 400),
], ids=["bytes", "broken", "empty", "unclosed", "text", "form", "nested lists", "nested objects"])
def test_callback_bodies_that_are_not_json_objects_answer_4xx(client, data, content_type, status):
    """Not JSON: 400; not declared JSON: 415 Unsupported Media Type (Flask's answer), both as JSON."""
    response = client.post("/_dash-update-component", data=data, content_type=content_type)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.get_json()["status"] == "error"
    assert_no_traceback(response)


def test_request_bodies_over_the_limit_answer_413(client):
    from dashboard.app import MAX_REQUEST_BYTES

    body = json.dumps({"output": ROUTER, "pad": "x" * MAX_REQUEST_BYTES})
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 413
    for path in ["/", "/health", "/download/gii-rank.csv"]:
        assert client.post(path, data=b"x" * (MAX_REQUEST_BYTES + 1)).status_code in (405, 413), path


json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), odd_text),
                           lambda children: st.lists(children, max_size=4) | st.dictionaries(odd_text, children, max_size=4),
                           max_leaves=20)


@FUZZ
@given(body=st.one_of(json_values, st.fixed_dictionaries(
    {"output": st.one_of(st.just(ROUTER), json_values)},
    optional={"outputs": json_values, "inputs": json_values, "state": json_values, "changedPropIds": json_values})))
def test_any_json_callback_body_answers_below_500(client, body):
    response = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    assert response.status_code < 500, (body, response.get_data(as_text=True)[:300])
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


@pytest.mark.parametrize("path", [
    "/_dash-component-suites/nope/x.js",                       # a package Dash never registered
    "/_dash-component-suites/dash/deps/nope.js",               # a file the package does not serve
    "/_dash-component-suites/dash/../../../etc/passwd",        # traversal
    "/_dash-component-suites/dash/%2e%2e/%2e%2e/app.py",
    "/_dash-component-suites/plotly/package_data/../../x.py",
])
def test_dash_asset_route_answers_404_for_files_it_does_not_serve(client, path):
    """Dash's own asset route raises inside Dash for these; the app's error handler makes them a 404."""
    response = client.get(path)
    assert response.status_code == 404, (path, response.status_code)
    assert_no_traceback(response)


def test_dash_asset_route_still_serves_its_files(client):
    layout = client.get("/").get_data(as_text=True)
    script = next(part.split('"')[0] for part in layout.split('src="')[1:] if "_dash-component-suites/dash/" in part)
    assert client.get(script).status_code == 200


# -- the boundary between Dash's dispatch and our code (dashboard.common.our_code, dashboard.app._malformed) --


def test_a_body_that_does_not_fit_its_callback_answers_400_with_a_json_message(client):
    """Dash raises for it (here: one input short of the page router's two); the error handler says so."""
    body = malformed_bodies()["one input short"]
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    answer = response.get_json()
    assert answer["status"] == "error" and answer["error"].startswith("the callback request does not fit")


def test_an_exception_inside_a_callback_of_ours_is_a_logged_500_not_a_400(client, monkeypatch, caplog):
    """A KeyError is also what Dash raises for a malformed body: raised inside a page's callback it is
    tagged as ours, so it is answered 500 and logged with its traceback, never hidden as a 400."""
    import logging

    from dashboard import common

    def broken():
        raise KeyError("a bug of ours")

    monkeypatch.setattr(common, "article_date", broken)  # the as-of callback calls it for the article button
    body = state_body(client, "scorecard", "", 1, None, "", changed=["scorecard-as-of-article.n_clicks"])
    with caplog.at_level(logging.ERROR, logger="dashboard"):
        response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 500, response.get_data(as_text=True)[:300]
    assert response.get_json() == {"status": "error", "error": "internal error: KeyError in "
                                                               "dashboard.common.url_state.<locals>.write_url"}
    assert_no_traceback(response)
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is KeyError]
    assert logged and "a bug of ours" in str(logged[0].exc_info[1])


def test_an_exception_inside_a_page_layout_is_a_logged_500_not_a_400(client, monkeypatch, caplog):
    """The same for a page's layout, which Dash's own page router calls (common.page_layout tags it)."""
    import logging

    from dashboard import common

    def broken(query):
        raise TypeError("a bug of ours")

    monkeypatch.setattr(common, "read_state", broken)
    with caplog.at_level(logging.ERROR, logger="dashboard"):
        response = route(client, "/innovation", "?as_of=2019-01-07")  # a query no other test renders (no cache hit)
    assert response.status_code == 500, response.get_data(as_text=True)[:300]
    assert response.get_json()["error"] == "internal error: TypeError in dashboard.pages.innovation.layout"
    assert any(r.exc_info and r.exc_info[0] is TypeError for r in caplog.records)


def test_a_non_string_input_to_a_page_callback_answers_400(client):
    """Each callback checks its own inputs' types (common.expect): a number where the trade page's
    currency control sends text is a request the page never sends."""
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["output"] == "figure-new-trio-total.children")
    body = {"output": dep["output"], "outputs": {"id": "figure-new-trio-total", "property": "children"},
            "inputs": [{"id": "trade-currency", "property": "value", "value": ["USD"]},
                       {"id": "trade-product", "property": "value", "value": "all"}],
            "state": [{"id": "trade-as-of", "property": "value", "value": ""}],
            "changedPropIds": ["trade-currency.value"]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"] == "trade-currency: a list is not a valid value"


def test_an_exception_in_a_request_hook_of_ours_is_a_500_not_a_400(client, monkeypatch):
    """Before Dash's dispatch begins (dashboard.app._register_dispatch_mark), a KeyError is not Dash reading
    a body: here a hook of ours that runs first fails, for a well-formed request."""

    def broken():
        raise KeyError("a bug of ours")

    hooks = client.application.before_request_funcs.setdefault(None, [])
    monkeypatch.setattr(client.application, "before_request_funcs", {**client.application.before_request_funcs,
                                                                     None: [broken, *hooks]})
    response = route(client, "/innovation", "")
    assert response.status_code == 500, response.get_data(as_text=True)[:300]
    assert response.get_json() == {"status": "error", "error": "internal error: KeyError"}


def test_an_answer_of_ours_dash_cannot_serialize_is_a_500_not_a_400(client, monkeypatch):
    """Dash raises InvalidCallbackReturnValue both for outputs a body asks that the callback does not have
    (400) and for an answer it cannot turn into JSON (our bug: 500, told apart by the encoder's TypeError)."""
    from dashboard import common

    monkeypatch.setattr(common, "data_href", lambda state: object())  # the trade page's footer link, in place
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if "trade-url.search" in d["output"])
    body = {"output": dep["output"], "changedPropIds": ["trade-currency.value"],
            "inputs": [{"id": "trade-currency", "property": "value", "value": "USD"},
                       {"id": "trade-product", "property": "value", "value": "all"}],
            "state": [{"id": "trade-as-of", "property": "value", "value": ""}],
            "outputs": [{"id": "trade-url", "property": "search"}, {"id": "trade-nav", "property": "children"},
                        {"id": "trade-footer-data", "property": "href"}]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 500, response.get_data(as_text=True)[:300]
    assert response.get_json()["error"] == "internal error: InvalidCallbackReturnValue"
    body["outputs"] = body["outputs"][:2]  # the same request asking for one output fewer: Dash's 400
    monkeypatch.undo()
    assert client.post("/_dash-update-component", json=body).status_code == 400


@pytest.mark.parametrize("output, inputs, state", [
    ("check-text.value", [5], ["a.txt"]),                                    # upload contents not text
    ("check-text.value", ["data:text/plain;base64,aGk="], [["a.txt"]]),      # a file name not text
    ("check-drafted.data", [1], [{"text": "x"}, None, ""]),                  # the pasted text an object
    ("check-drafted.data", [1], ["text", None, 7]),                          # the URL's query a number
    ("check-drafted.data", [True], ["text", None, ""]),                      # a click count true
], ids=["upload", "filename", "text", "search", "clicks"])
def test_the_check_pages_callbacks_answer_400_for_values_no_control_sends(client, output, inputs, state):
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if output in d["output"])
    outputs = [o.split("@")[0] for o in dep["output"].strip(".").split("...")] if dep["output"].startswith("..") \
        else [dep["output"]]
    body = {"output": dep["output"], "changedPropIds": [f"{dep['inputs'][0]['id']}.{dep['inputs'][0]['property']}"],
            "inputs": [dict(i, value=v) for i, v in zip(dep["inputs"], inputs)],
            "state": [dict(s, value=v) for s, v in zip(dep["state"], state)],
            "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1))) for o in outputs] if len(outputs) > 1
            else dict(zip(("id", "property"), outputs[0].rsplit(".", 1)))}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert "is not a valid value" in response.get_json()["error"]


@pytest.mark.parametrize("candidate, changed, drafted, problem", [
    ("not a candidate", '{"index":0,"type":"check-series"}.value', None, "is not a valid value"),
    ({"span": "x"}, "check-series.value", None, "names no row of the table"),
    ({"span": "x"}, '{"index":0,"type":"check-series"}.value', "not a draft", "is not a valid value"),
    ({"span": "x"}, '{"index":0,"type":"check-series"}.value', {"article": {"url": 7}}, "not the text's URL"),
], ids=["candidate text", "no row", "draft text", "article not a URL"])
def test_the_check_pages_row_callback_answers_400_for_a_body_it_never_gets(client, candidate, changed, drafted, problem):
    """The row callback (pattern-matching ids, one per row) checks the row it serves, its candidate and the page's
    draft (whose `article` holds the text's own URL)."""
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if '"check-verdict"' in d["output"])
    row = lambda kind: {"index": 0, "type": f"check-{kind}"}  # noqa: E731
    kinds = ["verdict", "why", "claim", "period", "entity", "accept", "entity", "period", "chart"]
    props = ["children", "children", "data", "options", "options", "value", "value", "value", "figure"]
    body = {"output": dep["output"], "changedPropIds": [changed],
            "inputs": [{"id": row(k), "property": "value", "value": "x"} for k in ("series", "entity", "period")],
            "state": [{"id": row("candidate"), "property": "data", "value": candidate},
                      {"id": "url", "property": "search", "value": ""},
                      {"id": "check-drafted", "property": "data", "value": drafted}],
            "outputs": [{"id": row(k), "property": p} for k, p in zip(kinds, props)]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert problem in response.get_json()["error"]
