"""The event comparison page: every account side by side, conflicts on top, figures charted.

Two sources feed it, on purpose. The live comparison (``compare_event``, run
on every view) gives how each account was read (its root, whether it is
interested, comparable, retracted) and the chart's bars, consensus and
spread, none of which is stored. The stored findings give the conflicts,
since only they can be acknowledged, and the notes. A figure the live
comparison cannot compare but the stored findings do not mention (a unit we
no longer know) is noted as well, so nothing is dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString

from tracker import selectors
from tracker.admin.conflict_display import (
    basis_label,
    interested_badge,
    kind_label,
    severity_badge,
    stance_badge,
)
from tracker.admin.display import status_badge
from tracker.admin.range_chart import BarInput, RangeChart, range_chart
from tracker.conflicts import EventComparison
from tracker.models import Account, Claim, Finding
from tracker.vocabularies import (
    COUNT_ASPECTS,
    OPEN_SEVERITIES,
    AirwarsGrade,
    Aspect,
    FindingKind,
    label_of,
)

if TYPE_CHECKING:
    from tracker.admin.events import EventAdmin
    from tracker.selectors import EventComparisonData

ASPECT_ORDER = {value: index for index, value in enumerate(Aspect.values)}


def compare_url(event_id: int) -> str:
    return reverse("admin:tracker_event_compare", args=[event_id])


def claim_url(claim_id: int) -> str:
    return reverse("admin:tracker_claim_change", args=[claim_id])


def aspect_label(aspect: str) -> str:
    return Aspect(aspect).label if aspect in Aspect.values else aspect


@dataclass
class AccountRow:
    account: Account
    root_id: int | None
    root_name: str
    interested: SafeString
    stance: SafeString
    quote_url: str
    value: str
    retracted: bool
    # Why it cannot be compared; empty when it can.
    not_comparable: str


@dataclass
class ClaimBlock:
    claim: Claim
    url: str
    value: str
    status: SafeString
    suggested: SafeString | None
    suggestion_basis: str
    independent_sources: int
    not_comparable: str
    rows: list[AccountRow] = field(default_factory=list)


@dataclass
class AspectGroup:
    label: str
    claims: list[ClaimBlock]


@dataclass
class ConflictItem:
    finding: Finding
    badge: SafeString
    kind: str
    claims: list[tuple[str, str]]
    acknowledge_url: str


@dataclass
class Note:
    explanation: str
    claims: list[tuple[str, str]]


@dataclass
class NoteGroup:
    kind: str
    label: str
    notes: list[Note]


@dataclass
class ChartBlock:
    label: str
    chart: RangeChart


def claim_value(claim: Claim) -> str:
    """What a claim says, in a cell: its interval, or the parties it names."""
    if claim.aspect in COUNT_ASPECTS:
        return claim.interval_display or "no figure"
    names = [party.name for party in claim.named_parties.all()]
    return " or ".join(names)


def _not_comparable(comparison: EventComparison) -> tuple[dict[int, str], dict[int, str]]:
    """Why each claim and account cannot be compared, by id."""
    claims: dict[int, str] = {}
    accounts: dict[int, str] = {}
    for finding in comparison.findings:
        if finding.kind != FindingKind.NOT_COMPARABLE:
            continue
        if ":claim=" in finding.key:
            for claim_id in finding.claim_ids:
                claims.setdefault(claim_id, finding.explanation)
        for account_id in finding.account_ids:
            accounts.setdefault(account_id, finding.explanation)
    return claims, accounts


def _account_rows(
    data: EventComparisonData, blocks: dict[int, ClaimBlock], unreadable: dict[int, str]
) -> None:
    summaries = {summary.account_id: summary for summary in data.comparison.accounts}
    for account in data.accounts:
        block = blocks.get(account.claim_id)
        if block is None:
            continue
        summary = summaries.get(account.pk)
        reason = unreadable.get(account.pk, "")
        if summary is None or not summary.comparable:
            reason = reason or "The comparison could not read this account."
        quote_url = ""
        if account.document_id is not None:
            quote_url = reverse("admin:tracker_document_change", args=[account.document_id])
            if account.quote_start is not None:
                quote_url += f"#quote-{account.pk}"
        block.rows.append(
            AccountRow(
                account=account,
                root_id=summary.root_id if summary else None,
                root_name=summary.root_name if summary else "",
                interested=interested_badge(bool(summary and summary.interested)),
                stance=stance_badge(account.stance),
                quote_url=quote_url,
                value=block.value,
                retracted=bool(summary and summary.retracted),
                not_comparable=reason,
            )
        )


def account_groups(data: EventComparisonData) -> list[AspectGroup]:
    """The live claims by aspect, each with its accounts, read as the comparison read them."""
    unreadable_claims, unreadable_accounts = _not_comparable(data.comparison)
    blocks: dict[int, ClaimBlock] = {}
    for claim in sorted(data.claims, key=lambda c: (ASPECT_ORDER.get(c.aspect, 99), c.pk)):
        summary = data.comparison.claim(claim.pk)
        suggestion = summary.suggestion if summary else None
        blocks[claim.pk] = ClaimBlock(
            claim=claim,
            url=claim_url(claim.pk),
            value=claim_value(claim),
            status=status_badge(claim.status),
            suggested=status_badge(suggestion.status) if suggestion else None,
            suggestion_basis=basis_label(suggestion.basis) if suggestion else "",
            independent_sources=summary.independent_sources if summary else 0,
            not_comparable=unreadable_claims.get(claim.pk, ""),
        )
    _account_rows(data, blocks, unreadable_accounts)
    groups: dict[str, list[ClaimBlock]] = {}
    for block in blocks.values():
        groups.setdefault(block.claim.aspect, []).append(block)
    return [
        AspectGroup(label=aspect_label(aspect), claims=items) for aspect, items in groups.items()
    ]


def charts(data: EventComparisonData) -> list[ChartBlock]:
    approximate_claims = {claim.pk for claim in data.claims if claim.count_approximate}
    claim_of = {account.pk: account.claim_id for account in data.accounts}
    blocks = []
    for index, summary in enumerate(data.comparison.counts):
        bars = [
            BarInput(
                label=bar.voice.label,
                interval=bar.interval,
                hedged=bar.hedged_only,
                approximate=any(claim_of.get(a) in approximate_claims for a in bar.account_ids),
                consistent=bar.consistent,
                interested=bar.voice.interested,
                words=bar.words,
            )
            for bar in summary.bars
        ]
        chart = range_chart(
            chart_id=f"range-chart-{index}",
            bars=bars,
            unit=summary.unit,
            consensus=summary.consensus,
            spread=summary.spread,
            spread_words=summary.spread_words,
        )
        blocks.append(
            ChartBlock(label=f"{aspect_label(summary.aspect)} ({summary.unit})", chart=chart)
        )
    return blocks


def _claim_links(claims: list[Claim]) -> list[tuple[str, str]]:
    return [(claim_url(claim.pk), claim.text) for claim in claims]


def conflict_items(findings: list[Finding]) -> list[ConflictItem]:
    return [
        ConflictItem(
            finding=finding,
            badge=severity_badge(finding.severity),
            kind=kind_label(finding.kind),
            claims=_claim_links(finding.linked_claims),
            acknowledge_url=reverse("admin:tracker_finding_acknowledge", args=[finding.pk]),
        )
        for finding in findings
        if finding.severity in OPEN_SEVERITIES
    ]


def note_groups(data: EventComparisonData) -> list[NoteGroup]:
    """The stored notes by kind, and anything the live comparison could not compare."""
    by_kind: dict[str, list[Note]] = {}
    stored_keys = set()
    for finding in data.findings:
        stored_keys.add(finding.key)
        if finding.severity not in OPEN_SEVERITIES:
            by_kind.setdefault(finding.kind, []).append(
                Note(finding.explanation, _claim_links(finding.linked_claims))
            )
    claims = {claim.pk: claim for claim in data.claims}
    for finding in data.comparison.findings:
        if finding.kind == FindingKind.NOT_COMPARABLE and finding.key not in stored_keys:
            linked = [claims[pk] for pk in finding.claim_ids if pk in claims]
            by_kind.setdefault(finding.kind, []).append(
                Note(finding.explanation, _claim_links(linked))
            )
    order = {kind: index for index, kind in enumerate(FindingKind.values)}
    return [
        NoteGroup(kind=kind, label=kind_label(kind), notes=notes)
        for kind, notes in sorted(by_kind.items(), key=lambda item: order.get(item[0], 99))
    ]


def compare_view(model_admin: EventAdmin, request, object_id: str):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if not str(object_id).isdigit():
        raise Http404("No such event.")
    event = selectors.event_with_parties(event_id=int(object_id))
    if event is None:
        raise Http404("No such event.")
    data = selectors.event_comparison(event=event)
    conflicts = conflict_items(data.findings)
    notes = note_groups(data)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "media": model_admin.media,
        "title": f"Compare accounts: {data.event}",
        "event": data.event,
        "original": data.event,
        "account_count": len(data.accounts),
        "claim_count": len(data.claims),
        # The open ones lead; those an editor let stand are folded below them.
        "open_conflicts": [item for item in conflicts if item.finding.acknowledged_at is None],
        "settled_conflicts": [
            item for item in conflicts if item.finding.acknowledged_at is not None
        ],
        "charts": charts(data),
        "summary": data.comparison.summary,
        "grade_label": label_of(AirwarsGrade, data.comparison.summary.grade),
        "groups": account_groups(data),
        "notes": notes,
        "note_count": sum(len(group.notes) for group in notes),
        "can_acknowledge": request.user.has_perm("tracker.acknowledge_finding"),
        "can_change_event": model_admin.has_change_permission(request, data.event),
    }
    return TemplateResponse(request, "admin/tracker/event/compare.html", context)
