"""Migration 0020's backfill: a mismatched document stored before gets a working title."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import make_document
from tracker.models import Document

pytestmark = pytest.mark.django_db

migration = import_module(
    "tracker.migrations.0019_documents_carry_a_working_title_when_their_published_one_is_wrong"
)


def test_only_mismatched_documents_without_one_take_their_first_sentence():
    mismatched = make_document(
        title="KXIP vs KKR Live Score", text="A strike hit the market. More."
    )
    named = make_document(title="KXIP v RCB", text="Shelling hit the port. More.")
    fitting = make_document(title="Strike on the port", text="A strike on the port killed two.")
    # As stored before 0020: no working titles at all.
    Document.objects.update(working_title="")
    Document.objects.filter(pk=named.pk).update(working_title="Port shelling")
    migration.backfill(apps, connection.schema_editor())
    titles = dict(Document.objects.values_list("pk", "working_title"))
    assert titles == {
        mismatched.pk: "A strike hit the market.",
        named.pk: "Port shelling",
        fitting.pk: "",
    }


def test_the_text_stays_frozen_after_the_column_is_added():
    # SQLite would rebuild the table for a NOT NULL column and lose the trigger.
    document = make_document(title="Report", text="A report on a strike.")
    with pytest.raises(Exception, match="cannot change once stored"):
        Document.objects.filter(pk=document.pk).update(text="Rewritten.")
