"""Captures and their purge records cannot be changed, whatever path writes (both databases)."""

import pytest
from django.db import IntegrityError, connection, transaction

from tests.factories import make_document
from tracker.models import Capture, CapturePurge

pytestmark = pytest.mark.django_db


@pytest.fixture
def capture():
    return make_document().captures.get()


@pytest.mark.parametrize(
    "change",
    [
        {"sha256": "0" * 64},
        {"url": "https://elsewhere.example/"},
        {"http_headers": []},
        {"captured_by": None, "tool": "rewritten"},
    ],
)
def test_a_capture_cannot_be_updated(capture, change):
    with pytest.raises(IntegrityError), transaction.atomic():
        Capture.objects.filter(pk=capture.pk).update(**change)
    assert Capture.objects.get(pk=capture.pk).sha256 == capture.sha256


def test_a_purge_record_cannot_be_updated(capture, editor):
    purge = CapturePurge.objects.create(capture=capture, purged_by=editor, reason="order")
    with pytest.raises(IntegrityError), transaction.atomic():
        CapturePurge.objects.filter(pk=purge.pk).update(reason="nothing happened")
    assert CapturePurge.objects.get(pk=purge.pk).reason == "order"


def test_a_purge_needs_a_reason(capture):
    with pytest.raises(IntegrityError), transaction.atomic():
        CapturePurge.objects.create(capture=capture, reason="")


def test_the_triggers_exist():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        names = {row[0] for row in cursor.fetchall()}
    assert {"tracker_capture_append_only", "tracker_capturepurge_append_only"} <= names
