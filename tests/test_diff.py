"""`python -m generator diff`: what a change does to the site, for reviewers."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diff import SideError, read_side, report
from tests.conftest import HOUSEPLANTS, ROOT, Project


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read that unpacked a revision into the working folder (as a mutant does
    under `make mutation`) must not overwrite the repository's content/."""
    monkeypatch.chdir(tmp_path)


def test_diff_of_two_dataset_folders(project: Project, tmp_path: Path) -> None:
    text = (project.content / "remedies/move-to-light.yml").read_text(encoding="utf-8")
    project.write("remedies/move-to-light.yml", text.replace("A minute", "Two minutes"))
    project.remove("remedies/remove-yellow-leaves.yml")
    old_leaves = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml",
        re.sub(
            r"not_in_check: .*\n", "", old_leaves.replace("remove-yellow-leaves", "move-to-light")
        ),
    )
    project.write(
        "questions/light.yml",
        """
        text: Does the plant stand more than two metres from a window?
        answers:
          - {label: "Yes", cause: too-little-light}
          - {label: "No, only [old] *ones*", cause: old-leaves}
        unsure: {label: It moves around, cause: too-little-light}
        """,
    )
    base = read_side(str(HOUSEPLANTS / "content"), tmp_path)
    head = read_side(str(project.content), tmp_path)
    assert report(base, head).split("\n", 4)[4] == (
        "| change | record | fields |\n"
        "|---|---|---|\n"
        "| changed | cause `old-leaves` | remedies, not_in_check |\n"
        "| changed | remedy `move-to-light` | expect |\n"
        "| removed | remedy `remove-yellow-leaves` |  |\n"
        "| changed | question `light` | answers |\n"
        "\n"
        "### Sources and review dates\n"
        "\n"
        "No source or review date changed.\n"
        "\n"
        "### Translations\n"
        "\n"
        "No translation went out of date.\n"
        "\n"
        "### Guided check\n"
        "\n"
        "- Gone: Answer \u201cNo\u201d to question `light`, which led to cause `overwatering`.\n"
        "- New: Answer \u201cNo, only \\[old\\] \\*ones\\*\u201d to question `light` leads to "
        "cause `old-leaves`.\n"
        "- Cause `old-leaves` can now be reached.\n"
    )


def test_diff_shows_where_facts_come_from_and_when_they_were_checked(
    project: Project, tmp_path: Path
) -> None:
    project.write(
        "sources/watering-guide.yml",
        """
        title: Watering *houseplants*
        publisher: A garden centre
        url: https://example.org/watering
        read: 2026-12-01
        """,
    )
    leaves = (project.content / "causes/old-leaves.yml").read_text(encoding="utf-8")
    project.write(
        "causes/old-leaves.yml",
        leaves.replace("verdict: never", "verdict: rarely")
        .replace("source: plant-care-notes", "source: watering-guide")
        .replace("  - plant-care-notes", "  - plant-care-notes\n  - watering-guide")
        .replace("reviewed: 2026-11-27", "reviewed: 2026-12-01"),
    )
    base = read_side(str(HOUSEPLANTS / "content"), tmp_path)
    head = read_side(str(project.content), tmp_path)
    section = report(base, head).split("### Sources and review dates\n\n")[1]
    assert section.split("\n### ")[0] == (
        "- New source `watering-guide`: \u201cWatering \\*houseplants\\*\u201d, A garden "
        "centre, <https://example.org/watering>.\n"
        "- cause `old-leaves` now cites source `watering-guide`.\n"
        "- cause `old-leaves`: reviewed 2026-12-01 (was 2026-11-27).\n"
        "- cause `old-leaves`: verdict `rarely` (was `never`).\n"
        "- cause `old-leaves`: the verdict now rests on source `watering-guide` "
        "(was `plant-care-notes`).\n"
    )
    same = report(base, base)
    assert "No source or review date changed." in same


