"""What the theme's search is given: the search settings of each language's
build, the worker wrapper that stems typed words, and the index of a large site
(above `LARGE_SITE_ABOVE` record pages): one entry per record page, its title
and summary, so that the first search result on a site of thousands of records
costs a visitor a download of kilobytes, not megabytes. Fast: no browser, no
MkDocs build (the build's own, and searches in Chromium, are in test_search.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import material
import pytest

from generator.pipeline import build
from generator.render.navigation import LARGE_SITE_ABOVE, is_large
from generator.search import (
    SEPARATOR,
    THEME_WORKER,
    WRAPPER,
    Settings,
    lunr_folder,
    moved_name,
    record_texts,
    settings,
    summary_index,
    worker_script,
)
from tests.conftest import HOUSEPLANTS, ROOT

MATERIAL = Path(material.__file__).parent / "templates"
"""The theme's folder, which holds lunr's language files."""
HELPSITE_THEME = ROOT / "generator" / "theme"
"""The plugin's own templates, a theme folder before the theme's, without lunr's files."""
STEMMED = ("stemmer", "stopWordFilter")

CONFIG = {"lang": ["en"], "separator": "[\\s]+", "pipeline": ["stemmer"], "fields": {}}


def index(*docs: dict[str, Any]) -> dict[str, Any]:
    return {"config": CONFIG, "docs": list(docs)}


def test_a_record_page_keeps_one_entry_its_title_and_summary() -> None:
    full = index(
        {"location": "causes/x/", "title": "Too wet", "text": "<p>Roots rot.</p> <p>More</p>"},
        {"location": "causes/x/#why-it-happens", "title": "Why it happens", "text": "<p>Long</p>"},
        {"location": "causes/x/#what-to-do", "title": "What to do", "text": "<ol>...</ol>"},
    )
    reduced = summary_index(full, {"causes/x/": ("The roots sit in water.",)})
    assert reduced == index(
        {"location": "causes/x/", "title": "Too wet", "text": "<p>The roots sit in water.</p>"}
    )


def test_hand_written_pages_and_other_records_keep_every_entry() -> None:
    kept = [
        {"location": "", "title": "Home", "text": "<p>Welcome</p>"},
        {"location": "#why-it-happens", "title": "Why it happens", "text": "<p>Why</p>"},
        {"location": "about/", "title": "About", "text": "<p>Us</p>"},
        {"location": "about/#contact", "title": "Contact", "text": "<p>Mail</p>"},
        {"location": "causes/xy/", "title": "Another", "text": "<p>Not a record here</p>"},
        {"location": "causes/xy/#signs", "title": "Signs", "text": "<p>Spots</p>"},
    ]
    reduced = summary_index(index(*kept), {"causes/x/": ("A summary.",)})
    assert reduced["docs"] == kept
    assert reduced["config"] == CONFIG


def test_the_pages_after_a_record_page_keep_their_entries_in_order() -> None:
    full = index(
        {"location": "causes/x/", "title": "Too wet", "text": "<p>Long</p>"},
        {"location": "causes/x/#signs", "title": "Signs", "text": "<p>Spots</p>"},
        {"location": "about/", "title": "About", "text": "<p>Us</p>"},
        {"location": "causes/y/", "title": "Too dry", "text": "<p>Long</p>"},
    )
    texts = {"causes/x/": ("Roots rot.",), "causes/y/": ("Leaves curl.",)}
    assert summary_index(full, texts)["docs"] == [
        {"location": "causes/x/", "title": "Too wet", "text": "<p>Roots rot.</p>"},
        {"location": "about/", "title": "About", "text": "<p>Us</p>"},
        {"location": "causes/y/", "title": "Too dry", "text": "<p>Leaves curl.</p>"},
    ]


def test_the_summary_is_escaped_and_its_whitespace_collapsed_as_the_search_plugin_does() -> None:
    full = index({"location": "causes/x.html", "title": "T", "text": ""})
    reduced = summary_index(full, {"causes/x.html": ('Tom & <Jerry>\'s\n  "cat"',)})
    assert reduced["docs"][0]["text"] == '<p>Tom &amp; &lt;Jerry&gt;\'s "cat"</p>'


