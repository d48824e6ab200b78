"""A write that could not get the database in time is a 503 with Retry-After, never a 500.

SQLite serializes writers: a write waits for the lock up to its busy timeout
(5 s, settings.DATABASES) and then fails with "database is locked". On
PostgreSQL a transaction that keeps losing deadlocks after its retries fails
the same way. Neither is the client's fault nor a bug: the client should try
again shortly. The API's exception handler answers these in its own JSON; this
middleware answers everything else (the admin).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from tracker.services._boundary import is_lock_timeout, is_lost_race

RETRY_AFTER_SECONDS = 5
BUSY_MESSAGE = "The database is busy with another write; nothing was saved. Try again shortly."


def is_busy(error: BaseException) -> bool:
    return is_lock_timeout(error) or is_lost_race(error)


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        response = HttpResponse(BUSY_MESSAGE, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
