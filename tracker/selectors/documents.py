"""Reads of documents: the list, and one document with the accounts quoting it."""

from django.db.models import Count, OuterRef, Prefetch, QuerySet

from tracker.models import Account, Document
from tracker.selectors._counts import subquery_count


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
