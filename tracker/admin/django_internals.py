"""Every place the admin's service framework (admin/base.py) leans on Django internals.

Django's admin saves forms itself; ``tracker.admin.base`` makes it hand the
values to the services instead. That rests on four things Django uses but
does not document as API, all kept here so a Django upgrade has one place to
look, and ``tests/admin/test_django_internals.py`` fails loudly if one of
them changes:

1. ``ModelForm._post_clean``: the hook in which a ModelForm builds its
   instance (``construct_instance``) and runs ``Model.full_clean``, reporting
   errors through ``ModelForm._update_errors``. The services validate, so
   ``ModelFormWithoutModelValidation`` builds the instance and skips the rest.
2. ``Model._state``: ``adding`` and ``db`` tell Django (related managers, the
   admin's redirect and inlines) that an instance is stored. ``mark_saved``
   sets them on the admin's form instance after a service saved the row.
3. ``ModelAdmin.changeform_view`` runs the whole save (``save_model``,
   ``save_related``) inside one ``transaction.atomic`` block, so an exception
   raised there rolls everything back before it reaches the caller.
   ``ServiceAdminMixin.changeform_view`` catches ``ServiceRejected`` outside
   that block; no code here, the test holds Django to it.
4. ``new_objects``, ``changed_objects`` and ``deleted_objects``: the lists a
   model formset's ``save()`` leaves and the admin's change message reads.
   ``record_formset_*`` fill them when the services did the saving.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import construct_instance


class ModelFormWithoutModelValidation(forms.ModelForm):
    """A ModelForm whose instance is built from the cleaned data without ``Model.full_clean``.

    Form fields still check types, lengths and required values; ``post_clean``
    is the hook for what a subclass adds after the instance is built.
    """

    def _post_clean(self) -> None:
        opts = self._meta
        try:
            self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)
        except ValidationError as error:
            self._update_errors(error)
        self.post_clean()

    def post_clean(self) -> None:
        pass


def mark_saved(target: models.Model, saved: models.Model) -> None:
    """Make ``target`` an instance of the row ``saved`` is (same values, stored, same database)."""
    for field in saved._meta.concrete_fields:
        setattr(target, field.attname, getattr(saved, field.attname))
    target._state.adding = False
    target._state.db = saved._state.db


def record_formset_start(formset: forms.BaseModelFormSet) -> None:
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []


def record_formset_added(formset: forms.BaseModelFormSet, obj: models.Model) -> None:
    formset.new_objects.append(obj)


def record_formset_changed(
    formset: forms.BaseModelFormSet, obj: models.Model, changed: list[str]
) -> None:
    formset.changed_objects.append((obj, changed))


def record_formset_deleted(formset: forms.BaseModelFormSet, obj: models.Model) -> None:
    formset.deleted_objects.append(obj)
