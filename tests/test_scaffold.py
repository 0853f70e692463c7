"""A new help site from nothing but the built wheel: the README's three commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.pipeline import check
from generator.scaffold import ScaffoldError, new_site
from tests.conftest import ROOT


def run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout + result.stderr


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start your own help site", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_s_three_commands_make_a_site_from_the_wheel(tmp_path: Path) -> None:
    commands = readme_commands()
    assert len(commands) == 3
    install, new, build = commands
    assert install.startswith("pip install ") and new.startswith("helpsite new ")
    wheels = tmp_path / "wheels"
    run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), "."],
        ROOT,
        dict(os.environ),
    )
    [wheel] = wheels.glob("helpsite_generator-*.whl")
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path, dict(os.environ))
    # Only the wheel and what it depends on: nothing from this checkout.
    env = {
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "NO_MKDOCS_2_WARNING": "1",
        **{k: v for k, v in os.environ.items() if k.startswith(("PIP_", "LANG", "LC_"))},
    }
    empty = tmp_path / "empty"
    empty.mkdir()
    run(["sh", "-c", install.replace("helpsite_generator-*.whl", str(wheel))], empty, env)
    run(["sh", "-c", new], empty, env)
    run(["sh", "-c", build], empty, env)
    site = next(empty.glob("*/site"))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title"' in home  # the plugin's theme extras came along
    assert "application/ld+json" in (site / "causes/first-cause/index.html").read_text("utf-8")
    assert "Page not found" in (site / "404.html").read_text(encoding="utf-8")
    assert (site / "assets/helpsite/check.js").is_file()
    assert 'data-hs-check="' in (site / "check/index.html").read_text(encoding="utf-8")


def test_a_new_site_is_never_written_over_files(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already holds files"):
        new_site(tmp_path, "The message", "A site", __import__("datetime").date(2026, 11, 27))
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_a_new_site_passes_check_in_the_reader_s_words(tmp_path: Path) -> None:
    message = 'The printer says "Offline" & <stops>'
    written = new_site(tmp_path / "site", message, "Printer help", date(2026, 11, 27))
    names = sorted(p.relative_to(tmp_path / "site").as_posix() for p in written)
    assert names == [
        "content/causes/first-cause.yml",
        "content/causes/second-cause.yml",
        "content/pages/about.md",
        "content/questions/first-question.yml",
        "content/remedies/first-fix.yml",
        "content/remedies/second-fix.yml",
        "content/site.yml",
        "content/sources/first-source.yml",
        "content/symptoms/the-message.yml",
        "mkdocs.yml",
    ]
    result = check(tmp_path / "site/content", tmp_path / "site")
    assert result.ok, [str(p) for p in result.problems]
    assert result.guide is not None
    (symptom,) = result.guide.symptoms
    assert symptom.messages[0].text == message
    assert result.guide.settings.title == "Printer help"
    mkdocs = (tmp_path / "site/mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Printer help"' in mkdocs
    assert symptom.reviewed == date(2026, 11, 27)


@pytest.mark.usefixtures("latin1_locale")
def test_a_new_site_s_files_keep_the_reader_s_letters_and_end_their_lines(
    tmp_path: Path,
) -> None:
    """An editor opens these files next: their words as typed (not `\\u0142`
    escapes), UTF-8 whatever the machine's locale, and a newline at the end."""
    message = "Drukarka jest offline — błąd połączenia"
    written = new_site(tmp_path / "site", message, "Pomoc", date(2026, 11, 27))
    symptom = (tmp_path / "site/content/symptoms/the-message.yml").read_bytes()
    assert message.encode("utf-8") in symptom
    for path in written:
        assert path.read_bytes().endswith(b"\n"), path


@pytest.mark.parametrize(
    ("message", "name", "label"),
    [
        ("", "A site", "--message"),
        ("   ", "A site", "--message"),
        ("two\nlines", "A site", "--message"),
        ("x" * 121, "A site", "--message"),
        ("The message", "x" * 121, "--name"),
    ],
)
def test_a_message_or_name_that_is_not_one_short_line_is_refused(
    tmp_path: Path, message: str, name: str, label: str
) -> None:
    with pytest.raises(ScaffoldError) as refused:
        new_site(tmp_path / "site", message, name, date(2026, 11, 27))
    assert str(refused.value) == f"expected {label} to be one line of 1 to 120 characters"
    assert not (tmp_path / "site").exists()


def test_a_message_of_120_characters_fits(tmp_path: Path) -> None:
    new_site(tmp_path / "site", "x" * 120, "y" * 120, date(2026, 11, 27))
    assert check(tmp_path / "site/content", tmp_path / "site").ok


def test_a_new_site_is_never_written_over_a_file(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("keep", encoding="utf-8")
    with pytest.raises(ScaffoldError) as refused:
        new_site(tmp_path / "site", "The message", "A site", date(2026, 11, 27))
    assert str(refused.value) == (
        f"{tmp_path / 'site'} already holds files; give a new or empty folder, so nothing is "
        "overwritten"
    )
