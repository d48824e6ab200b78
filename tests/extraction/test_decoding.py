"""Bytes to text, and clear errors for what is not text."""

import codecs

import pytest

from tracker.extraction import BinaryContentError, DecodingError, EmptyContentError, decode_bytes

TEXT = "Deir ez-Zôr: “at least 35” — 2,000 km² near the Euphrates."


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le", True),
        (TEXT.encode("utf-16-le"), "utf-16-le", False),
        (TEXT.encode("utf-16-be"), "utf-16-be", False),
    ],
)
def test_unicode_encodings(data, encoding, bom):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.had_bom) == (TEXT, encoding, bom)


def test_windows_1252_smart_quotes():
    data = "“35 killed” – the ministry’s figure".encode("cp1252")
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text == "“35 killed” – the ministry’s figure"


def test_latin_1_fallback_for_bytes_cp1252_leaves_undefined():
    data = "Deir ez-Zôr".encode("latin-1") + b"\x81"
    decoded = decode_bytes(data)
    assert decoded.encoding == "latin-1"
    assert decoded.text.startswith("Deir ez-Zôr")


@pytest.mark.parametrize("data", [b"", b"   \n\t ", codecs.BOM_UTF8 + b"  "])
def test_empty(data):
    with pytest.raises(EmptyContentError):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
        (bytes(range(256)) * 50, "NUL"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100 + b"text", "control characters"),
    ],
)
def test_binary_is_refused_with_a_reason(data, says):
    with pytest.raises(BinaryContentError) as error:
        decode_bytes(data)
    assert says in str(error.value)


def test_a_broken_bom_is_a_clear_error():
    with pytest.raises(DecodingError):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe broken")


def test_errors_are_value_errors():
    assert issubclass(DecodingError, ValueError)
    assert issubclass(BinaryContentError, DecodingError)
    assert issubclass(EmptyContentError, DecodingError)
