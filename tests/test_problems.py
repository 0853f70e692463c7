"""What the checks print: nothing from the dataset can act on the terminal or the log."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.problems import Pos, Problem, visible
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
