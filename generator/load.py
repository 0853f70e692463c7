"""Stage 1, load: dataset files -> position-carrying YAML trees.

The tree is built from libyaml's event stream rather than PyYAML's composer so
that nothing can construct Python objects, an alias bomb is refused at its
first alias, nesting depth is bounded without recursion, and duplicate keys
are caught. Every node keeps the parser's mark, which is where errors point.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator import schema
from generator.problems import Pos, Problem

try:  # libyaml is ~14x faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
"""A record is a page of text; anything bigger is a mistake, not content."""
MAX_DEPTH = 16
"""No record nests deeper than a few levels; this bounds work on hostile input."""

ANCHORS = "YAML anchors (`&name`) are not supported; write the value out in full"
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DOC_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent

KINDS = tuple(schema.KINDS)
"""The record folders inside the dataset folder, one record per `.yml` file."""
SITE_FILE = schema.SETTINGS_FILE
ID_RE = schema.ID_PATTERN


# Nodes are named tuples for the same reason as Pos: there is one per YAML
# node, and creating frozen dataclasses was most of the loader's time.
class Scalar(NamedTuple):
    value: str
    plain: bool
    """Written without quotes, so `null`, `true` or `12` may mean more than text."""
    pos: Pos


class Seq(NamedTuple):
    items: tuple[Node, ...]
    pos: Pos


class Map(NamedTuple):
    entries: tuple[tuple[Scalar, Node], ...]
    """Keys in file order; keys are always scalars, and unique."""
    pos: Pos


Node = Scalar | Seq | Map


@dataclass(frozen=True)
class Document:
    """One dataset file, parsed."""

    kind: str
    """`site` or one of KINDS."""
    id: str
    """The file name without `.yml`."""
    pos: Pos
    """The start of the file (line 1, column 1)."""
    root: Node


@dataclass(frozen=True)
class Loaded:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    ids: dict[str, frozenset[str]]
    """Every record id with a file, by kind, whether or not the file could be read:
    references to a broken file are not reported a second time as unknown."""


def display_path(path: Path, base: Path) -> str:
    """The path as editors see it in their checkout: relative, with `/`."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_dataset(content: Path, base: Path | None = None) -> Loaded:
    """Parse every dataset file under `content`; paths in problems are relative to `base`."""
    base = Path.cwd() if base is None else base
    documents: list[Document] = []
    problems: list[Problem] = []
    if not content.is_dir():
        pos = Pos(display_path(content, base), 1, 1)
        msg = "dataset folder not found; expected a folder holding site.yml and causes/"
        return Loaded((), (Problem(pos, msg),), {kind: frozenset() for kind in KINDS})

    # Paths are shown relative to `base`; resolving once, not per file, keeps
    # a large dataset's load from being dominated by filesystem calls.
    prefix = display_path(content, base)

    def add(path: Path, kind: str, doc_id: str) -> None:
        shown = f"{prefix}/{path.relative_to(content).as_posix()}"
        node, found = parse_file(path, shown)
        problems.extend(found)
        if node is not None:
            documents.append(Document(kind, doc_id, Pos(shown, 1, 1), node))

    site = content / SITE_FILE
    if site.is_file():
        add(site, "site", "site")
    else:
        msg = f"missing {SITE_FILE}; create it with at least `title:` and `notice:`"
        problems.append(Problem(Pos(f"{prefix}/{SITE_FILE}", 1, 1), msg))

    ids: dict[str, frozenset[str]] = {}
    for kind in KINDS:
        folder = content / kind
        found: list[str] = []
        ids[kind] = frozenset()
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            shown = f"{prefix}/{kind}/{path.name}"
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".yml":
                msg = f"unexpected file '{path.name}' in {kind}/; records are `.yml` files"
                problems.append(Problem(Pos(shown, 1, 1), msg))
                continue
            stem = path.stem
            if not ID_RE.fullmatch(stem):
                if ID_RE.fullmatch(stem.lower()) and (folder / f"{stem.lower()}.yml").is_file():
                    msg = (
                        f"id '{stem}' differs from '{stem.lower()}' only in case, and ids are "
                        "lowercase; merge the two files or give this one another name"
                    )
                else:
                    msg = bad_id_message(stem)
                problems.append(Problem(Pos(shown, 1, 1), msg))
                continue
            found.append(stem)
            add(path, kind, stem)
        ids[kind] = frozenset(found)
    return Loaded(tuple(documents), tuple(problems), ids)


def bad_id_message(stem: str) -> str:
    foreign = next((ch for ch in stem if not ch.isascii()), None)
    if foreign is not None:
        name = unicodedata.name(foreign, "an unnamed character")
        return (
            f"file name '{stem}' contains '{foreign}' (U+{ord(foreign):04X} {name}), which "
            "only looks like a plain letter; ids use the letters a-z, digits and hyphens: "
            "retype the name"
        )
    suggestion = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "my-record"
    return (
        f"file name '{stem}' is not a valid id; expected lowercase letters, digits and "
        f"single hyphens, e.g. '{suggestion}.yml'; rename the file"
    )


