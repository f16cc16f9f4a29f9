"""The `indicators` command: refresh, sources, status, catalogue, check, serve, export, report, schedule."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys

from indicators import sources


BRIEF_COMMANDS = {"sources", "status", "catalogue", "check", "claims", "articles"}
"""Commands that read, print and exit within a second or two. They run without the cyclic garbage
collector: its passes over the half a million objects that importing pandas, SQLAlchemy and pydantic
creates cost `check` about 0.2 s of CPU and free next to nothing (peak memory is the same)."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    collecting = gc.isenabled()
    if args.command in BRIEF_COMMANDS:
        gc.disable()
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one clear line, no traceback, non-zero exit
        print(f"indicators {args.command}: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if collecting:  # a caller in the same process (a test, a notebook) keeps its collector
            gc.enable()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="indicators", description=__doc__)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("refresh", help="load sources into the store as new vintages")
    p.add_argument("--source", action="append", choices=sources.NAMES, help="only this source (repeatable)")
    p.add_argument("--offline", action="store_true", help="load the bundled snapshot instead of fetching live")
    p.add_argument("--only-missing", action="store_true",
                   help="skip sources that already have a vintage (first start of the dashboard)")
    p.add_argument("--report", metavar="PATH", help="also write the revision report as JSON to PATH")
    p.add_argument("--webhook", metavar="URL", help="POST the revision report to URL (or INDICATORS_WEBHOOK_URL)")
    p.set_defaults(handler=cmd_refresh)

    p = sub.add_parser("sources", help="list sources with their metadata and latest vintage")
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser("status", help="print what is in the store")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("catalogue", help="list every series the store holds: what it measures, periods, latest value, "
                                         "publisher, how to refresh it")
    p.add_argument("--search", metavar="WORDS", help="only series matching every word (name, indicator, measure, "
                                                     "subject, basis, publisher, economy; case-insensitive)")
    p.add_argument("--as-of", metavar="DATE", help="the store as published by DATE (YYYY-MM-DD)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=cmd_catalogue)

    p = sub.add_parser("check", help="check an article's claims against the store (default: the op-ed)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", metavar="SLUG", help="a bundled article (see `indicators articles`)")
    which.add_argument("--claims", metavar="PATH", help="a claims file (YAML, the format in docs/claims.md)")
    p.add_argument("--as-of", metavar="DATE", help="judge with the data published by DATE (YYYY-MM-DD)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("claims", help="list the bundled articles' claims; --matches: claims stated in several articles")
    p.add_argument("--matches", action="store_true", help="only claims stated in more than one article, with each appearance")
    p.set_defaults(handler=cmd_claims)

    p = sub.add_parser("articles", help="list the bundled articles with their verdict counts")
    p.add_argument("--as-of", metavar="DATE", help="judge with the data published by DATE (YYYY-MM-DD)")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("spot", help="find the checkable figures in a text, map them to series and judge them")
    p.add_argument("file", metavar="FILE", help="plain text or Markdown (front matter allowed); - reads stdin")
    p.add_argument("--format", choices=["table", "json", "yaml"], default="table",
                   help="yaml: a draft claims file for `indicators check --claims`")
    p.add_argument("--as-of", metavar="DATE", help="judge with the data published by DATE (YYYY-MM-DD)")
    p.add_argument("--published", metavar="DATE", help="the text's date, for 'last year' (default: its front matter)")
    p.set_defaults(handler=cmd_spot)

    p = sub.add_parser("serve", help="start the dashboard (development server; use gunicorn in production)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8050)
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("export", help="export figures as html/png/svg/pdf")
    p.add_argument("--figure", action="append", metavar="ID", help="figure id (repeatable)")
    p.add_argument("--all", action="store_true", help="every figure")
    p.add_argument("--format", choices=["html", "png", "svg", "pdf"], default="html")
    p.add_argument("--out", default="figures", metavar="DIR")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--currency", choices=["CNY", "USD"], default="CNY")
    p.add_argument("--self-contained", action="store_true",
                   help="html: inline plotly.js in every file (4.8 MB each) instead of one shared DIR/plotly.min.js")
    p.add_argument("--claimreview", action="store_true",
                   help="write schema.org ClaimReview JSON-LD for the articles' verdicts to --out FILE.jsonld instead")
    p.add_argument("--article", metavar="SLUG", help="with --claimreview: only this article (default: every article)")
    p.add_argument("--base-url", metavar="URL", default=os.environ.get("INDICATORS_BASE_URL", "http://127.0.0.1:8050"),
                   help="with --claimreview: where the dashboard is served (claim links; env INDICATORS_BASE_URL)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("report", help="write the static fact-check report")
    p.add_argument("--out", default="report.html", metavar="PATH")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--article", metavar="SLUG", help="the article to report on (default: the default article)")
    p.add_argument("--base-url", metavar="URL", default=os.environ.get("INDICATORS_BASE_URL", "http://127.0.0.1:8050"),
                   help="where the dashboard serves the claims' deep links (ClaimReview url)")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("schedule", help="run refreshes on a per-source cadence until stopped")
    p.add_argument("--once", action="store_true",
                   help="refresh every scheduled source once under the lock, then exit (0 ok, 1 a source failed, 75 lock held)")
    p.set_defaults(handler=cmd_schedule)

    p = sub.add_parser("db", help="manage the store's schema")
    db = p.add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="run the store's migrations (also done on open)").set_defaults(handler=cmd_db_upgrade)
    return parser


def cmd_db_upgrade(args) -> int:
    from indicators.store import Store

    store = Store(upgrade=False)
    before = store.schema_version()
    after = store.upgrade()
    print(f"store {store.url}: schema {before or 'none'} -> {after}" if before != after
          else f"store {store.url}: schema {after} (up to date)")
    return 0


def cmd_refresh(args) -> int:
    from indicators.pipeline import refresh_and_check as refresh
    from indicators.store import Store

    store = Store()
    progress = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    names = args.source or list(sources.NAMES)
    if args.only_missing:
        names = [name for name in names if store.latest_vintage(name) is None]
        if not names:
            print("every source already has a vintage: nothing to load")
            return 0
    results = refresh(names, offline=args.offline, store=store, progress=progress)
    # Counts: what this refresh wrote (rows over all its new vintages); `indicators sources` names the vintages.
    print(f"{'source':<10} {'status':<9} {'rows':>7} {'vintages':>8} {'secs':>5}  detail")
    for r in results:
        print(f"{r.source:<10} {r.status:<9} {r.rows:>7,} {len(r.vintages):>8} {r.seconds:>5.1f}  {r.detail}")
    for r in results:
        for warning in r.warnings:
            print(f"warning: {r.source}: {warning}")
        for report in r.reports:
            if report["revised_count"] or report["dropped_count"]:
                print(f"revisions: {r.source} vintage {report['vintage']}: {report['revised_count']} value(s) revised, "
                      f"{report['added_count']} added, {report['dropped_count']} dropped")
                for item in report["revised"][:5]:
                    print(f"  {item['indicator']} {item['entity']} {item['period']}: {item['old']:.6g} -> {item['new']:.6g}"
                          + (f" ({item['change_pct']:+.1f}%)" if item["change_pct"] is not None else ""))
    reports = [rep for r in results for rep in r.reports]
    # Every report of one run carries the same verdict changes (claims are judged once per run).
    for change in (reports[0].get("verdicts_changed", []) if reports else []):
        print(f"verdict changed: {change['claim']}: {change['before']} -> {change['after']}")
    webhook = args.webhook or os.environ.get("INDICATORS_WEBHOOK_URL")
    if reports and (args.report or webhook):
        from indicators.notify import deliver

        deliver(reports, path=args.report, webhook=webhook)
    failed = [r for r in results if r.status == "failed"]
    return 1 if failed else 0


def load_advice(name: str) -> list[str]:
    """How to load a source, one command per line, from its source.yaml: `--offline` reads the bundled
    files it lists (`resources`), a plain refresh its live endpoint (`live`). Comtrade bundles
    nothing, so `refresh --offline` skips it: its advice is the live refresh alone."""
    from indicators import catalogue

    info = catalogue.source(name)
    lines = []
    if info.resources:
        lines.append(f"indicators refresh --source {name} --offline   (the bundled files"
                     + ("" if info.live else "; no live endpoint") + ")")
    if info.live:
        lines.append(f"indicators refresh --source {name}   (live from the publisher"
                     + ("" if info.resources else "; nothing is bundled: --offline skips it") + ")")
    return lines or ["nothing to load: no bundled files and no live endpoint"]


def cmd_sources(args) -> int:
    from indicators.store import Store

    store = Store()
    events = store.last_events()
    for name, module in sources.all_sources().items():
        meta = module.METADATA
        latest = store.latest_vintage(name)
        print(f"{name}: {meta.title}")
        print(f"  publisher: {meta.publisher}")
        print(f"  licence:   {meta.licence}")
        print(f"  url:       {meta.url}")
        print(f"  cadence:   {meta.cadence}; live endpoint: {'yes' if meta.live else 'no (bundled only)'}")
        if latest:
            print(f"  latest vintage: {latest.id} ({latest.mode}, {latest.rows:,} rows, retrieved {latest.retrieved_at}"
                  + (f", released {latest.release_date}" if latest.release_date else "") + ")")
        else:
            print("  latest vintage: none")
        for label, line in zip(["  load:     ", " " * 12], load_advice(name)):
            print(f"{label} {line}")
        error = events.get(name, {}).get("last_error")
        if error:
            print(f"  last error: {error['at']}: {error['detail']}")
    return 0


def cmd_status(args) -> int:
    from indicators.store import Store

    store = Store()
    series = store.indicators()  # one grouped query: the observations are never read into pandas
    print(f"store: {store.url}")
    if series.empty:
        print("empty: run `indicators refresh --offline` to load the bundled snapshot")
        return 0
    summary = series.groupby(["source", "dataset"]).agg(
        rows=("observations", "sum"), indicators=("indicator", "nunique"), first=("first_period", "min"),
        last=("last_period", "max"))
    print(summary.to_string())
    print(f"{int(series['observations'].sum())} observations from {len(store.vintages())} vintage(s)"
          + (" (read-only store)" if store.read_only else ""))
    return 0


def cmd_catalogue(args) -> int:
    from indicators import catalogue_view
    from indicators.store import Store

    store = Store()
    chosen = catalogue_view.entries(store, as_of=args.as_of, search=args.search)
    if args.format == "json":
        print(json.dumps([e.to_dict() for e in chosen], indent=2, ensure_ascii=False))
        return 0
    if not chosen:
        print(f"no series match {args.search!r}" if args.search
              else "the store is empty: run `indicators refresh --offline` to load the bundled snapshot")
        return 0
    print(catalogue_view.format_table(chosen))
    return 0


def claims_catalogue(store) -> dict[str, set[str]]:
    """Source name -> indicator names it knows (held in the store, or named in the source's metadata),
    for validating claims files. The claims engine does not import the source registry: the CLI on
    top hands it this catalogue, from the indicators the store holds (one grouped query) and each
    source.yaml (no source module is imported: their imports cost more than the check itself)."""
    from indicators import catalogue as series_catalogue

    held = store.indicators()
    return {name: set(held.loc[held["source"] == name, "indicator"])
            | set(series_catalogue.source(name).definitions)
            for name in sources.NAMES}


EMPTY_STORE = "the store is empty: run `indicators refresh --offline`"


def cmd_check(args) -> int:
    from indicators import articles, claims
    from indicators.store import Store

    store = Store()
    if not store.generation():  # no vintage: nothing to judge (not a claims-file problem)
        print(EMPTY_STORE, file=sys.stderr)
        return 1
    path = args.claims or (articles.get_article(args.article).claims_path if args.article else None)
    results = claims.check_all(store=store, as_of=args.as_of, path=path, catalogue=claims_catalogue(store))
    if args.format == "json":
        print(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
    else:
        print(claims.format_table(results))
    errors = [r for r in results if r.verdict == "error"]
    for result in errors:  # the other claims were judged above; the bad ones make the exit status non-zero
        print(f"indicators check: error: {result.explanation}", file=sys.stderr)
    return 1 if errors else 0


def cmd_articles(args) -> int:
    from indicators import articles, claims
    from indicators.store import Store

    store = Store()
    catalogue = claims_catalogue(store)
    for article in articles.load_articles():
        results = claims.check_article(store, article, as_of=args.as_of, compare=False, catalogue=catalogue)
        print(f"{article.slug}{'  (default)' if article.default else ''}")
        print(f"  {article.title}")
        print(f"  {article.author}, {article.outlet}, {article.published}{' (excerpt)' if article.excerpt else ''}")
        if article.url:
            print(f"  {article.url}")
        print(f"  {claims.verdict_counts_text(results)}")
    return 0


def cmd_claims(args) -> int:
    from indicators import claims
    from indicators.claims import matching

    documents = claims.article_claims()
    found = matching.find_matches(documents)
    if args.matches:
        if not found:
            print("no claim is stated in more than one article")
        for match in found:
            print(f"{match.key}  ({'; '.join(match.reasons)})")
            for appearance in match.appearances:
                print(f"  {appearance.ref}  {appearance.label}: “{appearance.quote}”")
        for line in matching.broken_links(documents):
            print(f"warning: same_as points at no claim: {line}")
        return 0
    for article, items in documents:
        print(f"{article.slug}: {len(items)} claim(s)")
        for claim in items:
            others = matching.other_appearances(found, article.slug, claim["id"])
            also = f"  (also stated in: {', '.join(a.label for a in others)})" if others else ""
            print(f"  {claim['id']:<40} {claim['check']:<11}{also}".rstrip())
    return 0


def cmd_spot(args) -> int:
    from pathlib import Path

    from indicators import spot
    from indicators.store import Store

    name = "stdin" if args.file == "-" else args.file
    if args.file == "-":
        data = sys.stdin.buffer.read(spot.MAX_BYTES + 1)
    else:
        with open(args.file, "rb") as handle:
            data = handle.read(spot.MAX_BYTES + 1)
    text = spot.read_input(data, name)
    candidates = spot.spot(text, store=Store(), published=args.published, as_of=args.as_of)
    if not candidates:
        print(f"{name}: no figures found" + (" (the file is empty)" if not text.strip() else ""), file=sys.stderr)
    for note in getattr(candidates, "notes", []):
        print(f"{name}: {note}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps([c.to_dict() for c in candidates], indent=2, ensure_ascii=False))
    elif args.format == "yaml":
        front, _ = spot.split_front_matter(text)
        meta = {k: str(front[k]) for k in ("title", "author", "outlet", "url", "published", "as_of") if front.get(k)}
        print(spot.draft_yaml(candidates, Path(name).name, meta or None), end="")
    else:
        print(spot.format_table(candidates))
    return 0


def cmd_serve(args) -> int:
    # The dashboard loads here, never at import: the other commands do not pay for Dash. The store is opened
    # first, so that one that cannot be read is a one-line error at once, before Dash and the pages load.
    from dashboard.unavailable import open_store

    store = open_store()  # a store that cannot be read is a one-line error here, not a server of blank pages
    from dashboard.app import create_app

    app = create_app(store)
    app.run(host=args.host, port=args.port, debug=False)
    return 0


def cmd_export(args) -> int:
    if args.claimreview:
        return cmd_export_claimreview(args)
    from indicators import export

    paths = export.export_figures(args.figure, args.all, args.format, args.out, as_of=args.as_of, currency=args.currency,
                                  self_contained=args.self_contained)
    for path in paths:
        print(path)
    if args.format == "html" and paths and not args.self_contained:
        print(f"the HTML files load {paths[0].parent / export.PLOTLY_JS} (keep it beside them; "
              "--self-contained inlines plotly.js in each file)", file=sys.stderr)
    return 0


def cmd_export_claimreview(args) -> int:
    from pathlib import Path

    from indicators import articles, claimreview, claims
    from indicators.store import Store

    store = Store()
    chosen = [articles.get_article(args.article)] if args.article else articles.load_articles()
    reviews = []
    for warning in claimreview.publishing_warnings(args.base_url):
        print(f"indicators export: warning: {warning}", file=sys.stderr)
    for article in chosen:
        results = claims.check_article(store, article, as_of=args.as_of, compare=False)
        reviews += claimreview.claim_reviews(article, results, base_url=args.base_url)
    out = Path("claimreview.jsonld" if args.out == "figures" else args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(reviews, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out} ({len(reviews)} ClaimReview object(s) from {len(chosen)} article(s))")
    return 0


def cmd_report(args) -> int:
    from indicators import articles, claimreview, report

    if not args.out.lower().endswith((".md", ".markdown")):  # the HTML report embeds ClaimReview JSON-LD
        for warning in claimreview.publishing_warnings(args.base_url):
            print(f"indicators report: warning: {warning}", file=sys.stderr)
    try:
        path = report.write_report(args.out, as_of=args.as_of, article_slug=args.article, base_url=args.base_url)
    except articles.ArticleError as exc:
        print(f"indicators report: {exc}", file=sys.stderr)
        return 2
    print(path)
    return 0


def cmd_schedule(args) -> int:
    from indicators import schedule

    return schedule.run(once=args.once)


def console() -> None:
    """The `indicators` program (console script and `python -m indicators.cli`): main(), then, after a
    brief command, the process ends without tearing the interpreter down. Freeing the half a million
    objects of pandas, SQLAlchemy and pydantic one by one costs about 0.2 s of CPU that the operating
    system does at once; those commands write no file and leave no thread, so no exit handler is missed.
    The output is flushed first. (A caller inside another process calls main(), which always returns.)"""
    code = main()
    if sys.argv[1:2] and sys.argv[1] in BRIEF_COMMANDS:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # e.g. the reader of a pipe went away: the ordinary exit reports it as before
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    console()
