from typing import Any

from drf_spectacular.utils import extend_schema_view

from tracker import services
from tracker.api.filters import EventFilter
from tracker.api.schema import (
    create_schema,
    list_schema,
    retrieve_schema,
    update_schema,
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
    list_serializer_class = EventSerializer
    detail_serializer_class = EventDetailSerializer
    input_serializer_classes = {
        "create": EventWriteSerializer,
        "update": EventWriteSerializer,
        "partial_update": EventWriteSerializer,
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
        }
        return EventDetailSerializer(instance, context=context).data

    def service_create(self, values: dict[str, Any]) -> Event:
        return services.event_create(actor=self.request.user, **values)

    def service_update(self, instance: Event, values: dict[str, Any]) -> None:
        services.event_update(actor=self.request.user, event=instance, **values)
