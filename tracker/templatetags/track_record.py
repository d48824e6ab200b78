"""Formatting for the track-record tables."""

from django import template

register = template.Library()


@register.filter
def thousands(value: int) -> str:
    """1234567 as "1,234,567": counts at archive scale read at a glance."""
    return f"{value:,}"
