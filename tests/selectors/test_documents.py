"""Reads of documents: the list, the review state, and a long document's page in pieces."""

import pytest

from tests.factories import make_account, make_claim, make_document, make_suggestions
from tracker import services
from tracker.selectors.documents import (
    document_accounts,
    document_detail_queryset,
    document_list_queryset,
    document_quotes_between,
    document_review_detail_queryset,
    document_review_list_queryset,
    document_suggestion_counts,
    document_suggestions,
)

TEXT = "Alpha said one thing. Beta said another. Gamma said a third. Delta said none. "


def quoted_document(editor):
    """A document two accounts quote, with three suggestions of which one is rejected."""
    # Each document's text is stored once: the same article twice is refused.
    document = make_document(text=TEXT + str(make_claim().pk))
    claim = make_claim()
    make_account(claim=claim, document=document, quote="Gamma said a third")
    make_account(claim=claim, document=document, quote="Alpha said one thing")
    suggestions = make_suggestions(document=document, spans=[(0, 5), (22, 26), (41, 46)])
    services.suggestion_reject(actor=editor, suggestion=suggestions[1])
    return document


@pytest.mark.parametrize("documents", [1, 3])
def test_the_lists_are_one_query_without_the_text(editor, django_assert_num_queries, documents):
    for _ in range(documents):
        quoted_document(editor)
    with django_assert_num_queries(1):
        rows = list(document_review_list_queryset())
        assert all(row.outlet is None for row in rows)
    counts = [(row.account_count, row.pending_suggestion_count) for row in rows]
    assert counts == [(2, 2)] * documents
    assert all("text" in row.get_deferred_fields() for row in rows)
    with django_assert_num_queries(1):
        assert len(list(document_list_queryset())) == documents


def test_the_details_have_their_accounts_in_text_order(editor, django_assert_num_queries):
    document = quoted_document(editor)
    with django_assert_num_queries(2):
        detail = document_detail_queryset().get(pk=document.pk)
        assert [a.quote for a in detail.quoting_accounts] == [
            "Alpha said one thing",
            "Gamma said a third",
        ]
        assert detail.quoting_accounts[0].claim.text
    # The document with its extraction, its accounts, its suggestions' ids and statuses.
    with django_assert_num_queries(3):
        review = document_review_detail_queryset().get(pk=document.pk)
        assert review.extraction.via == "paste"
        assert [s.status for s in review.review_suggestions] == ["pending", "rejected", "pending"]


def test_a_long_documents_page_in_pieces(editor, django_assert_num_queries):
    document = quoted_document(editor)
    with django_assert_num_queries(1):
        assert document_suggestion_counts(document_id=document.pk) == (3, 2)
    with django_assert_num_queries(1):
        assert [a.quote_start for a in document_accounts(document_id=document.pk)] == [0, 41]
    with django_assert_num_queries(1):
        assert [s.ordinal for s in document_suggestions(document_id=document.pk)] == [1, 2, 3]
    with django_assert_num_queries(2):
        accounts, suggestions = document_quotes_between(document_id=document.pk, start=3, end=30)
    assert [a.quote_start for a in accounts] == [0]
    assert [s.quote_start for s in suggestions] == [0, 22]
