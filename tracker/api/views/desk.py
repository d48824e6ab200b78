"""The desk over the API: the inbox, assignments, comments and timelines."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker import services
from tracker.api.filters import AssignmentFilter, CommentFilter
from tracker.api.query_parameters import refuse_unknown_parameters
from tracker.api.schema import (
    CREATED,
    CURRENT,
    ETAG,
    READ_ERRORS,
    WRITE_ERRORS,
    errors,
    list_schema,
    ok,
    retrieve_schema,
)
from tracker.api.serializers.desk import (
    AssignmentCreateSerializer,
    AssignmentSerializer,
    CommentCreateSerializer,
    CommentRedactSerializer,
    CommentSerializer,
    InboxItemSerializer,
    TimelineEntrySerializer,
)
from tracker.api.serializers.flags import FlagSerializer
from tracker.api.views.base import ListMixin, RetrieveMixin, TrackerViewSet
from tracker.models import Assignment, Claim, Comment, Event
from tracker.selectors.desk import my_desk, timeline
from tracker.selectors.inbox import (
    MAX_PAGE,
    REASON_BY_KEY,
    REASONS,
    InboxFilter,
    count_label,
    inbox_counts,
    inbox_page,
)


def timeline_response(entries) -> Response:
    return Response(TimelineEntrySerializer(entries, many=True).data)


TIMELINE_SCHEMA = extend_schema(
    summary="The timeline: comments, status changes, flags, accounts and assignments",
    responses={
        200: ok(TimelineEntrySerializer(many=True), "The entries, oldest first."),
        **errors(401, 403, 404),
    },
)


@extend_schema_view(
    list=list_schema(
        CommentSerializer, summary="List comments", description="Filter with ?claim= or ?event=."
    ),
    retrieve=retrieve_schema(CommentSerializer, summary="One comment"),
)
class CommentViewSet(ListMixin, RetrieveMixin, TrackerViewSet):
    permission_model = Comment
    action_permissions = {"redact": ("tracker.view_comment", "tracker.redact_comment")}
    list_serializer_class = CommentSerializer
    detail_serializer_class = CommentSerializer
    input_serializer_classes = {
        "create": CommentCreateSerializer,
        "redact": CommentRedactSerializer,
    }
    filterset_class = CommentFilter
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at"]

    def list_queryset(self):
        return Comment.objects.select_related("author", "redacted_by")

    @extend_schema(
        summary="Comment on a claim or an event",
        description="Comments are append-only: never edited; an editor may redact one.",
        request=CommentCreateSerializer,
        responses={201: ok(CommentSerializer, CREATED), **errors(*WRITE_ERRORS)},
    )
    def create(self, request: Request) -> Response:
        values = self.validated(request.data)
        with transaction.atomic():
            comment = services.comment_add(actor=request.user, **values)
        return self.detail_response(
            self.fresh(comment.pk),
            status_code=status.HTTP_201_CREATED,
            Location=self.location(comment.pk),
        )

    @extend_schema(
        summary="Redact a comment (editors)",
        description="Removes its text for good and records who, when and why.",
        request=CommentRedactSerializer,
        parameters=[ETAG],
        responses={200: ok(CommentSerializer, CURRENT), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"])
    def redact(self, request: Request, pk: str) -> Response:
        with self.write_lock() as comment:
            values = self.validated(request.data)
            services.comment_redact(actor=request.user, comment=comment, reason=values["reason"])
            return self.detail_response(self.fresh(comment.pk))


@extend_schema_view(
    list=list_schema(
        AssignmentSerializer,
        summary="List assignments",
        description="Current and past; filter with ?claim=, ?event=, ?document=, "
        "?assignee= (user id).",
    ),
    retrieve=retrieve_schema(AssignmentSerializer, summary="One assignment"),
)
class AssignmentViewSet(ListMixin, RetrieveMixin, TrackerViewSet):
    permission_model = Assignment
    action_permissions = {"create": ("tracker.assign_work",)}
    list_serializer_class = AssignmentSerializer
    detail_serializer_class = AssignmentSerializer
    input_serializer_classes = {"create": AssignmentCreateSerializer}
    filterset_class = AssignmentFilter
    ordering_fields = ["assigned_at", "id"]
    ordering = ["-assigned_at"]

    def list_queryset(self):
        return Assignment.objects.select_related("assignee", "assigned_by", "ended_by")

    @extend_schema(
        summary="Assign a claim, an event or a document (editors)",
        description="To an editor or a reporter, or to yourself (take it); the current "
        "assignment ends and stays in the history. assignee=null only ends it.",
        request=AssignmentCreateSerializer,
        responses={
            201: ok(AssignmentSerializer, CREATED),
            204: None,
            **errors(*WRITE_ERRORS),
        },
    )
    def create(self, request: Request) -> Response:
        values = self.validated(request.data)
        with transaction.atomic():
            assignment = services.assignment_set(actor=request.user, **values)
        if assignment is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return self.detail_response(
            self.fresh(assignment.pk),
            status_code=status.HTTP_201_CREATED,
            Location=self.location(assignment.pk),
        )


INBOX_PARAMETERS = [
    OpenApiParameter(
        "reason", OpenApiTypes.STR, enum=[r.key for r in REASONS], description="Only this reason."
    ),
    OpenApiParameter("event", OpenApiTypes.INT, description="Only this event's items."),
    OpenApiParameter("mine", OpenApiTypes.BOOL, description="Only what is assigned to me."),
    OpenApiParameter("page_size", OpenApiTypes.INT, description=f"1 to {MAX_PAGE}; 50 if absent."),
    OpenApiParameter("offset", OpenApiTypes.INT, description="Items to skip (next_offset)."),
]


class InboxView(APIView):
    """Everything waiting for an editor, ranked by reason, then oldest first."""

    basename = "inbox"
    permission_model = Claim

    @extend_schema(
        summary="The editors' inbox",
        description="Each item says why it is there. `counts` per reason stop at the "
        'cap (`count_label` reads "1,000+" past it).',
        parameters=INBOX_PARAMETERS,
        responses={
            200: ok(
                inline_serializer(
                    "InboxPage",
                    {
                        "counts": serializers.DictField(child=serializers.DictField()),
                        "results": InboxItemSerializer(many=True),
                        "next_offset": serializers.IntegerField(allow_null=True),
                    },
                ),
                "Counts per reason (capped), the page's items, the next page's offset.",
            ),
            **errors(400, *READ_ERRORS),
        },
    )
    def get(self, request: Request) -> Response:
        refuse_unknown_parameters(request, {"reason", "event", "page_size", "offset", "mine"})
        params = request.query_params
        reason = params.get("reason") or None
        if reason is not None and reason not in REASON_BY_KEY:
            raise ValidationError({"reason": [f"Expected one of: {', '.join(REASON_BY_KEY)}."]})
        numbers = {}
        for name, default in (("event", None), ("page_size", 50), ("offset", 0)):
            raw = params.get(name)
            try:
                numbers[name] = default if raw in (None, "") else int(raw)
            except ValueError:
                raise ValidationError({name: ["Must be a whole number."]}) from None
            if numbers[name] is not None and numbers[name] < (1 if name == "page_size" else 0):
                raise ValidationError({name: ["Too small."]})
        if numbers["page_size"] > MAX_PAGE:
            raise ValidationError({"page_size": [f"At most {MAX_PAGE}."]})
        mine = params.get("mine", "").lower() in ("1", "true", "yes")
        filters = InboxFilter(
            event_id=numbers["event"], assignee_id=request.user.pk if mine else None
        )
        page = inbox_page(
            filters=filters, reason=reason, offset=numbers["offset"], limit=numbers["page_size"]
        )
        counts = inbox_counts(filters)
        return Response(
            {
                "counts": {
                    key: {"count": count, "label": count_label(count)}
                    for key, count in counts.items()
                },
                "results": InboxItemSerializer(page.items, many=True).data,
                "next_offset": page.offset + page.limit if page.has_more else None,
            }
        )


class TimelineView(APIView):
    """One claim's or event's timeline; comments need their own view permission."""

    permission_model: type

    @TIMELINE_SCHEMA
    def get(self, request: Request, pk: int) -> Response:
        refuse_unknown_parameters(request, set())
        if not request.user.has_perm("tracker.view_comment"):
            raise PermissionDenied()
        subject = get_object_or_404(self.permission_model, pk=pk)
        kind = self.permission_model._meta.model_name
        return timeline_response(timeline(**{kind: subject}))


class ClaimTimelineView(TimelineView):
    basename = "claim-timeline"
    permission_model = Claim


class EventTimelineView(TimelineView):
    basename = "event-timeline"
    permission_model = Event


class MyDeskView(APIView):
    """What is assigned to me, my open flags and my documents."""

    basename = "my-desk"
    permission_model = Assignment

    @extend_schema(
        summary="My desk",
        responses={
            200: ok(OpenApiTypes.OBJECT, "Assigned to me, my open flags, my documents."),
            **errors(*READ_ERRORS),
        },
    )
    def get(self, request: Request) -> Response:
        refuse_unknown_parameters(request, set())
        desk = my_desk(user=request.user)
        return Response(
            {
                "assigned": AssignmentSerializer(desk.assigned, many=True).data,
                "flags": FlagSerializer(desk.flags, many=True).data,
                "documents": [
                    {"id": d.pk, "title": d.display_title, "created_at": d.created_at}
                    for d in desk.documents
                ],
            }
        )
