"""Pictures: find them safely, load each once, scale them to fit."""

from __future__ import annotations

import contextlib
import functools
import threading
from pathlib import Path

from ..errors import HandoutError
from ..model.types import RelPath

MAX_IMAGE_BYTES = 20 * 1024 * 1024
RASTER = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
KINDS = (*RASTER, ".svg")
MAX_PIXELS = 60_000_000  # a 300 dpi A4 page is 8.7 million


def locate(rel: RelPath) -> Path:
    """The file a relative path names, relative to the YAML file it was written in."""
    base = Path(rel.where.file).parent if rel.where else Path.cwd()
    return (base / rel).resolve()


def check(rel: RelPath, root: Path) -> Path:
    """Refuse pictures outside the project folder, of unknown kinds, or unsafe SVG."""
    path = locate(rel)
    if not path.is_relative_to(root.resolve()):
        raise HandoutError.at(
            rel.where,
            f"picture `{rel}` is outside the project folder {root}",
            "keep pictures inside the project, for example in `images/`",
        )
    if path.suffix.lower() not in KINDS:
        raise HandoutError.at(rel.where, f"picture `{rel}` is not PNG, JPEG or SVG", "convert it to PNG or SVG")
    if not path.is_file():
        raise HandoutError.at(rel.where, f"picture `{rel}` not found (looked for {path})")
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise HandoutError.at(
            rel.where,
            f"picture `{rel}` is larger than 20 MB",
            "export it smaller: 300 dpi at the printed size is plenty",
        )
    head = path.read_bytes()
    magic = RASTER.get(path.suffix.lower())
    if magic and not head.startswith(magic):
        raise HandoutError.at(rel.where, f"picture `{rel}` is not a real {path.suffix[1:].upper()} file")
    if magic:
        _check_raster(path, rel)
    if path.suffix.lower() == ".svg":
        _check_svg(path, rel)
    return path


def _check_raster(path: Path, rel: RelPath) -> None:
    """Decode the whole picture once: damaged files and decompression bombs stop here."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                if picture.width * picture.height > MAX_PIXELS:
                    raise HandoutError.at(
                        rel.where,
                        f"picture `{rel}` is {picture.width} × {picture.height} pixels, too large to print",
                        "300 dpi at the printed size is plenty",
                    )
                picture.load()
    except HandoutError:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise HandoutError.at(
            rel.where,
            f"picture `{rel}` is damaged or cannot be read ({exc})",
            "open it in an image editor and save it again",
        ) from None


def _check_svg(path: Path, rel: RelPath) -> None:
    from ..svg import UnsafeSvgError

    try:
        svg_drawing(_file_key(path))
    except UnsafeSvgError as exc:
        raise HandoutError.at(
            rel.where,
            f"SVG `{rel}` {exc}",
            "save it as plain SVG made of shapes (no linked files, scripts or effects), or use a PNG",
        ) from None


def _file_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size)


_DRAW_LOCK = threading.RLock()


@functools.lru_cache(maxsize=256)
def svg_drawing(key: tuple[str, int, int]):
    """Check an SVG and turn it into a ReportLab drawing, once per file version.

    svglib draws the tree that svg.check_svg parsed and checked, so it never opens a file
    itself; whatever it reports as not drawn makes the picture an error, never a partial one.
    Text in the picture is switched to the bundled (embedded) font.
    """
    from reportlab.graphics.shapes import Group, String

    from ..svg import UnsafeSvgError, check_svg
    from . import fonts

    checked = check_svg(Path(key[0]).read_bytes())
    fonts.register(italic=False)
    with _svglib_complaints() as complaints:
        from svglib.svglib import SvgRenderer

        try:
            drawing = SvgRenderer(key[0]).render(checked.root)
        except Exception as exc:  # svglib raises many kinds for odd files
            raise UnsafeSvgError(f"cannot be drawn ({type(exc).__name__}: {exc})") from None
    if complaints:
        raise UnsafeSvgError(f"cannot be drawn completely ({complaints[0]})")
    if drawing is None or not drawing.width or not drawing.height:
        raise UnsafeSvgError("holds no drawing")
    stack: list = [drawing]
    while stack:
        node = stack.pop()
        if isinstance(node, String):
            node.fontName = fonts.BOLD if "bold" in node.fontName.lower() else fonts.REGULAR
        if isinstance(node, Group) or hasattr(node, "contents"):
            stack.extend(node.contents)
    return drawing


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


@functools.cache
def _shared_drawing_class() -> type:
    from reportlab.graphics.shapes import Drawing

    class SharedDrawing(Drawing):
        """A drawing whose shapes are shared with other documents (the parsed SVG is cached).

        ReportLab's renderer marks shapes with their parent while it draws them, so two
        threads drawing the same shapes at once would trip over each other: one at a time.
        """

        def draw(self, *args, **kwargs):
            with _DRAW_LOCK:
                return super().draw(*args, **kwargs)

    return SharedDrawing


@functools.lru_cache(maxsize=256)
def raster_size(key: tuple[str, int, int]) -> tuple[int, int]:
    from reportlab.lib.utils import ImageReader

    return ImageReader(key[0]).getSize()


def flowable(path: Path, max_width: float, max_height: float):
    """A picture flowable scaled to fit the box, keeping its proportions."""
    from . import fonts

    key = _file_key(path)
    if path.suffix.lower() == ".svg":
        from reportlab.graphics.shapes import Group

        source = svg_drawing(key)
        scale = min(max_width / source.width, max_height / source.height)
        out = _shared_drawing_class()(source.width * scale, source.height * scale)
        group = Group(*source.contents, transform=(scale, 0, 0, scale, 0, 0))
        out.add(group)
        return fonts.use_in_drawing(out)
    from reportlab.platypus import Image

    width, height = raster_size(key)
    scale = min(max_width / width, max_height / height)
    return Image(str(path), width=width * scale, height=height * scale)
