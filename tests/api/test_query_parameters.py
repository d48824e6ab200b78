"""Every list refuses a parameter it does not know, and takes every one it documents."""

import pytest

LIST_ERROR_CASES = [
    ("/api/events/?name=Fire", "name"),
    ("/api/claims/?staus=confirmed", "staus"),
    ("/api/conflicts/?kinds=count_conflict", "kinds"),
    ("/api/claims/export.csv?evnt=1", "evnt"),
    ("/api/claimreview/?status=confirmed", "status"),
    ("/api/auth/tokens/?page_size=2", "page_size"),
]


@pytest.fixture
def schema(editor_api) -> dict:
    response = editor_api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def list_operations(schema: dict) -> list[tuple[str, list[dict]]]:
    """Every GET whose path names no object: the lists, the feed, the CSV and the tokens."""
    return [
        (path, [p for p in methods["get"].get("parameters", []) if p["in"] == "query"])
        for path, methods in schema["paths"].items()
        if "get" in methods and "{" not in path
    ]


def sample(parameter: dict) -> str:
    spec = parameter["schema"]
    if spec.get("type") == "array":
        spec = spec["items"]
    if "enum" in spec:
        return str(spec["enum"][0])
    return {
        "integer": "1",
        "boolean": "true",
    }.get(
        spec.get("type"),
        {"date-time": "2024-01-01T00:00:00Z", "date": "2024-01-01"}.get(spec.get("format"), "word"),
    )


def test_every_list_is_walked(schema):
    paths = {path for path, _ in list_operations(schema)}
    assert {"/api/claims/", "/api/events/", "/api/conflicts/", "/api/suggestions/"} <= paths
    assert {"/api/claims/export.csv", "/api/claimreview/", "/api/auth/tokens/"} <= paths
    assert {"/api/inbox/", "/api/desk/mine/", "/api/comments/", "/api/assignments/"} <= paths
    assert {"/api/captures/"} <= paths
    assert len(paths) == 18


def test_every_list_refuses_an_unknown_parameter_and_names_the_valid_ones(
    editor_api, newsroom, schema
):
    for path, parameters in list_operations(schema):
        response = editor_api.get(f"{path}?misspelt=1", HTTP_ACCEPT="application/json")
        assert response.status_code == 400, path
        message = response.json()["misspelt"][0]
        assert message.startswith("Unknown query parameter."), path
        for parameter in parameters:
            assert parameter["name"] in message, (path, parameter["name"])


def test_every_documented_parameter_is_taken(editor_api, newsroom, schema):
    for path, parameters in list_operations(schema):
        for parameter in parameters:
            name = parameter["name"]
            response = editor_api.get(
                path, {name: sample(parameter)}, HTTP_ACCEPT="application/json"
            )
            if name == "cursor":
                # A made-up cursor points nowhere (404); it is not refused as unknown.
                assert response.status_code == 404, (path, response.content)
            else:
                assert response.status_code == 200, (path, name, response.content)


def test_a_real_cursor_and_ordering_are_taken(editor_api, newsroom):
    first = editor_api.get("/api/claims/?page_size=1&ordering=id")
    assert first.status_code == 200
    second = editor_api.get(first.data["next"])
    assert second.status_code == 200
    assert second.data["results"][0]["id"] > first.data["results"][0]["id"]


@pytest.mark.parametrize(("url", "parameter"), LIST_ERROR_CASES)
def test_misspelt_parameters_are_named(editor_api, newsroom, url, parameter):
    response = editor_api.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize(
    ("url", "parameter", "valid"),
    [
        ("/api/conflicts/?kind=count_conflit", "kind", "count_conflict"),
        ("/api/claims/?status=confirmd", "status", "unverifiable"),
        ("/api/claims/?aspect=perpetrators", "aspect", "perpetrator"),
        ("/api/suggestions/?aspect=killd", "aspect", "killed"),
        ("/api/claims/export.csv?status=nope", "status", "confirmed"),
        ("/api/claims/?archived=maybe", "archived", "all"),
    ],
)
def test_an_unknown_choice_lists_the_valid_values(editor_api, newsroom, url, parameter, valid):
    response = editor_api.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    message = response.json()[parameter][0]
    assert "is not one of the valid values" in message
    assert valid in message
