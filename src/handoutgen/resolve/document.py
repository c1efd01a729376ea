"""Resolved content and a layout to a Document: what renderers and the check take."""

from __future__ import annotations

import dataclasses
import re

from ..model.layout import Layout
from ..model.resolved import CardContent, Content, Document, HandoutContent, Metadata, ProgramContent
from ..model.types import Text
from ..text.labels import label
from ..text.markup import inline
from ..text.printed import card_exercises, cards_view, handout_view, program_view
from .layouts import DEFAULT_CARD_LAYOUT, load_layout, logo_picture


def make_document(
    content: Content, layout: Layout, one_per_page: bool = False, metadata_name: bool = False
) -> Document:
    """Put content on a layout. Decks need a card layout (cards-a6 when given a page layout);
    a programme on a card layout prints as cards; a handout uses a card layout's page."""
    language = content_language(content)
    layout, fallbacks = layout.in_language(language)
    content = dataclasses.replace(content, warnings=(*content.warnings, *fallbacks)) if fallbacks else content
    logo = logo_picture(layout, language)
    if isinstance(content, HandoutContent):
        view = handout_view(content, layout)
        return Document(
            "handout", content, layout, view, handout_metadata(content, layout), logo, warnings=content.warnings
        )
    if isinstance(content, ProgramContent) and layout.cards is None:
        program = content.program
        meta = Metadata(
            program_title(content, metadata_name),
            str(program.language),
            program.date,
            author=str(layout.brand.name or ""),
            reviewed=False,
            where=program.where,
        )
        view = program_view(content, layout)
        warnings = content.warnings
        if layout.columns == 2:  # panels and the log need the page's width
            from ..errors import Problem
            from ..model.read import position

            one_column = Problem(
                position(layout, "columns") or layout.where,
                "`columns: 2` is for handouts; a programme prints its exercises and log in one column",
            )
            warnings = (*warnings, one_column)
        leaflets = tuple(
            Document("handout", handout, layout, handout_view_, handout_metadata(handout, layout), logo)
            for handout, handout_view_ in zip(content.handouts, view.handouts, strict=True)
        )
        return Document("program", content, layout, view, meta, logo, warnings=warnings, leaflets=leaflets)
    if isinstance(content, ProgramContent):
        content = program_cards(content, metadata_name)
    assert isinstance(content, CardContent)
    if layout.cards is None:
        layout, _ = load_layout(DEFAULT_CARD_LAYOUT).in_language(language)
        logo = logo_picture(layout, language)
    meta = Metadata(
        inline(content.deck.title).plain, str(content.deck.language), None, author=str(layout.brand.name or "")
    )
    view = cards_view(content, layout)
    return Document("cards", content, layout, view, meta, logo, one_per_page, content.warnings)


def handout_metadata(content: HandoutContent, layout: Layout) -> Metadata:
    handout = content.handout
    return Metadata(
        inline(handout.title).plain,
        str(handout.language),
        handout.reviewed,
        subject=inline(handout.subtitle).plain if handout.subtitle else "",
        author=str(layout.brand.name or ""),
        where=handout.where,
    )


def content_language(content: Content) -> str:
    if isinstance(content, HandoutContent):
        return str(content.handout.language)
    if isinstance(content, ProgramContent):
        return str(content.program.language)
    return str(content.deck.language)


def program_title(content: ProgramContent, metadata_name: bool = False) -> str:
    """The PDF's title. The patient's name is printed on the page, never put in the file's
    metadata unless asked for (`--metadata-name`)."""
    program = content.program
    title, patient = inline(program.title).plain, str(program.patient)
    if metadata_name:
        return f"{title} – {patient}"
    return label(str(program.language), "program") if _names_anyone(title, patient) else title


# Words of a name that are no one's name: particles ("Ana de la Cruz") and the words of a
# template's stand-in ("Nombre del paciente"), which titles use too.
NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "e",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "le",
        "les",
        "of",
        "the",
        "and",
    ]
)


def _names_anyone(title: str, patient: str) -> bool:
    """Whether the title holds the patient's name or any part of it (`Sam's plan` for Sam Lee),
    in any letter case; particles like `de` and `la` are no part of a name."""
    words = {w.casefold() for w in re.findall(r"\w+", title)}
    parts = [p.casefold() for p in re.findall(r"\w+", patient) if len(p) > 1 and p.casefold() not in NAME_PARTICLES]
    return patient.casefold() in title.casefold() or any(p in words for p in parts)


def program_cards(content: ProgramContent, metadata_name: bool = False) -> CardContent:
    """The programme as exercise cards; a note becomes the card's first tip. A programme in
    phases has more to say than cards hold (the plan, when to move on), so it prints as pages."""
    from ..errors import HandoutError
    from ..model.exercise import Deck
    from ..model.types import Id

    if content.phases:
        raise HandoutError.at(
            content.program.where,
            "a programme in phases prints on pages, with its plan and when to move on; cards would leave them out",
            "build it with a page layout (a4, letter, large-print); a deck of its exercises prints them as cards",
        )

    program = content.program
    exercises = card_exercises(content)
    ids = [Id(e.exercise.exercise, e.where) for e in exercises]
    deck = Deck(program.program, Text(program_title(content, metadata_name)), program.language, ids)
    object.__setattr__(deck, "where", program.where)
    return dataclasses.replace(CardContent(deck, exercises, content.source), warnings=content.warnings)