def test_diff_lists_the_translations_a_change_puts_out_of_date(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    record = content / "causes/wrong-login-data.yml"
    text = record.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.MULTILINE)
    assert title is not None
    record.write_text(text.replace(title.group(0), "title: Mistyped sign-in details"), "utf-8")
    base = read_side(str(ROOT / "content"), tmp_path)
    head = read_side(str(content), tmp_path)
    section = report(base, head).split("### Translations\n\n")[1].split("\n### ")[0]
    languages = sorted(p.name for p in (ROOT / "content/translations").iterdir())
    assert section == "".join(
        f"- {code}: cause `wrong-login-data`, `title`: now out of date.\n" for code in languages
    )
    back = report(head, base).split("### Translations\n\n")[1].split("\n### ")[0]
    assert back == "".join(
        f"- {code}: cause `wrong-login-data`, `title`: up to date again.\n" for code in languages
    )


def test_diff_of_two_git_revisions(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(HOUSEPLANTS, repo)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    path = repo / "content/questions/soil.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("cause: overwatering", "next: light"),
        encoding="utf-8",
    )
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "head")
    text = report(read_side("HEAD~1", repo), read_side("HEAD", repo))
    assert "Comparing `HEAD~1` with `HEAD`.\n" in text
    assert "| changed | question `soil` | answers |" in text
    assert (
        "- Answer \u201cYes\u201d to question `soil` now leads to question `light` "
        "(was cause `overwatering`)." in text
    )


def test_a_revision_that_looks_like_an_option_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "written.tar"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "--", f"--output={out}", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"error: expected a dataset folder or a git revision, got the option-like "
        f"'--output={out}'\n"
    )
    assert not out.exists()


def test_a_project_folder_is_compared_by_its_content_folder(project: Project) -> None:
    side = read_side(str(project.root), project.root)
    assert side.label == str(project.root)
    assert [c.id for c in side.dataset.causes] == ["old-leaves", "overwatering", "too-little-light"]
    assert report(side, side).startswith(
        "## What this change does to the site\n\n"
        f"Comparing `{project.root}` with `{project.root}`.\n"
    )


def test_an_option_like_revision_is_refused_before_git_runs(tmp_path: Path) -> None:
    with pytest.raises(SideError) as caught:
        read_side("--output=x.tar", tmp_path)
    assert str(caught.value) == (
        "expected a dataset folder or a git revision, got the option-like '--output=x.tar'"
    )


