"""Renderers beyond plain JSON: JSON-LD for ClaimReview, CSV for exports."""

from rest_framework.renderers import BaseRenderer, JSONRenderer


class JSONLDRenderer(JSONRenderer):
    """schema.org JSON-LD; the body is ordinary JSON with ``@context``."""

    media_type = "application/ld+json"
    format = "jsonld"


class CSVRenderer(BaseRenderer):
    """Lets content negotiation accept ``text/csv``; the export view streams the body itself.

    Errors raised before streaming (401, 403, a bad filter) are rendered as
    plain text, since their data is a dict, not rows.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if isinstance(data, dict):
            return "\n".join(f"{key}: {value}" for key, value in data.items()).encode()
        return str(data or "").encode()
