"""POST /api/documents/ ingests: the text is stored once and its accounts are suggested.

Bad input is refused whole: a 400 (or 413) naming the field, and no document,
extraction or suggestion left behind.
"""

import json

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.factories import make_source
from tracker.models import Document, Extraction, Suggestion
from tracker.services.documents import MAX_DOCUMENT_CHARS

REPORT = (
    "Market strike kills twelve\n\n"
    "At least 12 people were killed in a strike on a market in Idleb, the Syrian Observatory "
    "for Human Rights said. The army denied any role in the attack.\n"
)


def stored() -> tuple[int, int, int]:
    return Document.objects.count(), Extraction.objects.count(), Suggestion.objects.count()


@pytest.fixture
def nothing_stored(db):
    """Assert that the test leaves no document, extraction or suggestion behind."""
    before = stored()
    yield
    assert stored() == before


def test_a_posted_document_gets_its_suggestions(reporter_api, reporter):
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    response = reporter_api.post(
        "/api/documents/",
        {"title": "Market strike kills twelve", "text": REPORT, "url": "https://news.example/m"},
        format="json",
    )
    assert response.status_code == 201, response.data
    document = Document.objects.get(pk=response.data["id"])
    assert response["Location"].endswith(f"/api/documents/{document.pk}/")
    suggestions = list(Suggestion.objects.filter(document=document).order_by("ordinal"))
    assert len(suggestions) >= 2
    summary = response.data["suggestions"]
    assert summary["total"] == summary["pending"] == len(suggestions)
    assert (summary["accepted"], summary["rejected"]) == (0, 0)
    assert summary["ids"] == [s.pk for s in suggestions]
    assert summary["url"].endswith(f"/api/suggestions/?document={document.pk}")
    assert response.data["pending_suggestion_count"] == len(suggestions)
    extraction = response.data["extraction"]
    assert extraction["via"] == "api"
    assert extraction["suggestion_count"] == len(suggestions)
    assert isinstance(extraction["warnings"], list) and isinstance(extraction["noise"], list)
    assert Extraction.objects.get(document=document).created_by == reporter
    # Nothing is decided for the reporter.
    assert {s.status for s in suggestions} == {"pending"}
    # The 201's ETag is the document's: a later edit can use it without another GET.
    assert reporter_api.get(f"/api/documents/{document.pk}/")["ETag"] == response["ETag"]
    # The link lists exactly these suggestions.
    listed = reporter_api.get(summary["url"])
    assert [row["id"] for row in listed.data["results"]] == summary["ids"]


def test_the_document_list_counts_pending_suggestions(reporter_api):
    reporter_api.post("/api/documents/", {"title": "", "text": REPORT}, format="json")
    rows = reporter_api.get("/api/documents/").data["results"]
    assert rows[0]["pending_suggestion_count"] == Suggestion.objects.count() > 0


def test_html_is_converted_and_its_scripts_dropped(reporter_api):
    page = (
        "<html><head><title>Market strike kills twelve</title>"
        "<script>document.write('Officials said 99 people were killed.')</script></head>"
        "<body><nav>Home | World</nav><p>At least 12 people were killed in a strike on a "
        "market, the Syrian Observatory for Human Rights said.</p>"
        "<p>The army denied any role in the attack.</p></body></html>"
    )
    response = reporter_api.post("/api/documents/", {"html": page}, format="json")
    assert response.status_code == 201, response.data
    assert response.data["title"] == "Market strike kills twelve"
    text = response.data["text"]
    assert "At least 12 people were killed" in text and "denied" in text
    assert "99" not in text and "write" not in text and "Home" not in text
    quotes = Suggestion.objects.filter(document_id=response.data["id"]).values_list(
        "quote", flat=True
    )
    assert quotes and not any("99" in quote for quote in quotes)
    # The same page again is recognised by its text.
    again = reporter_api.post("/api/documents/", {"html": page}, format="json")
    assert again.status_code == 400
    assert f"#{response.data['id']}" in again.data["html"][0]


