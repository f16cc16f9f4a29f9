"""`/scorecard` — the default article's scorecard (the op-ed): every claim with its verdict, the numbers
compared, the sources and a link to the curated chart (/trade, /innovation) that holds its evidence.

It was the landing page; "/" is now the desk's home (dashboard/pages/home.py), and an old link to "/"
that names scorecard state (`/?as_of=...`) is redirected here by dashboard.app. Every other article's
scorecard is at `/article/<slug>` (dashboard/pages/articles.py). The title, intro and footer name the
article from its metadata (data/articles/<slug>/article.yaml), never a fixed text.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import dash
from dash import dcc, html

from dashboard import common
from dashboard.common import articles_mod, claims_engine, figures  # imported on first use (see dashboard.common)

PAGE = "scorecard"
PATH = "/scorecard"


def title(**_) -> str:
    """The browser tab's title: the article's (from its metadata)."""
    try:
        return f"Scorecard: {articles_mod.default_article().title} — {common.SITE_NAME}"
    except Exception:  # the title must never break the page; the layout reports real errors
        return f"Scorecard — {common.SITE_NAME}"


dash.register_page(__name__, path=PATH, name="Scorecard", order=90, page_key=PAGE, nav=False, title=title)
common.url_state(PAGE)


@common.page_layout()
def layout(**query):
    """The scorecard as of the date in the URL (`?as_of=`), latest by default."""
    state = common.read_state(query)
    article = articles_mod.default_article()
    results = common.claim_results(common.current_store(), state.as_of)
    counts = Counter(r.verdict for r in results)
    summary = html.Div(
        [html.Span([common.verdict_badge(v), f" {counts[v]}"], className="summary-item")
         for v in claims_engine.VERDICTS if counts.get(v)],
        className="summary", id=f"{PAGE}-summary",
    )
    cards = [claim_card(result, state) for result in results]
    intro = (f"Each statement of “{article.title}” ({article.author}, {article.outlet}, {article.published}) that "
             "cites a figure, checked against public data, with links to the charts that hold the evidence. "
             "Change the date to see what could have been known then.")
    note = f"{article.outlet}: {article.author}, {article.published}, quoted for the purpose of checking it."
    return common.shell(PAGE, state, [common.controls(PAGE, state), summary,
                                      html.Div(cards, className="cards", id=f"{PAGE}-cards"),
                                      html.P(dcc.Link("All checked articles →", href="/articles"))],
                        heading=f"Scorecard: {article.title}", intro=intro, article_note=note)


def claim_card(result: claims_engine.ClaimResult, state: common.PageState, bespoke: bool = True) -> html.Article:
    """One claim: quote, stated vs observed, verdict, explanation, other views, caveats, sources, evidence."""
    details = []
    if result.verdict != "opinion":
        details += [html.Dt("Stated"), html.Dd(claims_engine.stated_text(result) or "-"),
                    html.Dt("Observed"), html.Dd(claims_engine.observed_text(result))]
        if result.computation:
            details += [html.Dt("Computation"), html.Dd(result.computation, className="computation")]
    details += [html.Dt("Why" if result.verdict != "opinion" else "Not checked because"), html.Dd(result.explanation)]
    sections = [html.Dl(details, className="facts")]
    if result.other_views:
        sections.append(html.Div([
            html.H4("Other views"),
            html.Ul([html.Li([html.Strong(f"{view['label']}: {claims_engine.fmt(view['value'], view['unit'])}. "),
                              view.get("explanation", "")]) for view in result.other_views]),
        ], className="other-views"))
    if result.caveats:
        sections.append(html.Div([html.H4("Caveats"), html.Ul([html.Li(c) for c in result.caveats])],
                                 className="caveats"))
    if result.sources:
        seen, items = set(), []
        for ref in result.sources:
            key = (ref.get("publisher"), ref.get("read_via"), ref.get("vintage"), ref.get("released"), ref.get("url"))
            if key in seen:
                continue
            seen.add(key)
            url = ref.get("url") or ""
            items.append(html.Li([
                html.Strong(figures.provenance(ref.get("publisher") or ref.get("source"), ref.get("read_via"))),
                " — ", html.A(site_name(url), href=url, rel="noopener", target="_blank") if url else "no link",
                f" — {ref.get('source')} vintage {ref.get('vintage')}, released {ref.get('released')}",
            ]))
        sections.append(html.Div([html.H4("Sources"), html.Ul(items)], className="sources"))
    if result.loader:
        sections.append(html.P(common.MISSING_DATA_NOTE, className="loader"))
    figure_id = figures.CLAIM_FIGURES.get(result.id) if bespoke else None
    if figure_id:
        page = figures.FIGURES[figure_id].page
        href = f"/{page}{state.query(product=None, vintage=None)}#claim-{result.id}"
        sections.append(dcc.Link(f"See the evidence: {figures.FIGURES[figure_id].title} →", href=href,
                                 className="evidence-link", id=f"{PAGE}-evidence-{result.id}"))
    return html.Article([
        html.Div([common.verdict_badge(result.verdict), html.H3(result.claim or result.id, className="claim-title")],
                 className="claim-head"),
        html.Blockquote(result.quote, className="quote"),
        *sections,
    ], className=f"claim-card verdict-{result.verdict}", id=f"{PAGE}-claim-{result.id}")


def site_name(url: str) -> str:
    """The link text for a source: the site it opens ("natlawreview.com"), never the publisher's name."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host
