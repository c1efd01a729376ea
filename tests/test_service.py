"""The service API: content given as text or data, and the web service of docs/service.md."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import handoutgen
from conftest import GLUTE, MINIMAL, REPO, pdf_text
from handoutgen.errors import GIVEN_TEXTS


def test_text_builds_as_the_file_it_could_have_been() -> None:
    text = GLUTE.read_text(encoding="utf-8")
    assert handoutgen.build_text(text, name="posted.yaml", root=GLUTE.parent) == handoutgen.build(GLUTE)
    assert handoutgen.build_text(text, root=GLUTE.parent, format="html") == handoutgen.build(GLUTE, format="html")
    assert dict(GIVEN_TEXTS.get()) == {}  # nothing of the call is left behind


def test_messages_name_the_text_by_its_label_with_the_line() -> None:
    with pytest.raises(handoutgen.HandoutError) as caught:
        handoutgen.build_text(MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"), name="form 12")
    message = str(caught.value)
    assert message.startswith("form 12:4:11: error: `reviewed`: `someday` is not a date")
    assert "   4 | reviewed: someday" in message  # the line, from the text itself
    assert caught.value.problems[0].to_dict()["file"] == "form 12"


def test_data_builds_too_and_bad_arguments_are_the_callers_bugs() -> None:
    data = {
        "handout": "web",
        "title": "From a form",
        "language": "en",
        "reviewed": "2026-11-01",
        "sections": [{"title": "Rest", "blocks": [{"text": "Rest your legs today: NO running."}]}],
    }
    assert "Rest your legs today: NO running." in pdf_text(handoutgen.build_mapping(data))
    with pytest.raises(TypeError):
        handoutgen.build_text(b"handout: x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        handoutgen.build_mapping(["a list"])  # type: ignore[arg-type]


def test_given_text_stays_inside_its_project(tmp_path: Path) -> None:
    (tmp_path / "handouts").mkdir()
    secret = tmp_path.parent / f"{tmp_path.name}-secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    text = MINIMAL.replace("- text: Rest your legs today.", f"- image: {{path: ../../{secret.name}, alt: A secret}}")
    with pytest.raises(handoutgen.HandoutError, match="outside the project folder"):
        handoutgen.build_text(text, root=tmp_path / "handouts")
    secret.unlink()


def test_threads_building_different_texts_get_their_own() -> None:
    titles = [f"Handout number {n}" for n in range(6)]
    results: dict[str, bytes] = {}

    def one(title: str) -> None:
        results[title] = handoutgen.build_text(MINIMAL.replace("A sample handout", title), name=title)

    threads = [threading.Thread(target=one, args=(title,)) for title in titles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for title in titles:
        assert title in pdf_text(results[title])


def test_the_web_service_in_the_docs_answers_with_a_pdf_or_the_messages(monkeypatch) -> None:
    page = (REPO / "docs" / "service.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    namespace: dict = {"__name__": "service"}
    exec(compile(code, "docs/service.md", "exec"), namespace)  # the page's own code, as written
    monkeypatch.chdir(REPO)  # PROJECT = "." is the project folder
    import http.server

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), namespace["Handouts"])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        posted = GLUTE.read_bytes()
        with urllib.request.urlopen(urllib.request.Request(address, data=posted)) as answer:
            assert answer.status == 200 and answer.headers["Content-Type"] == "application/pdf"
            assert "Sore glutes from running" in pdf_text(answer.read())
        bad = MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday").encode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(address, data=bad))
        assert refused.value.code == 422
        assert "posted.yaml:4:11: error:" in refused.value.read().decode()
    finally:
        server.shutdown()
        server.server_close()
