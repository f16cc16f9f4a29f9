"""The page for an unknown path (served with HTTP status 404 by the app)."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import common

PAGE = "notfound"
PAGES = [
    ("Home", "/", "what the desk does and the ways in"),
    ("Check a text", "/check", "paste an article: each figure it cites, matched to a series and judged"),
    ("Articles", "/articles", "every checked article, each with its scorecard at /article/<name>"),
    ("Scorecard", "/scorecard", "the default article's claims, with links to the curated charts"),
    ("Catalogue", "/catalogue", "every series the store holds, each with its page at /series/<id>"),
    ("Trade", "/trade", "curated charts of the new trio's exports"),
    ("Innovation", "/innovation", "curated charts of the Global Innovation Index and World Bank context"),
    ("Data & sources", "/data", "every source, its licence and vintages, and what changed between them"),
]
"""Every page a reader can open (the README's list of pages says the same)."""
dash.register_page(__name__, path="/404", name="Not found", order=99, page_key=PAGE, title="Page not found")


@common.page_layout()
def layout(**query):
    state = common.read_state(query)
    return common.shell(PAGE, state, [
        html.P("There is no page at this address. The pages are:"),
        html.Ul([html.Li([dcc.Link(name, href=href), f": {what}"]) for name, href, what in PAGES], id=f"{PAGE}-pages"),
        dcc.Link("Go to the home page", href="/", className="button"),
    ], heading="Page not found (404)")
