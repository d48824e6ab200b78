"""Two users add the same name at the same moment: one gets 201, the other the 400, never a 500.

On PostgreSQL, where each thread holds its own connection (see test_concurrency.py
for why SQLite's test database cannot show this; there the refusal of a write
the check missed is proven in tests/services/test_source_names.py).
"""

import threading

import pytest
from django.db import connection, connections

from tests.api.conftest import client_for
from tests.factories import make_editor, make_source
from tracker.models import Source, SourceAlias

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: threads must hold separate connections "
        "(set DATABASE_URL to run it)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ROUNDS = 8


def at_once(*requests):
    """Run the requests in threads released together; their responses in order."""
    barrier = threading.Barrier(len(requests))
    responses: list = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait(10)
            responses[index] = request()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return responses


def test_two_creates_of_one_name_give_one_source_and_one_clear_400():
    a, b = client_for(make_editor(username="a")), client_for(make_editor(username="b"))
    for n in range(ROUNDS):
        spellings = (f"ÑANDÚ Agency {n}", f"ñandú agency {n}")
        responses = at_once(
            *[
                lambda c=client, name=name: c.post(
                    "/api/sources/", {"name": name, "kind": "outlet"}, format="json"
                )
                for client, name in zip((a, b), spellings, strict=True)
            ]
        )
        assert sorted(r.status_code for r in responses) == [201, 400], responses
        created = next(r for r in responses if r.status_code == 201)
        refused = next(r for r in responses if r.status_code == 400)
        assert refused.data["name"] == [
            f"A source named {created.data['name']!r} already exists (id {created.data['id']})."
        ]
    assert Source.objects.count() == ROUNDS


def test_a_name_and_an_alias_written_at_once_cannot_both_be_taken():
    a, b = client_for(make_editor(username="a")), client_for(make_editor(username="b"))
    holder = make_source(name="Holder")
    for n in range(ROUNDS):
        name = f"Ðuplicate Ñews {n}"
        responses = at_once(
            lambda name=name: a.post(
                "/api/sources/", {"name": name, "kind": "outlet"}, format="json"
            ),
            lambda name=name: b.post(
                f"/api/sources/{holder.pk}/aliases/", {"name": name.upper()}, format="json"
            ),
        )
        assert sorted(r.status_code for r in responses) == [201, 400], responses
        assert (
            "already exists"
            in responses[0 if responses[0].status_code == 400 else 1].data["name"][0]
        )
    assert Source.objects.count() + SourceAlias.objects.count() == 1 + ROUNDS
