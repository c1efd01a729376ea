"""`handoutgen watch`: rebuild on save, keeping imports, fonts, styles and the library warm."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import HandoutError

WATCHED = (".yaml", ".yml", ".svg", ".png", ".jpg", ".jpeg")


@dataclass
class Watcher:
    paths: tuple[Path, ...]
    layout: str | None
    output: Path
    check: bool = False
    preview: bool = False
    say: Callable[[str], None] = print

    def build_all(self) -> None:
        from ..batch import find_content
        from ..output import sweep_stale

        sweep_stale([self.output, self.output / "preview"])
        try:
            sources, _skipped, errors = find_content(self.paths)
        except OSError as exc:  # a folder vanished while it was listed
            self.say(f"error: {exc.filename or ''}: {exc.strerror or exc} (still watching)")
            return
        for error in errors:
            self._report(error)
        for source in sources:
            self.build_one(source)

    def build_one(self, source: Path) -> None:
        from .. import api
        from ..batch import check_built, output_path, write_output

        start = time.perf_counter()
        try:
            built = api.build_file(source, self.layout)
            if self.check:
                report = check_built(built)
                if not report.ok:
                    self.say(report.format(str(source)))
                    return
            target = output_path(source, self.output)
            write_output(target, built.pdf)
            if self.preview:
                from .preview import render_pngs

                render_pngs(built.pdf, (1, 1), 80, self.output / "preview", target.stem)
        except HandoutError as error:
            self._report(error)
            return
        except Exception as exc:  # a save must never stop the watch
            self.say(f"error: {source}: {type(exc).__name__}: {exc} (still watching)")
            return
        self.say(f"built {target} in {(time.perf_counter() - start) * 1000:.0f} ms")

    def changed(self, files: set[Path]) -> None:
        """Rebuild what a save affects: the file itself, or everything when a shared part changed."""
        from ..batch import BUILDABLE
        from ..source import content_kind

        own = []
        for file in files:
            try:
                kind = content_kind(file) if file.suffix in (".yaml", ".yml") and file.is_file() else None
            except HandoutError as error:
                self._report(error)
                continue
            except OSError:  # deleted or replaced while we looked
                kind = None
            if kind in BUILDABLE:
                own.append(file)
            else:  # an exercise, picture or layout: anything may use it
                self.build_all()
                return
        for file in own:
            self.build_one(file)

    def run(self, stop: threading.Event | None = None, debounce_ms: int = 30) -> None:
        from watchfiles import watch

        self.build_all()
        self.say("watching for changes (Ctrl-C to stop)")
        watched = [p for p in self.paths if p.exists()]
        if self.layout and Path(self.layout).is_file():
            watched.append(Path(self.layout))
        for changes in watch(
            *watched,
            debounce=debounce_ms,
            step=10,
            stop_event=stop,
            watch_filter=content_filter(self.output),
            raise_interrupt=False,
        ):
            self.changed({Path(name) for _change, name in changes})

    def _report(self, error: HandoutError) -> None:
        for problem in error.problems:
            self.say(problem.format())


def content_filter(output: Path):
    """What a rebuild listens to: content files and pictures, never what the watch itself writes
    (the output folder), nor .git, virtual environments and editor swap files."""
    from watchfiles import DefaultFilter

    ignored = {os.path.normpath(output.absolute()), str(output.resolve())}

    def is_output(path: str) -> bool:  # the folder itself and what is inside it; not `out-old/`
        return any(path == folder or path.startswith(folder + os.sep) for folder in ignored)

    class ContentFilter(DefaultFilter):
        def __call__(self, change, path: str) -> bool:
            path = os.path.normpath(path)  # watching "." reports "/project/./out/..."
            return path.endswith(WATCHED) and not is_output(path) and super().__call__(change, path)

    return ContentFilter()
