"""Render-stage helpers: URLs between pages, escaping, the widget's data, the diagram."""

from __future__ import annotations

import hashlib
import html
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.link import Flow
from generator.pipeline import build, check
from generator.render import widget
from generator.render.addresses import CHECK, Options, relative_url
from generator.render.diagram import flow_svg
from generator.render.frontmatter import escape_page_meta
from generator.render.navigation import clashes, nav
from generator.render.pages import Page, render
from generator.render.parts import PART_SECTIONS, split
from generator.render.widget import flow_json, questions_ahead
from generator.schema import Ref
from generator.synth import synth
from tests.conftest import ROOT, Project


@pytest.mark.parametrize(
    ("src", "dst", "directory_urls", "expected"),
    [
        ("causes/a.md", "remedies/b.md", True, "../../remedies/b/"),
        ("causes/a.md", "remedies/b.md", False, "../remedies/b.html"),
        ("causes/a.md", "index.md", True, "../../"),
        ("causes/a.md", "index.md", False, "../index.html"),
        ("index.md", "check.md", True, "check/"),
        ("index.md", "check.md", False, "check.html"),
        ("check/map.md", "check.md", True, "../"),
        ("check/map.md", "check.md", False, "../check.html"),
        ("causes/index.md", "causes/a.md", True, "a/"),
        ("causes/index.md", "causes/a.md", False, "a.html"),
        # A page's link to itself (a record whose text names it) stays relative.
        ("causes/a.md", "causes/a.md", True, "./"),
        ("causes/a.md", "causes/a.md", False, "a.html"),
        ("index.md", "index.md", True, "./"),
    ],
)
def test_relative_urls_work_with_and_without_directory_urls(
    src: str, dst: str, directory_urls: bool, expected: str
) -> None:
    assert relative_url(src, dst, directory_urls) == expected


def test_flow_json_names_the_sections_each_answer_leads_to(project: Project) -> None:
    guide = project.check().guide
    assert guide is not None and guide.flow is not None
    parts = split(guide.flow)
    ahead = questions_ahead(guide.flow)
    assert flow_json(guide, parts, parts.parts[0], ahead, directory_urls=True) == {
        "start": "q-soil",
        "q": {
            "q-soil": {"a": ["o-overwatering", "q-light", "q-light"], "u": 2},
            "q-light": {
                "a": ["o-too-little-light", "o-overwatering", "o-too-little-light"],
                "u": 2,
            },
        },
        "o": {
            "o-overwatering": ["Let the soil dry out", "Move the plant closer to a window"],
            "o-too-little-light": ["Move the plant closer to a window"],
        },
    }


def test_flow_json_gives_a_share_question_its_threshold_and_a_count_question_its_bounds(
    project: Project,
) -> None:
    """The widget decides these answers itself: a share above `share` percent takes
    the first answer; a number up to the n-th bound takes the n-th range, one above
    every bound the last."""
    project.write(
        "questions/soil.yml",
        """
        text: How many of your plants have yellow leaves?
        share:
          part: Plants with yellow leaves
          whole: All your plants
          threshold: 50
          above: {label: More than half, next: light}
          otherwise: {label: Half or fewer, cause: overwatering}
          zero: {label: I have no plants, cause: overwatering}
        sure_only: Everyone can count their plants.
        """,
    )
    project.write(
        "questions/light.yml",
        """
        text: How many metres does the plant stand from a window?
        count:
          label: Metres from the window
          ranges:
            - {label: Up to 2, up_to: 2, cause: overwatering}
            - {label: 3 to 5, up_to: 5, cause: too-little-light}
            - {label: More than 5, cause: too-little-light}
        unsure: {label: It moves around, cause: too-little-light}
        """,
    )
    guide = project.check().guide
    assert guide is not None and guide.flow is not None
    parts = split(guide.flow)
    data = flow_json(guide, parts, parts.parts[0], questions_ahead(guide.flow), True)
    assert data["q"] == {
        "q-soil": {"a": ["q-light", "o-overwatering", "o-overwatering"], "share": 50},
        "q-light": {
            "a": [
                "o-overwatering",
                "o-too-little-light",
                "o-too-little-light",
                "o-too-little-light",
            ],
            "u": 3,
            "count": [2, 5],
        },
    }


