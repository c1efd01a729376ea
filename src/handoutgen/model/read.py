"""Read located YAML nodes into typed model objects, driven by the dataclass declarations.

Every problem found is collected (one message each) and raised together at the end. Limits
declared on a field (`max_length`, `minimum`, `maximum`, `min_items`, `max_items`) are checked
at the value's own line and column. An optional `inspect` callback sees every user string as it
is read, so that later checks (glyphs, pictures, exercise ids) run on the parts that did read,
and all problems of a file come out in one round.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, Union

from ..errors import HandoutError, Problem, Where, closest
from ..source import Map, Node, Scalar, Seq, describe
from .types import Located, Number, Text

_INVALID = object()
_NONE_WORDS = ("", "~", "null", "Null", "NULL")
Limits = Mapping[str, Any]
Inspect = Callable[[Located], Iterable[Problem]]


class Reader:
    def __init__(self, inspect: Inspect | None = None) -> None:
        self.problems: list[Problem] = []
        self._inspect = inspect

    def fail(self, where: Where, message: str, hint: str | None = None) -> object:
        self.problems.append(Problem(where, message, hint))
        return _INVALID

    def read(self, node: Node, tp: Any, what: str, limits: Limits | None = None) -> Any:
        limits = limits or {}
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            return self._read_union(node, typing.get_args(tp), what, limits)
        if origin is Literal:
            return self._read_literal(node, typing.get_args(tp), what)
        if origin is list:
            return self._read_list(node, typing.get_args(tp)[0], what, limits)
        if origin is dict:
            return self._read_dict(node, typing.get_args(tp), what, limits)
        if origin is tuple:  # tuple[X, ...]: a list that must stay hashable (layouts are cache keys)
            items = self._read_list(node, typing.get_args(tp)[0], what, limits)
            return items if items is _INVALID else tuple(items)
        if hasattr(tp, "KINDS"):
            return self._read_tagged(node, tp, what)
        if dataclasses.is_dataclass(tp):
            return self._read_record(node, tp, what)
        return self._read_scalar(node, tp, what, limits)

    def _read_union(self, node: Node, options: tuple[Any, ...], what: str, limits: Limits) -> Any:
        real = [o for o in options if o is not type(None)]
        if len(real) < len(options) and isinstance(node, Scalar) and not node.quoted and node.value in _NONE_WORDS:
            return None
        if len(real) == 1:
            return self.read(node, real[0], what, limits)
        # A scalar-or-record union (`size: a4` or `size: {width: .., height: ..}`).
        records = [o for o in real if dataclasses.is_dataclass(o)]
        scalars = [o for o in real if not dataclasses.is_dataclass(o)]
        if isinstance(node, Map) and records:
            return self.read(node, records[0], what)
        if scalars:
            return self.read(node, scalars[0], what, limits)
        return self.read(node, records[0], what)

    def _read_literal(self, node: Node, choices: tuple[str, ...], what: str) -> Any:
        if not isinstance(node, Scalar):
            return self.fail(node.where, f"{what} must be one of {_choices(choices)}, not {describe(node)}")
        if node.value not in choices:
            return self.fail(
                node.where,
                f"{what} is `{node.value}`; expected one of {_choices(choices)}",
                closest(node.value, choices),
            )
        return node.value

    def _read_list(self, node: Node, item_type: Any, what: str, limits: Limits) -> Any:
        if not isinstance(node, Seq):
            return self.fail(
                node.where, f"{what} must be a list, not {describe(node)}", "start each item on its own line with `- `"
            )
        if limits.get("min_items") and not node.items:
            return self.fail(node.where, f"{what} is empty", f"list at least {limits['min_items']} item")
        most = limits.get("max_items")
        if most is not None and len(node.items) > most:
            return self.fail(
                node.items[most].where,
                f"{what} has {len(node.items)} items; at most {most} are allowed",
                "keep the ones that matter most, or split the content into several files",
            )
        items = [
            self.read(item, item_type, f"item {i} of {what}", limits) for i, item in enumerate(node.items, start=1)
        ]
        return _INVALID if any(item is _INVALID for item in items) else items

    def _read_dict(self, node: Node, types_: tuple[Any, Any], what: str, limits: Limits) -> Any:
        """A mapping whose keys the author chooses (`"First Name": first_name`), each key read
        as a located value of the key type."""
        if not isinstance(node, Map):
            return self.fail(node.where, f"{what} must be a mapping of `key: value` lines, not {describe(node)}")
        most = limits.get("max_items")
        if most is not None and len(node.entries) > most:
            return self.fail(node.where, f"{what} has {len(node.entries)} entries; at most {most} are allowed")
        key_type, value_type = types_
        read: dict[Any, Any] = {}
        for key, (key_node, value_node) in node.entries.items():
            name = self._read_scalar(key_node, key_type, f"key `{key}` of {what}", {})
            value = self.read(value_node, value_type, f"`{key}` of {what}", {})
            if name is not _INVALID and value is not _INVALID:
                read[name] = value
        return _INVALID if len(read) < len(node.entries) else read

    def _read_tagged(self, node: Node, tp: Any, what: str) -> Any:
        """A single-key mapping whose key names the kind, like `- bullets: [...]`."""
        kinds: dict[str, Any] = tp.KINDS
        if not isinstance(node, Map) or len(node.entries) != 1:
            found = describe(node) if not isinstance(node, Map) else f"a mapping with {len(node.entries)} keys"
            return self.fail(
                node.where,
                f"{what} must be one `kind: value` pair, not {found}",
                "kinds: " + ", ".join(f"`{k}`" for k in kinds),
            )
        ((key, (key_node, value_node)),) = node.entries.items()
        if key not in kinds:
            return self.fail(key_node.where, f"unknown {tp.NOUN} `{key}`", closest(key, kinds))
        body = self.read(value_node, kinds[key], f"`{key}`", getattr(tp, "KIND_LIMITS", {}).get(key))
        if body is _INVALID:
            return _INVALID
        return tp(kind=key, body=body, where=key_node.where)

    def _read_record(self, node: Node, tp: Any, what: str) -> Any:
        shorthand = getattr(tp, "SHORTHAND", None)
        if isinstance(node, Scalar) and shorthand:
            node = _wrap(node, shorthand)
        if not isinstance(node, Map):
            return self.fail(node.where, f"{what} must be a mapping of `key: value` lines, not {describe(node)}")
        fields = fields_of(tp)
        values: dict[str, Any] = {}
        positions: dict[str, Where] = {}
        ok = True
        previous: tuple[str, Node] | None = None
        for key, (key_node, value_node) in node.entries.items():
            spec = fields.get(key)
            if spec is None:
                ok = False
                hint = _cut_at_a_comma(key, value_node, previous) or closest(key, fields)
                self.fail(key_node.where, f"unknown key `{key}` in {what}", hint)
                continue
            previous = (key, value_node)
            value = self.read(value_node, spec.type, f"`{key}`", spec.metadata)
            ok &= value is not _INVALID
            values[key] = value
            positions[key] = value_node.where
        for name, spec in fields.items():
            if name not in values and is_required(spec):
                ok = False
                self.fail(node.where, f"{what} is missing the required key `{name}`", spec.metadata.get("doc"))
        if not ok:
            return _INVALID
        obj = tp(**values)
        if "where" in {f.name for f in dataclasses.fields(tp)}:
            object.__setattr__(obj, "where", node.where)
        object.__setattr__(obj, "_positions", positions)
        if hasattr(obj, "problems"):
            found = obj.problems()
            self.problems.extend(found)
            if found:
                return _INVALID
        return obj

    def _read_scalar(self, node: Node, tp: Any, what: str, limits: Limits) -> Any:
        if isinstance(node, Map) and len(node.entries) == 1 and " " in next(iter(node.entries)):
            hint = "a colon and a space inside a text start a key in YAML: put the whole text in double quotes"
            return self.fail(node.where, f"{what} must be {_a(tp)}, not {describe(node)}", hint)
        if not isinstance(node, Scalar):
            return self.fail(node.where, f"{what} must be {_a(tp)}, not {describe(node)}")
        raw = node.as_text if node.as_text is not None and tp is Text else node.value
        if issubclass(tp, Located):
            longest = limits.get("max_length", tp.max_length)
            if len(raw) > longest:
                return self.fail(
                    node.where,
                    f"{what} is {len(raw):,} characters long; it may be at most {longest:,}",
                    "shorten it, or split it into several items",
                )
        try:
            if tp is bool:
                return _parse_bool(raw)
            if tp is dt.date:
                from .types import parse_date

                return parse_date(raw)
            if tp is int:
                value = _parse_int(raw)
            elif tp is float:
                value = _parse_float(raw)
            else:
                value = tp.parse(raw) if hasattr(tp, "parse") else raw
        except ValueError as exc:
            return self.fail(node.where, f"{what}: {exc}")
        if issubclass(tp, Located):
            if not raw.strip():
                return self.fail(node.where, f"{what} is empty")
            located = tp(value, node.where)
            if self._inspect is not None:
                self.problems.extend(self._inspect(located))
            return located
        out_of_range = range_problem(value, tp, limits)
        if out_of_range:
            return self.fail(node.where, f"{what} is {out_of_range}")
        return tp(value)


def range_problem(value: float, tp: Any, limits: Limits) -> str | None:
    """`value` against a field's declared `minimum` and `maximum`, in the words of its unit."""
    least, most = limits.get("minimum"), limits.get("maximum")
    show = tp.show if issubclass(tp, Number) else (lambda v: f"{v:g}")
    below = least is not None and value < least - 1e-9 * max(1.0, abs(least))  # 0.5cm is 5mm exactly
    above = most is not None and value > most + 1e-9 * max(1.0, abs(most))
    if (below or above) and least is not None and most is not None:
        return f"{show(value)}; it must be from {show(least)} to {show(most)}"
    if below:
        return f"{show(value)}; it must be at least {show(least)}"
    if above:
        return f"{show(value)}; it must be at most {show(most)}"
    return None


