"""The claims list's rows: their counts, at one query whatever the page's length."""

import pytest

from tests.factories import make_account, make_claim, make_event, make_flag, make_source
from tracker import services
from tracker.models import Finding
from tracker.selectors.claims import (
    claim_list_page_queryset,
    claim_list_queryset,
    claim_list_with_conflict_queryset,
    claims_with_open_conflicts,
    review_queue_queryset,
)
from tracker.vocabularies import Aspect, Stance


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
    row = claim_list_queryset().get(pk=claim.pk)
    # Two sources under one government count once: two independent sources.
    assert (row.account_count, row.independent_sources, row.open_flag_count) == (3, 2, 2)


def test_zero_counts(db):
    row = claim_list_queryset().get(pk=make_claim().pk)
    assert (row.account_count, row.independent_sources, row.open_flag_count) == (0, 0, 0)
    assert (row.open_conflict_count, row.open_tension_count) == (0, 0)


def test_relaying_outlet_does_not_count_as_a_source(db):
    claim = make_claim()
    rudaw = make_source(name="Rudaw English")
    make_account(claim=claim, source=make_source(name="Col. Ryan"), intermediary=rudaw)
    row = claim_list_queryset().get(pk=claim.pk)
    assert row.independent_sources == 1


def test_could_not_verify_supports_nothing(db):
    """Only sources that assert or hedge stand behind a claim."""
    claim = make_claim()
    make_account(claim=claim, source=make_source(name="Wire"))
    make_account(claim=claim, source=make_source(name="Agency"), stance=Stance.CANNOT_VERIFY)
    make_account(claim=claim, source=make_source(name="Army"), stance=Stance.INVESTIGATING)
    make_account(claim=claim, source=make_source(name="Monitor"), stance=Stance.HEDGES)
    row = claim_list_queryset().get(pk=claim.pk)
    assert (row.account_count, row.independent_sources) == (4, 2)


def test_open_conflicts_count_per_severity_until_acknowledged(editor, db):
    event = make_event()
    high = make_claim(aspect=Aspect.KILLED, event=event, count_min=20, unit="people")
    low = make_claim(aspect=Aspect.KILLED, event=event, count_min=3, count_max=3, unit="people")
    make_account(claim=high, source=make_source(name="Wire A"))
    make_account(claim=low, source=make_source(name="Wire B"))
    make_account(claim=low, source=make_source(name="Wire C"), stance=Stance.DENIES)
    rows = {c.pk: c for c in claim_list_queryset().filter(event=event)}
    assert rows[low.pk].open_conflict_count >= 1
    with_conflict = claims_with_open_conflicts(claim_list_queryset(), has_open=True)
    assert {high.pk, low.pk} <= set(with_conflict.values_list("pk", flat=True))
    for finding in Finding.objects.filter(is_open=True):
        services.finding_acknowledge(actor=editor, finding=finding, note="Seen.")
    rows = {c.pk: c for c in claim_list_queryset().filter(event=event)}
    assert all((r.open_conflict_count, r.open_tension_count) == (0, 0) for r in rows.values())
    assert not with_conflict.exists()


def test_review_queue(editor, reporter, db):
    first, second = make_claim(text="first"), make_claim(text="second")
    make_claim(text="never flagged")
    older = make_flag(claim=second, raised_by=reporter)
    make_flag(claim=first, raised_by=reporter)
    make_flag(claim=second, raised_by=editor, kind="needs_second_source")

    def queue():
        return list(review_queue_queryset().order_by("oldest_open_flag_at", "pk"))

    assert [c.pk for c in queue()] == [second.pk, first.pk]
    assert [f.kind for f in queue()[0].open_flags] == ["could_not_verify", "needs_second_source"]
    assert queue()[0].open_flag_count == 2
    # Resolving its oldest flag moves a claim back to when its next open one was raised.
    services.flag_resolve(actor=editor, flag=older)
    assert [c.pk for c in queue()] == [first.pk, second.pk]
    services.claim_archive(actor=editor, claim=first)
    assert [c.pk for c in queue()] == [second.pk]


def claim_with_everything(editor, reporter):
    """A claim in an event with two accounts, an open flag, a verdict and an open conflict."""
    event = make_event()
    claim = make_claim(event=event, aspect=Aspect.KILLED, count_min=20, unit="people")
    rival = make_claim(event=event, aspect=Aspect.KILLED, count_min=2, count_max=2, unit="people")
    make_account(claim=claim, source=make_source())
    make_account(claim=rival, source=make_source())
    make_flag(claim=claim, raised_by=reporter)
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    return claim


@pytest.mark.parametrize("rows", [1, 3])
def test_each_list_is_one_query_whatever_its_length(
    editor, reporter, django_assert_num_queries, rows
):
    for _ in range(rows):
        claim_with_everything(editor, reporter)
    for read in (claim_list_queryset, claim_list_with_conflict_queryset, claim_list_page_queryset):
        with django_assert_num_queries(1):
            page = list(read())
        assert len(page) == 2 * rows


def test_has_open_conflict_until_acknowledged(editor, reporter):
    claim = claim_with_everything(editor, reporter)
    lonely = make_claim()
    rows = {row.pk: row for row in claim_list_with_conflict_queryset()}
    assert (rows[claim.pk].has_open_conflict, rows[lonely.pk].has_open_conflict) == (True, False)
    for finding in Finding.objects.filter(is_open=True):
        services.finding_acknowledge(actor=editor, finding=finding, note="Seen.")
    assert not claim_list_with_conflict_queryset().get(pk=claim.pk).has_open_conflict


def test_a_page_reads_only_the_columns_it_shows(editor, reporter):
    claim_with_everything(editor, reporter)
    row = claim_list_page_queryset().first()
    assert {"search_vector", "suggestion_reasons", "archived_by_id"} <= row.get_deferred_fields()
    assert (row.account_count, row.open_flag_count) == (1, 1)


@pytest.mark.parametrize("rows", [1, 3])
def test_the_review_queue_is_two_queries(editor, reporter, django_assert_num_queries, rows):
    for _ in range(rows):
        claim_with_everything(editor, reporter)
    # The claims, then their open flags with who raised them.
    with django_assert_num_queries(2):
        queue = list(review_queue_queryset())
        assert all(flag.raised_by.username for claim in queue for flag in claim.open_flags)
    assert len(queue) == rows
