"""Rewrites a generated block of README.md, between `<!-- NAME:start -->` and
`<!-- NAME:end -->`, so that the numbers the README shows are the last ones measured."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def replace_block(name: str, body: str, readme: Path = README) -> None:
    """Put `body` between the block's markers; ValueError if the markers are missing."""
    text = readme.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        raise ValueError(f"{readme.name} has no {start} ... {end} block")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    readme.write_text(f"{before}{start}\n{body}\n{end}{after}", encoding="utf-8")
