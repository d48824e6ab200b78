"""``{% widget_attrs widget.attrs %}``: a widget's HTML attributes (tracker/form_rendering.py)."""

from django import template
from django.utils.safestring import mark_safe

from tracker.form_rendering import html_attributes

register = template.Library()


@register.simple_tag
def widget_attrs(attrs: dict) -> str:
    # html_attributes escaped every part that needed it.
    return mark_safe(html_attributes(attrs))
