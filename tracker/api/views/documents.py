"""Documents: published reports. Adding one stores it once and suggests its accounts.

``POST`` runs the same ingest as the admin's paste box and the ``ingest``
command (``services.document_ingest``): the text is stored by content hash,
read by the extractor, and its suggested accounts wait for review under
``/api/suggestions/?document={id}``. The 201 response is the document's
detail, whose ``extraction`` and ``suggestions`` say what was found.

``POST /api/documents/upload/`` takes a .txt or .html file instead
(multipart, as ``/api/archives/`` takes archives): ``services.document_upload``
keeps its bytes as the capture and reads its text the same way.
"""

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.exceptions import RequestTooLarge
from tracker.api.filters import DocumentFilter
from tracker.api.parsers import BoundedJSONParser
from tracker.api.schema import (
    DETAIL_ERRORS,
    ETAG,
    PRECONDITION_ERRORS,
    WRITE_ERRORS,
    create_schema,
    errors,
    list_schema,
    ok,
    retrieve_schema,
    update_schema,
)
from tracker.api.serializers.documents import (
    DocumentCreateSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    DocumentUpdateSerializer,
    DocumentUploadSerializer,
)
from tracker.api.serializers.event_candidates import (
    DocumentEventCandidatesSerializer,
    FiledSerializer,
    FileUnderEventSerializer,
    NewEventForDocumentSerializer,
)
from tracker.api.views.base import (
    CreateMixin,
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
    UpdateMixin,
)
from tracker.models import Document
from tracker.selectors.captures import with_captures
from tracker.selectors.documents import (
    document_review_detail_queryset,
    document_review_list_queryset,
)
from tracker.selectors.event_candidates import event_candidates_by_paragraph
from tracker.selectors.event_drafts import event_draft_for_document
from tracker.services.uploads import (
    declared_type_of,
    upload_limit,
    upload_too_large_message,
)

# Room for the multipart envelope and the metadata fields around the file.
MULTIPART_SLACK = 64 * 1024


