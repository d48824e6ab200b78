"""Phase two of loading seeds: apply parsed files through the services, in one transaction."""

from pathlib import Path

from django.core.exceptions import ValidationError

from tracker import services
from tracker.models import Account, Claim, Document, Event, Source
from tracker.name_keys import name_key
from tracker.seeding.names import apply_names, names_path, parse_names
from tracker.seeding.parsing import (
    AccountSeed,
    ClaimSeed,
    DocumentSeed,
    EventSeed,
    ItemError,
    LoadReport,
    SeedFile,
    SourceSeed,
    at_item,
    parse_seed_file,
    seed_paths,
)
from tracker.services._boundary import write_transaction
from tracker.services.sources import source_named, source_with_name
from tracker.vocabularies import CaptureOrigin


def _resolve_source(name: str, *, field_name: str) -> Source:
    """A source by name or alias, as the uniqueness rule has it; a person shared by
    several bodies is written with the one meant, "Ahmed Hassan (Ministry of Defence)"."""
    try:
        source = source_named(name)
    except ValidationError as error:
        raise ItemError(f"{field_name}: {' '.join(error.messages)}") from error
    if source is None:
        raise ItemError(
            f"{field_name}: unknown source {name!r}; define it under 'sources' before "
            "it is referenced, or in an earlier seed file"
        )
    return source


def _apply_source(seed: SourceSeed, report: LoadReport) -> None:
    parent = _resolve_source(seed.parent, field_name="parent") if seed.parent else None
    source = source_with_name(name=seed.name, kind=seed.kind, parent=parent)
    report.record("sources", created=source is None)
    if source is None:
        source = services.source_create(
            actor=None,
            name=seed.name,
            kind=seed.kind,
            parent=parent,
            reliability=seed.reliability,
            description=seed.description,
        )
    for alias in seed.aliases:
        exists = source.aliases.filter(name_key=name_key(alias)).exists()
        report.record("aliases", created=not exists)
        if not exists:
            services.source_alias_add(actor=None, source=source, name=alias)


def _apply_document(seed: DocumentSeed, report: LoadReport) -> Document:
    document = services.document_find_by_text(text=seed.text)
    report.record("documents", created=document is None)
    if document is None:
        outlet = _resolve_source(seed.outlet, field_name="outlet") if seed.outlet else None
        document = services.document_create(
            actor=None,
            title=seed.title,
            text=seed.text,
            outlet=outlet,
            url=seed.url,
            published_at=seed.published_at,
            retrieved_at=seed.retrieved_at,
            origin=CaptureOrigin.FILE,
            tool="manage.py load_seeds",
        )
    return document


def _apply_event(seed: EventSeed, report: LoadReport) -> Event:
    event = Event.objects.filter(name=seed.name).first()
    report.record("events", created=event is None)
    if event is None:
        event = services.event_create(
            actor=None,
            name=seed.name,
            place=seed.place,
            date_start=seed.date_start,
            date_end=seed.date_end,
            date_text=seed.date_text,
            description=seed.description,
            parties=[_resolve_source(name, field_name="parties") for name in seed.parties],
        )
    return event


def _apply_claim(seed: ClaimSeed, event: Event | None, report: LoadReport) -> Claim:
    claim = Claim.objects.filter(event=event, text=seed.text).order_by("pk").first()
    report.record("claims", created=claim is None)
    if claim is None:
        claim = services.claim_create(
            actor=None,
            text=seed.text,
            aspect=seed.aspect,
            event=event,
            count_min=seed.count_min,
            count_max=seed.count_max,
            count_approximate=seed.count_approximate,
            count_min_exclusive=seed.count_min_exclusive,
            count_max_exclusive=seed.count_max_exclusive,
            unit=seed.unit,
            named_parties=[
                _resolve_source(name, field_name="named_parties") for name in seed.named_parties
            ],
        )
    return claim


def _apply_account(seed: AccountSeed, claim: Claim, document: Document, report: LoadReport) -> None:
    source = _resolve_source(seed.source, field_name="source")
    exists = Account.objects.filter(
        claim=claim, source=source, document=document, quote_start=seed.quote_start
    ).exists()
    report.record("accounts", created=not exists)
    if not exists:
        services.account_add(
            actor=None,
            claim=claim,
            source=source,
            stance=seed.stance,
            document=document,
            quote=seed.quote,
            quote_start=seed.quote_start,
            quote_end=seed.quote_end,
            intermediary=(
                _resolve_source(seed.intermediary, field_name="intermediary")
                if seed.intermediary
                else None
            ),
            said_on=seed.said_on,
        )


def apply_seed_file(seed: SeedFile, report: LoadReport) -> None:
    """Create what one parsed seed file describes and the database lacks."""
    for source in seed.sources:
        with at_item(seed.path, source.item):
            _apply_source(source, report)
    with at_item(seed.path, seed.document.item):
        document = _apply_document(seed.document, report)
    events: dict[str, Event] = {}
    for event in seed.events:
        with at_item(seed.path, event.item):
            events[event.key] = _apply_event(event, report)
    claims: dict[str, Claim] = {}
    for claim in seed.claims:
        with at_item(seed.path, claim.item):
            claims[claim.key] = _apply_claim(
                claim, events[claim.event] if claim.event else None, report
            )
    for account in seed.accounts:
        with at_item(seed.path, account.item):
            _apply_account(account, claims[account.claim], document, report)
    report.files.append(seed.path)


def load_seed_dir(directory: Path) -> LoadReport:
    """Load every seed file in ``directory`` in one transaction, or nothing at all."""
    # Parse everything first: a broken file is refused before the first write.
    seeds = [parse_seed_file(path) for path in seed_paths(directory)]
    names_file = names_path(directory)
    names = parse_names(names_file) if names_file.exists() else []
    report = LoadReport()
    # One boundary: every event the seeds touch is compared once, at the end.
    with write_transaction(durable=True):
        for seed in seeds:
            apply_seed_file(seed, report)
        # Names come after sources, since a party's entry links to its source.
        apply_names(names_file, names, report)
    return report
