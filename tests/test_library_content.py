"""The library a clinic starts with: 40 exercises and more, each in English and Spanish, each
picture drawn from a pose; every region covered; the protocol templates and the warm-up deck
build and check in both languages."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

import handoutgen
from conftest import REPO, pdf_text
from handoutgen.model.exercise import Region
from handoutgen.resolve.library import library_index, load_exercise

LIBRARY = REPO / "handouts" / "exercises"
PROTOCOLS = sorted((REPO / "handouts" / "programs" / "protocols").glob("*.yaml"))


def english() -> list[Path]:
    return sorted(p for p in LIBRARY.glob("*.yaml") if p.name.count(".") == 1)


def test_forty_exercises_each_in_both_languages_drawn_from_poses() -> None:
    index = library_index(LIBRARY)
    ids = {ident for ident, _ in index.found}
    assert len(ids) >= 40
    assert all((ident, "es") in index.found and (ident, "en") in index.found for ident in ids)
    for path in english():
        exercise, start, end = load_exercise(path)
        assert exercise.images.start.pose is not None and exercise.images.end.pose is not None, path
        assert start.part == "start" and end.part == "end" and end.data.count(b"<polygon") >= 1, path  # an arrow
        assert exercise.caution and exercise.regions and exercise.goals and exercise.difficulty, path


def test_every_region_and_the_warm_up_have_exercises() -> None:
    regions: dict[str, int] = {}
    drills = 0
    for path in english():
        exercise, _, _ = load_exercise(path)
        for region in exercise.regions:
            regions[str(region)] = regions.get(str(region), 0) + 1
        drills += "warm-up" in exercise.goals
    assert set(typing.get_args(Region)) <= set(regions), regions
    assert drills >= 8


@pytest.mark.parametrize("source", PROTOCOLS, ids=[p.name for p in PROTOCOLS])
def test_each_protocol_builds_checks_and_progresses(source: Path) -> None:
    content = handoutgen.load_content(source)
    assert content.program.example and len(content.program.phases) >= 2
    pdf = handoutgen.build(source)
    assert handoutgen.check(pdf, content=source).ok
    text = " ".join(pdf_text(pdf).split())
    plan, phase = ("Tu plan", "Fase 2") if content.program.language == "es" else ("Your plan", "Phase 2")
    assert plan in text and phase in text
    weeks = content.program.weeks()
    assert weeks in (4, 6, 8)
    last = f"Semana {weeks}" if content.program.language == "es" else f"Week {weeks}"
    assert last in text


def test_the_protocols_are_the_weeks_the_library_promises() -> None:
    weeks = {p.name: handoutgen.load_content(p).program.weeks() for p in PROTOCOLS if p.name.count(".") == 1}
    assert weeks == {
        "ankle-sprain-return.yaml": 6,
        "glute-strength-runners.yaml": 6,
        "lower-back-mobility.yaml": 4,
        "runners-knee.yaml": 8,
    }


@pytest.mark.parametrize("name", ["club-warm-up.yaml", "club-warm-up.es.yaml"])
def test_the_club_warm_up_deck(name: str) -> None:
    deck = REPO / "handouts" / "decks" / name
    if not deck.exists():
        pytest.skip(f"{name} not written")
    pdf = handoutgen.build(deck, layout="cards-a6")
    assert handoutgen.check(pdf, content=deck, layout="cards-a6").ok
    assert ("Skipping A" if name.endswith(".es.yaml") else "A-skip") in pdf_text(pdf) or "A-skip" in pdf_text(pdf)


def test_every_arrow_stays_in_the_picture_and_above_the_floor() -> None:
    import re

    for path in english():
        _, _, end = load_exercise(path)
        svg = end.data.decode()
        arrows = [e for e in re.findall(r"<(?:polyline|path|polygon)[^>]*>", svg) if "#e07a1f" in e]
        assert arrows, path  # the end picture shows the move
        for element in arrows:
            numbers = [
                float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", element.split('fill="')[0].split("points=")[-1])
            ]
            xs, ys = numbers[0::2], numbers[1::2]
            assert min(xs) >= 0 and max(xs) <= 240 and min(ys) >= 0 and max(ys) <= 154, (path.name, element)


@pytest.mark.parametrize(
    "head",
    [
        "exercise: sq\nlanguage: es\n",
        "exercise: sq   # the id\nlanguage: es\n",
        'exercise: "sq"\nlanguage: es\n',
        "exercise:\n",
        "exercise: sq\n",
        "{exercise: sq, language: es, name: Sq, category: strength, steps: [Up.]}\n",
        "exercise: sq\nlanguage: es\nexercise: again\n",
    ],
)
def test_the_library_index_reads_ids_at_a_glance_as_the_parser_would(tmp_path: Path, head: str, monkeypatch) -> None:
    import handoutgen.resolve.library as library

    body = "" if head.startswith("{") else "name: Sq\ncategory: strength\nsteps: [Up.]\n"
    (tmp_path / "sq.es.yaml").write_text(head + body, encoding="utf-8")
    quick = library.library_index(tmp_path)
    library._index.cache_clear()
    monkeypatch.setattr(library, "_keys_at_a_glance", lambda path: None)
    whole = library.library_index(tmp_path)
    library._index.cache_clear()
    assert (quick.found, set(quick.broken), quick.mislabelled) == (whole.found, set(whole.broken), whole.mislabelled)
