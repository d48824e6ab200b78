"""API tokens: made for one tool, hashed, expiring, and dead with the password or the account."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_editor, make_reporter
from tracker import services
from tracker.models import ApiToken
from tracker.models.api_token import hash_key
from tracker.services.users import user_ensure_newsroom_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def live(user) -> list[str]:
    return sorted(
        ApiToken.objects.filter(user=user, revoked_at=None).values_list("name", flat=True)
    )


def test_a_token_stores_only_the_hash_of_its_key(settings):
    rita = make_reporter(username="rita")
    token, key = services.api_token_create(actor=rita, user=rita, name="newsroom bot")
    assert len(key) >= 40 and key not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert token.key_hash == hash_key(key) and token.prefix == key[:8]
    assert token.expires_at - token.created_at == timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)


def test_a_user_holds_several_tokens_each_with_its_lifetime(settings):
    settings.API_TOKEN_LIFETIME_DAYS = 7
    rita = make_reporter(username="rita")
    bot, _ = services.api_token_create(actor=rita, user=rita, name="bot")
    sheet, _ = services.api_token_create(actor=rita, user=rita, name="sheet", lifetime_days=90)
    assert live(rita) == ["bot", "sheet"]
    assert (bot.expires_at - bot.created_at).days == 7
    assert (sheet.expires_at - sheet.created_at).days == 90


@pytest.mark.parametrize(
    ("name", "days", "field"),
    [("", None, "name"), ("   ", None, "name"), ("x" * 101, None, "name"), ("a\x00b", None, "name"),
     ("bot", 0, "lifetime_days"), ("bot", 367, "lifetime_days"), ("bot", True, "lifetime_days")],
)  # fmt: skip
def test_bad_input_is_refused_and_makes_nothing(name, days, field):
    rita = make_reporter(username="rita")
    with pytest.raises(ValidationError) as error:
        services.api_token_create(actor=rita, user=rita, name=name, lifetime_days=days)
    assert field in error.value.message_dict
    assert not ApiToken.objects.exists()


def test_nobody_makes_or_revokes_another_users_tokens_but_a_superuser():
    rita, eddie = make_reporter(username="rita"), make_editor(username="eddie")
    with pytest.raises(PermissionDenied):
        services.api_token_create(actor=eddie, user=rita, name="bot")
    token, _ = services.api_token_create(actor=rita, user=rita, name="bot")
    with pytest.raises(PermissionDenied):
        services.api_token_revoke(actor=eddie, token=token)
    root = make_editor(username="root", is_superuser=True)
    services.api_token_revoke(actor=root, token=token, reason="left the desk")
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_reason == "left the desk"


def test_revoking_one_token_leaves_the_others():
    rita = make_reporter(username="rita")
    bot, _ = services.api_token_create(actor=rita, user=rita, name="bot")
    services.api_token_create(actor=rita, user=rita, name="sheet")
    services.api_token_revoke(actor=rita, token=bot)
    first = ApiToken.objects.get(pk=bot.pk).revoked_at
    services.api_token_revoke(actor=rita, token=bot)  # again: nothing changes
    assert ApiToken.objects.get(pk=bot.pk).revoked_at == first
    assert live(rita) == ["sheet"]


def test_a_password_change_revokes_all_of_the_users_tokens():
    rita, eddie = make_reporter(username="rita"), make_editor(username="eddie")
    for name in ("bot", "sheet"):
        services.api_token_create(actor=rita, user=rita, name=name)
    services.api_token_create(actor=eddie, user=eddie, name="eddie's")
    rita.set_password("a whole new passphrase")
    rita.save()
    assert live(rita) == [] and live(eddie) == ["eddie's"]
    assert set(ApiToken.objects.filter(user=rita).values_list("revoked_reason", flat=True)) == {
        "password changed"
    }


def test_a_hash_upgraded_at_login_is_no_password_change(settings):
    rita = make_reporter(username="rita")
    rita.set_password("the same passphrase")
    rita.save()
    services.api_token_create(actor=None, user=rita, name="bot")
    # A newer Django prefers another hasher: the next login stores the same
    # password under it, and saves the user.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    old_hash = rita.password
    assert rita.check_password("the same passphrase")
    rita.refresh_from_db()
    assert rita.password != old_hash and rita.password.startswith("pbkdf2_sha256$")
    assert live(rita) == ["bot"]


def test_changepassword_and_the_newsroom_setup_command_revoke_them_too(monkeypatch):
    rita = make_reporter(username="rita")
    services.api_token_create(actor=None, user=rita, name="bot")
    user_ensure_newsroom_member(username="rita", role="Reporters",
                                password="another passphrase 42", reset_password=True)  # fmt: skip
    assert live(rita) == []
    services.api_token_create(actor=None, user=rita, name="bot")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "yet another passphrase 7")
    call_command("changepassword", "rita", stdout=io.StringIO())
    assert live(rita) == []


def test_deactivating_the_account_revokes_them_and_other_saves_do_not():
    rita = make_reporter(username="rita")
    services.api_token_create(actor=None, user=rita, name="bot")
    rita.first_name = "Rita"
    rita.last_login = timezone.now()
    rita.save()
    assert live(rita) == ["bot"]
    rita.is_active = False
    rita.save()
    assert live(rita) == []
    assert ApiToken.objects.get(user=rita).revoked_reason == "account deactivated"
    with pytest.raises(ValidationError):
        services.api_token_create(actor=None, user=rita, name="bot")
