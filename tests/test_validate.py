"""Fields. Each single mistake is a case in tests/corpus/; these are the rest."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from generator.jsonschema import schema_files
from generator.load import parse_text
from generator.markup import Markup
from generator.schema import LINE, Date, ListOf, Number, schema_fields, spec
from generator.validate import Reader
from tests.conftest import Project

REMEDY = "content/remedies/move-to-light.yml"


def test_all_problems_of_a_file_are_reported_together(project: Project) -> None:
    project.write(
        "remedies/move-to-light.yml",
        """
        title: [not, text]
        summary: More light.
        steps: Move it.
        expect: {effort: A minute}
        sources: [plant-care-notes]
        reviewed: 2026-11-27
        """,
    )
    assert project.problems() == [
        f"{REMEDY}:1:8: error: 'title' expects text, found a list",
        f"{REMEDY}:3:8: error: 'steps' expects a list (one `- item` per line), found 'Move it.'",
        f"{REMEDY}:4:9: error: missing required key 'waiting' in 'expect' (How long until it "
        "takes effect.); add `waiting: None`",
    ]


def test_problems_in_several_files_are_reported_together(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: A\ntitle: B\n")
    project.write("causes/old-leaves.yml", "title: [\n")
    problems = project.problems()
    assert [p.split(":")[0] for p in problems] == [
        "content/causes/old-leaves.yml",
        "content/remedies/move-to-light.yml",
    ]


def test_html_in_plain_text_fields_is_just_text(project: Project) -> None:
    project.replace(
        "causes/old-leaves.yml",
        "title: Old leaves dying off",
        'title: "</script><img src=x onerror=alert(1)>"',
    )
    assert project.problems() == []


def test_plain_numbers_and_words_are_text_in_text_fields(project: Project) -> None:
    project.replace("causes/old-leaves.yml", "title: Old leaves dying off", "title: 404")
    guide = project.check().guide
    assert guide is not None
    assert guide.cause("old-leaves").title == "404"


@pytest.mark.parametrize(
    ("escape", "named"),
    [
        ("\\0", "the control character U+0000 (NULL)"),
        ("\\t", "the control character U+0009 (TAB)"),
        ("\\x07", "the control character U+0007,"),
        ("\\u202E", "the text-direction control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\\u2066", "the text-direction control U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ],
)
def test_invisible_characters_from_escapes_are_named(
    project: Project, escape: str, named: str
) -> None:
    project.replace(
        "causes/old-leaves.yml",
        "title: Old leaves dying off",
        f'title: "Old leaves{escape} dying off"',
    )
    problems = project.problems()
    assert len(problems) == 1
    assert problems[0].startswith(
        f"content/causes/old-leaves.yml:1:8: error: 'title' contains {named}"
    )


def test_markdown_fields_take_line_breaks_and_tabs_but_not_carriage_returns(
    project: Project,
) -> None:
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    explanation = "explanation: Every plant sheds its oldest leaves now and then."
    project.write(
        "causes/old-leaves.yml", text.replace(explanation, 'explanation: "One.\\n\\tTwo."')
    )
    assert project.problems() == []
    project.write(
        "causes/old-leaves.yml", text.replace(explanation, 'explanation: "One.\\r\\nTwo."')
    )
    assert project.problems() == [
        "content/causes/old-leaves.yml:3:14: error: 'explanation' contains the control "
        "character U+000D (CARRIAGE RETURN), which is invisible on the page; delete it (it "
        "arrives with pasted text, or from an escape such as `\\e` in double quotes)"
    ]


def test_a_blank_answer_label_is_refused(project: Project) -> None:
    project.write(
        "questions/light.yml",
        """
        text: Does the plant stand more than two metres from a window?
        answers:
          - label: "\\u00a0 "
            cause: too-little-light
          - label: "No"
            cause: overwatering
        """,
    )
    assert project.problems() == [
        "content/questions/light.yml:3:12: error: 'label' is blank; write the text, or remove "
        "the line if it is optional"
    ]


def test_the_checker_s_suggestions_speak_no_domain_s_words() -> None:
    """Another help site sees its own words or neutral ones, never this one's."""
    text = json.dumps([json.loads(t) for t in schema_files().values()])
    for words in ("AliExpress", "Aliexpress", "account", "dispute", "password", "sign in"):
        assert words not in text, words


