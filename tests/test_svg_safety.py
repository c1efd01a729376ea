"""SVG pictures are parsed as XML and refused unless they draw completely from the file alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from conftest import run, write

HANDOUT = """\
handout: sample
title: A sample handout
language: en
reviewed: 2026-11-01
sections:
  - title: What to do
    blocks:
      - image: {path: images/pic.svg, alt: A picture of a stretch}
"""
SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="80">'
OUTSIDE = '<image xlink:href="../../secret/evil.png" width="100" height="80"/>'


def _use_bomb(levels: int, copies: int) -> str:
    defs = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, levels):
        uses = "".join(f'<use xlink:href="#l{level - 1}"/>' for _ in range(copies))
        defs.append(f'<g id="l{level}">{uses}</g>')
    return f'{SVG_HEAD}<defs>{"".join(defs)}</defs><use xlink:href="#l{levels - 1}"/></svg>'


CASES = {
    # name: (svg bytes, words the error must hold)
    "utf16-with-bom": ('<?xml version="1.0" encoding="UTF-16"?>' + SVG_HEAD + OUTSIDE + "</svg>").encode("utf-16"),
    "utf16-big-endian": ('<?xml version="1.0" encoding="UTF-16BE"?>' + SVG_HEAD + OUTSIDE + "</svg>").encode(
        "utf-16-be"
    ),
    "utf8-bom": b"\xef\xbb\xbf" + (SVG_HEAD + OUTSIDE + "</svg>").encode(),
    "latin1-declared": ('<?xml version="1.0" encoding="ISO-8859-1"?>' + SVG_HEAD + OUTSIDE + "</svg>").encode(
        "latin-1"
    ),
    "svg2-href-use": (SVG_HEAD + '<use href="other.svg#shape"/></svg>').encode(),
    "data-uri-image": (SVG_HEAD + '<image href="data:image/png;base64,iVBORw0KGgo=" width="9"/></svg>').encode(),
    "css-url-attribute": (SVG_HEAD + '<rect width="9" height="9" style="fill: url(\'../x.svg#g\')"/></svg>').encode(),
    "css-import": (SVG_HEAD + '<style>@import "https://example.org/a.css";</style></svg>').encode(),
    "css-url-in-style": (SVG_HEAD + "<style>rect { fill: url(/etc/passwd) }</style></svg>").encode(),
    "script": (SVG_HEAD + "<script>alert(1)</script></svg>").encode(),
    "foreign-object": (SVG_HEAD + "<foreignObject><p>hi</p></foreignObject></svg>").encode(),
    "event-attribute": (SVG_HEAD + '<rect width="9" height="9" onclick="x()"/></svg>').encode(),
    "doctype-no-entity": ('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">' + SVG_HEAD + "</svg>").encode(),
    "entity-utf16": (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + SVG_HEAD
        + "<text>&x;</text></svg>"
    ).encode("utf-16"),
    "absurd-width": b'<svg xmlns="http://www.w3.org/2000/svg" width="1e308" height="10"/>',
    "absurd-shape": (SVG_HEAD + '<rect width="1e309" height="9"/></svg>').encode(),
    "infinite-viewbox": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 inf 10"/>',
    "use-bomb": _use_bomb(6, 10).encode(),
    "use-cycle": (SVG_HEAD + '<g id="a"><use xlink:href="#b"/></g><g id="b"><use xlink:href="#a"/></g></svg>').encode(),
    "use-missing": (SVG_HEAD + '<use xlink:href="#nothing"/></svg>').encode(),
    "filter": (SVG_HEAD + '<filter id="f"/><rect width="9" height="9" filter="url(#f)"/></svg>').encode(),
    "mask-element": (SVG_HEAD + '<mask id="m"/><rect width="9" height="9"/></svg>').encode(),
    "not-xml": b"<svg><rect></svg>",
    "not-svg": b'<html xmlns="http://www.w3.org/1999/xhtml"></html>',
    "script-in-other-namespace": (SVG_HEAD + '<x:script xmlns:x="urn:other">alert(1)</x:script></svg>').encode(),
    "image-in-other-namespace": (
        SVG_HEAD + '<x:image xmlns:x="urn:other" xlink:href="../../secret/evil.png" width="9" height="9"/></svg>'
    ).encode(),
    "href-with-leading-space": (SVG_HEAD + '<image xlink:href=" #x ../../secret/evil.png" width="9"/></svg>').encode(),
    "href-two-fragments": (SVG_HEAD + '<use xlink:href="#a#b"/></svg>').encode(),
    "flat-matrix": (SVG_HEAD + '<rect width="9" height="9" transform="matrix(1 2 2 4 0 0)"/></svg>').encode(),
    "flat-scale": (SVG_HEAD + '<g transform="scale(0)"><rect width="9" height="9"/></g></svg>').encode(),
    "tiny-width": b'<svg xmlns="http://www.w3.org/2000/svg" width="1e-300" height="10"/>',
    "css-escaped-url": (SVG_HEAD + "<style>rect { fill: u\\72l(https://x.example/a.png) }</style></svg>").encode(),
    "css-escaped-import": (SVG_HEAD + '<style>@\\69mport "https://x.example/a.css";</style></svg>').encode(),
    "css-image-set": (SVG_HEAD + '<style>rect { fill: -webkit-image-set("a.png" 1x) }</style></svg>').encode(),
    "css-cross-fade": (SVG_HEAD + '<rect width="9" height="9" style="fill: cross-fade(a, b)"/></svg>').encode(),
    "css-comment-split": (SVG_HEAD + "<style>rect { fill: ur/**/l(https://x.example/) }</style></svg>").encode(),
    "style-filter": (SVG_HEAD + '<rect width="9" height="9" style="filter: blur(2px)"/></svg>').encode(),
    "style-mask": (SVG_HEAD + '<rect width="9" height="9" style="fill:red;mask:url(#m)"/></svg>').encode(),
    "css-comment-in-string": (
        SVG_HEAD + '<style>p{content:"/*"} rect{fill:url(https://x.example/a)} p{content:"*/"}</style></svg>'
    ).encode(),
    "xinclude": (
        SVG_HEAD + '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="../../secret.txt" parse="text"/></svg>'
    ).encode(),
}


@pytest.fixture
def attack(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with a secret picture and a text file next to it, outside the project's pictures."""
    secret = project.parent / "secret"
    secret.mkdir(exist_ok=True)
    Image.new("RGB", (40, 40), (255, 0, 0)).save(secret / "evil.png")
    write(project / "handouts" / "h.yaml", HANDOUT)
    monkeypatch.chdir(project)
    return project


