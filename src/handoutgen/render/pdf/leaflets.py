"""A programme's appended handouts, each printed as its own leaflet behind the programme's pages.

A leaflet is laid out as the handout alone would be, with its own "Page 1 of N", so that it
reads true when the patient takes the pages apart, and so that a batch lays it out once: the
leaflet is the same for every row that appends it with the same doses, and its bytes are kept
per process. pypdf puts the pages together; each leaflet's font subsets get tags of their own,
since two different subsets under one name can be mixed up by a printer that caches fonts by name.
"""

from __future__ import annotations

import io
import os
import threading

from ...model.resolved import Document
from .document import Rendered, render_handout

_LEAFLETS: dict[str, Rendered] = {}
_MAX_LEAFLETS = 32


def leaflet(document: Document) -> Rendered:
    """The leaflet's PDF, laid out once per process for each different leaflet."""
    key = repr(document) + "\n" + os.environ.get("SOURCE_DATE_EPOCH", "")
    found = _LEAFLETS.get(key)
    if found is None:
        found = render_handout(document)
        if len(_LEAFLETS) >= _MAX_LEAFLETS:
            _LEAFLETS.clear()
        _LEAFLETS[key] = found
    return found


def bind(main: Rendered, leaflets: list[tuple[str, Rendered]]) -> Rendered:
    """The main document's pages, then each (title, leaflet)'s, with the leaflet's bookmarks
    under one for its title; the main document's metadata and language are kept."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(main.pdf)))
    for number, (title, pages) in enumerate(leaflets, start=1):
        lock, reader = _retagged(pages.pdf, number)
        with lock:  # pypdf reads a file's objects as they are asked for: one document at a time
            writer.append(reader, outline_item=title)
    out = io.BytesIO()
    writer.write(out)
    return Rendered(out.getvalue(), main.pages + sum(pages.pages for _, pages in leaflets))


_READERS: dict[tuple[bytes, int], tuple[threading.Lock, object]] = {}


def _retagged(pdf: bytes, number: int) -> tuple[threading.Lock, object]:
    """The leaflet read with pypdf, its subsets retagged as leaflet `number`'s: once per process.
    Each document that appends it gets its own copy of its objects (pypdf keeps the map from
    the reader's objects to its own in the writer)."""
    from pypdf import PdfReader

    found = _READERS.get((pdf, number))
    if found is None:
        reader = PdfReader(io.BytesIO(pdf))
        _retag_fonts(reader, number)
        if len(_READERS) >= _MAX_LEAFLETS:
            _READERS.clear()
        found = _READERS.setdefault((pdf, number), (threading.Lock(), reader))
    return found


def _retag_fonts(reader, number: int) -> None:
    """ReportLab tags every document's first subset AAAAAA; a leaflet's become BAAAAA, CAAAAA..."""
    from pypdf.generic import NameObject

    tag = _tag(number)
    seen: set[int] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for reference in fonts.get_object().values():
            font = reference.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            for owner, key in ((font, "/BaseFont"), (font.get("/FontDescriptor"), "/FontName")):
                owner = owner.get_object() if owner is not None else None
                name = str(owner.get(key, "")) if owner is not None else ""
                if len(name) > 8 and name[7] == "+":
                    owner[NameObject(key)] = NameObject(f"/{tag}{name[2:7]}{name[7:]}")


def _tag(number: int) -> str:
    """The first letter of leaflet `number`'s subset tags: B for the first, C for the next..."""
    return chr(ord("A") + 1 + (number - 1) % 25)
