"""`indicators report`: one self-contained HTML file (or Markdown) with every claim next to its data.

The HTML opens offline: plotly.js is inlined once at the top and each chart is a div that calls
it, so the file needs no network and no other file. Contents, in reading order:

1. the op-ed (title, author, date; claim sentences are quoted, the text is not republished);
2. a summary table of verdicts;
3. per claim: exact quote, verdict, stated vs observed, explanation, computation, other views
   (e.g. growth in US dollars), caveats, its chart(s) with the article's figure drawn on them,
   and the sources with licences and vintages;
4. what changed since the article: each verdict and observed value with the data published by
   the article's date versus the data in the report, and what the publishers released since;
5. context charts not tied to one claim, and an appendix of data sources.

Every number comes from the store through `claims.check_all` and `figures.build`; nothing is typed
here. `--out report.md` writes the same text as Markdown without charts (it names the
`indicators export` commands that draw them).
"""

from __future__ import annotations

import html
import os
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from indicators import __version__, claims, sources, verdicts
from indicators.frame import provenance
from indicators.store import Store

DEFAULT_BASE_URL = "http://127.0.0.1:8050"
"""Where the dashboard serves the claims' deep links (ClaimReview `url`) unless the caller names one."""

VERDICT_MEANING = verdicts.MEANINGS  # one table: indicators/verdicts.py


@dataclass
class Chart:
    """A built figure, or why it could not be built."""

    id: str
    title: str
    figure: object | None = None
    claim_ids: list[str] = field(default_factory=list)
    error: str = ""


@dataclass
class ReportData:
    """Everything the report shows, read from the store once."""

    article: dict
    as_of: str | None
    results: list[claims.ClaimResult]
    article_results: list[claims.ClaimResult]
    charts: list[Chart]
    published_since: list[dict]
    source_rows: list[dict]
    generated_at: str
    generation: int
    claim_reviews: list[dict] = field(default_factory=list)


# -- gathering --------------------------------------------------------------------------------


def gather(as_of: str | None = None, store: Store | None = None, with_charts: bool = True,
           article_slug: str | None = None, base_url: str = DEFAULT_BASE_URL) -> ReportData:
    """Judge one article's claims (the default article unless `article_slug`; as of `as_of` and as of
    the article's date), build the charts, list the sources and the article's ClaimReview objects."""
    from indicators import articles, claimreview

    store = store or Store()
    chosen = articles.get_article(article_slug) if article_slug else articles.default_article()
    article = {"slug": chosen.slug, "title": chosen.title, "author": chosen.author, "outlet": chosen.outlet,
               "url": chosen.url, "published": chosen.published, "as_of": chosen.as_of}
    article_as_of = article.get("as_of")
    path = chosen.claims_path
    results = claims.check_all(store=store, as_of=as_of, path=path, compare=False)
    article_results = claims.check_all(store=store, as_of=article_as_of, path=path, compare=False) if article_as_of else []
    reviews = claimreview.claim_reviews(chosen, results, base_url=base_url)
    return ReportData(
        claim_reviews=reviews,
        article=article,
        as_of=as_of,
        results=results,
        article_results=article_results,
        charts=build_charts(store, as_of, chosen, results) if with_charts else [],
        published_since=published_since(store, article_as_of, as_of) if article_as_of else [],
        source_rows=source_rows(store),
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        generation=store.generation(),
    )


