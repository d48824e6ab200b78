"""Captures in the admin: on their document, the versions of a page, downloads, takedowns."""

from datetime import UTC, datetime, timedelta

import pytest

from tracker import capture_storage, services
from tracker.models import Capture, CapturePurge
from tracker.vocabularies import CaptureOrigin

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PAGE = (
    b"<html><body><p>At least 12 people were killed in the strike, the ministry said.</p>"
    b"<p>Rescue work continues.</p></body></html>"
)


def archive(content=PAGE, at=MONDAY):
    return services.capture_store(
        actor=None, content=content, content_type="text/html", origin=CaptureOrigin.WEB_ARCHIVE,
        via="command", url="https://sana.example/strike", captured_at=at, tool="archiver 2",
        http_status=200, http_headers=[["Server", "nginx"]],
    )  # fmt: skip


def test_pasting_in_the_admin_keeps_the_text_as_sent(reporter_client, reporter):
    text = "Officials said 3 people died.\r\nMore soon."
    response = reporter_client.post(
        "/admin/tracker/document/add/", {"title": "Port", "text": text}, follow=True
    )
    assert response.status_code == 200
    capture = Capture.objects.get()
    assert capture.origin == CaptureOrigin.PASTED and capture.captured_by == reporter
    assert capture_storage.read_all(capture.sha256) == text.encode()


def test_the_document_page_lists_its_captures_and_versions(reporter_client):
    monday = archive()
    wednesday = archive(PAGE.replace(b"12", b"30"), MONDAY + timedelta(days=2))
    page = reporter_client.get(f"/admin/tracker/document/{wednesday.document.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200
    assert f"/admin/tracker/capture/{wednesday.capture.pk}/change/" in html
    assert "archiver 2" in html and "A web archive record" in html
    assert f"document #{monday.document.pk}" in html  # the capture says whose text it replaced
    assert f"changes/?from={monday.document.pk}" in html


def test_the_changes_view_marks_what_was_removed_and_added(reporter_client):
    monday = archive()
    wednesday = archive(PAGE.replace(b"12", b"30"), MONDAY + timedelta(days=2))
    url = f"/admin/tracker/document/{wednesday.document.pk}/changes/?from={monday.document.pk}"
    html = reporter_client.get(url).content.decode()
    assert "<del>12</del>" in html and "<ins>30</ins>" in html
    assert "Rescue work continues." in html
    bad = reporter_client.get(f"/admin/tracker/document/{wednesday.document.pk}/changes/")
    assert bad.status_code == 404


def test_captures_are_read_only_and_their_bytes_download_as_attachments(editor_client):
    capture = archive().capture
    page = editor_client.get(f"/admin/tracker/capture/{capture.pk}/change/")
    assert page.status_code == 200 and b"Server: nginx" in page.content
    assert b'name="_save"' not in page.content
    changed = editor_client.post(f"/admin/tracker/capture/{capture.pk}/change/", {"url": "x"})
    assert changed.status_code == 403
    assert editor_client.get("/admin/tracker/capture/add/").status_code == 403
    download = editor_client.get(f"/admin/tracker/capture/{capture.pk}/content/")
    assert b"".join(download.streaming_content) == PAGE
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"].startswith("attachment")


def test_an_editor_purges_with_a_reason(editor_client, editor, django_capture_on_commit_callbacks):
    capture = archive().capture
    url = f"/admin/tracker/capture/{capture.pk}/purge/"
    assert (
        b"Purge bytes" in editor_client.get(f"/admin/tracker/capture/{capture.pk}/change/").content
    )
    empty = editor_client.post(url, {"reason": ""})
    assert empty.status_code == 200 and b"This field is required" in empty.content
    assert not CapturePurge.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = editor_client.post(url, {"reason": "Court order 2026/17"})
    assert done.status_code == 302
    purge = CapturePurge.objects.get()
    assert purge.purged_by == editor and purge.reason == "Court order 2026/17"
    assert not capture_storage.exists(capture.sha256)
    page = editor_client.get(f"/admin/tracker/capture/{capture.pk}/change/").content.decode()
    assert "Court order 2026/17" in page and capture.sha256 in page
    assert editor_client.get(f"/admin/tracker/capture/{capture.pk}/content/").status_code == 404


def test_a_reporter_sees_no_purge_and_may_not_post_one(reporter_client):
    capture = archive().capture
    page = reporter_client.get(f"/admin/tracker/capture/{capture.pk}/change/")
    assert page.status_code == 200 and b"Purge bytes" not in page.content
    refused = reporter_client.post(f"/admin/tracker/capture/{capture.pk}/purge/", {"reason": "x"})
    assert refused.status_code == 403
    assert not CapturePurge.objects.exists() and capture_storage.exists(capture.sha256)


def test_the_document_page_costs_the_same_for_two_versions_as_for_eight(reporter_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_after(versions: int, first: int) -> int:
        latest = None
        for n in range(first, first + versions):
            latest = archive(PAGE.replace(b"12", str(100 + n).encode()), MONDAY + timedelta(n))
        url = f"/admin/tracker/document/{latest.document.pk}/change/"
        reporter_client.get(url)  # the process's first look-ups (content types) are not the page's
        with CaptureQueriesContext(connection) as context:
            page = reporter_client.get(url)
        assert page.content.decode().count("since the version before") == first + versions - 1
        return len(context)

    assert queries_after(2, first=0) == queries_after(6, first=2)
