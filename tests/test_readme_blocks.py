"""The README's measured tables are rewritten in place by `make bench` and `make audit`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.readme import replace_block


def test_a_block_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- t:start -->\nold\n<!-- t:end -->\nafter\n", encoding="utf-8")
    replace_block("t", "| new |", readme)
    assert readme.read_text(encoding="utf-8") == (
        "intro\n<!-- t:start -->\n| new |\n<!-- t:end -->\nafter\n"
    )


def test_missing_markers_are_an_error_not_a_silent_no_op(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("no markers\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"README.md has no <!-- t:start --> \.\.\. <!-- t:end -->"
    ):
        replace_block("t", "x", readme)


def test_the_readme_has_both_blocks() -> None:
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name in ("bench", "lighthouse"):
        assert f"<!-- {name}:start -->" in text and f"<!-- {name}:end -->" in text
