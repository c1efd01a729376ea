"""Exercise cards: faces, sheets, duplex, marks, bleed, overflow, and their checks."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

import handoutgen
from conftest import REPO, copy_examples, reader, run, use_picture_file, write
from handoutgen.errors import HandoutError
from handoutgen.model.exercise import Dose
from handoutgen.text.dose import dose_words

DECK = REPO / "handouts" / "decks" / "glute-stretches.yaml"
DECK_ES = REPO / "handouts" / "decks" / "glute-stretches.es.yaml"
EXERCISES = REPO / "handouts" / "exercises"
MM = 72 / 25.4
NAMES = ["Pigeon pose", "Seated glute stretch", "Foam roll for glutes", "Glute bridge"]


def text_positions(pdf: bytes, page: int) -> dict[str, tuple[float, float]]:
    """Where each line of text starts on a page, in points."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.setdefault(text.strip(), (x, y))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def quadrant(point: tuple[float, float], sheet: tuple[float, float] = (595.28, 841.89)) -> tuple[str, str]:
    x, y = point
    return ("left" if x < sheet[0] / 2 else "right", "top" if y > sheet[1] / 2 else "bottom")


@pytest.mark.parametrize("layout", ["cards-a6", "cards-letter", "cards-wallet"])
def test_every_built_in_card_layout_builds_and_checks(layout: str) -> None:
    pdf = handoutgen.build(DECK, layout=layout)
    report = handoutgen.check(pdf, content=DECK, layout=layout)
    assert report.ok, report.format(layout)
    assert report.cards == 4
    assert any(f.check == "cards" and f.ok for f in report.findings)


def test_long_edge_backs_are_mirrored_left_to_right() -> None:
    pdf = handoutgen.build(DECK, layout="cards-a6")
    assert len(reader(pdf).pages) == 2  # one sheet: fronts, then backs
    fronts, backs = text_positions(pdf, 0), text_positions(pdf, 1)
    for name in NAMES:
        (fx, fy), (bx, by) = quadrant(fronts[name]), quadrant(backs[name])
        assert fy == by and fx != bx, name  # same row, other column: behind its front once turned over


def upright(pdf: bytes, page: int) -> dict[str, bool]:
    """For each line of text on a page: is it drawn upright (not turned 180 degrees)?"""
    found: dict[str, bool] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.setdefault(text.strip(), tm[0] * cm[0] + tm[1] * cm[2] > 0)

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def test_short_edge_backs_swap_rows_and_are_turned_for_a_cut_card(project: Path) -> None:
    layout = write(project / "layouts" / "short.yaml", "extends: cards-a6\ncards: {duplex: short-edge}\n")
    pdf = handoutgen.build(DECK, layout=layout)
    fronts, backs = text_positions(pdf, 0), text_positions(pdf, 1)
    for name in NAMES:
        (fx, fy), (bx, by) = quadrant(fronts[name]), quadrant(backs[name])
        assert fx == bx and fy != by, name
        assert upright(pdf, 0)[name] and not upright(pdf, 1)[name], name  # turned over its side, it reads
    assert handoutgen.check(pdf, content=DECK, layout=layout).ok
    long_edge = handoutgen.build(DECK, layout="cards-a6")
    assert all(upright(long_edge, 1)[name] for name in NAMES)


def test_on_a_landscape_sheet_long_edge_turns_over_the_top(project: Path) -> None:
    layout = write(
        project / "layouts" / "wide.yaml",
        "extends: cards-a6\npage: {orientation: landscape}\ncards: {grid: {columns: 2, rows: 1}}\n",
    )
    wide = (841.89, 595.28)
    pdf = handoutgen.build(DECK, layout=layout)
    assert reader(pdf).pages[0].mediabox.width > reader(pdf).pages[0].mediabox.height
    fronts, backs = text_positions(pdf, 0), text_positions(pdf, 1)
    for name in NAMES[:2]:
        assert quadrant(fronts[name], wide)[0] == quadrant(backs[name], wide)[0], name  # same column
        assert not upright(pdf, 1)[name]
    assert handoutgen.check(pdf, content=DECK, layout=layout).ok


