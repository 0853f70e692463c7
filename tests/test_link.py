"""References and the flow. Each single mistake is a case in tests/corpus/; these are the rest."""

from __future__ import annotations

import re

from generator.render.addresses import resolve_links
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


def test_questions_without_a_first_question_are_refused(project: Project) -> None:
    project.replace("site.yml", "check_start: soil\n", "")
    assert project.problems() == [
        "content/site.yml:1:1: error: questions/ has questions but site.yml names no first "
        "question; add `check_start: <question id>`"
    ]


def test_a_loop_away_from_the_first_question_is_found_after_another_branch(
    project: Project,
) -> None:
    """The first branch (soil -> done) ends before the walk reaches the loop, which
    does not pass through the first question (light -> pot -> light)."""
    project.write(
        "questions/soil.yml",
        """
        text: Is the soil still wet a few days after watering?
        answers:
          - {label: "Yes", next: done}
          - {label: "No", next: light}
        sure_only: A question of the tests.
        """,
    )
    project.write(
        "questions/done.yml",
        """
        text: Is the saucer full?
        answers:
          - {label: "Yes", cause: overwatering}
          - {label: "No", cause: too-little-light}
        sure_only: A question of the tests.
        """,
    )
    project.write(
        "questions/light.yml",
        """
        text: Does the plant stand more than two metres from a window?
        answers:
          - {label: "Yes", cause: too-little-light}
          - {label: "No", next: pot}
        sure_only: A question of the tests.
        """,
    )
    project.write(
        "questions/pot.yml",
        """
        text: Has the pot a hole in the bottom?
        answers:
          - {label: "Yes", next: light}
          - {label: "No", cause: overwatering}
        sure_only: A question of the tests.
        """,
    )
    assert project.problems() == [
        "content/questions/pot.yml:3:26: error: the guided check loops (light -> pot -> light); "
        "lead this answer to a later question or to a cause"
    ]


def test_a_cause_may_share_its_id_with_a_question(project: Project) -> None:
    """An answer leading to the cause `soil` leads to an outcome, not back to the
    question `soil`: ids are unique within a folder only."""
    cause = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write("causes/soil.yml", cause.replace("Old leaves dying off", "Soil worn out"))
    project.replace("symptoms/yellow-leaves.yml", "  - old-leaves\n", "  - old-leaves\n  - soil\n")
    light = (project.content / "questions/light.yml").read_text(encoding="utf-8")
    project.write("questions/light.yml", light.replace("cause: too-little-light", "cause: soil", 1))
    guide = project.check().guide
    assert project.problems() == []
    assert guide is not None and guide.flow is not None
    assert guide.flow.outcomes == ("overwatering", "soil", "too-little-light")


def _count(*ranges: str) -> str:
    return (
        "text: How many plants stand on the same window sill?\n"
        "count:\n"
        "  label: Plants on the sill\n"
        "  ranges:\n"
        + "".join(f"    - {r}\n" for r in ranges)
        + "sure_only: Anyone can count them.\n"
    )


def test_count_ranges_may_start_at_zero_and_must_rise(project: Project) -> None:
    project.write(
        "questions/light.yml",
        _count(
            "{up_to: 0, label: None, cause: too-little-light}",
            "{label: Some, cause: overwatering}",
        ),
    )
    assert project.problems() == []
    project.write(
        "questions/light.yml",
        _count(
            "{up_to: 2, label: Two or fewer, cause: too-little-light}",
            "{up_to: 2, label: Two again, cause: overwatering}",
            "{label: More, cause: overwatering}",
        ),
    )
    assert project.problems() == [
        "content/questions/light.yml:6:43: error: range 2 goes up to 2, but the range before "
        "it already goes up to 2; expected an `up_to` larger than 2"
    ]


def test_related_causes_follow_the_order_of_the_causes(project: Project) -> None:
    """Causes are ordered as the symptoms first list them (overwatering,
    too-little-light, old-leaves), not as a cause declares them nor by name."""
    text = (project.content / "causes/overwatering.yml").read_text(encoding="utf-8")
    text = re.sub(r"related:\n(  - .*\n)+", "", text)
    project.write(
        "causes/overwatering.yml",
        text + "related:\n  - old-leaves\n  - too-little-light\n",
    )
    guide = project.check().guide
    assert guide is not None
    assert guide.related["overwatering"] == ("too-little-light", "old-leaves")


def test_hand_written_pages_link_to_the_guide_s_records_only(project: Project) -> None:
    """As the plugin resolves `cause:ID` links in hand-written pages, by the guide."""
    guide = project.check().guide
    assert guide is not None
    html = '<a href="cause:old-leaves">a</a> <a href="remedy:gone">b</a>'
    assert resolve_links(html, lambda folder, rid: f"../{folder}/{rid}/", guide.has) == (
        '<a href="../causes/old-leaves/">a</a> <a href="remedy:gone">b</a>'
    )


def test_translations_wait_until_the_guided_check_has_no_errors(project: Project) -> None:
    """A translation is checked against a dataset without errors: before, its
    counts of what is missing would only mislead."""
    project.write("translations/fr/site.yml", "made: machine\ntitle: Feuilles jaunes\n")
    project.replace("site.yml", "check_start: soil\n", "")
    assert project.problems() == [
        "content/site.yml:1:1: error: questions/ has questions but site.yml names no first "
        "question; add `check_start: <question id>`"
    ]
