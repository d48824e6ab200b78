"""How long finding a report's event candidates takes at archive scale, and how often it is right.

    # the speed, on a migrated PostgreSQL database filled with a synthetic archive:
    createdb -h 127.0.0.1 -U postgres match_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/match_bench .venv/bin/python manage.py migrate
    psql -h 127.0.0.1 -U postgres -d match_bench -f bench/event_candidates_fill.sql
    .venv/bin/python bench/event_candidates.py speed \
        --database-url postgres://postgres@127.0.0.1:5432/match_bench

    # how often the right event comes first, on the gold set's held-out half:
    .venv/bin/python bench/event_candidates.py gold --split test

**speed** times ``rank_for_facts`` (``selectors.event_candidates``): all its
queries and the scoring, for the whole report and per paragraph, as the
document page and ingest run it. The report's names are found beforehand, as
the extractor finds them at ingest (an alias table built once, outside the
timing). The reports are written from random events of the archive: their
place in another spelling, a date a day off, a party and a figure, with a
paragraph about a second event, so every lookup has work to do. The archive
is ``bench/event_candidates_fill.sql``: the demo's shape (265,000 events
"Airstrike on a market in <town>, <date>" over 9,000 towns, a place entity
with an alias per town, each event filed under its town as the services file
events (``EventPlace``), two parties each, the 60 parties in the names table
too, 1,000,000 claims with figures), loaded in SQL in a few minutes, since the
demo generator takes hours on a busy machine. The reports carry no
suggestions, so their events' claims are not read (they are compared with
suggestions only).

**gold** loads ``bench/gold/v2`` (events with their places' spellings as
aliases and their parties, over the seed's names table) into a throwaway test
database, ingests each report of the split as the paste box does, and counts
how often the gold event is the first candidate; for reports about none of
the events, how often nothing is offered.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "v2"
ASPECTS = ("killed", "injured", "perpetrator", "other")
TARGETS = ("a market", "a bakery", "a school", "a hospital", "a mosque", "a convoy", "a house")
KINDS = ("Airstrike on", "Shelling of", "Drone strike on", "Raid on")


def setup_django(database_url: str | None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- speed ------------------------------------------------------------------


def _reports(count: int, seed: int):
    """Reports written from random events: (text, title, published date, suggestion)."""
    from tracker.models import Claim, Event

    rng = random.Random(seed)
    top = Event.objects.order_by("-pk").values_list("pk", flat=True).first()
    reports = []
    while len(reports) < count:
        event = Event.objects.filter(pk__gte=rng.randrange(top)).order_by("pk").first()
        other = Event.objects.filter(pk__gte=rng.randrange(top)).order_by("pk").first()
        if event is None or other is None or event.date_start is None:
            continue
        town = event.place.split(",")[0].replace("-", " al-")
        party = event.parties.first()
        claim = Claim.objects.filter(event=event, count_min__isnull=False).first()
        figure = f"{claim.count_min} people were {claim.aspect}" if claim else "people were hurt"
        text = (
            f"A strike hit {town} on {event.date_start:%d %B}, and {figure}, residents said. "
            f"{party.name if party else 'A party'} denied any role in the attack.\n"
            f"Separately, in {other.place.split(',')[0]}, officials said a convoy was hit.\n"
        )
        # What the extractor would suggest from the figure: the party speaking, its number.
        suggestion = (text.index(figure), party.pk if party else None, claim, figure)
        published = event.date_start + timedelta(days=1)
        reports.append((text, f"Strike in {town}", published, suggestion))
    return reports


def speed(arguments) -> dict:
    from django.db import connection

    from tracker.extraction import AliasTable, Entity
    from tracker.models import Claim, EntityAlias, Event, NamedEntity
    from tracker.selectors.event_candidates import (
        MentionFact,
        ReportFacts,
        SuggestionFact,
        paragraph_facts,
        rank_for_facts,
        report_dates,
    )

    if not Event.objects.exists():
        sys.exit("The database is empty: fill it first with bench/event_candidates_fill.sql.")
    entities = [
        Entity(key=str(e.pk), name=e.name, kind=e.kind,
               aliases=tuple(EntityAlias.objects.filter(entity=e).values_list("name", flat=True)))
        for e in NamedEntity.objects.all()
    ] if NamedEntity.objects.count() < 50_000 else []  # fmt: skip
    table = AliasTable(entities)
    timings, found = [], 0
    for text, title, published, (start, speaker, claim, figure) in _reports(
        arguments.reports, arguments.seed
    ):
        suggestions = ()
        if arguments.suggestions:
            suggestions = (
                SuggestionFact(
                    start=start, source_id=speaker, party_ids=frozenset(),
                    aspect=claim.aspect if claim else "other",
                    count_min=claim.count_min if claim else None,
                    count_max=claim.count_max if claim else None,
                    unit=claim.unit if claim else "", claim_text=figure,
                ),
            )  # fmt: skip
        mentions = tuple(
            MentionFact(start=m.start, text=m.text, entity_id=int(m.key)) for m in table.find(text)
        )
        facts = ReportFacts(title=title, dates=report_dates(text, published), mentions=mentions,
                            suggestions=suggestions, end=len(text))  # fmt: skip
        paragraphs = paragraph_facts(text, published, facts)
        for _run in range(arguments.warmup + 1):
            started = time.perf_counter()
            result = rank_for_facts(facts, paragraphs=paragraphs)
            elapsed = time.perf_counter() - started
        timings.append(elapsed * 1000)
        found += bool(result.candidates)
    return {
        "database": connection.vendor,
        "events": Event.objects.count(),
        "claims": Claim.objects.count(),
        "reports": len(timings),
        "with suggestions": arguments.suggestions,
        "with candidates": found,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
    }


# -- gold -------------------------------------------------------------------


def _load_gold_events() -> dict[str, int]:
    from django.core.management import call_command

    from tracker import services
    from tracker.models import EntityAlias, NamedEntity, Source
    from tracker.name_keys import name_key

    call_command("load_seeds", verbosity=0, stdout=io.StringIO())
    ids = {}
    for line in (GOLD / "events.jsonl").read_text().splitlines():
        row = json.loads(line)
        parties = []
        for name in row["parties"]:
            source = Source.objects.filter(name_key=name_key(name)).first()
            if source is None:
                alias = EntityAlias.objects.filter(name_key=name_key(name)).first()
                source = alias.entity.source if alias and alias.entity.source else None
            if source is None:
                source = services.source_create(actor=None, name=name, kind="armed_party")
                if not NamedEntity.objects.filter(name_key=name_key(name)).exists():
                    services.entity_create(actor=None, name=name, kind="party", source=source)
            parties.append(source)
        spellings = [row["place"], *row["place_variants"]]
        entity = NamedEntity.objects.filter(name_key=name_key(row["place"])).first()
        if entity is None:
            entity = services.entity_create(actor=None, name=row["place"], kind="place")
        taken = set(EntityAlias.objects.values_list("name_key", flat=True)) | set(
            NamedEntity.objects.values_list("name_key", flat=True)
        )
        for spelling in spellings[1:]:
            if name_key(spelling) not in taken:
                services.entity_alias_add(actor=None, entity=entity, name=spelling)
        event = services.event_create(
            actor=None, name=row["name"], place=row["place"],
            date_start=date.fromisoformat(row["date_start"]),
            date_end=date.fromisoformat(row["date_end"]), parties=parties,
        )  # fmt: skip
        ids[row["id"]] = event.pk
    return ids


def gold(arguments) -> dict:
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    from tracker import services
    from tracker.selectors.event_candidates import event_candidates_for_document

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        ids = _load_gold_events()
        reports = [json.loads(line) for line in (GOLD / "reports.jsonl").read_text().splitlines()]
        chosen = [r for r in reports if r["split"] == arguments.split]
        first = about = none_offered = about_none = 0
        misses = []
        for report in chosen:
            published = datetime.fromisoformat(report["published"]).replace(tzinfo=UTC)
            document = services.document_ingest(
                actor=None, title=report["title"], text=report["text"], via="command",
                published_at=published,
            ).document  # fmt: skip
            candidates = event_candidates_for_document(document=document)
            if report["event"] is None:
                about_none += 1
                none_offered += not candidates
                continue
            about += 1
            if candidates and candidates[0].event.pk == ids[report["event"]]:
                first += 1
            else:
                top = candidates[0].event.name if candidates else "nothing"
                misses.append(f"{report['id']} ({report['event']}): {top}")
        return {
            "split": arguments.split,
            "reports with an event": about,
            "event chosen first": round(first / about, 3) if about else None,
            "reports about no listed event": about_none,
            "nothing offered for them": none_offered,
            "misses": misses,
        }
    finally:
        teardown_databases(databases, verbosity=0)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    fast = sub.add_parser("speed")
    fast.add_argument("--database-url", required=True)
    fast.add_argument("--reports", type=int, default=200)
    fast.add_argument("--warmup", type=int, default=1)
    fast.add_argument("--seed", type=int, default=1)
    fast.add_argument(
        "--suggestions", action="store_true",
        help="Give each report the suggestion of its figure, so the events' claims and "
        "speakers are read and compared too (as at ingest).",
    )  # fmt: skip
    right = sub.add_parser("gold")
    right.add_argument("--split", choices=("dev", "test"), default="test")
    right.add_argument("--database-url", help="Its test database is used (default: SQLite).")
    arguments = parser.parse_args(argv)
    setup_django(arguments.database_url)
    result = speed(arguments) if arguments.mode == "speed" else gold(arguments)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
