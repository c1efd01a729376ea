"""The project file, `handoutgen.yaml`: read and checked, its paths made absolute."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BatchSettings:
    """A programme template and its data, built with the rest of the project."""

    program: Path
    data: Path
    output: str  # the file each row writes, with {{ field }} placeholders, under the output folder


@dataclass(frozen=True)
class ProjectSettings:
    """A project file read, its paths made absolute."""

    file: Path
    root: Path
    name: str
    content: tuple[Path, ...]
    layout: str | None  # a built-in layout's name or an absolute path
    card_layout: str | None
    output: Path
    formats: tuple[str, ...]
    lint_ignore: tuple[tuple[str, object], ...] = ()  # (code, where it is written)
    language: str = "en"
    languages: tuple[str, ...] = ()
    merge_map: tuple[str, ...] = ()  # HEADER=FIELD, as --map takes them
    date_format: str | None = None
    batches: tuple[BatchSettings, ...] = ()


def load_project(file: Path) -> ProjectSettings:
    """A project file read and checked, with the same file:line:col errors as content. A
    `handoutgen.yaml` that is a folder or a broken link is an error, never passed over."""
    from ..errors import HandoutError, Where
    from ..model.project import Project
    from ..model.read import read
    from ..source import Map, load

    if file.is_dir() or not file.exists():
        what = "a folder" if file.is_dir() else "a link to nothing"
        raise HandoutError.at(
            Where(str(file), 1, 1), f"the project file is {what}", "make it a YAML file, or remove it"
        )
    node = load(file)
    if not isinstance(node, Map) or "project" not in node.entries:
        raise HandoutError.at(
            node.where, "a project file starts with `project: <name>`", "see docs/reference.md, section project"
        )
    project = read(node, Project, "the project file")
    root = file.resolve().parent
    problems = [
        *_layout_problems(project, root),
        *_folder_problems(project, root),
        *_merge_problems(project),
        *(p for batch in project.batches for p in _batch_problems(batch, root)),
        *_batch_clashes(project, root),
    ]
    if problems:
        raise HandoutError(problems)
    return ProjectSettings(
        file=file,
        root=root,
        name=str(project.project),
        content=tuple(dict.fromkeys((root / str(folder)).resolve() for folder in project.content)),
        layout=_layout_ref(project.layout, root),
        card_layout=_layout_ref(project.card_layout, root),
        output=(root / str(project.output)).resolve(),
        formats=tuple(dict.fromkeys(project.formats)),
        lint_ignore=tuple((str(code), getattr(code, "where", None)) for code in project.lint_ignore),
        language=str(project.language),
        languages=tuple(dict.fromkeys(str(language) for language in project.languages)),
        merge_map=tuple(f"{header}={name}" for header, name in project.merge.map.items()),
        date_format=str(project.merge.date_format) if project.merge.date_format else None,
        batches=tuple(_batch(batch, root, (root / str(project.output)).resolve()) for batch in project.batches),
    )


def _layout_problems(project, root: Path) -> list:
    """A layout the project names must exist, and its card layout must be one: said at the line,
    not when a build first needs it."""
    from ..errors import HandoutError, Problem
    from ..model.read import position
    from .layouts import load_layout

    problems = []
    for key in ("layout", "card_layout"):
        ref = _layout_ref(getattr(project, key), root)
        where = position(project, key) or project.where
        if ref is None:
            continue
        if Path(ref).is_absolute() and not Path(ref).is_file():
            hint = "a built-in layout (a4, letter, large-print, cards-a6...) or a layout file relative to this file"
            problems.append(Problem(where, f"`{key}`: there is no layout `{getattr(project, key)}`", hint))
            continue
        try:
            layout = load_layout(ref)
        except HandoutError as error:
            problems.extend(error.problems)
            continue
        if key == "card_layout" and layout.cards is None:
            hint = "cards-a6, cards-letter, cards-wallet, or a layout file that extends one of them"
            problems.append(
                Problem(where, f"`card_layout`: `{project.card_layout}` is a page layout, not a card layout", hint)
            )
    return problems


def _folder_problems(project, root: Path) -> list:
    """Content folders and the output folder inside the project; content folders that exist and
    do not hold one another; the output folder apart from the content."""
    from ..errors import Problem
    from ..model.read import position, was_written

    problems = []
    content = []
    written = was_written(project, "content")  # the default, handouts/, need not exist
    for folder in project.content if written else ():
        where = getattr(folder, "where", None) or position(project, "content")
        path = (root / str(folder)).resolve()
        if not path.is_relative_to(root):
            problems.append(Problem(where, f"`content`: {folder} is outside the project folder {root}"))
        elif not path.is_dir():
            problems.append(Problem(where, f"`content`: there is no folder {folder}", "folders relative to this file"))
        elif any(path == other or path.is_relative_to(other) or other.is_relative_to(path) for other in content):
            problems.append(Problem(where, f"`content`: {folder} is already among the content folders, or holds one"))
        else:
            content.append(path)
    where = position(project, "output") or project.where
    output = (root / str(project.output)).resolve()
    if not output.is_relative_to(root):
        problems.append(Problem(where, f"`output`: {project.output} is outside the project folder {root}"))
    elif output.exists() and not output.is_dir():
        problems.append(Problem(where, f"`output`: {project.output} is a file, not a folder"))
    elif any(output == folder or output.is_relative_to(folder) for folder in content):
        hint = "give the built files a folder of their own, like `out`"
        problems.append(Problem(where, f"`output`: {project.output} is inside a content folder", hint))
    return problems


def _merge_problems(project) -> list:
    """A header in `merge.map` must have letters or digits in it, to be found among the columns."""
    from ..errors import Problem
    from .merge import field_name

    return [
        Problem(
            getattr(header, "where", None), f"`merge.map`: `{header}` names no column", "write the header as exported"
        )
        for header in project.merge.map
        if not field_name(str(header))
    ]


def _batch(batch, root: Path, output: Path) -> BatchSettings:
    stem = Path(str(batch.program)).name.rsplit(".", 1)[0]
    written = str(batch.output) if batch.output else f"{stem}-{{{{ row }}}}.pdf"
    return BatchSettings(
        (root / str(batch.program)).resolve(), (root / str(batch.data)).resolve(), str(output / written)
    )


def _batch_clashes(project, root: Path) -> list:
    """Two batches that would write the same files: the later one is the mistake."""
    from ..errors import Problem

    seen: dict[str, object] = {}
    problems = []
    for batch in project.batches:
        output = _batch(batch, root, (root / str(project.output)).resolve()).output
        if output in seen:
            hint = "give each batch its own `output`, like `patients-b/{{ id }}.pdf`"
            problems.append(Problem(batch.where, "this batch writes the same files as the one above it", hint))
        seen[output] = batch
    return problems


def _batch_problems(batch, root: Path) -> list:
    """A batch's programme is a template and its data a file, both inside the project; its
    output names a PDF or HTML page per row, inside the output folder."""
    from ..errors import HandoutError, Problem
    from ..model.read import position
    from ..source import content_kind

    problems = []
    for key in ("program", "data"):
        value = getattr(batch, key)
        where = getattr(value, "where", None) or position(batch, key) or batch.where
        path = (root / str(value)).resolve()
        if not path.is_relative_to(root):
            problems.append(Problem(where, f"`{key}`: {value} is outside the project folder {root}"))
        elif not path.is_file():
            problems.append(Problem(where, f"`{key}`: there is no file {value}", "files relative to this file"))
        elif key == "data" and path.suffix.lower() not in (".csv", ".yaml", ".yml"):
            problems.append(Problem(where, f"`data`: {value} is not a .csv or .yaml file"))
        elif key == "program":
            try:
                kind = content_kind(path)
            except HandoutError as error:
                problems.extend(error.problems)
                continue
            if kind != "program":
                problems.append(Problem(where, f"`program`: {value} is not a programme file"))
    if batch.output is not None:
        where = getattr(batch.output, "where", None) or batch.where
        text = str(batch.output)
        if "{{" not in text:
            problems.append(
                Problem(
                    where,
                    "`output` needs a {{ field }}, so that each row writes its own file",
                    "like `patients/{{ id }}.pdf`",
                )
            )
        elif Path(text).suffix.lower() not in (".pdf", ".html"):
            problems.append(Problem(where, "`output` names the PDF each row writes", "like `patients/{{ id }}.pdf`"))
        elif re.search(r"\{\{\s*\}\}", text):
            problems.append(Problem(where, "`output` has an empty `{{ }}`", "name a field in it, like `{{ id }}`"))
        elif Path(text).is_absolute() or ".." in Path(text).parts:
            problems.append(
                Problem(where, "`output` is a file inside the output folder", "like `patients/{{ id }}.pdf`")
            )
    return problems


def _layout_ref(value: object, root: Path) -> str | None:
    """A built-in layout stays a name; anything else is a file relative to the project."""
    from .layouts import builtin_layouts

    if value is None:
        return None
    text = str(value)
    return text if text in builtin_layouts() else str(root / text)
