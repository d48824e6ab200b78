"""Every admin page renders for both roles, at a bounded number of queries.

The bounds are the measured counts (session, user, two permission reads, the
page's own reads) with a little room; a page that starts reading per row or per
widget breaks them.
"""

import pytest
from django.urls import reverse

from tests.admin.conftest import logged_in
from tracker.models import Finding

# (url name, the newsroom attribute giving its argument or None, max queries)
PAGES = [
    # Six, and the inbox's counts: one capped count per reason (seven).
    ("admin:index", None, 13),
    ("admin:tracker_inbox", None, 20),
    ("admin:tracker_my_desk", None, 8),
    ("admin:tracker_claim_changelist", None, 10),
    ("admin:tracker_claim_add", None, 6),
    # One more than before the conflicts panel, which reads the claim's findings.
    ("admin:tracker_claim_change", "toll", 17),
    ("admin:tracker_claim_history", "toll", 9),
    ("admin:tracker_claim_flag", "toll", 6),
    ("admin:tracker_reviewqueueclaim_changelist", None, 10),
    ("admin:tracker_document_changelist", None, 9),
    ("admin:tracker_document_add", None, 6),
    # The review panel reads the document's extraction (and, once there is one,
    # its suggestions in two more queries). The page of text reads the accounts
    # and the suggestions quoted on it, the list of accounts a page of its own,
    # the captures one more (and the versions of its URL two, when it has one).
    ("admin:tracker_document_change", "document", 14),  # candidates, captures, versions
    ("admin:tracker_suggestion_changelist", None, 9),
    ("admin:tracker_namedentity_changelist", None, 9),
    ("admin:tracker_namedentity_add", None, 6),
    ("admin:tracker_source_changelist", None, 9),
    ("admin:tracker_source_add", None, 6),
    # The track record: two queries for the source's own; a root with members
    # asks whether it has any, then two more for the whole affiliation.
    ("admin:tracker_source_change", "sana", 11),
    ("admin:tracker_source_change", "government", 14),
    ("admin:tracker_event_changelist", None, 9),
    ("admin:tracker_event_add", None, 6),
    ("admin:tracker_event_change", "event", 10),  # the answer: summary and recorded grade
    ("admin:tracker_event_compare", "event", 15),
    ("admin:tracker_account_changelist", None, 8),
    ("admin:tracker_account_add", None, 6),
    ("admin:tracker_account_change", "sana_account", 8),
    ("admin:tracker_flag_changelist", None, 8),
    ("admin:tracker_flag_add", None, 6),
    ("admin:tracker_flag_change", "flag", 6),
    ("admin:tracker_statuschange_changelist", None, 10),
    ("admin:tracker_finding_changelist", None, 10),
    ("admin:tracker_finding_change", "finding", 8),
]
EDITOR_ONLY = [
    # The verdict page reads the evidence too: accounts, parties, findings, flags.
    ("admin:tracker_claim_set_status", "toll", 10),
    ("admin:tracker_flag_resolve", "flag", 6),
]


def url_for(newsroom, name: str, attribute: str | None) -> str:
    if attribute == "finding":
        # The newsroom's findings are made by the conflict refresh, not by the fixture.
        return reverse(name, args=[Finding.objects.order_by("pk").first().pk])
    args = [getattr(newsroom, attribute).pk] if attribute else []
    return reverse(name, args=args)


@pytest.mark.parametrize("role", ["editor", "reporter"])
@pytest.mark.parametrize(("name", "attribute", "budget"), PAGES)
def test_renders_for_both_roles(
    request, newsroom, django_assert_max_num_queries, role, name, attribute, budget
):
    client = logged_in(request.getfixturevalue(role))
    url = url_for(newsroom, name, attribute)
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    if name not in ("admin:index", "admin:tracker_claim_history"):  # not our templates
        assert "tracker/admin.css" in response.content.decode()


@pytest.mark.parametrize(("name", "attribute", "budget"), EDITOR_ONLY)
def test_editor_pages(
    editor, reporter, newsroom, django_assert_max_num_queries, name, attribute, budget
):
    url = url_for(newsroom, name, attribute)
    client = logged_in(editor)
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
    assert logged_in(reporter).get(url).status_code == 403
