from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tracker import services
from tracker.api.filters import AccountFilter
from tracker.api.schema import (
    WRITE_ERRORS,
    create_schema,
    errors,
    list_schema,
    retrieve_schema,
    update_schema,
)
from tracker.api.serializers.accounts import (
    AccountCreateSerializer,
    AccountSerializer,
    AccountUpdateSerializer,
)
from tracker.api.views.base import (
    CreateMixin,
    ListMixin,
    RetrieveMixin,
    TrackerViewSet,
    UpdateMixin,
)
from tracker.models import Account
from tracker.selectors.accounts import accounts_with_summaries


@extend_schema_view(
    list=list_schema(AccountSerializer, summary="List accounts"),
    retrieve=retrieve_schema(AccountSerializer, summary="One account"),
    create=create_schema(
        AccountCreateSerializer,
        AccountSerializer,
        summary="Add an account of a claim",
        description="The quote must occur verbatim in the document's text: at the offsets "
        "given, or (without offsets) exactly once. Refreshes the event's findings.",
    ),
    update=update_schema(
        AccountUpdateSerializer, AccountSerializer, summary="Replace an account's fields"
    ),
    partial_update=update_schema(
        AccountUpdateSerializer, AccountSerializer, summary="Change some of an account's fields"
    ),
    destroy=extend_schema(
        summary="Remove an account recorded in error (editors)",
        description="Its history stays in the audit trail.",
        responses={
            204: OpenApiResponse(None, "Removed."),
            **errors(*WRITE_ERRORS, 404),
        },
    ),
)
class AccountViewSet(
    ListMixin,
    RetrieveMixin,
    CreateMixin,
    UpdateMixin,
    TrackerViewSet,
):
    permission_model = Account
    list_serializer_class = AccountSerializer
    detail_serializer_class = AccountSerializer
    input_serializer_classes = {
        "create": AccountCreateSerializer,
        "update": AccountUpdateSerializer,
        "partial_update": AccountUpdateSerializer,
    }
    filterset_class = AccountFilter
    ordering_fields = ["updated_at", "created_at", "id"]
    ordering = ["-id"]

    def list_queryset(self):
        return accounts_with_summaries()

    def service_create(self, values: dict[str, Any]) -> Account:
        return services.account_add(actor=self.request.user, **values)

    def service_update(self, instance: Account, values: dict[str, Any]) -> None:
        claim = values.pop("claim", None)
        if claim is not None and claim.pk != instance.claim_id:
            raise ValidationError(
                {"claim": ["An account stays with its claim; add a new account instead."]}
            )
        services.account_update(actor=self.request.user, account=instance, **values)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with self.write_lock() as account:
            services.account_remove(actor=request.user, account=account)
        return Response(status=status.HTTP_204_NO_CONTENT)
