"""Content Markdown -> safe HTML.

Content is text written by people we do not know, so the generator renders its
Markdown itself, with a fixed, small feature set, instead of handing it to the
site's Markdown configuration: raw HTML is shown as text and reported, links
must be http(s), mailto or an internal `kind:id` reference, and there are no
headings, rules or images that could break the page around it.

The parser is markdown-it-py (CommonMark, as GitHub previews it). It was chosen
for its running time: it is linear in the length of the text, also on the
inputs made to defeat Markdown parsers (cmark's pathological cases, which its
JavaScript original is tested against), where Python-Markdown took minutes for
a few kilobytes. `tests/test_markup.py` times each of those families. On top of
that, a field is refused above MAX_CHARS characters, which bounds the work for one
field to well under a tenth of a second, whatever it holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from generator.problems import shorten, visible
from generator.schema import ID_PATTERN, MARKDOWN_MAX, SCHEMES, Ref

_INTERNAL_RE = re.compile(f"({'|'.join(SCHEMES)}):({ID_PATTERN.pattern})")
"""A link to another record, e.g. `[reset it](remedy:reset-password)`."""
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;:?'\"%/-]*[A-Za-z0-9.?]")
"""Text that Markdown would only wrap in a paragraph: starts with a letter (no
list, heading or quote), and has no character Markdown or HTML treats specially."""
_EXTERNAL_RE = re.compile(r"(https?://|mailto:)\S", re.IGNORECASE)
"""Matched at the start only: markdown-it has percent-encoded any space in a target."""

MAX_CHARS = MARKDOWN_MAX
"""The build renders a field on every page that shows it, and on the worst input
we know of a field this long takes about 0.06 s to parse. Validation refuses
longer fields first; this is the guard for any other caller."""
MAX_LINK_CHARS = 2 * MAX_CHARS
"""The most characters all link targets and titles of a field may add up to. An
inline link's target is part of the text, but a reference link (`[a][ref]`)
repeats its definition's: 500 of them to a 2,500-character address would make a
page of 1.25 MB from 5,000 characters, and take as long to write out."""
MAX_DEPTH = 8
"""How many lists and quotes may sit inside each other. markdown-it stops
parsing blocks beyond its own nesting limit and drops the rest of the field;
refusing earlier, with a message, means nothing is ever dropped unseen."""
_MAX_NESTING = 2 * MAX_DEPTH + 4
"""markdown-it's limit counts open tokens: a list and its item are two, and a
paragraph inside the innermost item one more."""
_CONTAINERS = {
    f"{name}_{end}"
    for name in ("blockquote", "bullet_list", "ordered_list")
    for end in ("open", "close")
}

Resolver = Callable[[str, str], str]
"""(folder, id) -> URL of that record's page, relative to the page being built."""


@dataclass(frozen=True)
class Rendered:
    html: str
    issues: tuple[str, ...]
    """What is not allowed in the text, each as `what; how to fix`."""
    links: tuple[Ref, ...]
    """Links to other records, without positions (the field's is the caller's)."""


def _escape(text: str) -> str:
    # As Python-Markdown did, and as the _PLAIN shortcut relies on: quotes are
    # only escaped inside attributes, where the renderer does it.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _shown(text: str) -> str:
    """A piece of content quoted in a message: short, on one line (a tag may span
    lines), with nothing a terminal would act on."""
    # A slice first: a field can hold many long link targets.
    return shorten(visible(" ".join(text[:60].split())))


