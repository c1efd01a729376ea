"""A deck of exercise cards to PDF: fit each face, impose them on sheets, draw marks and boxes."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ...model.layout import Layout
from ...model.resolved import Document
from ...model.views import CardsView, FaceView
from ...version import __version__
from . import fonts
from .cards import FittedFace, draw_face, fit_face
from .document import Rendered, page_geometry, pdf_timestamp, set_timestamp
from .imposition import Placement, Plan, crop_marks, plan

MARK_COLOR = HexColor("#231f20")
CUT_COLOR = HexColor("#9aa5ad")
FOLD_COLOR = HexColor("#5b6770")  # darker than the cut lines: it is read, not only followed
FOLD_LABEL_SIZE = 8


def render_deck(document: Document) -> Rendered:
    view = document.view
    assert isinstance(view, CardsView)
    layout, one_per_page = document.layout, document.one_per_page
    fonts.register(italic=True)
    geometry = page_geometry(layout)
    sheet = (geometry.width, geometry.height)
    layout_plan = plan(layout, sheet, len(view.cards), one_per_page)
    faces = {(index, face.side): face for index, card in enumerate(view.cards) for face in card.faces}
    fitted = fit_deck(faces, layout)
    if layout.cards and layout.cards.marks == "crop" and not one_per_page:
        crop_marks([p for p in layout_plan.placements if p.page == 0], sheet, layout)  # fail early, clearly
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=layout_plan.pages[0],
        invariant=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        lang=document.meta.language,
    )
    set_timestamp(canvas, pdf_timestamp(None))
    canvas.setTitle(document.meta.title)
    canvas.setAuthor(document.meta.author)
    canvas.setSubject("")
    canvas.setCreator(f"handoutgen {__version__}")
    canvas.setProducer(f"handoutgen {__version__}")
    for page, size in enumerate(layout_plan.pages):
        canvas.setPageSize(size)
        _draw_page(canvas, layout_plan, page, fitted, layout, size, view.fold_label)
        canvas.showPage()
    canvas.save()
    return Rendered(buffer.getvalue(), len(layout_plan.pages))


def fit_deck(faces: dict[tuple[int, str], FaceView], layout: Layout) -> dict[tuple[int, str], FittedFace]:
    """Every face fitted at one size per side across the deck (the largest at which every face of
    that side fits), so that cards side by side on a sheet match. A deck that repeats an
    exercise fits its faces once."""
    largest: dict[FaceView, FittedFace] = {}
    for face in faces.values():
        if face not in largest:
            largest[face] = fit_face(face, layout)
    common: dict[str, float] = {}
    for face, fitted in largest.items():
        common[face.side] = min(common.get(face.side, fitted.size), fitted.size)
    at_common: dict[FaceView, FittedFace] = {}
    for face, fitted in largest.items():
        at_common[face] = fitted if fitted.size == common[face.side] else fit_face(face, layout, common[face.side])
    return {key: at_common[face] for key, face in faces.items()}


def _draw_page(
    canvas: Canvas,
    layout_plan: Plan,
    page: int,
    fitted: dict[tuple[int, str], FittedFace],
    layout: Layout,
    size: tuple[float, float],
    fold_label: str | None = None,
) -> None:
    placements = layout_plan.on_page(page)
    for placement in placements:
        _draw_placed(canvas, placement, fitted[(placement.card, placement.face)], layout)
    if layout_plan.one_per_page:
        _set_boxes(canvas, placements[0])
    if not layout_plan.fronts[page] or layout.cards is None or layout.cards.marks == "none":
        return
    if layout.cards.marks == "crop" or layout_plan.one_per_page:
        _draw_crop_marks(canvas, crop_marks(placements, size, layout))
    else:
        fold = fold_label if layout.cards.duplex == "fold" else None
        _draw_cut_lines(canvas, placements, fold, max(FOLD_LABEL_SIZE, layout.cards.min_font_size))


def _draw_placed(canvas: Canvas, placement: Placement, face: FittedFace, layout: Layout) -> None:
    trim = placement.trim
    if not placement.turned:
        draw_face(canvas, face, layout, trim.x, trim.y, placement.bleed)
        return
    canvas.saveState()
    canvas.translate(trim.right, trim.top)
    canvas.rotate(180)
    draw_face(canvas, face, layout, 0, 0, placement.bleed)
    canvas.restoreState()


def _set_boxes(canvas: Canvas, placement: Placement) -> None:
    trim, bleed = placement.trim, placement.bleed
    canvas.setTrimBox((trim.x, trim.y, trim.right, trim.top))
    canvas.setBleedBox((trim.x - bleed, trim.y - bleed, trim.right + bleed, trim.top + bleed))


def _draw_crop_marks(canvas: Canvas, lines: list[tuple[float, float, float, float]]) -> None:
    canvas.saveState()
    canvas.setStrokeColor(MARK_COLOR)
    canvas.setLineWidth(0.25)
    for line in lines:
        canvas.line(*line)
    canvas.restoreState()


def _draw_cut_lines(canvas: Canvas, placements: list[Placement], fold_label: str | None, label_size: float) -> None:
    """Dashed cut lines round each card; on folded cards a dot-dash fold line, labelled in its
    middle in the content's language."""
    canvas.saveState()
    canvas.setStrokeColor(CUT_COLOR)
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 2)
    for placement in placements:
        box = placement.trim
        if fold_label is None:
            canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
        elif placement.face == "front":  # the pair is cut out whole; between its halves is the fold
            canvas.rect(box.x, box.y, 2 * box.width, box.height, stroke=1, fill=0)
    if fold_label is not None:
        for placement in placements:
            if placement.face == "back":
                _fold_line(canvas, placement.trim, fold_label, label_size)
    canvas.restoreState()


def _fold_line(canvas: Canvas, box, label: str, size: float) -> None:
    """The line a folded card is folded along (the back's left edge), broken in the middle for
    its label, which reads up the line."""
    gap = stringWidth(label, fonts.REGULAR, size) / 2 + size * 0.5
    middle = box.y + box.height / 2
    canvas.setDash([1, 2, 6, 2])
    canvas.setStrokeColor(FOLD_COLOR)
    canvas.line(box.x, box.y, box.x, middle - gap)
    canvas.line(box.x, middle + gap, box.x, box.top)
    canvas.saveState()
    canvas.translate(box.x, middle)
    canvas.rotate(90)
    canvas.setFillColor(FOLD_COLOR)
    canvas.setFont(fonts.REGULAR, size)
    canvas.drawCentredString(0, -size * 0.35, label)
    canvas.restoreState()
