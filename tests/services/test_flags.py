import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_claim, make_flag
from tracker import services
from tracker.models import Flag

pytestmark = pytest.mark.django_db


def test_reporter_raises_a_could_not_verify_flag(reporter):
    claim = make_claim()
    flag = services.flag_raise(
        actor=reporter,
        claim=claim,
        kind="could_not_verify",
        reason="single_source",
        note="Only SANA",
    )
    assert flag.is_open and flag.raised_by == reporter and flag.note == "Only SANA"


def test_one_open_flag_of_a_kind_per_user_and_claim(reporter, editor):
    claim = make_claim()
    make_flag(claim=claim, raised_by=reporter)
    with pytest.raises(ValidationError) as raised:
        make_flag(claim=claim, raised_by=reporter)
    assert "kind" in raised.value.message_dict
    make_flag(claim=claim, raised_by=editor)
    make_flag(claim=claim, raised_by=reporter, kind="needs_second_source")
    assert Flag.objects.filter(claim=claim).count() == 3


def test_after_resolution_the_same_flag_can_be_raised_again(reporter, editor):
    claim = make_claim()
    flag = make_flag(claim=claim, raised_by=reporter)
    services.flag_resolve(actor=editor, flag=flag, note="Second source found")
    again = make_flag(claim=claim, raised_by=reporter)
    assert again.pk != flag.pk


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "could_not_verify", "reason": "tired"}, "reason"),
        ({"kind": "nonsense", "reason": "single_source"}, "kind"),
        ({"kind": "could_not_verify", "reason": "other", "note": ""}, "note"),
    ],
)
def test_bad_flags_are_refused(reporter, kwargs, field):
    with pytest.raises(ValidationError) as raised:
        services.flag_raise(actor=reporter, claim=make_claim(), **kwargs)
    assert field in raised.value.message_dict
    assert not Flag.objects.exists()


def test_only_editors_resolve_and_only_once(reporter, editor):
    flag = make_flag(raised_by=reporter)
    with pytest.raises(PermissionDenied):
        services.flag_resolve(actor=reporter, flag=flag)
    services.flag_resolve(actor=editor, flag=flag, note="done")
    flag.refresh_from_db()
    assert (flag.resolved_by, flag.resolution_note) == (editor, "done")
    assert flag.resolved_at is not None
    with pytest.raises(ValidationError):
        services.flag_resolve(actor=editor, flag=flag)


def test_anonymous_cannot_flag():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.flag_raise(
            actor=AnonymousUser(), claim=make_claim(), kind="could_not_verify", reason="other"
        )


def test_the_claim_keeps_when_its_oldest_open_flag_was_raised(reporter, editor):
    claim = make_claim()
    updated_at = claim.updated_at
    first = make_flag(claim=claim, raised_by=reporter)
    second = make_flag(claim=claim, raised_by=editor)
    claim.refresh_from_db()
    assert claim.oldest_open_flag_at == first.raised_at
    services.flag_resolve(actor=editor, flag=first)
    claim.refresh_from_db()
    assert claim.oldest_open_flag_at == second.raised_at
    services.flag_resolve(actor=editor, flag=second)
    claim.refresh_from_db()
    assert claim.oldest_open_flag_at is None
    # A flag is not an edit of the claim: lists keep their order, the API its ETag.
    assert claim.updated_at == updated_at


def test_a_refused_flag_leaves_the_claim_as_it_was(reporter):
    claim = make_claim()
    with pytest.raises(ValidationError):
        services.flag_raise(actor=reporter, claim=claim, kind="could_not_verify", reason="nope")
    claim.refresh_from_db()
    assert claim.oldest_open_flag_at is None and not claim.flags.exists()
