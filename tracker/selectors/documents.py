"""Reads of documents: the list, one document with the accounts quoting it,
the same with their review state, and the pieces of a long document's admin
page, each of a fixed cost.

The review state is how many suggestions wait (a list's count per row) and,
on the detail, the extraction (a join: one per document) and the
suggestions' ids and statuses (one prefetch), so its cost is fixed however
many suggestions the extractor made.
"""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet

from tracker.models import Account, Document, Suggestion
from tracker.selectors._counts import subquery_count
from tracker.vocabularies import SuggestionStatus


def document_list_queryset() -> QuerySet[Document]:
    """Documents with their outlet and how many accounts quote them.

    The text is deferred: a list never shows it and an article can be long.
    """
    return (
        Document.objects.select_related("outlet")
        .defer("text")
        .annotate(
            account_count=subquery_count(
                Account.objects.filter(document=OuterRef("pk")),
                outer="document",
                aggregate=Count("pk"),
            )
        )
    )


def document_detail_queryset() -> QuerySet[Document]:
    """Documents with ``quoting_accounts``: their accounts in text order.

    Each account comes with its claim, source and intermediary, which is all the
    highlighted text and the list of accounts on the document page read.
    """
    accounts = Account.objects.select_related("claim", "source", "intermediary").order_by(
        "quote_start", "id"
    )
    return Document.objects.select_related("outlet", "created_by").prefetch_related(
        Prefetch("accounts", queryset=accounts, to_attr="quoting_accounts")
    )


def document_review_list_queryset() -> QuerySet[Document]:
    """The documents list, with how many of each document's suggestions await review."""
    pending = Suggestion.objects.filter(document=OuterRef("pk"), status=SuggestionStatus.PENDING)
    return document_list_queryset().annotate(
        pending_suggestion_count=subquery_count(pending, outer="document", aggregate=Count("pk"))
    )


def document_review_detail_queryset() -> QuerySet[Document]:
    """A document with its extraction and ``review_suggestions`` (ids and statuses only)."""
    suggestions = Suggestion.objects.only("pk", "status", "document_id").order_by("ordinal")
    return (
        document_detail_queryset()
        .select_related("extraction")
        .prefetch_related(
            Prefetch("suggestions", queryset=suggestions, to_attr="review_suggestions")
        )
    )


def document_page_queryset() -> QuerySet[Document]:
    """Documents with their text and who stored them, and nothing that grows with them.

    Their accounts and suggestions are read a page at a time (below).
    """
    return Document.objects.select_related("outlet", "created_by")


def document_accounts(*, document_id: int) -> QuerySet[Account]:
    """The accounts quoting one document, in text order, with what their rows show."""
    return (
        Account.objects.filter(document_id=document_id)
        .select_related("claim", "source", "intermediary")
        .order_by("quote_start", "id")
    )


def document_suggestions(*, document_id: int) -> QuerySet[Suggestion]:
    """One document's suggestions in the order the extractor found them."""
    return (
        Suggestion.objects.filter(document_id=document_id)
        .select_related("source", "intermediary", "account")
        .order_by("ordinal")
    )


def document_suggestion_counts(*, document_id: int) -> tuple[int, int]:
    """How many suggestions a document has, and how many wait for a decision: one query."""
    counts = Suggestion.objects.filter(document_id=document_id).aggregate(
        total=Count("pk"), pending=Count("pk", filter=Q(status=SuggestionStatus.PENDING))
    )
    return counts["total"], counts["pending"]


def document_quotes_between(
    *, document_id: int, start: int, end: int
) -> tuple[list[Account], list[Suggestion]]:
    """The accounts and suggestions whose quotes overlap ``[start, end)`` of the text."""
    overlapping = Q(quote_start__lt=end, quote_end__gt=start)
    accounts = list(
        Account.objects.filter(overlapping, document_id=document_id)
        .select_related("source")
        .order_by("quote_start", "id")
    )
    suggestions = list(
        Suggestion.objects.filter(overlapping, document_id=document_id)
        .select_related("source")
        .defer("extracted", "rules")
        .order_by("quote_start", "id")
    )
    return accounts, suggestions
