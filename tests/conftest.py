"""Shared fixtures: a throw-away copy of the small houseplants dataset to break."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.pipeline import Result, check
from generator.publish import build_bundle, build_site
from tests.browser import chromium, console_errors, serve

ROOT = Path(__file__).resolve().parent.parent
DATASETS = Path(__file__).parent / "datasets"
HOUSEPLANTS = DATASETS / "houseplants"
BUNDLE_NAME = "guide"
"""The offline zip's name in the tests: `guide-offline.zip`, holding `guide/`."""


class Project:
    """A copy of a dataset project (mkdocs.yml + content/) in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"

    def write(self, rel: str, text: str) -> Path:
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def replace(self, rel: str, old: str, new: str) -> Path:
        """The file with `old` replaced by `new`; fails if `old` is not in it, so that a
        test cannot pass on a file its change never reached."""
        text = (self.content / rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        return self.write(rel, text.replace(old, new))

    def write_bytes(self, rel: str, data: bytes) -> Path:
        path = self.content / rel
        path.write_bytes(data)
        return path

    def remove(self, rel: str) -> None:
        (self.content / rel).unlink()

    def check(self) -> Result:
        return check(self.content, base=self.root)

    def problems(self) -> list[str]:
        return [str(p) for p in self.check().problems]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    shutil.copytree(HOUSEPLANTS, tmp_path / "project")
    yield Project(tmp_path / "project")


@pytest.fixture
def latin1_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose locale is not UTF-8 (as Windows' often is): a file opened
    without an encoding is written in Latin-1."""
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "latin-1")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a browser context of its own; the test fails if the console
    showed an error. Closed at the end of the test, before the servers it
    loaded from (fixtures of wider scope) stop."""
    context = browser.new_context()
    p = context.new_page()
    errors = console_errors(p)
    yield p
    context.close()
    assert errors == [], "the console showed errors"


def plain_mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` itself, without the swap into place that `make site` adds:
    what an editor who runs MkDocs directly sees (exit code, stderr)."""
    command = ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *command],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


def build(config: Path, out: Path, *, offline: bool = False) -> Path:
    """The real MkDocs build, as `make site` runs it."""
    code = build_site(config, out, offline=offline)
    assert code == 0, f"mkdocs build of {config} failed"
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own dataset, built once for the whole session."""
    return build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def real_site_url(real_site: Path) -> Iterator[str]:
    with serve(real_site) as url:
        yield url


def make_bundle(folder: Path) -> Path:
    """The real offline zip, as `make bundle` makes it, into `folder`."""
    target = folder / f"{BUNDLE_NAME}-offline.zip"
    assert build_bundle(ROOT / "mkdocs.yml", target, BUNDLE_NAME) == 0
    return target


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's offline zip, built once for the whole session."""
    return make_bundle(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def unpacked(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip unpacked, as a reader would: its one top folder."""
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(folder)
    return folder / BUNDLE_NAME
