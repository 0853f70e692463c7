"""`python -m generator ...`: the commands editors, CI and the Makefile use."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from generator.problems import Problem, errors
from generator.schema import KINDS, Ref

# Each command imports what it needs when it runs: `check` is run on every save
# and in every pull request, and need not wait for Jinja or the publisher.

SCHEMA_DIR = Path("schema")


def _report(problems: Sequence[Problem], fmt: str) -> None:
    for problem in problems:
        print(problem.github() if fmt == "github" else str(problem), file=sys.stderr)
    count = len(errors(problems))
    warnings = len(problems) - count
    if fmt == "text" and problems:
        print(f"{count} error(s), {warnings} warning(s)", file=sys.stderr)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got {text!r}") from None


def cmd_check(args: argparse.Namespace) -> int:
    from generator.freshness import expired
    from generator.pipeline import check

    result = check(args.content)
    today = args.today or date.today()
    problems = sorted((*result.problems, *expired(result.dataset, today)), key=lambda p: p.pos)
    _report(problems, args.format)
    if args.strict and problems:
        return 1
    if result.ok:
        assert result.guide is not None
        g = result.guide
        print(
            f"ok: {len(g.symptoms)} symptom(s), {len(g.causes)} cause(s), "
            f"{len(g.remedies)} remed{'y' if len(g.remedies) == 1 else 'ies'}, "
            f"{len(g.flow.questions) if g.flow else 0} question(s)"
        )
        return 0
    return 1


def cmd_render(args: argparse.Namespace) -> int:
    from generator.pipeline import build
    from generator.render.addresses import Options

    result = build(args.content, options=Options(directory_urls=not args.file_urls))
    _report(result.problems, "text")
    if not result.ok:
        return 1
    for page in result.pages:
        target = args.out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"wrote {len(result.pages)} page(s) to {args.out}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.jsonschema import schema_files

    files = schema_files()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} schema file(s) to {args.out}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.publish import build_site

    return build_site(args.config, args.out, offline=args.offline, shown=f"--out {args.out}")


def cmd_diff(args: argparse.Namespace) -> int:
    from generator.diff import SideError, read_side, report

    try:
        base = read_side(args.base, Path.cwd(), args.content)
        head = read_side(args.head, Path.cwd(), args.content)
    except SideError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report(base, head))
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from generator.synth import MIN_CAUSES, synth

    if args.n < MIN_CAUSES:
        print(
            f"error: N must be at least {MIN_CAUSES}, e.g. `synth 100 /tmp/synthetic`",
            file=sys.stderr,
        )
        return 2
    languages = tuple(code for code in args.languages.split(",") if code)
    synth(args.n, args.dir, args.seed, languages)
    also = f", translated into {', '.join(languages)}" if languages else ""
    print(f"wrote a dataset of {args.n} causes to {args.dir}{also}")
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from generator.publish import build_bundle

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", args.name):
        print(
            f"error: --name {args.name!r} is not a plain name (it names the zip and its top "
            "folder); expected letters, digits, '.', '_' or '-', e.g. --name helpsite",
            file=sys.stderr,
        )
        return 2
    target = args.out / f"{args.name}-offline.zip"
    code = build_bundle(args.config, target, args.name, shown=f"--out {args.out}")
    if code == 0:
        print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    return code


def cmd_new(args: argparse.Namespace) -> int:
    from datetime import date

    from generator.scaffold import ScaffoldError, new_site

    try:
        written = new_site(args.dir, args.message, args.name, date.today())
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote a new help site of {len(written)} files to {args.dir}")
    print(f"next: cd {args.dir} && helpsite check && mkdocs serve")
    return 0


def cmd_stamp(args: argparse.Namespace) -> int:
    from generator.pipeline import check
    from generator.translations import FOLDER, SETTINGS_REF, stamp

    result = check(args.content)
    if result.guide is None:
        _report(result.problems, "text")
        return 1
    records: dict[Ref, object] = {SETTINGS_REF: result.dataset.settings}
    for kind in KINDS:
        records |= {r.ref: r for r in result.dataset.records(kind)}
    stamped = 0
    for path in args.files:
        parts = path.resolve().relative_to(args.content.resolve()).parts
        if len(parts) < 3 or parts[0] != FOLDER or not path.name.endswith(".yml"):
            print(
                f"error: {path} is not a translation in {args.content}/{FOLDER}/", file=sys.stderr
            )
            return 2
        ref = SETTINGS_REF if parts[2:] == ("site.yml",) else Ref(parts[2], path.stem)
        record = records.get(ref)
        if record is None:
            print(f"error: {path} translates no record of the dataset", file=sys.stderr)
            return 2
        path.write_text(stamp(path, record), encoding="utf-8")
        stamped += 1
    print(f"stamped {stamped} translation(s) as made from the English as it reads now")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="validate the dataset; print every problem with file:line:col")
    c.add_argument("--content", type=Path, default=Path("content"), help="dataset folder")
    c.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: print problems as GitHub Actions annotations",
    )
    c.add_argument(
        "--strict",
        action="store_true",
        help="fail on warnings too, an expired review date among them",
    )
    c.add_argument(
        "--today", metavar="YYYY-MM-DD", type=_day, help="the day to judge review dates by"
    )
    c.set_defaults(run=cmd_check)

    r = sub.add_parser("render", help="write the generated Markdown pages to a folder")
    r.add_argument("--content", type=Path, default=Path("content"), help="dataset folder")
    r.add_argument("--out", type=Path, required=True, help="folder to write the pages to")
    r.add_argument("--file-urls", action="store_true", help="links for use_directory_urls: false")
    r.set_defaults(run=cmd_render)

    b = sub.add_parser(
        "build", help="build the site with MkDocs into a new folder, then swap it in"
    )
    b.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config")
    b.add_argument(
        "--out",
        type=Path,
        default=Path("site"),
        help="site folder (default: site/); replaced whole, so it must be site/, a new or "
        "empty folder, or one an earlier build made; never the project, dataset or pages",
    )
    b.add_argument("--offline", action="store_true", help="the offline variant, for file://")
    b.set_defaults(run=cmd_build)

    z = sub.add_parser("bundle", help="build the offline site as dist/<name>-offline.zip")
    z.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config")
    z.add_argument(
        "--out",
        type=Path,
        default=Path("dist"),
        help="folder for the zip (default: dist/); dist/, a new or empty folder, or one that "
        "holds only offline zips; never the project, dataset or pages",
    )
    z.add_argument("--name", default="helpsite", help="the zip's name and its top folder")
    z.set_defaults(run=cmd_bundle)

    d = sub.add_parser("diff", help="what a change does to the site, as Markdown")
    d.add_argument("base", help="a git revision or a dataset folder")
    d.add_argument("head", help="a git revision or a dataset folder")
    d.add_argument("--content", default="content", help="dataset folder within a revision")
    d.set_defaults(run=cmd_diff)

    y = sub.add_parser("synth", help="write a synthetic dataset of N causes (for benchmarks)")
    y.add_argument("n", type=int, metavar="N", help="how many causes")
    y.add_argument("dir", type=Path, metavar="DIR", help="the dataset folder to write")
    y.add_argument("--seed", type=int, default=1, help="the same seed writes the same dataset")
    y.add_argument(
        "--languages",
        default="",
        metavar="CODES",
        help="also write machine-made translations into these languages, e.g. ru,es",
    )
    y.set_defaults(run=cmd_synth)

    n = sub.add_parser("new", help="start a new help site in DIR (a new or empty folder)")
    n.add_argument("dir", type=Path, metavar="DIR", help="the folder to write the site to")
    n.add_argument(
        "--message",
        default="The message your readers see",
        help="the words your readers see, e.g. 'The printer shows as Offline'",
    )
    n.add_argument("--name", default="A help site", help="the site's name")
    n.set_defaults(run=cmd_new)

    t = sub.add_parser("translations", help="work on the dataset's translations")
    tsub = t.add_subparsers(dest="action", required=True)
    ts = tsub.add_parser(
        "stamp", help="mark a translation's texts as translated from the English as it reads now"
    )
    ts.add_argument("files", type=Path, nargs="+", metavar="FILE", help="translation files")
    ts.add_argument("--content", type=Path, default=Path("content"), help="dataset folder")
    ts.set_defaults(run=cmd_stamp)

    s = sub.add_parser("schema", help="write the JSON Schema files editors use")
    s.add_argument("--out", type=Path, default=SCHEMA_DIR, help="folder (default: schema/)")
    s.set_defaults(run=cmd_schema)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
