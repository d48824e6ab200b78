"""Reporters see the same admin without what they may not do; forging does not help."""

import pytest
from django.urls import reverse

from tests.admin.conftest import logged_in
from tests.factories import UserFactory
from tracker import services
from tracker.models import Account, Claim, Flag, StatusChange


def change_url(claim) -> str:
    return reverse("admin:tracker_claim_change", args=[claim.pk])


class TestReporterClaimPage:
    def test_tools_hidden(self, reporter_client, newsroom):
        body = reporter_client.get(change_url(newsroom.toll)).content.decode()
        for name in ("set_status", "archive", "restore"):
            assert reverse(f"admin:tracker_claim_{name}", args=[newsroom.toll.pk]) not in body
        assert reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk]) not in body
        assert "Could not verify…" in body  # flagging is theirs

    def test_no_actions_on_claims(self, reporter_client, newsroom):
        response = reporter_client.get(reverse("admin:tracker_claim_changelist"))
        assert response.context["action_form"] is None


class TestForgedRequests:
    def test_archive_and_restore(self, reporter_client, editor, newsroom):
        url = reverse("admin:tracker_claim_archive", args=[newsroom.toll.pk])
        assert reporter_client.post(url).status_code == 403
        services.claim_archive(actor=editor, claim=newsroom.perpetrator)
        url = reverse("admin:tracker_claim_restore", args=[newsroom.perpetrator.pk])
        assert reporter_client.post(url).status_code == 403
        assert list(
            Claim.objects.filter(archived_at__isnull=False).values_list("pk", flat=True)
        ) == [newsroom.perpetrator.pk]

    @pytest.mark.parametrize("action", ["archive_action", "restore_action", "set_status_action"])
    def test_actions(self, reporter_client, newsroom, action):
        response = reporter_client.post(
            reverse("admin:tracker_claim_changelist"),
            {"action": action, "_selected_action": [newsroom.toll.pk]},
        )
        assert response.status_code in (200, 302)
        assert not Claim.objects.filter(archived_at__isnull=False).exists()
        assert not StatusChange.objects.exists()

    def test_resolve_action_on_flags(self, reporter_client, newsroom):
        reporter_client.post(
            reverse("admin:tracker_flag_changelist"),
            {"action": "resolve_action", "_selected_action": [newsroom.flag.pk]},
        )
        assert Flag.objects.get().is_open

    def test_delete_account(self, reporter_client, newsroom):
        url = reverse("admin:tracker_account_delete", args=[newsroom.sana_account.pk])
        assert reporter_client.post(url, {"post": "yes"}).status_code == 403
        assert Account.objects.filter(pk=newsroom.sana_account.pk).exists()

    def test_history_cannot_revert(self, editor_client, editor, newsroom):
        services.claim_update(actor=editor, claim=newsroom.toll, text="Edited text")
        record = newsroom.toll.history.earliest()
        url = reverse(
            "admin:tracker_claim_simple_history", args=[newsroom.toll.pk, record.history_id]
        )
        assert editor_client.get(url).status_code == 200
        data = {"text": record.text, "aspect": record.aspect}
        assert editor_client.post(url, data).status_code == 403
        newsroom.toll.refresh_from_db()
        assert newsroom.toll.text == "Edited text"


def test_editor_may_delete_an_account_through_the_service(editor_client, editor, newsroom):
    url = reverse("admin:tracker_account_delete", args=[newsroom.sana_account.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Account.objects.filter(pk=newsroom.sana_account.pk).exists()
    assert Account.history.filter(history_type="-").get().history_user == editor


class TestStatusChangesAreReadOnly:
    def test_for_everyone(self, admin_client, editor, newsroom):
        change = services.claim_set_status(
            actor=editor, claim=newsroom.toll, status="in_review", rationale="first"
        )
        listing = admin_client.get(reverse("admin:tracker_statuschange_changelist"))
        assert listing.status_code == 200
        assert not listing.context["has_add_permission"]
        assert admin_client.get(reverse("admin:tracker_statuschange_add")).status_code == 403
        url = reverse("admin:tracker_statuschange_change", args=[change.pk])
        assert admin_client.post(url, {"rationale": "rewritten"}).status_code == 403
        delete = reverse("admin:tracker_statuschange_delete", args=[change.pk])
        assert admin_client.post(delete, {"post": "yes"}).status_code == 403
        change.refresh_from_db()
        assert change.rationale == "first"


def test_staff_without_a_group_sees_nothing(db, newsroom):
    client = logged_in(UserFactory())
    assert client.get(reverse("admin:tracker_claim_changelist")).status_code == 403
    assert client.get(change_url(newsroom.toll)).status_code == 403
    url = reverse("admin:tracker_claim_set_status", args=[newsroom.toll.pk])
    assert client.post(url, {"status": "confirmed"}).status_code == 403


def test_anonymous_is_sent_to_login(client, newsroom):
    url = reverse("admin:tracker_claim_set_status", args=[newsroom.toll.pk])
    response = client.post(url, {"status": "confirmed"})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert not StatusChange.objects.exists()
