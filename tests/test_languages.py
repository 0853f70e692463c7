"""The site in its visitors' languages: catalogs, translations, one site per language."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator.i18n import LOCALES, locale
from generator.translations import languages
from tests.conftest import ROOT

METHODS = [
    ("**.py", "python"),
    ("templates/**.j2", "jinja2"),
    ("theme/**.html", "jinja2"),
]


def used_words() -> set[str]:
    """Every word of the generator's, as `make catalogs` extracts them."""
    found = extract_from_dir(
        ROOT / "generator",
        METHODS,
        options_map={
            "templates/**.j2": {"extensions": "jinja2.ext.i18n"},
            "theme/**.html": {"extensions": "jinja2.ext.i18n"},
        },
        keywords={"_": None, "gettext": None, "N_": None},
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def test_every_language_of_the_dataset_has_every_word_of_the_generator() -> None:
    words = used_words()
    assert len(words) > 80
    shipped = languages(ROOT / "content")
    assert shipped, "the dataset has translations"
    for language in shipped:
        po = LOCALES / locale(language) / "LC_MESSAGES" / "messages.po"
        assert po.is_file(), f"no catalog for {language}: run `make catalogs` and translate it"
        with po.open("rb") as source:
            catalog = read_po(source)
        missing = sorted(w for w in words if not getattr(catalog.get(w), "string", ""))
        assert missing == [], f"{po.relative_to(ROOT)} lacks: {missing[:5]}"


def test_the_template_of_the_catalogs_is_current() -> None:
    with (LOCALES / "messages.pot").open("rb") as source:
        template = {m.id for m in read_po(source) if m.id}
    assert template == used_words(), "run `make catalogs`"
