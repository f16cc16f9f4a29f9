"""Plotly figures that show each claim next to its data, built from the store.

One module per topic (`trade`, `innovation`); each builder registers itself with
`@register(id, title, page, claims)` (in `base`), declaring the claim ids it serves there and only
there. `FIGURES` (id -> FigureSpec) and `CLAIM_FIGURES` (claim id -> figure id) are read from that
one registry by the dashboard, the report and the exports.

Every figure:
- states the finding in its title, computed from the data and the claim results (never typed);
- has axis titles with units, a colour-blind-safe palette (Okabe–Ito), hover text with exact values
  and the source of each point, and a source line under the chart (publishers, vintages, as-of);
- carries `layout.meta = {"id", "source_line", "vintages", "as_of", "currency", "claim_ids"}` so an
  exported file still says what it shows and where the numbers came from.

Each figure is laid out for the 1100-pixel export width; `responsive.fit(layout, traces, width)` lays
it out again for another width (wrapped titles, legend under the plot and stacked panels on a phone),
and `responsive.html_div` draws it in a page with the layout of its width band (/embed, the report).

`build(figure_id, store, as_of, currency)` returns `(figure, rows)`: `rows` is the tidy table of
exactly what is plotted. Built figures are cached per (store, id, as-of, currency), per version
of the sources each figure read and of the claims files (indicators.cache). `build()` returns a
copy; `cached()` returns the shared object.
"""

from __future__ import annotations

import copy

import pandas as pd
import plotly.graph_objects as go

from indicators import articles, cache
from indicators.figures.base import *  # noqa: F403 - the public helpers and constants
from indicators.figures.base import REGISTRY, FigureSpec, Store, register  # noqa: F401
from indicators.figures import trade, innovation  # noqa: E402,F401 - registers the builders
from indicators.figures.trade import NEW_TRIO_HS6, PRODUCTS, yuan_against_dollar  # noqa: F401
from indicators.figures.innovation import WDI_ENTITIES, WDI_FIRST_YEAR, WDI_PANELS  # noqa: F401

FIGURES: dict[str, FigureSpec] = REGISTRY

CLAIM_FIGURES: dict[str, str] = {}
"""Claim id -> the figure that shows its evidence (the first one listing it)."""
for _spec in FIGURES.values():
    for _claim in _spec.claim_ids:
        CLAIM_FIGURES.setdefault(_claim, _spec.id)

_CACHE = cache.named("figures", 96, files=articles.fingerprint)
"""Built figures, per version of the sources each one read and of the articles' claims files (titles
state the claims' findings): see indicators.cache."""


def cached(figure_id: str, store: Store | None = None, as_of: str | None = None, currency: str = "CNY",
           **options) -> tuple[go.Figure, pd.DataFrame]:
    """The built figure from the cache (building it on a miss). Shared object: do not modify it."""
    if figure_id not in FIGURES:
        raise KeyError(f"unknown figure id {figure_id!r}; known: {', '.join(FIGURES)}")
    currency, as_of = check_currency(currency), check_as_of(as_of)
    store = store or Store()
    return _CACHE.get(store, (figure_id, as_of, currency, tuple(sorted(options.items()))),
                      lambda: FIGURES[figure_id].builder(store, as_of=as_of, currency=currency, **options))


def build(figure_id: str, store: Store | None = None, as_of: str | None = None,
          currency: str = "CNY") -> tuple[go.Figure, pd.DataFrame]:
    """The figure and the tidy rows it plots. KeyError for an unknown id; ValueError for a bad currency/as_of."""
    fig, data = cached(figure_id, store, as_of, currency)
    return go.Figure(copy.deepcopy(fig.to_dict())), data.copy()


def clear_cache() -> None:
    _CACHE.clear()


def new_trio_total(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """2023 new-trio exports vs the derived 2022 total, the op-ed's threshold and its +30%."""
    return build("new-trio-total", store, as_of, currency)[0]


def new_trio_products(store: Store | None = None, as_of: str | None = None, currency: str = "CNY",
                      product: str | None = None) -> go.Figure:
    """Per-product export values (Li-ion, BEV, solar), each from its own publisher; `product` picks one."""
    if product is None:
        return build("new-trio-products", store, as_of, currency)[0]
    fig, _ = cached("new-trio-products", store, as_of, currency, product=product)
    return go.Figure(copy.deepcopy(fig.to_dict()))


def solar_exports_monthly(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """Ember's monthly solar exports by region: value and estimated capacity."""
    return build("solar-exports-monthly", store, as_of, currency)[0]


def ev_exports_units(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """GACC electric passenger vehicle exports vs CAAM NEV exports (different bases)."""
    return build("ev-exports-units", store, as_of, currency)[0]


def gii_rank(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """China's overall GII rank by edition, with peers, and the "steady progress" claim."""
    return build("gii-rank", store, as_of, currency)[0]


def gii_clusters(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """Top-100 S&T clusters per economy by edition, with the "most clusters" claim."""
    return build("gii-clusters", store, as_of, currency)[0]


def gii_clusters_2023(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """The GII 2023 top clusters table (ranks 1-35 as bundled)."""
    return build("gii-clusters-2023", store, as_of, currency)[0]


def gii_first_indicators(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """Counts of indicators in which China ranks first, by edition, with the op-ed's "six"."""
    return build("gii-first-indicators", store, as_of, currency)[0]


def wdi_context(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """R&D % of GDP, researchers per million and high-tech exports for China and peers (WDI)."""
    return build("wdi-context", store, as_of, currency)[0]


def comtrade_hs6(store: Store | None = None, as_of: str | None = None, currency: str = "CNY") -> go.Figure:
    """China's HS-6 new-trio exports from UN Comtrade, or a figure saying how to load them."""
    return build("comtrade-hs6", store, as_of, currency)[0]
