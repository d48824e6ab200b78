"""Reads of recorded bundle exports: an event's, and one by its bundle id."""

import uuid

from django.db.models import QuerySet

from tracker.models import BundleExport, Event


def _with_exporter(exports: QuerySet[BundleExport]) -> QuerySet[BundleExport]:
    return exports.select_related("exported_by")


def event_bundle_exports(event: Event | int) -> QuerySet[BundleExport]:
    return _with_exporter(BundleExport.objects.filter(event=event)).order_by("-exported_at", "-pk")


def recorded_export(bundle_id: str) -> BundleExport | None:
    """The export recorded under ``bundle_id``; None for an id that is not one (or unknown)."""
    try:
        key = uuid.UUID(bundle_id)
    except (ValueError, TypeError, AttributeError):
        return None
    return _with_exporter(BundleExport.objects.filter(bundle_id=key)).first()
