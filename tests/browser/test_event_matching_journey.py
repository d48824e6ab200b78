"""A reporter pastes a report, sees which events it may be about and why, and files it.

The journey issue 15 asked for: paste -> candidates with their reasons ->
every suggestion filed under the chosen event in one click, each showing the
event it is now under.
"""

import re
from datetime import date

import pytest

from tests.factories import make_event, make_reporter
from tracker import services
from tracker.models import Suggestion
from tracker.vocabularies import SourceKind

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPORT = (
    "An air strike hit a house in Deir al-Zour on 3 March 2026, killing five people, "
    "residents said. The US-led coalition said it had carried out a strike in the area.\n"
    "The Syrian Observatory for Human Rights said at least 5 civilians were killed."
)


def test_reporter_pastes_a_report_and_files_it_under_the_event_in_one_click(watched):
    make_reporter(username="rita")
    coalition = services.source_create(actor=None, name="US-led coalition",
                                       kind=SourceKind.ARMED_PARTY)  # fmt: skip
    services.entity_create(actor=None, name="Deir ez-Zor", kind="place", aliases=["Deir al-Zour"])
    services.entity_create(actor=None, name="US-led coalition", kind="party", source=coalition)
    strike = make_event(name="Air strike on a house in Deir ez-Zor", place="Deir ez-Zor",
                        date_start=date(2026, 3, 3), parties=[coalition])  # fmt: skip
    make_event(name="Shelling in Deir ez-Zor", place="Deir ez-Zor", date_start=date(2026, 3, 5))
    page = watched.page
    watched.goto("/admin/")
    watched.log_in("rita")

    watched.goto("/admin/tracker/document/add/")
    page.fill("#id_title", "Coalition strike kills five in Deir al-Zour")
    page.fill("#id_text", REPORT)
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/admin/tracker/document/\d+/change/"))

    panel = page.locator("#event-candidates")
    assert "Several events fit; none was chosen for you." in panel.inner_text()
    first = panel.locator("tr.tracker-event-candidate").first
    assert "Air strike on a house in Deir ez-Zor" in first.inner_text()
    reasons = first.locator(".tracker-candidate-reasons").inner_text()
    assert "same place: Deir al-Zour = Deir ez-Zor" in reasons and "same day" in reasons
    assert "names US-led coalition" in reasons
    watched.shot("candidates")
    assert not Suggestion.objects.filter(event__isnull=False).exists()

    first.get_by_role("button", name=re.compile(r"File all \d+ waiting here")).click()
    page.wait_for_load_state()
    assert (
        "under “Air strike on a house in Deir ez-Zor”" in page.locator(".messagelist").inner_text()
    )
    waiting = Suggestion.objects.all()
    assert waiting.exists() and {s.event_id for s in waiting} == {strike.pk}
    cells = page.locator("td.tracker-suggestion-event")
    assert cells.count() == waiting.count()
    assert all("Air strike on a house" in text for text in cells.all_inner_texts())
    watched.shot("filed")
