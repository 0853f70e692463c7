"""Reading built pages: the article's links and text, as a reader would meet them."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path


def _href(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
    """Where a link goes: an HTML `a`'s href, or an SVG link's (the diagram's
    boxes use `xlink:href`)."""
    if tag != "a":
        return None
    values = dict(attrs)
    return values.get("href") or values.get("xlink:href")


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth:
            href = _href(tag, attrs)
            if href and not href.startswith("#"):
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def article(site: Path, page: str) -> _Article:
    parser = _Article()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser


def article_text(site: Path, page: str) -> str:
    return " ".join(" ".join(article(site, page).text).split())


def resolve(site: Path, page: str, href: str) -> tuple[str, str] | None:
    """(file, anchor) that a link on `page` opens, e.g. `remedies/x/index.html`; None
    for a link that leaves the site."""
    if "://" in href or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    path, _, anchor = href.partition("#")
    if not path:
        return page, anchor
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or (site / target).is_dir():
        target = "index.html" if target == "." else posixpath.join(target, "index.html")
    return target, anchor


def links_to(site: Path, page: str) -> set[str]:
    """The site-relative pages the article of `page` links to, e.g. `remedies/x/index.html`."""
    found = (resolve(site, page, href) for href in article(site, page).links)
    return {target for target, _ in filter(None, found)}


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        href = _href(tag, attrs)
        if href:
            self.hrefs.append(href)


def broken_links(site: Path) -> list[str]:
    """Every link in the built site whose page or anchor does not exist, as `page -> href`."""
    parsed: dict[str, _Anchors] = {}

    def load(page: str) -> _Anchors | None:
        if page not in parsed:
            path = site / page
            if not path.is_file():
                return None
            p = _Anchors()
            p.feed(path.read_text(encoding="utf-8"))
            parsed[page] = p
        return parsed[page]

    broken = []
    # 404.html is served at any path, so the theme gives it root-relative links.
    pages = sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"
    )
    for page in pages:
        source = load(page)
        assert source is not None
        for href in source.hrefs:
            resolved = resolve(site, page, href)
            if resolved is None:
                continue
            target, anchor = resolved
            found = load(target)
            if found is None or (anchor and anchor not in found.ids):
                broken.append(f"{page} -> {href}")
    return broken
