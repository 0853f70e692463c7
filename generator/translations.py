"""Translations of the dataset into the site's other languages.

One convention: `content/translations/<language>/` mirrors the dataset, a file
per record (`causes/<id>.yml`, `site.yml`) holding only the record's
translatable text, keyed as in the record, plus:

- `made`: how the translation was made, `machine`, `human` or `reviewed` (by a
  native speaker); the page says so to its reader unless it is `reviewed`;
- `from`: a fingerprint of the English each field was translated from, by the
  field's path (`title`, `recoverability.reason`, `remedies.1.note`), written by
  `helpsite translations stamp FILE`.

Ids, references, numbers, dates and the structure are never translated: a
translation holds lists of the same length as the record, and no other keys.
A field whose translation is missing, or whose English changed since (its
fingerprint differs), shows in English on the page, marked as such; `check`
reports both as warnings, with counts and places, and any malformed or orphaned
translation as an error.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.i18n import known
from generator.link import Guide
from generator.load import Map, Node, Scalar, Seq, load_dataset
from generator.markup import Markup
from generator.problems import Pos, Problem, did_you_mean, display_path, shorten
from generator.schema import (
    LANGUAGE_PATTERN,
    ListOf,
    Nested,
    Ref,
    Settings,
    Spec,
    Text,
    schema_fields,
)
from generator.validate import Dataset, Reader

FOLDER = "translations"
MADE = ("machine", "human", "reviewed")
"""How a translation was made, from the least to the most trusted."""
FINGERPRINT = re.compile(r"[0-9a-f]{8}")


def fingerprint(value: str | tuple[str, ...]) -> str:
    """Eight hex digits that change whenever the English text does."""
    text = value if isinstance(value, str) else "\n\x1f".join(value)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def is_text(spec: Spec) -> bool:
    """A field a translation gives: text (or a list of texts) that is translated."""
    item = spec.item if isinstance(spec, ListOf) else spec
    return isinstance(item, Text) and item.translate


def english(record: Any, prefix: str = "") -> Iterator[tuple[str, str | tuple[str, ...]]]:
    """Every translatable text of a record (or nested part), by path, in file order."""
    for info in schema_fields(type(record)):
        value = getattr(record, info.name)
        path = prefix + info.name
        spec = info.spec
        if value in (None, "", ()):
            continue
        if is_text(spec):
            yield path, value
        elif isinstance(spec, Nested):
            yield from english(value, f"{path}.")
        elif isinstance(spec, ListOf) and isinstance(spec.item, Nested):
            for i, item in enumerate(value):
                yield from english(item, f"{path}.{i}.")


@dataclass(frozen=True)
class Translation:
    """One record's translation, read and checked against the record."""

    ref: Ref
    made: str
    texts: Mapping[str, str | tuple[str, ...]]
    """Translated text by path, for the fields whose translation is current."""
    stale: frozenset[str]
    """Paths translated from older English: they show in English."""
    untranslated: frozenset[str]
    """Paths the translation does not give: they show in English."""

    @property
    def english(self) -> frozenset[str]:
        """Every path that shows in English."""
        return self.stale | self.untranslated


@dataclass(frozen=True)
class Language:
    """What the dataset holds for one language besides English."""

    code: str
    translations: Mapping[Ref, Translation]
    """By the record they translate; the settings under `Ref("settings", "site")`."""
    missing: int
    """Records (or settings) with no translation file."""


SETTINGS_REF = Ref(Settings.kind.folder, "site")
"""How translations name the site settings, which have no folder of their own."""


