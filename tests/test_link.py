"""References and the flow. Each single mistake is a case in tests/corpus/; these are the rest."""

from __future__ import annotations

import re

from tests.conftest import Project


def test_broken_file_is_reported_once_not_at_every_reference(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: [\n")
    problems = project.problems()
    assert len(problems) == 1
    assert problems[0].startswith("content/remedies/move-to-light.yml:")


def test_backlinks_are_derived(project: Project) -> None:
    guide = project.check().guide
    assert guide is not None
    assert guide.causes_using["move-to-light"] == ("overwatering", "too-little-light")
    assert guide.symptoms_of["old-leaves"] == ("yellow-leaves",)
    assert guide.related["too-little-light"] == ("overwatering",)
    assert guide.related["overwatering"] == ("too-little-light",)


def test_flow_is_breadth_first_with_outcomes_in_order(project: Project) -> None:
    guide = project.check().guide
    assert guide is not None and guide.flow is not None
    assert [q.id for q in guide.flow.questions] == ["soil", "light"]
    assert guide.flow.outcomes == ("overwatering", "too-little-light")


def test_a_cause_outside_the_check_needs_a_reason(project: Project) -> None:
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write("causes/old-leaves.yml", re.sub(r"not_in_check: .*\n", "", text))
    assert project.problems() == [
        "content/causes/old-leaves.yml:1:1: error: no answer in the guided check leads to cause "
        "'old-leaves'; add an answer with `cause: old-leaves`, or say why not with "
        "`not_in_check: <reason>`"
    ]


def test_schema_and_reference_errors_are_reported_in_one_run(project: Project) -> None:
    """As MkDocs collects config errors and fails once: a file with a schema error
    still has its references checked, and other files' mistakes show too."""
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml",
        text.replace("title: Old leaves dying off\n", "").replace(
            "remove-yellow-leaves", "remove-yelow-leaves"
        ),
    )
    text = (project.content / "symptoms/yellow-leaves.yml").read_text(encoding="utf-8")
    project.write("symptoms/yellow-leaves.yml", text.replace("- overwatering", "- overwaterin"))
    assert project.problems() == [
        "content/causes/old-leaves.yml:1:1: error: missing required key 'title' in a cause "
        "(The page heading.); add `title: The cable is loose`",
        "content/causes/old-leaves.yml:11:13: error: unknown remedy 'remove-yelow-leaves' (did "
        "you mean 'remove-yellow-leaves'?); use the name of a file in remedies/ without `.yml`",
        "content/symptoms/yellow-leaves.yml:7:5: error: unknown cause 'overwaterin' (did you "
        "mean 'overwatering'?); use the name of a file in causes/ without `.yml`",
    ]
