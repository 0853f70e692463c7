"""`make engines-zensical`: how close Zensical gets to the MkDocs build.

Zensical reads mkdocs.yml but runs no MkDocs plugin, so it cannot run the
generator: it can only build what `python -m generator render --out DIR` writes
(the generated Markdown), with the hand-written pages and the widget's files
copied beside it and the helpsite plugin taken out of mkdocs.yml. This script
makes that project, builds it with Zensical (from `make bench`'s environment,
.build/zensical) and the site itself with MkDocs, and prints what each build
has, as a Markdown table for ENGINES.md. Two projects:

- "as rendered": what `render --out` writes, with the widget's script and
  style sheet in `extra_javascript`/`extra_css` (the plugin adds them
  otherwise), and the site's mkdocs.yml otherwise unchanged, so without the
  plugin's theme templates (generator/theme);
- "adapted": also what the plugin does and Zensical does not, written into the
  project: the pages rendered with the site's address and report link, the
  navigation, the footer notice as a fixed `copyright`, robots.txt, the
  dataset export, the plugin's theme templates as `custom_dir`, the
  hand-written pages' front matter escaped, and for the offline variant the
  vendored iframe-worker shim, the `offline` plugin and no instant navigation;
  and one change Zensical needs: no `partials/search.html` (Zensical's search
  is another component: with Material's search form in the header it does not
  start).
  Built as the public site and its offline variant; the hostile test dataset
  both as rendered and adapted.

A measurement, not a test: not in CI. Each site is also opened in Chromium, as
the browser tests do: the guided check, search, the requests the pages make,
and whether any content became markup.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import yaml

if TYPE_CHECKING:
    from playwright.sync_api import Dialog, Page

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from generator.export import EXPORT, EXPORT_SCHEMA, dataset_json, export_schema  # noqa: E402
from generator.markup import Markup  # noqa: E402
from generator.pipeline import Result  # noqa: E402
from generator.pipeline import build as generate  # noqa: E402
from generator.plugin import SHIM, SHIM_URI, THEME, issue_form  # noqa: E402
from generator.publish import OFFLINE_ENV  # noqa: E402
from generator.render.addresses import Options, resolver  # noqa: E402
from generator.render.frontmatter import escape_page_meta  # noqa: E402
from generator.render.navigation import NAV_LIMIT, nav  # noqa: E402
from generator.render.structured import robots_txt  # noqa: E402
from tools.readme import replace_block  # noqa: E402

WORK = ROOT / ".build" / "engines" / "zensical"
ZENSICAL = ROOT / ".build" / "zensical" / "bin" / "zensical"
ASSETS = ROOT / "generator" / "assets"
EPOCH = "1700000000"
HOSTILE = ROOT / "tests" / "datasets" / "hostile"


# mkdocs.yml holds `!ENV [NAME, default]`: kept as written, for the engine to read.
@dataclass(frozen=True)
class _Env:
    args: list[Any]


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _Env(loader.construct_sequence(node)))  # type: ignore[arg-type]
_Dumper.add_representer(_Env, lambda dumper, env: dumper.represent_sequence("!ENV", env.args))


@dataclass(frozen=True)
class Variant:
    name: str
    config: Path
    offline: bool
    adapted: bool
    """Hand over what the plugin does, and make the two changes Zensical needs."""
    query: str | None
    """A word the search must find, if the site has one to look for."""


SITE = ROOT / "mkdocs.yml"
TABLES = (
    (
        "This site",
        (
            Variant("as rendered", SITE, False, False, "terminated"),
            Variant("adapted", SITE, False, True, "terminated"),
            Variant("adapted, offline", SITE, True, True, "terminated"),
        ),
    ),
    (
        "The hostile test dataset, markup in every text",
        (
            Variant("as rendered", HOSTILE / "mkdocs.yml", False, False, None),
            Variant("adapted", HOSTILE / "mkdocs.yml", False, True, None),
        ),
    ),
)
SEARCH_OVERRIDE = Path("partials/search.html")


@dataclass(frozen=True)
class Project:
    config: Path
    """The Zensical project's mkdocs.yml."""
    notice: str
    """The footer notice's text, as the MkDocs build shows it."""


def _value(value: Any) -> Any:
    """A setting as MkDocs reads it: `!ENV [NAME, ..., default]` from the environment."""
    if not isinstance(value, _Env):
        return value
    *names, default = value.args if len(value.args) > 1 else [*value.args, None]
    return next((os.environ[n] for n in names if n in os.environ), default)


