"""The project file, `handoutgen.yaml` at a project's root: what every command takes as given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Where
from .types import Plain, RelPath, doc, where_field


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
