"""Which layout pass a story settled on, remembered per process.

A story is laid out up to three times (plain, then a little tighter, to pull a stub of a last
page back), and then perhaps again to move a section or level two columns. What decides each
of those layouts is the story's flow: everything its page breaks depend on. Two stories with
the same flow settle the same way, so the second is laid out once, straight on the pass the
first settled on.

A flow may leave out a part that varies from document to document (a patient's details) and
stand it in by its measure on each pass: then the part must measure the same on every pass
the first story was laid out with (and only on those: the others played no part).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Settled:
    """The pass a story settled on: how tight, the sections moved on a page, the columns levelled."""

    squeeze: int
    breaks: frozenset[str]
    balance: tuple[int, float] | None


@dataclass(frozen=True)
class _Known:
    passes: tuple[int, ...]  # the squeezes the story was laid out with
    measured: tuple[object, ...]  # what the left-out part measured on each of them
    settled: Settled


Measure = Callable[[int], object]  # the left-out part's measure on the pass of that squeeze

_KNOWN: dict[bytes, list[_Known]] = {}
_LOCK = threading.Lock()
_MAX_FLOWS = 256
_MAX_PER_FLOW = 8  # measures of the left-out part (one name that wraps, one that does not...)


def flow_digest(flow: str) -> bytes:
    return hashlib.sha256(flow.encode()).digest()


def settled_before(flow: bytes, measure: Measure | None) -> Settled | None:
    """How a story of this flow settled before, if its left-out part measured the same then."""
    with _LOCK:
        known = list(_KNOWN.get(flow, ()))
    measured: dict[int, object] = {}
    for entry in known:
        then = zip(entry.passes, entry.measured, strict=True)
        if all(_measured(measure, squeeze, measured) == size for squeeze, size in then):
            return entry.settled
    return None


def remember(flow: bytes, passes: tuple[int, ...], measure: Measure | None, settled: Settled) -> None:
    measured = tuple(_measured(measure, squeeze, {}) for squeeze in passes)
    with _LOCK:
        if flow not in _KNOWN and len(_KNOWN) >= _MAX_FLOWS:
            _KNOWN.clear()
        entries = _KNOWN.setdefault(flow, [])
        if len(entries) >= _MAX_PER_FLOW:
            entries.pop(0)
        entries.append(_Known(passes, measured, settled))


def forget() -> None:
    """Lay out every story as if for the first time (for measuring a build)."""
    with _LOCK:
        _KNOWN.clear()


def _measured(measure: Measure | None, squeeze: int, measured: dict[int, object]) -> object:
    if measure is None:
        return None
    if squeeze not in measured:
        measured[squeeze] = measure(squeeze)
    return measured[squeeze]
