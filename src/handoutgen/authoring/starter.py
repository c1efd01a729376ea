"""`handoutgen init` (a starter project) and `handoutgen new` (a commented template)."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from ..errors import HandoutError

BUILTIN = Path(__file__).resolve().parent.parent / "builtin"
TEMPLATES = BUILTIN / "templates"
GITIGNORE = """\
# What handoutgen writes: build it again from the YAML instead of committing it.
out/
*.part
"""
PROJECT = """\
# yaml-language-server: $schema=schemas/project.schema.json
# The project: what every handoutgen command in this folder (or below it) takes as given.
project: __NAME__
content: [handouts]          # the folders `handoutgen build` builds
layout: layouts/clinic.yaml  # handouts and programmes; decks use card_layout (default cards-a6)
output: out                  # where PDFs (and HTML pages) go
formats: [pdf]               # add html for the accessible web edition
language: en                 # for files that neither say `language:` nor end in .es.yaml
# languages: [en, es]        # keep every file in these; lint names each missing translation
# merge:                     # how spreadsheet exports given with --data are read
#   date_format: DD/MM/YYYY
#   map: {"Nom du patient": patient}   # a column read under the field name the template uses
"""
PLACES = {
    "handout": "handouts/{id}.yaml",
    "exercise": "handouts/exercises/{id}.yaml",
    "deck": "handouts/decks/{id}.yaml",
    "program": "handouts/programs/{id}.yaml",
    "layout": "layouts/{id}.yaml",
    "cards": "layouts/{id}.yaml",  # a card layout for printing at home
}


def slug(name: str) -> str:
    """`Knee pain basics` -> `knee-pain-basics`: file names and ids use the same words."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not text or not text[0].isalnum():
        raise HandoutError.at(None, f"`{name}` makes no id; use letters and digits, like `knee-pain`")
    return text[:64]


def printable_name(name: str) -> str:
    """A name that goes onto printed pages: no invisible characters, every glyph in the fonts."""
    from ..text import fonts

    if not name.strip():
        raise HandoutError.at(None, "the name is empty", "give the clinic's or club's name, like `Harbour Physio`")
    if len(name) > 100:
        raise HandoutError.at(None, f"the name has {len(name)} characters; a brand name has at most 100")
    invisible = [c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]
    if invisible:
        raise HandoutError.at(None, f"the name has invisible characters (U+{ord(invisible[0]):04X})", "retype it")
    lacking = fonts.missing(name)
    if lacking:
        shown = ", ".join(f"`{c}` (U+{ord(c):04X})" for c in lacking[:5])
        raise HandoutError.at(None, f"the name has characters the fonts cannot print: {shown}")
    return name


def new_file(kind: str, name: str, root: Path, title: str | None = None) -> Path:
    """Write a commented template for `kind` at its usual place under `root`; never overwrite."""
    try:
        return _new_file(kind, name, root, title)
    except OSError as exc:
        raise HandoutError.at(None, f"cannot write under {root}: {exc.strerror or exc}") from None


def _new_file(kind: str, name: str, root: Path, title: str | None) -> Path:
    printable_name(title if title is not None else name)
    ident = slug(name)
    target = root / PLACES[kind].format(id=ident)
    if target.exists() or target.is_symlink():  # a dangling link would be written through
        raise HandoutError.at(None, f"{target} already exists", "choose another name")
    if title is None:
        words = name.strip() if not re.fullmatch(r"[a-z0-9-]+", name.strip()) else ident.replace("-", " ")
        title = words[:1].upper() + words[1:]
    text = (TEMPLATES / f"{kind}.yaml").read_text(encoding="utf-8")
    # The title goes in as a quoted YAML string, so a colon or # in it cannot break the file.
    text = text.replace("__ID__", ident).replace("__TITLE__", json.dumps(title, ensure_ascii=False))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


KINDS = ("handout", "exercise", "deck", "program", "layout", "cards")


