"""`python -m generator diff`: what a change does to the site, for reviewers."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.diff import read_side, report
from tests.conftest import HOUSEPLANTS, ROOT, Project


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
    assert back.count("up to date again") == len(languages)


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
