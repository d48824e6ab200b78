"""The admin's web archive upload: up to the upload limit; beyond it, the ingest command."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse

from tracker.services.archives import (
    archive_ingest,
    archive_too_large_message,
    archive_upload_limit,
)

# Room for the multipart envelope around the file itself.
MULTIPART_SLACK = 64 * 1024


class ArchiveUploadForm(forms.Form):
    archive = forms.FileField(help_text="A .warc, .warc.gz or .wacz file.")

    def clean_archive(self):
        upload = self.cleaned_data["archive"]
        if upload.size > archive_upload_limit():
            raise ValidationError(archive_too_large_message(upload.size))
        return upload


def import_archive_view(model_admin, request):
    if not request.user.has_perm("tracker.add_document"):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Import web archive",
        "opts": model_admin.model._meta,
        "limit": archive_upload_limit(),
        "result": None,
    }
    form = ArchiveUploadForm()
    if request.method == "POST":
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > archive_upload_limit() + MULTIPART_SLACK:
            # Refused before Django reads (and spools) the body.
            form.add_error(None, archive_too_large_message(declared))
        else:
            form = ArchiveUploadForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["archive"]
                try:
                    result = archive_ingest(
                        actor=request.user,
                        name=upload.name,
                        handle=upload,
                        via="paste",
                        tool="admin upload",
                    )
                except ValidationError as error:
                    form.add_error("archive", error.messages)
                else:
                    context["result"] = result
                    level = messages.WARNING if result.problems else messages.SUCCESS
                    messages.add_message(request, level, result.summary())
    context["form"] = form
    return TemplateResponse(request, "admin/tracker/document/import_archive.html", context)
