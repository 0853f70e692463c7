"""Where every generated page lives, and how pages link to each other.

Pages are named by their docs path (`causes/wrong-login-data.md`, as MkDocs
names pages); MkDocs turns that into the address (`causes/wrong-login-data/`,
or `.html` without directory URLs). Every link the generator writes is
relative, so the same pages work on any host and from `file://`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.schema import SCHEMES, Ref

Resolver = Callable[[str, str], str]
"""(folder, id) -> the URL of that record's page, from the page being built."""

HOME = "index.md"
CHECK = "check.md"
"""The guided check."""
CHECK_MAP = "check/map.md"
"""The guided check drawn as a diagram."""

QUESTION_ANCHOR = "q-"
OUTCOME_ANCHOR = "o-"
"""The guided check's sections are `#q-<question id>` and `#o-<cause id>`: the
page and its diagram link to them, and the widget reads them from the page."""


@dataclass(frozen=True)
class Options:
    directory_urls: bool = True
    """MkDocs' `use_directory_urls`: `causes/x/` rather than `causes/x.html`."""
    site_url: str = ""
    """Where the site is published (MkDocs' `site_url`, ending in `/`), if known."""
    reports: str = ""
    """Where visitors' reports go: the address of a new issue on the site's
    repository (`https://github.com/OWNER/REPO/issues/new`), if it has one."""
    language: str = "en"
    """The language of the pages: the generator's words and dates in it."""


def record_path(kind: str, record_id: str) -> str:
    """The docs path of a record's page: `<folder>/<id>.md`."""
    return f"{kind}/{record_id}.md"


def index_path(kind: str) -> str:
    """The docs path of a section's overview page: `<folder>/index.md`."""
    return f"{kind}/index.md"


def anchor(target: Ref) -> str:
    """The guided check's section for where an answer leads."""
    prefix = QUESTION_ANCHOR if target.kind == "questions" else OUTCOME_ANCHOR
    return prefix + target.id


def page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page at docs path `path`, relative to the site root."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index")
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(from_path: str, to_path: str, directory_urls: bool, fragment: str = "") -> str:
    """A link from the page at `from_path` to the page at `to_path` (docs paths).

    Plain string work on clean relative paths: posixpath.relpath asks the
    operating system for the current folder on every call, and this runs for
    every link of every page.
    """
    here = page_url(from_path, directory_urls)
    there = page_url(to_path, directory_urls)
    folder = here.rstrip("/") if here.endswith("/") else here.rpartition("/")[0]
    start = folder.split("/") if folder else []
    target = there.rstrip("/").split("/") if there.rstrip("/") else []
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    rel = "/".join(parts)
    if there.endswith("/") or there == "":
        rel = rel + "/" if rel else "./"
    return rel + (f"#{fragment}" if fragment else "")


def record_url(from_path: str, kind: str, record_id: str, directory_urls: bool) -> str:
    """The link from the page at `from_path` to a record's page."""
    return relative_url(from_path, record_path(kind, record_id), directory_urls)


def resolver(from_path: str | None, directory_urls: bool, root: str = "/") -> Resolver:
    """How internal links (`[text](cause:ID)`) in content Markdown become URLs on
    the page at docs path `from_path`: relative to it, as every link of the site is.

    The one rule for every page and the footer. `from_path` None is a page that
    is served at any address (404.html): its links start from the site's `root`."""
    if from_path is None:
        return lambda kind, record_id: root + page_url(record_path(kind, record_id), directory_urls)
    return lambda kind, record_id: record_url(from_path, kind, record_id, directory_urls)


UNRESOLVED_LINK = re.compile(f'href="((?:{"|".join(SCHEMES)}):[^"]*)"')
"""An internal link left as written in the HTML of a built page."""


def resolve_links(html_text: str, resolve: Resolver, known: Callable[[str, str], bool]) -> str:
    """Internal links in already-rendered HTML (a hand-written page's) made into
    URLs by `resolve`, where `known(folder, id)` says the record exists; others stay."""

    def one(match: re.Match[str]) -> str:
        scheme, _, record_id = match.group(1).partition(":")
        folder = SCHEMES[scheme].folder
        if not known(folder, record_id):
            return match.group(0)
        return f'href="{html.escape(resolve(folder, record_id))}"'

    return UNRESOLVED_LINK.sub(one, html_text)


@dataclass(frozen=True)
class Sites:
    """The site's languages: the dataset's at the top, each translation under
    `<code>/`, with the same page addresses below it."""

    default: str
    """The dataset's language, at the site's root."""
    current: str
    """The language this build makes."""
    codes: tuple[str, ...]
    """Every language, the default first."""
    root: str
    """Where the default language is published (`site_url`), or "" if unknown."""

    def prefix(self, code: str) -> str:
        return "" if code == self.default else f"{code}/"

    def links(self, url: str) -> list[tuple[str, str]]:
        """(language, link) from the page at `url` (as MkDocs gives it, relative to
        the current language's root) to the same page in every language."""
        up = url.count("/") + (0 if self.current == self.default else 1)
        return [(code, "../" * up + self.prefix(code) + url or "./") for code in self.codes]

    def absolute(self, url: str) -> list[tuple[str, str]]:
        """(language, address) of the page at `url` in every language, for hreflang."""
        return [(code, self.root + self.prefix(code) + url) for code in self.codes]
