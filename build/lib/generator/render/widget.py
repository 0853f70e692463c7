"""What the guided check's widget (`assets/check.js`) reads from the page."""

from __future__ import annotations

import json
from typing import Any

from generator.link import Flow
from generator.render.addresses import anchor


def flow_json(flow: Flow) -> dict[str, Any]:
    """Where each answer leads, as section ids (anchors), by question id; and a
    share question's threshold.

    Every text stays in the page's HTML, where it is escaped like any other.
    """
    questions: dict[str, Any] = {}
    for question in flow.questions:
        entry: dict[str, Any] = {"a": [anchor(answer.target) for answer in question.choices]}
        if question.share is not None:
            entry["t"] = question.share.threshold
        questions[question.id] = entry
    return {"start": flow.start, "q": questions}


def json_for_attribute(value: Any) -> str:
    """JSON as plain text: autoescape then escapes it for the attribute it lands in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
