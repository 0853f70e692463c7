"""Content Markdown: the safe feature set, the HTML the site's pages are made of,
the editor's messages, and parsing time that grows linearly with the text."""

from __future__ import annotations

import gc
import math
import shutil
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.markup import MAX_CHARS, MAX_DEPTH, MAX_LINK_CHARS, Markup
from tests.conftest import HOUSEPLANTS
from tests.test_corpus import SECONDS, run_check


def repeated(unit: str) -> Callable[[int], str]:
    return lambda length: (unit * (length // len(unit) + 1))[:length]


FAMILIES: dict[str, Callable[[int], str]] = {
    "link openers": repeated("["),
    "unclosed links": repeated("[a]("),
    "emphasis openers": repeated("*a"),
    "underscore openers": repeated("_a"),
    "backticks": repeated("`"),
    "angle brackets": repeated("<"),
    "image openers": repeated("!["),
    "nested quotes": repeated("> "),
    "nested lists": repeated("- "),
    "strong markers": repeated("**"),
    "link reference definitions": repeated("[a]: b\n"),
    "numeric entities": repeated("&#"),
    "list items": repeated("  - a\n"),
    # From cmark's pathological tests:
    "mismatched emphasis": repeated("*a_ "),
    "emphasis multiple of three": repeated("a**bc* "),
    "link openers and emphasis closers": repeated("[ a_"),
    "unclosed link destinations": repeated("[a](b"),
    "unclosed comments": repeated("<!--"),
    "backslashes": repeated("\\"),
    "code spans": repeated("`t`t"),
    "nested brackets": lambda n: "[" * ((n - 1) // 2) + "a" + "]" * ((n - 1) // 2),
    "nested strong emphasis": lambda n: (
        "*a **a " * ((n - 1) // 14) + "b" + " a** a*" * ((n - 1) // 14)
    ),
    "long reference used often": lambda n: (
        f"[a]: https://{'x' * (n // 2 - 20)}\n\n" + "[a][]" * (n // 10)
    ),
}
"""Inputs made to make Markdown parsers slow, of about (at most) the length asked for."""
REFUSED = {"nested quotes", "nested lists", "long reference used often"}
"""The families that nest lists and quotes deeper than MAX_DEPTH, or repeat link
targets beyond MAX_LINK_CHARS."""


def cpu_seconds(text: str, runs: int) -> float:
    """The fastest of `runs` parses of `text`, in this process's CPU seconds."""
    markup = Markup()
    markup._convert("warm *up*", None)
    best = math.inf
    gc.collect()
    # A collection's pause lands on whichever run happens to trigger it: noise,
    # not growth.
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            markup._convert(text, None)  # beneath the length limit: the parser alone
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("family", FAMILIES.values(), ids=FAMILIES.keys())
def test_parsing_time_grows_linearly_on_pathological_input(family: Callable[[int], str]) -> None:
    # 8 KB, or more where that parses too fast to time well (a quadratic part with a
    # small factor shows only on longer texts), against eight times as much: eight
    # times the time if linear, 64 times if quadratic.
    size = 8 * 1024
    small = cpu_seconds(family(size), runs=5)
    while small < 0.01 and size < 32 * 1024:
        size *= 2
        small = cpu_seconds(family(size), runs=5)
    # The large text is slow enough to time once, and timed again only if it seems slow.
    large = math.inf
    for _ in range(3):
        large = min(large, cpu_seconds(family(8 * size), runs=1))
        if large < 16 * small:
            break
    assert large < 16 * small, f"{size:,}: {small * 1000:.1f} ms, x8: {large * 1000:.1f} ms"


@pytest.mark.parametrize("family", FAMILIES.values(), ids=FAMILIES.keys())
def test_the_longest_field_parses_in_a_fraction_of_a_second(
    family: Callable[[int], str],
) -> None:
    # The build renders a field on every page that shows it; each time must be quick.
    assert cpu_seconds(family(MAX_CHARS), runs=1) < 0.5


def test_check_finishes_quickly_on_every_pathological_field(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    remedy = yaml.safe_load((HOUSEPLANTS / "content/remedies/move-to-light.yml").read_bytes())
    remedy["steps"] = [family(MAX_CHARS).strip() for family in FAMILIES.values()]
    (project / "content/remedies/move-to-light.yml").write_text(
        yaml.safe_dump(remedy, width=math.inf), encoding="utf-8"
    )
    code, _, stderr, seconds, _ = run_check(project)
    refused = sorted(i for i, name in enumerate(FAMILIES) if name in REFUSED)
    assert [line.split(": ")[2] for line in stderr.splitlines()[:-1]] == [
        f"in 'steps[{i}]'" for i in refused
    ], stderr
    assert code == 1
    assert seconds < SECONDS


def test_text_over_the_limit_is_refused_with_its_length() -> None:
    rendered = Markup().check("[" * 70_000)
    assert rendered.issues == (
        f"the text is 70,000 characters long; at most {MAX_CHARS:,} fit, shorten it",
    )
    assert Markup().check("[" * MAX_CHARS).issues == ()


def test_lists_nested_too_deep_are_refused_not_cut_short() -> None:
    deepest = "".join("  " * i + f"- item {i}\n" for i in range(MAX_DEPTH))
    assert Markup().check(deepest).issues == ()
    assert f"item {MAX_DEPTH - 1}" in Markup().render(deepest).html
    too_deep = "> " * (MAX_DEPTH + 1) + "quoted"
    assert Markup().check(too_deep).issues == (
        f"lists and quotes sit more than {MAX_DEPTH} deep inside each other; at most "
        f"{MAX_DEPTH} levels fit, flatten them",
    )


def test_a_long_reference_repeated_too_often_is_refused_not_written_out() -> None:
    text = f"[a]: https://example.org/{'x' * 2000}\n\n" + "[here][a], " * 10
    rendered = Markup().check(text)
    assert rendered.issues == (
        f"the links' addresses and titles add up to 20,200 characters; at most "
        f"{MAX_LINK_CHARS:,} fit, repeat long reference links less often",
    )
    assert len(rendered.html) < 2 * len(text)
    assert Markup().check(text.replace("[here][a], " * 10, "[here][a], " * 4)).issues == ()


def test_links_up_to_the_limit_stay_links_and_one_character_more_is_refused() -> None:
    """The limit counts each use's address and title; an internal link found before
    it is still checked, as the text keeps it."""
    title = "Title"
    address = f"https://example.org/{'x' * (2491 - 20)}"
    internal = "[a plant](cause:old-leaves) "  # 16 characters of target
    text = f'{internal}{"[here][a] " * 4}\n\n[a]: {address} "{title}"'
    at_limit = Markup().check(text)
    assert at_limit.issues == ()
    assert at_limit.html.count(f'<a href="{address}" title="{title}">here</a>') == 4
    over = Markup().check(text.replace(address, address + "y"))
    assert over.issues == (
        f"the links' addresses and titles add up to {MAX_LINK_CHARS + 4:,} characters; at "
        f"most {MAX_LINK_CHARS:,} fit, repeat long reference links less often",
    )
    assert "<a " not in over.html
    assert [(link.kind, link.id) for link in over.links] == [("causes", "old-leaves")]


def test_the_same_mistake_in_a_field_is_reported_once() -> None:
    rendered = Markup().check("<b>one</b>, <b>two</b>")
    assert [issue.split("'")[1] for issue in rendered.issues] == ["<b>", "</b>"]


def test_email_address_in_angle_brackets_says_what_to_write() -> None:
    rendered = Markup().check("Write to <help@example.org> today.")
    assert rendered.issues == (
        "an email address in angle brackets is not a link here, found "
        "'<help@example.org>'; write it as [help@example.org](mailto:help@example.org)",
    )
    assert 'href="mailto:' not in rendered.html


def test_web_address_in_angle_brackets_is_a_link() -> None:
    rendered = Markup().check("See <https://example.org/help>.")
    assert rendered.issues == ()
    assert rendered.html == (
        '<p>See <a href="https://example.org/help">https://example.org/help</a>.</p>'
    )


def test_html_is_quoted_on_one_line_without_control_characters() -> None:
    rendered = Markup().check('Press <b\nclass="x\x01">here</b>.')
    assert rendered.issues[0] == (
        "HTML is not allowed in content, found '<b class=\"x\\x01\">'; write plain text and "
        "Markdown, e.g. **bold** or [a link](https://example.org)"
    )
    assert "&lt;b" in rendered.html and "<b" not in rendered.html


def test_a_tag_spread_over_many_spaces_is_quoted_from_its_first_60_characters() -> None:
    # Only the start of a long piece is read: a field can hold many long ones.
    rendered = Markup().check("Press <b" + " " * 57 + "class>here.")
    assert rendered.issues[0].startswith("HTML is not allowed in content, found '<b c';")


def test_link_outside_the_allow_list_is_reported_and_unlinked() -> None:
    rendered = Markup().check('[click](javascript:alert(1) "Run it")')
    assert rendered.issues == (
        "link target 'javascript:alert(1)' is not allowed; link to https://, mailto: or "
        "another page of this guide as cause:ID, remedy:ID or symptom:ID",
    )
    assert rendered.html == "<p><a>click</a></p>"


def test_internal_links_are_collected_and_resolved() -> None:
    rendered = Markup().render(
        "See [this](cause:old-leaves) and [that](remedy:move-to-light).",
        lambda kind, id: f"../{kind}/{id}/",
    )
    assert [(link.kind, link.id) for link in rendered.links] == [
        ("causes", "old-leaves"),
        ("remedies", "move-to-light"),
    ]
    assert '<a href="../causes/old-leaves/">this</a>' in rendered.html


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("See [this](cause:old-leaves).", 'See <a href="../causes/old-leaves/">this</a>.'),
        ("Text *first*.\n\nThen more.", "<p>Text <em>first</em>.</p>\n<p>Then more.</p>"),
        ("> Quoted *here*.", "<blockquote>\n<p>Quoted <em>here</em>.</p>\n</blockquote>"),
    ],
    ids=["one paragraph", "two paragraphs", "quote"],
)
def test_a_list_item_s_text_loses_only_a_single_paragraph_around_it(text: str, html: str) -> None:
    # A step or a list of symptoms is an <li>: a paragraph in it would add a gap.
    assert Markup().inline(text, lambda kind, id: f"../{kind}/{id}/") == html


def test_an_image_opener_inside_a_link_s_text_is_text() -> None:
    rendered = Markup().check("[x![](https://example.org)")
    assert rendered.html == '<p><a href="https://example.org">x![</a></p>'


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("# Heading", "<p># Heading</p>"),
        ("Setext\n===", "<p>Setext\n===</p>"),
        ("---", "<p>---</p>"),
        ("![a plant](https://example.org/p.png)", "<p>![a plant](https://example.org/p.png)</p>"),
        ("```\ncode\n```", "<p><code>code</code></p>"),
    ],
    ids=["heading", "setext heading", "rule", "image", "fence"],
)
def test_headings_rules_images_and_fences_are_not_made(text: str, html: str) -> None:
    rendered = Markup().check(text)
    assert (rendered.html, rendered.issues) == (html, ())


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "**bold**, *it*, _it_ and `<code>`",
            "<p><strong>bold</strong>, <em>it</em>, <em>it</em> and <code>&lt;code&gt;</code></p>",
        ),
        (
            "[a link](https://example.org/?a=1&b=2 \"a <b> & 't'\")",
            '<p><a href="https://example.org/?a=1&amp;b=2" title="a &lt;b&gt; &amp; \'t\'">'
            "a link</a></p>",
        ),
        ('"Quoted" & AT&T &copy; &#60;', '<p>"Quoted" &amp; AT&amp;T &copy; &#60;</p>'),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("- one\n\n- two", "<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n</li>\n</ul>"),
        ("3. three\n4. four", '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>'),
        (
            "1. one\n\n- dash",
            "<ol>\n<li>one</li>\n</ol>\n<ul>\n<li>dash</li>\n</ul>",
        ),
        ("> quoted\n> on", "<blockquote>\n<p>quoted\non</p>\n</blockquote>"),
        ("    indented", "<pre><code>indented\n</code></pre>"),
        ("line  \nbreak", "<p>line<br />\nbreak</p>"),
        ("one\n\n\ntwo", "<p>one</p>\n<p>two</p>"),
        ("a\\*b snake_case_word", "<p>a*b snake_case_word</p>"),
        (
            '[a][r]\n\n[r]: https://example.org "T"',
            '<p><a href="https://example.org" title="T">a</a></p>',
        ),
    ],
    ids=[
        "emphasis and code",
        "link with title",
        "quotes and entities",
        "tight list",
        "loose list",
        "ordered list start",
        "list types do not mix",
        "quote",
        "code block",
        "hard break",
        "paragraphs",
        "escapes",
        "reference link",
    ],
)
def test_html_is_as_python_markdown_wrote_it(text: str, html: str) -> None:
    # The site's pages are compared byte for byte; these are the constructs content
    # uses, with the HTML Python-Markdown (the parser before) made of them.
    rendered = Markup().check(text)
    assert (rendered.html, rendered.issues) == (html, ())


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, tuple[str, ...]]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add((tag, tuple(sorted(name for name, _ in attrs))))


ALLOWED_TAGS = {
    ("p", ()),
    ("em", ()),
    ("strong", ()),
    ("code", ()),
    ("pre", ()),
    ("br", ()),
    ("ul", ()),
    ("ol", ()),
    ("ol", ("start",)),
    ("li", ()),
    ("blockquote", ()),
    ("a", ()),
    ("a", ("href",)),
    ("a", ("href", "title")),
}
MARKDOWNISH = st.lists(
    st.sampled_from(
        [*"[]()<>!*_`&#:;/\\-+.1 \n\t>=\"'a", "https://x", "cause:x", "<b>", "&copy;", "    "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=MARKDOWNISH)
def test_check_reports_what_the_build_renders_and_only_safe_html_comes_out(text: str) -> None:
    checked = Markup().check(text)
    built = Markup().render(text, lambda kind, id: f"../{kind}/{id}/")
    assert (checked.issues, checked.links) == (built.issues, built.links)
    tags = _Tags()
    tags.feed(built.html)
    assert tags.seen <= ALLOWED_TAGS
    assert all(c.isprintable() for issue in checked.issues for c in issue)
