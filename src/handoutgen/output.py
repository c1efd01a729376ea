"""Write files atomically: a reader never sees a half-written PDF, and a build killed half-way
leaves nothing that a later build does not clear up."""

from __future__ import annotations

import os
import re
import socket
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

STALE_AFTER = 3600  # seconds: a temporary file this old belongs to no running build
_HOST = re.sub(r"[^A-Za-z0-9]", "_", socket.gethostname())[:40] or "host"
# Only files of the kinds we write: a user's own `.notes.abcdefgh.part` is never touched.
_WRITTEN = r"\.(?:pdf|html|png|json|jsonl)"
# `.<name>.<host>-<pid>-<start>-<random>.part`: <start> tells a process from a later one that got
# its number (in a container every first process is number 1); names without it are older.
_OURS = re.compile(
    r"^\..+" + _WRITTEN + r"\.(?P<host>[A-Za-z0-9_]+)-(?P<pid>\d+)-(?:(?P<start>\d+)-)?[A-Za-z0-9_]+\.part$"
)
_OLD_STYLE = re.compile(r"^\..+" + _WRITTEN + r"\.[A-Za-z0-9_]{8}\.part$")  # before names said whose


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.{_owner()}-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        Path(temp).chmod(0o644)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def journal_name(name: str) -> str:
    """The name of this process's journal for a file: one that sweep_stale clears once the
    process has ended, as it does a half-written file."""
    return f".{name}.{_owner()}-journal.part"


def _owner() -> str:
    """This process, as our temporary files name it: host, process number and start time."""
    pid = os.getpid()
    return f"{_HOST}-{pid}-{_started(pid) or 0}"


def _started(pid: int) -> int | None:
    """When a process started, in clock ticks since boot (Linux /proc); None where unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat[stat.rindex(")") + 2 :].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def write_file(target: Path, data: bytes) -> None:
    """write_atomic, with a folder that cannot be written reported as a clear error, not a crash."""
    from .errors import HandoutError

    check_writable(target)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise HandoutError.at(None, f"cannot write {target}: {why_not_written(target, exc)}") from None


def check_writable(target: Path) -> None:
    """Raise a clear error if `target` is a folder or lies under a file: things found before any
    output is written, so that several files are written all or none."""
    from .errors import HandoutError

    if target.is_dir():
        raise HandoutError.at(None, f"cannot write {target}: it is a folder")
    if target.exists() and not target.is_file():  # a device, a pipe, a socket: never replaced by a file
        raise HandoutError.at(None, f"cannot write {target}: it is not a regular file")
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise HandoutError.at(None, f"cannot write {target}: {parent} is a file, not a folder")


def why_not_written(target: Path, exc: OSError) -> str:
    """The reason a file could not be made, in the user's terms: a folder on the way that is a
    file says so, instead of the system's "File exists"."""
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            return f"{parent} is a file, not a folder"
    return exc.strerror or str(exc)


def sweep_stale(folders: Iterable[Path]) -> list[Path]:
    """Remove our temporary files that no running build owns: those of a process on this machine
    that has ended, and any older than an hour (another machine's, on a shared folder)."""
    removed = []
    now = time.time()
    for folder in dict.fromkeys(folders):
        try:
            candidates = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".part")]
        except OSError:
            continue
        for path in candidates:
            if _is_stale(path, now):
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
    return removed


def _is_stale(path: Path, now: float) -> bool:
    try:
        old = now - path.lstat().st_mtime > STALE_AFTER
    except OSError:
        return False
    ours = _OURS.match(path.name)
    if ours is None:
        return old and bool(_OLD_STYLE.match(path.name))
    if ours.group("host") == _HOST and not _running(int(ours.group("pid")), ours.group("start")):
        return True
    return old


def _running(pid: int, start: str | None = None) -> bool:
    """Whether the process that named a file still runs: its number is in use, by the same
    process (when the name says when it started, and that start can be read)."""
    if start is not None and start != "0":
        now = _started(pid)
        if now is not None and str(now) != start:
            return False  # the number was given to a later process
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists but is not ours to signal
    return True
