"""Nothing lost: a failed or interrupted build leaves the last good site and zip as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.publish import build_bundle, build_site
from tests.conftest import HOUSEPLANTS, ROOT


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def good(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A project with a built site; returns (project, site, fingerprint of the site)."""
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", site) == 0
    return project, site, fingerprint(site)


def break_dataset(project: Path) -> None:
    (project / "content/causes/overwatering.yml").write_text("title: [\n", encoding="utf-8")


def test_broken_dataset_leaves_the_site(good: tuple[Path, Path, dict[str, str]]) -> None:
    project, site, before = good
    break_dataset(project)
    assert build_site(project / "mkdocs.yml", site) != 0
    assert fingerprint(site) == before
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".")] == []


def plain_mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` itself, without the swap into place that `make site` adds."""
    command = ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *command],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


def test_plain_mkdocs_build_stops_before_emptying_the_site(
    good: tuple[Path, Path, dict[str, str]],
) -> None:
    project, site, before = good
    break_dataset(project)
    result = plain_mkdocs_build(project, site)
    assert result.returncode == 1
    assert "content/causes/overwatering.yml:2:1: error:" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(site) == before


def test_a_hand_written_page_at_a_generated_address_stops_the_build(
    good: tuple[Path, Path, dict[str, str]],
) -> None:
    project, site, before = good
    (project / "content/pages/check.md").write_text("# My own check\n", encoding="utf-8")
    result = plain_mkdocs_build(project, site)
    assert result.returncode == 1
    assert (
        "content/pages/check.md:1:1: error: this page's address (check/) belongs to the "
        "generated page 'Guided check'; rename or move the file\n"
        "1 error in the hand-written pages; nothing was built."
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(site) == before


def test_a_nav_in_mkdocs_yml_is_refused_not_ignored(
    good: tuple[Path, Path, dict[str, str]], capfd: pytest.CaptureFixture[str]
) -> None:
    project, site, before = good
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - about.md\n", encoding="utf-8")
    capfd.readouterr()
    assert build_site(config, site) != 0
    assert "mkdocs.yml: expected no 'nav', got one;" in capfd.readouterr().err
    assert fingerprint(site) == before


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_leaves_the_site(
    good: tuple[Path, Path, dict[str, str]], signum: int
) -> None:
    project, site, before = good
    (project / "content/pages/about.md").write_text("# About, changed\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--config", "mkdocs.yml", "--out", str(site)],
        cwd=project,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while not any(p.name.startswith(".site.new") for p in site.parent.iterdir()):
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.01)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode != 0
    assert b"Traceback" not in stderr
    assert fingerprint(site) == before
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".")] == []


def test_failed_bundle_leaves_the_zip(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text(encoding="utf-8")
        + "  - offline:\n      enabled: !ENV [HELPSITE_OFFLINE, false]\n",
        encoding="utf-8",
    )
    target = tmp_path / "dist/plants-offline.zip"
    assert build_bundle(project / "mkdocs.yml", target, "plants") == 0
    before = target.read_bytes()
    break_dataset(project)
    assert build_bundle(project / "mkdocs.yml", target, "plants") != 0
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["plants-offline.zip"]
