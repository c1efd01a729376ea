"""What each part of a document prints: one statement for both editions and the check.

A view holds every text a part prints, in the order a reader meets it: user text as `Text`
(Markdown) or `Plain`, the tool's own words as `Label`. The PDF and HTML renderers draw from
these views, and the check expects every word of them (text/printed.printed_texts walks them),
so a part added here is drawn and checked, or the tests fail. Fields that are not printed
(ids, addresses behind a QR code, picture files) say so with `printed=False`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import Where
from .picture import Picture
from .types import Label, Plain, Text

HIDDEN = {"printed": False}


@dataclass(frozen=True)
class Captioned:
    """A label and its text: "Take care: Stop if it hurts"."""

    label: Label
    text: Text


@dataclass(frozen=True)
class Facts:
    """A label and a short list: "Works: glutes, hips"."""

    label: Label
    items: tuple[Text, ...]


@dataclass(frozen=True)
class PictureView:
    picture: Picture = field(metadata=HIDDEN)
    caption: Label | Text | None = None


@dataclass(frozen=True)
class ListView:
    """A boxed list under a heading: the key points, the goals."""

    heading: Label
    items: tuple[Text, ...]


@dataclass(frozen=True)
class PanelView:
    """An exercise as a panel (handouts, detailed programmes) or a compact programme row."""

    ident: str = field(metadata=HIDDEN)
    name: Text
    dose: Label | None
    pictures: tuple[PictureView, ...]
    steps: tuple[Text, ...]
    caution: Captioned | None = None
    note: Captioned | None = None
    where: Where | None = field(default=None, metadata=HIDDEN, compare=False)


@dataclass(frozen=True)
class CalloutView:
    tone: str = field(metadata=HIDDEN)
    heading: Label | Text
    text: Text


@dataclass(frozen=True)
class ImageView:
    picture: PictureView
    width: float | None = field(default=None, metadata=HIDDEN)


@dataclass(frozen=True)
class QrView:
    url: str = field(metadata=HIDDEN)
    label: Text
    scan: Label  # "Scan or visit"
    address: Label  # the address printed beside the code


@dataclass(frozen=True)
class BlockView:
    """A handout block. `body` by kind: text Text; bullets tuple[Text]; steps tuple[Step];
    faq tuple[FaqItem]; callout CalloutView; image ImageView; qr QrView; table Table;
    exercises tuple[PanelView]; checklist tuple[Text]; log LogView."""

    kind: str = field(metadata=HIDDEN)
    body: Any
    where: Where | None = field(default=None, metadata=HIDDEN, compare=False)


@dataclass(frozen=True)
class SectionView:
    title: Text
    blocks: tuple[BlockView, ...]
    key: str = field(metadata=HIDDEN)  # bookmark and anchor name


@dataclass(frozen=True)
class HandoutView:
    title: Text
    subtitle: Text | None
    summary: ListView | None
    sections: tuple[SectionView, ...]
    disclaimer: Text | None = None
    key: str = field(default="", metadata=HIDDEN)
    reviewed: Label | None = None  # printed under the title when the pages' footers do not say it


@dataclass(frozen=True)
class Detail:
    label: Label
    value: Plain | Label


@dataclass(frozen=True)
class LogView:
    """The tick-box log: a table per week, a row per exercise (or per thing to do), a column per day."""

    heading: Label | Text
    hint: Label
    weeks: tuple[Label, ...]
    days: tuple[Label, ...]
    rows: tuple[Text, ...]  # exercise names


@dataclass(frozen=True)
class PlanRow:
    weeks: Label  # "Weeks 1–2"
    phase: Label  # "Phase 1"
    title: Text | None
    goal: Text | None


@dataclass(frozen=True)
class PlanView:
    """The week-by-week plan of a programme that progresses: a row per phase."""

    heading: Label
    columns: tuple[Label, ...]  # when, phase, goal
    rows: tuple[PlanRow, ...]


@dataclass(frozen=True)
class PhaseView:
    """One phase: its heading, goal, exercises, and when to move on or step back."""

    label: Label  # "Phase 1 · Weeks 1–2"
    title: Text | None
    goal: Captioned | None
    panels: tuple[PanelView, ...]
    progress: ListView | None
    step_back: ListView | None


@dataclass(frozen=True)
class ProgramView:
    title: Text
    details: tuple[Detail, ...]
    goals: ListView | None
    exercises_heading: Label | None  # None when the exercises come phase by phase
    style: Literal["detailed", "compact"] = field(metadata=HIDDEN)
    panels: tuple[PanelView, ...]
    log: LogView | None
    handouts: tuple[HandoutView, ...]
    disclaimer: Text | None = None
    plan: PlanView | None = None
    phases: tuple[PhaseView, ...] = ()


@dataclass(frozen=True)
class CardSection:
    heading: Label
    items: tuple[Text, ...]
    numbered: bool = field(default=False, metadata=HIDDEN)


@dataclass(frozen=True)
class VideoView:
    url: str = field(metadata=HIDDEN)
    heading: Label
    address: Label


@dataclass(frozen=True)
class FaceView:
    """One face of an exercise card: `front` (name, kind, pictures, what it works, dose), `back`
    (name, steps, tips, what to avoid, caution, video) or `all` of it on one face."""

    side: Literal["front", "back", "all"] = field(metadata=HIDDEN)
    ident: str = field(metadata=HIDDEN)
    name: Text
    kind: Label | None = None
    pictures: tuple[PictureView, ...] = ()
    facts: tuple[Facts, ...] = ()
    dose: Label | None = None
    sections: tuple[CardSection, ...] = ()
    caution: Captioned | None = None
    video: VideoView | None = None
    where: Where | None = field(default=None, metadata=HIDDEN, compare=False)


@dataclass(frozen=True)
class CardView:
    ident: str = field(metadata=HIDDEN)
    faces: tuple[FaceView, ...]  # front and back, or one `all` face


@dataclass(frozen=True)
class CardsView:
    title: str = field(metadata=HIDDEN)
    cards: tuple[CardView, ...]
    fold_label: Label | None = field(default=None, metadata=HIDDEN)  # printed on the fold line only
