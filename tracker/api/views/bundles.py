"""An event's evidence bundle: exported (editors) as a streamed ZIP; its exports listed.

``POST /api/events/{id}/bundle/`` records the export and streams the ZIP; the
response names the bundle and its manifest's SHA-256 in headers, as the
record does. ``GET`` on the same URL lists the event's recorded exports.
"""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker import services
from tracker.api.query_parameters import refuse_unknown_parameters
from tracker.api.schema import DETAIL_ERRORS, errors, ok
from tracker.api.serializers.common import username_field
from tracker.models import BundleExport, Event
from tracker.selectors.bundle_exports import event_bundle_exports


class BundleExportSerializer(serializers.ModelSerializer):
    exported_by = username_field("exported_by")

    class Meta:
        model = BundleExport
        fields = [
            "id", "event", "bundle_id", "exported_by", "exported_at", "manifest_sha256",
            "file_count", "total_bytes",
        ]  # fmt: skip
        read_only_fields = fields


class ExportsPermission(BasePermission):
    """Reading the exports needs ``view_bundleexport``; exporting, ``export_bundle`` (editors)."""

    message = "You do not have permission to do this."

    def has_permission(self, request: Request, view) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        needed = "tracker.view_bundleexport" if request.method == "GET" else "tracker.export_bundle"
        if user.has_perms([needed, "tracker.view_event"]):
            return True
        self.message = f"You do not have permission to do this (needs {needed})."
        return False


class EventBundleView(APIView):
    basename = "event-bundle"
    permission_model = BundleExport
    permission_classes = [ExportsPermission]

    @extend_schema(
        summary="The event's recorded bundle exports",
        responses={
            200: ok(BundleExportSerializer(many=True), "Newest first."),
            **errors(*DETAIL_ERRORS),
        },
    )
    def get(self, request: Request, pk: int) -> Response:
        refuse_unknown_parameters(request, set())
        event = get_object_or_404(Event, pk=pk)
        return Response(BundleExportSerializer(event_bundle_exports(event), many=True).data)

    @extend_schema(
        summary="Export the event's evidence bundle (editors)",
        description="A ZIP streamed as it is written: the captures as stored, the documents' "
        "texts, every account with its quote and offsets, the claims with their status "
        "history and rationales, flags, findings, notes, and manifest.json with every "
        "file's SHA-256. The export is recorded first (who, when, the manifest's SHA-256, "
        "in `X-Manifest-SHA256`); check a bundle with `manage.py verify_bundle FILE`. "
        "No request body.",
        request=None,
        responses={
            (200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, "The bundle."),
            **errors(400, 401, 403, 404, 429),
        },
    )
    def post(self, request: Request, pk: int):
        refuse_unknown_parameters(request, set())
        event = get_object_or_404(Event, pk=pk)
        exported = services.event_bundle_export(actor=request.user, event=event)
        response = StreamingHttpResponse(exported.chunks(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        response["X-Bundle-Id"] = str(exported.record.bundle_id)
        response["X-Manifest-SHA256"] = exported.record.manifest_sha256
        return response
