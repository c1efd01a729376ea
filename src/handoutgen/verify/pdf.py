"""Prove a PDF complete, printable and harmless with pypdf.

Checks: pages and their size, fonts embedded, title and language set, no text placed off the
page, links well-formed, no scripts, actions or encryption, and (given the document it was built
from) every word it prints present; for cards, every card's words inside that card.
"""

from __future__ import annotations

import io
import logging
from typing import Any
from urllib.parse import urlsplit

from ..errors import HandoutError
from ..model.layout import Layout
from ..model.resolved import Document
from ..model.types import LINK_SCHEMES
from ..text.printed import printed_texts
from .report import Report
from .seen import fingerprints
from .text import PageRead, read_pages
from .words import check_words

MM = 72 / 25.4
TOLERANCE = 1.0  # points
MAX_PAGES = 5_000  # a 10,000-card deck; more is no handout, and reading it would take minutes
MAX_PAGE_CONTENT = 20 * 1024 * 1024  # unpacked drawing instructions of one page: ours are ~50 KB
MAX_DOCUMENT_CONTENT = 200 * 1024 * 1024  # of all pages, a form counted on each page that draws it


def check_pdf(data: bytes, document: Document | None = None, layout: Layout | None = None) -> Report:
    """Check PDF bytes: the page size against `layout` when given; every word against `document`.
    An unreadable file is a HandoutError (bad input); a failed check is a finding in the report."""
    with _PypdfComplaints() as complaints:
        return _checked(data, document, layout, complaints)


class _PypdfComplaints(logging.Handler):
    """Whether pypdf warned while reading (a cross-reference table it had to rebuild, an object
    not where the file said): pdfium may then see other objects than pypdf does, so the file's
    pages are not known by their fingerprints. Warnings of other threads count too, which only
    costs their pages a fresh reading."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.heard = False

    def emit(self, record: logging.LogRecord) -> None:
        self.heard = True

    def __enter__(self) -> _PypdfComplaints:
        logging.getLogger("pypdf").addHandler(self)
        return self

    def __exit__(self, *_: object) -> None:
        logging.getLogger("pypdf").removeHandler(self)


def _checked(data: bytes, document: Document | None, layout: Layout | None, complaints: _PypdfComplaints) -> Report:
    from pypdf import PdfReader

    report = Report()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            report.add("safety", False, "the PDF is encrypted: a patient handout needs no password or restrictions")
            return report
        pages = list(reader.pages)
    except Exception as exc:  # pypdf raises many kinds (and hits its own limits) on hostile files
        raise HandoutError.at(None, f"not a readable PDF: {type(exc).__name__}: {_short(exc)}") from None
    if len(pages) > MAX_PAGES:
        raise HandoutError.at(
            None, f"the PDF has {len(pages):,} pages; check reads at most {MAX_PAGES:,}", "split the document"
        )
    report.pages = len(pages)
    try:
        swollen = _swollen(pages)
        if swollen is not None:
            report.add("pdf", False, f"{swollen}: not a handout")
            return report
        _run_checks(report, data, reader, pages, document, layout, complaints)
    except HandoutError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        report.add("pdf", False, f"the PDF is damaged: {type(exc).__name__}: {_short(exc)}")
    return report


class _SwollenError(Exception):
    """Drawing instructions that unpack past what the check will read."""


def _swollen(pages: list) -> str | None:
    """Why the pages' drawing instructions are too big to read, or None. Each page's content
    streams and the forms it draws (forms within forms too) are unpacked at most to the limits:
    a small file can unpack to gigabytes, and a form shared by every page is read for each."""
    sizes: dict[Any, int] = {}
    total = 0
    try:
        for number, page in enumerate(pages, start=1):
            size = sum(_unpacked(stream, sizes) for stream in _page_streams(page))
            if size > MAX_PAGE_CONTENT:
                return f"page {number} unpacks to more than 20 MB of drawing instructions"
            total += size
            if total > MAX_DOCUMENT_CONTENT:
                return f"pages 1 to {number} unpack to more than 200 MB of drawing instructions"
    except _SwollenError as exc:
        return str(exc)
    return None


def _page_streams(page: Any) -> list[Any]:
    """A page's content streams and every form it draws, each once."""
    from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    found = list(contents) if isinstance(contents, ArrayObject) else [contents]
    seen: set[Any] = set()
    stack = [page.get("/Resources")]
    while stack:
        resources = stack.pop()
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, DictionaryObject):
            continue
        forms = resources.get("/XObject")
        forms = forms.get_object() if forms is not None else None
        if not isinstance(forms, DictionaryObject):
            continue
        for reference in forms.values():
            key = _object_key(reference)
            form = reference.get_object()
            if key in seen or not isinstance(form, StreamObject) or form.get("/Subtype") != "/Form":
                continue
            seen.add(key)
            found.append(reference)
            stack.append(form.get("/Resources"))
    return [stream for stream in found if stream is not None]


