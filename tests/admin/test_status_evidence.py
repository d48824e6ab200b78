"""The verdict page shows the evidence, and a verdict can resolve the open flags."""

from django.urls import reverse

from tests.admin.conftest import queries_for
from tests.factories import make_account, make_flag, make_source
from tracker.models import Flag, StatusChange
from tracker.vocabularies import FlagReason


def status_url(claim) -> str:
    return reverse("admin:tracker_claim_set_status", args=[claim.pk])


def test_page_shows_accounts_with_quotes_in_context_flags_and_findings(editor_client, newsroom):
    body = editor_client.get(status_url(newsroom.toll)).content.decode()
    start = body.index('id="evidence"')
    evidence = body[start : body.index("<form", start)]
    # The SANA quote, with the words around it, and a link to its highlight.
    assert (
        'SANA said <mark class="tracker-quote">more than 30 civilians</mark>, mostly women'
        in evidence
    )
    document_url = reverse("admin:tracker_document_change", args=[newsroom.document.pk])
    assert f"{document_url}?text_page=1#quote-{newsroom.sana_account.pk}" in evidence
    # SANA speaks for the government, a party: interested.
    sana = evidence[evidence.index(f'id="evidence-account-{newsroom.sana_account.pk}"') :]
    sana = sana[: sana.index("</li>")]
    assert "speaks for</span> Syrian government" in sana
    assert "tracker-interested" in sana
    assert "Reuters" in evidence and "tracker-independent" in evidence
    # The reporter's open flag with its reason and note.
    assert "Only SANA." in evidence
    assert newsroom.flag.get_reason_display() in evidence
    # The comparison's word on the claim.
    assert "Suggested status:" in evidence


def test_the_flags_box_is_ticked_by_default(editor_client, newsroom):
    body = editor_client.get(status_url(newsroom.toll)).content.decode()
    assert 'name="resolve_open_flags"' in body
    assert 'id="id_resolve_open_flags" checked' in body


def test_a_verdict_resolves_the_open_flags_when_ticked(editor_client, editor, newsroom):
    response = editor_client.post(
        status_url(newsroom.toll), {"status": "corroborated", "resolve_open_flags": "on"}
    )
    assert response.status_code == 302
    newsroom.flag.refresh_from_db()
    assert newsroom.flag.resolved_by == editor
    change = StatusChange.objects.get(claim=newsroom.toll)
    assert "This verdict resolved the open flag: Could not verify" in change.rationale
    history = editor_client.get(
        reverse("admin:tracker_claim_change", args=[newsroom.toll.pk])
    ).content.decode()
    assert "This verdict resolved the open flag" in history


def test_unticked_the_flags_stay_open(editor_client, newsroom):
    editor_client.post(status_url(newsroom.toll), {"status": "corroborated"})
    assert Flag.objects.get(pk=newsroom.flag.pk).resolved_at is None


def test_the_evidence_costs_the_same_queries_for_many_accounts_and_flags(editor_client, newsroom):
    before, _ = queries_for(editor_client, status_url(newsroom.toll))
    relayed = make_source(parent=make_source())
    make_account(
        claim=newsroom.toll,
        source=relayed,
        document=newsroom.document,
        quote="Reuters could not independently verify",
    )
    for index in range(5):
        make_account(claim=newsroom.toll, source=make_source())
        make_flag(claim=newsroom.toll, reason=FlagReason.OTHER, note=f"note {index}")
    after, response = queries_for(editor_client, status_url(newsroom.toll))
    assert response.status_code == 200
    assert after == before
