"""Nothing lost: a failed or interrupted build leaves the last good site and zip as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.publish import build_bundle, build_site, read_project, refusal
from tests.conftest import HOUSEPLANTS, ROOT, plain_mkdocs_build


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


def test_a_broken_translation_stops_the_site_at_its_place_and_leaves_it(
    good: tuple[Path, Path, dict[str, str]], capfd: pytest.CaptureFixture[str]
) -> None:
    """Each language's build reads only its own translation; the translation's
    error still stops the whole site, with its file and line."""
    project, site, before = good
    broken = project / "content/translations/ru/causes/overwatering.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("- made: machine\n", encoding="utf-8")
    assert build_site(project / "mkdocs.yml", site) != 0
    assert "content/translations/ru/causes/overwatering.yml:1:1: error: " in capfd.readouterr().err
    assert fingerprint(site) == before


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
    project = offline_project(tmp_path)
    target = tmp_path / "dist/plants-offline.zip"
    assert build_bundle(project / "mkdocs.yml", target, "plants") == 0
    before = target.read_bytes()
    break_dataset(project)
    assert build_bundle(project / "mkdocs.yml", target, "plants") != 0
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["plants-offline.zip"]


# --- Where a build may write ------------------------------------------------


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, files with their hash: to see that nothing moved."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
    }


def generator(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1"),
    )


def offline_project(tmp_path: Path) -> Path:
    """The houseplants project with the theme's offline plugin, as `bundle` needs."""
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text(encoding="utf-8")
        + "  - offline:\n      enabled: !ENV [HELPSITE_OFFLINE, false]\n",
        encoding="utf-8",
    )
    return project


REPLACE = "building there would replace it; use --out site"
APART = "the zip belongs in a folder of its own; use --out dist"
PROJECT = "is the project folder (it holds mkdocs.yml)"
DATASET = "is the dataset folder (the helpsite plugin's `content` in mkdocs.yml)"
PAGES = "is the folder of hand-written pages (docs_dir in mkdocs.yml)"
PARENT = "contains the project folder (project/)"
REFUSED = {
    "the-project-folder": (".", f"{PROJECT}; {REPLACE}", f"{PROJECT}; {APART}"),
    "the-dataset": ("content", f"{DATASET}; {REPLACE}", f"{DATASET}; {APART}"),
    "the-hand-written-pages": ("content/pages", f"{PAGES}; {REPLACE}", f"{PAGES}; {APART}"),
    "a-parent-of-the-project": ("..", f"{PARENT}; {REPLACE}", f"{PARENT}; {APART}"),
    "a-new-folder-inside-the-dataset": (
        "content/site",
        "lies inside the dataset folder (content); the site would be mixed into the dataset; "
        "use --out site",
        "lies inside the dataset folder (content); the zip would be mixed into the dataset; "
        "use --out dist",
    ),
    "a-folder-with-unrelated-files-in-the-project": (
        "notes",
        "holds files a build did not make (todo.txt); building there would replace them; "
        "use --out site, or a folder that is new, empty, or made by an earlier build "
        "(it holds .helpsite-build)",
        "holds files a bundle did not make (todo.txt); the zip belongs in a folder of its own; "
        "use --out dist, or a folder that is new, empty, or holds only offline zips "
        "(*-offline.zip)",
    ),
}


@pytest.mark.parametrize("command", ["build", "bundle"])
@pytest.mark.parametrize("case", list(REFUSED))
def test_an_output_folder_among_the_sources_is_refused(
    tmp_path: Path, case: str, command: str
) -> None:
    project = offline_project(tmp_path)
    (project / "notes").mkdir()
    (project / "notes/todo.txt").write_text("mine\n", encoding="utf-8")
    before = tree(tmp_path)
    out, build_reason, bundle_reason = REFUSED[case]
    result = generator(command, "--out", out, cwd=project)
    reason = build_reason if command == "build" else bundle_reason
    assert (result.returncode, result.stderr) == (2, f"error: --out {out} {reason}\n")
    assert tree(tmp_path) == before


