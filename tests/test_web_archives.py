"""Reading web archives: every HTML page out, every bad record named, the rest kept."""

import gzip
import hashlib
import io
import json
from datetime import UTC, datetime

import pytest

from tests.web_archive_files import (
    Page,
    datapackage,
    image_record,
    lie_about_length,
    pages_jsonl,
    records,
    response_record,
    story,
    wacz_bytes,
    warc_bytes,
)
from tracker.web_archives import (
    ArchivedPage,
    ArchiveProblem,
    ArchiveTally,
    archive_kind,
    read_archive,
    read_archive_file,
)

PAGES = [story(n) for n in range(1, 5)]


def read(name: str, data: bytes) -> tuple[list[ArchivedPage], list[ArchiveProblem], ArchiveTally]:
    tally = ArchiveTally()
    items = list(read_archive_file(io.BytesIO(data), name=name, tally=tally))
    pages = [i for i in items if isinstance(i, ArchivedPage)]
    problems = [i for i in items if isinstance(i, ArchiveProblem)]
    return pages, problems, tally


def urls(pages: list[ArchivedPage]) -> list[str]:
    return [p.url for p in pages]


def mixed_records() -> list[bytes]:
    """Requests before each response, and an image: only the four pages are pages."""
    return [*records(PAGES, with_requests=True), image_record("https://news.example/a.png")]


def test_archive_kinds_by_name():
    assert archive_kind("a.WARC") == archive_kind("b.warc.gz") == "warc"
    assert archive_kind("c.wacz") == "wacz"
    assert archive_kind("d.gz") is None and archive_kind("e.html") is None


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_every_html_response_is_a_page_with_its_url_time_status_headers_and_bytes(gzipped):
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    pages, problems, tally = read(name, warc_bytes(mixed_records(), gzipped=gzipped))
    assert problems == []
    assert urls(pages) == [p.url for p in PAGES]
    first = pages[0]
    assert first.captured_at == datetime(2026, 3, 2, 7, 1, tzinfo=UTC)
    assert first.status == 200
    assert first.header("content-type") == "text/html; charset=utf-8"
    assert first.payload == PAGES[0].html.encode()
    assert first.record_id.startswith("<urn:uuid:")
    assert tally.records == 9 and tally.not_pages == 5
    assert tally.kinds == {"request": 4, "response": 1}


def test_redirects_errors_and_other_types_are_not_pages():
    parts = [
        response_record(Page("https://news.example/moved", "<p>Moved</p>", status="301 Moved")),
        response_record(Page("https://news.example/gone", "<p>Not found</p>", status="404 No")),
        response_record(Page("https://news.example/data.json", "{}", content_type="text/json")),
        response_record(PAGES[0]),
    ]
    pages, problems, tally = read("a.warc", warc_bytes(parts))
    assert urls(pages) == [PAGES[0].url] and problems == []
    assert tally.not_pages == 3


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("by", [40, -40], ids=["longer", "shorter"])
def test_a_lying_content_length_costs_only_its_record(gzipped, by):
    parts = mixed_records()
    parts[3] = lie_about_length(parts[3], by)  # the response for story 2
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    pages, problems, _ = read(name, warc_bytes(parts, gzipped=gzipped))
    assert urls(pages) == [PAGES[0].url, PAGES[2].url, PAGES[3].url]
    assert len(problems) == 1
    offset = len(warc_bytes(parts[:3], gzipped=gzipped))
    assert problems[0].origin == f"{name} at byte {offset}"
    assert "Content-Length" in problems[0].reason


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("into", [0.1, 0.5, 0.9], ids=["headers", "middle", "end"])
def test_a_truncated_archive_keeps_the_records_before_the_cut(gzipped, into):
    parts = mixed_records()
    whole = warc_bytes(parts, gzipped=gzipped)
    # Cut inside story 3's response record.
    cut = len(warc_bytes(parts[:5], gzipped=gzipped)) + int(
        len(warc_bytes(parts[5:6], gzipped=gzipped)) * into
    )
    pages, problems, _ = read("a.warc.gz" if gzipped else "a.warc", whole[:cut])
    assert urls(pages) == [PAGES[0].url, PAGES[1].url]
    assert len(problems) == 1
    assert "truncated" in problems[0].reason or "ends" in problems[0].reason


