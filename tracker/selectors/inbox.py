"""The editors' inbox: everything waiting for an editor, each row saying why.

Rows are ranked by reason (``REASONS``, most urgent first) and then oldest
first. Each reason is its own query, a walk of an index kept for it, cut at
the rows a page needs; the walks are merged here. So a page costs the same
few queries at a thousand claims as at a million, and nothing counts the
archive: the counts stop at ``COUNT_CAP``.

A claim waiting for several reasons is listed once, under the first, and
names the others.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from tracker.models import Account, Assignment, Claim, Document, Finding, Suggestion
from tracker.vocabularies import NO_VERDICT, SuggestionStatus, VerificationStatus

COUNT_CAP = 1000
MAX_PAGE = 200
# Pending suggestions read per step of the documents' walk (documents come
# in runs of their suggestions), and at most this many steps.
SUGGESTION_CHUNK = 500
SUGGESTION_STEPS = 4


@dataclass(frozen=True)
class Reason:
    key: str
    label: str  # as a heading: "Open conflicts on judged claims"
    why: str  # as a row's reason
    tag: str  # as a row's short badge


@dataclass
class InboxItem:
    reason: Reason
    since: datetime
    key: tuple[str, int]  # ("claim"|"finding"|"document", pk)
    claim: Claim | None = None
    finding: Finding | None = None
    document: Document | None = None
    also: list[Reason] = field(default_factory=list)
    assignment: Assignment | None = None

    @property
    def event(self):
        if self.claim is not None:
            return self.claim.event
        if self.finding is not None:
            return self.finding.event
        return None

    @property
    def title(self) -> str:
        if self.claim is not None:
            return self.claim.text
        if self.finding is not None:
            return self.finding.explanation
        return self.document.display_title or f"Document {self.document.pk}"


@dataclass
class InboxPage:
    items: list[InboxItem]
    has_more: bool
    offset: int
    limit: int


VERDICT_CONFLICT = Reason(
    "verdict_conflict",
    "Open conflicts on judged claims",
    "A conflict or tension is open on a claim that has a verdict",
    "Conflict on a verdict",
)
SENT_BACK = Reason(
    "sent_back",
    "Sent back to review",
    "An edit of the judged claim sent it back to review",
    "Sent back",
)
OPEN_FLAG = Reason("open_flag", "Open flags", "A reporter flagged it", "Flagged")
OPEN_CONFLICT = Reason(
    "open_conflict",
    "Conflicts not yet acknowledged",
    "A conflict or tension is not acknowledged",
    "Open conflict",
)
ACCOUNTS_CHANGED = Reason(
    "accounts_changed",
    "Accounts changed since the verdict",
    "Accounts were added or removed since its last status change",
    "Accounts changed",
)
SUGGESTIONS = Reason(
    "suggestions",
    "Documents with suggestions",
    "Suggested accounts are waiting for a decision",
    "Suggestions",
)
READY_TO_JUDGE = Reason(
    "ready_to_judge",
    "Unverified, with two or more accounts",
    "Unverified, and two or more accounts to judge it by",
    "Ready to judge",
)
REASONS = (
    VERDICT_CONFLICT, SENT_BACK, OPEN_FLAG, OPEN_CONFLICT, ACCOUNTS_CHANGED, SUGGESTIONS,
    READY_TO_JUDGE,
)  # fmt: skip
REASON_BY_KEY = {reason.key: reason for reason in REASONS}


@dataclass(frozen=True)
class InboxFilter:
    event_id: int | None = None
    # "Assigned to me": the claim, or its event; a document, for its suggestions.
    assignee_id: int | None = None


def _current_assignment(**match) -> Exists:
    return Exists(Assignment.objects.filter(ended_at__isnull=True, **match))


def _claims_assigned(assignee_id: int) -> Q:
    return Q(_current_assignment(claim=OuterRef("pk"), assignee_id=assignee_id)) | Q(
        _current_assignment(event=OuterRef("event_id"), assignee_id=assignee_id)
    )


def _live_claims(where: Q, filters: InboxFilter) -> QuerySet[Claim]:
    claims = Claim.objects.filter(where, archived_at__isnull=True)
    if filters.event_id is not None:
        claims = claims.filter(event_id=filters.event_id)
    if filters.assignee_id is not None:
        claims = claims.filter(_claims_assigned(filters.assignee_id))
    return claims


def _open_findings(*, on_judged: bool, filters: InboxFilter) -> QuerySet[Finding]:
    judged = Exists(
        Claim.objects.filter(findings=OuterRef("pk"), archived_at__isnull=True).exclude(
            status__in=NO_VERDICT
        )
    )
    findings = Finding.objects.filter(is_open=True).filter(judged if on_judged else ~judged)
    if filters.event_id is not None:
        findings = findings.filter(event_id=filters.event_id)
    if filters.assignee_id is not None:
        mine = Claim.objects.filter(findings=OuterRef(OuterRef("pk"))).filter(
            _claims_assigned(filters.assignee_id)
        )
        findings = findings.filter(
            Q(_current_assignment(event=OuterRef("event_id"), assignee_id=filters.assignee_id))
            | Q(Exists(mine))
        )
    return findings


def _has_two_accounts() -> Exists:
    # The second account of the claim, if any: no count of all of them.
    return Exists(Account.objects.filter(claim=OuterRef("pk")).order_by().values("pk")[1:2])


# reason -> (queryset of its rows, the column ordering them oldest first)
def _claim_query(reason: Reason, filters: InboxFilter) -> tuple[QuerySet, str]:
    if reason is SENT_BACK:
        where = Q(sent_back_at__isnull=False, status=VerificationStatus.IN_REVIEW)
        return _live_claims(where, filters), "sent_back_at"
    if reason is OPEN_FLAG:
        return _live_claims(Q(oldest_open_flag_at__isnull=False), filters), "oldest_open_flag_at"
    if reason is ACCOUNTS_CHANGED:
        return _live_claims(Q(accounts_changed_at__isnull=False), filters), "accounts_changed_at"
    assert reason is READY_TO_JUDGE
    where = Q(status=VerificationStatus.UNVERIFIED) & Q(_has_two_accounts())
    return _live_claims(where, filters), "updated_at"


def _pending_suggestions(filters: InboxFilter) -> QuerySet[Suggestion]:
    pending = Suggestion.objects.filter(status=SuggestionStatus.PENDING)
    if filters.event_id is not None:
        pending = pending.filter(event_id=filters.event_id)
    if filters.assignee_id is not None:
        pending = pending.filter(
            _current_assignment(document=OuterRef("document_id"), assignee_id=filters.assignee_id)
        )
    return pending


def _reason_query(reason: Reason, filters: InboxFilter) -> tuple[QuerySet, str]:
    if reason is VERDICT_CONFLICT:
        return _open_findings(on_judged=True, filters=filters), "created_at"
    if reason is OPEN_CONFLICT:
        return _open_findings(on_judged=False, filters=filters), "created_at"
    if reason is SUGGESTIONS:
        return _pending_suggestions(filters), "created_at"
    return _claim_query(reason, filters)


def inbox_counts(filters: InboxFilter = InboxFilter()) -> dict[str, int]:
    """Rows per reason, each counted only up to ``COUNT_CAP + 1`` (shown as "1,000+")."""
    counts = {}
    for reason in REASONS:
        rows, _ = _reason_query(reason, filters)
        column = "document_id" if reason is SUGGESTIONS else "pk"
        bounded = rows.order_by().values(column)
        if reason is SUGGESTIONS:
            bounded = bounded.distinct()
        counts[reason.key] = bounded[: COUNT_CAP + 1].count()
    return counts


def count_label(count: int) -> str:
    return f"{COUNT_CAP:,}+" if count > COUNT_CAP else f"{count:,}"


def _walk_documents(pending: QuerySet[Suggestion], want: int) -> list[tuple[int, datetime]]:
    """The first ``want`` documents with pending suggestions, by their oldest one."""
    found: dict[int, datetime] = {}
    rows = pending.order_by("created_at", "id").values_list("document_id", "created_at", "id")
    after = None
    for _ in range(SUGGESTION_STEPS):
        step = rows
        if after is not None:
            step = rows.filter(Q(created_at__gt=after[0]) | Q(created_at=after[0], id__gt=after[1]))
        chunk = list(step[:SUGGESTION_CHUNK])
        for document_id, created_at, _pk in chunk:
            found.setdefault(document_id, created_at)
        if len(found) >= want or len(chunk) < SUGGESTION_CHUNK:
            break
        after = chunk[-1][1:]
    return list(found.items())[:want]


def _fetch(reason: Reason, filters: InboxFilter, want: int) -> list[InboxItem]:
    rows, column = _reason_query(reason, filters)
    if reason is SUGGESTIONS:
        return [
            InboxItem(reason=reason, since=since, key=("document", pk))
            for pk, since in _walk_documents(rows, want)
        ]
    objects = rows.select_related("event").order_by(column, "id")[:want]
    if reason in (VERDICT_CONFLICT, OPEN_CONFLICT):
        return [
            InboxItem(reason=reason, since=f.created_at, key=("finding", f.pk), finding=f)
            for f in objects.defer("details")
        ]
    return [
        InboxItem(reason=reason, since=getattr(c, column), key=("claim", c.pk), claim=c)
        for c in objects.defer("search_vector", "suggestion_reasons")
    ]


def inbox_page(
    *,
    filters: InboxFilter = InboxFilter(),
    reason: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> InboxPage:
    """One page of the inbox: at most one query per reason, plus two to fill the rows in."""
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    reasons = REASONS if reason is None else (REASON_BY_KEY[reason],)
    want = offset + limit + 1
    merged: list[InboxItem] = []
    seen: dict[tuple[str, int], InboxItem] = {}
    for each in reasons:
        for item in _fetch(each, filters, want):
            if item.key in seen:
                seen[item.key].also.append(each)
                continue
            seen[item.key] = item
            merged.append(item)
    page = merged[offset : offset + limit]
    _fill_in(page)
    return InboxPage(items=page, has_more=len(merged) > offset + limit, offset=offset, limit=limit)


def _fill_in(items: list[InboxItem]) -> None:
    """The documents' titles and each row's current assignment, one query each."""
    document_ids = [item.key[1] for item in items if item.key[0] == "document"]
    if document_ids:
        documents = Document.objects.only("pk", "title", "working_title", "title_mismatch").in_bulk(
            document_ids
        )
        for item in items:
            if item.key[0] == "document":
                item.document = documents[item.key[1]]
    claim_ids = [item.claim.pk for item in items if item.claim is not None]
    event_ids = {item.event.pk for item in items if item.event is not None}
    if not claim_ids and not event_ids and not document_ids:
        return
    current = Assignment.objects.filter(ended_at__isnull=True).filter(
        Q(claim_id__in=claim_ids) | Q(event_id__in=event_ids) | Q(document_id__in=document_ids)
    )
    by_subject = {}
    for assignment in current.select_related("assignee"):
        by_subject[assignment.subject_kind, assignment.subject_id] = assignment
    for item in items:
        if item.claim is not None and ("claim", item.claim.pk) in by_subject:
            item.assignment = by_subject["claim", item.claim.pk]
        elif item.document is not None:
            item.assignment = by_subject.get(("document", item.document.pk))
        elif item.event is not None:
            item.assignment = by_subject.get(("event", item.event.pk))


def reason_choices() -> list[tuple[str, str]]:
    return [(reason.key, reason.label) for reason in REASONS]
