"""The corpus of broken datasets: one folder per defect, named for it.

Each case is the houseplants dataset with the files in `files/` laid over it
(and those named in `remove.txt` deleted, and for `generated-*` cases what
GENERATED makes: files too big or too odd to commit, links, pipes, sockets).
`python -m generator check` must print exactly the lines in `expected.txt`,
exit non-zero if any is an error, never show a traceback, never print SECRET
(written outside the dataset, where some cases link to), and stay within
time and memory bounds.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import HOUSEPLANTS, ROOT

CORPUS = Path(__file__).parent / "corpus"
SECONDS = 5.0
MEGABYTES = 300
VALID_REMEDY = (HOUSEPLANTS / "content/remedies/move-to-light.yml").read_bytes()
VALID_CAUSE = (HOUSEPLANTS / "content/causes/old-leaves.yml").read_bytes()
SECRET = "SECRET-4d9c1e-outside-the-dataset"
"""Written only outside the dataset folder: output that shows it read something it must not."""
# A file outside the dataset that the loader must never read: valid YAML whose
# key, were the file read, would be quoted back as an unknown key.
SECRET_YAML = f"{SECRET}: a password from outside the dataset\n".encode()


def _alias_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)
    ]
    return ("\n".join(lines) + "\n").encode()


Make = Callable[[Path], None]
"""Makes a case's special files, given the dataset folder (`content/`) of its project."""


def writes(rel: str, make: Callable[[], bytes]) -> Make:
    def write(content: Path) -> None:
        (content / rel).write_bytes(make())

    return write


def outside(content: Path) -> Path:
    """A folder next to the project, holding the secret."""
    folder = content.parent.parent / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.yml").write_bytes(SECRET_YAML)
    return folder


def links(rel: str, target: Callable[[Path], str | Path]) -> Make:
    """Replaces `rel` (a file or a folder) with a symbolic link to `target(content)`."""

    def make(content: Path) -> None:
        path = content / rel
        goal = target(content)  # before the removal: it may copy what it replaces
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        path.symlink_to(goal)

    return make


def _outside_copy(content: Path, rel: str) -> Path:
    """A copy of `rel` outside the project, with the secret in it."""
    source = content / rel
    copy = outside(content) / source.name
    shutil.copytree(source, copy, dirs_exist_ok=True)
    (copy / "secret.yml").write_bytes(SECRET_YAML)
    return copy


def _fifo(content: Path) -> None:
    path = content / "remedies/move-to-light.yml"
    path.unlink()
    os.mkfifo(path)


def _socket(content: Path) -> None:
    path = content / "remedies/move-to-light.yml"
    path.unlink()
    # A socket's path may hold only 108 bytes: bound by its name, from its folder.
    with socket.socket(socket.AF_UNIX) as sock, contextlib.chdir(path.parent):
        sock.bind(path.name)  # the socket file stays after closing


def _file_for_folder(rel: str) -> Make:
    def make(content: Path) -> None:
        shutil.rmtree(content / rel)
        (content / rel).write_bytes(b"title: a file where a folder belongs\n")

    return make


def _named(name: bytes) -> Make:
    """A copy of a valid cause under a file name given as bytes (it may not be UTF-8)."""

    def make(content: Path) -> None:
        folder = os.fsencode(content / "causes")
        with open(folder + b"/" + name, "wb") as out:
            out.write((content / "causes/old-leaves.yml").read_bytes())

    return make


def _utf(codec: str, bom: bytes = b"") -> Callable[[], bytes]:
    return lambda: bom + VALID_REMEDY.decode("utf-8").encode(codec)


def _explanation(text: str) -> Make:
    """old-leaves.yml with `text` as its explanation (single-quoted: it holds no quote)."""
    return writes(
        "causes/old-leaves.yml",
        lambda: VALID_CAUSE.replace(
            b"Every plant sheds its oldest leaves now and then.", f"'{text}'".encode()
        ),
    )