INVISIBLE = (
    "which is invisible on the page; delete it (it arrives with pasted text, or from an "
    "escape such as `\\e` in double quotes)"
)


@pytest.mark.parametrize(
    ("escape", "named"),
    [
        ("\\L", "the line separator U+2028 (LINE SEPARATOR)"),
        ("\\P", "the line separator U+2029 (PARAGRAPH SEPARATOR)"),
        # A line break a Markdown field may hold does not hide what comes after it.
        ("\\n\\e", "the control character U+001B (ESCAPE)"),
    ],
)
def test_markdown_fields_name_the_invisible_character_they_hold(
    project: Project, escape: str, named: str
) -> None:
    project.replace(
        "causes/old-leaves.yml",
        "explanation: Every plant sheds its oldest leaves now and then.",
        f'explanation: "Every plant sheds{escape} its oldest leaves."',
    )
    assert project.problems() == [
        f"content/causes/old-leaves.yml:3:14: error: 'explanation' contains {named}, {INVISIBLE}"
    ]


def test_an_invisible_line_break_in_a_one_line_field_is_named(project: Project) -> None:
    """By Unicode's name, by the usual name of a control character, or as unnamed."""
    project.replace("causes/old-leaves.yml", "title: Old leaves dying off", 'title: "Old\\vleaves"')
    project.replace(
        "remedies/move-to-light.yml",
        "title: Move the plant closer to a window",
        'title: "Move the plant\\rcloser to a window"',
    )
    assert project.problems() == [
        "content/causes/old-leaves.yml:1:8: error: 'title' must be one line, and it holds the "
        "invisible line break U+000B (unnamed); delete it",
        "content/remedies/move-to-light.yml:1:8: error: 'title' must be one line, and it holds "
        "the invisible line break U+000D (CARRIAGE RETURN); delete it",
    ]


def test_a_field_given_a_list_or_a_mapping_says_what_it_expects(project: Project) -> None:
    source = (project.content / "sources/plant-care-notes.yml").read_text(encoding="utf-8")
    project.write("sources/plant-care-notes.yml", source + "url: []\npublished: []\nlanguage: []\n")
    cause = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml",
        cause.replace("verdict: never", "verdict: []").replace(
            "source: plant-care-notes", "source: []"
        ),
    )
    site = (project.content / "site.yml").read_text(encoding="utf-8")
    project.write("site.yml", site + "name: {a: b}\nverdicts: yes\nreview_every: {causes: []}\n")
    assert project.problems() == [
        "content/causes/old-leaves.yml:7:12: error: 'verdict' expects one word, found a list",
        "content/causes/old-leaves.yml:9:11: error: 'source' expects an id, found a list",
        "content/site.yml:6:7: error: 'name' expects text, found a mapping (key: value lines)",
        # A nested field without an example of its own still shows its key.
        "content/site.yml:7:11: error: 'verdicts' expects a mapping of fields (`key: value` "
        "lines), e.g. `recoverable: ...`, found 'yes'",
        "content/site.yml:8:24: error: 'causes' expects a whole number, found a list",
        "content/sources/plant-care-notes.yml:5:6: error: 'url' expects a web address, found "
        "a list",
        "content/sources/plant-care-notes.yml:6:12: error: 'published' expects a date "
        "(YYYY-MM-DD), found a list",
        "content/sources/plant-care-notes.yml:7:11: error: 'language' expects a language tag, "
        "found a list",
    ]


@pytest.mark.parametrize(
    ("days", "error"),
    [
        ("1", False),
        ("3650", False),
        ("0", True),
        ("3651", True),
        ("abc", True),
        ("-5", True),
    ],
)
def test_whole_numbers_hold_from_the_minimum_to_the_maximum(
    project: Project, days: str, error: bool
) -> None:
    site = (project.content / "site.yml").read_text(encoding="utf-8")
    project.write("site.yml", site + f"review_every: {{causes: {days}}}\n")
    assert project.problems() == (
        [
            "content/site.yml:6:24: error: 'causes' expects a whole number from 1 to 3650, "
            f"found '{days}'"
        ]
        if error
        else []
    )


