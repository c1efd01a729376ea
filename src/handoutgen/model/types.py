"""Value types that content and layout fields are declared with, and the limits on them.

Each type knows how to read itself from a YAML scalar's text. A field's declaration (its type
plus the limits in its metadata: `max_length`, `minimum`, `maximum`, `min_items`, `max_items`)
alone decides validation, error wording, the exported JSON Schema and the reference docs.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import field
from typing import Any, ClassVar
from urllib.parse import urlsplit

from ..errors import Where

LINK_SCHEMES = ("https", "http", "mailto", "tel")
LANGUAGES = ("en", "es")  # content languages; text/labels.py has the tool's words in each
MM = 72 / 25.4
LONGEST_WORD = 40  # letters; a longer word cannot be printed on one line of a narrow column
_WORD = re.compile(r"\w+")


class Located(str):
    """A string that remembers the file position it was read from."""

    where: Where | None = None
    max_length: ClassVar[int] = 200

    def __new__(cls, value: str, where: Where | None = None) -> Located:
        obj = super().__new__(cls, value)
        obj.where = where
        return obj


class Words(Located):
    """Text a reader reads: every word must fit on one line."""

    @classmethod
    def parse(cls, raw: str) -> str:
        longest = max(_WORD.findall(raw), key=len, default="")
        if len(longest) > LONGEST_WORD:
            raise ValueError(
                f"has a word of {len(longest)} letters (`{longest[:20]}…`); "
                f"a word of more than {LONGEST_WORD} letters cannot be printed on one line"
            )
        return raw


class Text(Words):
    """User prose: inline Markdown (bold, italic, links); every other character is literal."""

    max_length: ClassVar[int] = 1000
    schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "Text; **bold**, *italic*, [link](https://...)",
    }


class Plain(Words):
    """A short text printed as written, without Markdown (alt text, names of things)."""

    max_length: ClassVar[int] = 200
    schema: ClassVar[dict[str, Any]] = {"type": "string"}


class Label(Plain):
    """Words the tool prints itself ("Take care", "Page 1 of 2"), located at the part they belong to."""


class Id(Located):
    """An identifier: lower-case letters, digits and hyphens."""

    max_length: ClassVar[int] = 64
    pattern: ClassVar[re.Pattern[str]] = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,63}$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        if not cls.pattern.fullmatch(raw):
            raise ValueError("an id uses lower-case letters, digits and hyphens, like `glute-soreness`")
        return raw


class ExerciseRef(Id):
    """The id of an exercise in the library, looked up in the content's language."""


class Url(Located):
    """A link target: https, http, mailto or tel."""

    max_length: ClassVar[int] = 2000
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^(https?://|mailto:|tel:)\S+$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        check_url(raw)
        return raw


class RelPath(Located):
    """A picture's path (PNG, JPEG or SVG), relative to the YAML file it is written in."""

    max_length: ClassVar[int] = 1000
    schema: ClassVar[dict[str, Any]] = {"type": "string"}

    @classmethod
    def parse(cls, raw: str) -> str:
        if "\x00" in raw:
            raise ValueError("holds a NUL character (`\\0`), which no file name can")
        if any(len(part.encode()) > 255 for part in re.split(r"[/\\]", raw)):
            raise ValueError("has a folder or file name longer than 255 bytes, which no file system allows")
        return raw


class ContentPath(RelPath):
    """Another content file (a handout), relative to the YAML file it is written in."""


class Template(Located):
    """Header/footer text with {placeholders}; checked against the known names at resolve."""

    schema: ClassVar[dict[str, Any]] = {"type": "string"}


class Number:
    """A quantity with a unit; `show` writes a value the way a user would."""

    unit_name: ClassVar[str] = ""

    @classmethod
    def in_units(cls, raw: str, number: str, wrong: str) -> float:
        """`raw`, a number written as `number` matches and one of `units`, in the base unit."""
        names = "|".join(re.escape(unit) for unit in cls.units)
        match = re.fullmatch(rf"\s*({number})\s*({names})\s*", raw)
        if not match:
            raise ValueError(wrong)
        return float(match.group(1)) * cls.units[match.group(2)]

    @classmethod
    def show(cls, value: float) -> str:
        return f"{value:g}{cls.unit_name}"


class Length(float, Number):
    """A length in points, written with a unit: `12mm`, `1.5cm`, `0.5in`, `10pt`."""

    units: ClassVar[dict[str, float]] = {"pt": 1.0, "mm": MM, "cm": 10 * MM, "in": 72.0}
    pattern: ClassVar[re.Pattern[str]] = re.compile(r"\s*(-?[0-9]+(?:\.[0-9]{1,2})?)\s*(pt|mm|cm|in)\s*")
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\s*-?\d+(\.\d{1,2})?\s*(pt|mm|cm|in)\s*$"}

    @classmethod
    def parse(cls, raw: str) -> float:
        match = cls.pattern.fullmatch(raw)
        if not match:
            raise ValueError(
                f"`{raw}` is not a length; write a number (up to 2 decimals) and a unit: mm, cm, in or pt (e.g. `15mm`)"
            )
        return float(match.group(1)) * cls.units[match.group(2)]

    @classmethod
    def show(cls, value: float) -> str:
        return f"{value / MM:.1f} mm".replace(".0 mm", " mm")


class FontSize(float, Number):
    """A font size in points: `12` or `12pt`."""

    unit_name: ClassVar[str] = " pt"
    schema: ClassVar[dict[str, Any]] = {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\d+(\.\d{1,2})?\s*pt$"}]
    }

    @classmethod
    def parse(cls, raw: str) -> float:
        match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]{1,2})?)\s*(pt)?\s*", raw)
        if not match:
            raise ValueError(f"`{raw}` is not a font size; write points, like `12` or `12pt`")
        return float(match.group(1))


