"""One address trying many usernames is refused, across the admin's login and the API's.

django-axes locks a username at an address after five failures; a sprayer
trying one password on twenty usernames never tripped it. Now twenty failed
logins from one address within ten minutes refuse that address's logins for
fifteen minutes, whoever they are for, except from a trusted network.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import make_reporter
from tracker import login_throttle

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
SPRAYER = "203.0.113.66"


@pytest.fixture(autouse=True)
def _setup(settings):
    # DRF's own login throttle (per address, per minute) would answer first.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"writes": None, "auth": None},
    }
    cache.clear()
    yield
    cache.clear()


def admin_login(client: Client, username: str, password: str = "Winter2026!"):
    return client.post("/admin/login/", {"username": username, "password": password})


def api_login(client: APIClient, username: str, password: str = "Winter2026!"):
    return client.post("/api/auth/token/", {"username": username, "password": password},
                       format="json")  # fmt: skip


def spray(address: str, count: int, *, start: int = 0) -> list[int]:
    """Failed logins for ``count`` different usernames, alternating admin and API."""
    browser, tool = Client(REMOTE_ADDR=address), APIClient(REMOTE_ADDR=address)
    codes = []
    for n in range(start, start + count):
        if n % 2:
            codes.append(api_login(tool, f"user{n}").status_code)
        else:
            codes.append(admin_login(browser, f"user{n}").status_code)
    return codes


def test_twenty_failures_across_usernames_lock_the_address_out(settings):
    make_reporter(username="rita")
    codes = spray(SPRAYER, 20)
    assert set(codes) == {200, 400}  # each a plain failure, none locked by axes
    # The 21st, even with a real user's right password, is refused, in both places.
    refused = admin_login(Client(REMOTE_ADDR=SPRAYER), "rita", PASSWORD)
    assert refused.status_code == 429 and "from your address" in refused.text
    assert int(refused["Retry-After"]) == 15 * 60
    api_refused = api_login(APIClient(REMOTE_ADDR=SPRAYER), "rita", PASSWORD)
    assert api_refused.status_code == 429 and "from your address" in api_refused.json()["detail"]
    # Rita elsewhere is not affected.
    assert admin_login(Client(REMOTE_ADDR="198.51.100.7"), "rita", PASSWORD).status_code == 302


def test_nineteen_failures_do_not(settings):
    make_reporter(username="rita")
    spray(SPRAYER, 19)
    assert admin_login(Client(REMOTE_ADDR=SPRAYER), "rita", PASSWORD).status_code == 302


def test_failures_older_than_the_window_do_not_count(monkeypatch):
    make_reporter(username="rita")
    clock = [1_000_000.0]
    monkeypatch.setattr(login_throttle, "now", lambda: clock[0])
    spray(SPRAYER, 19)
    clock[0] += 10 * 60 + 1
    spray(SPRAYER, 19, start=19)
    assert admin_login(Client(REMOTE_ADDR=SPRAYER), "rita", PASSWORD).status_code == 302


def test_the_lockout_ends_after_fifteen_minutes(monkeypatch):
    make_reporter(username="rita")
    clock = [1_000_000.0]
    monkeypatch.setattr(login_throttle, "now", lambda: clock[0])
    spray(SPRAYER, 20)
    clock[0] += 14 * 60
    refused = admin_login(Client(REMOTE_ADDR=SPRAYER), "rita", PASSWORD)
    assert refused.status_code == 429 and int(refused["Retry-After"]) == 60
    clock[0] += 60
    assert admin_login(Client(REMOTE_ADDR=SPRAYER), "rita", PASSWORD).status_code == 302


def test_both_numbers_are_settings(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_ADDRESS_LOCKOUT = 120
    spray(SPRAYER, 3)
    refused = api_login(APIClient(REMOTE_ADDR=SPRAYER), "anyone")
    assert refused.status_code == 429 and int(refused["Retry-After"]) == 120


def test_a_trusted_network_is_exempt_from_the_address_limit_not_the_user_lockout(settings):
    settings.LOGIN_TRUSTED_NETWORKS = ["203.0.113.0/24", "2001:db8::/32"]
    make_reporter(username="rita")
    assert 429 not in spray(SPRAYER, 30)
    assert admin_login(Client(REMOTE_ADDR=SPRAYER), "rita", PASSWORD).status_code == 302
    # Five failures for one username still lock that username out there.
    newsroom = Client(REMOTE_ADDR="203.0.113.5")
    codes = [admin_login(newsroom, "rita").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert codes[-1] == 429
    assert admin_login(newsroom, "rita", PASSWORD).status_code == 429


def test_the_address_is_the_proxys_word_not_the_clients(settings):
    # Behind nginx (NUM_PROXIES=1) the address nginx saw counts; a forged
    # X-Forwarded-For on top of it does not give a sprayer a fresh count.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    for n in range(20):
        proxy.post("/admin/login/", {"username": f"user{n}", "password": "x"},
                   HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, {SPRAYER}")  # fmt: skip
    refused = proxy.post("/admin/login/", {"username": "rita", "password": "x"},
                         HTTP_X_FORWARDED_FOR=SPRAYER)  # fmt: skip
    assert refused.status_code == 429
    other = proxy.post("/admin/login/", {"username": "rita", "password": "x"},
                       HTTP_X_FORWARDED_FOR="198.51.100.7")  # fmt: skip
    assert other.status_code == 200


def test_a_failed_admin_login_is_logged_on_one_line_whatever_the_username(caplog):
    forged = "nobody\r\nlogin ok: POST /admin/login/ user=editor"
    with caplog.at_level("WARNING", logger="tracker.security"):
        assert admin_login(Client(REMOTE_ADDR=SPRAYER), forged).status_code == 200
    message = next(r.getMessage() for r in caplog.records if r.name == "tracker.security")
    assert message.startswith("login failed: POST /admin/login/ user=nobody\\x0d\\x0alogin ok")
    assert len(message.splitlines()) == 1 and "Winter2026" not in message