def zensical_project(variant: Variant, folder: Path) -> Project:
    """The render output, the hand-written pages and the widget's files, and a
    mkdocs.yml without the helpsite plugin."""
    shutil.rmtree(folder, ignore_errors=True)
    docs = folder / "docs"
    config: dict[str, Any] = yaml.load(variant.config.read_text(encoding="utf-8"), _Loader)
    base = variant.config.parent
    settings: dict[str, Any] = {}
    plugins = []
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "helpsite" in plugin:
            settings = plugin["helpsite"] or {}
        elif plugin != "helpsite":
            plugins.append(plugin)
    content = base / settings.get("content", "content")
    directory_urls = not variant.offline
    site_url = _value(config.get("site_url")) or ""
    options = Options(directory_urls, site_url, issue_form(_value(config.get("repo_url"))))
    result = generate(content, base, options)
    if not result.ok or result.guide is None:
        raise SystemExit(f"{content}: the dataset has errors; `make check` shows them")
    if variant.adapted:  # what the plugin hands MkDocs
        for page in result.pages:
            (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
            (docs / page.path).write_text(page.markdown, encoding="utf-8")
    else:  # the command itself, as a user would run it
        render = [sys.executable, "-m", "generator", "render", "--content", str(content)]
        render += ["--out", str(docs), *(["--file-urls"] if variant.offline else [])]
        subprocess.run(render, check=True, capture_output=True)
    handwritten = base / config.get("docs_dir", "docs")
    shutil.copytree(handwritten, docs, dirs_exist_ok=True)
    shutil.copytree(ASSETS, docs / "assets" / "helpsite")

    config["docs_dir"] = "docs"
    config["plugins"] = plugins
    config["extra_css"] = [f"assets/helpsite/{p.name}" for p in sorted(ASSETS.glob("*.css"))]
    config["extra_javascript"] = [f"assets/helpsite/{p.name}" for p in sorted(ASSETS.glob("*.js"))]
    theme = config.setdefault("theme", {})
    custom = theme.get("custom_dir")
    if custom:
        shutil.copytree(base / custom, folder / "theme", dirs_exist_ok=True)
        theme["custom_dir"] = "theme"
    root = urlsplit(site_url or "/").path or "/"
    notice = Markup().render(result.guide.settings.notice, resolver(None, directory_urls, root))
    if variant.adapted:
        adapt(variant, result, config, settings, folder, handwritten)
        if custom:  # the site's own templates still come first
            shutil.copytree(base / custom, folder / "theme", dirs_exist_ok=True)
        config["copyright"] = notice.html
    target = folder / "mkdocs.yml"
    target.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True), encoding="utf-8")
    shown = _Page()
    shown.feed(f"<footer>{notice.html}</footer>")
    return Project(target, _text(shown.footer))


def adapt(
    variant: Variant,
    result: Result,
    config: dict[str, Any],
    settings: dict[str, Any],
    folder: Path,
    handwritten: Path,
) -> None:
    """Write into the project what the plugin does and Zensical does not, and
    make the two changes Zensical needs."""
    assert result.guide is not None
    docs = folder / "docs"
    for page in handwritten.rglob("*.md"):
        target = docs / page.relative_to(handwritten)
        target.write_text(_escaped(page.read_text(encoding="utf-8")), encoding="utf-8")
    pages = sorted(p.relative_to(handwritten).as_posix() for p in handwritten.rglob("*.md"))
    config["nav"] = nav(result.pages, pages, settings.get("nav_limit", NAV_LIMIT)).entries
    site_url = _value(config.get("site_url"))
    if site_url:
        (docs / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
    (docs / EXPORT).parent.mkdir(parents=True, exist_ok=True)
    (docs / EXPORT).write_text(dataset_json(result.guide), encoding="utf-8")
    (docs / EXPORT_SCHEMA).write_text(export_schema(), encoding="utf-8")
    if variant.offline:
        (docs / SHIM_URI).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHIM, docs / SHIM_URI)
        config.setdefault("extra", {}).setdefault("polyfills", []).insert(0, SHIM_URI)
        config["use_directory_urls"] = False
        named = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
        if "offline" not in named:
            config["plugins"].append("offline")
        else:
            config["plugins"][named.index("offline")] = "offline"
    theme = config["theme"]
    if variant.offline:  # as the plugin does: browsers refuse its fetches under file://
        features = theme.get("features", [])
        theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
    shutil.copytree(THEME, folder / "theme", dirs_exist_ok=True)
    (folder / "theme" / SEARCH_OVERRIDE).unlink(missing_ok=True)
    theme["custom_dir"] = "theme"


RUNS = 3
"""Each build is timed this many times; the median is shown (a cold build each time)."""


FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""A page's front matter, as MkDocs finds it (mkdocs.utils.meta)."""


