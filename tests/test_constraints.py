"""Every declared limit is enforced by the reader and exported to the editor's schema, and the
two agree: a value just outside a range is refused by both, a value just inside accepted by both."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, Union

import jsonschema
import pytest
import yaml

from handoutgen.authoring.schema import KINDS, model_for, schema_for
from handoutgen.errors import HandoutError
from handoutgen.model import read
from handoutgen.model.read import fields_of, is_required
from handoutgen.model.types import MM, Color, Distance, Duration, FontSize, Id, Length, RelPath, Template, Url
from handoutgen.source import parse

LIMIT_KEYS = ("minimum", "maximum", "max_length", "min_items", "max_items")


def sample(tp: Any, limits: dict[str, Any] | None = None) -> Any:
    """A small valid value of a declared type, as it would be written in YAML."""
    origin = typing.get_origin(tp)
    if limits and limits.get("minimum") is not None:
        return _quantity(_plain(tp), limits["minimum"], 0, -1)
    if origin in (Union, types.UnionType):
        options = [o for o in typing.get_args(tp) if o is not type(None)]
        scalars = [o for o in options if not dataclasses.is_dataclass(o)]
        return sample(scalars[0] if scalars else options[0])
    if origin is Literal:
        return typing.get_args(tp)[0]
    if origin in (list, tuple):
        return [sample(typing.get_args(tp)[0])]
    if origin is dict:
        return {}
    if hasattr(tp, "KINDS"):
        return {"text": "Some words."}
    if dataclasses.is_dataclass(tp):
        return {
            name: sample(spec.type, dict(spec.metadata)) for name, spec in fields_of(tp).items() if is_required(spec)
        }
    return _scalar_sample(tp)


def _scalar_sample(tp: Any) -> Any:
    if isinstance(tp, type) and issubclass(tp, Url):
        return "https://example.org/"
    if isinstance(tp, type) and issubclass(tp, Id):
        return "an-id"
    if tp is Template:
        return "{title}"
    if getattr(tp, "__name__", "") == "Language":
        return "en"
    if getattr(tp, "__name__", "") == "FieldName":
        return "a_field"
    if getattr(tp, "__name__", "") == "DateFormat":
        return "DD/MM/YYYY"
    samples = {
        dt.date: "2026-01-01",
        bool: True,
        int: 1,
        float: 1.0,
        Length: "10mm",
        FontSize: 12,
        Duration: "30s",
        Distance: "30m",
    }
    if tp in samples:
        return samples[tp]
    if tp is Color:
        return "#102030"
    return "Some words"


def constrained_fields(tp: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any, dict[str, Any]]]:
    """(path to the value, its type, its limits) for every field and block kind with a limit."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        for option in typing.get_args(tp):
            if dataclasses.is_dataclass(option):
                yield from constrained_fields(option, path)
        return
    if origin in (list, tuple):
        yield from constrained_fields(typing.get_args(tp)[0], (*path, 0))
        return
    if hasattr(tp, "KINDS"):
        for kind, body in tp.KINDS.items():
            limits = tp.KIND_LIMITS.get(kind, {})
            if any(key in limits for key in LIMIT_KEYS):
                yield (*path, kind), body, limits
            yield from constrained_fields(body, (*path, kind))
        return
    if not dataclasses.is_dataclass(tp):
        return
    for name, spec in fields_of(tp).items():
        limits = dict(spec.metadata)
        if any(key in limits for key in LIMIT_KEYS):
            yield (*path, name), spec.type, limits
        yield from constrained_fields(spec.type, (*path, name))


# Rules across fields that a value at its limit would break, set out of the way.
COMPANIONS: dict[tuple, dict[str, Any]] = {
    ("cards", "font_size"): {"min_font_size": 5},
    ("cards", "min_font_size"): {"font_size": 24},
    ("cards", "max_font_size"): {"font_size": 5, "min_font_size": 5},
    ("cards", "padding"): {"size": {"width": "200mm", "height": "200mm"}},
    ("page", "size"): {"margins": "10mm"},
    ("text", "size"): {"min_size": 6},
    ("text", "min_size"): {"size": 36},
}


def document_with(kind: str, path: tuple, value: Any) -> dict[str, Any]:
    """A minimal valid document of `kind` with `value` at `path` (parents made as needed)."""
    root = sample(model_for(kind))
    if kind != "layout":
        root[kind] = "an-id"
    if kind == "program" and path[0] not in ("exercises", "phases"):  # a programme has one or the other
        root["exercises"] = [{"use": "an-id"}]
    for (parent, name), extra in COMPANIONS.items():
        if kind == "layout" and path[:2] == (parent, name):
            root.setdefault(parent, sample(_plain(fields_of(model_for(kind))[parent].type))).update(extra)
    node: Any = root
    node_type: Any = model_for(kind)
    for step, following in zip(path, [*path[1:], None], strict=True):
        tp = _inner(node_type, step)
        if hasattr(_plain(node_type), "KINDS"):  # a block holds one kind only
            node.clear()
        if following is None:
            _put(node, step, value)
            if step == "header" and isinstance(value, list) and value:  # a table's rows match its header
                node["rows"] = [["x"] * len(value)]
            return root
        child = _get(node, step)
        if not isinstance(child, (dict, list)):
            if isinstance(following, int):
                child = [sample(typing.get_args(_list_type(tp))[0])]
            else:
                child = {} if hasattr(_plain(tp), "KINDS") else sample(_plain(tp))
            _put(node, step, child)
        node, node_type = child, tp
    return root


