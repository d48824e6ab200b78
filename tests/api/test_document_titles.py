"""A document's working title over the API: read, and written through the service."""

from tests.api.conftest import etag_of
from tests.factories import make_document
from tracker.models import Document

BODY = "Four people were killed in a strike on the market, the civil defence said. More later."


def test_a_mismatched_document_reads_with_its_working_title(editor_api):
    document = make_document(title="KXIP vs KKR Live Score", text=BODY)
    data = editor_api.get(f"/api/documents/{document.pk}/").json()
    assert data["title"] == "KXIP vs KKR Live Score" and data["title_mismatch"] is True
    assert data["working_title"].startswith("Four people were killed")
    assert data["display_title"] == data["working_title"]
    listed = editor_api.get("/api/documents/").json()["results"][0]
    assert listed["display_title"] == data["working_title"]


def test_the_working_title_is_written_and_cleared_through_the_service(reporter_api):
    document = make_document(title="KXIP vs KKR Live Score", text=BODY)
    url = f"/api/documents/{document.pk}/"
    patched = reporter_api.patch(url, {"working_title": "  Market strike toll  "}, format="json",
                                 HTTP_IF_MATCH=etag_of(reporter_api, url))  # fmt: skip
    assert patched.status_code == 200, patched.data
    assert patched.data["working_title"] == "Market strike toll"
    assert patched.data["display_title"] == "Market strike toll"
    # Cleared, a mismatched document takes its first sentence again.
    cleared = reporter_api.patch(url, {"working_title": ""}, format="json",
                                 HTTP_IF_MATCH=etag_of(reporter_api, url))  # fmt: skip
    assert cleared.data["working_title"].startswith("Four people were killed")
    # Left out of a PATCH, it stays.
    other = reporter_api.patch(url, {"url": "https://news.example/b"}, format="json",
                               HTTP_IF_MATCH=etag_of(reporter_api, url))  # fmt: skip
    assert other.data["working_title"] == cleared.data["working_title"]


def test_a_working_title_given_at_creation_wins(reporter_api):
    response = reporter_api.post(
        "/api/documents/",
        {"title": "KXIP vs KKR Live Score", "text": BODY, "working_title": "Market strike"},
        format="json",
    )
    assert response.status_code == 201, response.data
    stored = Document.objects.get(pk=response.data["id"])
    assert (stored.working_title, stored.display_title) == ("Market strike", "Market strike")


def test_a_bad_working_title_is_a_400_naming_it(reporter_api):
    document = make_document(title="KXIP vs KKR Live Score", text=BODY)
    url = f"/api/documents/{document.pk}/"
    before = Document.objects.get(pk=document.pk).working_title
    for bad in (42, "x" * 501, "a\x00b"):
        response = reporter_api.patch(url, {"working_title": bad}, format="json",
                                      HTTP_IF_MATCH=etag_of(reporter_api, url))  # fmt: skip
        assert response.status_code == 400 and "working_title" in response.json()
    assert Document.objects.get(pk=document.pk).working_title == before
