"""Fields: each mistake an editor can make in a record, with the fix in the message."""

from __future__ import annotations

from tests.conftest import Project

REMEDY = "content/remedies/move-to-light.yml"


def test_unknown_key_suggests_the_near_one(project: Project) -> None:
    project.write(
        "remedies/move-to-light.yml",
        """
        titel: Move it
        summary: More light.
        steps: [Move it.]
        expect: {effort: A minute, waiting: None}
        """,
    )
    assert project.problems() == [
        f"{REMEDY}:1:1: error: missing required key 'title' in remedy (The page heading: an "
        "action.); add `title: Reset the password`",
        f"{REMEDY}:1:1: error: unknown key 'titel' in remedy (did you mean 'title'?); allowed "
        "keys: title, summary, steps, expect, caveats",
    ]


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


def test_empty_value_is_not_text(project: Project) -> None:
    project.write(
        "remedies/move-to-light.yml",
        """
        title:
        summary: More light.
        steps: [Move it.]
        expect: {effort: A minute, waiting: None}
        """,
    )
    assert project.problems() == [f"{REMEDY}:1:7: error: 'title' expects text, found nothing"]


def test_verdict_must_be_on_the_scale(project: Project) -> None:
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write("causes/old-leaves.yml", text.replace("verdict: never", "verdict: nevr"))
    assert project.problems() == [
        "content/causes/old-leaves.yml:7:12: error: 'verdict' must be one of recoverable, "
        "sometimes, rarely, never, found 'nevr' (did you mean 'never'?)"
    ]


def test_cause_without_remedies(project: Project) -> None:
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    head, _, tail = text.partition("remedies:\n  - remedy: remove-yellow-leaves\n")
    project.write("causes/old-leaves.yml", head + "remedies: []\n" + tail)
    assert project.problems() == [
        "content/causes/old-leaves.yml:9:11: error: 'remedies' needs at least 1 item, found 0"
    ]


def test_title_must_be_one_line(project: Project) -> None:
    project.write(
        "remedies/move-to-light.yml",
        """
        title: |
          Move it
          closer
        summary: More light.
        steps: [Move it.]
        expect: {effort: A minute, waiting: None}
        """,
    )
    assert project.problems() == [
        f"{REMEDY}:1:8: error: 'title' must be one line; join the lines or shorten it"
    ]


def test_reference_must_look_like_an_id(project: Project) -> None:
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml",
        text.replace("remedy: remove-yellow-leaves", "remedy: ../secrets"),
    )
    assert project.problems() == [
        "content/causes/old-leaves.yml:10:13: error: 'remedy' expects an id (a file name in "
        "remedies/ without `.yml`), found '../secrets'"
    ]


def test_answer_needs_exactly_one_target(project: Project) -> None:
    project.write(
        "questions/light.yml",
        """
        text: Far from a window?
        answers:
          - label: "Yes"
            cause: too-little-light
            next: soil
          - label: "No"
            cause: overwatering
        """,
    )
    assert project.problems() == [
        "content/questions/light.yml:3:5: error: 'answers[0]' needs exactly one of 'next' or "
        "'cause', found next, cause; keep one"
    ]


def test_threshold_must_be_a_percentage(project: Project) -> None:
    project.write(
        "questions/light.yml",
        """
        text: How many?
        share:
          part: Yellow leaves
          whole: All leaves
          threshold: 150
          above: {label: Most, cause: overwatering}
          otherwise: {label: Few, cause: too-little-light}
        """,
    )
    assert project.problems() == [
        "content/questions/light.yml:5:14: error: 'threshold' expects a whole number from 0 to "
        "100, found '150'"
    ]


def test_raw_html_in_markdown_is_an_error(project: Project) -> None:
    text = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml",
        text.replace(
            "explanation: Every plant", "explanation: <img src=x onerror=alert(1)> Every plant"
        ),
    )
    assert project.problems() == [
        "content/causes/old-leaves.yml:3:14: error: in 'explanation': HTML is not allowed in "
        "content, found '<img src=x onerror=alert(1)>'; write plain text and Markdown, e.g. "
        "**bold** or [a link](https://example.org)"
    ]


def test_javascript_and_data_links_are_errors(project: Project) -> None:
    project.write(
        "remedies/move-to-light.yml",
        """
        title: Move it
        summary: More light.
        steps:
          - "[click](javascript:alert(1))"
          - "[click](data:text/html;base64,PHNjcmlwdD4=)"
        expect: {effort: A minute, waiting: None}
        """,
    )
    assert project.problems() == [
        f"{REMEDY}:4:5: error: in 'steps[0]': link target 'javascript:alert(1)' is not allowed; "
        "link to https://, mailto: or another page of this guide as cause:ID, remedy:ID or "
        "symptom:ID",
        f"{REMEDY}:5:5: error: in 'steps[1]': link target 'data:text/html;base64,PHNjcmlwdD4=' "
        "is not allowed; link to https://, mailto: or another page of this guide as cause:ID, "
        "remedy:ID or symptom:ID",
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
