"""The names table: one party or place under the spellings reports use."""

from django.contrib import admin
from django.db.models import Prefetch

from tracker import services
from tracker.admin.base import HistoryAdmin, ServiceInline
from tracker.admin.paging import PagedInline
from tracker.models import EntityAlias, NamedEntity
from tracker.services.entities import ENTITY_EDITABLE


class EntityAliasInline(PagedInline, ServiceInline, admin.TabularInline):
    page_param = "aliases_page"
    model = EntityAlias
    fields = ("name",)
    extra = 2

    def has_change_permission(self, request, obj=None):
        # An alias is added or removed, not renamed.
        return False

    def service_add(self, request, parent, form):
        return services.entity_alias_add(
            actor=request.user, entity=parent, name=form.cleaned_data["name"]
        )

    def service_remove(self, request, obj):
        services.entity_alias_remove(actor=request.user, alias=obj)


@admin.register(NamedEntity)
class NamedEntityAdmin(HistoryAdmin):
    list_display = ("name", "kind", "source", "alias_list")
    list_filter = ("kind",)
    search_fields = ("name", "aliases__name")
    autocomplete_fields = ("source",)
    fields = ENTITY_EDITABLE
    service_fields = ENTITY_EDITABLE
    inlines = (EntityAliasInline,)

    def get_queryset(self, request):
        aliases = EntityAlias.objects.only("pk", "name", "entity_id").order_by("name")
        return (
            super()
            .get_queryset(request)
            .select_related("source")
            .prefetch_related(Prefetch("aliases", queryset=aliases))
        )

    def has_delete_permission(self, request, obj=None):
        return False

    def service_create(self, request, values):
        return services.entity_create(actor=request.user, **values)

    def service_update(self, request, obj, changes):
        return services.entity_update(actor=request.user, entity=obj, **changes)

    @admin.display(description="also written")
    def alias_list(self, obj: NamedEntity) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())
