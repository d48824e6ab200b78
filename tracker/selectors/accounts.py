"""Reads of accounts."""

from django.db.models import QuerySet

from tracker.models import Account


def account_list_queryset() -> QuerySet[Account]:
    """Accounts with everything their row and ``__str__`` read.

    The document's text is deferred: a list shows its title, not the article.
    """
    return Account.objects.select_related(
        "claim", "source", "intermediary", "document", "document__outlet"
    ).defer("document__text")


def accounts_with_summaries() -> QuerySet[Account]:
    """Accounts with their source (and its root), intermediary and document, text deferred."""
    return (
        Account.objects.select_related(
            "source", "source__root", "intermediary", "document", "document__outlet"
        )
        .defer("document__text")
        .order_by("pk")
    )


def claim_accounts(*, claim_id: int) -> QuerySet[Account]:
    """A claim's accounts in the order they were added, with what the claim page
    shows of each: the source up to its root, the relay and the document (its
    text too, for the words around each quote)."""
    return (
        Account.objects.filter(claim_id=claim_id)
        .select_related("source", "source__root", "intermediary", "document")
        .order_by("pk")
    )