def test_hostile_titles_are_text_in_every_page(project: Project, tmp_path: Path) -> None:
    hostile = "</script><img src=x onerror=alert(1)>"
    project.replace("causes/overwatering.yml", "Too much water", f'"{hostile}"')
    guide = project.check().guide
    assert guide is not None
    for page in render(guide):
        _, front, body = page.markdown.split("---\n", 2)
        assert "<img" not in body, page.path
        # Front matter is data (plain text for structured data), HTML-escaped where
        # the theme prints it as HTML: the title and description.
        meta = yaml.safe_load(front)
        assert "<" not in meta["title"] and "<" not in meta["description"]
    links = {Ref("questions", "soil"): "#", Ref("questions", "light"): "#"} | {
        c.ref: "#" for c in guide.causes
    }
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in flow_svg(guide, links, "Diagram")


def test_small_sections_list_every_page_in_the_navigation() -> None:
    guide = check(ROOT / "content", ROOT).guide
    assert guide is not None
    navigation = nav(render(guide))
    causes = next(e["Causes"] for e in navigation.entries if isinstance(e, dict) and "Causes" in e)
    assert len(causes) == 1 + 7  # the overview, then every cause
    assert navigation.hidden == frozenset()


def test_large_sections_list_only_their_index_page(tmp_path: Path) -> None:
    synth(40, tmp_path / "content")
    guide = check(tmp_path / "content", tmp_path).guide
    assert guide is not None
    navigation = nav(render(guide), limit=30)
    sections = {k: v for e in navigation.entries if isinstance(e, dict) for k, v in e.items()}
    assert sections["Causes"] == [{"All causes at a glance": "causes/index.md"}]
    assert len(sections["Fixes"]) == 1 + 20  # 20 remedies fit under the limit
    assert "causes/cause-00000.md" in navigation.hidden
    assert len([p for p in navigation.hidden if p.startswith("causes/")]) == 40


@pytest.mark.parametrize(("limit", "listed"), [(7, True), (6, False)])
def test_a_section_of_exactly_the_limit_lists_every_page(limit: int, listed: bool) -> None:
    """Seven causes with a limit of seven: all listed; with six, only the overview."""
    guide = check(ROOT / "content", ROOT).guide
    assert guide is not None
    navigation = nav(render(guide), limit=limit)
    sections = {k: v for e in navigation.entries if isinstance(e, dict) for k, v in e.items()}
    assert len(sections["Causes"]) == (1 + 7 if listed else 1)
    assert ("causes/too-many-disputes.md" in navigation.hidden) is not listed
    assert navigation.entries[0] == {"Home": "index.md"}


def test_build_names_files_from_the_project_not_the_working_folder(project: Project) -> None:
    (project.content / "causes/overwatering.yml").write_text("title: [\n", encoding="utf-8")
    problems = [str(p) for p in build(project.content, project.root).problems]
    assert problems[0].startswith("content/causes/overwatering.yml:"), problems


def test_a_hand_written_page_s_front_matter_texts_are_escaped_like_generated_ones() -> None:
    meta = {
        "title": 'Tom & "Jerry" <b>',
        "description": "<i>x</i>",
        "subtitle": "<s>",
        "status": '"><b>',
        "hide": ["<toc>"],
        "search": {"boost": 2, "note": "<n>"},
        "template": "<keep>",
        "icon": "material/<keep>",
    }
    assert escape_page_meta(meta) == {
        "title": "Tom &amp; &quot;Jerry&quot; &lt;b&gt;",
        "description": "&lt;i&gt;x&lt;/i&gt;",
        "subtitle": "&lt;s&gt;",
        "status": "&quot;&gt;&lt;b&gt;",
        "hide": ["&lt;toc&gt;"],
        "search": {"boost": 2, "note": "&lt;n&gt;"},
        "template": "<keep>",
        "icon": "material/<keep>",
    }