def test_the_entry_keeps_its_boost_and_a_symptom_its_messages() -> None:
    full = index(
        {"location": "symptoms/s/", "title": "T", "text": "<p>Long</p>", "boost": 2.5},
        {"location": "symptoms/s/#signs", "title": "Signs", "text": "<p>x</p>"},
    )
    texts = {"symptoms/s/": ("Leaves turn yellow.", "The lower leaves are turning yellow")}
    assert summary_index(full, texts)["docs"] == [
        {
            "location": "symptoms/s/",
            "title": "T",
            "text": "<p>Leaves turn yellow.</p> <p>The lower leaves are turning yellow</p>",
            "boost": 2.5,
        }
    ]


def test_only_a_site_with_more_record_pages_than_the_limit_is_large() -> None:
    assert not is_large(LARGE_SITE_ABOVE)
    assert is_large(LARGE_SITE_ABOVE + 1)
    assert is_large(1, above=0)


def test_every_record_page_is_named_at_its_address_with_its_summary() -> None:
    guide = build(HOUSEPLANTS / "content", HOUSEPLANTS).guide
    assert guide is not None
    texts = record_texts(guide, directory_urls=True)
    pages = [*guide.symptoms, *guide.causes, *guide.remedies]
    assert len(texts) == len(pages) == 7
    cause = guide.cause("overwatering")
    assert texts["causes/overwatering/"] == (cause.summary,)
    symptom = guide.symptom("yellow-leaves")
    assert texts["symptoms/yellow-leaves/"] == (
        symptom.summary,
        "The lower leaves are turning yellow",
    )
    remedy = guide.remedy("let-soil-dry")
    assert record_texts(guide, directory_urls=False)["remedies/let-soil-dry.html"] == (
        remedy.summary,
    )


def test_a_translated_site_s_entries_are_in_its_language() -> None:
    guide = build(ROOT / "content", ROOT, language="ru").guide
    assert guide is not None
    texts = record_texts(guide, directory_urls=True)
    summary = texts["causes/too-many-disputes/"][0]
    assert summary == guide.cause("too-many-disputes").summary
    assert any("\u0400" <= ch <= "\u04ff" for ch in summary), summary
    assert "Данный аккаунт был упразднен" in " ".join(texts["symptoms/account-terminated/"])


def test_lunr_s_language_files_are_found_in_the_first_theme_folder_that_has_them() -> None:
    lunr = lunr_folder([str(HELPSITE_THEME), str(MATERIAL)])
    assert lunr == MATERIAL / "assets" / "javascripts" / "lunr" / "min"
    assert (lunr / "lunr.ru.min.js").is_file()
    assert lunr_folder([str(HELPSITE_THEME)]) is None


def test_a_build_searches_in_its_language_where_lunr_has_it() -> None:
    lunr = lunr_folder([str(MATERIAL)])
    assert settings("ru", lunr) == Settings(("ru",), STEMMED, SEPARATOR)
    assert settings("ar", lunr) == Settings(("ar",), STEMMED, SEPARATOR)
    assert settings("pt-BR", lunr) == Settings(("pt",), STEMMED, SEPARATOR)  # lunr's name
    assert settings("en", lunr) == Settings(("en",), STEMMED, SEPARATOR)


def test_a_language_lunr_lacks_keeps_the_theme_s_search_with_the_site_s_separator() -> None:
    """Polish: no stemmer, so words match as typed, from their start (README,
    "Languages"); without lunr's files (None) only English, built into lunr, is known."""
    assert settings("pl", lunr_folder([str(MATERIAL)])) == Settings(None, None, SEPARATOR)
    assert settings("ru", None) == Settings(None, None, SEPARATOR)
    assert settings("en", None) == Settings(("en",), STEMMED, SEPARATOR)


@pytest.mark.usefixtures("latin1_locale")
def test_the_wrapper_is_served_as_written_and_loads_the_moved_theme_worker() -> None:
    """The wrapper takes the theme's worker's name, and the theme's worker moves
    beside it under another name, which the wrapper loads; on any machine (its
    comments are not ASCII)."""
    moved = moved_name("search.a7633da7.min.js")
    assert moved == "search.a7633da7.theme.min.js"
    script = worker_script(moved)
    assert 'importScripts(new URL("search.a7633da7.theme.min.js", here).href)' in script
    expected = WRAPPER.read_bytes().replace(THEME_WORKER.encode(), moved.encode())
    assert script.encode("utf-8") == expected
