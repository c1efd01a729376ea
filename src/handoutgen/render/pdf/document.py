"""A document's pages: page template, header, footer, bookmarks, metadata; and a handout's story."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, FrameBreak, LayoutError, PageTemplate, Spacer
from reportlab.platypus.flowables import HRFlowable

from ...environment import source_date_epoch
from ...errors import HandoutError
from ...model.layout import Layout
from ...model.resolved import Document, Metadata, Picture
from ...model.views import HandoutView
from ...text.labels import label, long_date
from ...version import __version__
from . import fonts, pictures
from .blocks import section_flowables, summary_box
from .flow import Context, NeedSpace, stacked_height
from .styles import styles_for

HEADER_HEIGHT = 17 * mm  # the band is 12 mm; 5 mm of air before the text
FOOTER_HEIGHT = 10 * mm


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    header: float = HEADER_HEIGHT

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom - self.header - FOOTER_HEIGHT

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """The body text's area: left, bottom, right, top, in points from the page's lower left."""
        bottom = self.bottom + FOOTER_HEIGHT
        return self.left, bottom, self.width - self.right, bottom + self.frame_height


def page_geometry(layout: Layout) -> PageGeometry:
    width, height = layout.page.dimensions()
    margins = layout.page.margins
    return PageGeometry(
        width, height, margins.side("left"), margins.side("right"), margins.side("top"), margins.side("bottom")
    )


def document_geometry(document: Document) -> PageGeometry:
    """The page geometry of a document: with no logo and no header text, no header band."""
    layout = document.layout
    geometry = page_geometry(layout)
    values = band_values(document.meta, layout)
    if not (document.logo or fill(layout.header.left, values, 1, 1) or fill(layout.header.right, values, 1, 1)):
        geometry = dataclasses.replace(geometry, header=0)
    return geometry


def pdf_timestamp(reviewed: dt.date | None) -> float:
    """Seconds since the epoch for the PDF's dates: SOURCE_DATE_EPOCH when set, else the
    content's review date, else a fixed date; never the clock, so rebuilds are identical."""
    epoch = source_date_epoch()
    if epoch is not None:
        return float(epoch)
    day = reviewed or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()


def set_timestamp(canvas: Canvas, timestamp: float) -> None:
    """Date the PDF (creation and modification) at `timestamp`."""
    stamp = canvas._doc._timeStamp
    stamp.t = timestamp
    stamp.lt = stamp.YMDhms = dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).timetuple()[:6]
    stamp.dhh = stamp.dmm = 0


class PagedCanvas(Canvas):
    """Holds pages back until the end so every footer can say "Page X of Y".

    Bookmarks are held back with their page, because ReportLab ties a bookmark to the
    page that is current in the PDF file, which only advances when a page is written.
    """

    def __init__(self, *args, decorate=None, timestamp: float = 0.0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.held_pages: list[dict] = []
        self._held_bookmarks: dict[int, list[str]] = {}
        self._decorate = decorate
        set_timestamp(self, timestamp)

    def bookmarkPage(self, key, **kwargs):  # noqa: N802 - ReportLab's name
        self._held_bookmarks.setdefault(len(self.held_pages), []).append(key)

    def showPage(self):  # noqa: N802 - ReportLab's name
        self.held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self.held_pages)
        for index, state in enumerate(self.held_pages):
            self.__dict__.update(state)
            for key in self._held_bookmarks.get(index, []):
                Canvas.bookmarkPage(self, key, fit="XYZ", top=self._pagesize[1])
            if self._decorate:
                self._decorate(self, index + 1, total)
            Canvas.showPage(self)
        Canvas.save(self)


