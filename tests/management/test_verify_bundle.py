"""manage.py verify_bundle names what was altered, missing or added, and a rewritten manifest."""

import hashlib
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError

from tests.bundles import evidence_event, export_to, members, rezip

pytestmark = pytest.mark.django_db


def verify(path, *args) -> tuple[bool, str]:
    out = StringIO()
    try:
        call_command("verify_bundle", str(path), *args, stdout=out)
    except CommandError as error:
        return False, out.getvalue() + str(error)
    return True, out.getvalue()


@pytest.fixture
def bundle(editor, reporter, tmp_path):
    evidence = evidence_event(editor, reporter)
    path, record = export_to(tmp_path / "bundle.zip", editor, evidence.event)
    return path, record, evidence


def test_an_untouched_bundle_is_intact_and_matches_its_record(bundle):
    path, record, _ = bundle
    ok, out = verify(path)
    assert ok, out
    assert "The bundle is intact." in out
    assert f"export #{record.pk}" in out and "by editor" in out


def test_one_byte_changed_in_a_file_names_that_file(bundle, tmp_path):
    path, _, evidence = bundle
    files = members(path)
    name = f"documents/{evidence.document.pk}.txt"
    files[name] = files[name].replace(b"30", b"31", 1)
    ok, out = verify(rezip(tmp_path / "edited.zip", files))
    assert not ok
    assert f"ALTERED: {name}: SHA-256 is" in out
    assert out.count("ALTERED") == 1


def test_one_byte_flipped_in_the_zip_itself_names_the_file_it_falls_in(bundle, tmp_path):
    path, _, evidence = bundle
    name = f"captures/{evidence.capture.sha256}"
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    raw = bytearray(path.read_bytes())
    # Inside the member's compressed data: past its local header (30 bytes + name).
    offset = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    raw[offset] ^= 0x01
    flipped = tmp_path / "flipped.zip"
    flipped.write_bytes(bytes(raw))
    ok, out = verify(flipped)
    assert not ok
    assert f"ALTERED: {name}" in out


def test_a_missing_and_an_added_file_are_named(bundle, tmp_path):
    path, _, _ = bundle
    files = members(path)
    del files["flags.json"]
    files["extra/planted.txt"] = b"not exported"
    ok, out = verify(rezip(tmp_path / "edited.zip", files))
    assert not ok
    assert "MISSING: flags.json" in out and "ADDED: extra/planted.txt" in out


def test_a_manifest_rewritten_with_its_files_is_told_apart_by_the_record(bundle, tmp_path):
    path, record, evidence = bundle
    files = members(path)
    name = f"documents/{evidence.document.pk}.txt"
    files[name] = files[name].replace(b"30", b"3", 1)
    manifest = json.loads(files["manifest.json"])
    for row in manifest["files"]:
        if row["path"] == name:
            row["sha256"] = hashlib.sha256(files[name]).hexdigest()
            row["size"] = len(files[name])
    files["manifest.json"] = json.dumps(manifest).encode()
    forged = rezip(tmp_path / "forged.zip", files)
    ok, out = verify(forged, "--offline")
    assert ok, out  # consistent in itself: only the record can tell
    ok, out = verify(forged)
    assert not ok
    assert "The manifest was rewritten" in out and record.manifest_sha256 in out


def test_a_bundle_the_database_never_exported_is_not_vouched_for(bundle, tmp_path):
    path, _, _ = bundle
    files = members(path)
    manifest = json.loads(files["manifest.json"])
    manifest["bundle_id"] = "00000000-0000-0000-0000-000000000000"
    files["manifest.json"] = json.dumps(manifest).encode()
    ok, out = verify(rezip(tmp_path / "other.zip", files))
    assert not ok and "no export with bundle id" in out


def test_without_the_database_it_checks_offline_and_says_so(bundle, monkeypatch):
    path, _, _ = bundle

    def unreachable(bundle_id):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("tracker.management.commands.verify_bundle.recorded_export", unreachable)
    ok, out = verify(path)
    assert ok and "checked offline only" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a zip at all", "not a readable ZIP"),
        (None, "MISSING: manifest.json"),
        (b"{ not json", "is not valid JSON"),
    ],
)
def test_what_is_not_a_bundle_is_said_plainly(tmp_path, content, expected):
    path = tmp_path / "x.zip"
    if content == b"not a zip at all":
        path.write_bytes(content)
    else:
        files = {"a.txt": b"a"}
        if content is not None:
            files["manifest.json"] = content
        rezip(path, files)
    ok, out = verify(path)
    assert not ok and expected in out


def test_a_file_that_does_not_exist_is_a_clear_error(tmp_path):
    ok, out = verify(tmp_path / "nothing.zip")
    assert not ok and "No such file" in out
