"""`/check` — "Check a text": paste an article (or upload a .txt/.md), see its checkable figures mapped to
the store's series with the claims engine's verdicts, pick another series, place or period for a figure
(judged again by the claims engine, spot/choices.py), accept or reject each, download the accepted
ones as a claims file. The text and the candidates live in the browser (dcc.Store, memory). The
spotting runs in a job process off the request path (dashboard.jobs): its result waits in the jobs
folder only until the page collects it (a second later), at most jobs.RESULT_TTL_S; nothing pasted is
kept on the server after that."""

from __future__ import annotations

import base64

import dash
from dash import ALL, MATCH, Input, Output, State, dcc, html
from werkzeug.exceptions import BadRequest

from dashboard import common, jobs

PAGE = "check"
MAX_BYTES = 200_000  # the same bound as indicators.spot.MAX_BYTES (checked there too)
MAX_CHOICE_ROWS = 500  # figures offered series/place/period controls (~2 KB of options each in the page)
RUN_LABEL = "Find the figures"  # the button; "Checking…" while the check runs
dash.register_page(__name__, path="/check", name="Check a text", order=4, page_key=PAGE,
                   title="Check a text — spot the figures an article cites and judge them")


@common.page_layout()
def layout(**query):
    state = common.read_state(query)
    children = [
        html.Div([
            html.Label("Article text (plain text or Markdown; front matter allowed)", htmlFor=f"{PAGE}-text"),
            dcc.Textarea(id=f"{PAGE}-text", value="", className="check-text",
                         placeholder="Paste the article here…", style={"width": "100%", "height": "14rem"}),
            html.Div([
                dcc.Upload(html.Button("Upload a .txt or .md file", type="button"), id=f"{PAGE}-upload",
                           accept=".txt,.md,text/plain,text/markdown", max_size=MAX_BYTES, multiple=False),
                html.Label("Published", htmlFor=f"{PAGE}-published"),
                dcc.Input(id=f"{PAGE}-published", type="text", placeholder="YYYY-MM-DD", debounce=True,
                          style={"width": "8rem"}),
                html.Button(RUN_LABEL, id=f"{PAGE}-run", n_clicks=0, type="button"),
            ], className="controls"),
            html.P(f"At most {MAX_BYTES:,} bytes. The text stays in your browser; the server keeps nothing once this "
                   f"page has the result (one never collected expires after {jobs.RESULT_TTL_S // 60} minutes).",
                   className="source-line"),
            html.Div(id=f"{PAGE}-message", role="status"),
        ]),
        dcc.Store(id=f"{PAGE}-drafted", storage_type="memory"),
        html.Div(id=f"{PAGE}-results"),
        html.Div([
            html.Button("Download accepted as claims.yaml", id=f"{PAGE}-download-button", n_clicks=0, type="button"),
            dcc.Download(id=f"{PAGE}-download"),
        ], className="controls"),
    ]
    return common.shell(PAGE, state, children, heading="Check a text",
                        intro="Paste an article that cites figures about China's economy: each figure is matched to a "
                              "series in the store and judged by the claims engine. Review each candidate: pick another "
                              "series, place or period where the text means another, accept or reject it, then download the accepted ones as a claims file for `indicators check --claims`.")


@common.callback(Output(f"{PAGE}-text", "value"), Output(f"{PAGE}-message", "children", allow_duplicate=True),
               Input(f"{PAGE}-upload", "contents"), State(f"{PAGE}-upload", "filename"), prevent_initial_call=True)
def upload(contents, filename):
    """An uploaded file into the text box (read in memory, never saved)."""
    from indicators import spot

    common.expect(contents, common.TEXT, f"{PAGE}-upload.contents")
    common.expect(filename, common.TEXT, f"{PAGE}-upload.filename")
    if not contents:
        return dash.no_update, dash.no_update
    try:
        raw = base64.b64decode(contents.split(",", 1)[1])
        return spot.read_input(raw, filename or "upload"), ""
    except (spot.SpotError, IndexError, ValueError) as exc:
        return dash.no_update, _message(str(exc))


