"""generate_demo_data at small size: counts, determinism, integrity, refusals."""

import itertools
from collections import defaultdict
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Min

from tests.factories import make_claim
from tracker import services
from tracker.demo import marker
from tracker.models import (
    Account,
    Capture,
    Claim,
    Document,
    Event,
    Finding,
    Flag,
    Source,
    SourceAlias,
    StatusChange,
    TrackRecordEntry,
)
from tracker.selectors.track_record import entry_differences
from tracker.vocabularies import VerificationStatus


def snapshot() -> dict[str, list]:
    """Everything generated, with users by name (their ids follow the database's sequence)."""
    users = dict(get_user_model().objects.values_list("pk", "username"))

    def rows(queryset, *fields, who: tuple[str, ...] = ()):
        names = [*fields, *who]
        return [
            tuple(users.get(v) if n in who else v for n, v in zip(names, row, strict=True))
            for row in queryset.order_by("pk").values_list(*names)
        ]

    return {
        "sources": rows(Source.objects, "pk", "name", "kind", "parent", "root", "description"),
        "aliases": rows(SourceAlias.objects, "source", "name"),
        "events": rows(Event.objects, "name", "place", "date_start", "date_end", "date_text"),
        "documents": rows(
            Document.objects, "outlet", "title", "content_hash", "published_at", "url",
            who=("created_by",),
        ),
        "claims": rows(
            Claim.objects, "text", "event", "aspect", "count_min", "count_max",
            "count_approximate", "unit", "status", "suggested_status", "suggestion_basis",
            "suggestion_reasons", "independent_sources", "created_at", "updated_at",
            "archived_at", "oldest_open_flag_at", who=("created_by", "archived_by"),
        ),
        "accounts": rows(
            Account.objects, "claim", "source", "document", "quote", "quote_start", "stance",
            "intermediary", "said_on", "created_at",
        ),
        "captures": rows(
            Capture.objects, "document", "origin", "sha256", "size", "url", "captured_at",
            "tool", "text_sha256",
        ),
        "findings": rows(
            Finding.objects, "event", "kind", "key", "signature", "is_open", "explanation",
            who=("acknowledged_by",),
        ),
        "flags": rows(Flag.objects, "claim", "kind", "reason", "raised_at", who=("raised_by",)),
        "verdicts": rows(
            StatusChange.objects, "claim", "from_status", "to_status", "rationale", "changed_at"
        ),
    }  # fmt: skip


def generated_twice(demo, first: dict, second: dict) -> tuple[dict, dict]:
    """Snapshots of two generations into the same empty database, one after the other."""
    snapshots = []
    for arguments in (first, second):
        with transaction.atomic():
            demo(**arguments)
            snapshots.append(snapshot())
            transaction.set_rollback(True)
    return snapshots[0], snapshots[1]


class TestCounts:
    def test_what_was_asked_for(self, demo):
        result = demo(claims=150)
        assert Claim.objects.count() == result.claims == 150
        assert Account.objects.count() == result.accounts
        assert Event.objects.count() == result.events
        assert Document.objects.count() == result.documents
        assert Finding.objects.count() == result.findings > 0
        # About three accounts a claim, as a million claims with three million accounts.
        assert 2.3 <= result.accounts / result.claims <= 3.7
        assert Flag.objects.exists()
        assert StatusChange.objects.exists()
        assert Claim.objects.filter(event__isnull=True).exists()
        assert SourceAlias.objects.exists()
        assert Source.objects.filter(parent__isnull=False).exists()

    def test_events_have_one_to_fifty_accounts(self, demo):
        demo(claims=400)
        per_event: dict[int, int] = defaultdict(int)
        for event_id in Account.objects.filter(claim__event__isnull=False).values_list(
            "claim__event", flat=True
        ):
            per_event[event_id] += 1
        assert set(per_event) == set(Event.objects.values_list("pk", flat=True))
        assert min(per_event.values()) >= 1
        assert max(per_event.values()) <= 50

    def test_the_command_reports_what_it_made(self, db):
        out = StringIO()
        call_command("generate_demo_data", "--claims", "60", "--no-progress", stdout=out)
        assert out.getvalue().startswith("Generated 60 claims, ")
        assert "claims/s" in out.getvalue()
        assert Claim.objects.count() == 60


