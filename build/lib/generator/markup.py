"""Content Markdown -> safe HTML.

Content is text written by people we do not know, so the generator renders its
Markdown itself, with a fixed, small feature set, instead of handing it to the
site's Markdown configuration: raw HTML is shown as text and reported, links
must be http(s), mailto or an internal `kind:id` reference, and there are no
headings or images that could break the page around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor

INTERNAL_KINDS = {"symptom": "symptoms", "cause": "causes", "remedy": "remedies"}
"""Link schemes for other records, e.g. `[reset it](remedy:reset-password)`."""
_INTERNAL_RE = re.compile(r"(symptom|cause|remedy):([a-z0-9]+(?:-[a-z0-9]+)*)")
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;:?'\"%/-]*[A-Za-z0-9.?]")
"""Text that Markdown would only wrap in a paragraph: starts with a letter (no
list, heading or quote), and has no character Markdown or HTML treats specially."""
_EXTERNAL_RE = re.compile(r"(https?://|mailto:)\S+", re.IGNORECASE)

Resolver = Callable[[str, str], str]
"""(folder, id) -> URL of that record's page, relative to the page being built."""


@dataclass(frozen=True)
class InternalLink:
    kind: str
    """The record folder, e.g. `remedies`."""
    id: str


@dataclass(frozen=True)
class Rendered:
    html: str
    issues: tuple[str, ...]
    """What is not allowed in the text, each as `what; how to fix`."""
    links: tuple[InternalLink, ...]


class _RawHtml(InlineProcessor):
    def __init__(self, pattern: str, md: markdown.Markdown, issues: list[str]) -> None:
        super().__init__(pattern, md)
        self.issues = issues

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        tag = m.group(0)
        shown = tag if len(tag) <= 40 else tag[:37] + "..."
        self.issues.append(
            f"HTML is not allowed in content, found '{shown}'; write plain text and Markdown, "
            "e.g. **bold** or [a link](https://example.org)"
        )
        return tag, m.start(0), m.end(0)  # a str is inserted as text, i.e. escaped


class _Links(Treeprocessor):
    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: ElementTree.Element) -> None:
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            internal = _INTERNAL_RE.fullmatch(href)
            if internal:
                kind = INTERNAL_KINDS[internal.group(1)]
                self.state.links.append(InternalLink(kind, internal.group(2)))
                if self.state.resolve is not None:
                    a.set("href", self.state.resolve(kind, internal.group(2)))
                continue
            if _EXTERNAL_RE.fullmatch(href):
                continue
            shown = href if len(href) <= 40 else href[:37] + "..."
            self.state.issues.append(
                f"link target '{shown}' is not allowed; link to https://, mailto: or another "
                "page of this guide as cause:ID, remedy:ID or symptom:ID"
            )
            a.attrib.pop("href", None)
            a.attrib.pop("title", None)


@dataclass
class _State:
    issues: list[str]
    links: list[InternalLink]
    resolve: Resolver | None


class _Safe(Extension):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self.state = state

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_RawHtml(HTML_RE, md, self.state.issues), "html", 90)
        for name in ("image_link", "image_reference", "short_image_ref"):
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)
        for name in ("hashheader", "setextheader", "hr"):
            md.parser.blockprocessors.deregister(name)
        md.treeprocessors.register(_Links(md, self.state), "safe_links", 0)


class Markup:
    """One Markdown engine, reused for every field of one build."""

    def __init__(self) -> None:
        self._state = _State([], [], None)
        self._engine: markdown.Markdown | None = None

    @property
    def _md(self) -> markdown.Markdown:
        # Made on first use: setting up its extensions costs more than checking
        # a small dataset, and plain text never needs it.
        if self._engine is None:
            self._engine = markdown.Markdown(extensions=[_Safe(self._state), "sane_lists"])
        return self._engine

    def check(self, text: str) -> Rendered:
        """What `render` would report, without rendering text that cannot hold a problem.

        Problems come only from HTML (`<`) and links (`[...]` or `<...>`), so text
        with neither is skipped; that is most text, and Markdown is slow.
        """
        if "<" not in text and "[" not in text:
            return Rendered("", (), ())
        return self.render(text)

    def render(self, text: str, resolve: Resolver | None = None) -> Rendered:
        if _PLAIN.fullmatch(text):
            # Most content is plain sentences; Markdown would only wrap them in
            # a paragraph, and it is by far the slowest part of rendering.
            return Rendered(f"<p>{text}</p>", (), ())
        return self._convert(text, resolve)

    def _convert(self, text: str, resolve: Resolver | None) -> Rendered:
        self._state.issues.clear()
        self._state.links.clear()
        self._state.resolve = resolve
        html = self._md.reset().convert(text)
        return Rendered(html, tuple(self._state.issues), tuple(self._state.links))

    def inline(self, text: str, resolve: Resolver | None = None) -> str:
        """Like `render`, without the paragraph around a single paragraph."""
        html = self.render(text, resolve).html
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html
