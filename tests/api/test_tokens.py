"""API tokens over HTTP: named, expiring, listed without their keys, revoked one at a time."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import make_reporter
from tracker import services
from tracker.models import ApiToken

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def signed_in(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def login(name: str | None = None, username: str = "rita"):
    body = {"username": username, "password": PASSWORD, **({"name": name} if name else {})}
    return APIClient().post("/api/auth/token/", body, format="json")


def test_a_login_makes_a_named_token_that_expires(settings):
    make_reporter(username="rita")
    response = login("newsroom bot")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "newsroom bot" and data["username"] == "rita"
    assert data["prefix"] == data["token"][:8] and data["revoked_at"] is None
    token = ApiToken.objects.get(pk=data["id"])
    assert token.expires_at - token.created_at == timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)
    assert signed_in(data["token"]).get("/api/claims/").status_code == 200
    # Each login is a token of its own: a second tool does not log the first out.
    second = login("spreadsheet").json()["token"]
    assert signed_in(data["token"]).get("/api/claims/").status_code == 200
    assert signed_in(second).get("/api/claims/").status_code == 200


def test_an_expired_token_is_refused():
    make_reporter(username="rita")
    key = login().json()["token"]
    past = timezone.now() - timedelta(days=31)
    ApiToken.objects.update(created_at=past, expires_at=past + timedelta(days=30))
    response = signed_in(key).get("/api/claims/")
    assert response.status_code == 401 and "expired" in response.json()["detail"]


def test_a_password_change_or_deactivation_kills_every_token():
    rita = make_reporter(username="rita")
    keys = [login(name).json()["token"] for name in ("bot", "sheet")]
    rita.set_password("a brand new passphrase")
    rita.save()
    assert [signed_in(key).get("/api/claims/").status_code for key in keys] == [401, 401]
    colleague = make_reporter(username="ahmed")
    key = login(username="ahmed").json()["token"]
    colleague.is_active = False
    colleague.save()
    assert signed_in(key).get("/api/claims/").status_code == 401


def test_the_list_shows_your_tokens_never_a_key(reporter):
    make_reporter(username="rita")
    key = login("bot").json()["token"]
    login("sheet")
    services.api_token_create(actor=None, user=reporter, name="someone else's")
    response = signed_in(key).get("/api/auth/tokens/")
    assert response.status_code == 200
    rows = response.json()
    assert sorted(row["name"] for row in rows) == ["bot", "sheet"]
    assert all("token" not in row and "key_hash" not in row for row in rows)
    assert key not in response.content.decode()


def test_one_token_is_revoked_and_the_others_live_on(reporter):
    make_reporter(username="rita")
    bot = login("bot").json()
    sheet = login("sheet").json()
    theirs, _ = services.api_token_create(actor=None, user=reporter, name="theirs")
    client = signed_in(sheet["token"])
    assert client.delete(f"/api/auth/tokens/{theirs.pk}/").status_code == 404
    assert client.delete(f"/api/auth/tokens/{bot['id']}/").status_code == 204
    assert signed_in(bot["token"]).get("/api/claims/").status_code == 401
    assert client.get("/api/claims/").status_code == 200
    assert ApiToken.objects.get(pk=theirs.pk).revoked_at is None
    # Logging out revokes the token it is signed with, and only that one.
    third = login("third").json()["token"]
    assert signed_in(third).delete("/api/auth/token/").status_code == 204
    assert signed_in(third).get("/api/claims/").status_code == 401
    assert client.get("/api/claims/").status_code == 200


def test_a_session_makes_tokens_a_token_cannot():
    rita = make_reporter(username="rita")
    key = login().json()["token"]
    refused = signed_in(key).post("/api/auth/tokens/", {"name": "mine now"}, format="json")
    assert refused.status_code == 403 and ApiToken.objects.count() == 1
    session = APIClient()
    session.force_login(rita)
    made = session.post("/api/auth/tokens/", {"name": "sheet", "lifetime_days": 5}, format="json")
    assert made.status_code == 201
    token = ApiToken.objects.get(pk=made.json()["id"])
    assert (token.expires_at - token.created_at).days == 5 and token.name == "sheet"
    assert signed_in(made.json()["token"]).get("/api/claims/").status_code == 200


@pytest.mark.parametrize(
    "body",
    [{}, {"name": ""}, {"name": "x" * 101}, {"name": "bot", "lifetime_days": 0},
     {"name": "bot", "lifetime_days": "soon"}, {"name": "bot", "key": "chosen"}],
)  # fmt: skip
def test_bad_token_requests_are_400(body):
    rita = make_reporter(username="rita")
    session = APIClient()
    session.force_login(rita)
    assert session.post("/api/auth/tokens/", body, format="json").status_code == 400
    assert not ApiToken.objects.exists()
