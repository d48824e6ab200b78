"""Request-level defences shared by the admin and the API.

- ``client_ip``: the address a request came from, trusting X-Forwarded-For
  only as far as ``NUM_PROXIES`` proxies say (the same rule DRF's throttles
  use), for django-axes' lockouts.
- ``LockoutBackend``: django-axes' backend, but only for requests (see there),
  and ``lockout_response``, what a locked-out client is told.
- ``ContentSecurityPolicyMiddleware``: the ``Content-Security-Policy`` header
  from ``SECURE_CSP``, named like Django 6.0's own setting so that upgrading
  means deleting this class.
- ``RejectUndecodableRequestsMiddleware``: a 400 for a query string or form
  body that is not UTF-8 or carries a NUL, before anything reads it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or with N trusted proxies in front, the address the outermost one saw.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so the Nth entry from the right was written by our own
    outermost proxy; anything left of it is whatever the client chose to send.
    None when there is no valid address (axes stores addresses in an IP
    column, which PostgreSQL checks).
    """
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses and _valid_ip(addresses[-min(proxies, len(addresses))]):
            return addresses[-min(proxies, len(addresses))]
    remote = request.META.get("REMOTE_ADDR", "")
    return remote if _valid_ip(remote) else None


def _valid_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class LockoutBackend(AxesStandaloneBackend):
    """Refuses logins from a client that failed too often (django-axes).

    Axes needs the request to know who is asking; a login without one (a
    management command, a shell) has no client to lock out, so this backend
    stands aside and the next one checks the password as usual.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """429 with Retry-After: JSON in the API's error format, the admin's page elsewhere."""
    seconds = round(float(settings.AXES_COOLOFF_TIME) * 3600)
    message = (
        "Too many failed logins for this account from your address. "
        f"Try again in {max(1, round(seconds / 60))} minutes."
    )
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=429)
    else:
        context = {**admin.site.each_context(request), "title": "Too many failed logins",
                   "message": message}  # fmt: skip
        # Rendered now: axes' middleware returns it after the view, past where
        # Django renders template responses.
        response = render(request, "admin/tracker/lockout.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response


class ContentSecurityPolicyMiddleware:
    """Sends ``SECURE_CSP`` ({directive: [sources]}) on every response that has none yet."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.header = "; ".join(
            " ".join([directive, *sources]) for directive, sources in settings.SECURE_CSP.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.header
        return response


def _problem(raw: str) -> str | None:
    """What is wrong with a percent-encoded query string or form body, if anything."""
    # WSGI hands over the raw bytes as latin-1 text; undo that, then the percent-encoding.
    decoded = unquote_to_bytes(raw.encode("latin-1", errors="replace").replace(b"+", b" "))
    try:
        text = decoded.decode("utf-8")
    except UnicodeDecodeError:
        return "is not valid UTF-8"
    if "\x00" in text:
        return "contains a NUL character"
    return None


FORM_CONTENT_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def _charset_problem(request: HttpRequest) -> str | None:
    """What is wrong with the charset a form body declares, if anything.

    The admin's pages are UTF-8, and so is every form a browser sends from
    them. Django refuses other charsets only where it parses the body, which
    may be inside the CSRF failure view (a 500 then) or a codec that is no
    text encoding at all (``base64``: a LookupError, a 500).
    """
    if request.content_type not in FORM_CONTENT_TYPES:
        return None
    declared = request.content_params.get("charset")
    # Spelled as Django accepts it for urlencoded forms (any other spelling,
    # even "utf8", is a BadRequest there), so both agree on what passes.
    if declared is None or declared.strip().lower() == "utf-8":
        return None
    return f"declares the charset {declared[:40]!r}; form data must be UTF-8 (charset=utf-8)"


class RejectUndecodableRequestsMiddleware:
    """A clear 400 for a query string or form body that is not UTF-8 or carries a NUL.

    Django decodes both with ``errors="replace"``, so invalid UTF-8 would be
    stored as U+FFFD without a word to the sender, and a NUL reaches the
    database, where PostgreSQL refuses it with an error (a 500). A form body
    declared in another charset is refused before anything reads it. JSON
    bodies are the API parser's business: it refuses all of these with a 400
    of its own.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = _problem(request.META.get("QUERY_STRING", ""))
        where = "query string"
        if problem is None:
            problem = _charset_problem(request)
            where = "body"
        if problem is None and request.content_type == "application/x-www-form-urlencoded":
            # Bounded by DATA_UPLOAD_MAX_MEMORY_SIZE: too large is Django's own 400.
            problem = _problem(request.body.decode("latin-1"))
            where = "form data"
        if problem is None:
            return self.get_response(request)
        message = f"The request's {where} {problem}."
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
