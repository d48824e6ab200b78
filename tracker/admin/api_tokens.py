"""API tokens in the admin: make one for a tool (its key shown once), revoke one.

Staff see and manage their own tokens; a superuser anyone's. Tokens are never
edited or deleted: a revoked token stays, with when and why.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils import timezone

from tracker import services
from tracker.admin.base import adopt
from tracker.admin.row_checkbox import RowCheckbox
from tracker.models import ApiToken
from tracker.services.api_tokens import MAX_LIFETIME_DAYS


class ApiTokenAddForm(forms.ModelForm):
    lifetime_days = forms.IntegerField(
        min_value=1, max_value=MAX_LIFETIME_DAYS,
        help_text="Days until the token expires.",
    )  # fmt: skip

    class Meta:
        model = ApiToken
        fields = ["user", "name"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lifetime_days"].initial = settings.API_TOKEN_LIFETIME_DAYS
        users = get_user_model().objects.filter(is_active=True)
        if request is not None and not request.user.is_superuser:
            users = users.filter(pk=request.user.pk)
            self.fields["user"].initial = request.user.pk
        self.fields["user"].queryset = users


def _is_staff(request) -> bool:
    return request.user.is_active and request.user.is_staff


@admin.register(ApiToken)
class ApiTokenAdmin(RowCheckbox, admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "expires_at", "state")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("name", "user__username", "prefix")
    list_select_related = ("user",)
    actions = ["revoke"]
    readonly_fields = ("user", "name", "prefix", "created_at", "expires_at", "revoked_at",
                       "revoked_reason")  # fmt: skip

    def get_queryset(self, request):
        tokens = super().get_queryset(request)
        return tokens if request.user.is_superuser else tokens.filter(user=request.user)

    def has_module_permission(self, request):
        return _is_staff(request)

    def has_view_permission(self, request, obj=None):
        return _is_staff(request)

    def has_add_permission(self, request):
        return _is_staff(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_revoke_permission(self, request):
        return _is_staff(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            return super().get_form(request, obj, change, **kwargs)
        form_class = super().get_form(request, obj, change, form=ApiTokenAddForm, **kwargs)

        class WithRequest(form_class):
            def __init__(self, *args, **kw):
                super().__init__(*args, request=request, **kw)

        return WithRequest

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["user", "name", "lifetime_days"]
        return list(self.readonly_fields)

    def save_model(self, request, obj, form, change):
        # The form already holds the service's rules (name, lifetime, whose token).
        token, key = services.api_token_create(
            actor=request.user, user=form.cleaned_data["user"],
            name=form.cleaned_data["name"], lifetime_days=form.cleaned_data["lifetime_days"],
        )  # fmt: skip
        adopt(obj, token)
        messages.warning(
            request,
            f"The key of “{token.name}” is {key} — copy it now: it is stored only as a hash "
            "and will not be shown again.",
        )

    @admin.display(description="state")
    def state(self, obj: ApiToken) -> str:
        if obj.revoked_at is not None:
            return f"revoked ({obj.revoked_reason})"
        if obj.expires_at <= timezone.now():
            return "expired"
        return "live"

    @admin.action(description="Revoke the selected tokens", permissions=["revoke"])
    def revoke(self, request, queryset):
        count = 0
        for token in queryset.select_related("user").filter(revoked_at=None):
            services.api_token_revoke(
                actor=request.user, token=token, reason="revoked in the admin"
            )
            count += 1
        self.message_user(request, f"Revoked {count} token(s).", messages.SUCCESS)
