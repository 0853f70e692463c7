"""The dataset as data (`data/dataset.json`) and the JSON Schemas editors and other
tools read: made from the same specs, so each must accept what the other says."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest

from generator.export import FORMAT, dataset_json, export_schema
from generator.freshness import expired
from generator.jsonschema import schema_files
from generator.schema import SETTINGS_FILE
from tests.conftest import ROOT, Project


def test_the_export_follows_its_published_schema(project: Project) -> None:
    guide = project.check().guide
    assert guide is not None
    data = json.loads(dataset_json(guide))
    schema = json.loads(export_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["format"] == FORMAT == 1
    assert [q["id"] for q in data["questions"]] == ["soil", "light"]
    overwatering = next(c for c in data["causes"] if c["id"] == "overwatering")
    # Ids for references, days as YYYY-MM-DD, and no empty optional fields.
    assert overwatering["remedies"] == [
        {"remedy": "let-soil-dry"},
        {"remedy": "move-to-light", "note": "More light also helps the soil dry faster."},
    ]
    assert overwatering["reviewed"] == "2026-11-27"
    assert overwatering["recoverability"]["source"] == "plant-care-notes"
    assert "prevention" not in overwatering and "not_in_check" not in overwatering
    assert data["settings"]["check_start"] == "soil"
    assert "id" not in data["settings"]
    # Strict: a record with a key the schema does not know, or without its id, is refused.
    for broken in (
        {**overwatering, "colour": "red"},
        {k: v for k, v in overwatering.items() if k != "id"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**data, "causes": [broken]}, schema)


def test_the_export_schema_requires_every_kind_and_its_format(project: Project) -> None:
    schema = json.loads(export_schema())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == [
        "format",
        "settings",
        "symptoms",
        "causes",
        "remedies",
        "questions",
        "sources",
    ]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["format"] == {"const": 1}
    causes = schema["properties"]["causes"]
    assert causes["type"] == "array" and causes["description"] == (
        "`causes/<id>.yml`: one reason behind a symptom."
    )
    assert causes["items"]["required"][:2] == ["id", "title"]
    assert causes["items"]["properties"]["id"] == {
        "type": "string",
        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    }


def test_committed_json_schemas_match_the_code_in_process() -> None:
    """As `tests/test_cli.py` checks, in this process (for `make mutation`)."""
    files = schema_files()
    assert sorted(files) == sorted(p.name for p in (ROOT / "schema").glob("*.schema.json"))
    for name, text in files.items():
        assert (ROOT / "schema" / name).read_text(encoding="utf-8") == text, name


@pytest.mark.parametrize(
    ("record", "valid"),
    [
        ({"title": "A", "summary": "B", "intro": "C", "notice": "D"}, True),
        ({"title": "A", "summary": "B", "intro": "C"}, False),
        ({"title": "", "summary": "B", "intro": "C", "notice": "D"}, False),
        ({"title": "A\nB", "summary": "B", "intro": "C", "notice": "D"}, False),
        ({"title": "x" * 121, "summary": "B", "intro": "C", "notice": "D"}, False),
        ({"title": "x" * 120, "summary": "B", "intro": "C", "notice": "D"}, True),
        ({"title": "A", "summary": "B", "intro": "C\nD", "notice": "D"}, True),
        ({"title": "A", "summary": "B", "intro": "C", "notice": "D", "check_start": "Q 1"}, False),
        (
            {
                "title": "A",
                "summary": "B",
                "intro": "C",
                "notice": "D",
                "review_every": {"causes": 0},
            },
            False,
        ),
        (
            {
                "title": "A",
                "summary": "B",
                "intro": "C",
                "notice": "D",
                "review_every": {"causes": 3650},
            },
            True,
        ),
        (
            {
                "title": "A",
                "summary": "B",
                "intro": "C",
                "notice": "D",
                "review_every": {"causes": 3651},
            },
            False,
        ),
        (
            {
                "title": "A",
                "summary": "B",
                "intro": "C",
                "notice": "D",
                "verdicts": {"never": "Gone"},
            },
            True,
        ),
        (
            {
                "title": "A",
                "summary": "B",
                "intro": "C",
                "notice": "D",
                "request": {"to": "x", "facts": []},
            },
            False,
        ),
    ],
)
def test_the_editors_schema_of_site_yml_agrees_with_check(
    record: dict[str, object], valid: bool
) -> None:
    schema = json.loads(schema_files()["site.schema.json"])
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(record))
    assert (errors == []) is valid, errors


@pytest.mark.parametrize(
    ("record", "valid"),
    [
        (
            {
                "text": "Q?",
                "answers": [{"label": "Yes", "cause": "a"}, {"label": "No", "next": "c"}],
                "unsure": {"label": "?", "next": "b"},
            },
            True,
        ),
        (
            {
                "text": "Q?",
                "answers": [
                    {"label": "Yes", "cause": "a", "next": "b"},
                    {"label": "No", "next": "c"},
                ],
                "unsure": {"label": "?", "next": "b"},
            },
            False,
        ),
        (
            {
                "text": "Q?",
                "answers": [{"label": "Yes"}, {"label": "No", "next": "c"}],
                "unsure": {"label": "?", "next": "b"},
            },
            False,
        ),
    ],
)
def test_the_editors_schema_of_a_question_wants_one_target_per_answer(
    record: dict[str, object], valid: bool
) -> None:
    schema = json.loads(schema_files()["question.schema.json"])
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(record))
    assert (errors == []) is valid, errors


def test_a_review_expires_the_day_after_its_period(project: Project) -> None:
    """Houseplants' records were last checked on 2026-11-27; a check holds 180 days."""
    dataset = project.check().dataset
    assert expired(dataset, date(2027, 5, 26)) == []
    late = [str(p) for p in expired(dataset, date(2027, 5, 27))]
    assert len(late) == 7  # 1 symptom, 3 causes, 3 fixes
    assert late[0] == (
        "content/symptoms/yellow-leaves.yml:12:1: warning: last checked 2026-11-27, and a "
        "check of symptoms holds 180 days, so it expired on 2027-05-26; check this record "
        "against its sources, then set `reviewed:` to the day you did"
    )


