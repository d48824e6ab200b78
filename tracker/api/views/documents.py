"""Documents: published reports. Adding one stores it once and suggests its accounts.

``POST`` runs the same ingest as the admin's paste box and the ``ingest``
command (``services.document_ingest``): the text is stored by content hash,
read by the extractor, and its suggested accounts wait for review under
``/api/suggestions/?document={id}``. The 201 response is the document's
detail, whose ``extraction`` and ``suggestions`` say what was found.
"""

from typing import Any

from drf_spectacular.utils import extend_schema_view
from rest_framework.exceptions import ValidationError

from tracker import services
from tracker.api.filters import DocumentFilter
from tracker.api.schema import (
    create_schema,
    list_schema,
    retrieve_schema,
    update_schema,
)
from tracker.api.serializers.documents import (
    DocumentCreateSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    DocumentUpdateSerializer,
)
from tracker.api.views.base import (
    CreateMixin,
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
    UpdateMixin,
)
from tracker.models import Document
from tracker.selectors.documents import (
    document_review_detail_queryset,
    document_review_list_queryset,
)


@extend_schema_view(
    list=list_schema(
        DocumentSerializer,
        summary="List documents",
        description="Published reports, without their text.",
    ),
    retrieve=retrieve_schema(
        DocumentDetailSerializer,
        summary="One document",
        description="With its full text, the accounts that quote it (in text order), what "
        "the extractor set aside (`extraction.noise`) and its suggestions by status.",
    ),
    create=create_schema(
        DocumentCreateSerializer,
        DocumentDetailSerializer,
        summary="Add a document and suggest its accounts",
        description="Stores the text as published (or the visible prose of `html`) and runs "
        "the extractor over it: `suggestions` in the response counts the suggested accounts "
        "and links to them, `extraction` lists the noise set aside and any warnings. Nothing "
        "is verified or accepted automatically. Text already stored is refused (400) with "
        "the number of the document that holds it; nothing is stored on any error.",
    ),
    update=update_schema(
        DocumentUpdateSerializer,
        DocumentDetailSerializer,
        summary="Replace a document's metadata",
        description="The text is fixed once stored: accounts quote it by offset.",
    ),
    partial_update=update_schema(
        DocumentUpdateSerializer,
        DocumentDetailSerializer,
        summary="Change some of a document's metadata",
    ),
)
class DocumentViewSet(
    ListMixin,
    RetrieveMixin,
    CreateMixin,
    UpdateMixin,
    TrackerViewSet,
):
    permission_model = Document
    create_in_one_transaction = False
    list_serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    input_serializer_classes = {
        "create": DocumentCreateSerializer,
        "update": DocumentUpdateSerializer,
        "partial_update": DocumentUpdateSerializer,
    }
    filterset_class = DocumentFilter
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at"]

    def list_queryset(self):
        return document_review_list_queryset()

    def detail_queryset(self):
        return document_review_detail_queryset()

    def service_create(self, values: dict[str, Any]) -> Document:
        result = services.document_ingest(actor=self.request.user, via="api", **values)
        if not result.created:
            # The ingest service hands back the stored copy (the command and the
            # admin link to it); over the API a second POST of the same text is
            # a client error that names the document already holding it.
            field = "html" if "html" in self.request.data else "text"
            stored = result.document
            raise ValidationError(
                {field: [f"This text is already stored as document #{stored.pk} ({stored})."]}
            )
        return result.document

    def service_update(self, instance: Document, values: dict[str, Any]) -> None:
        services.document_update(actor=self.request.user, document=instance, **values)
