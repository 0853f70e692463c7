"""`make bench`: how the build scales, measured against plain MkDocs and Zensical.

For each size N it writes a synthetic dataset (`python -m generator synth`) and
times, as separate processes: libyaml alone parsing the files, `check`, the
generator alone (`render`), the full MkDocs build, and plain mkdocs-material
with its default navigation over the same generated Markdown (and Zensical on
that project, where it installs: `make bench` puts it in .build/zensical).

Then, on each size's built site, what it costs a visitor on a phone
(bench/visitor.py): Lighthouse's performance score of the home page, the guided
check's first question, an outcome and a cause page (median of three runs), and
the bytes over the wire, gzipped, to show the check's first question, to reach
an outcome and to show the first search result, the theme's own scripts and
styles left out.

It prints the tables, writes bench/results.md, and checks the targets. A
benchmark, not a test: numbers vary by machine. `make bench` is the full run;
for a quick look at the visitor rows alone:

    .venv/bin/python bench/run.py --visitor-only 100
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.lighthouse import lighthouse  # noqa: E402
from tools.readme import replace_block  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from visitor import (  # noqa: E402
    CHECK_PAGE,
    FIRST_RESULT,
    PAGES,
    SHOW_QUESTION,
    TASKS,
    Cost,
    transferred,
    visit,
)
from widget_size import BUDGET, widget_size  # noqa: E402

WORK = ROOT / ".build" / "bench"
PY = sys.executable
DEFAULT_SIZES = [100, 1000, 5000]
PLAIN_LIMIT = 1000
"""Plain mkdocs-material grows with N squared; beyond this it takes too long to run."""

MKDOCS_YML = """\
site_name: Benchmark {n}
site_url: https://bench.example.org/
docs_dir: {docs}
theme:
  name: material
  font: false
  features: [navigation.instant, navigation.sections, search.highlight]
plugins:
{plugins}
"""
OURS = "  - search\n  - helpsite:\n      content: content\n"
PLAIN = "  - search\n"

# Timed inside the process, after the imports: the interpreter's start and the
# imports (0.1-0.3 s, the same at every N) are neither parsing nor generating, and a
# `mkdocs serve` rebuild does not pay them again. The median of at least three
# runs and at least a second of them: at N=100 one run takes tens of
# milliseconds, and says more about the machine's other work than about the code.
INSIDE = """\
import statistics, sys, time
from pathlib import Path
{imports}
times = []
while len(times) < 3 or sum(times) < 1.0:
    start = time.perf_counter()
    {work}
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""
IN_BUILD = re.compile(r"helpsite: \d+ pages generated in ([0-9.]+) seconds")
"""The plugin's log line: how long the generator took inside that build."""
LIBYAML = INSIDE.format(
    imports="import yaml",
    work="""for path in sorted(Path("content").rglob("*.yml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)""",
)
CHECK = INSIDE.format(
    imports="from generator.pipeline import check",
    work='assert check(Path("content"), Path(".")).ok',
)
GENERATOR = INSIDE.format(
    imports="from generator.pipeline import build\nimport generator.render.pages",
    work='assert build(Path("content"), Path(".")).ok',
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class Row:
    n: int
    what: str
    run: Run | None
    pages: int = 0
    out_bytes: int = 0
    note: str = ""
    generator_s: float | None = None
    """For the full build: the generator's seconds inside it, as the plugin logs them."""

    def cells(self) -> list[str]:
        if self.run is None:
            return [f"{self.n:,}", self.what, "-", "-", "-", "-", self.note]
        per_page = f"{1000 * self.run.seconds / self.pages:.1f}" if self.pages else "-"
        size = f"{self.out_bytes / self.pages / 1024:.1f} KB" if self.pages else "-"
        note = self.note
        if self.generator_s is not None:
            note = f"the generator took {self.generator_s:.2f} s of it"
        return [
            f"{self.n:,}",
            self.what,
            f"{self.run.seconds:.2f}",
            per_page,
            f"{self.run.peak_mb:.0f}",
            size,
            note,
        ]


def _run(command: list[str], cwd: Path) -> tuple[float, bytes, bytes, float]:
    """(wall seconds, standard output, standard error, peak resident MB) of a command
    that must succeed."""
    # Files, not pipes: wait4 (for the peak memory) must reap the process itself.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(
            command, cwd=cwd, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=out, stderr=err
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            tail = err.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} failed:\n{tail}")
        return seconds, out.read(), err.read(), usage.ru_maxrss / 1024


