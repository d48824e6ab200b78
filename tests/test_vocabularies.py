"""One place for each vocabulary: what the comparison emits, the database admits."""

import pytest
from django.db import IntegrityError, transaction

from tests.conflicts.builders import Scenario
from tests.factories import make_event
from tracker.models import Finding
from tracker.vocabularies import (
    AIRWARS_MEANING,
    AIRWARS_SCALE,
    BASIS_STATUS,
    CONFLICT_KINDS,
    OPEN_SEVERITIES,
    STATUS_AIRWARS,
    STATUS_MAPPING,
    SUGGESTED_GRADES,
    AirwarsGrade,
    FindingKind,
    FindingSeverity,
    Stance,
    SuggestionBasis,
    VerificationStatus,
    label_of,
)


def test_every_basis_suggests_a_status_we_know():
    assert set(BASIS_STATUS) == set(SuggestionBasis.values)
    assert set(BASIS_STATUS.values()) <= set(VerificationStatus.values)


def test_open_severities_and_conflict_kinds_are_members_of_their_vocabularies():
    assert set(OPEN_SEVERITIES) == {FindingSeverity.CONFLICT, FindingSeverity.TENSION}
    assert set(CONFLICT_KINDS) <= set(FindingKind.values)


def test_a_label_comes_from_the_vocabulary_and_an_unknown_code_reads_as_words():
    assert label_of(FindingKind, "count_conflict") == "Figures conflict"
    assert label_of(SuggestionBasis, "single_source") == "one independent source asserts it"
    assert label_of(FindingKind, "retired_kind") == "retired kind"


def test_the_comparison_only_emits_kinds_and_severities_of_the_vocabulary():
    scenario = Scenario()
    first, second = scenario.source("A"), scenario.source("B")
    toll, other = scenario.count(31, None), scenario.count(5, 5)
    scenario.account(toll, first)
    scenario.account(other, second)
    scenario.account(toll, second, Stance.HEDGES)
    findings = scenario.compare().findings
    assert findings
    assert {f.kind for f in findings} <= set(FindingKind.values)
    assert {f.severity for f in findings} <= set(FindingSeverity.values)


@pytest.mark.django_db
def test_the_database_refuses_a_finding_of_an_unknown_kind():
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(
            event=event, kind="count_conflit", key="k", severity="info", explanation="x",
            signature="s",
        )  # fmt: skip


def test_the_airwars_scale_is_one_table_for_events_and_claims():
    # Every grade of the event vocabulary has its step, and nothing else does.
    assert set(AIRWARS_SCALE) == set(AirwarsGrade.values)
    assert {grade: step.meaning for grade, step in AIRWARS_SCALE.items()} == AIRWARS_MEANING
    # A status reads as the grade whose step lists it, and as no other.
    for status in VerificationStatus.values:
        steps = [grade for grade, step in AIRWARS_SCALE.items() if status in step.statuses]
        assert len(steps) <= 1
        assert STATUS_AIRWARS[status] == (steps[0] if steps else "")
        grade = STATUS_AIRWARS[status]
        assert STATUS_MAPPING[status].airwars == (AirwarsGrade(grade).label if grade else "")
    # Only a verdict reads as a grade: no grade for a claim nobody judged.
    assert STATUS_AIRWARS[VerificationStatus.UNVERIFIED] == ""
    assert STATUS_AIRWARS[VerificationStatus.IN_REVIEW] == ""
    assert set(AirwarsGrade.values) - {AirwarsGrade.DISCOUNTED} == SUGGESTED_GRADES


def test_a_status_listed_under_two_grades_is_refused(monkeypatch):
    from tracker import vocabularies

    doubled = dict(AIRWARS_SCALE)
    doubled[AirwarsGrade.WEAK] = vocabularies.AirwarsStep(
        "it rests on a single source",
        (VerificationStatus.UNVERIFIABLE, VerificationStatus.CORROBORATED),
    )
    monkeypatch.setattr(vocabularies, "AIRWARS_SCALE", doubled)
    with pytest.raises(ValueError, match="corroborated"):
        vocabularies._status_airwars()
