"""Search in the reader's language: what the theme's search (mkdocs-material's
lunr) is given for each language's build, and its worker, wrapped.

The theme takes its search settings from its own translation of the build's
language, and falls back to English for what a translation leaves out: Arabic
and Korean get no search language of their own (so no Arabic stemmer), and no
language has a stemmer switched on (the theme's default pipeline is the stop
word filter alone). Word separators are whitespace and hyphens only, so a word
in quotes or before a comma (`«Данный`, `“This`, `مرور،`) is indexed with its
punctuation and is not found by the word alone.

Each build here sets, unless mkdocs.yml sets them itself:

- `lang`: the build's language where lunr has it (`pt-BR` is lunr's `pt`); a
  language lunr lacks (Polish) keeps the theme's choice: English settings with
  stemming and stop words off, so words match as typed, from their start.
- `pipeline`: the language's stemmer and stop words. Never lunr's trimmer: it
  strips every letter outside the language's own script from a word's ends,
  so that `AliExpress` in Russian text would vanish.
- `separator`: whitespace, dashes and the punctuation of the site's scripts.

The theme makes every typed word a prefix (`заказов*`), so that a word is found
while it is typed, and lunr does not stem a word with a wildcard: with the
index stemmed (`заказам` as `заказ`), `заказов` would find nothing. The
worker wrapper (`assets/search/worker.js`) stems the typed words as the index's
words are stemmed.

The index holds the text of every page, and a visitor who searches downloads
all of it. On a large site (`render.navigation.LARGE_SITE_ABOVE` record pages),
a record's page keeps one entry, its title and summary (`summary_index`), and
not one per section: a visitor who searches downloads the whole index before
the first result shows (2 MB gzipped at 5,000 causes in full, a tenth of it so),
and a title and a summary are what a result shows and what visitors type (a
cause's name, the message).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from generator.link import Guide
from generator.render.addresses import page_url, record_path
from generator.schema import KINDS, Record, Symptom

LUNR = Path("assets") / "javascripts" / "lunr" / "min"
"""Where the theme keeps lunr's language files, in its folder."""
WORKERS = "assets/javascripts/workers/"
"""Where the theme keeps its search worker, which finds lunr's files from there."""
WRAPPER = Path(__file__).parent / "assets" / "search" / "worker.js"
THEME_WORKER = "__THEME_WORKER__"
"""In the wrapper, the name of the theme's worker, which it loads."""

PIPELINE = ("stemmer", "stopWordFilter")

SEPARATOR = (
    r"[\s\-\u2010-\u2015.,;:!?\u00a1\u00bf()\[\]{}\"'`"
    r"\u00ab\u00bb\u2039\u203a\u2018-\u201f\u2026\u00b7\u2022/"
    r"\u060c\u061b\u061f\u06d4\u3001\u3002\uff01\uff0c\uff0e\uff1a\uff1b\uff1f]+"
    r"|&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);"
)
"""Between words, as a JavaScript regular expression (the theme's worker reads it
without the `u` flag, so characters are written as `\\u` escapes): whitespace,
hyphens and dashes, Latin punctuation with Spanish ¡¿, quotation marks (guillemets,
single and double, and the curly ones), the ellipsis and middle dots, the Arabic comma, semicolon,
question mark and full stop, CJK punctuation; and HTML entities whole (the
index holds the text's `<`, `>` and `&`, and a title's `'`, as entities, whose
`;` must not end a word: the theme's highlighting would split the entity).
Apostrophes too, straight and curly: `l'adresse` is found by `adresse`. No `|`
inside the brackets: the theme's highlighter splits the expression at each `|`."""


@dataclass(frozen=True)
class Settings:
    """What a language's build gives the search plugin; None leaves the theme's."""

    lang: tuple[str, ...] | None
    pipeline: tuple[str, ...] | None
    separator: str


def settings(language: str, lunr: Path | None) -> Settings:
    """The search settings for a build in `language`, with the theme's lunr
    language files in `lunr` (None: none found)."""
    primary = language.split("-")[0].lower()
    known = primary == "en" or (lunr is not None and (lunr / f"lunr.{primary}.min.js").is_file())
    if not known:
        return Settings(None, None, SEPARATOR)
    return Settings((primary,), PIPELINE, SEPARATOR)


def lunr_folder(theme_dirs: list[str]) -> Path | None:
    """The first of the theme's folders with lunr's language files."""
    for folder in theme_dirs:
        if (Path(folder) / LUNR).is_dir():
            return Path(folder) / LUNR
    return None


def worker_script(theme_worker: str) -> str:
    """The wrapper that the site serves in place of the theme's worker, which it
    loads from `theme_worker` (a name in the same folder)."""
    return WRAPPER.read_text(encoding="utf-8").replace(THEME_WORKER, theme_worker)


def moved_name(name: str) -> str:
    """Where the theme's worker goes when the wrapper takes its name:
    `search.a7633da7.min.js` -> `search.a7633da7.theme.min.js`."""
    return name.removesuffix(".min.js") + ".theme.min.js"


def record_texts(guide: Guide, directory_urls: bool) -> dict[str, tuple[str, ...]]:
    """Each record page's address in the search index (as MkDocs gives it), and
    the plain text its one entry keeps: the record's summary; a symptom's also
    its messages as the platform shows them, which visitors paste."""
    texts: dict[str, tuple[str, ...]] = {}
    for kind in KINDS.values():
        if kind.section is None:
            continue
        records: tuple[Record, ...] = getattr(guide, kind.folder)
        for record in records:
            text: list[str] = [getattr(record, "summary", "")]
            if isinstance(record, Symptom):
                text += [m.text for m in record.messages]
            location = page_url(record_path(kind.folder, record.id), directory_urls)
            texts[location] = tuple(t for t in text if t)
    return texts


def summary_index(index: Mapping[str, Any], texts: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The search plugin's index (`{config, docs}`, a doc per page and per section
    `page/#anchor`) with each record page's in `texts` (`record_texts`) reduced to
    its page's entry, whose text becomes those paragraphs, escaped as the plugin
    escapes a page's text; other pages' entries stay as they are, in order."""
    docs = []
    for doc in index["docs"]:
        page, hash_sign, _ = str(doc["location"]).partition("#")
        if page in texts:
            if hash_sign:  # one of the page's sections
                continue
            paragraphs = (escape(" ".join(text.split()), quote=False) for text in texts[page])
            doc = {**doc, "text": " ".join(f"<p>{p}</p>" for p in paragraphs)}
        docs.append(doc)
    return {**index, "docs": docs}