def languages(content: Path) -> list[str]:
    """The languages the dataset has translations for, by their folders."""
    folder = content / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def read(content: Path, code: str, data: Dataset, base: Path) -> tuple[Language, list[Problem]]:
    """Read the translations into `code` and check them against the dataset."""
    folder = content / FOLDER / code
    shown = display_path(folder, base)
    problems: list[Problem] = []
    if not LANGUAGE_PATTERN.fullmatch(code):
        msg = f"'{shorten(code)}' is not a language tag; name the folder like `ru`, `es` or `pt-BR`"
        return Language(code, {}, 0), [Problem(Pos(shown, 1, 1), msg)]
    if not known(code):
        msg = (
            f"expected a language the generator knows, got '{code}', which has no locale "
            "data (dates, its name, its script's direction); name the folder by a language "
            "tag such as `ru`, `es` or `pt-BR`"
        )
        return Language(code, {}, 0), [Problem(Pos(shown, 1, 1), msg)]
    loaded = load_dataset(folder, base, settings_required=False)
    problems.extend(loaded.problems)
    records: dict[Ref, Any] = {SETTINGS_REF: data.settings} if data.settings else {}
    for kind in loaded.ids:
        for one in data.records(kind):
            records[one.ref] = one
    # Only records with text to translate are counted as missing one.
    wanted = {ref for ref, one in records.items() if next(english(one), None) is not None}
    reader = Reader(Markup())
    found: dict[Ref, Translation] = {}
    for doc in loaded.documents:
        ref = SETTINGS_REF if doc.kind == "settings" else Ref(doc.kind, doc.id)
        target = records.get(ref)
        if target is None:
            noun = "the settings" if ref == SETTINGS_REF else f"{doc.kind}/{doc.id}.yml"
            problems.append(
                Problem(
                    doc.pos,
                    f"a translation of {noun}, which does not exist (or has errors); "
                    "delete it, or rename it after the record it translates",
                )
            )
            continue
        translation = _translation(ref, target, doc.root, doc.pos, reader)
        if translation is not None:
            found[ref] = translation
    problems.extend(reader.problems)
    missing = sum(1 for ref in wanted if ref not in found)
    stale = sum(len(t.stale) for t in found.values())
    untranslated = sum(len(t.untranslated) for t in found.values())
    if missing or stale or untranslated:
        problems.append(
            Problem(
                Pos(shown, 1, 1),
                f"{missing} of {len(wanted)} records have no translation into {code}, "
                f"{untranslated} texts of translated records are not translated yet and "
                f"{stale} are out of date; they show in English, marked as such",
                "warning",
            )
        )
    return Language(code, found, missing), problems


def _translation(ref: Ref, record: Any, root: Node, pos: Pos, reader: Reader) -> Translation | None:
    if not isinstance(root, Map):
        reader.fail(root.pos, "a translation is a mapping of fields, e.g. `title: ...`")
        return None
    given = {key.value: (key, value) for key, value in root.entries}
    texts = dict(english(record))
    made = given.pop("made", None)
    stamps = given.pop("from", None)
    ok = True
    how = made[1].value if made and isinstance(made[1], Scalar) else ""
    if how not in MADE:
        where = made[1].pos if made else pos
        reader.fail(
            where,
            f"'made' must be one of {', '.join(MADE)}: how this translation was made "
            "(machine, by a person, or reviewed by a native speaker)",
        )
        ok = False
    fingerprints: dict[str, tuple[str, Pos]] = {}
    if stamps is not None:
        if not isinstance(stamps[1], Map):
            reader.fail(stamps[1].pos, "'from' maps field paths to fingerprints")
            ok = False
        else:
            for key, value in stamps[1].entries:
                if not isinstance(value, Scalar) or not FINGERPRINT.fullmatch(value.value):
                    reader.fail(value.pos, f"'from.{key.value}' expects 8 hex digits")
                    ok = False
                else:
                    fingerprints[key.value] = (value.value, key.pos)
    values: dict[str, tuple[Any, Pos]] = {}
    ok = _walk(record, given, "", values, reader) and ok
    if not ok:
        return None
    current: dict[str, str | tuple[str, ...]] = {}
    stale: set[str] = set()
    for path, (value, where) in values.items():
        stamp = fingerprints.get(path)
        if stamp is None or stamp[0] != fingerprint(texts[path]):
            stale.add(path)
            was = texts[path]
            now = was if isinstance(was, str) else " / ".join(was)
            reader.problems.append(
                Problem(
                    where,
                    f"the English of '{path}' changed since this was translated (or it was "
                    f"never stamped); it now reads '{shorten(now, 80)}': update the "
                    "translation, then run `helpsite translations stamp` on this file",
                    "warning",
                )
            )
            continue
        current[path] = value
    untranslated = {path for path in texts if path not in values}
    return Translation(ref, how, current, frozenset(stale), frozenset(untranslated))


