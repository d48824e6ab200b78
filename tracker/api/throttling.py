"""Rate limits on writes and on logging in.

DRF's throttles read their rates once, when the class is defined; these read
them on each request from ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` so a
deployment (or a test) can change them through settings. A scope whose rate
is None is not throttled.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class _RateFromSettings(SimpleRateThrottle):
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class WriteRateThrottle(_RateFromSettings):
    """Writes per user (or per address for the anonymous, who are refused anyway)."""

    scope = "writes"

    def allow_request(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        if request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AuthRateThrottle(_RateFromSettings):
    """Login attempts per client address, against password guessing."""

    scope = "auth"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
