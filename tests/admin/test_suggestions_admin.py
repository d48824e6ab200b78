"""Reporters paste a report, then accept, edit or reject what the extractor suggests."""

import pytest
from django.urls import reverse

from tests.admin.conftest import logged_in, messages_of, queries_for
from tests.factories import make_source
from tracker import services
from tracker.models import Account, Document, EntityAlias, NamedEntity, Suggestion

pytestmark = pytest.mark.django_db

REPORT = (
    "Market strike\n\n"
    "At least 12 people were killed in a strike on a market, the Syrian Observatory for "
    "Human Rights said. The army denied any role in the attack.\n"
)


def paste(client, text: str = REPORT, title: str = "Market strike"):
    return client.post(
        reverse("admin:tracker_document_add"),
        {"title": title, "text": text, "url": "", "outlet": "", "published_at_0": "",
         "published_at_1": "", "retrieved_at_0": "", "retrieved_at_1": ""},
    )  # fmt: skip


def test_a_pasted_report_shows_its_suggestions_on_the_document_page(reporter):
    client = logged_in(reporter)
    response = paste(client)
    assert response.status_code == 302, response.content[:2000]
    document = Document.objects.get()
    assert Suggestion.objects.filter(document=document).count() >= 2
    page = client.get(reverse("admin:tracker_document_change", args=[document.pk]))
    body = page.content.decode()
    assert "Suggested accounts" in body and "Accept" in body
    assert "The army denied any role in the attack" in body


def test_pasting_known_text_again_says_where_it_is(reporter):
    client = logged_in(reporter)
    paste(client)
    response = paste(client, title="Again")
    assert response.status_code == 200
    assert "already stored as document" in response.content.decode()
    assert Document.objects.count() == 1


def test_accept_in_one_click_creates_the_account(reporter):
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    client = logged_in(reporter)
    paste(client)
    suggestion = Suggestion.objects.get(source__name="Syrian Observatory for Human Rights")
    next_url = reverse("admin:tracker_document_change", args=[suggestion.document_id])
    response = client.post(
        reverse("admin:tracker_suggestion_accept", args=[suggestion.pk]), {"next": next_url}
    )
    assert response.status_code == 302 and response["Location"] == next_url
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted"
    account = Account.objects.get()
    assert (account.source.name, account.quote) == (suggestion.source.name, suggestion.quote)


def test_edit_then_accept(reporter):
    client = logged_in(reporter)
    paste(client)
    denial = Suggestion.objects.get(stance="denies")
    url = reverse("admin:tracker_suggestion_change", args=[denial.pk])
    assert client.get(url).status_code == 200
    army = make_source(name="Syrian Arab Army", kind="armed_party")
    response = client.post(url, {
        "source": army.pk, "intermediary": "", "stance": "denies",
        "claim_text": "The army was not involved in the market strike", "aspect": "perpetrator",
        "count_min": "", "count_max": "", "unit": "", "event": "", "named_parties": [army.pk],
        "_accept": "Save corrections and accept",
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    account = Account.objects.get()
    assert (account.source, account.stance, account.claim.aspect) == (army, "denies", "perpetrator")
    assert list(account.claim.named_parties.all()) == [army]


def test_reject_records_the_decision(reporter):
    client = logged_in(reporter)
    paste(client)
    suggestion = Suggestion.objects.first()
    client.post(reverse("admin:tracker_suggestion_reject", args=[suggestion.pk]), {"note": "dup"})
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decision_note, suggestion.decided_by) == (
        "rejected", "dup", reporter,
    )  # fmt: skip
    again = client.post(reverse("admin:tracker_suggestion_accept", args=[suggestion.pk]))
    assert any("already rejected" in m for m in messages_of(client.get(again["Location"])))
    assert not Account.objects.exists()


def test_decisions_need_a_post_and_the_permission(reporter, editor):
    services.document_ingest(actor=reporter, title="t", text=REPORT, via="paste")
    suggestion = Suggestion.objects.first()
    url = reverse("admin:tracker_suggestion_accept", args=[suggestion.pk])
    assert logged_in(reporter).get(url).status_code == 405
    from tests.factories import UserFactory

    outsider = UserFactory()  # staff, but in no newsroom group
    assert logged_in(outsider).post(url).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"


def test_the_queue_lists_pending_suggestions_at_a_fixed_cost(reporter):
    client = logged_in(reporter)
    services.document_ingest(actor=reporter, title="a", text=REPORT, via="paste")
    url = reverse("admin:tracker_suggestion_changelist")
    few, response = queries_for(client, url)
    assert response.status_code == 200
    for n in range(4):
        services.document_ingest(
            actor=reporter, title=f"r{n}", text=REPORT.replace("12", str(20 + n)), via="paste"
        )
    many, response = queries_for(client, url)
    assert response.status_code == 200 and few == many
    rows = response.content.decode().count('name="_selected_action"')
    assert rows == Suggestion.objects.filter(status="pending").count() > 5


def test_names_table_is_edited_through_the_services(reporter):
    client = logged_in(reporter)
    response = client.post(reverse("admin:tracker_namedentity_add"), {
        "name": "Deir ez-Zor", "kind": "place", "source": "", "description": "",
        "aliases-TOTAL_FORMS": "2", "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000",
        "aliases-0-name": "Deir al-Zour", "aliases-1-name": "deir ez-zor",
    })  # fmt: skip
    assert response.status_code == 200  # the second alias repeats the name: refused
    assert not NamedEntity.objects.exists()
    response = client.post(reverse("admin:tracker_namedentity_add"), {
        "name": "Deir ez-Zor", "kind": "place", "source": "", "description": "",
        "aliases-TOTAL_FORMS": "1", "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000",
        "aliases-0-name": "Deir al-Zour",
    })  # fmt: skip
    assert response.status_code == 302
    assert EntityAlias.objects.get().name == "Deir al-Zour"
