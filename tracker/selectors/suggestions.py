"""Reads of suggested accounts.

A suggestion row joins its document, matched source and intermediary; the
detail adds the named parties (one prefetch) and what the decision made.
One document's suggestions, page by page, are read in ``selectors.documents``.
"""

from django.db.models import Prefetch, QuerySet

from tracker.models import Source, Suggestion


def suggestion_list_queryset() -> QuerySet[Suggestion]:
    """Suggestions with their document (text deferred), source, intermediary and event.

    ``extracted`` is deferred too: it is the extractor's raw output, kept for
    the record, and no list shows it.
    """
    return Suggestion.objects.select_related("document", "source", "intermediary", "event").defer(
        "document__text", "extracted"
    )


def suggestion_detail_queryset() -> QuerySet[Suggestion]:
    """One suggestion with what its page shows: the document's text for the quote's
    context, the proposed source's parent, the event, the named parties and the decision."""
    return (
        Suggestion.objects.select_related(
            "document",
            "source",
            "intermediary",
            "proposed_source_parent",
            "event",
            "decided_by",
            "account",
        )
        .defer("extracted")
        .prefetch_related(Prefetch("named_parties", queryset=Source.objects.order_by("name")))
    )
