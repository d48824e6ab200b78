"""What the OpenAPI schema says about errors, headers and parameters every view shares."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_view_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, for a person to read.")


FIELD_ERRORS = {
    "type": "object",
    "description": "Messages per field; `non_field_errors` for the body as a whole.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}

_ERRORS = {
    400: OpenApiResponse(FIELD_ERRORS, "Invalid input: malformed JSON, a wrong type, an "
                         "unknown choice or field, or a rule a service enforces."),
    401: OpenApiResponse(ErrorSerializer, "Not signed in, or the token is invalid."),
    403: OpenApiResponse(ErrorSerializer, "Signed in, but your role may not do this."),
    404: OpenApiResponse(ErrorSerializer, "No such object (or an invalid cursor)."),
    412: OpenApiResponse(ErrorSerializer, "If-Match names an old version: the resource "
                         "changed since you read it. The response's ETag is the current one."),
    413: OpenApiResponse(ErrorSerializer, "The request body exceeds the upload limit."),
    428: OpenApiResponse(ErrorSerializer, "If-Match is missing (or `*`)."),
    429: OpenApiResponse(ErrorSerializer, "Too many requests; retry after the given time."),
}  # fmt: skip


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: _ERRORS[code] for code in codes}


READ_ERRORS = (401, 403)
DETAIL_ERRORS = (401, 403, 404)
WRITE_ERRORS = (400, 401, 403, 413, 429)
CONDITIONAL_ERRORS = (400, 401, 403, 404, 412, 413, 428, 429)

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


class TrackerAutoSchema(AutoSchema):
    """drf-spectacular's schema, with every path id described.

    Ids are matched by the ``int`` path converter; drf-spectacular types them
    from the converter but then leaves their description empty.
    """

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        model = get_view_model(self.view, emit_warnings=False)
        noun = model._meta.verbose_name if model is not None else "object"
        for parameter in parameters:
            if parameter["name"] == "id" and not parameter.get("description"):
                parameter["description"] = f"The id of the {noun}."
        return parameters
