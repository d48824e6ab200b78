import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_account, make_claim, make_document, make_event, make_source
from tracker import services
from tracker.models import Claim, Event, Finding, RemovedFinding, Source
from tracker.services.findings import findings_refresh_for_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def toll_event():
    """Two independent outlets give a death toll for one strike."""
    event = make_event(name="Market strike")
    first = make_claim(text="12 killed", aspect="killed", event=event, count_min=12, count_max=12,
                       unit="people")  # fmt: skip
    second = make_claim(text="at least 10 killed", aspect="killed", event=event, count_min=10,
                        unit="people")  # fmt: skip
    make_account(claim=first, source=make_source(name="Wire A"))
    make_account(claim=second, source=make_source(name="Wire B"))
    return event, first, second


def open_kinds(event: Event) -> set[str]:
    return set(Finding.objects.filter(event=event, is_open=True).values_list("kind", flat=True))


def test_agreeing_counts_store_no_open_conflict_and_corroborate(toll_event):
    event, _, second = toll_event
    assert open_kinds(event) == set()
    assert Finding.objects.filter(event=event, kind="count_agreement").exists()
    second.refresh_from_db()
    assert second.suggested_status == "corroborated"
    assert second.independent_sources == 2


def test_a_disjoint_count_opens_a_conflict_and_removing_it_closes_it(toll_event, editor):
    event, _, _ = toll_event
    low = make_claim(text="3 killed", aspect="killed", event=event, count_min=3, count_max=3,
                     unit="people")  # fmt: skip
    account = make_account(claim=low, source=make_source(name="Wire C"))
    assert "count_conflict" in open_kinds(event)
    conflicts = Finding.objects.filter(event=event, kind="count_conflict", is_open=True)
    assert conflicts.count() == 2  # Wire C against Wire A, and against Wire B
    assert all("Wire C" in conflict.explanation for conflict in conflicts)
    assert all(low in conflict.claims.all() for conflict in conflicts)
    assert Claim.objects.filter(findings__is_open=True).filter(pk=low.pk).exists()

    services.account_remove(actor=editor, account=account)
    assert "count_conflict" not in open_kinds(event)


def test_changing_an_interval_refreshes_the_findings(toll_event, reporter):
    event, first, _ = toll_event
    services.claim_update(actor=reporter, claim=first, count_min=2, count_max=4)
    assert "count_conflict" in open_kinds(event)
    services.claim_update(actor=reporter, claim=first, count_min=12, count_max=12)
    assert "count_conflict" not in open_kinds(event)


def test_acknowledged_conflict_stays_closed_until_it_changes(toll_event, editor, reporter):
    event, first, _ = toll_event
    services.claim_update(actor=reporter, claim=first, count_min=2, count_max=4)
    conflict = Finding.objects.get(event=event, kind="count_conflict")
    services.finding_acknowledge(actor=editor, finding=conflict, note="Different days counted.")
    conflict.refresh_from_db()
    assert (conflict.is_open, conflict.acknowledged_by) == (False, editor)
    assert conflict.acknowledged_at is not None

    # A change elsewhere that leaves this conflict as it was keeps the acknowledgement.
    make_account(claim=make_claim(text="Strike hit a market", event=event))
    conflict.refresh_from_db()
    assert not conflict.is_open

    # A change to the conflict itself reopens it in place, keeping the old
    # acknowledgement on record.
    services.claim_update(actor=reporter, claim=first, count_min=1, count_max=3)
    reopened = Finding.objects.get(event=event, kind="count_conflict")
    assert reopened.pk == conflict.pk and reopened.is_open
    assert (reopened.acknowledged_by, reopened.acknowledged_at) == (None, None)
    assert "Different days counted." in reopened.reopened_from
    assert "editor" in reopened.reopened_from


def test_only_editors_acknowledge_and_need_a_note(toll_event, editor, reporter):
    event, first, _ = toll_event
    agreement = Finding.objects.get(event=event, kind="count_agreement", severity="info")
    with pytest.raises(ValidationError):
        services.finding_acknowledge(actor=editor, finding=agreement, note="noted")
    services.claim_update(actor=reporter, claim=first, count_min=2, count_max=4)
    conflict = Finding.objects.get(event=event, kind="count_conflict")
    with pytest.raises(PermissionDenied):
        services.finding_acknowledge(actor=reporter, finding=conflict, note="fine")
    with pytest.raises(ValidationError) as raised:
        services.finding_acknowledge(actor=editor, finding=conflict, note=" ")
    assert "note" in raised.value.message_dict
    conflict.refresh_from_db()
    assert conflict.is_open


