"""Small text utilities shared by services and the admin."""

import hashlib
import re

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
# Words so common that sharing them says nothing about whether a title fits its body.
_STOPWORDS = frozenset(
    {
        "the", "and", "for", "with", "from", "that", "this", "are", "was", "were",
        "has", "have", "had", "not", "but", "its", "into", "over", "after", "says",
        "said", "live", "news", "report", "reports", "update", "updates",
    }
)  # fmt: skip


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_SUFFIXES = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    # A crude stem is enough to see that "kill" and "killed" share a subject;
    # the test is only whether a title and its body share any at all.
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_words(text: str) -> set[str]:
    words = (m.group(0).lower() for m in _WORD.finditer(text))
    return {_stem(w) for w in words if w not in _STOPWORDS}


def title_matches_body(title: str, body: str) -> bool:
    """Whether a published title plausibly belongs to its body.

    Scraped pages often carry the title of another page ("KXIP vs KKR Live
    Score" above a report on Syria). A title fits when at least one of its
    content words occurs in the body; a title with no content words is given
    the benefit of the doubt.
    """
    title_words = content_words(title)
    if not title_words:
        return True
    # A scraped page often repeats its title as the first line of the text;
    # that line proves nothing about whether the title fits the story.
    first_line, _, rest = body.lstrip().partition("\n")
    if first_line.strip().casefold() == title.strip().casefold():
        body = rest
    return bool(title_words & content_words(body))


WORKING_TITLE_CHARS = 120


def first_sentence(body: str, *, title: str = "", max_chars: int = WORKING_TITLE_CHARS) -> str:
    """The body's first sentence, as a title for a document whose published one is wrong.

    A first line that repeats the published ``title`` is skipped, as
    ``title_matches_body`` skips it. Cut at a word and marked with an ellipsis
    when the sentence runs on.
    """
    first_line, _, rest = body.lstrip().partition("\n")
    if title and rest.strip() and first_line.strip().casefold() == title.strip().casefold():
        body = rest
    text = " ".join(body.split())
    for index, char in enumerate(text):
        # A full stop ends the sentence only before a space: "2.5" and "U.S" go on.
        if char not in ".!?" or text[index + 1 : index + 2] not in ("", " "):
            continue
        following = text[index + 2 : index + 3]
        # "U.S. forces" and "at 10 p.m. local time" go on; a capital starts the next one.
        if following and not (following.isupper() or following in "\"“‘'"):
            continue
        if not text[max(index - 1, 0) : index + 1].isupper():
            text = text[: index + 1]
            break
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars)
    return text[: cut if cut > max_chars // 2 else max_chars].rstrip(",;: ") + "…"