def _unpacked(reference: Any, sizes: dict[Any, int]) -> int:
    """How many bytes a stream unpacks to (up to the page limit), measured once per object."""
    import zlib

    from pypdf.generic import ArrayObject, StreamObject

    key = _object_key(reference)
    if key in sizes:
        return sizes[key]
    stream = reference.get_object()
    if not isinstance(stream, StreamObject):
        return 0
    filters = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else None
    chain = [str(f.get_object()) for f in filters] if isinstance(filters, ArrayObject) else [str(filters or "")]
    data = getattr(stream, "_data", b"") or b""
    for name in [f for f in chain if f]:
        if name in ("/FlateDecode", "/Fl"):
            try:
                data = zlib.decompressobj().decompress(data, MAX_PAGE_CONTENT + 1)
            except zlib.error:
                break  # damaged: the other checks say so
        elif name not in ("/ASCIIHexDecode", "/AHx", "/ASCII85Decode", "/A85"):  # those only shrink
            raise _SwollenError(f"drawing instructions packed with {name}, which the check does not unpack")
    sizes[key] = len(data)
    return sizes[key]


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:197] + "…"


def _run_checks(
    report: Report,
    data: bytes,
    reader: Any,
    pages: list,
    document: Document | None,
    layout: Layout | None,
    complaints: _PypdfComplaints,
) -> None:
    _check_pages(report, pages, layout)
    _check_fonts(report, pages)
    _check_metadata(report, reader)
    _check_safety(report, reader, pages)
    layout_plan = cards = None
    if document is not None and document.kind == "cards":
        from .cards import card_boxes, card_plan

        layout_plan = card_plan(document, pages)
        cards = card_boxes(layout_plan) if len(layout_plan.pages) == len(pages) else None
    frame = _body_frame(document, pages)
    seen = fingerprints(pages, reader.trailer.get("/Root"))
    if complaints.heard:
        seen = None
    read = _check_text_positions(report, data, pages, frame, cards, lines=document is not None, seen=seen)
    _check_links(report, pages)
    report.bookmarks = len(reader.outline)
    if document is None:
        return
    if layout_plan is not None:
        from .cards import check_cards

        check_cards(report, read, pages, document, layout_plan)
    else:
        check_words(report, "\n".join(r.framed for r in read), printed_texts(document.view))
    from .composition import check_composition

    check_composition(report, data, document, {n: r.lines for n, r in enumerate(read, start=1)}, seen)


