"""Reads of sources: the list with its counts, and a search by any of their names."""

import pytest

from tests.factories import make_account, make_source
from tracker.models import Source
from tracker.selectors.sources import source_list_queryset, source_search


@pytest.mark.parametrize("sources", [1, 3])
def test_the_list_is_two_queries(db, django_assert_num_queries, sources):
    for n in range(sources):
        government = make_source(name=f"Government {n}", kind="government")
        agency = make_source(name=f"Agency {n}", parent=government, aliases=[f"Wire {n}"])
        make_account(source=agency)
        make_account(source=agency)
    # The sources with parent, root and count, then their aliases.
    with django_assert_num_queries(2):
        rows = {row.name: row for row in source_list_queryset()}
        assert rows["Agency 0"].root.name == "Government 0"
        assert [alias.name for alias in rows["Agency 0"].aliases.all()] == ["Wire 0"]
    assert (rows["Agency 0"].account_count, rows["Government 0"].account_count) == (2, 0)


def test_search_by_name_or_alias_in_any_case(db):
    nandu = make_source(name="ÑANDÚ Agency", aliases=["Southern Wire"])
    make_source(name="Northern Wire")
    everyone = Source.objects.all()
    assert list(source_search(everyone, "ñandú")) == [nandu]
    assert list(source_search(everyone, "southern wire")) == [nandu]
    assert source_search(everyone, "wire").count() == 2
    assert not source_search(everyone, "ñandú northern").exists()
