"""A small newsroom for the admin tests, built through the services."""

from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_account, make_claim, make_document, make_event, make_flag
from tracker import services
from tracker.models import Account, Claim, Document, Event, Flag, Source
from tracker.vocabularies import Aspect, FlagReason, SourceKind, Stance

ARTICLE = (
    "SANA said more than 30 civilians, mostly women and children, were killed. "
    "The coalition said it or partner forces may have conducted the strikes. "
    "Reuters could not independently verify the reports."
)


@dataclass
class Newsroom:
    government: Source
    sana: Source
    ministry: Source
    coalition: Source
    reuters: Source
    document: Document
    event: Event
    toll: Claim
    perpetrator: Claim
    sana_account: Account
    coalition_account: Account
    flag: Flag


@pytest.fixture
def newsroom(db, reporter) -> Newsroom:
    government = services.source_create(
        actor=None, name="Syrian government", kind=SourceKind.GOVERNMENT
    )
    sana = services.source_create(
        actor=None,
        name="SANA",
        kind=SourceKind.STATE_MEDIA,
        parent=government,
        aliases=["Syrian Arab News Agency"],
    )
    ministry = services.source_create(
        actor=None, name="Syrian foreign ministry", kind=SourceKind.GOVERNMENT, parent=government
    )
    coalition = services.source_create(
        actor=None, name="US-led coalition", kind=SourceKind.ARMED_PARTY
    )
    reuters = services.source_create(actor=None, name="Reuters", kind=SourceKind.NEWS_AGENCY)
    document = make_document(text=ARTICLE, title="Strikes kill civilians in Deir ez-Zor")
    event = make_event(name="Strike in Deir ez-Zor", parties=[coalition, government])
    toll = make_claim(
        text="More than 30 civilians were killed",
        aspect=Aspect.KILLED,
        event=event,
        count_min=31,
        unit="people",
    )
    perpetrator = make_claim(
        text="The coalition conducted the strikes",
        aspect=Aspect.PERPETRATOR,
        event=event,
        named_parties=[coalition],
    )
    sana_account = make_account(
        claim=toll, source=sana, document=document, quote="more than 30 civilians"
    )
    make_account(claim=toll, source=ministry, stance=Stance.ASSERTS)
    coalition_account = make_account(
        claim=perpetrator,
        source=coalition,
        stance=Stance.HEDGES,
        document=document,
        quote="it or partner forces may have conducted the strikes",
    )
    make_account(
        claim=toll,
        source=reuters,
        stance=Stance.CANNOT_VERIFY,
        document=document,
        quote="could not independently verify",
    )
    flag = make_flag(
        claim=toll, raised_by=reporter, reason=FlagReason.SINGLE_SOURCE, note="Only SANA."
    )
    return Newsroom(
        government=government,
        sana=sana,
        ministry=ministry,
        coalition=coalition,
        reuters=reuters,
        document=document,
        event=event,
        toll=toll,
        perpetrator=perpetrator,
        sana_account=sana_account,
        coalition_account=coalition_account,
        flag=flag,
    )


def account_row(account: Account) -> dict:
    """The inline form row of an existing account, as the claim page posts it."""
    return {
        "id": account.pk,
        "claim": account.claim_id,
        "source": account.source_id,
        "stance": account.stance,
        "document": account.document_id or "",
        "quote": account.quote,
        "quote_start": "" if account.quote_start is None else account.quote_start,
        "intermediary": account.intermediary_id or "",
        "said_on": account.said_on or "",
    }


def claim_post_data(claim: Claim | None = None, *, rows=(), **fields) -> dict:
    """A claim change (or add) form POST, with its accounts inline.

    Existing accounts come first in ``rows`` (as ``account_row`` gives them), new
    ones after; ``fields`` override the claim's own values.
    """
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
    data.update(
        {
            "accounts-TOTAL_FORMS": len(rows),
            "accounts-INITIAL_FORMS": sum(1 for row in rows if row.get("id")),
            "accounts-MIN_NUM_FORMS": 0,
            "accounts-MAX_NUM_FORMS": 1000,
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"accounts-{index}-{key}"] = value
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
