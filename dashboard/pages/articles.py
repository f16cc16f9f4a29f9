"""`/articles` — every bundled article with its verdict counts; `/article/<slug>` — one article's scorecard.

One registered page serves both (Dash matches `/articles` by path, `/article/<slug>` by template), so
the navigation shows one "Articles" link. Titles, intros and footers come from the article's
metadata (data/articles/<slug>/article.yaml). Each claim shows its quote, verdict, explanation, the
other articles that state it ("also stated in"), and its evidence chart: the bespoke chart mapped to
the claim (indicators.figures.CLAIM_FIGURES, default article only: those charts are built from its
claims) or else the generic one (indicators.evidence). `?as_of=` is honoured as on every page; the
ClaimReview JSON-LD is added to the served HTML by dashboard.jsonld.
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import common, jsonld
from dashboard.common import claims_engine, figures  # imported on first use (see dashboard.common)

PAGE = "articles"
dash.register_page(__name__, path="/articles", path_template="/article/<slug>", name="Articles", order=4,
                   page_key=PAGE, title="Articles — fact-check of China's new trio and innovation claims")


@common.page_layout(params=common.COMMON_PARAMS + ("slug",))
def layout(slug: str | None = None, **query):
    """The index without a slug, the article's scorecard with one (a not-found message for an unknown slug)."""
    state = common.read_state(query)
    if slug is None:
        return index(state)
    article = jsonld.find_article(slug)
    if article is None:
        return not_found(slug, state)
    return scorecard(article, state)


# -- the index -------------------------------------------------------------------------------


def counts_badges(results: list, element_id: str) -> html.Div:
    counts = claims_engine.verdict_counts(results)
    return html.Div([html.Span([common.verdict_badge(v, small=True), f" {n}"], className="summary-item")
                     for v, n in counts.items()], className="summary", id=element_id)


def index(state: common.PageState) -> html.Div:
    from indicators import articles

    store = common.current_store()
    rows = []
    for article in articles.load_articles():
        results = jsonld.article_results(store, article, state.as_of, compare=False)
        rows.append(html.Li([
            html.H2(dcc.Link(article.title, href=f"/article/{article.slug}{state.query(product=None, vintage=None)}",
                             id=f"{PAGE}-link-{article.slug}"), className="article-title"),
            html.P([f"{article.author} — {article.outlet}, {article.published}",
                    " (default landing article)" if article.default else "",
                    " · excerpt" if article.excerpt else ""], className="article-byline"),
            counts_badges(results, f"{PAGE}-counts-{article.slug}"),
        ], className="article-item", id=f"{PAGE}-item-{article.slug}"))
    intro = ("Every bundled article (data/articles/), each checked claim by claim against public data. "
             "Open one for its scorecard.")
    return common.shell(PAGE, state, [as_of_links(state, None), html.Ul(rows, className="article-list",
                                                                        id=f"{PAGE}-list")],
                        heading="Articles checked", intro=intro,
                        article_note="Articles are quoted for the purpose of checking them.")


def not_found(slug: str, state: common.PageState) -> html.Div:
    from indicators import articles

    known = [a.slug for a in articles.load_articles()]
    return common.shell(PAGE, state, [
        html.P([f"There is no article “{slug}”. Known articles: ",
                *[item for s in known for item in (dcc.Link(s, href=f"/article/{s}"), " ")],
                "— or see ", dcc.Link("all articles", href="/articles"), "."],
               className="problems", id=f"{PAGE}-not-found", role="alert"),
    ], heading="Article not found")


# -- one article's scorecard -----------------------------------------------------------------


def as_of_links(state: common.PageState, article) -> html.Div:
    """Links (no callbacks) to the article's own date and to the latest data."""
    base = f"/article/{article.slug}" if article else "/articles"
    links = [dcc.Link("Latest data", href=base + state.query(as_of=None, product=None, vintage=None),
                      className="button", id=f"{PAGE}-as-of-latest")]
    if article:
        links.insert(0, dcc.Link(f"Data as of the article's date ({article.as_of})",
                                 href=base + state.query(as_of=article.as_of, product=None, vintage=None),
                                 className="button", id=f"{PAGE}-as-of-article",
                                 title="What the author could have known"))
    return html.Div(links, className="controls", id=f"{PAGE}-controls")


