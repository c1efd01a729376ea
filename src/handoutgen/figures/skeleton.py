"""Where the standard figure's joints are for a pose, in picture units (y grows downwards)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.pose import Limbs, Pose

TRUNK, NECK, HEAD_RADIUS = 45.0, 19.0, 11.0
ARM, FOREARM, THIGH, SHIN, FOOT = 26.0, 24.0, 34.0, 33.0, 12.0
HALF_HIPS, HALF_SHOULDERS = 8.0, 13.0  # front view: the joints either side of the middle
STANDING = Limbs(arm=180, forearm=180, thigh=180, shin=180, foot=90)

Point = tuple[float, float]


def toward(start: Point, degrees: float, length: float) -> Point:
    """The point `length` from `start` in a picture direction (0 up, 90 right, clockwise)."""
    radians = math.radians(degrees)
    return start[0] + length * math.sin(radians), start[1] - length * math.cos(radians)


@dataclass(frozen=True)
class Side:
    shoulder: Point
    elbow: Point
    hand: Point
    hip: Point
    knee: Point
    ankle: Point
    toes: Point

    def joints(self) -> tuple[Point, ...]:
        return self.shoulder, self.elbow, self.hand, self.hip, self.knee, self.ankle, self.toes


@dataclass(frozen=True)
class Skeleton:
    view: str
    pelvis: Point  # the middle of the hips
    neck: Point  # the middle of the shoulders
    head: Point
    near: Side
    far: Side

    def points(self) -> list[tuple[Point, float]]:
        """Every point drawn with how far the drawing reaches around it."""
        reach = [(self.head, HEAD_RADIUS)]
        for side in (self.near, self.far):
            reach += [(p, 6.0) for p in side.joints()]
        return reach

    def joint(self, name: str) -> Point:
        """A joint by the name poses use: `hip`, `knee`, `far-foot`, `head`..."""
        if name == "head":
            return self.head
        side = self.far if name.startswith("far-") else self.near
        part = name.removeprefix("far-")
        return {"foot": side.toes, "hand": side.hand}.get(part) or getattr(side, part)

    def moved(self, dx: float, dy: float) -> Skeleton:
        def shift(p: Point) -> Point:
            return p[0] + dx, p[1] + dy

        return self.mapped(shift)

    def mapped(self, place) -> Skeleton:
        """Every point of the skeleton put through `place`."""
        near, far = (Side(*(place(p) for p in s.joints())) for s in (self.near, self.far))
        return Skeleton(self.view, place(self.pelvis), place(self.neck), place(self.head), near, far)


def skeleton(pose: Pose) -> Skeleton:
    """The joints of `pose` with the middle of the hips at (0, 0)."""
    pelvis = (0.0, 0.0)
    neck = toward(pelvis, pose.trunk, TRUNK)
    head = toward(neck, pose.head if pose.head is not None else pose.trunk, NECK)
    near = _limbs(pose.near, STANDING)
    far = _limbs(pose.far, near if pose.view == "side" else _mirrored(near), mirrored=pose.view == "front")
    if pose.view == "front":
        across = pose.trunk + 90
        return Skeleton(
            "front",
            pelvis,
            neck,
            head,
            _side(near, toward(neck, across, HALF_SHOULDERS), toward(pelvis, across, HALF_HIPS)),
            _side(far, toward(neck, across, -HALF_SHOULDERS), toward(pelvis, across, -HALF_HIPS)),
        )
    return Skeleton("side", pelvis, neck, head, _side(near, neck, pelvis), _side(far, neck, pelvis))


def _limbs(given: Limbs, default: Limbs, mirrored: bool = False) -> Limbs:
    """Each part given, else what follows from the part above it, else the default's."""
    arm = given.arm if given.arm is not None else default.arm
    thigh = given.thigh if given.thigh is not None else default.thigh
    forearm = given.forearm if given.forearm is not None else (arm if given.arm is not None else default.forearm)
    shin = given.shin if given.shin is not None else (thigh if given.thigh is not None else default.shin)
    foot = given.foot if given.foot is not None else (
        (shin + 90 if mirrored else shin - 90) if given.shin is not None or given.thigh is not None else default.foot
    )  # fmt: skip
    return Limbs(arm, forearm, thigh, shin, foot)


def _mirrored(limbs: Limbs) -> Limbs:
    return Limbs(*(None if a is None else -a for a in (limbs.arm, limbs.forearm, limbs.thigh, limbs.shin, limbs.foot)))


def _side(limbs: Limbs, shoulder: Point, hip: Point) -> Side:
    elbow = toward(shoulder, limbs.arm, ARM)
    hand = toward(elbow, limbs.forearm, FOREARM)
    knee = toward(hip, limbs.thigh, THIGH)
    ankle = toward(knee, limbs.shin, SHIN)
    toes = toward(ankle, limbs.foot, FOOT)
    return Side(shoulder, elbow, hand, hip, knee, ankle, toes)
