"""Errors the API answers with, and the handler that shapes and logs them.

Services raise Django's ``ValidationError`` (with field names) and
``PermissionDenied``; here they become a 400 with per-field messages and a
403, exactly as DRF's own errors look, so a client reads one format.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from tracker.api.security import log_security_event
from tracker.busy import BUSY_MESSAGE, RETRY_AFTER_SECONDS, is_busy


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Send an If-Match header with the ETag of the version you read."
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = (
        "This resource changed since you read it; fetch it again and reapply your change."
    )
    default_code = "precondition_failed"

    def __init__(self, current_etag: str, detail: str | None = None):
        super().__init__(detail)
        self.current_etag = current_etag


class Gone(exceptions.APIException):
    status_code = status.HTTP_410_GONE
    default_detail = "This no longer exists."
    default_code = "gone"


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "request_too_large"


class DatabaseBusy(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = BUSY_MESSAGE
    default_code = "database_busy"


def field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """A service's ValidationError as DRF's ``{"field": ["message", ...]}``."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): (
                DjangoValidationError(messages).messages
            )
            for field, messages in error.error_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    request = context.get("request")
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(field_errors(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, RequestDataTooBig):
        # Django refused to read the body; left alone it would be an HTML 400.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        exc = RequestTooLarge(f"The request body is too large; at most {limit:,} bytes.")
    elif is_busy(exc):
        exc = DatabaseBusy()

    if request is not None:
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            log_security_event(request, "authentication failed", str(exc.detail))
        elif isinstance(exc, exceptions.PermissionDenied):
            log_security_event(request, "permission denied", str(exc.detail))
        elif isinstance(exc, exceptions.Throttled):
            log_security_event(request, "throttled", str(exc.detail))

    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, PreconditionFailed):
        # The client learns which version is current without another round trip.
        response["ETag"] = exc.current_etag
    if response is not None and isinstance(exc, DatabaseBusy):
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
