"""Fields. Each single mistake is a case in tests/corpus/; these are the rest."""

from __future__ import annotations

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
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml",
        text.replace(
            "title: Old leaves dying off", 'title: "</script><img src=x onerror=alert(1)>"'
        ),
    )
    assert project.problems() == []


def test_plain_numbers_and_words_are_text_in_text_fields(project: Project) -> None:
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml", text.replace("title: Old leaves dying off", "title: 404")
    )
    site = project.check().site
    assert site is not None
    assert site.cause("old-leaves").title == "404"
