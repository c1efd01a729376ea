"""The layout model: page, text, colours, brand, header and footer.

Each key is declared once here, with its type, unit and default; built-in layouts
(builtin/layouts/*.yaml) and clinic layouts only override what differs.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import Problem, Where, closest
from .read import position
from .types import LANGUAGES, MM, Color, FontSize, Length, Plain, RelPath, Template, Text, doc, mm, where_field

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def by_language(kind: type, what: str, **limits: Any) -> type:
    """A record of one value per content language, for a layout string that a clinic writes
    once (`disclaimer: ...`) or in each language (`disclaimer: {en: ..., es: ...}`)."""
    fields = [
        (code, kind | None, field(default=None, metadata=doc(f"{what} in {LANGUAGE_NAMES[code]}.", **limits)))
        for code in LANGUAGES
    ]
    fields.append(("where", Where | None, where_field()))
    return dataclasses.make_dataclass(f"{kind.__name__}ByLanguage", fields, frozen=True)


PlainByLanguage = by_language(Plain, "The text", max_length=150)
TemplateByLanguage = by_language(Template, "The text; {placeholders} allowed")
TextByLanguage = by_language(Text, "The small print", max_length=800)

MARGIN = {"minimum": 0.0, "maximum": mm(50)}
PAGE_SIZES = {
    "a4": (595.2756, 841.8898),
    "letter": (612.0, 792.0),
    "a5": (419.5276, 595.2756),
    "legal": (612.0, 1008.0),
}


@dataclass(frozen=True)
class PageDimensions:
    width: Length = field(metadata=doc("Page width, like `148mm`.", minimum=mm(100), maximum=mm(1500)))
    height: Length = field(metadata=doc("Page height, like `210mm`.", minimum=mm(100), maximum=mm(1500)))


@dataclass(frozen=True)
class CardSize:
    width: Length = field(metadata=doc("Card width, like `105mm`.", minimum=mm(30), maximum=mm(400)))
    height: Length = field(metadata=doc("Card height, like `148mm`.", minimum=mm(30), maximum=mm(400)))


@dataclass(frozen=True)
class Margins:
    SHORTHAND = "all"
    all: Length | None = field(default=None, metadata=doc("One margin for all four sides.", **MARGIN))
    top: Length | None = field(default=None, metadata=doc("Top margin (above the header).", **MARGIN))
    right: Length | None = field(default=None, metadata=doc("Right margin.", **MARGIN))
    bottom: Length | None = field(default=None, metadata=doc("Bottom margin (below the footer).", **MARGIN))
    left: Length | None = field(default=None, metadata=doc("Left margin.", **MARGIN))

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
    size: FontSize = field(default=FontSize(12), metadata=doc("Body text size in points.", minimum=8, maximum=36))
    min_size: FontSize = field(
        default=FontSize(9),
        metadata=doc("The smallest text printed (footers, captions, small print), in points.", minimum=6, maximum=36),
    )
    leading: float = field(default=1.4, metadata=doc("Line height as a multiple of the size.", minimum=0.9, maximum=3))
    heading_scale: float = field(
        default=1.35, metadata=doc("Section heading size as a multiple of the body size.", minimum=0.8, maximum=3)
    )
    where: Where | None = where_field()

    @property
    def smallest(self) -> float:
        """The smallest text size: `min_size`, but never above the body (a layout that extends
        large print and sets a 12 pt body gets 12 pt small print, not an error about 16)."""
        return float(min(self.min_size, self.size))


@dataclass(frozen=True)
class Colors:
    text: Color = field(default=Color("#1d2733"), metadata=doc("Body text."))
    heading: Color = field(default=Color("#0f5e6e"), metadata=doc("Title and headings."))
    accent: Color = field(
        default=Color("#a84a00"), metadata=doc("Bullets, step numbers, rules; text, so 4.5:1 on white and panels.")
    )
    muted: Color = field(default=Color("#4f5b66"), metadata=doc("Subtitle, header, footer, captions."))
    rule: Color = field(default=Color("#c5d0d8"), metadata=doc("Thin lines and table borders."))
    summary: Color = field(default=Color("#e6f2f4"), metadata=doc("Background of the key-points box."))
    info: Color = field(default=Color("#1f5f9e"), metadata=doc("`info` callouts."))
    tip: Color = field(default=Color("#2d7a3e"), metadata=doc("`tip` callouts."))
    warning: Color = field(default=Color("#b3261e"), metadata=doc("`warning` callouts."))


@dataclass(frozen=True)
class Brand:
    name: Plain | PlainByLanguage | None = field(
        default=None, metadata=doc("Clinic or club name, or one per language: {en: .., es: ..}.", max_length=100)
    )
    logo: RelPath | None = field(
        default=None, metadata=doc("Logo file (PNG, JPEG or SVG), relative to the layout file.")
    )
    phone: Plain | None = field(default=None, metadata=doc("Phone number as printed.", max_length=40))
    web: Plain | None = field(default=None, metadata=doc("Web address as printed.", max_length=80))
    address: Plain | PlainByLanguage | None = field(
        default=None, metadata=doc("Postal address as printed, or one per language.", max_length=150)
    )


@dataclass(frozen=True)
class Band:
    left: Template | TemplateByLanguage | None = field(
        default=None, metadata=doc("Text at the left; {placeholders} allowed; one value or one per language.")
    )
    right: Template | TemplateByLanguage | None = field(
        default=None, metadata=doc("Text at the right; {placeholders} allowed; one value or one per language.")
    )


@dataclass(frozen=True)
class Grid:
    columns: int = field(default=2, metadata=doc("Cards across the sheet.", minimum=1, maximum=10))
    rows: int = field(default=2, metadata=doc("Cards down the sheet.", minimum=1, maximum=10))


@dataclass(frozen=True)
class Offset:
    x: Length = field(
        default=Length(0),
        metadata=doc("Move the backs right (negative: left), like `1.5mm`.", minimum=mm(-20), maximum=mm(20)),
    )
    y: Length = field(
        default=Length(0), metadata=doc("Move the backs up (negative: down).", minimum=mm(-20), maximum=mm(20))
    )


@dataclass(frozen=True)
class Cards:
    size: CardSize = field(metadata=doc("The trimmed card, like {width: 105mm, height: 148mm}."))
    grid: Grid = field(default_factory=Grid, metadata=doc("Cards per sheet: columns and rows."))
    gutter: Length = field(
        default=Length(0), metadata=doc("Space between cards on the sheet.", minimum=0.0, maximum=mm(50))
    )
    bleed: Length = field(
        default=Length(0),
        metadata=doc("Background beyond the trim, like `3mm`, for print shops.", minimum=0.0, maximum=mm(10)),
    )
    marks: Literal["crop", "cut-lines", "none"] = field(default="cut-lines", metadata=doc("Cutting guides."))
    duplex: Literal["long-edge", "short-edge", "fold", "single"] = field(
        default="long-edge", metadata=doc("How fronts and backs are printed.")
    )
    back_offset: Offset = field(default_factory=Offset, metadata=doc("Shift of the back sheets, from `calibrate`."))
    font_size: FontSize = field(
        default=FontSize(10),
        metadata=doc("Card text size of the fronts; they shrink from it to fit.", minimum=5, maximum=24),
    )
    min_font_size: FontSize = field(
        default=FontSize(8),
        metadata=doc("Text shrinks down to this size, then fails; the smallest text on a card.", minimum=5, maximum=24),
    )
    max_font_size: FontSize | None = field(
        default=None,
        metadata=doc(
            "Backs grow up to this size when their text leaves room (default: font_size × 1.3); "
            "every back of a deck gets the same size.",
            minimum=5,
            maximum=36,
        ),
    )
    padding: Length = field(
        default=Length(5 * MM),
        metadata=doc("Space between the card edge and its text.", minimum=mm(1), maximum=mm(20)),
    )
    back: tuple[Literal["steps", "tips", "avoid", "caution", "video"], ...] = field(
        default=("steps", "tips", "avoid", "caution", "video"),
        metadata=doc(
            "What the back of a card shows: steps, tips and avoid in the order given, then the caution "
            "and the video's QR code at the foot; small cards may leave out tips."
        ),
    )
    where: Where | None = where_field()

    def largest_size(self, side: str) -> float:
        """The size a face starts from before it shrinks to fit: fronts at `font_size` (their
        pictures take the room left), backs and single faces up to `max_font_size`."""
        if side == "front":
            return float(self.font_size)
        return float(self.max_font_size if self.max_font_size is not None else round(self.font_size * 1.3 * 2) / 2)


@dataclass(frozen=True)
class Layout:
    extends: Plain | None = field(default=None, metadata=doc("A built-in layout name or a layout file to start from."))
    description: Plain | None = field(default=None, metadata=doc("What this layout is for."))
    page: Page = field(default_factory=Page, metadata=doc("Page size, orientation and margins."))
    columns: int = field(default=1, metadata=doc("Text columns: 1 or 2.", minimum=1, maximum=2))
    column_gap: Length = field(
        default=Length(8 * MM), metadata=doc("Space between columns.", minimum=0.0, maximum=mm(50))
    )
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
    disclaimer: Text | TextByLanguage | None = field(
        default=None,
        metadata=doc("Small print at the end of every handout; one value or one per language.", max_length=800),
    )
    max_exercises: int = field(
        default=8,
        metadata=doc("Most exercises a programme should have (checked by lint).", minimum=1, maximum=30),
    )
    cards: Cards | None = field(default=None, metadata=doc("Makes this a card layout: card size, grid, marks, duplex."))
    where: Where | None = where_field()

    def problems(self) -> list[Problem]:
        found = _page_problems(self)  # a `min_size` above the body size is read as it: TextStyle.smallest
        if self.cards is not None:
            found.extend(_card_problems(self.cards))
        for band in (self.header, self.footer):
            for template in (band.left, band.right):
                for written in _each_language(template):
                    found.extend(_template_problems(written))
        return found

    def in_language(self, language: str) -> tuple[Layout, list[Problem]]:
        """This layout with each per-language string set to `language`'s value, and a warning for
        each string that has none: it then prints another language's value, said out loud."""
        missing: list[Problem] = []

        def pick(value: Any, name: str) -> Any:
            return _pick(value, name, language, missing)

        brand = dataclasses.replace(
            self.brand, name=pick(self.brand.name, "brand.name"), address=pick(self.brand.address, "brand.address")
        )
        header = Band(pick(self.header.left, "header.left"), pick(self.header.right, "header.right"))
        footer = Band(pick(self.footer.left, "footer.left"), pick(self.footer.right, "footer.right"))
        chosen = dataclasses.replace(
            self, brand=brand, header=header, footer=footer, disclaimer=pick(self.disclaimer, "disclaimer")
        )
        object.__setattr__(chosen, "where", self.where)
        if hasattr(self, "_positions"):  # where each key was written, for messages about them
            object.__setattr__(chosen, "_positions", self._positions)
        return chosen, missing


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
    """Values that each read well but together make an unusable page."""
    page = layout.page
    found = []
    width, height = page.dimensions()
    sides = [page.margins.side(name) for name in ("top", "right", "bottom", "left")]
    text_width = width - sides[1] - sides[3]
    text_height = height - sides[0] - sides[2]
    columns = (text_width - (layout.columns - 1) * layout.column_gap) / layout.columns
    if text_height < 60 * MM or columns < 40 * MM:
        found.append(
            Problem(
                position(page, "margins"),
                f"the margins leave {text_width / MM:.0f} × {text_height / MM:.0f} mm for text"
                f"{' in two columns' if layout.columns == 2 else ''}; that is too little",
                "keep at least 40 mm per column across and 60 mm down",
            )
        )
    return found


