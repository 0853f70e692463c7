"""The guided check's pages: one for a small check, several for a large one.

A small check is one page holding every question and outcome (`check/`), which is
fastest: nothing more to load after it. A check of more than `PART_SECTIONS`
sections is split into parts, so that what a visitor downloads to see a question
or an outcome stays the same size whatever the size of the dataset (GOV.UK's
Smart Answers serve one question per page for the same reason):

- each section (question or outcome) is owned by one part; the first part starts
  at the first question and is the check's address (`check/`), the others are
  `check/q-<id>/`, named by the question they start at;
- a part's page also shows its *ancestors*: every question from which one of its
  sections can be reached, the first question included. The widget's state stays
  the answers from the first question (`#a=0.1.u`), so a page can walk any
  address that leads into its part, show every answer given on the way ("Your
  answers") and start again without loading another page;
- an answer that leads to a section the page does not show links to the part that
  owns it (`../q-<id>/#o-<cause>`): followed without JavaScript, or taken by the
  widget with the answers so far in the address.

Parts are cut breadth-first, so a visitor's way through a large check crosses a
part every few questions, and the split is the same at every build. A part is
named by the first question it owns.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from generator.link import Flow
from generator.render.addresses import CHECK, anchor
from generator.schema import Question, Ref

PART_SECTIONS = 60
"""A part owns about this many sections (questions and outcomes): a question's
outcomes stay with it, so a part may exceed it by a question's answers. A check
of at most this many sections is one page. At this size a part's page is some
15 KB gzipped, a few times less than the theme's own scripts."""


@dataclass(frozen=True)
class Part:
    """One page of the guided check."""

    path: str
    """Its docs path: `check.md` for the first part, `check/q-<id>.md` for others."""
    root: Ref
    """The question it starts at."""
    questions: tuple[Question, ...]
    """The questions the page shows, its ancestors' and its own, in the flow's order."""
    outcomes: tuple[str, ...]
    """The outcomes (cause ids) it owns, in the flow's order."""


@dataclass(frozen=True)
class Parts:
    """The check cut into pages."""

    parts: tuple[Part, ...]
    """The first part first, then in the order they were cut."""
    owner: Mapping[Ref, str]
    """Each section (question or outcome) -> the docs path of the part that owns it."""

    def shows(self, part: Part) -> frozenset[Ref]:
        """The sections on `part`'s page."""
        return frozenset(q.ref for q in part.questions) | {
            Ref("causes", cid) for cid in part.outcomes
        }


def part_path(root: Ref, first: bool) -> str:
    """The docs path of the part that starts at question `root`."""
    return CHECK if first else f"check/{anchor(root)}.md"


def split(flow: Flow, size: int = PART_SECTIONS) -> Parts:
    """The flow's parts: one when it has at most `size` sections."""
    questions = {q.ref: q for q in flow.questions}
    start = flow.questions[0].ref
    total = len(flow.questions) + len(flow.outcomes)
    if total <= size:
        everything = Part(CHECK, start, flow.questions, flow.outcomes)
        owner = {ref: CHECK for ref in (*questions, *(Ref("causes", c) for c in flow.outcomes))}
        return Parts((everything,), owner)

    owned: dict[Ref, Ref] = {}  # section -> the root of the part that owns it
    roots = deque([start])
    cut: list[tuple[Ref, list[Ref]]] = []
    while roots:
        root = roots.popleft()
        if root in owned:  # reached by an earlier part first (a check need not be a tree)
            continue
        mine: list[Ref] = []
        queue = deque([root])
        while queue or (roots and len(mine) < size):
            # A part with room left takes the next part's root too: the bottom
            # of a tree would otherwise be many parts of a few sections each.
            ref = queue.popleft() if queue else roots.popleft()
            if ref in owned:
                continue
            if mine and len(mine) >= size:
                roots.append(ref)
                continue
            owned[ref] = root
            mine.append(ref)
            for answer in questions[ref].choices:
                target = answer.target
                if target in owned:
                    continue
                if target.kind == "causes":  # an outcome stays with its question
                    owned[target] = root
                    mine.append(target)
                else:
                    queue.append(target)
        cut.append((root, mine))

    before: dict[Ref, set[Ref]] = {}  # section -> the questions with an answer to it
    for question in flow.questions:
        for answer in question.choices:
            before.setdefault(answer.target, set()).add(question.ref)

    parts = []
    for i, (root, mine) in enumerate(cut):
        shown = set(mine)
        pending = list(mine)
        while pending:  # every ancestor: a way into the part from the first question
            for earlier in before.get(pending.pop(), ()):
                if earlier not in shown:
                    shown.add(earlier)
                    pending.append(earlier)
        parts.append(
            Part(
                part_path(root, i == 0),
                root,
                tuple(q for q in flow.questions if q.ref in shown),
                tuple(c for c in flow.outcomes if Ref("causes", c) in shown),
            )
        )
    paths = {root: part.path for (root, _), part in zip(cut, parts, strict=True)}
    return Parts(tuple(parts), {ref: paths[root] for ref, root in owned.items()})
