"""A big document's admin page: time and size at 20,000 suggestions.

    .venv/bin/python bench/big_document.py
    .venv/bin/python bench/big_document.py \
        --database-url postgres://postgres@127.0.0.1:5432/tracker_bench_bigdoc

Builds, in a scratch database, one document of a few megabytes with 20,000
suggestions (stored as the extractor stores them) and a few hundred accounts
quoting it (through the services), then fetches its admin page as a signed-in
editor: the first page, a page of text in the middle, and the last page of
suggestions. Prints, for each, the median time of the runs, the HTML size and
the number of queries.

It refuses a database that holds anything but what it built itself: it
writes, and it would read a newsroom's archive into its figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import setup_django, signed_in_client

# The benchmark serves no static files; WhiteNoise says so once per start.
warnings.filterwarnings("ignore", "No directory at")

DEFAULT_DATABASE = "sqlite:////tmp/tracker_bench_big_document.sqlite3"
TITLE = "Benchmark: a long transcript"
BENCH_USER = "bench-big-document"
SPEAKERS = ("The ministry", "A spokesman for the army", "The observatory", "Local medics",
            "The governor", "A coalition official", "Residents", "The civil defence")  # fmt: skip
PLACES = ("Deir ez-Zor", "Raqqa", "Idlib", "Aleppo", "Homs", "Hama", "Daraa", "Qamishli")
SOURCES = 20
ACCOUNTS = 200


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--suggestions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=9, help="Timed runs per page.")
    parser.add_argument("--warmup", type=int, default=2, help="Untimed runs first.")
    arguments = parser.parse_args(argv)
    if arguments.suggestions <= 0 or arguments.runs <= 0 or arguments.warmup < 0:
        parser.error("--suggestions and --runs must be positive, --warmup not negative")
    return arguments


def transcript(suggestions: int) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A long text, and a quoted statement (start, end, speaker, place) for each suggestion.

    Every sentence carries one statement; some sentences have none, so the
    statements spread over the text as an extractor's would.
    """
    parts: list[str] = []
    statements: list[tuple[int, int, str, str]] = []
    offset = 0
    sentence = 0
    while len(statements) < suggestions:
        speaker = SPEAKERS[sentence % len(SPEAKERS)]
        place = PLACES[(sentence // 3) % len(PLACES)]
        said = f"at least {sentence % 90 + 3} people were killed in {place}"
        text = (
            f"{speaker} said {said} on the {sentence % 28 + 1}th, in the hearing's "
            f"session {sentence // 40 + 1}; the record notes the remark in full and the "
            f"questions that followed it about the figures and the sources behind them. "
        )
        if sentence % 9 == 8:
            text += "\n\n"
        start = offset + text.index(said)
        if sentence % 7 != 3:
            statements.append((start, start + len(said), speaker, place))
        parts.append(text)
        offset += len(text)
        sentence += 1
    return "".join(parts), statements


def refuse_foreign_data() -> None:
    from tracker.demo import marker
    from tracker.models import Document

    if not marker.holds_tracker_rows():
        return
    if Document.objects.exclude(title=TITLE).exists() or not Document.objects.exists():
        sys.exit("bench: refusing to run: the database holds rows this benchmark did not make.")


def build(suggestions: int):
    """The big document, built once; a database that has it is used again."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from simple_history.utils import bulk_create_with_history

    from tracker import services
    from tracker.models import Document, Extraction, Suggestion
    from tracker.vocabularies import Aspect, SourceKind, Stance

    existing = Document.objects.filter(title=TITLE).first()
    if existing is not None:
        count = Suggestion.objects.filter(document=existing).count()
        if count != suggestions:
            sys.exit(f"bench: the database holds a document of {count:,} suggestions; "
                     f"use another database for {suggestions:,}.")  # fmt: skip
        return existing
    started = time.perf_counter()
    editor = get_user_model().objects.create_user(username=BENCH_USER, password=None, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    text, statements = transcript(suggestions)
    document = services.document_create(actor=editor, title=TITLE, text=text)
    Extraction.objects.create(
        document=document, via="bench", created_by=editor, suggestion_count=suggestions
    )
    rows = [
        Suggestion(
            document=document,
            ordinal=ordinal,
            voice="source",
            speaker_text=speaker,
            proposed_source_name=speaker,
            quote=text[start:end],
            quote_start=start,
            quote_end=end,
            stance=Stance.ASSERTS,
            claim_text=f"People were killed in {place}",
            aspect=Aspect.KILLED,
            unit="people",
            rules=["bench"],
        )
        for ordinal, (start, end, speaker, place) in enumerate(statements, start=1)
    ]
    bulk_create_with_history(rows, Suggestion, batch_size=2000, default_user=editor)
    sources = [
        services.source_create(
            actor=editor, name=f"Bench speaker {n}", kind=SourceKind.SPOKESPERSON
        )
        for n in range(SOURCES)
    ]
    step = max(len(statements) // ACCOUNTS, 1)
    for n, (start, end, _speaker, place) in enumerate(statements[::step][:ACCOUNTS]):
        claim = services.claim_create(actor=editor, text=f"People were killed in {place} ({n})")
        services.account_add(actor=editor, claim=claim, source=sources[n % SOURCES],
                             stance=Stance.ASSERTS, document=document,
                             quote=text[start:end], quote_start=start)  # fmt: skip
    print(f"built {len(text):,} characters, {suggestions:,} suggestions, {ACCOUNTS} accounts "
          f"in {time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    return document


def measure(client, url: str, runs: int, warmup: int) -> tuple[float, int, int]:
    """Median milliseconds, HTML bytes and queries of GET ``url``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        client.get(url)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"bench: {url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(times), len(response.content), len(queries.captured_queries)


def main(argv: list[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    setup_django(arguments.database_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse

    from tracker.admin.document_page import text_page_starts

    call_command("migrate", verbosity=0)
    refuse_foreign_data()
    document = build(arguments.suggestions)
    client = signed_in_client(get_user_model().objects.get(username=BENCH_USER))
    url = reverse("admin:tracker_document_change", args=[document.pk])
    text_pages = len(text_page_starts(document.text))
    last_suggestions = -(-arguments.suggestions // 50)
    pages = {
        "first page": url,
        f"text page {text_pages // 2} of {text_pages}": f"{url}?text_page={text_pages // 2}",
        f"suggestions page {last_suggestions}": f"{url}?suggestions_page={last_suggestions}",
    }
    print(f"{connection.vendor}, document of {len(document.text):,} characters, "
          f"{arguments.suggestions:,} suggestions; median of {arguments.runs} runs")  # fmt: skip
    print(f"{'page':<28} {'median ms':>10} {'HTML bytes':>12} {'queries':>8}")
    for name, page_url in pages.items():
        median, size, queries = measure(client, page_url, arguments.runs, arguments.warmup)
        print(f"{name:<28} {median:>10.1f} {size:>12,} {queries:>8}", flush=True)


if __name__ == "__main__":
    main()
