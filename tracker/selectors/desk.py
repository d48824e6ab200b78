"""The desk's reads: one timeline per claim or event, and a person's own view."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from tracker.models import Account, Assignment, Claim, Comment, Document, Event, Flag, StatusChange

# The latest entries of each kind a timeline shows; older ones stay in the lists.
TIMELINE_PER_KIND = 200
MY_DESK_ROWS = 50


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    # comment, status, flag_raised, flag_resolved, account, account_removed,
    # assignment, unassigned
    kind: str
    who: Any  # a user, or None for the system
    summary: str
    obj: Any

    @property
    def sort_key(self) -> tuple:
        return (self.at, self.kind, self.obj.pk)


def _subject_filter(claim: Claim | None, event: Event | None, *, via_claim: bool) -> Q:
    if claim is not None:
        return Q(claim=claim)
    return Q(claim__event=event) if via_claim else Q(event=event)


def _latest(queryset: QuerySet, column: str) -> list:
    # The latest of each kind, in time order.
    return list(reversed(queryset.order_by(f"-{column}", "-id")[:TIMELINE_PER_KIND]))


def _assignment_entries(assignments: QuerySet[Assignment]) -> list[TimelineEntry]:
    entries = []
    for a in _latest(
        assignments.select_related("assignee", "assigned_by", "ended_by"), "assigned_at"
    ):
        asked = f": {a.request}" if a.request else ""
        entries.append(
            TimelineEntry(
                a.assigned_at, "assignment", a.assigned_by, f"Assigned to {a.assignee}{asked}", a
            )
        )
        if a.ended_at is not None:
            entries.append(
                TimelineEntry(
                    a.ended_at, "unassigned", a.ended_by, f"{a.assignee} no longer assigned", a
                )
            )
    return entries


def document_timeline(*, document: Document) -> list[TimelineEntry]:
    """A document's assignments, in time order: a document has no discussion. One query."""
    entries = _assignment_entries(Assignment.objects.filter(document=document))
    entries.sort(key=lambda entry: entry.sort_key)
    return entries


def timeline(*, claim: Claim | None = None, event: Event | None = None) -> list[TimelineEntry]:
    """Comments, status changes, flags raised and resolved, accounts added and
    removed, and assignments of a claim (or an event and its claims), in time order.

    Six queries whatever the history's length.
    """
    if (claim is None) == (event is None):
        raise ValueError("a timeline is of one claim or one event")
    entries: list[TimelineEntry] = []
    comments = Comment.objects.filter(_subject_filter(claim, event, via_claim=False))
    for comment in _latest(comments.select_related("author", "redacted_by"), "created_at"):
        entries.append(TimelineEntry(comment.created_at, "comment", comment.author, "", comment))
    assignments = Assignment.objects.filter(_subject_filter(claim, event, via_claim=False))
    entries += _assignment_entries(assignments)
    changes = StatusChange.objects.filter(_subject_filter(claim, event, via_claim=True))
    for change in _latest(changes.select_related("changed_by", "claim"), "changed_at"):
        summary = f"{change.get_from_status_display()} → {change.get_to_status_display()}"
        if change.rationale:
            summary += f": {change.rationale}"
        entries.append(
            TimelineEntry(change.changed_at, "status", change.changed_by, summary, change)
        )
    flags = Flag.objects.filter(_subject_filter(claim, event, via_claim=True))
    for flag in _latest(flags.select_related("raised_by", "resolved_by", "claim"), "raised_at"):
        raised = f"Flagged: {flag.get_kind_display()} ({flag.get_reason_display()})"
        if flag.note:
            raised += f" — {flag.note}"
        entries.append(TimelineEntry(flag.raised_at, "flag_raised", flag.raised_by, raised, flag))
        if flag.resolved_at is not None:
            resolved = "Flag resolved" + (
                f": {flag.resolution_note}" if flag.resolution_note else ""
            )
            entries.append(
                TimelineEntry(flag.resolved_at, "flag_resolved", flag.resolved_by, resolved, flag)
            )
    accounts = Account.objects.filter(_subject_filter(claim, event, via_claim=True))
    for account in _latest(
        accounts.select_related("source", "created_by", "claim").defer("document__text"),
        "created_at",
    ):
        summary = f"Account added: {account.source} {account.get_stance_display().lower()}"
        entries.append(
            TimelineEntry(account.created_at, "account", account.created_by, summary, account)
        )
    # A removed account is gone from its table; its history keeps who removed it and when.
    removed = Account.history.filter(
        _subject_filter(claim, event, via_claim=True), history_type="-"
    )
    for record in _latest(
        removed.select_related("source", "history_user").defer("source__description"),
        "history_date",
    ):
        summary = f"Account removed: {record.source} {record.get_stance_display().lower()}"
        who = record.history_user
        entries.append(TimelineEntry(record.history_date, "account_removed", who, summary, record))
    entries.sort(key=lambda entry: entry.sort_key)
    return entries


@dataclass
class MyDesk:
    assigned: list[Assignment]
    flags: list[Flag]
    documents: list[Document]


def my_desk(*, user) -> MyDesk:
    """What is assigned to ``user`` (claims, events and documents to process), the
    flags they raised that are still open, and the documents they added, latest
    first. Three queries."""
    assigned = (
        Assignment.objects.filter(assignee=user, ended_at__isnull=True)
        .select_related("claim", "event", "document", "assigned_by")
        .defer("claim__search_vector", "document__text")
        .order_by("-assigned_at", "-id")[:MY_DESK_ROWS]
    )
    flags = (
        Flag.objects.filter(raised_by=user, resolved_at__isnull=True)
        .select_related("claim")
        .defer("claim__search_vector")
        .order_by("-raised_at", "-id")[:MY_DESK_ROWS]
    )
    documents = (
        Document.objects.filter(created_by=user)
        .only("pk", "title", "working_title", "title_mismatch", "created_at", "url")
        .order_by("-created_at", "-id")[:MY_DESK_ROWS]
    )
    return MyDesk(assigned=list(assigned), flags=list(flags), documents=list(documents))
