"""The Python API that the command line, scripts and clinic systems call.

import handoutgen
pdf = handoutgen.build("handouts/glute-soreness.yaml", layout="large-print")
cards = handoutgen.build("handouts/decks/glute-stretches.yaml", layout="cards-a6")
report = handoutgen.check(pdf, content="handouts/glute-soreness.yaml")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import HandoutError
from .model import Handout, Layout
from .resolve import load_handout, load_layout

if TYPE_CHECKING:  # decks and programmes load their modules only when used
    from .library import CardSet
    from .merge import Row
    from .programs import ProgramContent
    from .verify import Report

    Content = Handout | CardSet | ProgramContent

PathLike = str | Path
DEFAULT_CARD_LAYOUT = "cards-a6"


@dataclass(frozen=True)
class Built:
    """A built PDF with what it was built from."""

    source: Path
    pdf: bytes
    pages: int
    content: Content
    layout: Layout
    one_per_page: bool = False


def build(
    content: PathLike | Content,
    layout: PathLike | Layout | None = None,
    one_per_page: bool = False,
    metadata_name: bool = False,
) -> bytes:
    """Build a handout, a deck, an exercise card or a programme to PDF bytes.

    Raises HandoutError for bad input. A programme with a card layout builds as cards.
    """
    return render(load_content(content), _layout(layout), one_per_page, metadata_name)[0]


def render(
    content: Content, layout: Layout, one_per_page: bool = False, metadata_name: bool = False
) -> tuple[bytes, int, Layout]:
    """PDF bytes, page count and the layout actually used (cards need a card layout)."""
    from .library import CardSet
    from .programs import ProgramContent

    if isinstance(content, Handout):
        from .render.document import render_handout

        rendered = render_handout(content, layout)
        return rendered.pdf, rendered.pages, layout
    if isinstance(content, ProgramContent) and layout.cards is None:
        from .render.program import render_program

        rendered = render_program(content, layout, metadata_name)
        return rendered.pdf, rendered.pages, layout
    from .render.deck import render_deck

    cards = CardSet(*content.as_deck(metadata_name)) if isinstance(content, ProgramContent) else content
    if layout.cards is None:
        layout = load_layout(DEFAULT_CARD_LAYOUT)
    rendered = render_deck(cards.deck, cards.exercises, layout, one_per_page)
    return rendered.pdf, rendered.pages, layout


def build_file(
    source: Path,
    layout: PathLike | Layout | None = None,
    one_per_page: bool = False,
    metadata_name: bool = False,
    row: Row | None = None,
) -> Built:
    """Build one content file (a programme filled from a merge row), keeping what it was built from."""
    from .library import CardSet
    from .programs import ProgramContent

    content = load_content(source, row)
    pdf, pages, used = render(content, _layout(layout), one_per_page, metadata_name)
    if not isinstance(content, ProgramContent) or used.cards is None:
        return Built(source, pdf, pages, content, used, one_per_page)
    return Built(source, pdf, pages, CardSet(*content.as_deck()), used, one_per_page)


def check(
    pdf: bytes | PathLike, content: PathLike | Content | None = None, layout: PathLike | Layout | None = None
) -> Report:
    """Check a PDF: fonts, metadata, text on the page, links; given the content, every word of it
    (and for cards, every card's words inside that card)."""
    from .library import CardSet
    from .programs import ProgramContent
    from .verify import check_pdf

    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    loaded = load_content(content) if content is not None else None
    resolved = _layout(layout) if layout is not None else None
    if isinstance(loaded, ProgramContent) and resolved is not None and resolved.cards is not None:
        loaded = CardSet(*loaded.as_deck())
    if isinstance(loaded, CardSet) and (resolved is None or resolved.cards is None):
        resolved = load_layout(DEFAULT_CARD_LAYOUT)
    return check_pdf(data, loaded, resolved)


def validate(content: PathLike) -> Content:
    """Load and check a content file without building it."""
    return load_content(content)


def load_content(content: PathLike | Content, row: Row | None = None) -> Content:
    """A handout; a deck or exercise file as a set of cards; a programme (filled from `row`)."""
    from .library import CardSet
    from .programs import ProgramContent, load_program

    if isinstance(content, (Handout, CardSet, ProgramContent)):
        return content
    from .batch import content_kind

    path = Path(content)
    kind = content_kind(path)
    if kind in ("deck", "exercise"):
        from .library import load_deck

        return CardSet(*load_deck(path))
    if kind == "program":
        return load_program(path, row)
    return load_handout(path)


def _layout(layout: PathLike | Layout | None) -> Layout:
    if isinstance(layout, Layout):
        return layout
    return load_layout(layout)


__all__ = [
    "Built",
    "CardSet",
    "HandoutError",
    "ProgramContent",
    "build",
    "build_file",
    "check",
    "load_content",
    "validate",
]


def __getattr__(name: str):
    if name == "CardSet":
        from .library import CardSet

        return CardSet
    if name == "ProgramContent":
        from .programs import ProgramContent

        return ProgramContent
    raise AttributeError(f"module 'handoutgen.api' has no attribute {name!r}")
