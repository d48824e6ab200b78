"""A document's captures and versions on its page, and what changed between two versions."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse

from tracker.models import Document
from tracker.selectors.captures import (
    capture_list_queryset,
    document_versions,
    text_changes,
)


def changes_url(document_id: int, earlier_id: int) -> str:
    url = reverse("admin:tracker_document_changes", args=[document_id])
    return f"{url}?from={earlier_id}"


def captures_html(document: Document) -> str:
    captures = list(capture_list_queryset().filter(document=document))
    return render_to_string("admin/tracker/document/includes/captures.html", {"captures": captures})


def versions_html(document: Document) -> str:
    versions = document_versions(document)
    rows = [
        {
            "version": version,
            "is_this": version.document_id == document.pk,
            "url": reverse("admin:tracker_document_change", args=[version.document_id]),
            "changes_url": (
                changes_url(version.document_id, version.previous_id) if version.previous_id else ""
            ),
        }
        for version in versions
    ]
    return render_to_string("admin/tracker/document/includes/versions.html", {"rows": rows})


def changes_view(model_admin, request, object_id):
    """What changed in a page's text from an earlier version (``?from=``) to this one."""
    if not request.user.has_perm("tracker.view_document"):
        raise PermissionDenied
    later = get_object_or_404(Document, pk=object_id) if str(object_id).isdigit() else None
    earlier_id = request.GET.get("from", "")
    if later is None or not earlier_id.isdigit():
        raise Http404("Name the earlier version with ?from=<document id>.")
    earlier = get_object_or_404(Document, pk=int(earlier_id))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "media": model_admin.media,
        "title": "What changed",
        "earlier": earlier,
        "later": later,
        "parts": text_changes(earlier.text, later.text),
    }
    return TemplateResponse(request, "admin/tracker/document/changes.html", context)
