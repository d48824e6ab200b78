"""Reads of suggested accounts: the list without what it never shows, the detail whole."""

import pytest

from tests.factories import make_document, make_event, make_source, make_suggestions
from tracker import services
from tracker.selectors.suggestions import suggestion_detail_queryset, suggestion_list_queryset


@pytest.mark.parametrize("documents", [1, 3])
def test_the_list_is_one_query_without_text_or_raw_output(db, django_assert_num_queries, documents):
    source, event = make_source(), make_event()
    for _ in range(documents):
        make_suggestions(
            document=make_document(), spans=[(0, 6), (7, 12)], source=source, event=event
        )
    with django_assert_num_queries(1):
        rows = list(suggestion_list_queryset())
        assert {(row.source.name, row.event.name, row.document.title) for row in rows} == {
            (source.name, event.name, "Strike report")
        }
    assert len(rows) == 2 * documents
    assert "extracted" in rows[0].get_deferred_fields()
    assert "text" in rows[0].document.get_deferred_fields()


def test_the_detail_is_two_queries(editor, django_assert_num_queries):
    ministry, army = make_source(kind="government"), make_source(kind="armed_party")
    (suggestion,) = make_suggestions(document=make_document(), spans=[(0, 6)], source=ministry)
    services.suggestion_update(actor=editor, suggestion=suggestion, named_parties=[army, ministry])
    services.suggestion_reject(actor=editor, suggestion=suggestion, note="Not a claim")
    with django_assert_num_queries(2):
        detail = suggestion_detail_queryset().get(pk=suggestion.pk)
        assert [p.name for p in detail.named_parties.all()] == sorted([army.name, ministry.name])
        assert (detail.decided_by, detail.document.text[:6]) == (editor, suggestion.quote)
