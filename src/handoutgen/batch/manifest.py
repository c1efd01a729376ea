"""The manifest of a merge batch: one JSON line per row, saying what became of it.

A batch appends each row's line to a journal as the row finishes, and at the end writes the
whole manifest at once, sorted by row, and removes the journal. A batch killed half-way leaves
its journal; `--resume` reads it (and the last manifest) and keeps every row whose output files
are still the ones recorded and whose inputs have not changed. Lines hold nothing of the run
itself (no times, no process), so any split of a batch into shards gives the same lines.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..errors import HandoutError
from ..output import check_writable, journal_name, why_not_written, write_file

Status = Literal["built", "failed"]


@dataclass(frozen=True)
class Edition:
    format: str
    output: str
    sha256: str


@dataclass(frozen=True)
class Entry:
    """One row's line."""

    row: int
    key: str | None  # sha256 of everything the row was built from; None if it could not be read
    output: str | None
    sha256: str | None  # of the first edition asked for
    pages: int | None
    language: str | None
    status: Status
    message: str = ""
    editions: tuple[Edition, ...] = ()  # every edition, when more than one was asked for

    def line(self) -> str:
        record = asdict(self)
        if not self.editions:
            del record["editions"]
        return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))

    @classmethod
    def parse(cls, text: str) -> Entry | None:
        """An entry from a line, or None for a line that is not one of ours, whole and well typed
        (cut short by a kill, or edited by hand): that row is then built again."""
        try:
            record = json.loads(text)
            record["editions"] = tuple(Edition(**e) for e in record.get("editions", ()))
            entry = cls(**record)
        except (ValueError, TypeError, AttributeError, KeyError):
            return None
        return entry if _well_typed(entry) else None

    def all_editions(self) -> tuple[Edition, ...]:
        if self.editions:
            return self.editions
        if self.output is None or self.sha256 is None:
            return ()
        return (Edition(Path(self.output).suffix.lstrip("."), self.output, self.sha256),)

    def still_true(self, key: str) -> bool:
        """Built from these inputs, and every file it wrote is still there, unchanged."""
        editions = self.all_editions()
        return (
            self.status == "built"
            and self.key == key
            and bool(editions)
            and all(file_sha256(Path(e.output)) == e.sha256 for e in editions)
        )


def _well_typed(entry: Entry) -> bool:
    def text_or_none(*values: object) -> bool:
        return all(value is None or isinstance(value, str) for value in values)

    whole = isinstance(entry.row, int) and not isinstance(entry.row, bool)
    pages = entry.pages is None or (isinstance(entry.pages, int) and not isinstance(entry.pages, bool))
    editions = all(isinstance(v, str) for e in entry.editions for v in (e.format, e.output, e.sha256))
    return (
        whole
        and pages
        and editions
        and text_or_none(entry.key, entry.output, entry.sha256, entry.language)
        and isinstance(entry.message, str)
        and entry.status in ("built", "failed")
    )


def failed(row: int, message: str, key: str | None = None, output: str | None = None) -> Entry:
    return Entry(row, key, output, None, None, None, "failed", message)


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Journal:
    """This process's journal beside the manifest: a line appended and flushed per row."""

    def __init__(self, manifest: Path) -> None:
        check_writable(manifest)
        self.path = manifest.parent / journal_name(manifest.name)
        try:
            manifest.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8")
        except OSError as exc:
            reason = why_not_written(manifest, exc)
            raise HandoutError.at(None, f"cannot write the manifest {manifest}: {reason}") from None

    def add(self, entry: Entry) -> None:
        self._file.write(entry.line() + "\n")
        self._file.flush()

    def close(self, remove: bool) -> None:
        self._file.close()
        if remove:
            self.path.unlink(missing_ok=True)


def write_manifest(path: Path, entries: Iterable[Entry]) -> None:
    text = "".join(e.line() + "\n" for e in sorted(entries, key=lambda e: e.row))
    write_file(path, text.encode("utf-8"))


def previous_entries(manifest: Path) -> dict[int, Entry]:
    """What the last runs of this batch recorded: the manifest and the journals of runs that did
    not finish (on this machine or another), read oldest first, so the newest line of a row
    wins. Lines that cannot be read are passed over."""
    found: dict[int, Entry] = {}
    for source in sorted([manifest, *journals(manifest)], key=_modified):
        for entry in _read_entries(source):
            found[entry.row] = entry
    return found


def journals(manifest: Path) -> list[Path]:
    """The journals beside a manifest: of runs that were killed, or that run now."""
    try:
        return sorted(
            p
            for p in manifest.parent.iterdir()
            if p.name.startswith(f".{manifest.name}.") and p.name.endswith("-journal.part")
        )
    except OSError:
        return []


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _read_entries(path: Path) -> Iterator[Entry]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    for line in text.splitlines():
        entry = Entry.parse(line)
        if entry is not None:
            yield entry


def inputs_key(document: object, fields_of_row: dict[str, str], options: dict[str, object]) -> str:
    """sha256 over the row's values, the options, the handoutgen version, SOURCE_DATE_EPOCH and the
    bytes of every file the document was made from (content, library exercises, pictures, layout)."""
    from ..version import __version__

    digest = hashlib.sha256()
    head = {
        "version": __version__,
        "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
        "options": options,
        "row": fields_of_row,
    }
    digest.update(json.dumps(head, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    from ..resolve.sources import files_of, stamp

    for path in sorted(files_of(document)):
        digest.update(f"\n{Path(path).name}\n".encode())
        digest.update(_content_sha256(*stamp(path)).encode())
    return digest.hexdigest()


@lru_cache(maxsize=4096)
def _content_sha256(path: str, mtime: int, size: int) -> str:
    return file_sha256(Path(path)) or ""
