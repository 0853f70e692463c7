"""One copy of the theme's and the widget's files for every language: the site and the
offline zip hold them once, at the root (`assets/`), and every language's pages name
that copy. (In the browser, every language over http and from the zip:
tests/test_languages_browser.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import subprocess
import sys
import zipfile
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from generator.publish import LANGUAGE_VARIABLE, SHARED_VARIABLE
from generator.translations import languages
from tests.conftest import ROOT

TRANSLATIONS = languages(ROOT / "content")
PUBLISHED_IN_EACH_LANGUAGE = "data/dataset.schema.json"
"""The one file stored once per language on purpose: the published dataset's schema,
at each language's address that other tools read it from (`data/`)."""


def site_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def zip_files(bundle: Path) -> dict[str, bytes]:
    """The zip's files by path below its one top folder."""
    with zipfile.ZipFile(bundle) as archive:
        return {
            name.split("/", 1)[1]: archive.read(name)
            for name in archive.namelist()
            if not name.endswith("/")
        }


def stored_twice(files: dict[str, bytes]) -> list[list[str]]:
    """Paths that hold the same bytes, a list per content stored more than once."""
    by_content: dict[str, list[str]] = defaultdict(list)
    for path, data in files.items():
        by_content[hashlib.sha256(data).hexdigest()].append(path)
    return sorted(paths for paths in by_content.values() if len(paths) > 1)


def assert_one_copy_of_each_theme_file(files: dict[str, bytes]) -> None:
    theme = sorted(path for path in files if path.startswith("assets/"))
    # The theme's style sheet and scripts, the search worker and the stemmers, the widget.
    assert len(theme) > 40, theme
    for expected in ("assets/helpsite/check.js", "assets/helpsite/helpsite.css"):
        assert expected in theme
    assert any(p.startswith("assets/javascripts/lunr/min/lunr.ru.") for p in theme)
    for code in TRANSLATIONS:
        own = sorted(path for path in files if path.startswith(f"{code}/assets/"))
        assert own == [], f"{code}/ has its own copy of the theme's files"
        assert f"{code}/index.html" in files
        assert f"{code}/search/search_index.json" in files  # its own search, in its language
    schema = [f"{code}/{PUBLISHED_IN_EACH_LANGUAGE}" for code in TRANSLATIONS]
    assert stored_twice(files) == [sorted([PUBLISHED_IN_EACH_LANGUAGE, *schema])]


def test_the_site_holds_one_copy_of_each_theme_file(real_site: Path) -> None:
    assert_one_copy_of_each_theme_file(site_files(real_site))


def test_the_zip_holds_one_copy_of_each_theme_file(bundle: Path) -> None:
    assert_one_copy_of_each_theme_file(zip_files(bundle))


class _Named(HTMLParser):
    """What a page loads: style sheets, icons, scripts, images, and the search
    worker the theme's script starts (its address is in the page's `__config`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") in ("stylesheet", "icon"):
            self.urls.append(values.get("href") or "")
        elif tag in ("script", "img") and values.get("src"):
            self.urls.append(values["src"] or "")
        self._config = tag == "script" and values.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._config:
            self.urls.append(json.loads(data)["search"])
            self._config = False


def loads(html: str) -> list[str]:
    """The addresses of the files a page loads, as the page writes them."""
    named = _Named()
    named.feed(html)
    return named.urls


def missing_files(files: dict[str, bytes]) -> list[str]:
    """Every file a page loads that the site does not hold, as `page -> address`."""
    missing = []
    for page in (p for p in files if p.endswith(".html")):
        for url in loads(files[page].decode("utf-8")):
            if url.startswith("/"):  # 404.html, served at any address: from the host's root
                target = url.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), url))
            if target not in files:
                missing.append(f"{page} -> {url}")
    return missing


def test_every_file_the_site_s_pages_load_is_in_the_site(real_site: Path) -> None:
    files = site_files(real_site)
    assert missing_files(files) == []
    ru = loads(files["ru/causes/too-many-disputes/index.html"].decode("utf-8"))
    assert "../../../assets/javascripts/workers/" in " ".join(ru)


def test_every_file_the_zip_s_pages_load_is_in_the_zip(bundle: Path) -> None:
    assert missing_files(zip_files(bundle)) == []


def test_a_language_built_alone_keeps_its_own_copy(tmp_path: Path) -> None:
    """The root's copies are used only where the root has them, byte for byte: a
    translation built below a folder with no root site in it is whole by itself."""
    out = tmp_path / "site" / "ru"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.update({LANGUAGE_VARIABLE: "ru", SHARED_VARIABLE: "true"})
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "this language keeps its own copy of the theme's files" in done.stderr
    files = site_files(tmp_path / "site")
    assert "ru/assets/helpsite/check.js" in files
    assert missing_files(files) == []
