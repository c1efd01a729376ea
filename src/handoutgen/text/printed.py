"""What a document prints, part by part: resolved content to views (model/views.py).

Both renderers draw these views and the check expects every word of them, so this module is
the one place that decides what a panel, a card face, a programme page or a handout block says.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..errors import Where
from ..model.layout import Layout
from ..model.resolved import CardContent, HandoutContent, Picture, ProgramContent, ResolvedBlock, ResolvedExercise
from ..model.types import Label, Located, Plain, Text
from ..model.views import (
    BlockView,
    CalloutView,
    Captioned,
    CardSection,
    CardsView,
    CardView,
    Detail,
    FaceView,
    Facts,
    HandoutView,
    ImageView,
    ListView,
    LogView,
    PanelView,
    PhaseView,
    PictureView,
    PlanRow,
    PlanView,
    ProgramView,
    QrView,
    SectionView,
    VideoView,
)
from .dose import dose_words
from .labels import label, long_date
from .markup import inline

BACK_PARTS = ("steps", "tips", "avoid", "caution", "video")


def _label(language: str, key: str, where: Where | None, **values: object) -> Label:
    return Label(label(language, key, **values), where)


def handout_view(
    content: HandoutContent,
    layout: Layout,
    keys: str = "",
    disclaimer: bool = True,
    in_programme: dict[str, ResolvedExercise] | None = None,
) -> HandoutView:
    """A handout; `keys` prefixes its bookmark names (an appended handout's differ from the main one's).

    Appended to a programme (`in_programme` given), the handout shows the programme's dose and note
    for the exercises the programme prescribes, leaves its own log out (the programme's log is the
    one to fill in) and says when it was reviewed, which its pages' footers no longer do."""
    handout = content.handout
    language = str(handout.language)
    summary = None
    if handout.summary:
        summary = ListView(_label(language, "key_points", handout.where), tuple(handout.summary))
    sections = tuple(
        SectionView(
            section.title,
            tuple(
                _block_view(b, language, in_programme)
                for b in section.blocks
                if not (in_programme is not None and b.kind == "log")
            ),
            f"{keys}section-{n}",
        )
        for n, section in enumerate(content.sections, start=1)
    )
    small_print = layout.disclaimer if disclaimer else None
    reviewed = None
    if in_programme is not None:
        reviewed = _label(language, "reviewed", handout.where, date=long_date(language, handout.reviewed))
    return HandoutView(handout.title, handout.subtitle, summary, sections, small_print, keys, reviewed)


def _block_view(
    block: ResolvedBlock, language: str, in_programme: dict[str, ResolvedExercise] | None = None
) -> BlockView:
    body: Any = block.body
    where = block.where
    if block.kind in ("bullets", "steps", "faq"):
        body = tuple(body)
    elif block.kind == "callout":
        body = CalloutView(body.tone, body.title or _label(language, body.tone, where), body.text)
    elif block.kind == "image":
        body = ImageView(PictureView(body.picture, body.image.caption), body.image.width)
    elif block.kind == "qr":
        body = QrView(str(body.url), body.label, _label(language, "scan", where), Label(str(body.url), body.url.where))
    elif block.kind == "exercises":
        body = tuple(panel_view(_as_in_programme(e, in_programme), language) for e in body)
    elif block.kind == "checklist":
        body = tuple(body)
    elif block.kind == "log":
        body = log_view(
            body.title or _label(language, "tracker", where),
            _label(language, "tracker_hint", where),
            body.weeks,
            tuple(body.items),
            language,
            where,
        )
    return BlockView(block.kind, body, where)


def _as_in_programme(exercise: ResolvedExercise, in_programme: dict[str, ResolvedExercise] | None) -> ResolvedExercise:
    """The programme's version of an exercise it prescribes: its dose and note; in a handout of
    another language, its dose (said in the handout's language) but not its note."""
    chosen = (in_programme or {}).get(str(exercise.exercise.exercise))
    if chosen is None:
        return exercise
    if str(chosen.exercise.language) == str(exercise.exercise.language):
        return chosen
    return dataclasses.replace(exercise, exercise=dataclasses.replace(exercise.exercise, dose=chosen.exercise.dose))


def log_view(heading: Label | Text, hint: Label, weeks: int, rows: tuple[Text, ...], language: str, where) -> LogView:
    """Tick boxes: a table per week, a row per thing to do, a column per day."""
    week_labels = tuple(_label(language, "week", where, n=week) for week in range(1, weeks + 1))
    days = tuple(Label(day, where) for day in label(language, "days").split())
    return LogView(heading, hint, week_labels, days, rows)


