"""Tokens for scripts and tools: log in once with a password, then send the token."""

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api.schema import CURRENT, errors, ok
from tracker.api.security import log_security_event
from tracker.api.serializers.auth import TokenLoginSerializer, TokenSerializer
from tracker.api.throttling import AuthRateThrottle


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
        summary="Log in: exchange a username and password for a token",
        description="Failed attempts are logged and rate-limited per client address.",
        request=TokenLoginSerializer,
        responses={200: ok(TokenSerializer, CURRENT), **errors(400, 413, 429)},
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
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "username": user.get_username()})

    @extend_schema(
        summary="Log out: revoke your token",
        responses={204: OpenApiResponse(None, "Revoked."), **errors(401, 429)},
    )
    def delete(self, request: Request) -> Response:
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
