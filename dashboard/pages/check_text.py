"""`/check` — "Check a text": paste an article (or upload a .txt/.md), see its checkable figures mapped to
the store's series with the claims engine's verdicts, accept or reject each, download the accepted
ones as a claims file. The text and the candidates live in the browser only (dcc.Store, memory):
nothing pasted is kept on the server."""

from __future__ import annotations

import base64

import dash
from dash import Input, Output, State, dcc, html

from dashboard import common

PAGE = "check"
MAX_BYTES = 200_000  # the same bound as indicators.spot.MAX_BYTES (checked there too)
dash.register_page(__name__, path="/check", name="Check a text", order=4, page_key=PAGE,
                   title="Check a text — spot the figures an article cites and judge them")


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
                html.Button("Find the figures", id=f"{PAGE}-run", n_clicks=0, type="button"),
            ], className="controls"),
            html.P(f"At most {MAX_BYTES:,} bytes. The text stays in your browser; the server keeps nothing.",
                   className="source-line"),
            html.Div(id=f"{PAGE}-message", role="status"),
        ]),
        dcc.Store(id=f"{PAGE}-candidates", storage_type="memory"),
        dcc.Store(id=f"{PAGE}-drafted", storage_type="memory"),
        html.Div(id=f"{PAGE}-results"),
        html.Div([
            html.Button("Download accepted as claims.yaml", id=f"{PAGE}-download-button", n_clicks=0, type="button"),
            dcc.Download(id=f"{PAGE}-download"),
        ], className="controls"),
    ]
    return common.shell(PAGE, state, children, heading="Check a text",
                        intro="Paste an article that cites figures about China's economy: each figure is matched to a "
                              "series in the store and judged by the claims engine. Review, accept or reject each "
                              "candidate, then download the accepted ones as a claims file for `indicators check --claims`.")


@dash.callback(Output(f"{PAGE}-text", "value"), Output(f"{PAGE}-message", "children", allow_duplicate=True),
               Input(f"{PAGE}-upload", "contents"), State(f"{PAGE}-upload", "filename"), prevent_initial_call=True)
def upload(contents, filename):
    """An uploaded file into the text box (read in memory, never saved)."""
    from indicators import spot

    if not contents:
        return dash.no_update, dash.no_update
    try:
        raw = base64.b64decode(contents.split(",", 1)[1])
        return spot.read_input(raw, filename or "upload"), ""
    except (spot.SpotError, IndexError, ValueError) as exc:
        return dash.no_update, _message(str(exc))


@dash.callback(Output(f"{PAGE}-candidates", "data"), Output(f"{PAGE}-drafted", "data"), Output(f"{PAGE}-results", "children"),
               Output(f"{PAGE}-message", "children"), Input(f"{PAGE}-run", "n_clicks"),
               State(f"{PAGE}-text", "value"), State(f"{PAGE}-published", "value"), State("url", "search"),
               prevent_initial_call=True)
def run(_clicks, text, published, search):
    """Spot the figures of the pasted text and render the review table."""
    from urllib.parse import parse_qs

    from indicators import spot

    text = text or ""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        return None, None, None, _message(f"The text is {size:,} bytes: the spotter reads at most {MAX_BYTES:,} bytes. "
                                    "Paste one article (or a part of it).")
    if not text.strip():
        return [], None, None, _message("The text is empty: paste an article first.")
    as_of = (parse_qs((search or "").lstrip("?")).get("as_of") or [None])[0]
    try:
        found = spot.spot(text, store=common.current_store(), published=(published or "").strip() or None, as_of=as_of)
    except (spot.SpotError, ValueError) as exc:
        return None, None, None, _message(str(exc))
    if not found:
        return [], None, None, _message("No figures found in the text.")
    data = [c.to_dict() for c in found]
    entries, left_out = spot.draft_entries(found)
    drafted = {"header": spot.draft_header("the Check a text page", left_out),
               "claims": [spot.yaml_text([claim]) if claim else None for claim in entries]}
    results = html.Div([_table(data), evidence_charts(common.current_store(), entries, as_of)])
    notes = " ".join(getattr(found, "notes", []))
    return data, drafted, results, html.P(f"{len(found)} candidate(s). Checkable ones are accepted by default; "
                                      "untick what should not go into the claims file." + (f" {notes}" if notes else ""),
                                      id=f"{PAGE}-count")


