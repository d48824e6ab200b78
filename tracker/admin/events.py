"""Events and the claims about them."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import path
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html

from tracker import selectors, services
from tracker.admin import event_bundles
from tracker.admin.base import HistoryAdmin
from tracker.admin.conflict_display import severity_badge
from tracker.admin.display import status_badge
from tracker.admin.event_compare import compare_url, compare_view
from tracker.admin.paging import ListPage
from tracker.models import Event
from tracker.services.events import EVENT_EDITABLE


def claims_about(request, event_id: int) -> ListPage:
    page = ListPage(
        request,
        selectors.event_claims(event_id=event_id),
        param="claims_page",
        noun="claims",
        anchor="event-claims",
    )
    for claim in page.items:
        claim.badge = status_badge(claim.status)
    return page


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    list_display = ("name", "place", "date_start", "date_end", "date_text", "party_list",
                    "claim_count", "compare_link")  # fmt: skip
    search_fields = ("name", "place")
    autocomplete_fields = ("parties",)
    fields = (*EVENT_EDITABLE, "claim_list", "bundle_export_list")
    readonly_fields = ("claim_list", "bundle_export_list")
    service_fields = EVENT_EDITABLE

    def get_queryset(self, request):
        return selectors.event_list_queryset()

    def get_object(self, request, object_id, from_field=None):
        # One event's page lists its claims a page at a time; the list only counts them.
        field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
        try:
            object_id = field.to_python(object_id)
            event = selectors.event_list_queryset().get(**{field.name: object_id})
        except (Event.DoesNotExist, ValidationError, ValueError):
            return None
        # Read only if the page shows it (not for a save, nor for the history).
        event.claim_page = SimpleLazyObject(lambda: claims_about(request, event.pk))
        return event

    def get_fields(self, request, obj=None):
        return self.fields if obj else EVENT_EDITABLE

    def has_delete_permission(self, request, obj=None):
        return False

    def service_create(self, request, values):
        return services.event_create(actor=request.user, **values)

    def service_update(self, request, obj, changes):
        return services.event_update(actor=request.user, event=obj, **changes)

    @admin.display(description="parties")
    def party_list(self, obj: Event) -> str:
        return ", ".join(party.name for party in obj.parties.all())

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, obj: Event) -> int:
        return obj.claim_count

    @admin.display(description="accounts compared", ordering="open_conflict_count")
    def compare_link(self, obj: Event):
        conflicts = obj.open_conflict_count
        badge = (
            severity_badge("conflict", f"{conflicts} open") if conflicts else format_html("{}", "")
        )
        return format_html('<a href="{}">Compare accounts</a> {}', compare_url(obj.pk), badge)

    # -- the comparison page -------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view(self.compare_view)
        return [
            path("<path:object_id>/compare/", view, name="tracker_event_compare"),
            path(
                "<path:object_id>/bundle/",
                self.admin_site.admin_view(event_bundles.bundle_view),
                name="tracker_event_bundle",
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        return compare_view(self, request, object_id)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        if object_id and str(object_id).isdigit():
            context["compare_url"] = compare_url(int(object_id))
            if request.user.has_perm("tracker.export_bundle"):
                context["bundle_url"] = event_bundles.bundle_url(int(object_id))
        return super().change_view(request, object_id, form_url, context)

    @admin.display(description="evidence bundles exported")
    def bundle_export_list(self, obj: Event):
        return event_bundles.exports_html(obj)

    @admin.display(description="claims about it")
    def claim_list(self, obj: Event):
        return render_to_string(
            "admin/tracker/event/includes/claims.html", {"page": obj.claim_page}
        )
