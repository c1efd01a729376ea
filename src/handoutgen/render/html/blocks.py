"""Handout blocks, exercise panels and whole handouts (their views) as accessible HTML."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...model import handout as m
from ...model.types import Label
from ...model.views import (
    BlockView,
    CalloutView,
    HandoutView,
    ImageView,
    ListView,
    LogView,
    PanelView,
    QrView,
    SectionView,
)
from .markup import esc, picture_img, qr_img, rich


class Ids:
    """Unique element ids for one page (headings, labels), made from words of the page."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, base: str) -> str:
        import re

        slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:40] or "part"
        candidate, number = slug, 2
        while candidate in self.used:
            candidate, number = f"{slug}-{number}", number + 1
        self.used.add(candidate)
        return candidate


def heading(level: int, text: str, ident: str | None = None, css_class: str = "") -> str:
    level = min(level, 6)
    attrs = (f' id="{ident}"' if ident else "") + (f' class="{css_class}"' if css_class else "")
    return f"<h{level}{attrs}>{rich(text)}</h{level}>"


def list_box(view: ListView, level: int, ids: Ids, css_class: str) -> str:
    ident = ids.make(str(view.heading))
    items = "".join(f"<li>{rich(item)}</li>" for item in view.items)
    return (
        f'<section class="box {css_class}" aria-labelledby="{ident}">'
        f"{heading(level, view.heading, ident)}<ul>{items}</ul></section>"
    )


def handout_html(view: HandoutView, level: int, ids: Ids) -> list[str]:
    """A handout: its title at `level` (1 on its own page, 2 appended to a programme)."""
    out = [heading(level, view.title)]
    if view.subtitle:
        out.append(f'<p class="subtitle">{rich(view.subtitle)}</p>')
    if view.reviewed:
        out.append(f'<p class="reviewed">{esc(view.reviewed)}</p>')
    if view.summary:
        out.append(list_box(view.summary, level + 1, ids, "key-points"))
    out += [section_html(section, level + 1, ids) for section in view.sections]
    return out


def section_html(section: SectionView, level: int, ids: Ids) -> str:
    ident = ids.make(section.key or str(section.title))
    body = "".join(block_html(block, level + 1, ids) for block in section.blocks)
    return f'<section aria-labelledby="{ident}">{heading(level, section.title, ident)}{body}</section>'


def block_html(block: BlockView, level: int, ids: Ids) -> str:
    return RENDERERS[block.kind](block.body, level, ids)


def _text(body: m.Text, level: int, ids: Ids) -> str:
    return f"<p>{rich(body)}</p>"


def _bullets(body: tuple, level: int, ids: Ids) -> str:
    return "<ul>" + "".join(f"<li>{rich(item)}</li>" for item in body) + "</ul>"


def _steps(body: tuple[m.Step, ...], level: int, ids: Ids) -> str:
    items = []
    for step in body:
        title = f"<strong>{rich(step.title)}</strong><br>" if step.title else ""
        items.append(f"<li>{title}{rich(step.text)}</li>")
    return '<ol class="steps">' + "".join(items) + "</ol>"


def _faq(body: tuple[m.FaqItem, ...], level: int, ids: Ids) -> str:
    return "".join(f'<div class="faq">{heading(level, item.q)}<p>{rich(item.a)}</p></div>' for item in body)


def _callout(body: CalloutView, level: int, ids: Ids) -> str:
    ident = ids.make(str(body.heading))
    return (
        f'<aside class="callout {body.tone}" aria-labelledby="{ident}">'
        f'<p class="callout-title" id="{ident}">{rich(body.heading)}</p><p>{rich(body.text)}</p></aside>'
    )


def _image(body: ImageView, level: int, ids: Ids) -> str:
    caption = f"<figcaption>{rich(body.picture.caption)}</figcaption>" if body.picture.caption else ""
    return f"<figure>{picture_img(body.picture.picture)}{caption}</figure>"


