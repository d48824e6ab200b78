"""Reads of captures: a document's, one URL's versions, and what changed between two."""

import difflib
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Min, Prefetch, QuerySet

from tracker.models import Capture, Document


def capture_list_queryset() -> QuerySet[Capture]:
    """Captures with who captured and, for a purged one, its purge record: no query per row."""
    return Capture.objects.select_related(
        "captured_by", "purge", "purge__purged_by", "document", "supersedes"
    ).order_by("captured_at", "id")


def with_captures(documents: QuerySet[Document]) -> QuerySet[Document]:
    """Documents with their captures prefetched as ``capture_list`` (one query for them all)."""
    return documents.prefetch_related(
        Prefetch("captures", queryset=capture_list_queryset(), to_attr="capture_list")
    )


@dataclass(frozen=True)
class DocumentVersion:
    """One text a URL has had, with when captures saw it."""

    document_id: int
    title: str
    first_captured_at: datetime
    last_captured_at: datetime
    capture_count: int
    previous_id: int | None


def document_versions(document: Document) -> list[DocumentVersion]:
    """Every document captured at a URL this document was captured at, oldest first.

    Three queries whatever the number of versions: the document's URLs, the
    captures of those URLs grouped by document, and those documents' titles.
    """
    urls = list(
        Capture.objects.filter(document=document)
        .exclude(url="")
        .values_list("url", flat=True)
        .distinct()
    )
    if not urls:
        return []
    rows = list(
        Capture.objects.filter(url__in=urls)
        .values("document_id")
        .annotate(first=Min("captured_at"), last=Max("captured_at"), count=Count("id"))
        .order_by("first", "document_id")
    )
    documents = Document.objects.only("pk", "title", "working_title", "title_mismatch").in_bulk(
        [row["document_id"] for row in rows]
    )
    versions: list[DocumentVersion] = []
    for row in rows:
        versions.append(
            DocumentVersion(
                document_id=row["document_id"],
                title=documents[row["document_id"]].display_title,
                first_captured_at=row["first"],
                last_captured_at=row["last"],
                capture_count=row["count"],
                previous_id=versions[-1].document_id if versions else None,
            )
        )
    return versions


@dataclass(frozen=True)
class ChangedPart:
    """One stretch of two versions: kept, removed, added, or replaced (both sides)."""

    kind: str  # "same", "removed", "added", "changed"
    before: tuple[tuple[str, bool], ...]  # (words, changed?) runs of the earlier text
    after: tuple[tuple[str, bool], ...]


def _runs(words: list[str], start: int, end: int, changed: bool) -> list[tuple[str, bool]]:
    return [(" ".join(words[start:end]), changed)] if end > start else []


def _word_diff(before: str, after: str) -> tuple[tuple, tuple]:
    old, new = before.split(), after.split()
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left += _runs(old, i1, i2, tag != "equal")
        right += _runs(new, j1, j2, tag != "equal")
    return tuple(left), tuple(right)


def text_changes(before: str, after: str) -> list[ChangedPart]:
    """What changed from ``before`` to ``after``, paragraph by paragraph, words marked."""
    old = [p for p in before.split("\n") if p.strip()]
    new = [p for p in after.split("\n") if p.strip()]
    parts: list[ChangedPart] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts += [ChangedPart("same", ((p, False),), ((p, False),)) for p in old[i1:i2]]
        elif tag == "delete":
            parts += [ChangedPart("removed", ((p, True),), ()) for p in old[i1:i2]]
        elif tag == "insert":
            parts += [ChangedPart("added", (), ((p, True),)) for p in new[j1:j2]]
        else:
            pairs = max(i2 - i1, j2 - j1)
            for n in range(pairs):
                left = old[i1 + n] if i1 + n < i2 else ""
                right = new[j1 + n] if j1 + n < j2 else ""
                if left and right:
                    parts.append(ChangedPart("changed", *_word_diff(left, right)))
                elif left:
                    parts.append(ChangedPart("removed", ((left, True),), ()))
                else:
                    parts.append(ChangedPart("added", (), ((right, True),)))
    return parts
