"""Stage 4, render: the guide -> Markdown pages, through Jinja2 templates.

Pages are Markdown so that MkDocs builds them like any other page, but every
piece of content inside them is HTML made here: plain text escaped by Jinja's
autoescape, Markdown fields rendered by `markup`. The page's own Markdown
processing then passes those blocks through untouched, so content is never
parsed twice and the site's Markdown extensions never see it.

Which pages a guide makes, with their titles and descriptions, is the table
below (`LISTINGS`) and the kinds of record with pages (`schema.KINDS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from babel.dates import format_date
from markupsafe import Markup as Safe

from generator.i18n import DEFAULT, N_, catalog, direction, language_name_in, locale
from generator.link import Guide
from generator.markup import Markup
from generator.render.addresses import (
    CHECK,
    CHECK_MAP,
    HOME,
    Options,
    anchor,
    index_path,
    page_url,
    record_path,
    record_url,
    relative_url,
)
from generator.render.diagram import DIAGRAM_TITLE, flow_svg
from generator.render.frontmatter import front_matter, yaml_value
from generator.render.parts import Part, Parts, split
from generator.render.structured import faq
from generator.render.templates import environment
from generator.render.widget import flow_json, json_for_attribute, questions_ahead
from generator.schema import KINDS, VERDICT, Cause, Kind, Record, Ref
from generator.translations import English


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
    section: str | None = None
    """The kind of record (folder) whose navigation section lists it, if any."""
    reviewed: date | None = None
    """When its facts were last checked against their sources: its record's day,
    or for a page that shows many records, the latest of theirs (the sitemap's
    `lastmod`)."""
    listed: bool = True
    """Whether the navigation lists it: not the guided check's later parts, which
    are reached through its answers."""


@dataclass(frozen=True)
class Listing:
    """A page the site makes once, not once per record."""

    path: str
    template: str
    title: str
    description: str


GUIDED_CHECK = Listing(
    CHECK,
    "check.md.j2",
    N_("Guided check"),
    N_("Answer a few questions to find the likely cause and what to do about it."),
)
GUIDED_CHECK_MAP = Listing(
    CHECK_MAP,
    "check-map.md.j2",
    N_("The guided check as a diagram"),
    N_("Every question of the guided check, its answers, and the causes they lead to."),
)
LISTINGS = {listing.path: listing for listing in (GUIDED_CHECK, GUIDED_CHECK_MAP)}
"""The pages made once per site besides the home page (whose title and
description are the site settings') and the sections' overview pages (see
`schema.Kind`)."""

REPORT_FORM = "report.yml"
"""The repository's issue form for visitors' reports (`.github/ISSUE_TEMPLATE/`)."""


HOME_LIMIT = 12
"""The home page lists at most this many causes and symptoms, in the dataset's
order (editors put the likeliest first), and links the overview pages for the
rest: a visitor's first page stays the same size whatever the dataset's."""


def format_day(day: date, language: str) -> str:
    """A day as readers of the page write it."""
    return format_date(day, "long", locale=locale(language))


FIXED = {
    "home": HOME,
    "check": CHECK,
    "check_map": CHECK_MAP,
    **{folder: index_path(folder) for folder, kind in KINDS.items() if kind.section},
}
"""Pages templates link to by name: `{{ pages.check | link }}`."""


def render(guide: Guide, options: Options | None = None) -> tuple[Page, ...]:
    """Every generated page of the guide, in navigation order: the home page,
    the guided check and its diagram, then each kind's overview and records."""
    r = _Renderer(guide, options or Options())
    settings = guide.settings
    pages = [
        r.page(
            "home.md.j2",
            HOME,
            settings.title,
            settings.summary,
            settings.pos.path,
            trail=[],
            limit=HOME_LIMIT,
        )
    ]
    if guide.flow is not None:
        source = guide.flow.questions[0].pos.path
        check_trail = [(r.gettext(GUIDED_CHECK.title), CHECK)]
        parts = split(guide.flow)
        ahead = questions_ahead(guide.flow)
        original_request = _original_request(guide)
        for i, part in enumerate(parts.parts):
            pages.append(
                r.listing(
                    GUIDED_CHECK,
                    source,
                    check_trail,
                    path=part.path,
                    listed=i == 0,
                    questions=part.questions,
                    outcomes=part.outcomes,
                    hrefs=_answer_links(parts, part, r.options),
                    flow=flow_json(guide, parts, part, ahead, r.options.directory_urls),
                    most=ahead[guide.flow.questions[0].ref],
                    original_request=original_request,
                )
            )
        diagram_links = _diagram_links(parts, r.options)
        pages.append(
            r.listing(
                GUIDED_CHECK_MAP,
                source,
                [*check_trail, (r.gettext(GUIDED_CHECK_MAP.title), CHECK_MAP)],
                svg=Safe(flow_svg(guide, diagram_links, r.gettext(DIAGRAM_TITLE))),
                questions={q.ref: q for q in guide.flow.questions},
                links=diagram_links,
            )
        )
    for kind in KINDS.values():
        if kind.section is None:
            continue
        index = index_path(kind.folder)
        trail = [(r.gettext(kind.section), index)]
        pages.append(
            r.page(
                f"{kind.folder}.md.j2",
                index,
                r.gettext(kind.index_title),
                r.gettext(kind.index_description),
                None,
                trail,
                section=kind.folder,
            )
        )
        for record in _records(guide, kind):
            pages.append(r.record(kind, record, trail))
    return tuple(pages)


def _original_request(guide: Guide) -> dict[str, Any] | None:
    """For a translation, the request for support in the dataset's own language
    too: its name in the page's language, its words and the facts it asks for."""
    original = guide.original
    if original is None or original.settings.request is None:
        return None
    return {
        "name": language_name_in(original.language, guide.language),
        "gettext": catalog(original.language).gettext,
        "facts": original.settings.request.facts,
    }


def _records(guide: Guide, kind: Kind) -> tuple[Any, ...]:
    records: tuple[Any, ...] = getattr(guide, kind.folder)
    return records


def _diagram_links(parts: Parts, options: Options) -> dict[Ref, str]:
    """Where each box of the diagram leads: its section of the check, on the part
    that owns it, where the visitor carries on from there (an outcome links on to
    its cause page)."""
    urls = options.directory_urls
    return {
        ref: relative_url(CHECK_MAP, path, urls, anchor(ref)) for ref, path in parts.owner.items()
    }


def _answer_links(parts: Parts, part: Part, options: Options) -> dict[Ref, str]:
    """Where each answer on `part`'s page leads: its section on this page, or on
    the part that owns it."""
    shown = parts.shows(part)
    links = {}
    for question in part.questions:
        for answer in question.choices:
            target = answer.target
            links[target] = (
                f"#{anchor(target)}"
                if target in shown
                else relative_url(
                    part.path, parts.owner[target], options.directory_urls, anchor(target)
                )
            )
    return links


class _Renderer:
    """The templates with what they need of one guide. Which page is being
    rendered is passed with each page's context, never kept here."""

    def __init__(self, guide: Guide, options: Options) -> None:
        self.guide = guide
        self.options = options
        self.markup = Markup()
        words = catalog(options.language)
        self.gettext = words.gettext
        env = environment(words)
        verdicts = {
            verdict: self.gettext(guide.settings.verdict_label(verdict))
            for verdict in VERDICT.values
        }
        env.globals.update(
            guide=guide,
            settings=guide.settings,
            verdicts=verdicts,
            pages=FIXED,
            default_language=DEFAULT,
            reports=bool(options.reports or guide.settings.report_email),
        )
        # Filters rather than functions for what every page does many times:
        # Jinja calls a filter directly, a function through a slower generic path.
        env.filters.update(
            md=self.md,
            md_inline=self.md_inline,
            href=self.href,
            link=self.link,
            anchor=anchor,
            verdict=self.verdict,
            cause=guide.cause,
            remedy=guide.remedy,
            symptom=guide.symptom,
            source=guide.source,
            date=lambda day: format_day(day, options.language),
            # For the dataset's own words that have a default in the catalogs.
            translated=self.gettext,
            direction=direction,
            # A message in the reader's language first: theirs is what they saw. One
            # without a language is in the dataset's.
            own_first=lambda messages: sorted(
                messages, key=lambda m: (m.language or DEFAULT) != guide.language
            ),
            report=self.report,
            report_mail=self.report_mail,
            front_matter=front_matter,
            yaml_value=yaml_value,
            json_attr=json_for_attribute,
        )
        self.env = env
        badge = env.get_template("_macros.j2").module.verdict_badge  # type: ignore[attr-defined]
        self.badges = {verdict: Safe(badge(verdict)) for verdict in verdicts}

    # Filters; each links relative to the page being rendered (`path` in its context).
    @jinja2.pass_context
    def link(self, context: jinja2.runtime.Context, path: str, fragment: str = "") -> str:
        """The URL of the page at docs path `path`."""
        return relative_url(context["path"], path, self.options.directory_urls, fragment)

    @jinja2.pass_context
    def href(self, context: jinja2.runtime.Context, record: Record) -> str:
        """The URL of a symptom's, cause's or remedy's page."""
        return record_url(
            context["path"], record.kind.folder, record.id, self.options.directory_urls
        )

    @jinja2.pass_context
    def md(self, context: jinja2.runtime.Context, text: str) -> Safe:
        html = self.markup.render(text, self._resolver(context)).html
        return Safe(
            f'<div lang="en" dir="ltr" class="hs-en">{html}</div>'
            if isinstance(text, English)
            else html
        )

    @jinja2.pass_context
    def md_inline(self, context: jinja2.runtime.Context, text: str) -> Safe:
        html = self.markup.inline(text, self._resolver(context))
        return Safe(
            f'<span lang="en" dir="ltr" class="hs-en">{html}</span>'
            if isinstance(text, English)
            else html
        )

    def _resolver(self, context: jinja2.runtime.Context) -> Any:
        path, urls = context["path"], self.options.directory_urls
        return lambda kind, record_id: record_url(path, kind, record_id, urls)

    @jinja2.pass_context
    def report(self, context: jinja2.runtime.Context, record: Record, helped: str = "") -> str:
        """A link that opens a prefilled report about `record` (or, `helped`
        given, an answer to "Did this help?") on the page being rendered."""
        fields = self._report_fields(context, record, helped)
        if not self.options.reports:
            return self._mail(fields)
        return f"{self.options.reports}?{urlencode({'template': REPORT_FORM, **fields})}"

    @jinja2.pass_context
    def report_mail(self, context: jinja2.runtime.Context, record: Record) -> str:
        return self._mail(self._report_fields(context, record, ""))

    def _report_fields(
        self, context: jinja2.runtime.Context, record: Record, helped: str
    ) -> dict[str, str]:
        page = self.options.site_url + page_url(context["path"], self.options.directory_urls)
        what = f"{record.kind.folder}/{record.id}"
        title = f"Did this help: {helped}, {what}" if helped else f"Problem with {what}"
        fields = {"title": title, "page": page, "record": what}
        return fields | ({"helped": helped} if helped else {})

    def _mail(self, fields: dict[str, str]) -> str:
        body = "\n".join(f"{key}: {value}" for key, value in fields.items() if key != "title")
        query = urlencode({"subject": fields["title"], "body": body}, quote_via=quote)
        return f"mailto:{self.guide.settings.report_email}?{query}"

    def verdict(self, cause: Cause) -> Safe:
        """The cause's recoverability as a badge."""
        return self.badges[cause.recoverability.verdict]

    def record(self, kind: Kind, record: Any, trail: list[tuple[str, str]]) -> Page:
        path = record_path(kind.folder, record.id)
        meta = (
            {"faq": faq(self.guide, record, self.markup, self.gettext)}
            if kind.folder == "symptoms"
            else {}
        )
        return self.page(
            f"{kind.noun}.md.j2",
            path,
            record.title,
            record.summary,
            record.pos.path,
            [*trail, (record.title, path)],
            section=kind.folder,
            meta=meta,
            reviewed=getattr(record, "reviewed", None),
            **{kind.noun: record},
        )

    def listing(
        self,
        listing: Listing,
        source: str | None,
        trail: list[tuple[str, str]],
        path: str | None = None,
        **ctx: Any,
    ) -> Page:
        """The page `listing` describes, at its own path or (a part of the guided
        check) at `path`."""
        title, description = self.gettext(listing.title), self.gettext(listing.description)
        return self.page(
            listing.template, path or listing.path, title, description, source, trail, **ctx
        )

    def page(
        self,
        template: str,
        path: str,
        title: str,
        description: str,
        source: str | None,
        trail: list[tuple[str, str]],
        *,
        section: str | None = None,
        meta: dict[str, Any] | None = None,
        reviewed: date | None = None,
        listed: bool = True,
        **ctx: Any,
    ) -> Page:
        """One page; `trail` names the pages above it, for its breadcrumbs."""
        meta = {"breadcrumbs": self.breadcrumbs(trail), **(meta or {})}
        text = self.env.get_template(template).render(
            path=path, title=title, description=description, meta=meta, **ctx
        )
        return Page(
            path, title, text, source, section, reviewed or self.guide.last_reviewed, listed
        )

    def breadcrumbs(self, trail: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """(name, URL from the site root) from the home page down the `trail`
        (name, docs path), for the BreadcrumbList structured data; empty for
        the home page itself."""
        if not trail:
            return []
        urls = self.options.directory_urls
        return [(self.gettext("Home"), ""), *((name, page_url(path, urls)) for name, path in trail)]
