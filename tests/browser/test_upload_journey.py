"""A reporter uploads a saved web page on the add-document page, in real Chromium.

The file goes through the browser's own file input and multipart encoding;
the document page then shows its suggested accounts and the capture named by
its file. A PDF chosen by mistake is refused on the form, nothing stored.
"""

import re

import pytest

from tests.factories import make_reporter
from tracker import capture_storage, services
from tracker.models import Capture, Document
from tracker.vocabularies import SourceKind

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE = (
    b"<!doctype html><html><head><meta charset='utf-8'><title>Market strike in Saraqib"
    b"</title></head><body><nav>Home | World | Sport</nav><article><p>At least 12 people "
    b"were killed in a strike on a market in Saraqib, the Syrian Observatory for Human "
    b"Rights said.</p><p>The army denied any role in the attack.</p></article>"
    b"<aside>Related: Football results</aside></body></html>"
)


def test_reporter_uploads_a_saved_page(watched, tmp_path):
    make_reporter(username="rita")
    services.source_create(
        actor=None, name="Syrian Observatory for Human Rights", kind=SourceKind.NGO
    )
    page = watched.page
    watched.log_in("rita")

    watched.goto("/admin/tracker/document/add/")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned statement")
    page.set_input_files("#id_file", str(scan))
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert "PDF is out of scope" in page.locator(".errorlist").first.inner_text()
    watched.shot("pdf-refused")
    assert Document.objects.count() == Capture.objects.count() == 0

    saved = tmp_path / "saraqib.html"
    saved.write_bytes(PAGE)
    page.set_input_files("#id_file", str(saved))
    watched.shot("file-chosen")
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/admin/tracker/document/\d+/change/"))
    suggestions = page.locator("#suggestions")
    assert "Syrian Observatory for Human Rights" in suggestions.inner_text()
    captures = page.locator("#document-captures").inner_text()
    assert "saraqib.html" in captures and "rita, admin upload" in captures
    watched.shot("uploaded")
    document = Document.objects.get()
    assert document.title == "Market strike in Saraqib" and "Football" not in document.text
    assert capture_storage.read_all(Capture.objects.get().sha256) == PAGE
