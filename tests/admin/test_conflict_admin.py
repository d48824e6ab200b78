"""Conflicts in the admin: acknowledging, the claims list's badge and filter, the
claim page's panel, and the read-only list of findings."""

import pytest
from django.urls import reverse

from tests.admin.conftest import logged_in, messages_of, queries_for
from tests.factories import make_account, make_claim, make_event, make_source
from tracker import services
from tracker.models import Claim, Finding
from tracker.vocabularies import Aspect

CLAIMS = reverse("admin:tracker_claim_changelist")
FINDINGS = reverse("admin:tracker_finding_changelist")


def acknowledge_url(finding: Finding) -> str:
    return reverse("admin:tracker_finding_acknowledge", args=[finding.pk])


def compare_url(event) -> str:
    return reverse("admin:tracker_event_compare", args=[event.pk])


@pytest.fixture
def newsroom(newsroom):
    """The shared newsroom with nothing open, so the conflicts made below are the only ones:
    the second toll archived, and the ministry's assertion of the perpetrator (which the
    coalition's hedge holds in tension) removed."""
    services.claim_archive(actor=None, claim=newsroom.article_toll)
    services.account_remove(actor=None, account=newsroom.ministry_account)
    assert not Finding.objects.filter(is_open=True).exists()
    return newsroom


@pytest.fixture
def low_toll(newsroom) -> Claim:
    """Reuters says 3 were killed, against the Syrian government's more than 30: a conflict."""
    low = make_claim(text="3 were killed", aspect=Aspect.KILLED, event=newsroom.event,
                     count_min=3, count_max=3, unit="people")  # fmt: skip
    make_account(claim=low, source=newsroom.reuters)
    return low


@pytest.fixture
def conflict(low_toll) -> Finding:
    return Finding.objects.get(kind="count_conflict", is_open=True)


class TestAcknowledge:
    def test_editor_acknowledges_from_the_event_page(
        self, editor_client, editor, newsroom, conflict
    ):
        page = editor_client.get(compare_url(newsroom.event)).content.decode()
        assert acknowledge_url(conflict) in page
        back = compare_url(newsroom.event) + f"#finding-{conflict.pk}"
        response = editor_client.post(
            acknowledge_url(conflict), {"note": "Different days counted.", "next": back}
        )
        assert response.status_code == 302 and response["Location"] == back
        conflict.refresh_from_db()
        assert (conflict.is_open, conflict.acknowledged_by) == (False, editor)
        assert conflict.acknowledgement_note == "Different days counted."

        page = editor_client.get(compare_url(newsroom.event))
        body = page.content.decode()
        assert "Acknowledged by editor on" in body and "Different days counted." in body
        assert acknowledge_url(conflict) not in body  # nothing left to acknowledge
        assert "The conflict is acknowledged." in messages_of(page)

    def test_reporter_sees_no_button_and_a_forged_post_is_refused(
        self, reporter_client, newsroom, low_toll, conflict
    ):
        for url in (
            compare_url(newsroom.event),
            reverse("admin:tracker_claim_change", args=[low_toll.pk]),
        ):
            body = reporter_client.get(url).content.decode()
            assert conflict.explanation.replace("'", "&#x27;") in body
            assert acknowledge_url(conflict) not in body
        response = reporter_client.post(acknowledge_url(conflict), {"note": "Fine by me."})
        assert response.status_code == 403
        conflict.refresh_from_db()
        assert conflict.is_open and conflict.acknowledged_at is None
        assert conflict.acknowledgement_note == ""

    def test_a_note_is_required(self, editor_client, conflict):
        response = editor_client.post(acknowledge_url(conflict), {"note": "  "}, follow=True)
        assert "Say why the conflict may stand: a note is required." in messages_of(response)
        conflict.refresh_from_db()
        assert conflict.is_open

    def test_notes_are_not_acknowledged(self, editor_client, newsroom):
        note = Finding.objects.filter(severity="info").first()
        response = editor_client.post(acknowledge_url(note), {"note": "ok"}, follow=True)
        assert "Only conflicts and tensions are acknowledged." in messages_of(response)
        note.refresh_from_db()
        assert note.acknowledged_at is None

    def test_post_only_and_404_for_unknown(self, editor_client, conflict):
        assert editor_client.get(acknowledge_url(conflict)).status_code == 405
        url = reverse("admin:tracker_finding_acknowledge", args=[999999])
        assert editor_client.post(url, {"note": "x"}).status_code == 404

    def test_redirects_only_to_this_site(self, editor_client, newsroom, conflict):
        response = editor_client.post(
            acknowledge_url(conflict), {"note": "Checked.", "next": "https://evil.example/"}
        )
        assert response["Location"] == compare_url(newsroom.event)

    def test_a_reopened_conflict_shows_what_was_accepted(
        self, editor_client, editor, newsroom, low_toll, conflict
    ):
        services.finding_acknowledge(actor=editor, finding=conflict, note="Early count.")
        services.claim_update(actor=editor, claim=low_toll, count_min=4, count_max=4)
        reopened = Finding.objects.get(kind="count_conflict", is_open=True)
        assert "Early count." in reopened.reopened_from
        body = editor_client.get(compare_url(newsroom.event)).content.decode()
        assert "Reopened:" in body and "Early count." in body
        assert acknowledge_url(reopened) in body


