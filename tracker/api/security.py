"""One place that writes the security log: failed logins, 401s, 403s, throttling."""

import logging
import unicodedata

from rest_framework.request import Request

logger = logging.getLogger("tracker.security")

# Control characters and line or paragraph separators: any of them in a
# username or a path could end a log line early and forge the next one.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def _escape_char(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if unicodedata.category(char) not in _UNSAFE_CATEGORIES:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def log_safe(value: object) -> str:
    """``value`` as one line of text: control characters and backslashes escaped.

    Backslashes are escaped too, so a client cannot write a literal ``\\n``
    that reads like an escaped newline. Letters of any script pass unchanged.
    """
    text = str(value)
    if text.isprintable() and "\\" not in text:
        return text
    return "".join(_escape_char(char) for char in text)


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
        log_safe(request.method),
        log_safe(request.get_full_path()),
        log_safe(username or "-"),
        log_safe(client_address(request)),
        log_safe(detail),
    )
