"""A document's admin page at any length.

A wire story is a few thousand characters; a hearing transcript or a long
report can be megabytes, with twenty thousand suggested accounts. The page
shows one page of the text (with the quotes on it marked), one page of the
accounts quoting it and one page of its suggestions, so its size and its
queries stay the same whatever the document's length. Every quote links to
the page of text that holds it.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from django.urls import reverse
from django.utils.safestring import SafeString

from tracker import selectors
from tracker.admin.highlight import SUGGESTION, Span, highlight
from tracker.admin.paging import ListPage, Pager, choose_page, page_url
from tracker.models import Account, Document, Extraction, Suggestion
from tracker.selectors.claim_joining import claims_to_join
from tracker.selectors.event_candidates import DocumentCandidates, event_candidates_by_paragraph
from tracker.selectors.event_drafts import EventDraft, event_draft_for_document
from tracker.vocabularies import SuggestionStatus

TEXT_PAGE_CHARS = 20_000
SUGGESTIONS_PER_PAGE = 50
ACCOUNTS_PER_PAGE = 50
# Stretches the extractor set aside (captions, teasers) shown; the rest are counted.
NOISE_SHOWN = 50

TEXT_ANCHOR = "document-text"


def text_page_starts(text: str, size: int = TEXT_PAGE_CHARS) -> list[int]:
    """Where each page of ``text`` starts (character offsets, the first is 0).

    A page ends at a line break, else a space, in its last fifth, so that it
    does not stop in the middle of a word when it can help it.
    """
    starts = [0]
    while len(text) - starts[-1] > size:
        start = starts[-1]
        limit, floor = start + size, start + size - size // 5
        cut = text.rfind("\n", floor, limit)
        if cut == -1:
            cut = text.rfind(" ", floor, limit)
        starts.append(limit if cut == -1 else cut + 1)
    return starts


class TextPages(Pager):
    """One page of a document's text, and which page holds any offset."""

    def __init__(self, request, text: str, *, size: int = TEXT_PAGE_CHARS):
        self.starts = text_page_starts(text, size)
        choice = choose_page(request.GET.get("text_page"), len(self.starts))
        self.start = self.starts[choice.number - 1]
        self.end = self.starts[choice.number] if choice.number < len(self.starts) else len(text)
        self.text = text[self.start : self.end]
        super().__init__(
            request,
            param="text_page",
            noun="characters",
            anchor=TEXT_ANCHOR,
            number=choice.number,
            page_count=len(self.starts),
            first=self.start + 1,
            last=self.end,
            count=len(text),
            notice=choice.notice,
        )

    @property
    def summary(self) -> str:
        return f"page {self.number:,} of {self.page_count:,}: {super().summary}"

    def number_of(self, offset: int) -> int:
        """The page that holds the character at ``offset``."""
        return max(bisect_right(self.starts, offset), 1)

    def url_of(self, offset: int, anchor: str) -> str:
        return page_url(self.request, self.param, self.number_of(offset), anchor)


def account_span(account: Account) -> Span:
    return Span(
        start=account.quote_start,
        end=account.quote_end,
        pk=account.pk,
        url=reverse("admin:tracker_account_change", args=[account.pk]),
        label=f"Account #{account.pk}: {account.source} {account.get_stance_display().lower()}",
    )


def suggestion_span(suggestion: Suggestion) -> Span:
    return Span(
        start=suggestion.quote_start,
        end=suggestion.quote_end,
        pk=suggestion.pk,
        url=reverse("admin:tracker_suggestion_change", args=[suggestion.pk]),
        label=f"Suggestion {suggestion.ordinal} ({suggestion.get_status_display().lower()}): "
        f"{suggestion.speaker_display}",
        kind=SUGGESTION,
    )


def clipped(span: Span, start: int, end: int) -> Span:
    """``span`` cut to the page ``[start, end)``, its offsets counted from the page's start."""
    return Span(
        start=max(span.start, start) - start,
        end=min(span.end, end) - start,
        pk=span.pk,
        url=span.url,
        label=span.label,
        kind=span.kind,
    )


class DocumentPage:
    """What one document's page shows, as this request asks for it; read only if shown."""

    def __init__(self, request, document: Document):
        self.request = request
        self.document = document
        self.can_review = request.user.has_perm("tracker.change_suggestion")
        self.can_extract = request.user.has_perm("tracker.add_document")

    @cached_property
    def text(self) -> TextPages:
        return TextPages(self.request, self.document.text)

    @cached_property
    def highlighted_text(self) -> SafeString:
        page = self.text
        accounts, suggestions = selectors.document_quotes_between(
            document_id=self.document.pk, start=page.start, end=page.end
        )
        spans = [account_span(a) for a in accounts] + [suggestion_span(s) for s in suggestions]
        return highlight(page.text, [clipped(s, page.start, page.end) for s in spans])

    @cached_property
    def accounts(self) -> ListPage:
        page = ListPage(
            self.request,
            selectors.document_accounts(document_id=self.document.pk),
            param="accounts_page",
            noun="accounts",
            anchor="quoting-accounts",
            per_page=ACCOUNTS_PER_PAGE,
        )
        for account in page.items:
            account.text_url = (
                self.text.url_of(account.quote_start, f"quote-{account.pk}")
                if account.quote_start is not None
                else ""
            )
        return page

    @cached_property
    def _suggestion_counts(self) -> tuple[int, int]:
        return selectors.document_suggestion_counts(document_id=self.document.pk)

    @property
    def pending_count(self) -> int:
        return self._suggestion_counts[1]

    @cached_property
    def suggestions(self) -> ListPage:
        page = ListPage(
            self.request,
            selectors.document_suggestions(document_id=self.document.pk),
            param="suggestions_page",
            noun="suggestions",
            anchor="suggestions",
            per_page=SUGGESTIONS_PER_PAGE,
            count=self._suggestion_counts[0],
        )
        joins = claims_to_join(page.items)
        for suggestion in page.items:
            suggestion.text_url = self.text.url_of(
                suggestion.quote_start, f"suggested-quote-{suggestion.pk}"
            )
            suggestion.joins = joins.get(suggestion.pk)
        return page

    @cached_property
    def event_candidates(self) -> DocumentCandidates | None:
        """The events this report may be about; read only while suggestions wait."""
        if not self.pending_count:
            return None
        return event_candidates_by_paragraph(document=self.document)

    @cached_property
    def event_draft(self) -> EventDraft | None:
        return event_draft_for_document(document=self.document) if self.pending_count else None

    @property
    def pending_status(self) -> str:
        return SuggestionStatus.PENDING

    @cached_property
    def extraction(self) -> Extraction | None:
        return Extraction.objects.filter(document_id=self.document.pk).first()

    @property
    def noise(self) -> list[dict]:
        return (self.extraction.noise or [])[:NOISE_SHOWN] if self.extraction else []

    @property
    def noise_hidden(self) -> int:
        return max(len(self.extraction.noise or []) - NOISE_SHOWN, 0) if self.extraction else 0
