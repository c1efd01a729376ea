"""A home-exercise programme (its view) as HTML: details, goals, exercises, the log as a table."""

from __future__ import annotations

from ...model.views import LogView, ProgramView
from .blocks import Ids, handout_html, heading, list_box, panel_html
from .markup import esc, rich


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
        out.append(_log(view.log, ids))
    for handout in view.handouts:
        out.append('<article class="appended">' + "".join(handout_html(handout, 2, ids)) + "</article>")
    return out


def _log(log: LogView, ids: Ids) -> str:
    """A table per week: a row per exercise, a tick box per day, each box named for a screen reader."""
    ident = ids.make(str(log.heading))
    tables = []
    for week in log.weeks:
        head = f'<th scope="col">{esc(week)}</th>' + "".join(f'<th scope="col">{esc(day)}</th>' for day in log.days)
        rows = "".join(
            f'<tr><th scope="row">{rich(name)}</th>'
            + "".join(
                f'<td><input type="checkbox" aria-label="{esc(_plain(name))}, {esc(week)}, {esc(day)}"></td>'
                for day in log.days
            )
            + "</tr>"
            for name in log.rows
        )
        tables.append(
            f'<div class="table"><table class="log" aria-label="{esc(week)}">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return (
        f'<section aria-labelledby="{ident}">{heading(2, log.heading, ident)}<p>{esc(log.hint)}</p>'
        + "".join(tables)
        + "</section>"
    )


def _plain(text: str) -> str:
    from ...text.markup import inline

    return inline(text).web_plain
