"""CONTRIBUTING.md's worked example, followed to the letter, gives a valid dataset."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.pipeline import build
from tests.conftest import ROOT

STEP = re.compile(r"\*\*\d\. [^*]+\*\*: `(content/[^`]+\.yml)`.*?```yaml\n(.*?)```", re.DOTALL)


def test_the_worked_example_builds(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    files = STEP.findall(guide)
    assert [path for path, _ in files] == [
        "content/sources/example-help-page.yml",
        "content/remedies/verify-phone-number.yml",
        "content/causes/phone-not-verified.yml",
        "content/questions/phone-verified.yml",
    ]
    for path, text in files:
        (tmp_path / path).write_text(text, encoding="utf-8")
    # Step 4: the symptom lists the cause. Step 5: an answer leads to the question.
    symptom = tmp_path / "content/symptoms/account-terminated.yml"
    symptom.write_text(
        symptom.read_text(encoding="utf-8").replace(
            "causes:\n", "causes:\n  - phone-not-verified\n", 1
        ),
        encoding="utf-8",
    )
    question = tmp_path / "content/questions/email-confirmed.yml"
    text = question.read_text(encoding="utf-8")
    assert "next: deleted-account" in text
    question.write_text(text.replace("next: deleted-account", "next: phone-verified"), "utf-8")

    result = build(tmp_path / "content", tmp_path)
    assert result.ok, [str(p) for p in result.problems]
    # The new records have no translations yet: reported for translators, nothing else.
    assert [p for p in result.problems if p not in result.translation_problems] == []
    assert "causes/phone-not-verified.md" in {page.path for page in result.pages}
