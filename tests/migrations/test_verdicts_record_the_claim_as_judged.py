"""Migration 0013's backfill: old status changes get the claim as it stood when judged."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from tests.factories import make_claim, make_event, make_source
from tracker import services
from tracker.models import Claim, StatusChange
from tracker.vocabularies import Aspect, VerificationStatus

pytestmark = pytest.mark.django_db

migration = import_module("tracker.migrations.0013_verdicts_record_the_claim_as_judged")


def legacy_verdict(claim: Claim, status: str) -> StatusChange:
    """A status change as recorded before 0013: without the claim as judged."""
    change = StatusChange.objects.create(
        claim=claim, from_status=claim.status, to_status=status, rationale="Checked."
    )
    Claim.objects.filter(pk=claim.pk).update(status=status)
    return change


def test_a_verdict_gets_the_claim_as_it_was_when_judged():
    coalition, partners = make_source(name="US-led coalition"), make_source(name="Partners")
    event = make_event(name="Strike on the market")
    claim = make_claim(
        text="More than 30 civilians were killed", aspect=Aspect.KILLED, count_min=31,
        unit="people", event=event, named_parties=[coalition],
    )  # fmt: skip
    verdict = legacy_verdict(claim, VerificationStatus.CONFIRMED)
    # What a reporter could do before: rewrite the judged claim, history recording it.
    claim = Claim.objects.get(pk=claim.pk)
    claim.text, claim.count_min, claim.event = "More than 300 were killed", 301, None
    claim.save()
    claim.named_parties.set([partners])

    assert migration.fill_judged_claims(apps, connection) == 1

    assert StatusChange.objects.get(pk=verdict.pk).judged_claim == {
        "text": "More than 30 civilians were killed",
        "aspect": "killed",
        "count_min": 31,
        "count_max": None,
        "count_approximate": False,
        "unit": "people",
        "event": {"id": event.pk, "name": "Strike on the market"},
        "named_parties": [{"id": coalition.pk, "name": "US-led coalition"}],
    }


def test_without_history_from_before_the_verdict_the_claim_as_it_is_stands_in():
    claim = make_claim(text="The coalition conducted the strikes")
    claim.history.all().delete()
    verdict = legacy_verdict(claim, VerificationStatus.DISPUTED)
    assert migration.fill_judged_claims(apps, connection) == 1
    judged = StatusChange.objects.get(pk=verdict.pk).judged_claim
    assert (judged["text"], judged["event"], judged["named_parties"]) == (
        "The coalition conducted the strikes", None, [],
    )  # fmt: skip


def test_recorded_verdicts_are_left_alone_and_status_changes_stay_append_only(monkeypatch):
    monkeypatch.setattr(migration, "BATCH", 2)
    recorded = services.claim_set_status(
        actor=None, claim=make_claim(text="Recorded"), status="false", rationale=""
    )
    legacy = [legacy_verdict(make_claim(text=f"Legacy {n}"), "confirmed") for n in range(5)]

    assert migration.fill_judged_claims(apps, connection) == 5
    judged = {change.pk: change.judged_text for change in StatusChange.objects.all()}
    assert judged == {recorded.pk: "Recorded"} | {
        change.pk: f"Legacy {n}" for n, change in enumerate(legacy)
    }
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        StatusChange.objects.filter(pk=recorded.pk).update(rationale="Rewritten")
