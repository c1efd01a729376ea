"""The handout content model: a handout is titled sections of blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ..errors import Problem, Where
from ..labels import LANGUAGES
from .types import Id, Length, Located, Plain, RelPath, Text, Url, doc, where_field

MM = 72 / 25.4


class Language(Located):
    """A content language that the tool has labels for."""

    schema: ClassVar[dict[str, Any]] = {"enum": list(LANGUAGES)}

    @classmethod
    def parse(cls, raw: str) -> str:
        if raw not in LANGUAGES:
            raise ValueError(f"language `{raw}` is not supported yet; use one of: " + ", ".join(LANGUAGES))
        return raw


@dataclass(frozen=True)
class Step:
    SHORTHAND: ClassVar[str] = "text"
    text: Text = field(metadata=doc("What to do, in a sentence or two."))
    title: Text | None = field(default=None, metadata=doc("A short action, printed in bold."))


@dataclass(frozen=True)
class FaqItem:
    q: Text = field(metadata=doc("The question, as a reader would ask it."))
    a: Text = field(metadata=doc("The answer."))


@dataclass(frozen=True)
class Callout:
    SHORTHAND: ClassVar[str] = "text"
    text: Text = field(metadata=doc("The message of the box."))
    tone: Literal["info", "tip", "warning"] = field(default="info", metadata=doc("Colour and label of the box."))
    title: Text | None = field(default=None, metadata=doc("Replaces the tone's label."))


@dataclass(frozen=True)
class Image:
    path: RelPath = field(metadata=doc("PNG, JPEG or SVG file, relative to this file."))
    alt: Plain = field(metadata=doc("What the picture shows, for readers who cannot see it.", printed=False))
    caption: Text | None = field(default=None, metadata=doc("Printed under the picture."))
    width: Length | None = field(default=None, metadata=doc("Printed width, like `80mm`; default: fits the column."))
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        if self.width is not None and not 5 * MM <= self.width <= 400 * MM:
            return [Problem(self.where, f"`width` is {self.width / MM:.0f} mm; a picture is 5 to 400 mm wide")]
        return []


@dataclass(frozen=True)
class QrCode:
    url: Url = field(metadata=doc("The address the code opens (https, http, mailto or tel)."))
    label: Text = field(metadata=doc("What the reader finds there."))


@dataclass(frozen=True)
class Table:
    header: list[Text] = field(metadata=doc("Column headings.", min_items=1))
    rows: list[list[Text]] = field(metadata=doc("Rows, each a list with one cell per heading."))
    caption: Text | None = field(default=None, metadata=doc("Printed above the table."))
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        width = len(self.header)
        found = []
        for row in self.rows:
            if len(row) != width:
                at = row[0].where if row else self.where
                found.append(
                    Problem(
                        at,
                        f"table row has {len(row)} cells but the header has {width}",
                        "give every row one cell per heading",
                    )
                )
        if not self.rows:
            found.append(Problem(self.where, "table has no rows"))
        return found


@dataclass(frozen=True)
class Block:
    """One block of a section, written as a single `kind: value` pair."""

    NOUN: ClassVar[str] = "block kind"
    KINDS: ClassVar[dict[str, Any]] = {
        "text": Text,
        "bullets": list[Text],
        "steps": list[Step],
        "faq": list[FaqItem],
        "callout": Callout,
        "image": Image,
        "qr": QrCode,
        "table": Table,
        "exercises": list[Id],
    }
    kind: str
    body: Any
    where: Where | None = None


@dataclass(frozen=True)
class Section:
    title: Text = field(metadata=doc("An informative heading, like 'How to ease soreness'."))
    blocks: list[Block] = field(metadata=doc("The section's content, top to bottom.", min_items=1))


@dataclass(frozen=True)
class Handout:
    handout: Id = field(metadata=doc("The handout's id, like `glute-soreness`."))
    title: Text = field(metadata=doc("The title printed at the top and stored in the PDF."))
    language: Language = field(metadata=doc("Content language; sets the labels the tool prints."))
    reviewed: dt.date = field(metadata=doc("When a clinician last reviewed the content (YYYY-MM-DD)."))
    sections: list[Section] = field(metadata=doc("The body of the handout.", min_items=1))
    subtitle: Text | None = field(default=None, metadata=doc("One line under the title."))
    summary: list[Text] = field(default_factory=list, metadata=doc("Key messages, boxed near the top."))
    where: Where | None = where_field()
