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
from tracker.extraction.decoding import DecodingError

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


def _decode(origin: str, data: bytes) -> str | Refusal:
    try:
        return decode_bytes(data).text
    except DecodingError as error:
        return Refusal(origin, str(error))


def _from_json(origin: str, line: str) -> Report | Refusal:
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
    text = _decode(str(path), data)
    if isinstance(text, Refusal):
        yield text
        return
    if suffix == ".txt":
        yield Report(origin=str(path), title=_title_of_text(text), text=text)
    elif suffix in (".html", ".htm"):
        converted = html_to_text(text)
        if not converted.text.strip():
            yield Refusal(str(path), "the page has no readable text")
        else:
            yield Report(origin=str(path), title=converted.title, text=converted.text)
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield _from_json(f"{path}:{number}", line)
