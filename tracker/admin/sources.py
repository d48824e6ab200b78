"""Sources and their aliases."""

from django.contrib import admin
from django.utils.html import format_html

from tracker import selectors, services
from tracker.admin.base import HistoryAdmin, ServiceInline
from tracker.admin.paging import PagedInline
from tracker.admin.track_record_chart import track_record_chart
from tracker.models import Source, SourceAlias
from tracker.name_keys import name_key
from tracker.selectors.track_record import has_members, source_track_record
from tracker.services.sources import SOURCE_EDITABLE


class SourceAliasInline(PagedInline, ServiceInline, admin.TabularInline):
    page_param = "aliases_page"
    model = SourceAlias
    fields = ("name",)
    extra = 1

    def has_change_permission(self, request, obj=None):
        # There is no rename service: an alias is added or removed, so the
        # existing ones are shown read-only.
        return False

    def service_add(self, request, parent, form):
        return services.source_alias_add(
            actor=request.user, source=parent, name=form.cleaned_data["name"]
        )

    def service_remove(self, request, obj):
        services.source_alias_remove(actor=request.user, alias=obj)


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ("name", "kind", "parent", "root", "reliability", "alias_list", "account_count")
    list_filter = ("kind", "reliability")
    # Used by every source autocomplete: a source is found by any of its names,
    # compared by their keys so that "ñandú" finds "ÑANDÚ Agency" on SQLite too.
    search_fields = ("name_key", "aliases__name_key")
    autocomplete_fields = ("parent",)
    fields = (*SOURCE_EDITABLE, "root", "created_by", "created_at")
    readonly_fields = ("root", "created_by", "created_at")
    service_fields = SOURCE_EDITABLE
    inlines = (SourceAliasInline,)

    def get_queryset(self, request):
        return selectors.source_list_queryset()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["track_records"] = track_record_sections(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, name_key(search_term))

    def has_delete_permission(self, request, obj=None):
        # Accounts point at sources; there is no delete service.
        return False

    def service_create(self, request, values):
        return services.source_create(actor=request.user, **values)

    def service_update(self, request, obj, changes):
        return services.source_update(actor=request.user, source=obj, **changes)

    @admin.display(description="aliases")
    def alias_list(self, obj: Source) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())

    @admin.display(description="accounts", ordering="account_count")
    def account_count(self, obj: Source):
        return format_html("{}", obj.account_count)


def track_record_sections(source: Source) -> list[dict]:
    """The source's own record, then its whole affiliation's when others speak for it."""
    records = [
        (
            "Track record",
            "Claims this source asserted, by their status now, per quarter of the report's "
            "publication (else its capture); claims it retracted; and how many of its "
            "figures stood outside the best-supported range.",
            source_track_record(source),
        )
    ]
    if has_members(source):
        records.append(
            (
                "Track record of everyone speaking for it",
                f"As above, for {source} and every source whose root affiliation it is; "
                "a claim several of them asserted is counted once.",
                source_track_record(source, affiliation=True),
            )
        )
    return [
        {
            "title": title,
            "explanation": explanation,
            "record": record,
            "chart": track_record_chart(chart_id=f"track-record-{index}", record=record),
        }
        for index, (title, explanation, record) in enumerate(records)
    ]