def _inner(tp: Any, step: Any) -> Any:
    tp = _plain(tp)
    if isinstance(step, int):
        return typing.get_args(_list_type(tp))[0]
    if hasattr(tp, "KINDS"):
        return tp.KINDS[step]
    return fields_of(tp)[step].type


def _plain(tp: Any) -> Any:
    if typing.get_origin(tp) in (Union, types.UnionType):
        options = [o for o in typing.get_args(tp) if o is not type(None)]
        return next((o for o in options if dataclasses.is_dataclass(o)), options[0])
    return tp


def _list_type(tp: Any) -> Any:
    tp = _plain(tp)
    return tp if typing.get_origin(tp) in (list, tuple) else list[tp]


def _get(node: Any, step: Any) -> Any:
    if isinstance(node, list):
        return node[step] if step < len(node) else None
    return node.get(step)


def _put(node: Any, step: Any, value: Any) -> None:
    node[step] = value


def edge_values(tp: Any, limits: dict[str, Any]) -> Iterator[tuple[str, Any, bool]]:
    """(what, value, allowed) at each side of each limit."""
    base, depth = _plain(tp), 0
    while typing.get_origin(base) in (list, tuple):  # a limit on a list's length of text applies to each item
        base, depth = _plain(typing.get_args(base)[0]), depth + 1
    if limits.get("max_length") is not None:
        longest = limits["max_length"]
        yield f"{longest} characters", _nested(_text_of(base, longest), depth), True
        yield f"{longest + 1} characters", _nested(_text_of(base, longest + 1), depth), False
    if limits.get("max_items") is not None and typing.get_origin(_plain(tp)) is dict:  # keys the author names
        value_type = typing.get_args(_plain(tp))[1]
        entries = {f"Column {i}": sample(value_type) for i in range(limits["max_items"] + 1)}
        yield f"{limits['max_items']} entries", dict(list(entries.items())[:-1]), True
        yield f"{limits['max_items'] + 1} entries", entries, False
    elif limits.get("max_items") is not None and typing.get_origin(typing.get_args(_list_type(tp))[0]) is Literal:
        choices = [c for c in typing.get_args(typing.get_args(_list_type(tp))[0]) if c != "none"]  # each once
        most = limits["max_items"]
        yield f"{most} items", choices[:most], True
        if len(choices) > most:
            yield f"{most + 1} items", choices[: most + 1], False
    elif limits.get("max_items") is not None:
        item = sample(typing.get_args(_list_type(tp))[0])
        yield f"{limits['max_items']} items", [item] * limits["max_items"], True
        yield f"{limits['max_items'] + 1} items", [item] * (limits["max_items"] + 1), False
    if limits.get("min_items"):
        yield "no items", [], False
    for bound, step in (("minimum", -1), ("maximum", 1)):
        if limits.get(bound) is not None:
            yield f"the {bound}", _quantity(base, limits[bound], 0, step), True
            yield f"just past the {bound}", _quantity(base, limits[bound], 1, step), False


def _nested(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


def _text_of(tp: Any, length: int) -> str:
    if issubclass(tp, Url):
        return ("https://example.org/" + "a" * length)[:length]
    if issubclass(tp, Id):
        return "a" * length
    if issubclass(tp, RelPath):  # folders of a few letters each: no one name is too long for a file system
        return ("abcd/" * length)[: length - 1] + "c"
    return ("ab " * length)[: length - 1] + "c"


def _quantity(tp: Any, limit: float, past: int, direction: int) -> Any:
    """`limit` written in the field's unit (`direction` -1 for a minimum, +1 for a maximum),
    or one of its smallest steps past it when `past` is set."""
    if tp is int:
        return int(limit) + past * direction
    if tp is Duration:
        return f"{int(limit) + past * direction}s"
    if tp is Distance:
        return f"{int(limit) + past * direction}m"
    if tp is Length:
        rounding = math.ceil if direction < 0 else math.floor  # the value in mm nearest the limit, inside
        hundredths = rounding(limit / MM * 100 + direction * 1e-6) + past * direction
        return f"{hundredths / 100:.2f}mm"
    return round(limit + past * direction * 0.01, 2)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


CASES = [
    (kind, path, tp, limits, what, value, allowed)
    for kind in KINDS
    for path, tp, limits in constrained_fields(model_for(kind))
    for what, value, allowed in edge_values(tp, limits)
]


def test_every_limited_field_is_covered() -> None:
    names = {".".join(str(step) for step in path) for _, path, *_ in CASES}
    for expected in ("sections.0.blocks.0.bullets", "title", "page.margins.all", "cards.back_offset.x", "log.weeks"):
        assert any(name.endswith(expected) for name in names), expected
    assert len(CASES) > 150


@pytest.mark.parametrize(
    ("kind", "path", "tp", "limits", "what", "value", "allowed"),
    CASES,
    ids=[f"{c[0]}:{'.'.join(map(str, c[1]))}:{c[4]}" for c in CASES],
)
def test_reader_and_schema_agree_at_each_limit(kind, path, tp, limits, what, value, allowed) -> None:
    data = document_with(kind, path, value)
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    problems: list = []
    try:
        read(parse(text, "doc.yaml"), model_for(kind), f"the {kind}")
    except HandoutError as error:
        problems = error.problems
        assert all(p.where is not None for p in problems), problems
    reader_ok = not problems
    as_json = json.loads(json.dumps(yaml.safe_load(text), default=str))
    schema_ok = jsonschema.Draft7Validator(schema_for(kind)).is_valid(as_json)
    assert reader_ok is allowed, f"reader {'refused' if allowed else 'accepted'} {what}: {text} {problems}"
    assert schema_ok is allowed, f"schema {'refused' if allowed else 'accepted'} {what}: {text}"
