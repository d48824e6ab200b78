"""Renderers beyond plain JSON: JSON-LD for ClaimReview, CSV for exports."""

from rest_framework.renderers import BaseRenderer, JSONRenderer

from tracker.api.claimreview import escape_for_script


class JSONLDRenderer(JSONRenderer):
    """schema.org JSON-LD; the body is ordinary JSON with ``@context``.

    Publishers paste JSON-LD into ``<script type="application/ld+json">``, so
    it is written safe for that (``escape_for_script``): the same JSON, with
    ``<``, ``>``, ``&``, U+2028 and U+2029 as ``\\u`` escapes.
    """

    media_type = "application/ld+json"
    format = "jsonld"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        body = super().render(data, accepted_media_type, renderer_context)
        return escape_for_script(body.decode("utf-8")).encode("utf-8")


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
