"""The MkDocs plugin: connects MkDocs' events to `pipeline`, and nothing more.

It keeps no state between builds: each build reads the dataset afresh in
`on_pre_build` and hands the result to `on_files` of the same build, which
takes it and clears it.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import posixpath
import re
import time
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, get_files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.export import EXPORT, EXPORT_SCHEMA, dataset_json, export_schema
from generator.i18n import DEFAULT, catalog, direction, language_name, og_locale
from generator.link import Guide
from generator.load import unsafe_entries
from generator.markup import Markup
from generator.pipeline import Result, build
from generator.problems import DatasetError, Pos, Problem, display_path
from generator.publish import LANGUAGE_VARIABLE, OFFLINE_VARIABLE, SHARED_VARIABLE
from generator.render.addresses import (
    UNRESOLVED_LINK,
    Options,
    Sites,
    resolve_links,
    resolver,
)
from generator.render.card import Card, CardError, read_card
from generator.render.frontmatter import escape_page_meta
from generator.render.navigation import LARGE_SITE_ABOVE, NAV_LIMIT, clashes, is_large, nav
from generator.render.pages import Page as GeneratedPage
from generator.render.problem_pages import problem_addresses, problem_page
from generator.render.structured import SITEMAP_INDEX, robots_txt, sitemap_index
from generator.render.templates import TEMPLATES
from generator.render.widget import widget_script
from generator.search import (
    WORKERS,
    lunr_folder,
    moved_name,
    record_texts,
    settings,
    summary_index,
    worker_script,
)
from generator.translations import languages

log = logging.getLogger("mkdocs.plugins.helpsite")
ASSETS = Path(__file__).parent / "assets"
CARD = ASSETS / "card.png"
CARD_URI = "assets/helpsite/card.png"
THEME = Path(__file__).parent / "theme"
"""Templates that extend the theme (mkdocs-material) for every site that uses the plugin."""
SHIM = Path(__file__).parent / "vendor" / "iframe-worker" / "shim.js"
"""The theme's offline search needs this shim; its offline plugin would load it from a CDN."""
SHIM_URI = "assets/helpsite/vendor/iframe-worker-shim.js"
WIDGET_URI = "assets/helpsite/check.js"
"""The guided check's script, one file made of its parts (`widget_script`)."""
OWN_ASSETS = "assets/helpsite/"
"""Where the plugin's own browser files go: the widget, its style sheet, the shim."""
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class _Count(c.Type[int]):
    """A whole number of things: 0 or more."""

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 0:
            raise ValidationError(f"expected a whole number of 0 or more, got {number}")
        return number


class HelpsiteConfig(Config):
    content = c.Type(str, default="content")
    """The dataset folder, relative to mkdocs.yml."""
    nav_limit = _Count(int, default=NAV_LIMIT)
    """A navigation section lists at most this many pages; beyond, only its index."""
    card = c.Optional(c.File(exists=True))
    """The link-preview image (PNG), relative to mkdocs.yml; else the generator's own."""
    large_site_above = _Count(int, default=LARGE_SITE_ABOVE)
    """Above this many record pages a site is large: search keeps only each one's
    title and summary, and the theme's instant navigation is off."""


def _instant_off(config: MkDocsConfig) -> bool:
    """The theme's instant navigation (and its progress bar, prefetching) off;
    whether it was on."""
    features = config.theme.get("features", [])
    kept = [f for f in features if not f.startswith("navigation.instant")]
    config.theme["features"] = kept
    return len(kept) < len(features)


