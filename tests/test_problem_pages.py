"""What `mkdocs serve` shows while the dataset is broken (`render/problem_pages.py`)."""

from __future__ import annotations

from generator.problems import Pos, Problem
from generator.render.problem_pages import problem_addresses, problem_page


def test_every_address_the_site_would_have_shows_the_problems() -> None:
    ids = {"causes": frozenset({"b", "a"}), "questions": frozenset({"q"}), "sources": frozenset()}
    paths = problem_addresses(ids)
    assert paths[:3] == ["index.md", "check.md", "check/map.md"]
    assert "causes/index.md" in paths
    assert paths.index("causes/a.md") < paths.index("causes/b.md")
    # Questions and sources have no pages of their own; a question may start a
    # part of a large guided check.
    assert not any(p.startswith(("questions/", "sources/")) for p in paths)
    assert "check/q-q.md" in paths


def test_problems_are_text_and_counted() -> None:
    problems = [
        Problem(Pos("content/causes/<b>.yml", 3, 7), "unknown key '<script>x</script>'"),
        Problem(Pos("content/causes/a.yml", 1, 1), "not used\x1b[2J", "warning"),
    ]
    page = problem_page(problems)
    assert "the dataset has 1 error.</strong> Fix it and save" in page
    assert "<li><code>content/causes/&lt;b&gt;.yml:3:7:</code> error: unknown key " in page
    assert "&#39;&lt;script&gt;x&lt;/script&gt;&#39;" in page
    assert "<script>" not in page
    assert "\x1b" not in page
    assert "warning: not used" in page


def test_the_count_is_of_errors_only() -> None:
    problems = [
        Problem(Pos("content/causes/a.yml", 1, 1), "not used", "warning"),
        Problem(Pos("content/causes/b.yml", 2, 1), "missing `title`"),
        Problem(Pos("content/causes/c.yml", 2, 1), "missing `title`"),
    ]
    assert "the dataset has 2 errors.</strong> Fix them and save" in problem_page(problems)


def test_a_dataset_without_questions_still_shows_the_problems_everywhere() -> None:
    """A dataset may have no questions folder; the file names it has still give pages."""
    paths = problem_addresses({"causes": frozenset({"a"})})
    assert paths == [
        "index.md",
        "check.md",
        "check/map.md",
        "symptoms/index.md",
        "causes/index.md",
        "causes/a.md",
        "remedies/index.md",
    ]