def _pictures(exercise: ResolvedExercise, language: str) -> tuple[PictureView, ...]:
    where = exercise.exercise.where
    shown = (("start", exercise.start), ("end", exercise.end))
    return tuple(PictureView(p, _caption(language, key, p, where)) for key, p in shown if p is not None)


def _caption(language: str, key: str, picture: Picture, where) -> Label:
    """`Start`, or with a picture whose licence asks for it, `Start · Picture: author, licence`."""
    caption = label(language, key)
    if picture.credit:
        caption += " · " + label(language, "credit", credit=picture.credit)
    return Label(caption, where)


def equipment_words(language: str, equipment) -> tuple[Label, ...]:
    """What an exercise needs, in the content's language (`none` says nothing)."""
    return tuple(
        Label(label(language, f"equipment_{item}"), getattr(item, "where", None))
        for item in equipment
        if item != "none"
    )


def panel_view(resolved: ResolvedExercise, language: str) -> PanelView:
    exercise = resolved.exercise
    where = exercise.where
    words = dose_words(language, exercise.dose)
    caution = Captioned(_label(language, "caution", where), exercise.caution) if exercise.caution else None
    note = Captioned(_label(language, "note", where), resolved.note) if resolved.note else None
    return PanelView(
        str(exercise.exercise),
        exercise.name,
        Label(words, where) if words else None,
        _pictures(resolved, language),
        tuple(exercise.steps),
        caution,
        note,
        resolved.where,
    )


def program_view(content: ProgramContent, layout: Layout) -> ProgramView:
    program = content.program
    language = str(program.language)
    where = program.where
    clinic = program.clinic or (Plain(str(layout.brand.name), None) if layout.brand.name else None)
    pairs: list[tuple[str, Plain | Label | None]] = [
        ("patient", program.patient),
        ("clinician", program.clinician),
        ("clinic", clinic),
        ("date", Label(long_date(language, program.date), where)),
        ("review_date", Label(long_date(language, program.review_date), where) if program.review_date else None),
    ]
    details = tuple(Detail(_label(language, key, where), value) for key, value in pairs if value)
    goals = ListView(_label(language, "goals", where), tuple(program.goals)) if program.goals else None
    phases = tuple(_phase_view(n, phase, content, language) for n, phase in enumerate(content.phases, start=1))
    panels = () if phases else tuple(panel_view(exercise, language) for exercise in content.exercises)
    log = _program_log(content, language) if program.log is not None else None
    in_programme = {str(e.exercise.exercise): e for e in content.exercises}
    handouts = tuple(
        handout_view(handout, layout, keys=f"handout-{n}-", disclaimer=False, in_programme=in_programme)
        for n, handout in enumerate(content.handouts, start=1)
    )
    heading = None if phases else _label(language, "your_exercises", where)
    plan = _plan_view(content, language) if phases else None
    return ProgramView(
        program.title, details, goals, heading, program.style, panels, log, handouts, layout.disclaimer, plan, phases
    )


def _program_log(content: ProgramContent, language: str) -> LogView:
    """A row per exercise (each once, phase after phase) and, if asked, rows for pain and effort;
    as many weeks as asked, else as the phases last."""
    program, where = content.program, content.program.where
    log = program.log
    names: dict[str, Text] = {}
    for resolved in content.exercises:  # an exercise in two phases is one row
        names.setdefault(str(resolved.exercise.name), resolved.exercise.name)
    rows: tuple = tuple(names.values())
    rows += tuple(_label(language, key, where) for key in ("pain", "effort") if getattr(log, key))
    weeks = log.weeks or min(12, program.weeks()) or 2
    hint = {(True, True): "log_hint_scores", (True, False): "log_hint_pain", (False, True): "log_hint_effort"}.get(
        (log.pain, log.effort), "log_hint"
    )
    return log_view(_label(language, "log", where), _label(language, hint, where), weeks, rows, language, where)


def _weeks_of(content: ProgramContent) -> list[tuple[int, int]]:
    spans, first = [], 1
    for resolved in content.phases:
        spans.append((first, first + resolved.phase.weeks - 1))
        first += resolved.phase.weeks
    return spans


def _weeks_label(language: str, span: tuple[int, int], where) -> Label:
    first, last = span
    return _label(language, "week_one" if first == last else "weeks_span", where, first=first, last=last)


def _plan_view(content: ProgramContent, language: str) -> PlanView:
    rows = tuple(
        PlanRow(
            _weeks_label(language, span, resolved.phase.where),
            _label(language, "phase", resolved.phase.where, n=n),
            resolved.phase.title,
            resolved.phase.goal,
        )
        for n, (resolved, span) in enumerate(zip(content.phases, _weeks_of(content), strict=True), start=1)
    )
    where = content.program.where
    columns = tuple(_label(language, key, where) for key in ("plan_when", "plan_phase", "phase_goal"))
    return PlanView(_label(language, "plan", where), columns, rows)