def _walk(
    english_part: Any,
    given: dict[str, tuple[Scalar, Node]],
    prefix: str,
    values: dict[str, tuple[Any, Pos]],
    reader: Reader,
) -> bool:
    """Read the translated fields of one mapping against the English part."""
    ok = True
    fields = {f.name: f for f in schema_fields(type(english_part))}
    for name, (key, node) in given.items():
        info = fields.get(name)
        path = prefix + name
        value = getattr(english_part, name, None) if info else None
        spec = info.spec if info else None
        if spec is None or not _holds_text(spec) or value in (None, "", ()):
            # Suggested only what could be given here: another text with English to translate.
            allowed = [
                n
                for n, f in fields.items()
                if n != name
                and _holds_text(f.spec)
                and getattr(english_part, n) not in (None, "", ())
            ]
            reader.fail(
                key.pos,
                f"'{shorten(path)}' is not a text of the English record to translate"
                f"{did_you_mean(name, allowed)}; translations hold only text (ids, "
                "references, numbers and dates stay as in the English)",
            )
            ok = False
            continue
        assert spec is not None
        if isinstance(spec, Text):
            text = reader.value(spec, node, path)
            ok = ok and text is not None and not isinstance(text, type(reader.missing))
            values[path] = (text, node.pos)
        elif isinstance(spec, ListOf) and isinstance(spec.item, Text):
            items = _list(node, len(value), path, reader)
            if items is None:
                ok = False
                continue
            texts = [reader.value(spec.item, item, f"{path}[{i}]") for i, item in enumerate(items)]
            if any(isinstance(t, type(reader.missing)) for t in texts):
                ok = False
                continue
            values[path] = (tuple(texts), node.pos)
        elif isinstance(spec, Nested):
            if not isinstance(node, Map):
                reader.fail(node.pos, f"'{path}' is a mapping in the English; translate its texts")
                ok = False
                continue
            inner = {k.value: (k, v) for k, v in node.entries}
            ok = _walk(value, inner, f"{path}.", values, reader) and ok
        else:
            items = _list(node, len(value), path, reader)
            if items is None:
                ok = False
                continue
            for i, (item, part) in enumerate(zip(items, value, strict=True)):
                if not isinstance(item, Map):
                    reader.fail(item.pos, f"'{path}[{i}]' is a mapping, `{{}}` when it has no text")
                    ok = False
                    continue
                inner = {k.value: (k, v) for k, v in item.entries}
                ok = _walk(part, inner, f"{path}.{i}.", values, reader) and ok
    return ok


def _holds_text(spec: Spec) -> bool:
    """A field a translation may give: a text, or a part of the record that holds texts."""
    return (
        is_text(spec)
        or isinstance(spec, Nested)
        or (isinstance(spec, ListOf) and isinstance(spec.item, Nested))
    )


def _list(node: Node, length: int, path: str, reader: Reader) -> tuple[Node, ...] | None:
    if not isinstance(node, Seq):
        reader.fail(node.pos, f"'{path}' is a list in the English; translate each item")
        return None
    if len(node.items) != length:
        reader.fail(
            node.pos,
            f"'{path}' has {len(node.items)} items, expected {length} as in the English; "
            "translate each item, in the same order",
        )
        return None
    return node.items


class English(str):
    """A text of a translated page that shows in English: its translation is
    missing or out of date. Wherever a template prints it as HTML, it says so
    (`lang="en"`), so that a screen reader reads it as English."""

    __slots__ = ()

    def __html__(self) -> str:
        return f'<span lang="en" dir="ltr" class="hs-en">{html.escape(str(self))}</span>'


