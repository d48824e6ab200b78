"""Bugs the fuzzer and the hardening tests found, each pinned by the smallest request."""

import pytest
from django.urls import reverse

from tests.api.conftest import client_for
from tests.factories import make_claim, make_document
from tracker import services

pytestmark = pytest.mark.django_db


def test_csv_export_with_an_ordering_is_not_a_500(editor):
    make_claim(text="One")
    # The export's ordering backend had no fields to order by: ImproperlyConfigured.
    # Its rows stream in id order, so ?ordering is now a parameter it does not take.
    response = client_for(editor).get("/api/claims/export.csv?ordering=status")
    assert response.status_code == 400
    assert b"ordering" in response.content and b"Unknown query parameter" in response.content


def test_an_unroutable_api_path_is_json(editor):
    response = client_for(editor).get("/api/claims/abc/")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("size", ["abc", "0", "-3", "1.5"])
def test_a_page_size_that_is_not_a_whole_number_is_400(editor, size):
    response = client_for(editor).get(f"/api/claims/?page_size={size}")
    assert response.status_code == 400 and "page_size" in response.json()


def test_a_page_size_above_the_maximum_is_capped(editor):
    assert client_for(editor).get("/api/claims/?page_size=100000").status_code == 200


def test_a_number_where_text_belongs_is_refused(editor):
    response = client_for(editor).post("/api/events/", {"name": 0.0}, format="json")
    assert response.status_code == 400 and "name" in response.json()


def test_a_claim_with_a_system_verdict_has_a_page(editor_client):
    # A verdict with no user (a command, a deleted account) made the page a 500.
    claim = make_claim(text="Set by a script")
    services.claim_set_status(actor=None, claim=claim, status="confirmed", rationale="Import.")
    response = editor_client.get(reverse("admin:tracker_claim_change", args=[claim.pk]))
    assert response.status_code == 200 and "system" in response.text


def test_a_document_without_a_url_matches_its_schema(editor):
    from drf_spectacular.generators import SchemaGenerator

    document = make_document(text="Twelve people were killed, officials said.")
    data = client_for(editor).get(f"/api/documents/{document.pk}/").json()
    assert data["url"] == ""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    url = schema["components"]["schemas"]["DocumentDetail"]["properties"]["url"]
    assert {"maxLength": 0} in url["anyOf"]


@pytest.mark.parametrize(
    "since", ["3746-03-14T08:39:47+19:49", "2026-01-01T00:00:00-15:59", "0001-01-01T00:00:00+01:00"]
)
def test_a_date_time_with_any_offset_is_answered(editor, since):
    # PostgreSQL refused offsets beyond ±15:59 with an error: a 500 from the filter.
    from urllib.parse import quote

    response = client_for(editor).get(f"/api/status-changes/?since={quote(since)}")
    assert response.status_code in (200, 400)
    response = client_for(editor).get(f"/api/claims/?updated_since={quote(since)}")
    assert response.status_code in (200, 400)
