"""Flagging a claim in two clicks, and resolving flags."""

import re

import pytest
from django.urls import reverse

from tests.admin.conftest import logged_in, messages_of
from tests.factories import UserFactory, make_flag
from tracker import services
from tracker.models import Flag
from tracker.vocabularies import FlagKind, FlagReason


def change_url(claim) -> str:
    return reverse("admin:tracker_claim_change", args=[claim.pk])


def flag_url(claim) -> str:
    return reverse("admin:tracker_claim_flag", args=[claim.pk])


@pytest.mark.parametrize("role", ["editor", "reporter"])
def test_could_not_verify_in_two_clicks(request, role, newsroom):
    user = request.getfixturevalue(role)
    client = logged_in(user)
    claim = newsroom.perpetrator
    page = client.get(change_url(claim)).content.decode()
    # Click 1 opens the menu: a <details> whose form posts straight to the flag view.
    menu = re.search(r"<details>.*?</details>", page, re.S).group(0)
    assert f'action="{flag_url(claim)}"' in menu
    assert 'name="reason" value="single_source"' in menu
    # Click 2 is one of its buttons.
    response = client.post(
        flag_url(claim), {"kind": FlagKind.COULD_NOT_VERIFY, "reason": FlagReason.SINGLE_SOURCE}
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(claim)
    flag = Flag.objects.get(claim=claim)
    assert (flag.kind, flag.reason, flag.raised_by) == ("could_not_verify", "single_source", user)
    landed = client.get(response["Location"])
    assert "Flagged “Could not verify” (Single source). An editor will review it." in messages_of(
        landed
    )
    assert "Single source" in landed.content.decode()


def test_duplicate_is_refused_with_the_service_message(reporter_client, reporter, newsroom):
    # The newsroom's toll already has the reporter's open "could not verify" flag.
    response = reporter_client.post(
        flag_url(newsroom.toll),
        {"kind": "could_not_verify", "reason": "source_unreachable"},
        follow=True,
    )
    assert response.status_code == 200
    assert "You already have an open flag of this kind on this claim." in messages_of(response)
    assert Flag.objects.filter(claim=newsroom.toll).count() == 1


def test_other_needs_a_note(reporter_client, newsroom):
    claim = newsroom.perpetrator
    form_page = reporter_client.get(f"{flag_url(claim)}?reason=other")
    assert form_page.status_code == 200
    assert form_page.context["form"].initial["reason"] == "other"
    response = reporter_client.post(
        flag_url(claim), {"kind": "could_not_verify", "reason": "other"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == ["This field is required."]
    assert not Flag.objects.filter(claim=claim).exists()
    response = reporter_client.post(
        flag_url(claim),
        {"kind": "could_not_verify", "reason": "other", "note": "The <b>video</b> is geo-blocked."},
    )
    assert response.status_code == 302
    assert Flag.objects.get(claim=claim).note == "The <b>video</b> is geo-blocked."
    body = reporter_client.get(change_url(claim)).content.decode()
    assert "The &lt;b&gt;video&lt;/b&gt; is geo-blocked." in body


def test_archived_claim_cannot_be_flagged(reporter_client, editor, newsroom):
    services.claim_archive(actor=editor, claim=newsroom.perpetrator)
    page = reporter_client.get(change_url(newsroom.perpetrator)).content.decode()
    assert "<details>" not in page
    response = reporter_client.post(
        flag_url(newsroom.perpetrator), {"kind": "could_not_verify", "reason": "single_source"}
    )
    assert response.status_code == 302
    assert not Flag.objects.filter(claim=newsroom.perpetrator).exists()


def test_flagging_needs_the_permission(db, newsroom):
    nobody = UserFactory()  # staff, in no group
    response = logged_in(nobody).post(
        flag_url(newsroom.perpetrator), {"kind": "could_not_verify", "reason": "single_source"}
    )
    assert response.status_code == 403


class TestResolve:
    def test_editor_resolves_from_the_claim_page(self, editor_client, editor, newsroom):
        page = editor_client.get(change_url(newsroom.toll)).content.decode()
        resolve_url = reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk])
        assert f'action="{resolve_url}"' in page
        response = editor_client.post(
            resolve_url, {"note": "Second source found.", "next": change_url(newsroom.toll)}
        )
        assert response.status_code == 302
        assert response["Location"] == change_url(newsroom.toll)
        newsroom.flag.refresh_from_db()
        assert (newsroom.flag.resolved_by, newsroom.flag.resolution_note) == (
            editor,
            "Second source found.",
        )

    def test_resolve_page(self, editor_client, newsroom):
        url = reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk])
        response = editor_client.get(url)
        assert response.status_code == 200
        assert "Only SANA." in response.content.decode()

    def test_twice_is_a_form_error(self, editor_client, editor, newsroom):
        services.flag_resolve(actor=editor, flag=newsroom.flag)
        url = reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk])
        response = editor_client.post(url, {"note": ""})
        assert response.status_code == 200
        assert response.context["form"].errors["__all__"] == [
            "Flag: This flag is already resolved."
        ]

    def test_next_must_be_local(self, editor_client, newsroom):
        url = reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk])
        response = editor_client.post(url, {"next": "https://evil.example/"})
        assert response["Location"] == change_url(newsroom.toll)

    def test_reporter_cannot_resolve(self, reporter_client, newsroom):
        page = reporter_client.get(change_url(newsroom.toll)).content.decode()
        url = reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk])
        assert url not in page
        assert reporter_client.get(url).status_code == 403
        assert reporter_client.post(url, {"note": "done"}).status_code == 403
        newsroom.flag.refresh_from_db()
        assert newsroom.flag.is_open

    def test_resolve_action_on_flag_list(self, editor_client, editor, newsroom):
        second = make_flag(claim=newsroom.perpetrator, raised_by=editor)
        response = editor_client.post(
            reverse("admin:tracker_flag_changelist"),
            {"action": "resolve_action", "_selected_action": [newsroom.flag.pk, second.pk]},
        )
        assert response.status_code == 302
        assert not Flag.objects.filter(resolved_at__isnull=True).exists()