def test_back_offset_moves_only_the_backs(project: Path) -> None:
    shifted = write(
        project / "layouts" / "shifted.yaml", "extends: cards-a6\ncards: {back_offset: {x: 2mm, y: -1mm}}\n"
    )
    plain, moved = handoutgen.build(DECK, layout="cards-a6"), handoutgen.build(DECK, layout=shifted)
    for name in NAMES:
        assert text_positions(moved, 0)[name] == pytest.approx(text_positions(plain, 0)[name])
        (x0, y0), (x1, y1) = text_positions(plain, 1)[name], text_positions(moved, 1)[name]
        assert (x1 - x0, y1 - y0) == pytest.approx((2 * MM, -1 * MM), abs=0.01)


def test_fold_puts_front_and_back_side_by_side(project: Path) -> None:
    layout = write(project / "layouts" / "fold.yaml", "extends: cards-a6\ncards: {duplex: fold}\n")
    pdf = handoutgen.build(DECK, layout=layout)
    assert len(reader(pdf).pages) == 2  # two folded cards per A4 sheet
    positions = text_positions(pdf, 0)
    assert quadrant(positions["Pigeon pose"])[0] == "left"
    assert handoutgen.check(pdf, content=DECK, layout=layout).ok


def test_single_puts_everything_on_one_face(project: Path) -> None:
    layout = write(
        project / "layouts" / "single.yaml", "extends: cards-a6\ncards: {duplex: single, min_font_size: 6}\n"
    )
    pdf = handoutgen.build(DECK, layout=layout)
    assert len(reader(pdf).pages) == 1
    text = reader(pdf).pages[0].extract_text()
    assert "How to do it" in text and "Hold 30 seconds" in text
    assert handoutgen.check(pdf, content=DECK, layout=layout).ok


def test_spanish_deck_uses_spanish_exercises_and_labels() -> None:
    text = "\n".join(p.extract_text() for p in reader(handoutgen.build(DECK_ES)).pages)
    assert "Postura de la paloma" in text or "Paloma" in text
    assert "Cómo hacerlo" in text and "Inicio" in text


def test_one_per_page_sets_trim_and_bleed_boxes_and_real_bleed() -> None:
    pdf = handoutgen.build(EXERCISES / "squat.yaml", layout="cards-a6", one_per_page=True)
    pages = reader(pdf).pages
    assert len(pages) == 2  # front and back
    for page in pages:
        trim, bleed = page.trimbox, page.bleedbox
        assert float(trim.width) == pytest.approx(105 * MM) and float(trim.height) == pytest.approx(148 * MM)
        assert float(bleed.left) == pytest.approx(float(trim.left) - 3 * MM)
        assert float(bleed.top) == pytest.approx(float(trim.top) + 3 * MM)
    report = handoutgen.check(pdf, content=EXERCISES / "squat.yaml", layout="cards-a6")
    assert report.ok and any(f.check == "boxes" and f.ok for f in report.findings)
    # The front's coloured band reaches into the bleed, above and beside the trim.
    image = pdfium.PdfDocument(pdf)[0].render(scale=2).to_pil().convert("RGB")
    scale = 2
    height = image.size[1]
    trim_top = height - float(pages[0].trimbox.top) * scale
    trim_left = float(pages[0].trimbox.left) * scale
    inside_bleed = image.getpixel((int(trim_left - 1.5 * MM * scale), int(trim_top - 1.5 * MM * scale)))
    outside_bleed = image.getpixel((int(trim_left - 4.5 * MM * scale), int(trim_top - 4.5 * MM * scale)))
    assert inside_bleed == (15, 94, 110)  # the heading colour #0f5e6e
    assert outside_bleed == (255, 255, 255)


