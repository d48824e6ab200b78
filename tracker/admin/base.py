"""What every tracker ModelAdmin shares: writes go through the services.

Django's admin saves forms itself (``form.save()``, ``formset.save()``,
``obj.delete()``). Here the ModelAdmins hand the cleaned values to a service
instead, so the admin meets the same rules, permissions and history as the API
and the management commands.

A service may refuse a write the form thought valid (a quote that is not in
the document, an alias someone else took). That must become a form error, not
a 500, and nothing of the save may stay. So a refusal raises
``ServiceRejected``, which leaves the admin's ``transaction.atomic`` block and
rolls the whole save back; ``changeform_view`` then validates the same POST
again with the services' messages attached to the forms they belong to, and
the page renders them.

What this leans on inside Django is in ``tracker.admin.django_internals``.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    ImproperlyConfigured,
    PermissionDenied,
    ValidationError,
)
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from tracker.admin.autocomplete import loaded_widget, use_loaded_rows
from tracker.admin.django_internals import (
    ModelFormWithoutModelValidation,
    mark_saved,
    record_formset_added,
    record_formset_changed,
    record_formset_deleted,
    record_formset_start,
)
from tracker.admin.row_checkbox import RowCheckbox

ADMIN_CSS = "tracker/admin.css"

# Keyed by form prefix; None is the main form.
ServiceErrors = dict[str | None, ValidationError]


class ServiceRejected(Exception):
    """A service refused part of an admin save; the errors are per form prefix."""

    def __init__(self, errors: ServiceErrors):
        super().__init__(errors)
        self.errors = errors


@contextmanager
def rejected_as(prefix: str | None = None):
    """Turn a service's ValidationError into a ServiceRejected for one form."""
    try:
        yield
    except ValidationError as error:
        raise ServiceRejected({prefix: error}) from error


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach a service's error to ``form``: to the field it names if the form
    has it, else to the form as a whole, prefixed with the field's name."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        messages = ValidationError(errors).messages
        if field in form.fields and field != NON_FIELD_ERRORS:
            form.add_error(field, messages)
        elif field == NON_FIELD_ERRORS:
            form.add_error(None, messages)
        else:
            form.add_error(None, [_labelled(field, message) for message in messages])


def service_message(error: ValidationError) -> str:
    """A service's error as one line for the admin's messages, each part under its field."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return " ".join(
        message if field == NON_FIELD_ERRORS else _labelled(field, message)
        for field, errors in error.error_dict.items()
        for message in ValidationError(errors).messages
    )


def _labelled(field: str, message: str) -> str:
    return f"{field.replace('_', ' ').capitalize()}: {message}"


class ServiceModelForm(ModelFormWithoutModelValidation):
    """A ModelForm that leaves model validation to the services.

    ``Model.full_clean`` would check the same rules again with the database
    constraints' generic messages ("Constraint ... is violated") before the
    service could give its own, field by field. Form fields still check types,
    lengths and required values. ``service_errors`` carries the messages of a
    refused save into the second validation (see the module docstring).
    """

    service_errors: ServiceErrors = {}

    def __init__(self, *args: Any, service_errors: ServiceErrors | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if service_errors is not None:
            self.service_errors = service_errors
        use_loaded_rows(self)

    def post_clean(self) -> None:
        error = self.service_errors.get(self.prefix)
        if error is not None:
            add_service_error(self, error)


def adopt(target: models.Model, saved: models.Model) -> None:
    """Make the admin's unsaved form instance the object the service saved.

    The admin keeps using its own instance after ``save_model`` (inline
    formsets point at it, the redirect reads its pk), so it takes the saved
    object's values in place.
    """
    mark_saved(target, saved)


def form_values(form: forms.BaseForm, names: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """The cleaned values of ``names`` the form has; querysets become lists."""
    values = {}
    for name in names:
        if name in form.cleaned_data:
            value = form.cleaned_data[name]
            values[name] = list(value) if isinstance(value, models.QuerySet) else value
    return values


class LoadedAutocompletes:
    """Autocomplete widgets that name a row's related objects without a query each."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = loaded_widget(db_field, self.admin_site, kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ServiceInline(LoadedAutocompletes):
    """An inline whose rows are written by services, not by ``formset.save()``."""

    form = ServiceModelForm

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # The parent admin's save_formset finds the services through this.
        formset.service_inline = self
        return formset

    def service_add(self, request, parent: models.Model, form: forms.BaseForm) -> models.Model:
        raise NotImplementedError

    def service_update(self, request, obj: models.Model, form: forms.BaseForm) -> None:
        raise NotImplementedError

    def service_remove(self, request, obj: models.Model) -> None:
        raise NotImplementedError


