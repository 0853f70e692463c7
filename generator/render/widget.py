"""What the guided check's widget (`assets/check/`) reads from its page."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.link import Flow, Guide
from generator.render.addresses import anchor, relative_url
from generator.render.parts import Part, Parts
from generator.schema import Ref


def flow_json(
    guide: Guide, parts: Parts, part: Part, ahead: Mapping[Ref, int], directory_urls: bool
) -> dict[str, Any]:
    """What the widget walks on `part`'s page, every section named by its anchor.

    `start`: the first question. `q`: per question on the page, where each answer
    leads (`a`, in the page's order), which of them is "not sure" (`u`), a share
    question's threshold (`share`) or a count question's upper bounds (`count`).
    `o`: per outcome on the page, its fixes' titles in order, for the request for
    help; `oo`, in a translation, the same in the dataset's own language, for the
    request's copy in that language. `x`, on a check cut into parts: per section
    an answer leads to that is on another part, that part's address and how many
    questions at most are left from there (for "Question n of at most m").
    Every other text stays in the page's HTML, where it is escaped like any other.
    """
    flow = guide.flow
    assert flow is not None
    shown = parts.shows(part)
    questions: dict[str, Any] = {}
    elsewhere: dict[str, Any] = {}
    for question in part.questions:
        entry: dict[str, Any] = {"a": [anchor(answer.target) for answer in question.choices]}
        if question.unsure is not None:
            entry["u"] = len(question.choices) - 1
        if question.share is not None:
            entry["share"] = question.share.threshold
        if question.count is not None:
            entry["count"] = [r.up_to for r in question.count.ranges[:-1]]
        questions[anchor(question.ref)] = entry
        for answer in question.choices:
            if answer.target not in shown:
                there = relative_url(part.path, parts.owner[answer.target], directory_urls)
                elsewhere[anchor(answer.target)] = [there, ahead.get(answer.target, 0)]
    data = {
        "start": anchor(flow.questions[0].ref),
        "q": questions,
        "o": fixes(guide, part.outcomes),
    }
    if elsewhere:
        data["x"] = elsewhere
    if guide.original is not None:
        data["oo"] = fixes(guide.original, part.outcomes)
    return data


def fixes(guide: Guide, outcomes: Sequence[str]) -> dict[str, list[str]]:
    """Per outcome, the titles of its fixes in order, in the guide's language."""
    return {
        anchor(Ref("causes", cid)): [
            guide.remedy(rung.remedy.id).title for rung in guide.cause(cid).remedies
        ]
        for cid in outcomes
    }


def questions_ahead(flow: Flow) -> dict[Ref, int]:
    """For each question, how many questions the longest way on from it asks,
    itself included: the "at most" of the progress, as the widget counts it
    (`ahead` in state.js), so that the page shows it at the first question
    before the script runs, and a part of the check knows it for the questions
    on other parts."""
    questions = {question.ref: question for question in flow.questions}
    longest: dict[Ref, int] = {}
    # Without recursion: a synthetic flow can be a thousand questions deep. The
    # link stage refuses loops, so every question is finished once.
    for first in questions:
        pending = [first]
        while pending:
            ref = pending[-1]
            if ref in longest:
                pending.pop()
                continue
            later = [a.target for a in questions[ref].choices if a.target in questions]
            open_ = [t for t in later if t not in longest]
            if open_:
                pending.extend(open_)
                continue
            pending.pop()
            longest[ref] = 1 + max((longest[t] for t in later), default=0)
    return longest


def json_for_attribute(value: Any) -> str:
    """JSON as plain text: autoescape then escapes it for the attribute it lands in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


WIDGET = Path(__file__).parent.parent / "assets" / "check"
WIDGET_PARTS = ("state.js", "mount.js", "search.js")
"""The widget's parts, in order: its state (pure functions, tested with Node), its
mounting (the DOM), and the search panel's link to it when a search finds
nothing. Served as one classic script, on every page."""
WIDGET_MINIFIED = WIDGET.parent / "check.min.js"
"""The parts as the site serves them: minified by terser (pinned in
package.json), by `make widget`, and kept in the repository, so that a site
built from an installed generator needs no Node. tests/test_widget.py fails
when it is not what the parts make."""


def widget_source() -> str:
    """The guided check's parts, joined: what `make widget` minifies."""
    return "".join((WIDGET / part).read_text(encoding="utf-8") for part in WIDGET_PARTS)


def widget_script() -> str:
    """The guided check's script as the site serves it: minified."""
    return WIDGET_MINIFIED.read_text(encoding="utf-8")
