"""Documents: pasted in once (or uploaded as a .txt or .html file), their text fixed, their
quotes highlighted."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from tracker import selectors, services
from tracker.admin import document_versions
from tracker.admin.archive_import import import_archive_view
from tracker.admin.base import HistoryAdmin, ServiceModelForm, service_message
from tracker.admin.display import shorten
from tracker.admin.document_page import DocumentPage
from tracker.models import Document, Event, Source, Suggestion
from tracker.selectors.document_search import document_search
from tracker.services.uploads import declared_type_of, upload_limit, upload_too_large_message

METADATA = ("title", "outlet", "url", "published_at", "retrieved_at")


def _int(value) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 19 else None


# Room for the multipart envelope and the metadata fields around an uploaded file.
MULTIPART_SLACK = 64 * 1024


class DocumentAddForm(ServiceModelForm):
    """The paste box, or a .txt or .html file instead of it."""

    file = forms.FileField(
        required=False,
        allow_empty_file=True,  # the service says why an empty file is no document
        label="Or upload a file",
        help_text="A .txt file or an .html/.htm page saved from the browser (PDF is out of "
        "scope). The file is kept exactly as uploaded; a page's article text becomes the "
        "text. Text files must be UTF-8 unless they start with a byte-order mark.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Either may be left empty now; clean() asks for what the paste still needs.
        for name in ("text", "title"):
            if name in self.fields:
                self.fields[name].required = False
        if "title" in self.fields:
            self.fields[
                "title"
            ].help_text = "Left empty for an uploaded page: the title the page gives itself."

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > upload_limit():
            raise ValidationError(upload_too_large_message(upload.size))
        return upload

    def clean(self):
        cleaned = super().clean()
        has_text = bool((cleaned.get("text") or "").strip())
        has_file = bool(cleaned.get("file")) or "file" in self.errors
        if has_text and has_file:
            raise ValidationError("Paste the text or upload a file, not both.")
        if not has_text and not has_file:
            self.add_error("text", "Paste the full text, or upload a .txt or .html file.")
        if has_text and not (cleaned.get("title") or "").strip() and "title" in self.fields:
            self.add_error("title", "This field is required.")
        return cleaned


class NewEventForm(forms.Form):
    """The new event's fields as the document page proposes them; the service checks them again."""

    name = forms.CharField(max_length=300)
    place = forms.CharField(max_length=300, required=False)
    date_start = forms.DateField(required=False)
    parties = forms.ModelMultipleChoiceField(queryset=Source.objects.all(), required=False)


