"""Web archive ingest at 20 MB and 200 MB: time and peak memory, which must not grow with size.

    createdb -h 127.0.0.1 -U postgres tracker_bench_warc
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench_warc \\
        .venv/bin/python bench/warc_ingest.py --sizes 20 200 --json bench/results/warc.json
    .venv/bin/python bench/warc_ingest.py --sizes 20 --wacz --no-ingest

For each size it writes a WARC.gz the way crawls look (an HTML page, then
its images and scripts: about 5% of the bytes are pages, the rest media that
does not compress), then measures, each in a fresh process so that its peak
resident size is its own:

- read: tracker.web_archives.read_archive over the file, no database;
- ingest: ``manage.py ingest FILE`` into the database of DATABASE_URL, which
  must be a scratch database whose name contains "bench" (the archive's
  pages are stored there, and the captures under --dir).

With ``--wacz`` the same WARC.gz goes inside a WACZ whose datapackage.json
lists its SHA-256, which the read checks (streaming) before reading records.

Peak memory is the child's maximum resident set size (``wait4``). Flat means
the 200 MB figure stays near the 20 MB one while the archive is ten times
larger.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEDIA_BYTES = 96 * 1024  # one image or script record
PAGE_SHARE = 0.01  # pages are few and small next to media; they set the ingest time


def write_archive(path: Path, megabytes: float, seed: int = 1) -> dict[str, int]:
    """A WARC.gz of about ``megabytes``, written record by record (never whole in memory)."""
    from tests.web_archive_files import Page, response_record, story

    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    written = page_bytes = pages = records = 0
    with path.open("wb") as out:
        while written < target:
            member = gzip.compress(response_record(story(pages + 1)), mtime=0)
            out.write(member)
            written += len(member)
            page_bytes += len(member)
            pages += 1
            records += 1
            # Then media, until pages are PAGE_SHARE of the bytes written.
            while written < target and written < page_bytes / PAGE_SHARE:
                # Random bytes, as images are: gzip cannot shrink them.
                body = rng.randbytes(MEDIA_BYTES).decode("latin-1")
                url = f"https://news.example/img/{pages}-{records}.jpg"
                media = Page(url, body, content_type="image/jpeg")
                member = gzip.compress(response_record(media), mtime=0)
                out.write(member)
                written += len(member)
                records += 1
    return {"bytes": path.stat().st_size, "pages": pages, "records": records}


def wrap_wacz(warc: Path, path: Path) -> None:
    """A WACZ around ``warc`` (stored, as WACZ writers do), its datapackage.json hashed.

    Both the hash and the zip are written a block at a time: the bench never
    holds the archive in memory.
    """
    import hashlib
    import zipfile

    digest = hashlib.sha256()
    with warc.open("rb") as source:
        while block := source.read(1024 * 1024):
            digest.update(block)
    member = f"archive/{warc.name}"
    pages = b'{"format": "json-pages-1.0", "id": "pages"}\n{"url": "https://news.example/1"}\n'
    package = {
        "profile": "data-package",
        "wacz_version": "1.1.1",
        "resources": [
            {"path": member, "hash": f"sha256:{digest.hexdigest()}", "bytes": warc.stat().st_size},
            {
                "path": "pages/pages.jsonl",
                "hash": f"sha256:{hashlib.sha256(pages).hexdigest()}",
                "bytes": len(pages),
            },
        ],
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.write(warc, member)
        archive.writestr("pages/pages.jsonl", pages)
        archive.writestr("datapackage.json", json.dumps(package))


def _child(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Run ``command``; its wall time, peak RSS in bytes, and output."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed:\n{output}")
    return elapsed, usage.ru_maxrss * 1024, output


def read_only(path: Path) -> None:
    """The child of the read measure: stream every record, keep nothing."""
    from tracker.web_archives import ArchivedPage, ArchiveTally, read_archive

    tally = ArchiveTally()
    pages = sum(isinstance(item, ArchivedPage) for item in read_archive(path, tally=tally))
    print(json.dumps({"pages": pages, "records": tally.records}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[20, 200], help="In MB.")
    parser.add_argument("--dir", type=Path, help="Where archives and captures go (a temp dir).")
    parser.add_argument("--json", type=Path, help="Write the figures to this file.")
    parser.add_argument("--no-ingest", action="store_true", help="Measure reading only.")
    parser.add_argument(
        "--wacz",
        action="store_true",
        help="Measure the same WARC.gz inside a WACZ (its datapackage.json hash checked).",
    )
    parser.add_argument("--read-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_only:
        read_only(args.read_only)
        return
    database = os.environ.get("DATABASE_URL", "")
    if not args.no_ingest and "bench" not in database.rsplit("/", 1)[-1]:
        raise SystemExit(
            "Set DATABASE_URL to a scratch database whose name contains 'bench' "
            "(the ingest stores every page there), or pass --no-ingest."
        )
    folder = args.dir or Path(tempfile.mkdtemp(prefix="warc-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TRACKER_CAPTURE_ROOT": str(folder / "captures")}
    python = sys.executable
    results = []
    for size in args.sizes:
        path = folder / f"bench-{size:g}mb.warc.gz"
        made = write_archive(path, size)
        if args.wacz:
            wacz = path.with_name(path.name.replace(".warc.gz", ".wacz"))
            wrap_wacz(path, wacz)
            path.unlink()
            path = wacz
            made["bytes"] = path.stat().st_size
        row: dict[str, float | int | str] = {"archive": path.name, **made}
        seconds, rss, output = _child([python, __file__, "--read-only", str(path)], env)
        read = json.loads(output.strip().splitlines()[-1])
        assert read["pages"] == made["pages"], (read, made)
        row |= {"read_s": round(seconds, 2), "read_peak_rss_mb": round(rss / 2**20, 1)}
        if not args.no_ingest:
            command = [python, str(ROOT / "manage.py"), "ingest", "--no-progress", str(path)]
            seconds, rss, output = _child(command, env)
            row |= {
                "ingest_s": round(seconds, 1),
                "ingest_peak_rss_mb": round(rss / 2**20, 1),
                "pages_per_s": round(made["pages"] / seconds, 1),
                "ingest_summary": output.strip().splitlines()[0],
            }
        results.append(row)
        print(json.dumps(row), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
