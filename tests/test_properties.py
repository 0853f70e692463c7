"""Property-based tests: random valid datasets build with every link resolving, and
random damage to valid files never ends in a traceback."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.markup import _PLAIN as PLAIN
from generator.markup import Markup
from generator.pipeline import build, check
from generator.render.addresses import page_url
from generator.render.diagram import _lines as diagram_lines
from generator.validate import BIDI_CONTROLS
from tests.conftest import HOUSEPLANTS

# Text as editors might type it, markup characters included.
TEXT = (
    st.text(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cs", "Cc", "Zl", "Zp"),
            exclude_characters="".join(BIDI_CONTROLS),  # refused: they reorder the text
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
# Markdown fields: the same, without what would start an HTML tag (an error there).
MARKDOWN = TEXT.map(lambda t: t.replace("<", "< "))
HREF = re.compile(r'href="([^"]*)"')
CITED = {"sources": ["notes"], "reviewed": "2026-11-27"}
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, Any]:
    """A valid dataset as {relative path: YAML data}."""
    n_causes = draw(st.integers(1, 6))
    n_remedies = draw(st.integers(1, 4))
    causes = [f"cause-{i}" for i in range(n_causes)]
    remedies = [f"remedy-{i}" for i in range(n_remedies)]
    files: dict[str, Any] = {
        "site.yml": {
            "title": draw(TEXT),
            "summary": draw(TEXT),
            "intro": draw(MARKDOWN),
            "notice": draw(MARKDOWN),
            "check_start": "q-0",
        },
        "sources/notes.yml": {"title": draw(TEXT), "publisher": draw(TEXT), "read": "2026-11-27"},
        "symptoms/seen.yml": {
            "title": draw(TEXT),
            "summary": draw(TEXT),
            "messages": [{"text": draw(TEXT)}],
            "meaning": draw(MARKDOWN),
            "causes": causes,
            **CITED,
        },
    }
    for i, cid in enumerate(causes):
        files[f"causes/{cid}.yml"] = {
            "title": draw(TEXT),
            "summary": draw(TEXT),
            "explanation": draw(MARKDOWN),
            "recognise": [draw(MARKDOWN)],
            "recoverability": {
                "verdict": draw(st.sampled_from(["recoverable", "sometimes", "rarely", "never"])),
                "reason": draw(TEXT),
                "source": "notes",
                "passage": draw(TEXT),
            },
            "remedies": [
                {"remedy": remedies[(i + k) % n_remedies]} for k in range(min(2, n_remedies))
            ],
            "related": [causes[(i + 1) % n_causes]] if n_causes > 1 else [],
            **CITED,
        }
    for rid in remedies:
        files[f"remedies/{rid}.yml"] = {
            "title": draw(TEXT),
            "summary": draw(TEXT),
            "steps": draw(st.lists(MARKDOWN, min_size=1, max_size=3)),
            "expect": {"effort": draw(TEXT), "waiting": draw(TEXT)},
            **CITED,
        }
    # A chain of questions; each ends one cause and leads on, the last ends two.
    for i in range(n_causes - 1 if n_causes > 1 else 1):
        last = i >= n_causes - 2
        second: dict[str, str] = {"cause": causes[-1]} if last else {"next": f"q-{i + 1}"}
        files[f"questions/q-{i}.yml"] = {
            "text": draw(TEXT),
            "answers": [
                {"label": f"{draw(TEXT)} a", "cause": causes[i]},
                {"label": f"{draw(TEXT)} b", **second},
            ],
            "unsure": {"label": f"{draw(TEXT)} c", **second},
        }
    return files


def write(folder: Path, files: dict[str, Any]) -> Path:
    content = folder / "content"
    if content.exists():
        shutil.rmtree(content)
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return content


@SETTINGS
@given(files=datasets(), directory_urls=st.booleans())
def test_random_valid_datasets_render_with_every_link_resolving(
    tmp_path: Path, files: dict[str, Any], directory_urls: bool
) -> None:
    from generator.render.addresses import Options

    result = build(write(tmp_path, files), tmp_path, Options(directory_urls=directory_urls))
    assert result.ok, [str(p) for p in result.problems]
    urls = {page_url(page.path, directory_urls) for page in result.pages}
    for page in result.pages:
        here = page_url(page.path, directory_urls)
        folder = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
        for href in HREF.findall(page.markdown):
            if href.startswith(("#", "https://", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(folder, href.split("#")[0]))
            target = "" if target == "." else target
            if href.split("#")[0].endswith("/") and target:
                target += "/"
            assert target in urls, f"{page.path}: {href}"


MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "replace", "duplicate-line", "drop-line"]),
        st.integers(0, 10_000),
        st.sampled_from([*":-[]{}\"'\t\n #&*!|>%@`\\,?\x00\x85\u2028é", "  ", "---"]),
    ),
    min_size=1,
    max_size=6,
)


def mutate(text: str, steps: list[tuple[str, int, str]]) -> str:
    for op, at, piece in steps:
        if not text:
            return piece
        i = at % len(text)
        lines = text.split("\n")
        j = at % len(lines)
        if op == "insert":
            text = text[:i] + piece + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + 1 :]
        elif op == "replace":
            text = text[:i] + piece + text[i + 1 :]
        elif op == "duplicate-line":
            text = "\n".join([*lines[: j + 1], lines[j], *lines[j + 1 :]])
        else:
            text = "\n".join(lines[:j] + lines[j + 1 :])
    return text


ORIGINALS = sorted(
    p.relative_to(HOUSEPLANTS / "content").as_posix()
    for p in (HOUSEPLANTS / "content").rglob("*.yml")
)


@SETTINGS
@given(target=st.sampled_from(ORIGINALS), steps=MUTATIONS)
def test_damaged_files_give_problems_never_a_traceback(
    tmp_path: Path, target: str, steps: list[tuple[str, int, str]]
) -> None:
    project = tmp_path / "project"
    if not project.exists():
        shutil.copytree(HOUSEPLANTS, project)
    path = project / "content" / target
    original = (HOUSEPLANTS / "content" / target).read_text(encoding="utf-8")
    path.write_text(mutate(original, steps), encoding="utf-8")
    result = check(project / "content", project)  # must not raise
    for problem in result.problems:
        assert problem.pos.line >= 1 and problem.pos.col >= 1
        assert problem.message and "\n" not in problem.message
    path.write_text(original, encoding="utf-8")


@settings(max_examples=200, deadline=None)
@given(text=st.from_regex(PLAIN, fullmatch=True))
def test_plain_text_shortcut_renders_like_markdown(text: str) -> None:
    markup = Markup()
    assert markup.render(text) == markup._convert(text, None)


@settings(max_examples=300, deadline=None)
@given(text=st.text(), width_px=st.integers(min_value=0, max_value=400))
def test_diagram_labels_fit_their_box_and_keep_every_word(text: str, width_px: int) -> None:
    lines = diagram_lines(text, width_px)
    assert all(len(line) <= max(10, width_px // 7 - 2) for line in lines)
    assert "".join(word for line in lines for word in line.split()) == "".join(text.split())
