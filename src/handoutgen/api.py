"""The Python API that the command line, scripts and clinic systems call.

import handoutgen
pdf = handoutgen.build("handouts/glute-soreness.yaml", layout="large-print")
cards = handoutgen.build("handouts/decks/glute-stretches.yaml", layout="cards-a6")
report = handoutgen.check(pdf, content="handouts/glute-soreness.yaml")

Every function here is safe to call from many threads at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GIVEN_TEXTS, HandoutError, Problem
from .model import Layout
from .model.resolved import CardContent, Content, Document, HandoutContent, ProgramContent
from .resolve.layouts import load_layout

if TYPE_CHECKING:
    from .resolve.merge import Row
    from .verify.report import Report

PathLike = str | Path


@dataclass(frozen=True)
class Built:
    """A built PDF with the document it was built from."""

    source: Path
    pdf: bytes  # empty when only the HTML edition was asked for
    pages: int
    document: Document
    html: bytes | None = None

    def edition(self, format: str) -> bytes:
        if format == "html":
            assert self.html is not None, "built without its HTML edition"
            return self.html
        return self.pdf

    @property
    def layout(self) -> Layout:
        return self.document.layout

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return self.document.warnings


FORMATS = ("pdf", "html")


def build(
    content: PathLike | Content | Document,
    layout: PathLike | Layout | None = None,
    one_per_page: bool = False,
    metadata_name: bool = False,
    format: str = "pdf",
) -> bytes:
    """Build a handout, a deck, an exercise card or a programme to PDF bytes, or with
    `format="html"` to one self-contained HTML page.

    Raises HandoutError for bad input. A programme with a card layout builds as cards.
    """
    built = document(content, layout, one_per_page, metadata_name)
    if format == "html":
        return render_html(built)
    if format != "pdf":
        raise HandoutError.at(None, f"format `{format}` is not one of: " + ", ".join(FORMATS))
    return render(built)[0]


def document(
    content: PathLike | Content | Document,
    layout: PathLike | Layout | None = None,
    one_per_page: bool = False,
    metadata_name: bool = False,
    row: Row | None = None,
) -> Document:
    """The resolved document: content read and checked, put on the layout."""
    from .resolve.document import make_document

    if isinstance(content, Document):
        return content
    _check_environment()
    return make_document(load_content(content, row), _layout(layout), one_per_page, metadata_name)


def build_text(
    text: str,
    *,
    name: str = "<string>",
    root: PathLike | None = None,
    layout: PathLike | Layout | None = None,
    format: str = "pdf",
    metadata_name: bool = False,
) -> bytes:
    """Build content given as YAML text (a web service's posted file), as `build` builds a file.

    Messages name it `name` (`<string>:3:5: error: ...`). It stands in the folder `root`
    (default: the working folder): its pictures, appended handouts and exercise library are
    found from there, inside that project, as for a file saved there. Nothing is written.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    folder = _path(root, "root").resolve() if root is not None else Path.cwd()
    standing = folder / _stand_in(name)
    given = {**GIVEN_TEXTS.get(), str(standing): (name, text)}
    token = GIVEN_TEXTS.set(given)
    try:
        return build(standing, layout, metadata_name=metadata_name, format=format)
    except HandoutError as error:  # its problems keep naming the text by its label after the call
        relabelled = HandoutError([_relabelled(problem, str(standing), name) for problem in error.problems])
        relabelled.args = error.args  # the message as made while the text was at hand, lines shown
        raise relabelled from None
    finally:
        GIVEN_TEXTS.reset(token)


def build_mapping(content: dict, **options) -> bytes:
    """Build content given as a mapping (the YAML a file would hold, as Python data); the
    options are `build_text`'s."""
    import yaml

    if not isinstance(content, dict):
        raise TypeError(f"content must be a dict, not {type(content).__name__}")
    return build_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), **options)


def _relabelled(problem: Problem, standing: str, name: str) -> Problem:
    import dataclasses

    if problem.where is None or problem.where.file != standing:
        return problem
    return dataclasses.replace(problem, where=dataclasses.replace(problem.where, file=name))


def _stand_in(name: str) -> str:
    """A file name for given text, in no danger of being a real file's."""
    import hashlib

    return f".given-{hashlib.sha256(name.encode()).hexdigest()[:12]}.yaml"


