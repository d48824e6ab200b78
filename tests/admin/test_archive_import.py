"""The admin's web archive upload: pages in, bad records listed, big archives refused."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.web_archive_files import lie_about_length, records, story, wacz_bytes, warc_bytes
from tracker.models import Capture, Document

URL = reverse("admin:tracker_document_import_archive")
PAGES = [story(n) for n in range(1, 4)]


def post(client, name: str, data: bytes):
    return client.post(URL, {"archive": SimpleUploadedFile(name, data)})


def test_the_document_list_links_to_the_upload(reporter_client):
    page = reporter_client.get(reverse("admin:tracker_document_changelist"))
    assert URL in page.content.decode()
    form = reporter_client.get(URL).content.decode()
    assert 'enctype="multipart/form-data"' in form and "manage.py ingest" in form


def test_an_uploaded_warc_is_imported_and_a_bad_record_listed(reporter_client, reporter):
    parts = records(PAGES)
    parts[1] = lie_about_length(parts[1], -30)
    response = post(reporter_client, "crawl.warc.gz", warc_bytes(parts, gzipped=True))
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 new document(s)" in html and "1 refused" in html
    assert 'id="archive-refused"' in html and "Content-Length" in html
    assert set(Document.objects.values_list("url", flat=True)) == {PAGES[0].url, PAGES[2].url}
    assert Capture.objects.get(url=PAGES[0].url).captured_by == reporter


def test_an_archive_over_the_limit_is_refused_with_the_command_named(reporter_client, settings):
    settings.ARCHIVE_UPLOAD_MAX_BYTES = 1000
    response = post(reporter_client, "crawl.warc", warc_bytes(records(PAGES)))
    html = response.content.decode()
    assert "uploads take at most 1,000" in html and "manage.py ingest" in html
    assert "Nothing was stored" in html
    assert Document.objects.count() == 0 and Capture.objects.count() == 0


def test_a_wacz_without_pages_and_other_files_change_nothing(reporter_client):
    data = wacz_bytes({"a.warc.gz": warc_bytes(records(PAGES), gzipped=True)}, pages=None)
    html = post(reporter_client, "crawl.wacz", data).content.decode()
    assert "pages/pages.jsonl" in html and "nothing was imported" in html
    html = post(reporter_client, "notes.txt", b"hello").content.decode()
    assert "not a web archive" in html
    assert Document.objects.count() == 0


def test_users_who_cannot_add_documents_are_refused(client, db):
    viewer = get_user_model().objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    assert post(client, "a.warc", warc_bytes(records(PAGES[:1]))).status_code == 403
    assert Document.objects.count() == 0