def test_a_folder_the_build_did_not_make_is_refused_outside_the_project_too(
    tmp_path: Path,
) -> None:
    project = offline_project(tmp_path)
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    before = tree(tmp_path)
    result = generator("build", "--out", str(home), cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: --out {home} holds files a build did not make")
    assert tree(tmp_path) == before


def test_the_folders_come_from_mkdocs_yml_as_mkdocs_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`!ENV`, INHERIT, plugins as a mapping, and tags that would import code, not run."""
    (tmp_path / "base.yml").write_text(
        "docs_dir: !ENV [PAGES_FOLDER, pages]\nplugins:\n  helpsite:\n    content: data\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text(
        "INHERIT: base.yml\nsite_dir: public\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PAGES_FOLDER", "written")
    project = read_project(tmp_path / "mkdocs.yml")
    root = tmp_path.resolve()  # as read_project gives them
    assert (project.docs, project.content, project.site) == (
        root / "written",
        root / "data",
        root / "public",
    )
    assert refusal(project, root / "data") == (
        "is the dataset folder (the helpsite plugin's `content` in mkdocs.yml); building "
        f"there would replace it; use --out {root / 'public'}"
    )


def plain_mkdocs_output(folder: Path) -> None:
    folder.mkdir()
    (folder / "index.html").write_text("an earlier site\n", encoding="utf-8")


ALLOWED: dict[str, tuple[str, Callable[[Path], object]]] = {
    "site-holding-files-of-an-earlier-plain-mkdocs-build": (
        "site",
        lambda project: plain_mkdocs_output(project / "site"),
    ),
    "a-new-folder": ("public", lambda project: None),
    "an-empty-folder": ("public", lambda project: (project / "public").mkdir()),
    "a-folder-an-earlier-build-made": (
        "public",
        lambda project: generator("build", "--out", "public", cwd=project),
    ),
    "a-new-folder-outside-the-project": ("../www", lambda project: None),
}


@pytest.mark.parametrize("case", list(ALLOWED))
def test_build_writes_to_its_own_folders(tmp_path: Path, case: str) -> None:
    project = offline_project(tmp_path)
    out, prepare = ALLOWED[case]
    prepare(project)
    (project / "content/pages/about.md").write_text("# About, changed\n", encoding="utf-8")
    result = generator("build", "--out", out, cwd=project)
    assert result.returncode == 0, result.stderr
    assert "About, changed" in (project / out / "about/index.html").read_text(encoding="utf-8")
    assert (project / out / ".helpsite-build").is_file()
    assert "an earlier site" not in (project / out / "index.html").read_text(encoding="utf-8")


BUNDLE_ALLOWED = {
    "dist-holding-other-files": ("dist", "notes.txt"),
    "a-folder-holding-only-offline-zips": ("zips", "other-offline.zip"),
}


@pytest.mark.parametrize("case", list(BUNDLE_ALLOWED))
def test_bundle_writes_to_its_own_folders(tmp_path: Path, case: str) -> None:
    project = offline_project(tmp_path)
    out, existing = BUNDLE_ALLOWED[case]
    (project / out).mkdir()
    (project / out / existing).write_text("kept\n", encoding="utf-8")
    result = generator("bundle", "--out", out, "--name", "plants", cwd=project)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / out).iterdir()) == sorted(
        [existing, "plants-offline.zip"]
    )
    assert (project / out / existing).read_text(encoding="utf-8") == "kept\n"


# --- Signals and killed builds --------------------------------------------------


@pytest.mark.parametrize(
    "signum", [pytest.param(signal.SIGINT, id="SIGINT"), pytest.param(signal.SIGTERM, id="SIGTERM")]
)
def test_a_signal_between_the_swaps_two_renames_keeps_a_site(
    good: tuple[Path, Path, dict[str, str]],
    signum: int,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    project, site, _ = good
    (project / "content/pages/about.md").write_text("# About, changed\n", encoding="utf-8")
    rename = Path.rename

    def rename_then_signal(self: Path, target: Path) -> Path:
        moved = rename(self, target)
        if self == site:  # the old site has just moved aside; the new one is not in yet
            os.kill(os.getpid(), signum)
        return moved

    monkeypatch.setattr(Path, "rename", rename_then_signal)
    # With another thread running, as in a test session with a browser, the kernel may
    # hand the signal to that thread, past a signal mask set in the main one.
    idle = threading.Event()
    other = threading.Thread(target=idle.wait)
    other.start()
    capfd.readouterr()
    try:
        assert build_site(project / "mkdocs.yml", site) == 130
    finally:
        idle.set()
        other.join()
    assert f"build interrupted; {site} holds the new site" in capfd.readouterr().err
    assert "About, changed" in (site / "about/index.html").read_text(encoding="utf-8")
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".")] == []


def test_a_failed_second_rename_puts_the_site_back(
    good: tuple[Path, Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    project, site, before = good
    (project / "content/pages/about.md").write_text("# About, changed\n", encoding="utf-8")
    rename = Path.rename

    def rename_unless_new(self: Path, target: Path) -> Path:
        if self.name.startswith(".site.new-"):
            raise PermissionError(13, "Permission denied", str(self))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", rename_unless_new)
    capfd.readouterr()
    assert build_site(project / "mkdocs.yml", site) == 1
    assert f"Permission denied: '{site.parent}/.site.new-" in capfd.readouterr().err
    assert fingerprint(site) == before
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".")] == []


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_build_after_a_killed_one_removes_what_it_left(
    good: tuple[Path, Path, dict[str, str]], capfd: pytest.CaptureFixture[str]
) -> None:
    project, site, _ = good
    (project / "content/pages/about.md").write_text("# About, changed\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--config", "mkdocs.yml", "--out", str(site)],
        cwd=project,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, killed with its mkdocs
    )
    left = site.parent / f".site.new-{process.pid}"
    deadline = time.monotonic() + 20
    while not left.exists():
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert left.is_dir()
    capfd.readouterr()
    assert build_site(project / "mkdocs.yml", site) == 0
    assert f"removed {left}, left by a build that no longer runs" in capfd.readouterr().err
    assert "About, changed" in (site / "about/index.html").read_text(encoding="utf-8")
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".")] == []


def test_a_site_a_killed_swap_left_aside_goes_back_first(
    good: tuple[Path, Path, dict[str, str]], capfd: pytest.CaptureFixture[str]
) -> None:
    project, site, before = good
    pid = dead_pid()
    site.rename(site.parent / f".site.old-{pid}")  # as a SIGKILL between the renames leaves it
    (site.parent / f".site.new-{pid}").mkdir()
    break_dataset(project)
    capfd.readouterr()
    assert build_site(project / "mkdocs.yml", site) != 0
    assert f"put the last site back at {site} from .site.old-{pid}" in capfd.readouterr().err
    assert fingerprint(site) == before
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".")] == []


def test_a_running_builds_folders_are_left_alone(
    good: tuple[Path, Path, dict[str, str]],
) -> None:
    project, site, _ = good
    running = site.parent / f".site.new-{os.getppid()}"
    running.mkdir()
    assert build_site(project / "mkdocs.yml", site) == 0
    assert running.is_dir()


def test_a_bundle_after_a_killed_one_removes_what_it_left(tmp_path: Path) -> None:
    project = offline_project(tmp_path)
    dist = tmp_path / "dist"
    pid = dead_pid()
    (dist / f".plants-offline.build-{pid}/plants").mkdir(parents=True)
    (dist / f".plants-offline.part-{pid}").write_bytes(b"PK half a zip")
    assert build_bundle(project / "mkdocs.yml", dist / "plants-offline.zip", "plants") == 0
    assert sorted(p.name for p in dist.iterdir()) == ["plants-offline.zip"]


def test_bundle_refuses_a_name_that_is_a_path(tmp_path: Path) -> None:
    project = offline_project(tmp_path)
    before = tree(tmp_path)
    result = generator("bundle", "--name", "../plants", cwd=project)
    assert (result.returncode, result.stderr) == (
        2,
        "error: --name '../plants' is not a plain name (it names the zip and its top folder); "
        "expected letters, digits, '.', '_' or '-', e.g. --name helpsite\n",
    )
    assert tree(tmp_path) == before
