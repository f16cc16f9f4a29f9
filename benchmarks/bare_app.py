"""The baseline for benchmarks: a bare Dash app with one page, one graph and one callback."""

from __future__ import annotations

import dash
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

POINTS = {"a": [1, 3, 2, 4], "b": [4, 2, 3, 1]}


def create_app() -> dash.Dash:
    app = dash.Dash(__name__, title="bare")
    app.layout = html.Div([
        dcc.Dropdown(id="series", options=list(POINTS), value="a", clearable=False),
        dcc.Graph(id="graph"),
    ])

    @app.callback(Output("graph", "figure"), Input("series", "value"))
    def draw(series: str) -> go.Figure:
        return go.Figure(go.Scatter(y=POINTS.get(series, POINTS["a"])))

    return app


app = create_app()
server = app.server
