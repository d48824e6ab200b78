"""Where captures' bytes live: a Django storage, addressed by SHA-256, written once.

The address of some bytes is their hash, so the same bytes are stored once
however often they are captured, and an address never holds anything else:
an address that exists is never written again. The storage is
``STORAGES["captures"]`` (the filesystem under ``CAPTURE_ROOT`` unless
settings name another backend). Only purging (a legal takedown, recorded by
``services.capture_purge``) deletes.
"""

import hashlib
import os
from collections.abc import Iterable, Iterator

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages

CHUNK_BYTES = 1024 * 1024


def capture_storage() -> Storage:
    return storages["captures"]


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def address(sha256: str) -> str:
    """The storage name for bytes of this hash; two levels of folders keep directories small."""
    return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def write_once(content: bytes) -> str:
    """Store ``content`` at its address unless it is there already; its SHA-256."""
    sha256 = sha256_of(content)
    storage, name = capture_storage(), address(sha256)
    if storage.exists(name):
        return sha256  # same address, same bytes
    saved = storage.save(name, ContentFile(content))
    if saved != name:
        # Another writer stored the same bytes meanwhile; the storage gave ours
        # a fresh name rather than overwrite. Keep the one at the address.
        storage.delete(saved)
    return sha256


def write_many(items: Iterable[tuple[str, bytes]]) -> int:
    """Store many ``(sha256, content)`` at their addresses, each unless it is there already.

    For bulk loads (the demo generator writes half a million). On the
    filesystem storage each file is created exclusively and written straight,
    with the storage's permissions: a fifth of what ``write_once`` costs
    through the storage API, which other backends still go through. The
    caller vouches that each hash is its content's. Returns the files written.
    """
    storage = capture_storage()
    if not isinstance(storage, FileSystemStorage):
        written = 0
        for sha256, content in items:
            written += not storage.exists(address(sha256))
            write_once(content)
        return written
    mode = storage.file_permissions_mode or 0o644
    folders: set[str] = set()
    written = 0
    for sha256, content in items:
        path = storage.path(address(sha256))
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, mode=storage.directory_permissions_mode or 0o777, exist_ok=True)
            folders.add(folder)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue  # same address, same bytes
        with os.fdopen(descriptor, "wb") as out:
            out.write(content)
        written += 1
    return written


def exists(sha256: str) -> bool:
    return capture_storage().exists(address(sha256))


def read_chunks(sha256: str) -> Iterator[bytes]:
    """The stored bytes, a chunk at a time (a capture can be large)."""
    with capture_storage().open(address(sha256), "rb") as stored:
        while chunk := stored.read(CHUNK_BYTES):
            yield chunk


def read_all(sha256: str) -> bytes:
    return b"".join(read_chunks(sha256))


def delete(sha256: str) -> None:
    capture_storage().delete(address(sha256))
