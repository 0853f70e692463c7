"""Stage 3, link: resolve references, derive backlinks, check the guided check's flow.

References are stored once, in the direction an editor writes them (symptom ->
causes, cause -> remedies, question -> next); this stage derives the other
direction so that every page can link both ways. Its result is the guide: the
linked dataset the pages are made from.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from generator.problems import Pos, Problem, did_you_mean, shorten
from generator.schema import (
    KINDS,
    Answer,
    Cause,
    Question,
    Record,
    Ref,
    Remedy,
    Settings,
    Source,
    Symptom,
)
from generator.validate import Dataset

R = TypeVar("R", Cause, Remedy)


@dataclass(frozen=True)
class Flow:
    """The guided check: questions whose answers lead to questions or to outcomes."""

    start: str
    """The first question's id."""
    questions: tuple[Question, ...]
    """Every question, breadth-first from the start."""
    outcomes: tuple[str, ...]
    """The cause ids the check can end on, in the order first reached."""


@dataclass(frozen=True)
class Guide:
    """The linked dataset: what the render stage needs, with both link directions."""

    settings: Settings
    symptoms: tuple[Symptom, ...]
    causes: tuple[Cause, ...]
    """Ordered as the symptoms list them, then by id."""
    remedies: tuple[Remedy, ...]
    """Ordered by first use in `causes`, then by id."""
    sources: tuple[Source, ...]
    symptoms_of: Mapping[str, tuple[str, ...]]
    """cause id -> the symptoms that list it."""
    causes_using: Mapping[str, tuple[str, ...]]
    """remedy id -> the causes that list it, in cause order."""
    related: Mapping[str, tuple[str, ...]]
    """cause id -> related causes, declared on either side."""
    flow: Flow | None
    language: str = "en"
    """The language its texts are in: the dataset's, or a translation's."""
    in_english: Mapping[Ref, frozenset[str]] = dataclasses.field(default_factory=dict)
    """For a translated guide: the paths of each record's texts that show in
    English (their translation is missing or out of date)."""
    made: Mapping[Ref, str] = dataclasses.field(default_factory=dict)
    """For a translated guide: how each record's translation was made."""
    original: Guide | None = None
    """For a translated guide: the guide in the dataset's own language (the request
    for support is also offered in it, for support that reads only that language)."""

    @property
    def last_reviewed(self) -> date:
        """The latest day any record was checked against its sources."""
        days = [s.reviewed for s in self.symptoms] + [c.reviewed for c in self.causes]
        return max(days + [r.reviewed for r in self.remedies])

    def cause(self, cause_id: str) -> Cause:
        return self._index()[("causes", cause_id)]  # type: ignore[return-value]

    def remedy(self, remedy_id: str) -> Remedy:
        return self._index()[("remedies", remedy_id)]  # type: ignore[return-value]

    def symptom(self, symptom_id: str) -> Symptom:
        return self._index()[("symptoms", symptom_id)]  # type: ignore[return-value]

    def source(self, source_id: str) -> Source:
        return self._index()[("sources", source_id)]  # type: ignore[return-value]

    def has(self, kind: str, record_id: str) -> bool:
        """Whether a symptom, cause, remedy or source (by folder) with this id exists."""
        return (kind, record_id) in self._index()

    def _index(self) -> dict[tuple[str, str], Record]:
        # Built on first use and kept on the (frozen) instance: it is derived
        # from the fields, so it cannot go stale.
        index = self.__dict__.get("_index_cache")
        if index is None:
            index = {}
            for group in (self.symptoms, self.causes, self.remedies, self.sources):
                for record in group:
                    index[(record.kind.folder, record.id)] = record
            object.__setattr__(self, "_index_cache", index)
        return index