class TestFlagAdmin:
    def test_open_resolved_filter(self, editor_client, editor, newsroom):
        resolved = make_flag(claim=newsroom.perpetrator, raised_by=editor)
        services.flag_resolve(actor=editor, flag=resolved)
        changelist = reverse("admin:tracker_flag_changelist")
        open_rows = editor_client.get(changelist, {"state": "open"}).context["cl"].result_list
        done_rows = editor_client.get(changelist, {"state": "resolved"}).context["cl"].result_list
        assert [f.pk for f in open_rows] == [newsroom.flag.pk]
        assert [f.pk for f in done_rows] == [resolved.pk]

    def test_add_goes_through_flag_raise(self, reporter_client, reporter, newsroom):
        response = reporter_client.post(
            reverse("admin:tracker_flag_add"),
            {
                "claim": newsroom.perpetrator.pk,
                "kind": "wrong_attribution",
                "reason": "other",
                "note": "",
            },
        )
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["note"] == ["This field is required."]
        response = reporter_client.post(
            reverse("admin:tracker_flag_add"),
            {
                "claim": newsroom.perpetrator.pk,
                "kind": "wrong_attribution",
                "reason": "other",
                "note": "Said by the ministry, not SANA.",
            },
        )
        assert response.status_code == 302
        flag = Flag.objects.get(kind="wrong_attribution")
        assert flag.raised_by == reporter

    def test_flags_are_never_edited_or_deleted(self, admin_client, newsroom):
        change = reverse("admin:tracker_flag_change", args=[newsroom.flag.pk])
        admin_client.post(change, {"claim": newsroom.perpetrator.pk, "kind": "other",
                                   "reason": "other", "note": "changed"})  # fmt: skip
        newsroom.flag.refresh_from_db()
        assert newsroom.flag.note == "Only SANA."
        delete = reverse("admin:tracker_flag_delete", args=[newsroom.flag.pk])
        assert admin_client.post(delete, {"post": "yes"}).status_code == 403