GENERATED: dict[str, Make] = {
    "generated-huge-file": writes(
        "remedies/move-to-light.yml", lambda: b"title: " + b"x" * 50_000_000
    ),
    "generated-alias-bomb": writes("remedies/move-to-light.yml", _alias_bomb),
    "generated-deep-nesting": writes(
        "remedies/move-to-light.yml",
        lambda: b"title: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    ),
    "generated-byte-order-mark": writes(
        "remedies/move-to-light.yml", lambda: b"\xef\xbb\xbf" + VALID_REMEDY
    ),
    "generated-invalid-utf8": writes(
        "remedies/move-to-light.yml", lambda: VALID_REMEDY.replace(b"daylight", b"d\xe9aylight")
    ),
    "generated-control-character": writes(
        "remedies/move-to-light.yml", lambda: VALID_REMEDY.replace(b"daylight", b"day\x00light")
    ),
    "generated-utf16-without-bom": writes("remedies/move-to-light.yml", _utf("utf-16-le")),
    "generated-utf16-big-endian-with-bom": writes(
        "remedies/move-to-light.yml", _utf("utf-16-be", b"\xfe\xff")
    ),
    "generated-utf32": writes("remedies/move-to-light.yml", _utf("utf-32-le")),
    "generated-symlink-to-a-file-outside": links(
        "remedies/move-to-light.yml", lambda c: outside(c) / "secret.yml"
    ),
    "generated-symlink-to-dev-zero": links("remedies/move-to-light.yml", lambda c: "/dev/zero"),
    "generated-dangling-symlink": links("remedies/move-to-light.yml", lambda c: "gone.yml"),
    "generated-symlink-loop": links("remedies/move-to-light.yml", lambda c: "move-to-light.yml"),
    "generated-site-file-is-a-symlink": links("site.yml", lambda c: outside(c) / "secret.yml"),
    "generated-record-folder-is-a-symlink": links(
        "symptoms", lambda c: _outside_copy(c, "symptoms")
    ),
    "generated-record-folder-is-a-file": _file_for_folder("symptoms"),
    "generated-dataset-folder-is-a-symlink": links(".", lambda c: _outside_copy(c, ".")),
    "generated-dataset-folder-is-a-file": _file_for_folder("."),
    "generated-named-pipe": _fifo,
    "generated-socket": _socket,
    "generated-file-name-with-control-characters": _named(b"a\x1b[2Jb\n::x.yml"),
    "generated-file-name-not-utf8": _named(b"caf\xe9.yml"),
    # Each took Python-Markdown minutes; they are refused by length before parsing.
    "generated-markdown-many-brackets": _explanation("[" * 70_000),
    "generated-markdown-many-unclosed-links": _explanation("[a](" * 17_500),
    "generated-markdown-many-emphasis-openers": _explanation("*a" * 35_000),
}

CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def lay_out(case: str, target: Path) -> Path:
    shutil.copytree(HOUSEPLANTS, target)
    content = target / "content"
    folder = CORPUS / case
    if (folder / "files").is_dir():
        shutil.copytree(folder / "files", content, dirs_exist_ok=True)
    if (folder / "remove.txt").is_file():
        for rel in (folder / "remove.txt").read_text(encoding="utf-8").split():
            (content / rel).unlink()
    if case in GENERATED:
        GENERATED[case](content)
    return target


def _cap_memory() -> None:
    # A case that reads without end (a link to /dev/zero) fails here at once,
    # rather than filling the machine's memory before the check below.
    limit = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_check(project: Path) -> tuple[int, str, str, float, float]:
    """(exit code, stdout, stderr, seconds, peak MB) of `python -m generator check`."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "check"],
            cwd=project,
            stdout=stdout,
            stderr=subprocess.PIPE,
            env={"PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "")},
            preexec_fn=_cap_memory,
        )
        # A case that hangs (a named pipe waiting for a writer) is stopped, and fails on time.
        timer = threading.Timer(SECONDS * 4, process.kill)
        timer.start()
        try:
            assert process.stderr is not None
            stderr = process.stderr.read().decode("utf-8")
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        out = stdout.read().decode("utf-8")
    return process.returncode, out, stderr, time.monotonic() - start, usage.ru_maxrss / 1024


def test_corpus_has_at_least_thirty_defects() -> None:
    assert len(CASES) >= 30
    assert set(GENERATED) <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_broken_dataset_is_reported_precisely(case: str, tmp_path: Path) -> None:
    project = lay_out(case, tmp_path / "project")
    code, stdout, stderr, seconds, megabytes = run_check(project)
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert SECRET not in stdout + stderr
    assert lines[:-1] == expected
    errors = sum(": error: " in line for line in expected)
    assert lines[-1] == f"{errors} error(s), {len(expected) - errors} warning(s)"
    assert code == (1 if errors else 0)
    assert seconds < SECONDS
    assert megabytes < MEGABYTES


@pytest.mark.parametrize("case", CASES)
def test_broken_dataset_is_reported_precisely_in_process(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same lines and exit code from `main(["check"])` in this process: the
    subprocess above bounds time and memory, this one lets the mutation tests
    (`make mutation`) see which code each case runs."""
    project = lay_out(case, tmp_path / "project")
    monkeypatch.chdir(project)
    code = main(["check"])
    stdout, stderr = capsys.readouterr()
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    errors = sum(": error: " in line for line in expected)
    assert stderr.splitlines() == [
        *expected,
        f"{errors} error(s), {len(expected) - errors} warning(s)",
    ]
    assert SECRET not in stdout + stderr
    assert code == (1 if errors else 0)
