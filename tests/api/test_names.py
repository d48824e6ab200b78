"""The names table over the API: entities with their aliases, unique across the table."""

import pytest

from tests.api.conftest import etag_of
from tests.factories import make_source
from tracker import services
from tracker.models import EntityAlias, NamedEntity


@pytest.fixture
def daesh(db) -> NamedEntity:
    return services.entity_create(
        actor=None, name="Islamic State", kind="party", aliases=["IS", "ISIS", "Daesh"]
    )


@pytest.fixture
def deir(db) -> NamedEntity:
    return services.entity_create(
        actor=None, name="Deir ez-Zor", kind="place", aliases=["Deir al-Zour"]
    )


def test_the_list_gives_each_entity_with_its_aliases(reporter_api, daesh, deir):
    rows = reporter_api.get("/api/names/").data["results"]
    assert [row["name"] for row in rows] == ["Deir ez-Zor", "Islamic State"]
    assert [alias["name"] for alias in rows[1]["aliases"]] == ["Daesh", "IS", "ISIS"]
    assert rows[1]["kind"] == "party" and rows[1]["source"] is None


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("search=daesh", ["Islamic State"]),
        ("search=zour", ["Deir ez-Zor"]),
        ("search=deir+zor", ["Deir ez-Zor"]),
        ("kind=place", ["Deir ez-Zor"]),
        ("kind=party&kind=place", ["Deir ez-Zor", "Islamic State"]),
        ("search=Quneitra", []),
    ],
)
def test_search_and_kind(reporter_api, daesh, deir, query, names):
    response = reporter_api.get(f"/api/names/?{query}")
    assert response.status_code == 200, response.data
    assert [row["name"] for row in response.data["results"]] == names


def test_a_reporter_adds_an_entity_with_aliases_and_a_source(reporter_api):
    sdf = make_source(name="Syrian Democratic Forces", kind="armed_party")
    response = reporter_api.post(
        "/api/names/",
        {"name": "Syrian Democratic Forces", "kind": "party", "aliases": ["SDF"],
         "source": sdf.pk, "description": "Kurdish-led alliance"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    assert response["Location"].endswith(f"/api/names/{response.data['id']}/")
    assert response.data["source"]["name"] == "Syrian Democratic Forces"
    assert [a["name"] for a in response.data["aliases"]] == ["SDF"]
    assert response["ETag"] == etag_of(reporter_api, f"/api/names/{response.data['id']}/")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Daesh", "kind": "party"}, "name"),  # an alias already
        ({"name": "islamic state", "kind": "party"}, "name"),  # names ignore case
        ({"name": "ISIL", "kind": "party", "aliases": ["isis"]}, "name"),
        ({"name": "ISIL", "kind": "militia"}, "kind"),
        ({"name": "ISIL", "kind": "party", "aliases": "IS"}, "aliases"),
        ({"name": "ISIL", "kind": "party", "aliases": [3]}, "aliases"),
        ({"name": "", "kind": "party"}, "name"),
        ({"name": 5, "kind": "party"}, "name"),
        ({"name": "IS\x00IL", "kind": "party"}, "name"),
        ({"name": "ISIL", "kind": "party", "source": 424242}, "source"),
        ({"kind": "party"}, "name"),
        ({"name": "ISIL", "kind": "party", "alias": "x"}, "alias"),
    ],
)
def test_bad_entities_are_400_and_nothing_is_written(reporter_api, daesh, body, field):
    before = (NamedEntity.objects.count(), EntityAlias.objects.count())
    response = reporter_api.post("/api/names/", body, format="json")
    assert response.status_code == 400, response.data
    assert field in response.data, response.data
    assert (NamedEntity.objects.count(), EntityAlias.objects.count()) == before


def test_aliases_are_added_one_by_one_and_stay_unique(reporter_api, daesh, deir):
    url = f"/api/names/{daesh.pk}/aliases/"
    response = reporter_api.post(url, {"name": "ISIL"}, format="json")
    assert response.status_code == 201, response.data
    assert "ISIL" in [a["name"] for a in response.data["aliases"]]
    for taken in ("isil", "Deir al-Zour", "Deir ez-Zor", "Islamic State"):
        refused = reporter_api.post(url, {"name": taken}, format="json")
        assert refused.status_code == 400 and "name" in refused.data, taken
    assert reporter_api.post(url, {}, format="json").status_code == 400
    assert reporter_api.post("/api/names/424242/aliases/", {"name": "X"}).status_code == 404


def test_editing_an_entity_needs_if_match(reporter_api, daesh, deir):
    url = f"/api/names/{daesh.pk}/"
    assert reporter_api.patch(url, {"kind": "organisation"}, format="json").status_code == 428
    response = reporter_api.patch(url, {"description": "Jihadist group"}, format="json",
                                  HTTP_IF_MATCH=etag_of(reporter_api, url))  # fmt: skip
    assert response.status_code == 200, response.data
    assert NamedEntity.objects.get(pk=daesh.pk).description == "Jihadist group"
    # Sending back the aliases read changes nothing; taking another entity's alias is refused.
    read = reporter_api.get(url)
    same = reporter_api.put(url, read.data, format="json", HTTP_IF_MATCH=read["ETag"])
    assert same.status_code == 200, same.data
    assert EntityAlias.objects.filter(entity=daesh).count() == 3
    clash = reporter_api.patch(url, {"name": "Deir al-Zour"}, format="json",
                               HTTP_IF_MATCH=etag_of(reporter_api, url))  # fmt: skip
    assert clash.status_code == 400 and "name" in clash.data


def test_only_editors_remove_aliases(reporter_api, editor_api, daesh, deir):
    alias = EntityAlias.objects.get(name="Daesh")
    url = f"/api/names/{daesh.pk}/aliases/{alias.pk}/"
    etag = etag_of(editor_api, f"/api/names/{daesh.pk}/")
    assert reporter_api.delete(url, HTTP_IF_MATCH=etag).status_code == 403
    assert editor_api.delete(url).status_code == 428
    # An alias of another entity is not this entity's to remove.
    other = EntityAlias.objects.get(name="Deir al-Zour")
    wrong = f"/api/names/{daesh.pk}/aliases/{other.pk}/"
    assert editor_api.delete(wrong, HTTP_IF_MATCH=etag).status_code == 404
    response = editor_api.delete(url, HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.data
    assert [a["name"] for a in response.data["aliases"]] == ["IS", "ISIS"]
    assert not EntityAlias.objects.filter(pk=alias.pk).exists()
    # The entity changed: the old ETag is stale.
    other_alias = EntityAlias.objects.get(name="IS")
    stale = editor_api.delete(f"/api/names/{daesh.pk}/aliases/{other_alias.pk}/",
                              HTTP_IF_MATCH=etag)  # fmt: skip
    assert stale.status_code == 412
    assert EntityAlias.objects.filter(pk=other_alias.pk).exists()


def test_entities_are_not_deleted_over_the_api(editor_api, daesh):
    assert editor_api.delete(f"/api/names/{daesh.pk}/").status_code == 405
