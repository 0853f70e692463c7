"""Addresses of the guided check, as a visitor's answers make them (the format
`state.js` reads: `#a=` and one pick per question, `.`-separated)."""

from __future__ import annotations

from generator.link import Flow
from generator.schema import Question


def picks(question: Question) -> list[str]:
    """A pick for each of the question's choices, in order: an index, `u` for "not
    sure", two counts for a share (all of them, none of them, a whole of 0), one
    number for a count (the top of its range)."""
    out = []
    for i, _ in enumerate(question.choices):
        if question.unsure is not None and i == len(question.choices) - 1:
            out.append("u")
        elif question.share is not None:
            out.append(("100-100", "0-100", "0-0")[i])
        elif question.count is not None:
            ranges = question.count.ranges
            top = ranges[i].up_to
            out.append(str(top if top is not None else (ranges[i - 1].up_to or 0) + 1))
        else:
            out.append(str(i))
    return out


def outcome_addresses(flow: Flow) -> dict[str, str]:
    """For each outcome (cause id), the fragment of a shortest way there."""
    questions = {q.id: q for q in flow.questions}
    found: dict[str, str] = {}
    pending: list[tuple[str, list[str]]] = [(flow.start, [])]
    while pending:  # breadth-first: the first way found is a shortest
        qid, taken = pending.pop(0)
        question = questions[qid]
        for answer, pick in zip(question.choices, picks(question), strict=True):
            if answer.target.kind == "causes":
                found.setdefault(answer.target.id, "#a=" + ".".join([*taken, pick]))
            else:
                pending.append((answer.target.id, [*taken, pick]))
    return found
