"""The corpus of broken datasets: one folder per defect, named for it.

Each case is the houseplants dataset with the files in `files/` laid over it
(and those named in `remove.txt` deleted, and for `generated-*` cases one file
made by GENERATED). `python -m generator check` must print exactly the lines in
`expected.txt`, exit non-zero if any is an error, never show a traceback, and
stay within time and memory bounds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import HOUSEPLANTS, ROOT

CORPUS = Path(__file__).parent / "corpus"
SECONDS = 5.0
MEGABYTES = 300
VALID_REMEDY = (HOUSEPLANTS / "content/remedies/move-to-light.yml").read_bytes()


def _alias_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)
    ]
    return ("\n".join(lines) + "\n").encode()


GENERATED: dict[str, tuple[str, Callable[[], bytes]]] = {
    "generated-huge-file": ("remedies/move-to-light.yml", lambda: b"title: " + b"x" * 50_000_000),
    "generated-alias-bomb": ("remedies/move-to-light.yml", _alias_bomb),
    "generated-deep-nesting": (
        "remedies/move-to-light.yml",
        lambda: b"title: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    ),
    "generated-byte-order-mark": (
        "remedies/move-to-light.yml",
        lambda: b"\xef\xbb\xbf" + VALID_REMEDY,
    ),
    "generated-invalid-utf8": (
        "remedies/move-to-light.yml",
        lambda: VALID_REMEDY.replace(b"daylight", b"d\xe9aylight"),
    ),
    "generated-control-character": (
        "remedies/move-to-light.yml",
        lambda: VALID_REMEDY.replace(b"daylight", b"day\x00light"),
    ),
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
        rel, make = GENERATED[case]
        (content / rel).write_bytes(make())
    return target


def run_check(project: Path) -> tuple[int, str, float, float]:
    """(exit code, stderr, seconds, peak MB) of `python -m generator check` in `project`."""
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "check"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={"PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "")},
    )
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, stderr, time.monotonic() - start, usage.ru_maxrss / 1024


def test_corpus_has_at_least_thirty_defects() -> None:
    assert len(CASES) >= 30
    assert set(GENERATED) <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_broken_dataset_is_reported_precisely(case: str, tmp_path: Path) -> None:
    project = lay_out(case, tmp_path / "project")
    code, stderr, seconds, megabytes = run_check(project)
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert lines[:-1] == expected
    errors = sum(": error: " in line for line in expected)
    assert lines[-1] == f"{errors} error(s), {len(expected) - errors} warning(s)"
    assert code == (1 if errors else 0)
    assert seconds < SECONDS
    assert megabytes < MEGABYTES
