"""Where captures' bytes live: a Django storage, addressed by SHA-256, written once.

The address of some bytes is their hash, so the same bytes are stored once
however often they are captured, and an address never holds anything else:
an address that exists is never written again. The storage is
``STORAGES["captures"]`` (the filesystem under ``CAPTURE_ROOT`` unless
settings name another backend). Only purging (a legal takedown, recorded by
``services.capture_purge``) deletes.
"""

import hashlib
from collections.abc import Iterator

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

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
