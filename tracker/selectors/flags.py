"""Reads of flags."""

from django.db.models import QuerySet

from tracker.models import Flag


def flag_list_queryset() -> QuerySet[Flag]:
    """Flags with their claim and the people who raised and resolved them."""
    return Flag.objects.select_related("claim", "raised_by", "resolved_by")