def test_a_corrupt_gzip_member_costs_only_its_record():
    members = [gzip.compress(part, mtime=0) for part in mixed_records()]
    broken = bytearray(members[3])
    broken[len(broken) // 2 : len(broken) // 2 + 4] = b"\xff\x00\xff\x00"
    members[3] = bytes(broken)
    pages, problems, _ = read("a.warc.gz", b"".join(members))
    assert urls(pages) == [PAGES[0].url, PAGES[2].url, PAGES[3].url]
    assert [p.reason for p in problems] == ["the gzip data of this record is corrupt"]


def test_one_gzip_stream_for_the_whole_file_is_explained():
    _, problems, _ = read("a.warc.gz", gzip.compress(warc_bytes(mixed_records())))
    assert len(problems) == 1
    assert "one gzip stream" in problems[0].reason and "recompress" in problems[0].reason


def test_files_that_are_no_archive_are_one_clear_problem():
    for name, data, words in [
        ("a.warc", b"<html>not a warc</html>", "not a WARC file"),
        ("a.warc", b"", "empty"),
        ("a.wacz", b"PK but no zip", "not a readable zip"),
        ("a.txt", b"WARC/1.0", "not a web archive"),
    ]:
        pages, problems, _ = read(name, data)
        assert pages == [] and len(problems) == 1 and words in problems[0].reason, name


def test_a_wacz_is_read_from_its_warcs():
    warcs = {
        "one.warc.gz": warc_bytes(records(PAGES[:2]), gzipped=True),
        "two.warc": warc_bytes(records(PAGES[2:])),
    }
    for compress in (False, True):  # members stored, or deflated inside the zip
        data = wacz_bytes(warcs, pages=pages_jsonl(PAGES), compress=compress)
        pages, problems, _ = read("a.wacz", data)
        assert urls(pages) == [p.url for p in PAGES] and problems == []


def test_a_wacz_without_pages_is_refused_whole():
    warcs = {"one.warc.gz": warc_bytes(records(PAGES), gzipped=True)}
    pages, problems, _ = read("a.wacz", wacz_bytes(warcs, pages=None))
    assert pages == []
    assert [p.reason for p in problems] == [
        "not a usable WACZ: it has no pages/pages.jsonl (the list of pages a WACZ must carry); "
        "nothing was imported"
    ]
    pages, problems, _ = read("a.wacz", wacz_bytes(warcs, pages=pages_jsonl([])))
    assert pages == [] and "lists no pages" in problems[0].reason
    pages, problems, _ = read("a.wacz", wacz_bytes(warcs, pages=b"{not json\n"))
    assert pages == [] and "not JSON Lines" in problems[0].reason


def test_a_wacz_warc_whose_hash_does_not_match_is_named_and_skipped():
    one = warc_bytes(records(PAGES[:2]), gzipped=True)
    two = warc_bytes(records(PAGES[2:]), gzipped=True)
    # datapackage.json was written for other bytes than two.warc.gz now holds.
    data = wacz_bytes(
        {"one.warc.gz": one, "two.warc.gz": two},
        pages=pages_jsonl(PAGES),
        listed={"two.warc.gz": two + b"\x00"},
    )
    pages, problems, tally = read("a.wacz", data)
    assert urls(pages) == [p.url for p in PAGES[:2]]
    assert tally.records == 2  # two.warc.gz's records were never read
    [problem] = problems
    assert problem.origin == "a.wacz!archive/two.warc.gz"
    actual = hashlib.sha256(two).hexdigest()
    listed = hashlib.sha256(two + bytes(1)).hexdigest()
    assert problem.reason == (
        f"its SHA-256 is {actual} but datapackage.json lists {listed}: the file was "
        "changed or damaged after the WACZ was made; none of its records were imported"
    )


def test_a_wacz_warc_whose_listed_size_differs_is_skipped():
    one = warc_bytes(records(PAGES), gzipped=True)
    package = json.loads(datapackage({"archive/one.warc.gz": one}))
    package["resources"][0]["bytes"] += 1
    data = wacz_bytes({"one.warc.gz": one}, pages=pages_jsonl(PAGES), package=json.dumps(package))
    pages, problems, _ = read("a.wacz", data)
    assert pages == [] and "but datapackage.json lists" in problems[0].reason


def test_a_wacz_warc_not_listed_or_with_another_hash_is_skipped():
    one = warc_bytes(records(PAGES[:2]), gzipped=True)
    two = warc_bytes(records(PAGES[2:]), gzipped=True)
    files = {"one.warc.gz": one, "two.warc.gz": two}
    only_one = datapackage({"archive/one.warc.gz": one})
    pages, problems, _ = read(
        "a.wacz", wacz_bytes(files, pages=pages_jsonl(PAGES), package=only_one)
    )
    assert urls(pages) == [p.url for p in PAGES[:2]]
    assert [(p.origin, p.reason) for p in problems] == [
        (
            "a.wacz!archive/two.warc.gz",
            "it is not listed in datapackage.json, so its hash cannot be checked; "
            "none of its records were imported",
        )
    ]
    md5 = json.loads(datapackage({f"archive/{name}": data for name, data in files.items()}))
    md5["resources"][1]["hash"] = "md5:" + hashlib.md5(two).hexdigest()
    pages, problems, _ = read(
        "a.wacz", wacz_bytes(files, pages=pages_jsonl(PAGES), package=json.dumps(md5))
    )
    assert len(pages) == 2 and "not a SHA-256" in problems[0].reason


def test_a_bare_hex_hash_of_early_writers_is_accepted():
    one = warc_bytes(records(PAGES), gzipped=True)
    package = json.loads(datapackage({"archive/one.warc.gz": one}))
    package["resources"][0]["hash"] = hashlib.sha256(one).hexdigest()
    data = wacz_bytes({"one.warc.gz": one}, pages=pages_jsonl(PAGES), package=json.dumps(package))
    pages, problems, _ = read("a.wacz", data)
    assert len(pages) == len(PAGES) and problems == []


def test_a_wacz_without_a_usable_datapackage_is_refused_whole():
    warcs = {"one.warc.gz": warc_bytes(records(PAGES), gzipped=True)}
    cases = [
        (None, "it has no datapackage.json (the list of its files and their SHA-256 hashes"),
        (b"{not json", "its datapackage.json is not JSON"),
        (b'{"profile": "data-package"}', "its datapackage.json has no list of resources"),
        (
            datapackage({"pages/pages.jsonl": b""}),
            "its datapackage.json lists none of its WARCs (archive/one.warc.gz)",
        ),
    ]
    for package, words in cases:
        pages, problems, tally = read(
            "a.wacz", wacz_bytes(warcs, pages=pages_jsonl(PAGES), package=package)
        )
        assert pages == [] and tally.records == 0, words
        [problem] = problems
        assert problem.origin == "a.wacz"
        assert problem.reason.startswith(f"not a usable WACZ: {words}"), problem.reason
        assert problem.reason.endswith("; nothing was imported")


def test_a_wacz_with_a_damaged_warc_keeps_the_rest():
    parts = records(PAGES)
    parts[1] = lie_about_length(parts[1], 25)
    warcs = {"one.warc.gz": warc_bytes(parts, gzipped=True)}
    pages, problems, _ = read("a.wacz", wacz_bytes(warcs, pages=pages_jsonl(PAGES)))
    assert len(pages) == 3 and len(problems) == 1
    assert problems[0].origin.startswith("a.wacz!archive/one.warc.gz at byte ")


def test_read_archive_reports_progress_in_bytes_of_the_file(tmp_path):
    path = tmp_path / "a.warc.gz"
    data = warc_bytes(mixed_records(), gzipped=True)
    path.write_bytes(data)
    seen: list[int] = []
    pages = [i for i in read_archive(path, progress=seen.append) if isinstance(i, ArchivedPage)]
    assert len(pages) == 4
    assert seen == sorted(seen) and seen[-1] == len(data)
    missing = list(read_archive(tmp_path / "missing.warc"))
    assert isinstance(missing[0], ArchiveProblem) and "cannot read" in missing[0].reason
