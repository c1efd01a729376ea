"""Card-specific checks: the right sheets, each card's words inside that card, boxes, QR codes."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model.layout import MM, Layout
from ..model.resolved import Document
from ..model.views import CardsView, FaceView
from ..render.pdf.imposition import Placement, Plan, plan
from ..text.printed import printed_texts
from .report import Report
from .text import Box, PageRead
from .words import printed_words, words


def card_plan(document: Document, pages: list) -> Plan:
    """Where the deck's faces should be on these pages (their sheet size, one card a page or not)."""
    view = document.view
    assert isinstance(view, CardsView)
    one_per_page = bool(pages) and "/TrimBox" in pages[0]
    first = pages[0].mediabox if pages else None
    sheet = (float(first.width), float(first.height)) if first is not None else (0.0, 0.0)
    return plan(document.layout, sheet, len(view.cards), one_per_page)


def card_boxes(layout_plan: Plan) -> list[list[Box]]:
    """Each page's card trims, to read the text inside each."""
    return [[(p.trim.x, p.trim.y, p.trim.right, p.trim.top) for p in here] for here in layout_plan.by_page()]


def check_cards(report: Report, read: list[PageRead], pages: list, document: Document, layout_plan: Plan) -> None:
    """`read` holds each page's text inside each card of `layout_plan` (verify.text.read_pages)."""
    view, layout = document.view, document.layout
    assert isinstance(view, CardsView)
    one_per_page = bool(pages) and "/TrimBox" in pages[0]
    report.cards = len(view.cards)
    if len(pages) != len(layout_plan.pages):
        report.add(
            "cards",
            False,
            f"{len(pages)} pages, but {len(view.cards)} cards in this layout make {len(layout_plan.pages)}",
        )
        return
    by_page = layout_plan.by_page()
    texts = {p: page.in_cards[i] for here, page in zip(by_page, read, strict=True) for i, p in enumerate(here)}
    outside = [f"page {n}: {page.card_stray[0][:30]!r}" for n, page in enumerate(read, start=1) if page.card_stray]
    faces = {(index, face.side): face for index, card in enumerate(view.cards) for face in card.faces}
    missing = _missing_words(texts, faces)
    problems = []
    if outside:
        problems.append(f"{len(outside)} pages with text outside every card, first: {outside[0]}")
    if missing:
        problems.append(f"{len(missing)} cards lack words, first: {missing[0]}")
    if problems:
        report.add("cards", False, "; ".join(problems))
    else:
        on_first = len(by_page[0]) if by_page else 0
        cards = f"{len(view.cards)} card{'s' if len(view.cards) != 1 else ''}"
        on_page = f"{on_first} face{'s' if on_first != 1 else ''} on page 1"
        report.add("cards", True, f"{cards}, {on_page}, every card's words inside its own card")
    if one_per_page:
        _check_boxes(report, pages, layout)
    _check_qr_codes(report, pages, layout_plan, faces)


def _missing_words(texts: dict[Placement, str], faces: dict[tuple[int, str], FaceView]) -> list[str]:
    found = []
    for placement, text in texts.items():
        face = faces[(placement.card, placement.face)]
        have = Counter(words(text))
        need = Counter(w for text in printed_texts(face) for w in words(printed_words(text)))
        lacking = [w for w, n in need.items() if have[w] < n]
        if lacking:
            found.append(
                f"the {placement.face} of `{face.ident}` on page {placement.page + 1} "
                f"lacks {', '.join(repr(w) for w in lacking[:4])}"
            )
    return found


def _check_boxes(report: Report, pages: list, layout: Layout) -> None:
    assert layout.cards is not None
    want = (layout.cards.size.width, layout.cards.size.height)
    bad = []
    for number, page in enumerate(pages, start=1):
        if "/TrimBox" not in page or "/BleedBox" not in page:
            bad.append(f"page {number} has no TrimBox or BleedBox")
            continue
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        size = (float(trim.width), float(trim.height))
        if abs(size[0] - want[0]) > 0.5 or abs(size[1] - want[1]) > 0.5:
            bad.append(
                f"page {number}: TrimBox is {size[0] / MM:.1f} × {size[1] / MM:.1f} mm, "
                f"the card is {want[0] / MM:.1f} × {want[1] / MM:.1f} mm"
            )
        if not (_inside(trim, bleed) and _inside(bleed, media)):
            bad.append(f"page {number}: boxes not nested (trim inside bleed inside media)")
    if bad:
        report.add("boxes", False, "; ".join(bad[:3]))
    else:
        report.add("boxes", True, f"TrimBox {want[0] / MM:.1f} × {want[1] / MM:.1f} mm and BleedBox on every page")


def _inside(inner: Any, outer: Any) -> bool:
    return (
        float(inner.left) >= float(outer.left) - 0.01
        and float(inner.bottom) >= float(outer.bottom) - 0.01
        and float(inner.right) <= float(outer.right) + 0.01
        and float(inner.top) <= float(outer.top) + 0.01
    )


def _check_qr_codes(report: Report, pages: list, layout_plan: Any, faces: dict[tuple[int, str], FaceView]) -> None:
    wanted = [p for p in layout_plan.placements if faces[(p.card, p.face)].video is not None]
    if not wanted:
        return
    lacking = []
    for placement in wanted:
        face = faces[(placement.card, placement.face)]
        url = face.video.url  # type: ignore[union-attr]
        if not any(_link_in(annot, url, placement) for annot in pages[placement.page].get("/Annots") or []):
            lacking.append(f"`{face.ident}` on page {placement.page + 1}")
    if lacking:
        report.add("qr", False, "no QR code with its link for " + ", ".join(lacking[:3]))
    else:
        report.add("qr", True, f"{len(wanted)} QR codes, each with its link, on their cards")


def _link_in(annot: Any, url: str, placement: Placement) -> bool:
    annot = annot.get_object()
    action = annot.get("/A")
    if action is None or str(action.get_object().get("/URI")) != url:
        return False
    x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
    return placement.trim.contains((x1 + x2) / 2, (y1 + y2) / 2)
