"""What the guided check's widget (`assets/check/`) reads from its page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.link import Flow, Guide
from generator.render.addresses import anchor
from generator.schema import Ref


def flow_json(guide: Guide, flow: Flow) -> dict[str, Any]:
    """The flow as the widget walks it, every section named by its anchor.

    `start`: the first question. `q`: per question, where each answer leads
    (`a`, in the page's order), which of them is "not sure" (`u`), a share
    question's threshold (`share`) or a count question's upper bounds (`count`).
    `o`: per outcome, its fixes' titles in order, for the request for help; `oo`,
    in a translation, the same in the dataset's own language, for the request's copy
    in that language.
    Every other text stays in the page's HTML, where it is escaped like any other.
    """
    questions: dict[str, Any] = {}
    for question in flow.questions:
        entry: dict[str, Any] = {"a": [anchor(answer.target) for answer in question.choices]}
        if question.unsure is not None:
            entry["u"] = len(question.choices) - 1
        if question.share is not None:
            entry["share"] = question.share.threshold
        if question.count is not None:
            entry["count"] = [r.up_to for r in question.count.ranges[:-1]]
        questions[anchor(question.ref)] = entry
    data = {"start": anchor(flow.questions[0].ref), "q": questions, "o": fixes(guide, flow)}
    if guide.original is not None:
        data["oo"] = fixes(guide.original, flow)
    return data


def fixes(guide: Guide, flow: Flow) -> dict[str, list[str]]:
    """Per outcome, the titles of its fixes in order, in the guide's language."""
    return {
        anchor(Ref("causes", cid)): [
            guide.remedy(rung.remedy.id).title for rung in guide.cause(cid).remedies
        ]
        for cid in flow.outcomes
    }


def questions_ahead(flow: Flow) -> int:
    """How many questions the longest way through the check asks: the "at most"
    of its progress at the first question, as the widget counts it (`ahead` in
    state.js), so that the page shows it before the script runs."""
    questions = {question.ref: question for question in flow.questions}
    longest: dict[Ref, int] = {}
    # Without recursion: a synthetic flow can be a thousand questions deep. The
    # link stage refuses loops, so every question is finished once.
    pending = [flow.questions[0].ref]
    while pending:
        ref = pending[-1]
        later = [a.target for a in questions[ref].choices if a.target in questions]
        open_ = [t for t in later if t not in longest]
        if open_:
            pending.extend(open_)
            continue
        pending.pop()
        longest[ref] = 1 + max((longest[t] for t in later), default=0)
    return longest[flow.questions[0].ref]


def json_for_attribute(value: Any) -> str:
    """JSON as plain text: autoescape then escapes it for the attribute it lands in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


WIDGET = Path(__file__).parent.parent / "assets" / "check"
WIDGET_PARTS = ("state.js", "mount.js", "search.js")
"""The widget's parts, in order: its state (pure functions, tested with Node), its
mounting (the DOM), and the search panel's link to it when a search finds
nothing. Served as one classic script, on every page."""


def widget_script() -> str:
    """The guided check's script as the site serves it."""
    return "".join((WIDGET / part).read_text(encoding="utf-8") for part in WIDGET_PARTS)
