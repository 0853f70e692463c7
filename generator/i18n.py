"""The generator's own words in the reader's language: gettext catalogs.

Templates mark their words with `_()` and `{% trans %}`, Python with `N_()`
(a marker; the word is translated where it is shown). `make catalogs` extracts
them into `locales/messages.pot` with Babel and updates each language's
`locales/<locale>/LC_MESSAGES/messages.po`, which translators edit; the build
reads the .po files directly (compiled in memory), so no compiled file is kept.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError, get_global, parse_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
DEFAULT = "en"
"""The language the dataset and the generator are written in."""


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for the marker
    """Marks `message` for the catalogs without translating it here."""
    return message


def locale(language: str) -> str:
    """The Babel locale of a language tag: `pt-BR` -> `pt_BR`."""
    return language.replace("-", "_")


@functools.cache
def known(language: str) -> bool:
    """Whether Babel has the locale data a build in `language` needs (its dates,
    its name, its direction): a well-formed tag such as `xx` may have none."""
    try:
        Locale.parse(locale(language))
    except (ValueError, UnknownLocaleError):
        return False
    return True


@functools.cache
def catalog(language: str) -> gettext.NullTranslations:
    """The generator's words in `language` (English when it has no catalog)."""
    po = LOCALES / locale(language) / "LC_MESSAGES" / "messages.po"
    if language == DEFAULT or not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as source:
        messages = read_po(source, locale=locale(language))
    compiled = io.BytesIO()
    write_mo(compiled, messages, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language_name(language: str) -> str:
    """A language's own name for itself, for a language switcher: `Русский`."""
    name: str = Locale.parse(locale(language)).get_display_name(locale(language)) or language
    return name[:1].upper() + name[1:]


def language_name_in(language: str, reader: str) -> str:
    """A language's name as a reader of `reader` writes it in a sentence: `английский`."""
    name: str = Locale.parse(locale(language)).get_display_name(locale(reader)) or language
    return name


def direction(language: str) -> str:
    """`rtl` for languages written right to left, else `ltr`."""
    return "rtl" if Locale.parse(locale(language)).character_order == "right-to-left" else "ltr"


def og_locale(language: str) -> str:
    """The Open Graph locale of a language tag: `ru` -> `ru_RU`, `pt-BR` -> `pt_BR`."""
    parsed = Locale.parse(locale(language))
    territory = parsed.territory
    if territory is None:
        # CLDR's likely subtags give every language Babel knows a region
        # (`ru` -> `ru_Cyrl_RU`). Read as text: Babel has no locale for some of
        # them (`no` -> `no_Latn_NO`).
        territory = parse_locale(get_global("likely_subtags")[parsed.language])[1]
    return f"{parsed.language}_{territory}"
