"""Where each card face goes: sheets, grids, duplex mirroring, fold pairs, single cards.

Pure geometry in points, shared by the renderer and by the checker that reads the PDF back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ...errors import HandoutError
from ...model.layout import MM, Cards, Layout

Face = Literal["front", "back", "all"]
MARK_OFFSET = 2 * MM  # gap between the bleed edge and a crop mark
MARK_LENGTH = 5 * MM
SHEET_EDGE = 2 * MM  # marks never come closer than this to the sheet's edge
ONE_PER_PAGE_MARGIN = 12 * MM


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def contains(self, x: float, y: float, tolerance: float = 0.5) -> bool:
        return self.x - tolerance <= x <= self.right + tolerance and self.y - tolerance <= y <= self.top + tolerance


@dataclass(frozen=True)
class Placement:
    page: int
    card: int
    face: Face
    trim: Box  # the trimmed card on the page
    bleed: float  # how far backgrounds reach beyond the trim here
    turned: bool = False  # drawn upside down in its box (a back printed to be turned over its top)


@dataclass(frozen=True)
class Plan:
    pages: list[tuple[float, float]]
    placements: list[Placement]
    fronts: list[bool]  # per page: does it carry fronts (where marks are drawn)
    one_per_page: bool

    def on_page(self, page: int) -> list[Placement]:
        return self.by_page()[page]

    def by_page(self) -> list[list[Placement]]:
        """The placements of each page, in page order (made once: a 2,000-card deck has 1,000 pages)."""
        cached = self.__dict__.get("_by_page")
        if cached is None:
            cached = [[] for _ in self.pages]
            for placement in self.placements:
                cached[placement.page].append(placement)
            object.__setattr__(self, "_by_page", cached)
        return cached


def card_settings(layout: Layout) -> Cards:
    """The layout's `cards:` settings; a page layout is an error here."""
    if layout.cards is None:
        raise HandoutError.at(
            layout.where,
            "this is a page layout; cards need a card layout",
            "use --layout cards-a6, cards-letter or cards-wallet",
        )
    return layout.cards


def plan(layout: Layout, sheet: tuple[float, float], count: int, one_per_page: bool = False) -> Plan:
    cards = card_settings(layout)
    faces: list[Face] = ["all"] if cards.duplex == "single" else ["front", "back"]
    if one_per_page:
        return _one_per_page(layout, count, faces)
    if cards.duplex == "fold":
        return _fold(layout, sheet, count)
    slots = grid_slots(layout, sheet)
    over_top = turns_over_top(cards, sheet)
    per_sheet = len(slots)
    pages: list[tuple[float, float]] = []
    placements: list[Placement] = []
    fronts: list[bool] = []
    for first in range(0, count, per_sheet):
        batch = range(first, min(first + per_sheet, count))
        for face in faces:
            page = len(pages)
            pages.append(sheet)
            fronts.append(face != "back")
            for slot_index, card in enumerate(batch):
                box = slots[back_slot(slot_index, layout, over_top) if face == "back" else slot_index]
                if face == "back":
                    box = Box(box.x + cards.back_offset.x, box.y + cards.back_offset.y, box.width, box.height)
                    _keep_on_sheet(box, sheet, layout)
                turned = face == "back" and over_top
                placements.append(Placement(page, card, face, box, _sheet_bleed(layout, sheet, box), turned))
    return Plan(pages, placements, fronts, False)


def _keep_on_sheet(box: Box, sheet: tuple[float, float], layout: Layout) -> None:
    """A back moved by `back_offset` may run off the sheet by less than its padding (four A6 fill
    A4 exactly), but its text must stay on the sheet."""
    cards = card_settings(layout)
    over = max(-box.x, -box.y, box.right - sheet[0], box.top - sheet[1])
    if over > cards.padding - 1 * MM:
        from ...model.read import position

        raise HandoutError.at(
            position(cards, "back_offset") or layout.where,
            f"`back_offset` moves the backs {over / MM:.1f} mm past the sheet's edge, so their text would be cut off",
            "measure it again with `handoutgen calibrate`; it is usually under 3 mm",
        )


def grid_slots(layout: Layout, sheet: tuple[float, float]) -> list[Box]:
    """Trim boxes of the front slots, row by row from the top left, the grid centred on the sheet."""
    cards = layout.cards
    assert cards is not None
    columns, rows = cards.grid.columns, cards.grid.rows
    width, height, gutter = cards.size.width, cards.size.height, cards.gutter
    total_width = columns * width + (columns - 1) * gutter
    total_height = rows * height + (rows - 1) * gutter
    if total_width > sheet[0] + 0.5 or total_height > sheet[1] + 0.5:
        raise HandoutError.at(
            layout.where,
            f"{columns} × {rows} cards of {width / MM:.1f} × {height / MM:.1f} mm need "
            f"{total_width / MM:.0f} × {total_height / MM:.0f} mm, more than the "
            f"{sheet[0] / MM:.0f} × {sheet[1] / MM:.0f} mm sheet",
            "use fewer columns or rows, a smaller gutter, or a bigger sheet",
        )
    left = (sheet[0] - total_width) / 2
    bottom = (sheet[1] - total_height) / 2
    return [
        Box(left + c * (width + gutter), bottom + (rows - 1 - r) * (height + gutter), width, height)
        for r in range(rows)
        for c in range(columns)
    ]


