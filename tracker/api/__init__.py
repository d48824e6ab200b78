"""The REST API under /api/ (Django REST framework).

Serializers check the shape and types of what a client sends; the views then
call the same service functions as the admin (``tracker.services``), which
check permissions and the domain rules and write in one transaction. Reads go
through the selectors, so a list costs a fixed number of queries.

Resources: ``sources``, ``documents`` (``POST`` ingests: the text, or an
HTML page, is stored once and read by the extractor; the detail gives what
was set aside and the suggestions by status), ``events`` (the detail puts the
event's accounts side by side with consensus and spread per count aspect),
``claims`` (compact in lists; the detail nests accounts, findings, open
flags, verdicts and the suggested status), ``accounts``, ``flags``,
``conflicts`` (stored findings), ``status-changes`` (read-only),
``suggestions`` (suggested accounts under review: read, ``PATCH`` to
correct) and ``names`` (the names table of entities and aliases).
Actions: ``POST claims/{id}/status/``, ``claims/{id}/flags/``,
``claims/{id}/restore/``, ``flags/{id}/resolve/``,
``conflicts/{id}/acknowledge/``, ``sources/{id}/aliases/``,
``suggestions/{id}/accept/`` (with optional corrections; returns the new
account), ``suggestions/{id}/reject/``, ``names/{id}/aliases/`` and
``DELETE names/{id}/aliases/{alias_id}/`` (editors). ``DELETE`` on a
claim archives it (claims are never deleted). Exports:
``claims/{id}/claimreview/`` and the feed ``claimreview/`` (schema.org
JSON-LD), ``claims/export.csv``. The OpenAPI schema is at ``schema/`` and
the Swagger UI at ``docs/``; both describe every endpoint, parameter and
error.

- Authentication: ``Authorization: Token <key>`` (``POST auth/token/``) or the
  admin's session (with CSRF). Tokens (``tracker.models.ApiToken``) are named
  for the tool that holds them, expire, are stored as hashes and listed and
  revoked one by one at ``auth/tokens/``. Anonymous requests get 401; with
  ``TRACKER_PUBLIC_VERDICTS`` on, the ClaimReview feed is readable by anyone.
- Permissions: the Django model permissions of the user's groups, as in the
  admin (``permissions.py``).
- Concurrency: ETags and If-Match (``etag.py``); which writes need If-Match is one
  table, ``write_protocol.py``.
- Limits: 12 MB bodies (413), throttled writes and logins (429), NUL bytes and
  bad filters refused (400); security events go to the "tracker.security" log.
"""
