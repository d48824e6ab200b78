"""The claims list's fast serializer gives exactly what DRF's generic path gives."""

import pytest
from rest_framework import serializers

from tests.factories import make_claim, make_flag
from tracker import services
from tracker.api.serializers.claims import ClaimSerializer
from tracker.selectors.claims import claim_list_page_queryset
from tracker.vocabularies import Aspect


def generic(claim) -> dict:
    return serializers.ModelSerializer.to_representation(ClaimSerializer(), claim)


@pytest.mark.parametrize("time_zone", ["UTC", "Asia/Damascus"])
def test_every_kind_of_row_reads_as_drf_would_give_it(
    settings, time_zone, newsroom, editor, reporter, django_assert_num_queries
):
    settings.TIME_ZONE = time_zone
    loose = make_claim(text="Roughly 2,000 fled", aspect=Aspect.OTHER, count_min=2000,
                       count_max=2000, count_approximate=True, unit="people")  # fmt: skip
    make_flag(claim=loose, raised_by=reporter)
    archived = make_claim(text="Retracted")
    services.claim_archive(actor=editor, claim=archived)
    rows = list(claim_list_page_queryset().order_by("pk"))
    assert {row.event_id is None for row in rows} == {True, False}
    assert {bool(row.has_open_conflict) for row in rows} == {True, False}
    assert any(row.is_archived for row in rows) and any(row.open_flag_count for row in rows)
    with django_assert_num_queries(0):  # every column it reads was fetched with the page
        served = [ClaimSerializer(row).data for row in rows]
    for row, fast in zip(rows, served, strict=True):
        assert fast == generic(row)
        assert list(fast) == ClaimSerializer.Meta.fields
    if time_zone != "UTC":
        assert not ClaimSerializer(rows[0]).data["created_at"].endswith("Z")
