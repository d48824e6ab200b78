"""The review queue: claims with open flags, oldest open flag first."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from tracker import selectors, services
from tracker.admin.base import ADMIN_CSS
from tracker.admin.display import shorten, status_badge, user_name
from tracker.admin.large_lists import EstimatedCountPaginator, RecentEventFilter
from tracker.admin.row_checkbox import RowCheckbox
from tracker.models import ReviewQueueClaim
from tracker.selectors._built_once import built_once
from tracker.vocabularies import FlagKind, FlagReason

# The queue's query, built once (see selectors/_built_once.py).
queue_rows = built_once(selectors.review_queue_queryset)


# Labels by value, looked up once: a page lists fifty claims' flags.
KIND_LABELS = dict(FlagKind.choices)
REASON_LABELS = dict(FlagReason.choices)


def back_to_queue() -> str:
    """The query string that brings a resolved flag's editor back to the queue."""
    return urlencode({"next": reverse("admin:tracker_reviewqueueclaim_changelist")})


def flag_list(flags, *, can_resolve: bool, back: str | None = None):
    """Open flags as a list: kind, reason, note, who and when, and a way to resolve."""
    back = back_to_queue() if back is None else back
    return format_html(
        '<ul class="tracker-flag-list">{}</ul>',
        format_html_join(
            "",
            '<li><strong>{}</strong>: {}{} <span class="tracker-muted">by {}, {}</span>{}</li>',
            (
                (
                    KIND_LABELS.get(flag.kind, flag.kind),
                    REASON_LABELS.get(flag.reason, flag.reason),
                    f" — “{shorten(flag.note, 200)}”" if flag.note else "",
                    user_name(flag.raised_by),
                    f"{flag.raised_at:%Y-%m-%d %H:%M}",
                    format_html(
                        ' <a href="{}?{}">Resolve…</a>',
                        reverse("admin:tracker_flag_resolve", args=[flag.pk]),
                        back,
                    )
                    if can_resolve
                    else "",
                )
                for flag in flags
            ),
        ),
    )


@admin.register(ReviewQueueClaim)
class ReviewQueueAdmin(RowCheckbox, admin.ModelAdmin):
    list_display = ("claim", "status", "oldest_flag")
    list_display_links = None
    list_filter = ("status", RecentEventFilter)
    search_fields = ("text",)
    search_help_text = "Searches claim text, quotes, and the names and aliases of sources."
    list_per_page = 50
    ordering = ("oldest_open_flag_at", "pk")
    # Like the claims list: no COUNT(*) of every flagged claim, no list of every event.
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    actions = ("resolve_open_flags",)

    class Media:
        css = {"all": (ADMIN_CSS,)}

    def get_queryset(self, request):
        return queue_rows()

    def get_search_results(self, request, queryset, search_term):
        return selectors.claim_search(queryset, search_term), False

    # The queue is a view on claims: claims are edited on their own page.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_resolve_permission(self, request):
        return request.user.has_perm("tracker.resolve_flag")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # One queue item is one claim: look at it on the claim's own page.
        return HttpResponseRedirect(reverse("admin:tracker_claim_change", args=[object_id]))

    def get_list_display(self, request):
        # The flags column offers "Resolve…" only to those who may resolve; a
        # column is a callable built per request, since list_display methods
        # do not see the request and the ModelAdmin is shared between threads.
        can_resolve = request.user.has_perm("tracker.resolve_flag")
        back = back_to_queue()

        @admin.display(description="open flags")
        def open_flags(obj: ReviewQueueClaim):
            return flag_list(obj.open_flags, can_resolve=can_resolve, back=back)

        return ("claim", "status", "oldest_flag", open_flags)

    @admin.display(description="claim")
    def claim(self, obj: ReviewQueueClaim):
        url = reverse("admin:tracker_claim_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, shorten(obj.text))

    @admin.display(description="status", ordering="status")
    def status(self, obj: ReviewQueueClaim):
        return status_badge(obj.status)

    @admin.display(description="oldest open flag", ordering="oldest_open_flag_at")
    def oldest_flag(self, obj: ReviewQueueClaim):
        return obj.oldest_open_flag_at

    @admin.action(description="Resolve all open flags on selected claims", permissions=["resolve"])
    def resolve_open_flags(self, request, queryset):
        count = 0
        with transaction.atomic():
            for claim in queryset:
                for flag in claim.open_flags:
                    try:
                        services.flag_resolve(actor=request.user, flag=flag)
                        count += 1
                    except ValidationError:
                        # Resolved meanwhile by someone else: nothing left to do.
                        continue
        self.message_user(request, f"{count} flag(s) resolved.", messages.SUCCESS)
