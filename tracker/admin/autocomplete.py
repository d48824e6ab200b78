"""Autocomplete widgets that name their chosen row from the object the page already holds.

Django's autocomplete widget prints its chosen option by querying for it,
one query per widget: on a claim page, two for every account row (its
source and its document), so the page's queries grew with its accounts. The
rows the page shows are read with their related objects joined in; the
widget here takes the label from that object when the form's value is still
the one it was read with, and queries as Django does otherwise (a form sent
back with another choice). An empty choice needs no row at all.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import models


class LoadedAutocompleteSelect(AutocompleteSelect):
    """An AutocompleteSelect whose chosen option may come from ``loaded`` (pk as text -> row)."""

    loaded: dict[str, models.Model] = {}

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        target = self.field.remote_field
        to_pk = target.field_name == target.model._meta.pk.name
        if not to_pk or not selected <= self.loaded.keys():
            return super().optgroups(name, value, attr)
        default = (None, [], 0)
        if not self.is_required:
            default[1].append(self.create_option(name, "", "", False, 0))
        # Nothing chosen (a new row, an empty field): Django builds a query that
        # cannot match and never sends it; here it is not built either.
        for key in sorted(selected):
            row = self.loaded[key]
            label = self.choices.field.label_from_instance(row)
            # Django passes the set of chosen values as "selected": kept, for the same HTML.
            default[1].append(self.create_option(name, row.pk, label, selected, len(default[1])))
        return [default]


def loaded_widget(db_field: models.ForeignKey, admin_site, using) -> LoadedAutocompleteSelect:
    return LoadedAutocompleteSelect(db_field, admin_site, using=using)


def use_loaded_rows(form: forms.BaseForm) -> None:
    """Let ``form``'s autocomplete widgets name the related rows its instance has loaded."""
    instance = getattr(form, "instance", None)
    if instance is None or instance.pk is None:
        return
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)  # inside the related wrapper
        if not isinstance(widget, LoadedAutocompleteSelect):
            continue
        model_field = instance._meta.get_field(name)
        if not model_field.is_cached(instance):
            continue
        related = getattr(instance, name)
        if related is not None:
            widget.loaded = {str(related.pk): related}
