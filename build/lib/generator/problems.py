"""Problems found in a dataset, and how they are reported.

Every stage returns problems instead of raising, so that one run reports
everything that is wrong at once (as MkDocs does for its config).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class Pos(NamedTuple):
    """A place in a dataset file, as the YAML parser saw it.

    A named tuple rather than a frozen dataclass: the loader makes one per
    YAML node, and tuples are several times cheaper to create.
    """

    path: str
    """The file, relative to the project (forward slashes), e.g. `content/causes/x.yml`."""
    line: int
    """1-based line."""
    col: int
    """1-based column."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the dataset: where, what, and how to fix it."""

    pos: Pos
    message: str
    """`what is wrong; how to fix it`, in words a content editor understands."""
    severity: Severity = "error"

    def __str__(self) -> str:
        return visible(f"{self.pos}: {self.severity}: {self.message}")

    def github(self) -> str:
        """The problem as a GitHub Actions workflow command (an annotation)."""
        # Workflow commands end at a newline and treat % specially.
        text = visible(self.message).replace("%", "%25")
        path = visible(self.pos.path).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{self.severity} file={path},line={self.pos.line},col={self.pos.col}::{text}"


def visible(text: str) -> str:
    """`text` with every character that a terminal or a log would act on, that
    reorders or breaks the line, or that cannot be seen, written as an escape
    (`\\x1b`, `\\u202e`); bytes of a file name that are not UTF-8 (as
    `os.fsdecode` keeps them) as `\\xNN`.

    Problems quote file names, keys and values from the dataset, and CI prints
    them into a public log: an escape sequence or a line break there could
    forge another line (a GitHub annotation), restyle the log or hide what
    follows."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shorten(text: str, limit: int = 40) -> str:
    """A piece of content quoted in a message or a label: at most `limit`
    characters, cut with `...`."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def display_path(path: Path, base: Path) -> str:
    """The path as editors see it in their checkout: relative, with `/`.

    A link at the end of the path is not followed: where it points is not shown.
    """
    whole = path.resolve() if path.name in ("", "..") else path.parent.resolve() / path.name
    try:
        return whole.relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class DatasetError(Exception):
    """The dataset has errors; `problems` lists all of them, sorted by place."""

    def __init__(self, problems: Iterable[Problem], where: str = "the dataset") -> None:
        self.problems = sorted(problems, key=lambda p: p.pos)
        count = len(errors(self.problems))
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} error{'s' if count != 1 else ''} in {where}; nothing was built.")
        super().__init__("\n".join(lines))
