"""`manage.py ingest` with web archives: each page a capture and a document, each record alone."""

import re
from datetime import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.web_archive_files import (
    Page,
    article,
    image_record,
    lie_about_length,
    pages_jsonl,
    records,
    story,
    wacz_bytes,
    warc_bytes,
)
from tracker import capture_storage
from tracker.models import Capture, Document, Extraction, Suggestion
from tracker.services import captures as captures_service
from tracker.vocabularies import CaptureOrigin

pytestmark = pytest.mark.django_db

PAGES = [story(n) for n in range(1, 4)]


def run(*args: str, progress: bool = False) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    flags = () if progress else ("--no-progress",)
    call_command("ingest", *flags, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_refused(*args: str) -> str:
    out = StringIO()
    with pytest.raises(CommandError, match=r"item\(s\) were refused; the rest were stored"):
        call_command("ingest", "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_each_html_page_becomes_a_document_and_a_capture(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    parts = [*records(PAGES, with_requests=True), image_record("https://news.example/a.png")]
    path.write_bytes(warc_bytes(parts, gzipped=True))
    out, _ = run(str(path))
    assert "crawl.warc.gz: 3 page(s) of 7 record(s); 3 new document(s)" in out
    assert "0 refused" in out
    for page in PAGES:
        document = Document.objects.get(url=page.url)
        assert document.retrieved_at == datetime.fromisoformat(page.date)
        assert "were killed when shells hit" in document.text
        assert "<p>" not in document.text and "Home" not in document.text
        assert document.title.startswith("Shelling in district")
        capture = document.captures.get()
        assert capture.origin == CaptureOrigin.WEB_ARCHIVE
        assert capture.url == page.url
        assert capture.captured_at == datetime.fromisoformat(page.date)
        assert capture.http_status == 200
        assert ["Content-Type", "text/html; charset=utf-8"] in capture.http_headers
        assert capture.tool == "manage.py ingest"
        assert capture_storage.read_all(capture.sha256) == page.html.encode()
        assert Extraction.objects.filter(document=document, via="command").exists()
    assert Suggestion.objects.filter(document__url=PAGES[0].url).exists()


def test_importing_the_same_archive_again_adds_nothing(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes(records(PAGES)))
    run(str(path))
    out, _ = run(str(path))
    assert "0 new document(s)" in out and "3 already imported" in out
    assert Document.objects.count() == 3 and Capture.objects.count() == 3


def test_a_later_capture_of_an_edited_page_is_a_new_version(tmp_path):
    said = "were killed, the ministry said on Monday after the shelling."
    url = "https://gov.example/statement"
    first = Page(url, article("Statement", f"Nine {said}"), date="2026-03-02T08:00:00Z")
    edited = Page(url, article("Statement", f"Four {said}"), date="2026-03-04T08:00:00Z")
    path = tmp_path / "two-days.warc.gz"
    path.write_bytes(warc_bytes(records([first, edited]), gzipped=True))
    run(str(path))
    monday, wednesday = Capture.objects.filter(url=first.url).order_by("captured_at")
    assert monday.document != wednesday.document
    assert wednesday.supersedes == monday.document


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
@pytest.mark.parametrize("by", [60, -60], ids=["longer", "shorter"])
def test_a_record_with_a_lying_content_length_is_refused_and_the_rest_kept(tmp_path, suffix, by):
    parts = records(PAGES)
    parts[1] = lie_about_length(parts[1], by)
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(warc_bytes(parts, gzipped=suffix.endswith(".gz")))
    out = run_refused(str(path))
    assert "2 new document(s)" in out and "1 refused" in out
    assert f"refused {path} at byte " in out and "Content-Length" in out
    assert set(Document.objects.values_list("url", flat=True)) == {PAGES[0].url, PAGES[2].url}
    assert not Capture.objects.filter(url=PAGES[1].url).exists()


def test_a_truncated_archive_keeps_what_came_before_the_cut(tmp_path):
    data = warc_bytes(records(PAGES), gzipped=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 150])
    out = run_refused(str(path))
    assert "2 new document(s)" in out and "truncated" in out
    assert not Document.objects.filter(url=PAGES[2].url).exists()


def test_a_wacz_is_ingested_and_one_without_pages_is_refused_whole(tmp_path):
    warcs = {"data.warc.gz": warc_bytes(records(PAGES), gzipped=True)}
    good = tmp_path / "good.wacz"
    good.write_bytes(wacz_bytes(warcs, pages=pages_jsonl(PAGES)))
    out, _ = run(str(good))
    assert "good.wacz: 3 page(s)" in out and Document.objects.count() == 3

    other = {"data.warc.gz": warc_bytes(records([story(9)]), gzipped=True)}
    bad = tmp_path / "no-pages.wacz"
    bad.write_bytes(wacz_bytes(other, pages=None))
    out = run_refused(str(bad))
    assert "has no pages/pages.jsonl" in out and "nothing was imported" in out
    assert not Document.objects.filter(url=story(9).url).exists()


def test_a_record_whose_write_fails_leaves_nothing_behind(tmp_path, monkeypatch):
    """The document, its suggestions and its capture are one transaction per record."""
    real = captures_service._new_capture

    def failing_for_story_2(**kwargs):
        if kwargs["checked"].url == PAGES[1].url:
            raise ValidationError({"url": "refused for the test, after the document was saved"})
        return real(**kwargs)

    monkeypatch.setattr(captures_service, "_new_capture", failing_for_story_2)
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes(records(PAGES)))
    out = run_refused(str(path))
    assert "refused for the test" in out and f"({PAGES[1].url})" in out
    assert not Document.objects.filter(url=PAGES[1].url).exists()
    assert not Suggestion.objects.filter(document__url=PAGES[1].url).exists()
    assert Document.objects.filter(url__in=[PAGES[0].url, PAGES[2].url]).count() == 2


def test_a_page_with_no_text_is_refused_with_the_reason(tmp_path):
    empty = Page("https://news.example/empty", "<html><body><script>var a;</script></body></html>")
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes(records([empty, PAGES[0]])))
    out = run_refused(str(path))
    assert "(https://news.example/empty)" in out and "no readable text" in out
    assert Document.objects.count() == 1


def test_the_progress_bar_counts_the_archives_bytes(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    data = warc_bytes(records(PAGES), gzipped=True)
    path.write_bytes(data)
    _, err = run(str(path), progress=True)
    # tqdm's bar for the archive: all of its (about 1.9 k) bytes read.
    assert re.search(r"crawl\.warc\.gz: 100%\|#+\| (1\.\d\dk)/\1 ", err), err


def test_archives_and_reports_mix_in_one_run(tmp_path):
    (tmp_path / "crawl.warc").write_bytes(warc_bytes(records(PAGES[:1])))
    (tmp_path / "note.txt").write_text("Bridge\n\nThe bridge was hit, police said.\n")
    out, _ = run(str(tmp_path))
    assert "Stored 2 report(s)" in out
    assert Document.objects.get(url=PAGES[0].url).captures.get().origin == "web_archive"
