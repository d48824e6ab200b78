"""Read report files for ingesting: plain text, HTML and JSON Lines.

Each reader yields ``Report`` items or ``Refusal``s with a clear reason; it
never raises for what a file contains, so one bad file (or line) cannot stop
a run over many.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.dateparse import parse_datetime

from tracker.extraction import decode_bytes, html_to_text
from tracker.extraction.decoding import DecodedText, DecodingError
from tracker.vocabularies import CaptureOrigin

# Larger files are refused before they are read: no report is this long.
MAX_FILE_BYTES = 12 * 1024 * 1024
# The first line of a .txt file is its title when it is short and has no final stop.
MAX_TITLE_CHARS = 200
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class Report:
    origin: str
    title: str
    text: str
    url: str = ""
    published_at: datetime | None = None
    outlet_name: str = ""
    # What was read, untouched, for the capture: the whole file, or the line's bytes.
    raw: bytes = b""
    content_type: str = ""
    capture_origin: str = CaptureOrigin.FILE
    html_derived: bool = False


@dataclass(frozen=True)
class Refusal:
    origin: str
    reason: str


def _title_of_text(text: str) -> str:
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first) <= MAX_TITLE_CHARS and not first.endswith((".", "!", "?", '"')):
        return first
    return ""


def _read(path: Path) -> bytes | Refusal:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Refusal(str(path), f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return path.read_bytes()
    except OSError as error:
        return Refusal(str(path), f"cannot read: {error.strerror or error}")


def _decode(origin: str, data: bytes) -> DecodedText | Refusal:
    try:
        return decode_bytes(data)
    except DecodingError as error:
        return Refusal(origin, str(error))


def _line_bytes(data: bytes, decoded: DecodedText) -> list[bytes]:
    """Each line's own bytes, as in the file, where the encoding lets bytes be split at b"\\n"."""
    if decoded.encoding in ("utf-8", "cp1252", "iso-8859-1") and not decoded.had_bom:
        return [line.rstrip(b"\r") for line in data.split(b"\n")]
    # UTF-16 and friends: each line in the file's own encoding.
    return [line.encode(decoded.encoding) for line in decoded.text.split("\n")]


def _from_json(origin: str, line: str, raw: bytes = b"") -> Report | Refusal:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return Refusal(origin, f"not JSON: {error.msg} at column {error.colno}")
    if not isinstance(item, dict):
        return Refusal(origin, "each line must be a JSON object")
    fields = {"title", "text", "html", "url", "published_at", "outlet"}
    unknown = set(item) - fields
    if unknown:
        return Refusal(origin, f"unknown fields {sorted(unknown)}; known: {sorted(fields)}")
    for name in fields & set(item):
        if item[name] is not None and not isinstance(item[name], str):
            return Refusal(origin, f"{name!r} must be a string")
    text, title = item.get("text") or "", item.get("title") or ""
    if item.get("html"):
        converted = html_to_text(item["html"])
        text, title = converted.text, title or converted.title
    if not text.strip():
        return Refusal(origin, "no text (give 'text' or 'html')")
    published = None
    if item.get("published_at"):
        try:
            published = parse_datetime(item["published_at"])
        except ValueError:
            published = None
        if published is None:
            return Refusal(origin, "published_at must be an ISO 8601 date-time")
    return Report(
        origin=origin,
        title=title,
        text=text,
        url=item.get("url") or "",
        published_at=published,
        outlet_name=item.get("outlet") or "",
        raw=raw or line.encode("utf-8"),
        content_type="application/json",
        capture_origin=CaptureOrigin.JSONL_LINE,
        html_derived=bool(item.get("html")),
    )


def read_reports(path: Path) -> Iterator[Report | Refusal]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Refusal(str(path), f"unknown file type {suffix or '(none)'}; expected {SUFFIXES}")
        return
    data = _read(path)
    if isinstance(data, Refusal):
        yield data
        return
    decoded = _decode(str(path), data)
    if isinstance(decoded, Refusal):
        yield decoded
        return
    text = decoded.text
    if suffix == ".txt":
        yield Report(
            origin=str(path), title=_title_of_text(text), text=text, raw=data,
            content_type=f"text/plain; charset={decoded.encoding}",
        )  # fmt: skip
    elif suffix in (".html", ".htm"):
        converted = html_to_text(text)
        if not converted.text.strip():
            yield Refusal(str(path), "the page has no readable text")
        else:
            yield Report(
                origin=str(path), title=converted.title, text=converted.text, raw=data,
                content_type=f"text/html; charset={decoded.encoding}", html_derived=True,
            )  # fmt: skip
    else:
        lines = text.split("\n")
        raw_lines = _line_bytes(data, decoded)
        if len(raw_lines) != len(lines):
            raw_lines = [line.encode("utf-8") for line in lines]
        for number, (line, raw) in enumerate(zip(lines, raw_lines, strict=True), start=1):
            if line.strip():
                yield _from_json(f"{path}:{number}", line.rstrip("\r"), raw)
