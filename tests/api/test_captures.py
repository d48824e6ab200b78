"""Captures over the API: listed on their document, versions of a URL, bytes, takedowns."""

from datetime import UTC, datetime, timedelta

import pytest

from tracker import capture_storage, services
from tracker.models import Capture, CapturePurge
from tracker.vocabularies import CaptureOrigin

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PAGE = b"<html><body><p>At least 12 people were killed, the ministry said.</p></body></html>"


def archive(content=PAGE, at=MONDAY):
    return services.capture_store(
        actor=None, content=content, content_type="text/html", origin=CaptureOrigin.WEB_ARCHIVE,
        via="command", url="https://sana.example/strike", captured_at=at, tool="archiver",
        http_status=200, http_headers=[["Server", "nginx"]],
    )  # fmt: skip


def test_posting_html_keeps_the_page_as_sent(reporter_api):
    page = "<html><head><title>Port hit</title></head><body><p>Two died, police said.</p></body>"
    response = reporter_api.post("/api/documents/", {"html": page}, format="json")
    assert response.status_code == 201
    (capture,) = response.data["captures"]
    assert capture["origin"] == "api" and capture["captured_by"] == "reporter"
    assert capture["content_type"] == "text/html; charset=utf-8"
    assert capture["html_extractor_version"]
    assert capture_storage.read_all(capture["sha256"]) == page.encode("utf-8")


def test_a_document_lists_its_captures_and_the_versions_of_its_url(reporter_api):
    monday = archive()
    wednesday = archive(PAGE.replace(b"12", b"30"), MONDAY + timedelta(days=2))
    body = reporter_api.get(f"/api/documents/{wednesday.document.pk}/").data
    assert [c["id"] for c in body["captures"]] == [wednesday.capture.pk]
    assert body["captures"][0]["supersedes"] == monday.document.pk
    assert body["captures"][0]["http_headers"] == [["Server", "nginx"]]
    assert [(v["document"], v["previous"]) for v in body["versions"]] == [
        (monday.document.pk, None),
        (wednesday.document.pk, monday.document.pk),
    ]


def test_the_bytes_are_served_as_stored_as_an_attachment(reporter_api):
    capture = archive().capture
    response = reporter_api.get(f"/api/captures/{capture.pk}/content/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PAGE
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-SHA256"] == capture.sha256


def test_captures_filter_by_document_and_url(reporter_api):
    first = archive()
    other = archive(PAGE.replace(b"12", b"13"), MONDAY + timedelta(hours=1))
    listed = reporter_api.get(f"/api/captures/?document={first.document.pk}").data["results"]
    assert [row["id"] for row in listed] == [first.capture.pk]
    by_url = reporter_api.get("/api/captures/?url=https://sana.example/strike").data["results"]
    assert [row["id"] for row in by_url] == [first.capture.pk, other.capture.pk]
    assert reporter_api.get("/api/captures/?colour=red").status_code == 400


def test_an_editor_purges_with_a_reason_and_if_match(
    editor_api, django_capture_on_commit_callbacks
):
    capture = archive().capture
    url = f"/api/captures/{capture.pk}/"
    etag = editor_api.get(url)["ETag"]
    assert editor_api.post(f"{url}purge/", {"reason": "x"}, format="json").status_code == 428
    bad = editor_api.post(f"{url}purge/", {"reason": ""}, format="json", HTTP_IF_MATCH=etag)
    assert bad.status_code == 400 and "reason" in bad.data
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post(
            f"{url}purge/", {"reason": "Court order 17"}, format="json", HTTP_IF_MATCH=etag
        )
    assert response.status_code == 200
    assert response.data["purge"]["reason"] == "Court order 17"
    assert response.data["purge"]["purged_by"] == "editor"
    assert response.data["content_url"] is None and response.data["sha256"] == capture.sha256
    assert not capture_storage.exists(capture.sha256)
    assert editor_api.get(f"{url}content/").status_code == 404
    stale = editor_api.post(f"{url}purge/", {"reason": "again"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412


def test_a_reporter_may_not_purge(reporter_api):
    capture = archive().capture
    etag = reporter_api.get(f"/api/captures/{capture.pk}/")["ETag"]
    response = reporter_api.post(
        f"/api/captures/{capture.pk}/purge/", {"reason": "x"}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 403
    assert not CapturePurge.objects.exists() and capture_storage.exists(capture.sha256)


def test_captures_cannot_be_written_over_the_api(editor_api):
    capture = archive().capture
    url = f"/api/captures/{capture.pk}/"
    for method in ("put", "patch", "delete"):
        assert getattr(editor_api, method)(url, {"url": "https://x.example/"}).status_code == 405
    assert editor_api.post("/api/captures/", {"url": "x"}).status_code == 405
    assert Capture.objects.get(pk=capture.pk).url == "https://sana.example/strike"
