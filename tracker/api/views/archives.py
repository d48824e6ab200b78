"""POST /api/archives/: a web archive (WARC, WARC.gz, WACZ) up to the upload limit.

Larger archives are refused before their body is read, with a pointer to
``manage.py ingest``, which streams any size. Each HTML page becomes a
capture and a document in a transaction of its own, as the command does, so
the answer lists what was stored and every record refused with its reason.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api.exceptions import RequestTooLarge
from tracker.api.parsers import BoundedJSONParser
from tracker.api.schema import errors
from tracker.models import Document
from tracker.services.archives import (
    ArchiveIngestResult,
    archive_ingest,
    archive_too_large_message,
    archive_upload_limit,
)

# Room for the multipart envelope around the file itself.
MULTIPART_SLACK = 64 * 1024


class RefusedRecordSerializer(serializers.Serializer):
    record = serializers.CharField(help_text="The file and byte offset of the record.")
    reason = serializers.CharField()


class ArchiveImportSerializer(serializers.Serializer):
    archive = serializers.CharField(help_text="The uploaded file's name.")
    records = serializers.IntegerField(help_text="Records read in the archive.")
    pages = serializers.IntegerField(help_text="HTML responses (status 200) read whole.")
    documents_created = serializers.IntegerField()
    captures_added = serializers.IntegerField(help_text="New captures of text already stored.")
    already_recorded = serializers.IntegerField(help_text="Captures imported before.")
    suggestions = serializers.IntegerField(help_text="Accounts suggested for review.")
    refused = RefusedRecordSerializer(many=True)


def result_data(result: ArchiveIngestResult) -> dict:
    return {
        "archive": result.name,
        "records": result.tally.records,
        "pages": result.pages,
        "documents_created": result.documents_created,
        "captures_added": result.captures_added,
        "already_recorded": result.already_recorded,
        "suggestions": result.suggestions,
        "refused": [{"record": p.origin, "reason": p.reason} for p in result.problems],
    }


class ArchiveUploadView(APIView):
    # Its name in the write protocol (tracker.api.write_protocol).
    basename = "archive"
    # POST needs tracker.add_document, checked before the body is read.
    permission_model = Document
    # JSON too, only so that a client sending JSON is told to send multipart (400).
    parser_classes = [MultiPartParser, BoundedJSONParser]

    @extend_schema(
        summary="Import a web archive (WARC, WARC.gz or WACZ)",
        description=(
            "Send the file as multipart/form-data in the field `archive`. Each HTML page "
            "(HTTP 200) in it becomes a capture and a document, each on its own: a record "
            "that cannot be read is listed under `refused` and the rest are kept. Archives "
            "over the upload limit are refused with 413 before they are read; import those "
            "on the server with `manage.py ingest FILE`. 400 when nothing in the file could "
            "be imported (not an archive, a WACZ without pages)."
        ),
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"archive": {"type": "string", "format": "binary"}},
                "required": ["archive"],
            }
        },
        responses={
            200: OpenApiResponse(ArchiveImportSerializer, "What was stored and refused."),
            **errors(400, 401, 403, 413, 415, 429),
        },
    )
    def post(self, request: Request) -> Response:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > archive_upload_limit() + MULTIPART_SLACK:
            raise RequestTooLarge(archive_too_large_message(declared))
        upload = request.FILES.get("archive")
        if upload is None:
            raise ValidationError(
                {"archive": ["Send the archive as the multipart field `archive`."]}
            )
        if upload.size > archive_upload_limit():
            raise RequestTooLarge(archive_too_large_message(upload.size))
        result = archive_ingest(
            actor=request.user, name=upload.name, handle=upload, via="api", tool="API upload"
        )
        data = result_data(result)
        if result.pages == 0 and result.problems:
            raise ValidationError({"archive": [p.reason for p in result.problems]})
        return Response(data, status=status.HTTP_200_OK)
