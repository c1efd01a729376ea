"""The faces of an exercise card, fitted to the card: shrink to the minimum size, never spill."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table

from ...errors import HandoutError
from ...model.layout import Layout
from ...model.views import CardSection, FaceView
from ...text.colors import DOSE_BACKGROUND, TONE_BACKGROUND
from ...text.markup import escape, inline
from . import fonts, pictures
from .flow import bulleted, numbered, paragraph, stacked_height, styled, tint
from .imposition import card_settings
from .qr import QrCode

Face = Literal["front", "back", "all"]
MIN_PICTURE = 16 * mm  # the smallest picture still shows a body's position; less on a small card
SHRINK_STEP = 0.5
SHARED_INSET = 4 * mm  # a band on a shared sheet stops this far inside the cut
BAND_INSIDE = 0.6  # of the padding: the coloured band reaches this far below its text
BAND_GAP = 0.4  # of the padding: white between the band and what follows it
EPSILON = 0.5  # points of slack so that rounding never rejects what was measured to fit


@dataclass(frozen=True)
class CardStyles:
    size: float
    body: ParagraphStyle
    name: ParagraphStyle
    kind: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    dose: ParagraphStyle
    caption: ParagraphStyle


@functools.lru_cache(maxsize=256)
def card_styles(layout: Layout, size: float) -> CardStyles:
    ink = HexColor(layout.colors.text)
    head = HexColor(layout.colors.heading)
    smallest = card_settings(layout).min_font_size  # the small parts stop shrinking there

    def style(name: str, scale: float = 1.0, **kw: object) -> ParagraphStyle:
        base = {
            "fontName": fonts.REGULAR,
            "fontSize": max(size * scale, smallest),
            "leading": max(size * scale, smallest) * 1.28,
            "textColor": ink,
            "splitLongWords": 1,
        }
        base.update(kw)
        return ParagraphStyle(f"card-{name}-{size}", **base)  # type: ignore[arg-type]

    return CardStyles(
        size=size,
        body=style("body", spaceAfter=size * 0.25),
        name=style("name", 1.45, fontName=fonts.BOLD, textColor=white, leading=size * 1.45 * 1.15),
        kind=style("kind", 0.85, textColor=white),
        heading=style(
            "heading", 1.0, fontName=fonts.BOLD, textColor=head, spaceBefore=size * 0.5, spaceAfter=size * 0.2
        ),
        small=style("small", 0.85, textColor=HexColor(layout.colors.muted)),
        dose=style("dose", 1.0, fontName=fonts.BOLD, textColor=head),
        caption=style("caption", 0.8, textColor=HexColor(layout.colors.muted), alignment=1),
    )


def _para(text: str, style: ParagraphStyle, layout: Layout) -> Paragraph:
    return paragraph(inline(text, layout.colors.heading).markup, style)


@dataclass
class FittedFace:
    """A face laid out at one font size: a coloured band and the flowables below it."""

    view: FaceView
    size: float
    band: list[Flowable]
    band_height: float
    body: list[Flowable]


def fit_face(view: FaceView, layout: Layout, start: float | None = None) -> FittedFace:
    """The face at the largest font size from `start` (else the face's largest) down at which it
    fits its card, or an error saying how much too long it is."""
    fonts.register(italic=True)
    cards = card_settings(layout)
    width = cards.size.width - 2 * cards.padding
    height = cards.size.height - 2 * cards.padding
    size = start if start is not None else cards.largest_size(view.side)
    face = view.side
    shortfall = 0.0
    while size >= cards.min_font_size - 1e-6:
        styles = card_styles(layout, size)
        if face == "back":  # the title flows with the rest, in one frame, over an accent rule
            band: list[Flowable] = []
            band_height = 0.0
            room = height
            body, needed = _body(view, styles, layout, width, room)
            body = [_para(view.name, styles.dose, layout), _back_rule(layout, styles), *body]
            needed = stacked_height(body, width, room)
        else:
            band = _band(view, styles, layout)
            indent = band_indent(layout)
            band_height = stacked_height(band, cards.size.width - 2 * indent, height)
            room = cards.size.height - indent - band_height - cards.padding * (1 + BAND_INSIDE + BAND_GAP)
            body, needed = _body(view, styles, layout, width, room)
        if needed <= room:
            return FittedFace(view, size, band, band_height, body)
        shortfall = needed - room
        size = round(size - SHRINK_STEP, 2)
    side = {"front": "front", "back": "back", "all": "face"}[face]
    raise HandoutError.at(
        view.where,
        f"the {side} of the card for `{view.ident}` ({inline(view.name).plain}) does not fit: "
        f"at the smallest size allowed, {cards.min_font_size:g} pt, it needs {shortfall / mm:.1f} mm more "
        f"than the card's {height / mm:.0f} mm (about {100 * shortfall / height:.0f}% too long)",
        "shorten the steps or tips, use a bigger card layout, or lower `cards.min_font_size`",
    )


def band_indent(layout: Layout) -> float:
    """How far the band's words sit from the card's top and sides: inside the padding, and clear
    of a band inset from the cut."""
    pad = card_settings(layout).padding
    return max(pad, SHARED_INSET + min(pad * 0.5, 2 * mm))


def _back_rule(layout: Layout, styles: CardStyles) -> Flowable:
    from reportlab.platypus import HRFlowable

    accent = HexColor(layout.colors.accent)
    return HRFlowable(
        width="100%", thickness=1.2, color=accent, spaceBefore=1, spaceAfter=0
    )  # the heading after it has space above


def _band(view: FaceView, styles: CardStyles, layout: Layout) -> list[Flowable]:
    band = [_para(view.name, styles.name, layout)]
    return [*band, paragraph(escape(view.kind), styles.kind)] if view.kind else band


def _body(
    view: FaceView, styles: CardStyles, layout: Layout, width: float, room: float
) -> tuple[list[Flowable], float]:
    """The flowables under the band and the height they need (pictures take what is left)."""
    face = view.side
    front_text = _front_text(view, styles, layout, width) if face != "back" else []
    back = _back_parts(view, styles, layout, width) if face != "front" else []
    if face == "back":
        return back, stacked_height(back, width, room)
    text = [*front_text, *back]
    text_height = stacked_height(text, width, room)
    pictures_room = room - text_height - (styles.size if face == "all" else 0)
    if face == "all":
        pictures_room = min(pictures_room, room * 0.3)
    shown = _pictures(view, styles, width, pictures_room, _min_picture(layout))
    if shown is None:  # too little room left for pictures: report the shortfall so the text shrinks
        return text, room + max(1.0, _min_picture(layout) + styles.caption.leading + 6 - pictures_room)
    # Each part is measured once: the pictures, then the text that follows them.
    needed = stacked_height([shown], width, room) + text_height + (text[0].getSpaceBefore() if text else 0)
    if face == "front":  # centre the pictures in the room they leave, text at the foot of the card
        spare = max(0.0, room - needed - 1)
        return [Spacer(width, spare / 2), shown, Spacer(width, spare / 2), *text], needed + spare
    return [shown, *text], needed


def _front_text(view: FaceView, styles: CardStyles, layout: Layout, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    facts = [f"<b>{escape(f.label)}:</b> " + ", ".join(_markup(t, layout) for t in f.items) for f in view.facts]
    if facts:
        out.append(paragraph("<br/>".join(facts), styles.small))
    if view.dose:
        box = Table([[paragraph(escape(view.dose), styles.dose)]], colWidths=[width])
        styled(
            box,
            [
                ("BACKGROUND", (0, 0), (-1, -1), tint(HexColor(layout.colors.heading), DOSE_BACKGROUND)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, HexColor(layout.colors.accent)),
                ("LEFTPADDING", (0, 0), (-1, -1), styles.size * 0.7),
                ("TOPPADDING", (0, 0), (-1, -1), styles.size * 0.35),
                ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.5),
            ],
        )
        out += [Spacer(1, styles.size * 0.4), box]
    return out


def _markup(text: str, layout: Layout) -> str:
    return inline(text, layout.colors.heading).markup


def _back_parts(view: FaceView, styles: CardStyles, layout: Layout, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for section in view.sections:
        out.append(paragraph(escape(section.heading), styles.heading))
        out.append(_list(section, styles, layout))
    if view.caution:
        warning = HexColor(layout.colors.warning)
        caution = view.caution
        cell = [paragraph(f"<b>{escape(caution.label)}:</b> {_markup(caution.text, layout)}", styles.body)]
        box = Table([[cell]], colWidths=[width])
        styled(box, _box_style(tint(warning, TONE_BACKGROUND), warning, styles.size))
        out += [Spacer(1, styles.size * 0.5), box]
    if view.video:
        video = view.video
        side = max(14 * mm, styles.size * 5)
        text = [paragraph(escape(video.heading), styles.heading), paragraph(escape(video.address), styles.small)]
        row = Table([[QrCode(video.url, side), text]], colWidths=[side + 3 * mm, width - side - 3 * mm])
        styled(row, [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        out += [Spacer(1, styles.size * 0.5), row]
    return out


def _box_style(background: Color, bar: Color, size: float) -> list[tuple]:
    return [
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("LINEBEFORE", (0, 0), (0, -1), 3, bar),
        ("LEFTPADDING", (0, 0), (-1, -1), size * 0.7),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.35),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.35),
    ]


def _list(section: CardSection, styles: CardStyles, layout: Layout) -> Flowable:
    items = [_para(item, styles.body, layout) for item in section.items]
    accent = HexColor(layout.colors.accent)
    if section.numbered:
        return numbered(items, styles.size, accent, indent=1.3)
    return bulleted(items, styles.size, accent)


def _pictures(view: FaceView, styles: CardStyles, width: float, room: float, smallest: float) -> Flowable | None:
    """Start and end pictures with their labels, side by side or one above the other,
    whichever shows them larger in the room there is."""
    shown = view.pictures
    caption_height = styles.caption.leading + 2
    if room - caption_height < smallest:
        return None
    if not shown:
        return Spacer(width, 0)
    gap = 3 * mm
    captions = [paragraph(escape(str(p.caption or "")), styles.caption) for p in shown]
    across = (width - gap * (len(shown) - 1)) / len(shown), room - caption_height - 4
    down = width, (room - len(shown) * (caption_height + 4)) / len(shown)
    first = shown[0].picture
    if len(shown) > 1 and _picture_area(first, *down) > 1.15 * _picture_area(first, *across):
        cells = [[pictures.flowable(p.picture, down[0], min(down[1], 70 * mm))] for p in shown]
        rows = [row for cell, caption in zip(cells, captions, strict=True) for row in (cell, [caption])]
        table = Table(rows, colWidths=[width])
    else:
        box = across[0], min(across[1], 70 * mm)
        table = Table(
            [[pictures.flowable(p.picture, *box) for p in shown], captions],
            colWidths=[across[0] + (gap if i < len(shown) - 1 else 0) for i in range(len(shown))],
        )
    styled(
        table,
        [
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
    )
    return table


def _min_picture(layout: Layout) -> float:
    cards = card_settings(layout)
    return min(MIN_PICTURE, 0.27 * (cards.size.height - 2 * cards.padding))


def _picture_area(picture, width: float, height: float) -> float:
    """The printed area of a picture scaled to fit width x height."""
    scale = min(width / picture.width, height / picture.height)
    return picture.width * picture.height * scale * scale


def draw_face(canvas: Canvas, fitted: FittedFace, layout: Layout, x: float, y: float, bleed: float) -> None:
    """Draw a fitted face with its trimmed card's lower-left corner at (x, y).

    With bleed (a gutter or a print shop's page) the band runs past the cut; on a shared sheet
    without one it stops SHARED_INSET inside the cut with square corners, clear of the margin many
    printers cannot reach, so a slightly-off cut or duplex shift shows no coloured sliver.
    """
    cards = card_settings(layout)
    width, height, pad = cards.size.width, cards.size.height, cards.padding
    top = y + height
    if fitted.view.side != "back":
        indent = band_indent(layout)
        band_bottom = top - indent - fitted.band_height - pad * BAND_INSIDE
        inset = 0.0 if bleed > 0 else SHARED_INSET
        reach = bleed if bleed > 0 else -inset
        canvas.saveState()
        canvas.setFillColor(HexColor(layout.colors.heading))
        canvas.rect(x - reach, band_bottom, width + 2 * reach, top + reach - band_bottom, stroke=0, fill=1)
        canvas.restoreState()
        band_top = band_bottom + pad * BAND_INSIDE
        _flow(canvas, fitted.band, x + indent, band_top, width - 2 * indent, fitted.band_height + EPSILON, fitted)
        body_height = band_bottom - pad * BAND_GAP - (y + pad) + EPSILON
        _flow(canvas, fitted.body, x + pad, y + pad, width - 2 * pad, body_height, fitted)
    else:
        _flow(
            canvas, [*fitted.band, *fitted.body], x + pad, y + pad, width - 2 * pad, height - 2 * pad + EPSILON, fitted
        )


def _flow(
    canvas: Canvas, flowables: list[Flowable], x: float, y: float, width: float, height: float, fitted: FittedFace
) -> None:
    frame = Frame(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    left = list(flowables)
    frame.addFromList(left, canvas)
    if left:  # measured to fit, so this means a bug: never let text silently disappear
        raise HandoutError.at(
            fitted.view.where,
            f"internal layout error: the {fitted.view.side} of `{fitted.view.ident}` "
            "did not fit where it was measured to fit",
        )