@pytest.mark.parametrize(
    ("directory_urls", "expected"),
    [
        (True, ["check.md", "check/index.md", "causes/index.md"]),
        # causes/index.html and check.html are different files without directory URLs
        (False, ["check.md", "causes/index.md"]),
    ],
)
def test_hand_written_pages_at_a_generated_address_are_found(
    directory_urls: bool, expected: list[str]
) -> None:
    generated = [Page(path, path, "", None) for path in ("check.md", "causes/index.md")]
    handwritten = ["check.md", "check/index.md", "about.md", "causes/index.md"]
    found = clashes(generated, handwritten, directory_urls)
    assert [path for path, _ in found] == expected


SYNTH_100 = "ae9bd5dca27355204cfaacbb9251d1e8848e7132681a10e4891d85add3f31e51"
"""The 256 files `synth 100` (the benchmark's smallest size) writes with seed 1, hashed by
`dataset_fingerprint`: enough records that every random choice `synth` makes shows."""


def dataset_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def test_synth_writes_the_same_dataset_for_the_same_seed(tmp_path: Path) -> None:
    """`make bench` compares runs over time and machines: they must measure the same
    data. A change to what `synth` writes is deliberate; then put the new hash here,
    and say in the commit that earlier benchmark results are not comparable."""
    synth(100, tmp_path / "content", seed=1)
    assert dataset_fingerprint(tmp_path / "content") == SYNTH_100


SYNTH_40_RU_ES = "0905c23712c6aaa0a6d1f507b60c6a84c84e874f56f5fe906617e6b316e119cf"
"""The 307 files `synth 40 --languages ru,es` writes with seed 1: two symptoms, and
translations that the benchmark's language rows time."""


@pytest.mark.usefixtures("latin1_locale")
def test_synth_writes_the_same_translated_dataset_whatever_the_locale(tmp_path: Path) -> None:
    synth(40, tmp_path / "content", seed=1, languages=("ru", "es"))
    assert dataset_fingerprint(tmp_path / "content") == SYNTH_40_RU_ES


def test_the_smallest_synthetic_dataset_passes_check_and_a_smaller_one_is_refused(
    tmp_path: Path,
) -> None:
    synth(6, tmp_path / "six")
    assert check(tmp_path / "six", tmp_path).problems == ()
    with pytest.raises(ValueError) as refused:
        synth(5, tmp_path / "five")
    assert str(refused.value) == "a synthetic dataset needs at least 6 causes"


def test_a_synthetic_dataset_s_translations_are_complete_and_current(tmp_path: Path) -> None:
    """The benchmark's three-language rows time translated pages, not English fallbacks."""
    synth(12, tmp_path / "content", languages=("ru", "es"))
    result = check(tmp_path / "content", tmp_path)
    assert result.ok and result.problems == ()
    assert [language.code for language in result.languages] == ["es", "ru"]
    for language in result.languages:
        assert language.missing == 0
        assert all(not t.english for t in language.translations.values())
    ru = (tmp_path / "content/translations/ru/causes/cause-00001.yml").read_text(encoding="utf-8")
    assert "made: machine" in ru and re.search("[\u0400-\u04ff]{4}", ru)


def test_the_home_page_stays_the_same_size_on_a_large_site(tmp_path: Path) -> None:
    """A visitor's first page lists the first causes and symptoms and links the rest."""
    sizes = []
    for n in (280, 560):
        synth(n, tmp_path / str(n))
        guide = check(tmp_path / str(n), tmp_path).guide
        assert guide is not None
        home = next(p for p in render(guide) if p.path == "index.md").markdown
        assert home.count("<tr><td>") == 12
        assert 'href="symptoms/">All symptoms</a>' in home
        assert 'href="causes/">All causes at a glance' in home
        sizes.append(len(home))
    assert sizes[1] <= sizes[0] * 1.05


