"""HTML to plain text with the standard library's parser: the fallback.

This was tracker's only HTML reader until bench/html_extraction.py showed
trafilatura keeping far less page furniture (html.py now uses it). It stays
for what trafilatura will not read (fragments, broken markup, pages it finds
no text in) and as the baseline of that benchmark. We want the visible prose
of an article, not a faithful rendering. Scripts, styles, navigation, forms,
figures (their captions describe a photo, often from another story) and the
like are dropped with everything inside them. When the page marks up its
story with <article>, only the longest article is kept, which leaves out the
related-story teasers most pages put around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose whole content is not article prose.
_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "nav", "footer", "aside", "form",
        "button", "select", "option", "textarea", "iframe", "object", "embed", "svg",
        "canvas", "figure", "figcaption", "menu", "dialog", "head",
    }
)  # fmt: skip
# Elements that start a new paragraph.
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "pre",
        "address", "hr", "body", "details", "summary",
    }
)  # fmt: skip
# Elements HTML closes implicitly; they never hold content, so never open a skip.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# An <article> shorter than this is a teaser card, not the story.
_MIN_ARTICLE_CHARS = 200

_SOURCE_SPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


# Stored with the text it derived, so a later reader can tell which reader it was.
SIMPLE_EXTRACTOR = "tracker html_simple 1"


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str
    extractor: str = SIMPLE_EXTRACTOR


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.skip_stack: list[str] = []
        self.in_title = False
        # Text of each <article>, outermost ones only, as (start, end) in parts.
        self.article_depth = 0
        self.article_start = 0
        self.articles: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            # <title> sits in <head>, which is skipped; it is the one part kept.
            self.in_title = True
            return
        if self.skip_stack:
            if tag in _SKIP and tag not in _VOID:
                self.skip_stack.append(tag)
            return
        if tag in _SKIP and tag not in _VOID:
            self.skip_stack.append(tag)
            return
        if tag == "article":
            if self.article_depth == 0:
                self.article_start = len(self.parts)
            self.article_depth += 1
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip_stack and tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if self.skip_stack:
            # Close up to the matching element; a stray end tag is ignored.
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "article" and self.article_depth > 0:
            self.article_depth -= 1
            if self.article_depth == 0:
                self.articles.append((self.article_start, len(self.parts)))

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_stack:
            # Line breaks in the source are spaces on the page; only tags break lines.
            self.parts.append(_SOURCE_SPACE.sub(" ", data))


def simple_html_to_text(html: str) -> HtmlText:
    """The visible prose of an HTML page, one blank line between paragraphs."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:
        # html.parser is tolerant, but if it ever gives up, keep what it read.
        pass
    parts = collector.parts
    if collector.article_depth > 0:  # an unclosed <article> runs to the end
        collector.articles.append((collector.article_start, len(parts)))
    best: list[str] | None = None
    for start, end in collector.articles:
        candidate = parts[start:end]
        if len("".join(candidate).strip()) >= _MIN_ARTICLE_CHARS and (
            best is None or len("".join(candidate)) > len("".join(best))
        ):
            best = candidate
    text = _tidy("".join(best if best is not None else parts))
    title = " ".join(_SPACES.sub(" ", "".join(collector.title_parts)).split())
    return HtmlText(text=text, title=title)


def _tidy(raw: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    text = "\n".join(lines)
    return _BLANKS.sub("\n\n", text).strip()
