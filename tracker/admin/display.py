"""Small pieces of HTML the admins share. Everything user-typed is escaped."""

from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tracker.vocabularies import VerificationStatus


def status_badge(status: str) -> SafeString:
    """A coloured badge; the CSS class comes from our vocabulary, never from input."""
    if status not in VerificationStatus.values:
        status = VerificationStatus.UNVERIFIED
    return format_html(
        '<span class="tracker-badge tracker-status-{}">{}</span>',
        status,
        VerificationStatus(status).label,
    )


def admin_link(obj, text: str | None = None) -> SafeString:
    """A link to ``obj``'s change page in the admin."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))


def user_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return "system"
    return user.get_full_name() or user.get_username()


def shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def with_badges(changes):
    """Give status changes their badges for templates (which cannot call functions)."""
    for change in changes:
        change.from_badge = status_badge(change.from_status)
        change.to_badge = status_badge(change.to_status)
    return changes


def counted(number: int, noun: str) -> str:
    """ "1 account", "2 accounts", "1,200 accounts": a count as people say it."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"
