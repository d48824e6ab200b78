"""ETags and If-Match: no lost updates.

An ETag is a digest of the resource's representation as the API serves it
(its detail serializer's data), so it changes whenever anything a client sees
changes: the claim's own fields, its named parties, its accounts, flags,
findings and suggested status. A digest of ``updated_at`` alone would miss the
changes that do not touch the claim row (an account added, a party renamed).
The tag is strong: two equal tags mean the same data.

A write that changes an existing object (which ones: the table in
``write_protocol.py``) carries ``If-Match`` with the tag the client read.
The view locks the row, reads the resource again, recomputes the tag and
compares, all inside the transaction in which the service then writes, so a
second writer waits on the lock and then sees the new tag: 412, nothing
overwritten. Without the header: 428.
``If-Match: *`` is refused with 428 too, since it would let a client skip
exactly the check it is there for.
"""

import hashlib
import json
import re
from typing import Any

from rest_framework.request import Request
from rest_framework.utils.encoders import JSONEncoder

from tracker.api.exceptions import PreconditionFailed, PreconditionRequired

# One entity-tag of an If-Match list: optional weakness prefix, quoted opaque value.
_ENTITY_TAG = re.compile(r'\s*(W/)?"([^"]*)"\s*(?:,|$)')


def etag_for(data: Any) -> str:
    canonical = json.dumps(data, cls=JSONEncoder, sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def _strong_tags(header: str) -> list[str]:
    """The strong tags listed in an If-Match header, quoted as sent.

    Weak tags never match If-Match (RFC 9110 §13.1.1 uses strong comparison),
    so they are dropped. A bare unquoted value is taken as one tag, a common
    slip of hand-written clients that costs nothing to accept.
    """
    if '"' not in header:
        return [f'"{header.strip()}"']
    tags, position = [], 0
    while position < len(header):
        match = _ENTITY_TAG.match(header, position)
        if match is None:
            break
        if not match.group(1):
            tags.append(f'"{match.group(2)}"')
        position = match.end()
    return tags


def require_if_match(request: Request) -> str:
    """The If-Match header, or 428 when it is missing or a wildcard."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    if header == "*":
        raise PreconditionRequired(
            "If-Match: * is not accepted; send the ETag of the version you read."
        )
    return header


def check_if_match(request: Request, current_etag: str) -> None:
    """Raise 412 unless the request's If-Match names ``current_etag``."""
    header = require_if_match(request)
    if current_etag not in _strong_tags(header):
        raise PreconditionFailed(current_etag)
