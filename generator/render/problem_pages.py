"""What `mkdocs serve` shows while the dataset is broken: the problems, at every
address the site would have, so the editor sees them on the page they are
looking at; the next good build puts the site back and the browser reloads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.problems import Problem, visible
from generator.render.addresses import CHECK, CHECK_MAP, HOME, index_path, record_path
from generator.render.frontmatter import front_matter
from generator.render.parts import part_path
from generator.render.templates import environment
from generator.schema import KINDS, Ref


@dataclass(frozen=True)
class Shown:
    where: str
    text: str


def problem_addresses(ids: Mapping[str, frozenset[str]]) -> list[str]:
    """The docs path of every page the dataset would make: the fixed pages, each
    section's overview, a page per record file, valid or not, and a page for each
    question at which a large guided check's part could start."""
    paths = [HOME, CHECK, CHECK_MAP]
    paths += [
        part_path(Ref("questions", qid), first=False) for qid in sorted(ids.get("questions", ()))
    ]
    for kind, spec in KINDS.items():
        if spec.section is None:
            continue
        paths.append(index_path(kind))
        paths += [record_path(kind, rid) for rid in sorted(ids.get(kind, ()))]
    return paths


def problem_page(problems: Sequence[Problem]) -> str:
    """The Markdown of a page that lists the problems, escaped as text."""
    env = environment()
    env.filters["front_matter"] = front_matter
    shown = [Shown(visible(f"{p.pos}:"), visible(f"{p.severity}: {p.message}")) for p in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    return env.get_template("problems.md.j2").render(problems=shown, errors=errors)
