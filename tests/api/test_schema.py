"""The OpenAPI document: valid, complete, and its interactive docs served locally."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from openapi_spec_validator import validate


@pytest.fixture
def schema(editor_api) -> dict:
    response = editor_api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_spectacular_validates_without_warnings(tmp_path):
    # --fail-on-warn turns every "could not resolve" into a failure: each
    # endpoint, parameter and response must be described.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "s.yaml")
    assert (tmp_path / "s.yaml").read_text().startswith("openapi: 3")


EXPECTED_PATHS = {
    "/api/sources/", "/api/sources/{id}/", "/api/sources/{id}/aliases/",
    "/api/sources/{id}/track-record/",
    "/api/documents/", "/api/documents/{id}/", "/api/documents/{id}/event-candidates/",
    "/api/documents/{id}/file-under-event/", "/api/documents/{id}/new-event/", "/api/events/",
    "/api/events/{id}/",
    "/api/claims/", "/api/claims/{id}/", "/api/claims/{id}/status/",
    "/api/claims/{id}/flags/", "/api/claims/{id}/restore/", "/api/claims/{id}/claimreview/",
    "/api/claims/export.csv", "/api/claimreview/", "/api/accounts/", "/api/accounts/{id}/",
    "/api/flags/", "/api/flags/{id}/", "/api/flags/{id}/resolve/", "/api/conflicts/",
    "/api/conflicts/{id}/", "/api/conflicts/{id}/acknowledge/", "/api/status-changes/",
    "/api/status-changes/{id}/", "/api/auth/token/", "/api/auth/tokens/",
    "/api/auth/tokens/{id}/", "/api/suggestions/",
    "/api/suggestions/{id}/", "/api/suggestions/{id}/accept/", "/api/suggestions/{id}/reject/",
    "/api/names/", "/api/names/{id}/", "/api/names/{id}/aliases/",
    "/api/names/{id}/aliases/{alias_id}/", "/api/inbox/", "/api/desk/mine/",
    "/api/claims/{id}/timeline/", "/api/events/{id}/timeline/", "/api/comments/",
    "/api/comments/{id}/", "/api/comments/{id}/redact/", "/api/assignments/",
    "/api/assignments/{id}/", "/api/events/{id}/grade/",
    "/api/captures/", "/api/captures/{id}/",
    "/api/captures/{id}/content/", "/api/captures/{id}/purge/", "/api/events/{id}/bundle/",
    "/api/archives/", "/api/documents/upload/",
}  # fmt: skip


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_every_endpoint_is_there_and_described(schema):
    assert set(schema["paths"]) == EXPECTED_PATHS
    for path, method, operation in operations(schema):
        assert operation.get("summary"), (path, method)
        codes = set(operation["responses"])
        if path != "/api/auth/token/" or method == "delete":
            assert "401" in codes, (path, method)
        conditional = method in ("put", "patch", "delete") or path.endswith("/status/")
        # Tokens have no versions to lose: revoking one twice changes nothing.
        if conditional and not path.startswith("/api/auth/"):
            assert {"412", "428"} <= codes, (path, method)
            headers = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
            assert "If-Match" in headers, (path, method)
        if method in ("post", "put", "patch") and path != "/api/auth/token/":
            assert {"400", "429"} <= codes, (path, method)
        for code, response in operation["responses"].items():
            assert response.get("description"), (path, method, code)


def test_every_filter_is_a_documented_parameter(schema):
    params = {p["name"]: p for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    for name in (
        "status",
        "event",
        "aspect",
        "source",
        "has_open_flags",
        "has_open_conflict",
        "updated_since",
        "archived",
        "search",
        "ordering",
        "cursor",
        "page_size",
    ):
        assert name in params, name
        assert params[name].get("description"), name
    assert params["has_open_flags"]["schema"]["type"] == "boolean"
    for path, method, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (path, method, parameter["name"])
    assert params["event"]["schema"]["type"] == "integer"
    assert set(params["status"]["schema"]["items"]["enum"]) >= {"confirmed", "unverifiable"}


def test_the_suggestion_filters_and_decisions_are_documented(schema):
    params = {p["name"]: p for p in schema["paths"]["/api/suggestions/"]["get"]["parameters"]}
    for name in ("status", "document", "stance", "aspect", "cursor", "ordering"):
        assert params[name].get("description"), name
    assert set(params["status"]["schema"]["items"]["enum"]) == {"pending", "accepted", "rejected"}
    accept = schema["paths"]["/api/suggestions/{id}/accept/"]["post"]
    assert {"201", "400", "401", "403", "404", "412"} <= set(accept["responses"])
    created = accept["responses"]["201"]["content"]["application/json"]["schema"]["$ref"]
    assert created.endswith("/Account")
    document = schema["components"]["schemas"]["DocumentDetail"]["properties"]
    assert {"extraction", "suggestions"} <= set(document)
    request = schema["components"]["schemas"]["DocumentCreateRequest"]["properties"]
    assert {"text", "html"} <= set(request)
    enums = schema["components"]["schemas"]
    assert enums["SuggestionStatusEnum"]["enum"] == ["pending", "accepted", "rejected"]
    assert "party" in enums["EntityKindEnum"]["enum"]


def test_the_etag_header_is_documented(schema):
    detail = schema["paths"]["/api/claims/{id}/"]["get"]["responses"]["200"]
    assert "ETag" in detail["headers"]


ROUTED_BY_THE_MIXINS = re.compile(r"^/api/[a-z-]+/(\{id\}/)?$")


def test_every_list_and_object_documents_what_the_shared_mixins_answer(schema, editor_api):
    """Any list refuses a bad page size (400); any object answers If-None-Match (304)."""
    gets = {path: ops["get"] for path, ops in schema["paths"].items() if "get" in ops}
    lists = [p for p in gets if ROUTED_BY_THE_MIXINS.match(p) and "{id}" not in p]
    objects = [p for p in gets if ROUTED_BY_THE_MIXINS.match(p) and "{id}" in p]
    assert len(lists) >= 10 and len(objects) >= 10
    for path in lists:
        assert "400" in gets[path]["responses"], path
        assert editor_api.get(f"{path}?page_size=-1").status_code == 400, path
    for path in objects:
        assert "304" in gets[path]["responses"], path
        headers = {p["name"] for p in gets[path].get("parameters", []) if p["in"] == "header"}
        assert "If-None-Match" in headers, path


def test_swagger_ui_is_served_from_local_static_files(editor_api):
    response = editor_api.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert not source.startswith(("http://", "https://", "//")), source
    assets = [s for s in sources if "drf_spectacular_sidecar" in s]
    assert assets, sources
    for asset in assets:
        path = asset.split("/static/", 1)[1]
        assert finders.find(path), asset


def test_the_schema_and_docs_need_signing_in(anon):
    assert anon.get("/api/schema/").status_code == 401
    assert anon.get("/api/docs/").status_code == 401


def test_the_vocabularies_of_findings_and_suggestions_are_enumerated(schema):
    from tracker.vocabularies import FindingKind, SuggestionBasis, SuggestionVoice

    enums = schema["components"]["schemas"]
    assert enums["FindingKindEnum"]["enum"] == FindingKind.values
    assert enums["SuggestionBasisEnum"]["enum"] == SuggestionBasis.values
    assert enums["SuggestionVoiceEnum"]["enum"] == SuggestionVoice.values
    params = {p["name"]: p for p in schema["paths"]["/api/conflicts/"]["get"]["parameters"]}
    assert set(params["kind"]["schema"]["items"]["enum"]) == set(FindingKind.values)
    finding = enums["Finding"]["properties"]
    assert {"kind_label", "severity_label"} <= set(finding)


def test_the_document_upload_is_documented_as_multipart(schema):
    operation = schema["paths"]["/api/documents/upload/"]["post"]
    body = operation["requestBody"]["content"]
    assert list(body) == ["multipart/form-data"]
    reference = body["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[-1]
    fields = schema["components"]["schemas"][reference]
    assert (fields["properties"]["file"]["type"], fields["properties"]["file"]["format"]) == (
        "string",
        "binary",
    )
    assert fields["required"] == ["file"]
    assert "PDF is out of scope" in fields["properties"]["file"]["description"]
    assert {"200", "201", "400", "401", "403", "413", "415", "429"} <= set(operation["responses"])
    assert "PDF" in operation["description"] and "413" in operation["description"]
