from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.filters import SourceFilter
from tracker.api.query_parameters import refuse_unknown_parameters
from tracker.api.schema import (
    CREATED,
    DETAIL_ERRORS,
    ETAG,
    WRITE_ERRORS,
    create_schema,
    errors,
    list_schema,
    ok,
    retrieve_schema,
    update_schema,
)
from tracker.api.serializers.sources import (
    AliasCreateSerializer,
    SourceCreateSerializer,
    SourceSerializer,
    SourceUpdateSerializer,
)
from tracker.api.serializers.track_record import SourceTrackRecordSerializer
from tracker.api.views.base import (
    CreateMixin,
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
    UpdateMixin,
)
from tracker.models import Source
from tracker.selectors.sources import source_list_queryset
from tracker.selectors.track_record import has_members, source_track_record


@extend_schema_view(
    list=list_schema(
        SourceSerializer,
        summary="List sources",
        description="Outlets, agencies, governments, armed parties, spokespeople, witnesses.",
    ),
    retrieve=retrieve_schema(SourceSerializer, summary="One source"),
    create=create_schema(SourceCreateSerializer, SourceSerializer, summary="Add a source"),
    update=update_schema(
        SourceUpdateSerializer, SourceSerializer, summary="Replace a source's fields"
    ),
    partial_update=update_schema(
        SourceUpdateSerializer,
        SourceSerializer,
        summary="Change some of a source's fields",
        description="A new parent moves the source (and all that speak for it) to a new root "
        "affiliation, and refreshes the findings it takes part in.",
    ),
)
class SourceViewSet(
    ListMixin,
    RetrieveMixin,
    CreateMixin,
    UpdateMixin,
    TrackerViewSet,
):
    permission_model = Source
    action_permissions = {"add_alias": ("tracker.add_sourcealias",)}
    list_serializer_class = SourceSerializer
    detail_serializer_class = SourceSerializer
    input_serializer_classes = {
        "create": SourceCreateSerializer,
        "update": SourceUpdateSerializer,
        "partial_update": SourceUpdateSerializer,
        "add_alias": AliasCreateSerializer,
    }
    filterset_class = SourceFilter
    ordering_fields = ["name", "id", "updated_at"]
    ordering = ["name"]

    def list_queryset(self):
        return source_list_queryset()

    def service_create(self, values: dict[str, Any]) -> Source:
        return services.source_create(actor=self.request.user, **values)

    def service_update(self, instance: Source, values: dict[str, Any]) -> None:
        services.source_update(actor=self.request.user, source=instance, **values)

    @extend_schema(
        summary="Add an alias",
        description='Another name the source goes by ("Syrian Arab News Agency" for SANA).',
        request=AliasCreateSerializer,
        parameters=[ETAG],
        responses={201: ok(SourceSerializer, CREATED), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], url_path="aliases")
    def add_alias(self, request: Request, pk: str) -> Response:
        values = self.validated(request.data)
        source = self.get_object()
        services.source_alias_add(actor=request.user, source=source, name=values["name"])
        return self.detail_response(self.fresh(source.pk), status_code=status.HTTP_201_CREATED)

    @extend_schema(
        summary="The source's track record",
        description="Of the claims the source asserted, how many now stand at each status; "
        "how many it retracted; how many of its figures stood outside the best-supported "
        "range; per quarter of the report's publication date (else its capture date). "
        "Computed from stored data on each request.",
        responses={
            200: ok(SourceTrackRecordSerializer, "The track record."),
            **errors(*DETAIL_ERRORS, 400),
        },
    )
    @action(detail=True, methods=["get"], url_path="track-record")
    def track_record(self, request: Request, pk: str) -> Response:
        refuse_unknown_parameters(request, set())
        source = self.get_object()
        affiliation = source_track_record(source, affiliation=True) if has_members(source) else None
        data = SourceTrackRecordSerializer(
            SourceTrackRecordSerializer.build(source, source_track_record(source), affiliation)
        ).data
        return Response(data)
