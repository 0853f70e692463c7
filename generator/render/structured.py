"""What the site tells machines: FAQ and breadcrumb structured data, robots.txt.

Structured data is plain text; `overrides/main.html` writes it as JSON-LD.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from generator.link import Guide
from generator.markup import Markup
from generator.render.addresses import Sites
from generator.render.templates import environment
from generator.schema import Symptom


def faq(
    guide: Guide, symptom: Symptom, markup: Markup, gettext: Callable[[str], str]
) -> list[tuple[str, str]]:
    """Questions and plain-text answers for the symptom page's FAQPage structured data."""

    def text(markdown: str) -> str:
        return plain_text(markup, markdown)

    settings = guide.settings
    causes = [guide.cause(ref.id) for ref in symptom.causes]
    message = _first_message(symptom, guide.language)
    meaning = f"{symptom.summary} {text(symptom.meaning)}"
    out = [(gettext("What does \u201c%(message)s\u201d mean?") % {"message": message}, meaning)]
    if symptom.still_works:
        still = " ".join(text(item) for item in symptom.still_works)
        out.append((gettext("What can I still do?"), still))
    why = " ".join(f"{c.title}: {c.summary}" for c in causes)
    out.append((gettext("Why does it happen?"), why))
    verdicts = " ".join(
        f"{c.title}: {gettext(settings.verdict_label(c.recoverability.verdict))}. "
        f"{c.recoverability.reason}"
        for c in causes
    )
    out.append((gettext(settings.recovery_question), verdicts))
    return out


def _first_message(symptom: Symptom, language: str) -> str:
    """The wording a reader of `language` sees first: theirs if the dataset has it."""
    own = [m.text for m in symptom.messages if m.language == language]
    return own[0] if own else symptom.messages[0].text


def plain_text(markup: Markup, markdown: str) -> str:
    """Content Markdown as the words a reader sees: links reduced to their text,
    emphasis and lists to their words, paragraphs joined by a space."""
    parser = _Text()
    # No resolver for internal links: only the words count, never an address.
    parser.feed(markup.render(markdown).html)
    parser.close()
    return " ".join("".join(parser.parts).split())


class _Text(HTMLParser):
    BLOCKS = frozenset({"p", "li", "ul", "ol", "br", "blockquote", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


SITEMAP_INDEX = "sitemap-index.xml"
"""The sitemap of sitemaps, one per language, at the site's root."""


def robots_txt(site_url: str, sitemap: str = "sitemap.xml") -> str:
    """The site's robots.txt, pointing crawlers at `sitemap` under `site_url`
    (MkDocs' `site_url`, which MkDocs makes end with `/`)."""
    return environment().get_template("robots.txt.j2").render(site_url=site_url, sitemap=sitemap)


def sitemap_index(sites: Sites) -> str:
    """The sitemap index over every language's sitemap."""
    return (
        environment()
        .get_template("sitemap-index.xml.j2")
        .render(sitemaps=[f"{sites.root}{sites.prefix(code)}sitemap.xml" for code in sites.codes])
    )
