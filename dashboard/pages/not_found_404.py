"""The page for an unknown path (served with HTTP status 404 by the app)."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import common

PAGE = "notfound"
dash.register_page(__name__, path="/404", name="Not found", order=99, page_key=PAGE, title="Page not found")


def layout(**query):
    state = common.read_state(query)
    return common.shell(PAGE, state, [
        html.P("There is no page at this address. The pages are: the scorecard, trade, innovation, and data & sources."),
        dcc.Link("Go to the scorecard", href="/", className="button"),
    ], heading="Page not found (404)")
