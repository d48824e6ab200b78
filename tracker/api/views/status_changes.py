from drf_spectacular.utils import extend_schema_view

from tracker.api.filters import StatusChangeFilter
from tracker.api.schema import list_schema, retrieve_schema
from tracker.api.serializers.status_changes import StatusChangeSerializer
from tracker.api.views.base import (
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
)
from tracker.models import StatusChange
from tracker.selectors.status_changes import status_change_list_queryset


@extend_schema_view(
    list=list_schema(
        StatusChangeSerializer,
        summary="List verdicts",
        description="The append-only record of every status change. Read-only: a verdict "
        "is given with POST /api/claims/{id}/status/.",
    ),
    retrieve=retrieve_schema(StatusChangeSerializer, summary="One verdict"),
)
class StatusChangeViewSet(ListMixin, RetrieveMixin, TrackerViewSet):
    permission_model = StatusChange
    list_serializer_class = StatusChangeSerializer
    detail_serializer_class = StatusChangeSerializer
    filterset_class = StatusChangeFilter
    ordering_fields = ["changed_at", "id"]
    ordering = ["-changed_at"]

    def list_queryset(self):
        return status_change_list_queryset()
