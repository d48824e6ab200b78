"""Exports a newsroom can publish or open: the ClaimReview feed and CSV."""

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from tracker.api.claimreview import SCHEMA_CONTEXT, claim_review, public_url
from tracker.api.csv_export import csv_lines
from tracker.api.filters import ClaimFilter
from tracker.api.pagination import NewestFirstCursor
from tracker.api.permissions import VerdictsPublicOrModelPermissions
from tracker.api.query_parameters import ChoiceNamingFilterBackend, KnownParameters
from tracker.api.renderers import CSVRenderer, JSONLDRenderer
from tracker.api.schema import errors
from tracker.models import Claim
from tracker.selectors.claims import claim_export_queryset, claimreview_queryset

# Rows fetched (with their accounts) per round trip while streaming the CSV.
CSV_CHUNK = 500


class VerdictCursor(NewestFirstCursor):
    ordering = ("-updated_at", "-id")


class ClaimReviewFeedView(generics.GenericAPIView):
    """Every live claim with a verdict, as schema.org ClaimReview, newest change first."""

    permission_classes = [VerdictsPublicOrModelPermissions]
    permission_model = Claim
    renderer_classes = [JSONLDRenderer, JSONRenderer]
    pagination_class = VerdictCursor
    filter_backends = [KnownParameters]

    def get_queryset(self):
        return claimreview_queryset()

    @extend_schema(
        summary="ClaimReview feed",
        description="A schema.org DataFeed whose elements are ClaimReviews (see "
        "GET /api/claims/{id}/claimreview/), a page at a time: the `Link` header "
        "gives the next and previous pages. Readable without signing in when "
        "TRACKER_PUBLIC_VERDICTS is on.",
        parameters=[
            OpenApiParameter(
                "Link",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                response=[200],
                description='The next and previous pages: <url>; rel="next", <url>; rel="prev".',
            )
        ],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, "A DataFeed of ClaimReviews."),
            **errors(400, 401, 403, 404),
        },
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        reviews = []
        for claim in page:
            api_url = reverse("api:claim-claimreview", kwargs={"pk": claim.pk}, request=request)
            review = claim_review(
                claim, url=public_url(claim, api_url), accounts=claim.api_accounts
            )
            review.pop("@context")
            reviews.append(review)
        # Pages are linked in the Link header (RFC 8288), keeping the body plain
        # schema.org that any JSON-LD consumer reads without unknown terms.
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (
                ("next", self.paginator.get_next_link()),
                ("prev", self.paginator.get_previous_link()),
            )
            if url
        ]
        headers = {"Link": ", ".join(links)} if links else None
        return Response(
            {
                "@context": SCHEMA_CONTEXT,
                "@type": "DataFeed",
                "name": "Verdicts",
                "dataFeedElement": reviews,
            },
            headers=headers,
        )


class ClaimCSVExportView(generics.GenericAPIView):
    """Claims (with the list's filters) and their accounts, one row per account."""

    permission_model = Claim
    renderer_classes = [CSVRenderer, JSONRenderer]
    filterset_class = ClaimFilter
    # The filters only: rows stream in id order, so ?ordering has nothing to
    # choose (and the ordering backend, given no fields, would fail with a 500).
    filter_backends = [KnownParameters, ChoiceNamingFilterBackend]
    pagination_class = None

    def get_queryset(self):
        return claim_export_queryset().order_by("pk")

    @extend_schema(
        summary="Claims and their accounts as CSV",
        description="Takes the claim list's filters. One row per account; a claim without "
        "accounts has one row. Cells that a spreadsheet would run as a formula are "
        "prefixed with an apostrophe.",
        filters=True,
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, "The CSV file."),
            **errors(400, 401, 403),
        },
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        claims = self.filter_queryset(self.get_queryset()).iterator(chunk_size=CSV_CHUNK)
        response = StreamingHttpResponse(csv_lines(claims), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="claims.csv"'
        return response