def test_crop_marks_stay_off_the_cards_and_the_sheet_edge() -> None:
    pdf = handoutgen.build(DECK, layout="cards-wallet")
    page = pdfium.PdfDocument(pdf)[0]
    scale = 4
    image = page.render(scale=scale).to_pil().convert("L")
    width, height = image.size
    edge = int(2 * MM * scale)
    border = [
        image.getpixel((x, y))
        for x in range(0, width, 3)
        for y in list(range(edge)) + list(range(height - edge, height))
    ] + [
        image.getpixel((x, y))
        for y in range(0, height, 3)
        for x in list(range(edge)) + list(range(width - edge, width))
    ]
    assert min(border) > 250  # nothing printed within 2 mm of the sheet edge
    # Marks exist in the margin left of the grid, level with the first card's top edge.
    grid_left = (595.28 - 2 * 85.6 * MM) / 2
    grid_top = (841.89 + 5 * 54 * MM) / 2
    row = int((841.89 - grid_top) * scale)
    margin = [image.getpixel((x, row)) for x in range(edge, int((grid_left - 2 * MM) * scale))]
    assert min(margin) < 128
    # ...and nothing of a mark lies inside a card: the check finds all text in its own card.
    assert handoutgen.check(pdf, content=DECK, layout="cards-wallet").ok


def test_crop_marks_without_room_are_an_error(project: Path) -> None:
    layout = write(project / "layouts" / "tight.yaml", "extends: cards-a6\ncards: {marks: crop}\n")
    with pytest.raises(HandoutError, match="no room for crop marks"):
        handoutgen.build(DECK, layout=layout)


def test_text_shrinks_to_fit_then_fails_with_how_much_too_long(project: Path) -> None:
    long_steps = "\n".join(f"  - Step {i}, " + "keep your back straight and breathe slowly " * 3 for i in range(7))
    write(
        project / "handouts" / "exercises" / "long.yaml",
        f"""\
exercise: long-one
name: A long exercise
language: en
category: stretch
steps:
{long_steps}
""",
    )
    source = project / "handouts" / "exercises" / "long.yaml"
    # On an A6 card the back starts at 13 pt, shrinks and fits, no smaller than the 9 pt minimum.
    from handoutgen.render.pdf.cards import fit_face

    document = handoutgen.document(source, layout="cards-a6")
    fitted = fit_face(document.view.cards[0].faces[1], document.layout)
    assert 9 <= fitted.size < 13
    # On a wallet card it cannot fit even at the minimum size.
    with pytest.raises(HandoutError) as caught:
        handoutgen.build(source, layout="cards-wallet")
    message = caught.value.problems[0].format()
    assert "the back of the card for `long-one` (A long exercise) does not fit" in message
    assert "at the smallest size allowed, 7 pt, it needs" in message and "% too long" in message
    assert "long.yaml:1:1" in message


def test_dose_in_plain_words() -> None:
    assert dose_words("en", Dose(reps=3, hold=30, sides="each", per_day=1)) == (
        "Hold 30 seconds, 3 times, each side, once a day"
    )
    assert dose_words("es", Dose(reps=3, hold=30, sides="each", per_day=1)) == (
        "Mantén 30 segundos, 3 veces, cada lado, una vez al día"
    )
    assert dose_words("en", Dose(sets=3, reps=10, rest=90, days=3)) == (
        "3 sets of 10, rest 90 seconds between sets, 3 days a week"
    )
    assert dose_words("en", Dose(sets=2, reps=12, hold=120, per_day=2, days=7)) == (
        "2 sets of 12, hold 2 minutes, twice a day, every day"
    )


def test_video_prints_a_qr_code_with_its_link(project: Path) -> None:
    copy_examples(project)
    squat = (project / "handouts" / "exercises" / "squat.yaml").read_text()
    (project / "handouts" / "exercises" / "squat.yaml").write_text(squat + "video: https://example.org/videos/squat\n")
    source = project / "handouts" / "exercises" / "squat.yaml"
    pdf = handoutgen.build(source, layout="cards-a6")
    report = handoutgen.check(pdf, content=source, layout="cards-a6")
    assert report.ok, report.format("squat")
    assert any(f.check == "qr" and f.ok for f in report.findings)
    assert "example.org/videos/squat" in reader(pdf).pages[1].extract_text()
    turned = write(project / "layouts" / "short.yaml", "extends: cards-a6\ncards: {duplex: short-edge}\n")
    pdf = handoutgen.build(source, layout=turned)
    assert handoutgen.check(pdf, content=source, layout=turned).ok  # the QR code still reads and links
    (link,) = [a.get_object() for a in reader(pdf).pages[1]["/Annots"]]
    x0, y0, x1, y1 = (float(v) for v in link["/Rect"])
    assert x1 - x0 > 15 * MM and y1 - y0 > 15 * MM and 0 < x0 < x1 < 595.3 and 0 < y0 < y1 < 841.9