def _inputs(_clicks, text, published, search) -> None:
    """The types the page's controls send (else 400): checked in the request, before the check's job starts."""
    common.expect(_clicks, common.CLICKS, f"{PAGE}-run")
    for value, name in ((text, f"{PAGE}-text"), (published, f"{PAGE}-published"), (search, "url.search")):
        common.expect(value, common.TEXT, name)


def _failed(message: str) -> tuple:
    """What the page shows when the check could not run or its job failed (dashboard.jobs says why)."""
    return None, None, _message(f"The figures could not be checked: {message}.")


@common.callback(Output(f"{PAGE}-drafted", "data"), Output(f"{PAGE}-results", "children"),
               Output(f"{PAGE}-message", "children"), Input(f"{PAGE}-run", "n_clicks"),
               State(f"{PAGE}-text", "value"), State(f"{PAGE}-published", "value"), State("url", "search"),
               prevent_initial_call=True, check=_inputs, failed=_failed, background=True,
               running=[(Output(f"{PAGE}-run", "disabled"), True, False),
                        (Output(f"{PAGE}-run", "children"), "Checking…", RUN_LABEL)],
               cancel=[Input(f"{PAGE}-upload", "contents")])
def run(_clicks, text, published, search):
    """Spot the figures of the pasted text and render the review table. In a job process of its own
    (dashboard.jobs): a long text holds no server worker; uploading another text cancels it."""
    from indicators import spot
    from indicators.spot import choices, matching

    text = text or ""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        return None, None, _message(f"The text is {size:,} bytes: the spotter reads at most {MAX_BYTES:,} bytes. "
                                    "Paste one article (or a part of it).")
    if not text.strip():
        return None, None, _message("The text is empty: paste an article first.")
    as_of = _as_of(search)
    store = common.current_store()
    try:
        found = spot.spot(text, store=store, published=(published or "").strip() or None, as_of=as_of)
    except (spot.SpotError, ValueError) as exc:
        return None, None, _message(str(exc))
    if not found:
        return None, None, _message("No figures found in the text.")
    data = [c.to_dict() for c in found]
    entries, left_out = spot.draft_entries(found)
    index = matching.series_index(store)
    offered = [choices.choices_for(candidate, index) if n < MAX_CHOICE_ROWS else choices.Choices()
               for n, candidate in enumerate(data)]
    # the text's own URL (front matter): its page's rows in the store are not evidence for it, here, when a row is
    # judged again and in the downloaded file (`article:`), as for `indicators check --claims`
    article = spot.own_article(spot.split_front_matter(text)[0])
    header = spot.draft_header("the Check a text page", left_out)
    header += spot.yaml_text({"article": article}) if article else ""
    drafted = {"header": header, "article": article}
    with_choices = tuple(n for n, picked in enumerate(offered) if picked.series)
    results = html.Div([_table(data, entries, offered), evidence_charts(store, entries, as_of, with_choices)])
    notes = " ".join(getattr(found, "notes", []))
    if len(data) > MAX_CHOICE_ROWS:
        notes += (f" Only the first {MAX_CHOICE_ROWS} figures can be given another series, place or period here: "
                  "split the text to change the others.")
    return drafted, results, html.P(f"{len(found)} candidate(s). Checkable ones are accepted by default; untick what "
                                    "should not go into the claims file, or pick another series, place or period "
                                    "for a figure: it is judged again." + (f" {notes}" if notes else ""),
                                    id=f"{PAGE}-count")


def _as_of(search: str | None) -> str | None:
    return common.query_of(search).get("as_of")


def _row_id(kind: str, index) -> dict:
    """The id of one row's component (pattern-matching: a callback serves every row)."""
    return {"type": f"{PAGE}-{kind}", "index": index}


