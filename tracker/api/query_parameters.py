"""Every list refuses query parameters it does not know, and choice values it does not offer.

A misspelt filter (``?name=Fire`` for ``?search=Fire``, ``?kind=count_conflit``)
would otherwise be ignored, and the client would read the whole list as the
answer to its question. ``KnownParameters`` is the first filter backend of every
list: it names the unknown parameter and lists the valid ones. The valid ones
are the view's filters, ``ordering`` where the list can be ordered, the
paginator's ``cursor`` and ``page_size``, and ``format`` where the settings
enable format suffixes in the URL.
"""

from typing import Any

from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend, OrderingFilter
from rest_framework.settings import api_settings


def valid_parameters(view: Any, queryset: Any = None) -> set[str]:
    """The query parameters ``view`` understands.

    ``queryset`` is the list's, when the caller has it: building it again
    costs more than the rest of this together.
    """
    names: set[str] = set()
    backends = getattr(view, "filter_backends", None) or []
    for backend_class in backends:
        if issubclass(backend_class, DjangoFilterBackend):
            rows = view.get_queryset() if queryset is None else queryset
            filterset_class = backend_class().get_filterset_class(view, rows)
            if filterset_class is not None:
                names.update(filterset_class.base_filters)
        if issubclass(backend_class, OrderingFilter):
            names.add(backend_class.ordering_param)
    paginator = getattr(view, "paginator", None)
    if paginator is not None:
        for attribute in ("cursor_query_param", "page_query_param", "page_size_query_param"):
            if getattr(paginator, attribute, None):
                names.add(getattr(paginator, attribute))
    if api_settings.URL_FORMAT_OVERRIDE:
        names.add(api_settings.URL_FORMAT_OVERRIDE)
    return names


def refuse_unknown_parameters(request: Any, valid: set[str]) -> None:
    unknown = sorted(set(request.query_params) - valid)
    if not unknown:
        return
    offered = ", ".join(sorted(valid)) if valid else "none"
    raise ValidationError(
        {name: [f"Unknown query parameter. Valid parameters: {offered}."] for name in unknown}
    )


def name_the_choices(form: forms.Form) -> None:
    """Make a choice filter's error list the values it offers."""
    for field in form.fields.values():
        if isinstance(field, forms.ChoiceField):
            offered = ", ".join(str(value) for value, _label in field.choices if value != "")
            field.error_messages["invalid_choice"] = (
                f"“%(value)s” is not one of the valid values: {offered}."
            )


class KnownParameters(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        refuse_unknown_parameters(request, valid_parameters(view, queryset))
        return queryset


class ChoiceNamingFilterBackend(DjangoFilterBackend):
    """django-filter's backend, with choice errors that list the valid values."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is not None:
            name_the_choices(filterset.form)
        return filterset
