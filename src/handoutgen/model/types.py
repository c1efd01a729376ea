"""Value types that content and layout fields are declared with.

Each type knows how to read itself from a YAML scalar's text, so a field's declaration
alone decides validation, error wording and the exported JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import Any, ClassVar
from urllib.parse import urlsplit

from ..errors import Where

LINK_SCHEMES = ("https", "http", "mailto", "tel")


class Located(str):
    """A string that remembers the file position it was read from."""

    where: Where | None = None

    def __new__(cls, value: str, where: Where | None = None) -> Located:
        obj = super().__new__(cls, value)
        obj.where = where
        return obj


class Text(Located):
    """User prose: inline Markdown (bold, italic, links); every other character is literal."""

    schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "Text; **bold**, *italic*, [link](https://...)",
    }


class Plain(Located):
    """A short plain string printed as written (alt text, labels, names of things)."""

    schema: ClassVar[dict[str, Any]] = {"type": "string"}


class Id(Located):
    """An identifier: lower-case letters, digits and hyphens."""

    pattern: ClassVar[re.Pattern[str]] = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,63}$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        if not cls.pattern.fullmatch(raw):
            raise ValueError("an id uses lower-case letters, digits and hyphens, like `glute-soreness`")
        return raw


class Url(Located):
    """A link target: https, http, mailto or tel."""

    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^(https?://|mailto:|tel:)\S+$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        check_url(raw)
        return raw


class RelPath(Located):
    """A picture's path (PNG, JPEG or SVG), relative to the YAML file it is written in."""

    schema: ClassVar[dict[str, Any]] = {"type": "string"}


class ContentPath(Located):
    """Another content file (a handout), relative to the YAML file it is written in."""

    schema: ClassVar[dict[str, Any]] = {"type": "string"}


class Template(Located):
    """Header/footer text with {placeholders}; checked against the known names at resolve."""

    schema: ClassVar[dict[str, Any]] = {"type": "string"}


class Length(float):
    """A length in points, written with a unit: `12mm`, `1.5cm`, `0.5in`, `10pt`."""

    units: ClassVar[dict[str, float]] = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
    pattern: ClassVar[re.Pattern[str]] = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in)\s*")
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\s*-?\d+(\.\d+)?\s*(pt|mm|cm|in)\s*$"}

    @classmethod
    def parse(cls, raw: str) -> float:
        match = cls.pattern.fullmatch(raw)
        if not match:
            raise ValueError(f"`{raw}` is not a length; write a number and a unit: mm, cm, in or pt (e.g. `15mm`)")
        return float(match.group(1)) * cls.units[match.group(2)]


class FontSize(float):
    """A font size in points: `12` or `12pt`."""

    schema: ClassVar[dict[str, Any]] = {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\d+(\.\d+)?\s*pt$"}]
    }

    @classmethod
    def parse(cls, raw: str) -> float:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(pt)?\s*", raw)
        if not match:
            raise ValueError(f"`{raw}` is not a font size; write points, like `12` or `12pt`")
        size = float(match.group(1))
        if not 4 <= size <= 96:
            raise ValueError(f"font size {size:g} pt is outside 4 to 96 pt")
        return size


class Color(str):
    """A colour as `#rrggbb` (or `#rgb`)."""

    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        if not raw:
            raise ValueError('no colour given; quote it, like `"#0f5e6e"`: an unquoted # starts a YAML comment')
        if not re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", raw):
            raise ValueError(f"`{raw}` is not a colour; write it as `#rrggbb`, like `#0f5e6e`")
        if len(raw) == 4:
            raw = "#" + "".join(c * 2 for c in raw[1:])
        return raw.lower()


def parse_date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"`{raw}` is not a date; write it as YYYY-MM-DD, like `2026-11-01`") from None


def check_url(url: str) -> None:
    """Raise ValueError unless `url` is a well-formed link with an allowed scheme."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        allowed = ", ".join(LINK_SCHEMES)
        raise ValueError(f"link `{url}` is not allowed; links must start with one of: {allowed}")
    if scheme in ("http", "https") and not parts.netloc:
        raise ValueError(f"link `{url}` has no host name")
    if scheme in ("mailto", "tel") and not parts.path:
        raise ValueError(f"link `{url}` is empty after `{scheme}:`")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise ValueError(f"link `{url}` contains spaces or control characters")


def doc(text: str, **extra: Any) -> dict[str, Any]:
    """Field metadata: the description that the JSON Schema and the docs show."""
    return {"doc": text, **extra}


def where_field() -> Any:
    """The position of the mapping a model object was read from (set by the reader)."""
    return field(default=None, repr=False, compare=False, metadata={"internal": True})
