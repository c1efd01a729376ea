"""Layout strings in each content language: one value, or `{en: ..., es: ...}`."""

from __future__ import annotations

from pathlib import Path

import pytest

import handoutgen
from conftest import GLUTE, GLUTE_ES, copy_examples, pdf_text, run, write

CLINIC = """\
extends: a4
brand:
  name: {en: Riverside Physio, es: Fisioterapia Riverside}
  address: {en: 4 Mill Lane, es: Calle del Molino 4}
header:
  left: "{brand.name}"
  right: {en: "Call {brand.phone}", es: "Llama al {brand.phone}"}
footer:
  left: {en: "{title} · {reviewed}"}
brand_phone_placeholder: none
disclaimer:
  en: General advice only; it does not replace a check-up.
  es: Solo son consejos generales; no sustituyen a una consulta.
"""


@pytest.fixture
def clinic(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_examples(project)
    monkeypatch.chdir(project)
    text = CLINIC.replace("brand_phone_placeholder: none\n", "").replace(
        "  address:", "  phone: 01632 960 123\n  address:"
    )
    return write(project / "layouts" / "clinic.yaml", text)


def test_each_edition_prints_its_own_language(clinic: Path) -> None:
    english = pdf_text(handoutgen.build(GLUTE, layout=clinic))
    spanish = pdf_text(handoutgen.build(GLUTE_ES, layout=clinic))
    assert "General advice only" in english and "Riverside Physio" in english and "Call 01632" in english
    assert "Solo son consejos generales" in spanish and "Fisioterapia Riverside" in spanish
    assert "Llama al 01632" in spanish
    assert "General advice" not in spanish and "Call 01632" not in spanish
    html = handoutgen.build(GLUTE_ES, layout=clinic, format="html").decode()
    assert "Solo son consejos generales" in html and "Fisioterapia Riverside" in html


def test_a_language_without_a_value_falls_back_out_loud(clinic: Path) -> None:
    result = run("build", str(GLUTE_ES), "-l", str(clinic), "-o", "out/es.pdf")
    assert result.exit_code == 0, result.stderr
    assert "clinic.yaml:10:9: warning: `footer.left` has no `es` value" in result.stderr
    assert "prints the English one" in result.stderr
    lint = run("lint", str(GLUTE_ES), "-l", str(clinic))
    assert lint.exit_code == 1 and "layout-language: `footer.left` has no `es` value" in lint.output
    assert "layout-language" not in run("lint", str(GLUTE), "-l", str(clinic)).output


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("disclaimer: {en: Fine, fr: Bien}", "`fr`"),
        ("disclaimer: {en: [a, b]}", "`en`"),
        ("footer: {left: {en: '{nope}'}}", "{nope}"),
        ("brand: {name: {en: " + "ab " * 60 + "}}", "150"),
    ],
)
def test_bad_per_language_values_are_errors_at_their_line(value: str, words: str, project: Path) -> None:
    layout = write(project / "layouts" / "bad.yaml", f"extends: a4\n{value}\n")
    result = run("validate", str(layout))
    assert result.exit_code == 2 and "bad.yaml:2:" in result.stderr and words in result.stderr, result.stderr
