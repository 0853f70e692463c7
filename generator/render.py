"""Stage 4, render: the linked site -> Markdown pages, through Jinja2 templates.

Pages are Markdown so that MkDocs builds them like any other page, but every
piece of content inside them is HTML made here: plain text escaped by Jinja's
autoescape, Markdown fields rendered by `markup`. The page's own Markdown
processing then passes those blocks through untouched, so content is never
parsed twice and the site's Markdown extensions never see it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup as Safe

from generator.diagram import tree_svg
from generator.link import Site, Tree
from generator.markup import INTERNAL_KINDS, Markup, Resolver
from generator.schema import VERDICT, Cause, Record, Symptom

TEMPLATES = Path(__file__).parent / "templates"
CHECK = "check.md"
CHECK_MAP = "check/map.md"
VERDICT_LABELS = dict(VERDICT.labels)


@dataclass(frozen=True)
class Page:
    """A generated page."""

    path: str
    """Where it pretends to live in the docs folder, e.g. `causes/wrong-login-data.md`."""
    title: str
    """Plain text, for the navigation."""
    markdown: str
    source: str | None
    """The dataset file it was made from (for "Edit this page"), if any."""


@dataclass(frozen=True)
class Options:
    directory_urls: bool = True
    """MkDocs' `use_directory_urls`: `causes/x/` rather than `causes/x.html`."""


def page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page at docs path `path`, relative to the site root."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index")
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(from_path: str, to_path: str, directory_urls: bool, anchor: str = "") -> str:
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
    return rel + (f"#{anchor}" if anchor else "")


def record_path(kind: str, record_id: str) -> str:
    return f"{kind}/{record_id}.md"


def resolver(from_path: str | None, directory_urls: bool, root: str = "/") -> Resolver:
    """How internal links (`[text](cause:ID)`) in content Markdown become URLs on
    the page at docs path `from_path`: relative to it, as every link of the site is.

    The one rule for every page and the footer. `from_path` None is a page that
    is served at any address (404.html): its links start from the site's `root`."""
    if from_path is None:
        return lambda kind, record_id: root + page_url(record_path(kind, record_id), directory_urls)
    return lambda kind, record_id: record_url(from_path, kind, record_id, directory_urls)


def record_url(from_path: str, kind: str, record_id: str, directory_urls: bool) -> str:
    """The link from the page at `from_path` to a record's page."""
    return relative_url(from_path, record_path(kind, record_id), directory_urls)


UNRESOLVED_LINK = re.compile(f'href="((?:{"|".join(INTERNAL_KINDS)}):[^"]*)"')
"""An internal link left as written in the HTML of a built page."""


def resolve_links(html_text: str, resolve: Resolver, known: Callable[[str, str], bool]) -> str:
    """Internal links in already-rendered HTML (a hand-written page's) made into
    URLs by `resolve`, where `known(folder, id)` says the record exists; others stay."""

    def one(match: re.Match[str]) -> str:
        scheme, _, record_id = match.group(1).partition(":")
        folder = INTERNAL_KINDS[scheme]
        if not known(folder, record_id):
            return match.group(0)
        return f'href="{html.escape(resolve(folder, record_id))}"'

    return UNRESOLVED_LINK.sub(one, html_text)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one render; the templates do not change under it
    )
    env.filters["front_matter"] = _front_matter
    env.filters["json_attr"] = json_for_attribute
    env.filters["yaml_value"] = _yaml_value
    return env


def _front_matter(value: str) -> Safe:
    """A YAML string for the page's front matter, HTML-escaped.

    MkDocs and the theme print `page.title` without escaping, so the escaping
    happens here, once; JSON is valid YAML, and keeps the value on one line.
    """
    return Safe(json.dumps(html.escape(value)))


PAGE_META_NAMES = frozenset({"template", "icon"})
"""Front-matter keys whose values the theme uses as file names, never prints."""


