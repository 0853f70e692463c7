"""load -> validate -> link -> render, as one pure function for the CLI and the plugin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.link import Site, link
from generator.load import load_dataset
from generator.problems import Problem, errors
from generator.render import Options, Page, render
from generator.validate import validate


@dataclass(frozen=True)
class Result:
    site: Site | None
    """None when the dataset has errors."""
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    """Errors and warnings, sorted by file and position."""

    @property
    def ok(self) -> bool:
        return self.site is not None and not errors(self.problems)


def check(content: Path, base: Path | None = None) -> Result:
    """Load, validate and link; no pages."""
    loaded = load_dataset(content, base)
    dataset, invalid = validate(loaded.documents, loaded.ids)
    site, unlinked = link(dataset)
    # By place only: problems at one place keep the order they were found in.
    problems = tuple(sorted((*loaded.problems, *invalid, *unlinked), key=lambda p: p.pos))
    if errors(problems):
        site = None
    return Result(site, (), problems)


def build(content: Path, base: Path | None = None, options: Options | None = None) -> Result:
    """Check, then render every page if there are no errors."""
    result = check(content, base)
    if result.site is None:
        return result
    return Result(result.site, render(result.site, options or Options()), result.problems)