def large_flow(folder: Path) -> Flow:
    """A synthetic check of 100 causes: 199 sections, several parts."""
    synth(100, folder / "content")
    guide = check(folder / "content", folder).guide
    assert guide is not None and guide.flow is not None
    return guide.flow


def test_a_small_check_is_one_page(project: Project) -> None:
    guide = project.check().guide
    assert guide is not None and guide.flow is not None
    parts = split(guide.flow)
    assert [p.path for p in parts.parts] == [CHECK]
    assert parts.parts[0].questions == guide.flow.questions
    assert parts.parts[0].outcomes == guide.flow.outcomes


def test_a_large_check_is_cut_into_parts_that_each_own_a_share(tmp_path: Path) -> None:
    flow = large_flow(tmp_path)
    parts = split(flow)
    assert len(parts.parts) > 1
    assert parts.parts[0].path == CHECK
    sections = {q.ref for q in flow.questions} | {Ref("causes", c) for c in flow.outcomes}
    assert set(parts.owner) == sections  # every section on exactly one part
    for part in parts.parts:
        owned = [ref for ref, path in parts.owner.items() if path == part.path]
        assert set(owned) <= parts.shows(part), part.path  # where links to it lead
        most_answers = max(len(q.choices) for q in flow.questions)
        assert 0 < len(owned) <= PART_SECTIONS + most_answers, part.path
    assert split(flow) == parts  # the same cut at every build


def test_a_part_takes_sections_breadth_first_up_to_its_size_and_shows_the_way_to_them(
    project: Project,
) -> None:
    """Two sections a part: the soil question and its outcome fill the first; the
    light question starts the next, which shows the soil question that leads to it.
    The light question's first answer leads to the first part's outcome (so the
    first part shows it too), and its next answers still to its own outcome."""
    project.write(
        "questions/light.yml",
        """
        text: Does the plant stand within two metres of a window?
        answers:
          - label: "Yes"
            cause: overwatering
          - label: "No"
            cause: too-little-light
        unsure:
          label: It moves around
          cause: too-little-light
        """,
    )
    guide = project.check().guide
    assert guide is not None and guide.flow is not None
    parts = split(guide.flow, size=2)
    shown = [(p.path, [q.id for q in p.questions], list(p.outcomes)) for p in parts.parts]
    assert shown == [
        (CHECK, ["soil", "light"], ["overwatering"]),
        ("check/q-light.md", ["soil", "light"], ["too-little-light"]),
    ]
    assert parts.owner == {
        Ref("questions", "soil"): CHECK,
        Ref("causes", "overwatering"): CHECK,
        Ref("questions", "light"): "check/q-light.md",
        Ref("causes", "too-little-light"): "check/q-light.md",
    }


def test_every_part_shows_a_way_to_it_from_the_first_question(tmp_path: Path) -> None:
    flow = large_flow(tmp_path)
    parts = split(flow)
    start = flow.questions[0].ref
    for part in parts.parts:
        shown = parts.shows(part)
        assert start in shown, part.path
        led_to = {a.target for q in part.questions for a in q.choices} | {start}
        # Every question and outcome on the page is reached by an answer on it.
        assert shown <= led_to, part.path


