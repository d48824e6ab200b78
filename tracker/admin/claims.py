"""Claims: the editors' main list, the claim page, and its verdict and flag tools."""

from functools import cached_property

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html

from tracker import selectors, services
from tracker.admin import claim_views
from tracker.admin.base import HistoryAdmin
from tracker.admin.conflict_display import basis_label, conflict_badges, kind_label, severity_badge
from tracker.admin.display import counted, shorten, user_name, with_badges
from tracker.admin.display import status_badge as badge_html
from tracker.admin.event_compare import compare_url
from tracker.admin.evidence import AccountEvidence, account_evidence
from tracker.admin.filters import ArchivedFilter, OpenConflictFilter, OpenFlagsFilter
from tracker.admin.large_lists import (
    EstimatedCountPaginator,
    RecentEventFilter,
    RecentSourceFilter,
)
from tracker.admin.paging import ListPage
from tracker.api.claimreview import claim_review, json_ld_for_script, public_url
from tracker.models import Claim, Finding
from tracker.selectors._built_once import built_once
from tracker.selectors.claims import claimreview_queryset
from tracker.services.claims import CLAIM_EDITABLE
from tracker.services.verdicts import SUBSTANCE_FIELDS, has_verdict, may_change_judged_substance
from tracker.vocabularies import NO_VERDICT, FlagReason


def counts_line(claim: Claim) -> str:
    return (
        f"{counted(claim.account_count, 'account')} from "
        f"{counted(claim.independent_sources, 'independent source')}; "
        f"{counted(claim.open_flag_count, 'open flag')}"
    )


@built_once
def claim_rows():
    """The list's and the claim page's query, built once (see selectors/_built_once.py)."""
    return selectors.claim_list_queryset().select_related("created_by", "archived_by")


