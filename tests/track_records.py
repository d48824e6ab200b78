"""A small desk whose track records are known, for the selector, admin and API tests."""

from dataclasses import dataclass
from datetime import UTC, datetime

from tests.factories import make_account, make_claim, make_document, make_editor, make_source
from tracker import services
from tracker.models import Account, Claim, Document, Source
from tracker.vocabularies import Aspect, SourceKind, Stance, Unit, VerificationStatus

S = VerificationStatus
END_OF_Q1 = datetime(2024, 3, 31, 23, 59, 59, tzinfo=UTC)
START_OF_Q2 = datetime(2024, 4, 1, 0, 0, 0, tzinfo=UTC)
STORED_IN_Q3 = datetime(2024, 8, 15, 12, 0, tzinfo=UTC)
RETRACTED_IN_Q4 = datetime(2024, 10, 5, 9, 0, tzinfo=UTC)
RECORDED_IN_2025_Q2 = datetime(2025, 5, 2, 9, 0, tzinfo=UTC)


@dataclass
class Desk:
    government: Source
    sana: Source
    ministry: Source
    reuters: Source
    ngo: Source
    killed_by_sana: Claim


def _judge(claim: Claim, status: str) -> None:
    services.claim_set_status(actor=make_editor(), claim=claim, status=status, rationale="Checked.")


def assert_by(source: Source, claim: Claim, document=None, stance=Stance.ASSERTS) -> Account:
    return make_account(claim=claim, source=source, document=document, stance=stance)


def build_desk() -> Desk:
    government = make_source(name="Syrian government", kind=SourceKind.GOVERNMENT)
    sana = make_source(name="SANA", kind=SourceKind.STATE_MEDIA, parent=government)
    ministry = make_source(name="Foreign ministry", kind=SourceKind.GOVERNMENT, parent=government)
    reuters = make_source(name="Reuters", kind=SourceKind.NEWS_AGENCY)
    ngo = make_source(name="Monitor", kind=SourceKind.NGO)

    q1 = make_document(published_at=END_OF_Q1)
    q2 = make_document(published_at=START_OF_Q2)
    undated = make_document(published_at=None)
    Document.objects.filter(pk=undated.pk).update(created_at=STORED_IN_Q3)
    q4 = make_document(published_at=RETRACTED_IN_Q4)

    claims = {status: make_claim(text=f"A claim now {status}") for status in S.values}
    assert_by(sana, claims[S.CONFIRMED], q1)
    assert_by(sana, claims[S.CONFIRMED], q2)  # again, a quarter later
    assert_by(ministry, claims[S.CONFIRMED], q1)  # the same government: counted once
    assert_by(sana, claims[S.CORROBORATED], q2)
    assert_by(sana, claims[S.DISPUTED], q2)
    assert_by(sana, claims[S.FALSE], undated)
    assert_by(sana, claims[S.UNVERIFIABLE], undated)
    assert_by(sana, claims[S.FALSE], q4, stance=Stance.RETRACTS)
    for status in (S.UNVERIFIED, S.IN_REVIEW):
        account = assert_by(sana, claims[status])  # no document: when it was recorded
        Account.objects.filter(pk=account.pk).update(created_at=RECORDED_IN_2025_Q2)
        # No service moves a creation time: the kept rows are rewritten as a write would.
        services.track_record_sync(claim_ids=[account.claim_id])
    ministry_only = make_claim(text="The ministry alone says so")
    assert_by(ministry, ministry_only, q1)

    # Neither counted: a hedge is no assertion, and an archived claim is out of the record.
    assert_by(sana, make_claim(text="Perhaps so"), q2, stance=Stance.HEDGES)
    archived = make_claim(text="Withdrawn from the archive")
    assert_by(sana, archived, q2)
    services.claim_archive(actor=make_editor(), claim=archived)

    # The figures: Reuters and the monitor agree on about ten; SANA says a hundred.
    event = services.event_create(actor=None, name="Strike on the market")
    killed_by_sana = make_claim(
        text="100 killed", aspect=Aspect.KILLED, event=event, count_min=100, count_max=100,
        unit=Unit.PEOPLE,
    )  # fmt: skip
    killed_by_reuters = make_claim(
        text="10 to 12 killed", aspect=Aspect.KILLED, event=event, count_min=10, count_max=12,
        unit=Unit.PEOPLE,
    )  # fmt: skip
    killed_by_ngo = make_claim(
        text="10 killed", aspect=Aspect.KILLED, event=event, count_min=10, count_max=10,
        unit=Unit.PEOPLE,
    )  # fmt: skip
    assert_by(sana, killed_by_sana, q2)
    assert_by(reuters, killed_by_reuters, q2)
    assert_by(ngo, killed_by_ngo, q2)

    for status, claim in claims.items():
        if status != S.UNVERIFIED:
            _judge(claim, status)
    _judge(ministry_only, S.CONFIRMED)
    return Desk(government, sana, ministry, reuters, ngo, killed_by_sana)
