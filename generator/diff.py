"""What a change does to the site, for reviewers: `python -m generator diff BASE HEAD`.

Each side is a dataset folder or a git revision (whose `content/` is read with
`git archive`). The report is Markdown, for a pull request's job summary.
"""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.link import Guide
from generator.pipeline import check
from generator.problems import errors
from generator.schema import KINDS, SETTINGS_FILE, Record, Ref, schema_fields
from generator.translations import SETTINGS_REF, Language
from generator.validate import Dataset


class SideError(Exception):
    """A side of the diff could not be read (not a folder, not a revision)."""


@dataclass(frozen=True)
class Side:
    label: str
    dataset: Dataset
    guide: Guide | None
    error_count: int
    languages: tuple[Language, ...] = ()


def read_side(spec: str, repo: Path, content: str = "content") -> Side:
    folder = Path(spec)
    if folder.is_dir():
        return _read(spec, folder if (folder / SETTINGS_FILE).is_file() else folder / content)
    if spec.startswith("-"):
        # git would read it as an option (`--output=FILE` writes a file).
        raise SideError(
            f"expected a dataset folder or a git revision, got the option-like '{spec}'"
        )
    with tempfile.TemporaryDirectory() as tmp:
        try:
            tar = subprocess.run(
                ["git", "archive", "--format=tar", spec, "--", content],
                cwd=repo,
                capture_output=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            raise SideError(
                f"'{spec}' is neither a dataset folder nor a git revision with {content}/ "
                f"({detail.decode(errors='replace').strip() or exc})"
            ) from None
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            try:
                # "data" refuses links out of the folder: a page that links to
                # /etc/passwd must not be read into the report.
                archive.extractall(tmp, filter="data")
            except tarfile.FilterError as exc:
                raise SideError(
                    f"'{spec}' cannot be compared: {exc}; keep only files and links "
                    f"inside {content}/ in the dataset"
                ) from None
        return _read(spec, Path(tmp) / content)


def _read(label: str, content: Path) -> Side:
    result = check(content, content.parent)
    return Side(label, result.dataset, result.guide, len(errors(result.problems)), result.languages)


def plain(value: Any) -> Any:
    """A record value without positions, so that moving text around is no change."""
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, plain(getattr(value, f.name))) for f in schema_fields(type(value)))
    return value


def record_changes(base: Dataset, head: Dataset) -> Iterator[tuple[str, str, str, str]]:
    """(change, kind, id, changed fields) for every record that differs."""
    for kind in KINDS:
        old: dict[str, Record] = {r.id: r for r in base.records(kind)}
        new: dict[str, Record] = {r.id: r for r in head.records(kind)}
        for rid in sorted(old.keys() | new.keys()):
            if rid not in old:
                yield "added", kind, rid, ""
            elif rid not in new:
                yield "removed", kind, rid, ""
            else:
                fields = [
                    f.name
                    for f in schema_fields(type(new[rid]))
                    if plain(getattr(old[rid], f.name)) != plain(getattr(new[rid], f.name))
                ]
                if fields:
                    yield "changed", kind, rid, ", ".join(fields)
    if base.settings is not None and head.settings is not None:
        fields = [
            f.name
            for f in schema_fields(type(head.settings))
            if plain(getattr(base.settings, f.name)) != plain(getattr(head.settings, f.name))
        ]
        if fields:
            yield "changed", "site", SETTINGS_FILE, ", ".join(fields)


def _answers(guide: Guide | None) -> dict[tuple[str, str], str]:
    """(question id, answer label) -> where it leads, e.g. `cause wrong-login-data`."""
    out: dict[tuple[str, str], str] = {}
    if guide is None or guide.flow is None:
        return out
    for q in guide.flow.questions:
        for answer in q.choices:
            target = answer.target
            out[(q.id, answer.label)] = f"{KINDS[target.kind].noun} `{target.id}`"
    return out


