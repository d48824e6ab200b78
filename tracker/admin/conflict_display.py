"""Badges and words for conflicts, stances and suggestions. Everything is escaped.

The CSS classes come from our own vocabularies, never from input: a value
that is not one we know gets the neutral class.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tracker.vocabularies import FindingKind, FindingSeverity, Stance, SuggestionBasis, label_of


def kind_label(kind: str) -> str:
    return label_of(FindingKind, kind)


def basis_label(basis: str) -> str:
    return label_of(SuggestionBasis, basis)


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
