import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from tests.factories import make_event, make_source
from tracker import services
from tracker.models import Account, Claim, Document, Finding, Source, Suggestion

pytestmark = pytest.mark.django_db

REPORT = (
    "Market strike\n\n"
    "At least 12 people were killed in a strike on a market, the Syrian Observatory for "
    "Human Rights said. The army denied any role in the attack.\n"
)


@pytest.fixture
def ingested(reporter):
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    return services.document_ingest(actor=reporter, title="Market strike", text=REPORT, via="paste")


def pending(document: Document, **filters) -> Suggestion:
    return Suggestion.objects.get(document=document, status="pending", **filters)


def test_accept_creates_claim_and_account_through_the_services(reporter, ingested):
    suggestion = pending(ingested.document, stance="asserts", source__isnull=False)
    account = services.suggestion_accept(actor=reporter, suggestion=suggestion)
    assert account.document == ingested.document
    assert ingested.document.text[account.quote_start : account.quote_end] == account.quote
    assert account.claim.status == "unverified"
    assert account.history.get().history_user == reporter
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by, suggestion.account) == (
        "accepted", reporter, account,
    )  # fmt: skip


def test_accept_proposes_a_new_source_for_an_unknown_speaker(reporter, ingested):
    denial = pending(ingested.document, stance="denies")
    assert denial.source is None
    account = services.suggestion_accept(actor=reporter, suggestion=denial)
    assert account.source.name == denial.proposed_source_name
    assert Source.objects.filter(name=denial.proposed_source_name).count() == 1


def test_edit_before_accepting_is_kept_in_history(reporter, ingested):
    event = make_event(name="Market strike")
    suggestion = pending(ingested.document, stance="asserts", source__isnull=False)
    account = services.suggestion_accept(
        actor=reporter, suggestion=suggestion, stance="hedges", event=event,
        claim_text="At least 12 people were killed in the market strike",
    )  # fmt: skip
    assert (account.stance, account.claim.event) == ("hedges", event)
    suggestion.refresh_from_db()
    assert suggestion.history.filter(stance="hedges").exists()
    assert suggestion.history.filter(stance="asserts").exists()


def test_accepting_reuses_an_existing_claim_and_refreshes_findings(reporter, ingested):
    event = make_event(name="Market strike")
    existing = services.claim_create(
        actor=reporter, text="12 killed", aspect="killed", event=event, count_min=12, unit="people"
    )
    services.account_add(actor=reporter, claim=existing, source=make_source(name="Wire"))
    suggestion = pending(ingested.document, aspect="killed")
    account = services.suggestion_accept(actor=reporter, suggestion=suggestion, event=event)
    assert account.claim == existing
    existing.refresh_from_db()
    assert existing.independent_sources == 2
    assert Finding.objects.filter(event=event).exists()


def test_reject_records_who_and_why_and_writes_no_account(reporter, ingested):
    suggestion = pending(ingested.document, stance="denies")
    services.suggestion_reject(actor=reporter, suggestion=suggestion, note="Not a claim")
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by, suggestion.decision_note) == (
        "rejected", reporter, "Not a claim",
    )  # fmt: skip
    assert not Account.objects.exists()
    with pytest.raises(ValidationError):
        services.suggestion_accept(actor=reporter, suggestion=suggestion)


def test_a_bad_edit_is_refused_and_nothing_is_written(reporter, ingested):
    suggestion = pending(ingested.document, stance="denies")
    with pytest.raises(ValidationError) as raised:
        services.suggestion_accept(actor=reporter, suggestion=suggestion, quote="not in it")
    assert "quote" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        services.suggestion_accept(actor=reporter, suggestion=suggestion, stance="shrugs")
    assert "stance" in raised.value.message_dict
    assert not Claim.objects.exists() and not Account.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"


