"""JSON Schema (draft-07) for every file kind, generated from the model declarations.

The same dataclasses drive the reader, so the editor's squiggles and `handoutgen validate`
agree: unknown keys, wrong kinds, missing keys and out-of-list values are errors in both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any, Literal, Union

from .model.read import fields_of, is_required

DATE_OR_PLACEHOLDER = r"^(\d{4}-\d{2}-\d{2}|.*\{\{.*\}\}.*)$"  # programme templates fill dates in
KINDS = {
    "handout": ("model.handout", "Handout"),
    "exercise": ("model.exercise", "Exercise"),
    "deck": ("model.exercise", "Deck"),
    "program": ("model.program", "Program"),
    "layout": ("model.layout", "Layout"),
}


def model_for(kind: str) -> Any:
    import importlib

    module, name = KINDS[kind]
    return getattr(importlib.import_module(f".{module}", __package__), name)


def schema_for(kind: str) -> dict[str, Any]:
    """The schema of one file kind. Layouts only override what they extend, so nothing is required."""
    root = _schema(model_for(kind), partial=kind == "layout")
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": f"handoutgen {kind}", **root}


def _schema(tp: Any, partial: bool) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_schema(o, partial) for o in typing.get_args(tp) if o is not type(None)]
        if type(None) in typing.get_args(tp):
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin in (list, tuple):
        return {"type": "array", "items": _schema(typing.get_args(tp)[0], partial)}
    if hasattr(tp, "KINDS"):
        return {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": False,
            "properties": {kind: _schema(body, partial) for kind, body in tp.KINDS.items()},
        }
    if dataclasses.is_dataclass(tp):
        return _record(tp, partial)
    if hasattr(tp, "schema"):
        return dict(tp.schema)
    simple = {
        bool: {"type": "boolean"},
        int: {"type": "integer"},
        float: {"type": "number"},
        dt.date: {"type": "string", "pattern": DATE_OR_PLACEHOLDER},
        str: {"type": "string"},
    }
    return simple.get(tp, {"type": "string"})


def _record(tp: Any, partial: bool) -> dict[str, Any]:
    fields = fields_of(tp)
    properties = {}
    for name, spec in fields.items():
        prop = _schema(spec.type, partial)
        if spec.metadata.get("doc"):
            prop = {**prop, "description": spec.metadata["doc"]}
        if spec.metadata.get("min_items") and prop.get("type") == "array":
            prop["minItems"] = spec.metadata["min_items"]
        properties[name] = prop
    record: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    required = [name for name, spec in fields.items() if is_required(spec)]
    if required and not partial:
        record["required"] = required
    shorthand = getattr(tp, "SHORTHAND", None)
    if shorthand:  # `- step text` is short for `- {text: step text}`
        return {"anyOf": [properties[shorthand], record]}
    return record
