"""What the OpenAPI schema says about errors, headers and parameters every view shares."""

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import (
    ResolvedComponent,
    append_meta,
    build_choice_field,
    get_view_model,
)
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from tracker.api.write_protocol import Precondition, precondition_for, view_write
from tracker.models.entity import EntityKind
from tracker.vocabularies import FindingKind, SuggestionBasis, SuggestionStatus, SuggestionVoice


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, for a person to read.")


# A 400 is either one message (a body that is not JSON at all) or messages per
# field; a list or nested field has its messages per item or subfield.
FIELD_ERRORS = {
    "anyOf": [
        {
            "type": "object",
            "properties": {"detail": {"type": "string"}},
            "required": ["detail"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "description": "Messages per field; `non_field_errors` for the body as a whole.",
            "additionalProperties": {
                "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "object"}]
            },
        },
    ],
}

_ERRORS = {
    400: OpenApiResponse(FIELD_ERRORS, "Invalid input: malformed JSON, a wrong type, an "
                         "unknown choice or field, or a rule a service enforces."),
    401: OpenApiResponse(ErrorSerializer, "Not signed in, or the token is invalid."),
    403: OpenApiResponse(ErrorSerializer, "Signed in, but your role may not do this."),
    404: OpenApiResponse(ErrorSerializer, "No such object (or an invalid cursor)."),
    410: OpenApiResponse(ErrorSerializer, "It existed but was removed; it will not return."),
    412: OpenApiResponse(ErrorSerializer, "If-Match names an old version: the resource "
                         "changed since you read it. The response's ETag is the current one."),
    413: OpenApiResponse(ErrorSerializer, "The request body exceeds the upload limit."),
    415: OpenApiResponse(ErrorSerializer, "The body is not in a media type this operation "
                         "reads (a file upload must be multipart/form-data)."),
    428: OpenApiResponse(ErrorSerializer, "If-Match is missing (or `*`)."),
    429: OpenApiResponse(ErrorSerializer, "Too many requests; retry after the given time."),
}  # fmt: skip


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: _ERRORS[code] for code in codes}


READ_ERRORS = (401, 403)
DETAIL_ERRORS = (401, 403, 404)
WRITE_ERRORS = (400, 401, 403, 413, 429)
# Added to every write the write protocol asks for If-Match (TrackerAutoSchema).
PRECONDITION_ERRORS = (412, 428)

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="The ETag of the version you read (from a GET). Stale: 412; missing: 428.",
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="An ETag you hold: 304 Not Modified if it is still current.",
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="The version of the representation returned; send it back as If-Match.",
)
NOT_MODIFIED = {304: OpenApiResponse(None, "Not modified: your ETag is current.")}


def ok(response, description: str) -> OpenApiResponse:
    return OpenApiResponse(response, description)


PAGE = "A page of results; `next` and `previous` are cursor URLs."
CURRENT = "The resource as it now is."
CREATED = "Created; the Location header names it."


# The standard actions, documented alike on every resource: what each accepts
# and answers follows from the shared mixins (tracker.api.views.base), so it
# is written once here rather than in each view.


def list_schema(serializer, *, summary: str, description: str | None = None):
    """A page of ``serializer``; 400 for a filter or page size it cannot take."""
    return extend_schema(
        summary=summary,
        description=description,
        responses={200: ok(serializer(many=True), PAGE), **errors(400, *READ_ERRORS)},
    )


def retrieve_schema(
    serializer, *, summary: str, description: str | None = None, extra_errors: tuple = ()
):
    """One object with its ETag; 304 when the client's If-None-Match is current."""
    return extend_schema(
        summary=summary,
        description=description,
        parameters=[IF_NONE_MATCH, ETAG],
        responses={
            200: ok(serializer, CURRENT),
            **NOT_MODIFIED,
            **errors(*DETAIL_ERRORS, *extra_errors),
        },
    )


def create_schema(request, serializer, *, summary: str, description: str | None = None):
    return extend_schema(
        summary=summary,
        description=description,
        request=request,
        parameters=[ETAG],
        responses={201: ok(serializer, CREATED), **errors(*WRITE_ERRORS)},
    )


def update_schema(request, serializer, *, summary: str, description: str | None = None):
    """PUT or PATCH (If-Match and its errors come from the write protocol)."""
    return extend_schema(
        summary=summary,
        description=description,
        request=request,
        parameters=[ETAG],
        responses={200: ok(serializer, CURRENT), **errors(*WRITE_ERRORS, 404)},
    )