@common.callback(Output(_row_id("verdict", MATCH), "children"), Output(_row_id("why", MATCH), "children"),
               Output(_row_id("claim", MATCH), "data"), Output(_row_id("period", MATCH), "options"),
               Output(_row_id("entity", MATCH), "options"), Output(_row_id("accept", MATCH), "value"),
               Output(_row_id("entity", MATCH), "value"), Output(_row_id("period", MATCH), "value"),
               Output(_row_id("chart", MATCH), "figure"),
               Input(_row_id("series", MATCH), "value"), Input(_row_id("entity", MATCH), "value"),
               Input(_row_id("period", MATCH), "value"), State(_row_id("candidate", MATCH), "data"),
               State("url", "search"), State(f"{PAGE}-drafted", "data"), prevent_initial_call=True)
def rejudge(series, entity, period, candidate, search, drafted):
    """The user picked another series, place or period for one figure: rebuild its claim and judge it with
    the claims engine (spot.choices, the path of `indicators check --claims`). The row's claim, the one
    the download writes, becomes the rebuilt one; the row is accepted."""
    from indicators import spot
    from indicators.spot import choices, matching

    for value, kind in ((series, "series"), (entity, "entity"), (period, "period")):
        common.expect(value, common.VALUE, f"{PAGE}-{kind}")
    common.expect(candidate, (dict,), f"{PAGE}-candidate")
    common.expect(search, common.TEXT, "url.search")
    common.expect(drafted, (dict, type(None)), f"{PAGE}-drafted")
    article = (drafted or {}).get("article") or None
    if article is not None and not (isinstance(article, dict)
                                    and all(isinstance(v, (str, list)) for v in article.values())):
        raise BadRequest(f"{PAGE}-drafted.article: not the text's URL and copies")
    row = dash.ctx.triggered_id["index"] if isinstance(dash.ctx.triggered_id, dict) else None
    if not isinstance(row, int) or isinstance(row, bool):
        raise BadRequest("the callback request names no row of the table")
    store = common.current_store()
    index = matching.series_index(store)
    try:
        picked = choices.choices_for(candidate, index, series, entity, period)
        claim = choices.claim_for(candidate, index, series, period, entity, suffix=f"-row{row + 1}")
        result = choices.judge([claim], store, _as_of(search), article)[claim["id"]]
    except (choices.ChoiceError, ValueError) as exc:
        skip = dash.no_update
        return skip, html.Span(str(exc), className="problems"), skip, skip, skip, skip, skip, skip, skip
    chosen = claim["series"]
    why = [result.explanation, html.Br(),
           html.Small(f"Your choice: {chosen['source']}/{chosen['indicator']}, {chosen.get('entity') or claim.get('entity')}, "
                      f"{chosen.get('period')}; judged by the claims engine as the downloaded file will be.",
                      className="choice-note")]
    # the place and period judged (a place the new series does not hold falls back to one it does)
    return (common.verdict_badge(result.verdict, small=True), why, spot.yaml_text([claim]), picked.periods,
            picked.entities, ["yes"], picked.entity_value, picked.period_value, _chart(store, claim, _as_of(search)))


def _chart(store, claim: dict, as_of: str | None):
    """The evidence chart of a rebuilt claim (unchanged when it cannot be drawn)."""
    from indicators import evidence

    if claim.get("check") not in evidence.CHECKABLE:
        return dash.no_update
    try:
        return evidence.evidence_figure(store, claim, as_of=as_of)
    except Exception:  # the verdict stands without its chart
        return dash.no_update


