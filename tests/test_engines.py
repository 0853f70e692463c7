"""The check that ProperDocs builds the site as MkDocs does (tools/engines/compare.py),
and the pinned environment it runs in. The real builds run in CI (`make engines`)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tests.conftest import ROOT
from tools.engines.compare import compare

REQUIREMENTS = ROOT / "tools/engines/properdocs-requirements.txt"
MKDOCS_META = b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">'
PROPERDOCS_META = (
    b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'
)


def page(meta: bytes, body: bytes = b"<p>Hello</p>") -> bytes:
    return b"<html><head>\n" + meta + b"\n</head><body>\n" + body + b"\n</body></html>\n"


def write(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def builds(tmp_path: Path, ours: dict[str, bytes], theirs: dict[str, bytes]) -> tuple[Path, Path]:
    return write(tmp_path / "mkdocs", ours), write(tmp_path / "properdocs", theirs)


def test_pages_that_differ_only_in_the_generator_meta_tag_are_the_same(tmp_path: Path) -> None:
    a, b = builds(
        tmp_path,
        {"index.html": page(MKDOCS_META), "sitemap.xml": b"<urlset/>"},
        {"index.html": page(PROPERDOCS_META), "sitemap.xml": b"<urlset/>"},
    )
    result = compare(a, b)
    assert result.problems == ()
    assert (result.identical, result.meta_only) == (1, 1)
    assert result.metas == (
        b"mkdocs-1.6.1, mkdocs-material-9.8.1",
        b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1",
    )


def test_a_difference_in_a_page_is_shown_with_its_file_line_and_both_texts(
    tmp_path: Path,
) -> None:
    a, b = builds(
        tmp_path,
        {"causes/index.html": page(MKDOCS_META, b"<p>Hello</p>")},
        {"causes/index.html": page(PROPERDOCS_META, b"<p>Hullo</p>")},
    )
    assert compare(a, b).problems == (
        "causes/index.html:4: MkDocs wrote '<p>Hello</p>'; ProperDocs wrote '<p>Hullo</p>'",
    )


def test_a_file_built_by_one_engine_only_is_a_difference(tmp_path: Path) -> None:
    a, b = builds(tmp_path, {"robots.txt": b"User-agent: *\n"}, {"search.json": b"{}"})
    assert compare(a, b).problems == (
        "robots.txt: only in the MkDocs build",
        "search.json: only in the ProperDocs build",
    )


def test_an_html_file_without_the_tag_is_compared_as_it_is(tmp_path: Path) -> None:
    """A hand-written HTML file is copied as it is, by both engines."""
    a, b = builds(tmp_path, {"embed.html": b"<p>a</p>\n"}, {"embed.html": b"<p>b</p>\n"})
    assert compare(a, b).problems == (
        "embed.html:1: MkDocs wrote '<p>a</p>'; ProperDocs wrote '<p>b</p>'",
    )


def test_a_properdocs_build_made_by_mkdocs_is_refused(tmp_path: Path) -> None:
    """With MkDocs in ProperDocs' environment, the comparison would compare MkDocs with itself."""
    a, b = builds(tmp_path, {"index.html": page(MKDOCS_META)}, {"index.html": page(MKDOCS_META)})
    (problem,) = compare(a, b).problems
    assert problem.startswith("index.html: expected the MkDocs page to be made by MkDocs and ")
    assert "is MkDocs installed in the ProperDocs environment?" in problem


def requirements() -> dict[str, str]:
    """The requirements file as {normalised name: version}; every line must be `name==version`."""
    pins = {}
    for number, line in enumerate(REQUIREMENTS.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)==([A-Za-z0-9_.+!-]+)", line)
        assert found, f"{REQUIREMENTS.name}:{number}: expected `name==version`, got {line!r}"
        pins[re.sub(r"[-_.]+", "-", found.group(1)).lower()] = found.group(2)
    return pins


def test_properdocs_environment_pins_every_package_exactly_and_leaves_mkdocs_out() -> None:
    pins = requirements()
    assert pins["properdocs"] == "1.6.7"
    assert "mkdocs" not in pins


def test_properdocs_environment_has_the_projects_versions() -> None:
    """Else the comparison would measure a library's new version, not the engine."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = requirements()
    for requirement in project["project"]["dependencies"]:
        name, version = requirement.split("==")
        name = re.sub(r"[-_.]+", "-", name).lower()
        if name != "mkdocs":
            assert pins.get(name) == version, (
                f"{REQUIREMENTS.name}: expected {name}=={version} as in pyproject.toml, "
                f"got {pins.get(name)}"
            )


def test_the_file_make_engines_zensical_rewrites_has_its_block() -> None:
    """`make engines-zensical` rewrites the Zensical tables between these markers."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^ENGINES_DOC := (\S+)$", makefile, re.MULTILINE)
    assert found, "Makefile: expected `ENGINES_DOC := FILE`, the file with the Zensical tables"
    text = (ROOT / found.group(1)).read_text(encoding="utf-8")
    assert "<!-- zensical:start -->" in text and "<!-- zensical:end -->" in text
