"""The write boundary: derived work once per touched event, at the end of the outermost service."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_account, make_claim, make_event, make_source
from tracker import services
from tracker.models import Event, Suggestion
from tracker.services import findings
from tracker.vocabularies import Aspect, Unit

pytestmark = pytest.mark.django_db

REPORT = (
    "Market strike\n\nAt least {n} people were killed in a strike on a market in Idlib, "
    "{speaker} said.\n"
)


@pytest.fixture
def refreshes(monkeypatch) -> Counter:
    """How many times each event was compared and stored, calling through to the real refresh."""
    counted: Counter = Counter()
    real = findings._refresh_event

    def counting(event):
        counted[event.pk] += 1
        return real(event)

    monkeypatch.setattr(findings, "_refresh_event", counting)
    return counted


def test_accepting_a_suggestion_refreshes_its_event_once(reporter, refreshes):
    event = make_event(name="Market strike", place="Idlib")
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    report = (
        "Market strike\n\nAt least 12 people were killed in a strike on a market in Idlib, "
        "the Syrian Observatory for Human Rights said.\n"
    )
    document = services.document_ingest(actor=reporter, title="", text=report, via="paste")
    suggestion = Suggestion.objects.filter(document=document.document, source__isnull=False)[0]
    # Creating the claim and then its account each asked for a refresh; it ran once.
    account = services.suggestion_accept(actor=reporter, suggestion=suggestion, event=event)
    assert account.claim.event == event
    assert refreshes == Counter({event.pk: 1})
    account.claim.refresh_from_db()
    assert account.claim.suggestion_basis  # the one refresh did store the claim's suggestion


def test_loading_the_seeds_refreshes_each_event_once(refreshes):
    call_command("load_seeds", verbosity=0)
    events = set(Event.objects.values_list("pk", flat=True))
    assert events and set(refreshes) == events
    assert set(refreshes.values()) == {1}


def test_moving_a_claim_refreshes_both_events_once(editor, refreshes):
    before, after = make_event(name="Before"), make_event(name="After")
    claim = make_claim(aspect=Aspect.KILLED, event=before, count_min=3, unit=Unit.PEOPLE)
    refreshes.clear()
    services.claim_update(actor=editor, claim=claim, event=after)
    assert refreshes == Counter({before.pk: 1, after.pk: 1})


def test_a_refused_service_refreshes_nothing(editor, refreshes):
    event = make_event()
    with pytest.raises(Exception, match="unit"):
        services.claim_create(actor=editor, text="Some", event=event, count_min=3)
    assert refreshes == Counter()


def statements(captured) -> int:
    """Statements sent, savepoints aside (nesting services adds those, not work)."""
    return sum(1 for query in captured if "SAVEPOINT" not in query["sql"].upper())


def accepted_into(event, reporter, report: str) -> int:
    """Ingest ``report``, accept its first attributed suggestion into ``event``; statements sent."""
    document = services.document_ingest(actor=reporter, title="", text=report, via="paste")
    suggestion = Suggestion.objects.filter(document=document.document, source__isnull=False)[0]
    with CaptureQueriesContext(connection) as captured:
        services.suggestion_accept(actor=reporter, suggestion=suggestion, event=event)
    return statements(captured.captured_queries)


# Reading and locking the suggestion, the source, the event; writing the claim
# and the account with their history; deciding the suggestion; and one refresh
# of the event (its claims, accounts, sources and findings read, its summary and
# its claims' suggestions written), then the event's claims' track record rows
# (the claims listed, their rows afresh and as kept, the new account's row
# written). PostgreSQL also takes the refresh's row locks ahead of the writes,
# a name lock, and the claims' locks before their rows are rewritten: SQLite
# has one writer at a time already.
ACCEPT_STATEMENTS = {"sqlite": 37, "postgresql": 43}


def test_accepting_a_suggestion_costs_a_fixed_number_of_queries(reporter, refreshes):
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    make_source(name="Civil Defence", kind="ngo")
    quiet, busy = make_event(name="Quiet strike"), make_event(name="Busy strike")
    for n in range(8):
        make_account(
            claim=make_claim(text=f"Claim {n} on the busy strike", event=busy),
            source=make_source(name=f"Witness {n}", kind="witness"),
        )
    refreshes.clear()
    observatory = "the Syrian Observatory for Human Rights"
    on_quiet = accepted_into(quiet, reporter, REPORT.format(n=12, speaker=observatory))
    on_busy = accepted_into(busy, reporter, REPORT.format(n=15, speaker="the Civil Defence"))
    # Each event was compared once, after its claim and account were written,
    # and an event of nine claims cost what an event of one did.
    assert refreshes == Counter({quiet.pk: 1, busy.pk: 1})
    assert on_quiet == on_busy == ACCEPT_STATEMENTS[connection.vendor]
