"""Autocomplete widgets name the rows a page loaded, without a query each; the claim page
reads its accounts at a fixed cost."""

import re

import pytest
from django.urls import reverse

from tests.admin.conftest import account_post_data, queries_for
from tests.factories import make_account, make_claim, make_document, make_event, make_source

pytestmark = pytest.mark.django_db


def claim_url(claim) -> str:
    return reverse("admin:tracker_claim_change", args=[claim.pk])


def claim_with_accounts(count: int):
    claim = make_claim(text=f"A claim with {count} accounts", event=make_event())
    for n in range(count):
        document = make_document(text=f"Report {count}-{n}: twelve people were killed.")
        make_account(
            claim=claim,
            source=make_source(name=f"Source {count}-{n}"),
            intermediary=make_source(name=f"Outlet {count}-{n}"),
            document=document,
            quote="twelve people were killed",
        )
    return claim


def chosen(body: str, field: str) -> str:
    """The label of the option chosen in the select named ``field``."""
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', body, re.S).group(1)
    return re.search(r"<option value=\"\d+\" selected>([^<]*)</option>", select).group(1)


def test_a_claim_page_costs_the_same_for_one_account_as_for_a_page_of_them(editor_client):
    # 49: a whole page of 50 would add the pager's count (admin/paging.py).
    one, many = claim_with_accounts(1), claim_with_accounts(49)
    editor_client.get(claim_url(one))
    one_queries, _ = queries_for(editor_client, claim_url(one))
    many_queries, page = queries_for(editor_client, claim_url(many))
    assert one_queries == many_queries
    body = page.content.decode()
    # Each account names its source, relay and document, read with the page's joins.
    last = many.accounts.select_related("document").order_by("pk").last()
    row = body[body.index(f'id="account-{last.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "Source 49-48" in row and "via Outlet 49-48" in row
    assert last.document.display_title[:40] in row
    assert chosen(body, "event") == str(many.event)


def test_a_choice_sent_back_with_an_error_is_named_from_the_database(editor_client):
    claim = claim_with_accounts(1)
    account = claim.accounts.get()
    other = make_source(name="Another source entirely")
    url = reverse("admin:tracker_account_change", args=[account.pk])
    data = account_post_data(account, source=other.pk, quote="words not in the document")
    response = editor_client.post(url, data)
    assert response.status_code == 200  # refused, shown again with the errors
    assert chosen(response.content.decode(), "source") == "Another source entirely"
