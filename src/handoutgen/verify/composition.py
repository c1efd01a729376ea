"""Proof that the pages are well composed, read back from the PDF with pdfium.

Each finding names its page: a last page left nearly empty, a page that ends on a heading or a
lead-in ("... reasons for sore glutes:"), a list item, step or question split from the rest of
itself, an exercise whose name, dose, pictures and first steps are parted, a caution alone,
text smaller than the layout allows, card text too near its cut or the sheet edge, and text
whose colour is too faint on what lies behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model.layout import MM
from ..model.resolved import Document
from ..model.types import Located
from ..model.views import (
    BlockView,
    CardsView,
    FaceView,
    HandoutView,
    ListView,
    PanelView,
    ProgramView,
    SectionView,
)
from ..text.colors import contrast
from .report import Composition, Report
from .seen import Remembered
from .text import Line, read_lines, rendered_pages
from .words import printed_words, words

NEAR_EMPTY = 0.18  # "about a fifth": a last page less full than this is a stub
CARD_CUT = 4 * MM  # text at least this far inside a card's cut
SHEET_EDGE = 5 * MM  # and this far from the sheet's edge
CONTRAST = 4.5
LARGE_CONTRAST = 3.0  # for text of 18 pt, or 14 pt bold, and larger


@dataclass(frozen=True)
class Part:
    """A printed text in reading order, with what it belongs to."""

    kind: str  # heading, lead-in, para, item, question, answer, box, panel-name, dose, step, caution, note
    text: Located
    group: int  # parts of one exercise panel (or one FAQ pair) share a group


def check_composition(
    report: Report,
    data: bytes,
    document: Document,
    lines: dict[int, list[Line]] | None = None,
    seen: list[bytes | None] | None = None,
) -> None:
    """Composition findings on `report`; `lines` are the pages' text runs when already read, and
    `seen` the pages' fingerprints (verify.seen)."""
    lines = read_lines(data) if lines is None else lines
    if document.kind == "cards":
        _card_margins(report, document, lines)
        _small_text(report, lines, document.layout.cards.min_font_size if document.layout.cards else 6.0)
        _contrast(report, data, lines, _distinct_card_pages(document, len(lines)), seen)
        return
    from ..render.pdf.document import document_geometry

    frame = document_geometry(document).frame
    body = {n: [line for line in page if _inside(line, frame)] for n, page in lines.items()}
    parts = list(_parts(document.view))
    spans = _spans(parts, body)
    _near_empty_last_page(report, body, frame)
    _foot_of_pages(report, body, parts, spans)
    _splits(report, parts, spans, body)
    _small_text(report, lines, document.layout.text.smallest)
    _contrast(report, data, lines, list(lines), seen)


def _inside(line: Line, frame: tuple[float, float, float, float]) -> bool:
    middle = (line.bottom + line.top) / 2
    return frame[1] - 2 <= middle <= frame[3] + 2


# -- reading order: the parts of a view, and the pages each lies on --------------------------------


def _parts(view: Any) -> Any:
    group = 0

    def panel(p: PanelView) -> Any:
        nonlocal group
        group += 1
        yield Part("panel-name", p.name, group)
        if p.dose:
            yield Part("dose", p.dose, group)
        for step in p.steps:
            yield Part("step", step, group)
        if p.caution is not None:
            yield Part("caution", p.caution.text, group)
        if p.note is not None:
            yield Part("note", p.note.text, group)

    def listed(box: ListView) -> Any:
        yield Part("heading", box.heading, 0)
        for item in box.items:
            yield Part("item", item, 0)

    def handout(h: HandoutView) -> Any:
        yield Part("heading", h.title, 0)
        if h.subtitle:
            yield Part("para", h.subtitle, 0)
        if h.summary:
            yield from listed(h.summary)
        for section in h.sections:
            yield from sectioned(section)
        if h.disclaimer:
            yield Part("para", h.disclaimer, 0)

    def sectioned(section: SectionView) -> Any:
        yield Part("heading", section.title, 0)
        for block in section.blocks:
            yield from blocked(block)

    def blocked(block: BlockView) -> Any:
        nonlocal group
        body = block.body
        if block.kind == "text":
            yield Part("lead-in" if str(body).rstrip().endswith(":") else "para", body, 0)
        elif block.kind == "bullets":
            for item in body:
                yield Part("item", item, 0)
        elif block.kind == "steps":
            for step in body:
                yield Part("item", step.text if not step.title else _joined(step.title, step.text), 0)
        elif block.kind == "faq":
            for item in body:
                group += 1
                yield Part("question", item.q, group)
                yield Part("answer", item.a, group)
        elif block.kind == "callout":
            yield Part("box", _joined(body.heading, body.text), 0)
        elif block.kind == "exercises":
            for p in body:
                yield from panel(p)
        elif block.kind == "checklist":
            for item in body:
                yield Part("item", item, 0)
        elif block.kind == "log":
            yield Part("heading", body.heading, 0)
            yield Part("para", body.hint, 0)
        elif block.kind == "table" and len(body.header) > 0:
            yield Part("para", body.header[0], 0)
        elif block.kind == "image":  # a caption is found by its words; a picture alone cannot be
            caption = body.picture.caption
            yield Part("para", caption, 0) if caption else Part("figure", Located("", block.where), 0)
        elif block.kind == "qr":
            yield Part("para", body.label, 0)

    if isinstance(view, HandoutView):
        yield from handout(view)
    elif isinstance(view, ProgramView):
        yield Part("heading", view.title, 0)
        for detail in view.details:
            yield Part("para", _joined(detail.label, detail.value), 0)
        if view.goals:
            yield from listed(view.goals)
        yield Part("heading", view.exercises_heading, 0)
        for p in view.panels:
            yield from panel(p)
        if view.log is not None:
            yield Part("heading", view.log.heading, 0)
            yield Part("para", view.log.hint, 0)
        for appended in view.handouts:
            yield from handout(appended)


