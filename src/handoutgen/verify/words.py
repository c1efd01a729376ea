"""Every word of what a document prints, found in the words read back from the file."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..model.types import Located, Text
from ..text.markup import inline
from .report import Report

_WORD = re.compile(r"\w+")
_LINE_SPLIT = re.compile(r"(?<=\S)\n(?=\S)")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def printed_words(value: Located, web: bool = False) -> str:
    """The words a reader sees for one printed text: on paper a link's address follows it."""
    if isinstance(value, Text):
        parsed = inline(value)
        return parsed.web_plain if web else parsed.plain
    return str(value)


def _position(value: Located) -> tuple[str, int, int]:
    """Where a text comes from, for sorting: line 10 after line 9."""
    where = value.where
    return (where.file, where.line, where.column) if where is not None else ("", 0, 0)


def check_words(report: Report, extracted: str, texts: list[Located], web: bool = False) -> None:
    have = Counter(words(extracted))
    need: Counter[str] = Counter()
    first_at: dict[str, Located] = {}
    for value in texts:
        for word in words(printed_words(value, web)):
            need[word] += 1
            first_at.setdefault(word, value)
    report.words_expected = sum(need.values())
    missing = [w for w, n in need.items() if have[w] < n]
    if missing:  # a word split over two lines (inside a long address) counts once the lines rejoin
        rejoined = Counter(words(_LINE_SPLIT.sub("", extracted)))
        missing = [w for w in missing if rejoined[w] < need[w]]
    missing.sort(key=lambda w: _position(first_at[w]))
    report.words_missing = missing
    if missing:
        shown = ", ".join(f"{w!r} ({first_at[w].where})" for w in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        report.add("words", False, f"{len(missing)} words of the content are missing: {shown}{more}")
    else:
        report.add("words", True, f"all {report.words_expected} words of the content found")
