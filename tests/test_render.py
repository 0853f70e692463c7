"""Render-stage helpers: URLs between pages, escaping, the widget's data, the diagram."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.diagram import tree_svg
from generator.render import relative_url, render, tree_json
from tests.conftest import Project


@pytest.mark.parametrize(
    ("src", "dst", "directory_urls", "expected"),
    [
        ("causes/a.md", "remedies/b.md", True, "../../remedies/b/"),
        ("causes/a.md", "remedies/b.md", False, "../remedies/b.html"),
        ("causes/a.md", "index.md", True, "../../"),
        ("causes/a.md", "index.md", False, "../index.html"),
        ("index.md", "check.md", True, "check/"),
        ("index.md", "check.md", False, "check.html"),
        ("check/map.md", "check.md", True, "../"),
        ("check/map.md", "check.md", False, "../check.html"),
        ("causes/index.md", "causes/a.md", True, "a/"),
        ("causes/index.md", "causes/a.md", False, "a.html"),
    ],
)
def test_relative_urls_work_with_and_without_directory_urls(
    src: str, dst: str, directory_urls: bool, expected: str
) -> None:
    assert relative_url(src, dst, directory_urls) == expected


def test_tree_json_names_the_sections_each_answer_leads_to(project: Project) -> None:
    site = project.check().site
    assert site is not None and site.check is not None
    assert tree_json(site.check) == {
        "start": "soil",
        "q": {
            "soil": {"a": ["o-overwatering", "q-light"]},
            "light": {"a": ["o-too-little-light", "o-overwatering"]},
        },
    }


def test_hostile_titles_are_text_in_every_page(project: Project, tmp_path: Path) -> None:
    hostile = "</script><img src=x onerror=alert(1)>"
    text = (project.content / "causes/overwatering.yml").read_text(encoding="utf-8")
    project.write("causes/overwatering.yml", text.replace("Too much water", f'"{hostile}"'))
    site = project.check().site
    assert site is not None
    for page in render(site):
        _, front, body = page.markdown.split("---\n", 2)
        assert "<img" not in body, page.path
        # Front matter is data (plain text for structured data), HTML-escaped where
        # the theme prints it as HTML: the title and description.
        meta = yaml.safe_load(front)
        assert "<" not in meta["title"] and "<" not in meta["description"]
    links = {"q-soil": "#", "q-light": "#"} | {f"o-{c.id}": "#" for c in site.causes}
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in tree_svg(site, links)
