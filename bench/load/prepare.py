"""Fill an empty database for the load test and write what the simulated users need.

    .venv/bin/python bench/load/prepare.py --claims 500 --users 50 --out fixture.json

Loads the seed article (``load_seeds``), then the demo generator's fictional
archive (``generate_demo_data``) when it can, or else claims of its own, so
the API has a few hundred claims with events, accounts and conflicts to
serve. Then one account per simulated user, half editors and half reporters,
each with an API token: every user writes under its own name, as people do,
so the per-user write throttle applies as it would in the newsroom. The
tokens are made here rather than through POST /api/auth/token/, whose
per-address login throttle would (rightly) stop fifty logins from one host.

The fixture file lists the tokens and the ids of claims and events.
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.base import CommandError  # noqa: E402
from django.db import transaction  # noqa: E402

from tracker import services  # noqa: E402
from tracker.models import Claim, Event, Source  # noqa: E402
from tracker.vocabularies import Aspect, SourceKind, Stance  # noqa: E402


def own_claims(count: int) -> None:
    """Claims about a handful of events, each with two or three conflicting tolls."""
    sources = [
        services.source_create(actor=None, name=f"Load source {n}", kind=SourceKind.OUTLET)
        for n in range(12)
    ]
    events = [services.event_create(actor=None, name=f"Load event {n}") for n in range(count // 10)]
    for n in range(count):
        low = 5 + (n * 7) % 90
        claim = services.claim_create(
            actor=None,
            text=f"At least {low} people were killed (load claim {n})",
            aspect=Aspect.KILLED,
            event=events[n % len(events)],
            count_min=low,
            unit="people",
        )
        services.account_add(actor=None, claim=claim, source=sources[n % len(sources)],
                             stance=Stance.ASSERTS)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    if Claim.objects.exists():
        sys.exit("The database already holds claims: the load test wants a fresh one.")
    try:
        call_command("generate_demo_data", claims=args.claims, no_progress=True)
    except (CommandError, LookupError) as error:
        # Without the demo generator (or if it refuses), our own small archive.
        print(f"generate_demo_data not used ({error}); writing {args.claims} claims instead")
        with transaction.atomic():
            own_claims(args.claims)
    call_command("load_seeds", verbosity=0)

    tokens = {"editors": [], "reporters": []}
    for n in range(args.users):
        role = "editors" if n % 2 == 0 else "reporters"
        user = get_user_model().objects.create_user(
            username=f"load-{role[:-1]}-{n}", is_staff=True, password=None
        )
        user.groups.add(Group.objects.get(name=role.capitalize()))
        tokens[role].append(services.api_token_create(actor=None, user=user, name="load test")[1])

    fixture = {
        **tokens,
        "claims": list(Claim.objects.filter(archived_at=None).values_list("pk", flat=True)),
        "events": list(Event.objects.values_list("pk", flat=True)),
        "sources": list(Source.objects.values_list("pk", flat=True)[:200]),
    }
    args.out.write_text(json.dumps(fixture))
    print(
        f"Prepared {len(fixture['claims'])} claims, {len(fixture['events'])} events and "
        f"{args.users} users with tokens ({args.out})"
    )


if __name__ == "__main__":
    main()
