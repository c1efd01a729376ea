"""A pose: the standard figure's body parts as directions in the picture, plus props.

Every direction is in degrees, clockwise from straight up, in the picture as printed: 0 points
up, 90 right, 180 down, 270 (or -90) left. The figure faces right in a side view, so a
standing figure is `trunk: 0`, its arms and legs 180 and its feet 90.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Where
from .types import doc, where_field

ANGLE = {"minimum": -360, "maximum": 360}

Prop = Literal[
    "mat", "chair", "bench", "step", "wall", "band-knees", "band-ankles", "band-hands", "roller", "ball",
    "towel", "weights", "cone",
]  # fmt: skip
BodyPart = Literal[
    "glutes", "hip", "front-of-thigh", "back-of-thigh", "inner-thigh", "knee", "calf", "ankle", "foot",
    "lower-back", "upper-back", "core", "chest", "shoulder", "neck",
]  # fmt: skip
Joint = Literal["hip", "knee", "ankle", "foot", "shoulder", "elbow", "hand", "head", "far-knee", "far-foot", "far-hand"]


@dataclass(frozen=True)
class Limbs:
    """One side's arm and leg, each part a direction in the picture."""

    arm: int | None = field(default=None, metadata=doc("Upper arm, shoulder to elbow.", **ANGLE))
    forearm: int | None = field(default=None, metadata=doc("Forearm, elbow to hand (default: as the arm).", **ANGLE))
    thigh: int | None = field(default=None, metadata=doc("Thigh, hip to knee.", **ANGLE))
    shin: int | None = field(default=None, metadata=doc("Shin, knee to ankle (default: as the thigh).", **ANGLE))
    foot: int | None = field(default=None, metadata=doc("Foot, heel to toes (default: the shin turned 90°).", **ANGLE))
    where: Where | None = where_field()


@dataclass(frozen=True)
class PlacedProp:
    prop: Prop = field(metadata=doc("The prop."))
    at: Joint = field(
        metadata=doc(
            "The joint it goes with: what rests on a chair, bench, step, ball or roller; what touches the wall; "
            "the hand that holds weights or a towel; where a band is tied."
        )
    )
    where: Where | None = where_field()


@dataclass(frozen=True)
class Pose:
    view: Literal["side", "front"] = field(
        default="side", metadata=doc("`side`: the figure faces right; `front`: it faces the reader.")
    )
    trunk: int = field(
        default=0, metadata=doc("The trunk, hips to shoulders: 0 upright, 90 lying face right.", **ANGLE)
    )
    head: int | None = field(default=None, metadata=doc("Shoulders to head (default: as the trunk).", **ANGLE))
    near: Limbs = field(
        default_factory=Limbs,
        metadata=doc("The arm and leg nearer the reader, drawn dark (default: hanging, standing)."),
    )
    far: Limbs = field(
        default_factory=Limbs,
        metadata=doc(
            "The other arm and leg, drawn lighter behind (default: as the near ones; mirrored in front view)."
        ),
    )
    props: list[Prop | PlacedProp] = field(
        default_factory=list,
        metadata=doc(
            "What the figure uses, placed from the pose: a mat under it, a chair, bench, step, ball or roller in "
            "the room under the hips or feet, a wall behind it or at its hands, a band round the knees, ankles "
            "or from the hands, a towel or weights in the hands, a cone ahead; `{prop: bench, at: shoulder}` "
            "places one at another joint.",
            max_items=4,
        ),
    )
    target: list[BodyPart] = field(
        default_factory=list, metadata=doc("The part the exercise works, highlighted.", max_items=3)
    )
    off_floor: int = field(
        default=0,
        metadata=doc(
            "For a hop or a skip: how far the figure is off the floor (its head is about 150).", minimum=0, maximum=40
        ),
    )
    arrow: Joint | None = field(
        default=None,
        metadata=doc("On the end picture: an arrow from where this joint is at the start to where it ends."),
    )
    where: Where | None = where_field()