def is_by_language(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and type(value).__name__.endswith("ByLanguage")


def _each_language(value: Any) -> list[Any]:
    if is_by_language(value):
        return [getattr(value, code) for code in LANGUAGES if getattr(value, code) is not None]
    return [value]


def _pick(value: Any, name: str, language: str, missing: list[Problem]) -> Any:
    if not is_by_language(value):
        return value
    chosen = getattr(value, language)
    if chosen is not None:
        return chosen
    written = [(code, getattr(value, code)) for code in LANGUAGES if getattr(value, code) is not None]
    if not written:
        return None
    code, fallback = written[0]
    missing.append(
        Problem(
            value.where,
            f"`{name}` has no `{language}` value, so the {LANGUAGE_NAMES[language]} edition prints the "
            f"{LANGUAGE_NAMES[code]} one",
            f"add `{language}: ...` to `{name}`",
        )
    )
    return fallback


def _card_problems(cards: Cards) -> list[Problem]:
    found = []
    inner = min(cards.size.width, cards.size.height) - 2 * cards.padding
    if inner < 20 * MM - 0.01:
        found.append(
            Problem(
                position(cards, "padding"),
                f"`padding` {cards.padding / MM:.1f} mm leaves no room for text on the card",
                "padding is usually 3 to 7 mm",
            )
        )
    if cards.min_font_size > cards.font_size:
        found.append(
            Problem(
                position(cards, "min_font_size"),
                f"`min_font_size` {cards.min_font_size:g} pt is larger than `font_size` {cards.font_size:g} pt",
            )
        )
    if cards.max_font_size is not None and cards.max_font_size < cards.font_size:
        found.append(
            Problem(
                position(cards, "max_font_size"),
                f"`max_font_size` {cards.max_font_size:g} pt is smaller than `font_size` {cards.font_size:g} pt",
            )
        )
    return found
