"""Migration 0022: documents stored before captures get one, honestly marked as rebuilt."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import make_document
from tracker import capture_storage
from tracker.models import Capture, Document
from tracker.text import content_hash
from tracker.vocabularies import CaptureOrigin

pytestmark = pytest.mark.django_db

migration = import_module("tracker.migrations.0022_captures")


def _stored_before_captures(text: str, **fields) -> Document:
    return Document.objects.create(
        title="Old", text=text, content_hash=content_hash(text), **fields
    )


def test_every_document_without_a_capture_gets_one_from_its_text():
    old = _stored_before_captures("Officials said 9 died. — «quoted»", url="https://x.example/a")
    other = _stored_before_captures("A second report.")
    migration.reconstruct(apps, connection.schema_editor())
    for document in (old, other):
        capture = Capture.objects.get(document=document)
        assert capture.origin == CaptureOrigin.RECONSTRUCTED and capture.reconstructed
        assert capture_storage.read_all(capture.sha256) == document.text.encode("utf-8")
        assert capture.text_sha256 == document.content_hash
        assert capture.captured_at == document.created_at
        assert "reconstructed" in capture.tool
    assert Capture.objects.get(document=old).url == "https://x.example/a"


def test_a_document_with_a_capture_is_not_given_a_second():
    make_document()
    migration.reconstruct(apps, connection.schema_editor())
    assert Capture.objects.count() == 1


def test_documents_stored_now_are_captured_as_they_arrive():
    assert make_document().captures.get().origin == CaptureOrigin.PASTED
