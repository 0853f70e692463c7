"""`mkdocs serve` (what `make serve` runs): rebuilds when the dataset changes, and
previews one language alone."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from generator.publish import LANGUAGE_VARIABLE
from tests.conftest import HOUSEPLANTS, ROOT
from tests.test_quality import axe_violations
from tests.test_shared_assets import loads


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


@contextmanager
def mkdocs_serve(project: Path, **env: str) -> Iterator[str]:
    """`mkdocs serve` of `project` (what `make serve` runs); yields its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    with mkdocs_serve(project) as url:
        yield project, url


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
    # The editor sees what is wrong where they were looking, with the place to fix.
    shown = wait_for(page, "The site cannot be built: the dataset has 1 error.")
    assert "content/causes/overwatering.yml:2:1:" in shown
    assert "error: " in shown
    record.write_text(good.replace("Most plants recover", "Plants recover"), encoding="utf-8")
    wait_for(page, "Plants recover once the soil dries out.")


def test_the_browser_shows_a_broken_edit_and_comes_back_by_itself(
    served: tuple[Path, str], page: Page
) -> None:
    """The editor keeps looking at the page: problems appear there, and the page
    returns when the file is fixed, with no reload by hand."""
    project, url = served
    wait_for(url + "causes/overwatering/", "Most plants recover")
    page.goto(url + "causes/overwatering/")
    record = project / "content/causes/overwatering.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("title: ", "titel: ", 1), encoding="utf-8")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The site cannot be built", timeout=30_000)
    expect(alert).to_contain_text("content/causes/overwatering.yml:1:1:")
    expect(alert).to_contain_text("unknown key 'titel'")
    assert axe_violations(page) == []
    record.write_text(good, encoding="utf-8")
    expect(page.locator("h1")).to_have_text("Too much water", timeout=30_000)


def test_serve_of_one_language_serves_the_theme_s_files_itself() -> None:
    """`HELPSITE_LANGUAGE=ru make serve` previews one language alone, with no root site
    beside it: its pages load the theme's and the widget's files from the preview."""
    with mkdocs_serve(ROOT, **{LANGUAGE_VARIABLE: "ru"}) as url:
        home = wait_for(url, '<html lang="ru"')
        loaded = [urljoin(url, address) for address in loads(home)]
        assert any("assets/helpsite/check.js" in address for address in loaded), loaded
        for address in loaded:
            with urllib.request.urlopen(address, timeout=5) as response:
                assert response.status == 200, address
