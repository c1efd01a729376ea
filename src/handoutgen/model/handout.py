"""The handout content model: a handout is titled sections of blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ..errors import Problem, Where
from .types import LANGUAGES, ExerciseRef, Id, Length, Located, Plain, RelPath, Text, Url, doc, mm, where_field


class Language(Located):
    """A content language that the tool has labels for."""

    schema: ClassVar[dict[str, Any]] = {"enum": list(LANGUAGES)}

    @classmethod
    def parse(cls, raw: str) -> str:
        if raw not in LANGUAGES:
            raise ValueError(f"language `{raw}` is not supported yet; use one of: " + ", ".join(LANGUAGES))
        return raw


FROM_NAME = "the file's name: `knee-pain.es.yaml` with an empty `{kind}:` is `knee-pain`"
LANGUAGE_FROM_NAME = "the file's name (`.es.yaml` is `es`), else the project's `language`, else `en`"
QR_MAX_LENGTH = 300  # a longer address makes a code too dense to scan at the size it is printed


@dataclass(frozen=True)
class Step:
    SHORTHAND: ClassVar[str] = "text"
    text: Text = field(metadata=doc("What to do, in a sentence or two.", max_length=600))
    title: Text | None = field(default=None, metadata=doc("A short action, printed in bold.", max_length=120))


@dataclass(frozen=True)
class FaqItem:
    q: Text = field(metadata=doc("The question, as a reader would ask it.", max_length=250))
    a: Text = field(metadata=doc("The answer.", max_length=1200))


@dataclass(frozen=True)
class Callout:
    SHORTHAND: ClassVar[str] = "text"
    text: Text = field(metadata=doc("The message of the box.", max_length=1000))
    tone: Literal["info", "tip", "warning"] = field(default="info", metadata=doc("Colour and label of the box."))
    title: Text | None = field(default=None, metadata=doc("Replaces the tone's label.", max_length=120))


@dataclass(frozen=True)
class Image:
    path: RelPath = field(metadata=doc("PNG, JPEG or SVG file, relative to this file."))
    alt: Plain = field(
        metadata=doc("What the picture shows, for readers who cannot see it.", printed=False, max_length=300)
    )
    caption: Text | None = field(default=None, metadata=doc("Printed under the picture.", max_length=300))
    width: Length | None = field(
        default=None,
        metadata=doc("Printed width, like `80mm`; default: fits the column.", minimum=mm(5), maximum=mm(400)),
    )
    where: Where | None = where_field()


@dataclass(frozen=True)
class QrCode:
    url: Url = field(
        metadata=doc(
            "The address the code opens (https, http, mailto or tel); short, so that the code prints large "
            "enough to scan.",
            max_length=QR_MAX_LENGTH,
        )
    )
    label: Text = field(metadata=doc("What the reader finds there.", max_length=150))


@dataclass(frozen=True)
class Table:
    header: list[Text] = field(metadata=doc("Column headings.", min_items=1, max_items=8, max_length=120))
    rows: list[list[Text]] = field(
        metadata=doc("Rows, each a list with one cell per heading.", min_items=1, max_items=100, max_length=400)
    )
    caption: Text | None = field(default=None, metadata=doc("Printed above the table.", max_length=150))
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
        return found


@dataclass(frozen=True)
class Log:
    items: list[Text] = field(
        metadata=doc(
            "What the reader ticks off each day, like `Stretches` or `Ice or heat`.",
            min_items=1,
            max_items=8,
            max_length=80,
        )
    )
    weeks: int = field(default=1, metadata=doc("Weeks of tick boxes, a table each.", minimum=1, maximum=4))
    title: Text | None = field(
        default=None, metadata=doc("Replaces the heading 'Track your recovery'.", max_length=120)
    )


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
        "exercises": list[ExerciseRef],
        "checklist": list[Text],
        "log": Log,
    }
    KIND_DOCS: ClassVar[dict[str, str]] = {
        "text": "A paragraph.",
        "bullets": "A bulleted list.",
        "steps": "Numbered steps, each a sentence or two (a step may have a bold title).",
        "faq": "Questions and answers.",
        "callout": "A tinted box for a tip, a warning or a note.",
        "image": "A picture from the project, with alt text and an optional caption.",
        "qr": "A QR code with the address printed beside it.",
        "table": "A table with a header row.",
        "exercises": "Exercise panels from the library, by id.",
        "checklist": "Tick boxes to tick off once.",
        "log": "Tick boxes for each day of one to four weeks.",
    }
    KIND_LIMITS: ClassVar[dict[str, dict[str, Any]]] = {
        "text": {"max_length": 2000},
        "bullets": {"min_items": 1, "max_items": 30, "max_length": 500},
        "steps": {"min_items": 1, "max_items": 20},
        "faq": {"min_items": 1, "max_items": 30},
        "exercises": {"min_items": 1, "max_items": 12},
        "checklist": {"min_items": 1, "max_items": 20, "max_length": 300},
    }
    kind: str
    body: Any
    where: Where | None = None


@dataclass(frozen=True)
class Section:
    title: Text = field(metadata=doc("An informative heading, like 'How to ease soreness'.", max_length=120))
    blocks: list[Block] = field(metadata=doc("The section's content, top to bottom.", min_items=1, max_items=60))


@dataclass(frozen=True)
class Handout:
    handout: Id = field(
        metadata=doc("The handout's id, like `glute-soreness`.", derived=FROM_NAME.format(kind="handout"))
    )
    title: Text = field(metadata=doc("The title printed at the top and stored in the PDF.", max_length=120))
    language: Language = field(
        metadata=doc("Content language; sets the labels the tool prints.", derived=LANGUAGE_FROM_NAME)
    )
    sections: list[Section] = field(metadata=doc("The body of the handout.", min_items=1, max_items=40))
    reviewed: dt.date | None = field(
        default=None,
        metadata=doc(
            "When a clinician last reviewed the content (YYYY-MM-DD); printed in the footer, and lint reminds "
            "when it is missing or more than three years old."
        ),
    )
    subtitle: Text | None = field(default=None, metadata=doc("One line under the title.", max_length=200))
    summary: list[Text] = field(
        default_factory=list, metadata=doc("Key messages, boxed near the top.", max_items=8, max_length=300)
    )
    where: Where | None = where_field()
