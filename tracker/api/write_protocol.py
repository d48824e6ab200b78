"""The API's write protocol: which writes must name the version they change.

One rule for every resource. A write that edits, removes or moves an existing
object to another state (an edit, an archive, a verdict, resolving a flag,
acknowledging a conflict, deciding a suggestion, removing an alias) must send
``If-Match`` with the ETag of the object as the client read it: without it the
answer is 428, with an old one 412, and nothing is written. A write that
creates something new, on its own or under an existing object (a claim, a
flag, an account, an alias), sends no precondition: it overwrites nothing, so
any number of reporters may flag the same claim at once and every flag is
recorded.

``WRITE_PROTOCOL`` is the table the base view enforces
(``tracker.api.views.base``) and the schema documents
(``tracker.api.schema``); a test walks every write route of the URLconf and
fails on one the table does not list.
"""

from enum import StrEnum

from django.core.exceptions import ImproperlyConfigured


class Precondition(StrEnum):
    IF_MATCH = "If-Match"  # the ETag the client read: 428 without it, 412 when stale
    NONE = "none"  # nothing to overwrite, so nothing to check


IF_MATCH, NONE = Precondition.IF_MATCH, Precondition.NONE

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# (resource, action) -> what the request must carry. The resource is the
# router's basename (or a plain view's ``basename``); the action is the
# viewset's action, or the lowercase HTTP method of a plain view.
WRITE_PROTOCOL: dict[tuple[str, str], Precondition] = {
    ("source", "create"): NONE,
    ("source", "update"): IF_MATCH,
    ("source", "partial_update"): IF_MATCH,
    ("source", "add_alias"): NONE,
    ("document", "create"): NONE,
    # An uploaded file adds a document, or a capture to the one holding its text.
    ("document", "upload"): NONE,
    ("document", "update"): IF_MATCH,
    ("document", "partial_update"): IF_MATCH,
    # Both move the document's suggestions to an event (a new one, for the second).
    ("document", "file_under_event"): IF_MATCH,
    ("document", "new_event"): IF_MATCH,
    # A web archive adds captures and documents; it changes none that exist.
    ("archive", "post"): NONE,
    # A takedown changes what an existing capture holds: name the version read.
    ("capture", "purge"): IF_MATCH,
    ("event", "create"): NONE,
    ("event", "update"): IF_MATCH,
    ("event", "partial_update"): IF_MATCH,
    ("event", "set_grade"): IF_MATCH,  # a grade moves the event's state, as a verdict does
    # Exporting an event's evidence bundle records a new export; it changes nothing.
    ("event-bundle", "post"): NONE,
    ("claim", "create"): NONE,
    ("claim", "update"): IF_MATCH,
    ("claim", "partial_update"): IF_MATCH,
    ("claim", "destroy"): IF_MATCH,  # archives
    ("claim", "restore"): IF_MATCH,
    ("claim", "set_status"): IF_MATCH,
    ("claim", "raise_flag"): NONE,
    ("account", "create"): NONE,
    ("account", "update"): IF_MATCH,
    ("account", "partial_update"): IF_MATCH,
    ("account", "destroy"): IF_MATCH,
    ("flag", "resolve"): IF_MATCH,
    ("finding", "acknowledge"): IF_MATCH,
    ("suggestion", "partial_update"): IF_MATCH,
    ("suggestion", "accept"): IF_MATCH,
    ("suggestion", "reject"): IF_MATCH,
    ("namedentity", "create"): NONE,
    ("namedentity", "update"): IF_MATCH,
    ("namedentity", "partial_update"): IF_MATCH,
    ("namedentity", "add_alias"): NONE,
    ("namedentity", "remove_alias"): IF_MATCH,  # If-Match carries the entity's ETag
    # A comment is new; a redaction changes an existing one. An assignment is
    # new too: the one it replaces ends, and stays in the history.
    ("comment", "create"): NONE,
    ("comment", "redact"): IF_MATCH,
    ("assignment", "create"): NONE,
    # Logging in (or POST /auth/tokens/) makes a token; logging out, or DELETE
    # /auth/tokens/{id}/, revokes one: a credential, not a versioned resource,
    # so there is no ETag to send.
    ("token", "post"): NONE,
    ("token", "delete"): NONE,
}


def precondition_for(resource: str, action: str) -> Precondition:
    try:
        return WRITE_PROTOCOL[resource, action]
    except KeyError:
        raise ImproperlyConfigured(
            f"The write {resource}.{action} is not in tracker.api.write_protocol.WRITE_PROTOCOL."
        ) from None


def view_write(view, method: str) -> tuple[str, str] | None:
    """The (resource, action) of a request to ``view``, or None when it writes nothing."""
    if method.upper() not in WRITE_METHODS:
        return None
    if not hasattr(view, "action"):  # a plain APIView: its methods are its actions
        return view.basename, method.lower()
    # A viewset has no action for a method it does not route (405 follows).
    return None if view.action is None else (view.basename, view.action)
