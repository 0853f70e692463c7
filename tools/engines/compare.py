"""`make engines`: build each site with ProperDocs as well as MkDocs, and compare.

ProperDocs is a maintained fork of MkDocs 1.6.1. It runs from its own virtual
environment (`.build/properdocs`, from `tools/engines/properdocs-requirements.txt`)
in which MkDocs itself is not installed, so nothing in the ProperDocs build can
come from MkDocs' code. Both engines build the same five sites (the public
site, its offline variant, the two test datasets and the printer example) with
the same SOURCE_DATE_EPOCH. The outputs must be byte for byte the same, except the
generator meta tag, which names the engine that wrote the page: on the MkDocs
side it must not name ProperDocs, on the ProperDocs side it must, so that the
comparison cannot pass by comparing MkDocs with itself.

Exit status 0 when every site matches, 1 on a difference or a failed build.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from generator.publish import OFFLINE_ENV  # noqa: E402

WORK = ROOT / ".build" / "engines"
PROPERDOCS = ROOT / ".build" / "properdocs" / "bin" / "properdocs"
EPOCH = "1700000000"
"""Any fixed time will do: both engines get the same one."""

GENERATOR_META = re.compile(rb'<meta name="generator" content="([^"]*)">')
"""The theme's tag naming the engine, `mkdocs-{version}, mkdocs-material-{version}`."""
PROPERDOCS_MARK = b"ProperDocs"
"""What ProperDocs puts in the engine's version (`mkdocs-ProperDocs 1.6.7`)."""
ANY_GENERATOR = b'<meta name="generator" content="...">'
"""The tag as compared: the same on both sides, on its own line still."""


@dataclass(frozen=True)
class Case:
    name: str
    config: Path
    env: Mapping[str, str]


CASES = (
    Case("site", ROOT / "mkdocs.yml", {}),
    Case("offline site", ROOT / "mkdocs.yml", OFFLINE_ENV),
    Case("houseplants", ROOT / "tests/datasets/houseplants/mkdocs.yml", {}),
    Case("hostile", ROOT / "tests/datasets/hostile/mkdocs.yml", {}),
    Case("printer example", ROOT / "examples/printer/mkdocs.yml", {}),
)


@dataclass(frozen=True)
class Comparison:
    """What two builds of one site have in common, and every difference."""

    identical: int
    """Files with the same bytes."""
    meta_only: int
    """HTML pages that differ in the generator meta tag and nowhere else."""
    metas: tuple[bytes, bytes]
    """The generator meta tag's content on each side (the first page's), to show."""
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _first_difference(path: str, a: bytes, b: bytes) -> str:
    """`path:line: MkDocs wrote ...; ProperDocs wrote ...` for the first differing line."""
    left = a.decode("utf-8", "replace").splitlines()
    right = b.decode("utf-8", "replace").splitlines()
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for tag, i1, _, j1, _ in matcher.get_opcodes():
        if tag != "equal":
            ours = left[i1].strip()[:160] if i1 < len(left) else "(nothing)"
            theirs = right[j1].strip()[:160] if j1 < len(right) else "(nothing)"
            return f"{path}:{i1 + 1}: MkDocs wrote {ours!r}; ProperDocs wrote {theirs!r}"
    return f"{path}: the bytes differ but no line does (line endings?)"