def test_a_part_s_flow_says_where_answers_to_other_parts_lead(tmp_path: Path) -> None:
    synth(100, tmp_path / "content")
    guide = check(tmp_path / "content", tmp_path).guide
    assert guide is not None and guide.flow is not None
    parts = split(guide.flow)
    ahead = questions_ahead(guide.flow)
    later = parts.parts[1]
    data = flow_json(guide, parts, later, ahead, directory_urls=True)
    led_to = {target for entry in data["q"].values() for target in entry["a"]}
    on_page = set(data["q"]) | set(data["o"])
    assert set(data["x"]) == led_to - on_page
    for section, there in data["x"].items():
        # The owner's address from this part, and the longest way on from there.
        # (Each synthetic cause has one question leading to it, which owns it.)
        question = Ref("questions", section.removeprefix("q-"))
        owner = parts.owner[question]
        folder = "" if owner == CHECK else owner.removeprefix("check/").removesuffix(".md") + "/"
        assert there == ["../" + folder, ahead[question]], section


def test_an_answer_to_an_outcome_on_another_part_leads_there_with_no_questions_left(
    project: Project,
) -> None:
    """Cut into parts of two sections, the houseplants check puts "Too much water"
    on the first part, with the soil question; the light question's part shows the
    soil question too (the way to it), and both lead to it on the first part."""
    guide = project.check().guide
    assert guide is not None and guide.flow is not None
    parts = split(guide.flow, size=2)
    assert [part.path for part in parts.parts] == [CHECK, "check/q-light.md"]
    data = flow_json(guide, parts, parts.parts[1], questions_ahead(guide.flow), True)
    assert data["x"] == {"o-overwatering": ["../", 0]}


def test_a_broken_translation_does_not_stop_the_build_in_the_dataset_s_language(
    project: Project,
) -> None:
    """`check` reports it; the site in the dataset's own language still builds."""
    project.write("translations/ru/causes/drought.yml", "made: machine\ntitle: Drought\n")
    result = build(project.content, project.root)
    assert result.guide is not None and result.pages
    assert result.problems == ()
    problems = check(project.content, project.root).problems
    assert [str(p) for p in problems if p.severity == "error"] == [
        "content/translations/ru/causes/drought.yml:1:1: error: a translation of "
        "causes/drought.yml, which does not exist (or has errors); delete it, or rename it "
        "after the record it translates"
    ]


def test_cause_pages_show_the_site_s_words_for_a_verdict_or_the_default(
    project: Project,
) -> None:
    site = (project.content / "site.yml").read_text(encoding="utf-8")
    project.write("site.yml", site + "verdicts:\n  never: Gone for good\n")
    pages = {page.path: page.markdown for page in build(project.content, project.root).pages}
    assert "Gone for good" in pages["causes/old-leaves.md"]
    assert "Recoverable" in pages["causes/overwatering.md"]


def diagram(project: Project) -> str:
    """The project's guided check as the diagram draws it, each box linking to
    `#<id>` of its question or cause."""
    guide = project.check().guide
    assert guide is not None and guide.flow is not None
    links = {q.ref: f"#{q.id}" for q in guide.flow.questions} | {
        c.ref: f"#{c.id}" for c in guide.causes
    }
    return flow_svg(guide, links, "The check")


def box_lines(svg: str, href: str) -> list[str]:
    """The lines of text in the diagram's box that links to `href`."""
    box = re.search(f'<a xlink:href="{href}">(.*?)</a>', svg)
    assert box is not None, href
    return re.findall(r"<tspan [^>]*>([^<]*)</tspan>", box.group(1))


