"""The layout model: page, text, colours, brand, header and footer.

Each key is declared once here, with its type, unit and default; built-in layouts
(builtin/layouts/*.yaml) and clinic layouts only override what differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..errors import Problem, Where, closest
from .types import Color, FontSize, Length, Plain, RelPath, Template, Text, doc, where_field

MM = 72 / 25.4
PAGE_SIZES = {
    "a4": (595.2756, 841.8898),
    "letter": (612.0, 792.0),
    "a5": (419.5276, 595.2756),
    "legal": (612.0, 1008.0),
}


@dataclass(frozen=True)
class PageDimensions:
    width: Length = field(metadata=doc("Page width, like `148mm`."))
    height: Length = field(metadata=doc("Page height, like `210mm`."))


@dataclass(frozen=True)
class Margins:
    SHORTHAND = "all"
    all: Length | None = field(default=None, metadata=doc("One margin for all four sides."))
    top: Length | None = field(default=None, metadata=doc("Top margin (above the header)."))
    right: Length | None = field(default=None, metadata=doc("Right margin."))
    bottom: Length | None = field(default=None, metadata=doc("Bottom margin (below the footer)."))
    left: Length | None = field(default=None, metadata=doc("Left margin."))

    def side(self, name: str) -> float:
        value = getattr(self, name)
        if value is not None:
            return value
        return self.all if self.all is not None else 18 * MM


@dataclass(frozen=True)
class Page:
    size: Literal["a4", "letter", "a5", "legal"] | PageDimensions = field(
        default="a4", metadata=doc("`a4`, `letter`, `a5`, `legal`, or {width, height}.")
    )
    orientation: Literal["portrait", "landscape"] = field(default="portrait", metadata=doc("Turn the page."))
    margins: Margins = field(
        default_factory=Margins, metadata=doc("Page margins: one length or top/right/bottom/left.")
    )
    where: Where | None = where_field()

    def dimensions(self) -> tuple[float, float]:
        """Width and height in points, turned for the orientation."""
        width, height = PAGE_SIZES[self.size] if isinstance(self.size, str) else (self.size.width, self.size.height)
        if (self.orientation == "landscape") == (width < height):
            width, height = height, width
        return width, height


@dataclass(frozen=True)
class TextStyle:
    font: Literal["noto-sans"] = field(default="noto-sans", metadata=doc("Font family (bundled and embedded)."))
    size: FontSize = field(default=FontSize(12), metadata=doc("Body text size in points."))
    leading: float = field(default=1.4, metadata=doc("Line height as a multiple of the size."))
    heading_scale: float = field(default=1.35, metadata=doc("Section heading size as a multiple of the body size."))
    where: Where | None = where_field()


@dataclass(frozen=True)
class Colors:
    text: Color = field(default=Color("#1d2733"), metadata=doc("Body text."))
    heading: Color = field(default=Color("#0f5e6e"), metadata=doc("Title and headings."))
    accent: Color = field(default=Color("#e07a1f"), metadata=doc("Bullets, step numbers, rules."))
    muted: Color = field(default=Color("#4f5b66"), metadata=doc("Subtitle, header, footer, captions."))
    rule: Color = field(default=Color("#c5d0d8"), metadata=doc("Thin lines and table borders."))
    summary: Color = field(default=Color("#e6f2f4"), metadata=doc("Background of the key-points box."))
    info: Color = field(default=Color("#1f5f9e"), metadata=doc("`info` callouts."))
    tip: Color = field(default=Color("#2d7a3e"), metadata=doc("`tip` callouts."))
    warning: Color = field(default=Color("#b3261e"), metadata=doc("`warning` callouts."))


@dataclass(frozen=True)
class Brand:
    name: Plain | None = field(default=None, metadata=doc("Clinic or club name."))
    logo: RelPath | None = field(
        default=None, metadata=doc("Logo file (PNG, JPEG or SVG), relative to the layout file.")
    )
    phone: Plain | None = field(default=None, metadata=doc("Phone number as printed."))
    web: Plain | None = field(default=None, metadata=doc("Web address as printed."))
    address: Plain | None = field(default=None, metadata=doc("Postal address as printed."))


@dataclass(frozen=True)
class Band:
    left: Template | None = field(default=None, metadata=doc("Text at the left; {placeholders} allowed."))
    right: Template | None = field(default=None, metadata=doc("Text at the right; {placeholders} allowed."))


@dataclass(frozen=True)
class Grid:
    columns: int = field(default=2, metadata=doc("Cards across the sheet."))
    rows: int = field(default=2, metadata=doc("Cards down the sheet."))


@dataclass(frozen=True)
class Offset:
    x: Length = field(default=Length(0), metadata=doc("Move the backs right (negative: left), like `1.5mm`."))
    y: Length = field(default=Length(0), metadata=doc("Move the backs up (negative: down)."))


@dataclass(frozen=True)
class Cards:
    size: PageDimensions = field(metadata=doc("The trimmed card, like {width: 105mm, height: 148mm}."))
    grid: Grid = field(default_factory=Grid, metadata=doc("Cards per sheet: columns and rows."))
    gutter: Length = field(default=Length(0), metadata=doc("Space between cards on the sheet."))
    bleed: Length = field(default=Length(0), metadata=doc("Background beyond the trim, like `3mm`, for print shops."))
    marks: Literal["crop", "cut-lines", "none"] = field(default="cut-lines", metadata=doc("Cutting guides."))
    duplex: Literal["long-edge", "short-edge", "fold", "single"] = field(
        default="long-edge", metadata=doc("How fronts and backs are printed.")
    )
    back_offset: Offset = field(default_factory=Offset, metadata=doc("Shift of the back sheets, from `calibrate`."))
    font_size: FontSize = field(default=FontSize(10), metadata=doc("Card text size before shrinking."))
    min_font_size: FontSize = field(default=FontSize(8), metadata=doc("Text shrinks down to this size, then fails."))
    padding: Length = field(default=Length(5 * MM), metadata=doc("Space between the card edge and its text."))
    back: tuple[Literal["steps", "tips", "avoid", "caution", "video"], ...] = field(
        default=("steps", "tips", "avoid", "caution", "video"),
        metadata=doc("What the back of a card shows, in order; small cards may leave out tips."),
    )
    where: Where | None = where_field()


@dataclass(frozen=True)
class Layout:
    extends: Plain | None = field(default=None, metadata=doc("A built-in layout name or a layout file to start from."))
    description: Plain | None = field(default=None, metadata=doc("What this layout is for."))
    page: Page = field(default_factory=Page, metadata=doc("Page size, orientation and margins."))
    columns: int = field(default=1, metadata=doc("Text columns: 1 or 2."))
    column_gap: Length = field(default=Length(8 * MM), metadata=doc("Space between columns."))
    text: TextStyle = field(default_factory=TextStyle, metadata=doc("Font, size and spacing."))
    colors: Colors = field(default_factory=Colors, metadata=doc("Colours as #rrggbb."))
    brand: Brand = field(default_factory=Brand, metadata=doc("Clinic branding in the header."))
    header: Band = field(
        default_factory=lambda: Band(Template("{brand.name}"), Template("{brand.contact}")),
        metadata=doc("Top band of every page."),
    )
    footer: Band = field(
        default_factory=lambda: Band(Template("{title} · {reviewed}"), Template("{page_label}")),
        metadata=doc("Bottom band of every page."),
    )
    disclaimer: Text | None = field(default=None, metadata=doc("Small print at the end of every handout."))
    max_exercises: int = field(default=8, metadata=doc("Most exercises a programme should have (checked by lint)."))
    cards: Cards | None = field(default=None, metadata=doc("Makes this a card layout: card size, grid, marks, duplex."))
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        found = []
        if self.columns not in (1, 2):
            found.append(Problem(self.where, f"`columns` is {self.columns}; a page has 1 or 2 columns"))
        found.extend(_page_problems(self))
        if not 1 <= self.max_exercises <= 30:
            found.append(Problem(self.where, f"`max_exercises` is {self.max_exercises}; use 1 to 30"))
        if self.cards is not None:
            found.extend(_card_problems(self.cards, self.cards.where or self.where))
        for band in (self.header, self.footer):
            for template in (band.left, band.right):
                found.extend(_template_problems(template))
        return found


PLACEHOLDERS = (
    "title",
    "reviewed",
    "reviewed_date",
    "page",
    "pages",
    "page_label",
    "brand.name",
    "brand.phone",
    "brand.web",
    "brand.address",
    "brand.contact",
)


def _template_problems(template: Template | None) -> list[Problem]:
    if template is None:
        return []
    found = []
    for match in re.finditer(r"\{([^{}]*)\}", template):
        name = match.group(1).strip()
        if name not in PLACEHOLDERS:
            found.append(
                Problem(
                    template.where,
                    f"unknown placeholder `{{{name}}}` in `{template}`",
                    closest(name, PLACEHOLDERS),
                )
            )
    return found


def _page_problems(layout: Layout) -> list[Problem]:
    """Values that type-check but would make an unusable page."""
    page, text = layout.page, layout.text
    where = page.where or layout.where
    found = []
    width, height = page.dimensions()
    if not (min(width, height) >= 50 * MM and max(width, height) <= 1500 * MM):
        return [
            Problem(
                where,
                f"a page of {width / MM:.0f} × {height / MM:.0f} mm is not printable",
                "pages are 50 to 1500 mm on each side",
            )
        ]
    sides = [page.margins.side(name) for name in ("top", "right", "bottom", "left")]
    if any(side < 0 for side in sides):
        found.append(Problem(where, "margins cannot be negative"))
    text_width = width - sides[1] - sides[3]
    text_height = height - sides[0] - sides[2]
    columns = (text_width - (layout.columns - 1) * layout.column_gap) / layout.columns
    if text_height < 60 * MM or columns < 40 * MM:
        found.append(
            Problem(
                where,
                f"the margins leave {text_width / MM:.0f} × {text_height / MM:.0f} mm for text"
                f"{' in two columns' if layout.columns == 2 else ''}; that is too little",
                "keep at least 40 mm per column across and 60 mm down",
            )
        )
    if not 0.9 <= text.leading <= 3:
        found.append(Problem(text.where or layout.where, f"`leading` is {text.leading:g}; use 0.9 to 3 (1.4 is usual)"))
    if not 0.8 <= text.heading_scale <= 3:
        found.append(Problem(text.where or layout.where, f"`heading_scale` is {text.heading_scale:g}; use 0.8 to 3"))
    if not 0 <= layout.column_gap <= 50 * MM:
        found.append(Problem(layout.where, "`column_gap` is 0 to 50 mm"))
    return found


def _card_problems(cards: Cards, where: Where | None) -> list[Problem]:
    found = []
    if not 0 <= cards.gutter <= 50 * MM:
        found.append(Problem(where, f"`gutter` is {cards.gutter / MM:.1f} mm; use 0 to 50 mm"))
    if not 0 <= cards.bleed <= 10 * MM:
        found.append(Problem(where, f"`bleed` is {cards.bleed / MM:.1f} mm; use 0 to 10 mm (3 mm is usual)"))
    if max(abs(cards.back_offset.x), abs(cards.back_offset.y)) > 20 * MM:
        found.append(
            Problem(
                where,
                "`back_offset` is more than 20 mm; printers are off by a few mm at most",
                "measure it with `handoutgen calibrate`",
            )
        )
    inner = min(cards.size.width, cards.size.height) - 2 * cards.padding
    if cards.padding < 0 or inner < 20 * MM:
        found.append(
            Problem(
                where,
                f"`padding` {cards.padding / MM:.1f} mm leaves no room for text on the card",
                "padding is usually 3 to 7 mm",
            )
        )
    if not (1 <= cards.grid.columns <= 10 and 1 <= cards.grid.rows <= 10):
        found.append(Problem(where, "a card grid has 1 to 10 columns and rows"))
    if cards.min_font_size > cards.font_size:
        found.append(
            Problem(
                where, f"`min_font_size` {cards.min_font_size:g} pt is larger than `font_size` {cards.font_size:g} pt"
            )
        )
    if cards.size.width < 30 * MM or cards.size.height < 30 * MM:
        found.append(Problem(where, "cards smaller than 30 mm across cannot hold readable text"))
        return found
    return found
