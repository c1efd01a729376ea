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
