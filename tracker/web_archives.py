"""Read web archives (WARC, WARC.gz, WACZ) record by record, streaming.

warcio parses the records; this module decides what one bad record costs:
only itself. Each HTML response (HTTP 200, text/html) comes out as an
``ArchivedPage`` with its URL, capture time (WARC-Date), status, headers and
payload; a record that cannot be read whole comes out as an
``ArchiveProblem`` saying why, and reading goes on at the next record.

How a bad record is found: the bytes end before its Content-Length (a
truncated file, or a Content-Length longer than the record), the record is
not followed by the blank lines that end every record (a Content-Length
shorter than the record), its WARC digests do not match its bytes, or the
gzip member holding it is corrupt. Reading then resumes at the next record
boundary found after the bad record's start: the next ``WARC/1.x`` line in
a plain file, the next gzip member in a compressed one. So a Content-Length
that swallowed the following record loses only the lying record.

Memory stays flat in the archive's size: records are read in blocks, only an
HTML page's payload is held (up to ``MAX_PAGE_BYTES``), and a WACZ's WARCs
are read from inside the zip without unpacking it.

A WACZ's ``datapackage.json`` lists each file's SHA-256. Each WARC inside is
hashed (streaming) before any of its records is read; one whose hash does not
match, or that is not listed, is reported by name and none of its records are
imported, while the archive's other WARCs are. A WACZ with no usable
datapackage.json (missing, unreadable, or listing none of its WARCs) is
refused whole, as one without pages is.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wacz")
# A page larger than this is no article; it is reported, not read into memory.
MAX_PAGE_BYTES = 12 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCAN_BLOCK = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
# What a damaged archive makes warcio or zlib raise while parsing a record.
# warcio assumes well-formed headers in places, so a record cut inside its
# headers can surface as AttributeError or the like rather than a parse error.
_READ_ERRORS = (
    AttributeError,
    IndexError,
    KeyError,
    TypeError,
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    UnicodeDecodeError,
)


@dataclass(frozen=True)
class ArchivedPage:
    origin: str  # where in which file, for messages
    url: str
    captured_at: datetime
    status: int
    headers: tuple[tuple[str, str], ...]
    payload: bytes
    record_id: str = ""

    def header(self, name: str) -> str:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), "")


@dataclass(frozen=True)
class ArchiveProblem:
    origin: str
    reason: str


@dataclass
class ArchiveTally:
    """What a read saw besides the pages and problems it yielded."""

    records: int = 0
    not_pages: int = 0  # requests, metadata, images, redirects, ...
    kinds: dict[str, int] = field(default_factory=dict)


def archive_kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".wacz"):
        return "wacz"
    if lower.endswith((".warc", ".warc.gz")):
        return "warc"
    return None


def read_archive(
    path: Path,
    *,
    tally: ArchiveTally | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[ArchivedPage | ArchiveProblem]:
    """Every HTML page of the archive at ``path``, and every record that failed."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield ArchiveProblem(str(path), f"cannot read: {error.strerror or error}")
        return
    with handle:
        yield from read_archive_file(
            handle, name=str(path), tally=tally, progress=progress, position=handle.tell
        )


def read_archive_file(
    handle: BinaryIO,
    *,
    name: str,
    tally: ArchiveTally | None = None,
    progress: Callable[[int], None] | None = None,
    position: Callable[[], int] | None = None,
) -> Iterator[ArchivedPage | ArchiveProblem]:
    """The same for an open, seekable binary file (an upload), named ``name``."""
    tally = tally if tally is not None else ArchiveTally()

    def report() -> None:
        if progress is not None and position is not None:
            progress(position())

    kind = archive_kind(name)
    if kind == "wacz":
        yield from _wacz(handle, name, tally, report)
    elif kind == "warc":
        yield from _warc(handle, name, tally, report)
    else:
        yield ArchiveProblem(name, f"not a web archive; expected one of {ARCHIVE_SUFFIXES}")


