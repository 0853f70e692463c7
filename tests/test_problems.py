"""What the checks print: nothing from the dataset can act on the terminal or the log."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.problems import DatasetError, Pos, Problem, did_you_mean, shorten, visible
from tests.conftest import ROOT, Project

FORGED = "x\x1b[31m\n::error file=README.md::forged\u202e.yml"
"""A file name with a colour escape, a line break that starts a forged GitHub
annotation, and a right-to-left override."""


def test_invisible_and_line_breaking_characters_are_written_out() -> None:
    assert (
        visible("plain text, «ünïcode», 한국어, العربية")
        == "plain text, «ünïcode», 한국어, العربية"
    )
    assert visible("a\x1b[2Jb\nc\u2028d\u202ee\x00") == ("a\\x1b[2Jb\\x0ac\\u2028d\\u202ee\\x00")


def test_a_problem_is_one_line_whatever_it_quotes() -> None:
    problem = Problem(Pos(f"content/causes/{FORGED}", 1, 1), f"found '{FORGED}'")
    for line in (str(problem), problem.github()):
        assert "\n" not in line and "\x1b" not in line and "\u202e" not in line


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_hostile_file_name_cannot_forge_lines_in_the_log(project: Project, fmt: str) -> None:
    (project.content / "causes" / FORGED).write_text("title: x\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--format", fmt],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    forged = [line for line in result.stderr.splitlines() if "forged" in line]
    assert len(forged) == 1
    assert forged[0].startswith("content/causes/x" if fmt == "text" else "::error file=")


def test_the_build_s_error_lists_every_problem_in_place_order_and_counts_errors() -> None:
    problems = [
        Problem(Pos("content/b.yml", 1, 1), "second", "warning"),
        Problem(Pos("content/a.yml", 2, 3), "first"),
    ]
    assert str(DatasetError(problems)) == (
        "content/a.yml:2:3: error: first\n"
        "content/b.yml:1:1: warning: second\n"
        "1 error in the dataset; nothing was built."
    )
    assert str(DatasetError([*problems, Problem(Pos("c", 1, 1), "x")], "the ru site")).endswith(
        "\n2 errors in the ru site; nothing was built."
    )


def test_problems_at_one_place_keep_the_order_they_were_found_in() -> None:
    # The first says what is wrong there; what follows from it comes after.
    here = Pos("content/a.yml", 1, 1)
    problems = [Problem(here, "missing 'title'"), Problem(here, "bad 'id'")]
    assert str(DatasetError(problems)).splitlines()[:2] == [
        "content/a.yml:1:1: error: missing 'title'",
        "content/a.yml:1:1: error: bad 'id'",
    ]


def test_annotations_escape_what_github_would_read_as_syntax() -> None:
    problem = Problem(Pos("content/a,b:c%.yml", 3, 4), "50% off\n::x", "warning")
    assert problem.github() == (
        "::warning file=content/a%2Cb%3Ac%25.yml,line=3,col=4::50%25 off\\x0a::x"
    )


def test_a_suggestion_needs_a_close_match() -> None:
    assert did_you_mean("causse", ["cause", "remedy"]) == " (did you mean 'cause'?)"
    assert did_you_mean("xyz", ["cause", "remedy"]) == ""


def test_bytes_and_characters_beyond_the_basic_plane_are_escaped_by_their_width() -> None:
    assert visible("\udce9\x7f\u200b\U000e0001\uffff") == ("\\xe9\\x7f\\u200b\\U000e0001\\uffff")


def test_a_value_of_the_longest_length_shown_is_shown_whole() -> None:
    assert shorten("x" * 40) == "x" * 40
    assert shorten("x" * 41) == "x" * 37 + "..."
