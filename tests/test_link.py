"""References between records, derived backlinks, and the guided check's tree."""

from __future__ import annotations

from tests.conftest import Project


def test_unknown_reference_suggests_the_near_id(project: Project) -> None:
    text = (project.content / "causes/overwatering.yml").read_text(encoding="utf-8")
    project.write("causes/overwatering.yml", text.replace("let-soil-dry", "let-soil-dri"))
    assert project.problems() == [
        "content/causes/overwatering.yml:10:13: error: unknown remedy 'let-soil-dri' (did you "
        "mean 'let-soil-dry'?); use the name of a file in remedies/ without `.yml`",
    ]


def test_unknown_internal_link_in_markdown(project: Project) -> None:
    text = (project.content / "causes/overwatering.yml").read_text(encoding="utf-8")
    project.write(
        "causes/overwatering.yml",
        text.replace("explanation: Soil", "explanation: See [light](cause:too-litle-light). Soil"),
    )
    assert project.problems() == [
        "content/causes/overwatering.yml:3:14: error: unknown cause 'too-litle-light' (did you "
        "mean 'too-little-light'?); use the name of a file in causes/ without `.yml`"
    ]


def test_broken_file_is_reported_once_not_at_every_reference(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: [\n")
    problems = project.problems()
    assert len(problems) == 1
    assert problems[0].startswith("content/remedies/move-to-light.yml:")


def test_backlinks_are_derived(project: Project) -> None:
    site = project.check().site
    assert site is not None
    assert site.causes_using["move-to-light"] == ("overwatering", "too-little-light")
    assert site.symptoms_of["old-leaves"] == ("yellow-leaves",)
    assert site.related["too-little-light"] == ("overwatering",)
    assert site.related["overwatering"] == ("too-little-light",)


def test_unused_remedy_is_a_warning_only(project: Project) -> None:
    project.write(
        "remedies/repot.yml",
        """
        title: Repot
        summary: Fresh soil.
        steps: [Repot it.]
        expect: {effort: An hour, waiting: None}
        """,
    )
    result = project.check()
    assert result.ok
    assert [str(p) for p in result.problems] == [
        "content/remedies/repot.yml:1:1: warning: remedy 'repot' is not used by any cause; add it "
        "to a cause's `remedies:` or delete the file"
    ]


def test_cycle_in_the_check_is_an_error(project: Project) -> None:
    project.write(
        "questions/light.yml",
        """
        text: Far from a window?
        answers:
          - {label: "Yes", cause: too-little-light}
          - {label: "No", next: soil}
        """,
    )
    assert project.problems() == [
        "content/questions/light.yml:4:25: error: the guided check loops (soil -> light -> soil); "
        "lead this answer to a later question or to a cause",
    ]


def test_unreachable_question_is_an_error(project: Project) -> None:
    project.write(
        "questions/orphan.yml",
        """
        text: Nobody asks this?
        answers:
          - {label: "Yes", cause: overwatering}
          - {label: "No", cause: too-little-light}
        """,
    )
    assert project.problems() == [
        "content/questions/orphan.yml:1:1: error: question 'orphan' cannot be reached from the "
        "first question 'soil'; lead an answer to it with `next: orphan` or delete the file"
    ]


def test_duplicate_answers_are_a_warning(project: Project) -> None:
    project.write(
        "questions/light.yml",
        """
        text: Far from a window?
        answers:
          - {label: "Yes", cause: too-little-light}
          - {label: "yes ", cause: overwatering}
        """,
    )
    assert project.problems() == [
        "content/questions/light.yml:4:28: warning: answer 'yes' repeats an earlier answer of "
        "this question; reword or remove one"
    ]
