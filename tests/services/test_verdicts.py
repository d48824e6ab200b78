"""A verdict certifies the claim as it was judged (issue 11, point 1)."""

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import make_account, make_claim, make_event, make_source
from tracker import services
from tracker.models import Claim, StatusChange
from tracker.vocabularies import Aspect, Stance, VerificationStatus

pytestmark = pytest.mark.django_db

VERDICTS = [
    s for s in VerificationStatus.values if s not in ("unverified", "in_review")
]  # fmt: skip


@pytest.fixture
def coalition():
    return make_source(name="US-led coalition")


@pytest.fixture
def toll(coalition):
    return make_claim(
        text="More than 30 civilians were killed", aspect=Aspect.KILLED, count_min=31,
        unit="people", event=make_event(name="Strike on the market"), named_parties=[coalition],
    )  # fmt: skip


def judge(claim, status=VerificationStatus.CONFIRMED, rationale="Two independent sources."):
    return services.claim_set_status(actor=None, claim=claim, status=status, rationale=rationale)


SUBSTANCE_CHANGES = {
    "text": lambda: {"text": "More than 300 civilians were killed"},
    "aspect": lambda: {"aspect": Aspect.INJURED},
    "count_min": lambda: {"count_min": 301},
    "count_max": lambda: {"count_max": 500},
    "count_approximate": lambda: {"count_approximate": True},
    "said as more than": lambda: {"count_min_exclusive": True},
    "unit": lambda: {"count_min": None, "unit": ""},
    "another party": lambda: {"named_parties": [make_source(name="Partner forces")]},
    "no party": lambda: {"named_parties": []},
    "another event": lambda: {"event": make_event(name="Another strike")},
    "no event": lambda: {"event": None},
}


def assert_unchanged(claim: Claim, coalition, status: str) -> None:
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.text == "More than 30 civilians were killed"
    assert (claim.aspect, claim.count_min, claim.count_max, claim.unit) == (
        Aspect.KILLED, 31, None, "people",
    )  # fmt: skip
    assert claim.count_approximate is False
    assert claim.event.name == "Strike on the market"
    assert list(claim.named_parties.all()) == [coalition]
    assert claim.status == status


@pytest.mark.parametrize("change", SUBSTANCE_CHANGES)
def test_a_reporter_cannot_change_what_a_verdict_judged(reporter, toll, coalition, change):
    judge(toll)
    changes = SUBSTANCE_CHANGES[change]()
    before = (Claim.history.count(), StatusChange.objects.count())
    with pytest.raises(PermissionDenied, match="Flag the claim instead"):
        services.claim_update(actor=reporter, claim=toll, **changes)
    assert_unchanged(toll, coalition, VerificationStatus.CONFIRMED)
    assert (Claim.history.count(), StatusChange.objects.count()) == before


@pytest.mark.parametrize("status", VERDICTS)
def test_every_verdict_holds_the_claim(reporter, toll, coalition, status):
    judge(toll, status)
    with pytest.raises(PermissionDenied, match="Flag the claim instead"):
        services.claim_update(actor=reporter, claim=toll, text="Something else")
    assert_unchanged(toll, coalition, status)


def test_the_refusal_names_the_fields_and_the_verdict(reporter, toll):
    judge(toll, VerificationStatus.DISPUTED)
    with pytest.raises(PermissionDenied) as raised:
        services.claim_update(actor=reporter, claim=toll, count_min=35, text="At least 35")
    assert str(raised.value) == (
        "This claim has a verdict (Disputed), so its text, count_min can no longer be changed. "
        "Flag the claim instead, saying what should change; an editor will review it."
    )


def test_a_reporter_may_send_back_what_the_claim_already_says(reporter, toll, coalition):
    judge(toll)
    services.claim_update(
        actor=reporter, claim=toll, text="More than 30 civilians were killed", count_min=31,
        named_parties=[coalition],
    )  # fmt: skip
    assert Claim.objects.get(pk=toll.pk).status == VerificationStatus.CONFIRMED


@pytest.mark.parametrize("status", [None, VerificationStatus.IN_REVIEW])
def test_a_reporter_still_edits_a_claim_without_a_verdict(reporter, toll, status):
    if status:
        judge(toll, status)
    services.claim_update(actor=reporter, claim=toll, text="At least 35 were killed", count_min=35)
    claim = Claim.objects.get(pk=toll.pk)
    assert (claim.text, claim.count_min) == ("At least 35 were killed", 35)
    assert claim.status == (status or VerificationStatus.UNVERIFIED)


