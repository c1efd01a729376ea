"""The end picture's motion arrow: from where a joint starts to where it ends.

A joint that swings about one that stays put (a knee about the hip, a hand about the shoulder)
gets an arc around that pivot, just outside the limb's path; one that moves on its own (the
hips in a squat) gets a curve set off to the side away from the body.
"""

from __future__ import annotations

import math

from .skeleton import Point, Skeleton
from .style import ORANGE, Canvas, _xy

MIN_ARROW = 34.0
ARROW_OFFSET = 20.0
MIN_SWING = 28.0  # degrees: a smaller swing gets an arc this long, about its middle
PIVOTS = {
    "knee": ("hip",),
    "ankle": ("knee", "hip"),
    "foot": ("knee", "hip"),
    "elbow": ("shoulder",),
    "hand": ("elbow", "shoulder"),
    "head": ("shoulder", "hip"),
    "shoulder": ("hip",),
    "far-knee": ("hip",),
    "far-foot": ("far-knee", "hip"),
    "far-hand": ("far-elbow", "shoulder"),
}
STILL = 6.0  # a pivot that moved less than this stayed put


def motion_arrow(canvas: Canvas, joint: str, start: Skeleton, end: Skeleton) -> None:
    a, b = start.joint(joint), end.joint(joint)
    if math.hypot(b[0] - a[0], b[1] - a[1]) < 3:
        return
    for pivot in PIVOTS.get(joint, ()):
        centre, moved = end.joint(pivot), start.joint(pivot)
        near, far = sorted((_distance(a, centre), _distance(b, centre)))
        if _distance(centre, moved) < STILL and far - near < 0.25 * far:  # a swing, not a slide
            for radius in (far + 12 * canvas.scale, near - 12 * canvas.scale):
                points = _swing(centre, a, b, radius)
                if radius > 10 and all(_in_box(canvas, p) for p in points):
                    _draw_swing(canvas, points)
                    return
            break
    arrow(canvas, a, b, _centre(end))


def _swing(centre: Point, start: Point, end: Point, radius: float) -> list[Point]:
    """Points of an arc about `centre` at `radius`, from the angle of `start` to that of `end`
    (the short way round), less room for the arrowhead."""
    first = math.atan2(start[1] - centre[1], start[0] - centre[0])
    last = math.atan2(end[1] - centre[1], end[0] - centre[0])
    sweep = (last - first + math.pi) % (2 * math.pi) - math.pi
    least = math.radians(MIN_SWING)
    if abs(sweep) < least:
        first -= (least - abs(sweep)) / 2 * math.copysign(1, sweep)
        sweep = math.copysign(least, sweep)
    steps = max(6, int(abs(sweep) / math.radians(6)))
    span = sweep - math.radians(6) * math.copysign(1, sweep)
    return [
        (
            centre[0] + radius * math.cos(first + span * i / steps),
            centre[1] + radius * math.sin(first + span * i / steps),
        )
        for i in range(steps + 1)
    ]


def _draw_swing(canvas: Canvas, points: list[Point]) -> None:
    canvas.raw(
        f'<polyline points="{" ".join(_xy(p) for p in points)}" fill="none" stroke="{ORANGE}" stroke-width="4" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )
    _head(canvas, points[-2], points[-1])


FLOOR = 148.0  # an arrow stays above the floor line


def _in_box(canvas: Canvas, point: Point) -> bool:
    return 6 <= point[0] <= canvas.width - 6 and 6 <= point[1] <= FLOOR


def _head(canvas: Canvas, before: Point, at: Point) -> None:
    tx, ty = at[0] - before[0], at[1] - before[1]
    length = math.hypot(tx, ty) or 1
    tx, ty = tx / length, ty / length
    tip = (at[0] + tx * 8, at[1] + ty * 8)
    left, right = (at[0] - ty * 5, at[1] + tx * 5), (at[0] + ty * 5, at[1] - tx * 5)
    canvas.raw(f'<polygon points="{_xy(tip)} {_xy(left)} {_xy(right)}" fill="{ORANGE}"/>')


def _centre(body: Skeleton) -> Point:
    points = [p for p, _ in body.points()]
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def arrow(canvas: Canvas, start: Point, end: Point, away_from: Point) -> None:
    """A curved arrow from `start` to `end`, set off to the side away from the body (the other
    side when that one runs off the picture)."""
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    if length < 3:
        return
    if length < MIN_ARROW:  # a short move gets an arrow long enough to read, about its middle
        grow = (MIN_ARROW - length) / 2 / length
        dx, dy = end[0] - start[0], end[1] - start[1]
        start, end = (start[0] - dx * grow, start[1] - dy * grow), (end[0] + dx * grow, end[1] + dy * grow)
    arcs = sorted((_arc(canvas, start, end, sign) for sign in (1, -1)), key=lambda arc: -_distance(arc[2], away_from))
    a, b, c = next((arc for arc in arcs if _inside(canvas, arc)), None) or tuple(_clamped(canvas, p) for p in arcs[0])
    canvas.raw(
        f'<path d="M{_xy(a)} Q{_xy(c)} {_xy(b)}" fill="none" stroke="{ORANGE}" stroke-width="4" '
        'stroke-linecap="round"/>'
    )
    _head(canvas, c, b)


def _arc(canvas: Canvas, start: Point, end: Point, sign: int) -> tuple[Point, Point, Point]:
    """The arrow's start, end and curve control point, set off to one side of start→end."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    nx, ny = -uy * sign, ux * sign
    off = ARROW_OFFSET * canvas.scale
    a = (start[0] + nx * off + ux * 4, start[1] + ny * off + uy * 4)
    b = (end[0] + nx * off - ux * 6, end[1] + ny * off - uy * 6)
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    c = (mid[0] + nx * (off + 0.3 * length), mid[1] + ny * (off + 0.3 * length))
    return a, b, c


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _inside(canvas: Canvas, arc: tuple[Point, Point, Point]) -> bool:
    return all(_in_box(canvas, p) for p in arc)


def _clamped(canvas: Canvas, point: Point) -> Point:
    """`point` moved into the picture, above the floor (no side had room for the whole arrow)."""
    return min(max(point[0], 14), canvas.width - 14), min(max(point[1], 14), FLOOR)
