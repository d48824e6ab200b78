"""An event with everything a bundle holds, and helpers to open and tamper with bundles."""

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tests.factories import make_account, make_claim, make_event, make_flag, make_source
from tracker import services
from tracker.vocabularies import Aspect, CaptureOrigin, Stance

PAGE = (
    b"<html><head><title>Market strike</title></head><body><nav>Home</nav><article>"
    b"<p>SANA said 30 civilians were killed in the market strike.</p>"
    b"<p>The coalition denied carrying out the strike on the market.</p>"
    b"</article></body></html>"
)


@dataclass
class EvidenceEvent:
    event: object
    claim: object
    document: object
    capture: object
    accounts: list


def evidence_event(editor, reporter) -> EvidenceEvent:
    event = make_event(name="Market strike")
    stored = services.capture_store(
        actor=reporter, content=PAGE, content_type="text/html; charset=utf-8",
        origin=CaptureOrigin.WEB_ARCHIVE, via="command", url="https://sana.example/market",
        captured_at=datetime(2026, 3, 2, 9, tzinfo=UTC), tool="archiver 2",
        http_status=200, http_headers=[["Content-Type", "text/html"]],
    )  # fmt: skip
    document = stored.document
    claim = make_claim(
        text="30 civilians were killed", event=event, aspect=Aspect.KILLED,
        count_min=30, count_max=30, unit="people",
    )  # fmt: skip
    text = document.text
    accounts = []
    for name, quote, stance in (
        ("SANA", "SANA said 30 civilians were killed", Stance.ASSERTS),
        ("Coalition", "The coalition denied carrying out the strike", Stance.DENIES),
    ):
        start = text.index(quote)
        accounts.append(
            make_account(
                claim=claim,
                source=make_source(name=name),
                stance=stance,
                document=document,
                quote=quote,
                quote_start=start,
                quote_end=start + len(quote),
            )
        )
    make_flag(claim=claim, raised_by=reporter, note="No independent access")
    services.claim_set_status(
        actor=editor, claim=claim, status="disputed", rationale="The coalition denies it."
    )
    services.comment_add(actor=reporter, event=event, text="Ask the monitors.")
    return EvidenceEvent(event, claim, document, stored.capture, accounts)


def export_to(path: Path, editor, event) -> tuple[Path, object]:
    exported = services.event_bundle_export(actor=editor, event=event)
    with path.open("wb") as out:
        for chunk in exported.chunks():
            out.write(chunk)
    return path, exported.record


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(path: Path, files: dict[str, bytes]) -> Path:
    """The bundle written again with these files, as someone editing it would."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())
    return path


def manifest_of(path: Path) -> dict:
    return json.loads(members(path)["manifest.json"])