class _Engine(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's API
        # markdown-it drops links to javascript: and the like, leaving their
        # text; every target must reach `_Scan.link` instead, to be reported.
        return True


def _image_as_text(state: StateInline, silent: bool) -> bool:
    """`![` is text, so `![alt](url)` shows as written, not as an image or a link."""
    if not state.src.startswith("![", state.pos):
        return False
    if not silent:
        state.append_pending("![")  # `pending += ` would copy all text so far, each time
    state.pos += 2
    return True


class _Html(RendererHTML):
    """markdown-it's HTML, with text escaped as Python-Markdown did (so that the
    site's pages stay as they were) and raw HTML shown as text."""

    def text(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return _escape(tokens[idx].content)

    html_inline = text

    def text_special(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        if token.info == "entity":
            # `&nbsp;` stays `&nbsp;`: the entity rule matched only letters and digits.
            return token.markup
        return _escape(token.content)

    def code_inline(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f"<code>{_escape(tokens[idx].content)}</code>"

    def code_block(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f"<pre><code>{_escape(tokens[idx].content)}</code></pre>\n"


def _engine() -> MarkdownIt:
    md = _Engine("commonmark", {"maxNesting": _MAX_NESTING}, renderer_cls=_Html)
    # Raw HTML is parsed (html_inline), to be reported and shown as text, but
    # never as a block that would swallow the lines after it. A ``` fence is a
    # code span, as it was with Python-Markdown. text_join would fold entities
    # into plain text, which `_Html.text_special` keeps as written.
    md.disable(["html_block", "heading", "lheading", "hr", "fence", "image", "text_join"])
    md.inline.ruler.before("link", "image_as_text", _image_as_text)
    return md


class Markup:
    """One Markdown engine, reused for every field of one build."""

    def __init__(self) -> None:
        self._engine: MarkdownIt | None = None

    @property
    def _md(self) -> MarkdownIt:
        # Made on first use: plain text never needs it.
        if self._engine is None:
            self._engine = _engine()
        return self._engine

    def check(self, text: str) -> Rendered:
        """The problems and internal links of `text`, exactly as `render` finds them.

        The same code as the build's, with no shortcut of its own, so `check`
        cannot pass a text that the build refuses or takes long over.
        """
        return self.render(text)

    def render(self, text: str, resolve: Resolver | None = None) -> Rendered:
        if len(text) > MAX_CHARS:
            issue = (
                f"the text is {len(text):,} characters long; at most {MAX_CHARS:,} fit, shorten it"
            )
            return Rendered(f"<p>{_escape(text)}</p>", (issue,), ())
        if _PLAIN.fullmatch(text):
            # Most content is plain sentences; Markdown would only wrap them in
            # a paragraph, and parsing is by far the slowest part of rendering.
            return Rendered(f"<p>{text}</p>", (), ())
        return self._convert(text, resolve)

    def _convert(self, text: str, resolve: Resolver | None) -> Rendered:
        md = self._md
        tokens = md.parse(text)
        scan = _Scan(resolve)
        depth = deepest = 0
        for token in tokens:
            if token.type in _CONTAINERS:
                depth += token.nesting
                deepest = max(deepest, depth)
            elif token.children:
                scan.inline(token.children)
        too_many_link_chars = scan.link_chars > MAX_LINK_CHARS
        problems = []
        if deepest > MAX_DEPTH:
            problems.append(
                f"lists and quotes sit more than {MAX_DEPTH} deep inside each other; at most "
                f"{MAX_DEPTH} levels fit, flatten them"
            )
        if too_many_link_chars:
            problems.append(
                f"the links' addresses and titles add up to {scan.link_chars:,} characters; at "
                f"most {MAX_LINK_CHARS:,} fit, repeat long reference links less often"
            )
        # The same mistake repeated is reported once: the message names the field.
        issues = tuple(dict.fromkeys(problems + scan.issues))
        if too_many_link_chars:
            # Written out, the links would make the page many times longer than the text.
            return Rendered(f"<p>{_escape(text)}</p>", issues, tuple(scan.links))
        html = md.renderer.render(tokens, md.options, {})
        return Rendered(html.rstrip("\n"), issues, tuple(scan.links))

    def inline(self, text: str, resolve: Resolver | None = None) -> str:
        """Like `render`, without the paragraph around a single paragraph."""
        html = self.render(text, resolve).html
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html


@dataclass
class _Scan:
    """What one field holds that is not allowed, and its internal links, in order."""

    resolve: Resolver | None
    issues: list[str] = field(default_factory=list)
    links: list[Ref] = field(default_factory=list)
    link_chars: int = 0
    """The length of the link targets and titles so far."""

    def inline(self, tokens: Sequence[Token]) -> None:
        """Report raw HTML, resolve internal links, and report (and unlink) every
        link target off the allow-list."""
        for i, token in enumerate(tokens):
            if token.type == "html_inline":
                self.issues.append(
                    f"HTML is not allowed in content, found '{_shown(token.content)}'; write "
                    "plain text and Markdown, e.g. **bold** or [a link](https://example.org)"
                )
            elif token.type == "link_open" and not self.link(token, tokens[i + 1]):
                token.attrs.pop("href", None)
                token.attrs.pop("title", None)

    def link(self, token: Token, text: Token) -> bool:
        """Whether the link may stay a link (with its target resolved)."""
        href = str(token.attrs.get("href", "")).strip()
        self.link_chars += len(href) + len(str(token.attrs.get("title", "")))
        if self.link_chars > MAX_LINK_CHARS:
            # Refused as a whole: looking at each repeat of a long target would
            # take time that grows with the square of the text's length.
            return False
        if token.info == "auto" and ":" not in text.content:
            # `<a@b.org>`: an address has no scheme; markdown-it added the `mailto:`.
            address = _shown(text.content)
            self.issues.append(
                f"an email address in angle brackets is not a link here, found '<{address}>'; "
                f"write it as [{address}](mailto:{address})"
            )
            return False
        internal = _INTERNAL_RE.fullmatch(href)
        if internal:
            kind = SCHEMES[internal.group(1)].folder
            self.links.append(Ref(kind, internal.group(2)))
            if self.resolve is not None:
                token.attrs["href"] = self.resolve(kind, internal.group(2))
            return True
        if _EXTERNAL_RE.match(href):
            return True
        self.issues.append(
            f"link target '{_shown(href)}' is not allowed; link to https://, mailto: or "
            "another page of this guide as cause:ID, remedy:ID or symptom:ID"
        )
        return False
