"""The event comparison page: every account side by side, conflicts on top, figures charted."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.admin.conftest import logged_in, queries_for
from tests.factories import make_account, make_claim, make_event, make_source
from tracker.models import Claim, Event
from tracker.vocabularies import Aspect, SourceKind, Stance


def compare_url(event) -> str:
    return reverse("admin:tracker_event_compare", args=[event.pk])


def rows_by_source(response) -> dict[str, list]:
    rows: dict[str, list] = {}
    for group in response.context["groups"]:
        for block in group.claims:
            for row in block.rows:
                rows.setdefault(row.account.source.name, []).append(row)
    return rows


def notes_of(response, kind: str) -> list[str]:
    return [
        note.explanation
        for group in response.context["notes"]
        if group.kind == kind
        for note in group.notes
    ]


@pytest.fixture
def seed(db) -> Event:
    call_command("load_seeds", verbosity=0)
    return Event.objects.get()


class TestTheSeed:
    """What issue 3 expects of the seed, shown without anyone typing it in."""

    @pytest.mark.parametrize("role", ["editor", "reporter"])
    def test_shows_agreement_independence_tension_and_who_did_not_confirm(
        self, request, seed, role
    ):
        response = logged_in(request.getfixturevalue(role)).get(compare_url(seed))
        assert response.status_code == 200
        body = response.content.decode()

        # The two tolls agree: one chart, consensus [35, open), and no count conflict.
        (chart,) = [block.chart for block in response.context["charts"]]
        assert chart.consensus_text == "at least 35 people"
        assert chart.spread_text == "more than 30 people"
        assert [bar.value for bar in chart.bars] == [
            "more than 30 people · interested",
            "at least 35 people",
        ]
        assert "Consensus: <strong>at least 35 people</strong>" in body
        # The summary: a line per aspect and a suggested grade, the API's own words.
        summary = response.context["summary"]
        assert summary.lines[0].text == (
            "Killed: reported more than 30 people. Both sources agree on at least 35 people."
        )
        assert f"<li>{summary.lines[0].text}</li>" in body
        assert "Suggested grade (Airwars): <strong>" in body
        assert "count_conflict" not in {c.finding.kind for c in response.context["open_conflicts"]}

        # SANA and the foreign ministry: one source, the Syrian government, interested.
        rows = rows_by_source(response)
        for name in ("SANA", "Syrian foreign ministry"):
            assert {row.root_name for row in rows[name]} == {"Syrian government"}
            assert all("interested" in row.interested for row in rows[name])
        assert "tracker-interested" not in "".join(row.interested for row in rows["Reuters"])
        # SANA gives the toll, the ministry the massacre and who did it: no aspect
        # has both, so neither is swept into a "counted once" with the other.
        assert not [
            note
            for note in notes_of(response, "counted_once")
            if "SANA" in note and "Syrian foreign ministry" in note
        ]

        # The coalition's hedge against the ministry's assertion: an open tension, on top.
        (conflict,) = response.context["open_conflicts"]
        assert (conflict.finding.kind, conflict.finding.severity) == ("stance_tension", "tension")
        assert conflict.finding.is_open
        # The answer first, then the figures, then what is open; the notes folded last.
        conflicts_at = body.index('id="conflicts"')
        assert body.index('id="summary"') < body.index('id="figures"') < conflicts_at
        assert body.index('<details class="tracker-fold">', conflicts_at) > body.index('id="notes"')
        assert body.index("only hedges", conflicts_at) < body.index('id="notes"')

        # Reuters and the coalition spokesperson did not confirm.
        unconfirmed = " ".join(notes_of(response, "unconfirmed_by"))
        assert "Reuters could not independently verify" in unconfirmed
        assert "Col. Sean Ryan (via Rudaw English) is still looking into" in unconfirmed

        # Relayed via Rudaw; quotes link to their place in the document.
        ryan = rows["Col. Sean Ryan"][0]
        assert ryan.account.intermediary.name == "Rudaw English"
        assert ryan.quote_url.endswith(f"#quote-{ryan.account.pk}")
        assert ryan.quote_url in body
        assert reverse("admin:tracker_source_change", args=[ryan.account.source_id]) in body

    def test_the_acknowledge_button_is_for_editors_only(self, editor, reporter, seed):
        editor_body = logged_in(editor).get(compare_url(seed)).content.decode()
        reporter_body = logged_in(reporter).get(compare_url(seed)).content.decode()
        assert "tracker-acknowledge-form" in editor_body
        assert "tracker-acknowledge-form" not in reporter_body
        assert "/acknowledge/" not in reporter_body


def populated_event(accounts: int) -> Event:
    """An event with a party, two tolls, a perpetrator claim and ``accounts`` accounts.

    Every source hangs one level under a root, so the comparison's reads of
    the affiliation tree are the same however many accounts there are.
    """
    army = make_source(name=f"Army {accounts}", kind=SourceKind.ARMED_PARTY)
    event = make_event(name=f"Shelling {accounts}", parties=[army])
    high = make_claim(text=f"At least 20 killed ({accounts})", aspect=Aspect.KILLED, event=event,
                      count_min=20, unit="people")  # fmt: skip
    low = make_claim(text=f"3 killed ({accounts})", aspect=Aspect.KILLED, event=event,
                     count_min=3, count_max=3, unit="people")  # fmt: skip
    blame = make_claim(text=f"The army shelled it ({accounts})", aspect=Aspect.PERPETRATOR,
                       event=event, named_parties=[army])  # fmt: skip
    claims = [high, low, blame]
    stances = [Stance.ASSERTS, Stance.HEDGES, Stance.CANNOT_VERIFY, Stance.DENIES]
    for n in range(accounts):
        outlet = make_source(name=f"Outlet {accounts}-{n}")
        spokesperson = make_source(name=f"Reporter {accounts}-{n}", parent=outlet)
        make_account(
            claim=claims[n % 3],
            source=spokesperson,
            stance=stances[n % 4],
            intermediary=make_source(name=f"Relay {accounts}-{n}") if n % 5 == 0 else None,
        )
    return event


@pytest.mark.parametrize("role", ["editor", "reporter"])
def test_query_count_does_not_grow_with_accounts(request, role, db):
    client = logged_in(request.getfixturevalue(role))
    small, large = populated_event(3), populated_event(20)
    client.get(compare_url(small))  # warm the session and the permission cache
    few, response = queries_for(client, compare_url(small))
    assert response.status_code == 200
    assert response.context["account_count"] == 3
    many, response = queries_for(client, compare_url(large))
    assert response.context["account_count"] == 20
    assert response.context["open_conflicts"]  # 3 killed against at least 20: a conflict
    assert few == many
    # Session, user, two permission reads; the event, its parties, claims, named
    # parties, the comparison's accounts, parties and two levels of affiliation,
    # the accounts shown, the findings and their claims.
    assert many <= 15


def test_nonexistent_or_malformed_event_is_404(editor_client, db):
    for object_id in ("999999", "abc", "1;DROP"):
        url = reverse("admin:tracker_event_compare", args=[object_id])
        assert editor_client.get(url).status_code == 404


def test_staff_without_a_role_may_not_look(db, newsroom):
    from tests.factories import UserFactory

    assert logged_in(UserFactory()).get(compare_url(newsroom.event)).status_code == 403


class TestNotComparable:
    """Accounts that cannot be compared are shown as such: never dropped, never a 500."""

    def test_a_toll_with_no_figure_and_one_in_an_unknown_unit(self, editor_client, newsroom):
        no_figure = make_claim(text="Many were killed", aspect=Aspect.KILLED, event=newsroom.event)
        vague = make_account(claim=no_figure, source=newsroom.reuters)
        goats = make_claim(text="40 goats died", aspect=Aspect.KILLED, event=newsroom.event,
                           count_min=40, count_max=40, unit="people")  # fmt: skip
        goat_account = make_account(claim=goats, source=make_source(name="Farmers' union"))
        # A row written before units were checked; the services no longer accept it.
        Claim.objects.filter(pk=goats.pk).update(unit="goats")

        response = editor_client.get(compare_url(newsroom.event))
        assert response.status_code == 200
        rows = {row.account.pk: row for rows in rows_by_source(response).values() for row in rows}
        assert "gives no figure" in rows[vague.pk].not_comparable
        assert rows[vague.pk].value == "no figure"
        assert "'goats' is not one we know" in rows[goat_account.pk].not_comparable
        notes = " ".join(notes_of(response, "not_comparable"))
        assert "gives no figure" in notes and "'goats'" in notes
        # Only the comparable tolls are charted.
        (chart,) = [block.chart for block in response.context["charts"]]
        assert sorted(bar.value for bar in chart.bars) == [
            "at least 31 people · interested",
            "at least 35 people",
        ]
        body = response.content.decode()
        assert body.count('tracker-badge tracker-not-comparable"') >= 2

    def test_a_perpetrator_claim_naming_nobody(self, reporter_client, newsroom):
        # A row from before the services asked for the party: it cannot be compared.
        newsroom.perpetrator.named_parties.clear()
        response = reporter_client.get(compare_url(newsroom.event))
        row = rows_by_source(response)["US-led coalition"][0]
        assert "names no party" in row.not_comparable


def test_source_names_are_escaped_in_the_chart_and_the_table(editor_client, db):
    event = make_event(name="Escaping")
    toll = make_claim(text="At least 3 killed", aspect=Aspect.KILLED, event=event, count_min=3,
                      unit="people")  # fmt: skip
    make_account(claim=toll, source=make_source(name="<script>alert('x')</script>"))
    body = editor_client.get(compare_url(event)).content.decode()
    svg = body[body.index("<svg xmlns") : body.index("</svg>", body.index("<svg xmlns"))]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in svg
    assert "<script>alert" not in body


def test_linked_from_the_event_page_the_event_list_and_the_claim_page(reporter_client, newsroom):
    url = compare_url(newsroom.event)
    event_page = reporter_client.get(
        reverse("admin:tracker_event_change", args=[newsroom.event.pk])
    )
    assert url in event_page.content.decode()
    assert url in reporter_client.get(reverse("admin:tracker_event_changelist")).content.decode()
    claim_page = reporter_client.get(reverse("admin:tracker_claim_change", args=[newsroom.toll.pk]))
    assert url in claim_page.content.decode()
    lone = make_claim(text="A claim about nothing in particular")
    lone_page = reporter_client.get(reverse("admin:tracker_claim_change", args=[lone.pk]))
    assert "/compare/" not in lone_page.content.decode()


def test_retracted_accounts_are_marked_not_dropped(editor_client, newsroom):
    make_account(claim=newsroom.toll, source=newsroom.ministry)
    retraction = make_account(claim=newsroom.toll, source=newsroom.sana, stance=Stance.RETRACTS)
    response = editor_client.get(compare_url(newsroom.event))
    rows = {row.account.pk: row for rows in rows_by_source(response).values() for row in rows}
    assert rows[newsroom.sana_account.pk].retracted
    assert not rows[retraction.pk].retracted
    assert 'tracker-badge tracker-retracted"' in response.content.decode()
    # SANA's figure no longer counts: the Syrian government's bar rests on the ministry alone.
    (block,) = response.context["charts"]
    (bar,) = [bar for bar in block.chart.bars if bar.title.startswith("Syrian government")]
    assert bar.title.startswith("Syrian government (Syrian foreign ministry): at least 31")


def test_the_chart_tells_hedged_and_approximate_figures_apart(reporter_client, db):
    event = make_event(name="Flood")
    rough = make_claim(text="Roughly 2,000 displaced", aspect=Aspect.INJURED, event=event,
                       count_min=2000, count_max=2000, count_approximate=True,
                       unit="people")  # fmt: skip
    make_account(claim=rough, source=make_source(name="Agency"))
    make_account(claim=rough, source=make_source(name="Governor"), stance=Stance.HEDGES)
    response = reporter_client.get(compare_url(event))
    (block,) = response.context["charts"]
    agency, governor = sorted(block.chart.bars, key=lambda bar: bar.label)
    assert agency.approximate and not agency.hedged
    assert governor.hedged
    assert agency.value == "about 2,000 people"
    body = response.content.decode()
    assert "tracker-chart-hedged" in body and "tracker-chart-approximate" in body