def build_charts(store: Store, as_of: str | None, article=None, results=()) -> list[Chart]:
    """The registered (bespoke) figures when the article is the default one (they are drawn from
    its claims), then a generic evidence chart for every checkable claim no bespoke figure covers;
    a figure that fails is kept with its error."""
    try:
        from indicators import evidence, figures
    except ImportError as exc:
        return [Chart("figures", "charts", error=f"the figures module is not available ({exc})")]
    charts = []
    if article is None or article.default:
        for figure_id, spec in figures.FIGURES.items():
            try:
                fig, _data = figures.build(figure_id, store=store, as_of=as_of)
            except Exception as exc:  # one missing series must not cost the whole report
                charts.append(Chart(figure_id, getattr(spec, "title", figure_id), error=_first_line(exc)))
                continue
            meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
            charts.append(Chart(figure_id, getattr(spec, "title", figure_id), fig, list(meta.get("claim_ids") or [])))
    if article is None:
        return charts
    covered = {claim_id for chart in charts for claim_id in chart.claim_ids}
    by_id = {result.id: result for result in results}
    for claim in claims.load_claims(article.claims_path, strict=False)["claims"]:
        if claim["check"] not in evidence.CHECKABLE or claim["id"] in covered or not claim.get("series"):
            continue
        title = claim.get("title") or claim["id"]
        try:
            fig = evidence.evidence_figure(store, claim, by_id.get(claim["id"]), as_of=as_of)
        except Exception as exc:
            charts.append(Chart(f"evidence-{claim['id']}", title, error=_first_line(exc)))
            continue
        charts.append(Chart(f"evidence-{claim['id']}", title, fig, [claim["id"]]))
    return charts


def published_since(store: Store, article_as_of: str, as_of: str | None) -> list[dict]:
    """Per source: observations published after the article's date, and values revised since
    (with the three most recent revisions as examples)."""
    before = store.frame(as_of=article_as_of)
    after = store.frame(as_of=as_of)
    key = ["source", "dataset", "indicator", "entity", "counterpart", "product", "period", "freq", "unit"]
    merged = after.merge(before[key + ["value"]], on=key, how="left", suffixes=("", "_then"), indicator=True)
    rows = []
    for source_name, group in merged.groupby("source", sort=True):
        new = group[group["_merge"] == "left_only"]
        common = group[group["_merge"] == "both"]
        revised = common[(common["value"] - common["value_then"]).abs() > 1e-9 * common["value_then"].abs().clip(lower=1)]
        examples = []
        recent_first = revised.assign(size=(revised["value"] / revised["value_then"] - 1).abs()).sort_values(
            ["period", "size"], ascending=[False, False])  # revisions to recent years matter most to a reader
        for row in recent_first.head(3).itertuples():
            examples.append(f"{row.indicator} {row.entity} {row.period}: {claims.fmt(row.value_then, row.unit)} → "
                            f"{claims.fmt(row.value, row.unit)}")
        rows.append({"source": source_name, "new": len(new), "revised": len(revised), "examples": examples,
                     "latest_release": max(group["released"]) if len(group) else ""})
    return rows


def source_rows(store: Store) -> list[dict]:
    """Each source's metadata and its vintages in the store (for the appendix and the licences)."""
    by_source: dict[str, list] = {}
    for vintage in store.vintages():
        by_source.setdefault(vintage.source, []).append(vintage)
    rows = []
    for name, module in sources.all_sources().items():
        meta = module.METADATA
        rows.append({"name": name, "title": meta.title, "publisher": meta.publisher, "licence": meta.licence,
                     "url": meta.url, "cadence": meta.cadence, "live": meta.live, "vintages": by_source.get(name, [])})
    return rows


# -- writing ----------------------------------------------------------------------------------


def write_report(out: str | os.PathLike, as_of: str | None = None, store: Store | None = None,
                 article_slug: str | None = None, base_url: str = DEFAULT_BASE_URL) -> Path:
    """Write the report to `out` (.html, or .md for Markdown without charts). Returns the path."""
    path = Path(out)
    markdown = path.suffix.lower() in {".md", ".markdown"}
    data = gather(as_of=as_of, store=store, article_slug=article_slug, base_url=base_url)
    text = render_markdown(data) if markdown else render_html(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)  # a reader never sees half a report
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


# -- HTML -------------------------------------------------------------------------------------

