"""JSON Schema (draft-07) for every file kind, generated from the model declarations.

The same dataclasses drive the reader, so the editor's squiggles and `handoutgen validate`
agree: unknown keys, wrong kinds, missing keys and out-of-list values are errors in both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union

from ..model.read import fields_of, must_be_written
from ..model.types import LONGEST_WORD, FontSize, Located, Words
from ..source import CONTENT_KINDS
from .ranges import decimal_pattern, integer_pattern

DATE_OR_PLACEHOLDER = r"^(\d{4}-\d{2}-\d{2}|.*\{\{.*\}\}.*)$"  # programme templates fill dates in
KINDS = {
    "handout": ("model.handout", "Handout"),
    "exercise": ("model.exercise", "Exercise"),
    "deck": ("model.exercise", "Deck"),
    "program": ("model.program", "Program"),
    "layout": ("model.layout", "Layout"),
    "project": ("model.project", "Project"),
}


def model_for(kind: str) -> Any:
    import importlib

    module, name = KINDS[kind]
    return getattr(importlib.import_module(f"..{module}", __package__), name)


def schema_for(kind: str) -> dict[str, Any]:
    """The schema of one file kind. Layouts only override what they extend, so nothing is required."""
    root = _schema(model_for(kind), partial=kind == "layout")
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": f"handoutgen {kind}", **root}


def _schema(tp: Any, partial: bool, limits: Mapping[str, Any] | None = None) -> dict[str, Any]:
    limits = limits or {}
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_schema(o, partial, limits) for o in typing.get_args(tp) if o is not type(None)]
        if type(None) in typing.get_args(tp):
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is dict:
        values = typing.get_args(tp)[1]
        mapping: dict[str, Any] = {"type": "object", "additionalProperties": _schema(values, partial)}
        if limits.get("max_items") is not None:
            mapping["maxProperties"] = limits["max_items"]
        return mapping
    if origin in (list, tuple):
        array: dict[str, Any] = {"type": "array", "items": _schema(typing.get_args(tp)[0], partial, limits)}
        if limits.get("min_items"):
            array["minItems"] = limits["min_items"]
        if limits.get("max_items") is not None:
            array["maxItems"] = limits["max_items"]
        return array
    if hasattr(tp, "KINDS"):
        kind_limits = getattr(tp, "KIND_LIMITS", {})
        return {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": False,
            "properties": {kind: _schema(body, partial, kind_limits.get(kind)) for kind, body in tp.KINDS.items()},
        }
    if dataclasses.is_dataclass(tp):
        return _record(tp, partial)
    return _scalar(tp, limits)


def _scalar(tp: Any, limits: Mapping[str, Any]) -> dict[str, Any]:
    least, most = limits.get("minimum"), limits.get("maximum")
    if isinstance(tp, type) and issubclass(tp, Located):
        out = {**getattr(tp, "schema", {"type": "string"}), "minLength": 1}
        out["maxLength"] = limits.get("max_length", tp.max_length)
        if issubclass(tp, Words):
            out["not"] = {"pattern": rf"\w{{{LONGEST_WORD + 1}}}"}  # a word too long for one line
        if "pattern" not in out:
            out["pattern"] = r"\S"
        return out
    if tp in (int, float):
        number: dict[str, Any] = {"type": "integer" if tp is int else "number"}
        if least is not None:
            number["minimum"] = least
        if most is not None:
            number["maximum"] = most
        return number
    if least is not None and hasattr(tp, "units"):  # a quantity written with a unit: the range in each unit
        decimals = 2 if issubclass(tp, float) else 0
        forms = [
            f"{_number_pattern(least / factor, most / factor, decimals)}\\s*{unit}" for unit, factor in tp.units.items()
        ]
        return {"type": "string", "pattern": r"^\s*(?:" + "|".join(forms) + r")\s*$"}
    if tp is FontSize and least is not None:
        return {
            "anyOf": [
                {"type": "number", "minimum": least, "maximum": most},
                {"type": "string", "pattern": rf"^\s*{decimal_pattern(least, most)}\s*pt\s*$"},
            ]
        }
    if hasattr(tp, "schema"):
        return dict(tp.schema)
    simple = {
        bool: {"type": "boolean"},
        dt.date: {"type": "string", "pattern": DATE_OR_PLACEHOLDER},
        str: {"type": "string"},
    }
    return simple.get(tp, {"type": "string"})


def _number_pattern(low: float, high: float, decimals: int) -> str:
    if decimals:
        return decimal_pattern(low, high, decimals)
    import math

    return integer_pattern(max(0, math.ceil(low - 1e-9)), math.floor(high + 1e-9))


def _record(tp: Any, partial: bool) -> dict[str, Any]:
    fields = fields_of(tp)
    properties = {}
    for name, spec in fields.items():
        prop = _schema(spec.type, partial, spec.metadata)
        if spec.metadata.get("doc"):
            prop = {**prop, "description": spec.metadata["doc"]}
        if spec.metadata.get("derived") and name in CONTENT_KINDS:  # `handout:` left empty: the file's name
            prop = {"anyOf": [prop, {"type": "null"}], "description": prop.get("description", "")}
        properties[name] = prop
    record: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    required = [name for name, spec in fields.items() if must_be_written(spec)]
    if required and not partial:
        record["required"] = required
    shorthand = getattr(tp, "SHORTHAND", None)
    if shorthand:  # `- step text` is short for `- {text: step text}`
        return {"anyOf": [properties[shorthand], record]}
    return record
