"""The Python API that the command line, scripts and clinic systems call.

import handoutgen
pdf = handoutgen.build("handouts/glute-soreness.yaml", layout="large-print")
report = handoutgen.check(pdf, content="handouts/glute-soreness.yaml")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import HandoutError
from .model import Handout, Layout
from .resolve import load_handout, load_layout

if TYPE_CHECKING:
    from .verify import Report

PathLike = str | Path


@dataclass(frozen=True)
class Built:
    """A built PDF with what it was built from."""

    source: Path
    pdf: bytes
    pages: int
    content: Handout
    layout: Layout


def build(content: PathLike | Handout, layout: PathLike | Layout | None = None) -> bytes:
    """Build one handout to PDF bytes. Raises HandoutError for bad input."""
    from .render.document import render_handout

    return render_handout(_content(content), _layout(layout)).pdf


def build_file(source: Path, layout: PathLike | Layout | None = None) -> Built:
    """Build one handout file, keeping what it was built from (for checks and reports)."""
    from .render.document import render_handout

    handout = load_handout(source)
    resolved = _layout(layout)
    rendered = render_handout(handout, resolved)
    return Built(source, rendered.pdf, rendered.pages, handout, resolved)


def check(
    pdf: bytes | PathLike, content: PathLike | Handout | None = None, layout: PathLike | Layout | None = None
) -> Report:
    """Check a PDF: fonts, metadata, text on the page, links; with content, every word."""
    from .verify import check_pdf

    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    handout = _content(content) if content is not None else None
    resolved = _layout(layout) if layout is not None else None
    return check_pdf(data, handout, resolved)


def validate(content: PathLike) -> Handout:
    """Load and check a content file without building it."""
    return _content(content)


def _content(content: PathLike | Handout) -> Handout:
    if isinstance(content, Handout):
        return content
    return load_handout(Path(content))


def _layout(layout: PathLike | Layout | None) -> Layout:
    if isinstance(layout, Layout):
        return layout
    return load_layout(layout)


__all__ = ["Built", "HandoutError", "build", "build_file", "check", "validate"]
