"""A patient's home-exercise programme to PDF: details, goals, exercises, log, appended handouts."""

from __future__ import annotations

from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from ..labels import label, long_date
from ..model.layout import Layout
from ..programs import ProgramContent
from . import fonts
from .blocks import Context, _boxed, _variant, bullet_list, paragraph, styled, tint
from .document import (
    DocumentInfo,
    Rendered,
    _frame,
    body_flowables,
    disclaimer_flowables,
    render_pages,
    title_flowables,
)
from .markup import escape, inline
from .panels import compact_rows, exercise_panel


def render_program(content: ProgramContent, layout: Layout, metadata_name: bool = False) -> Rendered:
    fonts.register(italic=True)
    program = content.program
    info = DocumentInfo(
        content.metadata_title(metadata_name),
        "",
        str(program.language),
        program.date,
        program.where,
        reviewed=False,
    )

    def story(doc: BaseDocTemplate, ctx: Context) -> list[Flowable]:
        doc.addPageTemplates([PageTemplate("page", frames=[_frame(doc, 0, doc.width, doc.height)])])
        return program_story(content, ctx)

    return render_pages(layout, info, story)


def program_story(content: ProgramContent, ctx: Context) -> list[Flowable]:
    program = content.program
    language = ctx.language
    story: list[Flowable] = [ctx.para(program.title, "title"), _details(content, ctx), Spacer(1, 8)]
    if program.goals:
        cell = [ctx.para(label(language, "goals"), "box_heading"), bullet_list(program.goals, ctx)]
        story += [_boxed(cell, ctx, background=ctx.color("summary"), bar=ctx.color("heading")), Spacer(1, 6)]
    heading = ctx.para(label(language, "your_exercises"), "heading")
    heading.outline = (label(language, "your_exercises"), "exercises")
    if program.style == "compact":
        exercises = compact_rows(content.exercises, ctx)
    else:
        exercises = [
            f
            for exercise, note in content.exercises
            for f in exercise_panel(exercise, ctx, picture_height=34 * mm, note=note)
        ]
    story += [heading, *exercises]
    if program.log is not None:
        story += _log(content, ctx, program.log.weeks)
    for number, handout in enumerate(content.handouts, start=1):
        title = title_flowables(handout, ctx)
        title[0].outline = (inline(handout.title).plain, f"handout-{number}")
        story += [PageBreak(), *title, *body_flowables(handout, ctx, keys=f"handout-{number}-", disclaimer=False)]
    return [*story, *disclaimer_flowables(ctx)]


def _details(content: ProgramContent, ctx: Context) -> Table:
    """Patient, clinician, clinic and dates as a two-column list of labels and values."""
    program = content.program
    language = ctx.language
    clinic = program.clinic or ctx.layout.brand.name
    pairs = [
        ("patient", str(program.patient)),
        ("clinician", program.clinician),
        ("clinic", clinic),
        ("date", long_date(language, program.date)),
        ("review_date", long_date(language, program.review_date) if program.review_date else None),
    ]
    cells = [
        (
            paragraph(f"<b>{escape(label(language, key))}</b>", ctx.styles.box_text),
            paragraph(escape(str(value)), ctx.styles.box_text),
        )
        for key, value in pairs
        if value
    ]
    size = ctx.layout.text.size
    label_width = max(stringWidth(label(language, key), fonts.BOLD, size) for key, _ in pairs) + size
    pairs_per_row = 2 if ctx.width >= 2 * (label_width + 60 * mm) else 1  # one pair a row on narrow pages
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


def _log(content: ProgramContent, ctx: Context, weeks: int) -> list[Flowable]:
    """A tick-box table per week: a row per exercise, a column per day."""
    language = ctx.language
    size = ctx.layout.text.size
    days = label(language, "days").split()
    heading = ctx.para(label(language, "log"), "heading")
    heading.outline = (label(language, "log"), "log")
    out: list[list[Flowable]] = []
    widest = max(stringWidth(day, fonts.BOLD, size) for day in days)
    box = min(max(size * 1.6, 7 * mm, widest + size), (ctx.width - 35 * mm) / 7)
    day_size = min(size, size * (box - 2) / widest)  # day names shrink on narrow pages
    day_style = _variant(ctx.styles.table_head, alignment=1, fontSize=day_size, leading=day_size * 1.2)
    name_width = ctx.width - 7 * box
    for week in range(1, weeks + 1):
        head = [paragraph(f"<b>{escape(label(language, 'week', n=week))}</b>", ctx.styles.table_head)]
        head += [paragraph(f"<b>{escape(day)}</b>", day_style) for day in days]
        names = [ctx.para(exercise.name, "box_text") for exercise, _ in content.exercises]
        heights = [max(box, name.wrap(name_width - 12, ctx.height)[1] + 8) for name in names]
        rows = [[name, *[""] * 7] for name in names]
        table = Table([head, *rows], colWidths=[name_width, *[box] * 7], rowHeights=[None, *heights])
        styled(
            table,
            [
                ("BACKGROUND", (0, 0), (-1, 0), ctx.color("heading")),
                ("TEXTCOLOR", (0, 0), (-1, 0), white),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (1, 0), (-1, -1), 1),
                ("RIGHTPADDING", (1, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("GRID", (1, 1), (-1, -1), 0.8, ctx.color("muted")),
                ("LINEBELOW", (0, 1), (0, -1), 0.5, ctx.color("rule")),
                ("BACKGROUND", (1, 1), (-1, -1), tint(ctx.color("summary"), 0.5)),
            ],
        )
        out.append([table, Spacer(1, size)])
    intro = [heading, ctx.para(label(language, "log_hint"), "small"), Spacer(1, 4)]
    return [KeepTogether([*intro, *out[0]]), *(KeepTogether(week) for week in out[1:])]
