"""Pages the check has read before, known by everything that decides how they look.

A page is drawn from its own dictionary: its content streams, its resources (fonts with their
embedded files, pictures, forms, transparency), its boxes and its annotations (other pages they
lead to are not followed). Two pages whose
dictionaries are the same, followed down to the bytes of every stream they reach, look the same
to any reader, so what pdfium read of one holds for the other. A batch's appended leaflet, a
deck's repeated backs and an unchanged page under `watch` are then read once per process.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any, Generic, TypeVar

T = TypeVar("T")


_EVERY: list[Remembered] = []


def forget() -> None:
    """Read every page afresh from now on (for measuring a check, or comparing with one)."""
    for remembered in _EVERY:
        remembered.clear()


def fingerprints(pages: list) -> list[bytes]:
    """A sha256 of each pypdf page's dictionary (all but its place in the page tree), followed
    through every reference; objects shared between pages are hashed once."""
    memo: dict[tuple[int, int], bytes] = {}
    return [_digest(page, memo, top=True) for page in pages]


def _digest(value: Any, memo: dict[tuple[int, int], bytes], top: bool = False) -> bytes:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if isinstance(value, IndirectObject):
        key = (value.idnum, value.generation)
        if key not in memo:
            memo[key] = b"loop"
            target = value.get_object()
            pages = isinstance(target, DictionaryObject) and target.get("/Type") in ("/Page", "/Pages")
            # A link's target or an annotation's own page is where it leads, not how this page
            # looks: following it would make every page depend on the whole document.
            memo[key] = b"a page" if pages else _digest(target, memo)
        return memo[key]
    hashed = hashlib.sha256()
    if isinstance(value, DictionaryObject):
        hashed.update(b"stream<<" if isinstance(value, StreamObject) else b"<<")
        for name in sorted(value):
            if top and name == "/Parent":
                continue
            hashed.update(name.encode("utf-8", "surrogateescape") + b" ")
            hashed.update(_digest(value.raw_get(name), memo))
        if isinstance(value, StreamObject):
            hashed.update(b"data" + (getattr(value, "_data", b"") or b""))
    elif isinstance(value, ArrayObject):
        hashed.update(b"[")
        for item in value:
            hashed.update(_digest(item, memo))
    else:
        hashed.update(f"{type(value).__name__}:{value!r}".encode("utf-8", "surrogateescape"))
    return hashed.digest()


class Remembered(Generic[T]):
    """What was read of pages, by fingerprint and what was asked; the oldest forgotten first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._found: OrderedDict[tuple, T] = OrderedDict()
        self._lock = threading.Lock()
        _EVERY.append(self)

    def clear(self) -> None:
        with self._lock:
            self._found.clear()

    def get(self, key: tuple) -> T | None:
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
            return found

    def put(self, key: tuple, value: T) -> None:
        with self._lock:
            self._found[key] = value
            self._found.move_to_end(key)
            while len(self._found) > self._size:
                self._found.popitem(last=False)