@admin.register(Document)
class DocumentAdmin(HistoryAdmin):
    list_display = ("title_display", "outlet", "published_at", "account_count", "created_at")
    list_filter = ("title_mismatch", "outlet")
    search_fields = ("title", "working_title", "url", "outlet__name")
    autocomplete_fields = ("outlet",)
    service_fields = (*METADATA, "working_title", "text", "file")
    # Pasted links without a scheme are almost always https today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return selectors.document_list_queryset()

    def get_search_results(self, request, queryset, search_term):
        # The text counts too (selectors.document_search): a report in a script
        # the extractor does not read is found by its words.
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if not search_term.strip():
            return found, duplicates
        by_text = document_search(Document.objects.all(), search_term).values("pk")
        return queryset.filter(Q(pk__in=found.values("pk")) | Q(pk__in=by_text)), duplicates

    def get_object(self, request, object_id, from_field=None):
        # The list defers the text; one document's page reads it, and the rest
        # of what it shows a page at a time, as the request asks.
        field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
        try:
            object_id = field.to_python(object_id)
            document = selectors.document_page_queryset().get(**{field.name: object_id})
        except (Document.DoesNotExist, ValidationError, ValueError):
            return None
        document.page = DocumentPage(request, document)
        return document

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": (*METADATA, "text", "file")})]
        # A mismatched document goes by its working title; the published one stays, marked.
        working = [("Working title", {"fields": ("working_title",)})] if obj.title_mismatch else []
        return [
            *working,
            ("As published", {"fields": ("title", "title_check", *METADATA[1:])}),
            ("Text", {"fields": ("highlighted_text",)}),
            ("Accounts quoting it", {"fields": ("account_list",)}),
            ("Captured from", {"fields": ("capture_list",)}),
            ("Versions of its page", {"fields": ("version_list",)}),
            ("Record", {"fields": ("content_hash", "created_by", "created_at")}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("title_check", "highlighted_text", "account_list", "capture_list",
                "version_list", "content_hash", "created_by", "created_at")  # fmt: skip

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and obj.title_mismatch:
            kwargs.setdefault(
                "help_texts",
                {
                    "working_title": "What the page calls this document, since its published "
                    "title does not fit. Taken from the first sentence; leave it empty to "
                    "take it again."
                },
            )
        if obj is None:
            kwargs.setdefault("form", DocumentAddForm)
            kwargs.setdefault("widgets", {"text": forms.Textarea(attrs={"rows": 20, "cols": 100})})
            kwargs.setdefault(
                "help_texts",
                {"text": "Paste the full text. It cannot be changed later: quotes point into it."},
            )
        return super().get_form(request, obj, change, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # Accounts quote documents by offset; a document stays.
        return False

    def add_view(self, request, form_url="", extra_context=None):
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if request.method == "POST" and declared > upload_limit() + MULTIPART_SLACK:
            # Refused before Django reads (and spools) the body: nothing of it is kept.
            if not self.has_add_permission(request):
                raise PermissionDenied
            messages.error(request, upload_too_large_message(declared))
            return redirect(reverse("admin:tracker_document_add"))
        return super().add_view(request, form_url, extra_context)

    def _upload(self, request, upload, values):
        values.pop("text", None)
        result = services.document_upload(
            actor=request.user,
            name=upload.name or "",
            content=upload.read(),
            declared_type=declared_type_of(upload),
            via="paste",
            **values,
        )
        if not result.document_created:
            # Its text is stored already: the file is another capture of that document.
            request._upload_note = (
                f"The text of {result.capture.file_name} is already stored as document "
                f"#{result.document.pk}; "
                + ("the file was added to it as another capture."
                   if result.capture_created else "this very file was uploaded before.")
            )  # fmt: skip
        elif result.suggestions:
            messages.info(
                request,
                f"{result.suggestions} suggested account(s) are waiting for review below.",
            )
        return result.document

    def response_add(self, request, obj, post_url_continue=None):
        note = getattr(request, "_upload_note", None)
        if note is None:
            return super().response_add(request, obj, post_url_continue)
        messages.info(request, note)
        return redirect(reverse("admin:tracker_document_change", args=[obj.pk]))

    def log_addition(self, request, obj, message):
        if getattr(request, "_upload_note", None) is None:  # nothing was added
            return super().log_addition(request, obj, message)
        return None

    def service_create(self, request, values):
        upload = values.pop("file", None)
        if upload:
            return self._upload(request, upload, values)
        result = services.document_ingest(actor=request.user, via="paste", **values)
        if not result.created:
            raise ValidationError(
                {"text": f"This text is already stored as document #{result.document.pk} "
                 f"({result.document})."}
            )  # fmt: skip
        if result.suggestions:
            messages.info(
                request,
                f"{result.suggestions} suggested account(s) are waiting for review below.",
            )
        return result.document

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and hasattr(obj, "page"):
            context["review"] = obj.page
        if obj is not None:
            # Who is asked to process it (a reporter, say), and the way to ask someone.
            context["current_assignment"] = (
                obj.assignments.filter(ended_at__isnull=True).select_related("assignee").first()
            )
            context["assign_url"] = reverse("admin:tracker_discussion", args=["document", obj.pk])
            context["can_assign"] = request.user.has_perm("tracker.assign_work")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "import-archive/",
                self.admin_site.admin_view(lambda request: import_archive_view(self, request)),
                name="tracker_document_import_archive",
            ),
            path(
                "<path:object_id>/file-under-event/",
                self.admin_site.admin_view(self.file_under_event_view),
                name="tracker_document_file_under_event",
            ),
            path(
                "<path:object_id>/new-event/",
                self.admin_site.admin_view(self.new_event_view),
                name="tracker_document_new_event",
            ),
            path(
                "<path:object_id>/changes/",
                self.admin_site.admin_view(self.changes_view),
                name="tracker_document_changes",
            ),
            path(
                "<path:object_id>/extract/",
                self.admin_site.admin_view(self.extract_view),
                name="tracker_document_extract",
            ),
            *super().get_urls(),
        ]

    def changes_view(self, request, object_id):
        return document_versions.changes_view(self, request, object_id)

    @admin.display(description="captures")
    def capture_list(self, obj: Document):
        return document_versions.captures_html(obj)

    @admin.display(description="versions")
    def version_list(self, obj: Document):
        return document_versions.versions_html(obj)

    def extract_view(self, request, object_id):
        """Suggest accounts for a document stored before extraction ran (seeds, imports)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("tracker.add_document"):
            raise PermissionDenied
        document = self.get_object(request, object_id)
        if document is None:
            raise Http404("No such document.")
        try:
            extraction = services.document_extract(
                actor=request.user, document=document, via="paste"
            )
            messages.success(request, f"{extraction.suggestion_count} account(s) suggested.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(reverse("admin:tracker_document_change", args=[document.pk]))

    def _posted_document(self, request, object_id) -> Document:
        if not request.user.has_perm("tracker.change_suggestion"):
            raise PermissionDenied
        document = self.get_object(request, object_id)
        if document is None:
            raise Http404("No such document.")
        return document

    def _back(self, request, document: Document) -> str:
        wanted = request.POST.get("next", "")
        if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}):
            return wanted
        return reverse("admin:tracker_document_change", args=[document.pk]) + "#suggestions"

    def file_under_event_view(self, request, object_id):
        """File every waiting suggestion (or the one posted) under the chosen event."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        document = self._posted_document(request, object_id)
        event = Event.objects.filter(pk=_int(request.POST.get("event"))).first()
        one = _int(request.POST.get("suggestion"))
        # The service checks the suggestion is a pending one of this document.
        suggestions = None if one is None else [Suggestion(pk=one)]
        try:
            filed = services.document_file_under_event(
                actor=request.user, document=document, event=event, suggestions=suggestions
            )
            messages.success(request, f"Filed {filed} suggestion(s) under “{event}”.")
        except ValidationError as error:
            messages.error(request, f"Nothing was filed. {service_message(error)}")
        return redirect(self._back(request, document))

    def new_event_view(self, request, object_id):
        """Create the event the form proposes and file every waiting suggestion under it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        document = self._posted_document(request, object_id)
        form = NewEventForm(request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                messages.error(request, f"Nothing was created. {field}: {' '.join(errors)}")
            return redirect(self._back(request, document))
        try:
            event = services.event_create_for_document(
                actor=request.user, document=document, **form.cleaned_data
            )
            messages.success(request, f"Created “{event}” and filed the waiting suggestions.")
        except ValidationError as error:
            messages.error(request, f"Nothing was created. {service_message(error)}")
        return redirect(self._back(request, document))

    def service_update(self, request, obj, changes):
        return services.document_update(actor=request.user, document=obj, **changes)

    @admin.display(description="title", ordering="title")
    def title_display(self, obj: Document):
        if obj.title_mismatch:
            return format_html(
                '{} <span class="tracker-warning-tag" title="{}">published as “{}”</span>',
                shorten(obj.display_title, 100),
                "The published title does not match the body; this is the working title.",
                shorten(obj.title, 60),
            )
        return shorten(obj.title, 100) or f"Document {obj.pk}"

    @admin.display(description="accounts", ordering="account_count")
    def account_count(self, obj: Document) -> int:
        return obj.account_count

    @admin.display(description="title check")
    def title_check(self, obj: Document):
        # The warning itself heads the page (change_form.html); here only the verdict.
        if not obj.title_mismatch:
            return "The title shares words with the body."
        return "It shares almost no words with the body (see the note at the top)."

    @admin.display(description="text")
    def highlighted_text(self, obj: Document):
        return render_to_string("admin/tracker/document/includes/text.html", {"page": obj.page})

    @admin.display(description="accounts")
    def account_list(self, obj: Document):
        return render_to_string("admin/tracker/document/includes/accounts.html", {"page": obj.page})
