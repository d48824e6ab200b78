"""Every endpoint x anonymous, reporter, editor and a user with no role: allowed or not.

The expected statuses follow the roles' model permissions (migrations 0003
and 0008): reporters read everything, add and edit material, raise flags,
review suggestions and edit the names table; editors also give verdicts,
archive and restore claims, resolve flags, acknowledge conflicts, remove
accounts and remove aliases. Anonymous clients get 401 everywhere; a
signed-in user in no group gets 403 wherever a permission is needed (and
405, like everyone, where the method is not served).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import etag_of
from tests.factories import make_claim
from tests.newsroom import Newsroom
from tracker import services
from tracker.models import Account, Claim, EntityAlias, Flag, NamedEntity, StatusChange, Suggestion
from tracker.vocabularies import VerificationStatus

ROLES = ("anonymous", "reporter", "editor", "nobody")

SECOND_REPORT = (
    "At least 40 people were killed in the strike, SANA said. "
    "The army denied any role in the attack.\n"
)


@dataclass
class World:
    n: Newsroom
    verdict: StatusChange
    archived: Claim
    suggestion: Suggestion  # pending, by a known source (SANA)
    entity: NamedEntity
    extra: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def world(newsroom) -> World:
    verdict = services.claim_set_status(
        actor=None, claim=newsroom.article_toll, status=VerificationStatus.CORROBORATED,
        rationale="Two independent sources.",
    )  # fmt: skip
    archived = make_claim(text="A claim recorded by mistake")
    services.claim_archive(actor=None, claim=archived)
    ingested = services.document_ingest(actor=None, title="", text=SECOND_REPORT, via="api")
    suggestion = Suggestion.objects.get(document=ingested.document, source=newsroom.sana)
    entity = services.entity_create(
        actor=None, name="Islamic State", kind="party", aliases=["Daesh", "ISIS"]
    )
    return World(n=newsroom, verdict=verdict, archived=archived, suggestion=suggestion,
                 entity=entity)  # fmt: skip


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    url: Callable[[World], str]
    expected: tuple[int, int, int]  # anonymous, reporter, editor
    body: Callable[[World], dict] | None = None
    if_match: bool = False
    # The resource whose ETag If-Match carries, when it is not the URL itself.
    etag_url: Callable[[World], str] | None = None
    # A signed-in user in no group: refused wherever a permission is needed.
    nobody: int = 403

    def __str__(self) -> str:
        return self.name

    def status_for(self, role: str) -> int:
        if role == "nobody":
            return NOT_FOR_NOBODY if self.expected == NOT_SERVED else self.nobody
        return dict(zip(ROLES, self.expected, strict=False))[role]


def detail(resource: str, pick: Callable[[World], Any]) -> Callable[[World], str]:
    return lambda w: f"/api/{resource}/{pick(w).pk}/"


READ = (401, 200, 200)
WRITE = (401, 201, 201)
CHANGE = (401, 200, 200)
EDITOR_ONLY_200 = (401, 403, 200)
NOT_SERVED = (401, 405, 405)
NOT_FOR_NOBODY = 405  # an unserved method is 405 before any permission is asked


def alias_url(w: World) -> str:
    alias = EntityAlias.objects.get(entity=w.entity, name="Daesh")
    return f"/api/names/{w.entity.pk}/aliases/{alias.pk}/"


# fmt: off
CASES = [
    # -- reads --------------------------------------------------------------
    *[
        Case(f"list {resource}", "get", lambda w, r=resource: f"/api/{r}/", READ)
        for resource in ("sources", "documents", "events", "claims", "accounts", "flags",
                         "conflicts", "status-changes")
    ],
    Case("source detail", "get", detail("sources", lambda w: w.n.sana), READ),
    Case("document detail", "get", detail("documents", lambda w: w.n.document), READ),
    Case("event detail", "get", detail("events", lambda w: w.n.event), READ),
    Case("claim detail", "get", detail("claims", lambda w: w.n.toll), READ),
    Case("archived claim detail", "get", detail("claims", lambda w: w.archived), READ),
    Case("account detail", "get", detail("accounts", lambda w: w.n.sana_account), READ),
    Case("flag detail", "get", detail("flags", lambda w: w.n.flag), READ),
    Case("conflict detail", "get", detail("conflicts", lambda w: w.n.open_conflict()), READ),
    Case("status change detail", "get", detail("status-changes", lambda w: w.verdict), READ),
    Case("claimreview", "get", lambda w: f"/api/claims/{w.n.article_toll.pk}/claimreview/", READ),
    Case("claimreview feed", "get", lambda w: "/api/claimreview/", READ),
    Case("csv export", "get", lambda w: "/api/claims/export.csv", READ),
    Case("list suggestions", "get", lambda w: "/api/suggestions/", READ),
    Case("pending suggestions", "get", lambda w: "/api/suggestions/?status=pending", READ),
    Case("suggestion detail", "get", detail("suggestions", lambda w: w.suggestion), READ),
    Case("list names", "get", lambda w: "/api/names/", READ),
    Case("name detail", "get", detail("names", lambda w: w.entity), READ),
    # Signing in is all the schema and its docs need.
    Case("schema", "get", lambda w: "/api/schema/", READ, nobody=200),
    Case("docs", "get", lambda w: "/api/docs/", READ, nobody=200),
    # -- creating -----------------------------------------------------------
    Case("add source", "post", lambda w: "/api/sources/", WRITE,
         body=lambda w: {"name": "Rudaw English", "kind": "outlet"}),
    Case("add alias", "post", lambda w: f"/api/sources/{w.n.coalition.pk}/aliases/", WRITE,
         body=lambda w: {"name": "CJTF-OIR"}),
    Case("add document", "post", lambda w: "/api/documents/", WRITE,
         body=lambda w: {"title": "Second report", "text": "A second report of the strike."}),
    Case("add event", "post", lambda w: "/api/events/", WRITE,
         body=lambda w: {"name": "Shelling of al-Bukamal"}),
    Case("add claim", "post", lambda w: "/api/claims/", WRITE,
         body=lambda w: {"text": "The strike hit a school", "event": w.n.event.pk}),
    Case("add account", "post", lambda w: "/api/accounts/", WRITE,
         body=lambda w: {"claim": w.n.article_toll.pk, "source": w.n.reuters.pk,
                         "stance": "cannot_verify"}),
    Case("flag a claim", "post", lambda w: f"/api/claims/{w.n.perpetrator.pk}/flags/", WRITE,
         body=lambda w: {"kind": "needs_second_source", "reason": "single_source"}),
    Case("add document with html", "post", lambda w: "/api/documents/", WRITE,
         body=lambda w: {"html": "<p>Officials said 3 people were hurt.</p>"}),
    Case("add name", "post", lambda w: "/api/names/", WRITE,
         body=lambda w: {"name": "Syrian Democratic Forces", "kind": "party",
                         "aliases": ["SDF"]}),
    Case("add name alias", "post", lambda w: f"/api/names/{w.entity.pk}/aliases/", WRITE,
         body=lambda w: {"name": "ISIL"}),
    # -- changing -----------------------------------------------------------
    Case("accept suggestion", "post", lambda w: f"/api/suggestions/{w.suggestion.pk}/accept/",
         WRITE, body=lambda w: {}, if_match=True,
         etag_url=detail("suggestions", lambda w: w.suggestion)),
    Case("accept suggestion with edits", "post",
         lambda w: f"/api/suggestions/{w.suggestion.pk}/accept/", WRITE,
         body=lambda w: {"stance": "hedges", "event": w.n.event.pk}, if_match=True,
         etag_url=detail("suggestions", lambda w: w.suggestion)),
    Case("reject suggestion", "post", lambda w: f"/api/suggestions/{w.suggestion.pk}/reject/",
         CHANGE, body=lambda w: {"note": "Already recorded."}, if_match=True,
         etag_url=detail("suggestions", lambda w: w.suggestion)),
    Case("replace source", "put", detail("sources", lambda w: w.n.reuters), CHANGE,
         body=lambda w: {"name": "Reuters", "kind": "news_agency", "reliability": "B"},
         if_match=True),
    Case("edit source", "patch", detail("sources", lambda w: w.n.reuters), CHANGE,
         body=lambda w: {"reliability": "B"}, if_match=True),
    Case("edit document", "patch", detail("documents", lambda w: w.n.document), CHANGE,
         body=lambda w: {"title": "Strikes in Deir ez-Zor"}, if_match=True),
    Case("replace event", "put", detail("events", lambda w: w.n.event), CHANGE,
         body=lambda w: {"name": "Strike in Deir ez-Zor province",
                         "parties": [w.n.coalition.pk, w.n.government.pk]},
         if_match=True),
    Case("edit event", "patch", detail("events", lambda w: w.n.event), CHANGE,
         body=lambda w: {"place": "Deir ez-Zor"}, if_match=True),
    Case("replace claim", "put", detail("claims", lambda w: w.n.toll), CHANGE,
         body=lambda w: {"text": "More than 30 people were killed", "aspect": "killed",
                         "event": w.n.event.pk, "count_min": 31, "unit": "people"},
         if_match=True),
    Case("edit claim", "patch", detail("claims", lambda w: w.n.toll), CHANGE,
         body=lambda w: {"count_approximate": True}, if_match=True),
    Case("edit account", "patch", detail("accounts", lambda w: w.n.sana_account), CHANGE,
         body=lambda w: {"stance": "hedges"}, if_match=True),
    Case("edit suggestion", "patch", detail("suggestions", lambda w: w.suggestion), CHANGE,
         body=lambda w: {"stance": "hedges", "count_min": 41}, if_match=True),
    Case("edit name", "patch", detail("names", lambda w: w.entity), CHANGE,
         body=lambda w: {"description": "Jihadist group"}, if_match=True),
    Case("replace name", "put", detail("names", lambda w: w.entity), CHANGE,
         body=lambda w: {"name": "Islamic State", "kind": "party"}, if_match=True),
    # -- editors only -------------------------------------------------------
    Case("set status", "post", lambda w: f"/api/claims/{w.n.toll.pk}/status/", (401, 403, 201),
         body=lambda w: {"status": "in_review"}, if_match=True),
    Case("archive claim", "delete", detail("claims", lambda w: w.n.perpetrator),
         EDITOR_ONLY_200, if_match=True),
    Case("restore claim", "post", lambda w: f"/api/claims/{w.archived.pk}/restore/",
         EDITOR_ONLY_200, if_match=True),
    Case("remove account", "delete", detail("accounts", lambda w: w.n.coalition_account),
         (401, 403, 204), if_match=True),
    Case("resolve flag", "post", lambda w: f"/api/flags/{w.n.flag.pk}/resolve/",
         EDITOR_ONLY_200, body=lambda w: {"note": "Second source found."}, if_match=True,
         etag_url=detail("flags", lambda w: w.n.flag)),
    Case("acknowledge conflict", "post",
         lambda w: f"/api/conflicts/{w.n.open_conflict().pk}/acknowledge/", EDITOR_ONLY_200,
         body=lambda w: {"note": "The coalition hedges; the ministry is a party."},
         if_match=True, etag_url=detail("conflicts", lambda w: w.n.open_conflict())),
    Case("remove name alias", "delete", alias_url, EDITOR_ONLY_200, if_match=True,
         etag_url=lambda w: f"/api/names/{w.entity.pk}/"),
    # -- what no role may do here -------------------------------------------
    Case("delete source", "delete", detail("sources", lambda w: w.n.reuters), NOT_SERVED),
    Case("delete document", "delete", detail("documents", lambda w: w.n.document), NOT_SERVED),
    Case("delete event", "delete", detail("events", lambda w: w.n.event), NOT_SERVED),
    Case("delete flag", "delete", detail("flags", lambda w: w.n.flag), NOT_SERVED),
    Case("edit flag", "patch", detail("flags", lambda w: w.n.flag), NOT_SERVED,
         body=lambda w: {"note": "x"}),
    Case("create flag directly", "post", lambda w: "/api/flags/", NOT_SERVED,
         body=lambda w: {"claim": w.n.toll.pk}),
    Case("edit conflict", "patch", detail("conflicts", lambda w: w.n.open_conflict()),
         NOT_SERVED, body=lambda w: {"is_open": False}),
    Case("forge status change", "post", lambda w: "/api/status-changes/", NOT_SERVED,
         body=lambda w: {"claim": w.n.toll.pk, "to_status": "confirmed"}),
    Case("edit status change", "patch", detail("status-changes", lambda w: w.verdict),
         NOT_SERVED, body=lambda w: {"rationale": "x"}),
    # Suggestions come from the extractor and stay on record once decided.
    Case("create suggestion directly", "post", lambda w: "/api/suggestions/", NOT_SERVED,
         body=lambda w: {"document": w.n.document.pk}),
    Case("replace suggestion", "put", detail("suggestions", lambda w: w.suggestion),
         NOT_SERVED, body=lambda w: {"stance": "hedges"}),
    Case("delete suggestion", "delete", detail("suggestions", lambda w: w.suggestion),
         NOT_SERVED),
    Case("delete name", "delete", detail("names", lambda w: w.entity), NOT_SERVED),
    Case("log out", "delete", lambda w: "/api/auth/token/", (401, 204, 204), nobody=204),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=str)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(case: Case, role: str, world: World, clients, editor_api):
    client: APIClient = clients[role]
    url = case.url(world)
    headers = {}
    if case.if_match:
        # The current version, so a refusal can only be about who asks.
        etag_url = case.etag_url(world) if case.etag_url else (
            url.removesuffix("status/").removesuffix("restore/"))  # fmt: skip
        headers["HTTP_IF_MATCH"] = etag_of(editor_api, etag_url)
    body = case.body(world) if case.body else None
    response = getattr(client, case.method)(url, body, format="json", **headers)
    expected = case.status_for(role)
    assert response.status_code == expected, getattr(response, "data", response)
    if expected == 401:
        assert response["WWW-Authenticate"] == "Token"


def test_a_reporters_forged_verdict_changes_nothing(world, reporter_api, editor_api):
    claim = world.n.toll
    url = f"/api/claims/{claim.pk}/status/"
    response = reporter_api.post(
        url, {"status": "confirmed", "rationale": "trust me"}, format="json",
        HTTP_IF_MATCH=etag_of(editor_api, f"/api/claims/{claim.pk}/"),
    )  # fmt: skip
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == VerificationStatus.UNVERIFIED
    assert not StatusChange.objects.filter(claim=claim).exists()


def test_a_reporter_cannot_resolve_or_remove(world, reporter_api, editor_api):
    url = f"/api/accounts/{world.n.coalition_account.pk}/"
    response = reporter_api.delete(url, HTTP_IF_MATCH=etag_of(editor_api, url))
    assert response.status_code == 403
    assert Account.objects.filter(pk=world.n.coalition_account.pk).exists()
    assert reporter_api.post(f"/api/flags/{world.n.flag.pk}/resolve/", {}).status_code == 403
    assert Flag.objects.get(pk=world.n.flag.pk).is_open


def test_a_user_without_a_role_reads_nothing(world, db):
    from tests.api.conftest import client_for
    from tests.factories import UserFactory

    nobody = client_for(UserFactory())
    assert nobody.get("/api/claims/").status_code == 403
    assert nobody.get(f"/api/claims/{world.n.toll.pk}/").status_code == 403
    assert nobody.post("/api/claims/", {"text": "x"}, format="json").status_code == 403


def test_an_inactive_users_token_is_refused(world, reporter, reporter_api):
    reporter.is_active = False
    reporter.save(update_fields=["is_active"])
    assert reporter_api.get("/api/claims/").status_code == 401


def test_public_verdicts_open_the_feed_and_nothing_else(world, anon, settings):
    settings.TRACKER_PUBLIC_VERDICTS = True
    assert anon.get("/api/claimreview/").status_code == 200
    assert anon.get(f"/api/claims/{world.n.article_toll.pk}/claimreview/").status_code == 200
    # A claim without a verdict is not published.
    assert anon.get(f"/api/claims/{world.n.toll.pk}/claimreview/").status_code == 404
    assert anon.get(f"/api/claims/{world.n.article_toll.pk}/").status_code == 401
    assert anon.get("/api/claims/").status_code == 401
    assert anon.get("/api/claims/export.csv").status_code == 401
    assert anon.post("/api/claimreview/", {}, format="json").status_code == 401
