"""Badges and words for conflicts, stances and suggestions. Everything is escaped.

The CSS classes come from our own vocabularies, never from input: a value
that is not one we know gets the neutral class.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tracker.conflicts import (
    BASIS_CORROBORATED,
    BASIS_DENIED_ONLY,
    BASIS_DISPUTED,
    BASIS_HEDGED_ONLY,
    BASIS_INTERESTED_ONLY,
    BASIS_NO_ACCOUNTS,
    BASIS_RETRACTED,
    BASIS_SINGLE_INTERESTED_SOURCE,
    BASIS_SINGLE_SOURCE,
    BASIS_UNCONFIRMED,
    KIND_AFFILIATION_CYCLE,
    KIND_COUNT_AGREEMENT,
    KIND_COUNT_CONFLICT,
    KIND_COUNTED_ONCE,
    KIND_INTERESTED,
    KIND_INTERNAL_INCONSISTENCY,
    KIND_NOT_COMPARABLE,
    KIND_PERPETRATOR_CONTESTED,
    KIND_RETRACTED,
    KIND_STANCE_CONFLICT,
    KIND_STANCE_TENSION,
    KIND_UNCONFIRMED_BY,
)
from tracker.models import FindingSeverity
from tracker.vocabularies import Stance

KIND_LABELS = {
    KIND_COUNT_CONFLICT: "Figures conflict",
    KIND_STANCE_CONFLICT: "Stances conflict",
    KIND_PERPETRATOR_CONTESTED: "Responsibility contested",
    KIND_STANCE_TENSION: "Assertion against hedge",
    KIND_INTERNAL_INCONSISTENCY: "Inconsistent figures from one source",
    KIND_COUNT_AGREEMENT: "Figures agree",
    KIND_UNCONFIRMED_BY: "Unconfirmed by",
    KIND_COUNTED_ONCE: "Counted once",
    KIND_INTERESTED: "Interested",
    KIND_RETRACTED: "Retracted",
    KIND_NOT_COMPARABLE: "Not comparable",
    KIND_AFFILIATION_CYCLE: "Affiliation loop",
}

BASIS_LABELS = {
    BASIS_DISPUTED: "a conflict involves it",
    BASIS_CORROBORATED: "independent sources assert it, at least one not a party",
    BASIS_INTERESTED_ONLY: "only parties to the event assert it",
    BASIS_SINGLE_INTERESTED_SOURCE: "one source asserts it, and it is a party to the event",
    BASIS_SINGLE_SOURCE: "one independent source asserts it",
    BASIS_HEDGED_ONLY: "its sources only hedge it",
    BASIS_RETRACTED: "its only supporters retracted it",
    BASIS_DENIED_ONLY: "nobody supports it and someone denies it",
    BASIS_UNCONFIRMED: "sources only say they could not verify it or are looking into it",
    BASIS_NO_ACCOUNTS: "it has no accounts yet",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def basis_label(basis: str) -> str:
    return BASIS_LABELS.get(basis, basis.replace("_", " "))


def severity_badge(severity: str, text: str | None = None) -> SafeString:
    if severity not in FindingSeverity.values:
        severity = FindingSeverity.INFO
    return format_html(
        '<span class="tracker-badge tracker-severity-{}">{}</span>',
        severity,
        text if text is not None else FindingSeverity(severity).label.lower(),
    )


def stance_badge(stance: str) -> SafeString:
    label = Stance(stance).label if stance in Stance.values else stance
    css = stance if stance in Stance.values else "unknown"
    return format_html('<span class="tracker-badge tracker-stance-{}">{}</span>', css, label)


def interested_badge(interested: bool) -> SafeString:
    if interested:
        return format_html(
            '<span class="tracker-badge tracker-interested" title="{}">interested</span>',
            "A party to the event: cannot corroborate on its own.",
        )
    return format_html('<span class="tracker-badge tracker-independent">{}</span>', "independent")


def conflict_badges(conflicts: int, tensions: int) -> SafeString:
    """The claims list's column: open conflicts and tensions, or a quiet dash."""
    if not conflicts and not tensions:
        return format_html('<span class="tracker-muted">{}</span>', "—")
    parts = []
    if conflicts:
        text = "conflict" if conflicts == 1 else f"{conflicts} conflicts"
        parts.append(severity_badge(FindingSeverity.CONFLICT, text))
    if tensions:
        text = "tension" if tensions == 1 else f"{tensions} tensions"
        parts.append(severity_badge(FindingSeverity.TENSION, text))
    return format_html_join(" ", "{}", ((part,) for part in parts))
