"""Every admin page an editor reads fits the window at 1280 and 1440 px.

Loaded with the seeds, then with a demo archive of 500 claims: at both widths
no page scrolls sideways, no table scrolls inside its page, and the claims
list keeps at least forty characters of a claim on a line. The screenshots
(artifacts/screenshots/every_page_fits_at_both_widths-<data>-NN-<page>-<width>.png)
are for a person to look at.
"""

import pytest
from django.core.management import call_command
from django.db.models import Count

from tests.factories import make_editor, make_flag, make_reporter
from tracker import services
from tracker.models import Claim, Document, Event, Source
from tracker.vocabularies import FlagReason

# As the other journeys: the flush after this test must leave the database as they expect it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (1280, 1440)
READABLE_CHARS = 40

# Elements that scroll sideways inside the page (a table in an overflow box), by selector.
SIDEWAYS = """() => {
  const wide = [];
  for (const el of document.querySelectorAll('table, .results, .module, fieldset, pre')) {
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      const name = `${el.tagName.toLowerCase()}#${el.id}.${el.className}`;
      wide.push(`${name}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  return {page: document.documentElement.scrollWidth, window: window.innerWidth, wide};
}"""

# The narrowest claim cell, against the width of forty characters of its own text.
CLAIM_LINES = """(chars) => {
  const canvas = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('#result_list td.field-claim_text')].map(cell => {
    const style = getComputedStyle(cell);
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const text = cell.innerText.replace(/\\s+/g, ' ').padEnd(chars, 'n').slice(0, chars);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {room, needed: canvas.measureText(text).width, text};
  });
}"""


def shown_document() -> Document:
    """A document whose published title is wrong, if there is one: the longest page header."""
    return (
        Document.objects.filter(title_mismatch=True).order_by("pk").first()
        or Document.objects.annotate(n=Count("accounts")).order_by("-n", "pk").first()
    )


def admin_pages() -> list[tuple[str, str]]:
    """The pages of the editor's desk, each on the row that shows it at its fullest."""
    claim = Claim.objects.annotate(n=Count("accounts")).order_by("-n", "pk").first()
    event = Event.objects.annotate(n=Count("claims")).order_by("-n", "pk").first()
    document = shown_document()
    # The source with the most accounts, and its root: the page with both track records.
    busiest = Source.objects.annotate(n=Count("accounts")).order_by("-n", "pk").first()
    return [
        ("index", "/admin/"),
        ("inbox", "/admin/inbox/"),
        ("my-desk", "/admin/desk/mine/"),
        ("discussion", f"/admin/desk/claim/{claim.pk}/discussion/"),
        ("claims", "/admin/tracker/claim/"),
        ("claim", f"/admin/tracker/claim/{claim.pk}/change/"),
        ("set-status", f"/admin/tracker/claim/{claim.pk}/status/"),
        ("review-queue", "/admin/tracker/reviewqueueclaim/"),
        ("event-compare", f"/admin/tracker/event/{event.pk}/compare/"),
        ("event", f"/admin/tracker/event/{event.pk}/change/"),
        ("event-grade", f"/admin/tracker/event/{event.pk}/grade/"),
        ("conflicts", "/admin/tracker/finding/"),
        ("documents", "/admin/tracker/document/"),
        ("document", f"/admin/tracker/document/{document.pk}/change/"),
        ("document-assign", f"/admin/desk/document/{document.pk}/discussion/"),
        ("suggestions", "/admin/tracker/suggestion/"),
        ("sources", "/admin/tracker/source/"),
        ("source", f"/admin/tracker/source/{busiest.pk}/change/"),
        ("affiliation", f"/admin/tracker/source/{busiest.root_id or busiest.pk}/change/"),
    ]


def load(data: str) -> None:
    if data == "demo":
        # A demo archive goes into an empty database only; the seeds are another test.
        call_command("generate_demo_data", "--claims", "500", "--no-progress", verbosity=0)
    else:
        call_command("load_seeds", verbosity=0)
    # Suggestions waiting on the document shown, so its review and the suggestions list show rows.
    services.document_extract(actor=None, document=shown_document(), via="paste")
    # A flag, so the queue and the evidence have something to show.
    claim = Claim.objects.annotate(n=Count("accounts")).order_by("-n", "pk").first()
    rita = make_reporter(username="rita")
    make_flag(claim=claim, raised_by=rita,
              reason=FlagReason.SINGLE_SOURCE, note="Only one agency gives this.")  # fmt: skip
    # A recorded grade that differs from the suggestion: the longest answer an event page shows.
    event = Event.objects.annotate(n=Count("claims")).order_by("-n", "pk").first()
    suggested = event.summary.get("grade", "")
    services.event_set_grade(
        actor=None, event=event, grade="discounted" if suggested != "discounted" else "weak",
        rationale="The only figure comes from one ministry, and the agencies that carry it "
        "speak for it: one source, repeated, not several.",
    )  # fmt: skip
    # The document shown is assigned, so its page and the assignment page say to whom.
    services.assignment_set(
        actor=None, document=shown_document(), assignee=rita, request="Review its suggestions"
    )


@pytest.mark.parametrize("data", ["seeds", "demo"])
def test_every_page_fits_at_both_widths(watched, data):
    load(data)
    make_editor(username="edna")
    watched.log_in("edna")
    page = watched.page
    favicons: list[str] = []
    page.on("request", lambda r: favicons.append(r.url) if "favicon" in r.url else None)
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in admin_pages():
            response = watched.goto(path)
            assert response.status == 200, (path, response.status)
            measured = page.evaluate(SIDEWAYS)
            if measured["page"] > measured["window"] or measured["wide"]:
                too_wide.append(f"{name} at {width}: {measured}")
            if name == "claims":
                for cell in page.evaluate(CLAIM_LINES, READABLE_CHARS):
                    if cell["room"] < cell["needed"]:
                        too_wide.append(f"claims at {width}: a claim gets {cell['room']:.0f} px "
                                        f"for {READABLE_CHARS} characters that need "
                                        f"{cell['needed']:.0f}: {cell['text']!r}")  # fmt: skip
            watched.shot(f"{name}-{width}")
    assert not too_wide, "\n".join(too_wide)
    # The admin's own icon, never the /favicon.ico that would be a 404.
    assert favicons and all(url.endswith("/static/tracker/favicon.svg") for url in favicons)