def was_written(obj: Any, name: str) -> bool:
    """Whether field `name` of a read model object was written in the file (not a default)."""
    return name in getattr(obj, "_positions", {})


def position(obj: Any, name: str) -> Where | None:
    """Where the value of field `name` of a read model object was written (else the object)."""
    return getattr(obj, "_positions", {}).get(name) or getattr(obj, "where", None)


def read(node: Node, tp: Any, what: str, inspect: Inspect | None = None) -> Any:
    """Read `node` as `tp`, raising one HandoutError with every problem found."""
    reader = Reader(inspect)
    value = reader.read(node, tp, what)
    if reader.problems:
        raise HandoutError(reader.problems)
    return value


def _cut_at_a_comma(key: str, value: Node, previous: tuple[str, Node] | None) -> str | None:
    """A hint for `{text: Rest, then ice}`: the comma ended the text and `then ice` became a key
    with no value. Said when the unknown key looks like words and has no value of its own."""
    if previous is None or not isinstance(value, Scalar) or value.value or " " not in key.strip():
        return None
    name, before = previous
    if not isinstance(before, Scalar):
        return None
    return (
        f'a comma inside {{ … }} starts a new key: put the whole text in quotes, like `{name}: "{before.value}, {key}"`'
    )


@functools.cache
def fields_of(tp: Any) -> dict[str, Any]:
    hints = typing.get_type_hints(tp)
    out = {}
    for f in dataclasses.fields(tp):
        if f.metadata.get("internal"):
            continue
        f.type = hints[f.name]
        out[f.name] = f
    return out