class HelpsitePlugin(BasePlugin[HelpsiteConfig]):
    _result: Result | None = None
    """The pages of the build under way: set in on_pre_build, taken in on_files."""
    _guide: Guide | None = None
    _summaries: dict[str, tuple[str, ...]] | None = None
    """On a large site, each record page's text for the summary index (on_post_build)."""
    """The guide of the build under way, for the footer and the links of
    hand-written pages: set in on_files, cleared in on_pre_build and on_post_build."""
    _markup: Markup | None = None
    _reviewed: dict[str, date | None] = {}  # noqa: RUF012 - replaced, never changed, per build
    """Each generated page's review day, by docs path: set in on_files."""
    _sites: Sites | None = None
    """The site's languages and where each is published: set in on_config."""
    _card: Card | None = None
    """The link-preview image: set in on_config."""
    _serving = False
    """Whether this process is `mkdocs serve`: set in on_startup."""
    _broken: tuple[Problem, ...] = ()
    """While serving, what stops this build, shown in the browser: set in on_pre_build."""
    _broken_ids: Mapping[str, frozenset[str]] = {}
    """The record ids the broken dataset's file names give, for the pages' addresses."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def _stop(
        self,
        problems: Sequence[Problem],
        where: str = "the dataset",
        ids: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """Stop the build; while serving, show the problems in the browser instead,
        where the editor is looking (MkDocs would leave the page waiting)."""
        if not self._serving:
            raise PluginError(str(DatasetError(problems, where)))
        # At info level: the build goes on (strict mode stops at a warning) to
        # show the same lines in the browser.
        for problem in problems:
            log.info(str(problem))
        self._broken, self._broken_ids = tuple(problems), ids or {}

    def _read_card(self, config: MkDocsConfig) -> Card:
        path = Path(self.config.card) if self.config.card else CARD
        try:
            return read_card(path)
        except CardError as exc:
            shown = display_path(path, self._root(config))
            raise PluginError(
                f"{shown}: {exc}; set `card:` of the helpsite plugin in mkdocs.yml to a PNG "
                "image, or leave it out for the generator's own"
            ) from None

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").resolve().parent

    def _content(self, config: MkDocsConfig) -> Path:
        return self._root(config) / self.config.content

    @event_priority(50)  # before the theme's offline plugin, which adds its CDN shim otherwise
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.nav is not None:
            raise PluginError(
                "mkdocs.yml: expected no 'nav', got one; the helpsite plugin makes the "
                "navigation (a section per kind of record, then the hand-written pages): "
                "remove 'nav' from mkdocs.yml"
            )
        # The plugin's own theme templates (head tags and structured data, the
        # 404 page, the named search dialog, no outside requests) come after the
        # site's custom_dir, which can still override each, and before the theme.
        dirs = config.theme.dirs
        if str(THEME) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        if is_offline(config):
            # Links must name files: file:// serves no folder's index.html.
            config.use_directory_urls = False
            config.extra.setdefault("polyfills", [])
            config.extra["polyfills"].insert(0, SHIM_URI)
            # Instant navigation fetches pages, which browsers refuse under file://.
            _instant_off(config)
        for asset in sorted(ASSETS.glob("*.css")):
            config.extra_css.append(f"assets/helpsite/{asset.name}")
        config.extra_javascript.append(WIDGET_URI)
        self._card = self._read_card(config)
        self._sites = self._languages(config)
        self._search(config)
        return config

    def _search(self, config: MkDocsConfig) -> None:
        """Search in this build's language (`generator/search.py`), for what
        mkdocs.yml leaves to the theme. Runs before the search plugin's own
        on_config, which fills in only what is still unset."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is None or not hasattr(search.config, "pipeline"):
            return  # no search, or MkDocs' own, which this does not tune
        assert self._sites is not None
        wanted = settings(self._sites.current, lunr_folder(config.theme.dirs))
        if search.config.lang is None and wanted.lang is not None:
            search.config.lang = list(wanted.lang)
        if search.config.pipeline is None and wanted.pipeline is not None:
            search.config.pipeline = list(wanted.pipeline)
        if search.config.separator is None:
            search.config.separator = wanted.separator

    def _languages(self, config: MkDocsConfig) -> Sites:
        """One build makes one language: the dataset's (at the top), or the translation
        HELPSITE_LANGUAGE names (`generator build` makes each, under `<code>/`)."""
        default = config.theme.get("language") or DEFAULT
        codes = [default, *(c for c in languages(self._content(config)) if c != default)]
        wanted = os.environ.get(LANGUAGE_VARIABLE) or default
        if wanted not in codes:
            raise PluginError(
                f"{LANGUAGE_VARIABLE}={wanted!r}: expected one of {', '.join(codes)} (the "
                f"dataset's language and its translations in {self.config.content}/translations/)"
            )
        sites = Sites(default, wanted, tuple(codes), config.site_url or "")
        if wanted != default:
            # The theme's words, its search language and text direction follow.
            config.theme["language"] = wanted
            if config.site_url:
                config.site_url = sites.root + f"{wanted}/"
            pages = self._content(config) / "translations" / wanted / "pages"
            if pages.is_dir():
                config.docs_dir = str(pages)
        if len(codes) > 1:
            # Each language's home, from this language's: the theme links them in
            # every page's head, and its script reads their sitemaps.
            up = "" if wanted == default else "../"
            config.extra["alternate"] = [
                {"name": language_name(code), "link": up + sites.prefix(code) or "./", "lang": code}
                for code in codes
            ]
        return sites

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Runs before MkDocs empties the site folder, so a broken dataset stops
        # the build while the last good site is still there.
        self._result = self._guide = None
        self._summaries = None
        self._broken = ()
        root = self._root(config)
        # MkDocs copies every file of the pages folder into the site, following
        # links: a pull request's link to a file elsewhere on the build machine
        # would be published. Checked before MkDocs lists the folder.
        unsafe = unsafe_entries(Path(config.docs_dir), root)
        if unsafe:
            return self._stop(unsafe, "the hand-written pages")
        start = time.perf_counter()
        assert self._sites is not None, "on_config runs first"
        language = self._sites.current
        result = build(
            self._content(config),
            root,
            Options(
                directory_urls=config.use_directory_urls,
                site_url=config.site_url or "",
                reports=issue_form(config.repo_url),
                language=language,
            ),
            language=None if language == self._sites.default else language,
        )
        seconds = time.perf_counter() - start
        if not result.ok or result.guide is None:
            return self._stop(result.problems, ids=result.dataset.ids)
        # Checked here, not in on_files, which runs after MkDocs has emptied site/.
        handwritten = {f.src_uri: f for f in get_files(config).documentation_pages()}
        taken = clashes(result.pages, list(handwritten), config.use_directory_urls)
        if taken:
            problems = clash_problems(taken, handwritten, root)
            return self._stop(problems, "the hand-written pages", result.dataset.ids)
        for problem in result.problems:
            # A translation in progress shows in English, marked; `check` reports it.
            quiet = problem in result.translation_problems and problem.severity == "warning"
            (log.info if quiet else log.warning)(str(problem))
        texts = record_texts(result.guide, config.use_directory_urls)
        large = is_large(len(texts), self.config.large_site_above)
        self._summaries = texts if large else None
        if large and _instant_off(config):
            # Its sitemap, a line per page, would be every visitor's first download.
            log.info(
                f"helpsite: {len(texts)} record pages, more than large_site_above "
                f"({self.config.large_site_above}): the theme's instant navigation is off"
            )
        # The benchmark reads this line: the generator's share of this very build.
        log.info(f"helpsite: {len(result.pages)} pages generated in {seconds:.3f} seconds")
        self._result = result

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self._broken:
            shown = problem_page(self._broken)
            for path in problem_addresses(self._broken_ids):
                if files.get_file_from_path(path) is None:
                    files.append(File.generated(config, path, content=shown))
            for asset in self._assets(config):  # every page names them
                files.append(asset)
            return files
        result, self._result = self._result, None
        assert result is not None and result.guide is not None, "on_pre_build runs first"
        root = self._root(config)

        handwritten = []
        for f in files.documentation_pages():
            if f.abs_src_path:
                f.edit_uri = display_path(Path(f.abs_src_path), root)
            handwritten.append(f.src_uri)
        navigation = nav(result.pages, handwritten, self.config.nav_limit)
        for page in result.pages:
            inclusion = (
                InclusionLevel.NOT_IN_NAV
                if page.path in navigation.hidden
                else InclusionLevel.UNDEFINED
            )
            generated = File.generated(
                config, page.path, content=page.markdown, inclusion=inclusion
            )
            generated.edit_uri = page.source
            files.append(generated)
        for asset in self._assets(config):
            files.append(asset)
        self._wrap_search_worker(files, config)

        # The dataset as data, for other tools, at addresses that stay.
        files.append(File.generated(config, EXPORT, content=dataset_json(result.guide)))
        files.append(File.generated(config, EXPORT_SCHEMA, content=export_schema()))
        if is_offline(config):
            files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
        assert self._sites is not None
        # Crawlers read robots.txt at the host's root only: the dataset's language's
        # names the sitemap index over every language.
        root_build = self._sites.current == self._sites.default
        if root_build and config.site_url and files.get_file_from_path("robots.txt") is None:
            index = SITEMAP_INDEX if len(self._sites.codes) > 1 else "sitemap.xml"
            files.append(
                File.generated(config, "robots.txt", content=robots_txt(config.site_url, index))
            )
        if root_build and len(self._sites.codes) > 1 and self._sites.root:
            files.append(File.generated(config, SITEMAP_INDEX, content=sitemap_index(self._sites)))
        config.nav = navigation.entries
        if result.guide.settings.name:  # in the build's language
            config.site_name = result.guide.settings.name
        self._guide = result.guide
        self._reviewed = {page.path: page.reviewed for page in result.pages}
        self._markup = Markup()
        return files

    def _wrap_search_worker(self, files: Files, config: MkDocsConfig) -> None:
        """The theme's search worker, under its own name, becomes the wrapper that
        stems typed words (`assets/search/worker.js`); the worker moves beside it."""
        for theme_worker in [f for f in files if f.src_uri.startswith(WORKERS)]:
            name = theme_worker.src_uri.removeprefix(WORKERS)
            if not (name.startswith("search.") and name.endswith(".min.js")):
                continue
            files.remove(theme_worker)
            moved = WORKERS + moved_name(name)
            files.append(File.generated(config, moved, content=theme_worker.content_bytes))
            wrapper = worker_script(moved_name(name))
            files.append(File.generated(config, theme_worker.src_uri, content=wrapper))

    def _assets(self, config: MkDocsConfig) -> list[File]:
        """The widget's script and styles and the link-preview card."""
        assert self._card is not None, "on_config runs first"
        styles = [
            File.generated(config, f"assets/helpsite/{asset.name}", abs_src_path=str(asset))
            for asset in sorted(ASSETS.glob("*.css"))
        ]
        return [
            *styles,
            File.generated(config, WIDGET_URI, content=widget_script()),
            File.generated(config, CARD_URI, content=self._card.data),
        ]

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by is None:  # hand-written; generated pages come escaped
            page.meta = escape_page_meta(page.meta)
        # The sitemap's lastmod: when the page's facts were last checked, not when
        # it was built (hand-written pages: the guide's latest check). Set here:
        # MkDocs writes the sitemap after reading every page, before rendering any.
        if self._broken:
            return markdown
        assert self._guide is not None, "on_files runs first"
        reviewed = self._reviewed.get(page.file.src_uri) or self._guide.last_reviewed
        page.update_date = reviewed.isoformat()
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Hand-written pages may link to records as content does (`cause:ID`)."""
        if page.file.generated_by is not None or self._guide is None:
            return html
        resolve = resolver(page.file.src_uri, config.use_directory_urls)
        return resolve_links(html, resolve, self._guide.has)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        # The theme prints the copyright in every page's footer as it is, so
        # the notice's links are made relative to each page in turn.
        config.copyright = self._notice(page.file.src_uri, config)
        # The same page in the site's other languages: the switcher and hreflang.
        assert self._sites is not None
        context["hs_language"] = self._sites.current  # type: ignore[typeddict-unknown-key]
        context["hs_offline"] = is_offline(config)  # type: ignore[typeddict-unknown-key]
        context["hs_has_check"] = self._has_check()  # type: ignore[typeddict-unknown-key]
        assert self._card is not None
        context["hs_card"] = {  # type: ignore[typeddict-unknown-key]
            "url": self._sites.root + CARD_URI if self._sites.root else None,
            "width": self._card.width,
            "height": self._card.height,
        }
        context["hs_languages"] = [  # type: ignore[typeddict-unknown-key]
            {
                "lang": code,
                "name": language_name(code),
                "link": link,
                "href": href,
                "locale": og_locale(code),
            }
            for (code, link), (_, href) in zip(
                self._sites.links(page.url), self._sites.absolute(page.url), strict=True
            )
        ]
        return context

    @event_priority(-100)  # after every plugin's on_files: the build's files are final
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        # The plugin's theme templates have words of their own ("Suggest a
        # correction", the 404 page's): in the language of this build.
        assert self._sites is not None
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(catalog(self._sites.current), newstyle=True)
        if os.environ.get(SHARED_VARIABLE) == "true" and self._sites.current != self._sites.default:
            self._share(env, config, files)
        return env

    def _share(self, env: Any, config: MkDocsConfig, files: Files) -> None:
        """Use the root site's copies of the theme's and the plugin's files.

        `generator build` builds the dataset's language into the site's root first,
        then each translation into `<code>/` below it (SHARED_VARIABLE). Those files
        are the same in every language (the same theme, the same plugin; search
        picks its language from each language's own index), so a translation's
        pages name the root's copies and it writes none: a visitor's browser keeps
        one copy for every language, and the site and the offline zip hold one.
        As the theme's own projects plugin does ("hoisting"), through the two
        filters the theme writes every such address with, `url` and `script_tag`.
        Only files the root has byte for byte are left out; should any differ, this
        build keeps all of its own, and its pages name those.
        """
        theme_dirs = {os.path.realpath(folder) for folder in config.theme.dirs}
        candidates = [
            f
            for f in files
            if not f.is_documentation_page()
            and (
                (f.generated_by is None and f.src_dir and os.path.realpath(f.src_dir) in theme_dirs)
                or (f.generated_by is not None and f.src_uri.startswith((OWN_ASSETS, WORKERS)))
            )
        ]
        root = Path(config.site_dir).parent
        for f in candidates:
            at_root_copy = root / f.dest_uri
            if not at_root_copy.is_file() or at_root_copy.read_bytes() != f.content_bytes:
                log.info(
                    f"helpsite: {f.dest_uri} is not in the root site ({root}) byte for byte; "
                    "this language keeps its own copy of the theme's files"
                )
                return
        for f in candidates:
            files.remove(f)
        shared = frozenset(f.src_uri for f in candidates)
        log.info(f"helpsite: {len(shared)} files of the theme and the plugin used from the root")
        url, script_tag = env.filters["url"], env.filters["script_tag"]

        def at_root(context: Context, path: str) -> str:
            """The root's copy of `path` (`assets/...`), as the filters take it: from a
            page, one folder above this language's root (MkDocs puts a leading `../`
            before the page's own way up); from a template without a page (404.html,
            served at any address), by its base, this language's path from the host's
            root (`/ru`), which the filters leave as it is."""
            if context["page"] is not None:
                return "../" + path
            return posixpath.normpath(posixpath.join(context["base_url"], "..", path))

        @pass_context
        def shared_url(context: Context, value: Any) -> str:
            path = str(value)
            return str(url(context, at_root(context, path) if path in shared else value))

        @pass_context
        def shared_script_tag(context: Context, script: Any) -> Any:
            path = str(script)
            if path not in shared:
                return script_tag(context, script)
            if isinstance(script, str):  # the theme's polyfills are plain paths
                return script_tag(context, at_root(context, path))
            moved = copy.copy(script)  # an ExtraScriptValue: type, defer, async kept
            moved.path = at_root(context, path)
            return script_tag(context, moved)

        env.filters["url"] = shared_url
        env.filters["script_tag"] = shared_script_tag

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        config.copyright = self._notice(None, config)  # 404.html, served at any address
        context["hs_sites"] = self._sites  # type: ignore[typeddict-unknown-key] # the sitemap
        context["hs_offline"] = is_offline(config)  # type: ignore[typeddict-unknown-key]
        context["hs_has_check"] = self._has_check()  # type: ignore[typeddict-unknown-key]
        return context

    def _has_check(self) -> bool:
        """Whether the site has a guided check: a dataset without questions has none,
        nor has a broken one, whose problem pages `mkdocs serve` shows instead."""
        return self._guide is not None and self._guide.flow is not None

    def _notice(self, from_path: str | None, config: MkDocsConfig) -> str:
        if self._broken:
            return ""
        assert self._guide is not None and self._markup is not None, "on_files runs first"
        root = urlsplit(config.site_url or "/").path or "/"
        resolve = resolver(from_path, config.use_directory_urls, root)
        return self._markup.render(self._guide.settings.notice, resolve).html

    def _in_language(self, output: str) -> str:
        """An HTML page of this build, as every page of it is served: pages and
        the theme's own (404.html) alike."""
        assert self._sites is not None
        # The theme's language names a catalog of its own words, `pt` for `pt-BR`;
        # the page says which language it is in exactly, and its direction on the
        # root element, where assistive tools and `document.dir` look (the theme
        # sets it on <body> only).
        current = self._sites.current
        output = re.sub(
            r'<html lang="[^"]*"',
            f'<html lang="{current}" dir="{direction(current)}"',
            output,
            count=1,
        )
        # The theme's instant navigation fetches and reads the sitemap of every
        # language these links name, on every page load: eight requests and a
        # tenth of a second of a phone's time, and then it would swap a page of
        # another language in without that language's search. The sitemaps name
        # each page's languages for search engines instead (`theme/sitemap.xml`);
        # the language list in the header stays, and file:// would refuse the
        # fetches anyway.
        return ALTERNATE_LINK.sub("", output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content  # sitemap.xml and the like
        return self._in_language(output_content)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = self._in_language(output)
        left = UNRESOLVED_LINK.search(output)
        if left is not None and not self._broken:
            where = page.file.abs_src_path or page.file.src_uri
            shown = (
                display_path(Path(where), self._root(config)) if page.file.abs_src_path else where
            )
            raise PluginError(
                f"{shown}: a link to '{left.group(1)}' is left in the built page; expected "
                "the id of an existing record, e.g. [text](cause:ID) with ID a file name in "
                "causes/ without `.yml`"
            )
        return output

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._guide = None
        texts, self._summaries = self._summaries, None
        index = Path(config.site_dir) / "search" / "search_index.json"
        if not index.is_file():
            return
        if texts is not None:
            full = json.loads(index.read_text(encoding="utf-8"))
            # As the search plugin writes it: ASCII, no spaces.
            reduced = json.dumps(summary_index(full, texts), separators=(",", ":"))
            index.write_text(reduced, encoding="utf-8")
        if is_offline(config):
            # Under file:// the theme loads the search index as a script, not by
            # fetch(): what the theme's offline plugin does, for a config without
            # it, and from the index as reduced above whichever of the two runs first.
            script = f"var __index = {index.read_text(encoding='utf-8')}"
            index.with_suffix(".js").write_text(script, encoding="utf-8")

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._content(config)))
        server.watch(str(TEMPLATES))
        server.watch(str(ASSETS))
        server.watch(str(THEME))
        return server


