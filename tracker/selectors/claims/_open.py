"""The two "open" sets the claim reads count and filter by."""

from django.db.models import QuerySet

from tracker.models import Finding, Flag


def open_flags() -> QuerySet[Flag]:
    return Flag.objects.filter(resolved_at__isnull=True)


def open_conflict_links() -> QuerySet:
    """Rows of the finding-claim link table whose finding is an open conflict or tension.

    ``is_open`` is only ever true for those two severities (a database
    constraint holds it), and an acknowledged finding is no longer open.
    """
    return Finding.claims.through.objects.filter(finding__is_open=True)
