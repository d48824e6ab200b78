"""The names table: entities and their aliases, editable by reporters and editors.

The extractor reads it to take "IS", "ISIS", "Daesh" and "Islamic State" for
one party and "Deir ez-Zor" and "Deir al-Zour" for one place. Writes go
through ``tracker.services.entities``, which keeps every name and alias
unique across the table. Removing an alias is for editors.
"""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.filters import NamedEntityFilter
from tracker.api.schema import (
    CREATED,
    CURRENT,
    ETAG,
    WRITE_ERRORS,
    create_schema,
    errors,
    list_schema,
    ok,
    retrieve_schema,
    update_schema,
)
from tracker.api.serializers.names import (
    EntityAliasCreateSerializer,
    NamedEntityCreateSerializer,
    NamedEntitySerializer,
    NamedEntityUpdateSerializer,
)
from tracker.api.views.base import (
    CreateMixin,
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
    UpdateMixin,
)
from tracker.models import EntityAlias, NamedEntity
from tracker.selectors.names import entity_list_queryset

ALIAS_ID = OpenApiParameter(
    "alias_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The id of the alias."
)


@extend_schema_view(
    list=list_schema(
        NamedEntitySerializer,
        summary="List the names table",
        description="Parties, places, organisations and people, each with every alias "
        "reports use for it.",
    ),
    retrieve=retrieve_schema(NamedEntitySerializer, summary="One named entity"),
    create=create_schema(
        NamedEntityCreateSerializer,
        NamedEntitySerializer,
        summary="Add a named entity",
        description="A name (and its aliases) already in the table, as a name or an alias, "
        "is refused.",
    ),
    update=update_schema(
        NamedEntityUpdateSerializer,
        NamedEntitySerializer,
        summary="Replace a named entity's fields",
    ),
    partial_update=update_schema(
        NamedEntityUpdateSerializer,
        NamedEntitySerializer,
        summary="Change some of a named entity's fields",
    ),
)
class NamedEntityViewSet(
    ListMixin,
    RetrieveMixin,
    CreateMixin,
    UpdateMixin,
    TrackerViewSet,
):
    permission_model = NamedEntity
    action_permissions = {
        "add_alias": ("tracker.view_namedentity", "tracker.add_entityalias"),
        "remove_alias": ("tracker.view_namedentity", "tracker.delete_entityalias"),
    }
    list_serializer_class = NamedEntitySerializer
    detail_serializer_class = NamedEntitySerializer
    input_serializer_classes = {
        "create": NamedEntityCreateSerializer,
        "update": NamedEntityUpdateSerializer,
        "partial_update": NamedEntityUpdateSerializer,
        "add_alias": EntityAliasCreateSerializer,
    }
    filterset_class = NamedEntityFilter
    ordering_fields = ["name", "id"]
    ordering = ["name"]

    def list_queryset(self):
        return entity_list_queryset()

    def service_create(self, values: dict[str, Any]) -> NamedEntity:
        return services.entity_create(actor=self.request.user, **values)

    def service_update(self, instance: NamedEntity, values: dict[str, Any]) -> None:
        services.entity_update(actor=self.request.user, entity=instance, **values)

    @extend_schema(
        summary="Add an alias",
        description='Another name for the entity ("Daesh" for Islamic State). A name already '
        "in the table is refused.",
        request=EntityAliasCreateSerializer,
        parameters=[ETAG],
        responses={201: ok(NamedEntitySerializer, CREATED), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], url_path="aliases")
    def add_alias(self, request: Request, pk: str) -> Response:
        values = self.validated(request.data)
        entity = self.get_object()
        services.entity_alias_add(actor=request.user, entity=entity, name=values["name"])
        return self.detail_response(self.fresh(entity.pk), status_code=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Remove an alias (editors)",
        description="If-Match carries the entity's ETag: the alias list is part of it.",
        request=None,
        parameters=[ALIAS_ID, ETAG],
        responses={200: ok(NamedEntitySerializer, CURRENT), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["delete"], url_path="aliases/<int:alias_id>")
    def remove_alias(self, request: Request, pk: str, alias_id: int) -> Response:
        with self.write_lock() as entity:
            alias = get_object_or_404(EntityAlias, pk=alias_id, entity=entity)
            services.entity_alias_remove(actor=request.user, alias=alias)
            return self.detail_response(self.fresh(entity.pk))