CSS = """
:root{--ink:#1f2328;--muted:#57606a;--rule:#d0d7de;--paper:#fff;--tint:#f6f8fa}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper);margin:0}
main{max-width:1100px;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:.2rem 0 .4rem} h2{margin-top:2.4rem;border-bottom:1px solid var(--rule);padding-bottom:.3rem}
h3{margin:.2rem 0 .6rem}
.muted{color:var(--muted)} .small{font-size:.88rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.93rem}
th,td{border:1px solid var(--rule);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--tint)}
td.num{text-align:right;white-space:nowrap}
.badge{display:inline-block;padding:.1rem .55rem;border-radius:1rem;font-weight:600;font-size:.85rem;white-space:nowrap}
.claim{border:1px solid var(--rule);border-radius:8px;padding:1rem 1.2rem;margin:1.4rem 0}
blockquote{margin:.6rem 0;padding:.5rem 1rem;border-left:4px solid var(--rule);background:var(--tint);font-style:italic}
dl{display:grid;grid-template-columns:10rem 1fr;gap:.3rem 1rem;margin:.8rem 0}
dt{font-weight:600;color:var(--muted)} dd{margin:0}
.chart{margin:1rem 0;border-top:1px dashed var(--rule);padding-top:.6rem}
.chart-error{color:#b42318}
ul{margin:.2rem 0;padding-left:1.2rem}
ul.sources li{margin-bottom:.5rem}
td{overflow-wrap:break-word} dd,li{overflow-wrap:anywhere}
code{background:var(--tint);padding:0 .25rem;border-radius:3px}
nav.toc a{margin-right:.8rem}
@media print{.chart{break-inside:avoid}}
@media (max-width:640px){
main{padding:.8rem .6rem} h1{font-size:1.35rem}
dl{grid-template-columns:1fr;gap:.1rem} dt{margin-top:.4rem}
.claim{padding:.7rem .6rem}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack thead{display:none}
table.stack tr{border:1px solid var(--rule);border-radius:6px;margin:.5rem 0;padding:.2rem .4rem}
table.stack td{border:0;border-bottom:1px solid var(--tint);padding:.25rem .1rem}
table.stack td::before{content:attr(data-label);display:block;font-weight:600;color:var(--muted);font-size:.8rem}
table.stack td.num{text-align:left}
code{overflow-wrap:anywhere}
}
"""
"""Below 640 px, tables marked `stack` show each row as a card (every cell under its column name,
from `data-label`): the Verdict column stays on screen instead of past the right edge."""


def render_html(data: ReportData) -> str:
    """The whole page as one string (plotly.js inlined once, at the top)."""
    import plotly.offline

    charts_by_claim = _charts_by_claim(data.charts)
    claimed = {c.id for cs in charts_by_claim.values() for c in cs}
    context = [c for c in data.charts if c.id not in claimed]
    shown: dict[str, str] = {}  # figure id -> the claim under which it is drawn (each chart drawn once)
    article = data.article
    title = f"Fact-check: {article.get('title', 'the op-ed')}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f'<meta name="description" content="{_e(_summary_line(data.results))}">',
        f'<meta name="generator" content="factcheck-indicators {__version__}">',
        f"<style>{CSS}</style>",
        _claimreview_tag(data),
        f'<script type="text/javascript">{plotly.offline.get_plotlyjs()}</script>' if any(c.figure for c in data.charts) else "",
        "</head><body><main>",
        _html_header(data, title),
        _html_summary(data),
        '<h2 id="claims">The claims, one by one</h2>',
        *[_html_claim(result, charts_by_claim.get(result.id, []), data, shown) for result in data.results],
        _html_changes(data),
        _html_context(context),
        _html_sources(data),
        f'<footer class="muted small"><p>Generated {data.generated_at} by factcheck-indicators {__version__} '
        f"(<code>indicators report</code>) from store generation {data.generation} (its newest vintage id). Verdicts are computed from the data "
        "each time; none is written by hand.</p></footer>",
        "</main></body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _claimreview_tag(data: ReportData) -> str:
    """The article's ClaimReview objects as a JSON-LD <script> (read by fact-check extractors)."""
    from indicators import claimreview

    return claimreview.script_tag(data.claim_reviews) if data.claim_reviews else ""


def _html_header(data: ReportData, title: str) -> str:
    article = data.article
    link = (f' — <a href="{_e(article["url"])}">read the article</a>' if article.get("url") else "")
    view = f"data published by {data.as_of}" if data.as_of else "the latest data in the store"
    return (
        f"<header><h1>{_e(title)}</h1>"
        f'<p class="muted">{_e(article.get("outlet", "Article"))}, by {_e(article.get("author", "unknown author"))}, published {_e(article.get("published", "?"))}'
        f"{link}. Its claim sentences are quoted exactly below; the full text is not reproduced.</p>"
        f"<p>Each figure the op-ed cites is checked against public data ({view}). "
        f"The article's own date is {_e(article.get('as_of', 'unknown'))}: the section "
        '<a href="#changes">what changed since the article</a> compares the two.</p>'
        '<nav class="toc small"><a href="#summary">Summary</a><a href="#claims">Claims</a>'
        '<a href="#changes">What changed</a><a href="#context">Context charts</a><a href="#sources">Data sources</a></nav>'
        "</header>"
    )