def test_the_outlets_own_voice_needs_an_outlet(reporter):
    result = services.document_ingest(
        actor=reporter, title="", text="At least 35 civilians were killed on Thursday.\n",
        via="paste",
    )  # fmt: skip
    own = pending(result.document, voice="outlet")
    with pytest.raises(ValidationError) as raised:
        services.suggestion_accept(actor=reporter, suggestion=own)
    assert "source" in raised.value.message_dict
    outlet = make_source(name="Daily Wire Service")
    services.document_update(actor=reporter, document=result.document, outlet=outlet)
    assert services.suggestion_accept(actor=reporter, suggestion=own).source == outlet


def test_anonymous_cannot_decide(ingested):
    from django.contrib.auth.models import AnonymousUser

    suggestion = Suggestion.objects.filter(document=ingested.document).first()
    with pytest.raises(PermissionDenied):
        services.suggestion_reject(actor=AnonymousUser(), suggestion=suggestion)


def test_accepting_the_seed_suggestions_reaches_the_seed_event(reporter):
    call_command("load_seeds", verbosity=0)
    seed = Document.objects.get()
    text = seed.text + "\nSANA later put the death toll at 40.\n"
    result = services.document_ingest(actor=reporter, title=seed.title, text=text, via="paste")
    suggestion = Suggestion.objects.get(document=result.document, quote__contains="at 40")
    account = services.suggestion_accept(actor=reporter, suggestion=suggestion)
    assert account.claim.event is not None
    assert account.claim.event.name.startswith("Strike on a Daesh-held position")


def test_an_edit_with_an_unknown_unit_or_a_negative_count_is_refused(reporter, ingested):
    suggestion = pending(ingested.document, aspect="killed")
    with pytest.raises(ValidationError) as raised:
        services.suggestion_update(actor=reporter, suggestion=suggestion, unit="goats")
    assert "unit" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        services.suggestion_update(actor=reporter, suggestion=suggestion, count_min=-3)
    assert "count_min" in raised.value.message_dict
    suggestion.refresh_from_db()
    assert (suggestion.unit, suggestion.count_min) == ("people", 12)


def test_a_proposed_speaker_known_by_an_alias_reuses_that_source(reporter, ingested):
    denial = pending(ingested.document, stance="denies")
    army = make_source(name="Syrian Arab Army", aliases=[denial.proposed_source_name])
    account = services.suggestion_accept(actor=reporter, suggestion=denial)
    assert account.source == army


SPOKESMAN_REPORT = (
    "Camp burned\n\n"
    "Adam Rizeigat, a spokesman for the General Coordination for Displaced Persons, said "
    "that fighters burned the camp's main market.\n"
)


def test_accepting_a_spokesman_creates_the_organisation_he_speaks_for(reporter):
    ingested = services.document_ingest(
        actor=reporter, title="Camp burned", text=SPOKESMAN_REPORT, via="paste"
    )
    suggestion = pending(ingested.document, proposed_source_name="Adam Rizeigat")
    account = services.suggestion_accept(actor=reporter, suggestion=suggestion)
    assert account.source.name == "Adam Rizeigat"
    assert account.source.parent.name == "General Coordination for Displaced Persons"


def test_a_spokesman_of_a_known_organisation_is_filed_under_it(reporter):
    coordination = make_source(name="General Coordination for Displaced Persons", kind="ngo")
    ingested = services.document_ingest(
        actor=reporter, title="Camp burned", text=SPOKESMAN_REPORT, via="paste"
    )
    suggestion = pending(ingested.document, proposed_source_name="Adam Rizeigat")
    account = services.suggestion_accept(actor=reporter, suggestion=suggestion)
    assert account.source.parent == coordination
    assert Source.objects.filter(name=coordination.name).count() == 1


def test_a_denied_attack_names_its_speaker_as_the_party(reporter, ingested):
    denial = pending(ingested.document, stance="denies")
    assert denial.aspect == "perpetrator"
    account = services.suggestion_accept(actor=reporter, suggestion=denial)
    assert list(account.claim.named_parties.all()) == [account.source]
