"""Claims with a verdict as schema.org ClaimReview (JSON-LD).

https://schema.org/ClaimReview: ``claimReviewed`` is the claim's text as the
verdict judged it (recorded with the status change, so a later edit of the
claim is never published under a verdict that did not see it);
``itemReviewed`` is a schema.org Claim whose ``author`` is who made it (the
sources of its asserting or hedging accounts) and whose ``appearance`` lists
the documents it appears in; ``reviewRating`` carries the verdict in the
words and numbers of ``STATUS_MAPPING``; ``author`` is the newsroom;
``datePublished`` is the claim's first verdict and ``dateModified`` its
current one.

``json_ld_for_script`` writes one as text safe inside an HTML
``<script type="application/ld+json">`` element, as publishers embed it.
"""

import json
from datetime import date, datetime
from typing import Any

from django.conf import settings

from tracker.conflicts import SUPPORTING_STANCES
from tracker.models import Account, Claim, Document, Source
from tracker.vocabularies import STATUS_MAPPING, SourceKind

SCHEMA_CONTEXT = "https://schema.org"
PERSON_KINDS = frozenset({SourceKind.SPOKESPERSON, SourceKind.WITNESS})

# The rating scale's ends, read off the mapping rather than written again here.
_RATING_VALUES = [
    r.claimreview_value for r in STATUS_MAPPING.values() if r.claimreview_value is not None
]
BEST_RATING = max(_RATING_VALUES)
WORST_RATING = min(_RATING_VALUES)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _party(source: Source) -> dict[str, Any]:
    return {
        "@type": "Person" if source.kind in PERSON_KINDS else "Organization",
        "name": source.name,
    }


def _appearance(document: Document) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": document.url}
    if document.title and not document.title_mismatch:
        # A title scraped from another page would mislabel the appearance.
        work["headline"] = document.title
    if document.published_at:
        work["datePublished"] = _iso(document.published_at)
    if document.outlet is not None:
        work["publisher"] = _party(document.outlet)
    return work


def publisher() -> dict[str, Any]:
    newsroom: dict[str, Any] = {"@type": "Organization", "name": settings.TRACKER_PUBLISHER_NAME}
    if settings.TRACKER_PUBLISHER_URL:
        newsroom["url"] = settings.TRACKER_PUBLISHER_URL
    return newsroom


def review_rating(status: str) -> dict[str, Any]:
    mapped = STATUS_MAPPING[status]
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": mapped.claimreview_name,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }
    # "Could not verify" has no place on a true-to-false scale: the textual
    # rating stands alone rather than pretending to a number.
    if mapped.claimreview_value is not None:
        rating["ratingValue"] = mapped.claimreview_value
    return rating


def claim_review(claim: Claim, *, url: str, accounts: list[Account]) -> dict[str, Any]:
    """One ClaimReview; ``claim`` carries its annotations from claimreview_queryset."""
    authors: dict[int, Source] = {}
    documents: dict[int, Document] = {}
    said_on: list[date] = []
    for account in accounts:
        if account.stance in SUPPORTING_STANCES:
            authors.setdefault(account.source_id, account.source)
            if account.said_on:
                said_on.append(account.said_on)
        if account.document is not None and account.document.url:
            documents.setdefault(account.document_id, account.document)
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": [_party(source) for source in authors.values()],
        "appearance": [_appearance(document) for document in documents.values()],
    }
    if said_on:
        item["datePublished"] = _iso(min(said_on))
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": judged_text(claim),
        "itemReviewed": item,
        "reviewRating": review_rating(claim.status),
        "author": publisher(),
        "datePublished": _iso(claim.first_verdict_at),
        "dateModified": _iso(claim.verdict_at),
    }


def judged_text(claim: Claim) -> str:
    """The text the current verdict judged; the claim's own for a verdict that recorded none."""
    judged = claim.judged_claim or {}
    return judged.get("text") or claim.text


def public_url(claim: Claim, api_url: str) -> str:
    """Where the verdict is published: TRACKER_CLAIMREVIEW_URL, or the API's own URL."""
    template = settings.TRACKER_CLAIMREVIEW_URL
    return template.format(id=claim.pk) if template else api_url


# Inside <script>, the HTML parser ends the element at "</script" whatever the
# JSON means, and "<!--" changes how it looks for that end; "&" and ">" are
# escaped with them as the usual rule for script-embedded JSON. U+2028 and
# U+2029 are valid in JSON strings but end a line in older JavaScript parsers.
# All five only ever occur inside JSON strings, where \uXXXX means the same.
SCRIPT_UNSAFE = str.maketrans(
    {char: f"\\u{ord(char):04x}" for char in ("<", ">", "&", "\u2028", "\u2029")}
)


def escape_for_script(json_text: str) -> str:
    return json_text.translate(SCRIPT_UNSAFE)


def json_ld_for_script(document: dict[str, Any]) -> str:
    """JSON text that parses to ``document`` and cannot end or break its <script> element."""
    return escape_for_script(json.dumps(document, ensure_ascii=False, indent=2))
