"""Prove a PDF complete and printable with pypdf.

Checks: pages and their size, fonts embedded, title and language set, no text placed
off the page, links well-formed, and (given the content) every word of it present.
"""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .errors import HandoutError
from .model.types import LINK_SCHEMES, Located, Plain, Text

MM = 72 / 25.4
TOLERANCE = 1.0  # points
_WORD = re.compile(r"\w+")


@dataclass
class Finding:
    check: str
    ok: bool
    message: str


@dataclass
class Report:
    pages: int = 0
    page_size_mm: tuple[float, float] | None = None
    fonts: dict[str, bool] = field(default_factory=dict)
    title: str = ""
    language: str = ""
    links: int = 0
    bookmarks: int = 0
    words_expected: int | None = None
    words_missing: list[str] = field(default_factory=list)
    cards: int | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def add(self, check: str, ok: bool, message: str) -> None:
        self.findings.append(Finding(check, ok, message))

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, **asdict(self)}

    def format(self, name: str) -> str:
        head = "ok" if self.ok else "FAILED"
        lines = [f"{name}: {head}"]
        for f in self.findings:
            mark = "ok  " if f.ok else "FAIL"
            lines.append(f"  {mark} {f.check:<9} {f.message}")
        return "\n".join(lines)


def check_pdf(data: bytes, content: Any = None, layout: Any = None) -> Report:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    report = Report()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = list(reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        report.add("pdf", False, f"not a readable PDF: {exc}")
        return report
    report.pages = len(pages)
    try:
        _run_checks(report, reader, pages, content, layout)
    except HandoutError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        report.add("pdf", False, f"the PDF is damaged: {type(exc).__name__}: {exc}")
    return report


def _run_checks(report: Report, reader: Any, pages: list, content: Any, layout: Any) -> None:
    _check_pages(report, pages, layout)
    _check_fonts(report, pages)
    _check_metadata(report, reader)
    texts = _check_text_positions(report, pages)
    _check_links(report, pages)
    report.bookmarks = len(reader.outline)
    from .library import CardSet

    if isinstance(content, CardSet):
        from .cardcheck import check_cards

        check_cards(report, pages, content.exercises, layout)
    elif content is not None:
        extra = [layout.disclaimer] if layout is not None and layout.disclaimer else []
        _check_words(report, "\n".join(texts), [*content_texts(content), *extra])


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
        from .render.document import page_geometry

        want = page_geometry(layout)
        if abs(want.width - width) > TOLERANCE or abs(want.height - height) > TOLERANCE:
            report.add(
                "pages",
                False,
                f"pages are {size}; the layout asks for {want.width / MM:.0f} × {want.height / MM:.0f} mm",
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


def _fonts_of(resources: Any, found: dict[str, bool], depth: int = 0) -> None:
    if resources is None or depth > 8:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        name = str(font.get_object().get("/BaseFont", "?")).lstrip("/")
        found[name.split("+", 1)[-1]] = _font_embedded(font)
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            _fonts_of(xobject.get("/Resources"), found, depth + 1)


def _check_fonts(report: Report, pages: list) -> None:
    for page in pages:
        _fonts_of(page.get("/Resources"), report.fonts)
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


def text_origin(cm: list, tm: list) -> tuple[float, float]:
    """Where a run of text starts on the page, from pypdf's visitor matrices."""
    return tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]


def _check_text_positions(report: Report, pages: list) -> list[str]:
    texts: list[str] = []
    outside: list[str] = []
    for number, page in enumerate(pages, start=1):
        box = page.mediabox
        left, bottom = float(box.left), float(box.bottom)
        right, top = float(box.right), float(box.top)

        def visit(
            text: str,
            cm: list,
            tm: list,
            font: Any,
            size: float,
            number: int = number,
            box: tuple = (left, bottom, right, top),
        ) -> None:
            if not text.strip():
                return
            x, y = text_origin(cm, tm)
            x0, y0, x1, y1 = box
            if not (x0 - TOLERANCE <= x <= x1 + TOLERANCE and y0 - TOLERANCE <= y <= y1 + TOLERANCE):
                outside.append(f"page {number}: {text.strip()[:40]!r} at ({x:.0f}, {y:.0f}) pt")

        texts.append(page.extract_text(visitor_text=visit))
    if outside:
        report.add("text", False, f"{len(outside)} pieces of text outside the page, first: {outside[0]}")
    else:
        report.add("text", True, "all text inside the page")
    return texts


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
    parts = urlsplit(uri)
    if parts.scheme.lower() not in LINK_SCHEMES:
        return f"link {uri!r} has a scheme other than {', '.join(LINK_SCHEMES)}"
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return f"link {uri!r} has no host"
    if any(c.isspace() for c in uri):
        return f"link {uri!r} contains spaces"
    return None


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def printed_texts(obj: Any) -> list[Located]:
    """The user strings that must appear on the page.

    Ids, paths, templates and fields declared `printed=False` (like alt text) do not.
    """
    if isinstance(obj, (Text, Plain)):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [t for item in obj for t in printed_texts(item)]
    if dataclasses.is_dataclass(obj):
        return [
            t
            for f in dataclasses.fields(obj)
            if f.metadata.get("printed", True)
            for t in printed_texts(getattr(obj, f.name))
        ]
    return []


def content_texts(content: Any) -> list[Located]:
    """Every text a handout or programme prints, each with where it was written."""
    if hasattr(content, "printed"):  # a programme knows what it prints
        return content.printed()
    return [*printed_texts(content), *exercise_block_texts(content)]


def exercise_block_texts(handout: Any) -> list[Located]:
    """Texts printed by a handout's `exercises` blocks, located at the block's ids."""
    from .library import exercises_for
    from .render.panels import panel_texts

    found: list[Located] = []
    for section in getattr(handout, "sections", []):
        for block in section.blocks:
            if block.kind == "exercises":
                for ident, exercise in zip(block.body, exercises_for(block.body, str(handout.language)), strict=True):
                    found += [Located(text, ident.where) for text in panel_texts(exercise)]
    return found


def _check_words(report: Report, extracted: str, texts: list[Located]) -> None:
    from .render.markup import inline

    have = Counter(words(extracted))
    need: Counter[str] = Counter()
    first_at: dict[str, Located] = {}
    for value in texts:
        plain = inline(value).plain if isinstance(value, Text) else str(value)
        for word in words(plain):
            need[word] += 1
            first_at.setdefault(word, value)
    report.words_expected = sum(need.values())
    squashed = "".join(words(extracted))  # words broken across lines (very long URLs) join up again
    missing = sorted(
        (w for w, n in need.items() if have[w] < n and (len(w) < 25 or w not in squashed)),
        key=lambda w: str(first_at[w].where),
    )
    report.words_missing = missing
    if missing:
        shown = ", ".join(f"{w!r} ({first_at[w].where})" for w in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        report.add("words", False, f"{len(missing)} words of the content are missing: {shown}{more}")
    else:
        report.add("words", True, f"all {report.words_expected} words of the content found")