class TestDeterminism:
    def test_same_seed_same_data(self, demo):
        first, second = generated_twice(demo, {"claims": 120}, {"claims": 120})
        assert first == second

    def test_the_batch_size_changes_nothing(self, demo):
        first, second = generated_twice(demo, {"claims": 120}, {"claims": 120, "batch": 17})
        assert first == second

    def test_another_seed_other_data(self, demo):
        first, second = generated_twice(demo, {"claims": 120}, {"claims": 120, "seed": 8})
        assert first["claims"] != second["claims"]
        assert first["sources"] != second["sources"]


class TestIntegrity:
    """What the services would have stored, checked against the services themselves."""

    def test_quotes_are_the_documents_words_at_their_offsets(self, demo):
        demo(claims=200)
        texts = dict(Document.objects.values_list("pk", "text"))
        accounts = Account.objects.values_list("document", "quote", "quote_start", "quote_end")
        assert accounts
        for document, quote, start, end in accounts:
            assert texts[document][start:end] == quote != ""

    def test_roots_are_the_tops_of_the_parent_chains(self, demo):
        demo(claims=50)
        parents = dict(Source.objects.values_list("pk", "parent"))
        for pk, root in Source.objects.values_list("pk", "root"):
            node = pk
            while parents[node] is not None:
                node = parents[node]
            assert root == node

    def test_names_and_aliases_are_unique_ignoring_case(self, demo):
        demo(claims=50)
        names = [n.casefold() for n in Source.objects.values_list("name", flat=True)]
        aliases = [n.casefold() for n in SourceAlias.objects.values_list("name", flat=True)]
        assert len(set(names + aliases)) == len(names) + len(aliases)

    def test_findings_and_suggestions_are_what_a_refresh_computes(self, demo):
        demo(claims=150)

        def stored():
            return (
                # Findings of claims with no event have none: sort those first.
                sorted(
                    Finding.objects.values_list("event", "signature", "is_open"),
                    key=lambda row: (row[0] or 0, row[1], row[2]),
                ),
                sorted(
                    Claim.objects.values_list(
                        "pk", "suggested_status", "suggestion_basis", "suggestion_reasons",
                        "independent_sources",
                    )
                ),
            )  # fmt: skip

        before = stored()
        assert Finding.objects.filter(is_open=True).exists()
        assert Finding.objects.filter(acknowledged_at__isnull=False).exists()
        for event in Event.objects.all():
            services.findings_refresh_for_event(event=event)
        for claim in Claim.objects.filter(event__isnull=True):
            services.findings_refresh_for_claim(claim=claim)
        assert stored() == before

    def test_track_record_rows_are_what_a_fresh_count_gives(self, demo):
        demo()
        assert TrackRecordEntry.objects.exists()
        assert entry_differences() == (set(), set())

    def test_claims_keep_their_oldest_open_flag_as_the_services_would(self, demo):
        demo(claims=300)
        oldest = dict(
            Flag.objects.filter(resolved_at__isnull=True)
            .values("claim")
            .annotate(first=Min("raised_at"))
            .values_list("claim", "first")
        )
        assert oldest  # some claims have open flags
        stored = dict(
            Claim.objects.filter(oldest_open_flag_at__isnull=False).values_list(
                "pk", "oldest_open_flag_at"
            )
        )
        assert stored == oldest

    def test_statuses_follow_their_history(self, demo):
        demo(claims=300)
        history = defaultdict(list)
        for change in StatusChange.objects.order_by("changed_at", "pk"):
            history[change.claim_id].append(change)
        for claim in Claim.objects.all():
            changes = history.get(claim.pk, [])
            if not changes:
                assert claim.status == VerificationStatus.UNVERIFIED
                continue
            assert changes[0].from_status == VerificationStatus.UNVERIFIED
            for earlier, later in itertools.pairwise(changes):
                assert later.from_status == earlier.to_status
                assert later.rationale  # every verdict after the first says why
            assert changes[-1].to_status == claim.status
            assert claim.updated_at >= changes[-1].changed_at

    def test_foreign_keys_hold(self, demo):
        demo(claims=100)
        connection.check_constraints()

    @pytest.mark.skipif(
        connection.vendor != "postgresql", reason="search vectors exist on PostgreSQL only"
    )
    def test_every_claim_has_its_complete_search_vector(self, demo):
        demo(claims=100)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM tracker_claim WHERE search_vector IS NULL "
                "OR search_vector <> tracker_claim_search_document(id, text)"
            )
            assert cursor.fetchone() == (0,)

    def test_the_marker_says_what_was_made(self, demo):
        result = demo(claims=80, seed=3)
        dataset = marker.demo_dataset()
        assert (dataset.claims, dataset.accounts, dataset.seed) == (80, result.accounts, 3)
        assert dataset.complete
        assert marker.real_data_problems() == []


