"""The Jinja2 environment every generated text is made with."""

from __future__ import annotations

import gettext
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent.parent / "templates"


def environment(translations: gettext.NullTranslations | None = None) -> jinja2.Environment:
    """Templates with the generator's words in the language of `translations`."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one render; the templates do not change under it
        extensions=["jinja2.ext.i18n"],
    )
    # New-style gettext: variables in a translated text are escaped like any other.
    env.install_gettext_translations(  # type: ignore[attr-defined]
        translations or gettext.NullTranslations(), newstyle=True
    )
    return env
