"""Form widgets rendered as Django renders them, with their attributes written in Python.

Every widget of every form (an admin list's fifty row checkboxes, the claim
page's seven fields per account) writes its HTML attributes through
``django/forms/widgets/attrs.html``: a template loop over a dozen attributes,
run some two hundred times a page, and a quarter of what the claims list
spent rendering. ``WidgetRenderer`` is Django's own form renderer with that
one template replaced by ``{% widget_attrs %}``, which writes the same text
(``tests/test_form_rendering.py`` holds it to Django's template). Every other
widget template is Django's.
"""

from __future__ import annotations

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData

OVERRIDES = Path(__file__).resolve().parent / "form_templates"
DJANGO_FORMS = Path(django.forms.__file__).resolve().parent / "templates"


def html_attributes(attrs: dict) -> str:
    """What Django's attrs.html writes for ``attrs``: ` name="value"`, or ` name` for True."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}")
        if value is not True:
            # stringformat:"s" (str), then autoescape, which leaves text already marked safe.
            text = str(value)
            parts.append(f'="{text if isinstance(value, SafeData) else conditional_escape(text)}"')
    return "".join(parts)


class WidgetRenderer(DjangoTemplates):
    @cached_property
    def engine(self):
        # As Django's renderer, with the overrides looked up first.
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OVERRIDES, DJANGO_FORMS],
                "NAME": "djangoforms",
                "OPTIONS": {"builtins": ["tracker.templatetags.widget_attrs"]},
            }
        )