def _joined(first: Located, second: Located) -> Located:
    return Located(f"{printed_words(first)} {printed_words(second)}", first.where)


def _spans(parts: list[Part], body: dict[int, list[Line]]) -> list[tuple[int, int] | None]:
    """The first and last page of each part, matching its words in order along the pages.

    Parts of one exercise panel (or FAQ pair) are each looked for from where the panel starts,
    since a panel draws its pictures, dose and caution in an order of its own."""
    stream = [(word, number) for number, page in sorted(body.items()) for line in page for word in words(line.text)]
    cursor = 0
    group, group_start, group_end = 0, 0, -1
    spans: list[tuple[int, int] | None] = []
    for part in parts:
        if part.group != group:
            cursor = max(cursor, group_end + 1)
            group, group_start, group_end = part.group, cursor, cursor - 1
        start = group_start if part.group else cursor
        wanted = words(printed_words(part.text))
        found = _match(stream, wanted, start) if wanted else None
        if found is None:
            spans.append(None)
            continue
        first, last = found
        spans.append((stream[first][1], stream[last][1]))
        if part.group:
            group_end = max(group_end, last)
        else:
            cursor = last + 1
    return spans


def _match(stream: list[tuple[str, int]], wanted: list[str], cursor: int) -> tuple[int, int] | None:
    """The first place after `cursor` where `wanted` appears in order (a few other words, like
    picture captions or running heads, may come between)."""
    limit = min(len(stream), cursor + 4000)
    size = len(wanted)
    for start in range(cursor, limit):  # all of it, word for word, is the best match
        if stream[start][0] == wanted[0] and [w for w, _ in stream[start : start + size]] == wanted:
            return start, start + size - 1
    for start in range(cursor, limit):
        if stream[start][0] != wanted[0]:
            continue
        position, index = start, 1
        slack = 8 + len(wanted) // 4
        while index < len(wanted) and position < len(stream) - 1 and slack >= 0:
            position += 1
            if stream[position][0] == wanted[index]:
                index += 1
            else:
                slack -= 1
        if index == len(wanted):
            return start, position
    return None


# -- the rules ---------------------------------------------------------------------------------


def _near_empty_last_page(report: Report, body: dict[int, list[Line]], frame: tuple) -> None:
    if len(body) < 2 or not body[max(body)]:
        return
    last = max(body)
    lowest = min(line.bottom for line in body[last])
    full = (frame[3] - lowest) / (frame[3] - frame[1])
    if full < NEAR_EMPTY:
        report.composition.append(
            Composition(
                "near-empty-page",
                last,
                f"the last page is only {100 * full:.0f}% full; pull the tail back onto the page before",
            )
        )