def is_required(spec: dataclasses.Field) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def must_be_written(spec: dataclasses.Field) -> bool:
    """Required, and not one of the keys a file's name can give (its id and language)."""
    return is_required(spec) and "derived" not in spec.metadata


def _wrap(node: Scalar, key: str) -> Map:
    wrapped = Map(node.where)
    wrapped.entries[key] = (Scalar(key, node.where), node)
    return wrapped


def _parse_bool(raw: str) -> bool:
    if raw in ("true", "True", "yes"):
        return True
    if raw in ("false", "False", "no"):
        return False
    raise ValueError(f"`{raw}` is not true or false")


def _parse_int(raw: str) -> int:
    if re.fullmatch(r"\s*[-+]?[0-9]{10,}\s*", raw):
        raise ValueError(f"`{raw[:20]}` is far too large")
    if not re.fullmatch(r"\s*[-+]?[0-9]{1,9}\s*", raw):
        raise ValueError(f"`{raw}` is not a whole number")
    return int(raw, 10)


def _parse_float(raw: str) -> float:
    if not re.fullmatch(r"\s*[-+]?[0-9]{1,6}(\.[0-9]{1,2})?\s*", raw):
        raise ValueError(f"`{raw}` is not a number with at most 2 decimals, like `1.4`")
    return float(raw)


def _choices(choices: tuple[str, ...]) -> str:
    return ", ".join(f"`{c}`" for c in choices)


def _a(tp: Any) -> str:
    names = {bool: "true or false", int: "a whole number", float: "a number", dt.date: "a date (YYYY-MM-DD)"}
    return names.get(tp, "text")
