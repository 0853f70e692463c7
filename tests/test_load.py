"""Reading files: every way a file can fail to be YAML, reported at its place."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import check
from tests.conftest import Project


def test_valid_dataset_has_no_problems(project: Project) -> None:
    assert project.problems() == []


def test_tab_indentation_names_the_tab(project: Project) -> None:
    project.write("causes/old-leaves.yml", "title: Old\nrecoverability:\n\tverdict: never\n")
    assert project.problems() == [
        "content/causes/old-leaves.yml:3:1: error: a tab character; YAML is indented with spaces "
        "only, replace the tab with spaces"
    ]


def test_bad_indentation_explains_alignment(project: Project) -> None:
    project.write(
        "causes/old-leaves.yml",
        """
        title: Old
          summary: indented too far
        explanation: x
        """,
    )
    assert project.problems() == [
        "content/causes/old-leaves.yml:2:10: error: a `:` where a value was expected; put text "
        'that contains `: ` in quotes, e.g. title: "Step 1: sign in"'
    ]


def test_unclosed_quote_points_at_the_quote(project: Project) -> None:
    project.write("causes/old-leaves.yml", 'title: "Old leaves\nsummary: x\n')
    (problem,) = project.problems()
    assert problem.startswith("content/causes/old-leaves.yml:3:1: error: ")
    assert "never closed; add the closing quote" in problem


def test_duplicate_key_names_both_lines(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: A\nsummary: B\ntitle: C\n")
    assert project.problems() == [
        "content/remedies/move-to-light.yml:3:1: error: duplicate key 'title' (first at line 1); "
        "keep one of them"
    ]


def test_empty_file_asks_for_fields(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "\n  \n")
    assert project.problems()[0] == (
        "content/remedies/move-to-light.yml:1:1: error: file is empty; expected a mapping of "
        "fields, e.g. `title: Wrong password`"
    )


def test_byte_order_mark_is_refused(project: Project) -> None:
    path = project.content / "remedies/move-to-light.yml"
    project.write_bytes("remedies/move-to-light.yml", b"\xef\xbb\xbf" + path.read_bytes())
    assert project.problems() == [
        "content/remedies/move-to-light.yml:1:1: error: file starts with a byte-order mark; "
        "save it as UTF-8 without BOM"
    ]


def test_invalid_utf8_points_at_the_byte(project: Project) -> None:
    project.write_bytes("remedies/move-to-light.yml", b"title: ok\nsummary: caf\xe9\n")
    assert project.problems() == [
        "content/remedies/move-to-light.yml:2:13: error: byte 0xe9 is not valid UTF-8; save the "
        "file as UTF-8 (your editor's encoding setting)"
    ]


def test_alias_bomb_stops_at_the_first_alias(project: Project) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}]" for i in range(8)]
    project.write("remedies/move-to-light.yml", "\n".join(lines) + "\n")
    assert project.problems() == [
        "content/remedies/move-to-light.yml:1:4: error: YAML anchors (`&name`) are not "
        "supported; write the value out in full"
    ]


def test_python_tags_are_refused(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: !!python/object/apply:os.system [ls]\n")
    assert project.problems() == [
        "content/remedies/move-to-light.yml:1:8: error: YAML tag "
        "'tag:yaml.org,2002:python/object/apply:os.system' is not supported; remove it"
    ]


def test_deep_nesting_is_bounded(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert project.problems() == [
        "content/remedies/move-to-light.yml:1:23: error: nested more than 16 levels deep; "
        "records are flat, simplify it"
    ]


def test_second_document_is_refused(project: Project) -> None:
    project.write("remedies/move-to-light.yml", "title: A\n---\ntitle: B\n")
    assert project.problems() == [
        "content/remedies/move-to-light.yml:2:1: error: a second YAML document (`---`); a record "
        "file holds one document"
    ]


def test_huge_file_is_refused_before_reading(project: Project) -> None:
    project.write_bytes("remedies/move-to-light.yml", b"title: " + b"x" * 300_000 + b"\n")
    assert project.problems() == [
        "content/remedies/move-to-light.yml:1:1: error: file is 300,008 bytes; a record may be "
        "at most 262,144 bytes; split it into several records"
    ]


def test_file_name_must_be_a_slug(project: Project) -> None:
    project.write("causes/Too Much Water.yml", "title: x\n")
    assert project.problems() == [
        "content/causes/Too Much Water.yml:1:1: error: file name 'Too Much Water' is not a valid "
        "id; expected lowercase letters, digits and single hyphens, e.g. 'too-much-water.yml'; "
        "rename the file"
    ]


def test_look_alike_unicode_in_file_name_is_refused(project: Project) -> None:
    project.write("causes/overw\u0430tering.yml", "title: x\n")  # Cyrillic a
    (problem,) = project.problems()
    assert "is not a valid id" in problem


def test_other_extensions_are_named(project: Project) -> None:
    project.write("causes/notes.yaml", "title: x\n")
    assert project.problems() == [
        "content/causes/notes.yaml:1:1: error: unexpected file 'notes.yaml' in causes/; records "
        "are `.yml` files"
    ]


def test_missing_dataset_folder(tmp_path: Path) -> None:
    result = check(tmp_path / "nowhere", base=tmp_path)
    assert [str(p) for p in result.problems] == [
        "nowhere:1:1: error: dataset folder not found; expected a folder holding site.yml and "
        "causes/"
    ]