def compare(mkdocs_site: Path, properdocs_site: Path) -> Comparison:
    """Compare two builds of the same site: MkDocs' and ProperDocs'."""
    ours, theirs = _files(mkdocs_site), _files(properdocs_site)
    problems = [f"{p}: only in the MkDocs build" for p in sorted(ours - theirs)]
    problems += [f"{p}: only in the ProperDocs build" for p in sorted(theirs - ours)]
    identical = meta_only = 0
    metas: tuple[bytes, bytes] = (b"", b"")
    for path in sorted(ours & theirs):
        a = (mkdocs_site / path).read_bytes()
        b = (properdocs_site / path).read_bytes()
        meta_a, meta_b = GENERATOR_META.findall(a), GENERATOR_META.findall(b)
        # A page the theme made names its engine; an HTML file copied from the
        # pages folder has no tag, and is compared as it is.
        if path.endswith(".html") and (meta_a or meta_b):
            if len(meta_a) != 1 or len(meta_b) != 1:
                problems.append(
                    f"{path}: expected one generator meta tag on each side, got "
                    f"{len(meta_a)} (MkDocs) and {len(meta_b)} (ProperDocs)"
                )
                continue
            if PROPERDOCS_MARK in meta_a[0] or PROPERDOCS_MARK not in meta_b[0]:
                problems.append(
                    f"{path}: expected the MkDocs page to be made by MkDocs and the "
                    f"ProperDocs page by ProperDocs, got generator {meta_a[0].decode()!r} "
                    f"and {meta_b[0].decode()!r}; is MkDocs installed in the ProperDocs "
                    "environment?"
                )
                continue
            if not any(metas):
                metas = (meta_a[0], meta_b[0])
        if a == b:
            identical += 1
            continue
        if path.endswith(".html"):
            a, b = GENERATOR_META.sub(ANY_GENERATOR, a), GENERATOR_META.sub(ANY_GENERATOR, b)
        if a == b:
            meta_only += 1
        else:
            problems.append(_first_difference(path, a, b))
    return Comparison(identical, meta_only, metas, tuple(problems))


def _versions(python: Path) -> dict[str, str]:
    """The distributions installed for `python`, by normalised name."""
    script = (
        "import importlib.metadata as m, json\n"
        "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))"
    )
    out = subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True)
    raw: dict[str, str] = json.loads(out.stdout)
    return {re.sub(r"[-_.]+", "-", name).lower(): v for name, v in raw.items()}


def version_notes(properdocs: Path) -> list[str]:
    """Packages both environments have at different versions: a cause, when pages differ."""
    mine = _versions(Path(sys.executable))
    theirs = _versions(properdocs.parent / "python")
    return [
        f"{name}: {mine[name]} in the MkDocs environment, {theirs[name]} in ProperDocs'; "
        "pin the same in tools/engines/properdocs-requirements.txt"
        for name in sorted(mine.keys() & theirs.keys())
        if mine[name] != theirs[name] and name not in {"pip", "setuptools"}
    ]


def build(command: Sequence[str], case: Case, out: Path) -> str | None:
    """Build one site strictly into `out`; the log if the build failed, else None."""
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", **case.env)
    for key in OFFLINE_ENV.keys() - case.env.keys():
        env.pop(key, None)  # the public variant, whatever the caller's shell has set
    done = subprocess.run(
        [*command, "build", "--strict", "--clean", "-f", str(case.config), "-d", str(out)],
        cwd=case.config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return None if done.returncode == 0 else done.stderr + done.stdout


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--properdocs", type=Path, default=PROPERDOCS, help="the properdocs command"
    )
    args = parser.parse_args(argv)
    properdocs: Path = args.properdocs.absolute()  # the builds run in other folders
    if not properdocs.is_file():
        print(
            f"error: expected the properdocs command at {properdocs}, found nothing; "
            "`make engines` installs it",
            file=sys.stderr,
        )
        return 2
    failed = False
    for case in CASES:
        folder = WORK / case.name.replace(" ", "-")
        sides = {
            "MkDocs": ([sys.executable, "-m", "mkdocs"], folder / "mkdocs"),
            "ProperDocs": ([str(properdocs)], folder / "properdocs"),
        }
        logs = {name: build(command, case, out) for name, (command, out) in sides.items()}
        for name, log in logs.items():
            if log is not None:
                print(f"{case.name}: the {name} build failed:\n{log}", file=sys.stderr)
        if any(log is not None for log in logs.values()):
            failed = True
            continue
        result = compare(sides["MkDocs"][1], sides["ProperDocs"][1])
        tags = f" ({result.metas[0].decode()!r} and {result.metas[1].decode()!r})"
        print(
            f"{case.name}: {result.identical + result.meta_only} files the same: "
            f"{result.identical} identical, {result.meta_only} differ only in the "
            f"generator meta tag{tags if result.meta_only else ''}"
        )
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        failed = failed or not result.ok
    if failed:
        for note in version_notes(properdocs):
            print(f"note: {note}", file=sys.stderr)
        print("ProperDocs and MkDocs built different sites (above)", file=sys.stderr)
        return 1
    print(
        f"ok: ProperDocs builds the same {len(CASES)} sites as MkDocs, "
        "apart from the generator meta tag"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