def _html_summary(data: ReportData) -> str:
    rows = []
    for r in data.results:
        rows.append(
            f'<tr><td><a href="#claim-{_e(r.id)}">{_e(r.id)}</a></td><td>{_e(r.claim or r.quote)}</td>'
            f"<td>{_e(claims.stated_text(r))}</td><td>{_e(claims.observed_text(r))}</td><td>{badge(r.verdict)}</td></tr>"
        )
    legend = "".join(f"<li>{badge(v)} {_e(VERDICT_MEANING[v])}</li>" for v in claims.VERDICTS
                     if v in {r.verdict for r in data.results})
    return (
        '<h2 id="summary">Summary</h2>'
        f"<p>{_e(_summary_line(data.results))}.</p>"
        + _stack("<table><thead><tr><th>Claim</th><th>What is claimed</th><th>Stated</th><th>Observed</th><th>Verdict</th></tr></thead>"
                 f"<tbody>{''.join(rows)}</tbody></table>") +
        f'<ul class="small">{legend}</ul>'
    )


def _html_claim(result: claims.ClaimResult, charts: list[Chart], data: ReportData, shown: dict[str, str]) -> str:
    licences = {row["name"]: row["licence"] for row in data.source_rows}
    items = [("Verdict", f"{badge(result.verdict)} <span class='muted small'>{_e(VERDICT_MEANING.get(result.verdict, ''))}</span>")]
    if result.verdict != "opinion":
        items.append(("Stated", _e(claims.stated_text(result))))
        items.append(("Observed", _e(claims.observed_text(result))))
    items.append(("Explanation" if result.verdict != "opinion" else "Why no verdict", _e(result.explanation)))
    if result.computation:
        items.append(("Computation", _e(result.computation)))
    if result.other_views:
        items.append(("Other views", "<ul>" + "".join(
            f"<li><strong>{_e(v['label'])}: {_e(claims.fmt(v.get('value'), v.get('unit', '')))}</strong>. "
            f"{_e(v.get('explanation', ''))}</li>" for v in result.other_views) + "</ul>"))
    if result.caveats:
        items.append(("Caveats", "<ul>" + "".join(f"<li>{_e(c)}</li>" for c in result.caveats) + "</ul>"))
    if result.loader:
        items.append(("To decide it", f"<code>{_e(result.loader)}</code>"))
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in items)
    chart_html = ""
    for chart in charts:
        if chart.id in shown:  # drawn under an earlier claim: point to it rather than draw it twice
            chart_html += (f'<p class="small">Chart: <a href="#figure-{_e(chart.id)}">{_e(chart.title)}</a> '
                           f"(shown under <a href='#claim-{_e(shown[chart.id])}'>{_e(shown[chart.id])}</a>).</p>")
        else:
            shown[chart.id] = result.id
            chart_html += _html_chart(chart)
    return (
        f'<section class="claim" id="claim-{_e(result.id)}">'
        f"<h3>{_e(result.claim or result.id)}</h3>"
        f'<p class="muted small">claim id <code>{_e(result.id)}</code></p>'
        f"<blockquote>{_e(result.quote)}</blockquote>"
        f"<dl>{body}</dl>{chart_html}{_html_claim_sources(result, licences, data)}</section>"
    )