class ServiceAdminMixin(RowCheckbox, LoadedAutocompletes):
    """Saves through ``service_create``/``service_update``; see the module docstring."""

    form = ServiceModelForm
    # Model fields the service takes; the form's other fields are display only.
    service_fields: tuple[str, ...] = ()

    class Media:
        css = {"all": (ADMIN_CSS,)}

    # -- the two-pass save ------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Django's changeform_view saves inside transaction.atomic, so by the
        # time ServiceRejected gets here the save is rolled back (django_internals 3).
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceRejected as rejected:
            errors = dict(rejected.errors)
            # The main form always fails the second pass, so that pass can never save.
            errors.setdefault(None, ValidationError("Nothing was saved; see the errors below."))
            request._service_errors = errors
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        errors = getattr(request, "_service_errors", None)
        if errors is None:
            return form_class
        return type(form_class.__name__, (form_class,), {"service_errors": errors})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        errors = getattr(request, "_service_errors", None)
        if errors is not None and isinstance(inline, ServiceInline):
            kwargs["form_kwargs"] = {"service_errors": errors}
        return kwargs

    # -- writes ----------------------------------------------------------

    def service_create(self, request, values: dict[str, Any]) -> models.Model:
        raise NotImplementedError

    def service_update(self, request, obj: models.Model, changes: dict[str, Any]) -> models.Model:
        raise NotImplementedError

    def changes_from(self, form: forms.BaseForm) -> dict[str, Any]:
        """What an edit changes: the service fields the user touched."""
        values = form_values(form, self.service_fields)
        return {name: value for name, value in values.items() if name in form.changed_data}

    def save_model(self, request, obj, form, change):
        with rejected_as(None):
            if change:
                # The form has already written its values onto ``obj``; a
                # service that compares old and new must see the stored row.
                stored = type(obj)._default_manager.get(pk=obj.pk)
                saved = self.service_update(request, stored, self.changes_from(form))
            else:
                saved = self.service_create(request, form_values(form, self.service_fields))
        adopt(obj, saved)

    def save_related(self, request, form, formsets, change):
        # No form.save_m2m(): many-to-many values went to the service with the rest.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        inline = getattr(formset, "service_inline", None)
        if inline is None:
            raise ImproperlyConfigured(f"{formset.model.__name__} inline must be a ServiceInline.")
        record_formset_start(formset)
        errors: ServiceErrors = {}
        parent = formset.instance
        for row in formset.forms:
            obj = row.instance
            deleting = formset.can_delete and row.cleaned_data.get("DELETE", False)
            try:
                if obj.pk is not None and deleting:
                    inline.service_remove(request, type(obj)._default_manager.get(pk=obj.pk))
                    record_formset_deleted(formset, obj)
                elif obj.pk is None and not deleting and row.has_changed():
                    record_formset_added(formset, inline.service_add(request, parent, row))
                elif obj.pk is not None and row.has_changed():
                    stored = type(obj)._default_manager.get(pk=obj.pk)
                    inline.service_update(request, stored, row)
                    record_formset_changed(formset, obj, row.changed_data)
            except ValidationError as error:
                if not deleting:
                    errors[row.prefix] = error
                    continue
                # A deleted row is not validated again, so its error goes on top.
                messages = [f"{obj} was not removed: {message}" for message in error.messages]
                earlier = errors[None].messages if None in errors else []
                errors[None] = ValidationError(earlier + messages)
        if errors:
            raise ServiceRejected(errors)

    def delete_model(self, request, obj):
        raise ImproperlyConfigured(f"{type(obj).__name__} has no delete service.")

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class HistoryAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    """A service-backed admin whose history pages are for reading.

    simple-history can revert an object to an old version by saving its form;
    that would skip the services (and could bring back a status or a text),
    so reverting is off.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Old versions can be read, not restored.")
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyAdmin(RowCheckbox, admin.ModelAdmin):
    """A list nobody edits here: no add, change or delete, for anyone."""

    class Media:
        css = {"all": (ADMIN_CSS,)}

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
