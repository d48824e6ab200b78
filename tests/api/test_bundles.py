"""The evidence bundle over the API, over a real socket: editors export, the ZIP streams."""

import io
import json
import urllib.error
import urllib.request
import zipfile

import pytest

from tests.bundles import evidence_event
from tests.factories import make_editor, make_reporter
from tracker import bundle_format
from tracker.models import BundleExport

PASSWORD = "correct horse battery staple"


def token(api: str, username: str) -> str:
    body = json.dumps({"username": username, "password": PASSWORD, "name": "bundle test"})
    request = urllib.request.Request(
        f"{api}/auth/token/", data=body.encode(), method="POST",
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["token"]


def call(url: str, key: str, method: str = "GET"):
    request = urllib.request.Request(url, method=method, headers={"Authorization": f"Token {key}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_exports_and_a_reporter_may_not(live_server, tmp_path):
    editor, reporter = make_editor(username="ed"), make_reporter(username="rep")
    evidence = evidence_event(editor, reporter)
    api = f"{live_server.url}/api"
    url = f"{api}/events/{evidence.event.pk}/bundle/"
    editor_key, reporter_key = token(api, "ed"), token(api, "rep")

    status, _, body = call(url, reporter_key, "POST")
    assert status == 403 and b"export_bundle" in body
    assert not BundleExport.objects.exists()

    status, headers, body = call(url, editor_key, "POST")
    assert status == 200, body[:300]
    assert headers["Content-Type"] == "application/zip"
    assert "attachment" in headers["Content-Disposition"]
    record = BundleExport.objects.get()
    assert headers["X-Manifest-SHA256"] == record.manifest_sha256
    assert headers["X-Bundle-Id"] == str(record.bundle_id)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert f"captures/{evidence.capture.sha256}" in archive.namelist()
    path = tmp_path / "b.zip"
    path.write_bytes(body)
    assert bundle_format.check_bundle(path).intact

    # Both roles see the record of it, on the event.
    status, _, body = call(url, reporter_key)
    (listed,) = json.loads(body)
    assert status == 200 and listed["exported_by"] == "ed"
    assert listed["manifest_sha256"] == record.manifest_sha256


@pytest.mark.django_db
def test_an_unknown_event_is_404_and_an_unknown_parameter_400(editor):
    from tests.api.conftest import client_for

    api = client_for(editor)
    assert api.post("/api/events/999999/bundle/").status_code == 404
    assert api.get("/api/events/999999/bundle/").status_code == 404
    assert not BundleExport.objects.exists()
