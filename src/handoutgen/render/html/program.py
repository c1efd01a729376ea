"""A home-exercise programme (its view) as HTML: details, goals, exercises or phases, the log."""

from __future__ import annotations

from ...model.views import PhaseView, PlanView, ProgramView
from .blocks import Ids, handout_html, heading, list_box, log_html, panel_html
from .markup import esc, rich


def program_html(view: ProgramView, ids: Ids) -> list[str]:
    out = [heading(1, view.title)]
    details = "".join(f"<dt>{esc(d.label)}</dt><dd>{esc(d.value)}</dd>" for d in view.details)
    out.append(f'<dl class="details">{details}</dl>')
    if view.goals:
        out.append(list_box(view.goals, 2, ids, "goals"))
    if view.plan is not None:
        out.append(_plan(view.plan, ids))
    for phase in view.phases:
        out.append(_phase(phase, ids))
    if view.exercises_heading is not None:
        ident = ids.make(str(view.exercises_heading))
        panels = "".join(panel_html(panel, 3, ids) for panel in view.panels)
        out.append(f'<section aria-labelledby="{ident}">{heading(2, view.exercises_heading, ident)}{panels}</section>')
    if view.log is not None:
        out.append(log_html(view.log, 2, ids))
    for handout in view.handouts:
        out.append('<article class="appended">' + "".join(handout_html(handout, 2, ids)) + "</article>")
    return out


def _plan(plan: PlanView, ids: Ids) -> str:
    ident = ids.make(str(plan.heading))
    head = "".join(f'<th scope="col">{esc(column)}</th>' for column in plan.columns)
    rows = "".join(
        f'<tr><th scope="row">{esc(row.weeks)}</th>'
        f"<td>{esc(row.phase)}{': ' + rich(row.title) if row.title else ''}</td>"
        f"<td>{rich(row.goal) if row.goal else ''}</td></tr>"
        for row in plan.rows
    )
    table = f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    return f'<section aria-labelledby="{ident}">{heading(2, plan.heading, ident)}{table}</section>'


def _phase(phase: PhaseView, ids: Ids) -> str:
    title = f"{esc(phase.label)}: {rich(phase.title)}" if phase.title else esc(phase.label)
    ident = ids.make(str(phase.label))
    out = [f'<section class="phase" aria-labelledby="{ident}"><h2 id="{ident}">{title}</h2>']
    if phase.goal is not None:
        out.append(f"<p><strong>{esc(phase.goal.label)}:</strong> {rich(phase.goal.text)}</p>")
    out += [panel_html(panel, 3, ids) for panel in phase.panels]
    if phase.progress is not None:
        out.append(list_box(phase.progress, 3, ids, "summary"))
    if phase.step_back is not None:
        out.append(list_box(phase.step_back, 3, ids, "warning"))
    return "".join(out) + "</section>"