@extend_schema_view(
    list=list_schema(
        DocumentSerializer,
        summary="List documents",
        description="Published reports, without their text.",
    ),
    retrieve=retrieve_schema(
        DocumentDetailSerializer,
        summary="One document",
        description="With its full text, the accounts that quote it (in text order), what "
        "the extractor set aside (`extraction.noise`) and its suggestions by status.",
    ),
    create=create_schema(
        DocumentCreateSerializer,
        DocumentDetailSerializer,
        summary="Add a document and suggest its accounts",
        description="Stores the text as published (or the visible prose of `html`) and runs "
        "the extractor over it: `suggestions` in the response counts the suggested accounts "
        "and links to them, `extraction` lists the noise set aside and any warnings. Nothing "
        "is verified or accepted automatically. Text already stored is refused (400) with "
        "the number of the document that holds it; nothing is stored on any error.",
    ),
    update=update_schema(
        DocumentUpdateSerializer,
        DocumentDetailSerializer,
        summary="Replace a document's metadata",
        description="The text is fixed once stored: accounts quote it by offset.",
    ),
    partial_update=update_schema(
        DocumentUpdateSerializer,
        DocumentDetailSerializer,
        summary="Change some of a document's metadata",
    ),
)
class DocumentViewSet(
    ListMixin,
    RetrieveMixin,
    CreateMixin,
    UpdateMixin,
    TrackerViewSet,
):
    permission_model = Document
    # Filing moves the document's suggestions: the permission to review them.
    action_permissions = {
        "event_candidates": ("tracker.view_document", "tracker.view_event"),
        "file_under_event": ("tracker.change_suggestion",),
        "new_event": ("tracker.change_suggestion", "tracker.add_event"),
        "upload": ("tracker.add_document",),
    }
    create_in_one_transaction = False
    list_serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    input_serializer_classes = {
        "create": DocumentCreateSerializer,
        "update": DocumentUpdateSerializer,
        "partial_update": DocumentUpdateSerializer,
        "file_under_event": FileUnderEventSerializer,
        "new_event": NewEventForDocumentSerializer,
        "upload": DocumentUploadSerializer,
    }
    filterset_class = DocumentFilter
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at"]

    def list_queryset(self):
        return document_review_list_queryset()

    def detail_queryset(self):
        return with_captures(document_review_detail_queryset())

    def service_create(self, values: dict[str, Any]) -> Document:
        working_title = values.pop("working_title", None)
        result = services.document_ingest(actor=self.request.user, via="api", **values)
        if not result.created:
            # The ingest service hands back the stored copy (the command and the
            # admin link to it); over the API a second POST of the same text is
            # a client error that names the document already holding it.
            field = "html" if "html" in self.request.data else "text"
            stored = result.document
            raise ValidationError(
                {field: [f"This text is already stored as document #{stored.pk} ({stored})."]}
            )
        if working_title is not None:
            # Ingest derives one for a mismatched title; the client's own wins.
            services.document_update(
                actor=self.request.user, document=result.document, working_title=working_title
            )
        return result.document

    def service_update(self, instance: Document, values: dict[str, Any]) -> None:
        services.document_update(actor=self.request.user, document=instance, **values)

    @extend_schema(
        summary="Add a document from a .txt or .html file",
        description="Send the file as multipart/form-data in the field `file`, with the "
        "document's metadata as further fields. The file's bytes are kept untouched as the "
        "document's capture (with its name, content type, who uploaded it and the "
        "extractors' versions); a page's article text, or the text file's text, is stored "
        "and read for suggested accounts as a posted text is. 201 with the new document; "
        "200 with the document that already holds the same text, the file added to it as "
        "another capture (or already recorded). 400, nothing stored, for an empty file, a "
        "PDF or any type but .txt/.html/.htm, bytes that are not text in an encoding that "
        "can be told (UTF-8 unless a byte-order mark or a charset says otherwise), a name "
        "that contradicts the content, or a page with no article text. 413 for a file "
        "over the upload limit (the paste limit), refused before it is read.",
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={
            201: ok(DocumentDetailSerializer, "Created; the Location header names it."),
            200: ok(DocumentDetailSerializer, "Its text was stored already: that document."),
            **errors(400, 401, 403, 413, 415, 429),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="upload",
        # JSON too, only so that a client sending JSON is told to send multipart (400).
        parser_classes=[MultiPartParser, BoundedJSONParser],
    )
    def upload(self, request: Request) -> Response:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > upload_limit() + MULTIPART_SLACK:
            # Refused before the body is read (and spooled to disk).
            raise RequestTooLarge(upload_too_large_message(declared))
        if request.content_type.startswith("application/json"):
            raise ValidationError({"file": ["Send the file as the multipart field `file`."]})
        values = self.validated(request.data)
        upload = values.pop("file")
        if upload.size > upload_limit():
            raise RequestTooLarge(upload_too_large_message(upload.size))
        result = services.document_upload(
            actor=request.user,
            name=upload.name or "",
            content=upload.read(),
            declared_type=declared_type_of(upload),
            via="api",
            **values,
        )
        return self.detail_response(
            self.fresh(result.document.pk),
            status_code=status.HTTP_201_CREATED if result.document_created else status.HTTP_200_OK,
            Location=self.location(result.document.pk),
        )

    @extend_schema(
        summary="Which events a document may be about",
        description="The events that fit the report best first (at most 5), each with its "
        'reasons ("same place: Deir al-Zour = Deir ez-Zor", "1 day apart", "names the '
        'US-led coalition"); per paragraph when its paragraphs point at different events; a '
        "note when none fits or several do (none is chosen); and a new event pre-filled "
        "from the text.",
        responses={
            200: ok(DocumentEventCandidatesSerializer, "The ranking."),
            **errors(*DETAIL_ERRORS),
        },
    )
    @action(detail=True, methods=["get"], url_path="event-candidates")
    def event_candidates(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        found = event_candidates_by_paragraph(document=document)
        data = {
            "candidates": found.candidates,
            "paragraphs": found.paragraphs,
            "note": found.note,
            "new_event": event_draft_for_document(document=document),
        }
        return Response(DocumentEventCandidatesSerializer(data).data)

    @extend_schema(
        summary="File a document's suggestions under an event",
        description="Every pending suggestion of the document, or those listed, is filed "
        "under the event (a claim chosen under another event is let go). Needs If-Match "
        "with the document's ETag, whose `suggestions.by_event` says where they are filed.",
        request=FileUnderEventSerializer,
        parameters=[ETAG],
        responses={
            200: ok(FiledSerializer, "Filed."),
            **errors(*WRITE_ERRORS, *PRECONDITION_ERRORS, 404),
        },
    )
    @action(detail=True, methods=["post"], url_path="file-under-event")
    def file_under_event(self, request: Request, pk: str) -> Response:
        with self.write_lock() as document:
            values = self.validated(request.data)
            filed = services.document_file_under_event(
                actor=request.user, document=document, **values
            )
        return Response(FiledSerializer({"event": values["event"], "filed": filed}).data)

    @extend_schema(
        summary="Create a new event for a document and file its suggestions under it",
        description="For a report no event fits: the event (as `event-candidates` proposes "
        "it, corrected) is created and every pending suggestion filed under it. Needs "
        "If-Match with the document's ETag.",
        request=NewEventForDocumentSerializer,
        parameters=[ETAG],
        responses={
            201: ok(FiledSerializer, "Created and filed."),
            **errors(*WRITE_ERRORS, *PRECONDITION_ERRORS, 404),
        },
    )
    @action(detail=True, methods=["post"], url_path="new-event")
    def new_event(self, request: Request, pk: str) -> Response:
        with self.write_lock() as document:
            values = self.validated(request.data)
            event = services.event_create_for_document(
                actor=request.user, document=document, **values
            )
            filed = document.suggestions.filter(event=event).count()
        return Response(
            FiledSerializer({"event": event, "filed": filed}).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": self.location(event.pk, "event")},
        )
