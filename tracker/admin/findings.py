"""Conflicts: the stored findings, listed for reading; acknowledged through one small view.

Findings are written only by the conflict refresh (tracker.services.findings),
so nobody adds, edits or deletes one here. An editor acknowledges an open
conflict by POSTing a note to ``acknowledge_view``, from the event comparison
page or a claim's page; the view checks the permission before reading the
request and lets ``finding_acknowledge`` decide what is valid.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme

from tracker import selectors, services
from tracker.admin.base import ReadOnlyAdmin
from tracker.admin.conflict_display import kind_label, severity_badge
from tracker.admin.display import shorten, user_name
from tracker.admin.event_compare import compare_url
from tracker.admin.forms import AcknowledgeForm
from tracker.models import Finding
from tracker.vocabularies import FindingKind


class OpenFilter(admin.SimpleListFilter):
    """Open conflicts and tensions unless asked otherwise: the notes would bury them.

    The default gives way to any other filter or a search, so that asking for a
    kind of note, or searching, finds notes without a second click.
    """

    title = "state"
    parameter_name = "state"
    OTHER_PARAMS = frozenset({"q", "kind", "severity__exact", "event__id__exact"})

    def __init__(self, request, params, model, model_admin):
        self.asked = frozenset(request.GET.keys())
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [
            ("open", "Open conflicts and tensions"),
            ("acknowledged", "Acknowledged"),
            ("notes", "Notes"),
            ("all", "All"),
        ]

    def _default_applies(self) -> bool:
        return self.value() is None and not (self.OTHER_PARAMS & self.asked)

    def choices(self, changelist):
        # No "All" of Django's own: it would drop the parameter, which means "open" here.
        for value, label in self.lookup_choices:
            selected = self.value() == value or (value == "open" and self._default_applies())
            yield {
                "selected": selected,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = "open" if self._default_applies() else self.value()
        if value == "open":
            return queryset.filter(is_open=True)
        if value == "acknowledged":
            return queryset.filter(acknowledged_at__isnull=False)
        if value == "notes":
            return queryset.filter(severity="info")
        return queryset


class KindFilter(admin.SimpleListFilter):
    """The kinds the comparison knows, in its order; no query for the distinct values."""

    title = "kind"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind, kind_label(kind)) for kind in FindingKind.values]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(kind=self.value())
        return queryset


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdmin):
    list_display = ("severity_display", "kind_display", "explanation_display", "event_link",
                    "claim_links", "state")  # fmt: skip
    list_display_links = ("explanation_display",)
    list_filter = (OpenFilter, "severity", KindFilter, "event")
    search_fields = ("explanation",)
    search_help_text = "Searches the explanations."
    list_select_related = ("event", "acknowledged_by")
    list_per_page = 50
    fields = ("severity_display", "kind_display", "explanation", "event_link", "claim_links",
              "state", "reopened_from", "created_at")  # fmt: skip
    readonly_fields = fields

    def get_queryset(self, request):
        return selectors.finding_list_queryset()

    def get_ordering(self, request):
        # Open conflicts of the newest events first, then by severity: the annotation,
        # not a model field, so it cannot be ``ordering``.
        return ("-is_open", "severity_rank", "-event_id", "kind", "pk")

    def changelist_view(self, request, extra_context=None):
        # The model is a "finding"; what editors look for in this list are conflicts.
        context = {"title": "Conflicts", **(extra_context or {})}
        return super().changelist_view(request, context)

    # -- columns -------------------------------------------------------------

    @admin.display(description="severity", ordering="severity_rank")
    def severity_display(self, obj: Finding):
        return severity_badge(obj.severity)

    @admin.display(description="kind", ordering="kind")
    def kind_display(self, obj: Finding) -> str:
        return kind_label(obj.kind)

    @admin.display(description="explanation")
    def explanation_display(self, obj: Finding) -> str:
        return shorten(obj.explanation, 200)

    @admin.display(description="event", ordering="event__name")
    def event_link(self, obj: Finding):
        if obj.event_id is None:
            return format_html('<span class="tracker-muted">{}</span>', "claim without event")
        return format_html('<a href="{}">{}</a>', compare_url(obj.event_id), obj.event.name)

    @admin.display(description="claims")
    def claim_links(self, obj: Finding):
        return format_html_join(
            "; ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:tracker_claim_change", args=[claim.pk]), shorten(claim.text, 60))
                for claim in obj.linked_claims
            ),
        )

    @admin.display(description="state", ordering="is_open")
    def state(self, obj: Finding):
        if obj.is_open:
            return format_html('<span class="tracker-badge tracker-open">{}</span>', "open")
        if obj.acknowledged_at is not None:
            return format_html(
                '<span class="tracker-badge tracker-acknowledged" title="{}">acknowledged</span>'
                ' <span class="tracker-muted">by {}, {}</span>',
                obj.acknowledgement_note,
                user_name(obj.acknowledged_by),
                f"{obj.acknowledged_at:%Y-%m-%d %H:%M}",
            )
        return format_html('<span class="tracker-muted">{}</span>', "note")

    # -- acknowledging -------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view(self.acknowledge_view)
        return [
            path("<path:object_id>/acknowledge/", view, name="tracker_finding_acknowledge"),
            *super().get_urls(),
        ]

    def acknowledge_view(self, request, object_id):
        """Acknowledge one open conflict with a note, then go back where the editor was."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("tracker.acknowledge_finding"):
            raise PermissionDenied
        finding = Finding.objects.filter(pk=object_id).first() if object_id.isdigit() else None
        if finding is None:
            raise Http404("No such finding.")
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = (
                compare_url(finding.event_id)
                if finding.event_id is not None
                else reverse("admin:tracker_finding_changelist")
            )
        form = AcknowledgeForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Say why the conflict may stand: a note is required.")
            return redirect(next_url)
        try:
            services.finding_acknowledge(
                actor=request.user, finding=finding, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "The conflict is acknowledged.")
        return redirect(next_url)
