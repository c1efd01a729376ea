from __future__ import annotations

import io
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings
from pypdf import PdfReader

from handoutgen.cli import main

# Property tests: 25 examples each in the everyday suite;
# `pytest --hypothesis-profile=thorough` runs 400.
settings.register_profile("everyday", max_examples=25)
settings.register_profile("thorough", max_examples=400)
settings.register_profile("fuzz", max_examples=3000)  # tests/test_fuzz.py: thousands of mutated files
settings.load_profile("everyday")

REPO = Path(__file__).resolve().parent.parent
GLUTE = REPO / "handouts" / "glute-soreness.yaml"
GLUTE_ES = REPO / "handouts" / "glute-soreness.es.yaml"
CLINIC_LAYOUT = REPO / "layouts" / "riverside-clinic.yaml"
FIGURE = REPO / "tests" / "data" / "figure.svg"  # a picture file, drawn by our pose renderer

MINIMAL = """\
handout: sample
title: A sample handout
language: en
reviewed: 2026-11-01
sections:
  - title: What to do
    blocks:
      - text: Rest your legs today.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project folder laid out like ours, as the working directory."""
    (tmp_path / "handouts" / "images").mkdir(parents=True)
    (tmp_path / "layouts").mkdir()
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run(*args: str | Path) -> Result:
    """Run the command line as a user would, in the current folder."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def editions(folder: Path) -> list[Path]:
    """The PDF and HTML files a build wrote into a folder, sorted (a batch's manifest left out)."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".pdf", ".html")) if folder.exists() else []


def pdf_text(data: bytes | Path) -> str:
    raw = data.read_bytes() if isinstance(data, Path) else data
    reader = PdfReader(io.BytesIO(raw))
    return "\n".join(page.extract_text() for page in reader.pages)


def reader(data: bytes | Path) -> PdfReader:
    raw = data.read_bytes() if isinstance(data, Path) else data
    return PdfReader(io.BytesIO(raw))


def copy_examples(dest: Path) -> None:
    shutil.copytree(REPO / "handouts", dest / "handouts", dirs_exist_ok=True)
    shutil.copytree(REPO / "layouts", dest / "layouts", dirs_exist_ok=True)
    (dest / "handouts" / "images").mkdir(exist_ok=True)


def use_picture_file(exercise: Path, which: str, path: str) -> None:
    """Draw an exercise's start or end picture from a file instead of its pose."""
    import re

    text = exercise.read_text(encoding="utf-8")
    pattern = rf"(  {which}:\n    alt: .*\n)    pose: .*\n"
    changed = re.sub(pattern, rf"\g<1>    path: {path}\n    license: own\n", text)
    assert changed != text, f"{exercise} draws no {which} picture from a pose"
    exercise.write_text(changed, encoding="utf-8")


def write_library_pictures(root: Path) -> None:
    """handouts/images/<exercise>-start.svg and -end.svg for each exercise of the library, as
    the pose renderer draws them, for content that shows them as picture files."""
    from handoutgen.resolve.library import load_exercise

    images = root / "handouts" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for source in sorted((root / "handouts" / "exercises").glob("*.yaml")):
        if source.name.count(".") > 1:
            continue  # a translation shares its source's pictures
        _, start, end = load_exercise(source)
        for which, picture in (("start", start), ("end", end)):
            if picture is not None:
                (images / f"{source.name.split('.')[0]}-{which}.svg").write_bytes(picture.data)


def example_outputs(suffix: str = ".pdf") -> list[str]:
    """The files `handoutgen build handouts/` writes for the examples: every handout, deck and
    programme but the library's exercises and the programme template, sorted."""
    sources = [
        p
        for p in (REPO / "handouts").rglob("*.yaml")
        if "exercises" not in p.parts and not p.name.endswith("-template.yaml")
    ]
    return sorted(p.name.removesuffix(".yaml") + suffix for p in sources)
