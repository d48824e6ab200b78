"""Every figure an admin page shows reads as words ("at least 31 people"), never as
an interval ("[31, open) people")."""

import re

from django.urls import reverse

from tests.factories import make_document, make_suggestions
from tracker import services

INTERVAL = re.compile(r"[\[(]\s*(open|[\d,]+)\s*,\s*(open|[\d,]+)\s*[\])]")


def test_suggestions_read_their_figures_in_words(editor_client, db):
    document = make_document(text="More than 30 people were killed, officials said.")
    make_suggestions(
        document=document, spans=[(0, 31)], aspect="killed", count_min=31, unit="people"
    )
    for url in (
        reverse("admin:tracker_suggestion_changelist"),
        reverse("admin:tracker_document_change", args=[document.pk]),
    ):
        body = editor_client.get(url).content.decode()
        assert "at least 31 people" in body, url
        assert not INTERVAL.search(body), (url, INTERVAL.search(body))


def test_a_verdict_reads_the_judged_figure_in_words(editor_client, editor, newsroom):
    change = services.claim_set_status(
        actor=editor, claim=newsroom.toll, status="in_review", rationale=""
    )
    url = reverse("admin:tracker_statuschange_change", args=[change.pk])
    body = editor_client.get(url).content.decode()
    assert "at least 31 people" in body
    assert not INTERVAL.search(body)


def test_the_claims_list_counts_in_words(editor_client, newsroom):
    body = editor_client.get(reverse("admin:tracker_claim_changelist")).content.decode()
    assert "(s)" not in body