class TestRefusals:
    @pytest.mark.parametrize("value", ["0", "-5", "abc", "1.5", "10000001", ""])
    def test_nonsense_sizes(self, db, value):
        with pytest.raises(CommandError) as error:
            call_command("generate_demo_data", "--claims", value, "--no-progress")
        assert "--claims" in str(error.value) or "whole number" in str(error.value)
        assert not Claim.objects.exists()

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"claims": 0}, "--claims must be between 1 and 10,000,000, not 0."),
            # A required option goes through argparse even from call_command.
            ({"claims": True}, "argument --claims: 'True' is not a whole number"),
            ({"claims": 10, "batch": "many"}, "--batch must be a whole number, not 'many'."),
            ({"claims": 10, "batch": 0}, "--batch must be between 1"),
            ({"claims": 10, "seed": -1}, "--seed must be between 0"),
        ],
    )
    def test_nonsense_options(self, db, options, message):
        with pytest.raises(CommandError, match=message.replace(".", r"\.")):
            call_command("generate_demo_data", no_progress=True, **options)

    def test_a_database_with_real_work(self, db):
        make_claim(text="A claim a reporter entered")
        with pytest.raises(CommandError, match="not demo data"):
            call_command("generate_demo_data", "--claims", "10", "--no-progress")
        assert Claim.objects.count() == 1

    def test_a_database_with_demo_data_already(self, demo):
        demo(claims=20)
        with pytest.raises(CommandError, match="already holds a demo dataset"):
            call_command("generate_demo_data", "--claims", "10", "--no-progress")
        assert Claim.objects.count() == 20


class TestRealDataGuard:
    def test_an_empty_database_is_not_a_demo(self, db):
        assert marker.real_data_problems() == [
            "the database holds no demo dataset (run manage.py generate_demo_data)"
        ]

    def test_real_work_among_demo_data(self, demo):
        demo(claims=20)
        make_claim(text="Entered by a person")
        assert marker.real_data_problems() == ["some claims were not made by a demo user"]

    def test_real_work_without_a_marker(self, db):
        make_claim(text="Entered by a person")
        assert marker.real_data_problems() == [
            "the database holds tracker data but no demo dataset marker"
        ]

    def test_an_interrupted_generation(self, demo):
        demo(claims=20)
        dataset = marker.demo_dataset()
        Source.objects.filter(name=marker.MARKER_NAME).update(
            description=marker.marker_description(
                seed=dataset.seed, claims=20, accounts=dataset.accounts, complete=False
            )
        )
        assert marker.real_data_problems() == [
            "the demo dataset is incomplete: its generation did not finish"
        ]
