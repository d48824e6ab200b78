"""A list page costs the same number of queries for 1 row as for 30.

Each count is pinned: the request's own queries (the token with its user, the
user's and its groups' permissions) plus one query per list and one per
prefetched collection. A change that adds a query per row fails here.
"""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_account,
    make_claim,
    make_document,
    make_event,
    make_flag,
    make_source,
)
from tracker import services
from tracker.models import Document, Suggestion
from tracker.vocabularies import Aspect, Stance

# Token + user (1), the user's permissions (1) and its groups' permissions (1).
REQUEST = 3


def claim_with_everything(n: int) -> None:
    event = make_event()
    source = make_source(parent=make_source())
    claim = make_claim(event=event, aspect=Aspect.KILLED, count_min=n, unit="people",
                       named_parties=[source])  # fmt: skip
    document = make_document()
    make_account(claim=claim, source=source, document=document,
                 quote="At least 12 people were killed")  # fmt: skip
    make_account(claim=claim, stance=Stance.DENIES, intermediary=make_source())
    make_flag(claim=claim)
    services.claim_set_status(actor=None, claim=claim, status="confirmed", rationale="")


def suggested(n: int) -> None:
    """A report whose one suggestion has a known speaker, a relay, an event and parties."""
    ministry = make_source(name=f"Ministry {n}", kind="government")
    outlet = make_source(name=f"Outlet {n}")
    services.entity_create(actor=None, name=f"Place {n}", kind="place", aliases=[f"Town {n}"])
    make_event(name=f"Strike on Place {n}")
    result = services.document_ingest(
        actor=None, title="", via="api",
        text=f"Report {n}: at least {n + 3} people were killed in Place {n}, "
        f"{ministry.name} told {outlet.name}.\n",
    )  # fmt: skip
    suggestion = Suggestion.objects.get(document=result.document)
    services.suggestion_update(actor=None, suggestion=suggestion, named_parties=[ministry])


def named(n: int) -> None:
    source = make_source(name=f"Party {n}", kind="armed_party")
    services.entity_create(
        actor=None, name=f"Party {n}", kind="party", source=source,
        aliases=[f"P{n}", f"The {n}th party"],
    )  # fmt: skip


# list URL, builder of one row's worth, queries beyond REQUEST
LISTS: list[tuple[str, Callable[[int], None], int]] = [
    # claims; + nothing: counts are subqueries, the event a join
    ("/api/claims/", claim_with_everything, 1),
    # sources + aliases
    ("/api/sources/", claim_with_everything, 2),
    ("/api/documents/", claim_with_everything, 1),
    # events + parties
    ("/api/events/", claim_with_everything, 2),
    ("/api/accounts/", claim_with_everything, 1),
    ("/api/flags/", claim_with_everything, 1),
    # findings + their claims + their accounts
    ("/api/conflicts/", claim_with_everything, 3),
    ("/api/status-changes/", claim_with_everything, 1),
    # claims with verdicts + their accounts
    ("/api/claimreview/", claim_with_everything, 2),
    # suggestions, joined to their document, source, intermediary and event
    ("/api/suggestions/", suggested, 1),
    ("/api/suggestions/?status=pending&aspect=killed", suggested, 1),
    # entities + aliases
    ("/api/names/", named, 2),
]


def queries_for(client, url: str) -> int:
    return len(captured_for(client, url)[1])


def captured_for(client, url: str):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"page_size": 100} if "?" not in url else None)
    assert response.status_code == 200, response.data
    return response, captured


@pytest.mark.parametrize(("url", "build", "extra"), LISTS, ids=[u for u, _, _ in LISTS])
def test_a_list_costs_the_same_for_one_row_as_for_thirty(editor_api, url, build, extra):
    build(0)
    response, one = captured_for(editor_api, url)
    assert rows_in(response) != 0
    for n in range(1, 30):
        build(n)
    response, thirty = captured_for(editor_api, url)
    assert rows_in(response) in (None, *range(30, 101))
    assert len(one) == len(thirty) == REQUEST + extra


