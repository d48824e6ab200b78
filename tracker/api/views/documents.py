from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view

from tracker import services
from tracker.api.filters import DocumentFilter
from tracker.api.schema import (
    CONDITIONAL_ERRORS,
    CREATED,
    CURRENT,
    DETAIL_ERRORS,
    ETAG,
    IF_MATCH,
    IF_NONE_MATCH,
    NOT_MODIFIED,
    PAGE,
    READ_ERRORS,
    WRITE_ERRORS,
    errors,
    ok,
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
from tracker.selectors.documents import document_detail_queryset, document_list_queryset


@extend_schema_view(
    list=extend_schema(
        summary="List documents",
        description="Published reports, without their text.",
        responses={200: ok(DocumentSerializer(many=True), PAGE), **errors(*READ_ERRORS)},
    ),
    retrieve=extend_schema(
        summary="One document",
        description="With its full text and the accounts that quote it, in text order.",
        parameters=[IF_NONE_MATCH, ETAG],
        responses={
            200: ok(DocumentDetailSerializer, CURRENT),
            **NOT_MODIFIED,
            **errors(*DETAIL_ERRORS),
        },
    ),
    create=extend_schema(
        summary="Add a document",
        description="Stores the text as published. Text already stored is refused (400) "
        "with the number of the document that holds it.",
        request=DocumentCreateSerializer,
        parameters=[ETAG],
        responses={201: ok(DocumentDetailSerializer, CREATED), **errors(*WRITE_ERRORS)},
    ),
    update=extend_schema(
        summary="Replace a document's metadata",
        description="The text is fixed once stored: accounts quote it by offset.",
        request=DocumentUpdateSerializer,
        parameters=[IF_MATCH, ETAG],
        responses={200: ok(DocumentDetailSerializer, CURRENT), **errors(*CONDITIONAL_ERRORS)},
    ),
    partial_update=extend_schema(
        summary="Change some of a document's metadata",
        request=DocumentUpdateSerializer,
        parameters=[IF_MATCH, ETAG],
        responses={200: ok(DocumentDetailSerializer, CURRENT), **errors(*CONDITIONAL_ERRORS)},
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
        return document_list_queryset()

    def detail_queryset(self):
        return document_detail_queryset()

    def service_create(self, values: dict[str, Any]) -> Document:
        return services.document_create(actor=self.request.user, **values)

    def service_update(self, instance: Document, values: dict[str, Any]) -> None:
        services.document_update(actor=self.request.user, document=instance, **values)
