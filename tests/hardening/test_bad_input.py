"""What a browser can send the admin that it should not: each a clear 4xx, nothing changed.

The API's bad-input tests are in tests/api/test_bad_input.py (malformed JSON,
NUL, oversize bodies, bad filters); these are the admin's forms and pages,
and script in every text field, rendered as text on every page that shows it.
"""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin.conftest import claim_post_data
from tests.factories import make_account, make_claim, make_document, make_flag, make_source
from tracker import services
from tracker.models import Account, Claim, Document, Flag, StatusChange, Suggestion
from tracker.vocabularies import Aspect, FlagReason

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


def snapshot() -> tuple:
    """Everything a refused request must leave as it was."""
    return (
        list(Claim.objects.order_by("pk").values_list("pk", "text", "status")),
        Document.objects.count(),
        Account.objects.count(),
        Flag.objects.count(),
        StatusChange.objects.count(),
        Claim.history.count(),
    )


def raw_post(client: Client, url: str, body: bytes):
    # csrf_checks are off in the test client; the body is sent exactly as given.
    return client.generic("POST", url, body, content_type=FORM)


def document_form(**fields) -> str:
    values = {"title": "Report", "text": "Officials said 12 people were killed.", "url": "",
              "outlet": "", "published_at_0": "", "published_at_1": "", "retrieved_at_0": "",
              "retrieved_at_1": "", "_save": "Save", **fields}  # fmt: skip
    return "&".join(f"{key}={quote(str(value))}" for key, value in values.items())


