"""`/data` — every source (publisher, licence, URL, vintages, latest error), CSV downloads per figure,
and what changed between vintages (the revision reports written by `indicators refresh`)."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import common
from dashboard.common import figures  # imported on first use (see dashboard.common)
from indicators import sources

PAGE = "data"
MAX_REVISED_ROWS = 40  # the most recent periods first; the full list is in the JSON report
dash.register_page(__name__, path="/data", name="Data & sources", order=3, page_key=PAGE,
                   title="Data & sources — vintages, downloads and revisions")


def layout(**query):
    state = common.read_state(query)
    store = common.current_store()
    vintages = store.vintages()
    events = store.last_events()
    reports = store.reports()
    with_reports = [v for v in vintages if v.id in reports]
    chosen = _chosen_vintage(state, with_reports, reports)
    children = [
        common.controls(PAGE, state),
        html.H2("Sources", id="sources"),
        _table(["Source", "Publisher", "Licence", "Latest vintage", "Last error"],
               [_source_row(name, module, store.latest_vintage(name), events.get(name, {}))
                for name, module in sources.all_sources().items()], table_id=f"{PAGE}-sources"),
        html.H2("Vintages", id="vintages"),
        html.P("Every refresh writes a new vintage; the store serves, for each observation, the most recently "
               "published value (as of the chosen date)."),
        _table(["Vintage", "Source", "Label", "Mode", "Retrieved", "Released", "Rows", "Changes"],
               [[str(v.id), v.source, v.label, v.mode, v.retrieved_at, v.release_date or "not stated", f"{v.rows:,}",
                 dcc.Link("report", href=f"/data{state.query(vintage=v.id)}#changes")
                 if v in with_reports else "-"] for v in reversed(vintages)], table_id=f"{PAGE}-vintages"),
        html.H2("Download the data behind each chart", id="downloads"),
        html.P("CSV of the rows each chart plots, with a header of # lines: title, source line, vintages, licence. "
               + ("As of " + state.as_of + "." if state.as_of else "Latest data.")
               + f" Money values in {state.currency} (switch on the trade page)."),
        _table(["Chart", "Page", "CSV", "Standalone / embed"],
               [[spec.title, spec.page, html.A(f"{spec.id}.csv", href=common.figure_links(spec.id, state)["csv"],
                                               id=f"{PAGE}-csv-{spec.id}"),
                 html.A("open", href=common.figure_links(spec.id, state)["embed"], target="_blank", rel="noopener")]
                for spec in figures.FIGURES.values()], table_id=f"{PAGE}-downloads"),
        html.H2("What changed between vintages", id="changes"),
        html.Div([
            html.Label("Vintage", htmlFor=f"{PAGE}-vintage"),
            dcc.Dropdown(id=f"{PAGE}-vintage", value=chosen.id if chosen else None, clearable=False,
                         options=[{"label": f"{v.id}: {v.source} — {v.label} ({v.retrieved_at[:10]})", "value": v.id}
                                  for v in reversed(with_reports)], className="dropdown"),
        ], className="controls"),
        _changes(reports, chosen),
    ]
    if state.vintage and (chosen is None or chosen.id != state.vintage):
        state.problems.append(f"No revision report for vintage {state.vintage}.")
    return common.shell(PAGE, state, children, heading="Data & sources",
                        intro="Where every number comes from, how to download it, and what each refresh changed.")


def _chosen_vintage(state, with_reports, reports):
    if state.vintage:
        return next((v for v in with_reports if v.id == state.vintage), None)
    revised = [v for v in with_reports if reports[v.id].get("revised_count")]
    return (revised or with_reports or [None])[-1]


def _source_row(name, module, latest, event) -> list:
    meta = module.METADATA
    error = event.get("last_error")
    return [
        html.Div([html.Strong(name), html.Br(), html.Span(meta.title, className="muted")]),
        html.Div([meta.publisher, html.Br(), html.A(meta.url, href=meta.url, target="_blank", rel="noopener")]),
        meta.licence,
        (f"{latest.id} ({latest.mode}, {latest.rows:,} rows, retrieved {latest.retrieved_at}"
         + (f", released {latest.release_date}" if latest.release_date else "") + ")") if latest
        else f"none yet: run `indicators refresh --source {name}`" + (" --offline" if name != "comtrade" else " (live only)"),
        f"{error['at']}: {error['detail']}" if error else "none",
    ]


def _changes(reports, vintage):
    if vintage is None:
        return html.P("No revision reports yet: they are written by `indicators refresh`.", id=f"{PAGE}-changes")
    report = reports.get(vintage.id) or {}
    previous = report.get("previous")
    parts = [html.P([
        html.Strong(f"Vintage {vintage.id} ({vintage.source}, {vintage.label})"),
        " compared with what the store served before it"
        + (f" (up to vintage {previous})" if previous else " (nothing: first load of this source)") + ": ",
        f"{report.get('revised_count', 0)} value(s) revised, {report.get('added_count', 0)} added, "
        f"{report.get('dropped_count', 0)} dropped.",
    ])]
    # Recent periods and large changes first: those are the revisions a reader of the op-ed cares about.
    revised = sorted(report.get("revised") or [],
                     key=lambda r: (r["period"], abs(r.get("change_pct") or 0)), reverse=True)
    if revised:
        rows = [[r["indicator"], r["entity"], r.get("product") or "", r["period"], r["unit"],
                 f"{r['old']:,.6g}", f"{r['new']:,.6g}",
                 f"{r['change_pct']:+.2f}%" if r.get("change_pct") is not None else "n/a"]
                for r in revised[:MAX_REVISED_ROWS]]
        parts.append(_table(["Indicator", "Entity", "Product", "Period", "Unit", "Before", "After", "Change"], rows,
                            table_id=f"{PAGE}-revised"))
        if len(revised) > MAX_REVISED_ROWS:
            parts.append(html.P(f"… and {len(revised) - MAX_REVISED_ROWS} more (see `indicators refresh --report`)."))
    changed = report.get("verdicts_changed") or []
    if changed:
        parts.append(html.Div([html.H4("Verdicts changed by that refresh"), html.Ul([
            html.Li([f"{c['claim']}: ", common.verdict_badge(c["before"] or "none", small=True), " → ",
                     common.verdict_badge(c["after"], small=True)]) for c in changed])]))
    for key, label in (("added_series", "Series added"), ("dropped_series", "Series dropped")):
        items = report.get(key) or []
        if items:
            shown = ", ".join(items[:20]) + (f" … (+{len(items) - 20})" if len(items) > 20 else "")
            parts.append(html.P([html.Strong(f"{label}: "), shown], className="muted"))
    return html.Div(parts, id=f"{PAGE}-changes")


def _table(headers: list[str], rows: list[list], table_id: str) -> html.Div:
    return html.Div(html.Table([
        html.Thead(html.Tr([html.Th(h) for h in headers])),
        html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
    ], id=table_id), className="table-wrap")