def _foot_of_pages(report: Report, body: dict[int, list[Line]], parts: list[Part], spans: list) -> None:
    """A heading or a lead-in is never the last thing on a page."""
    for index, (part, span) in enumerate(zip(parts, spans, strict=True)):
        if span is None or part.kind not in ("heading", "lead-in", "question", "panel-name"):
            continue
        if index + 1 < len(parts) and parts[index + 1].kind == "figure":
            continue  # a picture without words follows: where it went cannot be read from the text
        following = next((s for s in spans[index + 1 :] if s is not None), None)
        if following is not None and following[0] > span[1]:
            what = {"lead-in": "the lead-in", "question": "the question", "panel-name": "the exercise"}.get(
                part.kind, "the heading"
            )
            report.composition.append(
                Composition("heading-at-foot", span[1], f'the page ends on {what} "{_short(part.text)}"')
            )


def _splits(report: Report, parts: list[Part], spans: list, body: dict[int, list[Line]]) -> None:
    groups: dict[int, list[tuple[Part, tuple[int, int]]]] = {}
    for part, span in zip(parts, spans, strict=True):
        if span is None:
            continue
        if part.kind in ("item", "answer", "box", "step", "caution") and span[0] != span[1]:
            report.composition.append(
                Composition("split-item", span[0], f'"{_short(part.text)}" is split over pages {span[0]} and {span[1]}')
            )
        if part.group:
            groups.setdefault(part.group, []).append((part, span))
    for members in groups.values():
        _panel_split(report, members, body)


def _panel_split(report: Report, members: list[tuple[Part, tuple[int, int]]], body: dict[int, list[Line]]) -> None:
    name, (page, _) = members[0]
    if name.kind not in ("question", "panel-name"):
        return  # its name was not found: the word check reports what is missing
    if name.kind == "question":
        answer = next((span for part, span in members if part.kind == "answer"), None)
        if answer is not None and answer[0] != page:
            report.composition.append(
                Composition("split-item", page, f'the question "{_short(name.text)}" is parted from its answer')
            )
        return
    steps = [span for part, span in members if part.kind == "step"]
    head = [span for part, span in members if part.kind == "dose"] + steps[:2]
    if any(span[0] != page for span in head):
        report.composition.append(
            Composition(
                "split-panel",
                page,
                f'"{_short(name.text)}" is parted from its pictures, dose or first steps',
            )
        )
    last_page = max(span[1] for _, span in members)
    if last_page > page:
        continued = body.get(page + 1, [])
        top = " ".join(line.text for line in continued[:2])
        if printed_words(name.text).split()[0].casefold() not in top.casefold():
            report.composition.append(
                Composition(
                    "split-panel",
                    page + 1,
                    f'"{_short(name.text)}" goes on to page {page + 1} without its name at the top',
                )
            )
    caution = next((span for part, span in members if part.kind == "caution"), None)
    others = {page for part, span in members if part.kind != "caution" for page in span}
    if caution is not None and caution[0] not in others:
        report.composition.append(
            Composition("lone-caution", caution[0], f'the caution of "{_short(name.text)}" stands alone')
        )


def _small_text(report: Report, lines: dict[int, list[Line]], smallest: float) -> None:
    for number, page in sorted(lines.items()):
        small = [line for line in page if 0 < line.size < smallest - 0.05]
        if small:
            report.composition.append(
                Composition(
                    "small-text",
                    number,
                    f"{len(small)} lines under {smallest:g} pt, "
                    f'like "{_short(small[0].text)}" at {small[0].size:.1f} pt',
                )
            )


def _card_margins(report: Report, document: Document, lines: dict[int, list[Line]]) -> None:
    from ..render.pdf.document import page_geometry
    from ..render.pdf.imposition import plan

    geometry = page_geometry(document.layout)
    sheet = (geometry.width, geometry.height)
    view = document.view
    assert isinstance(view, CardsView)
    layout_plan = plan(document.layout, sheet, len(view.cards), document.one_per_page)
    for number, placements in enumerate(layout_plan.by_page(), start=1):
        width, height = layout_plan.pages[number - 1]
        near_cut, near_edge = [], []
        for line in lines.get(number, []):
            if view.fold_label and line.text.strip() == view.fold_label:
                continue  # printed on the fold line on purpose; folded, it is the card's edge
            x0, y0, x1, y1 = line.box
            card = next((p.trim for p in placements if p.trim.contains((x0 + x1) / 2, (y0 + y1) / 2)), None)
            if card is not None and min(x0 - card.x, y0 - card.y, card.right - x1, card.top - y1) < CARD_CUT - 0.3:
                near_cut.append(line)
            if not document.one_per_page and min(x0, y0, width - x1, height - y1) < SHEET_EDGE - 0.3:
                near_edge.append(line)
        if near_cut:
            report.composition.append(
                Composition("near-cut", number, f"text within 4 mm of a card's cut, like “{_short(near_cut[0].text)}”")
            )
        if near_edge:
            report.composition.append(
                Composition(
                    "near-edge", number, f"text within 5 mm of the sheet edge, like “{_short(near_edge[0].text)}”"
                )
            )