@pytest.mark.parametrize("name", sorted(CASES))
def test_unsafe_or_incomplete_svg_is_refused_at_the_picture_line(name: str, attack: Path) -> None:
    (attack / "handouts" / "images" / "pic.svg").write_bytes(CASES[name])
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    assert "handouts/h.yaml:8:23: error: SVG `images/pic.svg`" in result.stderr, result.stderr
    assert not (attack / "out").exists()


def test_each_refusal_says_what_is_wrong(attack: Path) -> None:
    expected = {
        "utf16-with-bom": "refers to `../../secret/evil.png` outside the file",
        "css-import": "imports a style sheet",
        "script": "contains a script",
        "event-attribute": "event attribute `onclick`",
        "doctype-no-entity": "declares a DOCTYPE",
        "absurd-width": "absurd `width` (1e308)",
        "absurd-shape": "absurd `width`",
        "use-bomb": "expands to more than",
        "use-cycle": "refers back to itself",
        "use-missing": "`#nothing`, which is not in the file",
        "filter": "cannot be printed, so the picture would be incomplete",
        "not-xml": "is not well-formed XML",
    }
    for name, words in expected.items():
        (attack / "handouts" / "images" / "pic.svg").write_bytes(CASES[name])
        result = run("validate", "handouts/h.yaml")
        assert result.exit_code == 2, name
        assert words in result.stderr, (name, result.stderr)


def test_a_plain_svg_in_any_encoding_still_builds(attack: Path) -> None:
    shapes = SVG_HEAD + '<rect x="5" y="5" width="90" height="70" fill="#1f4e79"/><use xlink:href="#c"/>'
    shapes += '<defs><circle id="c" cx="50" cy="40" r="9" fill="#e07a1f"/></defs></svg>'
    for encoding in ("utf-8", "utf-16", "iso-8859-1"):
        text = f'<?xml version="1.0" encoding="{encoding.upper()}"?>' + shapes
        (attack / "handouts" / "images" / "pic.svg").write_bytes(text.encode(encoding))
        result = run("build", "handouts/h.yaml", "-o", f"out/{encoding}.pdf")
        assert result.exit_code == 0, result.stderr


def test_drawing_program_metadata_is_allowed(attack: Path) -> None:
    picture = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
        ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="100" height="80">'
        '<sodipodi:namedview inkscape:zoom="2"/><rect width="90" height="70" inkscape:label="box"/></svg>'
    )
    (attack / "handouts" / "images" / "pic.svg").write_text(picture)
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 0, result.stderr


def test_words_inside_a_picture_need_glyphs_in_the_body_font(attack: Path) -> None:
    picture = SVG_HEAD + '<text x="5" y="40" font-size="12">Knee \u4e2d</text></svg>'
    (attack / "handouts" / "images" / "pic.svg").write_text(picture, encoding="utf-8")
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2, result.stderr
    assert "handouts/h.yaml:8:23" in result.stderr and "cannot print: `\u4e2d` (U+4E2D)" in result.stderr
    assert not (attack / "out").exists()


@pytest.mark.parametrize("inside", ["", "<defs><rect id='r' width='9' height='9'/></defs>", "<text> </text>"])
def test_an_svg_that_draws_nothing_still_builds(inside: str, attack: Path) -> None:
    (attack / "handouts" / "images" / "pic.svg").write_text(SVG_HEAD + inside + "</svg>")
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 0, result.stderr
