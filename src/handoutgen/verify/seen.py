"""Pages the check has read before, known by what decides how they look.

A page is drawn from its own dictionary: its content streams, its resources (fonts with their
embedded files, pictures, forms, transparency), its boxes and its annotations; and from the
document's optional-content settings, which say which layers show. The fingerprint follows all
of that down to the bytes of every stream it reaches. References to pages of the page tree (a
link's target, an annotation's own page) are where something leads, not how this page looks,
and are left out. Two pages with the same fingerprint look the same, so what pdfium read of
one holds for the other: a batch's appended leaflet is read once per process.

A page gets no fingerprint (it is read afresh) when its objects refer back to themselves, or
when the document has more objects than the check walks: such files are not ours.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any, Generic, TypeVar

T = TypeVar("T")
MAX_NODES = 200_000  # objects, direct ones included, walked for one document's fingerprints


class _UnsureError(Exception):
    """A page whose look the walk cannot pin down: a loop, or too many objects."""


_EVERY: list[Remembered] = []


def forget() -> None:
    """Read every page afresh from now on (for measuring a check, or comparing with one)."""
    for remembered in _EVERY:
        remembered.clear()


def fingerprints(pages: list, catalog: Any = None) -> list[bytes | None]:
    """A sha256 of each pypdf page as it is drawn (None where that cannot be pinned down);
    objects shared between pages are hashed once."""
    walk = _Walk(_page_tree(pages))
    settings = b""
    try:
        catalog = catalog.get_object() if catalog is not None else None
        if catalog is not None and "/OCProperties" in catalog:
            settings = walk.digest(catalog.raw_get("/OCProperties"))
    except Exception:  # a loop, too many objects, or a damaged file: the other checks say so
        return [None] * len(pages)
    found: list[bytes | None] = []
    for page in pages:
        try:
            found.append(hashlib.sha256(settings + walk.digest(page, top=True)).digest())
        except Exception:  # _UnsureError, or a damaged object: this page is read afresh
            found.append(None)
    return found


def _page_tree(pages: list) -> set[tuple[int, int]]:
    """The references of the pages and of the page-tree nodes above them."""
    tree: set[tuple[int, int]] = set()
    for page in pages:
        reference = getattr(page, "indirect_reference", None)
        node = page
        while reference is not None and (reference.idnum, reference.generation) not in tree:
            tree.add((reference.idnum, reference.generation))
            parent = node.get("/Parent") if hasattr(node, "get") else None
            reference = parent.indirect_reference if parent is not None else None
            node = parent.get_object() if parent is not None else None
    return tree


class _Walk:
    """Digests of pypdf objects, hashed children first without recursion, each indirect object
    once per document."""

    def __init__(self, tree: set[tuple[int, int]]) -> None:
        self.tree = tree
        self.memo: dict[tuple[int, int], bytes] = {}
        self.nodes = 0

    def digest(self, root: Any, top: bool = False) -> bytes:
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        done: list[bytes] = []
        open_: set[tuple[int, int]] = set()
        work: list[tuple[str, Any, bool]] = [("visit", root, top)]
        while work:
            step, value, is_top = work.pop()
            if step == "store":
                self.memo[value] = done[-1]
                open_.discard(value)
            elif step == "dict":
                dictionary, names = value
                children = done[len(done) - len(names) :] if names else []
                del done[len(done) - len(names) :]
                hashed = hashlib.sha256(b"stream<<" if isinstance(dictionary, StreamObject) else b"<<")
                for name, child in zip(names, children, strict=True):
                    hashed.update(name.encode("utf-8", "surrogateescape") + b" " + child)
                if isinstance(dictionary, StreamObject):
                    hashed.update(b"data" + (getattr(dictionary, "_data", b"") or b""))
                done.append(hashed.digest())
            elif step == "array":
                children = done[len(done) - value :] if value else []
                del done[len(done) - value :]
                done.append(hashlib.sha256(b"[" + b"".join(children)).digest())
            else:
                self._count()
                if isinstance(value, IndirectObject):
                    key = (value.idnum, value.generation)
                    if key in self.memo:
                        done.append(self.memo[key])
                    elif key in self.tree and not is_top:
                        done.append(b"a page")
                    elif key in open_:
                        raise _UnsureError("an object that contains itself")
                    else:
                        open_.add(key)
                        work += [("store", key, False), ("visit", value.get_object(), is_top)]
                elif isinstance(value, DictionaryObject):
                    names = sorted(name for name in value if not (is_top and name == "/Parent"))
                    work.append(("dict", (value, names), False))
                    work += [("visit", value.raw_get(name), False) for name in reversed(names)]
                elif isinstance(value, ArrayObject):
                    work.append(("array", len(value), False))
                    work += [("visit", item, False) for item in reversed(value)]
                else:
                    text = f"{type(value).__name__}:{value!r}".encode("utf-8", "surrogateescape")
                    done.append(hashlib.sha256(text).digest())
        return done[-1]

    def _count(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _UnsureError("more objects than the check walks")


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

    def get(self, key: tuple | None) -> T | None:
        if key is None:
            return None
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
            return found

    def put(self, key: tuple | None, value: T) -> None:
        if key is None:
            return
        with self._lock:
            self._found[key] = value
            self._found.move_to_end(key)
            while len(self._found) > self._size:
                self._found.popitem(last=False)
