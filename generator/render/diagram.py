"""The guided check as an SVG picture, drawn at build time (no script, no CDN).

Layout: one row per question, in depth-first order from the first question,
indented by depth. Answers that end the check sit to the right of their
question as outcome boxes; answers that lead on are drawn as a line down to the
row of the next question, labelled with the answer. Linear in the tree's size.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from generator.i18n import N_
from generator.link import Guide
from generator.problems import shorten
from generator.schema import Question, Ref

DIAGRAM_TITLE = N_("The guided check as a diagram: questions, answers and the causes they lead to")
INDENT = 28
Q_WIDTH = 300
O_WIDTH = 280
GAP = 170  # room for the answer label between a question and its outcomes
LINE = 17
PAD = 8
ROW_GAP = 26


@dataclass(frozen=True)
class _Box:
    x: int
    y: int
    w: int
    h: int


def _chars(width_px: int) -> int:
    """How many characters fit on a line `width_px` wide (about 7 px a character)."""
    return max(10, width_px // 7 - 2)


def _lines(text: str, width_px: int) -> list[str]:
    """The text wrapped to a box `width_px` wide (about 7 px a character).

    Greedy, by words; a word longer than a line is cut. Simpler than textwrap,
    which took half the diagram's time: this runs for every box.
    """
    width = _chars(width_px)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def _first_lines(text: str, width_px: int, most: int) -> list[str]:
    """At most `most` lines of the wrapped text; when there is more, the last one
    ends with `…`, so that a cut label does not read as the whole answer."""
    lines = _lines(text, width_px)
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    if len(last) == _chars(width_px):  # no room left for the `…`
        last = last[:-1].rstrip()
    return [*lines[: most - 1], last + "…"]


def _text(x: int, y: int, lines: list[str], cls: str) -> str:
    # A space between the lines: without it the words at a line break run
    # together in the text a screen reader reads ("detailsare").
    spans = " ".join(
        f'<tspan x="{x}" dy="{LINE if i else 0}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text class="{cls}" x="{x}" y="{y}">{spans}</text>'


def _box(box: _Box, lines: list[str], cls: str, href: str) -> str:
    """A box that is a link.

    `xlink:href`, not `href`: the theme's instant navigation rewrites every
    element matching `[href]` in the page as `el.href = el.href`, which throws
    on an SVG link (its `href` is a read-only SVGAnimatedString) and stops the
    theme mid-page. `[href]` does not match the XLink attribute, which every
    browser still follows, focuses and announces as a link.
    """
    rect = f'<rect class="{cls}" x="{box.x}" y="{box.y}" width="{box.w}" height="{box.h}" rx="6"/>'
    label = _text(box.x + PAD, box.y + PAD + LINE - 4, lines, f"{cls}-text")
    return f'<a xlink:href="{escape(href)}">{rect}{label}</a>'


def flow_svg(guide: Guide, link: Mapping[Ref, str], title: str) -> str:
    """The SVG markup, titled `title` (`DIAGRAM_TITLE` in the page's language);
    `link` gives the URL each question's and outcome's box links to."""
    flow = guide.flow
    if flow is None:
        return ""
    questions = {question.id: question for question in flow.questions}
    order: list[tuple[str, int]] = []
    seen: set[str] = set()
    stack = [(flow.start, 0)]
    while stack:  # depth-first preorder, first visit only
        qid, depth = stack.pop()
        if qid in seen:
            continue
        seen.add(qid)
        order.append((qid, depth))
        for answer in reversed(questions[qid].choices):
            target = answer.target
            if target.kind == "questions" and target.id not in seen:
                stack.append((target.id, depth + 1))

    parts: list[str] = []
    edges: list[str] = []  # drawn first, under the boxes
    boxes: dict[str, _Box] = {}
    y = 10
    width = 0
    for qid, depth in order:
        question: Question = questions[qid]
        x = 10 + depth * INDENT
        q_lines = _lines(question.text, Q_WIDTH)
        qbox = _Box(x, y, Q_WIDTH, len(q_lines) * LINE + 2 * PAD)
        boxes[qid] = qbox
        parts.append(_box(qbox, q_lines, "hs-d-q", link[question.ref]))
        oy = y
        for answer in question.choices:
            target, label = answer.target, answer.label
            if target.kind != "causes":
                continue
            o_lines = _lines(guide.cause(target.id).title, O_WIDTH)
            obox = _Box(x + Q_WIDTH + GAP, oy, O_WIDTH, len(o_lines) * LINE + 2 * PAD)
            mid = obox.y + obox.h // 2
            parts.append(
                f'<path class="hs-d-edge" d="M{x + Q_WIDTH} {qbox.y + qbox.h // 2} '
                f"C{x + Q_WIDTH + GAP // 2} {qbox.y + qbox.h // 2} "
                f'{x + Q_WIDTH + GAP // 2} {mid} {obox.x} {mid}"/>'
            )
            parts.append(
                _text(x + Q_WIDTH + 8, mid - 4, _first_lines(label, GAP - 10, 3), "hs-d-label")
            )
            parts.append(_box(obox, o_lines, "hs-d-o", link[target]))
            width = max(width, obox.x + obox.w + 10)
            oy += obox.h + 8
        y = max(qbox.y + qbox.h, oy - 8) + ROW_GAP + LINE
        width = max(width, qbox.x + qbox.w + 10)

    # Lines to following questions are drawn once every row has its place.
    for qid, _ in order:
        src = boxes[qid]
        for answer in questions[qid].choices:
            target = answer.target
            if target.kind != "questions":
                continue
            dst = boxes[target.id]
            x0 = src.x + 14
            edges.append(
                f'<path class="hs-d-edge" d="M{x0} {src.y + src.h} V{dst.y + dst.h // 2} '
                f'H{dst.x}"/>'
            )
            parts.append(_text(x0 + 6, src.y + src.h + LINE, [shorten(answer.label)], "hs-d-label"))
    height = y
    return (
        f'<svg class="hs-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}" aria-labelledby="hs-d-title">'
        f'<title id="hs-d-title">{escape(title)}</title>' + "".join(edges + parts) + "</svg>"
    )
