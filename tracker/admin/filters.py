"""List filters that need more than a field lookup."""

from django.contrib import admin

from tracker import selectors


class ArchivedFilter(admin.SimpleListFilter):
    """Archived claims are out of the working list unless asked for."""

    title = "archived"
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("no", "Active"), ("yes", "Archived"), ("all", "All")]

    def choices(self, changelist):
        # No "All" entry of Django's own: "Active" is what no parameter means.
        value = self.value() or "no"
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "no"
        if value == "no":
            return queryset.filter(archived_at__isnull=True)
        if value == "yes":
            return queryset.filter(archived_at__isnull=False)
        return queryset


class OpenFlagsFilter(admin.SimpleListFilter):
    title = "open flags"
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return [("yes", "Has open flags"), ("no", "No open flags")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return selectors.claims_with_open_flags(queryset, has_open=self.value() == "yes")
        return queryset


class FlagStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", "Open"), ("resolved", "Resolved")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(resolved_at__isnull=True)
        if self.value() == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class OpenConflictFilter(admin.SimpleListFilter):
    """Claims that an unacknowledged conflict or tension involves: read from the stored findings."""

    title = "open conflict"
    parameter_name = "conflict"

    def lookups(self, request, model_admin):
        return [("yes", "Has open conflict"), ("no", "No open conflict")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return selectors.claims_with_open_conflicts(queryset, has_open=self.value() == "yes")
        return queryset