def escape_page_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A hand-written page's front matter with every text in it HTML-escaped, as
    the generator escapes its own (see `_front_matter`).

    The theme prints front-matter values into the HTML as they are, and some of
    them into every other page too (`title` and `subtitle` in the navigation,
    `status` in a class name), so the page body's trust does not extend to them.
    """
    return {
        key: value if key in PAGE_META_NAMES else _escape_texts(value)
        for key, value in meta.items()
    }


def _escape_texts(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escape_texts(item) for item in value]
    if isinstance(value, dict):
        return {key: _escape_texts(item) for key, item in value.items()}
    return value


def _yaml_value(value: Any) -> Safe:
    """Any JSON value as front matter: ASCII JSON is valid YAML, on one line."""
    return Safe(json.dumps(value))


def json_for_attribute(value: Any) -> str:
    """JSON as plain text: autoescape then escapes it for the attribute it lands in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class _Renderer:
    def __init__(self, site: Site, options: Options) -> None:
        self.site = site
        self.options = options
        self.env = environment()
        self.env.globals.update(site=site, info=site.info, url=self.url, verdicts=VERDICT_LABELS)
        # Filters rather than functions for what every page does many times:
        # Jinja calls a filter directly, a function through a slower generic path.
        self.env.filters.update(
            md=self.md,
            md_inline=self.md_inline,
            href=self.href,
            verdict=self.verdict,
            cause=site.cause,
            remedy=site.remedy,
            symptom=site.symptom,
        )
        badge = self.env.get_template("_macros.j2").module.verdict_badge  # type: ignore[attr-defined]
        self.badges = {verdict: Safe(badge(verdict)) for verdict in VERDICT_LABELS}
        self.markup = Markup()
        self.current = "index.md"

    # Helpers the templates call; each links relative to the page being rendered.
    def url(self, kind: str, record_id: str = "", anchor: str = "") -> str:
        target = record_path(kind, record_id) if record_id else f"{kind}.md"
        if kind in SECTIONS and not record_id:
            target = f"{kind}/index.md"
        if kind == "home":
            target = "index.md"
        return relative_url(self.current, target, self.options.directory_urls, anchor)

    def href(self, record: Record) -> str:
        """The URL of a symptom's, cause's or remedy's page."""
        return self.url(record.kind, record.id)

    def verdict(self, cause: Cause) -> Safe:
        """The cause's recoverability as a badge."""
        return self.badges[cause.recoverability.verdict]

    def md(self, text: str) -> Safe:
        return Safe(self.markup.render(text, self._resolve).html)

    def md_inline(self, text: str) -> Safe:
        return Safe(self.markup.inline(text, self._resolve))

    def _resolve(self, kind: str, record_id: str) -> str:
        return record_url(self.current, kind, record_id, self.options.directory_urls)

    def page(self, template: str, path: str, title: str, source: str | None, **ctx: Any) -> Page:
        self.current = path
        meta = {"breadcrumbs": self.breadcrumbs(path, title), **ctx.pop("meta", {})}
        text = self.env.get_template(template).render(title=title, meta=meta, **ctx)
        return Page(path, title, text, source)

    def breadcrumbs(self, path: str, title: str) -> list[tuple[str, str]]:
        """(name, URL from the site root) from the home page down to `path`, for
        the BreadcrumbList structured data; empty for the home page itself."""
        if path == "index.md":
            return []
        trail = [("Home", "")]
        folder = path.split("/")[0].removesuffix(".md")
        urls = self.options.directory_urls
        if folder in SECTIONS:
            trail.append((SECTIONS[folder], page_url(f"{folder}/index.md", urls)))
        elif folder == "check" and path != CHECK:
            trail.append(("Guided check", page_url(CHECK, urls)))
        if not path.endswith("/index.md"):
            trail.append((title, page_url(path, urls)))
        return trail


def render(site: Site, options: Options | None = None) -> tuple[Page, ...]:
    """Every generated page of the site, in navigation order."""
    r = _Renderer(site, options or Options())
    pages: list[Page] = [
        r.page("home.md.j2", "index.md", site.info.title, site.info.pos.path),
    ]
    pages.append(r.page("symptoms.md.j2", "symptoms/index.md", "All symptoms", None))
    for s in site.symptoms:
        path = record_path("symptoms", s.id)
        meta = {"faq": faq(site, s)}
        pages.append(r.page("symptom.md.j2", path, s.title, s.pos.path, symptom=s, meta=meta))
    pages.append(r.page("causes.md.j2", "causes/index.md", "All causes at a glance", None))
    for c in site.causes:
        pages.append(
            r.page("cause.md.j2", record_path("causes", c.id), c.title, c.pos.path, cause=c)
        )
    pages.append(r.page("remedies.md.j2", "remedies/index.md", "All remedies", None))
    for m in site.remedies:
        pages.append(
            r.page("remedy.md.j2", record_path("remedies", m.id), m.title, m.pos.path, remedy=m)
        )
    if site.check is not None:
        start = site.check.steps[0].question.pos.path
        pages.insert(
            1,
            r.page("check.md.j2", CHECK, "Guided check", start, tree_json=tree_json(site.check)),
        )
        r.current = CHECK_MAP
        links = {
            **{
                f"q-{s.question.id}": r.url("check", anchor=f"q-{s.question.id}")
                for s in site.check.steps
            },
            **{f"o-{cid}": r.url("causes", cid) for cid in site.check.outcomes},
        }
        pages.insert(
            2,
            r.page(
                "check-map.md.j2",
                CHECK_MAP,
                "The guided check as a diagram",
                start,
                svg=Safe(tree_svg(site, links)),
            ),
        )
    return tuple(pages)


