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

from ...errors import HandoutError
from ...model.layout import Layout
from ...model.resolved import Document, Metadata, Picture
from ...model.views import HandoutView
from ...text.labels import label, long_date
from ...version import __version__
from . import fonts, pictures
from .blocks import section_flowables, summary_box
from .flow import Context, stacked_height
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


def page_geometry(layout: Layout) -> PageGeometry:
    width, height = layout.page.dimensions()
    margins = layout.page.margins
    return PageGeometry(
        width, height, margins.side("left"), margins.side("right"), margins.side("top"), margins.side("bottom")
    )


def pdf_timestamp(reviewed: dt.date | None) -> float:
    """Seconds since the epoch for the PDF's dates: SOURCE_DATE_EPOCH when set, else the
    content's review date, else a fixed date; never the clock, so rebuilds are identical."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit() or int(epoch) > 253402300799:  # 9999-12-31
            raise HandoutError.at(
                None,
                f"SOURCE_DATE_EPOCH is `{epoch}`; it must be whole seconds since 1970",
                "unset it, or set it to the output of `date +%s`",
            )
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


class HandoutDocTemplate(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        outline = getattr(flowable, "outline", None)
        if outline:
            title, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)

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
    """Lay out a story on the layout's pages with header, footer, bookmarks and metadata."""
    layout, meta = document.layout, document.meta
    values = band_values(meta, layout)
    geometry = page_geometry(layout)
    if not (document.logo or fill(layout.header.left, values, 1, 1) or fill(layout.header.right, values, 1, 1)):
        geometry = dataclasses.replace(geometry, header=0)
    ctx = Context(layout, styles_for(layout), meta.language, geometry.frame_width, geometry.frame_height)
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
    flowables = story(doc, ctx)
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
    return Rendered(buffer.getvalue(), len(canvases[0].held_pages))


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
        top += [summary_box(view.summary, ctx), Spacer(1, ctx.layout.text.size * 0.4)]
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
        Spacer(1, ctx.layout.text.size),
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
    band_size = max(min(layout.text.size * 0.75, 11), 8.5)

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
        )
        canvas.restoreState()

    return decorate


def _band(
    canvas: Canvas, left: str, right: str, left_x: float, right_x: float, y: float, left_font: tuple, right_font: tuple
) -> None:
    """One line of header or footer: the right text whole, the left text shrunk to fit beside it,
    down to 6.5 pt, then shortened with an ellipsis (it repeats text printed in full elsewhere)."""
    gap = 4 * mm
    right_width = stringWidth(right, right_font[0], right_font[1]) if right else 0.0
    room = right_x - left_x - right_width - (gap if right else 0)
    name, size, color = left_font
    while left and stringWidth(left, name, size) > room and size > 6.5:
        size -= 0.25
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
