"""Every server error is logged, with its traceback, under an id the 500 names.

Under production settings (DEBUG off) Django sends ``django.request``'s
errors only to ADMINS by mail, which no deployment of ours sets: a 500 left
no trace at all. Now each goes to stderr (gunicorn and the journal keep it)
with the request id that the response carries in its header and its body.
"""

import re

import pytest

from tests.hardening.production import run_in_production

pytestmark = pytest.mark.django_db

# A view that fails, as any could: the admin's index and the API's claims list
# are replaced before the first request resolves their URLs.
FAIL = """
from django.contrib import admin
from tracker.api.views.claims import ClaimViewSet

def fail(*args, **kwargs):
    raise RuntimeError("the disk caught fire")

admin.site.index = fail
ClaimViewSet.list = fail
from django.contrib.auth.models import User
user = User.objects.create_user("edna", password="correct horse battery staple",
                                is_staff=True, is_superuser=True)
client = Client(raise_request_exception=False)
client.force_login(user)
out = {}
for name, path in (("admin", "/admin/"), ("api", "/api/claims/")):
    response = client.get(path, secure=True)
    out[name] = {"status": response.status_code, "header": response.get("X-Request-ID"),
                 "body": response.content.decode(), "type": response["Content-Type"]}
fine = client.get("/admin/login/", secure=True)
out["fine"] = fine.get("X-Request-ID")
print(json.dumps(out))
"""


def test_a_server_error_is_logged_with_its_traceback_and_the_id_the_response_names(tmp_path):
    seen, stderr = run_in_production(FAIL, tmp_path)
    admin, api = seen["admin"], seen["api"]
    assert admin["status"] == api["status"] == 500
    for failure in (admin, api):
        request_id = failure["header"]
        assert re.fullmatch(r"[0-9a-f]{32}", request_id), failure
        assert request_id in failure["body"]
        # The log line with the id, then the traceback down to the exception.
        logged = stderr[stderr.index(f"ERROR django.request [{request_id}]") :]
        assert "Traceback (most recent call last)" in logged
        assert "RuntimeError: the disk caught fire" in logged
    assert api["type"] == "application/json"
    assert api["body"].count(api["header"]) == 1 and '"request_id"' in api["body"]
    assert 'id="request-id"' in admin["body"] and "Traceback" not in admin["body"]
    # Every response has an id of its own, not only the failures.
    assert seen["fine"] and len({admin["header"], api["header"], seen["fine"]}) == 3


def test_a_client_cannot_choose_its_request_id(client):
    response = client.get("/admin/login/", HTTP_X_REQUEST_ID="forged\nline")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
