"""Content we did not write for the examples, in every page layout: short and long sections, a
long list and table, many pictures, a checklist, an eight-step exercise and a twelve-exercise
programme. Every document must pass `check --strict`: complete and well composed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import handoutgen
from conftest import copy_examples, write, write_library_pictures

WORDS = ("rest ice heat stretch muscle glute hip knee run slow gentle build strength form warm cool week day").split()  # noqa: SIM905
LAYOUTS = ["a4", "letter", "large-print", "layouts/two-col.yaml", "layouts/riverside-clinic.yaml"]
LIBRARY = ["squat", "lunge", "hip-thrust", "glute-bridge", "clamshell", "pigeon-pose", "seated-glute-stretch"]


def sentence(chance: random.Random, length: int) -> str:
    return " ".join(chance.choice(WORDS) for _ in range(length)).capitalize() + "."


def make_project(root: Path) -> None:
    chance = random.Random(7)
    copy_examples(root)
    write_library_pictures(root)
    write(root / "layouts" / "two-col.yaml", "extends: a4\ncolumns: 2\n")
    for number, steps in ((1, 8), (2, 3), (3, 5), (4, 2), (5, 6)):
        listed = "".join(f"  - {sentence(chance, chance.randint(8, 22))}\n" for _ in range(steps))
        write(
            root / "handouts" / "exercises" / f"extra-{number}.yaml",
            f"exercise: extra-{number}\nname: Extra exercise {number}\nlanguage: en\ncategory: strength\n"
            "images:\n  start: {path: ../images/squat-start.svg, alt: A person standing.}\n"
            "  end: {path: ../images/squat-end.svg, alt: A person in a squat.}\n"
            f"steps:\n{listed}caution: {sentence(chance, 10)}\ndose: {{sets: 2, reps: 10}}\n",
        )
    exercises = "".join(f"  - use: {ident}\n" for ident in [*LIBRARY, *(f"extra-{n}" for n in range(1, 6))])
    program = (
        "program: twelve\ntitle: A long programme\nlanguage: en\npatient: Sam Lee\nclinician: Dr Jones\n"
        f"date: 2026-11-20\nexercises:\n{exercises}log:\n  weeks: 4\n"
    )
    write(root / "handouts" / "programs" / "twelve.yaml", program)
    write(root / "handouts" / "programs" / "compact.yaml", program.replace("exercises:", "style: compact\nexercises:"))
    bullets = "".join(f"          - {sentence(chance, chance.randint(6, 30))}\n" for _ in range(30))
    rows = "".join(
        f"            - [{sentence(chance, 2)}, {sentence(chance, 4)}, {sentence(chance, 10)}]\n" for _ in range(40)
    )
    pictures = (
        "".join(
            f"      - image: {{path: images/{name}.svg, alt: An exercise, caption: {sentence(chance, 6)}}}\n"
            for name in ["squat-start", "lunge-end", "clamshell-end", "pigeon-pose-end", "glute-bridge-start"]
        )
        + "      - image: {path: images/hip-thrust-end.svg, alt: An exercise}\n"
    )
    checklist = ", ".join(sentence(chance, 6) for _ in range(10))
    write(
        root / "handouts" / "stress.yaml",
        "handout: stress\ntitle: A handout of every shape\nlanguage: en\nreviewed: 2026-11-01\n"
        f"summary: [{sentence(chance, 8)}, {sentence(chance, 20)}]\nsections:\n"
        f"  - title: Short\n    blocks:\n      - text: {sentence(chance, 5)}\n"
        f"  - title: A long list\n    blocks:\n      - text: 'Things to know:'\n      - bullets:\n{bullets}"
        f"  - title: Many pictures\n    blocks:\n{pictures}"
        "  - title: A long table\n    blocks:\n      - text: 'What to use and when:'\n      - table:\n"
        f"          header: [When, What, Why]\n          rows:\n{rows}"
        f"  - title: An eight-step exercise\n    blocks:\n      - exercises: [extra-1, squat]\n"
        f"      - checklist: [{checklist}]\n      - log: {{items: [Stretches, Walks], weeks: 3}}\n"
        f"  - title: The end\n    blocks:\n      - text: {sentence(chance, 40)}\n",
    )


@pytest.fixture(scope="module")
def stress(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stress")
    make_project(root)
    return root


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "source", ["handouts/stress.yaml", "handouts/programs/twelve.yaml", "handouts/programs/compact.yaml"]
)
def test_content_of_every_shape_is_complete_and_well_composed(source: str, layout: str, stress: Path) -> None:
    path = stress / source
    chosen = str(stress / layout) if layout.endswith(".yaml") else layout
    pdf = handoutgen.build(path, layout=chosen)
    report = handoutgen.check(pdf, content=path, layout=chosen)
    assert report.strict_ok, report.format(f"{source} in {layout}")