def _html_claim_sources(result: claims.ClaimResult, licences: dict, data: ReportData) -> str:
    """One item per publisher page and vintage: the figures read from it, its licence and vintage."""
    if not result.sources:
        return ""
    retrieved = {v.id: v.retrieved_at for row in data.source_rows for v in row["vintages"]}
    groups: dict[tuple, list[dict]] = {}
    for ref in _unique_sources(result.sources):
        key = (ref["publisher"], ref.get("read_via") or "", ref.get("url", ""), ref["source"], ref["vintage"])
        groups.setdefault(key, []).append(ref)
    items = []
    for (publisher, _, url, source_name, vintage), refs in groups.items():
        figures_read = "; ".join(
            f"{_e(r['indicator'])} {_e(r['entity'])} {_e(r['period'])} = <strong>{_e((r.get('qualifier') + ' ') if r.get('qualifier') else '')}{_e(claims.fmt(r['value'], r['unit']))}</strong>"
            + (f" (released {_e(r['released'])})" if r.get("released") else "")
            for r in refs)
        link = f' — <a href="{_e(url)}">{_e(_site(url))}</a>' if url else ""
        items.append(
            f"<li><strong>{_e(provenance(publisher, refs[0].get('read_via')))}</strong>{link}<br>{figures_read}<br>"
            f"<span class='muted'>Licence: {_e(licences.get(source_name, ''))}. Source <code>{_e(source_name)}</code>, "
            f"vintage <span class='vintage'>{vintage}</span>, retrieved {_e(retrieved.get(vintage, '?'))}.</span></li>")
    return f"<h4>Sources</h4><ul class='sources small'>{''.join(items)}</ul>"


def _html_chart(chart: Chart) -> str:
    if chart.figure is None:
        return (f'<div class="chart chart-error" data-figure-id="{_e(chart.id)}"><strong>{_e(chart.title)}</strong>: chart unavailable '
                f"({_e(chart.error)}).</div>")
    from indicators.export import ensure_source_note
    from indicators.figures import responsive

    # The layout of the chart's width band: readable on a phone as on a desktop (figures.responsive).
    div = responsive.html_div(ensure_source_note(chart.figure), f"chart-{chart.id}")
    return (f'<figure class="chart" id="figure-{_e(chart.id)}" data-figure-id="{_e(chart.id)}">{div}'
            f'<figcaption class="muted small">Figure <code>{_e(chart.id)}</code> (source and vintages under the '
            f"chart). As an image: <code>indicators export --figure {_e(chart.id)} --format png</code>.</figcaption></figure>")


def _html_changes(data: ReportData) -> str:
    article_as_of = data.article.get("as_of")
    if not article_as_of:
        return '<h2 id="changes">What changed since the article</h2><p>The claims file gives no article date.</p>'
    then = {r.id: r for r in data.article_results}
    now_label = f"as of {data.as_of}" if data.as_of else "latest"
    rows, changed = [], 0
    for r in data.results:
        if r.verdict == "opinion":
            continue
        before = then.get(r.id)
        differs = before is None or before.verdict != r.verdict or _obs(before) != _obs(r)
        changed += differs
        rows.append(
            f"<tr><td><a href='#claim-{_e(r.id)}'>{_e(r.id)}</a></td>"
            f"<td>{badge(before.verdict) if before else '-'}</td><td>{_e(claims.observed_text(before)) if before else '-'}</td>"
            f"<td>{badge(r.verdict)}</td><td>{_e(claims.observed_text(r))}</td>"
            f"<td>{'<strong>changed</strong>' if differs else 'same'}</td></tr>"
        )
    verdict_line = (f"{changed} of {len(rows)} checked claims differ" if changed
                    else f"No verdict and no observed value differs between the two views ({len(rows)} checked claims)")
    since_rows = "".join(
        f"<tr><td>{_e(s['source'])}</td><td class='num'>{s['new']}</td><td class='num'>{s['revised']}</td>"
        f"<td>{'<br>'.join(_e(x) for x in s['examples']) or '-'}</td></tr>"
        for s in data.published_since
    )
    return (
        '<h2 id="changes">What changed since the article</h2>'
        f"<p>Each claim judged with the data published by {_e(article_as_of)} (what the author could have known) "
        f"and with the data in this report ({_e(now_label)}). {_e(verdict_line)}.</p>"
        + _stack(f"<table><thead><tr><th>Claim</th><th>Verdict by {_e(article_as_of)}</th><th>Observed then</th>"
                 f"<th>Verdict {_e(now_label)}</th><th>Observed {_e(now_label)}</th><th>Since then</th></tr></thead>"
                 f"<tbody>{''.join(rows)}</tbody></table>")
        + f"<p>What the publishers released after {_e(article_as_of)}, per source (observations in the store):</p>"
        + _stack("<table class='small'><thead><tr><th>Source</th><th>New observations</th><th>Revised values</th>"
                 f"<th>Most recent revisions</th></tr></thead><tbody>{since_rows}</tbody></table>")
    )


