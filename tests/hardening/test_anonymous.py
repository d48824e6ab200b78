"""Anonymous visitors reach the login page and nothing else: every URL pattern, walked.

Each pattern of the URLconf, the admin's and the API's included, is given
real ids and asked for with GET and POST without signing in. Only the login
page (and, when TRACKER_PUBLIC_VERDICTS is on, the published verdicts) may
answer with content; the rest must send the visitor to the login page or
refuse (401, 403), or find nothing (404, 405). A new URL that forgets its
permission check fails here.
"""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import make_account, make_claim, make_document, make_flag, make_source
from tracker import services
from tracker.models import Claim

pytestmark = pytest.mark.django_db

# What anonymous visitors may read with a 200.
OPEN = {"/admin/login/"}
# Logging in is what an anonymous visitor does: a refused attempt is the
# admin's login form again, with errors (the API's answers 400 or 415).
LOGIN_POSTS = {"/admin/login/": 200}
PUBLIC_VERDICTS = re.compile(r"^/api/(claimreview/|claims/\d+/claimreview/)$")


def _patterns(resolver=None, prefix=""):
    """The full pattern text of every URL (routes and regexes joined)."""
    for entry in (resolver or get_resolver()).url_patterns:
        text = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, text)
        elif isinstance(entry, URLPattern):
            yield text


@pytest.fixture
def urls(db, reporter) -> list[str]:
    """A concrete URL for every pattern, with ids of objects that exist."""
    claim = make_claim(text="A claim")
    account = make_account(claim=claim, source=make_source(), document=make_document())
    make_flag(claim=claim, raised_by=reporter)
    services.claim_set_status(actor=None, claim=claim, status="confirmed", rationale="Seen.")
    ids = {
        "object_id": str(claim.pk),
        "pk": str(account.pk),
        "id": str(claim.pk),
        "alias_id": "1",
        "app_label": "tracker",
        "content_type_id": str(ContentType.objects.get_for_model(Claim).pk),
        "url": "anything/",
        "kind": "claim",
    }

    def sample(match: re.Match) -> str:
        name = match.group(1)
        assert name in ids, f"no sample value for {name!r}: add one above"
        return ids[name]

    found = set()
    for text in _patterns():
        path = re.sub(r"<(?:\w+:)?(\w+)>", sample, text)  # <int:pk>
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", sample, path)  # (?P<url>.*)
        path = re.sub(r"\([^)]*\)", str(claim.pk), path)  # unnamed groups: ids
        found.add("/" + path.replace("^", "").replace("$", ""))
    return sorted(found)


def _allowed(path: str, response, *, public_verdicts: bool, method: str) -> bool:
    code = response.status_code
    if method == "POST" and path in LOGIN_POSTS:
        return code == LOGIN_POSTS[path]
    if code == 200:
        return path in OPEN or (public_verdicts and bool(PUBLIC_VERDICTS.match(path)))
    if code in (301, 302):
        # To the login page, or from / to the admin, which then asks for a login.
        return "/admin/login/" in response["Location"] or response["Location"] in (
            "/admin/",
            "/admin/inbox/",
        )
    return code in (400, 401, 403, 404, 405, 415)


@pytest.mark.parametrize("public_verdicts", [False, True], ids=["private", "public-verdicts"])
def test_anonymous_reach_nothing_but_the_login_page(client, urls, settings, public_verdicts):
    settings.TRACKER_PUBLIC_VERDICTS = public_verdicts
    assert len(urls) > 80  # the admin's and the API's patterns are all there
    wrong = []
    for path in urls:
        for method in ("GET", "POST"):
            response = client.get(path) if method == "GET" else client.post(path, {})
            if not _allowed(path, response, public_verdicts=public_verdicts, method=method):
                location = response.get("Location", "")
                wrong.append(f"{method} {path}: {response.status_code} {location}")
    assert not wrong, "anonymous visitors reached:\n" + "\n".join(wrong)
    if public_verdicts:
        assert client.get("/api/claimreview/").status_code == 200
