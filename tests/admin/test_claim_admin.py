"""The claims list and the claim page: reads through selectors, writes through services."""

import pytest
from django.urls import reverse

from tests.admin.conftest import account_post_data, claim_post_data, queries_for
from tests.factories import make_account, make_claim, make_flag, make_source
from tracker import services
from tracker.models import Account, Claim
from tracker.vocabularies import Aspect, Stance, VerificationStatus

CHANGELIST = reverse("admin:tracker_claim_changelist")


def change_url(claim) -> str:
    return reverse("admin:tracker_claim_change", args=[claim.pk])


def listed(response) -> set[int]:
    return {claim.pk for claim in response.context["cl"].result_list}


def make_busy_claims(count: int, reporter) -> None:
    """Claims with several accounts, sources sharing a root, and open flags."""
    parent = make_source(name=f"Parent of {count}")
    for n in range(count):
        claim = make_claim(text=f"Busy claim {count}-{n}")
        make_account(claim=claim, source=make_source(parent=parent))
        make_account(claim=claim, source=make_source(parent=parent))
        make_account(claim=claim, source=make_source())
        make_flag(claim=claim, raised_by=reporter)


class TestClaimsList:
    def test_shows_badge_and_counts(self, editor_client, newsroom):
        response = editor_client.get(CHANGELIST)
        assert response.status_code == 200
        row = next(c for c in response.context["cl"].result_list if c.pk == newsroom.toll.pk)
        # SANA speaks for the Syrian government, the local monitors' "at least 35" on the
        # other toll agrees with it, and Reuters could not verify, which supports
        # nothing: 2 accounts, 2 independent sources.
        assert (row.account_count, row.independent_sources, row.open_flag_count) == (2, 2, 1)
        body = response.content.decode()
        assert '<span class="tracker-badge tracker-status-unverified">Unverified</span>' in body
        assert "tracker/admin.css" in body

    @pytest.mark.parametrize("role", ["editor_client", "reporter_client"])
    def test_query_count_does_not_grow_with_rows(self, request, role, reporter, db):
        client = request.getfixturevalue(role)
        client.get(CHANGELIST)  # warm the session and the permission cache
        make_busy_claims(1, reporter)
        one, response = queries_for(client, CHANGELIST)
        assert len(response.context["cl"].result_list) == 1
        make_busy_claims(29, reporter)
        thirty, response = queries_for(client, CHANGELIST)
        assert len(response.context["cl"].result_list) == 30
        assert one == thirty
        # Searching and filtering join nothing in either.
        params = {"q": "Busy", "flagged": "yes", "conflict": "no", "archived": "all"}
        assert queries_for(client, CHANGELIST, **params)[0] == thirty

    def test_thirty_claims_within_a_fixed_budget(
        self, editor_client, reporter, django_assert_max_num_queries
    ):
        make_busy_claims(30, reporter)
        editor_client.get(CHANGELIST)
        with django_assert_max_num_queries(10):
            response = editor_client.get(CHANGELIST)
        assert len(response.context["cl"].result_list) == 30

    def test_independent_sources_are_the_comparisons(self, editor_client, newsroom):
        """The column shows the stored, conflict-aware count, and moves with the accounts."""
        rudaw = make_source(name="Rudaw English")
        # Reuters confirming would count; a Reuters reporter relayed by Rudaw counts for
        # Reuters, once; the relaying outlet not at all.
        make_account(claim=newsroom.toll, source=newsroom.reuters, stance=Stance.ASSERTS)
        make_account(
            claim=newsroom.toll,
            source=make_source(name="Reuters reporter", parent=newsroom.reuters),
            intermediary=rudaw,
        )
        response = editor_client.get(CHANGELIST)
        row = next(c for c in response.context["cl"].result_list if c.pk == newsroom.toll.pk)
        # With the government (SANA) and the monitors (the other toll): 3.
        assert (row.account_count, row.independent_sources) == (4, 3)

    def test_text_is_escaped(self, editor_client, db):
        make_claim(text="<script>alert('x')</script> killed")
        body = editor_client.get(CHANGELIST).content.decode()
        assert "<script>alert" not in body
        assert "&lt;script&gt;alert" in body


