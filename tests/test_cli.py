"""`python -m generator`, as editors and CI run it: exit codes and output, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from generator.jsonschema import schema_files
from tests.conftest import ROOT, Project


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_check_passes_on_the_real_dataset() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: 1 symptom(s), 7 cause(s), 6 remedies, 6 question(s)\n"


def test_check_reports_a_typo_with_file_line_and_suggestion(project: Project) -> None:
    text = (project.content / "causes/overwatering.yml").read_text(encoding="utf-8")
    project.write("causes/overwatering.yml", text.replace("let-soil-dry", "let-soil-dri"))
    result = run("check", "--content", "content", cwd=project.root)
    assert result.returncode == 1
    assert result.stderr == (
        "content/causes/overwatering.yml:12:13: error: unknown remedy 'let-soil-dri' (did you "
        "mean 'let-soil-dry'?); use the name of a file in remedies/ without `.yml`\n"
        "1 error(s), 0 warning(s)\n"
    )
    assert "Traceback" not in result.stderr


def test_check_github_format_prints_annotations(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: A\ntitle: B\n")
    result = run("check", "--content", "content", "--format", "github", cwd=project.root)
    assert result.returncode == 1
    assert result.stderr == (
        "::error file=content/remedies/move-to-light.yml,line=2,col=1::duplicate key 'title' "
        "(first at line 1); keep one of them\n"
    )


def test_render_writes_markdown_pages(tmp_path: Path) -> None:
    result = run("render", "--out", str(tmp_path / "md"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "md/causes/too-many-disputes.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "Disputes were opened on too many orders"\n')
    assert '<a href="../../remedies/create-new-account/">' in page


def test_committed_json_schemas_match_the_code() -> None:
    for name, text in schema_files().items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `make schema`"
        json.loads(committed)


def test_every_corpus_case_has_a_github_annotation(tmp_path: Path) -> None:
    from tests.test_corpus import CASES, lay_out

    for case in CASES:
        if case.startswith("generated-huge"):
            continue  # 50 MB written again only to repeat test_corpus's check of it
        project = lay_out(case, tmp_path / case)
        result = run("check", "--format", "github", cwd=project)
        lines = result.stderr.splitlines()
        assert lines, case
        for line in lines:
            assert re.fullmatch(
                r"::(error|warning) file=content(/[^,]+)?,line=\d+,col=\d+::.+", line
            ), line


def test_an_expired_review_date_is_a_warning_and_strict_fails_on_it(project: Project) -> None:
    """Houseplants' records were last checked on 2026-11-27; a check holds 180 days."""
    lenient = run("check", "--content", "content", "--today", "2027-05-27", cwd=project.root)
    assert lenient.returncode == 0
    assert (
        "content/causes/overwatering.yml:19:1: warning: last checked 2026-11-27, and a check of "
        "causes holds 180 days, so it expired on 2027-05-26; check this record against its "
        "sources, then set `reviewed:` to the day you did\n"
    ) in lenient.stderr
    assert lenient.stderr.count(": warning: last checked") == 7  # 1 symptom, 3 causes, 3 fixes
    strict = run(
        "check", "--content", "content", "--strict", "--today", "2027-05-27", cwd=project.root
    )
    assert strict.returncode == 1
    on_the_day = run(
        "check", "--content", "content", "--strict", "--today", "2027-05-26", cwd=project.root
    )
    assert on_the_day.returncode == 0, on_the_day.stderr
