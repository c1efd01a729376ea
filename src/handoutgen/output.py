"""Write files atomically: a reader never sees a half-written PDF."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
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
