"""The HTML edition: built from the same document as the PDF, self-contained, structured for
screen readers, and checked like the PDF."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import handoutgen
from conftest import CLINIC_LAYOUT, GLUTE, GLUTE_ES, MINIMAL, REPO, copy_examples, example_outputs, run, write
from handoutgen.errors import HandoutError
from handoutgen.verify.html import read_html

PROGRAMME = REPO / "handouts" / "programs" / "glute-rehab.yaml"
DECK = REPO / "handouts" / "decks" / "glute-stretches.yaml"
LAYOUTS = ["a4", "letter", "large-print", str(CLINIC_LAYOUT)]


@pytest.fixture(scope="module")
def glute_html() -> str:
    return handoutgen.build(GLUTE, layout=CLINIC_LAYOUT, format="html").decode()


EDITIONS = [
    *((content, layout) for content in (GLUTE, GLUTE_ES, PROGRAMME) for layout in LAYOUTS),
    *(
        (content, layout)
        for content in (PROGRAMME, DECK, REPO / "handouts/decks/glute-stretches.es.yaml")
        for layout in ("cards-a6", "cards-letter", "cards-wallet")
    ),
]


@pytest.mark.parametrize(("content", "layout"), EDITIONS, ids=[f"{c.stem}-{Path(n).stem}" for c, n in EDITIONS])
def test_every_example_in_every_layout_passes_the_html_check(content: Path, layout: str) -> None:
    document = handoutgen.document(content, layout)
    html = handoutgen.build(document, format="html")
    report = handoutgen.check(html, content=document)
    assert report.ok, report.format(str(content))
    assert handoutgen.build(document, format="html") == html  # the same bytes every time


def test_build_writes_both_editions_and_checks_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("build", "handouts/glute-soreness.yaml", "--format", "pdf,html", "-o", "out/g.pdf")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"built out/g.pdf \(5 pages, checked: \d+ words\)", result.output)
    assert re.search(r"built out/g.html \(one page, checked: \d+ words\)", result.output)
    check = run("check", "out/g.html", "--content", "handouts/glute-soreness.yaml")
    assert check.exit_code == 0 and "ok   headings" in check.output
    result = run("build", "handouts/", "-f", "html", "-o", "site")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == example_outputs(".html")
    bad = run("build", "handouts/glute-soreness.yaml", "--format", "docx")
    assert bad.exit_code == 2 and "give pdf, html or pdf,html" in bad.stderr


def test_the_page_is_self_contained(glute_html: str) -> None:
    assert "<script" not in glute_html and "@import" not in glute_html
    sources = re.findall(r'\bsrc="([^"]*)"', glute_html)
    assert sources and all(src.startswith("data:image/") for src in sources)
    assert not re.search(r"url\((?!data:)", glute_html)
    assert not re.search(r'href="(?!https?:|mailto:|tel:|#)', glute_html)


def test_the_structure_a_screen_reader_announces(glute_html: str) -> None:
    page = read_html(glute_html.encode())
    assert page.lang == "en" and page.title.strip() == "Sore glutes from running"
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert any("Why your glutes get sore" in text for _, text in page.headings)
    assert '<ol class="steps"><li><strong>Make your glutes stronger</strong>' in glute_html
    assert "<ul><li><strong>Overuse</strong>" in glute_html
    assert re.search(r'<aside class="callout \w+" aria-labelledby="[\w-]+"><p class="callout-title" id=', glute_html)
    assert re.search(r'<figure><img src="data:image/svg\+xml;base64,[^"]+" alt="[^"]{8,}"', glute_html)
    assert "<figcaption>Start</figcaption>" in glute_html
    assert 'alt="Riverside Physio &amp; Sports Clinic logo"' in glute_html  # the clinic's logo, with alt text
    assert "This handout gives general advice" in glute_html  # and its disclaimer
    assert 'name="viewport"' in glute_html


def test_tables_qr_codes_and_the_log(tmp_path: Path) -> None:
    source = write(
        tmp_path / "handouts" / "h.yaml",
        MINIMAL
        + "      - table: {caption: Ice or heat, header: [When, What], rows: [[First 2 days, Ice], [Later, Heat]]}\n"
        + '      - qr: {url: "https://example.org/stretch", label: Watch the stretch}\n'
        + "      - text: See [the NHS page](https://www.nhs.uk/) for more.\n",
    )
    html = handoutgen.build(source, format="html").decode()
    assert '<caption>Ice or heat</caption><thead><tr><th scope="col">When</th>' in html
    assert '<a href="https://example.org/stretch">Watch the stretch</a>' in html
    assert 'alt="QR code: https://example.org/stretch"' in html
    assert '<a href="https://www.nhs.uk/">the NHS page</a>' in html
    assert handoutgen.check(html.encode(), content=source).ok
    programme = handoutgen.build(PROGRAMME, format="html").decode()
    assert re.search(r'<table class="log" aria-label="Week 1"><thead><tr><th scope="col">Week 1</th>', programme)
    assert '<tr><th scope="row">Squat</th><td><input type="checkbox" aria-label="Squat, Week 1, Mon">' in programme
    assert '<dl class="details"><dt>Patient</dt><dd>Alex Morgan</dd>' in programme
    large = handoutgen.build(PROGRAMME, layout="large-print", format="html").decode()
    assert "html{font-size:150%" in large  # large print as a larger base size


@pytest.mark.parametrize(
    ("change", "check", "words"),
    [
        (lambda h: h.replace("<strong>Overuse</strong>", ""), "words", "'overuse'"),
        (lambda h: h.replace(' lang="en"', ""), "metadata", "no `lang`"),
        (lambda h: h.replace('<html lang="en">', '<html lang="es">'), "metadata", "the content is en"),
        (lambda h: h.replace(' alt="', ' title="', 1), "pictures", "without alt text"),
        (
            lambda h: h.replace("</main>", '<img src="https://tracker.example/p.gif" alt="x"></main>'),
            "requests",
            "tracker",
        ),
        (lambda h: h.replace("</main>", "<script>alert(1)</script></main>"), "requests", "<script>"),
        (lambda h: h.replace("</main>", '<p onclick="x()">a</p></main>'), "requests", "`onclick`"),
        (lambda h: h.replace("<style>", "<style>body{background:url(https://x.example/b.png)}"), "requests", "url("),
        (lambda h: h.replace("<style>", "<style>body{background:\\75rl(https://x.example/b.png)}"), "requests", "url("),
        (lambda h: h.replace("<style>", "<style>@IMPORT 'https://x.example/a.css';"), "requests", "@import"),
        (lambda h: h.replace("<style>", "<style>@font-face{src:local(x)}"), "requests", "@font-face"),
        (lambda h: h.replace("</main>", "<svg><script>alert(1)</script></svg></main>"), "requests", "<svg>"),
        (lambda h: h.replace("</main>", '<form action="https://x.example/"></form></main>'), "requests", "<form>"),
        (lambda h: h.replace("</main>", '<p style="background:red">a</p></main>'), "requests", "`style`"),
        (lambda h: h.replace("</main>", '<input type="image" src="x.png"></main>'), "requests", "type=image"),
        (
            lambda h: h.replace("<head>", '<head><meta http-equiv="refresh" content="0;url=https://x.example/">'),
            "requests",
            "`http-equiv`",
        ),
        (lambda h: h.replace("</main>", '<img src="data:text/html,hi" alt="x"></main>'), "requests", "data:text"),
        (lambda h: h.replace("</main>", "<!--><script>alert(1)</script>--></main>"), "requests", "a comment"),
        (
            lambda h: h.replace(
                "</main>", '<img src="https://x.example/p.gif" src="data:image/png;base64,AA" alt="x"></main>'
            ),
            "requests",
            "a repeated attribute",
        ),
        (lambda h: "<?xml version='1.0'?>" + h, "requests", "a processing instruction"),
        (lambda h: h.replace("</main>", '<a href="http://[oops">x</a></main>'), "links", "not a well-formed address"),
        (lambda h: h.replace("<title>Sore glutes", "<title>Other"), "metadata", "<title> is"),
        (lambda h: h.replace("<h1>Sore glutes", "<h1>Other"), "metadata", "the <h1> is"),
        (
            lambda h: h.replace(
                "<style>", '<style>p{content:"/*"}body{background:url(https://x.example/p)}p{content:"*/"}'
            ),
            "requests",
            "url(",
        ),
        (
            lambda h: h.replace("<style>", r"<style>p{x:\2f\2a}body{background:url(https://x.example/p)}/* */"),
            "requests",
            "url(",
        ),
        (
            lambda h: h.replace("</style>", "a{}</style x><img src=https://x.example/p alt=x></style>", 1),
            "requests",
            "markup",
        ),
        (lambda h: h.replace("</main>", "<h4>Skipped</h4></main>"), "headings", "straight after"),
        (lambda h: h.replace("</main>", "<h1>Another</h1></main>"), "headings", "2 <h1>"),
        (lambda h: h.replace("</main>", '<a href="https://elsewhere.example/">x</a></main>'), "links", "not one of"),
        (lambda h: h.replace("</main>", '<a href="javascript:alert(1)">x</a></main>'), "links", "scheme"),
        (lambda h: h.replace("</main>", '<a href="#nowhere">x</a></main>'), "links", "points at nothing"),
    ],
)
def test_the_html_check_finds_what_is_wrong(glute_html: str, change, check: str, words: str) -> None:
    document = handoutgen.document(GLUTE, CLINIC_LAYOUT)
    assert handoutgen.check(glute_html.encode(), content=document).ok
    report = handoutgen.check(change(glute_html).encode(), content=document)
    failed = {f.check: f.message for f in report.findings if not f.ok}
    assert check in failed and words in failed[check], report.format("spoiled")


def test_a_page_that_is_not_html_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(HandoutError, match="not a readable HTML page"):
        handoutgen.check(b"<!DOCTYPE html>\xff\xfe")
    (tmp_path / "x.html").write_bytes(b"<!doctype html>\x00\xff")
    result = run("check", tmp_path / "x.html")
    assert result.exit_code == 2 and "Traceback" not in result.output