def link(data: Dataset) -> tuple[Guide | None, list[Problem]]:
    problems: list[Problem] = []
    ids = data.ids

    def check_ref(ref: Ref) -> None:
        if ref.id not in ids[ref.kind]:
            noun = KINDS[ref.kind].noun
            problems.append(
                Problem(
                    _at(ref),
                    f"unknown {noun} '{shorten(ref.id)}'{did_you_mean(ref.id, ids[ref.kind])}; "
                    f"use the name of a file in {ref.kind}/ without `.yml`",
                )
            )

    for ref in data.refs:
        check_ref(ref)
    for cause in data.causes:
        for ref in cause.related:
            if ref.id == cause.id:
                problems.append(Problem(_at(ref), "a cause cannot be related to itself; remove it"))
    for refs in _ref_lists(data):
        first: dict[str, Ref] = {}
        for ref in refs:
            if ref.id in first:
                problems.append(
                    Problem(
                        _at(ref),
                        f"{KINDS[ref.kind].noun} '{ref.id}' is listed twice (first at line "
                        f"{_at(first[ref.id]).line}); remove one",
                    )
                )
            first.setdefault(ref.id, ref)

    if problems or not data.complete or data.settings is None:
        # A file did not become a record, or a reference points nowhere: the
        # whole-dataset checks below would only repeat that in other words.
        return None, problems

    causes = _ordered(data.causes, (ref.id for s in data.symptoms for ref in s.causes))
    remedies = _ordered(data.remedies, (step.remedy.id for c in causes for step in c.remedies))
    symptoms_of = _backlinks((s.id, r.id) for s in data.symptoms for r in s.causes)
    causes_using = _backlinks((c.id, step.remedy.id) for c in causes for step in c.remedies)
    related_pairs = [(c.id, r.id) for c in causes for r in c.related if r.id != c.id]
    reversed_pairs = [(b, a) for a, b in related_pairs]
    cause_rank = {c.id: i for i, c in enumerate(causes)}
    related = {
        cause_id: tuple(sorted(others, key=lambda o: cause_rank.get(o, len(cause_rank))))
        for cause_id, others in _backlinks([*related_pairs, *reversed_pairs]).items()
    }

    for cause in causes:
        if cause.id not in symptoms_of:
            problems.append(
                Problem(
                    cause.pos,
                    f"cause '{cause.id}' is not listed by any symptom, so no page leads to it; "
                    "add it to a symptom's `causes:`",
                    "warning",
                )
            )
    for remedy in remedies:
        if remedy.id not in causes_using:
            problems.append(
                Problem(
                    remedy.pos,
                    f"remedy '{remedy.id}' is not used by any cause; add it to a cause's "
                    "`remedies:` or delete the file",
                    "warning",
                )
            )

    cited = {ref.id for ref in data.refs if ref.kind == "sources"}
    for source in data.sources:
        if source.id not in cited:
            problems.append(
                Problem(
                    source.pos,
                    f"source '{source.id}' is not cited by any record; add it to the `sources:` "
                    "of the records whose facts it gives, or delete the file",
                    "warning",
                )
            )

    flow = _flow(data, ids, problems)
    guide = Guide(
        settings=data.settings,
        symptoms=data.symptoms,
        causes=causes,
        remedies=remedies,
        sources=data.sources,
        symptoms_of=symptoms_of,
        causes_using=causes_using,
        related=related,
        flow=flow,
    )
    has_errors = any(p.severity == "error" for p in problems)
    return (None if has_errors else guide), problems


def _at(ref: Ref) -> Pos:
    """Where a reference was written: validate makes every one with its position."""
    assert ref.pos is not None, "references from the dataset carry their position"
    return ref.pos


def _ref_lists(data: Dataset) -> Iterator[tuple[Ref, ...]]:
    """The lists of references in which an id may appear only once."""
    for s in data.symptoms:
        yield s.causes
        yield s.sources
    for c in data.causes:
        yield tuple(rung.remedy for rung in c.remedies)
        yield c.related
        yield c.sources
    for r in data.remedies:
        yield r.sources


def _ordered(records: tuple[R, ...], first_uses: Iterable[str]) -> tuple[R, ...]:
    rank: dict[str, int] = {}
    for record_id in first_uses:
        rank.setdefault(record_id, len(rank))
    return tuple(sorted(records, key=lambda r: (rank.get(r.id, len(rank)), r.id)))


