"""Stage 1, load: dataset files -> position-carrying YAML trees.

The tree is built from libyaml's event stream rather than PyYAML's composer so
that nothing can construct Python objects, an alias bomb is refused at its
first alias, nesting depth is bounded without recursion, and duplicate keys
are caught. Every node keeps the parser's mark, which is where errors point.

Files arrive from strangers and `check`'s output lands in a public CI log, so
the loader reads only regular files that are really inside the dataset folder:
folders and files are opened relative to their parent's descriptor without
following links, and the file's type is checked on the descriptor itself. A
link, pipe, device or socket is refused by its type alone, before anything is
read from it or from where it points, so no message can quote what lies
outside the dataset.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator import schema
from generator.problems import Pos, Problem, display_path, visible
from generator.schema import ID_PATTERN, SETTINGS_FILE

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

# Inside the dataset folder every name is one entry, opened relative to its
# folder's descriptor, and O_NOFOLLOW refuses it if it is a link. O_NONBLOCK:
# should a pipe appear between listing and opening, opening it does not wait.
_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC

RECORDS_RULE = "records must be regular files inside the dataset folder"
FOLDERS_RULE = "record folders must be real folders inside the dataset folder"
SITE_RULE = f"{SETTINGS_FILE} must be a regular file inside the dataset folder"
DATASET_RULE = (
    "the dataset folder must be a real folder, named as `content:` in mkdocs.yml (or `--content`)"
)
NO_DATASET = "dataset folder not found; expected a folder holding site.yml and causes/"
# Byte-order marks, longest first: UTF-32 LE's begins with UTF-16 LE's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)


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
    """`settings` (for site.yml) or a record kind's folder."""
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


def file_type(mode: int) -> str:
    """What a folder entry is, in words, from its `st_mode`."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    return "a special file"


def not_a_file(mode: int, rule: str = RECORDS_RULE) -> str:
    """Why an entry that should be a regular file is refused; `rule` says what it must be."""
    what = file_type(mode)
    if stat.S_ISLNK(mode):
        return f"{what}; {rule}: replace the link with the file itself"
    if stat.S_ISDIR(mode):
        return f"{what}, not a file; {rule}: replace the folder with the file"
    return f"{what}, not a regular file; {rule}: replace it with an ordinary file"


def not_a_folder(mode: int, rule: str = FOLDERS_RULE) -> str:
    """Why an entry that should be a folder is refused."""
    what = file_type(mode)
    if stat.S_ISLNK(mode):
        return f"{what}; {rule}: replace the link with the folder itself"
    return f"{what}, not a folder; {rule}: replace it with a folder"


def unreadable(exc: OSError, what: str = "file") -> str:
    """A failed open or read, described by its error number alone (the exception's
    text would add the path, and could add where a link points)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        fix = "`chmod a+r`" if what == "file" else "`chmod a+rx`"
        return f"cannot be read (permission denied); make the {what} readable, e.g. with {fix}"
    reason = os.strerror(exc.errno) if exc.errno else type(exc).__name__
    return f"cannot be read ({reason}); check the {what}, or delete it and create it again"


def entry_mode(name: str | Path, dir_fd: int | None = None) -> int | None:
    """The entry's own type (a link not followed), or None if there is no such entry."""
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return None


