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


def test_watch_of_the_whole_project_with_previews_settles(project: Path, monkeypatch) -> None:
    """Its own PDFs and PNGs (in out/, inside the watched folder) never trigger another build."""
    source = write(project / "handouts" / "h.yaml", MINIMAL)
    monkeypatch.chdir(project)
    messages: list[str] = []
    stop = threading.Event()
    watcher = Watcher((Path(),), None, Path("out"), preview=True, say=messages.append)
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: any("watching" in m for m in messages))
        assert (project / "out" / "preview" / "h-1.png").exists()
        messages.clear()
        source.write_text(MINIMAL.replace("Rest your legs today.", "Walk a little."))
        assert wait_for(lambda: any(m.startswith("built") for m in messages))
        time.sleep(1.0)  # enough for several rounds of the loop, were there one
        assert sum(m.startswith("built") for m in messages) == 1, messages
    finally:
        stop.set()
        thread.join(timeout=5)


def test_watch_survives_any_save(project: Path) -> None:
    source = write(project / "handouts" / "h.yaml", MINIMAL)
    messages: list[str] = []
    stop = threading.Event()
    watcher = Watcher((project / "handouts",), None, project / "out", say=messages.append)
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    target = project / "out" / "h.pdf"

    def saved(text: str, expect: str) -> None:
        messages.clear()
        source.write_text(text)
        assert wait_for(lambda: any(expect in m for m in messages)), messages
        assert thread.is_alive()

    try:
        assert wait_for(lambda: any("watching" in m for m in messages))
        saved(MINIMAL[: len(MINIMAL) // 2], "error")  # half-written
        saved(MINIMAL.replace("Rest", "Re\x1bst"), "control character (U+001B ESC)")
        saved(MINIMAL.replace("Rest", "Re\x00st"), "control character (U+0000 NUL)")
        source.unlink()  # deleted, then made again
        time.sleep(0.3)
        saved(MINIMAL.replace("Rest your legs today.", "Made again."), "built")
        replacement = project / "handouts" / ".h.yaml.tmp"  # an editor's rename-over save
        replacement.write_text(MINIMAL.replace("Rest your legs today.", "Renamed over."))
        messages.clear()
        replacement.replace(source)
        assert wait_for(lambda: target.exists() and "Renamed over." in pdf_text(target)), messages
        assert thread.is_alive()
        assert not any("Traceback" in m for m in messages)
    finally:
        stop.set()
        thread.join(timeout=5)


def test_the_watch_ignores_its_output_folder_but_not_its_neighbours(project: Path, monkeypatch) -> None:
    from watchfiles import Change

    from handoutgen.authoring.watch import content_filter

    monkeypatch.chdir(project)
    listens = content_filter(Path("out"))
    root = str(project)
    assert not listens(Change.modified, f"{root}/out/h.pdf")
    assert not listens(Change.modified, f"{root}/./out/pages/h.yaml")
    assert listens(Change.modified, f"{root}/outline/h.yaml")
    assert listens(Change.modified, f"{root}/out-notes.yaml")
    assert listens(Change.modified, f"{root}/handouts/images/p.svg")
    assert not listens(Change.modified, f"{root}/.git/index")
    assert not listens(Change.modified, f"{root}/handouts/.h.yaml.swp")