def rows_in(response) -> int | None:
    """Rows on a cursor page; None for the feeds, which are not paged that way."""
    data = response.data
    return len(data["results"]) if isinstance(data, dict) and "results" in data else None


def test_suggestions_in_the_list_are_filled_in(editor_api):
    # The builder really gives each row what the list joins, or the pin above proves little.
    suggested(0)
    row = editor_api.get("/api/suggestions/").data["results"][0]
    assert row["source"]["name"] == "Ministry 0"
    assert row["intermediary"]["name"] == "Outlet 0"
    assert row["event"]["name"] == "Strike on Place 0"
    assert row["document"]["id"] == Document.objects.get().pk


def test_the_suggestion_and_document_details_cost_a_fixed_number(editor_api, editor):
    suggested(0)
    suggestion = Suggestion.objects.get()
    document = suggestion.document
    one = queries_for(editor_api, f"/api/suggestions/{suggestion.pk}/")
    # suggestion with its joins + named parties + the claim of its event it would join
    assert one == REQUEST + 3
    # document + quoting accounts + suggestions (the extraction is a join) + captures;
    # the versions of its URL two more when it has one
    assert queries_for(editor_api, f"/api/documents/{document.pk}/") == REQUEST + 4
    services.suggestion_update(
        actor=None, suggestion=suggestion, named_parties=[make_source() for _ in range(5)]
    )
    services.suggestion_accept(actor=editor, suggestion=suggestion)
    big = services.document_ingest(
        actor=None, title="", via="api",
        text="".join(f"Official {n} said {n + 2} people were hurt. " for n in range(30)),
    ).document  # fmt: skip
    assert Suggestion.objects.filter(document=big).count() >= 10
    # Accepted, it has its claim: five named parties cost nothing more, and no join is looked up.
    assert queries_for(editor_api, f"/api/suggestions/{suggestion.pk}/") == one - 1
    assert queries_for(editor_api, f"/api/documents/{big.pk}/") == REQUEST + 4
    assert queries_for(editor_api, f"/api/documents/{document.pk}/") == REQUEST + 4


def test_a_documents_versions_cost_the_same_however_many(editor_api):
    from datetime import UTC, datetime, timedelta

    from tracker.vocabularies import CaptureOrigin

    def capture(n: int):
        return services.capture_store(
            actor=None, content=f"<p>Officials said {n} people died.</p>".encode(),
            content_type="text/html", origin=CaptureOrigin.WEB_ARCHIVE, via="command",
            url="https://agency.example/toll",
            captured_at=datetime(2026, 3, 2, tzinfo=UTC) + timedelta(hours=n),
        ).document  # fmt: skip

    second = [capture(n) for n in range(2)][-1]
    two = queries_for(editor_api, f"/api/documents/{second.pk}/")
    assert two == REQUEST + 6  # + the URL's captures by document, and their titles
    eighth = [capture(n) for n in range(2, 8)][-1]
    assert queries_for(editor_api, f"/api/documents/{eighth.pk}/") == two


def test_the_claim_detail_costs_a_fixed_number(editor_api):
    claim_with_everything(0)
    from tracker.models import Claim

    claim = Claim.objects.get()
    url = f"/api/claims/{claim.pk}/"
    before = queries_for(editor_api, url)
    for _ in range(1, 10):
        make_account(claim=claim, stance=Stance.HEDGES, document=make_document(),
                     quote="At least 12 people were killed")  # fmt: skip
        make_flag(claim=claim, reason="single_source")
    # claim + named parties + accounts + findings + open flags + verdicts
    assert queries_for(editor_api, url) == before == REQUEST + 6


def test_the_csv_export_streams_at_a_fixed_cost(editor_api):
    def export_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = editor_api.get("/api/claims/export.csv")
            b"".join(response.streaming_content)
        return len(captured)

    claim_with_everything(0)
    one = export_queries()
    for n in range(1, 30):
        claim_with_everything(n)
    assert export_queries() == one == REQUEST + 2
