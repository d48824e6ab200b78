"""Demo documents have captures, as a real archive's do: honestly marked, bytes stored."""

import pytest
from django.db import IntegrityError, transaction

from tracker import capture_storage, services
from tracker.demo.stories import DEMO_CAPTURE_TOOL
from tracker.models import Capture, Document
from tracker.selectors.captures import document_versions
from tracker.vocabularies import CaptureOrigin


def test_every_document_has_one_capture_of_its_text(demo):
    result = demo(claims=150)
    assert result.captures == result.documents == Capture.objects.count()
    documents = {d.pk: d for d in Document.objects.all()}
    for capture in Capture.objects.all():
        document = documents[capture.document_id]
        content = document.text.encode("utf-8")
        assert capture.sha256 == capture.text_sha256 == document.content_hash
        assert capture.size == len(content)
        assert capture.url == document.url and capture.captured_at == document.retrieved_at
        assert capture_storage.read_all(capture.sha256) == content
    assert set(Capture.objects.values_list("document", flat=True)) == set(documents)


def test_they_say_they_are_reconstructed_demo_data(demo):
    demo(claims=60)
    capture = Capture.objects.order_by("pk").first()
    assert capture.reconstructed and capture.origin == CaptureOrigin.RECONSTRUCTED
    assert capture.tool == DEMO_CAPTURE_TOOL and "demo data" in capture.tool
    assert capture.captured_by is None  # nobody captured it
    assert capture.content_type == "text/plain; charset=utf-8"
    assert capture.http_status is None and capture.http_headers == []
    assert capture.html_extractor_version == ""


def test_the_generated_captures_are_frozen_like_any_other(demo):
    demo(claims=30)
    with pytest.raises(IntegrityError), transaction.atomic():
        Capture.objects.filter(pk=Capture.objects.first().pk).update(tool="changed")


def test_the_app_reads_them_as_it_reads_real_ones(demo, editor, editor_client):
    demo(claims=60)
    document = Document.objects.order_by("pk").first()
    [version] = document_versions(document)  # one capture at its URL: itself
    assert (version.document_id, version.capture_count) == (document.pk, 1)
    capture = document.captures.get()
    page = editor_client.get(f"/admin/tracker/document/{document.pk}/change/").content.decode()
    assert "Reconstructed from stored text" in page and f"#{capture.pk}" in page
    content = editor_client.get(f"/admin/tracker/capture/{capture.pk}/content/")
    assert b"".join(content.streaming_content) == document.text.encode("utf-8")
    # A takedown works on a demo capture as on any: the bytes go, the record stays.
    services.capture_purge(actor=editor, capture=capture, reason="demo takedown")
    assert Capture.objects.filter(pk=capture.pk, purge__reason="demo takedown").exists()


def test_bulk_bytes_are_written_once_read_only(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "captures": {
            **settings.STORAGES["captures"],
            "OPTIONS": {
                **settings.STORAGES["captures"].get("OPTIONS", {}),
                "location": str(tmp_path),
            },
        },
    }
    from django.core.files.storage import storages

    storages._storages.pop("captures", None)  # the storage is built again from the settings
    try:
        items = [(capture_storage.sha256_of(b), b) for b in (b"one", b"two", b"one")]
        assert capture_storage.write_many(items) == 2
        assert capture_storage.write_many(items) == 0
        assert capture_storage.read_all(items[1][0]) == b"two"
        path = tmp_path / capture_storage.address(items[0][0])
        assert path.stat().st_mode & 0o777 == 0o444
    finally:
        storages._storages.pop("captures", None)
