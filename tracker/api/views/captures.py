"""Captures: the bytes each document was read from, their custody record, and takedowns.

Read-only but for a purge. ``GET .../content/`` serves the bytes exactly as
stored, as an attachment of type application/octet-stream: a captured page is
evidence to download, never a page to run in this site's origin.
"""

from django.http import FileResponse, Http404
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import capture_storage, services
from tracker.api.filters import BooleanFilter, IdFilter
from tracker.api.schema import (
    CURRENT,
    DETAIL_ERRORS,
    ETAG,
    WRITE_ERRORS,
    errors,
    list_schema,
    ok,
    retrieve_schema,
)
from tracker.api.serializers.captures import CapturePurgeRequestSerializer, CaptureSerializer
from tracker.api.views.base import ListMixin, RetrieveMixin, TrackerViewSet
from tracker.models import Capture, CapturePurge
from tracker.selectors.captures import capture_list_queryset
from tracker.vocabularies import CaptureOrigin


class CaptureFilter(filters.FilterSet):
    document = IdFilter(field_name="document_id", help_text="Of this document.")
    url = filters.CharFilter(field_name="url", help_text="Captured at exactly this URL.")
    sha256 = filters.CharFilter(field_name="sha256", help_text="With exactly these bytes.")
    origin = filters.MultipleChoiceFilter(
        choices=CaptureOrigin.choices, help_text="How it arrived; repeat."
    )
    purged = BooleanFilter(
        field_name="purge", lookup_expr="isnull", exclude=True, help_text="Bytes purged or not."
    )

    class Meta:
        model = Capture
        fields: list[str] = []


@extend_schema_view(
    list=list_schema(
        CaptureSerializer,
        summary="List captures",
        description="The custody records of what documents were read from, oldest first.",
    ),
    retrieve=retrieve_schema(CaptureSerializer, summary="One capture"),
)
class CaptureViewSet(ListMixin, RetrieveMixin, TrackerViewSet):
    permission_model = Capture
    action_permissions = {
        "content": ("tracker.view_capture",),
        "purge": ("tracker.purge_capture",),
    }
    list_serializer_class = CaptureSerializer
    detail_serializer_class = CaptureSerializer
    input_serializer_classes = {"purge": CapturePurgeRequestSerializer}
    filterset_class = CaptureFilter
    ordering_fields = ["captured_at", "id"]
    ordering = ["captured_at", "id"]

    def list_queryset(self):
        return capture_list_queryset()

    @extend_schema(
        summary="The captured bytes, as stored",
        description="An attachment of the capture's content type as application/octet-stream; "
        "its SHA-256 is the capture's `sha256`. 404 once purged.",
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, "The bytes."),
            **errors(*DETAIL_ERRORS),
        },
    )
    @action(detail=True, methods=["get"])
    def content(self, request: Request, pk: str):
        capture = self.get_object()
        purged = CapturePurge.objects.filter(capture=capture).exists()
        if purged or not capture_storage.exists(capture.sha256):
            raise Http404("These bytes were purged." if purged else "The bytes are missing.")
        response = FileResponse(
            capture_storage.capture_storage().open(capture_storage.address(capture.sha256), "rb"),
            as_attachment=True,
            filename=f"capture-{capture.pk}-{capture.sha256[:12]}",
            content_type="application/octet-stream",
        )
        response["X-Content-SHA256"] = capture.sha256
        return response

    @extend_schema(
        summary="Purge a capture's bytes (editors; a legal takedown)",
        description="Deletes the bytes at the capture's address, and so of every capture of "
        "the same bytes; the hash, the metadata and the purge record (who, when, `reason`) stay.",
        request=CapturePurgeRequestSerializer,
        parameters=[ETAG],
        responses={200: ok(CaptureSerializer, CURRENT), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"])
    def purge(self, request: Request, pk: str) -> Response:
        with self.write_lock() as capture:
            values = self.validated(request.data)
            services.capture_purge(actor=request.user, capture=capture, reason=values["reason"])
            return self.detail_response(self.fresh(capture.pk))
