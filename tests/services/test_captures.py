"""capture_store keeps the bytes untouched and files each capture under its text's document."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_document
from tracker import capture_storage, services
from tracker.extraction import ATTRIBUTION_VERSION, HTML_TO_TEXT_VERSION
from tracker.models import Capture, CapturePurge, Document
from tracker.vocabularies import CaptureOrigin

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PAGE = (
    b"<html><head><title>Strike on the market</title></head><body><nav>Home | World</nav>"
    b"<article><p>At least 12 people were killed in a strike on the market, "
    b"the ministry said on Monday.</p></article></body></html>"
)
EDITED = PAGE.replace(b"At least 12", b"At least 30")


def store(actor=None, content=PAGE, **kwargs):
    defaults = {
        "content_type": "text/html; charset=utf-8",
        "origin": CaptureOrigin.WEB_ARCHIVE,
        "via": "command",
        "url": "https://sana.example/strike",
        "captured_at": MONDAY,
        "tool": "test archiver 1.0",
        "http_status": 200,
        "http_headers": [
            ["Content-Type", "text/html"],
            ["Set-Cookie", "a=1"],
            ["Set-Cookie", "b=2"],
        ],
    }
    return services.capture_store(actor=actor, content=content, **{**defaults, **kwargs})


def test_the_bytes_are_kept_untouched_at_their_hash_with_their_metadata(reporter):
    result = store(reporter)
    capture = result.capture
    assert result.document_created and result.capture_created
    assert capture_storage.read_all(capture.sha256) == PAGE
    assert capture.sha256 == capture_storage.sha256_of(PAGE)
    assert capture.size == len(PAGE)
    assert capture.captured_by == reporter and capture.tool == "test archiver 1.0"
    assert capture.http_status == 200
    assert capture.http_headers[1:] == [["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]]
    assert capture.html_extractor_version == HTML_TO_TEXT_VERSION
    assert capture.attribution_extractor_version == ATTRIBUTION_VERSION
    assert capture.text_sha256 == result.document.content_hash
    assert "Home | World" not in result.document.text  # the text is derived, the bytes are not
    assert result.document.title == "Strike on the market"
    assert result.document.url == "https://sana.example/strike"


def test_identical_text_from_other_bytes_is_one_document_with_two_captures(reporter):
    first = store(reporter)
    later = store(
        reporter,
        content=PAGE.replace(b"<nav>Home | World</nav>", b"<nav>Home</nav>"),
        captured_at=MONDAY + timedelta(days=2),
    )
    assert later.document == first.document and not later.document_created
    assert later.capture.supersedes is None
    assert first.document.captures.count() == 2


def test_the_same_archive_record_imported_twice_is_recorded_once(reporter):
    first = store(reporter)
    again = store(reporter)
    assert again.capture == first.capture and not again.capture_created
    assert Capture.objects.count() == 1


def test_a_later_capture_with_other_text_is_a_new_version_linked_to_the_earlier(reporter):
    monday = store(reporter)
    wednesday = store(reporter, content=EDITED, captured_at=MONDAY + timedelta(days=2))
    assert wednesday.document_created and wednesday.document != monday.document
    assert wednesday.capture.supersedes == monday.document
    assert "At least 30" in wednesday.document.text


def test_text_given_by_the_caller_is_the_document_and_the_bytes_are_still_kept(reporter):
    raw = b'{"title": "T", "text": "The ministry said 4 people died."}'
    result = store(
        reporter, content=raw, content_type="application/json", origin=CaptureOrigin.JSONL_LINE,
        text="The ministry said 4 people died.", title="T", url="",
    )  # fmt: skip
    assert result.document.text == "The ministry said 4 people died."
    assert capture_storage.read_all(result.capture.sha256) == raw
    assert result.capture.html_extractor_version == ""


def test_an_address_that_exists_is_never_written_again(reporter, capture_root):
    first = store(reporter)
    path = capture_root / capture_storage.address(first.capture.sha256)
    stamp = path.stat().st_mtime_ns
    store(reporter, captured_at=MONDAY + timedelta(days=1))
    assert path.stat().st_mtime_ns == stamp
    assert not (path.stat().st_mode & 0o222)  # written read-only
    assert len(list(path.parent.iterdir())) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"content": b""}, "content"),
        ({"content": "text, not bytes"}, "content"),
        ({"content": b"\x89PNG\r\n\x1a\n\x00\x00"}, "content"),
        ({"content": b"<html><body><nav>only</nav></body></html>"}, "content"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"http_status": 42}, "http_status"),
        ({"http_status": True}, "http_status"),
        ({"http_headers": "Content-Type: text/html"}, "http_headers"),
        ({"http_headers": [["Content-Type"]]}, "http_headers"),
        ({"http_headers": [["X-Nul", "a\x00b"]]}, "http_headers"),
        ({"captured_at": datetime(2026, 3, 2, 9, 0)}, "captured_at"),
        ({"origin": "telepathy"}, "origin"),
        ({"origin": CaptureOrigin.RECONSTRUCTED}, "origin"),
        ({"tool": "x" * 201}, "tool"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_stored(reporter, changes, field):
    with pytest.raises(ValidationError) as raised:
        store(reporter, **changes)
    assert field in raised.value.message_dict
    assert not Capture.objects.exists() and not Document.objects.exists()


def test_reading_only_is_not_enough_to_capture(django_user_model):
    reader = django_user_model.objects.create_user("reader")
    with pytest.raises(PermissionDenied):
        store(reader)
    assert not Capture.objects.exists()


def test_pasted_and_posted_text_is_captured_as_sent(reporter):
    result = services.document_ingest(
        actor=reporter, title="T", text="Officials said 3 died.\r\nMore later.", via="api"
    )
    capture = result.document.captures.get()
    assert capture.origin == CaptureOrigin.API
    # The newlines as sent; the document's text has them normalised.
    assert capture_storage.read_all(capture.sha256) == b"Officials said 3 died.\r\nMore later."
    assert result.document.text == "Officials said 3 died.\nMore later."
    assert capture.captured_by == reporter


def test_every_document_has_a_capture():
    document = make_document()
    assert document.captures.get().origin == CaptureOrigin.PASTED


def test_purging_removes_the_bytes_and_keeps_the_record(
    editor, reporter, django_capture_on_commit_callbacks
):
    first = store(reporter)
    second = store(reporter, captured_at=MONDAY + timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        purges = services.capture_purge(
            actor=editor, capture=first.capture, reason="Court order 2026/17"
        )
    assert {p.capture for p in purges} == {first.capture, second.capture}
    assert not capture_storage.exists(first.capture.sha256)
    kept = Capture.objects.get(pk=first.capture.pk)
    assert kept.sha256 == first.capture.sha256 and kept.url == first.capture.url
    assert kept.purge.purged_by == editor and kept.purge.reason == "Court order 2026/17"
    with pytest.raises(ValidationError) as raised:
        store(reporter, captured_at=MONDAY + timedelta(days=3))
    assert "purged" in raised.value.message_dict["content"][0]


def test_purging_needs_the_permission_and_a_reason(editor, reporter):
    capture = store(reporter).capture
    with pytest.raises(PermissionDenied):
        services.capture_purge(actor=reporter, capture=capture, reason="because")
    with pytest.raises(ValidationError) as raised:
        services.capture_purge(actor=editor, capture=capture, reason="  ")
    assert "reason" in raised.value.message_dict
    assert not CapturePurge.objects.exists()
    assert capture_storage.exists(capture.sha256)
