"""The dataset as data: one JSON document other tools can reuse (an app, a
support assistant), with a JSON Schema made from the same specs as the
editors' schemas. The site publishes both at stable addresses (`EXPORT`,
`EXPORT_SCHEMA`), the offline zip included."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from generator.jsonschema import SCHEMA_DIALECT, object_schema
from generator.link import Guide
from generator.schema import ID_PATTERN, KINDS, RECORD_CLASSES, Ref, Settings, schema_fields

EXPORT = "data/dataset.json"
EXPORT_SCHEMA = "data/dataset.schema.json"
FORMAT = 1
"""The export's format: raised when a change would break a reader of the last one."""


def dataset_json(guide: Guide) -> str:
    """Every record of the guide, by kind, as the dataset's files hold them (with ids)."""
    data: dict[str, Any] = {"format": FORMAT, "settings": _plain(guide.settings)}
    for folder in KINDS:
        if folder == "questions":
            records: tuple[Any, ...] = guide.flow.questions if guide.flow else ()
        else:
            records = getattr(guide, folder)
        data[folder] = [{"id": record.id, **_plain(record)} for record in records]
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in schema_fields(type(value))
            if getattr(value, f.name) not in (None, "", ())
        }
    return value


def export_schema() -> str:
    """The JSON Schema the export follows."""
    record_id = {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"}

    def listed(cls: type) -> dict[str, Any]:
        item = object_schema(cls)
        item["properties"] = {"id": record_id, **item["properties"]}
        item["required"] = ["id", *item["required"]]
        return {"type": "array", "items": item, "description": (cls.__doc__ or "").strip()}

    schema = {
        "$schema": SCHEMA_DIALECT,
        "title": "Help site dataset",
        "description": "Every record of a help site's dataset, as its files hold them.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "settings", *KINDS],
        "properties": {
            "format": {"const": FORMAT},
            "settings": object_schema(Settings),
            **{folder: listed(RECORD_CLASSES[folder]) for folder in KINDS},
        },
    }
    return json.dumps(schema, indent=1, sort_keys=True) + "\n"
