"""`mkdocs serve` (what `make serve` runs) rebuilds when the dataset changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import HOUSEPLANTS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, text: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{text!r} never appeared at {url}"
        time.sleep(0.3)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rebuilds_when_a_record_changes(served: tuple[Path, str]) -> None:
    project, url = served
    page = url + "causes/overwatering/"
    wait_for(page, "Most plants recover once the soil dries out.")
    record = project / "content/causes/overwatering.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace(
            "Most plants recover", "Nearly all plants recover"
        ),
        encoding="utf-8",
    )
    wait_for(page, "Nearly all plants recover once the soil dries out.")


def test_serve_keeps_going_after_a_broken_edit(served: tuple[Path, str]) -> None:
    project, url = served
    page = url + "causes/overwatering/"
    wait_for(page, "Most plants recover")
    record = project / "content/causes/overwatering.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text("title: [\n", encoding="utf-8")
    time.sleep(3)  # a rebuild that fails
    record.write_text(good.replace("Most plants recover", "Plants recover"), encoding="utf-8")
    wait_for(page, "Plants recover once the soil dries out.")
