"""The admin: the editors' workplace, and the reporters' with less in it.

One module per model admin. Every write goes through tracker.services; the
pieces that make the admin do that are in ``base``.
"""

from django.contrib import admin

from tracker.admin import (
    accounts,
    api_tokens,
    captures,
    claims,
    desk,
    documents,
    events,
    findings,
    flags,
    names,
    review_queue,
    sources,
    status_changes,
    suggestions,
)

__all__ = [
    "accounts",
    "api_tokens",
    "captures",
    "claims",
    "desk",
    "documents",
    "events",
    "findings",
    "flags",
    "names",
    "review_queue",
    "sources",
    "status_changes",
    "suggestions",
]

desk.install(admin.site)
