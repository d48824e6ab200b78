"""Reads of stored findings: conflicts first, with the links each caller shows."""

import pytest

from tests.factories import make_account, make_claim, make_event
from tracker.models import Finding
from tracker.selectors.findings import (
    claim_findings,
    finding_list_queryset,
    findings_with_claim_texts,
    findings_with_links,
    severity_rank,
)
from tracker.vocabularies import FindingKind, FindingSeverity


def stored(event, claims, *, kind, severity, key) -> Finding:
    finding = Finding.objects.create(
        event=event, kind=kind, key=key, severity=severity, explanation=key, signature=key,
        is_open=severity != FindingSeverity.INFO,
    )  # fmt: skip
    finding.claims.set(claims)
    return finding


@pytest.fixture
def findings(db):
    """One event's findings, stored in the reverse of the order an editor reads them."""
    event = make_event()
    claims = [make_claim(event=event), make_claim(event=event)]
    for claim in claims:
        make_account(claim=claim)
    rows = [
        stored(event, claims[:1], kind=FindingKind.COUNTED_ONCE, severity="info", key="a"),
        stored(event, claims, kind=FindingKind.STANCE_TENSION, severity="tension", key="b"),
        stored(event, claims, kind=FindingKind.STANCE_CONFLICT, severity="conflict", key="c"),
        stored(event, claims, kind=FindingKind.COUNT_CONFLICT, severity="conflict", key="d"),
    ]
    return claims, rows


def test_conflicts_then_tensions_then_notes(findings):
    claims, (note, tension, stance, count) = findings
    ranked = Finding.objects.filter(pk__in=[f.pk for f in (note, tension, stance, count)])
    assert list(ranked.order_by(severity_rank(), "kind")) == [count, stance, tension, note]
    assert list(claim_findings(claim_id=claims[1].pk)) == [count, stance, tension]


def test_the_list_is_two_queries(findings, django_assert_num_queries):
    claims, _ = findings
    with django_assert_num_queries(2):
        listed = list(finding_list_queryset().order_by("severity_rank", "pk"))
        assert [len(f.linked_claims) for f in listed] == [2, 2, 2, 1]
        assert {f.event.name for f in listed} == {claims[0].event.name}
    assert [f.severity_rank for f in listed] == [0, 0, 1, 2]


def test_with_claim_texts_or_with_ids(findings, django_assert_num_queries):
    claims, _ = findings
    with django_assert_num_queries(2):
        texts = {f.key: [c.text for c in f.linked_claims] for f in findings_with_claim_texts()}
    assert texts["a"] == [claims[0].text]
    with django_assert_num_queries(3):
        links = {
            f.key: ([c.pk for c in f.claims.all()], len(f.accounts.all()), f.event.pk)
            for f in findings_with_links()
        }
    assert links["b"] == ([c.pk for c in claims], 0, claims[0].event_id)
