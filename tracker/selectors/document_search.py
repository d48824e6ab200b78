"""Finding documents by their words: title, working title or text.

The text counts, so a report the extractor cannot read (Arabic, Cyrillic) is
still found. On PostgreSQL every word must occur in the text's full-text
document (``simple`` parser, no stemming; the first 100,000 characters, as
claims do, under PostgreSQL's limit), which an expression GIN index serves
(migration 0021); on SQLite it is a substring match of the whole term.
"""

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connections
from django.db.models import Func, Q, QuerySet

from tracker.models import Document
from tracker.selectors.search import words_query


class DocumentWords(Func):
    """The expression migration 0021 indexes; written the same way so the index serves it."""

    template = "to_tsvector('simple'::regconfig, left(%(expressions)s, 100000))"
    output_field = SearchVectorField()


def document_search(queryset: QuerySet[Document], term: str) -> QuerySet[Document]:
    term = term.strip()
    if not term:
        return queryset
    in_title = Q(title__icontains=term) | Q(working_title__icontains=term)
    if connections[queryset.db].vendor != "postgresql":
        return queryset.filter(in_title | Q(text__icontains=term))
    query = words_query(term)
    if query is None:
        return queryset.filter(in_title)
    words = SearchQuery(query, config="simple", search_type="raw")
    # A subquery the GIN index answers once: in an OR beside the title's
    # substring match, the text's vector would otherwise be computed per row.
    by_text = (
        Document.objects.using(queryset.db)
        .annotate(words=DocumentWords("text"))
        .filter(words=words)
        .values("pk")
    )
    return queryset.filter(in_title | Q(pk__in=by_text))
