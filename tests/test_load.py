"""Reading files. Each way a file can fail is a case in tests/corpus/; these are the rest."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.load import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    SITE_RULE,
    Map,
    Scalar,
    Seq,
    bad_id_message,
    entry_mode,
    not_a_file,
    parse_bytes,
    parse_text,
    read_file,
    unreadable,
    unsafe_entries,
    wide_encoding,
)
from generator.pipeline import check
from generator.problems import Pos, Problem, display_path, visible
from tests.conftest import HOUSEPLANTS, Project


def test_valid_dataset_has_no_problems(project: Project) -> None:
    assert project.problems() == []


def test_missing_dataset_folder(tmp_path: Path) -> None:
    result = check(tmp_path / "nowhere", base=tmp_path)
    assert [str(p) for p in result.problems] == [
        "nowhere:1:1: error: dataset folder not found; expected a folder holding site.yml and "
        "causes/"
    ]


def test_nodes_keep_the_parsers_positions() -> None:
    root, problems = parse_text("title: A\nsteps:\n  - one\n  - 'two'\n", "x.yml")
    assert problems == []
    assert isinstance(root, Map)
    (_, title), (_, steps) = root.entries
    assert isinstance(title, Scalar) and isinstance(steps, Seq)
    assert (title.pos.line, title.pos.col, title.value, title.plain) == (1, 8, "A", True)
    items = [(i.pos.line, i.pos.col, isinstance(i, Scalar) and i.plain) for i in steps.items]
    assert items == [(3, 5, True), (4, 5, False)]


def test_nesting_up_to_the_limit_is_fine() -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert parse_text(text, "x.yml")[1] == []


# Reading files: what the corpus cannot lay out. Tests run as root, for whom
# permission bits stop nothing, so an unreadable file is a refused os.open.

REMEDY = "content/remedies/move-to-light.yml"
LINK = (
    "a symbolic link; records must be regular files inside the dataset folder: "
    "replace the link with the file itself"
)


def refuse_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make os.open fail with 'permission denied' for entries called `name`."""
    real_open = os.open

    def fake_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if Path(os.fsdecode(path)).name == name:
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", fake_open)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "move-to-light.yml",
            f"{REMEDY}:1:1: error: cannot be read (permission denied); make the file "
            "readable, e.g. with `chmod a+r`",
        ),
        (
            "site.yml",
            "content/site.yml:1:1: error: cannot be read (permission denied); make the file "
            "readable, e.g. with `chmod a+r`",
        ),
        (
            "remedies",
            "content/remedies:1:1: error: cannot be read (permission denied); make the folder "
            "readable, e.g. with `chmod a+rx`",
        ),
        (
            "content",
            "content:1:1: error: cannot be read (permission denied); make the folder "
            "readable, e.g. with `chmod a+rx`",
        ),
    ],
)
def test_what_cannot_be_read_is_named_without_a_traceback(
    project: Project, monkeypatch: pytest.MonkeyPatch, name: str, expected: str
) -> None:
    refuse_open(monkeypatch, name)
    problems = project.problems()
    assert expected in problems
    # An unreadable remedies/ leaves its references unknown, reported as such.
    assert [p for p in problems if "cannot be read" in p] == [expected]


def lie_about_size(
    monkeypatch: pytest.MonkeyPatch, size: int, path: Path | None = None
) -> list[int]:
    """Make `os.fstat` say `size` bytes for the file at `path` (every file if none)
    and count what `os.read` then gives of it: the lengths, in a list that fills."""
    real_fstat, real_read = os.fstat, os.read
    read: list[int] = []

    def ours(fd: int) -> bool:
        return path is None or fd_path(fd) == str(path)

    def lying_fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        if not ours(fd):
            return info
        return os.stat_result((info.st_mode, *info[1:6], size, *info[7:]))  # st_size is [6]

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        if ours(fd):
            read.append(len(data))
        return data

    monkeypatch.setattr(os, "fstat", lying_fstat)
    monkeypatch.setattr(os, "read", counting_read)
    return read


