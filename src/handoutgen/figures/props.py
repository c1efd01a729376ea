"""Props drawn where the pose puts them: what the body rests on fills the room between that
joint and the floor; a wall touches the body; what the hands hold is at the hand."""

from __future__ import annotations

from ..model.pose import PlacedProp, Pose
from .skeleton import Point, Skeleton
from .style import BAND, PROP, PROP_EDGE, Canvas

GROUND = 152.0  # the top of the floor line
MAT = 5.0
BEHIND = {"mat", "chair", "bench", "step", "wall", "roller", "ball", "cone"}
DEFAULT_AT = {
    "chair": "hip",
    "bench": "hip",
    "roller": "hip",
    "ball": "hip",
    "step": "ankle",
    "weights": "hand",
    "towel": "hand",
    "band-knees": "knee",
    "band-ankles": "ankle",
    "band-hands": "hand",
}


class NoRoomError(Exception):
    """A prop the body should rest on has no room under its joint: the joint is on the floor."""

    def __init__(self, prop: str, joint: str, item: object = None) -> None:
        super().__init__(f"the {prop} has no room under the {joint}: the {joint} is on the floor")
        self.prop, self.joint, self.item = prop, joint, item  # item: as the pose lists it
        self.pose: object = None  # the pose being drawn, set by the drawing


def prop_name(prop: str | PlacedProp) -> str:
    return str(prop.prop) if isinstance(prop, PlacedProp) else str(prop)


def draw_props(canvas: Canvas, pose: Pose, body: Skeleton, ground: float, behind: bool) -> None:
    """The props drawn behind the figure (`behind`) or over it."""
    for prop in pose.props:
        name = prop_name(prop)
        if (name in BEHIND) != behind:
            continue
        at = str(prop.at) if isinstance(prop, PlacedProp) else DEFAULT_AT.get(name)
        joint = body.joint(at) if at else None
        if _DRAW[name](canvas, body, joint, ground) is False:
            raise NoRoomError(name, at or "body", prop)


def _reach(body: Skeleton) -> tuple[float, float]:
    xs = [p[0] + sign * r for p, r in body.points() for sign in (-1, 1)]
    return min(xs), max(xs)


def _mat(canvas: Canvas, body: Skeleton, joint, ground: float) -> None:
    left, right = _reach(body)
    canvas.rect(left - 4, GROUND - MAT, right - left + 8, MAT, "#d5dde5", 2)


def _seat(
    canvas: Canvas, body: Skeleton, joint: Point, ground: float, front: float, back: float, deep: float, rest: bool
) -> bool:
    s = canvas.scale
    top = joint[1] + 6 * s
    forward = 1 if body.near.knee[0] >= joint[0] else -1  # the seat's front is under the thighs
    x1, x2 = sorted((joint[0] - forward * back * s, joint[0] + forward * front * s))
    if ground - top < 4:
        return False
    canvas.rect(x1, top, x2 - x1, deep * s, PROP, 2)
    for x in (x1 + 3 * s, x2 - 3 * s):
        canvas.line((x, top + deep * s), (x, ground), PROP_EDGE, 4)
    if rest:
        x = x1 if forward == 1 else x2
        canvas.line((x, top), (x, top - 40 * s), PROP_EDGE, 5)
    return True


def _chair(canvas, body, joint, ground) -> bool:
    return _seat(canvas, body, joint, ground, 16, 14, 5, True)


def _bench(canvas, body, joint, ground) -> bool:
    return _seat(canvas, body, joint, ground, 24, 24, 9, False)


def _step(canvas: Canvas, body: Skeleton, joint: Point, ground: float) -> bool:
    s = canvas.scale
    side = body.near if joint in (body.near.ankle, body.near.toes) else body.far
    top = max(side.ankle[1], side.toes[1]) + 6 * s
    if ground - top < 4:
        return False
    left, right = sorted((side.ankle[0], side.toes[0]))
    canvas.rect(left - 12 * s, top, right - left + 24 * s, ground - top, PROP, 2)
    return True


