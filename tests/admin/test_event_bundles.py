"""The event page: editors export its evidence bundle; every export is listed there."""

import io
import zipfile

import pytest

from tests.bundles import evidence_event
from tracker.models import BundleExport

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(editor, reporter):
    return evidence_event(editor, reporter)


def test_an_editor_exports_from_the_event_page_and_sees_the_record(editor_client, evidence):
    url = f"/admin/tracker/event/{evidence.event.pk}/"
    page = editor_client.get(f"{url}change/").content.decode()
    assert f'action="{url}bundle/"' in page and "Export evidence bundle" in page
    assert "Not exported yet." in page
    response = editor_client.post(f"{url}bundle/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    body = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert "manifest.json" in archive.namelist()
    record = BundleExport.objects.get()
    page = editor_client.get(f"{url}change/").content.decode()
    assert record.manifest_sha256 in page and str(record.bundle_id) in page


def test_a_reporter_is_offered_no_export_and_may_not_post_one(reporter_client, evidence):
    url = f"/admin/tracker/event/{evidence.event.pk}/"
    page = reporter_client.get(f"{url}change/").content.decode()
    assert "Export evidence bundle" not in page
    assert reporter_client.post(f"{url}bundle/").status_code == 403
    assert reporter_client.get(f"{url}bundle/").status_code in (403, 405)
    assert not BundleExport.objects.exists()


def test_exporting_needs_a_post(editor_client, evidence):
    url = f"/admin/tracker/event/{evidence.event.pk}/bundle/"
    assert editor_client.get(url).status_code == 405
    assert editor_client.post("/admin/tracker/event/999999/bundle/").status_code == 404
    assert not BundleExport.objects.exists()