def open_folder(name: str | Path, dir_fd: int | None, rule: str) -> int | str | None:
    """A descriptor of the real folder `name` (inside the folder `dir_fd`, if given);
    None if there is no such entry; else why not, in words."""
    try:
        mode = entry_mode(name, dir_fd)
        if mode is None:
            return None
        if not stat.S_ISDIR(mode):
            return not_a_folder(mode, rule)
        return os.open(name, _FOLDER_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        return unreadable(exc, "folder")


def read_file(name: str, dir_fd: int, shown: str, rule: str = RECORDS_RULE) -> bytes | Problem:
    """The bytes of the regular file `name` in the folder `dir_fd`, or why not.

    The type is checked again on the open descriptor, so a link or a pipe put
    in place after the listing is refused too; the size limit holds for what is
    read, not for what `st_size` claims.
    """
    start = Pos(shown, 1, 1)
    try:
        fd = os.open(name, _FILE_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            return Problem(start, not_a_file(stat.S_IFLNK, rule))
        return Problem(start, unreadable(exc))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Problem(start, not_a_file(info.st_mode, rule))
        if info.st_size > MAX_FILE_BYTES:
            return Problem(start, too_big(f"{info.st_size:,} bytes"))
        # The first read gets the whole file, the second confirms its end
        # (or finds that it grew): never more than the limit plus one byte.
        chunks: list[bytes] = []
        got = 0
        want = info.st_size + 1
        while got <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(want, MAX_FILE_BYTES + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            want = 64 * 1024
        if got > MAX_FILE_BYTES:
            return Problem(start, too_big(f"more than {MAX_FILE_BYTES:,} bytes"))
        return b"".join(chunks)
    except OSError as exc:
        return Problem(start, unreadable(exc))
    finally:
        os.close(fd)


def too_big(size: str) -> str:
    return (
        f"file is {size}; a record may be at most {MAX_FILE_BYTES:,} bytes; "
        "split it into several records"
    )


def load_dataset(content: Path, base: Path | None = None, settings_required: bool = True) -> Loaded:
    """Parse every dataset file under `content`; paths in problems are relative to `base`.

    A translation's folder has the same layout, where site.yml is optional."""
    base = Path.cwd() if base is None else base
    documents: list[Document] = []
    problems: list[Problem] = []
    ids: dict[str, frozenset[str]] = {kind: frozenset() for kind in KINDS}
    # Paths are shown relative to `base`; resolving once, not per file, keeps
    # a large dataset's load from being dominated by filesystem calls.
    prefix = display_path(content, base)

    def add(folder: int, name: str, shown: str, kind: str, doc_id: str, rule: str) -> None:
        data = read_file(name, folder, shown, rule)
        if isinstance(data, Problem):
            problems.append(data)
            return
        node, found = parse_bytes(data, shown)
        problems.extend(found)
        if node is not None:
            documents.append(Document(kind, doc_id, Pos(shown, 1, 1), node))

    # The dataset folder's path is configuration (mkdocs.yml, --content), so
    # links on the way to it are followed; but it must itself be a folder.
    root = open_folder(content, None, DATASET_RULE)
    if not isinstance(root, int):
        return Loaded((), (Problem(Pos(prefix, 1, 1), root or NO_DATASET),), ids)
    try:
        shown = f"{prefix}/{SETTINGS_FILE}"
        try:
            mode = entry_mode(SETTINGS_FILE, root)
        except OSError as exc:
            problems.append(Problem(Pos(shown, 1, 1), unreadable(exc)))
        else:
            if mode is None:
                if settings_required:
                    msg = f"missing {SETTINGS_FILE}; create it with at least `title:` and `notice:`"
                    problems.append(Problem(Pos(shown, 1, 1), msg))
            elif stat.S_ISREG(mode):
                add(root, SETTINGS_FILE, shown, "settings", "site", SITE_RULE)
            else:
                problems.append(Problem(Pos(shown, 1, 1), not_a_file(mode, SITE_RULE)))

        for kind in KINDS:
            shown = f"{prefix}/{kind}"
            folder = open_folder(kind, root, FOLDERS_RULE)
            if folder is None:
                continue
            if isinstance(folder, str):
                problems.append(Problem(Pos(shown, 1, 1), folder))
                continue
            try:
                records, known, refused = list_records(folder, kind, shown)
                problems.extend(refused)
                ids[kind] = known
                for name, shown_file in records:
                    add(folder, name, shown_file, kind, name.removesuffix(".yml"), RECORDS_RULE)
            finally:
                os.close(folder)
    finally:
        os.close(root)
    return Loaded(tuple(documents), tuple(problems), ids)


def list_records(
    folder: int, kind: str, shown_kind: str
) -> tuple[list[tuple[str, str]], frozenset[str], list[Problem]]:
    """The record files in one kind's folder, as (name, shown path); every id that has
    an entry, readable or not; and a problem for each entry that is not a record.

    The entries' types come with the listing, without a call per file: only
    regular files are read, and nothing else is opened.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        return [], frozenset(), [Problem(Pos(shown_kind, 1, 1), unreadable(exc, "folder"))]
    records: list[tuple[str, str]] = []
    ids: set[str] = set()
    problems: list[Problem] = []
    regular = {entry.name for entry in entries if _is_regular(entry)}
    for entry in entries:
        name = entry.name
        if name.startswith("."):  # hidden: editors' and systems' own files, never read
            continue
        shown = f"{shown_kind}/{visible(name)}"
        stem = name.removesuffix(".yml")
        is_id = name.endswith(".yml") and ID_PATTERN.fullmatch(stem) is not None
        if is_id:  # known even if refused below, so references to it are not reported again
            ids.add(stem)
        if name not in regular:
            try:
                if entry.is_dir(follow_symlinks=False):
                    msg = (
                        f"a folder inside {kind}/; records are `.yml` files directly in "
                        f"{kind}/, and nothing in a folder below is read: move its files up "
                        f"into {kind}/, or out of the dataset folder"
                    )
                else:
                    msg = not_a_file(entry.stat(follow_symlinks=False).st_mode)
            except OSError as exc:
                msg = unreadable(exc)
        elif is_id:
            records.append((name, shown))
            continue
        elif not name.endswith(".yml"):
            msg = f"unexpected file '{visible(name)}' in {kind}/; records are `.yml` files"
        elif ID_PATTERN.fullmatch(stem.lower()) and f"{stem.lower()}.yml" in regular:
            msg = (
                f"id '{stem}' differs from '{stem.lower()}' only in case, and ids are "
                "lowercase; merge the two files or give this one another name"
            )
        else:
            msg = bad_id_message(stem)
        problems.append(Problem(Pos(shown, 1, 1), msg))
    return records, frozenset(ids), problems


def _is_regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:  # reported where its type is asked again
        return False


def bad_id_message(stem: str) -> str:
    shown = visible(stem)
    odd = next((ch for ch in stem if not ch.isprintable()), None)
    if odd is not None:
        code = ord(odd)
        what = (
            f"the byte 0x{code - 0xDC00:02x}, which is not UTF-8"
            if 0xDC80 <= code <= 0xDCFF
            else f"an invisible character (U+{code:04X})"
        )
        return (
            f"file name '{shown}' contains {what}; ids use the letters a-z, digits and "
            "hyphens: rename the file"
        )
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


def unsafe_entries(folder: Path, base: Path) -> list[Problem]:
    """Links, pipes, devices and sockets anywhere under `folder`, and folders that
    cannot be listed; paths relative to `base`. No link is followed, no file opened.

    For the hand-written pages (MkDocs' `docs_dir`), which MkDocs reads itself:
    it follows links, renders what a link to a Markdown file points to and
    copies any other file into the site, so a link to a file outside the project
    would publish it. The plugin can refuse the build on these.
    """
    prefix = display_path(folder, base)
    rule = f"everything in {prefix}/ must be a regular file or folder inside it"
    try:
        mode = entry_mode(folder)
    except OSError as exc:
        return [Problem(Pos(prefix, 1, 1), unreadable(exc, "folder"))]
    if mode is None:
        return []
    if not stat.S_ISDIR(mode):
        return [Problem(Pos(prefix, 1, 1), not_a_folder(mode, rule))]
    problems: list[Problem] = []
    # Only real folders are entered (never through a link), so a path built
    # from their names stays inside `folder`. A stack, not recursion: trees may be deep.
    pending = [(str(folder), prefix)]
    while pending:
        path, shown = pending.pop()
        try:
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(Pos(shown, 1, 1), unreadable(exc, "folder")))
            continue
        for entry in entries:
            here = f"{shown}/{visible(entry.name)}"
            try:
                if entry.is_symlink():
                    msg = f"a symbolic link; {rule}: replace the link with what it points to"
                elif entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, here))
                    continue
                elif entry.is_file(follow_symlinks=False):
                    continue
                else:
                    msg = not_a_file(entry.stat(follow_symlinks=False).st_mode, rule)
            except OSError as exc:
                msg = unreadable(exc)
            problems.append(Problem(Pos(here, 1, 1), msg))
    return sorted(problems)


def wide_encoding(data: bytes) -> str | None:
    """`UTF-16 LE` and the like if `data` is text in a wide encoding, else None.

    A byte-order mark says so outright. Without one, NUL bytes tell: YAML
    forbids U+0000, so UTF-8 records have none, while UTF-16 puts one in every
    ASCII character (each key, space, colon and line break), UTF-32 three. Where
    they fall gives the byte order. A stray NUL in UTF-8 is not taken for this:
    it is reported as the control character it is.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if b"\x00" not in data:
        return None
    nuls = [data[i::4].count(0) for i in range(4)]
    if sum(nuls) * 16 < len(data):
        return None
    # UTF-32 first, as only UTF-32 decodes as UTF-32: UTF-16 text would need every other
    # character to be a control character below U+0011, whatever its script (emoji too).
    wide = [("UTF-32 LE", "utf-32-le"), ("UTF-32 BE", "utf-32-be")] if len(data) % 4 == 0 else []
    if nuls[1] + nuls[3] > nuls[0] + nuls[2]:
        wide.append(("UTF-16 LE", "utf-16-le"))
    else:
        wide.append(("UTF-16 BE", "utf-16-be"))
    for name, codec in wide:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return None


def position(shown: str, data: str | bytes, offset: int) -> Pos:
    """The line and column of `offset` in a file's text (or bytes: the column
    then counts bytes, which is as close as undecodable text allows)."""
    before = data[:offset]
    newline = "\n" if isinstance(before, str) else b"\n"
    line_start = before.rfind(newline) + 1  # type: ignore[arg-type]
    return Pos(shown, before.count(newline) + 1, offset - line_start + 1)  # type: ignore[arg-type]


def parse_bytes(data: bytes, shown: str) -> tuple[Node | None, list[Problem]]:
    """Decode one file's bytes as UTF-8 and parse them; a problem instead of a tree when
    they are not UTF-8 YAML."""
    start = Pos(shown, 1, 1)
    if data.startswith(b"\xef\xbb\xbf"):
        msg = "file starts with a byte-order mark; save it as UTF-8 without BOM"
        return None, [Problem(start, msg)]
    wide = wide_encoding(data)
    if wide is not None:
        msg = (
            f"file is saved as {wide}, expected UTF-8; "
            "save it as UTF-8 (your editor's encoding setting)"
        )
        return None, [Problem(start, msg)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = (
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; "
            "save the file as UTF-8 (your editor's encoding setting)"
        )
        return None, [Problem(position(shown, data, exc.start), msg)]
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
    loader: Any = None
    try:
        # Inside the `try`: the pure-Python reader refuses a control character
        # as soon as it is given the text, libyaml only when it reaches it.
        loader = _Loader(text)
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
        opened = never_closed(exc, text)
        # Both are noticed a line late: report them where the editor's line starts.
        early = opened is not None or keyless(exc)
        mark = (exc.context_mark if early else None) or exc.problem_mark or exc.context_mark
        pos = at(mark) if mark is not None else Pos(shown, 1, 1)
        found = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
        return None, [Problem(pos, syntax_message(exc, found, opened))]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow anywhere
        pos = position(shown, text, exc.position)
        msg = (
            f"control character U+{exc.character:04X} is not allowed in YAML; delete it "
            "(it often arrives invisibly with pasted text)"
        )
        return None, [Problem(pos, msg)]
    except yaml.YAMLError as exc:
        return None, [Problem(Pos(shown, 1, 1), f"not readable as YAML ({exc}); check the file")]
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:  # nothing but blank lines and comments
        msg = "file is empty; expected a mapping of fields, e.g. `title: Wrong password`"
        return None, [Problem(Pos(shown, 1, 1), msg)]
    return root, []


NEVER_CLOSED = {
    "quoted value": "the quoted value that starts here is never closed; add the closing quote",
    "list": "the list that starts here with `[` is never closed; add the closing `]`",
    "mapping": "the mapping that starts here with `{` is never closed; add the closing `}`",
}
"""What an editor opened and did not close, reported where it was opened (libyaml
notices only at the end of the file)."""


def never_closed(exc: yaml.MarkedYAMLError, text: str) -> str | None:
    """Which of a quote, `[` or `{` the error shows never closed (a key of
    NEVER_CLOSED), or None."""
    context, problem = exc.context or "", exc.problem or ""
    if "quoted scalar" in context and "end of stream" in problem:
        return "quoted value"
    # A flow collection that runs into the end of the file; an error inside one
    # (`[a b: c]`) is not at the end, and keeps libyaml's place and words.
    mark = exc.problem_mark
    at_end = mark is not None and mark.index >= len(text.rstrip())
    if at_end and "flow sequence" in context:
        return "list"
    if at_end and "flow mapping" in context:
        return "mapping"
    return None


def keyless(exc: yaml.MarkedYAMLError) -> bool:
    """Whether the error is a line that is neither `key: value` nor `- item` (libyaml
    notices on the next line; its context mark is the line itself)."""
    return "simple key" in (exc.context or "") and "expected ':'" in (exc.problem or "")


def syntax_message(exc: yaml.MarkedYAMLError, found: str, opened: str | None = None) -> str:
    """Libyaml's message, put in an editor's terms; `found` is the character at the
    error, `opened` what `never_closed` found."""
    problem = (exc.problem or "invalid YAML").strip()
    context = (exc.context or "").strip()
    if opened is not None:
        return NEVER_CLOSED[opened]
    if found == "\t":
        return "a tab character; YAML is indented with spaces only, replace the tab with spaces"
    if "mapping values are not allowed" in problem:
        return (
            "a `:` where a value was expected; put text that contains `: ` in quotes, "
            'e.g. title: "Step 1: sign in"'
        )
    if keyless(exc):
        return (
            "this line is neither `key: value` nor a list item `- ...`; add what is missing, "
            "or, if it continues the text above, indent it under its key"
        )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return (
            "indentation does not line up; keys of one mapping start in the same column, "
            "and list items (`- `) under a key are indented consistently"
        )
    detail = f"{context}: {problem}" if context else problem
    return f"invalid YAML ({detail}); check the indentation and quoting on this line"