def timed(command: list[str], cwd: Path) -> Run:
    seconds, _, _, peak_mb = _run(command, cwd)
    return Run(seconds, peak_mb)


def inside(script: str, folder: Path) -> Run:
    """The seconds a script reports for its own work, after its imports (a median),
    and the peak memory of its process."""
    _, out, _, peak_mb = _run([PY, "-c", script], folder)
    return Run(float(out.decode().strip()), peak_mb)


def site_size(site: Path) -> tuple[int, int]:
    """(pages, bytes) of a built site, without the theme's own assets, which are the
    same at every size and would only blur the per-page comparison."""
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and "assets" not in p.parts)
    return pages, size


def dataset(n: int) -> Path:
    """A new synthetic project of `n` causes, WORK/<n>, ready for `mkdocs build`."""
    folder = WORK / str(n)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "content/pages").mkdir(parents=True)
    (folder / "content/pages/about.md").write_text("# About\n\nBenchmark.\n", encoding="utf-8")
    subprocess.run(
        [PY, "-m", "generator", "synth", str(n), str(folder / "content")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (folder / "mkdocs.yml").write_text(
        MKDOCS_YML.format(n=n, docs="content/pages", plugins=OURS), encoding="utf-8"
    )
    return folder


SITE_BUILD = [PY, "-m", "mkdocs", "build", "-d", "site"]


def measure(n: int, zensical: Path | None) -> list[Row]:
    folder = dataset(n)
    rows = [
        Row(n, "libyaml alone (in process)", inside(LIBYAML, folder)),
        Row(n, "check (in process)", inside(CHECK, folder)),
        Row(n, "`generator check` command", timed([PY, "-m", "generator", "check"], folder)),
        Row(n, "generator alone (in process)", inside(GENERATOR, folder)),
    ]
    subprocess.run(
        [PY, "-m", "generator", "render", "--out", "md"],
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds, _, err, peak_mb = _run(SITE_BUILD, folder)
    found = IN_BUILD.search(err.decode(errors="replace"))
    assert found, "the plugin no longer logs its time"
    rows.append(
        Row(
            n,
            "full build",
            Run(seconds, peak_mb),
            *site_size(folder / "site"),
            generator_s=float(found.group(1)),
        )
    )

    # Every language a site has is a build of its own (`generator build` makes
    # them, in parallel): the same dataset in one language and in three.
    if n in LANGUAGE_SIZES:
        rows += languages_rows(n, folder)

    # Plain mkdocs-material over the same Markdown, with its default navigation.
    plain = folder / "plain"
    shutil.copytree(folder / "md", plain / "docs")
    shutil.copy(folder / "content/pages/about.md", plain / "docs/about.md")
    (plain / "mkdocs.yml").write_text(
        MKDOCS_YML.format(n=n, docs="docs", plugins=PLAIN), encoding="utf-8"
    )
    if n <= PLAIN_LIMIT:
        run = timed([PY, "-m", "mkdocs", "build", "-q", "-d", "site"], plain)
        rows.append(Row(n, "plain mkdocs-material", run, *site_size(plain / "site")))
    else:
        rows.append(Row(n, "plain mkdocs-material", None, note="skipped: grows with N squared"))
    if zensical is None:
        rows.append(Row(n, "Zensical", None, note="not installed"))
    elif n > PLAIN_LIMIT:
        # The same navigation in every page: 745 MB of output at N=1,000.
        rows.append(Row(n, "Zensical", None, note="skipped: grows with N squared"))
    else:
        # --clean: a cold build, like the others; Zensical keeps a cache next to mkdocs.yml.
        shutil.rmtree(plain / "site")
        run = timed([str(zensical), "build", "--clean"], plain)
        rows.append(Row(n, "Zensical", run, *site_size(plain / "site")))
    shutil.rmtree(folder / "md")
    return rows


LANGUAGE_SIZES = (100, 1000)
"""Where the builds in several languages are timed; at 5,000 they would take
minutes and say nothing the per-page cost at 100 and 1,000 does not."""
TRANSLATIONS = {3: "ru,es", 8: "ru,es,pt-BR,fr,pl,ko,ar"}
"""The translations of the site in three languages and in eight (this site's)."""
LANGUAGE_TARGETS = {3: 3.3, 8: 8.5}
"""How many times one language's build the site in that many may take."""


def languages_row(n: int) -> str:
    return "`generator build`, 1 language" if n == 1 else f"`generator build`, {n} languages"


def languages_rows(n: int, folder: Path) -> list[Row]:
    run = timed([PY, "-m", "generator", "build", "--out", "site-all"], folder)
    rows = [Row(n, languages_row(1), run, *site_size(folder / "site-all"))]
    shutil.rmtree(folder / "site-all")
    for count, translations in TRANSLATIONS.items():
        many = WORK / f"{n}-languages"
        shutil.rmtree(many, ignore_errors=True)
        shutil.copytree(folder / "content/pages", many / "content/pages")
        shutil.copy(folder / "mkdocs.yml", many / "mkdocs.yml")
        subprocess.run(
            [
                *(PY, "-m", "generator", "synth", str(n), str(many / "content")),
                "--languages",
                translations,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        run = timed([PY, "-m", "generator", "build", "--out", "site-all"], many)
        rows.append(Row(n, languages_row(count), run, *site_size(many / "site-all")))
        shutil.rmtree(many)
    return rows


EVERY_QUESTION = """() => {
  // The answers that reach each question, breadth-first from the start, as the
  // widget reads them (generator/render/widget.py: sections by their anchors).
  const tree = JSON.parse(document.querySelector("[data-hs-check]").dataset.hsCheck);
  const paths = new Map([[tree.start, []]]);
  const queue = [tree.start];
  while (queue.length) {
    const at = queue.shift();
    const q = tree.q[at];
    q.a.forEach((next, i) => {
      const pick = q.share !== undefined ? ["100-100", "0-100", "0-0"][i] : String(i);
      if (tree.q[next] !== undefined && !paths.has(next) && pick !== undefined) {
        paths.set(next, paths.get(at).concat(pick));
        queue.push(next);
      }
    });
  }
  // Each question as a visitor arrives at it: the address changes, the widget
  // renders, the browser lays the page out.
  const times = {};
  for (const [id, picks] of paths) {
    history.pushState(null, "", "#a=" + picks.join("."));
    const start = performance.now();
    dispatchEvent(new HashChangeEvent("hashchange"));
    document.body.getBoundingClientRect();
    times[id] = performance.now() - start;
    if (document.getElementById(id).hidden) throw new Error(id + " is not on screen");
  }
  return times;
}"""


@dataclass(frozen=True)
class WidgetTiming:
    questions: int
    slowest_ms: float
    median_ms: float


def widget_timing(n: int) -> WidgetTiming:
    """Every question of the N-cause site's guided check rendered once, in Chromium,
    on the first page of the check that shows it (a large check is cut into parts)."""
    from tests.browser import chromium, serve

    site = WORK / str(n) / "site"
    parts = ["check/", *sorted(f"check/{p.name}/" for p in site.glob("check/q-*"))]
    times: dict[str, float] = {}
    with serve(site) as url, chromium() as browser:
        page = browser.new_page()
        for part in parts:
            page.goto(url + part)
            for question, ms in page.evaluate(EVERY_QUESTION).items():
                times.setdefault(question, float(ms))
    return WidgetTiming(len(times), max(times.values()), statistics.median(times.values()))


def visitor_costs(sizes: list[int]) -> list[Cost]:
    """What each size's site (WORK/<n>/site, built) costs a visitor on a phone."""
    costs = []
    for n in sizes:
        print(f"visitor cost at N={n:,} ...", file=sys.stderr, flush=True)
        folder = WORK / str(n)
        how = visit(folder)
        scores = lighthouse(folder / "site", how.pages, ["performance"])
        performance = {name: score["performance"] for name, score in scores}
        costs.append(Cost(n, performance, transferred(folder / "site", how)))
    return costs


def visitor_site(n: int) -> None:
    """WORK/<n>/site as the last run left it, or a new one (for `--visitor-only`)."""
    if not (WORK / str(n) / "site/index.html").is_file():
        print(f"building the N={n:,} site ...", file=sys.stderr, flush=True)
        folder = dataset(n)
        subprocess.run(
            [*SITE_BUILD, "-q"],
            cwd=folder,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            check=True,
        )


def kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def visitor_table(costs: list[Cost]) -> str:
    head = [
        "N",
        "performance: " + " / ".join(PAGES),
        *TASKS,
        "home page HTML",
        "check page HTML",
        "search index",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in costs:
        cells = [
            f"{c.n:,}",
            " / ".join(str(c.performance[page]) for page in PAGES),
            *(kb(c.total(task)) for task in TASKS),
            kb(c.home_html),
            kb(c.transferred[SHOW_QUESTION][CHECK_PAGE]),
            kb(c.search_index),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


PERFORMANCE = 95
QUESTION_BYTES = 50 * 1024
RESULT_BYTES = 300 * 1024
GROWTH = 1.2
"""At most this many times the bytes at the smallest size, at the largest."""
FLAT_FROM = 1000
"""The size beyond which the home page stays the same size: where every section
of a synthetic site holds more records than the navigation lists (`nav_limit`,
30; a symptom per 20 causes) and the home page lists its most (`HOME_LIMIT`, 12).
Below it, the home page grows with the navigation up to that limit."""


def visitor_targets(costs: list[Cost]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for c in costs:
        low = min(PAGES, key=lambda page: c.performance[page])
        score = c.performance[low]
        out.append(
            (
                f"Lighthouse performance (phone) of every page at N={c.n:,}: "
                f"lowest {score}, {low} (>= {PERFORMANCE})",
                score >= PERFORMANCE,
            )
        )
    for c in costs:
        size = c.total(SHOW_QUESTION)
        out.append(
            (
                f"bytes to {SHOW_QUESTION} at N={c.n:,}: {size:,} (<= {QUESTION_BYTES:,})",
                size <= QUESTION_BYTES,
            )
        )
    small, big = min(costs, key=lambda c: c.n), max(costs, key=lambda c: c.n)
    size = big.total(FIRST_RESULT)
    out.append(
        (
            f"bytes to {FIRST_RESULT} at N={big.n:,}: {size:,} (<= {RESULT_BYTES:,})",
            size <= RESULT_BYTES,
        )
    )
    flat = min((c for c in costs if c.n >= FLAT_FROM), key=lambda c: c.n, default=big)
    for what, since, a, b in (
        (f"bytes to {SHOW_QUESTION}", small, small.total(SHOW_QUESTION), big.total(SHOW_QUESTION)),
        ("home page HTML bytes", flat, flat.home_html, big.home_html),
    ):
        if big.n > since.n:
            ratio = b / a
            out.append(
                (
                    f"{what} at N={big.n:,} vs N={since.n:,}: {ratio:.2f}x (<= {GROWTH}x)",
                    ratio <= GROWTH,
                )
            )
    return out


def targets_table(checks: list[tuple[str, bool]]) -> str:
    lines = ["| target | met |", "|---|---|"]
    lines += [f"| {name} | {'yes' if ok else '**no**'} |" for name, ok in checks]
    return "\n".join(lines)


def table(rows: list[Row]) -> str:
    head = ["N", "what", "wall s", "ms/page", "peak MB", "output/page", "note"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def targets(
    rows: list[Row], sizes: list[int], widget: WidgetTiming | None, costs: list[Cost]
) -> list[tuple[str, bool]]:
    def get(n: int, what: str) -> Row:
        return next(r for r in rows if r.n == n and r.what == what)

    out: list[tuple[str, bool]] = []
    small, big = min(sizes), max(sizes)
    a, b = get(small, "full build"), get(big, "full build")
    assert a.run and b.run
    ratio = (b.run.seconds / b.pages) / (a.run.seconds / a.pages)
    out.append(
        (f"full build per page at N={big:,} vs N={small:,}: {ratio:.2f}x (<= 1.3x)", ratio <= 1.3)
    )
    ratio = (b.out_bytes / b.pages) / (a.out_bytes / a.pages)
    out.append(
        (f"output bytes per page at N={big:,} vs N={small:,}: {ratio:.2f}x (<= 1.3x)", ratio <= 1.3)
    )
    if 1000 in sizes:
        ours, plain, zen = (
            get(1000, "full build"),
            get(1000, "plain mkdocs-material"),
            get(1000, "Zensical"),
        )
        if ours.run and plain.run:
            ratio = ours.run.seconds / plain.run.seconds
            out.append(
                (
                    f"full build vs plain mkdocs-material at N=1,000: {ratio:.2f}x (<= 0.25x)",
                    ratio <= 0.25,
                )
            )
        if ours.run and zen.run:
            ratio = ours.run.seconds / zen.run.seconds
            out.append((f"full build vs Zensical at N=1,000: {ratio:.2f}x (< 1x)", ratio < 1))
        else:
            out.append(("full build vs Zensical at N=1,000: Zensical not installed", False))
    for n in sizes:
        check, parse = get(n, "check (in process)"), get(n, "libyaml alone (in process)")
        assert check.run and parse.run
        ratio = check.run.seconds / parse.run.seconds
        out.append((f"check vs libyaml alone at N={n:,}: {ratio:.2f}x (<= 2x)", ratio <= 2))
        full = get(n, "full build")
        assert full.run and full.generator_s is not None
        ratio = full.generator_s / full.run.seconds  # both from the same build
        out.append(
            (f"generator share of the full build at N={n:,}: {ratio:.0%} (<= 10%)", ratio <= 0.10)
        )
    for count, most in LANGUAGE_TARGETS.items():
        for n in (n for n in sizes if n in LANGUAGE_SIZES):
            one, many = get(n, languages_row(1)), get(n, languages_row(count))
            assert one.run and many.run
            ratio = many.run.seconds / one.run.seconds
            out.append(
                (f"{count} languages vs 1 at N={n:,}: {ratio:.2f}x (<= {most}x)", ratio <= most)
            )
        if all(n in sizes for n in LANGUAGE_SIZES):
            a, b = (get(n, languages_row(count)) for n in LANGUAGE_SIZES)
            assert a.run and b.run
            ratio = (b.run.seconds / b.pages) / (a.run.seconds / a.pages)
            out.append(
                (
                    f"{count}-language build per page at N={LANGUAGE_SIZES[1]:,} vs "
                    f"N={LANGUAGE_SIZES[0]:,}: {ratio:.2f}x (<= 1.3x)",
                    ratio <= 1.3,
                )
            )
    if widget is not None:
        out.append(
            (
                f"slowest of the {widget.questions:,} guided-check questions, 1,000 causes: "
                f"{widget.slowest_ms:.1f} ms, median {widget.median_ms:.1f} ms (< 100 ms)",
                widget.slowest_ms < 100,
            )
        )
    return out + visitor_targets(costs)


VISITOR_ONLY = """\
only the visitor rows (Lighthouse and bytes over the wire), on the sites the last
run left in .build/bench/<n>/site (built first where missing; delete the folder
for a new one); prints them and writes nothing"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "sizes", nargs="*", type=int, default=DEFAULT_SIZES, help="causes per site (100 1000 5000)"
    )
    parser.add_argument(
        "--zensical", type=Path, help="the zensical command (make bench installs one)"
    )
    parser.add_argument("--visitor-only", action="store_true", help=VISITOR_ONLY)
    args = parser.parse_args()
    if args.visitor_only:
        for n in args.sizes:
            visitor_site(n)
        costs = visitor_costs(args.sizes)
        print(visitor_table(costs) + "\n\n" + targets_table(visitor_targets(costs)))
        return 0
    zensical = args.zensical.resolve() if args.zensical and args.zensical.is_file() else None
    rows: list[Row] = []
    for n in args.sizes:
        print(f"measuring N={n:,} ...", file=sys.stderr, flush=True)
        rows += measure(n, zensical)
    widget = widget_timing(1000) if 1000 in args.sizes else None
    costs = visitor_costs(args.sizes)

    *_, zipped = widget_size()
    checks = targets(rows, args.sizes, widget, costs)
    checks.append(
        (
            f"guided-check script, minified + gzip: {zipped:,} bytes (<= {BUDGET:,})",
            zipped <= BUDGET,
        )
    )
    body = "\n".join(
        [
            f"Made by `make bench` on {os.cpu_count()} cores with Python "
            f"{sys.version.split()[0]}. Output per page counts everything the build writes "
            "except the theme's own assets.",
            "",
            table(rows),
            "",
            "What each site costs a visitor on a phone: Lighthouse's performance score "
            "(median of three runs) and the bytes over the wire, gzipped, without the "
            "theme's own scripts and styles.",
            "",
            visitor_table(costs),
            "",
            targets_table(checks),
        ]
    )
    report = f"# Benchmark results\n\n{body}\n"
    print(report)
    (ROOT / "bench/results.md").write_text(report, encoding="utf-8")
    if args.sizes == DEFAULT_SIZES:  # a partial run does not replace the README's table
        replace_block("bench", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
