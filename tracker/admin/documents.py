"""Documents: pasted in once, their text fixed, their quotes highlighted."""

from functools import cached_property

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from tracker import selectors, services
from tracker.admin.base import HistoryAdmin
from tracker.admin.display import shorten
from tracker.admin.highlight import Span, highlight
from tracker.models import Document, Extraction, Suggestion
from tracker.vocabularies import SuggestionStatus

METADATA = ("title", "outlet", "url", "published_at", "retrieved_at")


class DocumentReview:
    """The review panel of a document page: its suggestions and what was set aside."""

    def __init__(self, request, document_id: int):
        self.document_id = document_id
        self.can_review = request.user.has_perm("tracker.change_suggestion")
        self.can_extract = request.user.has_perm("tracker.add_document")

    @cached_property
    def extraction(self) -> Extraction | None:
        return Extraction.objects.filter(document_id=self.document_id).first()

    @cached_property
    def suggestions(self) -> list[Suggestion]:
        return list(
            Suggestion.objects.filter(document_id=self.document_id)
            .select_related("source", "intermediary", "account")
            .order_by("ordinal")
        )

    @cached_property
    def pending_count(self) -> int:
        return sum(1 for s in self.suggestions if s.status == SuggestionStatus.PENDING)


@admin.register(Document)
class DocumentAdmin(HistoryAdmin):
    list_display = ("title_display", "outlet", "published_at", "account_count", "created_at")
    list_filter = ("title_mismatch", "outlet")
    search_fields = ("title", "url", "outlet__name")
    autocomplete_fields = ("outlet",)
    service_fields = (*METADATA, "text")
    # Pasted links without a scheme are almost always https today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return selectors.document_list_queryset()

    def get_object(self, request, object_id, from_field=None):
        # The list defers the text; one document's page reads it and every account quoting it.
        field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
        try:
            object_id = field.to_python(object_id)
            return selectors.document_detail_queryset().get(**{field.name: object_id})
        except (Document.DoesNotExist, ValidationError, ValueError):
            return None

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": (*METADATA, "text")})]
        return [
            ("As published", {"fields": ("title", "title_check", *METADATA[1:])}),
            ("Text", {"fields": ("highlighted_text",)}),
            ("Accounts quoting it", {"fields": ("account_list",)}),
            ("Record", {"fields": ("content_hash", "created_by", "created_at")}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("title_check", "highlighted_text", "account_list", "content_hash",
                "created_by", "created_at")  # fmt: skip

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs.setdefault("widgets", {"text": forms.Textarea(attrs={"rows": 20, "cols": 100})})
            kwargs.setdefault(
                "help_texts",
                {"text": "Paste the full text. It cannot be changed later: quotes point into it."},
            )
        return super().get_form(request, obj, change, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # Accounts quote documents by offset; a document stays.
        return False

    def service_create(self, request, values):
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        if str(object_id).isdigit():
            context["review"] = DocumentReview(request, int(object_id))
        return super().change_view(request, object_id, form_url, context)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/extract/",
                self.admin_site.admin_view(self.extract_view),
                name="tracker_document_extract",
            ),
            *super().get_urls(),
        ]

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

    def service_update(self, request, obj, changes):
        return services.document_update(actor=request.user, document=obj, **changes)

    @admin.display(description="title", ordering="title")
    def title_display(self, obj: Document):
        if obj.title_mismatch:
            return format_html(
                '{} <span class="tracker-warning-tag" title="{}">title mismatch</span>',
                shorten(obj.title, 100),
                "The published title does not match the body.",
            )
        return shorten(obj.title, 100) or f"Document {obj.pk}"

    @admin.display(description="accounts", ordering="account_count")
    def account_count(self, obj: Document) -> int:
        return obj.account_count

    @admin.display(description="title check")
    def title_check(self, obj: Document):
        if not obj.title_mismatch:
            return "The title shares words with the body."
        return format_html(
            '<p class="tracker-warning"><strong>Title mismatch.</strong> The published title, '
            "“{}”, does not match the body: it may belong to another page. It is kept "
            "exactly as published.</p>",
            obj.title,
        )

    @admin.display(description="text")
    def highlighted_text(self, obj: Document):
        spans = [
            Span(
                start=account.quote_start,
                end=account.quote_end,
                account_id=account.pk,
                url=reverse("admin:tracker_account_change", args=[account.pk]),
                label=f"Account #{account.pk}: {account.source} "
                f"{account.get_stance_display().lower()}",
            )
            for account in obj.quoting_accounts
            if account.quote_start is not None
        ]
        return format_html(
            '<div class="tracker-document-text">{}</div>', highlight(obj.text, spans)
        )

    @admin.display(description="accounts")
    def account_list(self, obj: Document):
        if not obj.quoting_accounts:
            return "No account quotes this document yet."
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">#{}</a></td><td>{}</td><td>{}</td><td>{}</td>'
            '<td><a href="#quote-{}">“{}”</a></td><td><a href="{}">{}</a></td></tr>',
            (
                (
                    reverse("admin:tracker_account_change", args=[a.pk]),
                    a.pk,
                    a.source,
                    a.get_stance_display(),
                    f"via {a.intermediary}" if a.intermediary else "",
                    a.pk,
                    shorten(a.quote, 100),
                    reverse("admin:tracker_claim_change", args=[a.claim_id]),
                    shorten(a.claim.text, 80),
                )
                for a in obj.quoting_accounts
            ),
        )
        return format_html(
            '<table class="tracker-table"><thead><tr><th>Account</th><th>Source</th>'
            "<th>Stance</th><th>Relayed</th><th>Quote</th><th>Claim</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            rows,
        )
