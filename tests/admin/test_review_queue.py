"""The review queue: claims with open flags, oldest open flag first."""

from datetime import timedelta

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone

from tests.admin.conftest import logged_in, queries_for
from tests.factories import make_claim, make_flag
from tracker import services
from tracker.models import Claim, Flag

QUEUE = reverse("admin:tracker_reviewqueueclaim_changelist")


def age(flag: Flag, days: int) -> None:
    """Raise ``flag`` ``days`` ago, as if it had been (raised_at is auto_now_add)."""
    Flag.objects.filter(pk=flag.pk).update(raised_at=timezone.now() - timedelta(days=days))
    oldest = Flag.objects.filter(claim=flag.claim_id, resolved_at__isnull=True).aggregate(
        first=Min("raised_at")
    )["first"]
    Claim.objects.filter(pk=flag.claim_id).update(oldest_open_flag_at=oldest)


def queued(response) -> list[int]:
    return [claim.pk for claim in response.context["cl"].result_list]


def test_lists_open_flagged_active_claims_oldest_flag_first(editor_client, editor, newsroom):
    old = make_claim(text="Flagged long ago")
    age(make_flag(claim=old, raised_by=editor), days=5)
    resolved = make_claim(text="Flag resolved")
    services.flag_resolve(actor=editor, flag=make_flag(claim=resolved, raised_by=editor))
    archived = make_claim(text="Archived with a flag")
    make_flag(claim=archived, raised_by=editor)
    services.claim_archive(actor=editor, claim=archived)
    age(newsroom.flag, days=1)
    assert queued(editor_client.get(QUEUE)) == [old.pk, newsroom.toll.pk]


def test_shows_flags_and_links_to_the_claim(editor_client, editor, newsroom):
    make_flag(
        claim=newsroom.toll,
        raised_by=editor,
        kind="wrong_attribution",
        reason="other",
        note="<i>Ministry</i>, not SANA",
    )
    body = editor_client.get(QUEUE).content.decode()
    assert reverse("admin:tracker_claim_change", args=[newsroom.toll.pk]) in body
    assert "Could not verify" in body and "Single source" in body and "Only SANA." in body
    assert "Attribution looks wrong" in body
    assert "&lt;i&gt;Ministry&lt;/i&gt;, not SANA" in body
    assert "by reporter" in body and "by editor" in body
    assert reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk]) in body


def test_reporter_reads_it_without_resolving(reporter, newsroom):
    client = logged_in(reporter)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert queued(response) == [newsroom.toll.pk]
    assert reverse("admin:tracker_flag_resolve", args=[newsroom.flag.pk]) not in (
        response.content.decode()
    )
    assert response.context["action_form"] is None
    client.post(QUEUE, {"action": "resolve_open_flags", "_selected_action": [newsroom.toll.pk]})
    newsroom.flag.refresh_from_db()
    assert newsroom.flag.is_open


def test_editor_resolves_from_the_queue(editor_client, editor, newsroom):
    make_flag(claim=newsroom.toll, raised_by=editor, kind="needs_second_source")
    response = editor_client.post(
        QUEUE, {"action": "resolve_open_flags", "_selected_action": [newsroom.toll.pk]}
    )
    assert response.status_code == 302
    assert not Flag.objects.filter(resolved_at__isnull=True).exists()
    assert queued(editor_client.get(QUEUE)) == []


def test_read_only(admin_client, newsroom):
    response = admin_client.get(QUEUE)
    assert not response.context["has_add_permission"]
    assert admin_client.get(reverse("admin:tracker_reviewqueueclaim_add")).status_code == 403
    item = reverse("admin:tracker_reviewqueueclaim_change", args=[newsroom.toll.pk])
    assert admin_client.get(item)["Location"] == reverse(
        "admin:tracker_claim_change", args=[newsroom.toll.pk]
    )
    delete = reverse("admin:tracker_reviewqueueclaim_delete", args=[newsroom.toll.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403


def test_search(editor_client, newsroom):
    assert queued(editor_client.get(QUEUE, {"q": "Syrian Arab"})) == [newsroom.toll.pk]
    assert queued(editor_client.get(QUEUE, {"q": "partner forces"})) == []


def test_query_count_does_not_grow(editor_client, editor, db):
    def flagged_claims(count):
        for n in range(count):
            claim = make_claim(text=f"Queued {count}-{n}")
            make_flag(claim=claim, raised_by=editor)
            make_flag(claim=claim, raised_by=editor, kind="needs_second_source")

    editor_client.get(QUEUE)
    flagged_claims(1)
    one, _ = queries_for(editor_client, QUEUE)
    flagged_claims(20)
    many, response = queries_for(editor_client, QUEUE)
    assert len(response.context["cl"].result_list) == 21
    assert one == many
