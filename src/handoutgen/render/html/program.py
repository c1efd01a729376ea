"""A home-exercise programme (its view) as HTML: details, goals, exercises, the log as a table."""

from __future__ import annotations

from ...model.views import ProgramView
from .blocks import Ids, handout_html, heading, list_box, log_html, panel_html
from .markup import esc


def program_html(view: ProgramView, ids: Ids) -> list[str]:
    out = [heading(1, view.title)]
    details = "".join(f"<dt>{esc(d.label)}</dt><dd>{esc(d.value)}</dd>" for d in view.details)
    out.append(f'<dl class="details">{details}</dl>')
    if view.goals:
        out.append(list_box(view.goals, 2, ids, "goals"))
    ident = ids.make(str(view.exercises_heading))
    panels = "".join(panel_html(panel, 3, ids) for panel in view.panels)
    out.append(f'<section aria-labelledby="{ident}">{heading(2, view.exercises_heading, ident)}{panels}</section>')
    if view.log is not None:
        out.append(log_html(view.log, 2, ids))
    for handout in view.handouts:
        out.append('<article class="appended">' + "".join(handout_html(handout, 2, ids)) + "</article>")
    return out