def parse_file(path: Path, shown: str) -> tuple[Node | None, list[Problem]]:
    """Read one file; a problem instead of a tree when it cannot be read as YAML."""
    start = Pos(shown, 1, 1)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        msg = (
            f"file is {size:,} bytes; a record may be at most {MAX_FILE_BYTES:,} bytes; "
            "split it into several records"
        )
        return None, [Problem(start, msg)]
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        msg = "file starts with a byte-order mark; save it as UTF-8 without BOM"
        return None, [Problem(start, msg)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        msg = (
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; "
            "save the file as UTF-8 (your editor's encoding setting)"
        )
        return None, [Problem(Pos(shown, line, col), msg)]
    if not text.strip():
        msg = "file is empty; expected a mapping of fields, e.g. `title: Wrong password`"
        return None, [Problem(start, msg)]
    return parse_text(text, shown)


def parse_text(text: str, shown: str) -> tuple[Node | None, list[Problem]]:
    """Build the tree from the parser's events, without recursion.

    This loop is the hot path of `check`: it pulls events straight from the
    parser and dispatches on their exact type.
    """

    def at(mark: Any) -> Pos:  # libyaml and pure-Python marks differ in type only
        return Pos(shown, mark.line + 1, mark.column + 1)

    def fail(mark: Any, msg: str) -> tuple[None, list[Problem]]:
        return None, [Problem(at(mark), msg)]

    # Each open collection: [is a mapping, start pos, children, keys seen, expecting a key].
    stack: list[list[Any]] = []
    root: Node | None = None
    documents = 0
    loader = _Loader(text)
    try:
        while True:
            # Exact-type dispatch below, which mypy cannot narrow: hence Any.
            event: Any = loader.get_event()
            kind = type(event)
            node: Node
            if kind is _SCALAR:
                if event.anchor is not None:
                    return fail(event.start_mark, ANCHORS)
                if event.tag is not None and event.tag != "!":
                    return fail(
                        event.start_mark, f"YAML tag '{event.tag}' is not supported; remove it"
                    )
                mark = event.start_mark
                node = Scalar(
                    event.value, event.implicit[0], Pos(shown, mark.line + 1, mark.column + 1)
                )
            elif kind is _MAP_START or kind is _SEQ_START:
                if event.anchor is not None:
                    return fail(event.start_mark, ANCHORS)
                if event.tag is not None:
                    return fail(
                        event.start_mark, f"YAML tag '{event.tag}' is not supported; remove it"
                    )
                if len(stack) >= MAX_DEPTH:
                    msg = f"nested more than {MAX_DEPTH} levels deep; records are flat, simplify it"
                    return fail(event.start_mark, msg)
                mark = event.start_mark
                pos = Pos(shown, mark.line + 1, mark.column + 1)
                stack.append([kind is _MAP_START, pos, [], {}, True])
                continue
            elif kind is _MAP_END:
                _, pos, children, _, _ = stack.pop()
                node = Map(tuple(zip(children[::2], children[1::2], strict=True)), pos)
            elif kind is _SEQ_END:
                _, pos, children, _, _ = stack.pop()
                node = Seq(tuple(children), pos)
            elif kind is _ALIAS:
                msg = "YAML aliases (`*name`) are not supported; write the value out in full"
                return fail(event.start_mark, msg)
            elif kind is _DOC_START:
                documents += 1
                if documents > 1:
                    msg = "a second YAML document (`---`); a record file holds one document"
                    return fail(event.start_mark, msg)
                continue
            elif kind is _STREAM_END:
                break
            else:  # stream start, document end
                continue
            if not stack:
                root = node
                continue
            top = stack[-1]
            if top[0]:  # a mapping: keys and values alternate
                if top[4]:
                    if not isinstance(node, Scalar):
                        msg = "a key must be a plain word, e.g. `title:`; found a list or mapping"
                        return None, [Problem(node.pos, msg)]
                    first = top[3].get(node.value)
                    if first is not None:
                        msg = (
                            f"duplicate key '{node.value}' (first at line {first.pos.line}); "
                            "keep one of them"
                        )
                        return None, [Problem(node.pos, msg)]
                    top[3][node.value] = node
                top[4] = not top[4]
            top[2].append(node)
    except yaml.MarkedYAMLError as exc:
        unclosed = "quoted scalar" in (exc.context or "") and "end of stream" in (exc.problem or "")
        mark = (exc.context_mark if unclosed else None) or exc.problem_mark or exc.context_mark
        pos = at(mark) if mark is not None else Pos(shown, 1, 1)
        found = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
        return None, [Problem(pos, syntax_message(exc, found))]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow anywhere
        before = text[: exc.position]
        pos = Pos(shown, before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        msg = (
            f"control character U+{ord(char):04X} is not allowed in YAML; delete it "
            "(it often arrives invisibly with pasted text)"
        )
        return None, [Problem(pos, msg)]
    except yaml.YAMLError as exc:
        return None, [Problem(Pos(shown, 1, 1), f"not readable as YAML ({exc}); check the file")]
    finally:
        loader.dispose()
    return root, []


def syntax_message(exc: yaml.MarkedYAMLError, found: str) -> str:
    """Libyaml's message, put in an editor's terms; `found` is the character at the error."""
    problem = (exc.problem or "invalid YAML").strip()
    context = (exc.context or "").strip()
    if found == "\t":
        return "a tab character; YAML is indented with spaces only, replace the tab with spaces"
    if "mapping values are not allowed" in problem:
        return (
            "a `:` where a value was expected; put text that contains `: ` in quotes, "
            'e.g. title: "Step 1: sign in"'
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return "the quoted value that starts here is never closed; add the closing quote"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return (
            "indentation does not line up; keys of one mapping start in the same column, "
            "and list items (`- `) under a key are indented consistently"
        )
    detail = f"{context}: {problem}" if context else problem
    return f"invalid YAML ({detail}); check the indentation and quoting on this line"
