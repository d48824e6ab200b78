"""Reads of claims (tracker/selectors/claims): the list's counts, its filters,
the review queue and a claim's verdicts."""

from tests.factories import (
    make_account,
    make_claim,
    make_document,
    make_event,
    make_flag,
    make_source,
)
from tracker import selectors, services
from tracker.models import Finding
from tracker.vocabularies import Aspect, Stance


def by_pk(queryset):
    return {claim.pk: claim for claim in queryset}


def test_counts_do_not_multiply(editor, reporter, db):
    """Three accounts and two open flags on one claim: 3 and 2, not 6 and 6."""
    government = make_source(name="Government")
    claim = make_claim()
    make_account(claim=claim, source=make_source(parent=government))
    make_account(claim=claim, source=make_source(parent=government))
    make_account(claim=claim, source=make_source())
    make_flag(claim=claim, raised_by=reporter)
    make_flag(claim=claim, raised_by=editor)
    resolved = make_flag(claim=claim, raised_by=editor, kind="possible_duplicate")
    services.flag_resolve(actor=editor, flag=resolved)
    row = selectors.claim_list_queryset().get(pk=claim.pk)
    # Two sources under one government count once: two independent sources.
    assert (row.account_count, row.independent_sources, row.open_flag_count) == (3, 2, 2)


def test_zero_counts(db):
    row = selectors.claim_list_queryset().get(pk=make_claim().pk)
    assert (row.account_count, row.independent_sources, row.open_flag_count) == (0, 0, 0)
    assert (row.open_conflict_count, row.open_tension_count) == (0, 0)


def test_relaying_outlet_does_not_count_as_a_source(db):
    claim = make_claim()
    rudaw = make_source(name="Rudaw English")
    make_account(claim=claim, source=make_source(name="Col. Ryan"), intermediary=rudaw)
    row = selectors.claim_list_queryset().get(pk=claim.pk)
    assert row.independent_sources == 1


def test_could_not_verify_supports_nothing(db):
    """Only sources that assert or hedge stand behind a claim."""
    claim = make_claim()
    make_account(claim=claim, source=make_source(name="Wire"))
    make_account(claim=claim, source=make_source(name="Agency"), stance=Stance.CANNOT_VERIFY)
    make_account(claim=claim, source=make_source(name="Army"), stance=Stance.INVESTIGATING)
    make_account(claim=claim, source=make_source(name="Monitor"), stance=Stance.HEDGES)
    row = selectors.claim_list_queryset().get(pk=claim.pk)
    assert (row.account_count, row.independent_sources) == (4, 2)


def test_open_conflicts_count_per_severity_until_acknowledged(editor, db):
    event = make_event()
    high = make_claim(aspect=Aspect.KILLED, event=event, count_min=20, unit="people")
    low = make_claim(aspect=Aspect.KILLED, event=event, count_min=3, count_max=3, unit="people")
    make_account(claim=high, source=make_source(name="Wire A"))
    make_account(claim=low, source=make_source(name="Wire B"))
    make_account(claim=low, source=make_source(name="Wire C"), stance=Stance.DENIES)
    rows = {c.pk: c for c in selectors.claim_list_queryset().filter(event=event)}
    assert rows[low.pk].open_conflict_count >= 1
    with_conflict = selectors.claims_with_open_conflicts(
        selectors.claim_list_queryset(), has_open=True
    )
    assert {high.pk, low.pk} <= set(with_conflict.values_list("pk", flat=True))
    for finding in Finding.objects.filter(is_open=True):
        services.finding_acknowledge(actor=editor, finding=finding, note="Seen.")
    rows = {c.pk: c for c in selectors.claim_list_queryset().filter(event=event)}
    assert all((r.open_conflict_count, r.open_tension_count) == (0, 0) for r in rows.values())
    assert not with_conflict.exists()


def test_search_matches_every_word_somewhere(db):
    document = make_document(text="The ministry called it a massacre by the coalition.")
    sana = make_source(name="SANA", aliases=["Syrian Arab News Agency"])
    claim = make_claim(text="The strike was a massacre")
    make_account(claim=claim, source=sana, document=document, quote="massacre by the coalition")
    other = make_claim(text="Coalition denies")
    search = selectors.claim_search
    base = selectors.claim_list_queryset()
    assert set(by_pk(search(base, "arab massacre"))) == {claim.pk}
    assert set(by_pk(search(base, "coalition"))) == {claim.pk, other.pk}
    assert set(by_pk(search(base, "coalition denies"))) == {other.pk}
    assert set(by_pk(search(base, ""))) == {claim.pk, other.pk}


def test_review_queue(editor, reporter, db):
    first, second = make_claim(text="first"), make_claim(text="second")
    make_claim(text="never flagged")
    older = make_flag(claim=second, raised_by=reporter)
    make_flag(claim=first, raised_by=reporter)
    make_flag(claim=second, raised_by=editor, kind="needs_second_source")

    def queue():
        return list(selectors.review_queue_queryset().order_by("oldest_open_flag_at", "pk"))

    assert [c.pk for c in queue()] == [second.pk, first.pk]
    assert [f.kind for f in queue()[0].open_flags] == ["could_not_verify", "needs_second_source"]
    assert queue()[0].open_flag_count == 2
    # Resolving its oldest flag moves a claim back to when its next open one was raised.
    services.flag_resolve(actor=editor, flag=older)
    assert [c.pk for c in queue()] == [first.pk, second.pk]
    services.claim_archive(actor=editor, claim=first)
    assert [c.pk for c in queue()] == [second.pk]


def test_status_history_newest_first(editor, db):
    claim = make_claim()
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="seen")
    history = selectors.claim_status_history(claim_id=claim.pk)
    assert [(c.from_status, c.to_status) for c in history] == [
        ("in_review", "confirmed"),
        ("unverified", "in_review"),
    ]