def _html_context(charts: list[Chart]) -> str:
    if not charts:
        return ""
    return ('<h2 id="context">Context charts</h2><p>Charts of the same data that no single claim rests on.</p>'
            + "".join(_html_chart(c) for c in charts))


def _html_sources(data: ReportData) -> str:
    blocks = []
    for row in data.source_rows:
        vintages = "".join(
            f"<tr><td class='num'>{v.id}</td><td>{_e(v.label)}</td><td>{_e(v.mode)}</td><td>{_e(v.retrieved_at)}</td>"
            f"<td>{_e(v.release_date or '-')}</td><td class='num'>{v.rows}</td></tr>" for v in row["vintages"])
        table = (_stack("<table class='small'><thead><tr><th>Vintage</th><th>Label</th><th>Mode</th><th>Retrieved</th>"
                        f"<th>Released</th><th>Rows</th></tr></thead><tbody>{vintages}</tbody></table>") if vintages
                 else f"<p class='small muted'>Not in the store: <code>indicators refresh --source {_e(row['name'])}</code>.</p>")
        blocks.append(
            f"<h3>{_e(row['title'])} <span class='muted small'>({_e(row['name'])})</span></h3>"
            f"<dl><dt>Publisher</dt><dd>{_e(row['publisher'])}</dd><dt>Licence</dt><dd>{_e(row['licence'])}</dd>"
            f"<dt>URL</dt><dd><a href='{_e(row['url'])}'>{_e(row['url'])}</a></dd>"
            f"<dt>Updates</dt><dd>{_e(row['cadence'])}{'' if row['live'] else '; no live endpoint (bundled snapshot)'}</dd></dl>"
            + table)
    return '<h2 id="sources">Appendix: data sources</h2>' + "".join(blocks)


def badge(verdict: str) -> str:
    background, colour = verdicts.badge(verdict)
    return (f'<span class="badge verdict-{_e(verdict)}" style="background:{background};color:{colour}">'
            f"{_e(verdict)}</span>")


# -- Markdown ---------------------------------------------------------------------------------