def _check_pages(report: Report, pages: list, layout: Any) -> None:
    if layout is not None and layout.cards is not None and pages and "/TrimBox" in pages[0]:
        layout = None  # one card per page: the page is the card plus bleed and marks, checked with the cards
    if not pages:
        report.add("pages", False, "the PDF has no pages")
        return
    sizes = {(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in pages}
    width, height = next(iter(sizes))
    report.page_size_mm = (round(width / MM, 1), round(height / MM, 1))
    if len(sizes) > 1:
        report.add("pages", False, f"{len(pages)} pages of {len(sizes)} different sizes")
        return
    size = f"{width / MM:.0f} × {height / MM:.0f} mm"
    if layout is not None:
        want_width, want_height = layout.page.dimensions()
        if abs(want_width - width) > TOLERANCE or abs(want_height - height) > TOLERANCE:
            report.add(
                "pages",
                False,
                f"pages are {size}; the layout asks for {want_width / MM:.0f} × {want_height / MM:.0f} mm",
            )
            return
    report.add("pages", True, f"{len(pages)} page{'s' if len(pages) != 1 else ''}, {size}")


def _font_embedded(font: Any) -> bool:
    font = font.get_object()
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by the PDF itself
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _fonts_of(resources: Any, found: dict[str, bool], seen: set[Any]) -> None:
    """The fonts of a resource dictionary and of the forms it draws, each object visited once
    (a form may list itself, or share resources with every page)."""
    stack = [resources]
    while stack:
        item = stack.pop()
        key = _object_key(item)
        if item is None or key in seen:
            continue
        seen.add(key)
        resources = item.get_object()
        for font in (resources.get("/Font") or {}).values():
            if _object_key(font) in seen:
                continue
            seen.add(_object_key(font))
            name = str(font.get_object().get("/BaseFont", "?")).lstrip("/")
            found[name.split("+", 1)[-1]] = _font_embedded(font)
        for xobject in (resources.get("/XObject") or {}).values():
            if _object_key(xobject) in seen:
                continue
            seen.add(_object_key(xobject))
            form = xobject.get_object()
            if form.get("/Subtype") == "/Form":
                stack.append(form.get("/Resources"))


def _object_key(item: Any) -> Any:
    """An indirect object by its number; a direct one by identity."""
    reference = getattr(item, "indirect_reference", None) or (item if hasattr(item, "idnum") else None)
    return (reference.idnum, reference.generation) if reference is not None else id(item)


def _check_fonts(report: Report, pages: list) -> None:
    seen: set[Any] = set()
    for page in pages:
        _fonts_of(page.get("/Resources"), report.fonts, seen)
    missing = sorted(name for name, embedded in report.fonts.items() if not embedded)
    if missing:
        report.add("fonts", False, "not embedded: " + ", ".join(missing) + " (a printer may substitute another font)")
    elif not report.fonts:
        report.add("fonts", True, "no fonts used")
    else:
        report.add("fonts", True, "all embedded: " + ", ".join(sorted(report.fonts)))


def _check_metadata(report: Report, reader: Any) -> None:
    info = reader.metadata or {}
    report.title = str(info.get("/Title") or "").strip()
    report.language = str(reader.trailer["/Root"].get("/Lang") or "").strip()
    problems = []
    if not report.title:
        problems.append("no title")
    if not report.language:
        problems.append("no language")
    if problems:
        report.add("metadata", False, " and ".join(problems) + " in the PDF (screen readers need both)")
    else:
        report.add("metadata", True, f'title "{report.title}", language {report.language}')


def _check_text_positions(
    report: Report,
    data: bytes,
    pages: list,
    frame: tuple | None,
    cards: list | None = None,
    lines: bool = False,
    seen: list[bytes | None] | None = None,
) -> list[PageRead]:
    """Every text on its page. Each page is read once for all the checks: the text of its body
    frame (the header and footer repeat the title, which must not stand in for its words), of
    each card, and its text runs for the composition check."""
    boxes = [
        [(float(p.mediabox.left), float(p.mediabox.bottom), float(p.mediabox.right), float(p.mediabox.top))]
        for p in pages
    ]
    read = read_pages(data, boxes, frame, cards, lines, seen)
    outside = [
        f"page {n}: {r.stray[0][:40]!r} at ({r.stray[1]:.0f}, {r.stray[2]:.0f}) pt"
        for n, r in enumerate(read, 1)
        if r.stray
    ]
    if outside:
        report.add("text", False, f"{len(outside)} pages with text outside the page, first: {outside[0]}")
    else:
        report.add("text", True, "all text inside the page")
    return read


def _body_frame(document: Document | None, pages: list) -> tuple | None:
    """Where a page document prints its content: inside the margins, between header and footer.
    None (the whole page is read) for cards, or for pages of another size than the layout's: a
    file built with another layout than the one it is checked against."""
    if document is None or document.kind == "cards" or not pages:
        return None
    from ..render.pdf.bands import FOOTER_HEIGHT
    from ..render.pdf.document import document_geometry

    g = document_geometry(document)
    box = pages[0].mediabox
    if abs(float(box.width) - g.width) > TOLERANCE or abs(float(box.height) - g.height) > TOLERANCE:
        return None
    slack = 2.0  # points: a descender may reach a little past the frame
    top = g.height - g.top - g.header + slack
    return (g.left - slack, g.bottom + FOOTER_HEIGHT - slack, g.width - g.right + slack, top)


def _check_links(report: Report, pages: list) -> None:
    bad: list[str] = []
    for number, page in enumerate(pages, start=1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is None:
                continue  # an internal link
            report.links += 1
            problem = _link_problem(str(uri))
            if problem:
                bad.append(f"page {number}: {problem}")
    if bad:
        report.add("links", False, "; ".join(bad[:3]))
    else:
        report.add("links", True, f"{report.links} link{'s' if report.links != 1 else ''}, all well-formed")


def _link_problem(uri: str) -> str | None:
    try:
        parts = urlsplit(uri)
    except ValueError:  # a broken address, like an unclosed `[` of an IPv6 host
        return f"link {uri[:60]!r} is not a well-formed address"
    if parts.scheme.lower() not in LINK_SCHEMES:
        return f"link {uri!r} has a scheme other than {', '.join(LINK_SCHEMES)}"
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return f"link {uri!r} has no host"
    if any(c.isspace() for c in uri):
        return f"link {uri!r} contains spaces"
    return None


RISKY_ACTIONS = {
    "/JavaScript": "a JavaScript action",
    "/Launch": "a launch action",
    "/SubmitForm": "a form submission",
    "/ImportData": "a data import",
    "/Rendition": "a media action",
    "/GoToR": "a link into another file",
    "/GoToE": "a link into an embedded file",
    "/Movie": "a movie action",
    "/Sound": "a sound action",
}
RISKY_KEYS = {
    "/OpenAction": "an action when the file opens",
    "/AA": "actions run on events",
    "/JS": "JavaScript",
    "/JavaScript": "document JavaScript",
    "/XFA": "an XFA form",
    "/EmbeddedFiles": "embedded files",
    "/RichMedia": "rich media",
}
MAX_OBJECTS = 200_000  # a handout has a few thousand; more is a file built to exhaust the walk


def _check_safety(report: Report, reader: Any, pages: list) -> None:
    """Walk every object reachable from the catalogue: a script, an action or an embedded file
    anywhere (page, annotation, outline item, action chain, form field) fails the check."""
    walk = _RiskWalk()
    for number, page in enumerate(pages, start=1):
        walk.visit(page.indirect_reference or page, f" on page {number}")
    walk.visit(reader.trailer["/Root"], "")
    if walk.found:
        report.add("safety", False, "the PDF has " + ", ".join(walk.found) + ": a patient handout needs none")
    else:
        report.add("safety", True, "no scripts, actions or encryption")


class _RiskWalk:
    """Depth-first over objects, each visited once; `/Parent` links are not followed, so a
    page's walk stays within that page."""

    def __init__(self) -> None:
        self.found: dict[str, None] = {}
        self.seen: set[tuple[int, int]] = set()

    def visit(self, start: Any, where: str) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

        stack = [start]
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                key = (item.idnum, item.generation)
                if key in self.seen:
                    continue
                self.seen.add(key)
                item = item.get_object()
                if len(self.seen) > MAX_OBJECTS:  # objects of the file, not the numbers inside them
                    self.found["more objects than a handout could need"] = None
                    return
            if isinstance(item, DictionaryObject):
                self._note(item, where)
                stack.extend(value for name, value in item.items() if name != "/Parent")
            elif isinstance(item, ArrayObject):
                stack.extend(item)

    def _note(self, item: Any, where: str) -> None:
        kind = item.get("/S")
        kind = kind.get_object() if kind is not None else None  # `/S 5 0 R` names the kind too
        if kind in RISKY_ACTIONS:
            self.found[RISKY_ACTIONS[kind] + where] = None
        if kind == "/URI":  # in an outline item or a form field too, not only in a link
            address = item.get("/URI")
            address = str(address.get_object()) if address is not None else ""
            if _link_problem(address) is not None:
                self.found[f"a link action to {address[:60]!r}" + where] = None
        for name, what in RISKY_KEYS.items():
            if name in item:
                self.found[what + where] = None