def robots_txt(site_url: str) -> str:
    """The site's robots.txt, pointing crawlers at the sitemap under `site_url`
    (MkDocs' `site_url`, which MkDocs makes end with `/`)."""
    return environment().get_template("robots.txt.j2").render(site_url=site_url)


def faq(site: Site, symptom: Symptom) -> list[tuple[str, str]]:
    """Questions and plain-text answers for the symptom page's FAQPage structured data."""
    causes = [site.cause(ref.id) for ref in symptom.causes]
    message = symptom.messages[0]
    out = [(f"What does \u201c{message}\u201d mean?", f"{symptom.summary} {symptom.meaning}")]
    if symptom.still_works:
        out.append(("What can I still do?", " ".join(symptom.still_works)))
    out.append(("Why does it happen?", " ".join(f"{c.title}: {c.summary}" for c in causes)))
    out.append(
        (
            site.info.recovery_question,
            " ".join(
                f"{c.title}: {VERDICT_LABELS[c.recoverability.verdict]}. {c.recoverability.reason}"
                for c in causes
            ),
        )
    )
    return out


def tree_json(tree: Tree) -> dict[str, Any]:
    """What the widget needs of the tree: where each answer leads, by section id.

    Every text stays in the page's HTML, where it is escaped like any other.
    """
    questions: dict[str, Any] = {}
    for step in tree.steps:
        targets = [("q-" if t.kind == "questions" else "o-") + t.id for t in step.targets]
        entry: dict[str, Any] = {"a": targets}
        if step.question.share is not None:
            entry["t"] = step.question.share.threshold
        questions[step.question.id] = entry
    return {"start": tree.start, "q": questions}


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


NAV_LIMIT = 30
"""A section lists its pages in the navigation up to this many; beyond it, only
its index page. The theme repeats the navigation in every page, so a full one
makes the output grow with the square of the page count."""


@dataclass(frozen=True)
class Nav:
    entries: list[Any]
    """MkDocs `nav`."""
    hidden: frozenset[str]
    """Generated pages left out of the navigation; their section's index lists them."""


def nav(pages: Sequence[Page], extra: Sequence[str] = (), limit: int = NAV_LIMIT) -> Nav:
    """The navigation for the generated pages, then the hand-written pages at `extra` paths.

    One section per kind, its index page first. Titles are HTML-escaped
    because the theme prints them as they are.
    """

    def entry(page: Page) -> dict[str, str]:
        # MkDocs gives a page its nav title, so the home page's long heading
        # lives in the page itself and the navigation says "Home".
        return {"Home" if page.path == "index.md" else html.escape(page.title): page.path}

    sections: dict[str, list[Page]] = {}
    order: list[str | Page] = []
    for page in pages:
        folder = page.path.split("/")[0].removesuffix(".md")
        if folder in SECTIONS:
            if folder not in sections:
                sections[folder] = []
                order.append(folder)
            sections[folder].append(page)
        else:
            order.append(page)
    entries: list[Any] = []
    hidden: set[str] = set()
    for item in order:
        if isinstance(item, Page):
            entries.append(entry(item))
            continue
        members = sections[item]
        if len(members) - 1 > limit:  # the index page, then the records
            hidden.update(p.path for p in members[1:])
            members = members[:1]
        entries.append({SECTIONS[item]: [entry(p) for p in members]})
    entries.extend(extra)
    return Nav(entries, frozenset(hidden))


SECTIONS = {
    "symptoms": "What you see",
    "causes": "Causes",
    "remedies": "Remedies",
}
"""Navigation section titles by the first part of a generated page's path."""
