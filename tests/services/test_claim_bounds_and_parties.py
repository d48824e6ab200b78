"""A perpetrator claim names its party; a bound said "more than" reads as said."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_claim, make_document, make_source, make_suggestions
from tracker import services
from tracker.models import Account, Claim, Suggestion
from tracker.vocabularies import Aspect

pytestmark = pytest.mark.django_db


def test_a_perpetrator_claim_without_a_party_is_refused_and_says_to_name_it(reporter):
    with pytest.raises(ValidationError) as error:
        services.claim_create(
            actor=reporter, text="The strike came from the air", aspect=Aspect.PERPETRATOR
        )
    message = error.value.message_dict["named_parties"][0]
    assert "must name the party" in message and '"Unidentified"' in message
    assert not Claim.objects.exists()


def test_unidentified_is_a_party_like_any_other(reporter):
    unidentified = make_source(name="Unidentified", kind="other")
    claim = services.claim_create(
        actor=reporter, text="Unidentified gunmen opened fire", aspect=Aspect.PERPETRATOR,
        named_parties=[unidentified],
    )  # fmt: skip
    assert list(claim.named_parties.all()) == [unidentified]


def test_turning_a_claim_into_a_perpetrator_claim_needs_a_party(reporter):
    claim = make_claim(text="The coalition carried out the strike")
    with pytest.raises(ValidationError) as error:
        services.claim_update(actor=None, claim=claim, aspect=Aspect.PERPETRATOR)
    assert "named_parties" in error.value.message_dict
    claim.refresh_from_db()
    assert claim.aspect == Aspect.OTHER
    coalition = make_source(name="US-led coalition")
    services.claim_update(
        actor=None, claim=claim, aspect=Aspect.PERPETRATOR, named_parties=[coalition]
    )
    with pytest.raises(ValidationError):
        services.claim_update(actor=None, claim=claim, named_parties=[])
    assert list(Claim.objects.get(pk=claim.pk).named_parties.all()) == [coalition]
    # Its wording can still be corrected without naming the party again.
    services.claim_update(actor=None, claim=claim, text="The coalition carried out the strikes")


@pytest.mark.parametrize(
    ("bounds", "words"),
    [
        ({"count_min": 31, "count_min_exclusive": True}, "more than 30 people"),
        ({"count_min": 31}, "at least 31 people"),
        ({"count_min": 0, "count_max": 9, "count_max_exclusive": True}, "fewer than 10 people"),
        ({"count_min": 0, "count_max": 9}, "0 to 9 people"),
        (
            {"count_min": 21, "count_max": 29, "count_min_exclusive": True,
             "count_max_exclusive": True},
            "more than 20 and fewer than 30 people",
        ),
    ],
)  # fmt: skip
def test_a_bound_reads_as_it_was_said(bounds, words):
    claim = make_claim(text="People were killed", aspect=Aspect.KILLED, unit="people", **bounds)
    assert Claim.objects.get(pk=claim.pk).interval_display == words


@pytest.mark.parametrize(
    ("bounds", "field"),
    [
        ({"count_min": 0, "count_min_exclusive": True}, "count_min_exclusive"),
        ({"count_min_exclusive": True}, "count_min_exclusive"),
        ({"count_min": 3, "count_max_exclusive": True}, "count_max_exclusive"),
    ],
)
def test_a_bound_said_exclusive_needs_its_number(bounds, field):
    with pytest.raises(ValidationError) as error:
        make_claim(text="People were killed", aspect=Aspect.KILLED, unit="people", **bounds)
    assert field in error.value.message_dict
    assert not Claim.objects.exists()


def test_an_edit_that_would_leave_more_than_without_its_minimum_is_refused():
    claim = make_claim(
        text="More than 30 killed", aspect=Aspect.KILLED, unit="people", count_min=31,
        count_min_exclusive=True,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.claim_update(actor=None, claim=claim, count_min=None)
    services.claim_update(actor=None, claim=claim, count_min_exclusive=False)
    assert Claim.objects.get(pk=claim.pk).interval_display == "at least 31 people"


@pytest.fixture
def perpetrator_suggestion(reporter) -> Suggestion:
    document = make_document(text="The army said the strike was carried out by someone.\n")
    (suggestion,) = make_suggestions(
        document=document, spans=[(0, 10)], aspect=Aspect.PERPETRATOR,
        source=make_source(name="The army"),
    )  # fmt: skip
    return suggestion


def test_accepting_a_perpetrator_suggestion_without_a_party_asks_for_it(
    reporter, perpetrator_suggestion
):
    with pytest.raises(ValidationError) as error:
        services.suggestion_accept(actor=reporter, suggestion=perpetrator_suggestion)
    assert "choose it" in error.value.message_dict["named_parties"][0]
    assert not Account.objects.exists() and not Claim.objects.exists()
    assert Suggestion.objects.get(pk=perpetrator_suggestion.pk).status == "pending"
    party = make_source(name="Unidentified", kind="other")
    account = services.suggestion_accept(
        actor=reporter, suggestion=perpetrator_suggestion, named_parties=[party]
    )
    assert list(account.claim.named_parties.all()) == [party]


def test_a_suggestion_said_more_than_keeps_it_when_accepted(reporter):
    document = make_document(text="More than 30 people were killed, the monitor said.\n")
    (suggestion,) = make_suggestions(
        document=document, spans=[(0, 31)], aspect=Aspect.KILLED, count_min=31, unit="people",
        count_min_exclusive=True, source=make_source(name="The monitor"),
    )  # fmt: skip
    assert suggestion.interval_display == "more than 30 people"
    account = services.suggestion_accept(actor=reporter, suggestion=suggestion)
    assert account.claim.count_min_exclusive
    assert account.claim.interval_display == "more than 30 people"


def test_ingest_keeps_more_than_on_the_suggestion(reporter):
    ingested = services.document_ingest(
        actor=reporter, title="Strike", via="paste",
        text="More than 30 people were killed in the strike, the governor said.\n",
    )  # fmt: skip
    suggestion = Suggestion.objects.get(document=ingested.document, count_min=31)
    assert suggestion.count_min_exclusive
    assert suggestion.interval_display == "more than 30 people"
