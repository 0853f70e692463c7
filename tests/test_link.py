"""References and the flow. Each single mistake is a case in tests/corpus/; these are the rest."""

from __future__ import annotations

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
    project.write("causes/old-leaves.yml", text.split("not_in_check:")[0])
    assert project.problems() == [
        "content/causes/old-leaves.yml:1:1: error: no answer in the guided check leads to cause "
        "'old-leaves'; add an answer with `cause: old-leaves`, or say why not with "
        "`not_in_check: <reason>`"
    ]