def clash_problems(
    taken: list[tuple[str, GeneratedPage]], files: dict[str, File], root: Path
) -> list[Problem]:
    """One problem per hand-written page that a generated page would replace."""
    out = []
    for path, page in taken:
        source = files[path].abs_src_path
        shown = display_path(Path(source), root) if source else path
        address = files[path].url or "/"
        out.append(
            Problem(
                Pos(shown, 1, 1),
                f"this page's address ({address}) belongs to the generated page "
                f"'{page.title}'; rename or move the file",
            )
        )
    return out


def issue_form(repo_url: str | None) -> str:
    """Where a new issue is opened on the site's repository, if it is on GitHub
    (whose issue forms take their fields from the address)."""
    parts = urlsplit(repo_url or "")
    path = parts.path.strip("/").removesuffix(".git")
    if parts.scheme != "https" or parts.hostname != "github.com" or path.count("/") != 1:
        return ""
    return f"https://github.com/{path}/issues/new"


def is_offline(config: MkDocsConfig) -> bool:
    """Whether this build is for file://."""
    # `generator bundle` asks for it whether or not the config names the theme's
    # offline plugin.
    return theme_offline(config) or os.environ.get(OFFLINE_VARIABLE) == "true"


def theme_offline(config: MkDocsConfig) -> bool:
    """Whether the theme's offline plugin is on."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline is not None and offline.config.enabled)
