"""Benchmarks of tracker on a demo archive: where editors and tools work every day.

    .venv/bin/python bench/run.py --claims 100000 \
        --database-url postgres://postgres@127.0.0.1:5432/tracker_bench_100k

Migrates the database, fills it with ``generate_demo_data --claims N`` if it
is empty (and says how long that took), then measures each operation below:
median and 95th percentile of repeated runs, the number of queries, and the
ratio to its floor (``bench/floor.py``: the same statements through the
driver, rows serialized with json.dumps, timed in the same run).

Reads go through Django's test Client as a signed-in editor (session,
middleware, permissions, templates: the whole request); writes call the
services, which every client shares, each run in a transaction rolled back
so every run does the same work on the same data. Connections persist
between requests (CONN_MAX_AGE), as a production deployment's should.

It refuses a database that holds anything but demo data: it writes, and it
would read a newsroom's archive into its figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Each read in a page of claims is one statement of a few milliseconds; a
# connection per request would measure connecting instead.
DEFAULT_CONN_MAX_AGE = "600"
EVENT_SIZE = 20  # accounts of the events the event page and the writes use, at every size
# Writes rotate over this many such events, so a figure is not one event's shape.
WRITE_EVENTS = 10
PAGE_SIZES = (10, 50, 200)


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="e.g. postgres://…/tracker_bench")
    parser.add_argument("--claims", type=int, required=True, help="Size of the demo archive.")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the demo archive.")
    parser.add_argument("--runs", type=int, default=30, help="Timed runs per figure.")
    parser.add_argument("--warmup", type=int, default=3, help="Untimed runs first.")
    parser.add_argument("--only", nargs="*", help="Only these figures (by name).")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    arguments = parser.parse_args(argv)
    if arguments.claims <= 0 or arguments.runs <= 0 or arguments.warmup < 0:
        parser.error("--claims and --runs must be positive, --warmup not negative")
    return arguments


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("CONN_MAX_AGE", DEFAULT_CONN_MAX_AGE)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_archive(claims: int, seed: int) -> str:
    """Migrate; generate the archive if the database is empty; refuse anything else."""
    from django.core.management import call_command

    from tracker.demo import marker
    from tracker.demo.generate import Refused, generate

    call_command("migrate", verbosity=0)
    if not marker.holds_tracker_rows():
        print(f"Generating {claims:,} claims (seed {seed}) …", flush=True)
        try:
            made = generate(claims=claims, seed=seed, progress=sys.stderr)
        except Refused as refusal:
            sys.exit(f"bench: {refusal}")
        rate = made.claims / made.seconds
        return (
            f"generated {made.claims:,} claims / {made.accounts:,} accounts / "
            f"{made.findings:,} findings in {made.seconds:,.1f} s ({rate:,.0f} claims/s)"
        )
    problems = marker.real_data_problems()
    if problems:
        sys.exit("bench: refusing to run: " + "; ".join(problems) + ".")
    dataset = marker.demo_dataset()
    if dataset.claims != claims:
        sys.exit(
            f"bench: the database holds a demo archive of {dataset.claims:,} claims, not "
            f"{claims:,}; use a database of that size (or an empty one)."
        )
    return f"reused a demo archive of {dataset.claims:,} claims (seed {dataset.seed})"


class Target:
    """One event of EVENT_SIZE accounts, its busiest claim, and what a write to it needs."""

    def __init__(self, event, reporter) -> None:
        from django.db.models import Count

        from tracker.models import Claim, Source
        from tracker.vocabularies import FlagKind

        self.event = event
        self.claim = (
            Claim.objects.filter(event=event, archived_at__isnull=True)
            .annotate(n=Count("accounts"))
            .order_by("-n", "pk")
            .first()
        )
        account = self.claim.accounts.select_related("document").order_by("pk").first()
        self.document = account.document
        self.quote, self.quote_start = account.quote, account.quote_start
        speaking = set(self.claim.accounts.values_list("source", flat=True))
        self.new_source = Source.objects.exclude(pk__in=speaking).order_by("pk").first()
        # A kind of flag the reporter has not raised on the claim yet (one open per kind).
        raised = set(
            self.claim.flags.filter(raised_by=reporter, resolved_at__isnull=True).values_list(
                "kind", flat=True
            )
        )
        self.flag_kind = next(kind for kind in FlagKind.values if kind not in raised)


class Subjects:
    """The rows every figure reads or writes, chosen the same way at every size."""

    def __init__(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models import Count

        from tracker.models import Account, Event, Source

        users = get_user_model().objects
        self.editor = users.get(username="demo-editor-1")
        self.reporter = users.get(username="demo-reporter-1")
        # Events of EVENT_SIZE accounts from the middle of the archive: the cost
        # of a refresh follows its event, so every size uses the same shape.
        middle = Event.objects.order_by("-pk").values_list("pk", flat=True).first() // 2
        sizes = list(
            Account.objects.filter(claim__event__gte=middle, claim__event__lt=middle + 5000)
            .values("claim__event")
            .annotate(n=Count("pk"))
            .order_by("claim__event")
        )
        chosen = [row["claim__event"] for row in sizes if row["n"] == EVENT_SIZE]
        chosen = chosen[:WRITE_EVENTS] or [max(sizes, key=lambda row: row["n"])["claim__event"]]
        events = Event.objects.in_bulk(chosen)
        self.targets = [Target(events[pk], self.reporter) for pk in chosen]
        first = self.targets[0]
        self.event, self.claim = first.event, first.claim
        words = self.claim.text.split()
        self.rare_word = words[-1]  # the place: a few hundred claims at a million
        self.source_word = Source.objects.get(name="Meridian Wire").name.split()[0]


def signed_in_client(user):
    """A test Client with ``user``'s session, made directly.

    ``Client.force_login`` sends the user_logged_in signal, on which login
    auditing (django-axes) records the request's address; a benchmark's
    session is not a login anyone should audit.
    """
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.test import Client

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


# Figures whose one run takes seconds at a million claims get fewer runs.
FEW_RUNS = {"similar claims, whole archive": 5}


def figures(subjects: Subjects) -> dict[str, tuple[Any, bool]]:
    """Each figure's operation, and whether it writes."""
    from tracker import services
    from tracker.selectors.search import claims_similar_to
    from tracker.vocabularies import FlagReason, Stance

    client = signed_in_client(subjects.editor)

    def get(url: str) -> Callable[[], None]:
        def run() -> None:
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            response.content  # noqa: B018 (render it all)

        return run

    claim, event = subjects.claim, subjects.event

    def add_account(target: Target) -> Callable[[], None]:
        def run() -> None:
            services.account_add(
                actor=subjects.editor,
                claim=target.claim,
                source=target.new_source,
                stance=Stance.ASSERTS,
                document=target.document,
                quote=target.quote,
                quote_start=target.quote_start,
            )

        return run

    def raise_flag(target: Target) -> Callable[[], None]:
        def run() -> None:
            services.flag_raise(
                actor=subjects.reporter,
                claim=target.claim,
                kind=target.flag_kind,
                reason=FlagReason.SINGLE_SOURCE,
                note="Benchmark",
            )

        return run

    return {
        "api list": (get("/api/claims/"), False),
        "api list, filtered": (get("/api/claims/?status=disputed&aspect=killed"), False),
        "api list, open conflicts": (get("/api/claims/?has_open_conflict=true"), False),
        "api claim detail": (get(f"/api/claims/{claim.pk}/"), False),
        "api event detail": (get(f"/api/events/{event.pk}/"), False),
        "admin claims list": (get("/admin/tracker/claim/"), False),
        "admin claim page": (get(f"/admin/tracker/claim/{claim.pk}/change/"), False),
        "admin review queue": (get("/admin/tracker/reviewqueueclaim/"), False),
        "admin inbox": (get("/admin/inbox/"), False),
        "api inbox": (get("/api/inbox/"), False),
        "api inbox, one reason, deep page": (
            get("/api/inbox/?reason=ready_to_judge&offset=150&page_size=50"),
            False,
        ),
        "search, common word": (get("/api/claims/?search=killed"), False),
        "search, rare word": (get(f"/api/claims/?search={subjects.rare_word}"), False),
        "search, source name": (get(f"/api/claims/?search={subjects.source_word}"), False),
        "search, two words": (get(f"/api/claims/?search=civilians+{subjects.rare_word}"), False),
        "admin search": (get(f"/admin/tracker/claim/?q={subjects.rare_word}"), False),
        "similar claims, whole archive": (lambda: claims_similar_to(claim.text), False),
        "similar claims, one event": (
            lambda: claims_similar_to(claim.text, event_id=event.pk),
            False,
        ),
        # Each run writes to the next of the chosen events, rolled back after.
        "add account": ([add_account(t) for t in subjects.targets], True),
        "raise flag": ([raise_flag(t) for t in subjects.targets], True),
    }