class TestClaimsList:
    def test_badge_and_filter(self, editor_client, newsroom, low_toll):
        response = editor_client.get(CLAIMS)
        rows = {claim.pk: claim for claim in response.context["cl"].result_list}
        assert (rows[low_toll.pk].open_conflict_count, rows[low_toll.pk].open_tension_count) == (
            1,
            0,
        )
        assert rows[newsroom.perpetrator.pk].open_conflict_count == 0
        body = response.content.decode()
        assert '<span class="tracker-badge tracker-severity-conflict">conflict</span>' in body

        conflicted = editor_client.get(CLAIMS, {"conflict": "yes"})
        assert {c.pk for c in conflicted.context["cl"].result_list} == {
            newsroom.toll.pk,
            low_toll.pk,
        }
        calm = editor_client.get(CLAIMS, {"conflict": "no"})
        assert {c.pk for c in calm.context["cl"].result_list} == {newsroom.perpetrator.pk}

    def test_an_acknowledged_conflict_leaves_the_filter(self, editor_client, editor, conflict):
        services.finding_acknowledge(actor=editor, finding=conflict, note="Checked.")
        response = editor_client.get(CLAIMS, {"conflict": "yes"})
        assert list(response.context["cl"].result_list) == []

    def test_tensions_get_their_own_badge(self, reporter_client, db):
        event = make_event(name="Raid")
        army = make_source(name="Army")
        blame = make_claim(text="The army raided the village", aspect=Aspect.PERPETRATOR,
                           event=event, named_parties=[army])  # fmt: skip
        make_account(claim=blame, source=make_source(name="Ministry"))
        make_account(claim=blame, source=make_source(name="Monitor"), stance="hedges")
        body = reporter_client.get(CLAIMS).content.decode()
        assert '<span class="tracker-badge tracker-severity-tension">tension</span>' in body

    @pytest.mark.parametrize("role", ["editor_client", "reporter_client"])
    def test_the_badge_and_filter_cost_no_query_per_row(self, request, role, newsroom):
        client = request.getfixturevalue(role)
        client.get(CLAIMS)
        one, _ = queries_for(client, CLAIMS, conflict="yes")
        for n in range(10):
            low = make_claim(text=f"{n} killed", aspect=Aspect.KILLED, event=newsroom.event,
                             count_min=n, count_max=n, unit="people")  # fmt: skip
            make_account(claim=low, source=make_source(name=f"Monitor {n}"))
        many, response = queries_for(client, CLAIMS, conflict="yes")
        assert len(response.context["cl"].result_list) == 11
        assert one == many


class TestClaimPage:
    def test_findings_suggestion_and_compare_link(self, editor_client, newsroom, low_toll):
        response = editor_client.get(reverse("admin:tracker_claim_change", args=[low_toll.pk]))
        body = response.content.decode()
        assert "Suggested status:" in body
        assert "Only an editor's action changes the status." in body
        assert '<span class="tracker-badge tracker-status-disputed">Disputed</span>' in body
        assert "a conflict involves it" in body
        (conflict,) = [f for f in response.context["claim_tools"].findings.items if f.is_open]
        assert acknowledge_url(conflict) in body
        assert compare_url(newsroom.event) in body
        # The suggestion is offered as a pre-fill, never applied.
        prefill = reverse("admin:tracker_claim_set_status", args=[low_toll.pk]) + "?status=disputed"
        assert prefill in body
        low_toll.refresh_from_db()
        assert low_toll.status == "unverified"

    def test_the_set_status_page_takes_the_prefill_and_still_asks(self, editor_client, low_toll):
        url = reverse("admin:tracker_claim_set_status", args=[low_toll.pk])
        response = editor_client.get(url, {"status": "disputed"})
        assert response.context["form"].initial == {"status": "disputed"}
        assert "Suggested status:" in response.content.decode()
        assert editor_client.get(url, {"status": "<bogus>"}).context["form"].initial == {}
        low_toll.refresh_from_db()
        assert low_toll.status == "unverified"

    def test_reporters_get_no_prefill_link(self, reporter_client, low_toll):
        body = reporter_client.get(
            reverse("admin:tracker_claim_change", args=[low_toll.pk])
        ).content.decode()
        assert "Suggested status:" in body
        assert "?status=" not in body


