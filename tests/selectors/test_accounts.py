"""Reads of accounts: a list row, and an account with what summarises it elsewhere."""

import pytest

from tests.factories import make_account, make_document, make_source
from tracker.selectors.accounts import account_list_queryset, accounts_with_summaries


@pytest.mark.parametrize("accounts", [1, 3])
def test_both_are_one_query_without_the_documents_text(db, django_assert_num_queries, accounts):
    outlet = make_source(name="Outlet")
    document = make_document(text="The agency said four people died.", outlet=outlet)
    for _ in range(accounts):
        make_account(
            source=make_source(parent=make_source()),
            intermediary=make_source(),
            document=document,
            quote="four people died",
        )
    for read in (account_list_queryset, accounts_with_summaries):
        with django_assert_num_queries(1):
            rows = list(read())
            assert {row.document.outlet.name for row in rows} == {"Outlet"}
            assert all(row.intermediary.name for row in rows)
        assert "text" in rows[0].document.get_deferred_fields()
        assert len(rows) == accounts
    with django_assert_num_queries(1):
        assert all(str(row) for row in account_list_queryset())
    with django_assert_num_queries(1):
        assert all(row.source.root.name for row in accounts_with_summaries())
