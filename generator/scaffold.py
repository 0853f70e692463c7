"""`helpsite new DIR`: a new help site to start from, in the user's words.

It writes a `mkdocs.yml` and a small dataset (one symptom with the message the
readers see, two causes, two fixes, one question, one source, an about page)
that passes `check` and builds strictly, with every text to replace saying so.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent / "scaffold"


class ScaffoldError(Exception):
    """The site cannot be written where asked."""


def new_site(folder: Path, message: str, name: str, today: date) -> list[Path]:
    """Write the starting files into `folder` (new or empty); the files written."""
    for label, text in (("--message", message), ("--name", name)):
        if not text.strip() or len(text.splitlines()) > 1 or len(text) > 120:
            raise ScaffoldError(f"expected {label} to be one line of 1 to 120 characters")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(
            f"{folder} already holds files; give a new or empty folder, so nothing is overwritten"
        )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML and Markdown, where values go through the `yaml` filter
    )
    # A JSON string is a YAML string: quoted, escaped, on one line.
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)
    written = []
    for template in sorted(env.list_templates(extensions=["j2"])):
        target = folder / template.removesuffix(".j2")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = env.get_template(template).render(message=message, name=name, today=today)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