def render(document: Document) -> tuple[bytes, int]:
    """PDF bytes and page count."""
    from .render.pdf import render_pdf

    rendered = render_pdf(document)
    return rendered.pdf, rendered.pages


def render_html(document: Document) -> bytes:
    """The HTML edition: one self-contained page, UTF-8."""
    from .render.html import render_html as html

    return html(document)


def build_file(
    source: Path,
    layout: PathLike | Layout | None = None,
    one_per_page: bool = False,
    metadata_name: bool = False,
    row: Row | None = None,
    formats: tuple[str, ...] = ("pdf",),
) -> Built:
    """Build one content file (a programme filled from a merge row) in the editions asked for,
    keeping the document it was built from."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise HandoutError.at(None, f"format `{unknown[0]}` is not one of: " + ", ".join(FORMATS))
    return build_document(document(Path(source), layout, one_per_page, metadata_name, row), source, formats)


def build_document(resolved: Document, source: PathLike, formats: tuple[str, ...] = ("pdf",)) -> Built:
    """Render a resolved document in the editions asked for."""
    pdf, pages = render(resolved) if "pdf" in formats else (b"", 0)
    html = render_html(resolved) if "html" in formats else None
    return Built(Path(source), pdf, pages, resolved, html)


def check(
    pdf: bytes | PathLike,
    content: PathLike | Content | Document | None = None,
    layout: PathLike | Layout | None = None,
) -> Report:
    """Check a PDF: fonts, metadata, text on the page, links, no scripts; given the content, every
    word of it (and for cards, every card's words inside that card); given a layout, the page size.
    An HTML edition (bytes or an .html file) is checked as a page: language, title, headings,
    alt text, nothing fetched from elsewhere, the content's own links, every word."""
    from .verify.pdf import check_pdf

    given_bytes = isinstance(pdf, (bytes, bytearray, memoryview))
    data = bytes(pdf) if given_bytes else _read_pdf(_path(pdf, "the file to check"))
    explicit = _layout(layout) if layout is not None else None
    built = document(content, explicit) if content is not None else None
    if is_html(data):
        from .verify.html import check_html

        return check_html(data, built)
    # The page size is checked when a layout is named: the document's (a deck asked for on a page
    # layout prints on cards-a6), else the one named.
    size = built.layout if built is not None and explicit is not None else explicit
    return check_pdf(data, built, size)


def validate(content: PathLike) -> Content:
    """Load and check a content file without building it."""
    return load_content(content)


def load_content(content: PathLike | Content, row: Row | None = None) -> Content:
    """A handout; a deck or exercise file as a set of cards; a programme (filled from `row`)."""
    from .resolve.content import load_content as load

    if isinstance(content, (HandoutContent, CardContent, ProgramContent)):
        return content
    return load(_path(content, "content"), row)


def _path(value: object, what: str) -> Path:
    """A path argument as a Path; a wrong type is the caller's bug (TypeError), a NUL in the
    name a bad input (HandoutError)."""
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{what} must be a path (str or pathlib.Path), not {type(value).__name__}")
    text = os.fspath(value)
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a text path, not {type(text).__name__}")
    if "\x00" in text:
        raise HandoutError.at(None, f"{what} path {text!r} holds a NUL character, which no file name can")
    return Path(text)


def calibration(layout: PathLike | Layout | None = "cards-a6") -> bytes:
    """The two-sided printer test sheet for a card layout, as PDF bytes."""
    from .render.pdf.calibrate import render_calibration

    _check_environment()
    return render_calibration(_layout(layout))


def _layout(layout: PathLike | Layout | None) -> Layout:
    if isinstance(layout, Layout):
        return layout
    return load_layout(None if layout is None else _path(layout, "layout"))


def is_html(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n\x0c")
    return head.startswith(b"<")  # markup of some kind: the HTML check judges it, a PDF starts %PDF


def _read_pdf(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise HandoutError.at(None, f"{path}: cannot read: {exc.strerror or exc}") from None


def _check_environment() -> None:
    """SOURCE_DATE_EPOCH is read by ReportLab too, which fails deep inside on a bad value."""
    from .environment import source_date_epoch

    source_date_epoch()


__all__ = [
    "Built",
    "HandoutError",
    "build",
    "build_document",
    "build_file",
    "build_mapping",
    "build_text",
    "calibration",
    "check",
    "document",
    "load_content",
    "render",
    "render_html",
    "validate",
]
