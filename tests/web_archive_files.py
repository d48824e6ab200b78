"""Web archives the tests (and bench/warc_ingest.py) write themselves, with warcio's writer.

``records`` makes each record's bytes apart, uncompressed, so a test can
damage one (a lying Content-Length, a cut) before ``warc_bytes`` joins them,
plain or one gzip member per record, as real WARC.gz files are. ``wacz_bytes``
packs WARCs with a page list into a WACZ.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Page:
    url: str
    html: str
    date: str = "2026-03-08T07:12:00Z"
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"


def article(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        f"<footer>© 2026 Example News</footer></body></html>"
    )


def story(n: int) -> Page:
    """A distinct news page, long enough to be read as an article."""
    return Page(
        url=f"https://news.example/story-{n}",
        html=article(
            f"Shelling in district {n}",
            f"At least {n + 3} people were killed when shells hit district {n} on Sunday, "
            "the civil defence said.",
            f"Residents of district {n} said the shells came from the hills to the north. "
            "The army denied firing on the district.",
            f"The UN said it was seeking information about district {n} from its partners.",
        ),
        date=f"2026-03-{(n % 27) + 1:02d}T07:{n % 60:02d}:00Z",
    )


def _one(write) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    write(writer)
    return buffer.getvalue()


def response_record(page: Page) -> bytes:
    def write(writer: WARCWriter) -> None:
        headers = StatusAndHeaders(
            page.status, [("Content-Type", page.content_type)], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            page.url,
            "response",
            payload=io.BytesIO(page.html.encode("utf-8")),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": page.date},
        )
        writer.write_record(record)

    return _one(write)


def request_record(url: str) -> bytes:
    def write(writer: WARCWriter) -> None:
        headers = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
        )
        writer.write_record(writer.create_warc_record(url, "request", http_headers=headers))

    return _one(write)


def image_record(url: str, size: int = 2048) -> bytes:
    return response_record(Page(url=url, html="\x89PNG" + "x" * size, content_type="image/png"))


def records(pages: list[Page], *, with_requests: bool = False) -> list[bytes]:
    out: list[bytes] = []
    for page in pages:
        if with_requests:
            out.append(request_record(page.url))
        out.append(response_record(page))
    return out


def warc_bytes(parts: list[bytes], *, gzipped: bool = False) -> bytes:
    if not gzipped:
        return b"".join(parts)
    return b"".join(gzip.compress(part, mtime=0) for part in parts)


def lie_about_length(record: bytes, by: int) -> bytes:
    """The record with its WARC Content-Length off by ``by`` bytes; its bytes unchanged."""
    match = re.search(rb"Content-Length: (\d+)\r\n", record)
    assert match is not None
    wrong = str(int(match.group(1)) + by).encode()
    return record[: match.start(1)] + wrong + record[match.end(1) :]


def pages_jsonl(pages: list[Page]) -> bytes:
    lines = [{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}]
    lines += [{"url": p.url, "ts": p.date, "title": ""} for p in pages]
    return "\n".join(json.dumps(line) for line in lines).encode() + b"\n"


def datapackage(files: dict[str, bytes]) -> bytes:
    """A WACZ 1.x datapackage.json listing ``files`` (path to bytes) with their SHA-256."""
    resources = [
        {
            "name": path.rsplit("/", 1)[-1],
            "path": path,
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
        }
        for path, data in files.items()
    ]
    package = {"profile": "data-package", "wacz_version": "1.1.1", "resources": resources}
    return json.dumps(package, indent=2).encode()


KEEP = object()


def wacz_bytes(
    warcs: dict[str, bytes],
    *,
    pages: bytes | None = b"",
    compress: bool = False,
    package: bytes | object | None = KEEP,
    listed: dict[str, bytes] | None = None,
) -> bytes:
    """A WACZ holding ``warcs`` under archive/; ``pages`` None leaves out pages.jsonl.

    Its datapackage.json lists every file with its SHA-256, as WACZ 1.x writers
    do; ``listed`` replaces what it says some WARCs hold (a mismatched hash),
    ``package`` replaces the whole file (None leaves it out).
    """
    files = {f"archive/{name}": data for name, data in warcs.items()}
    if pages is not None:
        files["pages/pages.jsonl"] = pages
    hashed = dict(files)
    for name, data in (listed or {}).items():
        hashed[f"archive/{name}"] = data
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        if package is KEEP:
            archive.writestr("datapackage.json", datapackage(hashed))
        elif package is not None:
            archive.writestr("datapackage.json", package)
    return buffer.getvalue()
