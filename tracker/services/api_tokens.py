"""API tokens: made for one tool, shown once, dead when they expire or are revoked.

A user's tokens all die when their password changes or their account is
deactivated (``tracker.signals``); one can be revoked from the admin or the API.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.models.api_token import ApiToken, hash_key
from tracker.services._common import Actor, clean_text

MAX_LIFETIME_DAYS = 366


def _may_manage(actor: Actor, user: AbstractBaseUser) -> bool:
    """A user manages their own tokens; a superuser anyone's; the system (None) all."""
    if actor is None:
        return True
    if not actor.is_authenticated or not actor.is_active:
        return False
    return actor.pk == user.pk or actor.is_superuser


@transaction.atomic
def api_token_create(
    *, actor: Actor, user: AbstractBaseUser, name: str, lifetime_days: int | None = None
) -> tuple[ApiToken, str]:
    """A new token for ``user`` and its key, which is not stored and cannot be shown again."""
    if not _may_manage(actor, user):
        raise PermissionDenied("You may only make tokens for yourself.")
    if not user.is_active:
        raise ValidationError({"user": "This account is deactivated; it can hold no token."})
    name = clean_text("name", name, required=True, max_length=100)
    days = settings.API_TOKEN_LIFETIME_DAYS if lifetime_days is None else lifetime_days
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_LIFETIME_DAYS:
        raise ValidationError(
            {"lifetime_days": f"A whole number of days from 1 to {MAX_LIFETIME_DAYS}."}
        )
    key = secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user, name=name, key_hash=hash_key(key), prefix=key[:8],
        created_at=now, expires_at=now + timedelta(days=days),
    )  # fmt: skip
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken, reason: str = "revoked") -> ApiToken:
    """Revoke one token; revoking a revoked token changes nothing."""
    if not _may_manage(actor, token.user):
        raise PermissionDenied("You may only revoke your own tokens.")
    reason = clean_text("reason", reason, required=True, max_length=100)
    ApiToken.objects.filter(pk=token.pk, revoked_at=None).update(
        revoked_at=timezone.now(), revoked_reason=reason
    )
    token.refresh_from_db(fields=["revoked_at", "revoked_reason"])
    return token


@transaction.atomic
def api_tokens_revoke_for_user(*, user: AbstractBaseUser, reason: str) -> int:
    """Revoke every live token of ``user`` (the system's doing); how many were live."""
    return ApiToken.objects.filter(user=user, revoked_at=None).update(
        revoked_at=timezone.now(), revoked_reason=reason[:100]
    )
