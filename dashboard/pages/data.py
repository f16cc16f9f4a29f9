"""`/data` — every source (publisher, licence, URL, vintages, latest error), CSV downloads per figure,
and what changed between vintages (the revision reports written by `indicators refresh`).

The vintages table is paginated (`?page=N&size=M`, newest first, at most MAX_PAGE_SIZE rows), and only
the reports of the vintages on the shown page are read: the page stays the same size however many
refreshes the store holds."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlencode

import dash
from dash import dcc, html

from dashboard import common
from dashboard.common import figures  # imported on first use (see dashboard.common)
from indicators import sources

PAGE = "data"
MAX_REVISED_ROWS = 40  # the most recent periods first; the full list is in the JSON report
PAGE_SIZE, MAX_PAGE_SIZE = 25, 100
"""Vintages per page of the vintages table: the default, and the most a `size=` may ask for."""
MAX_NUMBER_DIGITS = 12
dash.register_page(__name__, path="/data", name="Data & sources", order=8, page_key=PAGE,
                   title="Data & sources — vintages, downloads and revisions")
common.url_state(PAGE, controls={"vintage": f"{PAGE}-vintage"})


@common.page_layout(params=common.COMMON_PARAMS + ("vintage", "page", "size"), events=True)
def layout(**query):
    problems: list[str] = []
    vintage_asked = _number(query.pop("vintage", None), "vintage", "a vintage number", problems)
    page = _number(query.pop("page", None), "page", "a page number", problems)
    size = _number(query.pop("size", None), "size", "a number of rows per page", problems)
    state = common.read_state(query)
    state.vintage = vintage_asked
    state.problems.extend(problems)
    store = common.current_store()
    vintages = list(reversed(store.vintages()))  # newest first
    events = store.last_events()
    listing = _paginate(vintages, page, size, state)
    reports = {v.id: report for v in listing.rows if (report := store.report(v.id)) is not None}
    chosen, chosen_report = _chosen_vintage(store, state, vintages, listing.rows, reports)
    options = [v for v in listing.rows if v.id in reports]
    if chosen is not None and chosen not in options:
        options.insert(0, chosen)
    children = [
        common.controls(PAGE, state, article=False),
        html.H2("Sources", id="sources"),
        _table(["Source", "Publisher", "Licence", "Latest vintage", "Last error"],
               [_source_row(name, module, store.latest_vintage(name), events.get(name, {}))
                for name, module in sources.all_sources().items()], table_id=f"{PAGE}-sources"),
        html.H2("Vintages", id="vintages"),
        html.P("Every refresh writes a new vintage; the store serves, for each observation, the most recently "
               "published value (as of the chosen date)."),
        _pager(listing, state, "top"),
        _table(["Vintage", "Source", "Label", "Mode", "Retrieved", "Released", "Rows", "Changes"],
               [[str(v.id), v.source, v.label, v.mode, v.retrieved_at, v.release_date or "not stated", f"{v.rows:,}",
                 dcc.Link("report", href=f"/data{_query(state, listing, vintage=v.id)}#changes")
                 if v.id in reports else "-"] for v in listing.rows], table_id=f"{PAGE}-vintages"),
        _pager(listing, state, "bottom"),
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
                                  for v in options], className="dropdown"),
        ], className="controls"),
        _changes(chosen_report, chosen),
    ]
    if state.vintage and (chosen is None or chosen.id != state.vintage):
        state.problems.append(f"No revision report for vintage {state.vintage}.")
    return common.shell(PAGE, state, children, heading="Data & sources",
                        intro="Where every number comes from, how to download it, and what each refresh changed.")


def _number(value, name: str, meaning: str, problems: list[str]) -> int | None:
    """A positive whole number from the URL (ASCII digits, at most 12), else None and a problem."""
    if isinstance(value, (list, tuple)):  # a repeated parameter: the first counts, as in common.read_state
        value = value[0] if value else None
    if value in (None, ""):
        return None
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= MAX_NUMBER_DIGITS and int(text) > 0:
        return int(text)
    shown = text if len(text) <= 20 else text[:20] + "…"
    problems.append(f"{name} “{shown}” is not {meaning}.")
    return None


class Listing(NamedTuple):
    """One page of the vintages table (newest first). (Not a dataclass: dash imports page modules
    without entering them in sys.modules, which dataclasses need.)"""

    rows: list
    page: int
    size: int
    pages: int
    total: int


def _paginate(vintages: list, page: int | None, size: int | None, state) -> Listing:
    if size and size > MAX_PAGE_SIZE:
        state.problems.append(f"size {size} is more than {MAX_PAGE_SIZE} rows per page: showing {MAX_PAGE_SIZE}.")
        size = MAX_PAGE_SIZE
    size = size or PAGE_SIZE
    pages = max(1, -(-len(vintages) // size))
    if page and page > pages:
        state.problems.append(f"There is no page {page} of vintages (there are {pages}): showing the last.")
        page = pages
    page = page or 1
    return Listing(vintages[(page - 1) * size: page * size], page, size, pages, len(vintages))


def _query(state, listing: Listing, **changes) -> str:
    """The page's query with the table's page and size kept (defaults left out)."""
    page = changes.pop("page", listing.page)
    base = state.query(**changes)
    extra = {k: v for k, v in (("page", page if page != 1 else None),
                               ("size", listing.size if listing.size != PAGE_SIZE else None)) if v}
    if not extra:
        return base
    return (base + "&" if base else "?") + urlencode(extra)


def _pager(listing: Listing, state, where: str) -> html.Nav | None:
    """'Vintages 1–25 of 230 (newest first)' with links to the newer and older pages."""
    if listing.total == 0:
        return html.P("No vintages yet: run `indicators refresh --offline`.", id=f"{PAGE}-vintages-{where}")
    first = (listing.page - 1) * listing.size + 1
    summary = f"Vintages {first}–{first + len(listing.rows) - 1} of {listing.total} (newest first)"
    if listing.pages == 1:
        return html.P(summary + ".", className="muted", id=f"{PAGE}-vintages-{where}")
    links = [summary + ", page " + f"{listing.page} of {listing.pages}: "]
    if listing.page > 1:
        links.append(dcc.Link("← newer", href=f"/data{_query(state, listing, page=listing.page - 1, vintage=None)}#vintages",
                              id=f"{PAGE}-newer-{where}", className="button"))
    if listing.page < listing.pages:
        links.append(dcc.Link("older →", href=f"/data{_query(state, listing, page=listing.page + 1, vintage=None)}#vintages",
                              id=f"{PAGE}-older-{where}", className="button"))
    return html.Nav(links, className="pager", id=f"{PAGE}-vintages-{where}", **{"aria-label": f"vintages pages ({where})"})


def _chosen_vintage(store, state, vintages, shown, reports):
    """The vintage whose changes are shown, with its report: the one asked for (any page), else the
    newest vintage on this page of the table whose report revised values, else the newest with one."""
    if state.vintage:
        chosen = next((v for v in vintages if v.id == state.vintage), None)
        report = (reports.get(chosen.id) or store.report(chosen.id)) if chosen else None
        return (chosen, report) if report is not None else (None, None)
    with_reports = [v for v in shown if v.id in reports]
    revised = [v for v in with_reports if reports[v.id].get("revised_count")]
    chosen = (revised or with_reports or [None])[0]
    return chosen, reports.get(chosen.id) if chosen else None


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


def _changes(report, vintage):
    if vintage is None:
        return html.P("No revision reports yet: they are written by `indicators refresh`.", id=f"{PAGE}-changes")
    report = report or {}
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
        from indicators import catalogue, catalogue_view

        def name(r):
            described = catalogue.describe(vintage.source, r["indicator"], r.get("product") or None, r["unit"])
            return described.name if described else r["indicator"]

        rows = [[name(r), catalogue.economy_name(r["entity"]), r["period"],
                 catalogue_view.human(r["old"], r["unit"]), catalogue_view.human(r["new"], r["unit"]),
                 f"{r['change_pct']:+.2f}%" if r.get("change_pct") is not None else "n/a"]
                for r in revised[:MAX_REVISED_ROWS]]
        parts.append(_table(["Series", "Economy", "Period", "Before", "After", "Change"], rows,
                            table_id=f"{PAGE}-revised"))
        if len(revised) > MAX_REVISED_ROWS:
            parts.append(html.P(f"… and {len(revised) - MAX_REVISED_ROWS} more (see `indicators refresh --report`)."))
    changed = caused_by(report.get("verdicts_changed") or [], vintage.source)
    if changed:
        parts.append(html.Div([html.H4(f"Verdicts this vintage changed (claims that read {vintage.source} data)"), html.Ul([
            html.Li([f"{c['claim']}: ", common.verdict_badge(c["before"] or "none", small=True), " → ",
                     common.verdict_badge(c["after"], small=True)]) for c in changed])]))
    for key, label in (("added_series", "Series added"), ("dropped_series", "Series dropped")):
        items = report.get(key) or []
        if items:
            shown = ", ".join(items[:20]) + (f" … (+{len(items) - 20})" if len(items) > 20 else "")
            parts.append(html.P([html.Strong(f"{label}: "), shown], className="muted"))
    return html.Div(parts, id=f"{PAGE}-changes")


def caused_by(changed: list[dict], source: str) -> list[dict]:
    """The verdict changes a vintage of `source` can have caused: those of claims whose evidence reads
    that source. (A refresh of several sources stores the run's changes in each vintage's report.)"""
    if not changed:
        return []
    from indicators import claims

    try:
        specs = {c["id"]: c for c in claims.load_claims()["claims"]}
    except claims.ClaimsFileError:
        return changed
    return [c for c in changed if c["claim"] not in specs or source in _sources_read(specs[c["claim"]])]


def _sources_read(spec) -> set[str]:
    """Every source a claim's series, bases, readings and independent evidence name."""
    found = set()
    if isinstance(spec, dict):
        if "indicator" in spec and isinstance(spec.get("source"), str):
            found.add(spec["source"])
        for value in spec.values():
            found |= _sources_read(value)
    elif isinstance(spec, list):
        for value in spec:
            found |= _sources_read(value)
    return found


def _table(headers: list[str], rows: list[list], table_id: str) -> html.Div:
    return html.Div(html.Table([
        html.Thead(html.Tr([html.Th(h) for h in headers])),
        html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
    ], id=table_id), className="table-wrap")

