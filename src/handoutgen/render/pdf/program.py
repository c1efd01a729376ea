"""A patient's home-exercise programme to PDF: details, goals, exercises, log, appended handouts."""

from __future__ import annotations

import dataclasses

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageTemplate,
    Spacer,
    Table,
)

from ...model.resolved import Document
from ...model.views import PanelView, PhaseView, PlanView, ProgramView
from ...text.colors import TONE_BACKGROUND
from ...text.labels import label
from ...text.markup import escape, inline
from . import fonts
from .blocks import bullet_list, summary_box, table_block
from .document import (
    Rendered,
    _frame,
    disclaimer_flowables,
    flow_key,
    page_context,
    render_pages,
)
from .flow import Context, boxed, paragraph, stays_with_next, styled, tint
from .log import log_flowables
from .panels import compact_grid, exercise_panel


def render_program(document: Document) -> Rendered:
    view = document.view
    assert isinstance(view, ProgramView)
    fonts.register(italic=True)

    def story(doc: BaseDocTemplate, ctx: Context) -> list[Flowable]:
        doc.addPageTemplates([PageTemplate("page", frames=[_frame(doc, 0, doc.width, doc.height)])])
        return program_story(view, ctx)

    flow = flow_key(document, dataclasses.replace(view, details=()))  # the same for a batch's rows
    rendered = render_pages(document, story, flow, lambda squeeze: _details_heights(document, view, squeeze))
    if not document.leaflets:
        return rendered
    from .leaflets import bind, leaflet

    return bind(rendered, [(leaf.meta.title, leaflet(leaf)) for leaf in document.leaflets])


def _details_heights(document: Document, view: ProgramView, squeeze: int) -> tuple[float, ...]:
    """What the programme's page breaks take from a row's details (the patient, the dates): the
    height of each row of their table on the pass of `squeeze`, measured whole (ReportLab stops
    measuring a long table's rows at the foot of the room it is offered)."""
    ctx = page_context(document, squeeze)
    table = _details(view, ctx)
    table.wrap(ctx.width, float("inf"))
    return tuple(table._rowHeights)


def program_story(view: ProgramView, ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [ctx.para(view.title, "program_title"), _details(view, ctx), Spacer(1, ctx.space(8))]
    if view.goals:
        cell = [ctx.para(view.goals.heading, "box_heading"), bullet_list(view.goals.items, ctx)]
        story += [boxed(cell, ctx, background=ctx.color("summary"), bar=ctx.color("heading")), Spacer(1, ctx.space(6))]
    if view.phases:
        story += _plan(view.plan, ctx) if view.plan else []
        for number, phase in enumerate(view.phases, start=1):
            story += _phase(phase, number, view.style, ctx)
    else:
        heading = ctx.para(view.exercises_heading, "heading")
        heading.outline = (str(view.exercises_heading), "exercises")
        exercises = _panels(view.panels, view.style, ctx)
        story += [*stays_with_next(heading, exercises[0], ctx), *exercises]
    if view.log is not None:
        story += log_flowables(view.log, ctx, "heading", outline="log")
    return [*story, *disclaimer_flowables(view.disclaimer, ctx)]  # appended handouts follow as leaflets


def _panels(panels: tuple[PanelView, ...], style: str, ctx: Context) -> list[Flowable]:
    if style == "compact":
        return compact_grid(panels, ctx)
    return [f for panel in panels for f in exercise_panel(panel, ctx)]


def _plan(plan: PlanView, ctx: Context) -> list[Flowable]:
    """The week-by-week plan: a table row per phase."""
    from ...model.handout import Table as TableBody

    rows = [
        [str(row.weeks), f"{row.phase}: {row.title}" if row.title else str(row.phase), str(row.goal or "")]
        for row in plan.rows
    ]
    heading = ctx.para(plan.heading, "heading")
    heading.outline = (str(plan.heading), "plan")
    table = table_block(TableBody(header=list(plan.columns), rows=rows), ctx)
    return [*stays_with_next(heading, table[0], ctx), *table]


def _phase(phase: PhaseView, number: int, style: str, ctx: Context) -> list[Flowable]:
    """A phase: its heading and goal, its exercises, then when to move on and when to step back."""
    text = f"{phase.label}: {phase.title}" if phase.title else str(phase.label)
    heading = ctx.para(text, "heading")
    heading.outline = (inline(text).plain, f"phase-{number}")
    lead: list[Flowable] = []
    if phase.goal is not None:  # the goal stays with the heading and the first exercise
        lead.append(ctx.para(f"**{phase.goal.label}:** {phase.goal.text}", "body"))
    body = _panels(phase.panels, style, ctx)
    if phase.progress is not None:
        body += [summary_box(phase.progress, ctx), Spacer(1, ctx.space(6))]
    if phase.step_back is not None:  # a warning, as a callout says it
        tone = ctx.color("warning")
        cell = [
            ctx.para(phase.step_back.heading, "box_heading", textColor=tone),
            bullet_list(phase.step_back.items, ctx),
        ]
        body += [boxed(cell, ctx, background=tint(tone, TONE_BACKGROUND), bar=tone), Spacer(1, ctx.space(6))]
    return [*stays_with_next(heading, body[0], ctx, between=tuple(lead)), *lead, *body]


def _details(view: ProgramView, ctx: Context) -> Table:
    """Patient, clinician, clinic and dates as a two-column list of labels and values."""
    cells = [
        (
            paragraph(f"<b>{escape(detail.label)}</b>", ctx.styles.box_text),
            paragraph(escape(str(detail.value)), ctx.styles.box_text, keep=False),
        )
        for detail in view.details
    ]
    size = ctx.layout.text.size
    names = [*(str(d.label) for d in view.details), *(label(ctx.language, k) for k in DETAIL_KEYS)]
    label_width = max(stringWidth(name, fonts.BOLD, size) for name in names) + size
    pairs_per_row = 2 if ctx.width >= 2 * (label_width + 50 * mm) else 1  # one pair a row on narrow pages
    per_row = (len(cells) + pairs_per_row - 1) // pairs_per_row
    rows = []
    for index in range(per_row):
        row: list = []
        for column in range(pairs_per_row):
            position = column * per_row + index
            row += cells[position] if position < len(cells) else ["", ""]
        rows.append(row)
    value_width = ctx.width / pairs_per_row - label_width
    table = Table(rows, colWidths=[label_width, value_width] * pairs_per_row, hAlign="LEFT")
    styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, ctx.color("rule")),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ],
    )
    return table


DETAIL_KEYS = ("patient", "clinician", "clinic", "date", "review_date")
