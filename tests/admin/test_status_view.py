"""The verdict page: editors only, a rationale after the first verdict, all or nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin.conftest import logged_in
from tracker import services
from tracker.models import Claim, StatusChange
from tracker.vocabularies import VerificationStatus


def status_url(claim) -> str:
    return reverse("admin:tracker_claim_set_status", args=[claim.pk])


BULK_URL = reverse("admin:tracker_claim_set_status_bulk")


def test_editor_sees_form_and_history(editor_client, editor, newsroom):
    services.claim_set_status(
        actor=editor, claim=newsroom.toll, status="in_review", rationale="<b>Checking</b>"
    )
    response = editor_client.get(status_url(newsroom.toll))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="rationale"' in body
    assert "&lt;b&gt;Checking&lt;/b&gt;" in body  # rationales are escaped
    assert '<span class="tracker-badge tracker-status-in_review">In review</span>' in body


def test_claim_page_links_to_it_for_editors_only(editor_client, reporter, newsroom):
    url = reverse("admin:tracker_claim_change", args=[newsroom.toll.pk])
    assert status_url(newsroom.toll) in editor_client.get(url).content.decode()
    assert status_url(newsroom.toll) not in logged_in(reporter).get(url).content.decode()


def test_first_change_needs_no_rationale(editor_client, editor, newsroom):
    response = editor_client.post(status_url(newsroom.toll), {"status": "in_review"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:tracker_claim_change", args=[newsroom.toll.pk])
    change = StatusChange.objects.get()
    assert (change.changed_by, change.from_status, change.to_status, change.rationale) == (
        editor,
        "unverified",
        "in_review",
        "",
    )


def test_change_records_who_when_from_to_why(editor_client, editor, newsroom):
    editor_client.post(status_url(newsroom.toll), {"status": "in_review"})
    response = editor_client.post(
        status_url(newsroom.toll),
        {"status": "disputed", "rationale": "SANA and the coalition disagree."},
        follow=True,
    )
    assert "Status set to “Disputed” on 1 claim(s)." in [
        str(m) for m in response.context["messages"]
    ]
    latest = StatusChange.objects.latest()
    assert latest.changed_by == editor
    assert latest.changed_at is not None
    assert (latest.from_status, latest.to_status) == ("in_review", "disputed")
    assert latest.rationale == "SANA and the coalition disagree."
    newsroom.toll.refresh_from_db()
    assert newsroom.toll.status == VerificationStatus.DISPUTED


def test_second_change_without_rationale_shows_error_and_writes_nothing(
    editor_client, editor, newsroom
):
    services.claim_set_status(actor=editor, claim=newsroom.toll, status="in_review", rationale="")
    response = editor_client.post(status_url(newsroom.toll), {"status": "confirmed"})
    assert response.status_code == 200
    assert response.context["form"].errors["rationale"] == [
        "Say why the status changes: a rationale is required."
    ]
    assert StatusChange.objects.count() == 1
    newsroom.toll.refresh_from_db()
    assert newsroom.toll.status == "in_review"


def test_unknown_status_is_a_form_error(editor_client, newsroom):
    response = editor_client.post(status_url(newsroom.toll), {"status": "true-ish"})
    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    assert not StatusChange.objects.exists()


def test_archived_claim_is_refused_with_the_service_message(editor_client, editor, newsroom):
    services.claim_archive(actor=editor, claim=newsroom.toll)
    response = editor_client.post(status_url(newsroom.toll), {"status": "confirmed"})
    assert response.context["form"].errors["status"] == [
        "This claim is archived; restore it first."
    ]
    assert not StatusChange.objects.exists()


class TestReporterIsRefused:
    def test_get_is_403(self, reporter_client, newsroom):
        assert reporter_client.get(status_url(newsroom.toll)).status_code == 403
        assert reporter_client.get(f"{BULK_URL}?ids={newsroom.toll.pk}").status_code == 403

    @pytest.mark.parametrize("rationale", ["", "I just know."])
    def test_forged_post_is_403_and_changes_nothing(
        self, reporter_client, editor, newsroom, rationale
    ):
        services.claim_set_status(
            actor=editor, claim=newsroom.toll, status="in_review", rationale=""
        )
        before = list(StatusChange.objects.values_list("pk", "to_status"))
        response = reporter_client.post(
            status_url(newsroom.toll), {"status": "confirmed", "rationale": rationale}
        )
        assert response.status_code == 403
        bulk = reporter_client.post(
            BULK_URL, {"ids": str(newsroom.toll.pk), "status": "false", "rationale": "x"}
        )
        assert bulk.status_code == 403
        newsroom.toll.refresh_from_db()
        assert newsroom.toll.status == "in_review"
        assert list(StatusChange.objects.values_list("pk", "to_status")) == before

    def test_action_is_not_offered_and_cannot_be_forged(self, reporter_client, newsroom):
        changelist = reverse("admin:tracker_claim_changelist")
        response = reporter_client.get(changelist)
        assert response.context["action_form"] is None or "set_status_action" not in dict(
            response.context["action_form"].fields["action"].choices
        )
        reporter_client.post(
            changelist, {"action": "set_status_action", "_selected_action": [newsroom.toll.pk]}
        )
        assert not StatusChange.objects.exists()


def test_csrf_is_enforced(editor, newsroom):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(status_url(newsroom.toll), {"status": "confirmed"})
    assert response.status_code == 403
    assert not StatusChange.objects.exists()


class TestSeveralClaims:
    def test_action_leads_to_the_page(self, editor_client, newsroom):
        ids = sorted([newsroom.toll.pk, newsroom.perpetrator.pk])
        response = editor_client.post(
            reverse("admin:tracker_claim_changelist"),
            {"action": "set_status_action", "_selected_action": ids},
        )
        assert response.status_code == 302
        assert response["Location"] == f"{BULK_URL}?ids={ids[0]},{ids[1]}"
        page = editor_client.get(response["Location"])
        assert page.status_code == 200
        assert [c.pk for c in page.context["claims"]] == ids

    def test_one_verdict_for_all(self, editor_client, newsroom):
        ids = f"{newsroom.toll.pk},{newsroom.perpetrator.pk}"
        response = editor_client.post(BULK_URL, {"ids": ids, "status": "in_review"})
        assert response.status_code == 302
        chosen = Claim.objects.filter(pk__in=[newsroom.toll.pk, newsroom.perpetrator.pk])
        assert set(chosen.values_list("status", flat=True)) == {"in_review"}
        assert Claim.objects.exclude(status="in_review").exists()  # the others were left alone

    def test_all_or_nothing(self, editor_client, editor, newsroom):
        services.claim_set_status(
            actor=editor, claim=newsroom.toll, status="in_review", rationale=""
        )
        ids = f"{newsroom.toll.pk},{newsroom.perpetrator.pk}"
        response = editor_client.post(BULK_URL, {"ids": ids, "status": "disputed"})
        assert response.status_code == 200
        assert response.context["form"].non_field_errors() == [
            f"Claim #{newsroom.toll.pk}: Say why the status changes: a rationale is required."
        ]
        newsroom.perpetrator.refresh_from_db()
        assert newsroom.perpetrator.status == "unverified"
        assert StatusChange.objects.count() == 1

    @pytest.mark.parametrize("ids", ["", "abc", "1,,2", "99999"])
    def test_bad_ids_are_404(self, editor_client, newsroom, ids):
        assert editor_client.get(f"{BULK_URL}?ids={ids}").status_code == 404


def test_query_count_is_bounded(editor_client, editor, newsroom, django_assert_max_num_queries):
    for status in ("in_review", "disputed", "confirmed"):
        services.claim_set_status(actor=editor, claim=newsroom.toll, status=status, rationale="r")
    editor_client.get(reverse("admin:index"))
    # Six for the page and the claims, four for the evidence (accounts, parties, findings, flags).
    with django_assert_max_num_queries(10):
        editor_client.get(status_url(newsroom.toll))
