"""Front matter: how page titles and descriptions reach the theme as text.

MkDocs and the theme print a page's front-matter values into the HTML as they
are (the title into every page's navigation), so every text is HTML-escaped
before it gets there: the generator's own pages as they are written, and
hand-written pages by the plugin.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup as Safe

PAGE_META_NAMES = frozenset({"template", "icon"})
"""Front-matter keys whose values the theme uses as file names, never prints."""


def front_matter(value: str) -> Safe:
    """A YAML string for a generated page's front matter, HTML-escaped.

    JSON is valid YAML, and keeps the value on one line."""
    return Safe(json.dumps(html.escape(value)))


def yaml_value(value: Any) -> Safe:
    """Any JSON value as front matter: ASCII JSON is valid YAML, on one line."""
    return Safe(json.dumps(value))


def escape_page_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A hand-written page's front matter with every text in it HTML-escaped, as
    the generator escapes its own (see `front_matter`).

    The theme prints front-matter values into the HTML as they are, and some of
    them into every other page too (`title` and `subtitle` in the navigation,
    `status` in a class name), so the page body's trust does not extend to them.
    """
    return {
        key: value if key in PAGE_META_NAMES else _escape_texts(value)
        for key, value in meta.items()
    }


def _escape_texts(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escape_texts(item) for item in value]
    if isinstance(value, dict):
        return {key: _escape_texts(item) for key, item in value.items()}
    return value
