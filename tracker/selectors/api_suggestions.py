"""Reads of suggested accounts for the API, and of documents with their review state.

A suggestion row joins its document, matched source and intermediary; the
detail adds the named parties (one prefetch) and what the decision made. A
document's detail adds its extraction (a join: one per document) and its
suggestions' ids and statuses (one prefetch), so its cost is fixed however
many suggestions the extractor made.
"""

from django.db.models import Count, OuterRef, Prefetch, QuerySet

from tracker.models import Document, Source, Suggestion
from tracker.selectors._counts import subquery_count
from tracker.selectors.documents import document_detail_queryset, document_list_queryset
from tracker.vocabularies import SuggestionStatus


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


def document_api_list_queryset() -> QuerySet[Document]:
    """The documents list, with how many of each document's suggestions await review."""
    pending = Suggestion.objects.filter(document=OuterRef("pk"), status=SuggestionStatus.PENDING)
    return document_list_queryset().annotate(
        pending_suggestion_count=subquery_count(pending, outer="document", aggregate=Count("pk"))
    )


def document_api_detail_queryset() -> QuerySet[Document]:
    """A document with its extraction and ``review_suggestions`` (ids and statuses only)."""
    suggestions = Suggestion.objects.only("pk", "status", "document_id", "event_id").order_by(
        "ordinal"
    )
    return (
        document_detail_queryset()
        .select_related("extraction")
        .prefetch_related(
            Prefetch("suggestions", queryset=suggestions, to_attr="review_suggestions")
        )
    )