def _distinct_card_pages(document: Document, pages: int) -> list[int]:
    """The sheets that show a face not shown before: a deck that repeats its cards is checked once."""
    from ..render.pdf.document import page_geometry
    from ..render.pdf.imposition import plan

    view = document.view
    assert isinstance(view, CardsView)
    geometry = page_geometry(document.layout)
    layout_plan = plan(document.layout, (geometry.width, geometry.height), len(view.cards), document.one_per_page)
    seen: set[FaceView] = set()
    chosen = []
    faces = {(i, face.side): face for i, card in enumerate(view.cards) for face in card.faces}
    for number, placements in enumerate(layout_plan.by_page(), start=1):
        new = {faces[(p.card, p.face)] for p in placements} - seen
        if new:
            chosen.append(number)
            seen |= new
    return [n for n in chosen if n <= pages]


def _contrast(
    report: Report, data: bytes, lines: dict[int, list[Line]], pages: list[int], seen: list[bytes | None] | None
) -> None:
    """The colour of each line of text against the colour around it, as the page is drawn."""
    worst_of: dict[int, tuple | None] = {}
    keys = {n: (seen[n - 1],) if seen is not None and seen[n - 1] is not None else None for n in pages}
    todo, first, alike = [], {}, {}
    for number in pages:
        if not any(line.text.strip() for line in lines.get(number, [])):
            continue
        found = _CONTRAST.get(keys[number])
        if found is not None:
            worst_of[number] = found[0]
        elif keys[number] is not None and keys[number] in first:  # drawn like an earlier page
            alike[number] = first[keys[number]]
        else:
            todo.append(number)
            if keys[number] is not None:
                first[keys[number]] = number
    scale = 0.5  # 36 dpi: enough to see the colour behind a line of text
    for number, picture in rendered_pages(data, todo, scale) if todo else ():
        worst_of[number] = _faintest(picture, [line for line in lines[number] if line.text.strip()], scale)
        _CONTRAST.put(keys[number], (worst_of[number],))
    worst_of.update({number: worst_of[earlier] for number, earlier in alike.items()})
    for number in sorted(worst_of):
        if worst_of[number] is None:
            continue
        ratio, line, behind = worst_of[number]
        large = line.size >= 18 or (line.bold and line.size >= 14)
        report.composition.append(
            Composition(
                "contrast",
                number,
                f'"{_short(line.text)}" in {_hex(line.color)} on {_hex(behind)} has contrast {ratio:.1f}:1, '
                f"under {LARGE_CONTRAST if large else CONTRAST}:1",
            )
        )


_CONTRAST: Remembered[tuple] = Remembered(64)  # a page's fingerprint: (its faintest line or None,)


def _faintest(picture: Any, page_lines: list[Line], scale: float) -> tuple | None:
    """The line of text least set off from what lies around it, when under the threshold."""
    pixels, size = picture.load(), picture.size
    worst = None
    for line in page_lines:
        around = _backgrounds(pixels, size, line, scale)
        if not around:
            continue
        ratio, behind = max((contrast(line.color, color), color) for color in around)
        large = line.size >= 18 or (line.bold and line.size >= 14)
        if ratio < (LARGE_CONTRAST if large else CONTRAST) - 0.05 and (worst is None or ratio < worst[0]):
            worst = (ratio, line, behind)
    return worst


def _backgrounds(pixels: Any, size: tuple[int, int], line: Line, scale: float) -> list[tuple[int, int, int]]:
    """The colours just above and just below a line of text, in the rendered page (the text is
    readable when it stands out from what lies around it on at least one side)."""
    from collections import Counter

    width, height = size
    x0, y0, x1, y1 = line.box
    left, right = max(0, int(x0 * scale)), min(width, int(x1 * scale) + 1)
    top, bottom = int(height - y1 * scale), int(height - y0 * scale)
    found = []
    for y in (top - 2, bottom + 2):
        if 0 <= y < height and left < right:
            ring = Counter(pixels[x, y] for x in range(left, right, max(1, (right - left) // 10)))
            found.append(ring.most_common(1)[0][0])
    return found


def _hex(color: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in color)


def _short(text: str) -> str:
    text = " ".join(re.sub(r"[*_\[\]]", "", str(text)).split())
    return text if len(text) <= 50 else text[:47] + "…"


__all__ = ["check_composition"]
