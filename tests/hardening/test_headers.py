"""Security headers on every response, and production settings as a browser meets them."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/admin/login/", 200),
        ("/admin/", 302),
        ("/api/claims/", 401),
        ("/api/claims/abc/", 404),
        ("/nowhere/", 404),
    ],
)
def test_every_response_has_the_policy(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/claims/not-an-id/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


# Run in a fresh process: production settings are read once, at start-up.
PROBE = """
import json
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
# Production's manifest storage needs collectstatic; the headers do not depend on it.
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
client = Client()
out = {}
plain = client.get("/admin/login/")
out["http"] = [plain.status_code, plain.get("Location", "")]
secure = client.get("/admin/login/", secure=True)
out["status"] = secure.status_code
out["headers"] = {k.lower(): v for k, v in secure.headers.items()}
cookie = secure.cookies["csrftoken"]
out["csrf_cookie"] = {"secure": bool(cookie["secure"]), "httponly": bool(cookie["httponly"])}
missing = client.get("/no/such/page/", secure=True)
out["missing"] = [missing.status_code, missing.content.decode()[:2000]]
print(json.dumps(out))
"""


def test_production_settings_as_a_browser_meets_them(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.settings_production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PROBE],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    # Plain HTTP goes to HTTPS.
    assert seen["http"] == [301, "https://testserver/admin/login/"]
    headers = seen["headers"]
    assert seen["status"] == 200
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert seen["csrf_cookie"] == {"secure": True, "httponly": True}
    # No debug page: nothing of Django's technical 404 (URL patterns, settings).
    status, body = seen["missing"]
    assert status == 404
    assert "URLconf" not in body and "DEBUG" not in body and "tracker.urls" not in body
