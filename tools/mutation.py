"""`make mutation`: mutmut over `generator/` against the fast tests (`[tool.mutmut]` in
pyproject.toml), from a fresh `mutants/` folder; then the score into the README's
`<!-- mutation:start -->` block and every mutant that was not killed listed in
`.build/mutation-survivors.txt`.

`make mutation-retest` (`--retest`): after tests were added, test again only what the last
full run left alive and is not explained as equivalent (and every mutant of a function changed
since), instead of every mutant again. A mutant killed stays killed when tests are only added,
and an equivalent one survives any test, so the score is the one a full run would give; the
README says which full run it builds on.

Fails if the score is under MIN_SCORE, or if a surviving mutant is not explained in
tests/mutation-survivors.md (by its name, as `mutmut show NAME` takes it)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.readme import replace_block  # noqa: E402

MIN_SCORE = 90.0
"""Percent of the mutants the fast tests must kill."""
EXPLAINED = ROOT / "tests" / "mutation-survivors.md"
LIST = ROOT / ".build" / "mutation-survivors.txt"
MUTMUT = Path(sys.executable).parent / "mutmut"
FULL_RUN = ROOT / "mutants" / "full-run.json"
"""Which commit the last full run tested, and how long it took: what `--retest` builds on."""
NOT_KILLED = r"^\s*(\S+): (survived|no tests|suspicious|skipped)"


def mutmut(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MUTMUT), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def run_mutmut(workers: int, *names: str) -> bool:
    # mutmut draws a progress line many times a second: only its end is worth keeping.
    run = subprocess.run(
        [str(MUTMUT), "run", "--max-children", str(workers), *names],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        print(run.stdout[-4000:], file=sys.stderr)
        print(f"error: mutmut run failed with exit code {run.returncode}", file=sys.stderr)
    return run.returncode == 0


def not_killed() -> list[tuple[str, str]]:
    return sorted(re.findall(NOT_KILLED, mutmut("results").stdout, re.M))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def explained_names() -> set[str]:
    """The mutants tests/mutation-survivors.md explains. Names as written there, in
    backticks: a plain search of the text would take `..._mutmut_13` as explained by
    `..._mutmut_133`."""
    return set(re.findall(r"`(generator\.[^`\s]+)`", EXPLAINED.read_text(encoding="utf-8")))


def commit() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return head.stdout.strip() or "an unknown commit"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2, help="mutants tested at once")
    parser.add_argument(
        "--retest",
        action="store_true",
        help="keep the last full run's results; test again only the mutants it left alive",
    )
    args = parser.parse_args()
    start = time.monotonic()
    if args.retest:
        if not FULL_RUN.is_file():
            print("error: no full run to build on; run `make mutation` first", file=sys.stderr)
            return 1
        full = json.loads(FULL_RUN.read_text(encoding="utf-8"))
        # First the mutants of functions changed since (mutmut forgot their results) and the
        # new tests' coverage; then every mutant left alive and not explained as equivalent,
        # against the tests as they are now. An equivalent mutant no test can kill: testing
        # it again (most of them run every fast test) would only cost time.
        if not run_mutmut(args.workers):
            return 1
        named = explained_names()
        alive = [name for name, _ in not_killed() if name not in named]
        if alive and not run_mutmut(args.workers, *alive):
            return 1
    else:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
        if not run_mutmut(args.workers):
            return 1
        full = {"commit": commit(), "minutes": round((time.monotonic() - start) / 60)}
        FULL_RUN.write_text(json.dumps(full), encoding="utf-8")
    minutes = (time.monotonic() - start) / 60
    mutmut("export-cicd-stats")
    stats = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    left = not_killed()
    total = int(stats["total"])
    caught = int(stats["killed"]) + int(stats["timeout"])
    score = 100 * caught / total if total else 0.0
    LIST.parent.mkdir(exist_ok=True)
    LIST.write_text("".join(f"{name}: {status}\n" for name, status in left), encoding="utf-8")

    named = explained_names()
    unexplained = [name for name, _ in left if name not in named]
    made = (
        f"Made by `make mutation` on {os.cpu_count()} cores with Python "
        f"{platform.python_version()} in {plural(full['minutes'], 'minute')}, on {full['commit']}"
    )
    if args.retest:
        made += (
            f"; the mutants it left alive tested again with the tests of {commit()} "
            f"(`make mutation-retest`, {plural(round(minutes), 'minute')})"
        )
    body = "\n".join(
        [
            made + ".",
            "",
            "| mutants | killed | timed out | survived | no test reaches | score |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {total:,} | {int(stats['killed']):,} | {int(stats['timeout']):,} "
            f"| {int(stats['survived']):,} | {int(stats['no_tests']):,} | {score:.1f}% |",
        ]
    )
    replace_block("mutation", body)
    print(body)
    print(f"\nevery mutant not killed: {LIST.relative_to(ROOT)}")
    failed = False
    if score < MIN_SCORE:
        print(f"error: {score:.1f}% of the mutants killed, expected at least {MIN_SCORE:.0f}%")
        failed = True
    if unexplained:
        print(
            f"error: {len(unexplained)} surviving mutant(s) are not explained in "
            f"{EXPLAINED.relative_to(ROOT)}: kill them with a test, or say there why they are "
            f"equivalent; see one with `.venv/bin/mutmut show {unexplained[0]}`"
        )
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
