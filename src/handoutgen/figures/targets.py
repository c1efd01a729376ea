"""Where the highlight of each body part sits on the figure, and along which direction."""

from __future__ import annotations

import math

from .skeleton import Point, Skeleton

Shape = tuple[Point, float, tuple[float, float]]  # centre, direction in picture degrees, (rx, ry)


def _direction(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[0] - a[0], a[1] - b[1]))


def _along(a: Point, b: Point, share: float) -> Point:
    return a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share


def _off(p: Point, a: Point, b: Point, amount: float, leg: bool) -> Point:
    """`p` moved `amount` to the front of the part a→b (negative: to its back). The front of
    the trunk is to its right as it points up; the front of a leg, to its left as it points down."""
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1
    dx, dy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    nx, ny = (dy, -dx) if leg else (-dy, dx)
    return p[0] + nx * amount, p[1] + ny * amount


def target_shapes(parts, body: Skeleton) -> list[Shape]:
    side_view = body.view == "side"
    depth = 1.0 if side_view else 0.0  # in front view, front and back are the same place
    near = body.near
    trunk = (body.pelvis, body.neck)
    thigh, shin = (near.hip, near.knee), (near.knee, near.ankle)
    shapes: dict[str, Shape] = {
        "glutes": (_off(body.pelvis, *trunk, -6 * depth, False), _direction(*trunk), (15, 11)),
        "hip": (near.hip, _direction(*thigh), (12, 10)),
        "front-of-thigh": (_off(_along(*thigh, 0.5), *thigh, 4 * depth, True), _direction(*thigh), (17, 9)),
        "back-of-thigh": (_off(_along(*thigh, 0.5), *thigh, -4 * depth, True), _direction(*thigh), (17, 9)),
        "inner-thigh": (_along(*thigh, 0.55), _direction(*thigh), (16, 9)),
        "knee": (near.knee, _direction(*thigh), (11, 9)),
        "calf": (_off(_along(*shin, 0.4), *shin, -4 * depth, True), _direction(*shin), (15, 9)),
        "ankle": (near.ankle, _direction(*shin), (10, 9)),
        "foot": (_along(near.ankle, near.toes, 0.5), _direction(near.ankle, near.toes), (11, 8)),
        "lower-back": (_off(_along(*trunk, 0.25), *trunk, -5 * depth, False), _direction(*trunk), (14, 10)),
        "upper-back": (_off(_along(*trunk, 0.72), *trunk, -5 * depth, False), _direction(*trunk), (15, 10)),
        "core": (_off(_along(*trunk, 0.4), *trunk, 5 * depth, False), _direction(*trunk), (14, 10)),
        "chest": (_off(_along(*trunk, 0.75), *trunk, 5 * depth, False), _direction(*trunk), (13, 10)),
        "shoulder": (near.shoulder, _direction(near.shoulder, near.elbow), (11, 10)),
        "neck": (_along(body.neck, body.head, 0.35), _direction(body.neck, body.head), (10, 8)),
    }
    if not side_view and "inner-thigh" in parts:  # both legs, facing the reader
        return [shapes[p] for p in parts] + [
            (_along(body.far.hip, body.far.knee, 0.55), _direction(body.far.hip, body.far.knee), (16, 9))
        ]
    return [shapes[p] for p in parts]
