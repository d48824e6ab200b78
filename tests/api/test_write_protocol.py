"""The write protocol: every write route of the URLconf is in one table, and obeys it.

The table (tracker.api.write_protocol) says which writes must carry If-Match.
These tests walk the URLconf rather than a list of their own, so a route
added without a row in the table fails here, and then hold each route to its
row: over HTTP (428 without the header, 412 with an old tag, nothing
written) and in the OpenAPI schema.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient, APIRequestFactory, force_authenticate

from tests.api.conftest import etag_of
from tracker import services
from tracker.api.views.flags import FlagViewSet
from tracker.api.write_protocol import IF_MATCH, NONE, WRITE_METHODS, WRITE_PROTOCOL
from tracker.models import Suggestion


@dataclass(frozen=True)
class WriteRoute:
    route: str  # as in the URLconf: "api/claims/<int:pk>/status/"
    method: str  # lowercase
    resource: str
    action: str

    def __str__(self) -> str:
        return f"{self.method.upper()} /{self.route}"

    @property
    def schema_path(self) -> str:
        path = self.route.replace("<int:pk>", "{id}")
        path = path.replace("<int:alias_id>", "{alias_id}")
        return f"/{path}"

    @property
    def object_route(self) -> str | None:
        """The route of the object whose ETag If-Match carries (its detail)."""
        if "<int:pk>" not in self.route:
            return None
        return self.route[: self.route.index("<int:pk>")] + "<int:pk>/"


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[WriteRoute]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
            continue
        assert isinstance(entry, URLPattern)
        callback = entry.callback
        if hasattr(callback, "actions"):  # a viewset: its router says which method is which action
            for method, action in callback.actions.items():
                if method.upper() in WRITE_METHODS:
                    yield WriteRoute(route, method, callback.initkwargs["basename"], action)
            continue
        view = callback.view_class
        for method in view.http_method_names:
            if method.upper() in WRITE_METHODS and hasattr(view, method):
                resource = getattr(view, "basename", None) or entry.name
                yield WriteRoute(route, method, resource, method)


def write_routes() -> list[WriteRoute]:
    """Every write route under the API's namespace (the admin keeps its own forms)."""
    (api,) = [
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and entry.namespace == "api"
    ]
    return sorted(_walk(api, str(api.pattern)), key=str)


ROUTES = write_routes()


def test_every_write_route_is_in_the_table_and_the_table_has_no_other():
    assert len(ROUTES) >= 30, "the walk found too few routes to be walking the URLconf"
    assert all(route.route.startswith("api/") for route in ROUTES), ROUTES
    missing = [str(r) for r in ROUTES if (r.resource, r.action) not in WRITE_PROTOCOL]
    assert not missing, f"write routes missing from WRITE_PROTOCOL: {missing}"
    routed = {(r.resource, r.action) for r in ROUTES}
    assert set(WRITE_PROTOCOL) - routed == set(), "rows in WRITE_PROTOCOL that route nowhere"


def test_only_creating_goes_without_if_match():
    """PUT, PATCH and DELETE change what exists; POST creates, unless it moves a state."""
    for route in ROUTES:
        requirement = WRITE_PROTOCOL[route.resource, route.action]
        if route.resource == "token":  # a credential, not a versioned object
            assert requirement is NONE
        elif route.method in ("put", "patch", "delete"):
            assert requirement is IF_MATCH, route
        elif requirement is IF_MATCH:
            # A status transition of an existing object: always on that object's URL.
            assert route.object_route is not None, route


# -- over HTTP ------------------------------------------------------------------


