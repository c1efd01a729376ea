"""The project file, `handoutgen.yaml` at a project's root: what every command takes as given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Where
from .handout import Language
from .types import DateFormat, FieldName, Plain, RelPath, doc, where_field


@dataclass(frozen=True)
class MergeSettings:
    map: dict[Plain, FieldName] = field(
        default_factory=dict,
        metadata=doc(
            'Columns of the merge data read under another field name, like `"Nom du patient": patient` '
            "(`--map` adds to them).",
            max_items=100,
        ),
    )
    date_format: DateFormat | None = field(
        default=None,
        metadata=doc("How the merge data writes dates, like `DD/MM/YYYY` (`--date-format` wins over it)."),
    )
    where: Where | None = where_field()


@dataclass(frozen=True)
class Batch:
    program: RelPath = field(
        metadata=doc("A programme template with `{{ field }}` placeholders, relative to this file.", max_length=300)
    )
    data: RelPath = field(metadata=doc("The rows to fill it from: a CSV export or a YAML list.", max_length=300))
    output: Plain | None = field(
        default=None,
        metadata=doc(
            "The file each row writes, inside the output folder, like `patients/{{ id }}.pdf` "
            "(default: `<programme>-{{ row }}.pdf`).",
            max_length=300,
        ),
    )
    where: Where | None = where_field()


@dataclass(frozen=True)
class Project:
    project: Plain = field(metadata=doc("The project's name, like `Riverside Physio handouts`.", max_length=120))
    content: list[RelPath] = field(
        default_factory=lambda: [RelPath("handouts")],
        metadata=doc(
            "Folders that `handoutgen build` builds when it is given none, relative to this file.",
            min_items=1,
            max_items=20,
        ),
    )
    layout: Plain | None = field(
        default=None,
        metadata=doc(
            "The layout for handouts and programmes: a built-in name or a layout file relative to this file.",
            max_length=300,
        ),
    )
    card_layout: Plain | None = field(
        default=None,
        metadata=doc("The layout for decks and exercise cards (default `cards-a6`).", max_length=300),
    )
    output: RelPath = field(
        default=RelPath("out"), metadata=doc("The folder builds write into, relative to this file.", max_length=300)
    )
    formats: list[Literal["pdf", "html"]] = field(
        default_factory=lambda: ["pdf"],
        metadata=doc("The editions builds write: `pdf`, `html` or both.", min_items=1, max_items=2),
    )
    language: Language = field(
        default="en", metadata=doc("The language of content files that neither say it nor have it in their name.")
    )
    languages: list[Language] = field(
        default_factory=list,
        metadata=doc(
            "The languages the project keeps every file in, like `[en, es]`; lint names each file that has "
            "no translation in one of them.",
            max_items=10,
        ),
    )
    merge: MergeSettings = field(default_factory=MergeSettings, metadata=doc("How merge data (`--data`) is read."))
    batches: list[Batch] = field(
        default_factory=list,
        metadata=doc(
            "Programme templates that `handoutgen build` (given no files) fills from their data, one file a row.",
            max_items=50,
        ),
    )
    lint_ignore: list[Plain] = field(
        default_factory=list,
        metadata=doc(
            "Lint findings to leave out everywhere, by code, like `reading-grade`; a file can leave "
            "out its own with a comment: `# handoutgen: ignore long-sentence`.",
            max_items=20,
            max_length=40,
        ),
    )
    where: Where | None = where_field()
