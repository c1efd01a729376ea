"""A deck (its card views) as HTML: each card's front, then its back, in order."""

from __future__ import annotations

from ...model.views import CardsView, FaceView
from .blocks import Ids, heading
from .markup import esc, picture_img, qr_img, rich


def cards_html(view: CardsView, ids: Ids) -> list[str]:
    out = [f"<h1>{esc(view.title)}</h1>"]
    for card in view.cards:
        ident = ids.make(card.ident)
        faces = "".join(_face(face, ident, ids, first=index == 0) for index, face in enumerate(card.faces))
        out.append(f'<article class="card" aria-labelledby="{ident}">{faces}</article>')
    return out


def _face(face: FaceView, card_id: str, ids: Ids, first: bool) -> str:
    """The first face names the card (a level-2 heading); a back repeats the name a level down."""
    out = [heading(2, face.name, card_id)] if first else []
    if not first:
        back_id = ids.make(f"{card_id}-back")
        out = [f'<section class="card-back" aria-labelledby="{back_id}">', heading(3, face.name, back_id)]
    level = 3 if first else 4
    if face.kind:
        out.append(f'<p class="kind">{esc(face.kind)}</p>')
    if face.pictures:
        figures = "".join(
            f"<figure>{picture_img(p.picture)}<figcaption>{rich(p.caption or '')}</figcaption></figure>"
            for p in face.pictures
        )
        out.append(f'<div class="pictures">{figures}</div>')
    for facts in face.facts:
        out.append(f"<p><strong>{esc(facts.label)}:</strong> {', '.join(rich(item) for item in facts.items)}</p>")
    if face.dose:
        out.append(f'<p class="dose">{esc(face.dose)}</p>')
    for section in face.sections:
        tag = "ol" if section.numbered else "ul"
        items = "".join(f"<li>{rich(item)}</li>" for item in section.items)
        out.append(f"{heading(level, section.heading)}<{tag}>{items}</{tag}>")
    if face.caution:
        out.append(f'<p class="caution"><strong>{esc(face.caution.label)}:</strong> {rich(face.caution.text)}</p>')
    if face.video:
        code = qr_img(face.video.url, f"QR code: {face.video.address}")
        link = f'<a href="{esc(face.video.url)}">{esc(face.video.heading)}</a>'
        out.append(f'<div class="qr">{code}<p>{link}<br>{esc(face.video.address)}</p></div>')
    if not first:
        out.append("</section>")
    return "".join(out)
