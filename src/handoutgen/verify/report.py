"""What a check found: one finding per check, and the figures behind them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Finding:
    check: str
    ok: bool
    message: str


@dataclass
class Composition:
    """How the pages are composed: a warning, or a failure with --strict."""

    code: str  # near-empty-page, heading-at-foot, split-item, split-panel, lone-caution, small-text, near-cut, ...
    page: int | None
    message: str


@dataclass
class Report:
    pages: int = 0
    page_size_mm: tuple[float, float] | None = None
    fonts: dict[str, bool] = field(default_factory=dict)
    title: str = ""
    language: str = ""
    links: int = 0
    bookmarks: int = 0
    words_expected: int | None = None
    words_missing: list[str] = field(default_factory=list)
    cards: int | None = None
    findings: list[Finding] = field(default_factory=list)
    composition: list[Composition] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    @property
    def strict_ok(self) -> bool:
        """Complete, and well composed too."""
        return self.ok and not self.composition

    def add(self, check: str, ok: bool, message: str) -> None:
        self.findings.append(Finding(check, ok, message))

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, **asdict(self)}

    def format(self, name: str) -> str:
        head = "ok" if self.ok else "FAILED"
        lines = [f"{name}: {head}"]
        for f in self.findings:
            mark = "ok  " if f.ok else "FAIL"
            lines.append(f"  {mark} {f.check:<9} {f.message}")
        for c in self.composition:
            where = f"page {c.page}: " if c.page else ""
            lines.append(f"  warn {c.code:<9} {where}{c.message}")
        return "\n".join(lines)