def _escaped(markdown: str) -> str:
    """A hand-written page with its front matter's texts escaped, as the plugin does."""
    found = FRONT_MATTER.match(markdown)
    meta = yaml.safe_load(found.group(1)) if found else None
    if not found or not isinstance(meta, dict):
        return markdown
    # JSON is YAML, on one line per key.
    lines = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in escape_page_meta(meta).items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + markdown[found.end() :]


def run(command: Sequence[str], cwd: Path, offline: bool) -> float:
    """Run a build; its median wall time in seconds. Stops on failure with the build's log."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    for key in OFFLINE_ENV:
        env.pop(key, None)
    env.update(OFFLINE_ENV if offline else {})
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        done = subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{done.stdout}{done.stderr}")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class _Page(html.parser.HTMLParser):
    """What one built page shows: its title, article text, navigation, footer, links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.article: list[str] = []
        self.nav: list[tuple[str, str]] = []
        self.footer: list[str] = []
        self.edit = ""
        self._correction = False
        self.meta: dict[str, str] = {}
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.json_ld = 0
        self._stack: list[str] = []
        self._in: dict[str, int] = {"title": 0, "article": 0, "nav": 0, "footer": 0}
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in {"meta", "link", "img", "input", "br", "hr", "source"}:
            self._void(tag, a)
            return
        self._stack.append(tag)
        if tag in self._in and (tag != "nav" or "md-nav--primary" in a.get("class", "")):
            self._in[tag] += 1
        elif tag == "nav" and self._in["nav"]:
            self._in["nav"] += 1
        if tag == "script":
            if a.get("src"):
                self.scripts.append(a["src"])
            if a.get("type") == "application/ld+json":
                self.json_ld += 1
        if tag == "a" and self._in["nav"] and not a.get("href", "").startswith("#"):
            self._link = (a.get("href", ""), [])
        if tag == "p" and "hs-correction" in a.get("class", "").split():
            self._correction = True
        if tag == "a" and self._correction and not self.edit:
            self.edit = a.get("href", "")  # "Suggest a correction to this page"

    def _void(self, tag: str, a: dict[str, str]) -> None:
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta[a.get("name") or a.get("property", "")] = a.get("content", "")
        if tag == "link" and a.get("rel") == "stylesheet":
            self.styles.append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack and self._stack.pop() != tag:
            pass
        if self._in.get(tag):
            self._in[tag] -= 1
        if tag == "a" and self._link is not None:
            href, text = self._link
            self.nav.append((href, " ".join("".join(text).split())))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._in["title"]:
            self.title += data
        if self._in["article"]:
            self.article.append(data)
        if self._in["footer"]:
            self.footer.append(data)
        if self._link is not None:
            self._link[1].append(data)


def read_page(site: Path, rel: str) -> _Page:
    """The page at `rel` in `site`; its navigation's links made absolute, since
    `./` and `././` are the same page."""
    parsed = _Page()
    parsed.feed((site / rel).read_text(encoding="utf-8"))
    where = f"https://site/{rel}"
    parsed.nav = [(urljoin(where, href), label) for href, label in parsed.nav]
    return parsed


def _text(parts: list[str]) -> str:
    return " ".join(" ".join(parts).split())


def _article(page: _Page) -> str:
    """The article's text, without the heading's permalink sign the toc extension adds."""
    return _text(page.article).replace(" ¶", "")


@dataclass(frozen=True)
class Browsed:
    check: bool
    """Clicking the first answer of each question reaches a cause, and the
    address keeps the answers (`#a=0...`): the widget runs."""
    search: bool | None
    """Typing a word in the search box lists results (None: no word to look for)."""
    third_party: tuple[str, ...]
    """Hosts other than the site's own that the pages asked for."""
    errors: int
    """Messages on the browser's console marked as errors, over every page."""
    injected: int
    """Pages where content became markup: a dialog opened, or an element from it exists."""


def _searches(page: Page, word: str) -> bool:
    """Search as a visitor would: in the theme's search box in the header, or,
    where there is none, in Zensical's own (a dialog behind a Search button)."""
    from tests.browser import search

    box = page.get_by_role("textbox", name="Search")
    if box.count() and box.first.is_visible():
        return search(page, word).count() > 0
    page.get_by_role("button", name="Search").first.click(timeout=5000)
    own = page.get_by_role("combobox", name="Search")
    own.fill(word, timeout=5000)
    own.press("End")
    page.get_by_role("option").first.wait_for(timeout=10_000)
    return True