def _wacz(
    handle: BinaryIO, name: str, tally: ArchiveTally, report: Callable[[], None]
) -> Iterator[ArchivedPage | ArchiveProblem]:
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        yield ArchiveProblem(name, f"not a WACZ: the file is not a readable zip ({error})")
        return
    with archive:
        names = archive.namelist()
        problem = _wacz_pages_problem(archive, names)
        if problem:
            yield ArchiveProblem(name, f"not a usable WACZ: {problem}; nothing was imported")
            return
        warcs = sorted(n for n in names if n.startswith("archive/") and archive_kind(n) == "warc")
        if not warcs:
            yield ArchiveProblem(name, "not a usable WACZ: it has no archive/*.warc.gz files")
            return
        listed, problem = _wacz_resources(archive, names)
        if not problem and not any(member in listed for member in warcs):
            problem = (
                f"its datapackage.json lists none of its WARCs ({', '.join(warcs)}), so "
                "none can be checked against a hash"
            )
        if problem:
            yield ArchiveProblem(name, f"not a usable WACZ: {problem}; nothing was imported")
            return
        for member in warcs:
            where = f"{name}!{member}"
            problem = _wacz_hash_problem(archive, member, listed.get(member))
            if problem:
                yield ArchiveProblem(where, f"{problem}; none of its records were imported")
                continue
            try:
                stream = archive.open(member)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
                yield ArchiveProblem(where, f"cannot open in the zip: {error}")
                continue
            with stream:
                yield from _warc(stream, where, tally, report)


# datapackage.json lists each file's path, size and hash: "sha256:<hex>" since
# WACZ 1.0 (py-wacz, Browsertrix, ArchiveWeb.page); bare hex in early writers.
_DATAPACKAGE_MAX_BYTES = 64 * 1024 * 1024
_HEX64 = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class WaczResource:
    path: str
    hash: str  # as listed
    size: int | None


