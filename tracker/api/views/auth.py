"""Tokens for scripts and tools: log in once with a password, then send the token.

Each token is named for the tool that holds it, expires (``API_TOKEN_LIFETIME_DAYS``)
and can be revoked on its own; its key is shown once, when it is made.
"""

from django.contrib.auth import authenticate
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api.query_parameters import refuse_unknown_parameters
from tracker.api.schema import CURRENT, errors, ok
from tracker.api.security import log_security_event
from tracker.api.serializers.auth import (
    ApiTokenSerializer,
    NewTokenSerializer,
    TokenCreateSerializer,
    TokenLoginSerializer,
)
from tracker.api.throttling import AuthRateThrottle
from tracker.models import ApiToken
from tracker.services.api_tokens import api_token_create, api_token_revoke

DEFAULT_NAME = "password login"
NEW_TOKEN = "The new token, with its key: store it now, it is not shown again."


def _new_token(user, *, name: str, lifetime_days: int | None = None) -> dict:
    token, key = api_token_create(actor=user, user=user, name=name, lifetime_days=lifetime_days)
    token.key = key
    return NewTokenSerializer(token).data


class TokenView(APIView):
    # Its name in the write protocol (tracker.api.write_protocol).
    basename = "token"
    throttle_classes = [AuthRateThrottle]

    def get_permissions(self):
        # Logging in is what an anonymous client does; logging out needs a session or token.
        if self.request.method == "POST":
            return [AllowAny()]
        return [IsAuthenticated()]

    @extend_schema(
        summary="Log in: exchange a username and password for a new token",
        description=(
            "Each login makes a new token, named by `name`, which expires after the "
            "server's token lifetime (30 days unless configured). The key is shown only "
            "in this response. Failed attempts are logged and rate-limited per client "
            "address and per username."
        ),
        request=TokenLoginSerializer,
        responses={200: ok(NewTokenSerializer, NEW_TOKEN), **errors(400, 413, 429)},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        serializer = TokenLoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        username = serializer.validated_data["username"]
        user = authenticate(
            request._request, username=username, password=serializer.validated_data["password"]
        )
        if user is None or not user.is_active:
            log_security_event(request, "login failed", "bad credentials", username=username)
            return Response(
                {"non_field_errors": ["Unable to log in with these credentials."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(_new_token(user, name=serializer.validated_data.get("name", DEFAULT_NAME)))

    @extend_schema(
        summary="Log out: revoke the token this request is signed with",
        description="Your other tokens stay valid; revoke one with DELETE /api/auth/tokens/{id}/.",
        responses={204: OpenApiResponse(None, "Revoked."), **errors(401, 429)},
    )
    def delete(self, request: Request) -> Response:
        if isinstance(request.auth, ApiToken):
            api_token_revoke(actor=request.user, token=request.auth, reason="logged out")
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenListView(APIView):
    # Tokens are credentials, not versioned objects: the write protocol's "token" rows.
    basename = "token"
    permission_classes = [IsAuthenticated]
    # Its name in the write protocol: tokens are credentials, not versioned resources.

    @extend_schema(
        summary="Your tokens, live and revoked (never their keys)",
        responses={200: ok(ApiTokenSerializer(many=True), CURRENT), **errors(401)},
    )
    def get(self, request: Request) -> Response:
        refuse_unknown_parameters(request, set())
        tokens = ApiToken.objects.filter(user=request.user)
        return Response(ApiTokenSerializer(tokens, many=True).data)

    @extend_schema(
        summary="Make another token, for another tool",
        description=(
            "With a signed-in session only: a token cannot make tokens, or a stolen one "
            "could outlive its expiry (403). Logging in with your password "
            "(POST /api/auth/token/) makes a token too. The key is shown only in this response."
        ),
        request=TokenCreateSerializer,
        responses={201: ok(NewTokenSerializer, NEW_TOKEN), **errors(400, 401, 403, 413, 429)},
    )
    def post(self, request: Request) -> Response:
        if isinstance(request.auth, ApiToken):
            raise PermissionDenied(
                "A token cannot make tokens; log in with your password (POST /api/auth/token/) "
                "or use the admin."
            )
        serializer = TokenCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = _new_token(request.user, **serializer.validated_data)
        return Response(data, status=status.HTTP_201_CREATED)


class TokenDetailView(APIView):
    basename = "token"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Revoke one of your tokens",
        description="Revoking a token that is already revoked changes nothing.",
        responses={204: OpenApiResponse(None, "Revoked."), **errors(401, 404, 429)},
    )
    def delete(self, request: Request, pk: int) -> Response:
        token = get_object_or_404(ApiToken, pk=pk, user=request.user)
        api_token_revoke(actor=request.user, token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)
