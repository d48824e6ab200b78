"""An uploaded .txt or .html file to a document's text, or why it cannot be one.

What is accepted: a ``.txt`` file (plain text) or an ``.html``/``.htm`` file (a
saved web page, read through ``html_to_text``). PDF is out of scope, and so is
any other type; a file whose bytes contradict its name (a PDF named .txt, a
web page named .txt, plain text named .html) is refused with what it is.

The encoding is taken only where it can be told, never guessed:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the charset the sender declared (``text/plain; charset=windows-1252``);
3. for a page, the charset its own ``<meta>`` declares;
4. otherwise the bytes must be valid UTF-8 (random or Windows-1252 bytes
   almost never are).

Bytes in an undeclared legacy encoding are refused with a message saying how
to fix them: Windows-1252 and Latin-1 decode *any* bytes, so reading them
without a declaration would be a guess that turns a Cyrillic or Arabic
legacy file into mojibake silently. Pure Python, no Django.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath

from tracker.extraction.decoding import MAGIC
from tracker.extraction.html import HTML_TO_TEXT_VERSION, html_to_text

ACCEPTED = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}
ACCEPTED_WORDS = "a .txt file (plain text) or an .html or .htm file (a saved web page)"
PDF_OUT_OF_SCOPE = (
    f"PDF is out of scope: tracker reads {ACCEPTED_WORDS}. Copy the PDF's text into a "
    ".txt file, or paste it."
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What browsers read these labels as (the WHATWG Encoding standard): a page
# that says ISO-8859-1 or ASCII is in Windows-1252.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252",
     "windows-1252", "x-cp1252", "cp819", "ibm819"}
)  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
_ANY_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!doctype|!--|/[a-zA-Z])", re.I)
_CONTROL_SAMPLE = 64 * 1024
_MAX_CONTROL_SHARE = 0.05


class UploadRefused(ValueError):
    """The file cannot become a document; the message says why and what is accepted."""


@dataclass(frozen=True)
class UploadedText:
    name: str
    media_type: str  # text/plain or text/html
    encoding: str
    # How the encoding was told: "byte-order mark", "declared by the sender",
    # "declared in the page", "valid UTF-8".
    encoding_from: str
    text: str
    title: str
    html_extractor_version: str

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset={self.encoding}"


def file_name(name: str) -> str:
    """The name without any folder a client put in front of it."""
    return PurePath(name.replace("\\", "/")).name.strip()


def _charset_of(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'").lower()
    return ""


def _decode_declared(content: bytes, label: str, where: str) -> tuple[str, str]:
    label = label.lower()
    if label in _WINDOWS_1252_LABELS:
        try:
            return content.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            # Five bytes cp1252 leaves undefined; the standard maps them to C1 controls.
            return content.decode("latin-1"), "windows-1252"
    try:
        codec = codecs.lookup(label)
    except LookupError:
        raise UploadRefused(
            f"The file is {where} as {label!r}, which is no encoding tracker knows. "
            "Save it as UTF-8."
        ) from None
    try:
        return content.decode(codec.name), codec.name
    except UnicodeDecodeError as error:
        raise UploadRefused(
            f"The file is {where} as {label}, but byte {error.start:,} "
            f"(0x{content[error.start]:02x}) is not {label}. Save it as UTF-8."
        ) from None


def _decode(content: bytes, declared_type: str, media_type: str) -> tuple[str, str, str]:
    """The text, its encoding, and how the encoding was told."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            try:
                return content[len(bom) :].decode(encoding), encoding, "byte-order mark"
            except UnicodeDecodeError as error:
                raise UploadRefused(
                    f"The file starts with a {encoding} byte-order mark but byte "
                    f"{error.start + len(bom):,} is not {encoding}. Save it as UTF-8."
                ) from None
    declared = _charset_of(declared_type)
    if declared:
        text, encoding = _decode_declared(content, declared, "sent")
        return text, encoding, "declared by the sender"
    if media_type == "text/html":
        meta = _META_CHARSET.search(content[:4096])
        if meta:
            label = meta.group(1).decode("ascii").lower()
            if label not in ("utf-16", "utf-16le", "utf-16be"):  # a page cannot say this in ASCII
                text, encoding = _decode_declared(content, label, "declared in its <meta>")
                return text, encoding, "declared in the page"
    try:
        return content.decode("utf-8"), "utf-8", "valid UTF-8"
    except UnicodeDecodeError as error:
        where = "" if media_type == "text/plain" else ", nor declares it in <meta charset>"
        raise UploadRefused(
            f"The file is not UTF-8 (byte {error.start:,}, 0x{content[error.start]:02x}, is "
            f"not valid UTF-8) and does not say which encoding it is in{where}. Save it as "
            "UTF-8, or send it with its charset (text/plain; charset=windows-1252). "
            "Windows-1252 and Latin-1 are not guessed: any bytes read as them."
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:_CONTROL_SAMPLE]
    control = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return control > _MAX_CONTROL_SHARE * len(sample)


def read_upload(name: str, content: bytes, declared_type: str = "") -> UploadedText:
    """Check an uploaded file and derive its text; UploadRefused says why not."""
    name = file_name(name)
    suffix = PurePath(name.lower()).suffix
    declared_media = declared_type.split(";", 1)[0].strip().lower()
    if suffix == ".pdf" or declared_media == "application/pdf" or content.startswith(b"%PDF"):
        raise UploadRefused(PDF_OUT_OF_SCOPE)
    if suffix in (".warc", ".gz", ".wacz"):
        raise UploadRefused(
            f"{name} looks like a web archive: import it with “Import web archive” "
            f"(POST /api/archives/). A document upload takes {ACCEPTED_WORDS}."
        )
    if suffix not in ACCEPTED:
        kind = f"{suffix} files are" if suffix else "A file without an extension is"
        raise UploadRefused(f"{kind} not accepted: upload {ACCEPTED_WORDS}.")
    if not content:
        raise UploadRefused("The file is empty.")
    media_type = ACCEPTED[suffix]
    for magic, what in MAGIC:
        if content.startswith(magic):
            raise UploadRefused(
                f"{name} is named {suffix} but holds {what}, not text: upload {ACCEPTED_WORDS}."
            )
    if b"\x00" in content[:_CONTROL_SAMPLE] and not content.startswith(tuple(b for b, _ in _BOMS)):
        raise UploadRefused(
            f"{name} holds NUL bytes: it looks binary, not text (UTF-16 needs its byte-order "
            "mark). Save it as UTF-8."
        )
    text, encoding, told = _decode(content, declared_type, media_type)
    if not text.strip():
        raise UploadRefused("The file holds only whitespace.")
    if _looks_binary(text):
        raise UploadRefused(f"{name} is full of control characters: it looks binary, not text.")
    if media_type == "text/plain" and _HTML_START.match(text):
        raise UploadRefused(
            f"{name} is named .txt but is an HTML page. Name it .html, so that its article "
            "text is read out of the markup; as .txt the markup would be stored as the text."
        )
    if media_type == "text/html" and not _ANY_TAG.search(text[:_CONTROL_SAMPLE]):
        raise UploadRefused(
            f"{name} is named {suffix} but holds no HTML markup: it is plain text. Name it .txt."
        )
    if media_type == "text/plain":
        return UploadedText(name, media_type, encoding, told, text, "", "")
    page = html_to_text(text)
    if not page.text.strip():
        raise UploadRefused(
            f"{name} has no article text: nothing readable is left once the page's markup, "
            "scripts and navigation are set aside."
        )
    return UploadedText(
        name, media_type, encoding, told, page.text, page.title, HTML_TO_TEXT_VERSION
    )
