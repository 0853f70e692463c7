"""load -> validate -> link -> render, as one pure function for the CLI and the plugin."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.link import Guide, link
from generator.load import load_dataset
from generator.problems import Problem, errors
from generator.validate import Dataset, validate

if TYPE_CHECKING:  # rendering (Jinja) is imported only by build(), not by check()
    from generator.render.addresses import Options
    from generator.render.pages import Page


@dataclass(frozen=True)
class Result:
    dataset: Dataset
    """Every record that validated, also when others did not (for `diff`)."""
    guide: Guide | None
    """None when the dataset has errors."""
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    """Errors and warnings, sorted by file and position."""

    @property
    def ok(self) -> bool:
        return self.guide is not None and not errors(self.problems)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while the dataset is loaded and rendered.

    Its trees are millions of small tuples without a single reference cycle, so
    the collector only re-scans them over and over: on 5,000 causes that doubled
    the time of `check` and added half to rendering. Reference counting still
    frees everything.

    On the way out, every object the collector tracks goes straight to the
    oldest generation (freeze, then unfreeze), what was made meanwhile included:
    left in the youngest, all of it would be scanned by the first collection
    after re-enabling, another 0.3 s at 5,000 causes, only to be promoted there
    anyway. Cyclic garbage among them waits for the next full collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def check(content: Path, base: Path | None = None) -> Result:
    """Load, validate and link; no pages."""
    with _without_cycle_collection():
        loaded = load_dataset(content, base)
        dataset, invalid = validate(loaded.documents, loaded.ids)
        guide, unlinked = link(dataset)
    # By place only: problems at one place keep the order they were found in.
    problems = tuple(sorted((*loaded.problems, *invalid, *unlinked), key=lambda p: p.pos))
    if errors(problems):
        guide = None
    return Result(dataset, guide, (), problems)


def build(content: Path, base: Path | None = None, options: Options | None = None) -> Result:
    """Check, then render every page if there are no errors."""
    from generator.render.addresses import Options
    from generator.render.pages import render

    result = check(content, base)
    if result.guide is None:
        return result
    with _without_cycle_collection():
        pages = render(result.guide, options or Options())
    return Result(result.dataset, result.guide, pages, result.problems)
