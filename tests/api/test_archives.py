"""POST /api/archives/: web archives up to the upload limit, each record on its own."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.web_archive_files import (
    lie_about_length,
    pages_jsonl,
    records,
    story,
    wacz_bytes,
    warc_bytes,
)
from tracker.models import Capture, Document

PAGES = [story(n) for n in range(1, 4)]


def counts() -> tuple[int, int]:
    return Document.objects.count(), Capture.objects.count()


def upload(client, name: str, data: bytes):
    return client.post(
        "/api/archives/", {"archive": SimpleUploadedFile(name, data)}, format="multipart"
    )


def test_a_warc_gz_is_imported_page_by_page(reporter_api, reporter):
    response = upload(reporter_api, "crawl.warc.gz", warc_bytes(records(PAGES), gzipped=True))
    assert response.status_code == 200, response.data
    assert response.data["documents_created"] == 3 and response.data["refused"] == []
    assert response.data["records"] == response.data["pages"] == 3
    capture = Capture.objects.get(url=PAGES[0].url)
    assert capture.origin == "web_archive" and capture.captured_by == reporter
    assert capture.tool == "API upload"


def test_a_lying_record_is_listed_and_the_rest_kept(reporter_api):
    parts = records(PAGES)
    parts[1] = lie_about_length(parts[1], 30)
    response = upload(reporter_api, "crawl.warc", warc_bytes(parts))
    assert response.status_code == 200
    assert response.data["documents_created"] == 2
    [refused] = response.data["refused"]
    assert refused["record"].startswith("crawl.warc at byte ")
    assert "Content-Length" in refused["reason"]
    assert not Document.objects.filter(url=PAGES[1].url).exists()


@pytest.mark.django_db
def test_a_wacz_without_pages_is_a_400_naming_the_archive(reporter_api):
    before = counts()
    data = wacz_bytes({"a.warc.gz": warc_bytes(records(PAGES), gzipped=True)}, pages=None)
    response = upload(reporter_api, "crawl.wacz", data)
    assert response.status_code == 400
    assert "pages/pages.jsonl" in response.data["archive"][0]
    assert counts() == before
    good = wacz_bytes(
        {"a.warc.gz": warc_bytes(records(PAGES), gzipped=True)}, pages=pages_jsonl(PAGES)
    )
    assert upload(reporter_api, "crawl.wacz", good).data["documents_created"] == 3


@pytest.mark.django_db
def test_an_archive_over_the_limit_is_a_413_pointing_to_the_command(reporter_api, settings):
    settings.ARCHIVE_UPLOAD_MAX_BYTES = 1000
    before = counts()
    data = warc_bytes(records(PAGES))
    assert len(data) > 1000
    response = upload(reporter_api, "crawl.warc", data)
    assert response.status_code == 413
    assert "manage.py ingest" in response.data["detail"]
    assert f"{len(data):,} bytes" in response.data["detail"]
    assert counts() == before


@pytest.mark.django_db
def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(reporter_api, settings):
    settings.ARCHIVE_UPLOAD_MAX_BYTES = 10
    body = io.BytesIO(b"x" * 200_000)
    response = reporter_api.generic(
        "POST", "/api/archives/", body.getvalue(), content_type="multipart/form-data; boundary=b"
    )
    assert response.status_code == 413 and "manage.py ingest" in response.data["detail"]


@pytest.mark.django_db
def test_other_files_and_missing_fields_are_400(reporter_api):
    before = counts()
    response = upload(reporter_api, "notes.txt", b"Hello")
    assert response.status_code == 400 and "not a web archive" in response.data["archive"][0]
    response = upload(reporter_api, "crawl.warc", b"<html>not a warc</html>")
    assert response.status_code == 400 and "not a WARC file" in response.data["archive"][0]
    response = reporter_api.post("/api/archives/", {}, format="multipart")
    assert response.status_code == 400 and "archive" in response.data
    assert counts() == before


@pytest.mark.django_db
def test_only_users_who_add_documents_may_import(anon, nobody_api):
    data = warc_bytes(records(PAGES[:1]))
    assert upload(anon, "a.warc", data).status_code == 401
    assert upload(nobody_api, "a.warc", data).status_code == 403
    assert counts() == (0, 0)


@pytest.mark.django_db
def test_json_is_told_to_send_multipart(reporter_api):
    response = reporter_api.post("/api/archives/", {"archive": "crawl.warc"}, format="json")
    assert response.status_code == 400 and "multipart" in response.data["archive"][0]
