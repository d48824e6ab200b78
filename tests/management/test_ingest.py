import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import make_source
from tracker.models import Document, Suggestion

pytestmark = pytest.mark.django_db

TEXT = "Bridge strike\n\nFour people were injured when the bridge was hit, police said.\n"


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("ingest", "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_txt_html_and_jsonl_are_ingested(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Clashes</title><script>var x = 'killed 99';</script></head>"
        "<body><nav>Home | World</nav><p>Dozens of fighters were killed, monitors said.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"title": "Dam", "text": "The dam was breached, engineers said.",
                    "url": "https://example.org/dam", "published_at": "2018-05-25T10:00:00Z"})
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = run(str(tmp_path))
    assert "Stored 3 report(s)" in out and "0 refused" in out
    html_doc = Document.objects.get(title="Clashes")
    assert "<" not in html_doc.text and "99" not in html_doc.text
    assert "Dozens of fighters" in html_doc.text
    dam = Document.objects.get(title="Dam")
    assert dam.url == "https://example.org/dam" and dam.published_at.year == 2018
    assert Document.objects.get(title="Bridge strike").text == TEXT
    assert Suggestion.objects.filter(document__title="Bridge strike").exists()


def test_known_text_is_not_stored_twice(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(TEXT.replace("\n", "\r\n"), encoding="utf-8")
    out = run(str(tmp_path))
    assert "Stored 1 report(s)" in out and "1 already stored" in out
    assert Document.objects.count() == 1


def test_bad_files_are_refused_with_reasons_and_the_rest_stored(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners said 3 were hurt.".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('{"text": "ok, officials said."}\nnot json\n[1]\n')
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(CommandError, match="refused"):
        run(str(tmp_path))
    assert Document.objects.filter(text__startswith="Caf\xe9").exists()
    assert Document.objects.count() == 3  # good, latin1, the first JSON line


def test_outlet_is_attached_by_name_or_alias(tmp_path):
    outlet = make_source(name="Rudaw English", aliases=["Rudaw"])
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run("--outlet", "rudaw", str(tmp_path / "a.txt"))
    assert Document.objects.get().outlet == outlet


def test_unknown_outlet_stops_before_anything_is_stored(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(CommandError, match="No source"):
        run("--outlet", "Nobody", str(tmp_path))
    assert not Document.objects.exists()
