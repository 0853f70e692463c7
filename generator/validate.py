"""Stage 2, validate: YAML trees -> typed records, by the specs in `schema`.

Each field is checked on its own and every problem is kept, so an editor sees
all of a file's mistakes in one run. References are only checked for form
here; whether their target exists is the link stage's business.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from generator.load import Document, Map, Node, Scalar, Seq
from generator.markup import Markup
from generator.problems import Pos, Problem, did_you_mean, shorten
from generator.schema import (
    DATE_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    RECORD_CLASSES,
    RESERVED_IDS,
    Cause,
    Choice,
    Date,
    Language,
    ListOf,
    Nested,
    Number,
    OneOf,
    Question,
    Record,
    Ref,
    RefTo,
    Remedy,
    Settings,
    Source,
    Spec,
    Symptom,
    Text,
    Url,
    schema_fields,
)

NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Dataset:
    """Every record that validated, by kind, in file-name order."""

    settings: Settings | None
    symptoms: tuple[Symptom, ...]
    causes: tuple[Cause, ...]
    remedies: tuple[Remedy, ...]
    questions: tuple[Question, ...]
    sources: tuple[Source, ...]
    refs: tuple[Ref, ...]
    """Every reference the dataset makes, in fields and as links in Markdown (at
    the field's position), also in records that did not validate: the link
    stage checks them all, so that an editor sees every mistake in one run."""
    ids: Mapping[str, frozenset[str]]
    """Every id that has a file, by kind, including files that did not validate."""

    def records(self, kind: str) -> tuple[Record, ...]:
        """The records of a kind, by folder."""
        records: tuple[Record, ...] = getattr(self, kind)
        return records

    @property
    def complete(self) -> bool:
        """Whether every file became a record; else whole-dataset checks would mislead."""
        return self.settings is not None and all(
            len(ids) == len(self.records(kind)) for kind, ids in self.ids.items()
        )


def validate(
    documents: tuple[Document, ...], ids: Mapping[str, frozenset[str]]
) -> tuple[Dataset, list[Problem]]:
    reader = Reader(Markup())
    by_kind: dict[str, list[Any]] = {kind: [] for kind in RECORD_CLASSES}
    settings: list[Settings] = []
    for doc in documents:
        cls = RECORD_CLASSES.get(doc.kind, Settings)  # site.yml is `settings`
        record = reader.record(cls, doc)
        if isinstance(record, Settings):
            settings.append(record)
        elif record is not None:
            by_kind[doc.kind].append(record)
    dataset = Dataset(
        settings=settings[0] if settings else None,
        symptoms=tuple(by_kind["symptoms"]),
        causes=tuple(by_kind["causes"]),
        remedies=tuple(by_kind["remedies"]),
        questions=tuple(by_kind["questions"]),
        sources=tuple(by_kind["sources"]),
        refs=tuple(reader.refs),
        ids=ids,
    )
    return dataset, reader.problems


def describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping (key: value lines)"
    if isinstance(node, Seq):
        return "a list"
    if node.plain and node.value in NULLS:
        return "nothing"
    return f"'{shorten(node.value)}'"


ALLOWED_IN_MARKDOWN = frozenset("\n\t")
"""Control characters a Markdown field may hold: line breaks and indentation."""
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they reorder how the text around them is
shown (so a link or a message can read differently from what it is), and the
pages isolate right-to-left text themselves."""

LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
"""Where `str.splitlines` breaks a line: what makes a text more than one line."""
CONTROL_NAMES = {"\0": "NULL", "\t": "TAB", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE"}
"""Names for the commonest control characters, which Unicode's database leaves unnamed."""


def unseen_character(value: str, markdown: bool) -> str | None:
    """The first character in `value` that a reader cannot see but that changes
    the text, as `the control character U+001B (ESCAPE); how to fix`, or None.

    Double-quoted YAML writes such characters with escapes (`"\\e"`, `"\\0"`), and
    pasted text brings them invisibly; the loader only sees the escapes."""
    for char in value:
        if char.isprintable():  # a space is printable too
            continue
        category = unicodedata.category(char)
        if category == "Cc" and not (markdown and char in ALLOWED_IN_MARKDOWN):
            what = "the control character"
        elif category in ("Zl", "Zp"):
            what = "the line separator"
        elif char in BIDI_CONTROLS:
            what = "the text-direction control"
        else:
            continue
        name = unicodedata.name(char, CONTROL_NAMES.get(char, ""))
        named = f"U+{ord(char):04X} ({name})" if name else f"U+{ord(char):04X}"
        return (
            f"{what} {named}, which is invisible on the page; delete it "
            "(it arrives with pasted text, or from an escape such as `\\e` in double quotes)"
        )
    return None


class _Missing:
    """A field that could not be read; the record is then dropped."""


MISSING = _Missing()


class Reader:
    """Reads YAML trees into records by their specs, keeping every problem found."""

    missing = MISSING
    """What `value` gives for a field it could not read."""

    def __init__(self, markup: Markup) -> None:
        self.markup = markup
        self.problems: list[Problem] = []
        self.refs: list[Ref] = []

    def fail(self, pos: Pos, message: str) -> _Missing:
        self.problems.append(Problem(pos, message))
        return MISSING

    def record(self, cls: type[Record], doc: Document) -> Record | None:
        if doc.id in RESERVED_IDS:
            self.fail(
                doc.pos,
                f"the id '{doc.id}' is the address of the {doc.kind}/ overview page, so this "
                "record's page would replace it; rename the file after what the record is about",
            )
            return None
        values = self.mapping(cls, doc.root, cls.kind.described)
        if values is None:
            return None
        assert isinstance(doc.root, Map), "mapping() read it"
        field_pos = {key.value: key.pos for key, _ in doc.root.entries}
        return cls(id=doc.id, pos=doc.pos, field_pos=field_pos, **values)

    def mapping(self, cls: type, node: Node, noun: str) -> dict[str, Any] | None:
        """The fields of `cls` read from `node`, or None if any of them is wrong."""
        if not isinstance(node, Map):
            example = schema_fields(cls)[0]
            self.fail(
                node.pos,
                f"{noun} expects a mapping of fields (`key: value` lines), e.g. "
                f"`{example.name}: {example.example or '...'}`, found {describe(node)}",
            )
            return None
        fields = {f.name: f for f in schema_fields(cls)}
        given = {key.value: (key, value) for key, value in node.entries}
        ok = True
        misspelt: set[str] = set()
        for key, _ in node.entries:
            if key.value not in fields:
                ok = False
                hint = did_you_mean(key.value, [f for f in fields if f not in given])
                misspelt.update(f for f in fields if hint == f" (did you mean '{f}'?)")
                self.fail(
                    key.pos,
                    f"unknown key '{shorten(key.value)}' in {noun}{hint}; allowed keys: "
                    f"{', '.join(fields)}",
                )
        values: dict[str, Any] = {}
        for name, info in fields.items():
            if name not in given:
                if info.required and name not in misspelt:
                    ok = False
                    hint = f"`{name}: {info.example or '...'}`"
                    self.fail(
                        node.pos,
                        f"missing required key '{name}' in {noun} ({info.doc}); add {hint}",
                    )
                continue
            key, value_node = given[name]
            value = self.value(info.spec, value_node, name)
            if value is MISSING:
                ok = False
            else:
                values[name] = value
        groups: tuple[OneOf, ...] = getattr(cls, "exactly_one", ())
        for group in groups if ok else ():
            present = [name for name in group.fields if name in given]
            if len(present) != 1:
                ok = False
                names = " or ".join(f"'{n}'" for n in group.fields)
                found = ", ".join(f"'{n}'" for n in present) if present else "none of them"
                fix = "keep one" if present else f"add {group.add}"
                self.fail(node.pos, f"{noun} needs exactly one of {names}, found {found}; {fix}")
        return values if ok else None

    def value(self, spec: Spec, node: Node, name: str) -> Any:
        if isinstance(spec, ListOf):
            if not isinstance(node, Seq):
                return self.fail(
                    node.pos,
                    f"'{name}' expects a list (one `- item` per line), found {describe(node)}",
                )
            if len(node.items) < spec.min_items:
                return self.fail(
                    node.pos,
                    f"'{name}' needs at least {spec.min_items} item"
                    f"{'s' if spec.min_items != 1 else ''}, found {len(node.items)}",
                )
            items = [
                self.value(spec.item, item, f"{name}[{i}]") for i, item in enumerate(node.items)
            ]
            return MISSING if any(v is MISSING for v in items) else tuple(items)
        if isinstance(spec, Nested):
            values = self.mapping(spec.cls, node, f"'{name}'")
            return MISSING if values is None else spec.cls(**values)
        if not isinstance(node, Scalar) or (node.plain and node.value in NULLS):
            what = {
                Text: "text",
                Choice: "one word",
                Number: "a whole number",
                Date: "a date (YYYY-MM-DD)",
                Url: "a web address",
                Language: "a language tag",
                RefTo: "an id",
            }[type(spec)]
            return self.fail(node.pos, f"'{name}' expects {what}, found {describe(node)}")
        if isinstance(spec, Text):
            return self.text(spec, node, name)
        if isinstance(spec, Choice):
            if node.value not in spec.values:
                return self.fail(
                    node.pos,
                    f"'{name}' must be one of {', '.join(spec.values)}, found "
                    f"{describe(node)}{did_you_mean(node.value, spec.values)}",
                )
            return node.value
        if isinstance(spec, Number):
            text = node.value.strip()
            # The length bound comes first: int() of thousands of digits is slow, and
            # of more than 4,300 it raises.
            if (
                len(text) > len(str(spec.maximum))
                or not (text.isascii() and text.isdigit())
                or not (spec.minimum <= int(text) <= spec.maximum)
            ):
                return self.fail(
                    node.pos,
                    f"'{name}' expects a whole number from {spec.minimum} to {spec.maximum}, "
                    f"found {describe(node)}",
                )
            return int(text)
        if isinstance(spec, Date):
            return self.date(node, name)
        if isinstance(spec, Url):
            return self.url(node, name)
        if isinstance(spec, Language):
            if not LANGUAGE_PATTERN.fullmatch(node.value):
                return self.fail(
                    node.pos,
                    f"'{name}' expects a language tag such as `ru`, `es` or `pt-BR`, found "
                    f"{describe(node)}",
                )
            return node.value
        if not ID_PATTERN.fullmatch(node.value):
            return self.fail(
                node.pos,
                f"'{name}' expects an id (a file name in {spec.kind}/ without `.yml`), found "
                f"{describe(node)}",
            )
        ref = Ref(spec.kind, node.value, node.pos)
        self.refs.append(ref)
        return ref

    def date(self, node: Scalar, name: str) -> date | _Missing:
        try:
            if not DATE_PATTERN.fullmatch(node.value):
                raise ValueError
            return date.fromisoformat(node.value)
        except ValueError:
            return self.fail(
                node.pos,
                f"'{name}' expects a date as YYYY-MM-DD, e.g. 2026-03-31, found {describe(node)}",
            )

    def url(self, node: Scalar, name: str) -> str | _Missing:
        value = node.value.strip()
        parts = urlsplit(value) if value.isprintable() and " " not in value else None
        if parts is None or parts.scheme not in ("https", "http") or not parts.hostname:
            return self.fail(
                node.pos,
                f"'{name}' expects a web address starting with https://, e.g. "
                f"https://example.org/page, found {describe(node)}",
            )
        return value

    def text(self, spec: Text, node: Scalar, name: str) -> str | _Missing:
        value = node.value.strip()
        if not value:
            return self.fail(
                node.pos, f"'{name}' is blank; write the text, or remove the line if it is optional"
            )
        if not spec.markdown and len(value.splitlines()) > 1:
            brk = next(char for char in value if char in LINE_BREAKS)
            if brk == "\n":
                return self.fail(
                    node.pos, f"'{name}' must be one line; join the lines or shorten it"
                )
            return self.fail(
                node.pos,
                f"'{name}' must be one line, and it holds the invisible line break "
                f"U+{ord(brk):04X} ({unicodedata.name(brk, CONTROL_NAMES.get(brk, 'unnamed'))}); "
                "delete it",
            )
        bad = unseen_character(value, spec.markdown)
        if bad is not None:
            return self.fail(node.pos, f"'{name}' contains {bad}")
        if spec.max_len is not None and len(value) > spec.max_len:
            return self.fail(
                node.pos,
                f"'{name}' is {len(value):,} characters long; at most {spec.max_len:,} fit, "
                "shorten it",
            )
        if spec.markdown:
            rendered = self.markup.check(value)
            for issue in rendered.issues:
                self.fail(node.pos, f"in '{name}': {issue}")
            self.refs.extend(Ref(link.kind, link.id, node.pos) for link in rendered.links)
            if rendered.issues:
                return MISSING
        return value