class TestFilters:
    def test_status(self, editor_client, editor, newsroom):
        services.claim_set_status(
            actor=editor, claim=newsroom.toll, status=VerificationStatus.DISPUTED, rationale=""
        )
        response = editor_client.get(CHANGELIST, {"status__exact": "disputed"})
        assert listed(response) == {newsroom.toll.pk}

    def test_event_and_aspect(self, editor_client, newsroom):
        other = make_claim(
            text="Unrelated", aspect=Aspect.PERPETRATOR, named_parties=[newsroom.coalition]
        )
        response = editor_client.get(CHANGELIST, {"event__id__exact": newsroom.event.pk})
        assert listed(response) == {
            newsroom.toll.pk,
            newsroom.article_toll.pk,
            newsroom.perpetrator.pk,
        }
        response = editor_client.get(CHANGELIST, {"aspect__exact": "perpetrator"})
        assert listed(response) == {newsroom.perpetrator.pk, other.pk}

    def test_source(self, editor_client, newsroom):
        response = editor_client.get(CHANGELIST, {"source": newsroom.coalition.pk})
        assert listed(response) == {newsroom.perpetrator.pk}
        # Choices are the sources that gave accounts, each once.
        choices = [
            c["display"]
            for c in response.context["cl"].filter_specs[3].choices(response.context["cl"])
        ]
        assert choices.count("SANA") == 1
        assert "Syrian government" not in choices

    def test_source_filter_ignores_garbage(self, editor_client, newsroom):
        response = editor_client.get(CHANGELIST, {"source": "1 OR 1=1"})
        assert response.status_code == 200
        assert listed(response) == set()

    def test_has_open_flags(self, editor_client, newsroom):
        assert listed(editor_client.get(CHANGELIST, {"flagged": "yes"})) == {newsroom.toll.pk}
        assert listed(editor_client.get(CHANGELIST, {"flagged": "no"})) == {
            newsroom.article_toll.pk,
            newsroom.perpetrator.pk,
        }

    def test_archived_hidden_by_default(self, editor_client, editor, newsroom):
        services.claim_archive(actor=editor, claim=newsroom.perpetrator)
        assert listed(editor_client.get(CHANGELIST)) == {newsroom.toll.pk, newsroom.article_toll.pk}
        assert listed(editor_client.get(CHANGELIST, {"archived": "yes"})) == {
            newsroom.perpetrator.pk
        }
        assert listed(editor_client.get(CHANGELIST, {"archived": "all"})) == {
            newsroom.toll.pk,
            newsroom.article_toll.pk,
            newsroom.perpetrator.pk,
        }


class TestSearch:
    @pytest.mark.parametrize(
        ("term", "expected"),
        [
            ("Syrian Arab News", "toll"),  # an alias of SANA
            ("partner forces", "perpetrator"),  # a quote
            ("Reuters", "toll"),  # a source name
            ("conducted the strikes", "perpetrator"),  # claim text and quote
            ("30 civilians killed", "toll"),  # every word, anywhere
        ],
    )
    def test_finds(self, editor_client, newsroom, term, expected):
        response = editor_client.get(CHANGELIST, {"q": term})
        assert listed(response) == {getattr(newsroom, expected).pk}

    def test_no_duplicates_and_right_counts(self, editor_client, newsroom):
        make_account(claim=newsroom.toll, source=newsroom.ministry)
        # "Syrian" matches two accounts of the toll (SANA's alias, the ministry) and
        # the ministry's account of the perpetrator.
        response = editor_client.get(CHANGELIST, {"q": "Syrian"})
        rows = {row.pk: row for row in response.context["cl"].result_list}
        assert len(response.context["cl"].result_list) == 2
        assert set(rows) == {newsroom.toll.pk, newsroom.perpetrator.pk}
        counts = [rows[claim.pk].account_count for claim in (newsroom.toll, newsroom.perpetrator)]
        assert counts == [3, 2]

    def test_nothing(self, editor_client, newsroom):
        assert listed(editor_client.get(CHANGELIST, {"q": "Daesh"})) == set()


def account_add_url(claim) -> str:
    return f"{reverse('admin:tracker_account_add')}?claim={claim.pk}"


def account_change_url(account) -> str:
    return f"{reverse('admin:tracker_account_change', args=[account.pk])}?claim={account.claim_id}"