def in_english(value: Any) -> Any:
    """A text (or list of texts) marked as shown in English."""
    if isinstance(value, tuple):
        return tuple(English(item) for item in value)
    return English(value)


def translate(record: Any, translation: Translation | None) -> Any:
    """The record with its translated texts in place; the others marked `English`."""
    texts = dict(translation.texts) if translation else {}
    for path, value in english(record):
        if path not in texts:
            texts[path] = in_english(value)
    return _replace(record, texts, "")


def _replace(part: Any, texts: Mapping[str, Any], prefix: str) -> Any:
    changes: dict[str, Any] = {}
    for info in schema_fields(type(part)):
        path = prefix + info.name
        value = getattr(part, info.name)
        if path in texts:
            changes[info.name] = texts[path]
        elif isinstance(info.spec, Nested) and value is not None:
            changes[info.name] = _replace(value, texts, f"{path}.")
        elif isinstance(info.spec, ListOf) and isinstance(info.spec.item, Nested):
            changes[info.name] = tuple(
                _replace(item, texts, f"{path}.{i}.") for i, item in enumerate(value)
            )
    return dataclasses.replace(part, **changes) if changes else part


def stamp(path: Path, record: Any) -> str:
    """The translation file's text with its `from:` block made anew: every field it
    translates marked as translated from the English as it reads now."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    kept: list[str] = []
    inside = False
    for line in lines:
        if line.startswith("from:"):
            inside = True
            continue
        if inside and line[:1] not in (" ", "\t", ""):
            inside = False
        if not inside:
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    present = set(_present_paths(text))
    stamps = [
        f"  {path_}: {fingerprint(value)}" for path_, value in english(record) if path_ in present
    ]
    return "\n".join([*kept, "from:", *stamps]) + "\n"


def _present_paths(text: str) -> Iterator[str]:
    """The field paths a translation file gives (read with the loader's parser)."""
    from generator.load import parse_text

    root, _ = parse_text(text, "")
    if not isinstance(root, Map):
        return

    def walk(node: Node, prefix: str) -> Iterator[str]:
        if isinstance(node, Map):
            for key, value in node.entries:
                if not prefix and key.value in ("made", "from"):
                    continue
                if isinstance(value, Map):
                    yield from walk(value, f"{prefix}{key.value}.")
                elif isinstance(value, Seq) and value.items and isinstance(value.items[0], Map):
                    for i, item in enumerate(value.items):
                        yield from walk(item, f"{prefix}{key.value}.{i}.")
                else:
                    yield prefix + key.value

    yield from walk(root, "")


def translated_guide(guide: Guide, language: Language) -> Guide:
    """The guide in `language`: every text with a current translation translated,
    the others in English and listed as such."""

    def one(record: Any) -> Any:
        return translate(record, language.translations.get(record.ref))

    def english_paths(record: Any) -> frozenset[str]:
        found = language.translations.get(record.ref)
        every = frozenset(path for path, _ in english(record))
        return every if found is None else found.english & every

    records = [*guide.symptoms, *guide.causes, *guide.remedies, *guide.sources]
    flow = guide.flow
    if flow is not None:
        records += list(flow.questions)
        flow = dataclasses.replace(flow, questions=tuple(one(q) for q in flow.questions))
    settings = translate(guide.settings, language.translations.get(SETTINGS_REF))
    in_english = {r.ref: english_paths(r) for r in records}
    settings_found = language.translations.get(SETTINGS_REF)
    in_english[SETTINGS_REF] = (
        settings_found.english
        if settings_found
        else frozenset(p for p, _ in english(guide.settings))
    )
    return dataclasses.replace(
        guide,
        original=guide,
        settings=settings,
        symptoms=tuple(one(s) for s in guide.symptoms),
        causes=tuple(one(c) for c in guide.causes),
        remedies=tuple(one(r) for r in guide.remedies),
        sources=tuple(one(r) for r in guide.sources),
        flow=flow,
        language=language.code,
        in_english={ref: paths for ref, paths in in_english.items() if paths},
        made={ref: t.made for ref, t in language.translations.items()},
    )
