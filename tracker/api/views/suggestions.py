"""Suggested accounts and their review: list, read, correct, accept, reject.

Suggestions come from the extractor only (``POST /api/documents/``), so there
is no create and no delete: a rejected suggestion stays on record. Every
decision goes through ``tracker.services.suggestions``, which accepts through
the same services as manual entry, so the event's findings refresh.

``PATCH``, accepting and rejecting need If-Match, as every change of an
existing object does (``tracker.api.write_protocol``): a reviewer who accepts
what they read is told (412) if a colleague corrected it meanwhile.
"""

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.filters import SuggestionFilter
from tracker.api.schema import (
    CREATED,
    CURRENT,
    ETAG,
    WRITE_ERRORS,
    errors,
    list_schema,
    ok,
    retrieve_schema,
    update_schema,
)
from tracker.api.serializers.accounts import AccountSerializer
from tracker.api.serializers.suggestions import (
    SuggestedAccountDetailSerializer,
    SuggestedAccountSerializer,
    SuggestionAcceptSerializer,
    SuggestionEditSerializer,
    SuggestionRejectSerializer,
)
from tracker.api.views.base import ListMixin, RetrieveMixin, TrackerViewSet
from tracker.models import Suggestion
from tracker.selectors.accounts import accounts_with_summaries
from tracker.selectors.suggestions import (
    suggestion_detail_queryset,
    suggestion_list_queryset,
)


@extend_schema_view(
    list=list_schema(
        SuggestedAccountSerializer,
        summary="List suggested accounts",
        description="What the extractor suggested, oldest first, so one document's "
        "suggestions come in text order. `?status=pending` is the review queue.",
    ),
    retrieve=retrieve_schema(
        SuggestedAccountDetailSerializer,
        summary="One suggested account",
        description="With the text around its quote, the proposed new source (when the "
        "speaker matched none), the named parties, the rules that produced it and the "
        "decision.",
    ),
    partial_update=update_schema(
        SuggestionEditSerializer,
        SuggestedAccountDetailSerializer,
        summary="Correct a pending suggestion",
        description="Any of speaker source, stance, intermediary, claim text, aspect, "
        "interval, event, named parties and quote (checked against the document). Every "
        "edit is kept in the suggestion's history. A decided suggestion is read-only (400).",
    ),
)
class SuggestionViewSet(ListMixin, RetrieveMixin, TrackerViewSet):
    permission_model = Suggestion
    # Deciding changes the suggestion; accepting also adds the claim and account
    # (and perhaps sources), which the services check once more.
    action_permissions = {
        "accept": ("tracker.change_suggestion", "tracker.add_account"),
        "reject": ("tracker.change_suggestion",),
    }
    list_serializer_class = SuggestedAccountSerializer
    detail_serializer_class = SuggestedAccountDetailSerializer
    input_serializer_classes = {
        "partial_update": SuggestionEditSerializer,
        "accept": SuggestionAcceptSerializer,
        "reject": SuggestionRejectSerializer,
    }
    filterset_class = SuggestionFilter
    ordering_fields = ["id", "created_at", "decided_at"]
    ordering = ["id"]

    def list_queryset(self):
        return suggestion_list_queryset()

    def detail_queryset(self):
        return suggestion_detail_queryset()

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # PATCH only: a PUT would have to restate what the extractor found.
        with self.write_lock() as suggestion:
            values = self.validated(request.data, partial=True)
            services.suggestion_update(actor=request.user, suggestion=suggestion, **values)
            return self.detail_response(self.fresh(suggestion.pk))

    @extend_schema(
        summary="Accept a suggestion",
        description="Creates (or reuses) the source, the claim and the account, with the "
        "quote located by offsets, through the same services as manual entry, so the "
        "event's findings refresh. The body may carry corrections, as for PATCH; they are "
        "applied first, and nothing is written if any is invalid. The claim is left "
        "unverified. Returns the new account; its `claim` is the claim's id.",
        request=SuggestionAcceptSerializer,
        responses={201: ok(AccountSerializer, CREATED), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str) -> Response:
        with self.write_lock() as suggestion:
            values = self.validated(request.data, partial=True)
            account = services.suggestion_accept(
                actor=request.user, suggestion=suggestion, **values
            )
        account = accounts_with_summaries().get(pk=account.pk)
        return Response(
            AccountSerializer(account, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": self.location(account.pk, "account")},
        )

    @extend_schema(
        summary="Reject a suggestion",
        description="Records who rejected it, when and why; no account is written and the "
        "suggestion stays on record.",
        request=SuggestionRejectSerializer,
        parameters=[ETAG],
        responses={
            200: ok(SuggestedAccountDetailSerializer, CURRENT),
            **errors(*WRITE_ERRORS, 404),
        },
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        with self.write_lock() as suggestion:
            values = self.validated(request.data)
            services.suggestion_reject(actor=request.user, suggestion=suggestion, **values)
        return self.detail_response(self.fresh(suggestion.pk))
