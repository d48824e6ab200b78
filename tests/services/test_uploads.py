"""document_upload: a .txt or .html file kept untouched as a capture, its text read like a paste."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_event, make_source
from tracker import capture_storage, services
from tracker.extraction import ATTRIBUTION_VERSION, HTML_TO_TEXT_VERSION
from tracker.models import Capture, Document, Extraction, Suggestion

pytestmark = pytest.mark.django_db

REPORT = (
    "Coalition strike kills five in Deir al-Zour\n"
    "An air strike hit a house in Deir al-Zour province on Tuesday, killing five people, "
    "residents said. The US-led coalition denied it had carried out a strike in the area.\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Strike in Deir al-Zour</title>"
    "</head><body><nav>Home | World | Sport</nav><article><h1>Strike in Deir al-Zour</h1>"
    "<p>An air strike hit a house in Deir al-Zour province on Tuesday, killing five "
    "people, residents said.</p><p>The US-led coalition denied it had carried out a strike "
    "in the area.</p></article><aside>Related: Market reopens</aside></body></html>"
)


def upload(actor, name, content, **kwargs):
    return services.document_upload(actor=actor, name=name, content=content, via="paste", **kwargs)


def stored() -> tuple[int, int, int]:
    return Document.objects.count(), Capture.objects.count(), Suggestion.objects.count()


def test_a_txt_file_is_kept_as_uploaded_and_read_like_a_paste(reporter):
    raw = REPORT.replace("\n", "\r\n").encode()
    result = upload(reporter, "C:\\Users\\desk\\sohr report.txt", raw)
    capture, document = result.capture, result.document
    assert result.document_created and result.suggestions >= 2
    assert capture_storage.read_all(capture.sha256) == raw  # untouched: CRLF and all
    assert capture.file_name == "sohr report.txt"
    assert capture.content_type == "text/plain; charset=utf-8"
    assert (capture.origin, capture.captured_by, capture.tool) == ("file", reporter, "admin upload")
    assert capture.html_extractor_version == ""  # no HTML was read
    assert capture.attribution_extractor_version == ATTRIBUTION_VERSION
    assert document.text == REPORT.rstrip("\n") or document.text == REPORT
    assert Extraction.objects.get(document=document).via == "paste"
    stances = set(Suggestion.objects.filter(document=document).values_list("stance", flat=True))
    assert {"asserts", "denies"} <= stances


def test_an_html_file_is_read_through_the_html_reader(reporter):
    raw = PAGE.encode()
    result = upload(reporter, "strike.HTML", raw, declared_type="text/html")
    capture, document = result.capture, result.document
    assert capture_storage.read_all(capture.sha256) == raw
    assert capture.content_type == "text/html; charset=utf-8"
    assert capture.html_extractor_version == HTML_TO_TEXT_VERSION
    assert document.title == "Strike in Deir al-Zour"
    assert "Home | World" not in document.text and "Related" not in document.text
    assert "killing five people" in document.text
    assert result.suggestions >= 1


def test_the_only_event_that_fits_gets_the_suggestions_as_for_a_paste(reporter):
    make_source(name="US-led coalition", kind="armed_party")
    services.entity_create(actor=None, name="Deir ez-Zor", kind="place", aliases=["Deir al-Zour"])
    strike = make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor",
                        date_start=date(2026, 3, 3))  # fmt: skip
    result = upload(
        reporter, "r.txt", REPORT.encode(), published_at=datetime(2026, 3, 4, 9, tzinfo=UTC)
    )
    events = set(
        Suggestion.objects.filter(document=result.document).values_list("event", flat=True)
    )
    assert events == {strike.pk}
    assert any("the only event that fits" in w for w in result.warnings)


def test_encodings_are_read_only_where_they_can_be_told(reporter):
    text = "Le ministère a déclaré que cinq personnes ont été tuées, selon des témoins.\n"
    with_bom = upload(reporter, "a.txt", b"\xef\xbb\xbf" + text.encode())
    assert with_bom.document.text.startswith("Le ministère") and with_bom.capture.content_type == (
        "text/plain; charset=utf-8"
    )
    utf16 = text.replace("cinq", "six")
    assert upload(reporter, "b.txt", utf16.encode("utf-16")).document.text.startswith("Le min")
    legacy = text.replace("cinq", "sept").encode("cp1252")
    before = stored()
    with pytest.raises(ValidationError) as refused:
        upload(reporter, "c.txt", legacy)
    message = refused.value.message_dict["file"][0]
    assert "is not UTF-8 (byte 9, 0xe8" in message and "Save it as UTF-8" in message
    assert message.endswith("Nothing was stored.")
    assert stored() == before
    declared = upload(reporter, "c.txt", legacy, declared_type="text/plain; charset=windows-1252")
    assert "sept personnes" in declared.document.text
    assert declared.capture.content_type == "text/plain; charset=windows-1252"
    meta = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
        "</head><body><p>Le ministère a déclaré que huit personnes ont été tuées.</p></body>"
        "</html>"
    ).encode("latin-1")
    page = upload(reporter, "d.htm", meta)
    assert "huit personnes ont été tuées" in page.document.text
    assert page.capture.content_type == "text/html; charset=windows-1252"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", "The file is empty."),
        ("blank.txt", b" \r\n\t\n", "The file holds only whitespace."),
        ("report.pdf", b"%PDF-1.7\n...", "PDF is out of scope: tracker reads a .txt file"),
        ("report.txt", b"%PDF-1.4\n...", "PDF is out of scope"),
        ("report.docx", b"PK\x03\x04....", ".docx files are not accepted: upload a .txt file"),
        ("README", b"Hello", "A file without an extension is not accepted"),
        ("crawl.warc.gz", b"\x1f\x8b\x08", "import it with “Import web archive”"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "is named .txt but holds a PNG image"),
        ("nul.txt", b"abc\x00def\x00ghi", "holds NUL bytes"),
        ("controls.txt", bytes(range(1, 9)) * 40, "full of control characters"),
        (
            "page.txt",
            PAGE.encode() + b"<!-- as .txt -->",
            "is named .txt but is an HTML page. Name it .html",
        ),
        ("plain.html", REPORT.encode() + b"As .html.", "is named .html but holds no HTML markup"),
        (
            "empty-page.html",
            b"<html><head><title>Menu</title><script>var a=1;</script></head><body><nav>"
            b"<a href='/'>Home</a></nav></body></html>",
            "has no article text",
        ),
        ("bad-bom.txt", b"\xef\xbb\xbfok \xff\xfe text", "utf-8 byte-order mark but byte 6"),
        ("bad-meta.html", b"<html><meta charset='no-such-code'><p>x</p></html>", "no encoding"),
    ],
)
def test_bad_files_are_refused_with_what_to_do_and_nothing_stored(reporter, name, content, words):
    before = stored()
    with pytest.raises(ValidationError) as refused:
        upload(reporter, name, content)
    [message] = refused.value.message_dict["file"]
    assert words in message, message
    assert message.endswith("Nothing was stored.")
    assert stored() == before
    # Not even the bytes were written (no other test stores these).
    assert not capture_storage.exists(capture_storage.sha256_of(content))


def test_a_file_over_the_paste_limit_is_refused(reporter, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    with pytest.raises(ValidationError) as refused:
        upload(reporter, "long.txt", REPORT.encode())
    assert refused.value.message_dict["file"] == [
        f"The file is {len(REPORT.encode())} bytes; a document upload takes at most 100 "
        "(as much as a paste). Nothing was stored."
    ]
    assert stored() == (0, 0, 0)


def test_the_same_text_again_is_another_capture_of_its_document(reporter):
    first = upload(reporter, "strike.html", PAGE.encode())
    # The same page saved again by another browser: other bytes, the same article text.
    resaved = PAGE.replace("<nav>Home | World | Sport</nav>", "<nav>Home</nav>").encode()
    again = upload(reporter, "strike (1).html", resaved)
    assert not again.document_created and again.capture_created
    assert again.document == first.document and again.capture.file_name == "strike (1).html"
    twice = upload(reporter, "strike (1).html", resaved)
    assert not twice.capture_created and twice.capture == again.capture
    assert Capture.objects.filter(document=first.document).count() == 2
    assert Document.objects.count() == 1


def test_only_those_who_may_add_documents_upload(db):
    from tests.factories import UserFactory

    with pytest.raises(PermissionDenied):
        upload(UserFactory(username="nobody"), "r.txt", REPORT.encode())
    with pytest.raises(PermissionDenied):
        # Checked before the file is looked at: a bad file tells an outsider nothing.
        upload(UserFactory(username="nobody2"), "r.pdf", b"%PDF")
    assert stored() == (0, 0, 0)