@pytest.fixture
def objects(newsroom, editor, reporter) -> dict[str, int]:
    """An existing object of every resource that has a write on it: resource -> pk."""
    ingested = services.document_ingest(
        actor=None, title="", via="api",
        text="At least 12 people were killed in the strike, the governor said.\n",
    )  # fmt: skip
    entity = services.entity_create(actor=None, name="Islamic State", kind="party",
                                    aliases=["Daesh"])  # fmt: skip
    return {
        "source": newsroom.reuters.pk,
        "document": newsroom.document.pk,
        "capture": ingested.document.captures.get().pk,
        "event": newsroom.event.pk,
        "event-bundle": newsroom.event.pk,
        "claim": newsroom.toll.pk,
        "account": newsroom.sana_account.pk,
        "flag": newsroom.flag.pk,
        "finding": newsroom.open_conflict().pk,
        "suggestion": Suggestion.objects.filter(document=ingested.document).first().pk,
        "namedentity": entity.pk,
        "alias": entity.aliases.get().pk,
        "token": services.api_token_create(actor=editor, user=editor, name="A tool")[0].pk,
        "comment": services.comment_add(
            actor=reporter, claim=newsroom.toll, text="Worth a second look"
        ).pk,
    }


def url_of(route: str, objects: dict[str, int], resource: str) -> str:
    if "<int:pk>" in route:
        route = route.replace("<int:pk>", str(objects[resource]))
    return "/" + route.replace("<int:alias_id>", str(objects["alias"]))


CONDITIONAL = [r for r in ROUTES if WRITE_PROTOCOL[r.resource, r.action] is IF_MATCH]
UNCONDITIONAL = [r for r in ROUTES if WRITE_PROTOCOL[r.resource, r.action] is NONE]


@pytest.mark.parametrize("route", CONDITIONAL, ids=str)
def test_a_write_that_needs_if_match_is_428_without_it_and_412_when_stale(
    route, editor_api, objects
):
    url = url_of(route.route, objects, route.resource)
    object_url = url_of(route.object_route, objects, route.resource)
    send = getattr(editor_api, route.method)
    before = etag_of(editor_api, object_url)

    missing = send(url, {}, format="json")
    assert missing.status_code == 428, missing.data
    # Stale whatever the body says: the precondition is weighed before the body is read.
    stale = send(url, {}, format="json", HTTP_IF_MATCH='"an-old-version"')
    assert stale.status_code == 412, stale.data
    assert stale["ETag"] == before
    assert etag_of(editor_api, object_url) == before


@pytest.mark.parametrize("route", UNCONDITIONAL, ids=str)
def test_a_write_that_creates_asks_for_no_if_match(route, editor, editor_api, objects):
    url = url_of(route.route, objects, route.resource)
    client = editor_api
    if route.route.endswith("auth/tokens/"):  # only a signed-in session makes tokens there
        client = APIClient()
        client.force_login(editor)
    response = getattr(client, route.method)(
        url, {}, format="json", HTTP_IF_MATCH='"an-old-version"'
    )
    # Refused for its empty body (400) or done (204 for logging out; 200 and the
    # ZIP for exporting a bundle, which takes no body), never for a version.
    done = (200,) if route.resource == "event-bundle" else (204,)
    assert response.status_code in (400, *done), (response.status_code, response)


def test_a_view_that_skips_the_version_check_fails_loudly(editor, newsroom):
    class CarelessFlagViewSet(FlagViewSet):
        def resolve(self, request, pk):
            flag = self.get_object()
            services.flag_resolve(actor=request.user, flag=flag, note="")
            return self.detail_response(self.fresh(flag.pk))

    view = CarelessFlagViewSet.as_view({"post": "resolve"}, basename="flag")
    request = APIRequestFactory().post("/", {}, format="json", HTTP_IF_MATCH='"any"')
    force_authenticate(request, user=editor)
    with pytest.raises(ImproperlyConfigured, match="write_lock"):
        view(request, pk=newsroom.flag.pk)


# -- in the schema --------------------------------------------------------------


@pytest.fixture
def schema(editor_api) -> dict:
    response = editor_api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_the_schema_documents_each_routes_precondition(route, schema):
    operation = schema["paths"][route.schema_path][route.method]
    if_match = [p for p in operation.get("parameters", []) if p["name"] == "If-Match"]
    codes = set(operation["responses"])
    if WRITE_PROTOCOL[route.resource, route.action] is IF_MATCH:
        assert len(if_match) == 1 and if_match[0]["in"] == "header", operation
        assert if_match[0]["required"] is True
        assert {"404", "412", "428"} <= codes
    else:
        assert not if_match
        assert not {"412", "428"} & codes
