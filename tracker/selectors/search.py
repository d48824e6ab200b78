"""Finding claims by their words, and claims that read almost alike.

On PostgreSQL a search reads the stored ``Claim.search_vector`` (claim text,
quotes, source names and aliases; see migration 0009) through its GIN index,
so its cost follows the matches, not the size of the archive. Every word must
occur, ignoring case, with no stemming and no stop words; the last word may
be the start of one ("civilians kill" finds "killed"), as in a search box
that is still being typed into. Only the last: a prefix is matched by
gathering every claim that has a word beginning with it, which for a common
word ("civilians:*" at a million claims: half a million rows) costs ~100 ms,
where a whole word lets the index skip to the rows the rarer words allow.
SQLite has no full-text index here and keeps the substring search of
``selectors.claims.claim_search``.

Near-duplicates use pg_trgm's similarity on PostgreSQL (a trigram GIN index);
SQLite ranks a bounded set of candidates with the same measure in Python.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, TrigramSimilarity
from django.db import connections, transaction
from django.db.models import BooleanField, F, Func, Q, QuerySet, Value

from tracker.models import Claim

# What PostgreSQL's parser reads as one word, dots and hyphens inside kept
# ("ez-zor", "3.5"); everything else separates. Underscores are not word
# characters to the parser, so they are not here either.
_TOKEN = re.compile(r"[^\W_]+(?:[.\-][^\W_]+)*")

DEFAULT_SIMILARITY = 0.5
# SQLite ranks at most this many candidates in Python.
SQLITE_CANDIDATES = 2000


def words_query(term: str) -> str | None:
    """A raw tsquery: every token of ``term`` as a word, the last as a word's start.

    Only letters, digits, dots and hyphens reach the query, each token quoted,
    so no input can inject tsquery syntax. None when nothing searchable is left.
    """
    tokens = _TOKEN.findall(term.lower())
    if not tokens:
        return None
    *whole, last = tokens
    return " & ".join([*(f"'{token}'" for token in whole), f"'{last}':*"])


def is_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def claim_full_text_search(queryset: QuerySet[Claim], term: str) -> QuerySet[Claim]:
    """Claims whose search document holds every word of ``term`` (PostgreSQL only)."""
    if not term.split():
        return queryset
    query = words_query(term)
    if query is None:
        # Only punctuation: nothing in a search document can match it.
        return queryset.none()
    return queryset.filter(search_vector=SearchQuery(query, config="simple", search_type="raw"))


class TrigramMatches(Func):
    """``text % query``: similar above ``pg_trgm.similarity_threshold``; the GIN index serves it."""

    arg_joiner = " %% "
    template = "%(expressions)s"
    output_field = BooleanField()


@dataclass(frozen=True)
class SimilarClaim:
    claim: Claim
    similarity: float


def claims_similar_to(
    text: str,
    *,
    limit: int = 10,
    threshold: float = DEFAULT_SIMILARITY,
    exclude_id: int | None = None,
    event_id: int | None = None,
    using: str = "default",
) -> list[SimilarClaim]:
    """Claims whose text reads almost like ``text``, most similar first.

    Similarity is pg_trgm's: shared three-letter sequences of the words over
    all of them, from 0 to 1. Archived claims are included: a duplicate of an
    archived claim is still a duplicate. ``event_id`` looks among one event's
    claims only, where a duplicate usually is; across the whole archive the
    trigram index must merge the postings of every trigram of ``text``, so
    the cost grows with the archive (bench/RESULTS.md).
    """
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    claims = Claim.objects.using(using).select_related("event").defer("search_vector")
    if exclude_id is not None:
        claims = claims.exclude(pk=exclude_id)
    if event_id is not None:
        claims = claims.filter(event_id=event_id)
    if connections[using].vendor != "postgresql":
        return _similar_in_python(claims, text, limit=limit, threshold=threshold)
    query = (
        claims.annotate(similarity=TrigramSimilarity("text", Value(text)))
        .filter(TrigramMatches(F("text"), Value(text)))
        .order_by("-similarity", "pk")[:limit]
    )
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        # The threshold the % operator (and so the index) applies, for this query only.
        cursor.execute("SET LOCAL pg_trgm.similarity_threshold = %s", [threshold])
        return [SimilarClaim(claim, claim.similarity) for claim in query]


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: per lower-cased word, padded with two spaces before and one after."""
    grams: set[str] = set()
    for word in re.findall(r"[^\W_]+", text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def similarity(a: str, b: str) -> float:
    left, right = trigrams(a), trigrams(b)
    if not left or not right:
        return 0.0
    shared = len(left & right)
    return shared / (len(left) + len(right) - shared)


def _similar_in_python(
    claims: QuerySet[Claim], text: str, *, limit: int, threshold: float
) -> list[SimilarClaim]:
    # A near-duplicate shares its longest words; the three longest pick candidates.
    words = sorted(set(re.findall(r"[^\W_]{3,}", text.lower())), key=len, reverse=True)[:3]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition |= Q(text__icontains=word)
    candidates = claims.filter(condition).order_by("-pk")[:SQLITE_CANDIDATES]
    scored = [SimilarClaim(claim, similarity(text, claim.text)) for claim in candidates]
    scored = [item for item in scored if item.similarity >= threshold]
    scored.sort(key=lambda item: (-item.similarity, item.claim.pk))
    return scored[:limit]