def scorecard(article, state: common.PageState) -> html.Div:
    from indicators.claims import load_claims

    store = common.current_store()
    results = jsonld.article_results(store, article, state.as_of, state.currency)
    specs = {c["id"]: c for c in load_claims(article.claims_path, strict=False)["claims"]}
    byline = [f"{article.author} — {article.outlet}, {article.published}. "]
    if article.url:
        byline += ["Read at ", html.A(article.url, href=article.url, rel="noopener", target="_blank"), ". "]
    if article.url_note:
        byline.append(f"({article.url_note}.) ")
    intro = ("Each statement of this article that cites a figure, checked against public data"
             + (" (from an excerpt: only the sentences carrying figures are quoted)" if article.excerpt else "") + ".")
    footer = html.P([f"Quoted from {article.outlet} ({article.published}) for the purpose of checking it. ",
                     article.source + "." if article.source else "",
                     " Verdicts are computed from the store as of the date shown, never typed."],
                    className="article-footer", id=f"{PAGE}-footer")
    cards = [claim_card(article, result, specs.get(result.id), state) for result in results]
    return common.shell(PAGE, state, [
        html.P(byline, className="article-byline", id=f"{PAGE}-byline"),
        as_of_links(state, article),
        counts_badges(results, f"{PAGE}-summary"),
        html.Div(cards, className="cards", id=f"{PAGE}-cards"),
        footer,
    ], heading=article.title, intro=intro, article_note="")


def claim_card(article, result, spec: dict | None, state: common.PageState) -> html.Article:
    facts = []
    if result.verdict not in ("opinion", "error"):
        facts += [html.Dt("Stated"), html.Dd(claims_engine.stated_text(result) or "-"),
                  html.Dt("Observed"), html.Dd(claims_engine.observed_text(result))]
    facts += [html.Dt("Not checked because" if result.verdict == "opinion" else "Why"), html.Dd(result.explanation)]
    sections = [html.Dl(facts, className="facts")]
    if result.caveats:
        sections.append(html.Div([html.H4("Caveats"), html.Ul([html.Li(c) for c in result.caveats])],
                                 className="caveats"))
    if result.also_in:
        query = state.query(product=None, vintage=None)
        links = []
        for other in result.also_in:
            links += [dcc.Link(other["label"], href=f"/article/{other['article']}{query}#claim-{other['claim_id']}"), "; "]
        sections.append(html.P(["Also stated in: ", *links[:-1]], className="also-in",
                               id=f"{PAGE}-also-in-{result.id}"))
    if result.loader:
        sections.append(html.P(common.MISSING_DATA_NOTE, className="loader"))
    if spec is not None and result.verdict not in ("opinion", "error"):
        sections.append(evidence_chart(article, result, spec, state))
    return html.Article([
        html.Div([common.verdict_badge(result.verdict), html.H3(result.claim or result.id, className="claim-title")],
                 className="claim-head"),
        html.Blockquote(result.quote, className="quote"),
        *sections,
    ], className=f"claim-card verdict-{result.verdict}", id=f"claim-{result.id}")


def evidence_chart(article, result, spec: dict, state: common.PageState) -> html.Div:
    """The bespoke chart mapped to the claim (default article), else the generic evidence chart."""
    store = common.current_store()
    figure_id = figures.CLAIM_FIGURES.get(result.id) if article.default else None
    links = []
    try:
        if figure_id:
            fig_dict, texts = common.page_figure(store, figure_id, state)
            title, source = texts["title"], texts["source"]
            urls = common.figure_links(figure_id, state)
            links = [html.A("Download CSV", href=urls["csv"], className="button"),
                     html.A("Open standalone", href=urls["embed"], className="button", target="_blank", rel="noopener")]
        else:
            from indicators.evidence import evidence_figure

            fig = evidence_figure(store, spec, result, as_of=state.as_of)
            fig_dict = fig.to_plotly_json()
            layout = fig_dict["layout"]  # the card says the claim and the verdict: the chart keeps only the plot
            layout.update(autosize=True, title={"text": ""}, margin={**layout["margin"], "t": 50, "b": 70})
            layout["annotations"] = [a for a in layout.get("annotations", []) if a.get("name") != "source-line"]
            title, source = "", fig.layout.meta["source_line"]
    except Exception as exc:  # a chart that cannot be built must not take the page down
        return html.P(f"The evidence chart could not be built from the store: {type(exc).__name__}: {exc}",
                      className="problems")
    return html.Div([
        html.H4(title or "Evidence", className="figure-title"),
        html.Div(dcc.Graph(id=f"{PAGE}-graph-{result.id}", figure=fig_dict, className="graph",
                           config={"displaylogo": False, "responsive": True,
                                   "toImageButtonOptions": {"filename": f"{article.slug}-{result.id}"}}),
                 className="graph-scroll"),
        html.P(source, className="source-line"),
        html.Div(links, className="figure-tools") if links else None,
    ], className="figure-card evidence", id=f"{PAGE}-evidence-{result.id}")