def new_translation(source: Path, language: str) -> Path:
    """`name.<language>.yaml` beside `source`: the same file, ids and structure, with its
    language set and a note to translate every text (`handoutgen lint` names what is left)."""
    from ..model.types import LANGUAGES
    from ..source import Map, content_kind, load

    if language not in LANGUAGES:
        raise HandoutError.at(None, f"--language {language}: not one of " + ", ".join(LANGUAGES))
    node = load(source)  # a file with mistakes is reported at its line before it is copied
    kind = content_kind(source)
    parts = source.name.split(".")
    if kind is None or not isinstance(node, Map) or "language" not in node.entries:
        raise HandoutError.at(None, f"{source}: only handouts, exercises, decks and programmes have translations")
    if len(parts) >= 3 and parts[-2] in LANGUAGES:
        raise HandoutError.at(None, f"{source} is itself a translation; translate its source file instead")
    current = node.entries["language"][1]
    if current.value == language:
        raise HandoutError.at(current.where, f"{source} is already in `{language}`")
    target = source.with_name(".".join([*parts[:-1], language, parts[-1]]))
    if target.exists() or target.is_symlink():
        raise HandoutError.at(None, f"{target} already exists", "translate that file, or remove it first")
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines[current.where.line - 1]
    start = current.where.column - 1
    lines[current.where.line - 1] = line[:start] + line[start:].replace(current.value, language, 1)
    note = f"# A translation of {source.name}: translate every text; `handoutgen lint` names what is left.\n"
    first = 1 if lines and lines[0].startswith("# yaml-language-server") else 0
    target.write_text("".join([*lines[:first], note, *lines[first:]]), encoding="utf-8")
    return target


def init_project(folder: Path, name: str) -> list[Path]:
    """A project that builds and checks at once: layout, handout, two exercises, deck, programme.
    It is made in a hidden folder beside the target and moved into place, so a failure while
    writing leaves nothing half made."""
    printable_name(name)
    try:
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise HandoutError.at(None, f"{folder} is not empty", "give a new folder, like `handoutgen init my-clinic`")
        folder.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{folder.name}.", dir=folder.parent) as scratch:
            made = _fill_project(Path(scratch) / "project", name)
            if folder.exists():  # an empty folder (perhaps the current one): move the files into it
                for child in sorted((Path(scratch) / "project").iterdir()):
                    child.replace(folder / child.name)
            else:
                (Path(scratch) / "project").replace(folder)
    except OSError as exc:
        from ..output import why_not_written

        raise HandoutError.at(None, f"cannot make {folder}: {why_not_written(folder, exc)}") from None
    return [folder / path for path in made]


def _fill_project(folder: Path, name: str) -> list[Path]:
    """The starter files written into `folder`; the paths made, relative to it."""
    shutil.copytree(BUILTIN / "starter", folder, dirs_exist_ok=True)
    made = [
        new_file("layout", "clinic", folder, title=name),
        new_file("handout", "Knee pain basics", folder),
        new_file("deck", "warm-up cards", folder),
        new_file("program", "example programme", folder),
    ]
    layout = made[0]
    layout.write_text(
        layout.read_text(encoding="utf-8").replace("# logo: images/logo.svg", "logo: images/logo.svg"), encoding="utf-8"
    )
    (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    project = folder / "handoutgen.yaml"
    project.write_text(PROJECT.replace("__NAME__", json.dumps(name, ensure_ascii=False)), encoding="utf-8")
    readme = folder / "README.md"
    readme.write_text(
        (TEMPLATES / "README.md").read_text(encoding="utf-8").replace("__TITLE__", name), encoding="utf-8"
    )
    from .schema import KINDS, schema_for

    for kind in KINDS:
        target = folder / "schemas" / f"{kind}.schema.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    made_paths = [project, readme, *made, *sorted((folder / "handouts" / "exercises").glob("*.yaml"))]
    return [path.relative_to(folder) for path in made_paths]