def test_stances_on_one_claim(reporter):
    event = make_event()
    claim = make_claim(text="The army shelled the village", event=event)
    make_account(claim=claim, source=make_source(name="Observatory"), stance="asserts")
    denial = make_account(claim=claim, source=make_source(name="Army"), stance="denies")
    assert "stance_conflict" in open_kinds(event)
    services.account_update(actor=reporter, account=denial, stance="hedges")
    assert open_kinds(event) == {"stance_tension"}


def test_reparenting_a_source_refreshes_independence(reporter):
    event = make_event()
    claim = make_claim(text="Hospital was hit", event=event)
    government = make_source(name="Government", kind="government")
    agency = make_source(name="Agency", kind="state_media")
    make_account(claim=claim, source=government)
    make_account(claim=claim, source=agency)
    claim.refresh_from_db()
    assert claim.independent_sources == 2
    services.source_update(actor=reporter, source=agency, parent=government)
    claim.refresh_from_db()
    assert claim.independent_sources == 1
    assert Finding.objects.filter(event=event, kind="counted_once").exists()


def test_event_parties_mark_accounts_interested(reporter):
    army = make_source(name="Army", kind="armed_party")
    event = make_event()
    claim = make_claim(text="The strike hit only fighters", event=event)
    make_account(claim=claim, source=army)
    assert not Finding.objects.filter(event=event, kind="interested").exists()
    services.event_update(actor=reporter, event=event, parties=[army])
    assert Finding.objects.filter(event=event, kind="interested").exists()
    claim.refresh_from_db()
    assert claim.suggestion_basis == "single_interested_source"


def test_archived_claims_drop_out_of_the_comparison(toll_event, editor, reporter):
    event, first, _ = toll_event
    services.claim_update(actor=reporter, claim=first, count_min=2, count_max=4)
    assert "count_conflict" in open_kinds(event)
    services.claim_archive(actor=editor, claim=first)
    assert "count_conflict" not in open_kinds(event)


def test_a_claim_without_an_event_is_compared_on_its_own(reporter):
    claim = make_claim(text="The dam was breached")
    make_account(claim=claim, source=make_source(name="Engineers"), stance="asserts")
    make_account(claim=claim, source=make_source(name="Ministry"), stance="denies")
    assert Finding.objects.filter(event__isnull=True, claims=claim, is_open=True).exists()
    event = make_event()
    services.claim_update(actor=reporter, claim=claim, event=event)
    assert not Finding.objects.filter(event__isnull=True, claims=claim).exists()
    assert "stance_conflict" in open_kinds(event)


def test_uncomparable_counts_are_reported_not_dropped():
    event = make_event()
    claim = make_claim(text="Many were killed", aspect="killed", event=event)
    make_account(claim=claim)
    finding = Finding.objects.get(event=event, kind="not_comparable")
    assert finding.severity == "info"


def test_refresh_cost_follows_the_event_not_the_database():
    def refresh_queries(event: Event) -> int:
        with CaptureQueriesContext(connection) as queries:
            findings_refresh_for_event(event=event)
        return len(queries)

    event = make_event()
    for n in range(3):
        claim = make_claim(text=f"claim {n}", aspect="killed", event=event, count_min=n + 1,
                           unit="people")  # fmt: skip
        make_account(claim=claim)
    before = refresh_queries(event)
    for n in range(5):  # other events, many accounts: they must not cost anything here
        other = make_event()
        for m in range(4):
            make_account(claim=make_claim(text=f"other {n}-{m}", event=other))
    assert refresh_queries(event) == before


def test_the_seed_shows_what_issue_three_expects():
    call_command("load_seeds", verbosity=0)
    event = Event.objects.get()
    findings = Finding.objects.filter(event=event)
    # The two tolls agree: [35, open) is the consensus and nothing about counts is open.
    agreement = findings.get(kind="count_agreement")
    assert "35" in agreement.explanation
    assert not findings.filter(kind="count_conflict").exists()
    # SANA (the toll) and the foreign ministry (who did it) speak on different
    # aspects: not counted once together, but both are an interested party.
    once = findings.filter(kind="counted_once").values_list("explanation", flat=True)
    assert not any("SANA" in text and "Syrian foreign ministry" in text for text in once)
    assert findings.filter(kind="interested").exists()
    # The coalition's hedge against the ministry's assertion is a tension, and open.
    tension = findings.get(kind="stance_tension")
    assert tension.is_open and tension.severity == "tension"
    # Reuters and the spokesperson did not confirm.
    unconfirmed = " ".join(
        findings.filter(kind="unconfirmed_by").values_list("explanation", flat=True)
    )
    assert "Reuters" in unconfirmed and "Sean Ryan" in unconfirmed
    assert set(findings.filter(is_open=True).values_list("kind", flat=True)) == {"stance_tension"}


