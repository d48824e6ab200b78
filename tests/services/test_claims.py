import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_claim, make_source
from tracker import services
from tracker.models import Claim, StatusChange
from tracker.vocabularies import Aspect, VerificationStatus

pytestmark = pytest.mark.django_db


def test_claim_create_stores_an_interval_with_its_unit(reporter):
    claim = services.claim_create(
        actor=reporter, text="At least 35 civilians were killed", aspect=Aspect.KILLED,
        count_min=35, unit="people",
    )  # fmt: skip
    claim.refresh_from_db()
    assert (claim.count_min, claim.count_max, claim.unit) == (35, None, "people")
    assert claim.status == VerificationStatus.UNVERIFIED
    assert claim.interval_display == "at least 35 people"
    assert claim.history.get().history_user == reporter


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"count_min": 10, "count_max": 5, "unit": "people"}, "count_max"),
        ({"count_min": -1, "unit": "people"}, "count_min"),
        ({"count_min": "ten", "unit": "people"}, "count_min"),
        ({"count_min": 3}, "unit"),
        ({"count_min": 3, "unit": "furlongs"}, "unit"),
        ({"aspect": "weather"}, "aspect"),
        ({"text": "   "}, "text"),
        ({"text": "nul\x00byte"}, "text"),
    ],
)
def test_claim_create_rejects_bad_input_naming_the_field(reporter, kwargs, field):
    kwargs.setdefault("text", "A claim")
    with pytest.raises(ValidationError) as raised:
        services.claim_create(actor=reporter, **kwargs)
    assert field in raised.value.message_dict
    assert Claim.objects.count() == 0


def test_claim_update_changes_the_interval_and_keeps_the_old_one_in_history(reporter):
    claim = make_claim(aspect=Aspect.KILLED, count_min=30, unit="people")
    services.claim_update(actor=reporter, claim=claim, count_min=35)
    claim.refresh_from_db()
    assert claim.count_min == 35
    assert [h.count_min for h in claim.history.order_by("history_date")] == [30, 35]


def test_claim_update_refuses_min_above_existing_max(reporter):
    claim = make_claim(aspect=Aspect.KILLED, count_min=20, count_max=25, unit="people")
    with pytest.raises(ValidationError) as raised:
        services.claim_update(actor=reporter, claim=claim, count_min=30)
    assert "count_max" in raised.value.message_dict
    claim.refresh_from_db()
    assert claim.count_min == 20


def test_claim_update_cannot_set_status(editor):
    claim = make_claim()
    with pytest.raises(ValidationError) as raised:
        services.claim_update(actor=editor, claim=claim, status=VerificationStatus.CONFIRMED)
    assert "status" in raised.value.message_dict
    claim.refresh_from_db()
    assert claim.status == VerificationStatus.UNVERIFIED


def test_claim_update_sets_named_parties(reporter):
    coalition, partners = make_source(name="Coalition"), make_source(name="Partner forces")
    claim = make_claim(aspect=Aspect.PERPETRATOR, named_parties=[coalition])
    services.claim_update(actor=reporter, claim=claim, named_parties=[coalition, partners])
    assert set(claim.named_parties.all()) == {coalition, partners}


def test_first_status_change_needs_no_rationale_and_records_everything(editor):
    claim = make_claim()
    change = services.claim_set_status(
        actor=editor, claim=claim, status=VerificationStatus.IN_REVIEW, rationale=""
    )
    claim.refresh_from_db()
    assert claim.status == VerificationStatus.IN_REVIEW
    assert (change.changed_by, change.from_status, change.to_status) == (
        editor, VerificationStatus.UNVERIFIED, VerificationStatus.IN_REVIEW,
    )  # fmt: skip
    assert change.changed_at is not None


def test_later_status_change_without_rationale_is_refused(editor):
    claim = make_claim()
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    with pytest.raises(ValidationError) as raised:
        services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="  ")
    assert "rationale" in raised.value.message_dict
    claim.refresh_from_db()
    assert claim.status == "in_review"
    assert StatusChange.objects.filter(claim=claim).count() == 1


def test_status_change_with_rationale_is_appended(editor):
    claim = make_claim()
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    services.claim_set_status(
        actor=editor, claim=claim, status="unverifiable", rationale="No access to the site."
    )
    history = list(claim.status_changes.order_by("id").values_list("from_status", "to_status"))
    assert history == [("unverified", "in_review"), ("in_review", "unverifiable")]
    assert claim.status_changes.latest("id").rationale == "No access to the site."


@pytest.mark.parametrize("status", ["verified", "", "FALSE"])
def test_unknown_status_is_refused(editor, status):
    claim = make_claim()
    with pytest.raises(ValidationError) as raised:
        services.claim_set_status(actor=editor, claim=claim, status=status, rationale="why")
    assert "status" in raised.value.message_dict
    assert not StatusChange.objects.exists()


def test_setting_the_same_status_is_refused(editor):
    claim = make_claim()
    with pytest.raises(ValidationError):
        services.claim_set_status(actor=editor, claim=claim, status="unverified", rationale="x")


def test_reporter_cannot_set_status(reporter):
    claim = make_claim()
    with pytest.raises(PermissionDenied):
        services.claim_set_status(actor=reporter, claim=claim, status="confirmed", rationale="x")
    claim.refresh_from_db()
    assert claim.status == "unverified"
    assert not StatusChange.objects.exists()


def test_archive_and_restore(editor, reporter):
    claim = make_claim()
    with pytest.raises(PermissionDenied):
        services.claim_archive(actor=reporter, claim=claim)
    services.claim_archive(actor=editor, claim=claim)
    claim.refresh_from_db()
    assert claim.is_archived and claim.archived_by == editor
    with pytest.raises(ValidationError):
        services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="x")
    services.claim_restore(actor=editor, claim=claim)
    claim.refresh_from_db()
    assert not claim.is_archived
    assert Claim.objects.filter(pk=claim.pk).exists()