# The download runs in the browser: each row's claim (drafted when the figures were found, rebuilt when
# the user picks another series, place or period) is kept in the page's memory; the accepted ones are
# joined into claims.yaml. No request carries them back.
dash.clientside_callback(
    """
    function(clicks, claims, accepted, drafted) {
        const skip = window.dash_clientside.no_update;
        if (!clicks) { return [skip, skip]; }
        if (!drafted || !claims || !claims.length) {
            return [skip, "Nothing to download: find the figures of a text first."];
        }
        const chosen = claims.filter((claim, i) => claim && accepted[i] && accepted[i].includes("yes"));
        if (!chosen.length) { return [skip, "No accepted candidate can be drafted (no series, or none accepted)."]; }
        return [{content: drafted.header + "claims:\\n" + chosen.join(""), filename: "claims.yaml", type: "text/yaml"}, ""];
    }
    """,
    Output(f"{PAGE}-download", "data"), Output(f"{PAGE}-message", "children", allow_duplicate=True),
    Input(f"{PAGE}-download-button", "n_clicks"), State(_row_id("claim", ALL), "data"),
    State(_row_id("accept", ALL), "value"), State(f"{PAGE}-drafted", "data"), prevent_initial_call=True,
)


def evidence_charts(store, entries: list[dict | None], as_of: str | None = None, rows: tuple[int, ...] = ()) -> html.Div:
    """A folded evidence section for each drafted, checkable candidate (numbered as in the table), so the
    review table stays the first thing on the page. Its chart is drawn when the reader opens it
    (`draw_evidence`: a long text's hundreds of charts are never built unasked) and follows its row's
    choices (`rejudge` redraws it); the rows in `rows` (those with choices) without a section get a
    hidden chart, so that every row's callback has a chart to draw. `store` and `as_of` are the
    callbacks' (kept for callers that draw with a given store)."""
    from indicators import evidence

    charts, drawn = [], set()
    for index, claim in enumerate(entries):
        if not claim or claim.get("check") not in evidence.CHECKABLE or not claim.get("series"):
            continue
        summary = html.Summary(f"Figure #{index + 1}: evidence for “{claim['quote'][:90]}”")
        shown = dcc.Graph(id=_row_id("chart", index), config={"displaylogo": False, "responsive": True})
        drawn.add(index)
        charts.append(html.Div(html.Details([summary, shown], id=_row_id("evidence", index), className="evidence"),
                               id=f"{PAGE}-evidence-{index}"))
    children = [html.H3("Evidence"), *charts] if charts else []
    hidden = [dcc.Graph(id=_row_id("chart", index)) for index in rows if index not in drawn]
    if hidden:
        children.append(html.Div(hidden, id=f"{PAGE}-undrawn", style={"display": "none"}))
    return html.Div(children, id=f"{PAGE}-evidence")


@common.callback(Output(_row_id("chart", MATCH), "figure", allow_duplicate=True),
                 Input(_row_id("evidence", MATCH), "open"), State(_row_id("claim", MATCH), "data"),
                 State(_row_id("chart", MATCH), "figure"), State("url", "search"), prevent_initial_call=True)
def draw_evidence(opened, claim_text, figure, search):
    """The reader opened a figure's evidence: draw its chart from the row's claim (the drafted one, or the
    one rebuilt from the reader's choices), once; a chart that cannot be drawn leaves a note."""
    import yaml

    common.expect(opened, (bool, type(None)), f"{PAGE}-evidence.open")
    common.expect(claim_text, (str, type(None)), f"{PAGE}-claim")
    common.expect(figure, (dict, type(None)), f"{PAGE}-chart.figure")
    common.expect(search, common.TEXT, "url.search")
    if not opened or not claim_text or (figure or {}).get("data"):
        return dash.no_update
    try:
        [claim] = yaml.safe_load(claim_text)
    except (yaml.YAMLError, ValueError, TypeError):
        raise BadRequest("the row's claim is not one claim in YAML") from None
    from indicators import evidence

    try:
        return evidence.evidence_figure(common.current_store(), claim, as_of=_as_of(search))
    except Exception as exc:  # the verdict stands without its chart
        return {"data": [], "layout": {"title": {"text": f"No chart: {str(exc).splitlines()[0]}"[:120]}}}


def _message(text: str) -> html.Div:
    return html.Div(text, className="problems", id=f"{PAGE}-problem", role="alert")


