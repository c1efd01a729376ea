"""Pictures drawn from poses: the figure's joints, our style on the page, and poses written wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import handoutgen
from conftest import REPO, run, write
from handoutgen.figures import pose_pair_svg
from handoutgen.figures.skeleton import FOOT, SHIN, THIGH, TRUNK, skeleton
from handoutgen.model.pose import Limbs, Pose

NAVY, ORANGE = (0x1F, 0x4E, 0x79), (0xE0, 0x7A, 0x1F)


def test_a_standing_figure_stands_and_faces_right() -> None:
    body = skeleton(Pose())
    assert body.neck == pytest.approx((0, -TRUNK))
    assert body.near.knee == pytest.approx((0, THIGH))
    assert body.near.ankle == pytest.approx((0, THIGH + SHIN))
    assert body.near.toes == pytest.approx((FOOT, THIGH + SHIN))  # the foot points forward
    assert body.far == body.near  # in a side view the far limbs default to the near ones


def test_directions_are_clockwise_from_up_and_parts_follow_the_part_above() -> None:
    body = skeleton(Pose(trunk=90, near=Limbs(thigh=90)))
    assert body.neck == pytest.approx((TRUNK, 0))  # lying, the head to the right
    assert body.near.ankle == pytest.approx((THIGH + SHIN, 0))  # the shin follows the thigh
    assert body.near.toes[1] == pytest.approx(-FOOT)  # and the foot turns up from the shin


def test_a_front_view_mirrors_the_far_side() -> None:
    body = skeleton(Pose(view="front", near=Limbs(arm=120)))
    assert body.near.hip[0] > 0 > body.far.hip[0]
    assert body.far.hand[0] < body.far.shoulder[0] < body.near.shoulder[0] < body.near.hand[0]


def test_start_and_end_share_one_frame_and_only_the_end_has_the_arrow() -> None:
    start, end = Pose(target=["glutes"]), Pose(trunk=38, near=Limbs(thigh=98, shin=204, arm=92), arrow="hip")
    first, second = pose_pair_svg(start, end)
    assert first == pose_pair_svg(start, end)[0]  # the same pose, the same bytes
    assert "<path" not in first and "<path" in second  # the arrow
    assert 'fill="#e07a1f" fill-opacity="0.55"' in first  # the target
    assert first.count('stroke="#1f4e79"') >= 3


def pixels(pdf: bytes, page: int = 0):
    return pdfium.PdfDocument(pdf)[page].render(scale=2).to_pil().convert("RGB")


def near(colour, target, slack=40) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, target, strict=True))


def test_a_card_drawn_from_poses_shows_the_figure_target_and_arrow(tmp_path: Path) -> None:
    shutil.copytree(REPO / "handouts" / "exercises", tmp_path / "handouts" / "exercises")
    pdf = handoutgen.build(tmp_path / "handouts" / "exercises" / "squat.yaml", layout="cards-a6")
    image = pixels(pdf)
    colours = image.getcolors(maxcolors=1_000_000)
    navy = sum(n for n, c in colours if near(c, NAVY, 20))
    orange = sum(n for n, c in colours if near(c, ORANGE, 30))
    assert navy > 1500 and orange > 300, (navy, orange)
    assert handoutgen.check(pdf, content=tmp_path / "handouts" / "exercises" / "squat.yaml", layout="cards-a6").ok


def test_a_translation_shares_its_sources_pictures(tmp_path: Path) -> None:
    shutil.copytree(REPO / "handouts" / "exercises", tmp_path / "handouts" / "exercises")
    from handoutgen.resolve.library import load_exercise

    library = tmp_path / "handouts" / "exercises"
    _, start, end = load_exercise(library / "squat.yaml")
    _, start_es, end_es = load_exercise(library / "squat.es.yaml")
    assert (start_es.data, end_es.data) == (start.data, end.data)
    assert start_es.alt.startswith("Una persona") and start.alt.startswith("A person")
    source = library / "squat.yaml"  # a new pose in the source is the translation's new picture
    source.write_text(source.read_text().replace("arm: 172", "arm: 150"), encoding="utf-8")
    assert load_exercise(library / "squat.es.yaml")[1].data != start.data


EXERCISE = """\
exercise: reach
name: Reach
category: mobility
steps: [Reach up.]
images:
  start:
    alt: Standing.
    pose: {pose}
