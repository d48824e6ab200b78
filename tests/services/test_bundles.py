"""An event's evidence bundle: everything in it, each file hashed, the export recorded."""

import hashlib
import json
import tracemalloc

import pytest
from django.core.exceptions import PermissionDenied

from tests.bundles import PAGE, evidence_event, export_to, manifest_of, members
from tracker import bundle_format, services
from tracker.models import BundleExport

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(editor, reporter):
    return evidence_event(editor, reporter)


def test_the_bundle_holds_everything_and_the_manifest_hashes_every_file(editor, evidence, tmp_path):
    path, record = export_to(tmp_path / "b.zip", editor, evidence.event)
    files = members(path)
    manifest = json.loads(files["manifest.json"])
    listed = {row["path"]: row for row in manifest["files"]}
    assert set(files) == {*listed, "manifest.json"}
    for name, row in listed.items():
        assert hashlib.sha256(files[name]).hexdigest() == row["sha256"]
        assert len(files[name]) == row["size"]
    # The capture as stored, the text as derived.
    assert files[f"captures/{evidence.capture.sha256}"] == PAGE
    assert files[f"documents/{evidence.document.pk}.txt"].decode() == evidence.document.text
    accounts = json.loads(files["accounts.json"])
    text = evidence.document.text
    for account in accounts:
        assert text[account["quote_start"] : account["quote_end"]] == account["quote"]
        assert account["document_file"] == f"documents/{evidence.document.pk}.txt"
    (claim,) = json.loads(files["claims.json"])
    assert [c["rationale"] for c in claim["status_history"]] == ["The coalition denies it."]
    assert json.loads(files["flags.json"])[0]["note"] == "No independent access"
    assert json.loads(files["notes.json"])[0]["text"] == "Ask the monitors."
    assert json.loads(files["findings.json"])  # asserts against denies is a conflict
    (capture,) = json.loads(files["captures.json"])
    assert capture["file"] == f"captures/{evidence.capture.sha256}"
    assert capture["http_headers"] == [["Content-Type", "text/html"]]
    assert set(manifest["relations"]) >= {"accounts.json", "captures.json"}
    # The record: who, when, and the manifest's hash.
    assert record.exported_by == editor and record.event == evidence.event
    assert record.manifest_sha256 == hashlib.sha256(files["manifest.json"]).hexdigest()
    assert manifest["bundle_id"] == str(record.bundle_id)
    assert bundle_format.check_bundle(path).intact


def test_a_purged_capture_is_listed_without_its_bytes(
    editor, evidence, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.capture_purge(actor=editor, capture=evidence.capture, reason="Court order")
    path, _ = export_to(tmp_path / "b.zip", editor, evidence.event)
    (capture,) = json.loads(members(path)["captures.json"])
    assert capture["file"] is None and capture["purge"]["reason"] == "Court order"
    assert not any(name.startswith("captures/") for name in members(path))
    assert bundle_format.check_bundle(path).intact


def test_only_editors_export(reporter, evidence):
    with pytest.raises(PermissionDenied):
        services.event_bundle_export(actor=reporter, event=evidence.event)
    assert not BundleExport.objects.exists()


def test_the_zip_streams_in_pieces_without_holding_the_bundle(tmp_path):
    # Forty files of 2 MB each: the stream never holds much more than a chunk.
    block = bytes(range(256)) * 4096 * 2  # 2 MB, incompressible enough not to vanish
    entries = [
        bundle_format.Entry(
            path=f"captures/{n}",
            sha256="",
            size=len(block),
            kind="capture",
            chunks=lambda: (block[i : i + 65536] for i in range(0, len(block), 65536)),
        )
        for n in range(40)
    ]
    tracemalloc.start()
    total = 0
    for piece in bundle_format.stream_zip(entries):
        total += len(piece)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert total > 40 * 1024  # it wrote the bundle
    assert peak < 10 * 1024 * 1024, f"peak {peak:,} bytes for an 80 MB bundle"


def test_the_manifest_names_the_event_and_who_exported(editor, evidence, tmp_path):
    path, _ = export_to(tmp_path / "b.zip", editor, evidence.event)
    manifest = manifest_of(path)
    assert manifest["event"] == {"id": evidence.event.pk, "name": "Market strike"}
    assert manifest["exported_by"] == "editor" and manifest["format_version"] == 1
