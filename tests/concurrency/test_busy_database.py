"""A write that cannot get the database in 5 s is a 503 with Retry-After, in the API and the admin.

Another connection holds the lock for longer than any write may wait: on
SQLite the database's write lock (BEGIN IMMEDIATE), on PostgreSQL the event's
row. The write waits its 5 s (SQLite's busy_timeout, PostgreSQL's
lock_timeout), stores nothing and answers 503 with Retry-After; it used to be
a 500 ("database is locked"). Once the lock is gone the same write succeeds.
"""

import sqlite3
import time
from contextlib import contextmanager

import psycopg
import pytest
import requests
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.admin.conftest import claim_post_data
from tests.concurrency.conftest import api_session
from tests.factories import make_editor, make_event
from tracker.models import Claim
from tracker.vocabularies import Aspect, Unit

# Serialized, as tests/concurrency/test_many_writers.py is: a plain flush after
# this test would recreate content types that its serialized copy then clashes with.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The database's wait (5 s) plus a request's own time on a busy machine.
LONGEST_ANSWER = 9.0


@contextmanager
def database_held_by_another(event_id: int):
    """Another connection holding what a write to the event needs, until the block ends."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        other = sqlite3.connect(settings["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
    else:
        other = psycopg.connect(
            dbname=settings["NAME"],
            user=settings["USER"],
            host=settings["HOST"],
            port=settings["PORT"] or 5432,
            password=settings["PASSWORD"] or None,
        )
        other.execute("SELECT id FROM tracker_event WHERE id = %s FOR UPDATE", [event_id])
    try:
        yield
    finally:
        other.rollback() if connection.vendor != "sqlite" else other.execute("ROLLBACK")
        other.close()


def _timed(send):
    began = time.monotonic()
    response = send()
    return response, time.monotonic() - began


def test_a_write_that_cannot_get_the_lock_is_a_503_with_retry_after(live_http):
    editor = make_editor(username="editor")
    event = make_event(name="Market strike")
    api = api_session(editor)
    admin = Client()
    admin.force_login(editor)  # a session written now, before the database is taken
    claim = {"text": "At least 12 people were killed", "aspect": Aspect.KILLED,
             "event": event.pk, "count_min": 12, "unit": Unit.PEOPLE}  # fmt: skip

    def post_api() -> requests.Response:
        return api.post(f"{live_http}/api/claims/", json=claim, timeout=60)

    def post_admin():
        return admin.post(reverse("admin:tracker_claim_add"), claim_post_data(**claim))

    with database_held_by_another(event.pk):
        from_api, api_seconds = _timed(post_api)
        from_admin, admin_seconds = _timed(post_admin)
    print(
        f"\n{connection.vendor}: the API answered {from_api.status_code} after {api_seconds:.1f} s,"
        f" the admin {from_admin.status_code} after {admin_seconds:.1f} s"
    )

    for response, seconds in ((from_api, api_seconds), (from_admin, admin_seconds)):
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "5"
        assert 4.5 <= seconds < LONGEST_ANSWER
    assert from_api.json()["detail"].startswith("The database is busy")
    assert not Claim.objects.exists()

    assert post_api().status_code == 201
    assert post_admin().status_code == 302
    assert Claim.objects.filter(event=event).count() == 2