def test_check_catches_a_card_whose_words_are_missing(project: Path) -> None:
    pdf = handoutgen.build(DECK, layout="cards-a6")
    other = write(project / "handouts" / "decks" / "d.yaml", DECK.read_text().replace("glute-bridge", "squat"))
    copy_examples(project)
    report = handoutgen.check(pdf, content=other, layout="cards-a6")
    assert not report.ok
    cards = next(f for f in report.findings if f.check == "cards")
    assert "`squat`" in cards.message


def test_checking_a_deck_without_its_layout_says_to_pass_it(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    assert run("build", DECK, "--layout", "cards-wallet", "-o", "w.pdf").exit_code == 0
    result = run("check", "w.pdf", "--content", DECK)
    assert result.exit_code == 1 and "check it with the same --layout" in result.stderr
    result = run("check", "w.pdf", "--content", DECK, "--layout", "cards-wallet")
    assert result.exit_code == 0, result.output


def test_cli_builds_the_deck_and_calibration_sheet(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    result = run("build", "handouts/decks/glute-stretches.yaml", "--layout", "cards-a6", "-o", "cards.pdf")
    assert result.exit_code == 0, result.stderr
    assert "built cards.pdf (2 pages, checked: 4 cards)" in result.output
    result = run("calibrate", "--layout", "cards-wallet", "-o", "cal.pdf")  # read as a user would: test_calibration
    assert result.exit_code == 0
    calibration = reader(project / "cal.pdf")
    assert len(calibration.pages) == 2
    assert "Calibration sheet" in calibration.pages[0].extract_text() and "BACK" in calibration.pages[1].extract_text()
    assert run("calibrate", "--layout", "a4").exit_code == 2


def test_deck_pdf_is_deterministic() -> None:
    assert handoutgen.build(DECK, layout="cards-wallet") == handoutgen.build(DECK, layout="cards-wallet")


def test_exercise_panels_in_a_handout_are_checked(project: Path) -> None:
    copy_examples(project)
    source = write(
        project / "handouts" / "h.yaml",
        """\
        handout: h
        title: Strength for runners
        language: en
        reviewed: 2026-11-01
        sections:
          - title: Exercises
            blocks:
              - exercises: [squat, glute-bridge]
        """,
    )
    pdf = handoutgen.build(source)
    text = "\n".join(p.extract_text() for p in reader(pdf).pages)
    assert "Squat" in text and "Glute bridge" in text and "3 sets of 10" in text
    assert handoutgen.check(pdf, content=source).ok


def test_a_photo_on_a_card_is_drawn_whole(project: Path) -> None:
    from PIL import Image

    copy_examples(project)
    Image.new("RGB", (600, 400), (200, 30, 30)).save(project / "handouts" / "images" / "bridge.png")
    bridge = project / "handouts" / "exercises" / "glute-bridge.yaml"
    use_picture_file(bridge, "start", "../images/bridge.png")
    deck = project / "handouts" / "decks" / "glute-stretches.yaml"
    pdf = handoutgen.build(deck, layout="cards-a6")
    assert handoutgen.check(pdf, content=deck, layout="cards-a6").ok
    from PIL import ImageChops

    r, g, b = pdfium.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB").split()
    masks = [r.point(lambda v: 255 * (v > 180)), g.point(lambda v: 255 * (v < 60)), b.point(lambda v: 255 * (v < 60))]
    red = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2]).histogram()[255]
    assert red > 2000  # the photo is on the page, at a readable size


def test_the_back_shows_its_parts_in_the_layout_order(project: Path) -> None:
    layout = write(project / "layouts" / "avoid-first.yaml", "extends: cards-a6\ncards: {back: [avoid, steps]}\n")
    pdf = handoutgen.build(DECK, layout=layout)
    back = " ".join(reader(pdf).pages[1].extract_text().split())
    assert back.index("Avoid") < back.index("How to do it")
    assert "Tips" not in back and "Take care" not in back
    assert handoutgen.check(pdf, content=DECK, layout=layout).ok


