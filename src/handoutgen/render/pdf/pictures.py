"""Pictures drawn in the PDF: SVGs as ReportLab drawings made once per file version, rasters as images."""

from __future__ import annotations

import contextlib
import functools
import threading
from pathlib import Path

from ...errors import HandoutError
from ...model.resolved import Picture


class IncompleteSvgError(ValueError):
    """svglib could not draw every part of the picture."""


_DRAW_LOCK = threading.RLock()


def svg_drawing(picture: Picture):
    """The picture as a ReportLab drawing, made once per version of the file."""
    try:
        return _svg_drawing(picture.key, picture.stamp, picture.data)
    except IncompleteSvgError as exc:
        raise HandoutError.at(
            picture.where, f"SVG `{picture.path.name}{'#' + picture.part if picture.part else ''}` {exc}"
        ) from None


@functools.lru_cache(maxsize=256)
def _svg_drawing(path: str, stamp: tuple[int, int], svg: bytes):
    """svglib draws the checked, re-serialised SVG that resolving kept (no DOCTYPE, entities or
    outside references are left in it), so it never opens a file itself; whatever it reports
    as not drawn makes the picture an error, never a partial one. Text in the picture is
    switched to the bundled (embedded) font.
    """
    from lxml import etree
    from reportlab.graphics.shapes import String

    from . import fonts

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(svg, parser)
    fonts.register(italic=False)
    with _svglib_complaints() as complaints:
        from svglib.svglib import SvgRenderer

        try:
            drawing = SvgRenderer(path, external_reference_root=str(_NOWHERE)).render(root)
            _trial_draw(drawing)
        except Exception as exc:  # svglib and ReportLab raise many kinds for odd files
            raise IncompleteSvgError(f"cannot be drawn ({type(exc).__name__}: {exc})") from None
    if complaints:
        raise IncompleteSvgError(f"cannot be drawn completely ({complaints[0]})")
    if drawing is None or not drawing.width or not drawing.height:
        raise IncompleteSvgError("holds no drawing")
    for node in _nodes(drawing):
        if isinstance(node, String):
            node.fontName = fonts.BOLD if "bold" in node.fontName.lower() else fonts.REGULAR
    _inside_its_box(drawing)
    return drawing


def _nodes(drawing):
    """Every node of a drawing, groups and their contents included."""
    stack: list = [drawing]
    while stack:
        node = stack.pop()
        yield node
        if hasattr(node, "contents"):
            stack.extend(node.contents)


def _inside_its_box(drawing) -> None:
    """A picture's drawing, text included, must stay inside its own width and height: svglib
    does not clip, so what runs outside would be drawn over the page around the picture."""
    bounds = drawing.getBounds()
    if bounds is None:  # nothing drawn at all (only <defs>, or empty): the box holds only white
        return
    left, bottom, right, top = bounds
    slack = 0.05 * max(drawing.width, drawing.height)
    over = max(-left, -bottom, right - drawing.width, top - drawing.height)
    if over > slack:
        raise IncompleteSvgError(
            f"draws {over:.0f} units outside its own {drawing.width:g} × {drawing.height:g} box "
            "(long text or shapes past the edge), so it would print over the page around it"
        )


# svglib may only resolve files under this folder, which does not exist: it never opens one.
_NOWHERE = Path("/nonexistent/handoutgen/no-files-here")


def _trial_draw(drawing) -> None:
    """Draw once on a scratch canvas: numbers that pass the checks but that ReportLab cannot draw
    fail here, at the picture, not half-way through a document."""
    import io

    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    renderPDF.draw(drawing, canvas, 0, 0)


@contextlib.contextmanager
def _svglib_complaints():
    """Collect what svglib logs as warnings or errors while this thread renders."""
    import logging

    complaints: list[str] = []
    thread = threading.get_ident()

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread == thread:
                complaints.append(record.getMessage())

    logger = logging.getLogger("svglib.svglib")
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield complaints
    finally:
        logger.removeHandler(handler)


# What each picture drew, per file version and printed size, kept so that a batch draws each
# picture's shapes once. A drawing of shapes draws the same operators wherever it goes (the
# flowable first moves the page's origin to it). Saving and restoring the graphics state and
# transparency are kept as the calls they were, and made again: the page keeps state for them
# (a transparency is named and added to the page's resources on its first use there). Text and
# images are never kept: they change the document's fonts and resources as they draw.
Recorded = list  # what a picture drew: lists of operators, and (canvas method, args, kwargs) calls
_RECORDED: dict[tuple, Recorded] = {}
_MAX_RECORDED = 512
_STATEFUL = (
    "saveState",
    "restoreState",
    "setFillAlpha",
    "setStrokeAlpha",
    "setFillOverprint",
    "setStrokeOverprint",
    "setOverprintMask",
    "setBlendMode",
)