def turns_over_top(cards: Cards, sheet: tuple[float, float]) -> bool:
    """Whether the printer turns the sheet over its top edge (top and bottom swap) rather than its
    side: short-edge duplex on a portrait sheet, long-edge on a landscape one."""
    return (cards.duplex == "short-edge") != (sheet[0] > sheet[1])


def back_slot(front_slot: int, layout: Layout, over_top: bool) -> int:
    """The slot on the back sheet that lies behind a front slot once the sheet is turned over:
    turned over its side, columns swap; over its top, rows swap.

    A sheet turned over its top prints its backs upside down relative to a cut card turned over
    its side, the way people turn a card, so those backs are drawn turned (`Placement.turned`).
    """
    cards = layout.cards
    assert cards is not None
    columns, rows = cards.grid.columns, cards.grid.rows
    row, column = divmod(front_slot, columns)
    if over_top:
        row = rows - 1 - row
    else:
        column = columns - 1 - column
    return row * columns + column


def _sheet_bleed(layout: Layout, sheet: tuple[float, float], box: Box) -> float:
    """On a shared sheet a background may only reach halfway into the gutter and not off the sheet."""
    cards = layout.cards
    assert cards is not None
    limits = [cards.bleed, box.x, box.y, sheet[0] - box.right, sheet[1] - box.top]
    if cards.grid.columns > 1 or cards.grid.rows > 1:
        limits.append(cards.gutter / 2)
    return max(0.0, min(limits))


def _fold(layout: Layout, sheet: tuple[float, float], count: int) -> Plan:
    """Front and back side by side, to be folded down the middle line."""
    cards = layout.cards
    assert cards is not None
    width, height, gutter = cards.size.width, cards.size.height, cards.gutter
    across = int((sheet[0] + gutter + 0.5) // (2 * width + gutter))
    down = int((sheet[1] + gutter + 0.5) // (height + gutter))
    if across < 1 or down < 1:
        raise HandoutError.at(
            layout.where,
            f"a folded card is {2 * width / MM:.0f} × {height / MM:.0f} mm "
            "(front and back side by side), wider than the sheet",
            "use `duplex: long-edge`, a smaller card or a landscape sheet",
        )
    total_width = across * 2 * width + (across - 1) * gutter
    total_height = down * height + (down - 1) * gutter
    left = (sheet[0] - total_width) / 2
    bottom = (sheet[1] - total_height) / 2
    pairs = [
        (left + c * (2 * width + gutter), bottom + (down - 1 - r) * (height + gutter))
        for r in range(down)
        for c in range(across)
    ]
    pages: list[tuple[float, float]] = []
    placements: list[Placement] = []
    for card in range(count):
        slot = card % len(pairs)
        if slot == 0:
            pages.append(sheet)
        x, y = pairs[slot]
        for face, dx in (("front", 0.0), ("back", width)):
            box = Box(x + dx, y, width, height)
            placements.append(Placement(len(pages) - 1, card, face, box, 0.0))  # type: ignore[arg-type]
    return Plan(pages, placements, [True] * len(pages), False)


def _one_per_page(layout: Layout, count: int, faces: list[Face]) -> Plan:
    """Each face on its own page with bleed and room for crop marks, for print shops."""
    cards = layout.cards
    assert cards is not None
    margin = cards.bleed + ONE_PER_PAGE_MARGIN
    size = (cards.size.width + 2 * margin, cards.size.height + 2 * margin)
    pages: list[tuple[float, float]] = []
    placements: list[Placement] = []
    for card in range(count):
        for face in faces:
            pages.append(size)
            box = Box(margin, margin, cards.size.width, cards.size.height)
            placements.append(Placement(len(pages) - 1, card, face, box, cards.bleed))
    return Plan(pages, placements, [True] * len(pages), True)


def crop_marks(
    placements: list[Placement], sheet: tuple[float, float], layout: Layout
) -> list[tuple[float, float, float, float]]:
    """Crop-mark lines (x1, y1, x2, y2) outside every card, never reaching the sheet edge."""
    cards = layout.cards
    assert cards is not None
    boxes = [p.trim for p in placements]
    offset = max(p.bleed for p in placements) + MARK_OFFSET
    left, bottom = min(b.x for b in boxes), min(b.y for b in boxes)
    right, top = max(b.right for b in boxes), max(b.top for b in boxes)
    room = min(left, bottom, sheet[0] - right, sheet[1] - top) - offset - SHEET_EDGE
    if room < 2 * MM:
        raise HandoutError.at(
            layout.where,
            f"no room for crop marks: the cards come within {(room + offset + SHEET_EDGE) / MM:.1f} mm "
            f"of the sheet edge, and crop marks need {(offset + SHEET_EDGE + 2 * MM) / MM:.0f} mm",
            "use `marks: cut-lines`, smaller cards, fewer cards per sheet, or `--one-per-page`",
        )
    length = min(MARK_LENGTH, room)
    xs = sorted({round(v, 3) for b in boxes for v in (b.x, b.right)})
    ys = sorted({round(v, 3) for b in boxes for v in (b.y, b.top)})
    lines = []
    for x in xs:
        lines.append((x, top + offset, x, top + offset + length))
        lines.append((x, bottom - offset, x, bottom - offset - length))
    for y in ys:
        lines.append((left - offset, y, left - offset - length, y))
        lines.append((right + offset, y, right + offset + length, y))
    return lines
