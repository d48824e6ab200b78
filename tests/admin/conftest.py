"""Helpers for the admin tests: form posts, messages, clients and query counts.

The ``newsroom`` fixture they use is the one the API tests use (tests/newsroom.py).
"""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tracker.models import Account, Claim
from tracker.vocabularies import Aspect


def account_post_data(account: Account | None = None, **fields) -> dict:
    """The account form's POST (its own page, linked from the claim page), ``fields`` changed."""
    data = {
        "claim": account.claim_id if account else "",
        "source": account.source_id if account else "",
        "stance": account.stance if account else "asserts",
        "document": (account.document_id or "") if account else "",
        "quote": account.quote if account else "",
        "quote_start": ""
        if account is None or account.quote_start is None
        else account.quote_start,
        "intermediary": (account.intermediary_id or "") if account else "",
        "said_on": (account.said_on or "") if account else "",
    }
    data.update(fields)
    return data


def claim_post_data(claim: Claim | None = None, **fields) -> dict:
    """A claim change (or add) form POST, with ``fields`` changed."""
    data = {
        "text": claim.text if claim else "",
        "event": (claim.event_id or "") if claim else "",
        "aspect": claim.aspect if claim else Aspect.OTHER,
        "count_min": "" if not claim or claim.count_min is None else claim.count_min,
        "count_max": "" if not claim or claim.count_max is None else claim.count_max,
        "unit": claim.unit if claim else "",
        "named_parties": [p.pk for p in claim.named_parties.all()] if claim else [],
    }
    if claim and claim.count_approximate:
        data["count_approximate"] = "on"
    data.update(fields)
    return data


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def logged_in(user) -> Client:
    """A client of its own: editor_client and reporter_client share one."""
    client = Client()
    client.force_login(user)
    return client


def queries_for(client: Client, url: str, **params) -> tuple[int, object]:
    """How many queries one GET of ``url`` costs, and its response."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    return len(context.captured_queries), response
