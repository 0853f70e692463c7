"""load -> validate -> link -> render, as one pure function for the CLI and the plugin."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.link import Guide, link
from generator.load import load_dataset
from generator.problems import Problem, errors
from generator.translations import Language, languages, read, translated_guide
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
    languages: tuple[Language, ...] = ()
    """The translations the dataset holds, checked."""
    translation_problems: tuple[Problem, ...] = ()
    """Those of `problems` about translations: a translation in progress is
    reported by `check`, and does not stop a build (its texts show in English)."""

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


def check(
    content: Path, base: Path | None = None, translations: Collection[str] | None = None
) -> Result:
    """Load, validate and link, and read the translations (those named in
    `translations`, or every one); no pages."""
    base = Path.cwd() if base is None else base
    with _without_cycle_collection():
        loaded = load_dataset(content, base)
        dataset, invalid = validate(loaded.documents, loaded.ids)
        guide, unlinked = link(dataset)
        found: list[Language] = []
        translated: list[Problem] = []
        if guide is not None:  # translations are checked against a dataset without errors
            for code in languages(content):
                if translations is not None and code not in translations:
                    continue
                language, problems_of = read(content, code, dataset, base)
                found.append(language)
                translated += problems_of
    # By place only: problems at one place keep the order they were found in.
    problems = tuple(
        sorted((*loaded.problems, *invalid, *unlinked, *translated), key=lambda p: p.pos)
    )
    if errors(problems):
        guide = None
    return Result(dataset, guide, (), problems, tuple(found), tuple(translated))


def build(
    content: Path,
    base: Path | None = None,
    options: Options | None = None,
    language: str | None = None,
) -> Result:
    """Check, then render every page (in `language`, if it is one of the
    translations) if there are no errors."""
    from generator.render.addresses import Options
    from generator.render.pages import render

    # Only the translation being built: each language is a build of its own, and
    # reading every translation in each made a site in L languages read L x L
    # (at 1,000 causes in eight languages, 2.5 s more per build). `check` reads
    # them all.
    result = check(content, base, () if language is None else (language,))
    if result.guide is None:
        return result
    guide = result.guide
    if language is not None:
        wanted = next((lang for lang in result.languages if lang.code == language), None)
        if wanted is None:
            return dataclasses.replace(result, guide=None)
        guide = translated_guide(guide, wanted)
    with _without_cycle_collection():
        pages = render(guide, options or Options())
    return dataclasses.replace(result, guide=guide, pages=pages)
