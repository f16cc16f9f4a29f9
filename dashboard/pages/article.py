"""`/article/<slug>` — one article's scorecard (deep-linkable; same as-of and currency state as `/`)."""

from __future__ import annotations

import dash

from dashboard.pages import scorecard

dash.register_page(__name__, path_template="/article/<slug>", name="Article", order=4, page_key="article",
                   title="Article scorecard")


def layout(slug: str | None = None, **query):
    """The scorecard of the article named in the path (an unknown slug says so and lists the known ones)."""
    return scorecard.article_layout(slug, **query)
