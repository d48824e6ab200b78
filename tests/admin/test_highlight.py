"""Marking quoted spans in a document's text (pure: no database)."""

import html
import re

from django.utils.html import escape

from tracker.admin.highlight import Span, highlight


def span(start, end, pk):
    return Span(start=start, end=end, pk=pk, url=f"/a/{pk}/", label=f"Account #{pk}")


def text_of(markup: str) -> str:
    """What a reader sees: the markup gone, the entities read back."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_no_spans_is_the_escaped_text():
    assert highlight("a < b & c", []) == "a &lt; b &amp; c"


def test_a_span_is_marked_and_linked():
    html = highlight("one two three", [span(4, 7, 9)])
    assert html == (
        'one <span id="quote-9" class="tracker-quote-anchor"></span>'
        '<mark class="tracker-quote" title="Account #9" data-accounts="9">'
        '<a href="/a/9/">two</a></mark> three'
    )


def test_script_in_text_and_labels_is_escaped():
    text = "<script>alert(1)</script> said the ministry"
    html = highlight(text, [Span(0, 8, 1, "/a/1/", 'x" onmouseover="bad')])
    assert "<script>" not in html
    assert escape("<script>") in html
    assert 'title="x&quot; onmouseover=&quot;bad"' in html
    assert text_of(html) == text


def test_overlapping_spans_never_nest_or_cross():
    text = "at least 35 civilians were killed"
    spans = [span(0, 21, 1), span(9, 33, 2), span(9, 11, 3)]
    html = highlight(text, spans)
    assert text_of(html) == text
    # Flat marks: every <mark> closes before the next one opens.
    tags = re.findall(r"</?mark", html)
    assert tags == ["<mark", "</mark"] * (len(tags) // 2)
    # "35" is covered by all three and links to the narrowest.
    piece = re.search(r'<mark class="tracker-quote tracker-quote-overlap"[^>]*'
                      r'data-accounts="3 1 2"><a href="/a/3/">35</a></mark>', html)  # fmt: skip
    assert piece
    # Each span's start has its anchor, even when two start together.
    assert all(f'id="quote-{pk}"' in html for pk in (1, 2, 3))


def test_identical_spans_share_one_mark():
    html = highlight("abc", [span(0, 3, 1), span(0, 3, 2)])
    assert html.count("<mark") == 1
    assert 'data-accounts="1 2"' in html


def test_spans_outside_the_text_are_ignored():
    assert highlight("abc", [span(2, 10, 1), span(2, 2, 2)]) == "abc"


def test_unicode_offsets_are_characters():
    text = "Deir ez-Zor — «at least 35»"
    start = text.index("at")
    html = highlight(text, [span(start, start + 11, 1)])
    assert '<a href="/a/1/">at least 35</a>' in html
