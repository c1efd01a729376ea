"""The resolved document: everything a renderer or the check needs, and nothing to look up.

Resolving reads each file once and turns content into these types: exercises looked up in the
library with this patient's doses applied, pictures as checked absolute paths, appended handouts
loaded, the layout merged. Renderers and the check take a `Document` and never open a content
file themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import Problem, Where
from .exercise import Deck, Exercise
from .handout import Handout, Image
from .layout import Layout
from .picture import Picture
from .program import Phase, Program
from .types import Text
from .views import CardsView, HandoutView, ProgramView


@dataclass(frozen=True)
class ResolvedExercise:
    """An exercise from the library as this document prints it: dose applied, pictures found."""

    exercise: Exercise
    start: Picture | None
    end: Picture | None
    note: Text | None = None  # a programme's note for this patient
    where: Where | None = field(default=None, compare=False)  # where the document names it


@dataclass(frozen=True)
class ResolvedImage:
    image: Image
    picture: Picture


@dataclass(frozen=True)
class ResolvedBlock:
    """A handout block; `image` bodies are ResolvedImage, `exercises` bodies ResolvedExercise tuples."""

    kind: str
    body: Any
    where: Where | None = None


@dataclass(frozen=True)
class ResolvedSection:
    title: Text
    blocks: tuple[ResolvedBlock, ...]


@dataclass(frozen=True)
class HandoutContent:
    handout: Handout
    sections: tuple[ResolvedSection, ...]
    source: Path
    warnings: tuple[Problem, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ResolvedPhase:
    phase: Phase
    exercises: tuple[ResolvedExercise, ...]


@dataclass(frozen=True)
class ProgramContent:
    program: Program
    exercises: tuple[ResolvedExercise, ...]  # in the order they print (every phase's, in turn)
    handouts: tuple[HandoutContent, ...]  # appended after the programme
    source: Path
    warnings: tuple[Problem, ...] = field(default=(), compare=False)
    phases: tuple[ResolvedPhase, ...] = ()


@dataclass(frozen=True)
class CardContent:
    """A deck, one exercise file, or a programme printed as cards."""

    deck: Deck
    exercises: tuple[ResolvedExercise, ...]
    source: Path
    warnings: tuple[Problem, ...] = field(default=(), compare=False)


Content = HandoutContent | ProgramContent | CardContent


@dataclass(frozen=True)
class Metadata:
    """What the PDF's metadata and the HTML's head say about a document."""

    title: str  # plain text; never the patient's name unless asked for
    language: str
    date: dt.date | None  # the content's own date: the PDF's date
    subject: str = ""
    author: str = ""
    reviewed: bool = True  # {reviewed} in headers and footers says "Reviewed <date>"
    where: Where | None = None  # for errors about the document as a whole


@dataclass(frozen=True)
class Document:
    """One document ready to render: its content, what it prints, and how."""

    kind: Literal["handout", "program", "cards"]
    content: Content
    layout: Layout
    view: HandoutView | ProgramView | CardsView
    meta: Metadata
    logo: Picture | None = None
    one_per_page: bool = False
    warnings: tuple[Problem, ...] = ()
    leaflets: tuple[Document, ...] = ()  # a programme's appended handouts, each printed as its own leaflet