"""


@pytest.mark.parametrize(
    ("pose", "bad", "message"),
    [
        ("{trunk: 400}", "400", "`trunk` is 400; it must be from -360 to 360"),
        ("{near: {arm: up}}", "up", "`arm`: `up` is not a whole number"),
        ("{props: [chiar]}", "chiar", "item 1 of `props` is `chiar`; expected one of"),
        ("{target: [glute]}", "glute", "item 1 of `target` is `glute`"),
        ("{arrow: elbw}", "elbw", "`arrow` is `elbw`"),
        ("{props: [{prop: bench, at: spine}]}", "spine", "`at` is `spine`"),
        ("{view: top}", "top", "`view` is `top`; expected one of `side`, `front`"),
        ("{trunk: 0, legs: 3}", "legs", "unknown key `legs`"),
    ],
)
def test_a_pose_written_wrong_is_said_at_its_place(tmp_path: Path, pose: str, bad: str, message: str) -> None:
    path = write(tmp_path / "reach.yaml", EXERCISE.replace("{pose}", pose))
    result = run("validate", path)
    column = len("    pose: ") + pose.index(bad) + 1
    assert result.exit_code == 2 and f"reach.yaml:8:{column}: error: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_picture_gives_a_pose_or_a_path(tmp_path: Path) -> None:
    shutil.copy(REPO / "tests" / "data" / "figure.svg", tmp_path / "figure.svg")
    both = EXERCISE.replace("{pose}", "{trunk: 0}\n    path: figure.svg")
    result = run("validate", write(tmp_path / "reach.yaml", both))
    assert result.exit_code == 2 and "reach.yaml:7:5: error: a picture is drawn from a `pose`" in result.stderr
    neither = EXERCISE.replace("    pose: {pose}\n", "")
    result = run("validate", write(tmp_path / "reach.yaml", neither))
    assert result.exit_code == 2 and "reach.yaml:7:5: error: this picture has no `pose` and no `path`" in (
        result.stderr
    )
    lonely = neither.replace("exercise: reach", "exercise: reach\nlanguage: es")
    result = run("validate", write(tmp_path / "alone.es.yaml", lonely.replace("exercise: reach", "exercise: alone")))
    assert result.exit_code == 2 and "there is no alone.yaml" in result.stderr
    assert run("validate", write(tmp_path / "reach.yaml", EXERCISE.replace("{pose}", "{trunk: 0}"))).exit_code == 0
    twin = neither.replace("exercise: reach", "exercise: reach\nlanguage: es").replace("Standing.", "De pie.")
    assert run("validate", write(tmp_path / "reach.es.yaml", twin)).exit_code == 0


def test_every_prop_and_target_draws(tmp_path: Path) -> None:
    import typing

    from handoutgen.figures import NoRoomError
    from handoutgen.model.pose import BodyPart, PlacedProp, Prop

    for prop in typing.get_args(Prop):
        for pose in (Pose(props=[prop]), Pose(trunk=270, near=Limbs(thigh=45, shin=137), props=[prop])):
            try:
                svg, _ = pose_pair_svg(pose, None)
            except NoRoomError as error:  # a step under a foot on the floor
                assert (error.prop, prop) == ("step", "step")
                continue
            assert svg.startswith("<svg") and svg.endswith("</svg>\n")
    placed = Pose(trunk=300, props=[PlacedProp("bench", "shoulder")])
    assert "<rect" in pose_pair_svg(placed, None)[0]
    for part in typing.get_args(BodyPart):
        assert "<ellipse" in pose_pair_svg(Pose(target=[part]), None)[0]
        assert "<ellipse" in pose_pair_svg(Pose(view="front", target=[part]), None)[0]


LYING = "{trunk: 90, head: 90, near: {thigh: 90, shin: 90, arm: 90}, props: "


@pytest.mark.parametrize(
    ("pose", "at", "prop", "joint", "hint"),
    [
        (LYING + "[chair]}", "[chair]", "chair", "hip", "put the chair under another joint (`at:`)"),
        (LYING + "[mat, bench]}", "[mat, bench]", "bench", "hip", "put the bench under another joint"),
        (LYING + "[mat, {prop: bench, at: shoulder}]}", "bench, at", "bench", "shoulder", "lift the figure"),
        ("{props: [step]}", "[step]", "step", "ankle", "bend the leg so that it is off the floor"),
    ],
)
def test_a_prop_with_no_room_under_its_joint_is_an_error_not_a_picture_without_it(
    tmp_path: Path, pose: str, at: str, prop: str, joint: str, hint: str
) -> None:
    path = write(tmp_path / "reach.yaml", EXERCISE.replace("{pose}", pose))
    result = run("validate", path)
    column = len("    pose: ") + pose.index(at) + 1  # the prop named with its joint, else the list
    said = f"reach.yaml:8:{column}: error: the start picture's {prop} has no room under the {joint}"
    assert result.exit_code == 2 and said in result.stderr, result.stderr
    assert hint in result.stderr and "Traceback" not in result.stderr


def test_a_roller_pressed_flat_under_a_knee_is_still_drawn() -> None:
    """The quad set presses the knee down into a rolled towel: the end picture shows the towel too."""
    from handoutgen.figures.style import PROP
    from handoutgen.resolve.library import load_exercise

    _, start, end = load_exercise(REPO / "handouts" / "exercises" / "quad-set.yaml")
    assert f'fill="{PROP}"' in start.data.decode() and f'fill="{PROP}"' in end.data.decode()


def test_an_end_picture_that_cannot_have_its_arrow_says_so(tmp_path: Path) -> None:
    """A clinic's own photo as the start picture leaves the drawn end picture's arrow nothing to
    run from: the end is drawn without it, and every build that shows it warns at the arrow."""
    import re

    from conftest import FIGURE, copy_examples, use_picture_file

    copy_examples(tmp_path)
    shutil.copy(FIGURE, tmp_path / "handouts" / "figure.svg")
    squat = tmp_path / "handouts" / "exercises" / "squat.yaml"
    use_picture_file(squat, "start", "../figure.svg")
    line, text = next((n, t) for n, t in enumerate(squat.read_text().splitlines(), 1) if "arrow:" in t)
    said = f"squat.yaml:{line}:{text.index('arrow:') + len('arrow: ') + 1}: warning: the end picture is drawn without"
    handouts = tmp_path / "handouts"
    for source in (
        squat,
        handouts / "glute-soreness.yaml",
        squat.with_suffix(".es.yaml"),
        handouts / "glute-soreness.es.yaml",
    ):
        result = run("build", source, "-o", tmp_path / "out")  # a translation shares the picture, and says so too
        assert result.exit_code == 0 and said in result.stderr, (source, result.stderr)
        assert "hint: draw the start picture from a pose too" in result.stderr
    twin = squat.with_suffix(".es.yaml")  # a translation that draws its own end keeps the shared start
    end_pose = "    pose: {trunk: 38, near: {thigh: 98, shin: 204, arm: 92}, target: [glutes], arrow: hip}"
    text, drawn = re.subn(
        r"(?m)^  end: \{alt: (.*)\}$", lambda m: f"  end:\n    alt: {m[1]}\n{end_pose}", twin.read_text()
    )
    assert drawn == 1
    twin.write_text(text)
    line = text.splitlines().index(end_pose) + 1
    result = run("build", twin, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert f"squat.es.yaml:{line}:87: warning: the end picture is drawn without its arrow" in result.stderr
    assert "the start picture is shared, not drawn here" in result.stderr