def test_identical_text_is_refused_with_the_stored_document_and_nothing_more(reporter_api):
    first = reporter_api.post("/api/documents/", {"title": "A", "text": REPORT}, format="json")
    before = stored()
    # Line endings are normalised before hashing: a CRLF copy is the same text.
    again = reporter_api.post(
        "/api/documents/", {"title": "B", "text": REPORT.replace("\n", "\r\n")}, format="json"
    )
    assert again.status_code == 400
    assert f"#{first.data['id']}" in again.data["text"][0]
    assert stored() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "t"}, "text"),
        ({"title": "t", "text": ""}, "text"),
        ({"title": "t", "text": "   \n\t "}, "text"),
        ({"title": "t", "text": "NUL\x00inside"}, "text"),
        ({"title": "t", "text": 42}, "text"),
        ({"title": "t", "text": 4.2}, "text"),
        ({"title": "t", "text": True}, "text"),
        ({"title": "t", "text": ["a report"]}, "text"),
        ({"title": "t", "text": {"body": "a report"}}, "text"),
        ({"title": "t", "text": None}, "text"),
        ({"title": "t", "text": "".join(map(chr, range(1, 32))) * 20}, "text"),
        ({"title": "t", "text": "\x1b[31m\x07\x08" * 50 + "said"}, "text"),
        ({"title": 7, "text": "A report."}, "title"),
        ({"title": "t" * 501, "text": "A report."}, "title"),
        ({"title": "t", "text": "A report.", "outlet": "Reuters"}, "outlet"),
        ({"title": "t", "text": "A report.", "via": "paste"}, "via"),
        ({"title": "t", "text": "A report.", "html": "<p>A report.</p>"}, "text"),
        ({"html": ""}, "html"),
        ({"html": "<script>alert('x')</script><style>p {}</style>"}, "html"),
        ({"html": 12}, "html"),
        ({"html": "<p>\x00</p>"}, "html"),
    ],
)
def test_bad_input_is_400_and_nothing_is_stored(reporter_api, nothing_stored, body, field):
    response = reporter_api.post("/api/documents/", body, format="json")
    assert response.status_code == 400, response.data
    assert field in response.data, response.data


@pytest.mark.parametrize(
    "raw",
    [
        b'{"title": "t", "text": "\xff\xfe broken"}',
        b'{"title": "t", "text": "lone \\ud800 surrogate"}',
        b'{"title": "t", "text": "\x00"}',
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b'{"title": "t", "text": "unterminated',
    ],
    ids=["invalid-utf8", "lone-surrogate", "raw-nul", "binary-body", "truncated"],
)
def test_undecodable_bodies_are_400_and_nothing_is_stored(reporter_api, nothing_stored, raw):
    response = reporter_api.generic("POST", "/api/documents/", raw, content_type="application/json")
    assert response.status_code == 400, response.content


def test_a_body_over_the_upload_limit_is_413(reporter_api, nothing_stored):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = json.dumps({"title": "big", "text": "Officials said 3 were hurt. " * (limit // 20)})
    assert len(body) > limit
    response = reporter_api.generic(
        "POST", "/api/documents/", body.encode(), content_type="application/json"
    )
    assert response.status_code == 413


def test_text_over_ten_megabytes_is_400(reporter_api, nothing_stored):
    body = {"title": "big", "text": "z" * (MAX_DOCUMENT_CHARS + 1)}
    response = reporter_api.post("/api/documents/", body, format="json")
    assert response.status_code == 400 and "text" in response.data


def test_a_user_without_add_document_stores_nothing(world_less_client, nothing_stored):
    response = world_less_client.post("/api/documents/", {"text": REPORT}, format="json")
    assert response.status_code == 403


@pytest.fixture
def world_less_client(db):
    from tests.api.conftest import client_for
    from tests.factories import UserFactory

    return client_for(UserFactory())


# -- the seed article ----------------------------------------------------------


def seed_suggestions(client) -> tuple[dict, list[dict]]:
    """Post the seed article with one sentence changed, and read all its suggestions."""
    call_command("load_seeds", verbosity=0)
    seed = Document.objects.get()
    sentence = "Reuters could not independently verify the reports."
    assert sentence in seed.text
    text = seed.text.replace(sentence, "Reuters could not independently verify those reports.")
    response = client.post("/api/documents/", {"title": seed.title, "text": text}, format="json")
    assert response.status_code == 201, response.data
    rows, url = [], response.data["suggestions"]["url"]
    while url:
        page = client.get(url)
        assert page.status_code == 200
        rows += page.data["results"]
        url = page.data["next"]
    return response.data, rows


def test_the_seed_article_suggests_its_accounts(reporter_api):
    document, rows = seed_suggestions(reporter_api)
    assert len(rows) == document["suggestions"]["total"] > 0

    def find(speaker: str, stance: str) -> list[dict]:
        return [r for r in rows if r["speaker"] == speaker and r["stance"] == stance]

    sana = [r for r in find("SANA", "asserts") if r["aspect"] == "killed"]
    assert sana, rows
    assert (sana[0]["count_min"], sana[0]["count_max"], sana[0]["unit"]) == (31, None, "people")
    assert "more than 30" in sana[0]["quote"]
    assert find("Reuters", "cannot_verify")
    ryan = find("Col. Sean Ryan (US-led coalition)", "investigating")
    assert ryan and ryan[0]["intermediary"]["name"] == "Rudaw English"
    assert find("US-led coalition", "hedges")
    assert find("Syrian foreign ministry", "asserts")
    own = [r for r in rows if r["voice"] == "outlet" and r["aspect"] == "killed"]
    assert own and own[0]["count_min"] == 35
    for row in rows:
        assert "KXIP" not in row["quote"] and "Quneitra" not in row["quote"], row
        assert document["text"][row["quote_start"] : row["quote_end"]] == row["quote"]
    # What was set aside, and why, is on the document.
    kinds = {span["kind"] for span in document["extraction"]["noise"]}
    assert {"title_mismatch", "teaser", "caption"} <= kinds
    assert document["title_mismatch"] is True
