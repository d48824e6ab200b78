"""Migration 0027's backfill: outliers already stored in findings' details become rows."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import make_account, make_claim, make_source
from tracker import services
from tracker.models import Finding, FindingOutlier
from tracker.vocabularies import Aspect, FindingKind, SourceKind, Unit

pytestmark = pytest.mark.django_db

migration = import_module("tracker.migrations.0023_findings_name_their_outlier_accounts")


def killed(event, low: int, high: int):
    return make_claim(
        text=f"{low} to {high} killed", aspect=Aspect.KILLED, event=event, count_min=low,
        count_max=high, unit=Unit.PEOPLE,
    )  # fmt: skip


def test_the_outliers_in_stored_details_become_rows_and_nothing_else_does():
    event = services.event_create(actor=None, name="Strike")
    sources = [make_source(kind=SourceKind.NGO) for _ in range(3)]
    make_account(source=sources[0], claim=killed(event, 10, 12))
    make_account(source=sources[1], claim=killed(event, 10, 10))
    apart = make_account(source=sources[2], claim=killed(event, 100, 100))
    finding = Finding.objects.get(kind=FindingKind.BEST_SUPPORTED)
    expected = {(finding.pk, apart.pk)}
    assert set(FindingOutlier.objects.values_list("finding_id", "account_id")) == expected
    # As stored before 0027: the details say it, no row does.
    FindingOutlier.objects.all().delete()
    # A conflict finding carries the same details; only the best-supported one counts.
    assert (
        Finding.objects.exclude(kind=FindingKind.BEST_SUPPORTED)
        .filter(details__has_key="outliers")
        .exists()
    )
    migration.copy_outliers_from_details(apps, connection.schema_editor())
    assert set(FindingOutlier.objects.values_list("finding_id", "account_id")) == expected
    # Run again (a retried migration): nothing doubles.
    migration.copy_outliers_from_details(apps, connection.schema_editor())
    assert FindingOutlier.objects.count() == 1
