"""Reviewing what the extractor suggests: accept in one click, edit first, or reject.

Every decision goes through tracker.services.suggestions, which creates the
source, claim and account through the same services as manual entry.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from tracker import services
from tracker.admin.base import HistoryAdmin, service_message
from tracker.admin.display import shorten
from tracker.models import Suggestion
from tracker.selectors.claim_joining import claim_to_join
from tracker.services.suggestions import SUGGESTION_EDITABLE
from tracker.vocabularies import SuggestionStatus, SuggestionVoice


class PendingFilter(admin.SimpleListFilter):
    """The queue shows what still needs a decision unless asked for more."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*SuggestionStatus.choices, ("all", "All")]

    def choices(self, changelist):
        value = self.value() or SuggestionStatus.PENDING
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or SuggestionStatus.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(Suggestion)
class SuggestionAdmin(HistoryAdmin):
    list_display = ("speaker", "stance", "claim", "value", "via", "document_link", "status")
    list_filter = (PendingFilter, "stance", "aspect", "voice")
    search_fields = ("claim_text", "quote", "speaker_text", "proposed_source_name")
    list_select_related = ("document", "source", "intermediary")
    autocomplete_fields = ("source", "intermediary", "event", "named_parties", "claim")
    service_fields = SUGGESTION_EDITABLE
    actions = ("accept_selected", "reject_selected")
    list_per_page = 50

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("document", "source", "intermediary", "decided_by", "event")
            .defer("document__text", "extracted")
        )

    def get_fieldsets(self, request, obj=None):
        return [
            ("Found in the text", {"fields": ("quote_in_context", "rule_list")}),
            ("Who said it", {"fields": ("speaker_found", "source", "intermediary", "stance")}),
            ("The claim", {"fields": ("claim_text", "aspect", ("count_min", "count_max", "unit"),
                                      "count_approximate",
                                      ("count_min_exclusive", "count_max_exclusive"),
                                      "event", "named_parties")}),
            ("Joins", {"fields": ("joins", "claim", "new_claim")}),
            ("Decision", {"fields": ("status", "decided_by", "decided_at", "decision_note",
                                     "account")}),
        ]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        readonly = ["quote_in_context", "rule_list", "speaker_found", "joins", "status",
                    "decided_by", "decided_at", "decision_note", "account"]  # fmt: skip
        if obj is not None and obj.status != SuggestionStatus.PENDING:
            readonly += list(SUGGESTION_EDITABLE)
        return readonly

    def has_add_permission(self, request):
        return False  # suggestions come from the extractor only

    def has_delete_permission(self, request, obj=None):
        return False  # a rejected suggestion stays on record

    # -- columns ---------------------------------------------------------

    @admin.display(description="speaker")
    def speaker(self, obj: Suggestion):
        if obj.source_id:
            return str(obj.source)
        if obj.voice == SuggestionVoice.OUTLET:
            return format_html('<span class="tracker-muted">{}</span>', "the outlet's own voice")
        return format_html("{} <em>(new source)</em>", obj.proposed_source_name or obj.speaker_text)

    @admin.display(description="claim")
    def claim(self, obj: Suggestion) -> str:
        return shorten(obj.claim_text, 100)

    @admin.display(description="value")
    def value(self, obj: Suggestion) -> str:
        return obj.interval_display

    @admin.display(description="via")
    def via(self, obj: Suggestion) -> str:
        return str(obj.intermediary) if obj.intermediary_id else obj.intermediary_text

    @admin.display(description="document")
    def document_link(self, obj: Suggestion):
        url = reverse("admin:tracker_document_change", args=[obj.document_id])
        title = shorten(obj.document.display_title, 50)
        return format_html('<a href="{}">{}</a>', url, title)

    @admin.display(description="quote")
    def quote_in_context(self, obj: Suggestion):
        text = obj.document.text
        before = text[max(0, obj.quote_start - 160) : obj.quote_start]
        after = text[obj.quote_end : obj.quote_end + 160]
        return format_html(
            '<div class="tracker-document-text">…{}<mark class="tracker-quote">{}</mark>{}…</div>',
            before, obj.quote, after,
        )  # fmt: skip

    @admin.display(description="why it was suggested")
    def rule_list(self, obj: Suggestion):
        return (
            format_html(
                "<br>",
            )
            if not obj.rules
            else format_html("{}", "; ".join(str(rule) for rule in obj.rules))
        )

    @admin.display(description="accepting joins")
    def joins(self, obj: Suggestion):
        if obj.status != SuggestionStatus.PENDING:
            return "decided"
        claim = claim_to_join(obj)
        if claim is not None:
            url = reverse("admin:tracker_claim_change", args=[claim.pk])
            return format_html('<a href="{}">claim #{}</a>: “{}”', url, claim.pk, claim.text)
        if obj.event_id is None:
            return "a new claim outside any event (no event: nothing is joined automatically)"
        return "a new claim: none of the event's claims says the same"

    @admin.display(description="speaker as written")
    def speaker_found(self, obj: Suggestion) -> str:
        written = obj.speaker_text or "(the article's own voice)"
        if obj.source_id is None and obj.proposed_source_name:
            return f"{written} — no known source; accepting adds “{obj.proposed_source_name}”."
        return written

    # -- writes ----------------------------------------------------------

    def service_update(self, request, obj, changes):
        return services.suggestion_update(actor=request.user, suggestion=obj, **changes)

    def response_change(self, request, obj):
        if "_accept" in request.POST:
            return self._decide(request, obj, accept=True, next_url=None)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["show_accept"] = obj is not None and obj.status == SuggestionStatus.PENDING
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/accept/", view(self.accept_view), name="tracker_suggestion_accept"
            ),
            path(
                "<path:object_id>/reject/", view(self.reject_view), name="tracker_suggestion_reject"
            ),
            *super().get_urls(),
        ]

    def _suggestion(self, request, object_id: str) -> Suggestion:
        if not request.user.has_perm("tracker.change_suggestion"):
            raise PermissionDenied
        if request.method != "POST":
            raise Http404
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("No such suggestion.")
        return obj

    def _next(self, request, fallback: str) -> str:
        wanted = request.POST.get("next", "")
        if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}):
            return wanted
        return fallback

    def _decide(self, request, obj: Suggestion, *, accept: bool, next_url: str | None):
        fallback = reverse("admin:tracker_suggestion_changelist")
        try:
            if accept:
                account = services.suggestion_accept(actor=request.user, suggestion=obj)
                messages.success(request, f"Accepted: account #{account.pk} on “{account.claim}”.")
            else:
                services.suggestion_reject(
                    actor=request.user, suggestion=obj, note=request.POST.get("note", "")
                )
                messages.success(request, "Rejected; the decision is recorded.")
        except ValidationError as error:
            messages.error(request, f"Nothing was saved. {service_message(error)}")
            fallback = reverse("admin:tracker_suggestion_change", args=[obj.pk])
        return redirect(next_url or fallback)

    def accept_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._suggestion(request, object_id)
        return self._decide(request, obj, accept=True, next_url=self._next(request, ""))

    def reject_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._suggestion(request, object_id)
        return self._decide(request, obj, accept=False, next_url=self._next(request, ""))

    @admin.action(description="Accept selected suggestions as they are")
    def accept_selected(self, request, queryset: QuerySet[Suggestion]):
        self._bulk(request, queryset, accept=True)

    @admin.action(description="Reject selected suggestions")
    def reject_selected(self, request, queryset: QuerySet[Suggestion]):
        self._bulk(request, queryset, accept=False)

    def _bulk(self, request, queryset, *, accept: bool) -> None:
        if not request.user.has_perm("tracker.change_suggestion"):
            raise PermissionDenied
        done, refused = 0, []
        for suggestion in queryset.order_by("document_id", "ordinal"):
            try:
                if accept:
                    services.suggestion_accept(actor=request.user, suggestion=suggestion)
                else:
                    services.suggestion_reject(actor=request.user, suggestion=suggestion)
                done += 1
            except ValidationError as error:
                refused.append(f"#{suggestion.ordinal} of document {suggestion.document_id}: "
                               f"{service_message(error)}")  # fmt: skip
        verb = "Accepted" if accept else "Rejected"
        messages.success(request, f"{verb} {done} suggestion(s).")
        for line in refused[:20]:
            messages.error(request, f"Not changed: {line}")