class ClaimPageTools:
    """What the claim page's own panels need, read only if the page renders."""

    def __init__(self, request, claim_id: int):
        self.request = request
        self.claim_id = claim_id
        # The claim the page shows; ClaimAdmin.render_change_form sets it.
        self.claim: Claim | None = None
        user = request.user
        self.can_set_status = user.has_perm("tracker.set_claim_status")
        self.can_archive = user.has_perm("tracker.archive_claim")
        self.can_flag = user.has_perm("tracker.add_flag")
        self.can_resolve = user.has_perm("tracker.resolve_flag")
        self.can_acknowledge = user.has_perm("tracker.acknowledge_finding")
        self.can_add_account = user.has_perm("tracker.add_account")
        self.can_change_account = user.has_perm("tracker.change_account")
        # "Other" needs a note, so it opens the form instead of posting at once.
        self.quick_reasons = [c for c in FlagReason.choices if c[0] != FlagReason.OTHER]

    # Each panel is a page of its rows: a claim in the middle of a busy event
    # can carry hundreds of findings and flags.

    @cached_property
    def open_flags(self) -> ListPage:
        return ListPage(
            self.request,
            selectors.claim_open_flags(claim_id=self.claim_id),
            param="flags_page",
            noun="open flags",
            anchor="open-flags",
        )

    @cached_property
    def accounts(self) -> ListPage:
        return ListPage(
            self.request,
            selectors.claim_accounts(claim_id=self.claim_id),
            param="accounts_page",
            noun="accounts",
            anchor="accounts",
        )

    @cached_property
    def account_rows(self) -> list[AccountEvidence]:
        """The page's accounts as an editor reads them: who, for whom, the quote in its words."""
        event_id = self.claim.event_id if self.claim else None
        return account_evidence(self.accounts.items, selectors.event_party_roots(event_id=event_id))

    @property
    def add_account_url(self) -> str:
        # The account form comes back here when it was opened from this page.
        return f"{reverse('admin:tracker_account_add')}?claim={self.claim_id}"

    @cached_property
    def findings(self) -> ListPage:
        page = ListPage(
            self.request,
            selectors.claim_findings(claim_id=self.claim_id),
            param="findings_page",
            noun="findings",
            anchor="conflicts",
        )
        findings: list[Finding] = page.items
        for finding in findings:
            finding.badge = severity_badge(finding.severity)
            finding.kind_label = kind_label(finding.kind)
            finding.acknowledge_url = reverse(
                "admin:tracker_finding_acknowledge", args=[finding.pk]
            )
        return page

    @property
    def compare_url(self) -> str:
        if self.claim is None or self.claim.event_id is None:
            return ""
        return compare_url(self.claim.event_id)

    @property
    def status_badge(self):
        return badge_html(self.claim.status) if self.claim else ""

    @property
    def counts(self) -> str:
        return counts_line(self.claim) if self.claim else ""

    @property
    def accounts_changed(self) -> str:
        changed = self.claim.accounts_changed_at if self.claim else None
        if changed is None:
            return ""
        return (
            f"Its accounts changed on {changed:%Y-%m-%d %H:%M}, after the verdict: "
            "it needs a fresh look."
        )

    @property
    def archived(self) -> str:
        claim = self.claim
        if claim is None or claim.archived_at is None:
            return ""
        return f"Archived {claim.archived_at:%Y-%m-%d %H:%M} by {user_name(claim.archived_by)}."

    @property
    def suggested_badge(self):
        if self.claim is None or not self.claim.suggested_status:
            return None
        return badge_html(self.claim.suggested_status)

    @property
    def suggestion_basis(self) -> str:
        return basis_label(self.claim.suggestion_basis) if self.claim else ""

    @property
    def suggestion_differs(self) -> bool:
        """Whether taking the suggestion would change anything."""
        claim = self.claim
        return bool(claim and claim.suggested_status and claim.suggested_status != claim.status)

    @cached_property
    def claimreview_json_ld(self) -> str:
        """The published verdict as JSON-LD, safe to embed in a page; "" without a verdict."""
        shown = self.claim
        if shown is None or shown.archived_at or shown.status in NO_VERDICT:
            return ""  # nothing is published: no need to ask
        # A claim whose accounts fit on the page's one page of them publishes
        # those: the verdict's dates are all that is left to read.
        complete = self.accounts.page_count == 1
        rows = claimreview_queryset().filter(pk=self.claim_id)
        claim = (rows.prefetch_related(None) if complete else rows).first()
        if claim is None:
            return ""
        api_url = self.request.build_absolute_uri(
            reverse("api:claim-claimreview", kwargs={"pk": claim.pk})
        )
        accounts = self.accounts.items if complete else claim.api_accounts
        review = claim_review(claim, url=public_url(claim, api_url), accounts=accounts)
        return json_ld_for_script(review)

    @cached_property
    def status_history(self) -> ListPage:
        page = ListPage(
            self.request,
            selectors.claim_status_history(claim_id=self.claim_id),
            param="history_page",
            noun="status changes",
            anchor="status-history",
        )
        with_badges(page.items)
        return page


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    list_display = (
        "claim_text",
        "event",
        "aspect",
        "status_badge",
        "sources_summary",
        "conflict_badge",
        "open_flag_count",
    )
    list_filter = (
        "status",
        RecentEventFilter,
        "aspect",
        RecentSourceFilter,
        OpenConflictFilter,
        OpenFlagsFilter,
        ArchivedFilter,
    )
    # Autocomplete needs search_fields; the search itself is get_search_results.
    search_fields = ("text",)
    search_help_text = "Searches claim text, quotes, and the names and aliases of sources."
    list_per_page = 50
    # Millions of claims: no COUNT(*) of the whole table (see admin/large_lists.py).
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    autocomplete_fields = ("event", "named_parties")
    # Accounts are read on the claim page, not edited in it: each row links to
    # its own form, and "Add an account" opens one for this claim. An editable
    # row per account made the page a data-entry grid (and most of its cost).
    readonly_fields = (
        "created_by",
        "created_at",
        "updated_at",
    )
    service_fields = CLAIM_EDITABLE
    actions = ("set_status_action", "archive_action", "restore_action")

    def judged_and_locked(self, request, obj: Claim | None) -> bool:
        """Whether ``obj`` has a verdict the user may not reopen by editing it."""
        return (
            obj is not None and has_verdict(obj) and not may_change_judged_substance(request.user)
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if self.judged_and_locked(request, obj):
            # Out of the form, so a forged POST of these fields changes nothing.
            return (*readonly, *SUBSTANCE_FIELDS)
        return readonly

    def get_fieldsets(self, request, obj=None):
        claim = {"fields": ("text", "event", "aspect", "named_parties")}
        if self.judged_and_locked(request, obj):
            claim["description"] = (
                f"This claim has a verdict ({obj.get_status_display()}): what it says can no "
                "longer be changed here. Flag it instead, saying what should change."
            )
        fieldsets = [
            (None, claim),
            (
                "Count",
                {
                    "fields": (
                        ("count_min", "count_max", "unit"),
                        "count_approximate",
                        ("count_min_exclusive", "count_max_exclusive"),
                    ),
                    "description": "For killed and injured: an interval, either end may be open. "
                    '"More than 30" is a minimum of 31 said as "more than"; '
                    '"fewer than 10" a maximum of 9 said as "fewer than".',
                },
            ),
        ]
        if obj is not None:
            # Where the claim stands (status, counts, archived) leads the page, above the form.
            fieldsets += [("Record", {"fields": ("created_by", "created_at", "updated_at")})]
        return fieldsets

    def get_queryset(self, request):
        return claim_rows()

    def get_search_results(self, request, queryset, search_term):
        # EXISTS subqueries instead of joins: no duplicates, so no DISTINCT.
        return selectors.claim_search(queryset, search_term), False

    # -- permissions -------------------------------------------------------

    def has_delete_permission(self, request, obj=None):
        # Claims are archived, never deleted.
        return False

    def has_set_status_permission(self, request):
        return request.user.has_perm("tracker.set_claim_status")

    def has_archive_permission(self, request):
        return request.user.has_perm("tracker.archive_claim")

    # -- list columns ------------------------------------------------------

    @admin.display(description="claim", ordering="text")
    def claim_text(self, obj: Claim):
        if obj.archived_at:
            return format_html(
                '{} <span class="tracker-archived">archived</span>', shorten(obj.text)
            )
        return shorten(obj.text)

    @admin.display(description="status", ordering="status")
    def status_badge(self, obj: Claim | None = None):
        return badge_html(obj.status if obj else "unverified")

    @admin.display(description="accounts", ordering="account_count")
    def account_count(self, obj: Claim) -> int:
        return obj.account_count

    @admin.display(description="independent sources", ordering="independent_sources")
    def independent_source_count(self, obj: Claim) -> int:
        # Stored by the conflict refresh: sources that assert or hedge the claim,
        # one per root affiliation, a relay counted for its speaker. A source
        # that could not verify it stands behind nothing.
        return obj.independent_sources

    @admin.display(description="accounts", ordering="independent_sources")
    def sources_summary(self, obj: Claim):
        # One narrow column for both counts, so that the claim's text keeps its width.
        return format_html(
            '{} <span class="tracker-muted">({} independent)</span>',
            f"{obj.account_count:,}",
            f"{obj.independent_sources:,}",
        )

    @admin.display(description="conflicts", ordering="open_conflict_count")
    def conflict_badge(self, obj: Claim):
        return conflict_badges(obj.open_conflict_count, obj.open_tension_count)

    @admin.display(description="open flags", ordering="open_flag_count")
    def open_flag_count(self, obj: Claim):
        if not obj.open_flag_count:
            return 0
        return format_html('<span class="tracker-flag-count">{}</span>', obj.open_flag_count)

    # -- writes ------------------------------------------------------------

    def service_create(self, request, values):
        return services.claim_create(actor=request.user, **values)

    def service_update(self, request, obj, changes):
        return services.claim_update(actor=request.user, claim=obj, **changes)

    # -- the claim page ----------------------------------------------------

    def response_add(self, request, obj, post_url_continue=None):
        # A new claim has nobody saying it yet: its page is where accounts are added.
        if request.POST.keys() & {"_addanother", "_popup"} or "_popup" in request.GET:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request, f"Claim added: {shorten(obj.text, 80)}. Now add who says it.", messages.SUCCESS
        )
        url = reverse("admin:tracker_claim_change", args=[obj.pk])
        return HttpResponseRedirect(f"{url}#accounts")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        if object_id and str(object_id).isdigit():
            context["claim_tools"] = ClaimPageTools(request, int(object_id))
        return super().change_view(request, object_id, form_url, context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        tools = context.get("claim_tools")
        if tools is not None:
            tools.claim = obj
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("status/", view(self.status_view), name="tracker_claim_set_status_bulk"),
            path(
                "<path:object_id>/status/",
                view(self.status_view),
                name="tracker_claim_set_status",
            ),
            path(
                "<path:object_id>/archive/", view(self.archive_view), name="tracker_claim_archive"
            ),
            path(
                "<path:object_id>/restore/", view(self.restore_view), name="tracker_claim_restore"
            ),
            path("<path:object_id>/flag/", view(self.flag_view), name="tracker_claim_flag"),
            *super().get_urls(),
        ]

    def status_view(self, request, object_id=None):
        return claim_views.set_status(self, request, object_id)

    def archive_view(self, request, object_id):
        return claim_views.archive(self, request, object_id)

    def restore_view(self, request, object_id):
        return claim_views.archive(self, request, object_id, restore=True)

    def flag_view(self, request, object_id):
        return claim_views.raise_flag(self, request, object_id)

    # -- actions -----------------------------------------------------------

    @admin.action(description="Set verification status…", permissions=["set_status"])
    def set_status_action(self, request, queryset):
        ids = [str(pk) for pk in queryset.order_by("pk").values_list("pk", flat=True)]
        limit = claim_views.MAX_CLAIMS_PER_VERDICT
        if len(ids) > limit:
            self.message_user(
                request, f"Select at most {limit} claims for one verdict.", messages.WARNING
            )
            return None
        page = reverse("admin:tracker_claim_set_status_bulk")
        return HttpResponseRedirect(f"{page}?ids={','.join(ids)}")

    @admin.action(description="Archive selected claims", permissions=["archive"])
    def archive_action(self, request, queryset):
        self._archive_each(request, queryset, services.claim_archive, "archived")

    @admin.action(description="Restore selected claims", permissions=["archive"])
    def restore_action(self, request, queryset):
        self._archive_each(request, queryset, services.claim_restore, "restored")

    def _archive_each(self, request, queryset, service, done: str) -> None:
        count, skipped = 0, []
        with transaction.atomic():
            for claim in queryset:
                try:
                    service(actor=request.user, claim=claim)
                    count += 1
                except ValidationError as error:
                    skipped.append(f"#{claim.pk}: {' '.join(error.messages)}")
        if count:
            self.message_user(request, f"{count} claim(s) {done}.", messages.SUCCESS)
        if skipped:
            self.message_user(request, "Skipped " + "; ".join(skipped), messages.WARNING)
