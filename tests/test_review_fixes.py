"""Cases found in review: doses that lost what was prescribed, the project folder and language,
arrows, phases as cards, the log's hints and weeks, batches in the project file, a broken
library file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import handoutgen
from conftest import FIGURE, REPO, pdf_text, run, write
from handoutgen.figures import pose_pair_svg
from handoutgen.model.pose import Limbs, Pose


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "handouts" / "exercises", tmp_path / "handouts" / "exercises")
    monkeypatch.chdir(tmp_path)
    return tmp_path


HOLD = (
    "exercise: hold-ex\nname: Hold\nlanguage: en\ncategory: stretch\nsteps: [Hold it.]\n"
    "dose: {hold: 30s, reps: 3, rpe: 6}\n"
)


@pytest.mark.parametrize(
    ("dose", "message"),
    [
        ("{time: 30s, reps: 10}", "a set is a number of `reps` or a `time`"),
        ("{time: 45s, distance: 100m}", "a drill goes a `distance` or for a `time`"),
    ],
)
def test_doses_that_say_one_thing_two_ways_are_refused(here: Path, dose: str, message: str) -> None:
    path = write(here / "x.yaml", HOLD.replace("dose: {hold: 30s, reps: 3, rpe: 6}", f"dose: {dose}"))
    result = run("validate", path)
    assert result.exit_code == 2 and "x.yaml:6:7: error: " + message in result.stderr, result.stderr


def test_a_programme_dose_replaces_the_library_keys_it_competes_with(here: Path) -> None:
    write(here / "handouts" / "exercises" / "hold-ex.yaml", HOLD)
    program = write(
        here / "handouts" / "p.yaml",
        "program: p\ntitle: P\nlanguage: en\npatient: A B\ndate: 2026-12-01\n"
        "exercises:\n  - use: hold-ex\n    dose: {time: 40s, reserve: 2}\n",
    )
    text = " ".join(pdf_text(handoutgen.build(program)).split())
    assert "40 seconds, stop when you could still do 2 more" in text
    assert "Hold 30 seconds" not in text and "effort 6" not in text


def test_the_project_folder_does_not_follow_the_working_folder(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clinic = here / "clinic"
    write(clinic / "handouts" / "h.yaml", "handout:\ntitle: H\nsections:\n  - title: S\n    blocks:\n"
          "      - image: {path: ../../outside.svg, alt: A figure standing}\n")  # fmt: skip
    shutil.copy(FIGURE, here / "outside.svg")
    for folder in (here, Path("/")):
        monkeypatch.chdir(folder)
        result = run("validate", clinic / "handouts" / "h.yaml")
        assert result.exit_code == 2 and f"is outside the project folder {clinic}" in result.stderr, result.stderr


def test_the_project_language_is_read_again_when_it_changes_and_from_the_chosen_file(here: Path) -> None:
    write(here / "handoutgen.yaml", "project: X\nlanguage: en\n")
    handout = write(
        here / "handouts" / "h.yaml", "handout:\ntitle: H\nsections:\n  - title: S\n    blocks: [{text: Hola.}]\n"
    )
    from handoutgen.api import document

    assert document(handout).meta.language == "en"
    (here / "handoutgen.yaml").write_text("project: X\nlanguage: es\n# changed\n")
    assert document(handout).meta.language == "es"
    write(here / "conf" / "other.yaml", "project: Y\nlanguage: en\n")
    result = run("--project", "conf/other.yaml", "build", handout, "-o", "out/")
    assert result.exit_code == 0, result.stderr
    assert "Page 1 of 1" in pdf_text(here / "out" / "h.pdf")


def test_the_arrow_follows_the_joint_that_moves_and_a_far_foot_in_front_points_out() -> None:
    _, end = pose_pair_svg(
        Pose(), Pose(near=Limbs(thigh=95, shin=180), far=Limbs(thigh=205, shin=265), arrow="far-foot")
    )
    assert end.count("#e07a1f") == 2  # the arrow and its head: the back foot is not held still
    from handoutgen.figures.skeleton import skeleton

    body = skeleton(Pose(view="front", far=Limbs(thigh=-170)))
    assert body.far.toes[0] < body.far.ankle[0]  # the far foot points away from the near one


def test_a_phased_programme_is_not_cut_down_to_cards(here: Path) -> None:
    source = REPO / "handouts" / "programs" / "protocols" / "lower-back-mobility.yaml"
    result = run("build", source, "--layout", "cards-a6", "-o", "out/")
    assert result.exit_code == 2 and "a programme in phases prints on pages" in result.stderr
    assert not (here / "out").exists()


def test_the_log_hint_says_what_its_rows_ask_and_a_long_plan_is_said_to_outgrow_it(here: Path) -> None:
    phases = "".join("  - weeks: 8\n    exercises: [{use: squat}]\n" for _ in range(2))
    source = write(
        here / "p.yaml",
        f"program: p\ntitle: P\nlanguage: en\npatient: A B\ndate: 2026-12-01\nphases:\n{phases}log: {{pain: true}}\n",
    )
    result = run("build", source, "-o", "out/")
    assert result.exit_code == 0, result.stderr
    assert "warning: the log covers the first 12 of the phases' 16 weeks" in result.stderr
    text = " ".join(pdf_text(here / "out" / "p.pdf").split())
    assert "write your pain from 0 to 10" in text and "effort" not in text


def batches(here: Path, body: str) -> None:
    template = (REPO / "handouts" / "programs" / "glute-rehab-template.yaml").read_text(encoding="utf-8")
    write(here / "handouts" / "programs" / "tpl.yaml", template)
    shutil.copy(REPO / "handouts" / "glute-soreness.yaml", here / "handouts" / "glute-soreness.yaml")
    (here / "b.csv").write_text("patient,clinician,date,review_date\nQuinn,Sam,2026-12-01,2027-01-01\n")
    (here / "rows.txt").write_text("x")
    write(here / "handoutgen.yaml", "project: X\n" + body)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "batches:\n  - {program: handouts/programs/tpl.yaml, data: b.csv}\n"
            "  - {program: handouts/programs/tpl.yaml, data: b.csv}\n",
            "handoutgen.yaml:4:5: error: this batch writes the same files as the one above it",
        ),
        ("batches:\n  - {program: handouts/programs/tpl.yaml, data: rows.txt}\n", "`data`: rows.txt is not a .csv"),
        (
            'batches:\n  - {program: handouts/programs/tpl.yaml, data: b.csv, output: "{{ }}.pdf"}\n',
            "`output` has an empty `{{ }}`",
        ),
    ],
)
def test_batches_written_wrong_are_said_at_their_line(here: Path, body: str, message: str) -> None:
    batches(here, body)
    result = run("build")
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_a_header_with_an_equals_sign_maps_and_o_moves_the_batches(here: Path) -> None:
    batches(
        here,
        'merge:\n  map: {"Name=Full": patient}\nbatches:\n  - {program: handouts/programs/tpl.yaml, data: b.csv}\n',
    )
    (here / "b.csv").write_text("Name=Full,clinician,date,review_date\nQuinn,Sam,2026-12-01,2027-01-01\n")
    result = run("build", "-o", "site/")
    assert result.exit_code == 0, result.stderr
    assert (here / "site" / "tpl-1.pdf").is_file() and not (here / "out").exists()
    assert "Quinn" in pdf_text(here / "site" / "tpl-1.pdf")


def test_one_broken_library_file_hides_only_itself(here: Path) -> None:
    write(here / "handouts" / "exercises" / "broken.yaml", "exercise: [\n")
    result = run("library", "list", "--json")
    assert result.exit_code == 0 and "squat" in {row["id"] for row in json.loads(result.stdout)}
    assert "broken.yaml:" in result.stderr and "warning:" in result.stderr
    assert run("library", "show", "squat").exit_code == 0
    assert run("library", "sheet", "-o", "out/x.png").exit_code == 2


def test_a_translation_in_yml_finds_its_source(here: Path) -> None:
    library = here / "handouts" / "exercises"
    (library / "squat.es.yaml").rename(library / "squat.es.yml")
    assert run("validate", library / "squat.es.yml").exit_code == 0


def test_an_arrow_belongs_on_the_end_picture_of_a_pose(here: Path) -> None:
    body = "exercise: reach\nname: Reach\ncategory: mobility\nsteps: [Reach up.]\nimages:\n"
    start = "  start:\n    alt: Standing tall.\n    pose: {arrow: hand}\n"
    end = "  end:\n    alt: Arms up.\n    pose: {near: {arm: 0}, arrow: hand}\n"
    result = run("validate", write(here / "reach.yaml", body + start + end))
    assert result.exit_code == 2 and "reach.yaml:8:19: error: the arrow goes on the end picture" in result.stderr
    result = run("validate", write(here / "reach.yaml", body + end))
    assert result.exit_code == 2 and "the arrow runs from the start picture's pose, and there is none" in result.stderr
    shutil.copy(FIGURE, here / "start.svg")
    photo = "  start:\n    alt: Standing tall.\n    path: start.svg\n    license: own\n"
    assert run("validate", write(here / "reach.yaml", body + photo + end)).exit_code == 0  # drawn without it


def test_a_distance_keeps_its_decimals() -> None:
    from handoutgen.model.exercise import Dose
    from handoutgen.model.types import Distance
    from handoutgen.text.dose import dose_words

    assert dose_words("en", Dose(sets=2, distance=Distance.parse("2.5m"))) == "2 × 2.5 m"


def test_two_exercises_each_easier_than_the_other_are_said_where_either_is_used(here: Path) -> None:
    library = here / "handouts" / "exercises"
    for name, other in (("squat", "lunge"), ("lunge", "squat")):
        text = (library / f"{name}.yaml").read_text(encoding="utf-8")
        text = text.replace("harder: lunge\n", "").replace("easier: squat\n", "")
        (library / f"{name}.yaml").write_text(text.replace("difficulty:", f"easier: {other}\ndifficulty:"), "utf-8")
    deck = write(here / "handouts" / "d.yaml", "deck: d\ntitle: D\nlanguage: en\nexercises: [squat]\n")
    result = run("build", deck, "--layout", "cards-a6", "-o", "out/")
    assert result.exit_code == 2 and "`easier: lunge`, but lunge says this exercise is easier than it" in result.stderr
