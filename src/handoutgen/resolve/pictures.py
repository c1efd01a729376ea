"""Pictures found safely: inside the project, of a known kind, complete, and checked once."""

from __future__ import annotations

import functools
from pathlib import Path

from ..errors import HandoutError
from ..model.resolved import Picture
from ..model.types import RelPath
from ..text import fonts
from .project import outside_hint
from .svg import UnsafeSvgError, check_svg, intrinsic_size

MAX_IMAGE_BYTES = 20 * 1024 * 1024
RASTER = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
KINDS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
MAX_PIXELS = 60_000_000  # a 300 dpi A4 page is 8.7 million


def locate(rel: RelPath) -> Path:
    """The file a relative path names, relative to the YAML file it was written in."""
    base = Path(rel.where.file).parent if rel.where else Path.cwd()
    return (base / rel).resolve()


def find_picture(rel: RelPath, alt: str, root: Path) -> Picture:
    """The checked picture `rel` names; refuses files outside `root`, unknown kinds, unsafe SVG."""
    try:
        path = locate(rel)
        if not path.is_relative_to(root.resolve()):
            raise HandoutError.at(
                rel.where,
                f"picture `{rel}` is outside the project folder {root}",
                outside_hint(Path(rel.where.file), "pictures") if rel.where else None,
            )
        kind = KINDS.get(path.suffix.lower())
        if kind is None:
            raise HandoutError.at(rel.where, f"picture `{rel}` is not PNG, JPEG or SVG", "convert it to PNG or SVG")
        if path.exists() and not path.is_file():
            raise HandoutError.at(rel.where, f"picture `{rel}` is not a regular file (a folder, pipe or device)")
        if not path.is_file():
            raise HandoutError.at(rel.where, f"picture `{rel}` not found (looked for {path})")
        stat = path.stat()
        if stat.st_size > MAX_IMAGE_BYTES:
            raise HandoutError.at(
                rel.where,
                f"picture `{rel}` is larger than 20 MB",
                "export it smaller: 300 dpi at the printed size is plenty",
            )
        width, height, data = _checked(str(path), stat.st_mtime_ns, stat.st_size)
    except BadPictureError as exc:
        raise HandoutError.at(rel.where, f"{'SVG' if kind == 'svg' else 'picture'} `{rel}` {exc}", exc.hint) from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop, from Path.resolve
        raise HandoutError.at(
            rel.where, f"picture `{rel}` cannot be read: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    return Picture(path, kind, alt, width, height, stamp, rel.where, data)  # type: ignore[arg-type]


class BadPictureError(ValueError):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


@functools.lru_cache(maxsize=512)
def _checked(path: str, mtime: int, size: int) -> tuple[float, float, bytes]:
    """Check a file's contents once per version (the key holds its time and size): its own size,
    and the bytes the renderers draw (an SVG's checked tree written out again; a raster as read),
    so they never open the file themselves and draw exactly what was checked."""
    data = Path(path).read_bytes()
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        try:
            checked = check_svg(data)
        except UnsafeSvgError as exc:
            raise BadPictureError(
                str(exc), "save it as plain SVG made of shapes (no linked files, scripts or effects), or use a PNG"
            ) from None
        lacking = fonts.missing(" ".join(checked.texts()))
        if lacking:
            shown = ", ".join(f"`{c}` (U+{ord(c):04X})" for c in lacking)
            raise BadPictureError(f"has text the font cannot print: {shown}", "turn the text into shapes, or remove it")
        return (*intrinsic_size(checked.root), checked.serialised())
    if not data.startswith(RASTER[suffix]):
        raise BadPictureError(f"is not a real {suffix[1:].upper()} file")
    return (*_raster_size(Path(path)), data)


def _raster_size(path: Path) -> tuple[float, float]:
    """Decode the whole picture once: damaged files and decompression bombs stop here."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                if picture.width * picture.height > MAX_PIXELS:
                    raise BadPictureError(
                        f"is {picture.width} × {picture.height} pixels, too large to print",
                        "300 dpi at the printed size is plenty",
                    )
                picture.load()
                return float(picture.width), float(picture.height)
    except BadPictureError:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise BadPictureError(
            f"is damaged or cannot be read ({exc})", "open it in an image editor and save it again"
        ) from None