class ChapterEnd(Flowable):
    """Marks where a chapter of the story ends (a programme before its appended handouts, a
    handout): the document notes how full that page is."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


STUB = 0.4  # a chapter whose last page is less full than this is worth pulling back
NEAR_EMPTY = 0.18  # "about a fifth": a last page less full than this is a stub that must not be left


class HandoutDocTemplate(BaseDocTemplate):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.chapter_ends: list[tuple[int, float]] = []  # (page, how full) at the end of each chapter
        self.headings: list[tuple[str, int, float]] = []  # (bookmark key, page, how full) of each heading

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        outline = getattr(flowable, "outline", None)
        if outline:
            title, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)
            self.headings.append((key, self.page, self._fill()))
        if isinstance(flowable, ChapterEnd):
            self.chapter_ends.append((self.page, self._fill()))

    def _fill(self) -> float:
        """How much of the current page the story has used so far, 0 to 1."""
        frames = self.pageTemplate.frames
        frame = self.frame
        index = next((i for i, f in enumerate(frames) if f is frame), 0)
        used = (frame._y2 - frame._y) / max(1.0, frame._y2 - frame._y1)
        return min(1.0, (index + used) / len(frames)) if len(frames) > 1 else used

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        # Remember what is being placed: when it cannot fit any page, the error names its block.
        self.placing = flowables[0] if flowables else None
        super().handle_flowable(flowables)


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int


def render_handout(document: Document) -> Rendered:
    view = document.view
    assert isinstance(view, HandoutView)
    layout = document.layout
    fonts.register(italic=False)

    def story(doc: BaseDocTemplate, ctx: Context) -> list[Flowable]:
        top = title_flowables(view, ctx)
        if layout.columns == 2:
            column_ctx = dataclasses.replace(ctx, width=(ctx.width - layout.column_gap) / 2)
            return two_column_pages(doc, top, body_flowables(view, column_ctx), ctx)
        doc.addPageTemplates([PageTemplate("page", frames=[_frame(doc, 0, doc.width, doc.height)])])
        return [*top, *body_flowables(view, ctx)]

    return render_pages(document, story)


def render_pages(document: Document, story: Callable[[BaseDocTemplate, Context], list[Flowable]]) -> Rendered:
    """Lay out a story on the layout's pages with header, footer, bookmarks and metadata.

    When a chapter ends on a page it barely uses, the story is laid out again a little tighter
    (spacing, leading, pictures; within set limits), and the tighter one is kept if it takes
    fewer pages: the tail is pulled back rather than left alone on a page.
    """
    best = latest = _render_once(document, story, 0)
    for squeeze in (1, 2):
        if not any(fill < STUB for _, fill in latest.chapter_ends):
            break
        latest = _render_once(document, story, squeeze)
        if latest.pages < best.pages:
            best = latest
    if best.chapter_ends and best.chapter_ends[-1][1] < NEAR_EMPTY and best.pages > 1:
        best = _rebalanced(document, story, best)
    return Rendered(best.pdf, best.pages)


@dataclass(frozen=True)
class _Layout:
    """One layout of a story: its bytes, and where its chapters end and headings sit."""

    pdf: bytes
    pages: int
    chapter_ends: list[tuple[int, float]]
    headings: list[tuple[str, int, float]]
    squeeze: int


def _rebalanced(
    document: Document, story: Callable[[BaseDocTemplate, Context], list[Flowable]], built: _Layout
) -> _Layout:
    """A last page that the tail cannot be pulled back from gets more of the tail instead: the
    last section that starts low on the page before moves on to it, so neither page is a stub."""
    last = built.pages
    candidates = [(key, fill) for key, page, fill in built.headings if page == last - 1 and fill > 0.3]
    for key, _ in reversed(candidates):
        moved = _render_once(document, story, built.squeeze, frozenset({key}))
        if moved.pages == built.pages and moved.chapter_ends[-1][1] >= NEAR_EMPTY:
            return moved
    return built


def _render_once(
    document: Document,
    story: Callable[[BaseDocTemplate, Context], list[Flowable]],
    squeeze: int,
    breaks: frozenset[str] = frozenset(),
) -> _Layout:
    layout, meta = document.layout, document.meta
    values = band_values(meta, layout)
    geometry = document_geometry(document)
    styles = styles_for(layout, squeeze)
    ctx = Context(layout, styles, meta.language, geometry.frame_width, geometry.frame_height, squeeze)
    buffer = io.BytesIO()
    doc = HandoutDocTemplate(
        buffer,
        pagesize=(geometry.width, geometry.height),
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        creator=f"handoutgen {__version__}",
        producer=f"handoutgen {__version__}",
        lang=meta.language,
        invariant=1,
        leftMargin=geometry.left,
        rightMargin=geometry.right,
        topMargin=geometry.top + geometry.header,
        bottomMargin=geometry.bottom + FOOTER_HEIGHT,
        initialFontName=fonts.REGULAR,
        initialFontSize=layout.text.size,
    )
    flowables = _break_before([*story(doc, ctx), ChapterEnd()], breaks)
    decorate = _decorator(layout, geometry, values, document.logo)
    timestamp = pdf_timestamp(meta.date)
    canvases: list[PagedCanvas] = []

    def make_canvas(*args, **kwargs) -> PagedCanvas:
        canvases.append(PagedCanvas(*args, decorate=decorate, timestamp=timestamp, **kwargs))
        return canvases[-1]

    try:
        doc.build(flowables, canvasmaker=make_canvas)
    except LayoutError as exc:
        size = re.search(r"\(([\d.]+) x ([\d.-]+)\*?\)", str(exc))
        room = f" (the space for text is {float(size.group(1)) / mm:.0f} mm wide)" if size else ""
        where = getattr(getattr(doc, "placing", None), "source_where", None) or meta.where
        raise HandoutError.at(
            where,
            f"this part of the document is too big to fit on one page{room}",
            "split very long boxes, tables or pictures into smaller ones, or check the layout's margins and sizes",
        ) from None
    return _Layout(buffer.getvalue(), len(canvases[0].held_pages), doc.chapter_ends, doc.headings, squeeze)


def _break_before(flowables: list[Flowable], keys: frozenset[str]) -> list[Flowable]:
    """A frame break before each heading whose bookmark key is in `keys` (and before the request
    for room that goes with it)."""
    if not keys:
        return flowables
    out: list[Flowable] = []
    for flowable in flowables:
        outline = getattr(flowable, "outline", None)
        if outline and outline[1] in keys:
            at = len(out) - 1 if out and isinstance(out[-1], NeedSpace) else len(out)
            out.insert(at, FrameBreak())
        out.append(flowable)
    return out


def _frame(doc: BaseDocTemplate, x: float, width: float, height: float, y: float | None = None) -> Frame:
    return Frame(
        doc.leftMargin + x,
        doc.bottomMargin if y is None else y,
        width,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def two_column_pages(doc: BaseDocTemplate, top: list[Flowable], body: list[Flowable], ctx: Context) -> list[Flowable]:
    """Title and key points across the page, then two columns; later pages are all columns."""
    gap = ctx.layout.column_gap
    column = (doc.width - gap) / 2
    top_height = stacked_height(top, doc.width, doc.height) + 2
    columns_height = doc.height - top_height
    if columns_height < doc.height / 3:
        raise HandoutError.at(
            None,
            "the title and key points leave too little room for two columns",
            "shorten the key points or use one column",
        )
    first = [
        _frame(doc, 0, doc.width, top_height, y=doc.bottomMargin + columns_height),
        _frame(doc, 0, column, columns_height),
        _frame(doc, column + gap, column, columns_height),
    ]
    rest = [_frame(doc, 0, column, doc.height), _frame(doc, column + gap, column, doc.height)]
    doc.addPageTemplates(
        [PageTemplate("first", frames=first, autoNextPageTemplate="rest"), PageTemplate("rest", frames=rest)]
    )
    return [*top, FrameBreak(), *body]


def title_flowables(view: HandoutView, ctx: Context) -> list[Flowable]:
    top: list[Flowable] = [ctx.para(view.title, "title")]
    if view.subtitle:
        top.append(ctx.para(view.subtitle, "subtitle"))
    if view.summary:
        top += [summary_box(view.summary, ctx), Spacer(1, ctx.space(ctx.layout.text.size * 0.4))]
    return top


def body_flowables(view: HandoutView, ctx: Context) -> list[Flowable]:
    """The sections, and the disclaimer when the view has one."""
    body = [f for section in view.sections for f in section_flowables(section, ctx)]
    return [*body, *disclaimer_flowables(view.disclaimer, ctx)]


def disclaimer_flowables(disclaimer: str | None, ctx: Context) -> list[Flowable]:
    """The layout's small print, under a thin rule, at the end of a document."""
    if not disclaimer:
        return []
    return [
        Spacer(1, ctx.space(ctx.layout.text.size)),
        HRFlowable(width="100%", thickness=0.5, color=ctx.color("rule"), spaceAfter=4),
        ctx.para(disclaimer, "small"),
    ]