def test_each_kind_s_review_period_is_its_own(project: Project) -> None:
    text = (project.content / SETTINGS_FILE).read_text(encoding="utf-8")
    project.write(SETTINGS_FILE, text + "review_every:\n  causes: 30\n  remedies: 3650\n")
    dataset = project.check().dataset
    late = [str(p) for p in expired(dataset, date(2026, 12, 28))]
    assert [line.split(":")[0] for line in late] == [
        "content/causes/old-leaves.yml",
        "content/causes/overwatering.yml",
        "content/causes/too-little-light.yml",
    ]
    assert "a check of causes holds 30 days, so it expired on 2026-12-27" in late[0]
    assert expired(dataset, date(2026, 12, 27)) == []
    # Symptoms keep the default of 180 days; remedies hold for ten years.
    later = {str(p).split(":")[0] for p in expired(dataset, date(2027, 5, 27))}
    assert "content/symptoms/yellow-leaves.yml" in later
    assert not any("remedies/" in path for path in later)


def test_the_export_is_sorted_indented_by_one_and_keeps_letters_as_written(
    project: Project,
) -> None:
    """Readers diff the export between releases: same bytes for the same data."""
    text = (project.content / SETTINGS_FILE).read_text(encoding="utf-8")
    project.write(SETTINGS_FILE, text.replace("Yellow leaves on", "Feuilles jaunes — on"))
    guide = project.check().guide
    assert guide is not None
    exported = dataset_json(guide)
    assert exported.startswith(
        '{\n "causes": [\n  {\n   "explanation": "Soil that never dries out starves the '
        'roots of air.",\n   "id": "overwatering",\n'
    )
    assert '\n  "title": "Feuilles jaunes — on a houseplant"\n' in exported
    assert exported.endswith("\n}\n")


def test_a_site_without_a_guided_check_exports_no_questions(project: Project) -> None:
    project.remove("questions/soil.yml")
    project.remove("questions/light.yml")
    text = (project.content / SETTINGS_FILE).read_text(encoding="utf-8")
    project.write(SETTINGS_FILE, text.replace("check_start: soil\n", ""))
    result = project.check()
    assert list(result.problems) == []
    assert result.guide is not None
    assert json.loads(dataset_json(result.guide))["questions"] == []


def test_the_export_schema_is_sorted_indented_by_one_and_titled() -> None:
    text = export_schema()
    assert text.startswith(
        '{\n "$schema": "https://json-schema.org/draft/2020-12/schema",\n'
        ' "additionalProperties": false,\n'
        ' "description": "Every record of a help site\'s dataset, as its files hold them.",\n'
        ' "properties": {\n  "causes": {\n'
    )
    assert text.endswith('\n ],\n "title": "Help site dataset",\n "type": "object"\n}\n')
