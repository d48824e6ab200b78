"""What every API viewset shares: permissions, ETags, and writes through services.

A viewset subclass declares its querysets (from the selectors), serializers
and ``action_permissions``, and implements ``service_create`` /
``service_update`` / ``service_destroy`` by calling a service. Everything
else (If-Match, locking, re-reading, the response with its ETag and
Location) happens here, the same way for every resource.

Which writes need If-Match is one table, ``tracker.api.write_protocol``;
``initial`` answers 428 for a write the table says needs it and came
without, ``write_lock`` checks the tag (412), and ``finalize_response``
refuses to let such a write succeed without having passed ``write_lock``.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from tracker.api.etag import check_if_match, etag_for, require_if_match
from tracker.api.write_protocol import Precondition, precondition_for, view_write
from tracker.services._boundary import retry_when_lost, settle, write_transaction

# The handlers a write can reach, each wrapped so a lost deadlock runs it again.
WRITE_HANDLERS = ("post", "put", "patch", "delete")


class TrackerViewSet(viewsets.GenericViewSet):
    # Ids only, so "export.csv" and friends never look like a detail route.
    lookup_value_converter = "int"
    permission_model: type[models.Model]
    # action -> permissions it needs, where the HTTP method alone does not say.
    action_permissions: dict[str, tuple[str, ...]] = {}
    list_serializer_class: type[serializers.Serializer]
    detail_serializer_class: type[serializers.Serializer]
    # action -> the serializer that reads its request body.
    input_serializer_classes: dict[str, type[serializers.Serializer]] = {}

    # -- querysets and serializers ----------------------------------------

    def list_queryset(self) -> models.QuerySet:
        raise NotImplementedError

    def detail_queryset(self) -> models.QuerySet:
        return self.list_queryset()

    def get_queryset(self) -> models.QuerySet:
        return self.list_queryset() if self.action == "list" else self.detail_queryset()

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action in self.input_serializer_classes:
            return self.input_serializer_classes[self.action]
        return self.list_serializer_class if self.action == "list" else self.detail_serializer_class

    def get_object(self) -> models.Model:
        # No filter backends here (DRF's get_object applies them): a detail URL
        # names one object, and list defaults such as "not archived" must not hide it.
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, obj)
        return obj

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # No database stores NUL faithfully (PostgreSQL refuses it outright), so a
        # filter value carrying one is a client error, not a 500.
        bad = sorted(
            key
            for key, values in request.query_params.lists()
            if "\x00" in key or any("\x00" in value for value in values)
        )
        if bad:
            raise ValidationError({key: ["Must not contain NUL bytes."] for key in bad})
        # After authentication and permissions (401 and 403 first), before the
        # body is read: a write that must name its version and does not is 428.
        self.version_checked = False
        if self.precondition() is Precondition.IF_MATCH:
            require_if_match(request)
        # A write is the outermost transaction of its request: when it loses a
        # deadlock, the whole handler (If-Match check included) runs again.
        method = request.method.lower()
        if method in WRITE_HANDLERS and hasattr(self, method):
            setattr(self, method, retry_when_lost(getattr(self, method)))

    def precondition(self) -> Precondition | None:
        """What the write protocol asks of this request; None for a read."""
        write = view_write(self, self.request.method)
        return None if write is None else precondition_for(*write)

    def finalize_response(self, request, response, *args, **kwargs):
        if (
            response.status_code < 300
            and self.precondition() is Precondition.IF_MATCH
            and not getattr(self, "version_checked", False)
        ):
            raise ImproperlyConfigured(
                f"{type(self).__name__}.{self.action} needs If-Match and must write "
                "inside write_lock()."
            )
        return super().finalize_response(request, response, *args, **kwargs)

    # -- detail responses and ETags ---------------------------------------

    def detail_data(self, instance: models.Model) -> dict[str, Any]:
        return self.detail_serializer_class(instance, context=self.get_serializer_context()).data

    def detail_response(
        self, instance: models.Model, *, status_code: int = status.HTTP_200_OK, **headers: str
    ) -> Response:
        data = self.detail_data(instance)
        return Response(data, status=status_code, headers={"ETag": etag_for(data), **headers})

    def fresh(self, pk: int) -> models.Model:
        """The object as it now is, read the way a GET reads it."""
        settle()  # inside a write: its findings and suggestions first
        return get_object_or_404(self.detail_queryset(), pk=pk)

    def location(self, pk: int, basename: str | None = None) -> str:
        name = f"api:{basename or self.basename}-detail"
        return reverse(name, kwargs={"pk": pk}, request=self.request)

    @contextmanager
    def write_lock(self) -> Iterator[models.Model]:
        """Lock the row, read it again, check If-Match, all in one transaction.

        The body is read inside the block, after the check: a stale version is
        412 whatever the body says (RFC 9110 evaluates preconditions before
        the content). The service called inside the block writes in the same
        transaction, so a concurrent writer that passed the same If-Match waits
        on the row lock and then finds a new ETag: 412. On SQLite the IMMEDIATE transaction
        takes the database's write lock at BEGIN, to the same effect.
        """
        if self.precondition() is not Precondition.IF_MATCH:
            raise ImproperlyConfigured(
                f"{type(self).__name__}.{self.action} takes write_lock() but the write "
                "protocol does not ask it for If-Match."
            )
        with write_transaction():
            self.lock_rows()
            instance = self.get_object()
            check_if_match(self.request, etag_for(self.detail_data(instance)))
            self.version_checked = True
            yield instance

    def lock_rows(self) -> None:
        """Lock the object's row for the write (a viewset may lock others before it)."""
        model = self.permission_model
        list(model.objects.select_for_update().filter(pk=self.kwargs["pk"]).values("pk"))

    # -- writes through the services ---------------------------------------

    def validated(self, data: Any, *, partial: bool = False) -> dict[str, Any]:
        serializer = self.get_serializer(data=data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def service_create(self, values: dict[str, Any]) -> models.Model:
        raise NotImplementedError

    def service_update(self, instance: models.Model, values: dict[str, Any]) -> None:
        raise NotImplementedError


# The standard actions, one mixin each, so a viewset routes only what it lists
# (DRF's router offers a route for every one of these methods it finds).


class ListMixin:
    def list(self: TrackerViewSet, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        serializer = self.list_serializer_class(
            page, many=True, context=self.get_serializer_context()
        )
        return self.get_paginated_response(serializer.data)


class RetrieveMixin:
    def retrieve(self: TrackerViewSet, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = self.detail_response(self.get_object())
        etag = response["ETag"]
        wanted = request.headers.get("If-None-Match", "")
        # Weak comparison is the rule for If-None-Match (RFC 9110 §13.1.2).
        if etag in {tag.strip().removeprefix("W/") for tag in wanted.split(",")}:
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return response


class CreateMixin:
    # False where the service must run its slow part outside any transaction
    # (a document's extraction) and opens its own short one for the writes.
    create_in_one_transaction = True

    def create(self: TrackerViewSet, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(request.data)
        if self.create_in_one_transaction:
            with write_transaction():
                instance = self.service_create(values)
        else:
            instance = self.service_create(values)
        return self.detail_response(
            self.fresh(instance.pk),
            status_code=status.HTTP_201_CREATED,
            Location=self.location(instance.pk),
        )


class UpdateMixin:
    def update(
        self: TrackerViewSet, request: Request, *args: Any, partial: bool = False, **kwargs: Any
    ) -> Response:
        with self.write_lock() as instance:
            values = self.validated(request.data, partial=partial)
            self.service_update(instance, values)
            return self.detail_response(self.fresh(instance.pk))

    def partial_update(
        self: TrackerViewSet, request: Request, *args: Any, **kwargs: Any
    ) -> Response:
        return self.update(request, *args, partial=True, **kwargs)
