"""A claim whose text would break out of its JSON-LD script element runs nothing in a browser."""

import json

import pytest

from tests.factories import make_claim, make_editor
from tracker import services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BREAKOUT = "</script><script>alert(1)</script>"


def test_a_claim_that_closes_its_script_element_opens_no_dialog(watched):
    make_editor(username="edna")
    claim = make_claim(text=f"Twelve people were killed {BREAKOUT}")
    services.claim_set_status(actor=None, claim=claim, status="confirmed", rationale="Checked.")
    watched.log_in("edna")
    page = watched.page

    watched.goto(f"/admin/tracker/claim/{claim.pk}/change/")
    # One data block, holding the whole text; no script element of the claim's making.
    blocks = page.locator('script[type="application/ld+json"]')
    assert blocks.count() == 1
    review = json.loads(blocks.first.text_content())
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.text
    assert page.locator("script:not([src]):not([type])").count() == 0
    # The snippet to paste shows the text as the editor wrote it.
    snippet = page.locator("textarea.tracker-claimreview-snippet").input_value()
    assert snippet.startswith('<script type="application/ld+json">')
    assert json.loads(snippet.split(">", 1)[1].rsplit("<", 1)[0])["claimReviewed"] == claim.text
    page.wait_for_timeout(300)  # a dialog, had one been opened, would be recorded by now
    watched.shot("claimreview")