def _empty_repo(path: Path) -> Path:
    """A git repository whose one commit holds no files."""
    path.mkdir()
    for args in (["init", "-q"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit"]):
        extra = ["-q", "--allow-empty", "-m", "x"] if "commit" in args else []
        subprocess.run(["git", *args, *extra], cwd=path, check=True, capture_output=True)
    return path


def test_a_revision_without_the_content_folder_is_reported_in_git_s_words(
    tmp_path: Path,
) -> None:
    repo = _empty_repo(tmp_path / "repo")
    with pytest.raises(SideError) as caught:
        read_side("HEAD", repo)
    assert str(caught.value) == (
        "'HEAD' is neither a dataset folder nor a git revision with content/ "
        "(fatal: pathspec 'content' did not match any files)"
    )


def test_a_revision_name_that_is_not_utf8_is_reported_not_raised(tmp_path: Path) -> None:
    """A name typed in a Latin-1 terminal: git echoes the byte, shown as \ufffd."""
    repo = _empty_repo(tmp_path / "repo")
    name = b"caf\xe9".decode("utf-8", "surrogateescape")
    with pytest.raises(SideError) as caught:
        read_side(name, repo)
    assert str(caught.value).endswith("(fatal: not a valid object name: caf\ufffd)")


def test_a_repository_that_cannot_be_entered_is_reported(tmp_path: Path) -> None:
    """Without git's words, Python's; the command line always passes a folder that exists."""
    missing = tmp_path / "missing"
    with pytest.raises(SideError) as caught:
        read_side("HEAD", missing)
    assert str(caught.value) == (
        "'HEAD' is neither a dataset folder nor a git revision with content/ "
        f"([Errno 2] No such file or directory: {missing!r})"
    )


def test_a_new_source_without_an_address_is_listed_without_one(
    project: Project, tmp_path: Path
) -> None:
    project.write(
        "sources/a-leaflet.yml", "title: A leaflet\npublisher: The shop\nread: 2026-11-27\n"
    )
    base = read_side(str(HOUSEPLANTS / "content"), tmp_path)
    head = read_side(str(project.content), tmp_path)
    section = report(base, head).split("### Sources and review dates\n\n")[1]
    assert section.split("\n### ")[0] == (
        "- New source `a-leaflet`: \u201cA leaflet\u201d, The shop.\n"
    )


def test_a_side_with_errors_is_flagged_and_no_change_is_said_in_words(project: Project) -> None:
    project.write("causes/broken.yml", "title: [\n")
    side = read_side(str(project.content), project.root)
    flag = (
        f"**`{project.content}` has 1 error(s)**; run `python -m generator check` on it. "
        "Only records that validate are compared.\n"
    )
    assert report(side, side) == (
        "## What this change does to the site\n\n"
        f"Comparing `{project.content}` with `{project.content}`.\n\n"
        f"{flag}\n{flag}\n"
        "No records were added, removed or changed.\n\n"
        "### Sources and review dates\n\nNo source or review date changed.\n\n"
        "### Translations\n\nNo translation went out of date.\n\n"
        "### Guided check\n\nNo answer leads anywhere new.\n"
    )


def test_sources_removed_moved_and_a_quoted_passage_changed_are_listed(
    project: Project, tmp_path: Path
) -> None:
    """Also the site's own settings: a changed title is a changed record."""
    base = Project(tmp_path / "base")
    shutil.copytree(HOUSEPLANTS, base.root)
    base.write(
        "sources/a-leaflet.yml",
        "title: A leaflet\npublisher: The shop\nurl: https://example.org/a\nread: 2026-11-27\n",
    )
    cause = (base.content / "causes/overwatering.yml").read_text(encoding="utf-8")
    base.write(
        "causes/overwatering.yml",
        cause.replace("  - plant-care-notes\n", "  - plant-care-notes\n  - a-leaflet\n"),
    )
    for rel, old, new in (
        ("sources/plant-care-notes.yml", "read:", "url: https://example.org/notes\nread:"),
        ("causes/overwatering.yml", "passage: Watering", "passage: Watering well"),
        ("site.yml", "Yellow leaves on", "Pale leaves on"),
        ("site.yml", "summary: Why", "summary: How"),
    ):
        project.write(rel, (project.content / rel).read_text(encoding="utf-8").replace(old, new))
    text = report(read_side(str(base.content), tmp_path), read_side(str(project.content), tmp_path))
    assert text.split("\n", 4)[4].split("### Translations")[0] == (
        "| change | record | fields |\n"
        "|---|---|---|\n"
        "| changed | cause `overwatering` | recoverability, sources |\n"
        "| removed | source `a-leaflet` |  |\n"
        "| changed | source `plant-care-notes` | url |\n"
        "| changed | site `site.yml` | title, summary |\n"
        "\n"
        "### Sources and review dates\n"
        "\n"
        "- Source `a-leaflet` removed (was \u201cA leaflet\u201d, The shop, "
        "<https://example.org/a>).\n"
        "- Source `plant-care-notes` moved: <https://example.org/notes> (was no address).\n"
        "- cause `overwatering` no longer cites source `a-leaflet`.\n"
        "- cause `overwatering`: the passage the verdict quotes changed.\n"
        "\n"
    )


def test_a_source_that_keeps_its_address_is_not_listed_one_that_changes_shows_both(
    project: Project, tmp_path: Path
) -> None:
    base = Project(tmp_path / "base")
    shutil.copytree(HOUSEPLANTS, base.root)
    rel = "sources/plant-care-notes.yml"
    notes = (base.content / rel).read_text(encoding="utf-8")
    base.write(rel, notes.replace("read:", "url: https://example.org/old\nread:"))
    project.write(rel, notes.replace("read:", "url: https://example.org/new\nread:"))
    leaflet = (
        "title: A leaflet\npublisher: The shop\nurl: https://example.org/a\nread: 2026-11-27\n"
    )
    for side in (base, project):
        side.write("sources/a-leaflet.yml", leaflet)
    text = report(read_side(str(base.content), tmp_path), read_side(str(project.content), tmp_path))
    section = text.split("### Sources and review dates\n\n")[1].split("\n### ")[0]
    assert section == (
        "- Source `plant-care-notes` moved: <https://example.org/new> "
        "(was <https://example.org/old>).\n"
    )


def test_translations_out_of_date_are_listed_by_language_the_settings_first(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for rel in ("site.yml", "causes/duplicate-accounts.yml", "causes/deleted-by-accident.yml"):
        text = (content / rel).read_text(encoding="utf-8")
        title = re.search(r"^title: (.*)$", text, re.MULTILINE)
        assert title is not None
        (content / rel).write_text(text.replace(title.group(0), "title: Changed"), "utf-8")
    base = read_side(str(ROOT / "content"), tmp_path)
    head = read_side(str(content), tmp_path)
    section = report(base, head).split("### Translations\n\n")[1].split("\n### ")[0]
    languages = sorted(p.name for p in (ROOT / "content/translations").iterdir())
    assert section == "".join(
        f"- {code}: the settings, `title`: now out of date.\n"
        f"- {code}: cause `deleted-by-accident`, `title`: now out of date.\n"
        f"- {code}: cause `duplicate-accounts`, `title`: now out of date.\n"
        for code in languages
    )


def test_moving_text_around_in_a_file_is_no_change(project: Project, tmp_path: Path) -> None:
    rel = "causes/overwatering.yml"
    text = (project.content / rel).read_text(encoding="utf-8")
    project.write(rel, "# Checked with the grower.\n\n" + text)
    base = read_side(str(HOUSEPLANTS / "content"), tmp_path)
    head = read_side(str(project.content), tmp_path)
    assert "No records were added, removed or changed.\n" in report(base, head)


def test_an_added_record_is_listed_and_later_records_are_still_compared(
    project: Project, tmp_path: Path
) -> None:
    project.write(
        "remedies/a-new-fix.yml",
        (project.content / "remedies/let-soil-dry.yml").read_text(encoding="utf-8"),
    )
    rel = "remedies/let-soil-dry.yml"
    text = (project.content / rel).read_text(encoding="utf-8")
    project.write(rel, text.replace("reviewed: 2026-11-27", "reviewed: 2026-12-01"))
    base = read_side(str(HOUSEPLANTS / "content"), tmp_path)
    head = read_side(str(project.content), tmp_path)
    text = report(base, head)
    assert (
        "| added | remedy `a-new-fix` |  |\n| changed | remedy `let-soil-dry` | reviewed |\n"
        in (text)
    )
    assert "- remedy `let-soil-dry`: reviewed 2026-12-01 (was 2026-11-27).\n" in text


def test_a_side_without_site_yml_is_compared_as_an_empty_site(
    project: Project, tmp_path: Path
) -> None:
    project.remove("site.yml")
    text = report(
        read_side(str(HOUSEPLANTS / "content"), tmp_path), read_side(str(project.content), tmp_path)
    )
    assert f"**`{project.content}` has 1 error(s)**" in text
    assert "| removed | source `plant-care-notes` |  |\n\n" in text
    assert text.endswith(
        "- Cause `overwatering` can no longer be reached.\n"
        "- Cause `too-little-light` can no longer be reached.\n"
    )


def test_a_revision_with_a_link_out_of_the_dataset_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(HOUSEPLANTS, repo)
    (repo / "content/pages/outside.md").symlink_to("/etc/hostname")
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    with pytest.raises(SideError) as caught:
        read_side("HEAD", repo)
    assert str(caught.value) == (
        "'HEAD' cannot be compared: 'content/pages/outside.md' is a link to an absolute path; "
        "keep only files and links inside content/ in the dataset"
    )