def test_a_diagram_box_cuts_a_word_too_long_for_its_line(project: Project) -> None:
    """A box is 40 characters wide: a longer word (a label printed on a device, an
    error code) is cut across lines, and the words around it keep their place."""
    project.replace(
        "questions/soil.yml",
        "Is the soil still wet a few days after watering?",
        "Does the pot say SELF-WATERING-RESERVOIR-WITH-OVERFLOW-PROTECTION on its label?",
    )
    assert box_lines(diagram(project), "#soil") == [
        "Does the pot say",
        "SELF-WATERING-RESERVOIR-WITH-OVERFLOW-PR",
        "OTECTION on its label?",
    ]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (
            "Yes, and water stands in the saucer below the pot every morning after watering",
            ["Yes, and water", "stands in the saucer", "below the pot every…"],
        ),
        # A third line that fills all 20 characters gives its last one to the `…`.
        (
            "Yes, and water stands in the saucer belowthepoteverydayx again",
            ["Yes, and water", "stands in the saucer", "belowthepoteveryday…"],
        ),
        # ... and a space left at its end goes with it.
        (
            "Yes, and water stands in the saucer belowthepoteveryda y again",
            ["Yes, and water", "stands in the saucer", "belowthepoteveryda…"],
        ),
        # Three lines exactly: the whole label, nothing to mark.
        (
            "Yes, and water stands in the saucer below",
            ["Yes, and water", "stands in the saucer", "below"],
        ),
    ],
)
def test_a_long_answer_label_in_the_diagram_shows_its_first_three_lines(
    project: Project, label: str, expected: list[str]
) -> None:
    """The label sits between a question and its outcome, 20 characters wide; more
    than three lines would run into the next outcome's label. `…` says it goes on."""
    project.replace("questions/soil.yml", 'label: "Yes"', f"label: {label}")
    svg = diagram(project)
    shown = re.search(r'<text class="hs-d-label" [^>]*><tspan [^>]*>Yes, and.*?</text>', svg)
    assert shown is not None
    assert re.findall(r"<tspan [^>]*>([^<]*)</tspan>", shown.group(0)) == expected


def test_the_diagram_shows_an_outcome_whose_answer_comes_after_one_that_leads_on(
    project: Project,
) -> None:
    project.write(
        "questions/soil.yml",
        """
        text: Is the soil still wet a few days after watering?
        answers:
          - label: "No"
            next: light
          - label: "Yes"
            cause: overwatering
        unsure:
          label: I cannot tell
          next: light
        """,
    )
    svg = diagram(project)
    # Each answer that ends the check has its own box: soil's "Yes", and light's three.
    assert svg.count('<rect class="hs-d-o"') == 4
    soil_row = svg[svg.index('<a xlink:href="#soil">') : svg.index('<a xlink:href="#light">')]
    assert '<a xlink:href="#overwatering">' in soil_row


def test_the_diagram_is_as_wide_as_its_rightmost_box_and_a_margin(project: Project) -> None:
    """Here the rightmost box is a question eighteen answers deep whose answers all
    lead back to one asked earlier, so it has no outcome boxes to its right."""
    project.write(
        "questions/soil.yml",
        """
        text: Is the soil still wet a few days after watering?
        answers:
          - {label: "Yes", next: light}
          - {label: "No", next: step-1}
        unsure: {label: I cannot tell, next: light}
        """,
    )
    for i in range(1, 19):
        then = f"step-{i + 1}" if i < 18 else "light"
        project.write(
            f"questions/step-{i}.yml",
            f"""
            text: Step {i}?
            answers:
              - {{label: "Yes", next: {then}}}
              - {{label: "No", next: light}}
            unsure: {{label: I cannot tell, next: light}}
            """,
        )
    svg = diagram(project)
    boxes = re.findall(r'<rect class="[^"]*" x="(\d+)" y="\d+" width="(\d+)"', svg)
    rightmost = max(int(x) + int(w) for x, w in boxes)
    assert rightmost == 10 + 18 * 28 + 300  # the deepest question's box, not an outcome's
    assert f'viewBox="0 0 {rightmost + 10} ' in svg and f'width="{rightmost + 10}"' in svg