def md_text(text: str) -> str:
    """Content shown as text in the Markdown report, never as markup."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


def check_changes(base: Guide | None, head: Guide | None) -> list[str]:
    old, new = _answers(base), _answers(head)
    lines = []
    for key in sorted(old.keys() | new.keys()):
        qid, label = key
        answer = f"Answer \u201c{md_text(label)}\u201d to question `{qid}`"
        if key not in old:
            lines.append(f"- New: {answer} leads to {new[key]}.")
        elif key not in new:
            lines.append(f"- Gone: {answer}, which led to {old[key]}.")
        elif old[key] != new[key]:
            lines.append(f"- {answer} now leads to {new[key]} (was {old[key]}).")
    reach_old = set(base.flow.outcomes) if base and base.flow else set()
    reach_new = set(head.flow.outcomes) if head and head.flow else set()
    lines += [f"- Cause `{c}` can now be reached." for c in sorted(reach_new - reach_old)]
    lines += [f"- Cause `{c}` can no longer be reached." for c in sorted(reach_old - reach_new)]
    return lines


def provenance_changes(base: Dataset, head: Dataset) -> list[str]:
    """What a reviewer checks first: where the facts come from, and when they were checked."""
    lines = []
    old_sources = {r.id: r for r in base.records("sources")}
    new_sources = {r.id: r for r in head.records("sources")}
    for sid in sorted(new_sources.keys() - old_sources.keys()):
        lines.append(f"- New source `{sid}`: {_source(new_sources[sid])}.")
    for sid in sorted(old_sources.keys() - new_sources.keys()):
        lines.append(f"- Source `{sid}` removed (was {_source(old_sources[sid])}).")
    for sid in sorted(old_sources.keys() & new_sources.keys()):
        old, new = old_sources[sid], new_sources[sid]
        if getattr(old, "url", None) != getattr(new, "url", None):
            lines.append(f"- Source `{sid}` moved: {_address(new)} (was {_address(old)}).")
    for kind in KINDS:
        if kind == "sources":
            continue
        old_records = {r.id: r for r in base.records(kind)}
        for record in head.records(kind):
            before = old_records.get(record.id)
            if before is None:
                continue
            name = f"{KINDS[kind].noun} `{record.id}`"
            cited = {ref.id for ref in getattr(record, "sources", ())}
            was = {ref.id for ref in getattr(before, "sources", ())}
            for sid in sorted(cited - was):
                lines.append(f"- {name} now cites source `{sid}`.")
            for sid in sorted(was - cited):
                lines.append(f"- {name} no longer cites source `{sid}`.")
            reviewed, reviewed_before = (
                getattr(record, "reviewed", None),
                getattr(before, "reviewed", None),
            )
            if reviewed != reviewed_before:
                lines.append(f"- {name}: reviewed {reviewed} (was {reviewed_before}).")
            verdict = getattr(record, "recoverability", None)
            verdict_before = getattr(before, "recoverability", None)
            if verdict is not None and verdict_before is not None:
                if verdict.verdict != verdict_before.verdict:
                    lines.append(
                        f"- {name}: verdict `{verdict.verdict}` (was `{verdict_before.verdict}`)."
                    )
                if verdict.source.id != verdict_before.source.id:
                    lines.append(
                        f"- {name}: the verdict now rests on source `{verdict.source.id}` "
                        f"(was `{verdict_before.source.id}`)."
                    )
                elif verdict.passage != verdict_before.passage:
                    lines.append(f"- {name}: the passage the verdict quotes changed.")
    return lines


def _source(source: Any) -> str:
    title, publisher = md_text(source.title), md_text(source.publisher)
    url = getattr(source, "url", None)
    return f"\u201c{title}\u201d, {publisher}" + (f", <{url}>" if url else "")


def _address(source: Any) -> str:
    # A source may have no address (a leaflet, a book): not "<None>".
    url = getattr(source, "url", None)
    return f"<{url}>" if url else "no address"


def _stale(languages: tuple[Language, ...]) -> set[tuple[str, Ref, str]]:
    return {
        (language.code, ref, path)
        for language in languages
        for ref, translation in language.translations.items()
        for path in translation.stale
    }


def translation_changes(base: Side, head: Side) -> list[str]:
    """Translations this change made out of date, or brought up to date: what a
    translator picks up from a pull request."""
    old, new = _stale(base.languages), _stale(head.languages)
    lines = []
    for label, found in (("now out of date", new - old), ("up to date again", old - new)):
        for code, ref, path in sorted(found, key=lambda x: (x[0], x[1].kind, x[1].id, x[2])):
            record = "the settings" if ref == SETTINGS_REF else f"{KINDS[ref.kind].noun} `{ref.id}`"
            lines.append(f"- {code}: {record}, `{path}`: {label}.")
    return lines


def report(base: Side, head: Side) -> str:
    out = [
        f"## What this change does to the site\n\nComparing `{base.label}` with `{head.label}`.\n"
    ]
    for side in (base, head):
        if side.error_count:
            out.append(
                f"**`{side.label}` has {side.error_count} error(s)**; run "
                "`python -m generator check` on it. Only records that validate are compared.\n"
            )
    changes = list(record_changes(base.dataset, head.dataset))
    if changes:
        out.append("| change | record | fields |\n|---|---|---|")
        out += [
            f"| {change} | {KINDS[kind].noun if kind in KINDS else kind} `{rid}` | {fields} |"
            for change, kind, rid, fields in changes
        ]
        out.append("")
    else:
        out.append("No records were added, removed or changed.\n")
    provenance = provenance_changes(base.dataset, head.dataset)
    out.append("### Sources and review dates\n")
    out.append(
        "\n".join(provenance) + "\n" if provenance else "No source or review date changed.\n"
    )
    stale = translation_changes(base, head)
    out.append("### Translations\n")
    out.append("\n".join(stale) + "\n" if stale else "No translation went out of date.\n")
    tree = check_changes(base.guide, head.guide)
    out.append("### Guided check\n")
    out.append("\n".join(tree) + "\n" if tree else "No answer leads anywhere new.\n")
    return "\n".join(out)