def _record(canvas, draw) -> Recorded:
    """Call `draw` on `canvas`, noting the operators it adds and the stateful calls it makes."""
    events: Recorded = []
    code = canvas._code
    mark = len(code)

    def flush() -> None:
        if len(code) > mark:
            events.append(code[mark:])

    def recorder(name: str, method):
        def call(*args, **kwargs):
            nonlocal mark
            flush()
            events.append((name, args, kwargs))
            result = method(*args, **kwargs)
            mark = len(code)
            return result

        return call

    for name in _STATEFUL:
        canvas.__dict__[name] = recorder(name, getattr(canvas, name))
    try:
        draw()
    finally:
        for name in _STATEFUL:
            canvas.__dict__.pop(name, None)
    flush()
    return events


def _names_a_resource(events: Recorded) -> bool:
    """Whether any recorded operator names a resource (`/Sh0 sh`, `/Im0 Do`, `/F1 12 Tf`): the
    page lists those as it draws them, so a replay would leave the page without them."""
    return any("/" in op for event in events if isinstance(event, list) for op in event)


def _replay(canvas, events: Recorded) -> None:
    for event in events:
        if isinstance(event, list):
            canvas._code.extend(event)
        else:
            name, args, kwargs = event
            getattr(canvas, name)(*args, **kwargs)


@functools.cache
def _shared_drawing_class() -> type:
    from reportlab.graphics.shapes import Drawing

    class SharedDrawing(Drawing):
        """A drawing whose shapes are shared with other documents (the parsed SVG is cached).

        ReportLab's renderer marks shapes with their parent while it draws them, so two
        threads drawing the same shapes at once would trip over each other: one at a time.
        """

        recording_key: tuple | None = None  # set when the drawing is shapes alone

        def draw(self, *args, **kwargs):
            key = self.recording_key
            recorded = _RECORDED.get(key) if key else None
            if recorded is not None:
                return _replay(self.canv, recorded)
            with _DRAW_LOCK:
                if not key:
                    return super().draw(*args, **kwargs)
                events = _record(self.canv, lambda: super(SharedDrawing, self).draw(*args, **kwargs))
                if len(_RECORDED) < _MAX_RECORDED and not _names_a_resource(events):
                    _RECORDED[key] = events
            return None

    return SharedDrawing


@functools.lru_cache(maxsize=256)
def _shapes_only(path: str, stamp: tuple[int, int], svg: bytes) -> bool:
    """True when the picture's drawing holds only groups and plain shapes. Text marks the
    document's font subset as it draws, images and gradients (drawn directly on the canvas)
    add resources to the document: none of them can be replayed."""
    from reportlab.graphics import shapes

    plain = (shapes.Group, shapes.Rect, shapes.Circle, shapes.Ellipse, shapes.Line, shapes.PolyLine)
    plain += (shapes.Polygon, shapes.Path, shapes.Wedge)
    drawing = _svg_drawing(path, stamp, svg)
    return all(
        isinstance(node, plain) and not isinstance(node, shapes.DirectDraw)
        for node in _nodes(drawing)
        if node is not drawing
    )


def flowable(picture: Picture, max_width: float, max_height: float):
    """A picture flowable scaled to fit the box, keeping its proportions."""
    from . import fonts

    if picture.kind == "svg":
        from reportlab.graphics.shapes import Group

        source = svg_drawing(picture)
        scale = min(max_width / source.width, max_height / source.height)
        out = _shared_drawing_class()(source.width * scale, source.height * scale)
        group = Group(*source.contents, transform=(scale, 0, 0, scale, 0, 0))
        out.add(group)
        if _shapes_only(picture.key, picture.stamp, picture.data):
            out.__dict__["recording_key"] = (picture.key, picture.stamp, out.width, out.height)
        return fonts.use_in_drawing(out)
    import io

    from reportlab.platypus import Image

    scale = min(max_width / picture.width, max_height / picture.height)
    return Image(io.BytesIO(picture.data), width=picture.width * scale, height=picture.height * scale)