@pytest.mark.usefixtures("latin1_locale")
def test_the_widget_s_script_keeps_its_letters_whatever_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site serves the minified script as the plugin reads it, and `make widget`
    minifies the parts joined in their order. A letter outside ASCII in them (a
    word in a string, a typographic quote) arrives as written on a machine whose
    locale is not UTF-8. (Here on stand-in files: the real ones are ASCII today.)"""
    parts = tmp_path / "check"
    parts.mkdir()
    for name in widget.WIDGET_PARTS:
        (parts / name).write_text(f"// {name} « … »\n", encoding="utf-8")
    minified = tmp_path / "check.min.js"
    minified.write_text('var s="Não sei — ¿qué?";\n', encoding="utf-8")
    monkeypatch.setattr(widget, "WIDGET", parts)
    monkeypatch.setattr(widget, "WIDGET_MINIFIED", minified)
    assert widget.widget_source() == ("// state.js « … »\n// mount.js « … »\n// search.js « … »\n")
    assert widget.widget_script() == 'var s="Não sei — ¿qué?";\n'


def symptom_faq(project: Project, language: str | None = None) -> list[list[str]]:
    """The FAQ structured data of the yellow-leaves page, in `language`'s site."""
    result = build(project.content, project.root, Options(language=language or "en"), language)
    page = next(p for p in result.pages if p.path == "symptoms/yellow-leaves.md")
    faq: list[list[str]] = yaml.safe_load(page.markdown.split("---\n", 2)[1])["faq"]
    return faq


def test_a_translated_site_s_faq_asks_about_the_message_in_its_language(
    project: Project,
) -> None:
    """The page shows the wording of the reader's interface first; the FAQ a search
    engine shows asks about the same wording."""
    project.replace(
        "symptoms/yellow-leaves.yml",
        "  - text: The lower leaves are turning yellow\n",
        "  - text: The lower leaves are turning yellow\n"
        "  - text: Нижние листья желтеют\n    language: ru\n",
    )
    (project.content / "translations/ru").mkdir(parents=True)
    assert symptom_faq(project, "ru")[0][0] == "Что означает «Нижние листья желтеют»?"
    assert symptom_faq(project)[0][0] == "What does “The lower leaves are turning yellow” mean?"


def test_the_faq_answers_are_the_words_a_reader_sees(project: Project) -> None:
    """Structured data is plain text: no Markdown, no HTML, no entities, and no
    space where the page has none (next to a bracket around emphasis)."""
    project.replace(
        "symptoms/yellow-leaves.yml",
        "meaning:",
        "still_works:\n"
        "  - New leaves (*at the top*) grow green & healthy.\n"
        "  - It keeps [growing](cause:old-leaves).\n"
        "meaning:",
    )
    assert symptom_faq(project)[1] == [
        "What can I still do?",
        "New leaves (at the top) grow green & healthy. It keeps growing.",
    ]


def messages_on(pages: dict[str, str], path: str) -> list[str]:
    return re.findall(r'<blockquote class="hs-message" lang="([^"]*)"', pages[path])


def test_a_symptom_shows_the_message_in_the_reader_s_language_first(project: Project) -> None:
    """The home page shows one message per symptom: the one the reader saw."""
    symptom = (project.content / "symptoms/yellow-leaves.yml").read_text(encoding="utf-8")
    russian_first = "messages:\n  - text: Листья желтеют\n    language: ru\n"
    project.write("symptoms/yellow-leaves.yml", symptom.replace("messages:\n", russian_first))
    project.write("translations/ru/site.yml", "made: machine\n")
    english = {p.path: p.markdown for p in build(project.content, project.root).pages}
    assert messages_on(english, "symptoms/yellow-leaves.md") == ["en", "ru"]
    assert messages_on(english, "index.md")[0] == "en"
    result = build(project.content, project.root, Options(language="ru"), "ru")
    russian = {p.path: p.markdown for p in result.pages}
    assert messages_on(russian, "symptoms/yellow-leaves.md") == ["ru", "en"]
    assert messages_on(russian, "index.md")[0] == "ru"


