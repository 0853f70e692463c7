"""Reading files. Each way a file can fail is a case in tests/corpus/; these are the rest."""

from __future__ import annotations

from pathlib import Path

from generator.load import MAX_DEPTH, Map, Scalar, Seq, parse_text
from generator.pipeline import check
from tests.conftest import Project


def test_valid_dataset_has_no_problems(project: Project) -> None:
    assert project.problems() == []


def test_missing_dataset_folder(tmp_path: Path) -> None:
    result = check(tmp_path / "nowhere", base=tmp_path)
    assert [str(p) for p in result.problems] == [
        "nowhere:1:1: error: dataset folder not found; expected a folder holding site.yml and "
        "causes/"
    ]


def test_nodes_keep_the_parsers_positions() -> None:
    root, problems = parse_text("title: A\nsteps:\n  - one\n  - 'two'\n", "x.yml")
    assert problems == []
    assert isinstance(root, Map)
    (_, title), (_, steps) = root.entries
    assert isinstance(title, Scalar) and isinstance(steps, Seq)
    assert (title.pos.line, title.pos.col, title.value, title.plain) == (1, 8, "A", True)
    items = [(i.pos.line, i.pos.col, isinstance(i, Scalar) and i.plain) for i in steps.items]
    assert items == [(3, 5, True), (4, 5, False)]


def test_nesting_up_to_the_limit_is_fine() -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert parse_text(text, "x.yml")[1] == []
