"""Accounts: a list and a form of their own; the claim page lists its accounts and links here."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse

from tracker import selectors, services
from tracker.admin.base import HistoryAdmin, form_values
from tracker.admin.display import admin_link, shorten
from tracker.models import Account, Document

ACCOUNT_FIELDS = (
    "source",
    "stance",
    "document",
    "quote",
    "quote_start",
    "intermediary",
    "said_on",
)
QUOTE_HELP = (
    "Paste the words exactly as the document has them; the offsets are found for you. "
    "Give the start offset only when the quote occurs more than once."
)


def account_changes(form: forms.BaseForm) -> dict[str, Any]:
    """What ``account_update`` should change, from an edited account form.

    A new quote or document leaves the old offsets meaningless, so unless the
    start was given too, both offsets go as None and the service finds the
    quote again. A start given alone moves the span; the service derives its end.
    """
    values = form_values(form, ACCOUNT_FIELDS)
    changed = set(form.changed_data) & values.keys()
    changes = {name: values[name] for name in changed}
    if "quote_start" in changed or {"quote", "document"} & changed:
        changes["quote_start"] = values.get("quote_start") if "quote_start" in changed else None
        changes["quote_end"] = None
    return changes


def _quote_widgets() -> dict[str, forms.Widget]:
    return {"quote": forms.Textarea(attrs={"rows": 2, "cols": 40})}


class LightDocumentChoices:
    """Document choices without their text.

    An autocomplete widget loads its selected document to print its title;
    without this it would read the whole article for every account row.
    """

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "document":
            kwargs["queryset"] = Document.objects.defer("text")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Account)
class AccountAdmin(LightDocumentChoices, HistoryAdmin):
    list_display = ("account", "claim_link", "source", "stance", "intermediary", "document")
    list_filter = ("stance",)
    search_fields = ("quote", "source__name", "source__aliases__name", "claim__text")
    autocomplete_fields = ("claim", "source", "intermediary", "document")
    fields = ("claim", *ACCOUNT_FIELDS, "quote_end", "created_by", "created_at")
    readonly_fields = ("quote_end", "created_by", "created_at")
    service_fields = ("claim", *ACCOUNT_FIELDS)

    def get_queryset(self, request):
        return selectors.account_list_queryset()

    def get_readonly_fields(self, request, obj=None):
        # An account belongs to its claim for good (account_update cannot move it).
        return (*self.readonly_fields, "claim") if obj else self.readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs.setdefault("widgets", _quote_widgets())
        kwargs.setdefault("help_texts", {"quote": QUOTE_HELP})
        return super().get_form(request, obj, change, **kwargs)

    @admin.display(description="account")
    def account(self, obj: Account) -> str:
        return shorten(obj.quote, 100) if obj.quote else f"Account #{obj.pk} (no quote)"

    @admin.display(description="claim", ordering="claim__text")
    def claim_link(self, obj: Account):
        return admin_link(obj.claim, shorten(obj.claim.text, 80))

    def service_create(self, request, values):
        return services.account_add(actor=request.user, **values)

    def changes_from(self, form):
        return account_changes(form)

    def service_update(self, request, obj, changes):
        return services.account_update(actor=request.user, account=obj, **changes)

    def delete_model(self, request, obj):
        services.account_remove(actor=request.user, account=obj)
        request.account_claim_id = obj.claim_id

    # -- back to the claim ------------------------------------------------
    # The claim page lists its accounts and links to these forms with
    # ?claim=<id>; saving one goes back to the claim, where it is read.

    def _back_to_claim(self, request) -> HttpResponseRedirect | None:
        if {"_continue", "_addanother", "_saveasnew"} & request.POST.keys():
            return None
        claim_id = request.GET.get("claim", "")
        if not claim_id.isdigit():
            return None
        url = reverse("admin:tracker_claim_change", args=[int(claim_id)])
        return HttpResponseRedirect(f"{url}#accounts")

    def response_add(self, request, obj, post_url_continue=None):
        claim_id = request.GET.get("claim", "")
        if "_addanother" in request.POST and claim_id.isdigit():
            # Another account of the same claim: the next form is for it too.
            self.message_user(request, f"Account added: {obj}.", messages.SUCCESS)
            return HttpResponseRedirect(f"{request.path}?claim={int(claim_id)}")
        back = self._back_to_claim(request)
        if back is not None:
            self.message_user(request, f"Account added: {obj}.", messages.SUCCESS)
            return back
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        back = self._back_to_claim(request)
        if back is not None:
            self.message_user(request, f"Account changed: {obj}.", messages.SUCCESS)
            return back
        return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        # An account is removed from its claim's page of accounts: go back there.
        claim_id = getattr(request, "account_claim_id", None)
        if claim_id is None:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(request, f"Account removed: {obj_display}.", messages.SUCCESS)
        url = reverse("admin:tracker_claim_change", args=[claim_id])
        return HttpResponseRedirect(f"{url}#accounts")
