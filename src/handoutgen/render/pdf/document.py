"""A document's pages: page template, header, footer, bookmarks, metadata; and a handout's story."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, FrameBreak, LayoutError, PageTemplate, Spacer
from reportlab.platypus.flowables import HRFlowable

from ...environment import source_date_epoch
from ...errors import HandoutError
from ...model.layout import Layout
from ...model.resolved import Document
from ...model.views import HandoutView
from ...text.bands import band_values, fill
from ...version import __version__
from . import fonts
from .bands import FOOTER_HEIGHT, page_decorator
from .blocks import section_flowables, summary_box
from .flow import Context, NeedSpace, stacked_height
from .passes import Measure, Settled, flow_digest, forget, remember, settled_before
from .styles import styles_for

HEADER_HEIGHT = 17 * mm  # the band is 12 mm; 5 mm of air before the text


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
        self.columns_at_end: tuple[float, float] | None = None  # how full each column is where it ends
        self.balance: tuple[int, float] | None = None  # (page, share of the height) its columns stop at

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        outline = getattr(flowable, "outline", None)
        if outline:
            title, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)
            self.headings.append((key, self.page, self._fill()))
        if isinstance(flowable, ChapterEnd):
            self.chapter_ends.append((self.page, self._fill()))
            self.columns_at_end = self._columns_used()

    def _fill(self) -> float:
        """How much of the current page the story has used so far, 0 to 1."""
        frames = self.pageTemplate.frames
        frame = self.frame
        index = next((i for i, f in enumerate(frames) if f is frame), 0)
        used = (frame._y2 - frame._y) / max(1.0, frame._y2 - frame._y1)
        return min(1.0, (index + used) / len(frames)) if len(frames) > 1 else used

    def _columns_used(self) -> tuple[float, float] | None:
        """How far down the two columns of this page the story has come, 0 to 1 each."""
        columns = [f for f in self.pageTemplate.frames if f._width < self.width * 0.75]
        if len(columns) != 2 or self.frame not in columns:
            return None
        frame = self.frame
        used = (frame._y2 - frame._y) / max(1.0, frame._y2 - frame._y1)
        return (used, 0.0) if frame is columns[0] else (1.0, used)

    def handle_pageBegin(self) -> None:  # noqa: N802 - ReportLab's name
        if self.balance is not None and self.page + 1 == self.balance[0]:
            self.pageTemplate = _shortened(self.pageTemplate, self.width, self.balance[1])
        super().handle_pageBegin()

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        # Remember what is being placed: when it cannot fit any page, the error names its block.
        self.placing = flowables[0] if flowables else None
        super().handle_flowable(flowables)


def _shortened(template: PageTemplate, width: float, share: float) -> PageTemplate:
    """The page template with its two columns stopping `share` of the way down, so that the last
    page's columns end level."""
    import copy

    frames = []
    for frame in template.frames:
        if frame._width < width * 0.75:
            height = frame._height * share
            frame = Frame(frame._x1, frame._y1 + frame._height - height, frame._width, height,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        frames.append(frame)
    shortened = copy.copy(template)
    shortened.frames = frames
    return shortened


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


def render_pages(
    document: Document,
    story: Callable[[BaseDocTemplate, Context], list[Flowable]],
    flow: str | None = None,
    measure: Measure | None = None,
) -> Rendered:
    """Lay out a story on the layout's pages with header, footer, bookmarks and metadata.

    When a chapter ends on a page it barely uses, the story is laid out again a little tighter
    (spacing, leading, pictures; within set limits), and the tighter one is kept if it takes
    fewer pages: the tail is pulled back rather than left alone on a page.

    `flow` names everything the story's page breaks depend on (by default `flow_key`): a story
    whose flow settled before is laid out once, on that pass (passes.py). `measure` gives, for
    a pass's squeeze, the size of what `flow` leaves out.
    """
    digest = flow_digest(flow if flow is not None else flow_key(document))
    settled = settled_before(digest, measure)
    if settled is not None:
        return _rendered(_render_once(document, story, settled.squeeze, settled.breaks, settled.balance))
    best, passes = _settled(document, story)
    remember(digest, passes, measure, Settled(best.squeeze, best.breaks, best.balance))
    return _rendered(best)


def forget_chosen_passes() -> None:
    """Lay out every story as if for the first time (for measuring a build)."""
    forget()


def flow_key(document: Document, view: object = None) -> str:
    """What a story's page breaks depend on: its view (or `view`, a stand-in for it with what
    varies taken out), layout, language and page geometry. Pictures are named by path and
    modification time."""
    view = document.view if view is None else view
    return repr((view, document.layout, document.meta.language, document_geometry(document)))


SQUEEZES = (0, 1, 2)  # as designed, then a little tighter twice


def page_context(document: Document, squeeze: int) -> Context:
    """What a story is laid out with on one pass: the layout's styles, the text column's size."""
    geometry = document_geometry(document)
    styles = styles_for(document.layout, squeeze)
    return Context(
        document.layout, styles, document.meta.language, geometry.frame_width, geometry.frame_height, squeeze
    )


def _rendered(layout: _Layout) -> Rendered:
    return Rendered(layout.pdf, layout.pages)


def _settled(
    document: Document, story: Callable[[BaseDocTemplate, Context], list[Flowable]]
) -> tuple[_Layout, tuple[int, ...]]:
    """The story laid out as often as it takes to settle (tighter, rebalanced, levelled), and
    the squeezes it was laid out with."""
    best = latest = _render_once(document, story, SQUEEZES[0])
    passes = [SQUEEZES[0]]
    for squeeze in SQUEEZES[1:]:
        if not any(fill < STUB for _, fill in latest.chapter_ends):
            break
        latest = _render_once(document, story, squeeze)
        passes.append(squeeze)
        if latest.pages < best.pages:
            best = latest
    if best.chapter_ends and best.chapter_ends[-1][1] < NEAR_EMPTY and best.pages > 1:
        best = _rebalanced(document, story, best)
    if best.columns_at_end is not None:
        best = _level_columns(document, story, best)
    return best, tuple(passes)


LEVEL = 0.2  # columns of the last page further apart than this (share of their height) are levelled


def _level_columns(
    document: Document, story: Callable[[BaseDocTemplate, Context], list[Flowable]], built: _Layout
) -> _Layout:
    """Two columns that end far apart on the last page are laid out again with that page's
    columns shortened, a little at a time, until the story still ends on it: both then end
    about level."""
    left, right = built.columns_at_end or (0.0, 0.0)
    if left - right < LEVEL:
        return built
    level = (left + right) / 2
    for share in (level + 0.03, level + 0.07, level + 0.12, level + 0.2):
        if share >= left:
            break
        tried = _render_once(document, story, built.squeeze, built.breaks, (built.pages, share))
        if tried.pages == built.pages:
            return tried
    return built


@dataclass(frozen=True)
class _Layout:
    """One layout of a story: its bytes, and where its chapters end and headings sit."""

    pdf: bytes
    pages: int
    chapter_ends: list[tuple[int, float]]
    headings: list[tuple[str, int, float]]
    squeeze: int
    breaks: frozenset[str] = frozenset()
    columns_at_end: tuple[float, float] | None = None
    balance: tuple[int, float] | None = None


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
    balance: tuple[int, float] | None = None,
) -> _Layout:
    layout, meta = document.layout, document.meta
    values = band_values(meta, layout)
    geometry = document_geometry(document)
    ctx = page_context(document, squeeze)
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
    doc.balance = balance
    flowables = _break_before([*story(doc, ctx), ChapterEnd()], breaks)
    decorate = page_decorator(layout, geometry, values, document.logo)
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
    pages = len(canvases[0].held_pages)
    return _Layout(
        buffer.getvalue(), pages, doc.chapter_ends, doc.headings, squeeze, breaks, doc.columns_at_end, balance
    )


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
    if view.reviewed:
        top.append(ctx.para(view.reviewed, "small"))
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
