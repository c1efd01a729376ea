"""Paragraph styles derived from a layout, built once per layout."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle

from ...model.layout import Layout
from . import fonts


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    item: ParagraphStyle
    step: ParagraphStyle
    panel_step: ParagraphStyle  # a little closer than body text, so that two exercises fit a page
    compact_step: ParagraphStyle
    answer: ParagraphStyle
    box_text: ParagraphStyle
    compact: ParagraphStyle
    title: ParagraphStyle
    program_title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    box_heading: ParagraphStyle
    question: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle


# Squeezing, to pull a last page's few lines back: spacing, leading and pictures at each level.
SPACE_SCALE = (1.0, 0.75, 0.55)
LEADING_SCALE = (1.0, 0.97, 0.94)
PICTURE_SCALE = (1.0, 0.9, 0.8)


@functools.lru_cache(maxsize=64)
def styles_for(layout: Layout, squeeze: int = 0) -> Styles:
    """The styles of a layout; `squeeze` 1 or 2 tightens spacing and leading a little."""
    styles = _styles(layout)
    if not squeeze:
        return styles
    tightened = {}
    for name in Styles.__dataclass_fields__:
        base = getattr(styles, name)
        tightened[name] = ParagraphStyle(
            f"{base.name}-squeezed-{squeeze}",
            parent=base,
            leading=base.leading * LEADING_SCALE[squeeze],
            spaceBefore=base.spaceBefore * SPACE_SCALE[squeeze],
            spaceAfter=base.spaceAfter * SPACE_SCALE[squeeze],
        )
    return Styles(**tightened)


def _styles(layout: Layout) -> Styles:
    text = layout.text
    size = text.size
    color = HexColor(layout.colors.text)
    heading_color = HexColor(layout.colors.heading)
    muted = HexColor(layout.colors.muted)

    def style(name: str, **kw: object) -> ParagraphStyle:
        base = {
            "fontName": fonts.REGULAR,
            "fontSize": size,
            "leading": size * text.leading,
            "textColor": color,
            "splitLongWords": 1,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    heading_size = size * text.heading_scale
    title_size = size * text.heading_scale**2.6
    program_title_size = size * text.heading_scale**2
    small_size = max(size * 0.8, 9, text.smallest)
    compact_size = max(size * 0.85, text.smallest)
    return Styles(
        body=style("body", spaceAfter=size * 0.6),
        item=style("item", spaceAfter=size * 0.3),
        step=style("step", spaceAfter=size * 0.5),
        panel_step=style("panel_step", leading=size * 1.3, spaceAfter=size * 0.15),
        compact_step=style(
            "compact_step", fontSize=compact_size, leading=compact_size * 1.3, spaceAfter=compact_size * 0.15
        ),
        answer=style("answer", leftIndent=size * 0.9, spaceAfter=size * 0.7),
        box_text=style("box_text"),
        compact=style("compact", fontSize=compact_size, leading=compact_size * 1.3),
        title=style(
            "title",
            fontName=fonts.BOLD,
            fontSize=title_size,
            leading=title_size * 1.15,
            textColor=heading_color,
            spaceAfter=size * 0.3,
        ),
        program_title=style(
            "program_title",
            fontName=fonts.BOLD,
            fontSize=program_title_size,
            leading=program_title_size * 1.15,
            textColor=heading_color,
            spaceAfter=size * 0.4,
        ),
        subtitle=style(
            "subtitle", fontSize=size * 1.2, leading=size * 1.2 * 1.3, textColor=muted, spaceAfter=size * 0.9
        ),
        heading=style(
            "heading",
            fontName=fonts.BOLD,
            fontSize=heading_size,
            leading=heading_size * 1.2,
            textColor=heading_color,
            spaceBefore=size * 1.3,
            spaceAfter=size * 0.5,
            keepWithNext=1,
        ),
        box_heading=style(
            "box_heading",
            fontName=fonts.BOLD,
            textColor=heading_color,
            spaceAfter=size * 0.25,
            keepWithNext=1,
        ),
        question=style(
            "question",
            fontName=fonts.BOLD,
            textColor=heading_color,
            spaceBefore=size * 0.4,
            spaceAfter=size * 0.15,
            keepWithNext=1,
        ),
        small=style("small", fontSize=small_size, leading=small_size * 1.35, textColor=muted),
        caption=style(
            "caption",
            fontName=fonts.ITALIC,
            fontSize=small_size,
            leading=small_size * 1.35,
            textColor=muted,
            spaceBefore=size * 0.2,
        ),
        table_head=style("table_head", fontName=fonts.BOLD, textColor=HexColor("#ffffff")),
        table_cell=style("table_cell"),
    )
