"""Flags: raised through flag_raise, resolved through flag_resolve, never edited."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from tracker import selectors, services
from tracker.admin.base import ServiceAdminMixin, add_service_error
from tracker.admin.display import admin_link, shorten
from tracker.admin.filters import FlagStateFilter
from tracker.admin.forms import ResolveForm
from tracker.models import Flag


@admin.register(Flag)
class FlagAdmin(ServiceAdminMixin, admin.ModelAdmin):
    list_display = ("flag", "claim_link", "reason", "short_note", "raised_by", "raised_at", "state")
    list_filter = (FlagStateFilter, "kind", "reason")
    search_fields = ("note", "claim__text")
    autocomplete_fields = ("claim",)
    fields = ("claim", "kind", "reason", "note")
    service_fields = ("claim", "kind", "reason", "note")
    actions = ("resolve_action",)

    def get_queryset(self, request):
        return selectors.flag_list_queryset()

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return (
            *self.fields,
            "raised_by",
            "raised_at",
            "state",
            "resolved_by",
            "resolved_at",
            "resolution_note",
        )

    # Raised and resolved through their own services; nothing else changes a flag.
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_resolve_permission(self, request):
        return request.user.has_perm("tracker.resolve_flag")

    def service_create(self, request, values):
        return services.flag_raise(actor=request.user, **values)

    @admin.display(description="flag", ordering="kind")
    def flag(self, obj: Flag) -> str:
        return obj.get_kind_display()

    @admin.display(description="claim", ordering="claim__text")
    def claim_link(self, obj: Flag):
        return admin_link(obj.claim, shorten(obj.claim.text, 80))

    @admin.display(description="note")
    def short_note(self, obj: Flag) -> str:
        return shorten(obj.note, 80)

    @admin.display(description="state", ordering="resolved_at")
    def state(self, obj: Flag):
        if obj.is_open:
            return format_html('<span class="tracker-badge tracker-flag-open">{}</span>', "open")
        return format_html(
            '<span class="tracker-badge tracker-flag-resolved">{}</span>', "resolved"
        )

    def get_urls(self):
        resolve = self.admin_site.admin_view(self.resolve_view)
        return [
            path("<path:object_id>/resolve/", resolve, name="tracker_flag_resolve"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = {**(extra_context or {}), "can_resolve": self.has_resolve_permission(request)}
        return super().change_view(request, object_id, form_url, context)

    def resolve_view(self, request, object_id):
        """Resolve one flag with an optional note, then go back where the editor was."""
        if not self.has_resolve_permission(request):
            raise PermissionDenied
        flag = self.get_object(request, object_id)
        if flag is None:
            raise Http404("No such flag.")
        next_url = request.POST.get("next", request.GET.get("next", ""))
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:tracker_claim_change", args=[flag.claim_id])
        form = ResolveForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                services.flag_resolve(actor=request.user, flag=flag, note=form.cleaned_data["note"])
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, "The flag is resolved.")
                return redirect(next_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "media": self.media,
            "title": "Resolve flag",
            "flag": flag,
            "form": form,
            "next_url": next_url,
        }
        return TemplateResponse(request, "admin/tracker/flag/resolve.html", context)

    @admin.action(description="Resolve selected flags", permissions=["resolve"])
    def resolve_action(self, request, queryset):
        count = 0
        with transaction.atomic():
            for flag in queryset.filter(resolved_at__isnull=True):
                services.flag_resolve(actor=request.user, flag=flag)
                count += 1
        self.message_user(request, f"{count} flag(s) resolved.", messages.SUCCESS)
