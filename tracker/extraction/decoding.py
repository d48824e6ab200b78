"""Bytes to text: the encodings reporters' files actually come in.

Order matters. A byte-order mark is the only certain signal, so it wins. Then
known binary formats and NUL-heavy data are refused with a message saying
what the file looks like. Then strict UTF-8: random bytes almost never decode
as UTF-8, so success means UTF-8. Last, Windows-1252 (what "latin-1" files
from Word and old CMSs really are) and ISO-8859-1, which accepts any byte.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class DecodingError(ValueError):
    """The bytes cannot be read as text; the message says why, for the user."""


class EmptyContentError(DecodingError):
    pass


class BinaryContentError(DecodingError):
    pass


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    had_bom: bool = False


_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of formats people upload by mistake instead of text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/ODF document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"SQLite format 3", "an SQLite database"),
)

# Public: the upload checks name a mistaken file by these too.
MAGIC = _MAGIC

# Only this much is inspected to classify; decoding itself reads everything.
_SNIFF = 64 * 1024
# Text has next to no control characters; more than this share means binary.
_MAX_CONTROL_SHARE = 0.05


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a file's bytes, or raise a DecodingError with a readable reason."""
    if not data or not data.strip():
        raise EmptyContentError("The file is empty.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"The file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start + len(bom)})."
                ) from None
            return _checked(DecodedText(text, encoding, had_bom=True))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryContentError(f"The file looks like {what}, not text.")
    head = data[:_SNIFF]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _checked(utf16)
        raise BinaryContentError("The file contains NUL bytes: it looks binary, not text.")
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _checked(DecodedText(data.decode("cp1252"), "cp1252"))
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; ISO-8859-1 maps every byte.
        return _checked(DecodedText(data.decode("latin-1"), "latin-1"))


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    # ASCII-range text in UTF-16 has a NUL in every other byte; which half
    # holds the NULs tells the byte order.
    head = data[:_SNIFF]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    if odd_nuls > 0.6 * half and even_nuls < 0.1 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.6 * half and odd_nuls < 0.1 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _checked(decoded: DecodedText) -> DecodedText:
    sample = decoded.text[:_SNIFF]
    if not sample.strip():
        raise EmptyContentError("The file contains only whitespace.")
    control = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    if control > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryContentError(
            f"The file decodes as {decoded.encoding} but is full of control characters: "
            "it looks binary, not text."
        )
    return decoded
