"""The schema's specs as JSON Schema (draft 2020-12), one document per record kind."""

from __future__ import annotations

import json
from typing import Any

from generator.schema import (
    DATE_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    RECORDS,
    Choice,
    Date,
    Language,
    Nested,
    Number,
    OneOf,
    Record,
    RefTo,
    Settings,
    Spec,
    Text,
    Url,
    schema_fields,
)


def _spec(spec: Spec, doc: str) -> dict[str, Any]:
    out: dict[str, Any]
    if isinstance(spec, Text):
        out = {"type": "string", "minLength": 1}
        if spec.max_len is not None:
            out["maxLength"] = spec.max_len
        if not spec.markdown:
            out["pattern"] = "^[^\\n]*\\n?$"
    elif isinstance(spec, Choice):
        out = {"enum": list(spec.values)}
    elif isinstance(spec, Number):
        out = {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    elif isinstance(spec, Date):
        out = {"type": "string", "format": "date", "pattern": f"^{DATE_PATTERN.pattern}$"}
    elif isinstance(spec, Url):
        out = {"type": "string", "format": "uri", "pattern": "^https?://[^\\s/]+"}
    elif isinstance(spec, Language):
        out = {"type": "string", "pattern": f"^{LANGUAGE_PATTERN.pattern}$"}
    elif isinstance(spec, RefTo):
        out = {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"}
        doc = f"{doc} (a file name in {spec.kind}/ without .yml)"
    elif isinstance(spec, Nested):
        out = object_schema(spec.cls)
    else:
        out = {"type": "array", "items": _spec(spec.item, "")}
        if spec.min_items:
            out["minItems"] = spec.min_items
    if doc:
        out["description"] = doc
    return out


def object_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of a record (or nested part of one) as the dataset writes it."""
    fields = schema_fields(cls)
    out: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            f.name: _spec(f.spec, f.doc) | ({"default": f.default} if f.default else {})
            for f in fields
        },
        "required": [f.name for f in fields if f.required],
    }
    groups: tuple[OneOf, ...] = getattr(cls, "exactly_one", ())
    if len(groups) == 1:
        out["oneOf"] = [{"required": [name]} for name in groups[0].fields]
    elif groups:
        out["allOf"] = [{"oneOf": [{"required": [name]} for name in g.fields]} for g in groups]
    return out


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

RECORD_FILES: tuple[type[Record], ...] = (Settings, *RECORDS)
"""Every kind of dataset file: the site settings, then each kind of record."""


def json_schema(cls: type[Record]) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"{cls.kind.schema} record",
        "description": (cls.__doc__ or "").strip(),
        **object_schema(cls),
    }


def schema_files() -> dict[str, str]:
    """File name -> text, for every record kind."""
    return {
        f"{cls.kind.schema}.schema.json": json.dumps(json_schema(cls), indent=2) + "\n"
        for cls in RECORD_FILES
    }
