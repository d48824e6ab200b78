"""A source's track record, counted from hand-built claims whose answer is known."""

from datetime import UTC, datetime

import pytest

from tests.factories import make_claim, make_document, make_source
from tests.track_records import S, assert_by, build_desk
from tracker.models import FindingOutlier
from tracker.selectors.track_record import has_members, source_track_record
from tracker.vocabularies import Aspect, SourceKind, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return build_desk()


def _statuses(**counts: int) -> dict[str, int]:
    return {status: counts.get(status, 0) for status in S.values}


def _quarters(record) -> dict[str, object]:
    return {q.code: q.tally for q in record.quarters}


def test_each_quarter_counts_what_was_asserted_in_it_by_its_status_now(desk):
    record = source_track_record(desk.sana)
    quarters = _quarters(record)
    # The documents' dates decide: the last second of March is Q1, midnight of April 1 Q2;
    # an undated document counts when it was stored; no document, when the account was.
    assert list(quarters) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]
    assert quarters["2024-Q1"].asserted == 1
    assert quarters["2024-Q1"].statuses == _statuses(confirmed=1)
    assert quarters["2024-Q2"].asserted == 4
    assert quarters["2024-Q2"].statuses == _statuses(
        confirmed=1, corroborated=1, disputed=1, unverified=1
    )
    assert quarters["2024-Q3"].statuses == _statuses(false=1, unverifiable=1)
    assert (quarters["2024-Q4"].asserted, quarters["2024-Q4"].retracted) == (0, 1)
    assert quarters["2025-Q1"].is_empty
    assert quarters["2025-Q2"].statuses == _statuses(unverified=1, in_review=1)
    assert quarters["2025-Q2"].awaiting == 2


def test_the_total_counts_each_claim_once(desk):
    total = source_track_record(desk.sana).total
    assert total.asserted == 8  # the confirmed claim, asserted in Q1 and Q2, once
    assert total.statuses == _statuses(
        confirmed=1, corroborated=1, disputed=1, false=1, unverifiable=1, unverified=2, in_review=1
    )
    assert total.retracted == 1


def test_outlying_figures_are_those_the_best_supported_finding_names(desk):
    record = source_track_record(desk.sana)
    assert (record.total.figures, record.total.outliers) == (1, 1)
    assert (_quarters(record)["2024-Q2"].figures, _quarters(record)["2024-Q2"].outliers) == (1, 1)
    reuters = source_track_record(desk.reuters).total
    assert (reuters.asserted, reuters.figures, reuters.outliers) == (1, 1, 0)


def test_an_outlier_no_longer_apart_is_no_longer_counted(desk):
    # A second voice beside SANA's hundred: two groups tie, nobody stands apart.
    amnesty = make_source(name="Amnesty", kind=SourceKind.NGO)
    event = desk.killed_by_sana.event
    near_sana = make_claim(
        text="90 to 110 killed", aspect=Aspect.KILLED, event=event, count_min=90, count_max=110,
        unit=Unit.PEOPLE,
    )  # fmt: skip
    assert_by(amnesty, near_sana)
    assert source_track_record(desk.sana).total.outliers == 0
    assert not FindingOutlier.objects.exists()


def test_a_root_affiliation_counts_its_members_claims_once(desk):
    record = source_track_record(desk.government, affiliation=True)
    quarters = _quarters(record)
    # SANA's and the ministry's Q1 assertion of one claim is one claim; the ministry's own adds one.
    assert quarters["2024-Q1"].asserted == 2
    assert quarters["2024-Q1"].statuses == _statuses(confirmed=2)
    assert record.total.asserted == 9
    assert record.total.statuses[S.CONFIRMED] == 2
    assert (record.total.retracted, record.total.outliers) == (1, 1)
    # The root itself asserted nothing.
    assert source_track_record(desk.government).is_empty


def test_only_a_root_with_members_has_an_affiliation_record(desk):
    assert has_members(desk.government)
    assert not has_members(desk.sana)
    assert not has_members(desk.reuters)


def test_a_source_with_no_accounts_has_an_empty_record():
    record = source_track_record(make_source())
    assert record.quarters == ()
    assert record.is_empty
    assert record.total.statuses == _statuses()


@pytest.mark.parametrize("affiliation", [False, True])
def test_two_queries_however_many_claims_and_quarters(desk, django_assert_num_queries, affiliation):
    source = desk.government if affiliation else desk.sana
    with django_assert_num_queries(2):
        small = source_track_record(source, affiliation=affiliation)
    for n in range(6):
        document = make_document(published_at=datetime(2020 + n, 2, 1, tzinfo=UTC))
        assert_by(desk.sana, make_claim(text=f"Another claim {n}"), document)
    with django_assert_num_queries(2):
        large = source_track_record(source, affiliation=affiliation)
    assert large.total.asserted == small.total.asserted + 6
