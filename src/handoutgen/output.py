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
_OURS = re.compile(r"^\..+\.(?P<host>[A-Za-z0-9_]+)-(?P<pid>\d+)-[A-Za-z0-9_]+\.part$")
_OLD_STYLE = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")  # before names said whose they were


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.{_HOST}-{os.getpid()}-", suffix=".part", dir=path.parent)
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


def write_file(target: Path, data: bytes) -> None:
    """write_atomic, with a folder that cannot be written reported as a clear error, not a crash."""
    from .errors import HandoutError

    if target.exists() and target.is_dir():
        raise HandoutError.at(None, f"cannot write {target}: it is a folder")
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise HandoutError.at(None, f"cannot write {target}: {exc.strerror or exc}") from None


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
    if ours.group("host") == _HOST and not _running(int(ours.group("pid"))):
        return True
    return old


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists but is not ours to signal
    return True
