"""One place that writes the security log: failed logins, 401s, 403s, throttling."""

import logging

from rest_framework.request import Request

logger = logging.getLogger("tracker.security")


def client_address(request: Request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client chose to send
    # unless a trusted proxy rewrites it, and the proxy logs the real address.
    return request.META.get("REMOTE_ADDR", "") or "-"


def log_security_event(request: Request, event: str, detail: str, *, username: str = "") -> None:
    user = getattr(request, "_user", None) if hasattr(request, "_user") else None
    if not username and user is not None and user.is_authenticated:
        username = user.get_username()
    logger.warning(
        "%s: %s %s user=%s ip=%s: %s",
        event,
        request.method,
        request.get_full_path(),
        username or "-",
        client_address(request),
        detail,
    )
