"""An event's evidence bundle from its admin page: export (editors), and the exports so far."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, StreamingHttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from tracker import services
from tracker.models import Event
from tracker.selectors.bundle_exports import event_bundle_exports


def bundle_url(event_id: int) -> str:
    return reverse("admin:tracker_event_bundle", args=[event_id])


def exports_html(event: Event) -> str:
    return render_to_string(
        "admin/tracker/event/includes/bundle_exports.html",
        {"exports": list(event_bundle_exports(event)[:50])},
    )


def bundle_view(request, object_id):
    """Record the export, then stream the ZIP: nothing of the bundle waits in memory."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm("tracker.export_bundle"):
        raise PermissionDenied
    event = Event.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
    if event is None:
        raise Http404("No such event.")
    exported = services.event_bundle_export(actor=request.user, event=event)
    response = StreamingHttpResponse(exported.chunks(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    response["X-Manifest-SHA256"] = exported.record.manifest_sha256
    return response
