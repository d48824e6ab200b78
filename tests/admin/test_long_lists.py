"""Claims, events and sources with long lists: their pages show a page of each."""

import pytest
from django.urls import reverse

from tests.admin.conftest import queries_for
from tests.admin.test_source_event_admin import source_data
from tests.factories import make_account, make_claim, make_event, make_flag, make_source
from tracker import services
from tracker.models import Source, SourceAlias
from tracker.vocabularies import SourceKind

pytestmark = pytest.mark.django_db


def claim_url(claim) -> str:
    return reverse("admin:tracker_claim_change", args=[claim.pk])


def claim_with_accounts(count: int):
    claim = make_claim(text=f"A claim with {count} accounts")
    for _ in range(count):
        make_account(claim=claim, source=make_source())
    return claim


def test_a_claim_page_shows_fifty_accounts_at_a_fixed_cost(editor_client):
    some, more = claim_with_accounts(55), claim_with_accounts(80)
    editor_client.get(claim_url(some))
    some_queries, some_page = queries_for(editor_client, claim_url(some))
    more_queries, more_page = queries_for(editor_client, claim_url(more))
    assert some_queries == more_queries
    body = more_page.content.decode()
    assert body.count('class="tracker-edit-account"') == 50
    assert "accounts 1–50 of 80" in body
    assert "accounts 1–50 of 55" in some_page.content.decode()

    second = editor_client.get(claim_url(more), {"accounts_page": 2}).content.decode()
    assert second.count('class="tracker-edit-account"') == 30
    assert "accounts 51–80 of 80" in second
    last = more.accounts.order_by("pk").last()
    assert f'id="account-{last.pk}"' in second and f'id="account-{last.pk}"' not in body


def test_open_flags_are_paged(editor_client):
    claim = make_claim()
    for n in range(53):
        make_flag(claim=claim, note=f"Flag note {n}")
    body = editor_client.get(claim_url(claim)).content.decode()
    assert "open flags 1–50 of 53" in body
    assert "Flag note 49" in body and "Flag note 50" not in body
    body = editor_client.get(claim_url(claim), {"flags_page": 2}).content.decode()
    assert "open flags 51–53 of 53" in body
    assert "Flag note 50" in body and "Flag note 49<" not in body


@pytest.mark.parametrize("value", ["abc", "-1", "99999", "0"])
def test_bad_page_numbers_on_a_claim_page_show_the_nearest_page(editor_client, value):
    claim = claim_with_accounts(3)
    for param in ("accounts_page", "flags_page", "findings_page", "history_page"):
        response = editor_client.get(claim_url(claim), {param: value})
        assert response.status_code == 200
        assert "; this is " in response.content.decode()


def test_an_event_page_lists_its_claims_a_page_at_a_time(editor_client):
    event = make_event(name="A long siege")
    for n in range(55):
        make_claim(text=f"Siege claim {n:02}", event=event)
    url = reverse("admin:tracker_event_change", args=[event.pk])
    editor_client.get(url)
    queries, response = queries_for(editor_client, url)
    body = response.content.decode()
    assert "claims 1–50 of 55" in body
    assert body.count("Siege claim ") == 50
    make_claim(text="Siege claim 55", event=event)
    assert queries_for(editor_client, url)[0] == queries

    body = editor_client.get(url, {"claims_page": "2"}).content.decode()
    assert "claims 51–56 of 56" in body and body.count("Siege claim ") == 6
    body = editor_client.get(url, {"claims_page": "x"}).content.decode()
    assert "There is no page “x”; this is page 1." in body


def test_a_source_page_shows_its_aliases_a_page_at_a_time(editor_client):
    source = services.source_create(
        actor=None,
        name="Ministry of Information",
        kind=SourceKind.GOVERNMENT,
        aliases=[f"Information ministry spelling {n:02}" for n in range(55)],
    )
    url = reverse("admin:tracker_source_change", args=[source.pk])
    body = editor_client.get(url).content.decode()
    assert "source aliases 1–50 of 55" in body
    assert 'name="aliases-INITIAL_FORMS" value="50"' in body
    body = editor_client.get(url, {"aliases_page": 2}).content.decode()
    assert 'name="aliases-INITIAL_FORMS" value="5"' in body


def many_aliases(count: int) -> Source:
    return services.source_create(
        actor=None,
        name="Ministry of Information",
        kind=SourceKind.GOVERNMENT,
        aliases=[f"Information ministry spelling {n:02}" for n in range(count)],
    )


def alias_rows(aliases) -> list[dict]:
    return [{"id": alias.pk, "source": alias.source_id, "name": alias.name} for alias in aliases]


def test_saving_the_second_page_changes_its_aliases_only(editor_client):
    source = many_aliases(55)
    aliases = list(SourceAlias.objects.filter(source=source).order_by("pk"))
    rows = alias_rows(aliases[50:])
    rows[0]["DELETE"] = "on"
    url = reverse("admin:tracker_source_change", args=[source.pk])
    response = editor_client.post(f"{url}?aliases_page=2", source_data(source, aliases=rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    left = set(SourceAlias.objects.filter(source=source).values_list("pk", flat=True))
    assert left == {alias.pk for alias in aliases} - {aliases[50].pk}


def test_a_row_that_moved_to_another_page_is_still_saved(editor_client):
    source = many_aliases(52)
    aliases = list(SourceAlias.objects.filter(source=source).order_by("pk"))
    # Shown on page 2, then someone removes an alias of page 1: the first row
    # of page 2 moves to page 1 before the save arrives.
    rows = alias_rows(aliases[50:])
    services.source_alias_remove(actor=None, alias=aliases[0])
    rows[0]["DELETE"] = "on"
    url = reverse("admin:tracker_source_change", args=[source.pk])
    response = editor_client.post(f"{url}?aliases_page=2", source_data(source, aliases=rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not SourceAlias.objects.filter(pk=aliases[50].pk).exists()
    assert SourceAlias.objects.filter(source=source).count() == 50