def _qr(body: QrView, level: int, ids: Ids) -> str:
    code = qr_img(body.url, f"QR code: {body.address}")
    return (
        f'<div class="qr">{code}<p><a href="{esc(body.url)}">{rich(body.label)}</a><br>'
        f"{esc(body.scan)}: {esc(body.address)}</p></div>"
    )


def _table(body: m.Table, level: int, ids: Ids) -> str:
    caption = f"<caption>{rich(body.caption)}</caption>" if body.caption else ""
    head = "".join(f'<th scope="col">{rich(cell)}</th>' for cell in body.header)
    rows = "".join("<tr>" + "".join(f"<td>{rich(cell)}</td>" for cell in row) + "</tr>" for row in body.rows)
    return f'<div class="table"><table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


def _exercises(body: tuple[PanelView, ...], level: int, ids: Ids) -> str:
    return "".join(panel_html(panel, level, ids) for panel in body)


def panel_html(panel: PanelView, level: int, ids: Ids) -> str:
    ident = ids.make(panel.ident)
    out = [f'<section class="exercise" aria-labelledby="{ident}">', heading(level, panel.name, ident)]
    if panel.pictures:
        figures = "".join(
            f"<figure>{picture_img(p.picture)}<figcaption>{rich(p.caption)}</figcaption></figure>"
            if p.caption
            else f"<figure>{picture_img(p.picture)}</figure>"
            for p in panel.pictures
        )
        out.append(f'<div class="pictures">{figures}</div>')
    if panel.dose:
        out.append(f'<p class="dose">{esc(panel.dose)}</p>')
    out.append('<ol class="numbered">' + "".join(f"<li>{rich(step)}</li>" for step in panel.steps) + "</ol>")
    for part, css_class in ((panel.caution, "caution"), (panel.note, "note")):
        if part is not None:
            out.append(f'<p class="{css_class}"><strong>{esc(part.label)}:</strong> {rich(part.text)}</p>')
    out.append("</section>")
    return "".join(out)


def log_html(log: LogView, level: int, ids: Ids) -> str:
    """A table per week: a row per exercise, a tick box per day, each box named for a screen reader."""
    ident = ids.make(_plain(log.heading))
    tables = []
    for week in log.weeks:
        head = f'<th scope="col">{esc(week)}</th>' + "".join(f'<th scope="col">{esc(day)}</th>' for day in log.days)
        rows = "".join(
            f'<tr><th scope="row">{rich(name)}</th>'
            + "".join(f"<td>{_log_box(name, week, day)}</td>" for day in log.days)
            + "</tr>"
            for name in log.rows
        )
        tables.append(
            f'<div class="table"><table class="log" aria-label="{esc(week)}">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return (
        f'<section aria-labelledby="{ident}">{heading(level, log.heading, ident)}<p>{esc(log.hint)}</p>'
        + "".join(tables)
        + "</section>"
    )


def _log_box(name: str, week: str, day: str) -> str:
    """A tick box, or for a row the tool adds to score the day (pain, effort), a box for 0 to 10."""
    said = f'aria-label="{esc(_plain(name))}, {esc(week)}, {esc(day)}"'
    if isinstance(name, Label):
        return f'<input type="number" min="0" max="10" step="1" inputmode="numeric" {said}>'
    return f'<input type="checkbox" {said}>'


def _plain(text: str) -> str:
    from ...text.markup import inline

    return inline(text).web_plain


def _checklist(body: tuple, level: int, ids: Ids) -> str:
    items = "".join(
        f'<li><input type="checkbox" aria-label="{esc(_plain(item))}"> <span>{rich(item)}</span></li>' for item in body
    )
    return f'<ul class="checklist">{items}</ul>'


def _log_block(body: LogView, level: int, ids: Ids) -> str:
    return log_html(body, level, ids)


RENDERERS: dict[str, Callable[[Any, int, Ids], str]] = {
    "text": _text,
    "bullets": _bullets,
    "steps": _steps,
    "faq": _faq,
    "callout": _callout,
    "image": _image,
    "qr": _qr,
    "table": _table,
    "exercises": _exercises,
    "checklist": _checklist,
    "log": _log_block,
}
