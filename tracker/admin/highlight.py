"""A document's text with its quoted spans marked and linked to their accounts.

The text is untrusted (pasted from the web), so it is escaped piece by piece and
only our own tags are added. Spans may overlap (two accounts quoting parts of
one sentence): the text is cut at every span boundary, so each piece is covered
by a fixed set of spans and gets one flat ``<mark>``; tags never nest or cross.
A piece covered by several spans links to the narrowest of them and is marked
as an overlap, with every account named in its title.

Suggested accounts (the extractor's, not yet a person's) are marked too, in
a colour of their own; where an account and a suggestion cover the same
words, the account is what the words link to.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

ACCOUNT = "account"
SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    # The account's (or the suggestion's) primary key.
    pk: int
    url: str
    label: str
    kind: str = ACCOUNT

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def anchor(self) -> str:
        return f"quote-{self.pk}" if self.kind == ACCOUNT else f"suggested-quote-{self.pk}"

    @property
    def rank(self) -> tuple[bool, int, int]:
        """Which span a piece links to: an account first, then the narrowest, then the oldest."""
        return (self.kind != ACCOUNT, self.length, self.pk)


def _mark_class(covering: list[Span]) -> str:
    classes = ["tracker-quote"]
    if len(covering) > 1:
        classes.append("tracker-quote-overlap")
    if all(s.kind == SUGGESTION for s in covering):
        classes.append("tracker-quote-suggested")
    return " ".join(classes)


def _data_attributes(covering: list[Span]) -> SafeString:
    accounts = " ".join(str(s.pk) for s in covering if s.kind == ACCOUNT)
    suggestions = " ".join(str(s.pk) for s in covering if s.kind == SUGGESTION)
    present = [(name, pks) for name, pks in (("accounts", accounts), ("suggestions", suggestions))]
    return format_html_join("", ' data-{}="{}"', ((name, pks) for name, pks in present if pks))


def highlight(text: str, spans: list[Span]) -> SafeString:
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    pieces: list[str] = []
    for start, end in pairwise(cuts):
        # Quadratic in the number of spans: the accounts and suggestions of
        # one page of text (admin/document_page.py), a few hundred at most.
        covering = sorted(
            (s for s in valid if s.start <= start and end <= s.end), key=lambda s: s.rank
        )
        anchors = format_html_join(
            "",
            '<span id="{}" class="tracker-quote-anchor"></span>',
            ((s.anchor,) for s in valid if s.start == start),
        )
        pieces.append(anchors)
        segment = text[start:end]
        if not covering:
            pieces.append(escape(segment))
            continue
        pieces.append(
            format_html(
                '<mark class="{}" title="{}"{}><a href="{}">{}</a></mark>',
                _mark_class(covering),
                "; ".join(s.label for s in covering),
                _data_attributes(covering),
                covering[0].url,
                segment,
            )
        )
    # Every piece above went through escape() or format_html().
    return mark_safe("".join(pieces))