def _phase_view(n: int, resolved, content: ProgramContent, language: str) -> PhaseView:
    phase, where = resolved.phase, resolved.phase.where
    span = _weeks_of(content)[n - 1]
    heading = Label(f"{label(language, 'phase', n=n)} · {_weeks_label(language, span, where)}", where)
    goal = Captioned(_label(language, "phase_goal", where), phase.goal) if phase.goal else None
    progress = ListView(_label(language, "progress", where), tuple(phase.progress)) if phase.progress else None
    back = ListView(_label(language, "step_back", where), tuple(phase.step_back)) if phase.step_back else None
    panels = tuple(panel_view(exercise, language) for exercise in resolved.exercises)
    return PhaseView(heading, phase.title, goal, panels, progress, back)


def cards_view(content: CardContent, layout: Layout) -> CardsView:
    cards = layout.cards
    parts = cards.back if cards is not None else BACK_PARTS
    sides = ("all",) if cards is not None and cards.duplex == "single" else ("front", "back")
    language = str(content.deck.language)
    fold = _label(language, "fold", content.deck.where) if cards is not None and cards.duplex == "fold" else None
    views = tuple(
        CardView(str(e.exercise.exercise), tuple(face_view(e, side, parts) for side in sides))  # type: ignore[arg-type]
        for e in content.exercises
    )
    return CardsView(inline(content.deck.title).plain, views, fold)


def face_view(resolved: ResolvedExercise, side: str, parts: tuple[str, ...]) -> FaceView:
    exercise = resolved.exercise
    language = str(exercise.language)
    where = exercise.where
    front: dict[str, Any] = {}
    back: dict[str, Any] = {}
    if side != "back":
        kind = label(language, exercise.category)
        if exercise.position:
            kind += " · " + label(language, exercise.position)
        facts = []
        if exercise.targets:
            facts.append(Facts(_label(language, "works", where), tuple(exercise.targets)))
        needed = equipment_words(language, exercise.equipment)
        if needed:
            facts.append(Facts(_label(language, "you_need", where), needed))
        words = dose_words(language, exercise.dose)
        front = {
            "kind": Label(kind, where),
            "pictures": _pictures(resolved, language),
            "facts": tuple(facts),
            "dose": Label(words, where) if words else None,
        }
    if side != "front":
        sections = []
        for key in (part for part in parts if part in ("steps", "tips", "avoid")):  # in the layout's order
            items = getattr(exercise, key)
            if items:
                sections.append(CardSection(_label(language, key, where), tuple(items), numbered=key == "steps"))
        caution = None
        if "caution" in parts and exercise.caution:
            caution = Captioned(_label(language, "caution", where), exercise.caution)
        video = None
        if "video" in parts and exercise.video:
            shown = str(exercise.video).split("://", 1)[-1]
            video = VideoView(str(exercise.video), _label(language, "video", where), Label(shown, where))
        back = {"sections": tuple(sections), "caution": caution, "video": video}
    return FaceView(side, str(exercise.exercise), exercise.name, where=where, **front, **back)  # type: ignore[arg-type]


def card_exercises(content: ProgramContent) -> tuple[ResolvedExercise, ...]:
    """A programme's exercises as cards: a note for this patient becomes the card's first tip."""
    out = []
    for resolved in content.exercises:
        exercise = resolved.exercise
        if resolved.note:
            exercise = dataclasses.replace(exercise, tips=[resolved.note, *exercise.tips])
        out.append(dataclasses.replace(resolved, exercise=exercise, note=None))
    return tuple(out)


def printed_texts(view: Any) -> list[Located]:
    """Every text a view prints, in reading order; fields marked `printed=False` are left out."""
    if isinstance(view, Located):
        return [view]
    if isinstance(view, (list, tuple)):
        return [t for item in view for t in printed_texts(item)]
    if dataclasses.is_dataclass(view) and not isinstance(view, (type, Picture)):
        return [
            t
            for f in dataclasses.fields(view)
            if f.metadata.get("printed", True) and not f.metadata.get("internal")
            for t in printed_texts(getattr(view, f.name))
        ]
    return []


def plain(text: str) -> str:
    """The words of a text as printed: Markdown resolved for `Text`, as written otherwise."""
    return inline(text).plain if isinstance(text, Text) else " ".join(str(text).split())


__all__ = [
    "card_exercises",
    "cards_view",
    "face_view",
    "handout_view",
    "panel_view",
    "plain",
    "printed_texts",
    "program_view",
]
