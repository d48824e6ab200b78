"""The source page shows the track record as a server-drawn chart and a table."""

import re

import pytest
from django.urls import reverse

from tests.track_records import build_desk

pytestmark = pytest.mark.django_db


def page(client, source) -> str:
    response = client.get(reverse("admin:tracker_source_change", args=[source.pk]))
    assert response.status_code == 200
    return response.content.decode()


def table_rows(html: str, section_id: str) -> list[list[str]]:
    section = html.split(f'id="{section_id}-section"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)
    return [
        [
            re.sub(r"<.*?>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


def test_a_source_page_draws_its_record_and_tabulates_it(reporter_client):
    desk = build_desk()
    html = page(reporter_client, desk.sana)
    assert html.count('class="tracker-record-chart"') == 1
    # Six quarters, 2025 Q1 empty: drawn as a gap, left out of the table.
    assert html.count('class="tracker-record-quarter"') == 6
    section = html.split('id="track-record-0-section"', 1)[1].split("</section>", 1)[0]
    assert "<script" not in section
    # How far to trust the source comes first; the form that edits it after.
    assert html.index('id="track-record-0-section"') < html.index('id="source_form"')
    rows = table_rows(html, "track-record-0")
    assert rows[0][:3] == ["Quarter", "Asserted", "Confirmed"]
    assert [row[0] for row in rows[1:]] == [
        "2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q2", "All quarters",
    ]  # fmt: skip
    # Quarter, asserted, confirmed, corroborated, disputed, false, could not verify,
    # awaiting, retracted, outlying figures.
    assert rows[2] == ["2024 Q2", "4", "1", "1", "1", "0", "0", "1", "0", "1 of 1"]
    assert rows[-1] == ["All quarters", "8", "1", "1", "1", "1", "1", "3", "1", "1 of 1"]
    assert "Track record of everyone speaking for it" not in html


def test_a_root_affiliation_shows_its_members_record_too(reporter_client):
    desk = build_desk()
    html = page(reporter_client, desk.government)
    assert "Track record of everyone speaking for it" in html
    assert "No asserted or retracted claims yet." in html  # the root's own
    total = table_rows(html, "track-record-1")[-1]
    assert total[:3] == ["All quarters", "9", "2"]


def test_names_are_escaped_in_the_explanation(reporter_client):
    from tests.factories import make_account, make_source
    from tracker.vocabularies import SourceKind

    root = make_source(name="<b>Root</b>", kind=SourceKind.GOVERNMENT)
    make_account(source=make_source(name="Member", parent=root))
    html = page(reporter_client, root)
    assert "<b>Root</b>" not in html.split('id="track-record-1-section"', 1)[1]
    assert "&lt;b&gt;Root&lt;/b&gt;" in html
