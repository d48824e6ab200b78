"""Reads of the verdict log."""

from django.db.models import QuerySet

from tracker.models import StatusChange


def status_change_list_queryset() -> QuerySet[StatusChange]:
    return StatusChange.objects.select_related("claim", "changed_by")
