"""Uploading a .txt or .html file on the admin's add-document page, beside the paste box."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory
from tracker import capture_storage
from tracker.models import Capture, Document, Suggestion

pytestmark = pytest.mark.django_db

ADD = "/admin/tracker/document/add/"
REPORT = (
    "Market strike kills twelve\n\n"
    "At least 12 people were killed in a strike on a market in Idleb, the Syrian Observatory "
    "for Human Rights said. The army denied any role in the attack, state media reported.\n"
)
PAGE = (
    "<html><head><title>Market strike kills twelve</title></head><body><nav>Home | World</nav>"
    "<article><p>At least 12 people were killed in a strike on a market in Idleb, the Syrian "
    "Observatory for Human Rights said.</p><p>The army denied any role in the attack, state "
    "media reported.</p></article></body></html>"
)


def counts() -> tuple[int, int, int]:
    return Document.objects.count(), Capture.objects.count(), Suggestion.objects.count()


def post(client, name, data, content_type="text/plain", follow=True, **fields):
    body = {"title": "", "text": "", "url": "", **fields}
    if name is not None:
        body["file"] = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(ADD, body, follow=follow)


def errors_of(response) -> str:
    form = response.context["adminform"].form
    return " ".join(message for messages in form.errors.values() for message in messages)


def test_the_add_page_offers_the_upload_beside_the_paste_box(reporter_client):
    html = reporter_client.get(ADD).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="file"' in html and 'accept=".txt,.html,.htm' in html
    assert "PDF is out of scope" in html and 'name="text"' in html


def test_an_html_file_becomes_a_document_with_its_suggestions(reporter_client, reporter):
    response = post(reporter_client, "strike.html", PAGE.encode(), content_type="text/html")
    document = Document.objects.get()
    assert document.title == "Market strike kills twelve" and "Home | World" not in document.text
    capture = Capture.objects.get()
    assert (capture.file_name, capture.tool, capture.captured_by) == (
        "strike.html", "admin upload", reporter,
    )  # fmt: skip
    assert capture_storage.read_all(capture.sha256) == PAGE.encode()
    shown = [str(m) for m in response.context["messages"]]
    assert any("suggested account(s) are waiting for review" in m for m in shown)
    assert Suggestion.objects.filter(document=document).count() >= 2
    page = reporter_client.get(f"/admin/tracker/document/{document.pk}/change/").content.decode()
    assert "strike.html" in page  # the capture on the document names its file


def test_a_txt_file_and_its_metadata(reporter_client):
    post(reporter_client, "r.txt", REPORT.encode(), title="As filed",
         url="https://news.example/r", published_at_0="2026-03-02",
         published_at_1="09:00")  # fmt: skip
    document = Document.objects.get()
    assert (document.title, document.url) == ("As filed", "https://news.example/r")
    assert document.text.startswith("Market strike kills twelve")
    assert Capture.objects.get().content_type == "text/plain; charset=utf-8"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "The file is empty. Nothing was stored."),
        ("scan.pdf", b"%PDF-1.4", "PDF is out of scope: tracker reads a .txt file"),
        ("notes.docx", b"PK\x03\x04", ".docx files are not accepted"),
        ("page.txt", PAGE.encode(), "is named .txt but is an HTML page. Name it .html"),
        ("menu.html", b"<html><body><nav>Home</nav></body></html>", "has no article text"),
        ("legacy.txt", "Déclaration".encode("cp1252"), "is not UTF-8"),
    ],
)
def test_bad_files_are_refused_on_the_form_and_nothing_stored(reporter_client, name, data, words):
    response = post(reporter_client, name, data)
    assert response.status_code == 200
    assert words in errors_of(response)
    assert counts() == (0, 0, 0)


def test_text_and_file_together_or_neither_are_refused(reporter_client):
    response = post(reporter_client, "r.txt", REPORT.encode(), text=REPORT)
    assert "Paste the text or upload a file, not both." in errors_of(response)
    response = post(reporter_client, None, b"")
    assert "Paste the full text, or upload a .txt or .html file." in errors_of(response)
    response = post(reporter_client, None, b"", text=REPORT)  # a paste still needs its title
    assert response.context["adminform"].form.errors["title"] == ["This field is required."]
    assert counts() == (0, 0, 0)


def test_a_file_over_the_limit_is_refused(reporter_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = post(reporter_client, "r.txt", REPORT.encode())
    assert f"The file is {len(REPORT.encode())} bytes" in errors_of(response)
    big = REPORT.encode() * 1000  # the whole request over the limit: refused before reading it
    response = post(reporter_client, "r.txt", big)
    assert response.redirect_chain[-1][0] == ADD
    assert any(
        "a document upload takes at most 100" in str(m) for m in response.context["messages"]
    )
    assert counts() == (0, 0, 0)


def test_the_same_text_again_is_added_to_its_document(reporter_client):
    post(reporter_client, "strike.html", PAGE.encode(), content_type="text/html")
    document = Document.objects.get()
    resaved = PAGE.replace("<nav>Home | World</nav>", "").encode()
    response = post(reporter_client, "strike (2).html", resaved, content_type="text/html")
    assert response.redirect_chain[-1][0] == f"/admin/tracker/document/{document.pk}/change/"
    shown = [str(m) for m in response.context["messages"]]
    assert f"already stored as document #{document.pk}; the file was added to it" in shown[-1]
    assert not any("added successfully" in m for m in shown)
    assert Document.objects.count() == 1 and Capture.objects.count() == 2


def test_a_forged_upload_without_the_permission_is_refused(client):
    viewer = UserFactory(username="viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_document"))
    client.force_login(viewer)
    assert post(client, "r.txt", REPORT.encode(), follow=False).status_code == 403
    big = REPORT.encode() * 100_000  # over the limit too: still a 403, not a message
    assert post(client, "r.txt", big, follow=False).status_code == 403
    assert counts() == (0, 0, 0)