@pytest.mark.parametrize(("directory_urls", "elsewhere"), [(True, "../"), (False, "../check.html")])
def test_a_large_check_s_parts_are_pages_whose_answers_lead_across_parts(
    tmp_path: Path, directory_urls: bool, elsewhere: str
) -> None:
    """Only the first part is in the navigation; the others are reached by answers,
    which lead to a section of their own page or of the part that owns it."""
    synth(100, tmp_path / "content")
    guide = check(tmp_path / "content", tmp_path).guide
    assert guide is not None
    pages = render(guide, Options(directory_urls=directory_urls))
    assert [(p.path, p.listed) for p in pages if p.path.startswith("check")] == [
        ("check.md", True),
        ("check/q-q-00054.md", False),
        ("check/q-q-00074.md", False),
        ("check/q-q-00094.md", False),
        ("check/map.md", True),
    ]
    second = next(p.markdown for p in pages if p.path == "check/q-q-00054.md")
    answers = re.findall(r'href="([^"]*)" data-hs-answer', second)
    to_first_part = f"{elsewhere}#q-q-00005"
    on_this_part = ["#q-q-00002", "#q-q-00003", "#q-q-00003", "#q-q-00004"]
    assert answers[:6] == [*on_this_part, to_first_part, to_first_part]
    # The script follows an answer to another part by the same address.
    found = re.search(r'data-hs-check="([^"]*)"', second)
    assert found is not None
    assert json.loads(html.unescape(found[1]))["x"]["q-q-00005"] == [elsewhere, 5]


@pytest.mark.parametrize(
    ("directory_urls", "url"), [(True, "../too-little-light/"), (False, "too-little-light.html")]
)
def test_a_link_to_a_record_in_content_leads_to_its_page(
    project: Project, directory_urls: bool, url: str
) -> None:
    project.replace(
        "causes/overwatering.yml", "air.", "air; see [too little light](cause:too-little-light)."
    )
    pages = {
        p.path: p.markdown
        for p in build(project.content, project.root, Options(directory_urls)).pages
    }
    assert f'see <a href="{url}">too little light</a>.' in pages["causes/overwatering.md"]


def test_a_record_s_page_says_when_it_was_last_checked(project: Project) -> None:
    """In the reader's words on the page, and as the sitemap's date for that page."""
    project.replace("causes/overwatering.yml", "2026-11-27", "2025-01-15")
    pages = {p.path: p for p in build(project.content, project.root).pages}
    page = pages["causes/overwatering.md"]
    assert page.reviewed == date(2025, 1, 15)
    assert (
        'Last checked against its sources: <time datetime="2025-01-15">January 15, 2025</time>.'
    ) in page.markdown
    assert pages["causes/too-little-light.md"].reviewed == date(2026, 11, 27)
    # A page of many records: the latest day of theirs.
    assert pages["index.md"].reviewed == date(2026, 11, 27)


def test_a_translated_check_offers_the_request_in_the_dataset_s_language_too(
    project: Project,
) -> None:
    """Support may read only the dataset's language: the same request in it."""
    settings = (project.content / "site.yml").read_text(encoding="utf-8")
    request = "request:\n  to: the plant shop\n  facts:\n    - Your order number\n"
    project.write("site.yml", settings + request)
    project.write("translations/ru/site.yml", "made: machine\n")
    result = build(project.content, project.root, Options(language="ru"), "ru")
    page = next(p.markdown for p in result.pages if p.path == "check.md")
    assert (
        '<details class="hs-request-original quote"><summary>Тот же текст (английский)</summary>\n'
        '<pre lang="en" dir="ltr" data-hs-request-original data-hs-none="nothing yet">Hello,\n\n'
        "I need your help. The details:\n\n"
        "Your order number: [please fill in]\n"
        "What I have tried: <span data-hs-tried-original>[please fill in]</span>\n\n"
        "Thank you.</pre>\n</details>"
    ) in page
    english = build(project.content, project.root).pages
    assert "hs-request-original" not in next(p.markdown for p in english if p.path == "check.md")
