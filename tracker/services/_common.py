"""Checks every service shares: who may act, and what counts as valid input."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

Actor = AbstractBaseUser | AnonymousUser | None


def require_permission(actor: Actor, permission: str, *, action: str) -> None:
    """Refuse ``action`` unless ``actor`` holds ``permission``.

    ``actor=None`` is the system itself (management commands, seeds), which the
    operator running the command already vouches for.
    """
    if actor is None:
        return
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied(f"You must be signed in to {action}.")
    if not actor.has_perm(permission):
        raise PermissionDenied(f"You do not have permission to {action}.")


def history_user(actor: Actor):
    """The user simple-history should record, or None for the system."""
    if actor is None or not actor.is_authenticated:
        return None
    return actor


def check_choice(field: str, value: str, choices: type[models.TextChoices]) -> None:
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise ValidationError({field: f"Unknown value {value!r}; expected one of: {allowed}."})


def clean_text(field: str, value: str, *, required: bool, max_length: int | None = None) -> str:
    """Reject what no database keeps faithfully (NUL bytes) and blank required text."""
    if not isinstance(value, str):
        raise ValidationError({field: "Must be text."})
    if "\x00" in value:
        raise ValidationError({field: "Must not contain NUL bytes."})
    if required and not value.strip():
        raise ValidationError({field: "This field is required."})
    if max_length is not None and len(value) > max_length:
        raise ValidationError({field: f"At most {max_length} characters (got {len(value)})."})
    return value


def unknown_fields(changes: Iterable[str], allowed: Iterable[str]) -> None:
    extra = sorted(set(changes) - set(allowed))
    if extra:
        raise ValidationError({name: "This field cannot be changed here." for name in extra})