def _under(canvas: Canvas, body: Skeleton, joint: Point, ground: float, ball: bool) -> None:
    """A roller or ball filling the room between a joint and the floor; pressed flat, it shows
    on either side of a joint pushed down on to it."""
    top = joint[1] + 6 * canvas.scale
    room = ground - top
    if room < 6:
        _pressed(canvas, joint, ground)
        return
    radius = room / 2
    centre = (joint[0], top + radius)
    canvas.circle(centre, radius / canvas.scale, PROP, PROP_EDGE)
    if ball:  # a seam, so that it reads as a ball and not a roller end-on
        x, y, r = centre[0], centre[1], radius
        canvas.raw(
            f'<path d="M{x - r * 0.6:.1f},{y - r * 0.2:.1f} Q{x:.1f},{y + r * 0.5:.1f} '
            f'{x + r * 0.6:.1f},{y - r * 0.2:.1f}" '
            f'fill="none" stroke="{PROP_EDGE}" stroke-width="1.5"/>'
        )


def _pressed(canvas: Canvas, joint: Point, ground: float) -> None:
    s = canvas.scale
    height = 5.0
    canvas.raw(
        f'<ellipse cx="{joint[0]:.1f}" cy="{ground - height / 2:.1f}" rx="{13 * s:.1f}" ry="{height / 2:.1f}" '
        f'fill="{PROP}" stroke="{PROP_EDGE}" stroke-width="2"/>'
    )


def _roller(canvas, body, joint, ground) -> None:
    _under(canvas, body, joint, ground, False)


def _ball(canvas, body, joint, ground) -> None:
    _under(canvas, body, joint, ground, True)


def _wall(canvas: Canvas, body: Skeleton, joint: Point | None, ground: float) -> None:
    left, right = _reach(body)
    x = left - 2 if joint is None else joint[0] + (6 if joint[0] > (left + right) / 2 else -6) * canvas.scale
    canvas.line((x, 10), (x, GROUND + 2), PROP_EDGE, 5, scaled=False)


def _cone(canvas: Canvas, body: Skeleton, joint, ground: float) -> None:
    _, right = _reach(body)
    x = min(right + 22, canvas.width - 16)
    canvas.raw(
        f'<polygon points="{x - 9:.1f},{GROUND:.1f} {x + 9:.1f},{GROUND:.1f} {x:.1f},{GROUND - 20:.1f}" '
        f'fill="{PROP}" stroke="{PROP_EDGE}" stroke-width="1.5"/>'
    )


def _band_loop(canvas: Canvas, body: Skeleton, joint: Point, ground: float) -> None:
    if body.view == "front":
        far = body.far.knee if joint == body.near.knee else body.far.ankle
        canvas.line(joint, far, BAND, 4)
        return
    s = canvas.scale
    canvas.raw(
        f'<ellipse cx="{joint[0]:.1f}" cy="{joint[1]:.1f}" rx="{9 * s:.1f}" ry="{6 * s:.1f}" fill="none" '
        f'stroke="{BAND}" stroke-width="3"/>'
    )


def _band_hands(canvas: Canvas, body: Skeleton, joint: Point, ground: float) -> None:
    canvas.line(joint, body.near.toes if joint == body.near.hand else body.far.toes, BAND, 3, scaled=False)


def _held(canvas: Canvas, body: Skeleton, joint: Point, ground: float, weights: bool) -> None:
    s = canvas.scale
    if weights:
        canvas.line((joint[0] - 8 * s, joint[1]), (joint[0] + 8 * s, joint[1]), "#5b6770", 5)
        for dx in (-8, 8):
            canvas.line((joint[0] + dx * s, joint[1] - 5 * s), (joint[0] + dx * s, joint[1] + 5 * s), "#5b6770", 6)
    else:
        canvas.rect(joint[0] - 9 * s, joint[1] - 4 * s, 18 * s, 8 * s, "#e3e8ed", 3)


_DRAW = {
    "mat": _mat,
    "chair": _chair,
    "bench": _bench,
    "step": _step,
    "roller": _roller,
    "ball": _ball,
    "wall": _wall,
    "cone": _cone,
    "band-knees": _band_loop,
    "band-ankles": _band_loop,
    "band-hands": _band_hands,
    "weights": lambda canvas, body, joint, ground: _held(canvas, body, joint, ground, True),
    "towel": lambda canvas, body, joint, ground: _held(canvas, body, joint, ground, False),
}