def test_the_fold_line_is_labelled_in_the_content_language(project: Path) -> None:
    layout = write(project / "layouts" / "fold.yaml", "extends: cards-a6\ncards: {duplex: fold}\n")
    for deck, words in ((DECK, "Fold here"), (DECK_ES, "Dobla por aquí")):
        pdf = handoutgen.build(deck, layout=layout)
        report = handoutgen.check(pdf, content=deck, layout=layout)
        assert report.strict_ok, report.format(str(deck))
        found = {}

        def visit(text, cm, tm, font, size, found=found):
            if text.strip():
                found.setdefault(text.strip(), (tm[4] * cm[0] + tm[5] * cm[2] + cm[4], cm[1]))

        reader(pdf).pages[0].extract_text(visitor_text=visit)
        x, turned = found[words]
        assert abs(x - 595.28 / 2) < 10 and turned == pytest.approx(1)  # on the middle line, reading up it


def sized_texts(pdf: bytes, page: int) -> list[tuple[str, float, float, float]]:
    """(text, size in points, x, y) of each text run on a page."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] * cm[0] + tm[1] * cm[2]) or 1
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), abs(size * scale), x, y))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(("layout", "smallest", "back_at_least"), [("cards-a6", 9, 11), ("cards-wallet", 7, 7)])
def test_cards_fill_their_faces_at_one_size_per_side(layout: str, smallest: float, back_at_least: float) -> None:
    for deck in (DECK, DECK_ES):
        pdf = handoutgen.build(deck, layout=layout)
        fronts, backs = sized_texts(pdf, 0), sized_texts(pdf, 1)
        assert min(size for _, size, _, _ in fronts + backs) >= smallest - 0.01, deck
        step_sizes = {round(size, 2) for text, size, _, _ in backs if text[:1].isupper() and size < 20}
        body = max(step_sizes, key=lambda s: sum(1 for _, size, _, _ in backs if round(size, 2) == s))
        assert body >= back_at_least, (deck, step_sizes)
        for name in NAMES if deck == DECK else []:  # every back's name line at the same size
            assert {round(s, 2) for t, s, _, _ in backs if t == name} == {round(body, 2)}


def test_bands_on_a_shared_sheet_stop_4_mm_inside_the_cut_and_bleed_on_their_own_page() -> None:
    from handoutgen.render.pdf.document import page_geometry
    from handoutgen.render.pdf.imposition import plan

    for layout in ("cards-a6", "cards-wallet"):
        document = handoutgen.document(DECK, layout=layout)
        geometry = page_geometry(document.layout)
        sheet_plan = plan(document.layout, (geometry.width, geometry.height), 4)
        scale = 4  # pixels per point
        page = pdfium.PdfDocument(handoutgen.build(DECK, layout=layout))[0].render(scale=scale).to_pil().convert("RGB")
        heading = tuple(int(document.layout.colors.heading[i : i + 2], 16) for i in (1, 3, 5))
        for placement in sheet_plan.on_page(0):
            box = placement.trim
            corner = (box.x + 4.3 * MM, box.top - 4.3 * MM)
            assert _is_color(page, scale, corner, heading), layout  # the band's square corner is there
            for outside in ((box.x + 3.6 * MM, box.top - 4.3 * MM), (box.x + 4.3 * MM, box.top - 3.6 * MM)):
                assert not _is_color(page, scale, outside, heading), layout
    single = handoutgen.build(DECK, layout="cards-a6", one_per_page=True)
    page = pdfium.PdfDocument(single)[0]
    bleed_box = reader(single).pages[0].bleedbox
    image = page.render(scale=2).to_pil().convert("RGB")
    corner = image.getpixel((int(float(bleed_box.left) * 2) + 1, image.height - int(float(bleed_box.top) * 2) + 1))
    assert corner != (255, 255, 255)  # with bleed, the band runs past the cut to the bleed edge


def _is_color(image, scale: float, point: tuple[float, float], color: tuple[int, int, int]) -> bool:
    pixel = image.getpixel((int(point[0] * scale), int(image.height - point[1] * scale)))
    return all(abs(a - b) < 12 for a, b in zip(pixel, color, strict=True))
