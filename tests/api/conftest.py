"""Authenticated API clients for the API tests; the ``newsroom`` they read is
the shared one (tests/newsroom.py).

Clients authenticate with real tokens in the Authorization header, so every
request goes through DRF's authentication, permissions and throttles as a
tool's would.
"""

from collections.abc import Callable

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tracker import services


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counters live in the cache; each test starts with none used.
    cache.clear()
    yield
    cache.clear()


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        _, key = services.api_token_create(actor=None, user=user, name="tests")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_api(editor) -> APIClient:
    return client_for(editor)


@pytest.fixture
def reporter_api(reporter) -> APIClient:
    return client_for(reporter)


@pytest.fixture
def nobody_api(db) -> APIClient:
    """Signed in, but in no group: holds no permission at all."""
    from tests.factories import UserFactory

    return client_for(UserFactory(username="nobody"))


@pytest.fixture
def clients(anon, reporter_api, editor_api, nobody_api) -> dict[str, APIClient]:
    return {
        "anonymous": anon,
        "reporter": reporter_api,
        "editor": editor_api,
        "nobody": nobody_api,
    }


def etag_of(client: APIClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response["ETag"]


@pytest.fixture
def conditional(editor_api) -> Callable[..., object]:
    """Send an unsafe request with the current ETag of ``etag_url`` (default: ``url``)."""

    def send(method: str, url: str, data=None, *, client=None, etag_url: str | None = None):
        client = client or editor_api
        etag = etag_of(editor_api, etag_url or url)
        return getattr(client, method)(url, data, format="json", HTTP_IF_MATCH=etag)

    return send
