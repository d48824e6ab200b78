"""Script in the data stays text in a real browser: the highlighted document and the chart."""

import pytest

from tests.factories import make_account, make_claim, make_document, make_editor, make_source
from tracker import services
from tracker.vocabularies import Aspect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCRIPT = "<script>alert('xss')</script>"
IMG = "<img src=x onerror=alert(1)>"


def test_script_in_names_quotes_and_text_never_runs(watched):
    make_editor(username="edna")
    source = make_source(name=f"Agency {IMG}")
    other = make_source(name=f"Ministry {SCRIPT}")
    text = f"The agency said {SCRIPT} at least 12 people {IMG} were killed."
    document = make_document(text=text, title=f"Report {IMG}")
    event = services.event_create(actor=None, name=f"Strike {SCRIPT}")
    high = make_claim(text=f"At least 12 killed {IMG}", aspect=Aspect.KILLED, event=event,
                      count_min=12, unit="people")  # fmt: skip
    low = make_claim(text="At most 3 killed", aspect=Aspect.KILLED, event=event, count_max=3,
                     unit="people")  # fmt: skip
    make_account(claim=high, source=source, document=document, quote=SCRIPT)
    make_account(claim=low, source=other)
    watched.log_in("edna")
    page = watched.page

    watched.goto(f"/admin/tracker/document/{document.pk}/change/")
    highlighted = page.locator(".tracker-document-text")
    assert SCRIPT in highlighted.inner_text() and IMG in highlighted.inner_text()
    assert highlighted.locator("mark").count() == 1
    watched.shot("document")

    watched.goto(f"/admin/tracker/event/{event.pk}/compare/")
    chart = page.locator("svg.tracker-range-chart").first
    labels = chart.locator("text.tracker-chart-label").all_text_contents()
    assert any(label.startswith("Agency <img") for label in labels), labels
    assert page.locator("#accounts img").count() == 0
    watched.shot("compare")
