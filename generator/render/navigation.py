"""The MkDocs navigation for the generated pages, and the addresses they take."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.render.addresses import HOME, page_url
from generator.render.pages import Page
from generator.schema import KINDS

LARGE_SITE_ABOVE = 1_000
"""A site with more record pages (symptoms, causes, remedies) than this is
*large*: what a visitor downloads before they search or move on would grow
with it, so its search index keeps each record page's title and summary only
(`search.summary_index`), and the theme's instant navigation is off: that
downloads the sitemap, a line per page, on every visitor's first page (24 KB
gzipped at 5,000 causes, several times that with the other languages'
addresses in it), to spare later pages a reload of the theme's cached files.
The plugin's `large_site_above` sets another limit for a site."""


def is_large(record_pages: int, above: int = LARGE_SITE_ABOVE) -> bool:
    """Whether a site with this many record pages is large (`LARGE_SITE_ABOVE`)."""
    return record_pages > above


NAV_LIMIT = 30
"""A section lists its pages in the navigation up to this many; beyond it, only
its index page. The theme repeats the navigation in every page, so a full one
makes the output grow with the square of the page count."""


@dataclass(frozen=True)
class Nav:
    entries: list[Any]
    """MkDocs `nav`."""
    hidden: frozenset[str]
    """Generated pages left out of the navigation: records their section's index
    lists, and the guided check's later parts, which its answers lead to."""


def nav(pages: Sequence[Page], extra: Sequence[str] = (), limit: int = NAV_LIMIT) -> Nav:
    """The navigation for the generated pages, then the hand-written pages at `extra` paths.

    One section per kind, its index page first. Titles are HTML-escaped
    because the theme prints them as they are.
    """

    def entry(page: Page) -> dict[str, str]:
        # MkDocs gives a page its nav title, so the home page's long heading
        # lives in the page itself and the navigation says "Home".
        return {"Home" if page.path == HOME else html.escape(page.title): page.path}

    sections: dict[str, list[Page]] = {}
    order: list[str | Page] = []
    hidden: set[str] = set()
    for page in pages:
        if not page.listed:
            hidden.add(page.path)
            continue
        if page.section is None:
            order.append(page)
            continue
        if page.section not in sections:
            sections[page.section] = []
            order.append(page.section)
        sections[page.section].append(page)
    entries: list[Any] = []
    for item in order:
        if isinstance(item, Page):
            entries.append(entry(item))
            continue
        members = sections[item]
        if len(members) - 1 > limit:  # the index page, then the records
            hidden.update(p.path for p in members[1:])
            members = members[:1]
        entries.append({KINDS[item].section: [entry(p) for p in members]})
    entries.extend(extra)
    return Nav(entries, frozenset(hidden))


def clashes(
    pages: Sequence[Page], handwritten: Sequence[str], directory_urls: bool
) -> list[tuple[str, Page]]:
    """Hand-written pages (docs paths) that would land at a generated page's address,
    each with that page. MkDocs would keep one of the two without a word."""
    taken = {page_url(page.path, directory_urls): page for page in pages}
    return [
        (path, taken[url])
        for path in handwritten
        if (url := page_url(path, directory_urls)) in taken
    ]
