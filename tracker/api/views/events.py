from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.etag import etag_for
from tracker.api.filters import EventFilter
from tracker.api.schema import (
    ETAG,
    WRITE_ERRORS,
    create_schema,
    errors,
    list_schema,
    ok,
    retrieve_schema,
    update_schema,
)
from tracker.api.serializers.event_grades import (
    EventGradeChangeSerializer,
    EventGradeSetSerializer,
)
from tracker.api.serializers.events import (
    EventDetailSerializer,
    EventSerializer,
    EventWriteSerializer,
)
from tracker.api.views.base import (
    CreateMixin,
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
    UpdateMixin,
)
from tracker.models import Event
from tracker.selectors._built_once import built_once
from tracker.selectors.event_grades import grade_history
from tracker.selectors.events import event_comparison, event_list_queryset
from tracker.selectors.findings import findings_with_links

# The query, built once (see selectors/_built_once.py).
list_rows = built_once(event_list_queryset)


@extend_schema_view(
    list=list_schema(EventSerializer, summary="List events"),
    retrieve=retrieve_schema(
        EventDetailSerializer,
        summary="One event, its accounts side by side",
        description="Every account of the event's live claims with its source, root "
        "affiliation, whether it is interested, stance, value and quote; per count aspect "
        "the bars of each independent source with their consensus and spread; and the "
        "stored findings (conflicts can be acknowledged at /api/conflicts/{id}/acknowledge/).",
    ),
    create=create_schema(EventWriteSerializer, EventDetailSerializer, summary="Add an event"),
    update=update_schema(
        EventWriteSerializer, EventDetailSerializer, summary="Replace an event's fields"
    ),
    partial_update=update_schema(
        EventWriteSerializer, EventDetailSerializer, summary="Change some of an event's fields"
    ),
)
class EventViewSet(
    ListMixin,
    RetrieveMixin,
    CreateMixin,
    UpdateMixin,
    TrackerViewSet,
):
    permission_model = Event
    action_permissions = {"set_grade": ("tracker.view_event", "tracker.grade_event")}
    list_serializer_class = EventSerializer
    detail_serializer_class = EventDetailSerializer
    input_serializer_classes = {
        "create": EventWriteSerializer,
        "update": EventWriteSerializer,
        "partial_update": EventWriteSerializer,
        "set_grade": EventGradeSetSerializer,
    }
    filterset_class = EventFilter
    ordering_fields = ["name", "updated_at", "id"]
    ordering = ["-id"]

    def list_queryset(self):
        return list_rows()

    def detail_queryset(self):
        return list_rows()

    def detail_data(self, instance: Event) -> dict[str, Any]:
        context = {
            **self.get_serializer_context(),
            "side_by_side": event_comparison(event=instance, findings=findings_with_links()),
            "grade_history": grade_history(event=instance),
        }
        return EventDetailSerializer(instance, context=context).data

    def service_create(self, values: dict[str, Any]) -> Event:
        return services.event_create(actor=self.request.user, **values)

    def service_update(self, instance: Event, values: dict[str, Any]) -> None:
        services.event_update(actor=self.request.user, event=instance, **values)

    @extend_schema(
        summary="Record the event's grade (editors)",
        description="On the Airwars scale, with a rationale (always required). The "
        "comparison's suggested grade (summary.grade) is never applied; this records the "
        "editor's own, keeping the suggestion of the moment beside it. Returns the grade "
        "change; the event's new ETag is in Event-ETag.",
        request=EventGradeSetSerializer,
        parameters=[
            ETAG,
            OpenApiParameter(
                "Event-ETag",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                response=[201],
                description="The event's new ETag, for the next change without another GET.",
            ),
        ],
        responses={
            201: ok(EventGradeChangeSerializer, "Recorded: the grade change."),
            **errors(*WRITE_ERRORS, 404),
        },
    )
    @action(detail=True, methods=["post"], url_path="grade")
    def set_grade(self, request: Request, pk: str) -> Response:
        with self.write_lock() as event:
            values = self.validated(request.data)
            change = services.event_set_grade(actor=request.user, event=event, **values)
            event_etag = etag_for(self.detail_data(self.fresh(event.pk)))
        return Response(
            EventGradeChangeSerializer(change).data,
            status=status.HTTP_201_CREATED,
            headers={"Event-ETag": event_etag},
        )
