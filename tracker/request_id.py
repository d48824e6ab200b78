"""A request id on every request, its log lines and its response.

Each request gets a fresh random id (a client's own is never taken: it could
be chosen to collide with another's or to forge a log line). Every log record
written while the request is served carries it, and every response sends it
back in ``X-Request-ID``; a 500 shows it in its body as well, so an editor who
hits one can quote it and an operator finds its traceback with one grep.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

HEADER = "X-Request-ID"
NO_REQUEST = "-"

_current: ContextVar[str] = ContextVar("tracker_request_id", default=NO_REQUEST)


def current_request_id() -> str:
    return _current.get()


class RequestIdMiddleware:
    """First in MIDDLEWARE, so the id is set before anything can log or fail."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, for the formatter (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page (JSON under /api/), naming the request id to quote."""
    request_id = getattr(request, "request_id", current_request_id())
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": "Server error. Quote this request id when you report it.",
             "request_id": request_id},
            status=500,
        )  # fmt: skip
    # No context processors and no database: whatever broke must not break this too.
    body = loader.get_template("500.html").render({"request_id": request_id})
    return HttpResponse(body, status=500)
