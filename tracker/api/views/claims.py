"""Claims, and what is done to them: verdicts, flags, archiving, ClaimReview.

DELETE archives a claim (claims are never hard-deleted; the admin does the
same) and answers 200 with the archived claim; POST .../restore/ undoes it.
Archived claims keep their URL and are left out of lists unless
``?archived=yes`` or ``all``.
"""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.claimreview import claim_review, public_url
from tracker.api.etag import etag_for
from tracker.api.filters import ClaimFilter
from tracker.api.permissions import VerdictsPublicOrModelPermissions
from tracker.api.renderers import JSONLDRenderer
from tracker.api.schema import (
    CREATED,
    CURRENT,
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
from tracker.api.serializers.claims import (
    ClaimDetailSerializer,
    ClaimSerializer,
    ClaimWriteSerializer,
)
from tracker.api.serializers.flags import FlagRaiseSerializer, FlagSerializer
from tracker.api.serializers.status_changes import StatusChangeSerializer, StatusSetSerializer
from tracker.api.views.base import (
    CreateMixin,
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
    UpdateMixin,
)
from tracker.models import Claim
from tracker.selectors._built_once import built_once
from tracker.selectors.claims import (
    claim_detail_queryset,
    claim_list_page_queryset,
    claimreview_queryset,
)
from tracker.services._boundary import write_transaction

# The lists' and the detail's queries, built once (see selectors/_built_once.py).
page_rows = built_once(claim_list_page_queryset)
detail_rows = built_once(claim_detail_queryset)

CLAIM_ETAG = OpenApiParameter(
    "Claim-ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[201],
    description="The claim's new ETag, for the next change without another GET.",
)
CLAIMREVIEW = OpenApiResponse(
    OpenApiTypes.OBJECT,
    "A schema.org ClaimReview (JSON-LD): claimReviewed, itemReviewed (a Claim with its "
    "author sources and appearances), reviewRating (ratingValue, bestRating, worstRating, "
    "alternateName), author (the newsroom), datePublished (of the first verdict), "
    "dateModified (of the current verdict), url. claimReviewed is the text as the current "
    "verdict judged it.",
)


@extend_schema_view(
    list=list_schema(
        ClaimSerializer,
        summary="List claims",
        description="Compact rows; archived claims only with ?archived=yes or all.",
    ),
    retrieve=retrieve_schema(
        ClaimDetailSerializer,
        summary="One claim in full",
        description="With its accounts (source, intermediary and document summaries), "
        "findings, open flags, verdict history and the suggested status.",
    ),
    create=create_schema(
        ClaimWriteSerializer,
        ClaimDetailSerializer,
        summary="Add a claim",
        description="A new claim is unverified; its status is set with POST .../status/.",
    ),
    update=update_schema(
        ClaimWriteSerializer,
        ClaimDetailSerializer,
        summary="Replace a claim's fields",
        description="Fields left out take their defaults. The status cannot be changed here.",
    ),
    partial_update=update_schema(
        ClaimWriteSerializer, ClaimDetailSerializer, summary="Change some of a claim's fields"
    ),
    destroy=extend_schema(
        summary="Archive a claim",
        description="Claims are never deleted: DELETE archives (editors only) and returns "
        "the archived claim. POST .../restore/ brings it back.",
        parameters=[ETAG],
        responses={200: ok(ClaimDetailSerializer, CURRENT), **errors(*WRITE_ERRORS, 404)},
    ),
)
class ClaimViewSet(
    ListMixin,
    RetrieveMixin,
    CreateMixin,
    UpdateMixin,
    TrackerViewSet,
):
    permission_model = Claim
    action_permissions = {
        "destroy": ("tracker.archive_claim",),
        "restore": ("tracker.archive_claim",),
        "set_status": ("tracker.set_claim_status",),
        "raise_flag": ("tracker.view_claim", "tracker.add_flag"),
        "claimreview": ("tracker.view_claim",),
    }
    list_serializer_class = ClaimSerializer
    detail_serializer_class = ClaimDetailSerializer
    input_serializer_classes = {
        "create": ClaimWriteSerializer,
        "update": ClaimWriteSerializer,
        "partial_update": ClaimWriteSerializer,
        "set_status": StatusSetSerializer,
        "raise_flag": FlagRaiseSerializer,
    }
    filterset_class = ClaimFilter
    ordering_fields = ["updated_at", "created_at", "id", "status", "independent_sources"]
    ordering = ["-updated_at"]

    def list_queryset(self):
        return page_rows()

    def detail_queryset(self):
        if self.action == "claimreview":
            return claimreview_queryset()
        return detail_rows()

    def service_create(self, values: dict[str, Any]) -> Claim:
        if values.pop("status", None) not in (None, "unverified"):
            raise ValidationError(
                {"status": ["A new claim is unverified; set a verdict with POST .../status/."]}
            )
        return services.claim_create(actor=self.request.user, **values)

    def service_update(self, instance: Claim, values: dict[str, Any]) -> None:
        wanted = values.pop("status", instance.status)
        if wanted != instance.status:
            raise ValidationError(
                {"status": ["Set a status with POST /api/claims/{id}/status/ and a rationale."]}
            )
        services.claim_update(actor=self.request.user, claim=instance, **values)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with self.write_lock() as claim:
            services.claim_archive(actor=request.user, claim=claim)
            return self.detail_response(self.fresh(claim.pk))

    @extend_schema(
        summary="Restore an archived claim",
        request=None,
        parameters=[ETAG],
        responses={200: ok(ClaimDetailSerializer, CURRENT), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, pk: str) -> Response:
        with self.write_lock() as claim:
            services.claim_restore(actor=request.user, claim=claim)
            return self.detail_response(self.fresh(claim.pk))

    @extend_schema(
        summary="Set the verification status (editors)",
        description="Records who, when, from, to and why; every change after the first "
        "needs a rationale. Returns the new status change.",
        request=StatusSetSerializer,
        parameters=[CLAIM_ETAG],
        responses={201: ok(StatusChangeSerializer, CREATED), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], url_path="status")
    def set_status(self, request: Request, pk: str) -> Response:
        with self.write_lock() as claim:
            values = self.validated(request.data)
            change = services.claim_set_status(actor=request.user, claim=claim, **values)
            claim_etag = etag_for(self.detail_data(self.fresh(claim.pk)))
        return Response(
            StatusChangeSerializer(change).data,
            status=status.HTTP_201_CREATED,
            headers={
                "Location": self.location(change.pk, "statuschange"),
                "Claim-ETag": claim_etag,
            },
        )

    @extend_schema(
        summary="Flag a claim",
        description='Typically "could not verify", with a reason and a note. Open until an '
        "editor resolves it (POST /api/flags/{id}/resolve/).",
        request=FlagRaiseSerializer,
        responses={201: ok(FlagSerializer, CREATED), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], url_path="flags")
    def raise_flag(self, request: Request, pk: str) -> Response:
        values = self.validated(request.data)
        claim = self.get_object()
        with write_transaction():
            flag = services.flag_raise(actor=request.user, claim=claim, **values)
        return Response(
            FlagSerializer(flag).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": self.location(flag.pk, "flag")},
        )

    @extend_schema(
        summary="The claim's verdict as schema.org ClaimReview",
        description="Only claims with a verdict (not unverified or in review) and not "
        "archived; others are 404. Readable without signing in when "
        "TRACKER_PUBLIC_VERDICTS is on.",
        responses={200: CLAIMREVIEW, **errors(*DETAIL_ERRORS)},
    )
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=[JSONLDRenderer, JSONRenderer],
        permission_classes=[VerdictsPublicOrModelPermissions],
    )
    def claimreview(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        url = public_url(claim, request.build_absolute_uri())
        return Response(claim_review(claim, url=url, accounts=claim.api_accounts))