COLUMNS = ("Accept", "Verdict", "Figure", "Series", "Why")


def _table(data: list[dict], entries: list[dict | None], offered: list) -> html.Div:
    """The review table: each sentence once (a row of its own), then one row per figure in it. On a
    narrow screen (check.css) each row becomes a card whose cells carry their column name."""
    from indicators import spot

    rows, sentence = [], None
    for index, c in enumerate(data):
        if c["sentence"] != sentence:
            sentence = c["sentence"]
            rows.append(html.Tr(html.Td(html.Q(sentence.strip()), colSpan=len(COLUMNS)), className="sentence-row"))
        claim = entries[index]
        checkable = "prediction" in c["flags"] or not ({"no-series", "unit-mismatch"} & set(c["flags"]))
        cells = [
            dcc.Checklist(id=_row_id("accept", index), options=[{"label": "", "value": "yes"}],
                          value=["yes"] if checkable else [], className="accept"),  # accepted: what a draft can hold
            html.Div(common.verdict_badge(c["verdict"], small=True), id=_row_id("verdict", index)),
            [html.Span(f"#{index + 1} ", className="row-number"), *_figure(c)],
            [_series(c), _controls(index, offered[index])],
            [html.Div(c["explanation"], id=_row_id("why", index)),
             html.Small(f"Flags: {', '.join(c['flags'])}", className="flags") if c["flags"] else None],
        ]
        rows.append(html.Tr([*[html.Td(cell, **{"data-label": label}) for cell, label in zip(cells, COLUMNS)],
                             dcc.Store(id=_row_id("candidate", index), data=c),
                             dcc.Store(id=_row_id("claim", index), data=spot.yaml_text([claim]) if claim else None)],
                            id=f"{PAGE}-row-{index}", className="candidate"))
    header = html.Tr([html.Th(h) for h in COLUMNS])
    return html.Div(html.Table([html.Thead(header), html.Tbody(rows)], id=f"{PAGE}-table", className="check-table"),
                    className="table-wrap")


def _figure(c: dict) -> list:
    stated = common.claims_engine.fmt(c["value_unscaled"], c["unit"]) if c["value_unscaled"] is not None else "rank 1"
    return [html.Strong(c["span"]), html.Br(), f"{c['comparator']} {stated}", html.Br(),
            html.Small(f"{c['check']}; {c.get('period') or 'period ?'}; {c.get('entity') or 'entity ?'}"
                       + ("; earlier period" if c.get("role") == "earlier" else ""))]


def _series(c: dict) -> html.Span:
    match = c.get("match")
    if not match:
        return html.Span("none in the store")
    alternatives = ", ".join(f"{a['source']}/{a['indicator']}" for a in match.get("alternatives", []))
    return html.Span([
        dcc.Link(f"{match['source']}/{match['indicator']}", href="/data#sources"),
        f" {match.get('entity') or ''} {match.get('period') or ''} ({match['unit']}, mapping confidence "
        f"{c.get('confidence', match['score']):.2f})" + (f"; open: {', '.join(c['open'])}" if c.get("open") else ""),
        html.Br() if alternatives else None,
        html.Small(f"also: {alternatives}") if alternatives else None,
    ])


def _controls(index: int, picked) -> html.Details | None:
    """Dropdowns to pick another series, place or period for the figure (none when nothing can judge it)."""
    if not picked.series:
        return None

    def field(text: str, kind: str, options: list[dict], value: str | None) -> html.Div:
        return html.Div([html.Span(text, className="choice-label"),
                         dcc.Dropdown(id=_row_id(kind, index), options=options, value=value, clearable=False,
                                      className="choice")], className="choice-field")

    return html.Details([
        html.Summary("Change series, place or period"),
        field("Series", "series", picked.series, picked.series_value),
        field("Place", "entity", picked.entities, picked.entity_value),
        field("Period", "period", picked.periods, picked.period_value),
    ], className="choices", id=f"{PAGE}-choices-{index}")