def band_values(info: Metadata, layout: Layout) -> dict[str, str]:
    brand = layout.brand
    language = info.language
    contact = " · ".join(str(v) for v in (brand.phone, brand.web) if v)
    return {
        "title": info.title,
        "reviewed": label(language, "reviewed", date=long_date(language, info.date))
        if info.date and info.reviewed
        else "",
        "reviewed_date": long_date(language, info.date) if info.date else "",
        "brand.name": str(brand.name or ""),
        "brand.phone": str(brand.phone or ""),
        "brand.web": str(brand.web or ""),
        "brand.address": str(brand.address or ""),
        "brand.contact": contact,
        "page_label": label(language, "page_label", page="{page}", pages="{pages}"),
    }


def fill(template: str | None, values: dict[str, str], page: int, pages: int) -> str:
    if not template:
        return ""
    numbers = {"page": str(page), "pages": str(pages)}

    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name == "page_label":  # "Page {page} of {pages}" in the content's language
            return values[name].format(**numbers)
        return numbers.get(name, values.get(name, match.group(0)))

    text = re.sub(r"\{([^{}]*)\}", value, str(template))
    return " ".join(text.split()).strip(" ·|-")


def _decorator(layout: Layout, geometry: PageGeometry, values: dict[str, str], logo: Picture | None):
    muted = HexColor(layout.colors.muted)
    heading_color = HexColor(layout.colors.heading)
    rule = HexColor(layout.colors.rule)
    band_size = max(min(layout.text.size * 0.75, 11), 8.5, layout.text.smallest)

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        left_x, right_x = geometry.left, geometry.width - geometry.right
        top_y = geometry.height - geometry.top
        canvas.saveState()
        text_x = left_x
        if logo:
            picture = pictures.flowable(logo, 40 * mm, 10 * mm)
            width, height = picture.wrap(40 * mm, 10 * mm)
            picture.drawOn(canvas, left_x, top_y - 10 * mm + (10 * mm - height) / 2)
            text_x += width + 3 * mm
        if geometry.header:
            _band(
                canvas,
                fill(layout.header.left, values, page, pages),
                fill(layout.header.right, values, page, pages),
                text_x,
                right_x,
                top_y - 6.6 * mm,
                (fonts.BOLD, band_size + 1.5, heading_color),
                (fonts.REGULAR, band_size, muted),
                layout.text.smallest,
            )
            canvas.setStrokeColor(rule)
            canvas.setLineWidth(0.6)
            canvas.line(left_x, top_y - 12 * mm, right_x, top_y - 12 * mm)
        bottom_y = geometry.bottom
        canvas.setStrokeColor(rule)
        canvas.line(left_x, bottom_y + FOOTER_HEIGHT - 3 * mm, right_x, bottom_y + FOOTER_HEIGHT - 3 * mm)
        _band(
            canvas,
            fill(layout.footer.left, values, page, pages),
            fill(layout.footer.right, values, page, pages),
            left_x,
            right_x,
            bottom_y + 1.5 * mm,
            (fonts.REGULAR, band_size, muted),
            (fonts.REGULAR, band_size, muted),
            layout.text.smallest,
        )
        canvas.restoreState()

    return decorate


def _band(
    canvas: Canvas,
    left: str,
    right: str,
    left_x: float,
    right_x: float,
    y: float,
    left_font: tuple,
    right_font: tuple,
    smallest: float = 6.5,
) -> None:
    """One line of header or footer: the right text whole, the left text shrunk to fit beside it,
    down to the layout's smallest size; then its first part (usually the title, printed in full on
    the first page) is left out, and only last of all is it shortened with an ellipsis."""
    gap = 4 * mm
    right_width = stringWidth(right, right_font[0], right_font[1]) if right else 0.0
    room = right_x - left_x - right_width - (gap if right else 0)
    name, size, color = left_font
    while left and stringWidth(left, name, size) > room and size > smallest:
        size = max(smallest, size - 0.25)
    while left and stringWidth(left, name, size) > room and " · " in left:
        left = left.split(" · ", 1)[1]
    while left and stringWidth(left, name, size) > room and len(left) > 1:
        left = left[:-2].rstrip() + "…"
    if left:
        canvas.setFont(name, size)
        canvas.setFillColor(color)
        canvas.drawString(left_x, y, left)
    if right:
        canvas.setFont(right_font[0], right_font[1])
        canvas.setFillColor(right_font[2])
        canvas.drawRightString(right_x, y, right)