@pytest.mark.parametrize(
    "url", ["https://example.org/a page", "ftp://example.org/page", "https:///page"]
)
def test_a_source_address_is_a_web_address_with_a_host(project: Project, url: str) -> None:
    source = (project.content / "sources/plant-care-notes.yml").read_text(encoding="utf-8")
    project.write("sources/plant-care-notes.yml", source + f"url: {url}\n")
    assert project.problems() == [
        "content/sources/plant-care-notes.yml:5:6: error: 'url' expects a web address starting "
        f"with https://, e.g. https://example.org/page, found '{url}'"
    ]


def test_a_language_is_a_tag_not_a_name(project: Project) -> None:
    source = (project.content / "sources/plant-care-notes.yml").read_text(encoding="utf-8")
    project.write("sources/plant-care-notes.yml", source + "language: english\n")
    assert project.problems() == [
        "content/sources/plant-care-notes.yml:5:11: error: 'language' expects a language tag "
        "such as `ru`, `es` or `pt-BR`, found 'english'"
    ]


def test_optional_fields_left_out_hold_their_defaults_and_required_ones_are_asked_for() -> None:
    """What `spec` declares, read as `validate` reads every record: the record is
    declared here, at run time, so that a change to `spec` shows."""

    @dataclass(frozen=True, kw_only=True)
    class Plant:
        name: str = spec("Its name.", LINE, example="Fern")
        pot: str = spec("Its pot.", LINE)
        note: str = spec("A note.", LINE, required=False)
        colour: str = spec("Its colour.", LINE, required=False, default="green")
        size: int = spec("Its size.", Number(1, 9), required=False, default=3)
        height: int | None = spec("Its height.", Number(1, 9), required=False)
        bought: date | None = spec("When.", Date(), required=False)
        tags: tuple[str, ...] = spec("Tags.", ListOf(LINE), required=False)

    def read(text: str) -> tuple[Any, list[str]]:
        node, problems = parse_text(text, "plant.yml")
        assert node is not None and problems == []
        reader = Reader(Markup())
        values = reader.mapping(Plant, node, "a plant")
        return (None if values is None else Plant(**values)), [str(p) for p in reader.problems]

    assert read("note: Dry.\n") == (
        None,
        [
            "plant.yml:1:1: error: missing required key 'name' in a plant (Its name.); add "
            "`name: Fern`",
            "plant.yml:1:1: error: missing required key 'pot' in a plant (Its pot.); add "
            "`pot: ...`",
        ],
    )
    assert read("name: Fern\npot: Clay\n") == (
        Plant(name="Fern", pot="Clay", note="", colour="green", size=3, height=None, bought=None),
        [],
    )
    given = (
        "name: Fern\npot: Clay\nnote: Dry.\ncolour: red\nsize: 5\nheight: 2\n"
        "bought: 2026-01-02\ntags: [a]\n"
    )
    assert read(given) == (
        Plant(
            name="Fern",
            pot="Clay",
            note="Dry.",
            colour="red",
            size=5,
            height=2,
            bought=date(2026, 1, 2),
            tags=("a",),
        ),
        [],
    )
    assert Plant(name="Fern", pot="Clay").tags == ()


def test_the_fields_read_from_yaml_are_those_spec_declares_in_order_with_their_defaults() -> None:
    """What the JSON Schema and the editors' messages are made from; a field not
    declared with `spec` (a position, say) is not one, wherever it stands."""

    @dataclass(frozen=True, kw_only=True)
    class Pot:
        where: str = ""
        size: int = spec("Its size.", Number(1, 9), required=False, default=3)
        name: str = spec("Its name.", LINE, example="Clay")
        note: str = spec("A note.", LINE, required=False)

    assert [(f.name, f.required, f.example, f.default) for f in schema_fields(Pot)] == [
        ("size", False, "", 3),
        ("name", True, "Clay", ""),
        ("note", False, "", ""),
    ]