def test_the_size_limit_holds_for_what_is_read_not_for_what_stat_says(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write_bytes("remedies/move-to-light.yml", b"title: " + b"x" * 10 * MAX_FILE_BYTES)
    read = lie_about_size(monkeypatch, 100)
    assert project.problems() == [
        f"{REMEDY}:1:1: error: file is more than 262,144 bytes; a record may be at most "
        "262,144 bytes; split it into several records"
    ]
    # The other files were read whole; this one only up to the limit plus one byte.
    assert max(read) <= MAX_FILE_BYTES + 1
    assert sum(read) < 2 * MAX_FILE_BYTES


def test_the_type_is_checked_on_the_open_file_too(tmp_path: Path) -> None:
    """A device or a link put in place after the listing is refused when opened."""
    (tmp_path / "link.yml").symlink_to("/etc/hostname")
    folder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    devices = os.open("/dev", os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert read_file("link.yml", folder, "x.yml") == Problem(Pos("x.yml", 1, 1), LINK)
        assert read_file("null", devices, "x.yml") == Problem(
            Pos("x.yml", 1, 1),
            "a device file, not a regular file; records must be regular files inside the "
            "dataset folder: replace it with an ordinary file",
        )
    finally:
        os.close(folder)
        os.close(devices)


def test_a_link_is_refused_even_when_it_stays_inside_the_dataset(project: Project) -> None:
    path = project.content / "remedies/move-to-light.yml"
    path.unlink()
    path.symlink_to("let-soil-dry.yml")
    assert project.problems() == [f"{REMEDY}:1:1: error: {LINK}"]


def test_hidden_entries_are_neither_read_nor_reported(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (project.content / "causes/.DS_Store").write_bytes(b"\x00\x01binary")
    (project.content / "causes/.draft.yml").symlink_to(secret)
    (project.content / "remedies/.git").mkdir()
    opened: list[str] = []
    real_open = os.open

    def watching_open(
        path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None
    ) -> int:
        opened.append(os.fsdecode(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", watching_open)
    assert project.problems() == []
    assert not [name for name in opened if Path(name).name.startswith(".")]


def test_a_missing_record_folder_is_not_an_error_of_its_own(project: Project) -> None:
    shutil.rmtree(project.content / "questions")
    problems = project.problems()
    assert problems and not [p for p in problems if p.startswith("content/questions:")]


@pytest.mark.parametrize(
    ("codec", "bom", "expected"),
    [
        ("utf-16-le", b"", "UTF-16 LE"),
        ("utf-16-le", b"\xff\xfe", "UTF-16 LE"),
        ("utf-16-be", b"", "UTF-16 BE"),
        ("utf-16-be", b"\xfe\xff", "UTF-16 BE"),
        ("utf-32-le", b"", "UTF-32 LE"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32 LE"),
        ("utf-32-be", b"", "UTF-32 BE"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32 BE"),
    ],
)
@pytest.mark.parametrize(
    "text",
    [
        "title: Move it to the light\nsteps:\n  - Find a window.\n",
        # Mostly non-Latin: few NUL bytes in UTF-16, and U+4E00 has a NUL low byte.
        "title: 把植物移到光亮处\nsteps:\n  - 找一个朝南的窗户 一天至少照射六个小时的阳光。\n",
    ],
)
def test_wide_encodings_are_named(codec: str, bom: bytes, expected: str, text: str) -> None:
    data = bom + text.encode(codec)
    assert wide_encoding(data) == expected
    assert parse_bytes(data, "x.yml") == (
        None,
        [
            Problem(
                Pos("x.yml", 1, 1),
                f"file is saved as {expected}, expected UTF-8; save it as UTF-8 (your "
                "editor's encoding setting)",
            )
        ],
    )


@pytest.mark.parametrize(
    ("codec", "expected"), [("utf-32-le", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE")]
)
def test_utf32_is_named_when_most_characters_are_beyond_the_first_plane(
    codec: str, expected: str
) -> None:
    # Emoji have no NUL in the byte UTF-32 spends on the plane; only the byte above it.
    assert wide_encoding(("t: " + "🌱🪴🌿🌞🌵" * 40 + "\n").encode(codec)) == expected


@pytest.mark.parametrize(
    "data",
    [
        "title: 把植物移到光亮处\n".encode(),
        b"title: day\x00light\nsummary: More light.\n",  # a stray NUL: a control character
        b"\x00",
    ],
)
def test_utf8_is_not_taken_for_a_wide_encoding(data: bytes) -> None:
    assert wide_encoding(data) is None


def test_file_names_are_printed_without_control_characters() -> None:
    assert visible("a\x1b[2J\nb\u202e\udce9.yml") == "a\\x1b[2J\\x0ab\\u202e\\xe9.yml"
    look_alike = "ov\u0435rwatering"  # Cyrillic: printable, and named by its own message
    assert visible(look_alike) == look_alike


def test_the_shown_path_does_not_follow_a_final_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "content").symlink_to(tmp_path / "real")
    assert display_path(tmp_path / "content", tmp_path) == "content"
    assert display_path(tmp_path / "real" / ".." / "content", tmp_path) == "content"
    # A path that ends in `..` (`--content real/..`) names the folder it leads to.
    assert display_path(tmp_path / "real" / "..", tmp_path) == "."


def test_unsafe_entries_lists_links_and_special_files_under_the_pages(tmp_path: Path) -> None:
    pages = tmp_path / "content" / "pages"
    (pages / "guides" / "deeper").mkdir(parents=True)
    (pages / "about.md").write_text("# About\n", encoding="utf-8")
    (pages / "guides" / "deeper" / "ok.png").write_bytes(b"\x89PNG")
    (pages / "passwd.md").symlink_to("/etc/passwd")
    (pages / "guides" / "keys").symlink_to("/root")
    (pages / "guides" / "deeper" / ".hidden").symlink_to("about.md")
    os.mkfifo(pages / "pipe.md")
    rule = "everything in content/pages/ must be a regular file or folder inside it"
    link = f"a symbolic link; {rule}: replace the link with what it points to"
    assert [str(p) for p in unsafe_entries(pages, tmp_path)] == [
        f"content/pages/guides/deeper/.hidden:1:1: error: {link}",
        f"content/pages/guides/keys:1:1: error: {link}",
        f"content/pages/passwd.md:1:1: error: {link}",
        f"content/pages/pipe.md:1:1: error: a named pipe (FIFO), not a regular file; {rule}: "
        "replace it with an ordinary file",
    ]


def test_unsafe_entries_reports_folders_it_cannot_list_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permissions cannot be taken away from root, who runs CI: the listing of one
    folder fails as it would for another user, and the rest is still checked."""
    pages = tmp_path / "pages"
    (pages / "locked").mkdir(parents=True)
    (pages / "guides").mkdir()  # listed before locked/, entered after it
    (pages / "guides" / "passwd.md").symlink_to("/etc/passwd")
    scandir = os.scandir

    def refuse(path: str) -> object:
        if path.endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return scandir(path)

    monkeypatch.setattr("generator.load.os.scandir", refuse)
    rule = "everything in pages/ must be a regular file or folder inside it"
    assert [str(p) for p in unsafe_entries(pages, tmp_path)] == [
        f"pages/guides/passwd.md:1:1: error: a symbolic link; {rule}: replace the link with "
        "what it points to",
        "pages/locked:1:1: error: cannot be read (permission denied); make the folder "
        "readable, e.g. with `chmod a+rx`",
    ]


def test_unsafe_entries_reports_a_pages_folder_it_cannot_look_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(name: object, dir_fd: object = None) -> int:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("generator.load.entry_mode", refuse)
    assert [str(p) for p in unsafe_entries(tmp_path / "pages", tmp_path)] == [
        "pages:1:1: error: cannot be read (Input/output error); check the folder, or delete "
        "it and create it again"
    ]


def test_unsafe_entries_refuses_a_linked_pages_folder_and_passes_a_missing_one(
    tmp_path: Path,
) -> None:
    (tmp_path / "pages").symlink_to("/etc")
    assert [str(p) for p in unsafe_entries(tmp_path / "pages", tmp_path)] == [
        "pages:1:1: error: a symbolic link; everything in pages/ must be a regular file or "
        "folder inside it: replace the link with the folder itself"
    ]
    assert unsafe_entries(tmp_path / "nowhere", tmp_path) == []
    assert unsafe_entries(HOUSEPLANTS / "content/pages", HOUSEPLANTS) == []


ID_RULE = "ids use the letters a-z, digits and hyphens"


@pytest.mark.parametrize(
    ("stem", "shown", "what"),
    [
        # Bytes that are not UTF-8 arrive as U+DC80..U+DCFF: named as bytes, both ends.
        ("caf\udc80", "caf\\x80", "the byte 0x80, which is not UTF-8"),
        ("caf\udcff", "caf\\xff", "the byte 0xff, which is not UTF-8"),
        # Just outside that range: not a byte, an invisible character.
        ("caf\udc7f", "caf\\udc7f", "an invisible character (U+DC7F)"),
        ("caf\udd00", "caf\\udd00", "an invisible character (U+DD00)"),
    ],
)
def test_a_file_name_with_a_byte_or_character_that_cannot_show_says_which(
    stem: str, shown: str, what: str
) -> None:
    assert (
        bad_id_message(stem) == f"file name '{shown}' contains {what}; {ID_RULE}: rename the file"
    )


@pytest.mark.parametrize(
    ("stem", "suggested"),
    [
        ("Old Leaves", "old-leaves"),
        (" leaves ", "leaves"),  # no hyphen where the spaces were at the ends
        ("--", "my-record"),  # nothing left to suggest from
    ],
)
def test_an_invalid_file_name_comes_with_a_name_to_use(stem: str, suggested: str) -> None:
    assert bad_id_message(stem) == (
        f"file name '{stem}' is not a valid id; expected lowercase letters, digits and "
        f"single hyphens, e.g. '{suggested}.yml'; rename the file"
    )


def test_an_error_without_a_number_is_named_by_its_kind() -> None:
    assert unreadable(OSError()) == (
        "cannot be read (OSError); check the file, or delete it and create it again"
    )


# What editors write: each YAML mistake gets its place and a message in their terms.


def test_a_file_holding_only_comments_is_reported_as_empty(project: Project) -> None:
    """Not skipped in silence: its id exists, so nothing else would say the record is gone."""
    project.write("remedies/move-to-light.yml", "# title: Move it to the light\n\n")
    assert project.problems() == [
        f"{REMEDY}:1:1: error: file is empty; expected a mapping of fields, e.g. "
        "`title: Wrong password`"
    ]


TAB = "a tab character; YAML is indented with spaces only, replace the tab with spaces"
GENERIC = "; check the indentation and quoting on this line"
KEYLESS = (
    "this line is neither `key: value` nor a list item `- ...`; add what is missing, or, if it "
    "continues the text above, indent it under its key"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An alias without an anchor is refused as an alias, where it stands.
        (
            "title: *x\n",
            "1:8: YAML aliases (`*name`) are not supported; write the value out in full",
        ),
        # `!` alone only says "text", which the value is anyway; any other tag is refused.
        (
            "title: ! 12\nsummary: !!int 12\n",
            "2:10: YAML tag 'tag:yaml.org,2002:int' is not supported; remove it",
        ),
        ("\ttitle: A\n", f"1:1: {TAB}"),  # at the very first character
        ("[a]]\n", f"1:4: invalid YAML (did not find expected <document start>){GENERIC}"),
        # An error inside quotes or braces that are closed keeps libyaml's place and words.
        (
            'title: "a \\q b"\n',
            "1:11: invalid YAML (while parsing a quoted scalar: found unknown escape "
            f"character){GENERIC}",
        ),
        (
            "title: {a: b c: d}\n",
            f"1:15: invalid YAML (while parsing a flow mapping: did not find expected ',' or "
            f"'}}'){GENERIC}",
        ),
        # A line with no `:` is noticed on the next line: reported on its own, even when
        # it is the file's last and has no line break.
        ("title: A\nsummary", f"2:1: {KEYLESS}"),
        ("title: A\nsummary\n", f"2:1: {KEYLESS}"),
        ("a:\n  - x\n  y\n  - z\n", f"3:3: {KEYLESS}"),
        # Unclosed at the very end of a file without a final line break.
        (
            "title: [a, b",
            "1:8: the list that starts here with `[` is never closed; add the closing `]`",
        ),
        (
            "title: {a: b",
            "1:8: the mapping that starts here with `{` is never closed; add the closing `}`",
        ),
        # A line's column counts from that line's start, on any line.
        (
            "title: A\nsummary: B\nsteps: \x07\n",
            "3:8: control character U+0007 is not allowed in YAML; delete it (it often "
            "arrives invisibly with pasted text)",
        ),
    ],
)
def test_yaml_mistakes_are_placed_and_explained(text: str, expected: str) -> None:
    root, problems = parse_text(text, "x.yml")
    assert root is None
    assert [str(p) for p in problems] == [f"x.yml:{expected.replace(': ', ': error: ', 1)}"]


def test_a_tag_of_a_single_exclamation_mark_is_accepted() -> None:
    root, problems = parse_text("title: ! 12\n", "x.yml")
    assert problems == []
    assert isinstance(root, Map)
    ((_, title),) = root.entries
    assert isinstance(title, Scalar) and (title.value, title.pos) == ("12", Pos("x.yml", 1, 8))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: A\n- step\n",
            "2:1: indentation does not line up; keys of one mapping start in the same "
            "column, and list items (`- `) under a key are indented consistently",
        ),
        (
            "title: A\nsummary: B\nsteps: \x07\n",
            "3:8: control character U+0007 is not allowed in YAML; delete it (it often "
            "arrives invisibly with pasted text)",
        ),
    ],
)
def test_the_pure_python_parser_gives_the_same_messages(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    """Where PyYAML was built without libyaml: its words differ, the editor's do not."""
    monkeypatch.setattr("generator.load._Loader", yaml.SafeLoader)
    assert [str(p) for p in parse_text(text, "x.yml")[1]] == [
        f"x.yml:{expected.replace(': ', ': error: ', 1)}"
    ]


class _FailingLoader:
    """A parser failing in a way libyaml never does: the loader still names the file."""

    error = yaml.YAMLError()

    def __init__(self, text: str) -> None:
        pass

    def get_event(self) -> None:
        raise self.error

    def dispose(self) -> None:
        pass


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (yaml.YAMLError("out of memory"), "not readable as YAML (out of memory); check the file"),
        (yaml.MarkedYAMLError(problem="odd input"), f"invalid YAML (odd input){GENERIC}"),
    ],
)
def test_a_parser_failure_without_a_place_points_at_the_files_start(
    monkeypatch: pytest.MonkeyPatch, error: yaml.YAMLError, expected: str
) -> None:
    monkeypatch.setattr(_FailingLoader, "error", error)
    monkeypatch.setattr("generator.load._Loader", _FailingLoader)
    assert [str(p) for p in parse_text("title: A\n", "x.yml")[1]] == [
        f"x.yml:1:1: error: {expected}"
    ]


def test_a_character_without_a_unicode_name_is_still_shown() -> None:
    assert bad_id_message("\U00017000") == (
        "file name '\U00017000' contains '\U00017000' (U+17000 an unnamed character), which "
        f"only looks like a plain letter; {ID_RULE}: retype the name"
    )


def test_a_folder_named_like_the_site_file_is_refused(project: Project) -> None:
    project.remove("site.yml")
    (project.content / "site.yml").mkdir()
    assert project.problems() == [
        "content/site.yml:1:1: error: a folder, not a file; site.yml must be a regular file "
        "inside the dataset folder: replace the folder with the file"
    ]


@pytest.mark.parametrize(
    ("mode", "what"),
    [(stat.S_IFBLK, "a device file"), (stat.S_IFCHR, "a device file"), (0, "a special file")],
)
def test_devices_and_unknown_types_are_named(mode: int, what: str) -> None:
    assert not_a_file(mode) == (
        f"{what}, not a regular file; records must be regular files inside the dataset "
        "folder: replace it with an ordinary file"
    )


def fd_path(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


def test_a_record_folder_that_cannot_be_listed_is_named(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    scandir = os.scandir

    def refuse(path: Any) -> Any:
        if isinstance(path, int) and fd_path(path).endswith("/remedies"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return scandir(path)

    monkeypatch.setattr("generator.load.os.scandir", refuse)
    assert [p for p in project.problems() if "cannot be read" in p] == [
        "content/remedies:1:1: error: cannot be read (permission denied); make the folder "
        "readable, e.g. with `chmod a+rx`"
    ]


class _Unknowable:
    """A folder entry whose type cannot be found out (an I/O error while looking)."""

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self.name, self.path = entry.name, entry.path

    def _fail(self, *args: object, **kwargs: object) -> bool:
        raise OSError(errno.EIO, "Input/output error")

    is_file = is_dir = is_symlink = stat = _fail


def entries_unknowable(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    scandir = os.scandir

    class Listing:
        def __init__(self, path: Any) -> None:
            self.inner = scandir(path)

        def __enter__(self) -> list[Any]:
            entries = list(self.inner.__enter__())
            return [_Unknowable(e) if e.name == name else e for e in entries]

        def __exit__(self, *exc: object) -> None:
            self.inner.__exit__(None, None, None)

    monkeypatch.setattr("generator.load.os.scandir", Listing)


EIO_FILE = "cannot be read (Input/output error); check the file, or delete it and create it again"


def test_an_entry_whose_type_cannot_be_read_is_named_not_read(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries_unknowable(monkeypatch, "move-to-light.yml")
    assert project.problems() == [f"{REMEDY}:1:1: error: {EIO_FILE}"]


def test_unsafe_entries_names_an_entry_whose_type_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "about.md").write_text("# About\n", encoding="utf-8")
    entries_unknowable(monkeypatch, "about.md")
    assert [str(p) for p in unsafe_entries(tmp_path / "pages", tmp_path)] == [
        f"pages/about.md:1:1: error: {EIO_FILE}"
    ]


def test_a_link_with_an_invalid_name_is_refused_as_a_link(project: Project) -> None:
    (project.content / "remedies/Move To Light.yml").symlink_to("move-to-light.yml")
    assert project.problems() == [f"content/remedies/Move To Light.yml:1:1: error: {LINK}"]


def test_the_site_files_rule_holds_when_it_is_swapped_after_the_listing(tmp_path: Path) -> None:
    (tmp_path / "link.yml").symlink_to("/etc/hostname")
    folder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    devices = os.open("/dev", os.O_RDONLY | os.O_DIRECTORY)
    rule = "site.yml must be a regular file inside the dataset folder"
    try:
        assert str(read_file("link.yml", folder, "site.yml", SITE_RULE)) == (
            f"site.yml:1:1: error: a symbolic link; {rule}: replace the link with the file itself"
        )
        assert str(read_file("null", devices, "site.yml", SITE_RULE)) == (
            f"site.yml:1:1: error: a device file, not a regular file; {rule}: replace it with "
            "an ordinary file"
        )
    finally:
        os.close(folder)
        os.close(devices)


def test_a_file_of_exactly_the_size_limit_is_read_whole(tmp_path: Path) -> None:
    data = b"title: " + b"x" * (MAX_FILE_BYTES - 8) + b"\n"
    (tmp_path / "big.yml").write_bytes(data)
    folder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert read_file("big.yml", folder, "big.yml") == data
    finally:
        os.close(folder)


def test_a_file_that_grew_past_the_limit_after_its_size_was_taken_is_refused(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size said one byte under the limit; the read stops at the limit plus one byte."""
    path = project.write_bytes("remedies/move-to-light.yml", b"title: " + b"x" * MAX_FILE_BYTES)
    read = lie_about_size(monkeypatch, MAX_FILE_BYTES - 1, path)
    assert project.problems() == [
        f"{REMEDY}:1:1: error: file is more than 262,144 bytes; a record may be at most "
        "262,144 bytes; split it into several records"
    ]
    assert sum(read) == MAX_FILE_BYTES + 1


def test_a_read_that_fails_is_named_without_a_traceback(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(project.content / "remedies/move-to-light.yml")
    real_read = os.read

    def failing_read(fd: int, n: int) -> bytes:
        if fd_path(fd) == path:
            raise OSError(errno.EIO, "Input/output error")
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", failing_read)
    assert project.problems() == [f"{REMEDY}:1:1: error: {EIO_FILE}"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "a你b你c你d你e你\n你",  # ASCII on every other character, from the first
        "你a你b你c你d你e你\n",  # ASCII on every other character, from the second
    ],
)
def test_the_byte_order_is_read_from_where_the_nul_bytes_fall(codec: str, text: str) -> None:
    assert (
        wide_encoding(text.encode(codec))
        == {"utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE"}[codec]
    )


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        # One NUL byte in 16: still taken for UTF-16.
        ("a你你你你你你你", "utf-16-le", "UTF-16 LE"),
        # Fewer: a few stray NULs among other bytes, not a wide encoding.
        ("你你a你a你你你你你你你你你你你你", "utf-16-be", None),
    ],
)
def test_a_wide_encoding_needs_one_nul_byte_in_sixteen(
    text: str, codec: str, expected: str | None
) -> None:
    assert wide_encoding(text.encode(codec)) == expected


def test_a_settings_file_whose_type_cannot_be_read_is_named_not_read(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = entry_mode

    def failing(name: str | Path, dir_fd: int | None = None) -> int | None:
        if name == "site.yml":
            raise OSError(errno.EIO, "Input/output error")
        return real(name, dir_fd)

    monkeypatch.setattr("generator.load.entry_mode", failing)
    assert project.problems() == [f"content/site.yml:1:1: error: {EIO_FILE}"]


def test_files_swapped_for_links_after_the_listing_are_refused_by_their_own_rule(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the listing and the open, a file can be replaced by a link: the open
    refuses it, and the message says the rule of what it replaced."""
    site = project.content / "site.yml"
    site.rename(project.content / "site.txt")
    site.symlink_to("site.txt")
    remedy = project.content / "remedies/move-to-light.yml"
    remedy.rename(project.content / "remedies/.real")
    remedy.symlink_to(".real")
    # The listing as it was a moment before: two regular files.
    real = entry_mode
    monkeypatch.setattr(
        "generator.load.entry_mode",
        lambda name, dir_fd=None: stat.S_IFREG if name == "site.yml" else real(name, dir_fd),
    )
    monkeypatch.setattr("generator.load._is_regular", lambda entry: True)
    rule = "site.yml must be a regular file inside the dataset folder"
    assert project.problems() == [
        f"{REMEDY}:1:1: error: {LINK}",
        f"content/site.yml:1:1: error: a symbolic link; {rule}: replace the link with the "
        "file itself",
    ]
