"""watch: a save rebuilds the PDF; a mistake is reported and watching goes on."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from conftest import MINIMAL, pdf_text, write
from handoutgen.authoring.watch import Watcher


def wait_for(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_watch_rebuilds_on_save_and_survives_errors(project: Path) -> None:
    source = write(project / "handouts" / "h.yaml", MINIMAL)
    messages: list[str] = []
    stop = threading.Event()
    watcher = Watcher((project / "handouts",), None, project / "out", say=messages.append)
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    target = project / "out" / "h.pdf"
    try:
        assert wait_for(lambda: any("watching" in m for m in messages))
        assert "Rest your legs today." in pdf_text(target)
        source.write_text(MINIMAL.replace("Rest your legs today.", "Walk for ten minutes."))
        assert wait_for(lambda: target.exists() and "Walk for ten minutes." in pdf_text(target))
        source.write_text(MINIMAL.replace("text:", "txt:"))
        assert wait_for(lambda: any("unknown block kind `txt`" in m for m in messages))
        assert thread.is_alive()
        source.write_text(MINIMAL.replace("Rest your legs today.", "Back to normal."))
        assert wait_for(lambda: "Back to normal." in pdf_text(target))
    finally:
        stop.set()
        thread.join(timeout=5)
    assert any(m.startswith(f"built {target}") and m.endswith(" ms") for m in messages)
