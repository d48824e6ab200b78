"""The claim page embeds the verdict as the API publishes it, however many accounts it has."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import make_account, make_claim, make_source
from tracker import services

pytestmark = pytest.mark.django_db


def embedded(body: str) -> dict | None:
    found = re.search(
        r'<script type="application/ld\+json" id="tracker-claimreview">(.*?)</script>', body, re.S
    )
    return json.loads(found.group(1)) if found else None


def judged_claim(accounts: int):
    claim = make_claim(text=f"A claim with {accounts} accounts")
    for n in range(accounts):
        make_account(claim=claim, source=make_source(name=f"Speaker {accounts}-{n}"))
    services.claim_set_status(actor=None, claim=claim, status="confirmed", rationale="Checked.")
    return claim


@pytest.mark.parametrize("accounts", [2, 53])
def test_the_page_embeds_what_the_api_publishes(editor_client, accounts):
    claim = judged_claim(accounts)
    page = editor_client.get(reverse("admin:tracker_claim_change", args=[claim.pk]))
    api = editor_client.get(reverse("api:claim-claimreview", kwargs={"pk": claim.pk}))
    review = embedded(page.content.decode())
    assert review == api.json()
    # Every supporting source is an author, those past the page's first fifty too.
    assert len(review["itemReviewed"]["author"]) == accounts


@pytest.mark.parametrize("status", ["unverified", "in_review"])
def test_a_claim_without_a_verdict_publishes_nothing(editor_client, status):
    claim = make_claim()
    if status != "unverified":
        services.claim_set_status(actor=None, claim=claim, status=status, rationale="Looking.")
    body = editor_client.get(reverse("admin:tracker_claim_change", args=[claim.pk])).content
    assert embedded(body.decode()) is None
