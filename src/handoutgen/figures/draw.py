"""A start and an end pose drawn as two SVG pictures in one frame, so that the figure's feet
(or whatever stays put) are in the same place in both and the end's arrow runs from where the
moving joint started to where it ends."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.pose import Pose
from .arrows import motion_arrow
from .props import GROUND, MAT, NoRoomError, draw_props, prop_name
from .skeleton import Point, Skeleton, skeleton
from .style import FAR, NAVY, Canvas, ellipse_on, polyline
from .targets import target_shapes

WIDTH, HEIGHT, MARGIN = 240.0, 160.0, 8.0
TOP = 6.0  # room above the head


@dataclass(frozen=True)
class Placed:
    """A pose's skeleton moved and scaled into the picture, with its ground line."""

    pose: Pose
    body: Skeleton
    ground: float
    scale: float


def pose_pair_svg(start: Pose | None, end: Pose | None) -> tuple[str | None, str | None]:
    """The SVG of each pose given; both share one scale and anchor when both are given."""
    poses = [p for p in (start, end) if p is not None]
    placed = _place(poses)
    by_pose = dict(zip((id(p) for p in poses), placed, strict=True))
    first = by_pose.get(id(start)) if start is not None else None
    return (
        _svg(first, None) if first is not None else None,
        _svg(by_pose[id(end)], first) if end is not None else None,
    )


def _ground(pose: Pose) -> float:
    return GROUND - MAT if "mat" in {prop_name(p) for p in pose.props} else GROUND


def _place(poses: list[Pose]) -> list[Placed]:
    bodies = [skeleton(p) for p in poses]
    # Rest each on its ground, then line up the joint both keep still (the feet, most often).
    rested = [b.moved(0, _ground(p) - p.off_floor - _lowest(b)) for p, b in zip(poses, bodies, strict=True)]
    moving = next((str(p.arrow) for p in poses if p.arrow), None)
    anchor = _anchor(rested, moving)
    if anchor is not None:
        x = rested[0].joint(anchor)[0]
        rested = [b.moved(x - b.joint(anchor)[0], 0) for b in rested]
    left = min(p[0] - r for b in rested for p, r in b.points())
    right = max(p[0] + r for b in rested for p, r in b.points())
    top = min(p[1] - r for b in rested for p, r in b.points())
    scale = min(1.0, (WIDTH - 2 * MARGIN) / (right - left), (GROUND - TOP) / (GROUND - top))
    middle = (left + right) / 2
    placed = []
    for pose, body in zip(poses, rested, strict=True):
        ground = _ground(pose)
        fitted = _scaled(body, scale, middle, ground)
        placed.append(Placed(pose, fitted, ground, scale))
    return placed


def _lowest(body: Skeleton) -> float:
    """The lowest the drawing reaches, the head counted as a limb: lying down, the head rests
    on the floor with the trunk, not the trunk above the floor on the head."""
    return max(p[1] + min(r, 6.0) for p, r in body.points())


def _anchor(bodies: list[Skeleton], moving: str | None = None) -> str | None:
    """The joint that rests on the ground in every pose, the body's middle first: lying, the hips
    or shoulders stay put while a leg moves; standing, the feet do."""
    if len(bodies) < 2:
        return None
    for joint in ("hip", "shoulder", "head", "ankle", "foot", "far-foot", "hand", "knee"):
        if joint == moving or joint.removeprefix("far-") == moving:
            continue  # the joint the arrow follows is the one that moves
        if all(abs(b.joint(joint)[1] + 6 - _lowest(b)) < 4 for b in bodies):
            return joint
    return "hip"


def _scaled(body: Skeleton, scale: float, middle: float, ground: float) -> Skeleton:
    """`body` scaled about its resting point and centred across the picture."""

    def place(p: Point) -> Point:
        return WIDTH / 2 + (p[0] - middle) * scale, ground - (ground - p[1]) * scale

    return body.mapped(place)


def _svg(placed: Placed, start: Placed | None) -> str:
    try:
        return _drawn(placed, start)
    except NoRoomError as error:
        error.pose = placed.pose  # which of the two pictures
        raise


def _drawn(placed: Placed, start: Placed | None) -> str:
    canvas = Canvas(WIDTH, HEIGHT, placed.scale)
    canvas.line((MARGIN, GROUND + 2), (WIDTH - MARGIN, GROUND + 2), "#b8c4ce", 4, scaled=False)
    body, pose = placed.body, placed.pose
    draw_props(canvas, pose, body, placed.ground, behind=True)
    front = body.view == "front"
    _limbs(canvas, body.far, NAVY if front else FAR)
    if not front:  # from the side the highlight sits behind the near limbs, as a halo
        _targets(canvas, pose, body)
    _trunk(canvas, body)
    _limbs(canvas, body.near, NAVY)
    if front:  # facing the reader every limb is dark: the highlight goes over them
        _targets(canvas, pose, body)
    draw_props(canvas, pose, body, placed.ground, behind=False)
    if start is not None and pose.arrow is not None:
        motion_arrow(canvas, str(pose.arrow), start.body, body)
    return canvas.svg()


def _targets(canvas: Canvas, pose: Pose, body: Skeleton) -> None:
    for centre, angle, size in target_shapes(pose.target, body):
        ellipse_on(canvas, centre, angle, size)


def _trunk(canvas: Canvas, body: Skeleton) -> None:
    if body.view == "front":
        canvas.line(body.near.hip, body.far.hip, NAVY, 12)
        canvas.line(body.near.shoulder, body.far.shoulder, NAVY, 12)
    canvas.line(body.pelvis, body.neck, NAVY, 12)
    canvas.circle(body.head, 11, NAVY)


def _limbs(canvas: Canvas, side, colour: str) -> None:
    polyline(canvas, [side.hip, side.knee, side.ankle, side.toes], colour, 12)
    polyline(canvas, [side.shoulder, side.elbow, side.hand], colour, 12)
