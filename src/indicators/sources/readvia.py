"""Where a figure was read: the frame's `read_via`, "" when the page is the publisher's own.

Many bundled figures were typed from reprints (a law firm's blog, a news site, a document-sharing
site) rather than from the publisher's release. `read_via` names the site the `source_url` opens,
so a link's text can say "WIPO, read via natlawreview.com" instead of implying WIPO's own page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from indicators.frame import UNLINKED


def site(url: str) -> str:
    """The host a URL opens, without a leading 'www.' ('' when the text is not an http(s) URL)."""
    text = url.strip()
    if not text.lower().startswith(("http://", "https://")):
        return ""
    host = (urlsplit(text).hostname or "").rstrip(".").lower()
    return host.removeprefix("www.")


def read_via(url: str, own_domains: tuple[str, ...] | list[str]) -> str:
    """"" when `url` is on one of the publisher's own domains (or a subdomain), else the site's host;
    UNLINKED when there is no URL at all."""
    host = site(url)
    if not host:
        return UNLINKED
    if any(host == d or host.endswith("." + d) for d in own_domains):
        return ""
    return host


def mirror(url: str, own_domains: tuple[str, ...] | list[str]) -> str:
    """read_via of a live download: "" from the publisher's own host, else the mirror's host
    (INDICATORS_*_URL pointed elsewhere). Unlike `read_via`, a URL-less payload counts as primary."""
    via = read_via(url, own_domains)
    return "" if via == UNLINKED else via
