from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.filters import FlagFilter
from tracker.api.schema import (
    CURRENT,
    ETAG,
    WRITE_ERRORS,
    errors,
    list_schema,
    ok,
    retrieve_schema,
)
from tracker.api.serializers.flags import FlagResolveSerializer, FlagSerializer
from tracker.api.views.base import (
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
)
from tracker.models import Claim, Flag
from tracker.selectors.flags import flag_list_queryset


@extend_schema_view(
    list=list_schema(
        FlagSerializer,
        summary="List flags",
        description="Raise one with POST /api/claims/{id}/flags/.",
    ),
    retrieve=retrieve_schema(FlagSerializer, summary="One flag"),
)
class FlagViewSet(ListMixin, RetrieveMixin, TrackerViewSet):
    permission_model = Flag
    action_permissions = {"resolve": ("tracker.resolve_flag",)}
    list_serializer_class = FlagSerializer
    detail_serializer_class = FlagSerializer
    input_serializer_classes = {"resolve": FlagResolveSerializer}
    filterset_class = FlagFilter
    ordering_fields = ["raised_at", "id"]
    ordering = ["-raised_at"]

    def list_queryset(self):
        return flag_list_queryset()

    @extend_schema(
        summary="Resolve a flag (editors)",
        request=FlagResolveSerializer,
        parameters=[ETAG],
        responses={200: ok(FlagSerializer, CURRENT), **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"])
    def resolve(self, request: Request, pk: str) -> Response:
        with self.write_lock() as flag:
            values = self.validated(request.data)
            services.flag_resolve(actor=request.user, flag=flag, note=values["note"])
            return self.detail_response(self.fresh(flag.pk))

    def lock_rows(self) -> None:
        # The claim's row before the flag's, the order flag_raise and
        # flag_resolve take them in, so a resolve here never waits the other
        # way round on one from the admin.
        claim = Flag.objects.filter(pk=self.kwargs["pk"]).values("claim_id")
        list(Claim.objects.select_for_update().filter(pk__in=claim).values("pk"))
        super().lock_rows()
