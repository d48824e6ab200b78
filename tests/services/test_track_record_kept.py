"""The track records' kept rows equal a fresh computation after every kind of write.

Each test makes one kind of write through the services on the known desk
(``tests/track_records.py``) and then compares every kept row with the rows
computed afresh from accounts, claims, documents, sources and outliers, and
every source's and affiliation's record read from the kept rows with the
same record counted from the accounts.
"""

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_claim, make_document, make_editor, make_source
from tests.track_records import S, assert_by, build_desk
from tracker import services
from tracker.models import Account, FindingOutlier, Source, TrackRecordEntry
from tracker.selectors.track_record import (
    counted_track_record,
    entry_differences,
    has_members,
    source_track_record,
)
from tracker.vocabularies import Aspect, SourceKind, Stance, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    desk = build_desk()
    assert_kept_rows_are_fresh()
    return desk


def assert_kept_rows_are_fresh() -> None:
    assert entry_differences() == (set(), set())
    for source in Source.objects.order_by("pk"):
        assert source_track_record(source) == counted_track_record(source), source
        if has_members(source):
            assert source_track_record(source, affiliation=True) == counted_track_record(
                source, affiliation=True
            ), source


def _sana_total(desk):
    return source_track_record(desk.sana).total


def test_a_status_set_moves_the_claim_between_statuses(desk):
    claim = desk.killed_by_sana
    before = _sana_total(desk).statuses[S.FALSE]
    services.claim_set_status(actor=make_editor(), claim=claim, status=S.FALSE, rationale="No.")
    assert_kept_rows_are_fresh()
    assert _sana_total(desk).statuses[S.FALSE] == before + 1


def test_an_account_added_counts_at_once(desk):
    assert_by(desk.ngo, make_claim(text="The monitor says so"), make_document())
    assert_kept_rows_are_fresh()


def test_an_accounts_stance_source_and_document_edited(desk):
    editor = make_editor()
    account = Account.objects.filter(source=desk.sana, stance=Stance.ASSERTS).order_by("pk")[0]
    services.account_update(actor=editor, account=account, stance=Stance.RETRACTS)
    assert_kept_rows_are_fresh()
    services.account_update(actor=editor, account=account, source=desk.reuters)
    assert_kept_rows_are_fresh()
    later = make_document(published_at=datetime(2026, 1, 5, tzinfo=UTC))
    services.account_update(actor=editor, account=account, document=later)
    assert_kept_rows_are_fresh()
    assert "2026-Q1" in [q.code for q in source_track_record(desk.reuters).quarters]


def test_an_account_removed_no_longer_counts(desk):
    before = _sana_total(desk).asserted
    account = Account.objects.filter(source=desk.sana, claim=desk.killed_by_sana).get()
    services.account_remove(actor=make_editor(), account=account)
    assert_kept_rows_are_fresh()
    assert _sana_total(desk).asserted == before - 1


def test_a_claims_figure_and_event_edited_archived_and_restored(desk):
    editor = make_editor()
    claim = desk.killed_by_sana
    services.claim_update(actor=editor, claim=claim, count_min=None, count_max=None)
    assert_kept_rows_are_fresh()
    assert _sana_total(desk).figures == 0
    services.claim_update(actor=editor, claim=claim, count_min=100, count_max=100)
    assert_kept_rows_are_fresh()
    services.claim_update(actor=editor, claim=claim, event=None)
    assert_kept_rows_are_fresh()
    services.claim_archive(actor=editor, claim=claim)
    assert_kept_rows_are_fresh()
    services.claim_restore(actor=editor, claim=claim)
    assert_kept_rows_are_fresh()


def test_a_source_moved_to_another_affiliation_and_renamed(desk):
    editor = make_editor()
    services.source_update(actor=editor, source=desk.sana, parent=desk.ngo)
    assert_kept_rows_are_fresh()
    assert source_track_record(desk.ngo, affiliation=True).total.asserted > 0
    services.source_update(actor=editor, source=desk.sana, parent=None)
    assert_kept_rows_are_fresh()
    services.source_update(actor=editor, source=desk.ministry, name="Ministry of Foreign Affairs")
    assert_kept_rows_are_fresh()


def test_a_body_moved_takes_the_people_who_speak_for_it(desk):
    spokesman = make_source(name="Ahmad", kind=SourceKind.SPOKESPERSON, parent=desk.ministry)
    assert_by(spokesman, make_claim(text="The spokesman says so"), make_document())
    services.source_update(actor=make_editor(), source=desk.ministry, parent=desk.ngo)
    assert_kept_rows_are_fresh()
    assert TrackRecordEntry.objects.filter(source=spokesman, root=desk.ngo).exists()


def test_the_findings_refresh_taking_an_outlier_away(desk):
    assert _sana_total(desk).outliers == 1
    amnesty = make_source(name="Amnesty", kind=SourceKind.NGO)
    near_sana = make_claim(
        text="90 to 110 killed", aspect=Aspect.KILLED, event=desk.killed_by_sana.event,
        count_min=90, count_max=110, unit=Unit.PEOPLE,
    )  # fmt: skip
    assert_by(amnesty, near_sana)
    assert not FindingOutlier.objects.exists()
    assert_kept_rows_are_fresh()
    assert _sana_total(desk).outliers == 0


def test_a_documents_publication_date_changed(desk):
    document = Account.objects.get(source=desk.sana, claim=desk.killed_by_sana).document
    services.document_update(
        actor=make_editor(), document=document, published_at=datetime(2023, 7, 1, tzinfo=UTC)
    )
    assert_kept_rows_are_fresh()
    assert source_track_record(desk.sana).quarters[0].code == "2023-Q3"
    services.document_update(actor=make_editor(), document=document, published_at=None)
    assert_kept_rows_are_fresh()


def test_the_check_command_names_a_kept_row_gone_wrong_and_rebuild_mends_it():
    desk = build_desk()
    out = StringIO()
    call_command("track_record_check", stdout=out)
    assert "match" in out.getvalue()
    TrackRecordEntry.objects.filter(source=desk.sana, status=S.CONFIRMED).update(status=S.FALSE)
    with pytest.raises(CommandError, match="differ from a fresh computation for 1 claims"):
        call_command("track_record_check")
    call_command("track_record_check", "--rebuild", stdout=out)
    assert_kept_rows_are_fresh()