class TestConflictsList:
    @pytest.mark.parametrize("role", ["editor", "reporter"])
    def test_read_only_for_everyone(self, request, role, newsroom, conflict):
        client = logged_in(request.getfixturevalue(role))
        response = client.get(FINDINGS)
        assert response.status_code == 200
        assert response.context["title"] == "Conflicts"
        assert not response.context["has_add_permission"]
        assert response.context["action_form"] is None  # no bulk delete, no actions
        body = response.content.decode()
        assert compare_url(newsroom.event) in body
        assert reverse("admin:tracker_claim_change", args=[newsroom.toll.pk]) in body
        assert client.get(reverse("admin:tracker_finding_add")).status_code == 403
        change = reverse("admin:tracker_finding_change", args=[conflict.pk])
        assert client.get(change).status_code == 200  # to read
        assert client.post(change, {"explanation": "rewritten"}).status_code == 403
        delete = reverse("admin:tracker_finding_delete", args=[conflict.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
        conflict.refresh_from_db()
        assert conflict.explanation != "rewritten"

    def test_named_conflicts_on_the_admin_index(self, editor_client):
        body = editor_client.get(reverse("admin:index")).content.decode()
        assert f'<a href="{FINDINGS}">Conflicts</a>' in body
        assert ">Findings<" not in body

    def test_open_conflicts_come_first(self, editor_client, conflict):
        rows = list(editor_client.get(FINDINGS).context["cl"].result_list)
        assert rows[0] == conflict

    @pytest.mark.parametrize(
        ("params", "kinds"),
        [
            ({"state": "open"}, {"count_conflict"}),
            ({"severity__exact": "conflict"}, {"count_conflict"}),
            ({"kind": "unconfirmed_by"}, {"unconfirmed_by"}),
            ({"q": "could not independently verify"}, {"unconfirmed_by"}),
        ],
    )
    def test_filters_and_search(self, editor_client, conflict, params, kinds):
        response = editor_client.get(FINDINGS, params)
        assert {f.kind for f in response.context["cl"].result_list} == kinds

    def test_acknowledged_filter(self, editor_client, editor, conflict):
        services.finding_acknowledge(actor=editor, finding=conflict, note="Checked.")
        response = editor_client.get(FINDINGS, {"state": "acknowledged"})
        assert list(response.context["cl"].result_list) == [conflict]
        assert "Checked." in response.content.decode()

    def test_query_count_does_not_grow_with_rows(self, editor_client, newsroom, conflict):
        editor_client.get(FINDINGS)
        few, _ = queries_for(editor_client, FINDINGS)
        for n in range(6):
            low = make_claim(text=f"{n} killed", aspect=Aspect.KILLED, event=newsroom.event,
                             count_min=n, count_max=n, unit="people")  # fmt: skip
            make_account(claim=low, source=make_source(name=f"Monitor {n}"))
        many, response = queries_for(editor_client, FINDINGS)
        assert response.context["cl"].result_count > 10
        assert few == many


class TestConflictsListLeadsWithWhatIsOpen:
    def test_by_default_only_open_conflicts_and_tensions(self, editor_client, conflict):
        response = editor_client.get(FINDINGS)
        rows = list(response.context["cl"].result_list)
        assert rows == [conflict]
        assert all(row.severity != "info" for row in rows)

    def test_notes_are_one_filter_away(self, editor_client, conflict):
        notes = editor_client.get(FINDINGS, {"state": "notes"}).context["cl"].result_list
        assert notes and {f.severity for f in notes} == {"info"}
        everything = editor_client.get(FINDINGS, {"state": "all"}).context["cl"].result_list
        assert len(everything) == len(notes) + 1


def test_the_event_page_folds_what_an_editor_let_stand(editor_client, editor, newsroom, conflict):
    services.finding_acknowledge(actor=editor, finding=conflict, note="Different days.")
    response = editor_client.get(compare_url(newsroom.event))
    assert conflict.pk not in {item.finding.pk for item in response.context["open_conflicts"]}
    assert [item.finding.pk for item in response.context["settled_conflicts"]] == [conflict.pk]
    body = response.content.decode()
    folded = body[body.index('<details class="tracker-fold" id="acknowledged">') :]
    folded = folded[: folded.index("</details>")]
    assert f'id="finding-{conflict.pk}"' in folded and "Different days." in folded
    # The notes, too, are one click away, never in the way.
    notes = body[body.index('id="notes"') :]
    assert notes.index("<details") < notes.index("<li>")
