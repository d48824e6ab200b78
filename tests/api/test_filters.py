"""Every filter of the lists, search, ordering and cursor pagination."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.api.conftest import etag_of
from tests.factories import make_account, make_claim, make_event, make_flag
from tracker import services
from tracker.models import Claim, Finding
from tracker.vocabularies import Aspect, Stance, VerificationStatus


def ids(client, url: str) -> set[int]:
    response = client.get(url)
    assert response.status_code == 200, response.data
    return {row["id"] for row in response.data["results"]}


@pytest.fixture
def verdict(newsroom):
    services.claim_set_status(
        actor=None, claim=newsroom.article_toll, status=VerificationStatus.CONFIRMED, rationale=""
    )


def test_status(editor_api, newsroom, verdict):
    n = newsroom
    assert ids(editor_api, "/api/claims/?status=confirmed") == {n.article_toll.pk}
    assert ids(editor_api, "/api/claims/?status=unverified") == {n.toll.pk, n.perpetrator.pk}
    assert ids(editor_api, "/api/claims/?status=confirmed&status=unverified") == {
        n.toll.pk, n.perpetrator.pk, n.article_toll.pk,
    }  # fmt: skip


def test_event(editor_api, newsroom):
    other = make_claim(event=make_event())
    make_claim()
    assert ids(editor_api, f"/api/claims/?event={newsroom.event.pk}") == {
        newsroom.toll.pk, newsroom.article_toll.pk, newsroom.perpetrator.pk,
    }  # fmt: skip
    assert ids(editor_api, f"/api/claims/?event={other.event_id}") == {other.pk}


def test_aspect(editor_api, newsroom):
    assert ids(editor_api, "/api/claims/?aspect=perpetrator") == {newsroom.perpetrator.pk}
    assert ids(editor_api, "/api/claims/?aspect=killed&aspect=perpetrator") == {
        newsroom.toll.pk, newsroom.article_toll.pk, newsroom.perpetrator.pk,
    }  # fmt: skip


def test_source(editor_api, newsroom):
    # Reuters gave one account of the toll; SANA too. A claim appears once either way.
    assert ids(editor_api, f"/api/claims/?source={newsroom.reuters.pk}") == {newsroom.toll.pk}
    assert ids(editor_api, f"/api/claims/?source={newsroom.coalition.pk}") == {
        newsroom.perpetrator.pk
    }
    make_account(claim=newsroom.toll, source=newsroom.coalition, stance=Stance.DENIES)
    response = editor_api.get(f"/api/claims/?source={newsroom.coalition.pk}")
    assert sorted(r["id"] for r in response.data["results"]) == sorted(
        [newsroom.toll.pk, newsroom.perpetrator.pk]
    )


def test_has_open_flags(editor_api, newsroom, editor):
    n = newsroom
    assert ids(editor_api, "/api/claims/?has_open_flags=true") == {n.toll.pk}
    assert ids(editor_api, "/api/claims/?has_open_flags=false") == {
        n.article_toll.pk, n.perpetrator.pk,
    }  # fmt: skip
    services.flag_resolve(actor=editor, flag=n.flag)
    assert ids(editor_api, "/api/claims/?has_open_flags=true") == set()


def test_has_open_conflict(editor_api, newsroom, editor):
    n = newsroom
    assert ids(editor_api, "/api/claims/?has_open_conflict=true") == {n.perpetrator.pk}
    assert ids(editor_api, "/api/claims/?has_open_conflict=false") == {
        n.toll.pk, n.article_toll.pk,
    }  # fmt: skip
    services.finding_acknowledge(actor=editor, finding=n.open_conflict(), note="Seen.")
    assert ids(editor_api, "/api/claims/?has_open_conflict=true") == set()


def test_updated_since(editor_api, newsroom, conditional):
    later = timezone.now() + dt.timedelta(seconds=1)
    Claim.objects.filter(pk=newsroom.toll.pk).update(updated_at=later + dt.timedelta(hours=1))
    stamp = later.isoformat().replace("+00:00", "Z")
    response = editor_api.get("/api/claims/", {"updated_since": stamp})
    assert {row["id"] for row in response.data["results"]} == {newsroom.toll.pk}


def test_archived(editor_api, newsroom, conditional):
    url = f"/api/claims/{newsroom.perpetrator.pk}/"
    assert conditional("delete", url).status_code == 200
    live = {newsroom.toll.pk, newsroom.article_toll.pk}
    assert ids(editor_api, "/api/claims/") == live
    assert ids(editor_api, "/api/claims/?archived=no") == live
    assert ids(editor_api, "/api/claims/?archived=yes") == {newsroom.perpetrator.pk}
    assert ids(editor_api, "/api/claims/?archived=all") == live | {newsroom.perpetrator.pk}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("coalition", "perpetrator"),  # claim text
        ("massacre", "perpetrator"),  # a quote
        ("Reuters", "toll"),  # a source's name
        ("Syrian Arab News", "toll"),  # an alias
        ("civilians killed", "toll article_toll"),  # every word, anywhere
    ],
)
def test_search(editor_api, newsroom, term, expected):
    wanted = {getattr(newsroom, name).pk for name in expected.split()}
    assert ids(editor_api, f"/api/claims/?search={term}") == wanted


def test_ordering_and_cursor_pages(editor_api, newsroom):
    for number in range(5):
        make_claim(text=f"Extra claim {number}", aspect=Aspect.OTHER)
    all_ids = sorted(Claim.objects.values_list("pk", flat=True))
    seen, url = [], "/api/claims/?ordering=id&page_size=3"
    while url:
        page = editor_api.get(url).data
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert seen == all_ids
    newest_first = [r["id"] for r in editor_api.get("/api/claims/?ordering=-id").data["results"]]
    assert newest_first == sorted(all_ids, reverse=True)
    # The default is the most recently changed first.
    default = editor_api.get("/api/claims/").data["results"]
    stamps = [row["updated_at"] for row in default]
    assert stamps == sorted(stamps, reverse=True)


def test_page_size_is_capped(editor_api, newsroom):
    response = editor_api.get("/api/claims/?page_size=100000")
    assert response.status_code == 200


def test_source_filters(editor_api, newsroom):
    n = newsroom
    assert ids(editor_api, "/api/sources/?search=arab news") == {n.sana.pk}
    assert ids(editor_api, f"/api/sources/?root={n.government.pk}") == {
        n.government.pk, n.sana.pk, n.ministry.pk,
    }  # fmt: skip
    assert ids(editor_api, f"/api/sources/?parent={n.government.pk}") == {n.sana.pk, n.ministry.pk}
    assert ids(editor_api, "/api/sources/?kind=armed_party") == {n.coalition.pk}
    assert ids(editor_api, "/api/sources/?reliability=A") == set()


def test_document_filters(editor_api, newsroom):
    assert ids(editor_api, "/api/documents/?search=deir") == {newsroom.document.pk}
    assert ids(editor_api, "/api/documents/?title_mismatch=true") == set()
    assert ids(editor_api, "/api/documents/?title_mismatch=false") == {newsroom.document.pk}


def test_event_filters(editor_api, newsroom):
    assert ids(editor_api, f"/api/events/?party={newsroom.coalition.pk}") == {newsroom.event.pk}
    assert ids(editor_api, f"/api/events/?party={newsroom.reuters.pk}") == set()
    assert ids(editor_api, "/api/events/?search=deir strike") == {newsroom.event.pk}


def test_account_filters(editor_api, newsroom):
    n = newsroom
    assert ids(editor_api, f"/api/accounts/?claim={n.perpetrator.pk}&stance=hedges") == {
        n.coalition_account.pk
    }
    assert ids(editor_api, f"/api/accounts/?source={n.sana.pk}") == {n.sana_account.pk}
    assert len(ids(editor_api, f"/api/accounts/?event={n.event.pk}")) == 5
    assert len(ids(editor_api, f"/api/accounts/?document={n.document.pk}")) == 5


def test_flag_filters(editor_api, newsroom, editor):
    # The newsroom's flag is on the toll, for a single source.
    other = make_flag(claim=newsroom.perpetrator, reason="no_independent_access")
    services.flag_resolve(actor=editor, flag=other)
    assert ids(editor_api, "/api/flags/?is_open=true") == {newsroom.flag.pk}
    assert ids(editor_api, "/api/flags/?is_open=false") == {other.pk}
    assert ids(editor_api, f"/api/flags/?claim={newsroom.perpetrator.pk}") == {other.pk}
    assert ids(editor_api, "/api/flags/?reason=no_independent_access") == {other.pk}
    assert ids(editor_api, "/api/flags/?reason=single_source") == {newsroom.flag.pk}


def test_conflict_filters(editor_api, newsroom):
    open_ids = set(Finding.objects.filter(is_open=True).values_list("pk", flat=True))
    assert open_ids
    assert ids(editor_api, "/api/conflicts/?is_open=true") == open_ids
    assert ids(editor_api, "/api/conflicts/?severity=tension") == set(
        Finding.objects.filter(severity="tension").values_list("pk", flat=True)
    )
    about_toll = ids(editor_api, f"/api/conflicts/?claim={newsroom.toll.pk}")
    assert about_toll == set(
        Finding.objects.filter(claims=newsroom.toll).values_list("pk", flat=True)
    )
    assert ids(editor_api, "/api/conflicts/?kind=unconfirmed_by")


def test_status_change_filters(editor_api, newsroom, verdict, editor):
    url = f"/api/claims/{newsroom.toll.pk}/"
    response = editor_api.post(
        f"{url}status/", {"status": "in_review"}, format="json",
        HTTP_IF_MATCH=etag_of(editor_api, url),
    )  # fmt: skip
    assert ids(editor_api, "/api/status-changes/?to_status=confirmed") != set()
    assert ids(editor_api, "/api/status-changes/?to_status=false") == set()
    assert ids(editor_api, f"/api/status-changes/?claim={newsroom.toll.pk}") == {
        response.data["id"]
    }
    assert ids(editor_api, f"/api/status-changes/?changed_by={editor.pk}") == {response.data["id"]}


def test_conflicts_filter_on_several_kinds_and_refuse_an_unknown_one(editor_api, newsroom):
    both = ids(editor_api, "/api/conflicts/?kind=unconfirmed_by&kind=counted_once")
    assert both == set(
        Finding.objects.filter(kind__in=["unconfirmed_by", "counted_once"]).values_list(
            "pk", flat=True
        )
    )
    response = editor_api.get("/api/conflicts/?kind=count_conflit")
    assert response.status_code == 400
    assert "kind" in response.data