def test_an_editors_change_sends_the_claim_back_to_review(editor, toll):
    verdict = judge(toll)
    services.claim_update(actor=editor, claim=toll, text="More than 40 were killed", count_min=41)
    claim = Claim.objects.get(pk=toll.pk)
    assert (claim.text, claim.count_min, claim.status) == (
        "More than 40 were killed", 41, VerificationStatus.IN_REVIEW,
    )  # fmt: skip
    back = claim.status_changes.latest()
    assert back.pk != verdict.pk
    assert (back.changed_by, back.from_status, back.to_status) == (
        editor, VerificationStatus.CONFIRMED, VerificationStatus.IN_REVIEW,
    )  # fmt: skip
    assert back.rationale == "Back to review: text, count_min changed after the verdict."
    assert back.judged_text == "More than 40 were killed"
    # The verdict keeps what it judged.
    assert StatusChange.objects.get(pk=verdict.pk).judged_text == (
        "More than 30 civilians were killed"
    )
    assert claim.history.latest().history_user == editor


def test_changing_named_parties_alone_sends_it_back_too(editor, toll):
    judge(toll, VerificationStatus.FALSE)
    partners = make_source(name="Partner forces")
    services.claim_update(actor=editor, claim=toll, named_parties=[partners])
    back = StatusChange.objects.filter(claim=toll).latest()
    assert back.rationale == "Back to review: named_parties changed after the verdict."
    assert back.judged_claim["named_parties"] == [{"id": partners.pk, "name": "Partner forces"}]


def test_the_system_counts_as_an_editor(toll):
    judge(toll)
    services.claim_update(actor=None, claim=toll, event=None)
    claim = Claim.objects.get(pk=toll.pk)
    assert (claim.event, claim.status) == (None, VerificationStatus.IN_REVIEW)


@pytest.mark.parametrize("status", [None, VerificationStatus.IN_REVIEW])
def test_an_editors_change_without_a_verdict_records_no_status_change(editor, toll, status):
    if status:
        judge(toll, status)
    before = StatusChange.objects.count()
    services.claim_update(actor=editor, claim=toll, text="Edited")
    assert StatusChange.objects.count() == before


def test_an_edit_that_changes_nothing_leaves_the_verdict(editor, toll):
    judge(toll)
    services.claim_update(actor=editor, claim=toll, text="More than 30 civilians were killed")
    claim = Claim.objects.get(pk=toll.pk)
    assert claim.status == VerificationStatus.CONFIRMED
    assert claim.status_changes.count() == 1


def test_every_status_change_records_the_claim_as_judged(editor, toll, coalition):
    change = services.claim_set_status(
        actor=editor, claim=toll, status=VerificationStatus.CORROBORATED, rationale=""
    )
    assert StatusChange.objects.get(pk=change.pk).judged_claim == {
        "text": "More than 30 civilians were killed",
        "aspect": "killed",
        "count_min": 31,
        "count_max": None,
        "count_approximate": False,
        "count_min_exclusive": False,
        "count_max_exclusive": False,
        "unit": "people",
        "event": {"id": toll.event_id, "name": "Strike on the market"},
        "named_parties": [{"id": coalition.pk, "name": "US-led coalition"}],
    }


# -- accounts: evidence changes, the verdict stands, an editor should look again


def test_adding_an_account_keeps_the_verdict_and_marks_the_claim(reporter, toll):
    judge(toll)
    make_account(claim=toll)
    services.account_add(
        actor=reporter, claim=toll, source=make_source(name="Reuters"), stance=Stance.DENIES
    )
    claim = Claim.objects.get(pk=toll.pk)
    assert claim.status == VerificationStatus.CONFIRMED
    assert claim.accounts_changed_at is not None
    assert claim.accounts_changed_at > claim.status_changes.latest().changed_at


def test_editing_and_removing_an_account_mark_the_claim(editor, toll):
    account = make_account(claim=toll)
    judge(toll)
    services.account_update(actor=editor, account=account, stance=Stance.HEDGES)
    edited = Claim.objects.get(pk=toll.pk).accounts_changed_at
    assert edited is not None
    services.account_remove(actor=editor, account=account)
    claim = Claim.objects.get(pk=toll.pk)
    assert claim.accounts_changed_at > edited
    assert claim.status == VerificationStatus.CONFIRMED


def test_accounts_of_a_claim_never_judged_mark_nothing(editor, toll):
    account = make_account(claim=toll)
    services.account_update(actor=editor, account=account, stance=Stance.HEDGES)
    services.account_remove(actor=editor, account=account)
    assert Claim.objects.get(pk=toll.pk).accounts_changed_at is None


def test_the_next_status_change_clears_the_mark(editor, toll):
    judge(toll)
    make_account(claim=toll)
    judge(toll, VerificationStatus.CORROBORATED, "One source turned out to relay the other.")
    assert Claim.objects.get(pk=toll.pk).accounts_changed_at is None