def _wacz_resources(
    archive: zipfile.ZipFile, names: list[str]
) -> tuple[dict[str, WaczResource], str]:
    """The files datapackage.json lists, by path, or why it cannot be used."""
    if "datapackage.json" not in names:
        return {}, (
            "it has no datapackage.json (the list of its files and their SHA-256 hashes "
            "that a WACZ must carry), so its WARCs cannot be checked"
        )
    try:
        if archive.getinfo("datapackage.json").file_size > _DATAPACKAGE_MAX_BYTES:
            return {}, "its datapackage.json is too large to be a file list"
        with archive.open("datapackage.json") as raw:
            package = json.load(io.TextIOWrapper(raw, "utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return {}, f"its datapackage.json is not JSON ({error})"
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        return {}, f"its datapackage.json cannot be read ({error})"
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        return {}, "its datapackage.json has no list of resources"
    listed = {}
    for entry in resources:
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            size = entry.get("bytes")
            listed[entry["path"]] = WaczResource(
                path=entry["path"],
                hash=entry.get("hash") if isinstance(entry.get("hash"), str) else "",
                size=size if isinstance(size, int) and not isinstance(size, bool) else None,
            )
    return listed, ""


def _expected_sha256(listed_hash: str) -> str | None:
    algorithm, _, digest = listed_hash.strip().lower().rpartition(":")
    if algorithm not in ("", "sha256") or len(digest) != 64 or not set(digest) <= _HEX64:
        return None
    return digest


def _wacz_hash_problem(archive: zipfile.ZipFile, member: str, resource: WaczResource | None) -> str:
    """Why the WARC ``member`` does not match datapackage.json, or '' when it does.

    The member is hashed as it is read, a block at a time: memory stays flat
    however large it is. Reading it a second time for its records costs time,
    not memory, and no record is imported from bytes not yet checked.
    """
    if resource is None:
        return "it is not listed in datapackage.json, so its hash cannot be checked"
    expected = _expected_sha256(resource.hash)
    if expected is None:
        shown = resource.hash[:80] or "no hash"
        return (
            f"datapackage.json gives it {shown!r}, not a SHA-256 ('sha256:<64 hex digits>'), "
            "so it cannot be checked"
        )
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(member) as stream:
            while block := stream.read(_SCAN_BLOCK):
                digest.update(block)
                size += len(block)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        return f"it cannot be read from the zip to check its hash ({error})"
    if digest.hexdigest() != expected:
        return (
            f"its SHA-256 is {digest.hexdigest()} but datapackage.json lists {expected}: "
            "the file was changed or damaged after the WACZ was made"
        )
    if resource.size is not None and resource.size != size:
        return f"it is {size:,} bytes but datapackage.json lists {resource.size:,}"
    return ""


def _wacz_pages_problem(archive: zipfile.ZipFile, names: list[str]) -> str:
    """Why the WACZ's page list is missing or empty, or '' when it lists pages."""
    if "pages/pages.jsonl" not in names:
        return "it has no pages/pages.jsonl (the list of pages a WACZ must carry)"
    pages = 0
    try:
        with archive.open("pages/pages.jsonl") as listing:
            for number, raw in enumerate(io.TextIOWrapper(listing, "utf-8"), start=1):
                if not raw.strip():
                    continue
                entry = json.loads(raw)
                if not isinstance(entry, dict):
                    return f"line {number} of pages/pages.jsonl is not a JSON object"
                # The first line is the format header; pages are the lines with a URL.
                pages += "url" in entry
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return f"pages/pages.jsonl is not JSON Lines ({error})"
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        return f"pages/pages.jsonl cannot be read ({error})"
    return "" if pages else "pages/pages.jsonl lists no pages"


def _peek(handle: BinaryIO, at: int, size: int) -> bytes:
    handle.seek(at)
    data = handle.read(size)
    handle.seek(at)
    return data


def _next_boundary(handle: BinaryIO, after: int, gzipped: bool) -> int | None:
    """The start of the next record after byte ``after``, or None at the end."""
    marker = _GZIP_MAGIC if gzipped else _WARC_LINE
    skip = 0 if gzipped else 1  # the WARC line starts after its newline
    position = after + 1
    carry = b""
    handle.seek(position)
    while True:
        block = handle.read(_SCAN_BLOCK)
        if not block:
            return None
        data = carry + block
        found = data.find(marker)
        if found != -1:
            return position - len(carry) + found + skip
        carry = data[-(len(marker) - 1) :]
        position += len(block)


def _leftover(handle: BinaryIO, at: int) -> bool:
    """Whether bytes other than padding follow the last record read whole."""
    handle.seek(at)
    return bool(handle.read(4096).strip(b"\x00\r\n\t "))


def _quiet(call: Callable):
    """Run a warcio step without the warnings it prints to stderr; we report them ourselves."""
    with contextlib.redirect_stderr(io.StringIO()):
        return call()


def _warc(
    handle: BinaryIO, name: str, tally: ArchiveTally, report: Callable[[], None]
) -> Iterator[ArchivedPage | ArchiveProblem]:
    start = handle.tell()
    head = _peek(handle, start, 8)
    if not head:
        yield ArchiveProblem(name, "the file is empty")
        return
    gzipped = head.startswith(b"\x1f\x8b")
    if not gzipped and not head.startswith(b"WARC/"):
        yield ArchiveProblem(name, "not a WARC file: it starts with neither 'WARC/' nor gzip")
        return
    position: int | None = start
    resumed = False
    while position is not None:
        handle.seek(position)
        records = ArchiveIterator(handle, check_digests=True)
        bad_at: int | None = None
        yielded = False
        while True:
            # warcio's offset can fall before the start within a single-stream gzip.
            offset = max(records.offset, position)
            try:
                record = _quiet(lambda records=records: next(records, None))
            except _READ_ERRORS as error:
                if resumed and not yielded:
                    # A boundary guessed by scanning that is no record: keep scanning.
                    bad_at = offset
                    break
                yield ArchiveProblem(f"{name} at byte {offset}", _reason(error, gzipped))
                bad_at = offset
                break
            if record is None:
                if _leftover(handle, offset):
                    # warcio ends quietly when the file stops inside a record's headers.
                    yield ArchiveProblem(
                        f"{name} at byte {offset}",
                        "the file ends in the middle of this record (truncated)",
                    )
                break
            yielded = True
            tally.records += 1
            outcome = _record(records, record, f"{name} at byte {offset}", tally)
            report()
            if outcome is not None:
                yield outcome
            if isinstance(outcome, ArchiveProblem):
                bad_at = offset
                break
        if bad_at is None:
            return
        position = _next_boundary(handle, bad_at, gzipped)
        resumed = True


def _reason(error: Exception, gzipped: bool) -> str:
    text = str(error).strip()
    if "non-chunked gzip" in text:
        return (
            "the file is one gzip stream rather than one gzip member per record, so its "
            "records cannot be read one by one; recompress it (warcio recompress IN OUT)"
        )
    if isinstance(error, EOFError):
        return "the file ends in the middle of this record (truncated)"
    if gzipped and isinstance(error, zlib.error | ArchiveLoadFailed):
        # warcio reads a member it cannot inflate as raw bytes, which then are no record.
        return "the gzip data of this record is corrupt"
    if isinstance(error, AttributeError | IndexError | KeyError | TypeError):
        return "the record's headers are cut short or malformed (is the file truncated?)"
    first = text.splitlines()[0] if text else type(error).__name__
    printable = "".join(ch if ch.isprintable() else "?" for ch in first[:120])
    return f"the record cannot be read ({printable})"


def _record(
    records: ArchiveIterator, record, origin: str, tally: ArchiveTally
) -> ArchivedPage | ArchiveProblem | None:
    """Read one record to its end and check it; a page, a problem, or None for other records."""
    payload: bytes | None = None
    page_problem = ""
    wanted = _is_page(record)
    if wanted:
        try:
            payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
        except _READ_ERRORS as error:
            page_problem = f"the page's content cannot be decoded ({error})"
        if payload is not None and len(payload) > MAX_PAGE_BYTES:
            page_problem = f"the page is over {MAX_PAGE_BYTES:,} bytes, too large for an article"
    warnings_before = records.err_count
    try:
        _quiet(records.read_to_end)
    except _READ_ERRORS as error:
        return ArchiveProblem(origin, _reason(error, gzipped=False))
    damage = _damage(records, record, warnings_before)
    if damage:
        return ArchiveProblem(origin, damage)
    if not wanted:
        kind = record.rec_type or "unknown"
        tally.kinds[kind] = tally.kinds.get(kind, 0) + 1
        tally.not_pages += 1
        return None
    if page_problem:
        return ArchiveProblem(origin, page_problem)
    return _page(record, origin, payload or b"")


def _damage(records: ArchiveIterator, record, warnings_before: int) -> str:
    length = record.rec_headers.get_header("Content-Length") or "?"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return (
            f"the record ends before its Content-Length of {length} bytes "
            "(the file is truncated or the Content-Length is wrong)"
        )
    if records.err_count > warnings_before:
        return (
            f"the record runs on past its Content-Length of {length} bytes "
            "(the Content-Length is wrong)"
        )
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return f"the record's bytes do not match its digest ({'; '.join(checker.problems)})"
    return ""


def _is_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status == "200" and content_type.split(";")[0].strip() in HTML_TYPES


def _page(record, origin: str, payload: bytes) -> ArchivedPage | ArchiveProblem:
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not url:
        return ArchiveProblem(origin, "the response has no WARC-Target-URI")
    raw_date = record.rec_headers.get_header("WARC-Date") or ""
    try:
        captured_at = datetime.fromisoformat(raw_date.strip())
    except ValueError:
        return ArchiveProblem(origin, f"the WARC-Date {raw_date!r} is not an ISO 8601 time")
    if captured_at.tzinfo is None:
        return ArchiveProblem(origin, f"the WARC-Date {raw_date!r} has no time zone")
    return ArchivedPage(
        origin=origin,
        url=url,
        captured_at=captured_at,
        status=int(record.http_headers.get_statuscode()),
        headers=tuple((str(k), str(v)) for k, v in record.http_headers.headers),
        payload=payload,
        record_id=record.rec_headers.get_header("WARC-Record-ID") or "",
    )
