"""Every list costs the same number of queries at any page size and any database size.

tests/api/test_queries.py pins each API list's count for one row against
thirty, on hand-made rows. Here the rows are a realistic archive (the demo
generator's: events of up to 50 accounts, relays, flags, verdicts,
acknowledged findings), every API list is read at three page sizes, every
admin changelist too, and both at two sizes of archive. The counts are
compared with each other rather than pinned, so this test follows the lists
as they change and fails only when a count starts to depend on the data.
"""

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_editor
from tests.roles import restore_roles
from tracker.api.urls import router
from tracker.demo.generate import generate

# The mark makes pytest-django create the test database: the module-scoped
# fixture below asks for no ``db`` of its own.
pytestmark = pytest.mark.django_db

PAGE_SIZES = (5, 50, 200)
# Filters that take a list through a selector or a join of its own.
CLAIM_FILTERS = (
    "status=disputed&status=corroborated",
    "aspect=killed",
    "has_open_conflict=true",
    "has_open_flags=false",
    "search=killed",
    "ordering=-independent_sources",
    "archived=all",
)


def api_lists() -> list[str]:
    urls = [reverse(f"api:{basename}-list") for _, _, basename in router.registry]
    urls.append(reverse("api:claimreview-feed"))
    claims = reverse("api:claim-list")
    return urls + [f"{claims}?{query}" for query in CLAIM_FILTERS]


def admin_lists() -> list[str]:
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
        if model._meta.app_label == "tracker"
    ]


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def measure(client: Client) -> dict[str, int]:
    counts = {}
    for url in api_lists():
        joiner = "&" if "?" in url else "?"
        for size in PAGE_SIZES:
            paged = f"{url}{joiner}page_size={size}"
            counts[paged] = queries(client, paged)
    for url in admin_lists():
        counts[url] = queries(client, url)
    return counts


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker) -> dict[int, dict[str, int]]:
    """Query counts of every list, on archives of 30 and of 300 claims (rolled back after)."""
    by_size = {}
    with django_db_blocker.unblock():
        for claims in (30, 300):
            with transaction.atomic():
                restore_roles()  # a transactional test before may have flushed them
                client = Client()
                client.force_login(make_editor(username=f"counting-editor-{claims}"))
                generate(claims=claims, seed=11)
                measure(client)  # warm the permission and content-type caches
                by_size[claims] = measure(client)
                transaction.set_rollback(True)
    return by_size


@pytest.mark.parametrize("url", api_lists())
def test_an_api_list_costs_the_same_at_every_size(counts, url):
    joiner = "&" if "?" in url else "?"
    seen = {
        (claims, size): counts[claims][f"{url}{joiner}page_size={size}"]
        for claims in counts
        for size in PAGE_SIZES
    }
    assert len(set(seen.values())) == 1, seen


@pytest.mark.parametrize("url", admin_lists())
def test_an_admin_list_costs_the_same_at_every_size(counts, url):
    assert counts[30][url] == counts[300][url]
