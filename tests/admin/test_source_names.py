"""The admin refuses a name another source has in any script, and shows whom a person speaks for."""

import pytest
from django.urls import reverse

from tests.admin.test_source_event_admin import source_data
from tests.factories import make_account, make_claim, make_document, make_source
from tracker.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def spokesmen(db):
    defence = make_source(name="Ministry of Defence", kind="government")
    interior = make_source(name="Ministry of Interior", kind="government")
    return (
        make_source(name="Ahmed Hassan", kind="spokesperson", parent=defence),
        make_source(name="Ahmed Hassan", kind="spokesperson", parent=interior),
    )


def test_a_name_taken_beyond_ascii_is_a_form_error_naming_the_source(reporter_client):
    agency = make_source(name="ÑANDÚ Agency")
    response = reporter_client.post(
        reverse("admin:tracker_source_add"), source_data(name="ñandú agency")
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"] == [
        f"A source named 'ÑANDÚ Agency' already exists (id {agency.pk})."
    ]
    assert Source.objects.count() == 1


def test_a_second_person_of_the_name_is_added_under_another_body(reporter_client, spokesmen):
    third_body = make_source(name="Ministry of Health", kind="government")
    data = source_data(name="AHMED HASSAN", kind="spokesperson", parent=third_body.pk)
    response = reporter_client.post(reverse("admin:tracker_source_add"), data)
    assert response.status_code == 302
    again = reporter_client.post(reverse("admin:tracker_source_add"), data)
    assert (
        again.status_code == 200
        and "'AHMED HASSAN (Ministry of Health)' already exists"
        in (again.context["adminform"].form.errors["name"][0])
    )


def test_autocomplete_tells_people_of_one_name_apart(reporter_client, spokesmen):
    response = reporter_client.get(
        reverse("admin:autocomplete"),
        {"term": "AHMED hassan", "app_label": "tracker", "model_name": "account",
         "field_name": "source"},
    )  # fmt: skip
    assert response.status_code == 200
    assert sorted(r["text"] for r in response.json()["results"]) == [
        "Ahmed Hassan (Ministry of Defence)",
        "Ahmed Hassan (Ministry of Interior)",
    ]
    beyond_ascii = make_source(name="ÑANDÚ Agency")
    found = reporter_client.get(
        reverse("admin:autocomplete"),
        {"term": "ñandú", "app_label": "tracker", "model_name": "account",
         "field_name": "source"},
    )  # fmt: skip
    assert [r["id"] for r in found.json()["results"]] == [str(beyond_ascii.pk)]


def test_an_accounts_form_and_list_show_the_speakers_affiliation(reporter_client, spokesmen):
    document = make_document(text="Ahmed Hassan said 12 people were killed.")
    account = make_account(
        claim=make_claim(text="12 people were killed"),
        source=spokesmen[1],
        document=document,
        quote="12 people were killed",
    )
    form = reporter_client.get(reverse("admin:tracker_account_change", args=[account.pk]))
    assert form.status_code == 200
    assert "Ahmed Hassan (Ministry of Interior)" in form.content.decode()
    listing = reporter_client.get(reverse("admin:tracker_account_changelist"))
    assert "Ahmed Hassan (Ministry of Interior)" in listing.content.decode()
