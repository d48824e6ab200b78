"""A long document's page: text, accounts and suggestions a page at a time."""

import re

import pytest
from django.urls import reverse

from tests.admin.conftest import queries_for
from tests.factories import make_account, make_claim, make_document, make_source, make_suggestions
from tracker.admin.document_page import TEXT_PAGE_CHARS, text_page_starts

pytestmark = pytest.mark.django_db

SENTENCE = "Officials said {n} people were killed in the strike on the market of district {n}. "


def long_text(sentences: int) -> str:
    return "".join(SENTENCE.format(n=n) for n in range(sentences))


def statement_spans(text: str, count: int) -> list[tuple[int, int]]:
    """``count`` quotes ("N people were killed") spread evenly over ``text``."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\d+ people were killed", text)]
    step = len(spans) / count
    return [spans[int(i * step)] for i in range(count)]


def change_url(document) -> str:
    return reverse("admin:tracker_document_change", args=[document.pk])


@pytest.fixture
def long_document():
    # About 90,000 characters: five pages of text.
    return make_document(text=long_text(1000), title="Hearing transcript")


def test_size_and_queries_do_not_grow_with_suggestions(editor_client):
    few = make_document(text=long_text(1000), title="Few suggestions")
    many = make_document(text="Another copy. " + long_text(1000), title="Many suggestions")
    make_suggestions(document=few, spans=statement_spans(few.text, 60))
    make_suggestions(document=many, spans=statement_spans(many.text, 600))
    editor_client.get(change_url(few))

    few_queries, few_page = queries_for(editor_client, change_url(few))
    many_queries, many_page = queries_for(editor_client, change_url(many))

    assert few_page.status_code == many_page.status_code == 200
    assert few_queries == many_queries
    # Fifty rows of suggestions and one page of text, whatever the count.
    assert len(many_page.content) < 200_000
    assert many_page.content.decode().count('id="suggestion-') == 50
    assert "suggestions 1–50 of 600" in many_page.content.decode()


def test_the_text_is_shown_a_page_at_a_time(editor_client, long_document):
    body = editor_client.get(change_url(long_document)).content.decode()
    starts = text_page_starts(long_document.text)
    assert len(starts) == 5
    assert long_document.text[: starts[1]].strip()[-60:] in body
    assert long_document.text[starts[1] : starts[1] + 60] not in body
    assert f"page 1 of 5: characters 1–{starts[1]:,} of {len(long_document.text):,}" in body


def test_pages_of_text_cover_it_exactly_and_end_between_words():
    text = long_text(1000)
    starts = text_page_starts(text)
    ends = [*starts[1:], len(text)]
    assert starts[0] == 0
    assert all(0 < end - start <= TEXT_PAGE_CHARS for start, end in zip(starts, ends, strict=True))
    assert all(text[start - 1] == " " for start in starts[1:])
    # A text with nowhere to cut is cut at the page size.
    assert text_page_starts("x" * (2 * TEXT_PAGE_CHARS + 5)) == [
        0,
        TEXT_PAGE_CHARS,
        2 * TEXT_PAGE_CHARS,
    ]


def test_suggestion_pages_link_to_each_other(editor_client, long_document):
    make_suggestions(document=long_document, spans=statement_spans(long_document.text, 120))
    url = change_url(long_document)
    first = editor_client.get(url).content.decode()
    assert "suggestions 1–50 of 120" in first
    next_link = re.search(r'<a href="([^"]*suggestions_page=2[^"]*)" rel="next">', first)
    assert next_link and next_link.group(1).endswith("#suggestions")

    second = editor_client.get(url + next_link.group(1).replace("&amp;", "&")).content.decode()
    assert "suggestions 51–100 of 120" in second
    assert "Claim of suggestion 51" in second and "Claim of suggestion 50<" not in second
    last = editor_client.get(url, {"suggestions_page": 3}).content.decode()
    assert "suggestions 101–120 of 120" in last
    assert 'rel="next"' not in last.split('id="suggestions"')[1].split("</nav>")[0]


def test_a_suggestion_opens_the_page_of_text_that_holds_it(editor_client, long_document):
    suggestions = make_suggestions(
        document=long_document, spans=statement_spans(long_document.text, 60)
    )
    starts = text_page_starts(long_document.text)
    on_page_two = next(s for s in suggestions if starts[1] <= s.quote_start < starts[2])
    url = change_url(long_document)
    body = editor_client.get(url, {"suggestions_page": 1}).content.decode()
    link = f'href="?suggestions_page=1&amp;text_page=2#suggested-quote-{on_page_two.pk}"'
    assert link in body

    page_two = editor_client.get(url, {"suggestions_page": 1, "text_page": 2}).content.decode()
    suggestion_url = reverse("admin:tracker_suggestion_change", args=[on_page_two.pk])
    assert f'id="suggested-quote-{on_page_two.pk}"' in page_two
    assert f'<a href="{suggestion_url}">{on_page_two.quote}</a></mark>' in page_two
    assert "tracker-quote-suggested" in page_two
    assert f'id="suggested-quote-{on_page_two.pk}"' not in editor_client.get(url).content.decode()


def test_an_account_on_page_two_is_marked_there_and_linked_from_the_list(
    editor_client, long_document
):
    starts = text_page_starts(long_document.text)
    quote_start = long_document.text.index("people were killed", starts[1] + 100)
    account = make_account(
        claim=make_claim(), source=make_source(), document=long_document,
        quote="people were killed", quote_start=quote_start,
    )  # fmt: skip
    url = change_url(long_document)
    first = editor_client.get(url).content.decode()
    assert f'href="?text_page=2#quote-{account.pk}"' in first
    assert "<mark" not in first

    second = editor_client.get(url, {"text_page": 2}).content.decode()
    account_url = reverse("admin:tracker_account_change", args=[account.pk])
    assert f'<a href="{account_url}">people were killed</a></mark>' in second
    assert f'id="quote-{account.pk}"' in second


def test_a_quote_across_two_pages_is_marked_on_both(editor_client, long_document):
    starts = text_page_starts(long_document.text)
    start, end = starts[1] - 10, starts[1] + 10
    account = make_account(
        claim=make_claim(), source=make_source(), document=long_document,
        quote=long_document.text[start:end], quote_start=start,
    )  # fmt: skip
    account_url = reverse("admin:tracker_account_change", args=[account.pk])
    url = change_url(long_document)
    first = editor_client.get(url, {"text_page": 1}).content.decode()
    second = editor_client.get(url, {"text_page": 2}).content.decode()
    assert f'<a href="{account_url}">{long_document.text[start : starts[1]]}</a></mark>' in first
    assert f'<a href="{account_url}">{long_document.text[starts[1] : end]}</a></mark>' in second


def test_accounts_are_listed_a_page_at_a_time(editor_client, long_document):
    spans = statement_spans(long_document.text, 55)
    claim, source = make_claim(), make_source()
    for start, end in spans:
        make_account(claim=claim, source=source, document=long_document,
                     quote=long_document.text[start:end], quote_start=start)  # fmt: skip
    url = change_url(long_document)
    body = editor_client.get(url).content.decode()
    assert "accounts 1–50 of 55" in body
    assert body.count(f'href="{reverse("admin:tracker_claim_change", args=[claim.pk])}"') == 50
    body = editor_client.get(url, {"accounts_page": 2}).content.decode()
    assert "accounts 51–55 of 55" in body


SHOWN = {
    ("text_page", "first"): "page 1 of 5: characters 1–",
    ("text_page", "last"): "page 5 of 5: characters ",
    ("suggestions_page", "first"): "suggestions 1–50 of 60",
    ("suggestions_page", "last"): "suggestions 51–60 of 60",
    ("accounts_page", "first"): "accounts 1–1 of 1",
    ("accounts_page", "last"): "accounts 1–1 of 1",
}


@pytest.mark.parametrize("param", ["text_page", "suggestions_page", "accounts_page"])
@pytest.mark.parametrize(
    ("value", "shown", "notice"),
    [
        ("abc", "first", "There is no page “abc”; this is page 1."),
        ("-2", "first", "There is no page -2; this is page 1."),
        ("0", "first", "There is no page 0; this is page 1."),
        ("1.5", "first", "There is no page “1.5”; this is page 1."),
        ("99999", "last", "; this is the last."),
        ("9" * 400, "last", "; this is the last."),
    ],
)
def test_a_page_that_does_not_exist_shows_the_nearest_with_a_notice(
    editor_client, long_document, param, value, shown, notice
):
    make_suggestions(document=long_document, spans=statement_spans(long_document.text, 60))
    quote_start = long_document.text.index("people")
    make_account(claim=make_claim(), source=make_source(), document=long_document,
                 quote="people were killed", quote_start=quote_start)  # fmt: skip
    response = editor_client.get(change_url(long_document), {param: value})
    assert response.status_code == 200
    body = response.content.decode()
    assert notice in body
    assert SHOWN[param, shown] in body
