"""Signing in (token and session), failures logged, and throttling."""

import logging

import pytest
from rest_framework.test import APIClient

from tests.factories import make_reporter
from tracker.models import ApiToken
from tracker.models.api_token import hash_key

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture
def rates(settings):
    """Set throttle rates for one test; DRF reloads its settings on the change."""

    def set_rates(**rates: str | None) -> None:
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"writes": None, "auth": None, **rates},
        }

    return set_rates


def test_a_token_is_exchanged_for_a_password(anon, reporter):
    response = anon.post("/api/auth/token/", {"username": "reporter", "password": PASSWORD},
                         format="json")  # fmt: skip
    assert response.status_code == 200
    token = ApiToken.objects.get(user=reporter)
    assert (
        response.data["token"] != token.key_hash
        and hash_key(response.data["token"]) == token.key_hash
    )
    assert response.data["username"] == "reporter" and response.data["id"] == token.pk
    anon.credentials(HTTP_AUTHORIZATION=f"Token {response.data['token']}")
    assert anon.get("/api/claims/").status_code == 200


def test_a_failed_login_is_refused_and_logged(anon, reporter, caplog):
    with caplog.at_level(logging.WARNING, logger="tracker.security"):
        response = anon.post("/api/auth/token/", {"username": "reporter", "password": "guess"},
                             format="json")  # fmt: skip
    assert response.status_code == 400
    assert not ApiToken.objects.exists()
    record = next(r for r in caplog.records if r.name == "tracker.security")
    assert "login failed" in record.getMessage() and "user=reporter" in record.getMessage()
    assert "guess" not in record.getMessage()


def test_an_inactive_user_cannot_log_in(anon, db):
    user = make_reporter(username="gone", is_active=False)
    response = anon.post("/api/auth/token/", {"username": user.username, "password": PASSWORD},
                         format="json")  # fmt: skip
    assert response.status_code == 400


def test_logging_out_revokes_the_token(reporter_api, reporter):
    assert reporter_api.delete("/api/auth/token/").status_code == 204
    assert ApiToken.objects.get(user=reporter).revoked_reason == "logged out"
    assert reporter_api.get("/api/claims/").status_code == 401


def test_anonymous_and_bad_tokens_are_401_and_logged(anon, db, caplog):
    with caplog.at_level(logging.WARNING, logger="tracker.security"):
        response = anon.get("/api/claims/")
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
        anon.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
        assert anon.get("/api/claims/").status_code == 401
    messages = [r.getMessage() for r in caplog.records if r.name == "tracker.security"]
    assert any("authentication failed: GET /api/claims/" in m for m in messages)
    assert any("Invalid token" in m for m in messages)


def test_a_refusal_is_logged_with_who_asked(reporter_api, newsroom, caplog):
    with caplog.at_level(logging.WARNING, logger="tracker.security"):
        response = reporter_api.post(f"/api/flags/{newsroom.flag.pk}/resolve/", {}, format="json")
    assert response.status_code == 403
    message = next(r.getMessage() for r in caplog.records if r.name == "tracker.security")
    assert "permission denied" in message and "user=reporter" in message
    assert "tracker.resolve_flag" in message


def test_the_admin_session_works_with_csrf(reporter, newsroom):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(reporter)
    assert client.get("/api/claims/").status_code == 200
    # An unsafe request riding on the session cookie needs the CSRF token.
    refused = client.post(f"/api/claims/{newsroom.toll.pk}/flags/", {"reason": "single_source"},
                          format="json")  # fmt: skip
    assert refused.status_code == 403 and "CSRF" in refused.data["detail"]
    client.get("/admin/")  # any admin page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        f"/api/claims/{newsroom.toll.pk}/flags/", {"reason": "single_source",
                                                   "kind": "needs_second_source"},
        format="json", HTTP_X_CSRFTOKEN=token,
    )  # fmt: skip
    assert accepted.status_code == 201


def test_login_attempts_are_throttled(anon, reporter, rates, caplog):
    rates(auth="3/minute")
    wrong = {"username": "reporter", "password": "nope"}
    assert [anon.post("/api/auth/token/", wrong, format="json").status_code
            for _ in range(3)] == [400, 400, 400]  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="tracker.security"):
        blocked = anon.post("/api/auth/token/", {"username": "reporter", "password": PASSWORD},
                            format="json")  # fmt: skip
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    assert any("throttled" in r.getMessage() for r in caplog.records)


def test_writes_are_throttled_per_user_and_reads_are_not(reporter_api, editor_api, newsroom,
                                                         rates):  # fmt: skip
    rates(writes="2/minute")
    url = f"/api/claims/{newsroom.toll.pk}/flags/"
    codes = [
        reporter_api.post(url, {"kind": kind, "reason": "single_source"}, format="json").status_code
        for kind in ("needs_second_source", "wrong_attribution", "possible_duplicate")
    ]
    assert codes == [201, 201, 429]
    assert reporter_api.get("/api/claims/").status_code == 200
    # Another user has a budget of their own.
    assert editor_api.post(url, {"reason": "single_source"}, format="json").status_code == 201


def test_no_rate_means_no_throttle(reporter_api, newsroom, rates):
    rates(writes=None)
    url = f"/api/claims/{newsroom.perpetrator.pk}/flags/"
    for kind in ("needs_second_source", "wrong_attribution", "possible_duplicate", "other"):
        body = {"kind": kind, "reason": "other", "note": "n"}
        assert reporter_api.post(url, body, format="json").status_code == 201


def test_a_forged_forwarded_for_does_not_dodge_the_login_throttle(anon, reporter, rates):
    rates(auth="2/minute")
    wrong = {"username": "reporter", "password": "nope"}
    codes = [
        anon.post("/api/auth/token/", wrong, format="json",
                  HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(3)
    ]  # fmt: skip
    assert codes == [400, 400, 429]


def test_a_username_with_a_newline_writes_one_log_line(anon, db, caplog):
    forged = "nobody\nlogin ok: POST /api/auth/token/ user=editor ip=10.0.0.1\u2028\\n"
    with caplog.at_level(logging.WARNING, logger="tracker.security"):
        response = anon.post("/api/auth/token/", {"username": forged, "password": "x"},
                             format="json")  # fmt: skip
    assert response.status_code == 400
    message = next(r.getMessage() for r in caplog.records if r.name == "tracker.security")
    assert len(message.splitlines()) == 1
    # Escaped, not dropped: the log still says what was sent, and a literal
    # backslash-n cannot pass for an escaped newline.
    assert "user=nobody\\x0alogin ok: POST" in message
    assert "ip=10.0.0.1\\u2028\\\\n ip=127.0.0.1: bad credentials" in message


def test_a_path_with_control_characters_writes_one_log_line(anon, db, caplog):
    with caplog.at_level(logging.WARNING, logger="tracker.security"):
        response = anon.get("/api/claims/?q=a%0D%0Aforged: line")
    assert response.status_code == 401
    message = next(r.getMessage() for r in caplog.records if r.name == "tracker.security")
    assert "\n" not in message and "\r" not in message