class TestFormBodies:
    def test_nul_in_a_pasted_text_is_400(self, editor_client, newsroom):
        before = snapshot()
        body = document_form(text="Twelve\x00killed").encode()
        # The admin's forms are sent urlencoded: refused before the form sees them.
        response = raw_post(editor_client, reverse("admin:tracker_document_add"), body)
        assert response.status_code == 400
        assert "NUL" in response.text
        assert snapshot() == before

    def test_nul_in_a_multipart_form_is_a_form_error(self, editor_client, newsroom):
        before = snapshot()
        response = editor_client.post(reverse("admin:tracker_document_add"),
                                      {"title": "Report", "text": "Twelve\x00killed"})  # fmt: skip
        assert response.status_code == 200
        assert "Null characters are not allowed." in response.text
        assert snapshot() == before

    def test_invalid_utf8_in_a_form_is_400(self, editor_client, newsroom):
        before = snapshot()
        body = document_form().encode() + b"&text=%FF%FE%20killed"
        response = raw_post(editor_client, reverse("admin:tracker_document_add"), body)
        assert response.status_code == 400
        assert "UTF-8" in response.text
        assert snapshot() == before

    def test_invalid_utf8_in_a_status_rationale(self, editor_client, newsroom):
        before = snapshot()
        url = reverse("admin:tracker_claim_set_status", args=[newsroom.toll.pk])
        response = raw_post(editor_client, url, b"status=confirmed&rationale=%C3%28")
        assert response.status_code == 400
        assert snapshot() == before

    def test_raw_non_utf8_bytes_in_a_flag_note(self, reporter_client, newsroom):
        before = snapshot()
        url = reverse("admin:tracker_claim_flag", args=[newsroom.perpetrator.pk])
        response = raw_post(reporter_client, url, b"kind=other&reason=other&note=caf\xe9")
        assert response.status_code == 400
        assert snapshot() == before

    def test_nul_in_a_claim_edit(self, editor_client, newsroom):
        before = snapshot()
        url = reverse("admin:tracker_claim_change", args=[newsroom.perpetrator.pk])
        data = claim_post_data(newsroom.perpetrator, text="The coalition\x00 did it")
        assert raw_post(editor_client, url, urlencode(data, doseq=True).encode()).status_code == 400
        assert snapshot() == before

    def test_an_oversize_form_is_400(self, editor_client, newsroom, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
        before = snapshot()
        response = editor_client.post(reverse("admin:tracker_document_add"),
                                      {"title": "Long", "text": "word " * 5_000})  # fmt: skip
        assert response.status_code == 400
        assert snapshot() == before

    def test_too_many_fields_is_400(self, editor_client, newsroom):
        before = snapshot()
        body = "&".join(f"f{n}=x" for n in range(1_500)).encode()
        response = raw_post(editor_client, reverse("admin:tracker_document_add"), body)
        assert response.status_code == 400
        assert snapshot() == before

    def test_a_huge_quote_is_a_form_error(self, editor_client, newsroom):
        before = snapshot()
        url = f"{reverse('admin:tracker_account_add')}?claim={newsroom.perpetrator.pk}"
        row = {"claim": newsroom.perpetrator.pk, "source": newsroom.reuters.pk,
               "stance": "asserts", "document": newsroom.document.pk, "quote": "x" * 200_000,
               "quote_start": "", "intermediary": "", "said_on": ""}  # fmt: skip
        response = editor_client.post(url, row)
        assert response.status_code == 200  # the form again, with its error
        assert response.context["errors"]
        assert snapshot() == before


class TestQueries:
    @pytest.mark.parametrize(
        "query",
        ["q=%00", "q=caf%E9", "status__exact=%00", "event=1%00", "o=%FF", "q=" + "%C3" * 3],
    )
    def test_bad_bytes_in_a_list_query_are_400(self, editor_client, newsroom, query):
        response = editor_client.get(f"{reverse('admin:tracker_claim_changelist')}?{query}")
        assert response.status_code == 400

    def test_autocomplete_with_nul_is_400(self, editor_client, newsroom):
        url = reverse("admin:autocomplete")
        query = "app_label=tracker&model_name=claim&field_name=event&term=%00"
        assert editor_client.get(f"{url}?{query}").status_code == 400

    def test_the_api_answers_in_json(self, client):
        response = client.get("/api/claims/?search=caf%E9")
        assert response.status_code == 400
        assert "UTF-8" in response.json()["detail"]

    def test_a_long_search_is_answered(self, editor_client, newsroom):
        response = editor_client.get(reverse("admin:tracker_claim_changelist"), {"q": "x" * 5000})
        assert response.status_code == 200


SCRIPT = "<script>alert('xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'


def test_script_in_every_text_field_is_shown_as_text_on_every_page(editor_client, reporter):
    source = make_source(name=f"Agency {SCRIPT}", aliases=[f"Alias {IMG}"])
    text = f"Officials {SCRIPT} said at least 12 people were killed {IMG} in the strike."
    document = make_document(text=text, title=f"Title {SCRIPT}")
    event = services.event_create(actor=None, name=f"Strike {SCRIPT}", place=IMG,
                                  parties=[source])  # fmt: skip
    claim = make_claim(text=f"At least 12 killed {SCRIPT}", aspect=Aspect.KILLED, event=event,
                       count_min=12, unit="people")  # fmt: skip
    other = make_claim(text=f"No more than 3 killed {IMG}", aspect=Aspect.KILLED, event=event,
                       count_max=3, unit="people")  # fmt: skip
    make_account(claim=claim, source=source, document=document, quote=SCRIPT)
    make_account(claim=other, source=make_source(name=f"Ministry {IMG}"))
    make_flag(claim=claim, raised_by=reporter, reason=FlagReason.OTHER, note=f"Note {SCRIPT}")
    services.claim_set_status(actor=None, claim=claim, status="disputed", rationale=IMG)
    services.document_extract(actor=None, document=document, via="paste")

    pages = [
        reverse("admin:tracker_claim_changelist"),
        reverse("admin:tracker_claim_change", args=[claim.pk]),
        reverse("admin:tracker_claim_set_status", args=[claim.pk]),
        reverse("admin:tracker_reviewqueueclaim_changelist"),
        reverse("admin:tracker_document_change", args=[document.pk]),
        reverse("admin:tracker_event_compare", args=[event.pk]),
        reverse("admin:tracker_event_change", args=[event.pk]),
        reverse("admin:tracker_source_changelist"),
        reverse("admin:tracker_flag_changelist"),
        reverse("admin:tracker_statuschange_changelist"),
        reverse("admin:tracker_finding_changelist"),
        reverse("admin:tracker_suggestion_changelist") + "?status=all",
    ]
    pages += [
        reverse("admin:tracker_suggestion_change", args=[pk])
        for pk in Suggestion.objects.values_list("pk", flat=True)[:3]
    ]
    for page in pages:
        response = editor_client.get(page)
        assert response.status_code == 200, page
        body = response.content.decode()
        assert "<script>alert" not in body, page
        assert "<img src=x" not in body, page
    compare = editor_client.get(reverse("admin:tracker_event_compare", args=[event.pk])).text
    assert "<svg" in compare and "&lt;script&gt;" in compare
