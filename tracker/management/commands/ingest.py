from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tracker import services
from tracker.ingest_files import Refusal, Report, read_reports
from tracker.models import Source
from tracker.services.archives import ArchiveIngestResult, archive_ingest
from tracker.services.sources import source_named
from tracker.vocabularies import CaptureOrigin
from tracker.web_archives import archive_kind


class Command(BaseCommand):
    help = (
        "Store reports (.txt, .html, .jsonl) and web archives (.warc, .warc.gz, .wacz, any "
        "size: each HTML page in them becomes a capture and a document) and suggest their "
        "accounts for review. Text already stored is recognised and skipped. Each report, "
        "and each archive record, is stored whole or not at all; refused files and records "
        "are listed with the reason."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="Files or directories to ingest.")
        parser.add_argument("--outlet", default="", help="Name or alias of the outlet, if known.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def _files(self, paths: list[str]) -> list[Path]:
        files: list[Path] = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                files += sorted(p for p in path.rglob("*") if p.is_file())
            else:
                files.append(path)
        return files

    def _outlet(self, name: str) -> Source | None:
        if not name:
            return None
        try:
            source = source_named(name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if source is None:
            raise CommandError(f"No source is named {name!r}; add it first or leave out --outlet.")
        return source

    def handle(self, *args, paths: list[str], outlet: str, no_progress: bool, **options):
        default_outlet = self._outlet(outlet)
        files = self._files(paths)
        stored = present = suggested = recaptured = 0
        refusals: list[Refusal] = []
        bar = tqdm(files, unit="file", disable=no_progress or len(files) < 2, file=self.stderr)
        archives: list[ArchiveIngestResult] = []
        for path in bar:
            if archive_kind(path.name):
                result = self._archive(path, default_outlet, no_progress)
                archives.append(result)
                stored += result.documents_created
                suggested += result.suggestions
                refusals += [Refusal(p.origin, p.reason) for p in result.problems]
                continue
            for item in read_reports(path):
                if isinstance(item, Refusal):
                    refusals.append(item)
                    continue
                try:
                    result = self._ingest(item, default_outlet)
                except (ValidationError, PermissionDenied, CommandError) as error:
                    refusals.append(Refusal(item.origin, "; ".join(_messages(error))))
                    continue
                if result.document_created:
                    stored += 1
                    suggested += result.suggestions
                else:
                    present += 1
                    recaptured += result.capture_created
        for archive in archives:
            self.stdout.write(archive.summary())
        self.stdout.write(
            f"Stored {stored} report(s) with {suggested} suggested account(s); "
            f"{present} already stored ({recaptured} of them captured anew); "
            f"{len(refusals)} refused."
        )
        for refusal in refusals:
            self.stdout.write(f"  refused {refusal.origin}: {refusal.reason}")
        if refusals:
            raise CommandError(f"{len(refusals)} item(s) were refused; the rest were stored.")

    def _archive(self, path: Path, outlet: Source | None, no_progress: bool):
        """One archive, streamed record by record, with a bar of the bytes read."""
        try:
            size = path.stat().st_size
        except OSError:
            size = None
        bar = tqdm(
            total=size,
            unit="B",
            unit_scale=True,
            desc=path.name,
            disable=no_progress,
            file=self.stderr,
            leave=False,
        )
        with bar:
            result = archive_ingest(
                actor=None,
                name=path.name,
                path=path,
                via="command",
                outlet=outlet,
                tool="manage.py ingest",
                progress=lambda position: bar.update(position - bar.n),
            )
            # tqdm redraws at most every 0.1 s: show the whole archive read before the bar goes.
            bar.refresh()
            return result

    def _ingest(self, report: Report, default_outlet: Source | None) -> services.CaptureResult:
        outlet = self._outlet(report.outlet_name) if report.outlet_name else default_outlet
        # The file's bytes (or the .jsonl line's) are kept as the capture; an
        # HTML file's text is derived from them by the capture service itself.
        whole_page = report.html_derived and report.capture_origin == CaptureOrigin.FILE
        return services.capture_store(
            actor=None,
            content=report.raw or report.text.encode("utf-8"),
            content_type=report.content_type or "text/plain; charset=utf-8",
            origin=report.capture_origin,
            via="command",
            url=report.url,
            tool="manage.py ingest",
            title=report.title,
            text=None if whole_page else report.text,
            text_from_html=report.html_derived,
            outlet=outlet,
            published_at=report.published_at,
        )


def _messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return [f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()]
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]
