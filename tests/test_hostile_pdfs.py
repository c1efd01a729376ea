"""`check` on PDFs made to hurt: unreadable files exit 2 cleanly; scripts, actions and
encryption are check failures; nothing gives a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

import handoutgen
from conftest import MINIMAL, run, write
from handoutgen.errors import HandoutError


def raw_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF written by hand, object by object, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets.get(i, 0) for i in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


def page_tree_bomb(levels: int = 7, width: int = 50) -> bytes:
    objects = {1: CATALOG}
    for level in range(2, levels + 2):
        kids = b" ".join(b"%d 0 R" % (level + 1) for _ in range(width))
        objects[level] = b"<< /Type /Pages /Kids [" + kids + b"] /Count 1000000000 >>"
    objects[levels + 2] = PAGE
    return raw_pdf(objects)


UNREADABLE = {
    "page-tree-bomb": page_tree_bomb(),
    "page-tree-cycle": raw_pdf({1: CATALOG, 2: b"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>"}),
    "root-not-a-dictionary": raw_pdf({1: b"[1 2 3]"}),
    "truncated": b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog",
    "empty": b"",
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "deep-nesting": b"%PDF-1.4\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_an_unreadable_pdf_is_a_clean_input_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(UNREADABLE[name])
    result = run("check", path)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output + result.stderr
    if result.exit_code == 2:
        assert "not a readable PDF" in result.stderr
        with pytest.raises(HandoutError):
            handoutgen.check(UNREADABLE[name])
    else:
        assert not handoutgen.check(UNREADABLE[name]).ok


def test_a_page_tree_bomb_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(page_tree_bomb(levels=7, width=60))
    result = run("check", path)
    assert result.exit_code == 2 and "not a readable PDF" in result.stderr


def _with(pdf: bytes, change) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _javascript_action(code: str) -> DictionaryObject:
    return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)})


@pytest.fixture(scope="module")
def good_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("good")
    return handoutgen.build(write(folder / "handouts" / "h.yaml", MINIMAL))


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("open-action", lambda w: w._root_object.update({NameObject("/OpenAction"): _javascript_action("1")}), "opens"),
        ("document-javascript", lambda w: _document_javascript(w), "document JavaScript"),
        ("encrypted", lambda w: w.encrypt("", "owner"), "encrypted"),
        (
            "page-actions",
            lambda w: w.pages[0].update(
                {NameObject("/AA"): DictionaryObject({NameObject("/O"): _javascript_action("1")})}
            ),
            "actions run on events on page 1",
        ),
        (
            "launch-link",
            lambda w: w.add_annotation(
                0,
                DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/Annot"),
                        NameObject("/Subtype"): NameObject("/Link"),
                        NameObject("/Rect"): handoutgen_rect(),
                        NameObject("/A"): DictionaryObject(
                            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
                        ),
                    }
                ),
            ),
            "a launch action on page 1",
        ),
        ("annotation-events", lambda w: w.add_annotation(0, _link({"/AA": _page_open_action()})), "events on page 1"),
        ("other-file-link", lambda w: w.add_annotation(0, _link({"/A": _action("/GoToR")})), "another file on page 1"),
        (
            "chained-action",
            lambda w: w.add_annotation(0, _link({"/A": _action("/URI", Next=_javascript_action("1"))})),
            "JavaScript action on page 1",
        ),
        ("outline-script", lambda w: _outline_with(w, _javascript_action("1")), "JavaScript action"),
        ("embedded-file", lambda w: w.add_attachment("notes.txt", b"hello"), "embedded files"),
        (
            "namespaced-key-hidden-in-metadata",
            lambda w: w._root_object.update(
                {NameObject("/Extra"): DictionaryObject({NameObject("/X"): _action("/Launch")})}
            ),
            "launch action",
        ),
    ],
)
def test_scripts_actions_and_encryption_fail_the_check(
    name: str, change, message: str, good_pdf: bytes, tmp_path: Path
) -> None:
    assert handoutgen.check(good_pdf).ok
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(_with(good_pdf, change))
    result = run("check", path)
    assert result.exit_code == 1, result.output
    assert "FAIL safety" in result.output and message in result.output


def _page_open_action() -> DictionaryObject:
    return DictionaryObject({NameObject("/O"): _javascript_action("1")})


def _document_javascript(writer: PdfWriter) -> None:
    from pypdf.generic import ArrayObject

    scripts = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("a"), _javascript_action("1")])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): scripts})


def handoutgen_rect():
    from pypdf.generic import ArrayObject, FloatObject

    return ArrayObject([FloatObject(10), FloatObject(10), FloatObject(50), FloatObject(50)])


def _action(kind: str, **extra) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    for key, value in extra.items():
        action[NameObject("/" + key)] = value
    return action


def _link(entries: dict) -> DictionaryObject:
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): handoutgen_rect(),
        }
    )
    for key, value in entries.items():
        link[NameObject(key)] = value
    return link


def _outline_with(writer: PdfWriter, action: DictionaryObject) -> None:
    item = writer.add_outline_item(title="Start", page_number=0)
    item.get_object()[NameObject("/A")] = action


def test_a_clean_handout_passes_the_object_walk(good_pdf: bytes) -> None:
    report = handoutgen.check(good_pdf)
    assert next(f for f in report.findings if f.check == "safety").ok


def _xobject_fanout() -> bytes:
    """A one-page PDF whose form lists itself 30 times: a naive walk visits 30**depth forms."""
    refs = b" ".join(b"/X%d 4 0 R" % i for i in range(30))
    return raw_pdf(
        {
            1: CATALOG,
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /X 4 0 R >> >> >>",
            4: b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << "
            + refs
            + b" >> >> /Length 0 >>\nstream\n\nendstream",
        }
    )


def _content_bomb() -> bytes:
    """A page whose few hundred kilobytes of content unpack to 60 MB of drawing instructions."""
    import zlib

    packed = zlib.compress(b"0 0 m 1 1 l S\n" * (60 * 1024 * 1024 // 14), 9)
    return raw_pdf(
        {
            1: CATALOG,
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            4: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        }
    )


@pytest.mark.parametrize(("make", "words"), [(_xobject_fanout, "fonts"), (_content_bomb, "unpacks to more than 20 MB")])
def test_pdfs_built_to_exhaust_the_check_finish_at_once(make, words: str, tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(make())
    result = run("check", path)  # before the fixes these ran for minutes
    assert result.exit_code in (1, 2) and "Traceback" not in result.stderr
    assert words in result.output + result.stderr


def _page_with(contents: bytes, resources: bytes = b"<< >>", extra: dict | None = None) -> bytes:
    objects = {
        1: CATALOG,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents "
        + contents
        + b" /Resources "
        + resources
        + b" >>",
    }
    objects.update(extra or {})
    return raw_pdf(objects)


def _stream(data: bytes, filters: bytes = b"/FlateDecode", more: bytes = b"") -> bytes:
    return b"<< /Length %d /Filter %s %s >>\nstream\n" % (len(data), filters, more) + data + b"\nendstream"


def _bomb(megabytes: int) -> bytes:
    import zlib

    return zlib.compress(b"0 0 m 1 1 l S\n" * (megabytes * 1024 * 1024 // 14), 9)


MALFORMED_OR_SWOLLEN = {
    "filter-array": _page_with(b"4 0 R", extra={4: _stream(_bomb(40), b"[/FlateDecode]")}),
    "nested-forms": _page_with(
        b"[]",
        b"<< /XObject << /A 4 0 R >> >>",
        {
            4: _stream(
                b"",
                b"/FlateDecode",
                b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /B 5 0 R >> >>",
            )
            .replace(b"/Length 0", b"/Length 8")
            .replace(b"stream\n\nendstream", b"stream\nx\x9c\x03\x00\x00\x00\x00\x01\nendstream"),
            5: _stream(_bomb(40), b"/FlateDecode", b"/Type /XObject /Subtype /Form /BBox [0 0 1 1]"),
        },
    ),
    "contents-null": _page_with(b"null"),
    "contents-number": _page_with(b"42"),
    "resources-array": _page_with(b"[]", b"[1 2]"),
    "xobject-null": _page_with(b"[]", b"<< /XObject << /X null >> >>"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED_OR_SWOLLEN))
def test_malformed_and_swollen_pages_are_findings_not_tracebacks(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(MALFORMED_OR_SWOLLEN[name])
    result = run("check", path)
    assert result.exit_code in (1, 2) and "Traceback" not in result.output + result.stderr, result.output
    if name in ("filter-array", "nested-forms"):
        assert "unpacks to more than 20 MB" in result.output


def test_an_action_kind_behind_a_reference_and_a_file_link_in_the_outline_fail(good_pdf: bytes, tmp_path: Path) -> None:
    from pypdf.generic import IndirectObject

    def indirect_launch(writer: PdfWriter) -> None:
        kind = writer._add_object(NameObject("/Launch"))
        action = DictionaryObject({NameObject("/S"): IndirectObject(kind.idnum, 0, writer)})
        writer.add_annotation(0, _link({"/A": action}))

    for change, words in (
        (indirect_launch, "launch action"),
        (lambda w: _outline_with(w, _action("/URI", URI=TextStringObject("file:///etc/passwd"))), "file:///etc/passwd"),
    ):
        path = tmp_path / "x.pdf"
        path.write_bytes(_with(good_pdf, change))
        result = run("check", path)
        assert result.exit_code == 1 and "FAIL safety" in result.output and words in result.output, result.output