def list_query_counts(subjects: Subjects) -> dict[str, dict[int, int]]:
    """Queries per list at each page size: they must not differ."""
    from bench.floor import capture

    client = signed_in_client(subjects.editor)
    counts = {}
    for url in ("/api/claims/", "/api/claims/?search=killed", "/api/events/", "/api/accounts/",
                "/api/conflicts/", "/api/sources/", "/api/flags/"):  # fmt: skip
        joiner = "&" if "?" in url else "?"
        counts[url] = {
            size: len(capture(lambda page=f"{url}{joiner}page_size={size}": client.get(page)))
            for size in PAGE_SIZES
        }
    # The inbox pages by offset: one walk per reason whatever the page's size.
    counts["/api/inbox/"] = {
        size: len(capture(lambda page=f"/api/inbox/?page_size={size}": client.get(page)))
        for size in PAGE_SIZES
    }
    return counts


def queries(figure) -> str:
    if figure.queries == figure.queries_max:
        return str(figure.queries)
    return f"{figure.queries}-{figure.queries_max}"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def main(argv: list[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    setup_django(arguments.database_url)
    from bench.floor import measure

    archive = prepare_archive(arguments.claims, arguments.seed)
    subjects = Subjects()
    from tracker.models import Account, Claim

    accounts = Account.objects.count()
    print(f"# tracker benchmarks: {Claim.objects.count():,} claims, {accounts:,} accounts")
    print(f"# {database_version()}; {machine()}; {archive}")
    print(f"# {arguments.runs} runs after {arguments.warmup} warm-up runs; times in ms")
    header = (
        f"| {'figure':<30} | {'median':>8} | {'p95':>8} | {'queries':>7} "
        f"| {'floor':>8} | {'ratio':>6} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    results = []
    for name, (operation, write) in figures(subjects).items():
        if arguments.only and name not in arguments.only:
            continue
        runs = min(arguments.runs, FEW_RUNS.get(name, arguments.runs))
        warmup = min(arguments.warmup, 1) if name in FEW_RUNS else arguments.warmup
        figure = measure(name, operation, runs=runs, warmup=warmup, write=write)
        results.append(figure)
        print(
            f"| {name:<30} | {figure.median_ms:8.2f} | {figure.p95_ms:8.2f} "
            f"| {queries(figure):>7} | {figure.floor_median_ms:8.2f} | {figure.ratio:6.2f} |",
            flush=True,
        )
    counts = list_query_counts(subjects)
    print(f"\n# queries per list at page sizes {', '.join(map(str, PAGE_SIZES))}")
    for url, by_size in counts.items():
        print(f"{url:<32} {' '.join(str(by_size[s]) for s in PAGE_SIZES)}")
    if arguments.json:
        arguments.json.write_text(
            json.dumps(
                {
                    "command": " ".join([".venv/bin/python", "bench/run.py", *sys.argv[1:]]),
                    "claims": arguments.claims,
                    "accounts": accounts,
                    "database": database_version(),
                    "machine": machine(),
                    "archive": archive,
                    "runs": arguments.runs,
                    "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
                    "figures": [{**vars(f), "ratio": f.ratio} for f in results],
                    "list_query_counts": counts,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
