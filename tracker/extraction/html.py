"""HTML to article text: trafilatura, with the standard-library reader as a fallback.

On the 36 saved pages of bench/html_pages (modern tagged articles, div-only
and table layouts, with navigation, captions, teasers, cookie banners and
comments) trafilatura kept the story and left out the page around it far
better than our own html.parser reader did (bench/RESULTS.md, "HTML to
text"). It runs offline on lxml. ``favor_recall`` and no tables did best
there: layout tables are how older sites place their columns, and reading
them as data tables glued the story to the sidebars.

The text keeps one blank line between paragraphs, as the attribution
extractor expects. The title is the page's <title>, as before.
"""

from __future__ import annotations

import re

import trafilatura

from tracker.extraction.html_simple import SIMPLE_EXTRACTOR, HtmlText, simple_html_to_text

# Which reader made a text, and at which version: stored with what it derived.
TRAFILATURA = f"trafilatura {trafilatura.__version__}"
SIMPLE = SIMPLE_EXTRACTOR
# Recorded with every capture whose text this module derived: bump it when a
# change would turn the same page into different text. html-1 was the
# html.parser reader alone (html_simple.py now, the fallback of html-2);
# trafilatura's version is in it because a new trafilatura can read the same
# page differently. At most 40 characters (Capture.html_extractor_version).
HTML_TO_TEXT_VERSION = f"html-2 trafilatura-{trafilatura.__version__}"

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
# What HTML itself marks as no part of the story. trafilatura leaves most of it
# out, but on a page with little text its fallback keeps everything, menus too;
# dropping these first gives the same answer as the old reader there.
_NOT_STORY = (
    "nav", "footer", "aside", "form", "figure", "figcaption", "noscript", "iframe",
    "button", "select", "textarea", "dialog", "menu", "template",
)  # fmt: skip
_NOT_STORY_XPATH = " | ".join(f"//{tag}" for tag in _NOT_STORY)


def _title(tree) -> str:
    # lxml's parser puts <title> in <head> even when the page left it out.
    found = tree.xpath("/html/head/title")
    return " ".join(_SPACES.sub(" ", found[0].text_content()).split()) if found else ""


# trafilatura's output elements that hold blocks rather than text of their own.
_CONTAINERS = frozenset({"body", "div", "doc", "list", "quote", "table", "row"})


def _inline(element) -> str:
    parts = [element.text or ""]
    for child in element:
        # <lb/> is a <br> of the page: a line break inside the paragraph, not a new one,
        # so '"We are investigating,"<br>a spokesman said' stays one paragraph.
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(element) -> list[str]:
    if element.tag in _CONTAINERS and len(element):
        blocks = [element.text or ""]
        for child in element:
            blocks += _blocks(child)
            blocks.append(child.tail or "")
        return blocks
    return [_inline(element)]


def _tidy_block(block: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in block.split("\n"))
    return "\n".join(line for line in lines if line)


def _paragraphs(body) -> str:
    """trafilatura's body as text: paragraphs apart by a blank line, <br> as a line break."""
    blocks = (_tidy_block(block) for block in _blocks(body))
    return "\n\n".join(block for block in blocks if block)


def html_to_text(html: str) -> HtmlText:
    """The article's prose, one blank line between paragraphs, and the page's title."""
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is not None:
        title = _title(tree)
        for element in tree.xpath(_NOT_STORY_XPATH):
            # lxml.html's drop_tree keeps the element's tail, text that follows it.
            element.drop_tree()
        document = trafilatura.bare_extraction(
            tree,
            favor_recall=True,
            include_tables=False,
            include_comments=False,
            deduplicate=False,
            with_metadata=False,
        )
        text = _paragraphs(document.body) if document is not None else ""
        if text:
            return HtmlText(text=text, title=title, extractor=TRAFILATURA)
    simple = simple_html_to_text(html)
    return HtmlText(text=simple.text, title=simple.title, extractor=SIMPLE)
