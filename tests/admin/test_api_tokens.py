"""API tokens in the admin: made with the key shown once, listed per user, revoked one by one."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from rest_framework.test import APIClient

from tracker import services
from tracker.models import ApiToken
from tracker.models.api_token import hash_key

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:tracker_apitoken_changelist")


def works(key: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get("/api/claims/").status_code == 200


def test_a_reporter_makes_a_token_and_sees_its_key_once(reporter_client, reporter):
    add = reverse("admin:tracker_apitoken_add")
    page = reporter_client.get(add)
    assert page.status_code == 200
    # A reporter can make tokens for no one but themself.
    assert list(page.context["adminform"].form.fields["user"].queryset) == [reporter]
    response = reporter_client.post(add, {"user": reporter.pk, "name": "newsroom bot",
                                          "lifetime_days": 14})  # fmt: skip
    assert response.status_code == 302
    token = ApiToken.objects.get()
    assert token.name == "newsroom bot" and (token.expires_at - token.created_at).days == 14
    message = next(str(m) for m in get_messages(response.wsgi_request) if "key" in str(m))
    key = re.search(r"key of “newsroom bot” is (\S+)", message).group(1)
    assert hash_key(key) == token.key_hash and works(key)
    # Shown on the page the add redirects to, then never again.
    assert key in reporter_client.get(response["Location"]).text
    detail = reporter_client.get(reverse("admin:tracker_apitoken_change", args=[token.pk]))
    assert detail.status_code == 200 and key not in detail.text
    assert key not in reporter_client.get(CHANGELIST).text


def test_a_reporter_cannot_make_a_token_for_someone_else(reporter_client, editor):
    body = {"user": editor.pk, "name": "sneaky", "lifetime_days": 30}
    response = reporter_client.post(reverse("admin:tracker_apitoken_add"), body)
    assert response.status_code == 200 and "user" in response.context["adminform"].form.errors
    assert not ApiToken.objects.exists()


def test_one_token_is_revoked_from_the_list_and_others_are_untouched(reporter_client, reporter,
                                                                     editor):  # fmt: skip
    bot, bot_key = services.api_token_create(actor=None, user=reporter, name="bot")
    _, sheet_key = services.api_token_create(actor=None, user=reporter, name="sheet")
    theirs, theirs_key = services.api_token_create(actor=None, user=editor, name="editor's")
    listed = reporter_client.get(CHANGELIST)
    assert (
        "bot" in listed.text
        and "editor&#x27;s" not in listed.text
        and "editor's" not in listed.text
    )
    # A forged id of the editor's token changes nothing: it is not in the reporter's list.
    body = {"action": "revoke", "_selected_action": [bot.pk, theirs.pk]}
    response = reporter_client.post(CHANGELIST, body)
    assert response.status_code == 302
    assert not works(bot_key) and works(sheet_key) and works(theirs_key)
    assert ApiToken.objects.get(pk=bot.pk).revoked_reason == "revoked in the admin"
    # Revoked tokens stay listed, as a record.
    assert "revoked (revoked in the admin)" in reporter_client.get(CHANGELIST).text
