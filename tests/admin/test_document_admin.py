"""Documents: pasted in once, text fixed, quotes highlighted and linked."""

from django.urls import reverse

from tests.admin.conftest import queries_for
from tests.factories import make_account, make_claim, make_document, make_source
from tracker.models import Document
from tracker.text import content_hash

ADD = reverse("admin:tracker_document_add")


def change_url(document) -> str:
    return reverse("admin:tracker_document_change", args=[document.pk])


def document_data(**fields) -> dict:
    data = {"title": "", "outlet": "", "url": "", "published_at_0": "", "published_at_1": "",
            "retrieved_at_0": "", "retrieved_at_1": "", "text": ""}  # fmt: skip
    data.update(fields)
    return data


def test_add_by_pasting_text(reporter_client, reporter, db):
    text = "KXIP batted first.\r\nAt least 35 civilians were killed in Deir ez-Zor."
    response = reporter_client.post(
        ADD, document_data(title="KXIP vs KKR Live Score", text=text, url="example.com/x")
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.text == text.replace("\r\n", "\n")
    assert document.content_hash == content_hash(document.text)
    assert document.url == "https://example.com/x"
    assert document.created_by == reporter
    assert document.history.get().history_user == reporter


def test_same_text_twice_is_refused(reporter_client, db):
    existing = make_document(text="The same words.")
    response = reporter_client.post(ADD, document_data(title="Again", text="The same words."))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["text"] == [
        f"This text is already stored as document #{existing.pk} ({existing})."
    ]
    assert Document.objects.count() == 1


def test_text_is_read_only_after_creation(editor_client, newsroom):
    document = newsroom.document
    response = editor_client.get(change_url(document))
    assert "text" not in response.context["adminform"].form.fields
    response = editor_client.post(
        change_url(document),
        document_data(title="Corrected title", text="Something else entirely."),
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Corrected title"
    assert document.text.startswith("SANA said")


def test_highlights_quotes_linked_to_accounts(editor_client, newsroom):
    body = editor_client.get(change_url(newsroom.document)).content.decode()
    account_url = reverse("admin:tracker_account_change", args=[newsroom.sana_account.pk])
    assert f'<a href="{account_url}">more than 30 civilians</a></mark>' in body
    coalition_url = reverse("admin:tracker_account_change", args=[newsroom.coalition_account.pk])
    assert f'<a href="{coalition_url}">it or partner forces may have conducted' in body
    # The list of its accounts, with their claims.
    assert reverse("admin:tracker_claim_change", args=[newsroom.perpetrator.pk]) in body
    # Each quote in the list opens the page of text that holds it.
    assert f'href="?text_page=1#quote-{newsroom.sana_account.pk}"' in body


def test_text_is_escaped(editor_client, db):
    text = "<script>alert('x')</script> The ministry said <b>nothing</b> & left."
    document = make_document(text=text, title="Ministry statement")
    make_account(
        claim=make_claim(), source=make_source(), document=document, quote="said <b>nothing</b>"
    )
    body = editor_client.get(change_url(document)).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "said &lt;b&gt;nothing&lt;/b&gt;</a></mark>" in body
    assert "&amp; left." in body


def test_overlapping_quotes_render(editor_client, newsroom):
    make_account(
        claim=newsroom.toll,
        source=newsroom.coalition,
        document=newsroom.document,
        quote="30 civilians, mostly women",
    )
    body = editor_client.get(change_url(newsroom.document)).content.decode()
    assert 'class="tracker-quote tracker-quote-overlap"' in body
    assert body.count("<mark") == body.count("</mark>")


def test_title_mismatch_warning(reporter_client, db):
    document = make_document(
        text="At least 35 civilians were killed in Deir ez-Zor.", title="KXIP vs KKR Live Score"
    )
    assert document.title_mismatch
    body = reporter_client.get(change_url(document)).content.decode()
    assert "The published title does not match the body." in body
    # Said once, at the top; the title check beside the field only points to it.
    assert body.count("does not match the body") == 1
    assert "It shares almost no words with the body" in body
    assert (
        '<span class="tracker-scraped-title">“KXIP vs KKR Live Score”</span>, is kept exactly '
        "as published" in body
    )
    assert 'value="KXIP vs KKR Live Score"' in body
    # The page goes by the working title, from the body's first sentence, and it is editable.
    working = "At least 35 civilians were killed in Deir ez-Zor."
    assert f'name="working_title" value="{working}"' in body
    assert f"<h2>{working}</h2>" in body
    listing = reporter_client.get(reverse("admin:tracker_document_changelist")).content.decode()
    assert f"{working} <span" in listing
    assert "published as “KXIP vs KKR Live Score”" in listing


def test_no_warning_when_title_fits(reporter_client, newsroom):
    body = reporter_client.get(change_url(newsroom.document)).content.decode()
    assert "does not match the body" not in body


def test_nobody_deletes_documents(admin_client, newsroom):
    url = reverse("admin:tracker_document_delete", args=[newsroom.document.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403


def test_page_queries_do_not_grow_with_accounts(editor_client, newsroom):
    url = change_url(newsroom.document)
    editor_client.get(url)
    before, response = queries_for(editor_client, url)
    marks = response.content.decode().count("<mark")
    for word in ("SANA said", "women and children", "a massacre", "Reuters"):
        make_account(claim=make_claim(), source=make_source(), document=newsroom.document,
                     quote=word)  # fmt: skip
    after, response = queries_for(editor_client, url)
    assert response.content.decode().count("<mark") == marks + 4
    assert before == after


def test_editing_the_working_title_goes_through_the_service(editor_client, editor, db):
    document = make_document(
        text="At least 35 civilians were killed in Deir ez-Zor.", title="KXIP vs KKR Live Score"
    )
    data = document_data(title=document.title, working_title="Strike on Deir ez-Zor market")
    del data["text"]
    response = editor_client.post(change_url(document), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    document.refresh_from_db()
    assert document.working_title == "Strike on Deir ez-Zor market"
    assert document.title == "KXIP vs KKR Live Score"
    assert document.history.first().history_user == editor


def test_the_text_has_a_legend_of_its_highlights(reporter_client, newsroom):
    body = reporter_client.get(change_url(newsroom.document)).content.decode()
    legend = body[body.index('class="tracker-legend"') :]
    legend = legend[: legend.index("</p>")]
    assert "quoted by an account" in legend and "suggested, waiting for review" in legend
    # In the colours of the marks themselves.
    for kind in ("account", "suggested", "overlap"):
        assert f"tracker-swatch-{kind}" in legend


def test_every_admin_page_has_a_favicon_and_links_the_api_docs(reporter_client, db):
    body = reporter_client.get(reverse("admin:index")).content.decode()
    assert '<link rel="icon" type="image/svg+xml" href="/static/tracker/favicon.svg">' in body
    assert f'<a href="{reverse("api:docs")}">API docs</a>' in body
