"""Every word of what a document prints, found in the words read back from the file."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter

from ..model.types import Located, Text
from ..text.markup import inline
from .report import Report

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def printed_words(value: Located, web: bool = False) -> str:
    """The words a reader sees for one printed text: on paper a link's address follows it."""
    if isinstance(value, Text):
        parsed = inline(value)
        return parsed.web_plain if web else parsed.plain
    return str(value)


def _broken_words(extracted: str) -> Counter[str]:
    """Words that a line break cut in two, put together again: the last word of a line that ends
    in a letter joined to the first word of a next line that starts with one."""
    joined: Counter[str] = Counter()
    lines = extracted.replace("\r\n", "\n").split("\n")
    for line, following in itertools.pairwise(lines):
        if line[-1:].isalnum() and following[:1].isalnum():
            end, start = words(line), words(following)
            if end and start:
                joined[end[-1] + start[0]] += 1
    return joined


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
    if missing:  # a word broken over two lines (a long address, a long word) counts once rejoined
        joined = _broken_words(extracted)
        missing = [w for w in missing if have[w] + joined[w] < need[w]]
    missing.sort(key=lambda w: _position(first_at[w]))
    report.words_missing = missing
    if missing:
        shown = ", ".join(f"{w!r} ({first_at[w].where})" for w in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        report.add("words", False, f"{len(missing)} words of the content are missing: {shown}{more}")
    else:
        report.add("words", True, f"all {report.words_expected} words of the content found")