def render_markdown(data: ReportData) -> str:
    """The report as Markdown: same text, no charts (each claim names the export command)."""
    article = data.article
    view = f"data published by {data.as_of}" if data.as_of else "the latest data in the store"
    lines = [f"# Fact-check: {article.get('title', 'the op-ed')}", "",
             f"Op-ed by {article.get('author', 'unknown author')}, published {article.get('published', '?')}. "
             f"Claim sentences are quoted exactly; the full text is not reproduced. Checked against {view}.", "",
             "## Summary", "", f"{_summary_line(data.results)}.", "",
             "| Claim | Stated | Observed | Verdict |", "|---|---|---|---|"]
    lines += [f"| {_md(r.id)} | {_md(claims.stated_text(r))} | {_md(claims.observed_text(r))} | **{r.verdict}** |"
              for r in data.results]
    figure_claims = {chart.id: chart.claim_ids for chart in data.charts}
    licences = {row["name"]: row["licence"] for row in data.source_rows}
    lines += ["", "## The claims", ""]
    for r in data.results:
        lines += [f"### {r.claim or r.id}", "", f"> {r.quote}", "", f"- **Verdict:** {r.verdict}"]
        if r.verdict != "opinion":
            lines += [f"- **Stated:** {claims.stated_text(r)}", f"- **Observed:** {claims.observed_text(r)}"]
        lines.append(f"- **Explanation:** {r.explanation}")
        if r.computation:
            lines.append(f"- **Computation:** {r.computation}")
        lines += [f"- **Other view:** {v['label']}: {claims.fmt(v.get('value'), v.get('unit', ''))}. {v.get('explanation', '')}"
                  for v in r.other_views]
        lines += [f"- **Caveat:** {c}" for c in r.caveats]
        if r.loader:
            lines.append(f"- **To decide it:** `{r.loader}`")
        charts = [fid for fid, ids in figure_claims.items() if r.id in ids]
        if charts:
            lines.append("- **Charts:** " + ", ".join(f"`indicators export --figure {fid} --format html`" for fid in charts))
        for s in _unique_sources(r.sources):
            lines.append(f"- **Source:** {s['publisher']}, {s['indicator']} {s['entity']} {s['period']} = "
                         f"{claims.fmt(s['value'], s['unit'])}; {s.get('url', '')}; licence: {licences.get(s['source'], '')}; "
                         f"vintage {s['vintage']}, released {s.get('released', '')}")
        lines.append("")
    article_as_of = article.get("as_of")
    if article_as_of:
        then = {r.id: r for r in data.article_results}
        lines += ["## What changed since the article", "",
                  f"| Claim | Verdict by {article_as_of} | Observed then | Verdict now | Observed now |", "|---|---|---|---|---|"]
        for r in data.results:
            if r.verdict == "opinion" or r.id not in then:
                continue
            b = then[r.id]
            lines.append(f"| {_md(r.id)} | {b.verdict} | {_md(claims.observed_text(b))} | {r.verdict} | {_md(claims.observed_text(r))} |")
        lines += ["", f"| Source | New observations since {article_as_of} | Revised values |", "|---|---|---|"]
        lines += [f"| {s['source']} | {s['new']} | {s['revised']} |" for s in data.published_since]
        lines.append("")
    lines += ["## Appendix: data sources", ""]
    for row in data.source_rows:
        vintage_ids = ", ".join(f"{v.id} ({v.mode}, retrieved {v.retrieved_at}, released {v.release_date or '-'})"
                                for v in row["vintages"]) or "none in the store"
        lines.append(f"- **{row['title']}** ({row['name']}): {row['publisher']}; licence: {row['licence']}; "
                     f"{row['url']}; vintages: {vintage_ids}")
    lines += ["", f"_Generated {data.generated_at} by factcheck-indicators {__version__}._", ""]
    return "\n".join(lines)


# -- helpers ----------------------------------------------------------------------------------


def _charts_by_claim(charts: list[Chart]) -> dict[str, list[Chart]]:
    found: dict[str, list[Chart]] = {}
    for chart in charts:
        for claim_id in chart.claim_ids:
            found.setdefault(claim_id, []).append(chart)
    return found


def _summary_line(results: list[claims.ClaimResult]) -> str:
    counts = pd.Series([r.verdict for r in results]).value_counts()
    parts = [f"{counts[v]} {v}" for v in claims.VERDICTS if v in counts]
    return f"{len(results)} statements checked: " + ", ".join(parts)


def _unique_sources(refs: list[dict]) -> list[dict]:
    seen, unique = set(), []
    for ref in refs:
        key = (ref.get("source"), ref.get("indicator"), ref.get("entity"), ref.get("period"), ref.get("vintage"))
        if key not in seen:
            seen.add(key)
            unique.append(ref)
    return unique


def _obs(result: claims.ClaimResult):
    return (result.observed or {}).get("value")


def _site(url: str) -> str:
    """Link text: the site the link opens ("natlawreview.com"), so a reader sees where it leads."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _stack(table: str) -> str:
    """A <table> that shows each row as a card on a narrow screen (CSS `table.stack`): every cell gets
    its column's name as `data-label`, read from the table's header."""
    names = [re.sub(r"<[^>]+>", "", name) for name in re.findall(r"<th>(.*?)</th>", table)]

    def label_cells(row: re.Match) -> str:
        cells = iter(names)
        return re.sub(r"<td", lambda cell: f'<td data-label="{_e(next(cells, ""))}"', row.group(0))

    body = re.sub(r"<tr>(?:(?!</tr>).)*?<td.*?</tr>", label_cells, table, flags=re.S)
    return re.sub(r"<table( class='([^']*)')?>", lambda m: f"<table class='stack {m.group(2) or ''}'>".replace(" '>", "'>"),
                  body, count=1)


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _md(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0][:300]}" if text else type(exc).__name__
