from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.exceptions import Gone
from tracker.api.filters import FindingFilter
from tracker.api.schema import (
    CURRENT,
    ETAG,
    WRITE_ERRORS,
    errors,
    list_schema,
    ok,
    retrieve_schema,
)
from tracker.api.serializers.findings import AcknowledgeSerializer, ConflictSerializer
from tracker.api.views.base import (
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
)
from tracker.models import Finding, RemovedFinding
from tracker.selectors.findings import findings_with_links


@extend_schema_view(
    list=list_schema(
        ConflictSerializer,
        summary="List stored findings",
        description="What the comparison of each event's accounts found: conflicts, "
        "tensions and information, each with its event's summary. `is_open=true` lists "
        "the unacknowledged conflicts.",
    ),
    retrieve=retrieve_schema(
        ConflictSerializer,
        summary="One finding",
        description="A finding keeps its id while what it is about stays; when that is "
        "gone (its accounts removed, its claim archived) the finding answers 410 Gone.",
        extra_errors=(410,),
    ),
)
class ConflictViewSet(ListMixin, RetrieveMixin, TrackerViewSet):
    permission_model = Finding
    action_permissions = {"acknowledge": ("tracker.acknowledge_finding",)}
    list_serializer_class = ConflictSerializer
    detail_serializer_class = ConflictSerializer
    input_serializer_classes = {"acknowledge": AcknowledgeSerializer}
    filterset_class = FindingFilter
    ordering_fields = ["created_at", "id"]
    ordering = ["-id"]

    def list_queryset(self):
        return findings_with_links()

    def get_object(self) -> Finding:
        try:
            return super().get_object()
        except Http404:
            if RemovedFinding.objects.filter(finding_id=self.kwargs["pk"]).exists():
                raise Gone("This conflict was removed: what it was about is gone.") from None
            raise

    @extend_schema(
        summary="Acknowledge a conflict (editors)",
        description="Says why the conflict may stand; recorded with who and when. A later "
        "change that alters the conflict reopens it.",
        request=AcknowledgeSerializer,
        parameters=[ETAG],
        responses={200: ok(ConflictSerializer, CURRENT), **errors(*WRITE_ERRORS, 404, 410)},
    )
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: str) -> Response:
        with self.write_lock() as finding:
            values = self.validated(request.data)
            services.finding_acknowledge(actor=request.user, finding=finding, note=values["note"])
            return self.detail_response(self.fresh(finding.pk))