# Choice sets whose field name another choice set already uses ("kind" of a
# source, "status" of a claim). drf-spectacular names enums after fields and,
# on such a collision, falls back to a hash ("Kind3e5Enum") with a warning
# unless ENUM_NAME_OVERRIDES names them; these are named here, as components
# of their own, so the API's schema stays the API's business.
NAMED_ENUMS: dict[str, type] = {
    "EntityKindEnum": EntityKind,
    "SuggestionStatusEnum": SuggestionStatus,
    "FindingKindEnum": FindingKind,
    "SuggestionBasisEnum": SuggestionBasis,
    "SuggestionVoiceEnum": SuggestionVoice,
}


class TrackerAutoSchema(AutoSchema):
    """drf-spectacular's schema, with every path id described and shared enums named.

    Ids are matched by the ``int`` path converter; drf-spectacular types them
    from the converter but then leaves their description empty. A write the
    write protocol asks for If-Match documents the header and its 412 and 428
    here, from the table, so no view can say otherwise.
    """

    def _needs_if_match(self) -> bool:
        write = view_write(self.view, self.method)
        return write is not None and precondition_for(*write) is Precondition.IF_MATCH

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self._needs_if_match():
            parameters.append(IF_MATCH)
        return parameters

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        _allow_stored_blank(field)
        name = _enum_name(field)
        if name is None:
            return super()._map_serializer_field(field, direction, bypass_extensions)
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, object=name, schema=build_choice_field(field)
        )
        self.registry.register_on_missing(component)
        return append_meta(component.ref, self._get_serializer_field_meta(field, direction))

    def _insert_field_validators(self, field, schema):
        # After drf-spectacular's validators, which would give a URL its format again.
        super()._insert_field_validators(field, schema)
        if _may_be_blank_url(field):
            schema.update(_blank_url(schema))
            schema.pop("format", None)

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self._needs_if_match():
            for code in PRECONDITION_ERRORS:
                error = _ERRORS[code]
                responses[str(code)] = self._get_response_for_code(
                    error, str(code), None, direction
                )
        # Every paginated list refuses a bad ?page_size or filter value (400) and
        # a cursor that does not decode (DRF's 404), whatever its view declares.
        if self._is_list_view() and self._get_paginator():
            for code in ("400", "404"):
                if code not in responses:
                    error = _ERRORS[int(code)]
                    responses[code] = self._get_response_for_code(error, code, None, direction)
        return responses

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        model = get_view_model(self.view, emit_warnings=False)
        noun = model._meta.verbose_name if model is not None else "object"
        for parameter in parameters:
            if parameter["name"] == "id" and not parameter.get("description"):
                parameter["description"] = f"The id of the {noun}."
        return parameters


def _enum_name(field) -> str | None:
    """The component name of a serializer's single-choice field over one of ``NAMED_ENUMS``.

    Only fields bound to a serializer: query parameters (django-filter's fields,
    which drf-spectacular maps through here unbound) keep their inline enums.
    """
    if getattr(field, "parent", None) is None:
        return None
    if not isinstance(field, serializers.ChoiceField) or isinstance(
        field, serializers.MultipleChoiceField
    ):
        return None
    if field.allow_blank or field.allow_null:
        return None
    for name, choices in NAMED_ENUMS.items():
        if dict(field.choices) == dict(choices.choices):
            return name
    return None


def _stored_blank(field) -> bool:
    """Whether the model field behind a serializer field may hold ""."""
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not isinstance(field.source, str):
        return False
    try:
        return model._meta.get_field(field.source).blank
    except FieldDoesNotExist:
        return False


def _may_be_blank_url(field) -> bool:
    if not isinstance(field, serializers.URLField):
        return False
    return field.allow_blank or (field.read_only and _stored_blank(field))


def _blank_url(schema: dict) -> dict:
    """A URL or "": a document without a URL has an empty one, not a malformed one."""
    plain = {key: value for key, value in schema.items() if key != "format"}
    return {**plain, "anyOf": [{"format": "uri"}, {"maxLength": 0}]}


def _allow_stored_blank(field) -> None:
    """Let a read-only choice be "" in the schema when its model field may be blank.

    DRF builds a read-only model field without the model's validation kwargs,
    ``allow_blank`` among them, so the schema would list the choices alone and
    a claim without a unit (``"unit": ""``) would not match its own schema.
    """
    if not isinstance(field, serializers.ChoiceField) or not field.read_only or field.allow_blank:
        return
    if _stored_blank(field):
        field.allow_blank = True
