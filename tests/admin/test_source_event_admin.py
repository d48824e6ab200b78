"""Sources with their aliases, events with their parties and claims."""

from django.urls import reverse

from tests.admin.conftest import logged_in
from tracker.models import Event, Source, SourceAlias


def source_data(source: Source | None = None, *, aliases=(), new_aliases=(), **fields) -> dict:
    data = {
        "name": source.name if source else "",
        "kind": source.kind if source else "outlet",
        "parent": (source.parent_id or "") if source else "",
        "reliability": source.reliability if source else "F",
        "description": source.description if source else "",
    }
    data.update(fields)
    rows = [*aliases, *({"name": name} for name in new_aliases)]
    data.update(
        {
            "aliases-TOTAL_FORMS": len(rows),
            "aliases-INITIAL_FORMS": len(aliases),
            "aliases-MIN_NUM_FORMS": 0,
            "aliases-MAX_NUM_FORMS": 1000,
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"aliases-{index}-{key}"] = value
    return data


class TestSources:
    def test_list(self, reporter_client, newsroom):
        response = reporter_client.get(reverse("admin:tracker_source_changelist"))
        row = next(s for s in response.context["cl"].result_list if s.pk == newsroom.sana.pk)
        assert row.root == newsroom.government
        body = response.content.decode()
        assert "Syrian Arab News Agency" in body

    def test_add_with_alias_through_services(self, reporter_client, reporter, newsroom):
        data = source_data(
            name="Syrian Observatory",
            kind="ngo",
            reliability="C",
            new_aliases=["SOHR"],
        )
        response = reporter_client.post(reverse("admin:tracker_source_add"), data)
        assert response.status_code == 302
        source = Source.objects.get(name="Syrian Observatory")
        assert source.root == source
        assert source.created_by == reporter
        assert list(source.aliases.values_list("name", flat=True)) == ["SOHR"]

    def test_alias_taken_is_an_error_and_nothing_is_written(self, reporter_client, newsroom):
        data = source_data(name="Another agency", kind="news_agency", new_aliases=["sana"])
        response = reporter_client.post(reverse("admin:tracker_source_add"), data)
        assert response.status_code == 200
        inline = response.context["inline_admin_formsets"][0].formset
        assert inline.forms[0].errors["name"] == [
            f"A source named 'SANA' already exists (id {newsroom.sana.pk})."
        ]
        assert not Source.objects.filter(name="Another agency").exists()

    def test_parent_change_reroots(self, editor_client, newsroom):
        alias = newsroom.sana.aliases.get()
        url = reverse("admin:tracker_source_change", args=[newsroom.sana.pk])
        data = source_data(
            newsroom.sana,
            parent="",
            aliases=[{"id": alias.pk, "source": newsroom.sana.pk, "name": alias.name}],
        )
        assert editor_client.post(url, data).status_code == 302
        newsroom.sana.refresh_from_db()
        assert newsroom.sana.root == newsroom.sana

    def test_editor_removes_an_alias_reporter_cannot(self, editor, reporter, newsroom):
        alias = newsroom.sana.aliases.get()
        url = reverse("admin:tracker_source_change", args=[newsroom.sana.pk])
        row = {"id": alias.pk, "source": newsroom.sana.pk, "name": alias.name, "DELETE": "on"}
        logged_in(reporter).post(url, source_data(newsroom.sana, aliases=[row]))
        assert SourceAlias.objects.filter(pk=alias.pk).exists()
        response = logged_in(editor).post(url, source_data(newsroom.sana, aliases=[row]))
        assert response.status_code == 302
        assert not SourceAlias.objects.filter(pk=alias.pk).exists()

    def test_autocomplete_finds_a_source_by_alias(self, reporter_client, newsroom):
        response = reporter_client.get(
            reverse("admin:autocomplete"),
            {
                "term": "Arab News",
                "app_label": "tracker",
                "model_name": "account",
                "field_name": "source",
            },
        )
        assert response.status_code == 200
        assert [r["text"] for r in response.json()["results"]] == ["SANA"]


class TestEvents:
    def test_add_with_parties(self, reporter_client, newsroom):
        data = {
            "name": "Shelling of Hajin",
            "place": "Hajin",
            "date_start": "2017-05-01",
            "date_end": "2017-05-03",
            "date_text": "early May",
            "description": "",
            "parties": [newsroom.coalition.pk],
        }
        response = reporter_client.post(reverse("admin:tracker_event_add"), data)
        assert response.status_code == 302
        assert list(Event.objects.get(name="Shelling of Hajin").parties.all()) == [
            newsroom.coalition
        ]

    def test_range_backwards_is_a_field_error(self, reporter_client, newsroom):
        data = {"name": "Backwards", "date_start": "2017-05-03", "date_end": "2017-05-01"}
        response = reporter_client.post(reverse("admin:tracker_event_add"), data)
        assert response.context["adminform"].form.errors["date_end"] == [
            "The range ends before it starts."
        ]

    def test_page_lists_claims_read_only(self, reporter_client, newsroom):
        url = reverse("admin:tracker_event_change", args=[newsroom.event.pk])
        response = reporter_client.get(url)
        body = response.content.decode()
        assert reverse("admin:tracker_claim_change", args=[newsroom.toll.pk]) in body
        assert "claim_list" not in response.context["adminform"].form.fields

    def test_edit_parties(self, editor_client, newsroom):
        url = reverse("admin:tracker_event_change", args=[newsroom.event.pk])
        data = {"name": newsroom.event.name, "parties": [newsroom.government.pk]}
        assert editor_client.post(url, data).status_code == 302
        assert list(newsroom.event.parties.all()) == [newsroom.government]
