"""ClaimReview JSON-LD is safe inside <script type="application/ld+json">, wherever it goes."""

import json

import pytest

from tests.factories import make_claim
from tracker import services
from tracker.api.claimreview import json_ld_for_script

BREAKOUT = "</script><script>alert(1)</script> <!-- & \u2028\u2029 >"
UNSAFE = ("<", ">", "&", "\u2028", "\u2029")


def test_the_script_text_parses_to_the_same_document():
    document = {"claimReviewed": BREAKOUT, "nested": [{"name": "A & B <Agency>"}]}
    text = json_ld_for_script(document)
    assert not any(char in text for char in UNSAFE)
    assert json.loads(text) == document


@pytest.mark.django_db
@pytest.mark.parametrize("feed", [False, True])
def test_the_api_serves_it_escaped(editor_api, feed):
    claim = make_claim(text=f"Twelve killed {BREAKOUT}")
    services.claim_set_status(actor=None, claim=claim, status="confirmed", rationale="Checked.")
    url = "/api/claimreview/" if feed else f"/api/claims/{claim.pk}/claimreview/"
    response = editor_api.get(url, HTTP_ACCEPT="application/ld+json")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/ld+json"
    )
    body = response.content.decode()
    assert not any(char in body for char in UNSAFE)
    data = json.loads(body)
    review = data["dataFeedElement"][0] if feed else data
    assert review["claimReviewed"] == claim.text


@pytest.mark.django_db
def test_the_claim_page_embeds_it_once_a_claim_has_a_verdict(editor_client):
    claim = make_claim(text=f"Twelve killed {BREAKOUT}")
    page = f"/admin/tracker/claim/{claim.pk}/change/"
    assert 'type="application/ld+json"' not in editor_client.get(page).text
    services.claim_set_status(actor=None, claim=claim, status="confirmed", rationale="Checked.")
    html = editor_client.get(page).text
    start = html.index('<script type="application/ld+json" id="tracker-claimreview">')
    embedded = html[html.index(">", start) + 1 : html.index("</script>", start)]
    assert json.loads(embedded)["claimReviewed"] == claim.text
    assert "<script>alert(1)" not in html
