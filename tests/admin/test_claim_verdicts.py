"""The claim page keeps a judged claim as judged: read-only for reporters, re-review for editors."""

import pytest
from django.urls import reverse

from tests.admin.conftest import account_post_data, claim_post_data
from tests.factories import make_source
from tracker import services
from tracker.models import Claim
from tracker.services.verdicts import SUBSTANCE_FIELDS
from tracker.vocabularies import VerificationStatus


def change_url(claim) -> str:
    return reverse("admin:tracker_claim_change", args=[claim.pk])


def judge(claim, status=VerificationStatus.CONFIRMED):
    services.claim_set_status(actor=None, claim=claim, status=status, rationale="Checked.")


def form_fields(response) -> set[str]:
    return set(response.context["adminform"].form.fields)


def readonly_fields(response) -> set[str]:
    return set(response.context["adminform"].readonly_fields)


def test_a_reporter_sees_a_judged_claim_read_only(reporter_client, newsroom):
    judge(newsroom.toll)
    response = reporter_client.get(change_url(newsroom.toll))
    assert response.status_code == 200
    assert not form_fields(response) & set(SUBSTANCE_FIELDS)
    assert set(SUBSTANCE_FIELDS) <= readonly_fields(response)
    body = response.content.decode()
    assert "More than 30 civilians were killed" in body
    assert "This claim has a verdict (Confirmed)" in body
    assert "Flag it instead" in body


@pytest.mark.parametrize("status", [None, VerificationStatus.IN_REVIEW])
def test_a_reporter_edits_a_claim_without_a_verdict(reporter_client, newsroom, status):
    if status:
        judge(newsroom.toll, status)
    response = reporter_client.get(change_url(newsroom.toll))
    assert set(SUBSTANCE_FIELDS) <= form_fields(response)
    assert "This claim has a verdict" not in response.content.decode()


def test_an_editor_edits_a_judged_claim(editor_client, newsroom):
    judge(newsroom.toll)
    assert set(SUBSTANCE_FIELDS) <= form_fields(editor_client.get(change_url(newsroom.toll)))


def test_a_forged_post_from_a_reporter_changes_nothing(reporter_client, newsroom):
    toll = newsroom.toll
    judge(toll)
    data = claim_post_data(
        toll, text="More than 300 civilians were killed", count_min=301,
        count_max=400, unit="people", event="", named_parties=[newsroom.reuters.pk],
        count_approximate="on",
    )  # fmt: skip
    reporter_client.post(change_url(toll), data)
    claim = Claim.objects.get(pk=toll.pk)
    assert (claim.text, claim.count_min, claim.count_max, claim.count_approximate) == (
        "More than 30 civilians were killed", 31, None, False,
    )  # fmt: skip
    assert claim.event_id == newsroom.event.pk
    assert list(claim.named_parties.all()) == []
    assert claim.status == VerificationStatus.CONFIRMED


def test_a_reporter_adds_an_account_to_a_judged_claim(reporter_client, newsroom):
    toll = newsroom.toll
    judge(toll)
    before = toll.accounts.count()
    add = f"{reverse('admin:tracker_account_add')}?claim={toll.pk}"
    data = account_post_data(claim=toll.pk, source=make_source(name="Airwars").pk)
    response = reporter_client.post(add, data)
    # Back to the claim, where the new account is read.
    assert response.status_code == 302
    assert response["Location"] == f"{change_url(toll)}#accounts"
    claim = Claim.objects.get(pk=toll.pk)
    assert claim.accounts.count() == before + 1
    assert claim.status == VerificationStatus.CONFIRMED
    assert claim.accounts_changed_at is not None
    body = reporter_client.get(change_url(toll)).content.decode()
    assert (
        f"Its accounts changed on {claim.accounts_changed_at:%Y-%m-%d %H:%M}, after the verdict"
        in body
    )
    assert "Airwars" in body


def test_an_editors_save_sends_the_claim_back_to_review(editor_client, editor, newsroom):
    toll = newsroom.toll
    judge(toll)
    data = claim_post_data(toll, count_min=41, text="More than 40 were killed")
    assert editor_client.post(change_url(toll), data).status_code == 302
    claim = Claim.objects.get(pk=toll.pk)
    assert (claim.text, claim.status) == ("More than 40 were killed", VerificationStatus.IN_REVIEW)
    back = claim.status_changes.latest()
    assert back.changed_by == editor
    assert back.rationale == "Back to review: text, count_min changed after the verdict."


def test_the_verdict_log_shows_the_claim_as_judged(editor_client, newsroom):
    change = services.claim_set_status(
        actor=None, claim=newsroom.toll, status="confirmed", rationale="Checked."
    )
    services.claim_update(actor=None, claim=newsroom.toll, text="More than 40 were killed")
    page = reverse("admin:tracker_statuschange_change", args=[change.pk])
    body = editor_client.get(page).content.decode()
    assert "More than 30 civilians were killed; at least 31 people" in body
