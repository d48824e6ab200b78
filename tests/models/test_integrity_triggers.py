"""The database holds the rules even when the services are bypassed."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import make_account, make_claim, make_document, make_source
from tracker.models import Account, Claim, Document, StatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return make_document(text="The ministry called the attack a massacre.")


def test_quote_must_match_the_document_at_its_offsets(document):
    claim, source = make_claim(), make_source()
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(
            claim=claim, source=source, document=document, quote="attack a massacre",
            quote_start=0, quote_end=17,
        )  # fmt: skip
    assert not Account.objects.exists()


def test_quote_offsets_must_lie_inside_the_document(document):
    claim, source = make_claim(), make_source()
    start = len(document.text) - 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(
            claim=claim, source=source, document=document, quote="e.xy",
            quote_start=start, quote_end=start + 4,
        )  # fmt: skip


def test_an_existing_quote_cannot_be_moved_off_its_text(document):
    account = make_account(document=document, quote="massacre")
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.filter(pk=account.pk).update(quote_start=0, quote_end=8)


def test_quote_length_must_equal_its_span(document):
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(
            claim=make_claim(), source=make_source(), document=document, quote="The",
            quote_start=0, quote_end=5,
        )  # fmt: skip


def test_interval_min_cannot_exceed_max():
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(text="x", count_min=5, count_max=4, unit="people")


def test_unknown_status_cannot_be_stored():
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(text="x", status="probably")


def test_document_text_is_frozen(document):
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.filter(pk=document.pk).update(text="Rewritten")
    Document.objects.filter(pk=document.pk).update(title="Retitled")
    assert Document.objects.get(pk=document.pk).title == "Retitled"


def test_status_changes_are_append_only(editor):
    from tracker import services

    claim = make_claim()
    change = services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusChange.objects.filter(pk=change.pk).update(rationale="rewritten")
    assert StatusChange.objects.get(pk=change.pk).rationale == ""


def test_one_open_flag_per_kind_user_and_claim_in_the_database(reporter):
    from tracker.models import Flag

    claim = make_claim()
    Flag.objects.create(claim=claim, kind="could_not_verify", reason="other", raised_by=reporter)
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(
            claim=claim, kind="could_not_verify", reason="other", raised_by=reporter
        )
