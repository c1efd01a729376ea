"""A picture as resolving found it: a checked file inside the project."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import Where


@dataclass(frozen=True)
class Picture:
    """A picture file that was found inside the project and checked (SVG parsed, raster decoded)."""

    path: Path  # absolute
    kind: Literal["svg", "png", "jpeg"]
    alt: str
    width: float  # its own size, for the proportions: pixels, or SVG user units
    height: float
    stamp: tuple[int, int]  # modification time (ns) and size when checked: the key of drawing caches
    where: Where | None = field(default=None, compare=False)
    data: bytes = field(default=b"", repr=False)  # the checked file: an SVG re-serialised, a raster as read
    part: str = ""  # drawn from a pose: which of the file's pictures (`start`, `end`); the file is `path`
    credit: str = ""  # who made it and under which licence, where the licence asks to say so

    @property
    def key(self) -> str:
        """What drawing caches know this picture by, with `stamp`."""
        return f"{self.path}#{self.part}" if self.part else str(self.path)
