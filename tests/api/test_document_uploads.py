"""POST /api/documents/upload/: a .txt or .html file as a document, its bytes as its capture."""

import json
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import make_reporter, make_source
from tracker import capture_storage
from tracker.models import Capture, Document, Suggestion

pytestmark = pytest.mark.django_db

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


def upload(client, name: str, data: bytes, content_type: str = "text/plain", **fields):
    return client.post(
        "/api/documents/upload/",
        {"file": SimpleUploadedFile(name, data, content_type=content_type), **fields},
        format="multipart",
    )


def test_a_txt_file_becomes_a_document_with_its_capture(reporter_api, reporter):
    outlet = make_source(name="Enab Baladi", kind="outlet")
    response = upload(
        reporter_api, "report.txt", REPORT.encode(), outlet=outlet.pk,
        url="https://news.example/strike", published_at="2026-03-02T09:00:00Z",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    document = Document.objects.get()
    assert response["Location"].endswith(f"/api/documents/{document.pk}/")
    assert response.data["id"] == document.pk and response.data["outlet"]["id"] == outlet.pk
    assert response.data["suggestions"]["total"] >= 2
    [capture] = response.data["captures"]
    stored = Capture.objects.get()
    assert capture["id"] == stored.pk
    assert (stored.file_name, stored.origin, stored.tool) == ("report.txt", "file", "API upload")
    assert stored.captured_by == reporter and stored.url == "https://news.example/strike"
    assert stored.content_type == "text/plain; charset=utf-8"
    assert capture_storage.read_all(stored.sha256) == REPORT.encode()


def test_an_html_file_is_read_for_its_article(reporter_api):
    response = upload(reporter_api, "strike.html", PAGE.encode(), content_type="text/html")
    assert response.status_code == 201, response.data
    assert response.data["title"] == "Market strike kills twelve"
    assert "Home | World" not in response.data["text"]
    stored = Capture.objects.get()
    assert stored.html_extractor_version and capture_storage.read_all(stored.sha256) == (
        PAGE.encode()
    )


def test_a_charset_on_the_part_says_how_to_read_it(reporter_api):
    legacy = "Le ministère a déclaré que douze personnes ont été tuées.\n".encode("cp1252")
    response = upload(reporter_api, "fr.txt", legacy)
    assert response.status_code == 400 and "is not UTF-8" in response.data["file"][0]
    response = upload(reporter_api, "fr.txt", legacy, content_type="text/plain; charset=cp1252")
    assert response.status_code == 201, response.data
    assert response.data["text"].startswith("Le ministère")


def test_the_same_text_again_answers_200_with_its_document(reporter_api):
    first = upload(reporter_api, "strike.html", PAGE.encode(), content_type="text/html")
    resaved = PAGE.replace("<nav>Home | World</nav>", "").encode()
    again = upload(reporter_api, "strike-2.html", resaved, content_type="text/html")
    assert again.status_code == 200 and again.data["id"] == first.data["id"]
    assert [c["id"] for c in again.data["captures"]] == list(
        Capture.objects.order_by("id").values_list("id", flat=True)
    )
    assert Document.objects.count() == 1 and Capture.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "The file is empty."),
        ("report.pdf", b"%PDF-1.5 ...", "PDF is out of scope: tracker reads a .txt file"),
        ("report.rtf", b"{\\rtf1 Hello}", ".rtf files are not accepted"),
        ("page.txt", PAGE.encode(), "is named .txt but is an HTML page"),
        ("nav.html", b"<html><body><nav>Home</nav></body></html>", "has no article text"),
    ],
)
def test_bad_files_are_400_naming_the_problem(reporter_api, name, data, words):
    before = counts()
    response = upload(reporter_api, name, data)
    assert response.status_code == 400, response.data
    assert words in response.data["file"][0] and "Nothing was stored." in response.data["file"][0]
    assert counts() == before


def test_a_file_over_the_limit_is_a_413(reporter_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = upload(reporter_api, "report.txt", REPORT.encode())
    assert response.status_code == 413
    assert response.data["detail"].startswith(f"The file is {len(REPORT.encode())} bytes")
    body = b"x" * 200_000  # declared too large: refused before the body is read
    response = reporter_api.generic(
        "POST", "/api/documents/upload/", body, content_type="multipart/form-data; boundary=b"
    )
    assert response.status_code == 413 and "at most 100" in response.data["detail"]
    assert counts() == (0, 0, 0)


def test_missing_file_json_and_unknown_fields_are_400(reporter_api):
    response = reporter_api.post("/api/documents/upload/", {"title": "x"}, format="multipart")
    assert response.status_code == 400 and "file" in response.data
    response = reporter_api.post("/api/documents/upload/", {"file": "a.txt"}, format="json")
    assert response.status_code == 400 and "multipart" in response.data["file"][0]
    response = upload(reporter_api, "a.txt", REPORT.encode(), text="other")
    assert response.status_code == 400 and response.data["text"] == ["Unknown field."]
    assert counts() == (0, 0, 0)


def test_only_those_who_may_add_documents_upload(anon, nobody_api):
    assert upload(anon, "a.txt", REPORT.encode()).status_code == 401
    assert upload(nobody_api, "a.txt", REPORT.encode()).status_code == 403
    assert counts() == (0, 0, 0)


def _multipart(fields: dict[str, str], name: str, data: bytes, content_type: str):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def _send(url: str, body: bytes, boundary: str, token: str):
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    request.add_header("Authorization", f"Token {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"null")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_upload_over_a_real_socket(live_server):
    from tracker import services

    user = make_reporter(username="desk-tool")
    _, token = services.api_token_create(actor=None, user=user, name="uploader")
    url = f"{live_server.url}/api/documents/upload/"
    body, boundary = _multipart({"title": "As filed"}, "strike.html", PAGE.encode(), "text/html")
    status, headers, document = _send(url, body, boundary, token)
    assert status == 201, document
    assert document["title"] == "As filed" and headers["Location"].endswith(
        f"/api/documents/{document['id']}/"
    )
    capture = Capture.objects.get(document_id=document["id"])
    assert capture.file_name == "strike.html" and capture.captured_by == user
    assert capture_storage.read_all(capture.sha256) == PAGE.encode()
    body, boundary = _multipart({}, "scan.pdf", b"%PDF-1.4", "application/pdf")
    status, _, error = _send(url, body, boundary, token)
    assert status == 400 and error["file"][0].startswith("PDF is out of scope")