class TestClaimPage:
    def test_add_goes_through_services_and_opens_the_claim_for_its_accounts(
        self, editor_client, editor, newsroom
    ):
        data = claim_post_data(
            text="At least 35 civilians died",
            aspect=Aspect.KILLED,
            event=newsroom.event.pk,
            count_min=35,
            unit="people",
            named_parties=[newsroom.coalition.pk],
        )
        response = editor_client.post(reverse("admin:tracker_claim_add"), data)
        assert response.status_code == 302, response.context and response.context["errors"]
        claim = Claim.objects.get(text="At least 35 civilians died")
        # A new claim has nobody saying it yet: its page is where they are added.
        assert response["Location"] == f"{change_url(claim)}#accounts"
        assert claim.created_by == editor
        assert list(claim.named_parties.all()) == [newsroom.coalition]
        assert {record.history_user for record in claim.history.all()} == {editor}

        page = editor_client.get(change_url(claim)).content.decode()
        assert "No accounts yet" in page
        assert f'href="{account_add_url(claim)}"' in page.replace("&amp;", "&")
        form = editor_client.get(account_add_url(claim))
        assert form.context["adminform"].form.initial["claim"] == str(claim.pk)
        response = editor_client.post(
            account_add_url(claim),
            account_post_data(
                claim=claim.pk,
                source=newsroom.reuters.pk,
                stance=Stance.CANNOT_VERIFY,
                document=newsroom.document.pk,
                quote="could not independently verify the reports",
            ),
        )
        assert response["Location"] == f"{change_url(claim)}#accounts"
        account = claim.accounts.get()
        assert (account.quote_start, account.created_by) == (
            newsroom.document.text.index("could not independently"),
            editor,
        )

    def test_the_page_reads_who_says_what_before_the_form(self, editor_client, newsroom):
        toll = newsroom.toll
        body = editor_client.get(change_url(toll)).content.decode()
        accounts = body.index('id="accounts"')
        assert body.index('id="conflicts"') < accounts < body.index('id="claim_form"')
        table = body[accounts : body.index("</section>", accounts)]
        for account in toll.accounts.select_related("source"):
            assert account.source.name in table
            assert f'<mark class="tracker-quote">{account.quote}</mark>' in table
            assert f'href="{account_change_url(account)}"' in table.replace("&amp;", "&")
        # The page edits the claim, not its accounts.
        assert "accounts-TOTAL_FORMS" not in body

    def test_edit_claim_then_account(self, editor_client, editor, newsroom):
        toll = newsroom.toll
        data = claim_post_data(toll, text="More than 30 people were killed")
        assert editor_client.post(change_url(toll), data).status_code == 302
        toll.refresh_from_db()
        assert toll.text == "More than 30 people were killed"

        account = toll.accounts.order_by("pk").first()
        data = account_post_data(account, stance=Stance.HEDGES, quote="mostly women and children")
        response = editor_client.post(account_change_url(account), data)
        assert response["Location"] == f"{change_url(toll)}#accounts"
        account.refresh_from_db()
        # A new quote is located again: the old offsets went with the old words.
        assert account.stance == Stance.HEDGES
        assert account.quote_start == newsroom.document.text.index("mostly women")
        assert account.history.latest().history_user == editor

    def test_save_and_add_another_stays_with_the_claim(self, editor_client, newsroom):
        data = account_post_data(claim=newsroom.toll.pk, source=newsroom.reuters.pk)
        response = editor_client.post(account_add_url(newsroom.toll), {**data, "_addanother": "1"})
        assert response["Location"] == account_add_url(newsroom.toll)
        assert newsroom.toll.accounts.filter(source=newsroom.reuters).exists()

    def test_an_account_form_opened_from_the_accounts_list_returns_there(
        self, editor_client, newsroom
    ):
        account = newsroom.toll.accounts.order_by("pk").first()
        url = reverse("admin:tracker_account_change", args=[account.pk])
        response = editor_client.post(url, account_post_data(account, stance=Stance.HEDGES))
        assert response["Location"] == reverse("admin:tracker_account_changelist")

    def test_status_is_not_in_the_form(self, editor_client, newsroom):
        data = claim_post_data(newsroom.toll, status="confirmed")
        editor_client.post(change_url(newsroom.toll), data)
        newsroom.toll.refresh_from_db()
        assert newsroom.toll.status == VerificationStatus.UNVERIFIED

    def test_quote_not_in_document_is_an_error_and_nothing_is_written(
        self, editor_client, newsroom
    ):
        before = (Account.objects.count(), Account.history.count())
        data = account_post_data(
            claim=newsroom.toll.pk,
            source=newsroom.coalition.pk,
            stance=Stance.DENIES,
            document=newsroom.document.pk,
            quote="words nobody wrote",
        )
        response = editor_client.post(account_add_url(newsroom.toll), data)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["quote"] == [
            "The quote does not occur in the document's text."
        ]
        assert (Account.objects.count(), Account.history.count()) == before

    def test_service_error_on_the_claim_itself(self, editor_client, newsroom):
        data = claim_post_data(newsroom.toll, count_min=50, count_max=10)
        response = editor_client.post(change_url(newsroom.toll), data)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["count_max"] == [
            "The maximum (10) is below the minimum (50)."
        ]

    def test_editor_removes_an_account_and_is_back_on_the_claim(self, editor_client, newsroom):
        toll = newsroom.toll
        account = toll.accounts.order_by("pk").last()
        delete = reverse("admin:tracker_account_delete", args=[account.pk])
        response = editor_client.post(delete, {"post": "yes"})
        assert response["Location"] == f"{change_url(toll)}#accounts"
        assert not Account.objects.filter(pk=account.pk).exists()

    def test_reporter_cannot_remove_an_account(self, reporter_client, newsroom):
        account = newsroom.toll.accounts.order_by("pk").last()
        delete = reverse("admin:tracker_account_delete", args=[account.pk])
        assert reporter_client.get(delete).status_code == 403
        assert reporter_client.post(delete, {"post": "yes"}).status_code == 403
        assert Account.objects.filter(pk=account.pk).exists()

    def test_page_shows_open_flags_and_history(self, editor_client, editor, newsroom):
        services.claim_set_status(
            actor=editor, claim=newsroom.toll, status="in_review", rationale="Looking at it"
        )
        body = editor_client.get(change_url(newsroom.toll)).content.decode()
        assert "Only SANA." in body
        assert "Looking at it" in body
        assert "2 accounts from 2 independent sources; 1 open flag" in body


