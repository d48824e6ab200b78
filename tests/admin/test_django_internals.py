"""What tracker/admin/django_internals.py relies on in Django: still there, still so.

Each test names one of the module's four points. A failure here after a
Django upgrade means the admin's service framework needs a look before any
other admin test is believed.
"""

import inspect

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.utils import construct_change_message
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import connection
from django.db.models.base import ModelState
from django.forms.models import construct_instance
from django.test import RequestFactory

from tests.factories import UserFactory, make_source
from tracker.admin.django_internals import (
    ModelFormWithoutModelValidation,
    mark_saved,
    record_formset_added,
    record_formset_changed,
    record_formset_deleted,
    record_formset_start,
)
from tracker.models import Event, Source, SourceAlias


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ("name", "kind")


class SourceFormWithoutModelValidation(ModelFormWithoutModelValidation):
    post_cleaned = False

    class Meta:
        model = Source
        fields = ("name", "kind")

    def post_clean(self):
        self.post_cleaned = True


# 1. ModelForm._post_clean, construct_instance, _update_errors ---------------------


def test_post_clean_is_the_hook_full_clean_calls_and_its_helpers_keep_their_shape():
    assert callable(forms.ModelForm._post_clean)
    assert callable(forms.ModelForm._update_errors)
    parameters = list(inspect.signature(construct_instance).parameters)
    assert parameters == ["form", "instance", "fields", "exclude"]


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ("name", "date_start", "date_end")


class EventFormWithoutModelValidation(ModelFormWithoutModelValidation):
    post_cleaned = False

    class Meta:
        model = Event
        fields = ("name", "date_start", "date_end")

    def post_clean(self):
        self.post_cleaned = True


def test_django_validates_the_model_in_post_clean_and_the_override_does_not(db):
    # Dates out of order: only the model's check constraint, run by full_clean, refuses them.
    data = {"name": "Strike", "date_start": "2024-05-02", "date_end": "2024-05-01"}
    plain = EventForm(data)
    assert not plain.is_valid()

    form = EventFormWithoutModelValidation(data)
    assert form.is_valid(), form.errors
    assert form.post_cleaned
    # The instance is built from the cleaned data all the same.
    instance = form.instance
    assert (instance.name, str(instance.date_end), instance.pk) == ("Strike", "2024-05-01", None)


def test_form_field_errors_still_come_first(db):
    form = SourceFormWithoutModelValidation({"name": "", "kind": "nonsense"})
    assert not form.is_valid()
    assert {"name", "kind"} <= set(form.errors)


# 2. Model._state ------------------------------------------------------------------


def test_a_new_instance_is_adding_and_unbound_to_a_database():
    state = Source()._state
    assert isinstance(state, ModelState)
    assert state.adding is True and state.db is None


def test_mark_saved_makes_the_form_instance_the_stored_row(db):
    saved = make_source(name="Reuters")
    target = Source(name="typed in the form", kind="outlet")
    mark_saved(target, saved)
    assert (target.pk, target.name) == (saved.pk, "Reuters")
    assert target._state.adding is False and target._state.db == connection.alias
    # Related managers now work on it and read from its database.
    SourceAlias.objects.create(source=saved, name="Thomson Reuters")
    assert [alias.name for alias in target.aliases.all()] == ["Thomson Reuters"]
    assert target.aliases.all().db == connection.alias
    # And saving it again updates the row rather than inserting another.
    target.description = "Wire agency"
    target.save()
    assert Source.objects.filter(name="Reuters").count() == 1


# 3. The atomic block around ModelAdmin's save --------------------------------------


class FailingSourceAdmin(admin.ModelAdmin):
    fields = ("name", "kind")

    def save_model(self, request, obj, form, change):
        obj.save()
        raise RuntimeError("refused after writing")


def test_an_exception_in_the_admins_save_rolls_the_save_back(db):
    user = UserFactory(is_superuser=True)
    request = RequestFactory().post("/", {"name": "Written then refused", "kind": "outlet"})
    request.user = user
    request._dont_enforce_csrf_checks = True
    request.session = {}
    request._messages = FallbackStorage(request)
    model_admin = FailingSourceAdmin(Source, admin.site)
    with pytest.raises(RuntimeError, match="refused after writing"):
        model_admin.changeform_view(request)
    assert not Source.objects.filter(name="Written then refused").exists()


# 4. The formset's record of what its save did --------------------------------------


def test_the_change_message_reads_the_formset_record(db):
    source = make_source(name="SANA")
    added = SourceAlias.objects.create(source=source, name="Syrian Arab News Agency")
    changed = SourceAlias.objects.create(source=source, name="S.A.N.A.")
    removed = SourceAlias.objects.create(source=source, name="Old name")
    formset = forms.inlineformset_factory(Source, SourceAlias, fields=("name",))(instance=source)
    record_formset_start(formset)
    record_formset_added(formset, added)
    record_formset_changed(formset, changed, ["name"])
    record_formset_deleted(formset, removed)

    form = SourceForm(instance=source)
    form.cleaned_data, form.changed_data = {}, []
    message = construct_change_message(form, [formset], add=False)
    verbs = {next(iter(entry)): entry[next(iter(entry))]["object"] for entry in message}
    assert verbs == {
        "added": "Syrian Arab News Agency",
        "changed": "S.A.N.A.",
        "deleted": "Old name",
    }
