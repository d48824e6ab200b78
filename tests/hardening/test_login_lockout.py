"""Password guessing is locked out (django-axes), on the admin's login page and the API's.

Five failures for one username from one address lock that pair out for the
cool-off time: even the right password is then refused with a 429 and a
Retry-After. Another address, or another username, is not affected, and a
login without a request (a management command) still works.
"""

import pytest
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import make_reporter
from tracker.security import client_ip

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _setup(settings):
    # DRF's login throttle (per address) would answer first; this is about axes.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"writes": None, "auth": None},
    }
    cache.clear()


def admin_login(client: Client, username: str, password: str):
    return client.post("/admin/login/", {"username": username, "password": password,
                                         "next": "/admin/"})  # fmt: skip


def test_the_admin_login_locks_out_after_five_failures(settings):
    make_reporter(username="rita")
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = admin_login(guesser, "rita", "wrong")
        assert response.status_code == 200 and "correct username and password" in response.text
    locked = admin_login(guesser, "rita", "wrong")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.text
    assert int(locked["Retry-After"]) == round(settings.AXES_COOLOFF_TIME * 3600)
    # Now even the right password is refused from there...
    assert admin_login(guesser, "rita", PASSWORD).status_code == 429
    assert "_auth_user_id" not in guesser.session
    # ...but Rita, elsewhere, signs in, and so does a colleague at the guesser's address.
    assert admin_login(Client(REMOTE_ADDR="198.51.100.7"), "rita", PASSWORD).status_code == 302
    make_reporter(username="colleague")
    assert admin_login(guesser, "colleague", PASSWORD).status_code == 302


def test_the_api_token_login_is_locked_out_too(settings):
    make_reporter(username="tool")
    api = APIClient(REMOTE_ADDR="203.0.113.10")
    wrong = {"username": "tool", "password": "wrong"}
    codes = [api.post("/api/auth/token/", wrong, format="json").status_code
             for _ in range(settings.AXES_FAILURE_LIMIT)]  # fmt: skip
    assert codes == [400] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    right = api.post("/api/auth/token/", {"username": "tool", "password": PASSWORD}, format="json")
    assert right.status_code == 429
    assert set(right.json()) == {"detail"} and "Too many failed logins" in right.json()["detail"]
    assert int(right["Retry-After"]) > 0


def test_a_success_resets_the_count(settings):
    make_reporter(username="rita")
    client = Client(REMOTE_ADDR="203.0.113.11")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        admin_login(client, "rita", "wrong")
    assert admin_login(client, "rita", PASSWORD).status_code == 302
    client.post("/admin/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "rita", "wrong").status_code == 200


def test_logins_without_a_request_are_not_locked_out():
    # Management commands and the shell authenticate with no request: nothing to lock.
    user = make_reporter(username="rita")
    assert authenticate(username="rita", password=PASSWORD) == user


@pytest.mark.parametrize(
    ("proxies", "forwarded", "remote", "expected"),
    [
        (0, "198.51.100.1", "127.0.0.1", "127.0.0.1"),  # no proxy: the header is a lie
        (1, "198.51.100.1", "127.0.0.1", "198.51.100.1"),  # nginx wrote it
        (1, "6.6.6.6, 198.51.100.1", "127.0.0.1", "198.51.100.1"),  # the client's own is ignored
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.2", "127.0.0.1", "198.51.100.1"),
        (1, "", "192.0.2.4", "192.0.2.4"),
        (1, "not-an-address", "192.0.2.4", "192.0.2.4"),
        (0, "", "", None),  # no address at all: axes stores none
    ],
)
def test_the_client_address_trusts_only_our_own_proxies(
    rf, settings, proxies, forwarded, remote, expected
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def test_a_login_from_no_valid_address_is_refused_not_a_500():
    # Axes stores the address in an IP column; PostgreSQL rejected the fallback text.
    make_reporter(username="tool")
    api = APIClient(REMOTE_ADDR="")
    wrong = api.post("/api/auth/token/", {"username": "tool", "password": "x"}, format="json")
    assert wrong.status_code == 400