def _backlinks(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for source, target in pairs:
        if source not in out.setdefault(target, []):
            out[target].append(source)
    return {k: tuple(v) for k, v in out.items()}


def _flow(data: Dataset, ids: Mapping[str, frozenset[str]], problems: list[Problem]) -> Flow | None:
    settings = data.settings
    assert settings is not None
    questions = {q.id: q for q in data.questions}
    if settings.check_start is None:
        if questions:
            problems.append(
                Problem(
                    settings.pos,
                    "questions/ has questions but site.yml names no first question; "
                    "add `check_start: <question id>`",
                )
            )
        return None
    start = settings.check_start.id
    if start not in questions:
        return None  # reported as an unknown reference

    for q in data.questions:
        seen: set[str] = set()
        for answer in q.choices:
            # Labels that read the same are the same answer: case, spacing and
            # Unicode forms (a full-width letter, a composed accent) aside.
            key = " ".join(unicodedata.normalize("NFKC", answer.label).casefold().split())
            if key in seen:
                problems.append(
                    Problem(
                        _answer_pos(q, answer),
                        f"answer '{answer.label}' repeats an earlier answer of this question; "
                        "reword or remove one",
                        "warning",
                    )
                )
            seen.add(key)
        if q.count is not None:
            problems.extend(_range_problems(q))

    # Breadth-first from the start; a cycle is an answer that leads back to a
    # question on the current path, found by an iterative depth-first walk.
    order: list[str] = []
    outcomes: list[str] = []
    outcome_set: set[str] = set()
    queue = deque([start])
    reached = {start}
    while queue:
        qid = queue.popleft()
        order.append(qid)
        for answer in questions[qid].choices:
            target = answer.target
            if target.kind == "causes":
                if target.id not in outcome_set and target.id in ids["causes"]:
                    outcome_set.add(target.id)
                    outcomes.append(target.id)
            elif target.id in questions and target.id not in reached:
                reached.add(target.id)
                queue.append(target.id)
    problems.extend(_cycles(start, questions))

    for q in data.questions:
        if q.id not in reached:
            problems.append(
                Problem(
                    q.pos,
                    f"question '{q.id}' cannot be reached from the first question '{start}'; "
                    f"lead an answer to it with `next: {q.id}` or delete the file",
                )
            )
    for cause in data.causes:
        if cause.id not in outcome_set and not cause.not_in_check:
            problems.append(
                Problem(
                    cause.pos,
                    f"no answer in the guided check leads to cause '{cause.id}'; add an answer "
                    f"with `cause: {cause.id}`, or say why not with `not_in_check: <reason>`",
                )
            )
    return Flow(start, tuple(questions[qid] for qid in order), tuple(outcomes))


def _range_problems(question: Question) -> Iterator[Problem]:
    """A count's ranges cover every whole number from 0 up, each once: each
    `up_to` is larger than the one before, and only the last range has none."""
    assert question.count is not None
    ranges = question.count.ranges
    previous = -1
    for number, range_ in enumerate(ranges, 1):
        where = _answer_pos(question, range_)
        last = number == len(ranges)
        if range_.up_to is None and not last:
            yield Problem(
                where,
                f"range {number} of {len(ranges)} has no `up_to`, but only the last range may "
                f"go on without end; give it `up_to: <largest number in it>`",
            )
        elif range_.up_to is not None and last:
            yield Problem(
                where,
                f"the last range stops at {range_.up_to}, so larger numbers lead nowhere; "
                "remove its `up_to` (it then takes every number above the range before it)",
            )
        elif range_.up_to is not None and range_.up_to <= previous:
            yield Problem(
                where,
                f"range {number} goes up to {range_.up_to}, but the range before it already "
                f"goes up to {previous}; expected an `up_to` larger than {previous}",
            )
        if range_.up_to is not None:
            previous = max(previous, range_.up_to)


def _answer_pos(question: Question, answer: Answer) -> Pos:
    return answer.target.pos or question.pos


def _cycles(start: str, questions: dict[str, Question]) -> list[Problem]:
    problems = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[tuple[str, Iterator[Answer]]] = [(start, iter(questions[start].choices))]
    state[start] = 1
    path = [start]
    while stack:
        qid, answers = stack[-1]
        answer = next(answers, None)
        if answer is None:
            stack.pop()
            path.pop()
            state[qid] = 2
            continue
        target = answer.target
        if target.kind != "questions" or target.id not in questions:
            continue
        if state.get(target.id) == 1:
            loop = " -> ".join([*path[path.index(target.id) :], target.id])
            problems.append(
                Problem(
                    _answer_pos(questions[qid], answer),
                    f"the guided check loops ({loop}); lead this answer to a later question "
                    "or to a cause",
                )
            )
        elif target.id not in state:
            state[target.id] = 1
            path.append(target.id)
            stack.append((target.id, iter(questions[target.id].choices)))
    return problems
