"""A verdict can answer the claim's open flags in the same step, and says so."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import UserFactory, make_claim, make_flag
from tracker import services
from tracker.models import Flag, StatusChange
from tracker.vocabularies import FlagKind, FlagReason


@pytest.fixture
def flagged(db):
    claim = make_claim()
    first = make_flag(claim=claim, reason=FlagReason.SINGLE_SOURCE)
    second = make_flag(
        claim=claim, kind=FlagKind.NEEDS_SECOND_SOURCE, reason=FlagReason.NO_INDEPENDENT_ACCESS
    )
    return claim, first, second


def test_resolving_verdict_resolves_every_open_flag_and_says_so(editor, flagged):
    claim, first, second = flagged
    change = services.claim_set_status(
        actor=editor,
        claim=claim,
        status="confirmed",
        rationale="Two agencies saw it.",
        resolve_open_flags=True,
    )
    for flag in (first, second):
        flag.refresh_from_db()
        assert flag.resolved_by == editor
        assert flag.resolution_note == "Resolved by the verdict “Confirmed”: Two agencies saw it."
    assert change.rationale.startswith(
        "Two agencies saw it.\n\nThis verdict resolved the 2 open flags: "
    )
    assert first.get_kind_display() in change.rationale
    claim.refresh_from_db()
    assert claim.oldest_open_flag_at is None


def test_a_verdict_leaves_flags_open_unless_asked(editor, flagged):
    claim, *_ = flagged
    change = services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="")
    assert Flag.objects.filter(claim=claim, resolved_at__isnull=True).count() == 2
    assert change.rationale == ""


def test_without_open_flags_the_rationale_is_left_alone(editor):
    claim = make_claim()
    change = services.claim_set_status(
        actor=editor, claim=claim, status="confirmed", rationale="Seen.", resolve_open_flags=True
    )
    assert change.rationale == "Seen."


def test_a_refused_verdict_resolves_nothing(editor, flagged):
    claim, *_ = flagged
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    with pytest.raises(ValidationError):
        services.claim_set_status(
            actor=editor, claim=claim, status="confirmed", rationale="", resolve_open_flags=True
        )
    assert Flag.objects.filter(claim=claim, resolved_at__isnull=True).count() == 2
    assert StatusChange.objects.filter(claim=claim).count() == 1


def test_who_cannot_resolve_flags_cannot_ask_a_verdict_to(flagged):
    claim, *_ = flagged
    judge = UserFactory(username="judge")
    judge.user_permissions.add(Permission.objects.get(codename="set_claim_status"))
    with pytest.raises(PermissionDenied):
        services.claim_set_status(
            actor=judge,
            claim=claim,
            status="confirmed",
            rationale="",
            resolve_open_flags=True,
        )
    assert not StatusChange.objects.exists()
