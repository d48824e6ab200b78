"""The summaries of sources and documents, read off the row, give what DRF's generic path gives."""

import datetime

import pytest
from rest_framework import serializers

from tests.factories import make_document, make_source
from tracker.api.serializers.common import (
    DocumentSummarySerializer,
    RootedSourceSummarySerializer,
    SourceSummarySerializer,
)
from tracker.models import Document, Source
from tracker.vocabularies import SourceKind

pytestmark = pytest.mark.django_db


def generic(serializer_class, row) -> dict:
    return serializers.ModelSerializer.to_representation(serializer_class(), row)


def test_sources_with_and_without_a_root_read_as_drf_would_give_them():
    ministry = make_source(name="Ministry of Defence", kind=SourceKind.GOVERNMENT)
    spokesman = make_source(name="Ahmed Hassan", kind=SourceKind.SPOKESPERSON, parent=ministry)
    for source in Source.objects.select_related("root").order_by("pk"):
        for serializer_class in (SourceSummarySerializer, RootedSourceSummarySerializer):
            fast = serializer_class(source).data
            assert fast == generic(serializer_class, source)
            assert list(fast) == serializer_class.Meta.fields
    spoken = RootedSourceSummarySerializer(Source.objects.get(pk=spokesman.pk)).data
    assert spoken["display_name"] == "Ahmed Hassan (Ministry of Defence)"
    assert spoken["root"]["name"] == "Ministry of Defence"


@pytest.mark.parametrize("time_zone", ["UTC", "Asia/Damascus"])
def test_documents_read_as_drf_would_give_them(settings, time_zone):
    settings.TIME_ZONE = time_zone
    make_document(title="Undated", text="Nothing dated here.")
    make_document(
        title="KXIP vs KKR Live Score",
        text="A strike hit the market. Twelve people were killed.",
        url="https://example.org/strike",
        published_at=datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC),
    )
    documents = list(Document.objects.defer("text").order_by("pk"))
    assert {document.published_at is None for document in documents} == {True, False}
    for document in documents:
        fast = DocumentSummarySerializer(document).data
        assert fast == generic(DocumentSummarySerializer, document)
        assert list(fast) == DocumentSummarySerializer.Meta.fields
