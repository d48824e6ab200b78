"""manage.py ingest keeps each file's bytes (or each .jsonl line's) as the document's capture."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tracker import capture_storage
from tracker.extraction import HTML_TO_TEXT_VERSION
from tracker.models import Capture, Document
from tracker.vocabularies import CaptureOrigin

pytestmark = pytest.mark.django_db

PAGE = (
    "<html><head><title>Clashes</title></head><body><nav>Home | World</nav>"
    "<p>Dozens of fighters were killed, monitors said.</p></body></html>"
)


def run(*args: str) -> str:
    out = StringIO()
    call_command("ingest", "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_each_file_and_each_line_keeps_its_own_bytes(tmp_path):
    txt = "Bridge strike\r\n\r\nFour were injured at the café when the bridge was hit.\r\n"
    (tmp_path / "a.txt").write_bytes(txt.encode("cp1252"))
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    lines = [
        json.dumps({"title": "Dam", "text": "The dam was breached, engineers said."}),
        json.dumps(
            {"html": "<p>Two boats sank, the coast guard said.</p>", "url": "https://e.org/b"}
        ),
    ]
    (tmp_path / "c.jsonl").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    run(str(tmp_path))

    def capture_of(**document):
        return Document.objects.get(**document).captures.get()

    txt_capture = capture_of(title="Bridge strike")
    assert capture_storage.read_all(txt_capture.sha256) == txt.encode("cp1252")
    assert txt_capture.origin == CaptureOrigin.FILE and txt_capture.tool == "manage.py ingest"
    assert txt_capture.content_type == "text/plain; charset=cp1252"
    html_capture = capture_of(title="Clashes")
    assert capture_storage.read_all(html_capture.sha256) == PAGE.encode("utf-8")
    assert html_capture.html_extractor_version == HTML_TO_TEXT_VERSION
    dam = capture_of(title="Dam")
    assert capture_storage.read_all(dam.sha256) == lines[0].encode("utf-8")
    assert dam.origin == CaptureOrigin.JSONL_LINE and dam.html_extractor_version == ""
    boats = capture_of(url="https://e.org/b")
    assert capture_storage.read_all(boats.sha256) == lines[1].encode("utf-8")
    assert boats.html_extractor_version == HTML_TO_TEXT_VERSION


def test_running_again_adds_no_capture_but_other_bytes_of_the_same_text_do(tmp_path):
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    run(str(tmp_path))
    out = run(str(tmp_path))
    assert "1 already stored (0 of them captured anew)" in out
    assert Capture.objects.count() == 1
    (tmp_path / "b.html").write_text(PAGE.replace("Home | World", "Home"), encoding="utf-8")
    out = run(str(tmp_path))
    assert "1 already stored (1 of them captured anew)" in out
    assert Document.objects.count() == 1 and Capture.objects.count() == 2
