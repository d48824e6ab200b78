"""A document's text with its quoted spans marked and linked to their accounts.

The text is untrusted (pasted from the web), so it is escaped piece by piece and
only our own tags are added. Spans may overlap (two accounts quoting parts of
one sentence): the text is cut at every span boundary, so each piece is covered
by a fixed set of spans and gets one flat ``<mark>``; tags never nest or cross.
A piece covered by several spans links to the narrowest of them and is marked
as an overlap, with every account named in its title.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    account_id: int
    url: str
    label: str

    @property
    def length(self) -> int:
        return self.end - self.start


def highlight(text: str, spans: list[Span]) -> SafeString:
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    pieces: list[str] = []
    for start, end in pairwise(cuts):
        # Quadratic in the number of spans, which is the number of accounts
        # quoting one document: tens, not thousands.
        covering = sorted(
            (s for s in valid if s.start <= start and end <= s.end),
            key=lambda s: (s.length, s.account_id),
        )
        anchors = format_html_join(
            "",
            '<span id="quote-{}" class="tracker-quote-anchor"></span>',
            ((s.account_id,) for s in valid if s.start == start),
        )
        pieces.append(anchors)
        segment = text[start:end]
        if not covering:
            pieces.append(escape(segment))
            continue
        pieces.append(
            format_html(
                '<mark class="tracker-quote{}" title="{}" data-accounts="{}">'
                '<a href="{}">{}</a></mark>',
                " tracker-quote-overlap" if len(covering) > 1 else "",
                "; ".join(s.label for s in covering),
                " ".join(str(s.account_id) for s in covering),
                covering[0].url,
                segment,
            )
        )
    # Every piece above went through escape() or format_html().
    return mark_safe("".join(pieces))