def test_a_count_in_an_unknown_unit_is_stored_as_not_comparable():
    event = make_event()
    claim = make_claim(text="40 goats killed", aspect="killed", event=event, count_min=40,
                       count_max=40, unit="people")  # fmt: skip
    # A row from before units were checked: written past the service on purpose.
    Claim.objects.filter(pk=claim.pk).update(unit="goats")
    make_account(claim=claim)
    assert Finding.objects.filter(event=event, kind="not_comparable").exists()
    assert not Finding.objects.filter(event=event, kind="count_agreement").exists()


def test_a_finding_keeps_its_row_when_an_account_changes_its_substance(toll_event, reporter):
    event, first, _ = toll_event
    services.claim_update(actor=reporter, claim=first, count_min=2, count_max=4)
    conflict = Finding.objects.get(event=event, kind="count_conflict")
    before = (conflict.signature, set(conflict.accounts.values_list("pk", flat=True)))

    # Wire A says 3 again elsewhere: the same two voices conflict, with more behind one side.
    again = make_account(
        claim=first, source=Source.objects.get(name="Wire A"), document=make_document()
    )
    kept = Finding.objects.get(event=event, kind="count_conflict")
    assert kept.pk == conflict.pk and kept.key == conflict.key
    assert kept.signature != before[0]
    assert set(kept.accounts.values_list("pk", flat=True)) == before[1] | {again.pk}
    assert again.pk in {a for side in kept.details["sides"] for a in side["account_ids"]}


def test_an_acknowledged_finding_reopened_twice_keeps_both_acknowledgements(
    toll_event, editor, reporter
):
    event, first, _ = toll_event
    services.claim_update(actor=reporter, claim=first, count_min=2, count_max=4)
    conflict = Finding.objects.get(event=event, kind="count_conflict")
    services.finding_acknowledge(actor=editor, finding=conflict, note="Counted on day one.")
    services.claim_update(actor=reporter, claim=first, count_min=1, count_max=3)
    conflict.refresh_from_db()
    services.finding_acknowledge(actor=editor, finding=conflict, note="Counted at one morgue.")
    services.claim_update(actor=reporter, claim=first, count_min=5, count_max=5)

    conflict.refresh_from_db()
    assert conflict.is_open and conflict.acknowledgement_note == ""
    history = conflict.reopened_from.splitlines()
    assert len(history) == 2
    assert "Counted on day one." in history[0] and "Counted at one morgue." in history[1]


def test_a_finding_whose_subject_is_gone_is_deleted_with_a_tombstone(toll_event, editor):
    event, _, _ = toll_event
    low = make_claim(text="3 killed", aspect="killed", event=event, count_min=3, count_max=3,
                     unit="people")  # fmt: skip
    account = make_account(claim=low, source=make_source(name="Wire C"))
    conflicts = list(Finding.objects.filter(event=event, kind="count_conflict"))
    agreement = Finding.objects.get(event=event, kind="best_supported")

    services.account_remove(actor=editor, account=account)
    removed = {f.pk for f in conflicts} | {agreement.pk}
    assert not Finding.objects.filter(pk__in=removed).exists()
    tombstones = RemovedFinding.objects.filter(finding_id__in=removed)
    assert {(t.finding_id, t.event_id) for t in tombstones} == {(pk, event.pk) for pk in removed}
    assert {t.key for t in tombstones} == {f.key for f in conflicts} | {agreement.key}


def test_unchanged_findings_are_not_rewritten(toll_event):
    event, _, _ = toll_event
    with CaptureQueriesContext(connection) as queries:
        findings_refresh_for_event(event=event)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("UPDATE",
              "INSERT", "DELETE"))]  # fmt: skip
    # Only the event's stored summary is written; no finding changed.
    assert len(writes) == 1 and "tracker_event" in writes[0]


def test_every_stored_finding_carries_its_sides(toll_event):
    event, first, second = toll_event
    agreement = Finding.objects.get(event=event, kind="count_agreement")
    sides = agreement.details["sides"]
    assert [(side["source"]["name"], side["claim_id"]) for side in sides] == [
        ("Wire A", first.pk),
        ("Wire B", second.pk),
    ]
    assert sides[1]["interval"] == {
        "min": 10, "max": None, "open_low": False, "open_high": True, "approximate": False,
        "unit": "people", "words": "at least 10 people",
    }  # fmt: skip
    assert agreement.details["reported_range"]["words"] == "at least 10 people"
    assert agreement.details["consensus"]["words"] == "12 people"
    event.refresh_from_db()
    assert event.summary["lines"][0]["text"].startswith("Killed: reported at least 10 people.")