class Duration(int, Number):
    """A time in seconds, written `30s`, `90s` or `2min`."""

    units: ClassVar[dict[str, int]] = {"s": 1, "min": 60}
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\s*\d+\s*(s|min)\s*$"}

    @classmethod
    def parse(cls, raw: str) -> int:
        wrong = f"`{raw}` is not a duration; write seconds or minutes, like `30s` or `2min`"
        return int(cls.in_units(raw, r"[0-9]+", wrong))

    @classmethod
    def show(cls, value: float) -> str:
        return f"{value / 60:g} min" if value >= 60 and value % 60 == 0 else f"{value:g} s"


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


# While a batch row is read: merge data's own way of writing dates (`--date-format DD/MM/YYYY`)
# as (strptime format, as written), or (None, None) when the batch declared none. YYYY-MM-DD
# is always understood.
DATE_FORMAT: ContextVar[tuple[str, str] | tuple[None, None] | None] = ContextVar("date_format", default=None)


def parse_date(raw: str) -> dt.date:
    declared = DATE_FORMAT.get()
    if declared is not None and declared[0] is not None:  # the declared way first: YYYY-DD-MM is one
        try:
            return dt.datetime.strptime(raw, declared[0]).date()
        except ValueError:
            pass
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    if declared is not None and declared[0] is not None:
        raise ValueError(f"`{raw}` is not a date; write it as {declared[1]} or YYYY-MM-DD")
    how = " (or give the batch --date-format, like DD/MM/YYYY)" if declared is not None else ""
    raise ValueError(f"`{raw}` is not a date; write it as YYYY-MM-DD, like `2026-11-01`{how}")


class Distance(float, Number):
    """A distance in metres, written `30m`, `2.5m` or `1.5km`."""

    units: ClassVar[dict[str, float]] = {"m": 1.0, "km": 1000.0}
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*(m|km)\s*$"}

    @classmethod
    def parse(cls, raw: str) -> float:
        wrong = f"`{raw}` is not a distance; write metres or kilometres, like `30m` or `1.5km`"
        return round(cls.in_units(raw, r"[0-9]+(?:\.[0-9]{1,2})?", wrong), 2)

    @classmethod
    def show(cls, value: float) -> str:
        return f"{value / 1000:g} km" if value >= 1000 and value % 100 == 0 else f"{value:g} m"


class Tempo(Located):
    """Seconds to lower, pause and lift (and pause again), like `3-1-1` or `2-0-2-0`."""

    max_length: ClassVar[int] = 12
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^\d{1,2}(-\d{1,2}){2,3}$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        if not re.fullmatch(r"\d{1,2}(-\d{1,2}){2,3}", raw.strip()):
            raise ValueError(f"`{raw}` is not a tempo; write the seconds to lower, pause and lift, like `3-1-1`")
        if not any(int(part) for part in raw.strip().split("-")):
            raise ValueError(f"`{raw}` is a tempo of no time at all; like `3-1-1`, a phase or more takes seconds")
        return raw.strip()

    def phases(self) -> list[int]:
        return [int(part) for part in self.split("-")]


class DateFormat(Located):
    """How merge data writes dates, like `DD/MM/YYYY`."""

    max_length: ClassVar[int] = 20
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^(DD|MM|YYYY)([/.-](DD|MM|YYYY)){2}$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        date_format(raw)
        return raw.strip().upper()


class FieldName(Located):
    """A merge field's name as templates write it, like `first_name`."""

    max_length: ClassVar[int] = 64
    pattern: ClassVar[re.Pattern[str]] = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_]*$"}

    @classmethod
    def parse(cls, raw: str) -> str:
        if not cls.pattern.fullmatch(raw):
            raise ValueError(f"`{raw}` is not a field name; use letters, digits and `_`, like `first_name`")
        return raw


def date_format(written: str) -> tuple[str, str]:
    """A date format as people write it (DD/MM/YYYY, MM-DD-YYYY, YYYY.MM.DD) for strptime."""
    parts = re.split(r"([/.\-])", written.strip().upper())
    fields, separators = parts[::2], set(parts[1::2])
    if sorted(fields) != ["DD", "MM", "YYYY"] or len(separators) != 1:
        raise ValueError(
            f"`{written}` is not a date format; use DD, MM and YYYY with one of / . - between them, like DD/MM/YYYY"
        )
    codes = {"DD": "%d", "MM": "%m", "YYYY": "%Y"}
    return "".join(codes.get(part, part) for part in parts), written.strip().upper()


def check_url(url: str) -> None:
    """Raise ValueError unless `url` is a well-formed link with an allowed scheme."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ValueError(f"link `{url}` is not a well-formed address") from None
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


def doc(text: str, **limits: Any) -> dict[str, Any]:
    """Field metadata: the description that the JSON Schema and the docs show, and the field's
    limits (`max_length`, `minimum`, `maximum`, `min_items`, `max_items`, `printed`)."""
    return {"doc": text, **limits}


def mm(value: float) -> float:
    """A length limit written in millimetres, in points."""
    return value * MM


def where_field() -> Any:
    """The position of the mapping a model object was read from (set by the reader)."""
    return field(default=None, repr=False, compare=False, metadata={"internal": True})
