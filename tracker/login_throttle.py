"""Password spraying: failed logins counted per client address, across usernames.

django-axes locks one username at one address; a sprayer tries one password
against many usernames and never trips it. Here every failed login (admin or
API token) from an address counts against that address: ``LOGIN_FAILURE_LIMIT``
failures within ``LOGIN_FAILURE_WINDOW`` seconds refuse its logins with a 429
for ``LOGIN_ADDRESS_LOCKOUT`` seconds. Addresses in ``LOGIN_TRUSTED_NETWORKS``
(a newsroom's own, behind one NAT address) are not counted; axes' per-user
lockout still applies to them.

Counts live in Django's cache, as the API's throttles do: shared by every
worker in production (a database table, see settings_production).
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from tracker.api.security import log_security_event
from tracker.security import client_ip

FAILURES_KEY = "login-failures:{address}"
BLOCKED_KEY = "login-blocked:{address}"


def now() -> float:
    return time.time()


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def trusted_networks() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return _networks(tuple(settings.LOGIN_TRUSTED_NETWORKS))


def _counted_address(request: HttpRequest) -> str | None:
    """The address failures count against, or None for a trusted one."""
    address = client_ip(request)
    if address is None:
        # No valid address at all: such clients share one count, not none.
        return "unknown"
    ip = ipaddress.ip_address(address)
    if any(ip in network for network in trusted_networks()):
        return None
    return address


def seconds_blocked(request: HttpRequest) -> int:
    """How long this client's logins are still refused (0: not at all)."""
    address = _counted_address(request)
    if address is None:
        return 0
    until = cache.get(BLOCKED_KEY.format(address=address))
    if until is None:
        return 0
    return max(0, round(until - now()))


def record_failure(request: HttpRequest) -> None:
    address = _counted_address(request)
    if address is None:
        return
    at = now()
    window = settings.LOGIN_FAILURE_WINDOW
    key = FAILURES_KEY.format(address=address)
    # A sliding window: the times of the failures within it.
    failures = [t for t in cache.get(key, []) if t > at - window] + [at]
    cache.set(key, failures, window)
    if len(failures) >= settings.LOGIN_FAILURE_LIMIT:
        lockout = settings.LOGIN_ADDRESS_LOCKOUT
        cache.set(BLOCKED_KEY.format(address=address), at + lockout, lockout)
        cache.delete(key)
        log_security_event(
            request, "address locked out",
            f"{len(failures)} failed logins in {window} s; refused for {lockout} s",
        )  # fmt: skip


@receiver(user_login_failed, dispatch_uid="tracker.login_throttle.count")
def _count_failed_login(sender, credentials, request=None, **kwargs) -> None:
    # A login without a request (a management command) has no address.
    if request is None:
        return
    if not request.path.startswith("/api/"):
        # The API's token view logs its own failures, with the DRF request.
        username = (credentials or {}).get("username", "")
        log_security_event(request, "login failed", "bad credentials", username=str(username))
    record_failure(request)


def _refusal(request: HttpRequest, seconds: int) -> HttpResponse:
    message = (
        "Too many failed logins from your address. "
        f"Try again in {max(1, round(seconds / 60))} minutes."
    )
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=429)
    else:
        context = {**admin.site.each_context(request), "title": "Too many failed logins",
                   "message": message}  # fmt: skip
        response = render(request, "admin/tracker/lockout.html", context, status=429)
    response["Retry-After"] = str(max(1, seconds))
    return response


class AddressLockoutMiddleware:
    """Refuses logins (POST to the admin's and the API's login) from a locked-out address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self._login_paths: frozenset[str] | None = None

    def login_paths(self) -> frozenset[str]:
        if self._login_paths is None:
            self._login_paths = frozenset({reverse("admin:login"), reverse("api:token")})
        return self._login_paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path in self.login_paths():
            seconds = seconds_blocked(request)
            if seconds:
                log_security_event(request, "login refused", "address locked out")
                return _refusal(request, seconds)
        return self.get_response(request)