# The download runs in the browser: the accepted rows' claims (drafted on the server when the figures
# were found, kept in the page's memory store) are joined into claims.yaml. No request carries them back.
dash.clientside_callback(
    """
    function(clicks, drafted) {
        const skip = window.dash_clientside.no_update;
        if (!clicks) { return [skip, skip]; }
        if (!drafted || !drafted.claims || !drafted.claims.length) {
            return [skip, "Nothing to download: find the figures of a text first."];
        }
        const chosen = [];
        document.querySelectorAll('#check-table tbody tr.candidate').forEach((row, index) => {
            const box = row.querySelector('input[type=checkbox]');
            if (box && box.checked && drafted.claims[index]) { chosen.push(drafted.claims[index]); }
        });
        if (!chosen.length) { return [skip, "No accepted candidate can be drafted (no series, or none accepted)."]; }
        return [{content: drafted.header + "claims:\\n" + chosen.join(""), filename: "claims.yaml", type: "text/yaml"}, ""];
    }
    """,
    Output(f"{PAGE}-download", "data"), Output(f"{PAGE}-message", "children", allow_duplicate=True),
    Input(f"{PAGE}-download-button", "n_clicks"), State(f"{PAGE}-drafted", "data"), prevent_initial_call=True,
)


def evidence_charts(store, entries: list[dict | None], as_of: str | None = None) -> html.Div:
    """The generic evidence chart of each drafted, checkable candidate (row numbers as in the table),
    folded so the review table stays the first thing on the page."""
    from indicators import evidence

    charts = []
    for index, claim in enumerate(entries):
        if not claim or claim.get("check") not in evidence.CHECKABLE or not claim.get("series"):
            continue
        summary = html.Summary(f"Row {index + 1}: evidence for “{claim['quote'][:90]}”")
        try:
            shown = dcc.Graph(figure=evidence.evidence_figure(store, claim, as_of=as_of),
                              config={"displaylogo": False, "responsive": True})
        except Exception as exc:  # one chart that cannot be drawn must not cost the review
            shown = html.P(f"No chart: {str(exc).splitlines()[0]}", className="problems")
        charts.append(html.Details([summary, shown], id=f"{PAGE}-evidence-{index}", className="evidence"))
    return html.Div([html.H3("Evidence"), *charts] if charts else [], id=f"{PAGE}-evidence")


def _message(text: str) -> html.Div:
    return html.Div(text, className="problems", id=f"{PAGE}-problem", role="alert")


def _table(data: list[dict]) -> html.Div:
    header = html.Tr([html.Th(h) for h in ("Accept", "Verdict", "Figure", "Sentence", "Series", "Flags", "Why")])
    rows = []
    for index, c in enumerate(data):
        match = c.get("match")
        # accepted by default: what the draft can hold (a figure with a series, or a projection as an opinion)
        checkable = "prediction" in c["flags"] or not ({"no-series", "unit-mismatch"} & set(c["flags"]))
        series = "none in the store"
        if match:
            alternatives = ", ".join(f"{a['source']}/{a['indicator']}" for a in match.get("alternatives", []))
            series = html.Span([
                dcc.Link(f"{match['source']}/{match['indicator']}", href="/data#sources"),
                f" {match.get('entity') or ''} {match.get('period') or ''} ({match['unit']}, mapping confidence "
                f"{c.get('confidence', match['score']):.2f})" + (f"; open: {', '.join(c['open'])}" if c.get("open") else ""),
                html.Br() if alternatives else None,
                html.Small(f"also: {alternatives}") if alternatives else None,
            ])
        stated = common.claims_engine.fmt(c["value_unscaled"], c["unit"]) if c["value_unscaled"] is not None else "rank 1"
        figure = [html.Strong(c["span"]), html.Br(), f"{c['comparator']} {stated}", html.Br(),
                  html.Small(f"{c['check']}; {c.get('period') or 'period ?'}; {c.get('entity') or 'entity ?'}"
                             + ("; earlier period" if c.get("role") == "earlier" else ""))]
        rows.append(html.Tr([
            html.Td(dcc.Checklist(id={"type": f"{PAGE}-accept", "index": index}, options=[{"label": "", "value": "yes"}],
                                  value=["yes"] if checkable else [], className="accept")),
            html.Td(common.verdict_badge(c["verdict"], small=True)),
            html.Td(figure), html.Td(c["sentence"].strip()), html.Td(series),
            html.Td(", ".join(c["flags"]) or "-"), html.Td(c["explanation"]),
        ], id=f"{PAGE}-row-{index}", className="candidate"))
    return html.Div(html.Table([html.Thead(header), html.Tbody(rows)], id=f"{PAGE}-table"), className="table-wrap")