def _answers(page: Page) -> bool:
    for _ in range(20):  # the first answer of each question, until a cause shows
        if page.locator("[data-hs-outcome]:visible").count():
            break
        step = page.locator("[data-hs-step]:visible")
        step.locator('[data-hs-answer="0"]').first.click(timeout=5000)
    return bool(page.locator("[data-hs-outcome]:visible").count()) and "#a=0" in page.url


def browse(site: Path, variant: Variant, pages: list[str]) -> Browsed:
    """Open the site in Chromium as a visitor would: over http, or from disk when offline."""
    from playwright.sync_api import Error

    from tests.browser import chromium, serve

    requests: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    with serve(site) as served, chromium() as browser:
        base = site.as_uri() + "/" if variant.offline else served
        context = browser.new_context()
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def on_dialog(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        injected = 0
        for rel in pages:
            if variant.offline and rel == "404.html":
                continue  # served at any address: its links start from the server's root
            page.goto(base + rel)
            page.wait_for_timeout(50)  # let any injected handler fire
            marks = page.locator("img[src='x'], svg[onload], [onerror], [onload]").count()
            injected += bool(marks or dialogs)
            dialogs.clear()
        page.goto(base + ("check.html" if variant.offline else "check/"))
        try:
            check = _answers(page)
        except Error:
            check = False
        searched = None
        if variant.query is not None:
            page.goto(base + ("index.html" if variant.offline else ""))
            try:
                searched = _searches(page, variant.query)
            except Error:
                searched = False
        context.close()
    own = ("file:", "data:", "blob:", served)
    hosts = sorted({urlsplit(u).netloc for u in requests if not u.startswith(own)})
    return Browsed(check, searched, tuple(hosts), len(errors), injected)


@dataclass(frozen=True)
class Measures:
    pages: int
    seconds: float
    size: int
    same_pages: int = 0
    same_text: int = 0
    same_title: int = 0
    same_nav: int = 0
    widget: int = 0
    notice: int = 0
    open_graph: int = 0
    json_ld: int = 0
    edit_to_data: int = 0
    search_entries: int = 0
    files: frozenset[str] = field(default_factory=frozenset)
    browsed: Browsed | None = None


def _search_entries(site: Path) -> int:
    for name, key in (("search/search_index.json", "docs"), ("search.json", "items")):
        if (site / name).is_file():
            return len(json.loads((site / name).read_text(encoding="utf-8"))[key])
    return 0


def measure(
    site: Path, seconds: float, reference: Path | None, notice: str, variant: Variant
) -> Measures:
    """What the build in `site` has, against the MkDocs build in `reference`."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    theirs = {p: read_page(site, p) for p in pages}
    ours = (
        {p: read_page(reference, p) for p in pages if (reference / p).is_file()}
        if reference is not None
        else theirs
    )

    def same(pick: Callable[[_Page], object]) -> int:
        return sum(1 for p in ours if pick(ours[p]) == pick(theirs[p]))

    listed = {"robots.txt", "sitemap.xml", "sitemap.xml.gz", "404.html", EXPORT}
    return Measures(
        pages=len(pages),
        seconds=seconds,
        size=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        same_pages=len(ours),
        same_text=same(_article),
        same_title=same(lambda page: page.title),
        same_nav=same(lambda page: page.nav),
        widget=sum(
            any(s.endswith("check.js") for s in page.scripts)
            and any(s.endswith("helpsite.css") for s in page.styles)
            for page in theirs.values()
        ),
        notice=sum(notice in _text(page.footer) for page in theirs.values()),
        open_graph=sum("og:title" in page.meta for page in theirs.values()),
        json_ld=sum(page.json_ld > 0 for page in theirs.values()),
        edit_to_data=sum(page.edit.endswith(".yml") for page in theirs.values()),
        search_entries=_search_entries(site),
        files=frozenset(n for n in listed if (site / n).is_file()),
        browsed=browse(site, variant, pages),
    )


def table(results: list[tuple[Variant, Measures, Measures]]) -> Iterator[str]:
    """A Markdown table: a column per build, each MkDocs build before the
    Zensical builds compared with it; counts are of pages."""
    columns: list[tuple[str, Measures, bool]] = []
    shown: set[bool] = set()
    for variant, ours, theirs in results:
        if variant.offline not in shown:
            shown.add(variant.offline)
            columns.append(("MkDocs, offline" if variant.offline else "MkDocs", ours, False))
        columns.append((f"Zensical, {variant.name}", theirs, True))
    lines: list[tuple[str, Callable[[Measures, bool], str]]] = [
        ("build, seconds", lambda m, z: f"{m.seconds:.1f}"),
        ("output, KB", lambda m, z: f"{m.size / 1024:,.0f}"),
        ("article text the same as MkDocs'", lambda m, z: str(m.same_text) if z else "-"),
        ("page title the same", lambda m, z: str(m.same_title) if z else "-"),
        ("navigation the same", lambda m, z: str(m.same_nav) if z else "-"),
        ("widget script and styles", lambda m, z: str(m.widget)),
        ("footer notice", lambda m, z: str(m.notice)),
        (
            "Open Graph tags, JSON-LD (`generator/theme/main.html`)",
            lambda m, z: f"{m.open_graph}, {m.json_ld}",
        ),
        ('"Suggest a correction" goes to the data file', lambda m, z: str(m.edit_to_data)),
        ("search index entries", lambda m, z: str(m.search_entries)),
        (f"dataset export (`{EXPORT}`)", lambda m, z: _yes(EXPORT in m.files)),
        (
            "`robots.txt`; sitemap",
            lambda m, z: f"{_yes('robots.txt' in m.files)}; {_sitemaps(m.files)}",
        ),
        (
            "guided check: answers work, kept in the address",
            lambda m, z: _yes(m.browsed is not None and m.browsed.check),
        ),
        ("search finds pages", lambda m, z: _searched(m)),
        ("console errors, all pages", lambda m, z: str(m.browsed.errors if m.browsed else "-")),
        ("requests to third parties", lambda m, z: _hosts(m)),
        ("pages where content became markup", lambda m, z: str(_injected(m))),
    ]
    if all(variant.query is None for variant, _, _ in results):
        lines = [line for line in lines if line[0] != "search finds pages"]
    yield "| what | " + " | ".join(name for name, _, _ in columns) + " |"
    yield "|---|" + "---|" * len(columns)
    for label, cell in lines:
        yield f"| {label} | " + " | ".join(cell(m, z) for _, m, z in columns) + " |"


def _yes(value: bool | None) -> str:
    return "yes" if value else "no"


def _searched(m: Measures) -> str:
    found = m.browsed.search if m.browsed else None
    return "-" if found is None else _yes(found)


def _hosts(m: Measures) -> str:
    return ", ".join(m.browsed.third_party) if m.browsed and m.browsed.third_party else "none"


def _injected(m: Measures) -> int:
    return m.browsed.injected if m.browsed else 0


def _sitemaps(files: frozenset[str]) -> str:
    return (
        ", ".join(n for n, f in (("xml", "sitemap.xml"), ("gz", "sitemap.xml.gz")) if f in files)
        or "none"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zensical", type=Path, default=ZENSICAL, help="the zensical command")
    parser.add_argument(
        "--readme", type=Path, help="also rewrite the <!-- zensical:start --> block of this file"
    )
    args = parser.parse_args(argv)
    zensical: Path = args.zensical.absolute()
    if not zensical.is_file():
        print(
            f"error: expected the zensical command at {zensical}, found nothing; "
            "`make engines-zensical` installs it",
            file=sys.stderr,
        )
        return 2
    version = subprocess.run(
        [str(zensical), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    out = [
        f"Made by `make engines-zensical` with Zensical {version}. Build times are the median of "
        f"{RUNS} cold builds on {os.cpu_count()} cores and vary from run to run."
    ]
    for title, variants in TABLES:
        results = []
        for variant in variants:
            results.append((variant, *build_and_measure(variant, zensical, title)))
            print(f"{title}, {variant.name}: built and measured", file=sys.stderr)
        pages = results[0][1].pages
        out += ["", f"{title} ({pages} pages; counts are pages out of {pages}):", ""]
        out += table(results)
    print("\n".join(out))
    if args.readme is not None:
        replace_block("zensical", "\n".join(out), args.readme)
        print(f"wrote the tables into {args.readme}", file=sys.stderr)
    return 0


def build_and_measure(variant: Variant, zensical: Path, table: str) -> tuple[Measures, Measures]:
    """The MkDocs build's measures, and the Zensical build's against it."""
    name = f"{table.split()[1]}-{variant.name}"
    folder = WORK / re.sub(r"[^a-z0-9]+", "-", name.lower())
    project = zensical_project(variant, folder / "project")
    reference = folder / "mkdocs-site"
    shutil.rmtree(reference, ignore_errors=True)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    mkdocs += ["-f", str(variant.config), "-d", str(reference)]
    mk_seconds = run(mkdocs, variant.config.parent, variant.offline)
    built = project.config.parent
    z_seconds = run([str(zensical), "build", "--clean"], built, variant.offline)
    ours = measure(reference, mk_seconds, None, project.notice, variant)
    return ours, measure(built / "site", z_seconds, reference, project.notice, variant)


if __name__ == "__main__":
    sys.exit(main())
