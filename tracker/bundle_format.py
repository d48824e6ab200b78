"""The evidence bundle's format: a ZIP streamed out, and checked offline against its manifest.

Pure Python: no Django, no database. ``stream_zip`` writes entries to a ZIP a
chunk at a time, so a bundle of many large captures never sits in memory.
``check_bundle`` reads a bundle back and names every file that was altered,
is missing, or was added, against ``manifest.json``.

The manifest lists every other file with its SHA-256 and size, what it is,
and which document or capture it belongs to; ``relations`` says how the
JSON files point at each other. Its own SHA-256 is recorded in the app at
export, which is how a manifest rewritten together with its files is told
apart (``manage.py verify_bundle``).
"""

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

MANIFEST = "manifest.json"
FORMAT = "tracker-evidence-bundle"
FORMAT_VERSION = 1
CHUNK_BYTES = 1024 * 1024
# Every entry carries this time, so the same content gives the same ZIP entries;
# when each file was made is in the manifest and the JSON, not in ZIP headers.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Entry:
    """One file of the bundle: its name, what the manifest says of it, and its bytes."""

    path: str
    sha256: str
    size: int
    kind: str
    chunks: Callable[[], Iterable[bytes]]
    refers_to: dict = field(default_factory=dict)

    def manifest_row(self) -> dict:
        row = {"path": self.path, "sha256": self.sha256, "size": self.size, "kind": self.kind}
        if self.refers_to:
            row["refers_to"] = self.refers_to
        return row


def json_bytes(value) -> bytes:
    """JSON as the bundle stores it: sorted keys, indented, UTF-8, one trailing newline."""
    return (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def entry_of_bytes(path: str, content: bytes, kind: str, refers_to: dict | None = None) -> Entry:
    return Entry(
        path=path,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        kind=kind,
        chunks=lambda: (content,),
        refers_to=refers_to or {},
    )


class _Sink:
    """A write-only, unseekable file: ZipFile writes into it, the stream drains it."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._written = 0

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        pass

    def drain(self) -> Iterator[bytes]:
        if self._parts:
            data = b"".join(self._parts)
            self._parts.clear()
            yield data


def stream_zip(entries: Iterable[Entry]) -> Iterator[bytes]:
    """The ZIP of ``entries``, a piece at a time, with nothing but one chunk held at once."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for entry in entries:
            info = zipfile.ZipInfo(entry.path, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.file_size = entry.size  # lets zipfile choose ZIP64 up front for a huge file
            with archive.open(info, "w") as out:
                for chunk in entry.chunks():
                    out.write(chunk)
                    yield from sink.drain()
            yield from sink.drain()
    yield from sink.drain()


# -- checking a bundle --------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    kind: str  # "altered", "missing", "added", "unreadable"
    path: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind.upper()}: {self.path}: {self.detail}"


@dataclass
class Check:
    """What checking a bundle found."""

    manifest_sha256: str = ""
    manifest: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def intact(self) -> bool:
        return not self.problems


def _hash_member(archive: zipfile.ZipFile, name: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with archive.open(name) as member:
        while chunk := member.read(CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _read_manifest(archive: zipfile.ZipFile, check: Check) -> bool:
    try:
        raw = archive.read(MANIFEST)
    except KeyError:
        check.problems.append(Problem("missing", MANIFEST, "the bundle has no manifest"))
        return False
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        check.problems.append(Problem("altered", MANIFEST, f"cannot be read ({error})"))
        return False
    check.manifest_sha256 = hashlib.sha256(raw).hexdigest()
    try:
        manifest = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        check.problems.append(Problem("altered", MANIFEST, f"is not valid JSON ({error})"))
        return False
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        check.problems.append(Problem("altered", MANIFEST, f"is not a {FORMAT} manifest"))
        return False
    rows = manifest.get("files")
    if not isinstance(rows, list) or not all(
        isinstance(row, dict) and isinstance(row.get("path"), str) for row in rows
    ):
        check.problems.append(Problem("altered", MANIFEST, "its file list is malformed"))
        return False
    check.manifest = manifest
    return True


def check_bundle(path) -> Check:
    """Check every file of the bundle at ``path`` against its manifest, offline."""
    check = Check()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        check.problems.append(Problem("unreadable", str(path), f"not a readable ZIP ({error})"))
        return check
    with archive:
        names = [info.filename for info in archive.infolist()]
        for name in sorted({n for n in names if names.count(n) > 1}):
            check.problems.append(Problem("added", name, "appears more than once in the ZIP"))
        if not _read_manifest(archive, check):
            return check
        listed = {}
        for row in check.manifest["files"]:
            listed[row["path"]] = row
        for name, row in listed.items():
            if name not in names:
                check.problems.append(
                    Problem("missing", name, "listed in the manifest, not in the ZIP")
                )
                continue
            try:
                sha256, size = _hash_member(archive, name)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
                check.problems.append(Problem("altered", name, f"cannot be read ({error})"))
                continue
            check.files_checked += 1
            if sha256 != row.get("sha256"):
                check.problems.append(
                    Problem(
                        "altered",
                        name,
                        f"SHA-256 is {sha256}, the manifest says {row.get('sha256')}",
                    )
                )
            elif size != row.get("size"):
                check.problems.append(
                    Problem("altered", name, f"{size} bytes, the manifest says {row.get('size')}")
                )
        for name in sorted(set(names) - set(listed) - {MANIFEST}):
            check.problems.append(Problem("added", name, "in the ZIP but not in the manifest"))
    return check
