"""A body declared in a charset we do not read is a 400, never a 500.

Django refuses a form that is not UTF-8 only where it parses it: with CSRF
checks on (as for every browser) that is inside the CSRF failure page, which
then fails itself, and a "charset" that is no text codec at all (``base64``)
raises a LookupError from the multipart parser. Both were 500s.
"""

import pytest
from django.test import Client

from tests.hardening.production import run_in_production

pytestmark = pytest.mark.django_db

CHARSETS = ["latin-1", "iso-8859-1", "nonsense", "base64", "utf-16", "utf8", "x" * 500]
FORM = b"username=edna&password=wrong"
MULTIPART = b'--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nedna\r\n--b--\r\n'


def bodies(charset: str) -> list[tuple[str, bytes]]:
    return [
        (f"application/x-www-form-urlencoded; charset={charset}", FORM),
        (f"multipart/form-data; boundary=b; charset={charset}", MULTIPART),
    ]


@pytest.mark.parametrize("charset", CHARSETS)
@pytest.mark.parametrize("path", ["/admin/login/", "/api/auth/token/", "/api/claims/"])
def test_a_form_in_another_charset_is_400(charset, path):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.get("/admin/login/")
    for content_type, body in bodies(charset):
        response = browser.generic("POST", path, body, content_type=content_type)
        assert response.status_code == 400, (content_type, response.content[:300])
        assert "must be UTF-8" in response.text


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", " utf-8"])
def test_a_form_in_utf8_is_read(charset):
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    response = Client().generic("POST", "/admin/login/", FORM, content_type=content_type)
    assert response.status_code == 200 and "correct username and password" in response.text


PROBE = """
browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
browser.get("/admin/login/", secure=True)
out = {}
for path in ("/admin/login/", "/api/auth/token/"):
    for content_type in ("application/x-www-form-urlencoded; charset=latin-1",
                         "multipart/form-data; boundary=b; charset=base64"):
        response = browser.generic("POST", path, b"username=a&password=b",
                                   content_type=content_type, secure=True,
                                   HTTP_REFERER="https://testserver/admin/login/")
        out[f"{path} {content_type}"] = response.status_code
print(json.dumps(out))
"""


def test_under_production_settings_too(tmp_path):
    seen, stderr = run_in_production(PROBE, tmp_path)
    assert set(seen.values()) == {400}, seen
    assert "Internal Server Error" not in stderr
