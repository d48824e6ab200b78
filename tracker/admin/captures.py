"""Captures: what each document was read from, read-only; editors purge bytes for a takedown."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from tracker import capture_storage, services
from tracker.admin.base import ReadOnlyAdmin
from tracker.admin.display import admin_link, shorten, user_name
from tracker.models import Capture, CapturePurge
from tracker.selectors.captures import capture_list_queryset


def purge_of(capture: Capture) -> CapturePurge | None:
    # A capture without a purge raises an AttributeError here, which getattr absorbs.
    return getattr(capture, "purge", None)


def content_url(capture: Capture) -> str:
    return reverse("admin:tracker_capture_content", args=[capture.pk])


class PurgeForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        max_length=5000,
        help_text="Why the bytes must go: the court order or legal request. It is kept "
        "with the capture's hash and metadata, which stay.",
    )


@admin.register(Capture)
class CaptureAdmin(ReadOnlyAdmin):
    list_display = ("captured_at", "document_link", "url_short", "origin", "short_hash", "by",
                    "state")  # fmt: skip
    list_filter = ("origin",)
    search_fields = ("url", "sha256", "tool", "file_name")
    date_hierarchy = "captured_at"
    fields = (
        "document", "supersedes", "origin", "sha256", "size", "content_type", "file_name", "url",
        "captured_at", "captured_by", "tool", "http_status", "headers",
        "html_extractor_version", "attribution_extractor_version", "text_sha256",
        "recorded_at", "bytes_link",
    )  # fmt: skip

    def get_queryset(self, request):
        return capture_list_queryset()

    def get_urls(self):
        return [
            path(
                "<path:object_id>/content/",
                self.admin_site.admin_view(self.content_view),
                name="tracker_capture_content",
            ),
            path(
                "<path:object_id>/purge/",
                self.admin_site.admin_view(self.purge_view),
                name="tracker_capture_purge",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = {**(extra_context or {}), "can_purge": request.user.has_perm(
            "tracker.purge_capture")}  # fmt: skip
        return super().change_view(request, object_id, form_url, context)

    def _capture(self, request, object_id) -> Capture:
        if not request.user.has_perm("tracker.view_capture"):
            raise PermissionDenied
        capture = self.get_object(request, object_id)
        if capture is None:
            raise Http404("No such capture.")
        return capture

    def content_view(self, request, object_id):
        """The bytes as stored, as a download: a captured page never runs in the admin."""
        capture = self._capture(request, object_id)
        if purge_of(capture) is not None or not capture_storage.exists(capture.sha256):
            raise Http404("These bytes were purged or are missing.")
        stored = capture_storage.capture_storage().open(
            capture_storage.address(capture.sha256), "rb"
        )
        return FileResponse(
            stored,
            as_attachment=True,
            filename=f"capture-{capture.pk}-{capture.sha256[:12]}",
            content_type="application/octet-stream",
        )

    def purge_view(self, request, object_id):
        capture = self._capture(request, object_id)
        if not request.user.has_perm("tracker.purge_capture"):
            raise PermissionDenied
        back = reverse("admin:tracker_capture_change", args=[capture.pk])
        form = PurgeForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                purges = services.capture_purge(
                    actor=request.user, capture=capture, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    f"The bytes are purged; {len(purges)} capture(s) of them keep their "
                    "hash, metadata and this record.",
                )
                return redirect(back)
        sharing = Capture.objects.filter(sha256=capture.sha256).count()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "media": self.media,
            "title": "Purge a capture's bytes",
            "capture": capture,
            "sharing": sharing,
            "form": form,
            "back": back,
        }
        return TemplateResponse(request, "admin/tracker/capture/purge.html", context)

    @admin.display(description="document", ordering="document_id")
    def document_link(self, obj: Capture):
        return admin_link(obj.document, shorten(obj.document.display_title, 60))

    @admin.display(description="URL", ordering="url")
    def url_short(self, obj: Capture) -> str:
        return shorten(obj.url, 60) or "—"

    @admin.display(description="SHA-256", ordering="sha256")
    def short_hash(self, obj: Capture):
        return format_html('<code title="{}">{}…</code>', obj.sha256, obj.sha256[:12])

    @admin.display(description="captured by")
    def by(self, obj: Capture) -> str:
        who = user_name(obj.captured_by) if obj.captured_by else ""
        return ", ".join(part for part in (who, obj.tool) if part) or "system"

    @admin.display(description="bytes")
    def state(self, obj: Capture):
        if purge_of(obj) is not None:
            return format_html('<span class="tracker-badge tracker-severity-conflict">{}</span>',
                               "purged")  # fmt: skip
        if obj.reconstructed:
            return format_html('<span class="tracker-badge">{}</span>', "reconstructed")
        return "kept"

    @admin.display(description="HTTP headers")
    def headers(self, obj: Capture):
        if not obj.http_headers:
            return "—"
        return format_html(
            "<pre class='tracker-headers'>{}</pre>",
            "\n".join(f"{name}: {value}" for name, value in obj.http_headers),
        )

    @admin.display(description="bytes")
    def bytes_link(self, obj: Capture):
        purge = purge_of(obj)
        if purge is not None:
            return format_html(
                "Purged by {} on {}: {}",
                user_name(purge.purged_by),
                f"{purge.purged_at:%Y-%m-%d %H:%M}",
                purge.reason,
            )
        note = " (reconstructed from the stored text, not what was captured)"
        return format_html(
            '<a href="{}">Download the {} bytes as stored</a>{}',
            content_url(obj),
            f"{obj.size:,}",
            note if obj.reconstructed else "",
        )
