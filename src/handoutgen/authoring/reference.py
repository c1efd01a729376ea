"""docs/reference.md: every key of every file kind, with its type, default, limits and meaning,
written from the same declarations that the reader and the JSON Schemas use.

    python -m handoutgen.authoring.reference docs/reference.md
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, Union

from ..model.handout import Language
from ..model.read import fields_of, is_required
from ..model.types import (
    MM,
    Color,
    DateFormat,
    Distance,
    Duration,
    FieldName,
    FontSize,
    Id,
    Length,
    Located,
    Plain,
    RelPath,
    Tempo,
    Text,
    Url,
)
from .schema import KINDS, model_for

INTRO = """# Reference: every key of every file

Written from the declarations in `src/handoutgen/model/` by
`python -m handoutgen.authoring.reference docs/reference.md`; a test fails when it is out of
date. Each file kind starts with its own key (`handout:`, `exercise:`, `deck:`, `program:`);
a layout file has none and usually starts with `extends:`. `a.b` is key `b` inside mapping
`a`; `a[]` is each item of list `a`. Unknown keys are errors. *text* takes inline Markdown
(`**bold**`, `*italic*`, `[a link](https://…)`); *plain text* is printed as written.
"""

Row = tuple[str, str, str, str, str]  # key, type, default, limits, meaning


def reference_markdown() -> str:
    parts = [INTRO]
    for kind in KINDS:
        parts += [f"\n## {kind}\n", "| key | type | default | limits | meaning |", "| --- | --- | --- | --- | --- |"]
        parts += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in _rows(model_for(kind))]
    return "\n".join(parts) + "\n"


def _rows(tp: Any, prefix: str = "", seen: frozenset = frozenset()) -> Iterator[Row]:
    for name, spec in fields_of(tp).items():
        key = f"{prefix}{name}"
        yield key, _type(spec.type), _default(spec), _limits(spec.type, spec.metadata), spec.metadata.get("doc", "")
        yield from _inside(spec.type, key, seen | {tp})


def _inside(tp: Any, key: str, seen: frozenset) -> Iterator[Row]:
    """The keys of the mappings a field holds: its record, each item's, or each block kind's."""
    inner, listed = _unwrap(tp)
    suffix = "[]." if listed else "."
    if hasattr(inner, "KINDS"):
        docs, kind_limits = getattr(inner, "KIND_DOCS", {}), getattr(inner, "KIND_LIMITS", {})
        for kind, body in inner.KINDS.items():
            limits = _limits(body, kind_limits.get(kind, {}))
            yield f"{key}{suffix}{kind}", _type(body), "", limits, docs.get(kind, "")
            if dataclasses.is_dataclass(body) and body not in seen:
                yield from _rows(body, f"{key}{suffix}{kind}.", seen | {body})
            else:
                yield from _inside(body, f"{key}{suffix}{kind}", seen)
    elif dataclasses.is_dataclass(inner) and inner not in seen:
        yield from _rows(inner, f"{key}{suffix}", seen)


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """The record type a field holds and whether it is a list of them (None dropped, and for a
    choice of a text or a record, the record: `- step text` is short for `- {text: ...}`)."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [o for o in typing.get_args(tp) if o is not type(None)]
        records = [o for o in options if dataclasses.is_dataclass(o) or hasattr(o, "KINDS")]
        return _unwrap(records[0] if records else options[0])
    if origin in (list, tuple):
        inner, _ = _unwrap(typing.get_args(tp)[0])
        return inner, True
    return tp, False


def _type(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return " or ".join(_type(o) for o in typing.get_args(tp) if o is not type(None))
    if origin is Literal:
        return "one of " + ", ".join(f"`{v}`" for v in typing.get_args(tp))
    if origin in (list, tuple):
        return f"list of {_type(typing.get_args(tp)[0])}"
    if origin is dict:
        keys, values = typing.get_args(tp)
        return f"mapping of {_type(keys)} to {_type(values)}"
    if hasattr(tp, "KINDS"):
        return "one block: " + ", ".join(f"`{k}`" for k in tp.KINDS)
    if dataclasses.is_dataclass(tp):
        return "mapping"
    names = [
        (Text, "text"),
        (Plain, "plain text"),
        (Url, "address"),
        (RelPath, "file path"),
        (Id, "id"),
        (FieldName, "field name"),
        (DateFormat, "date format (`DD/MM/YYYY`, `MM/DD/YYYY`...)"),
        (Language, "language (`en`, `es`)"),
        (Located, "name"),
        (Length, "length (`12mm`, `1.5cm`, `0.5in`, `10pt`)"),
        (FontSize, "size in points (`11` or `11pt`)"),
        (Duration, "time (`30s`, `2min`)"),
        (Distance, "distance (`30m`, `1.5km`)"),
        (Tempo, "tempo (`3-1-1`)"),
        (Color, "colour (`#rrggbb`)"),
    ]
    for base, name in names:
        if isinstance(tp, type) and issubclass(tp, base):
            return name
    simple = {bool: "true or false", int: "whole number", float: "number", dt.date: "date (YYYY-MM-DD)", str: "text"}
    return simple.get(tp, getattr(tp, "__name__", str(tp)))


def _default(spec: dataclasses.Field) -> str:
    if "derived" in spec.metadata:
        return spec.metadata["derived"]
    if is_required(spec):
        return "required"
    if spec.default_factory is not dataclasses.MISSING:
        made = spec.default_factory()
        return "" if dataclasses.is_dataclass(made) else ("none" if made in ((), [], {}) else f"`{made}`")
    value = spec.default
    if value is None:
        return "none"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, Length):
        return f"`{value / MM:g}mm`"
    return f"`{value}`"


def _limits(tp: Any, limits: dict[str, Any]) -> str:
    found = []
    inner, _ = _unwrap(tp)
    least, most = limits.get("minimum"), limits.get("maximum")
    if least is not None or most is not None:
        scale, unit = (1, "")
        if isinstance(inner, type) and issubclass(inner, Length):
            scale, unit = MM, " mm"
        elif isinstance(inner, type) and issubclass(inner, Duration):
            unit = " s"
        elif isinstance(inner, type) and issubclass(inner, Distance):
            unit = " m"
        low = "" if least is None else f"{least / scale:g}"
        high = "" if most is None else f"{most / scale:g}"
        found.append(f"{low}–{high}{unit}" if low and high else (f"≥ {low}{unit}" if low else f"≤ {high}{unit}"))
    if limits.get("min_items") or limits.get("max_items") is not None:
        low, high = limits.get("min_items") or 0, limits.get("max_items")
        found.append(f"{low}–{high} items" if high is not None else f"at least {low} items")
    length = limits.get("max_length") or (getattr(inner, "max_length", None) if isinstance(inner, type) else None)
    if length and isinstance(inner, type) and issubclass(inner, Located):
        found.append(f"at most {length} characters")
    if limits.get("printed") is False:
        found.append("not printed")
    return "; ".join(found)


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else Path("docs/reference.md")
    target.write_text(reference_markdown(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