class TestArchiveNotDelete:
    def test_no_delete_anywhere(self, editor_client, newsroom):
        response = editor_client.get(CHANGELIST)
        assert "delete_selected" not in dict(
            response.context["action_form"].fields["action"].choices
        )
        url = reverse("admin:tracker_claim_delete", args=[newsroom.toll.pk])
        assert editor_client.post(url, {"post": "yes"}).status_code == 403
        assert Claim.objects.filter(pk=newsroom.toll.pk).exists()

    def test_superuser_cannot_delete_either(self, admin_client, newsroom):
        url = reverse("admin:tracker_claim_delete", args=[newsroom.toll.pk])
        assert admin_client.post(url, {"post": "yes"}).status_code == 403

    def test_archive_and_restore_buttons(self, editor_client, editor, newsroom):
        claim = newsroom.perpetrator
        response = editor_client.post(reverse("admin:tracker_claim_archive", args=[claim.pk]))
        assert response.status_code == 302
        claim.refresh_from_db()
        assert claim.archived_by == editor
        body = editor_client.get(change_url(claim)).content.decode()
        assert "This claim is archived" in body
        assert f"Archived {claim.archived_at:%Y-%m-%d %H:%M} by editor." in body
        assert "Add an account" not in body
        assert reverse("admin:tracker_claim_restore", args=[claim.pk]) in body
        editor_client.post(reverse("admin:tracker_claim_restore", args=[claim.pk]))
        claim.refresh_from_db()
        assert claim.archived_at is None

    def test_archive_twice_is_a_message(self, editor_client, editor, newsroom):
        services.claim_archive(actor=editor, claim=newsroom.toll)
        url = reverse("admin:tracker_claim_archive", args=[newsroom.toll.pk])
        response = editor_client.post(url, follow=True)
        assert "This claim is already archived." in [str(m) for m in response.context["messages"]]

    def test_archive_needs_post(self, editor_client, newsroom):
        url = reverse("admin:tracker_claim_archive", args=[newsroom.toll.pk])
        assert editor_client.get(url).status_code == 405

    def test_archive_action(self, editor_client, newsroom):
        data = {
            "action": "archive_action",
            "_selected_action": [newsroom.toll.pk, newsroom.perpetrator.pk],
        }
        response = editor_client.post(CHANGELIST, data)
        assert response.status_code == 302
        assert Claim.objects.filter(archived_at__isnull=False).count() == 2
        data["action"] = "restore_action"
        editor_client.post(f"{CHANGELIST}?archived=yes", data)
        assert Claim.objects.filter(archived_at__isnull=False).count() == 0
