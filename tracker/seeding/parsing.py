"""Phase one of loading seeds: read and check every file, touching no database."""

import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models
from django.utils.dateparse import parse_date, parse_datetime

from tracker.name_keys import name_key
from tracker.text import content_hash, normalize_newlines
from tracker.vocabularies import PERSON_KINDS, Aspect, Reliability, SourceKind, Stance

SEED_FORMAT = "tracker-seed"
SEED_VERSION = 1
T = TypeVar("T")
KINDS = (
    "sources", "aliases", "documents", "events", "claims", "accounts", "names", "name aliases",
)  # fmt: skip


class SeedError(Exception):
    """A seed directory or file that cannot be loaded. The message names file and item."""


class ItemError(Exception):
    """A problem inside one item; the caller adds the file and item to the message."""


# --- Parsed seed files: plain values, no ORM ---------------------------------


@dataclass(frozen=True)
class SourceSeed:
    item: str
    name: str
    kind: str
    reliability: str
    parent: str | None
    aliases: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class DocumentSeed:
    item: str
    title: str
    text: str
    outlet: str | None
    url: str
    published_at: datetime | None
    retrieved_at: datetime | None


@dataclass(frozen=True)
class EventSeed:
    item: str
    key: str
    name: str
    place: str
    date_start: date | None
    date_end: date | None
    date_text: str
    description: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class ClaimSeed:
    item: str
    key: str
    event: str | None
    text: str
    aspect: str
    count_min: int | None
    count_max: int | None
    count_approximate: bool
    unit: str
    named_parties: tuple[str, ...]
    # "more than 30" is min 31 with min_exclusive; "fewer than 10" max 9 with max_exclusive.
    count_min_exclusive: bool = False
    count_max_exclusive: bool = False


@dataclass(frozen=True)
class AccountSeed:
    item: str
    claim: str
    source: str
    stance: str
    quote: str
    quote_start: int
    quote_end: int
    intermediary: str | None
    said_on: date | None


@dataclass(frozen=True)
class SeedFile:
    path: Path
    document: DocumentSeed
    sources: tuple[SourceSeed, ...]
    events: tuple[EventSeed, ...]
    claims: tuple[ClaimSeed, ...]
    accounts: tuple[AccountSeed, ...]


@dataclass
class LoadReport:
    files: list[Path] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)

    def record(self, kind: str, *, created: bool) -> None:
        (self.created if created else self.present)[kind] += 1

    def lines(self) -> list[str]:
        return [
            f"{kind}: created {self.created[kind]} / already present {self.present[kind]}"
            for kind in KINDS
        ]


# --- Phase 1: parsing ---------------------------------------------------------


class _Fields:
    """Typed access to one JSON object that refuses keys it does not know.

    Hand-written files get typos; an unknown key is an error rather than a
    silently ignored field. ``note`` is allowed everywhere for the reasoning.
    """

    def __init__(self, raw: Any, *, allowed: set[str]) -> None:
        if not isinstance(raw, dict):
            raise ItemError("must be a JSON object")
        unknown = sorted(set(raw) - allowed - {"note"})
        if unknown:
            raise ItemError(f"unknown key(s) {', '.join(map(repr, unknown))}")
        self.raw = raw

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.raw.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ItemError(f"{key}: must be a string")
        if required and not value.strip():
            raise ItemError(f"{key}: is required")
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) or None

    def names(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ItemError(f"{key}: must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def choice(self, key: str, choices: type[models.TextChoices], default: str = "") -> str:
        value = self.raw.get(key, default)
        if value not in choices.values:
            raise ItemError(
                f"{key}: unknown value {value!r}; expected one of: {', '.join(choices.values)}"
            )
        return value

    def count(self, key: str) -> int | None:
        return None if self.raw.get(key) is None else self.index(key)

    def index(self, key: str) -> int:
        value = self.raw.get(key)
        # bool is an int in Python; true/false are never meant as numbers here.
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ItemError(f"{key}: must be a whole number >= 0")
        return value

    def boolean(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            raise ItemError(f"{key}: must be true or false")
        return value

    def date_value(self, key: str) -> date | None:
        value = self.raw.get(key)
        if value is None:
            return None
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            raise ItemError(f"{key}: must be a date YYYY-MM-DD or null")
        return parsed

    def datetime_value(self, key: str) -> datetime | None:
        value = self.raw.get(key)
        if value is None:
            return None
        parsed = parse_datetime(value) if isinstance(value, str) else None
        # A naive time would be read in the server's zone; make the file say which.
        if parsed is None or parsed.tzinfo is None:
            raise ItemError(f"{key}: must be an ISO 8601 date-time with a UTC offset, or null")
        return parsed


def _items(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ItemError(f"{key}: must be a list")
    return value


@contextmanager
def at_item(path: Path, item: str) -> Iterator[None]:
    """Turn any error inside one item into a SeedError naming the file and item."""
    try:
        yield
    except ItemError as error:
        raise SeedError(f"{path}: {item}: {error}") from error
    except ValidationError as error:
        raise SeedError(f"{path}: {item}: {_describe(error)}") from error
    except IntegrityError as error:
        raise SeedError(f"{path}: {item}: breaks a database rule: {error}") from error


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _read_json(path: Path) -> dict[str, Any]:
    with at_item(path, "file"):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as error:
            raise ItemError(f"not UTF-8: {error}") from error
        except json.JSONDecodeError as error:
            raise ItemError(
                f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
            ) from error
        if not isinstance(raw, dict):
            raise ItemError("must hold a JSON object")
        if raw.get("format") != SEED_FORMAT or raw.get("version") != SEED_VERSION:
            raise ItemError(f'expected "format": "{SEED_FORMAT}" and "version": {SEED_VERSION}')
        _Fields(
            raw,
            allowed={"format", "version", "document", "sources", "events", "claims", "accounts"},
        )
        return raw


def _parse_document(path: Path, raw: Any) -> DocumentSeed:
    fields = _Fields(
        raw,
        allowed={"file", "content_hash", "title", "outlet", "url", "published_at", "retrieved_at"},
    )
    name = fields.text("file", required=True)
    # The text must sit beside the seed file: no paths that wander elsewhere.
    if Path(name).name != name:
        raise ItemError(f"file: {name!r} must be a file name in the seed directory")
    try:
        text = normalize_newlines((path.parent / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ItemError(f"file: cannot read {name!r}: {error}") from error
    # Offsets are only meaningful against the exact text they were taken from.
    expected = fields.text("content_hash", required=True)
    if content_hash(text) != expected:
        raise ItemError(
            f"content_hash: {name!r} hashes to {content_hash(text)}, not {expected}; "
            "its text changed, so every offset must be checked again"
        )
    return DocumentSeed(
        item=f"document {name!r}",
        title=fields.text("title"),
        text=text,
        outlet=fields.optional_text("outlet"),
        url=fields.text("url"),
        published_at=fields.datetime_value("published_at"),
        retrieved_at=fields.datetime_value("retrieved_at"),
    )


def _parse_source(raw: Any, label: str) -> SourceSeed:
    fields = _Fields(
        raw, allowed={"name", "kind", "parent", "reliability", "aliases", "description"}
    )
    return SourceSeed(
        item=f"{label} {fields.text('name', required=True)!r}",
        name=fields.text("name", required=True),
        kind=fields.choice("kind", SourceKind),
        reliability=fields.choice("reliability", Reliability, default=Reliability.F),
        parent=fields.optional_text("parent"),
        aliases=fields.names("aliases"),
        description=fields.text("description"),
    )


def _parse_event(raw: Any, label: str) -> EventSeed:
    fields = _Fields(
        raw,
        allowed={
            "id", "name", "place", "date_start", "date_end", "date_text", "description", "parties"
        },
    )  # fmt: skip
    return EventSeed(
        item=f"{label} {fields.text('id', required=True)!r}",
        key=fields.text("id", required=True),
        name=fields.text("name", required=True),
        place=fields.text("place"),
        date_start=fields.date_value("date_start"),
        date_end=fields.date_value("date_end"),
        date_text=fields.text("date_text"),
        description=fields.text("description"),
        parties=fields.names("parties"),
    )


def _parse_claim(raw: Any, label: str, events: set[str]) -> ClaimSeed:
    fields = _Fields(raw, allowed={"id", "event", "text", "aspect", "interval", "named_parties"})
    event = fields.optional_text("event")
    if event is not None and event not in events:
        raise ItemError(f"event: no event with id {event!r} in this file")
    if not isinstance(raw.get("interval") or {}, dict):
        raise ItemError(
            "interval: must be an object with min, max, unit, approximate, min_exclusive, "
            "max_exclusive, or null"
        )
    interval = _Fields(
        raw.get("interval") or {},
        allowed={"min", "max", "unit", "approximate", "min_exclusive", "max_exclusive"},
    )
    count_min, count_max = interval.count("min"), interval.count("max")
    if count_min is not None and count_max is not None and count_min > count_max:
        raise ItemError(f"interval: min ({count_min}) is greater than max ({count_max})")
    min_exclusive = interval.boolean("min_exclusive")
    max_exclusive = interval.boolean("max_exclusive")
    if min_exclusive and not count_min:
        raise ItemError('interval: min_exclusive ("more than") needs a min of at least 1')
    if max_exclusive and count_max is None:
        raise ItemError('interval: max_exclusive ("fewer than") needs a max')
    return ClaimSeed(
        item=f"{label} {fields.text('id', required=True)!r}",
        key=fields.text("id", required=True),
        event=event,
        text=fields.text("text", required=True),
        aspect=fields.choice("aspect", Aspect),
        count_min=count_min,
        count_max=count_max,
        count_approximate=interval.boolean("approximate"),
        unit=interval.text("unit"),
        named_parties=fields.names("named_parties"),
        count_min_exclusive=min_exclusive,
        count_max_exclusive=max_exclusive,
    )


def _parse_account(raw: Any, label: str, claims: set[str], text: str) -> AccountSeed:
    fields = _Fields(
        raw,
        allowed={
            "claim", "source", "stance", "quote", "quote_start", "quote_end", "intermediary",
            "said_on",
        },
    )  # fmt: skip
    claim = fields.text("claim", required=True)
    if claim not in claims:
        raise ItemError(f"claim: no claim with id {claim!r} in this file")
    # Quotes are verbatim, so they are not stripped like the other strings.
    quote = raw.get("quote")
    if not isinstance(quote, str) or not quote:
        raise ItemError("quote: is required (the verbatim text the account rests on)")
    start, end = fields.index("quote_start"), fields.index("quote_end")
    if text[start:end] != quote:
        raise ItemError(
            f"quote: the document reads {text[start:end][:80]!r} at {start}–{end}, "
            f"not {quote[:80]!r}"
        )
    return AccountSeed(
        item=f"{label} ({fields.text('source', required=True)} on {claim!r})",
        claim=claim,
        source=fields.text("source", required=True),
        stance=fields.choice("stance", Stance),
        quote=quote,
        quote_start=start,
        quote_end=end,
        intermediary=fields.optional_text("intermediary"),
        said_on=fields.date_value("said_on"),
    )


def _check_names_unique(path: Path, sources: tuple[SourceSeed, ...]) -> None:
    # Names and aliases share one namespace (tracker.name_keys), a person's
    # narrowed to whom they speak for; catch clashes here, in the file's own
    # words, rather than from a service half-way.
    seen: dict[tuple[str, str], str] = {}
    for source in sources:
        speaks_for = source.parent if source.kind in PERSON_KINDS and source.parent else ""
        scope = name_key(speaks_for)
        for name in (source.name, *source.aliases):
            key = (scope, name_key(name))
            if key in seen:
                raise SeedError(
                    f"{path}: {source.item}: {name!r} is already a name or alias "
                    f"of {seen[key]!r} in this file"
                )
            seen[key] = source.name


def _parse_list(
    path: Path, raw: dict[str, Any], key: str, parse: Callable[[Any, str], T]
) -> tuple[T, ...]:
    with at_item(path, key):
        entries = _items(raw, key)
    parsed = []
    for index, entry in enumerate(entries):
        label = f"{key}[{index}]"
        with at_item(path, label):
            parsed.append(parse(entry, label))
    return tuple(parsed)


def _unique_keys(path: Path, kind: str, keys: list[str]) -> set[str]:
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise SeedError(f"{path}: {kind}: id(s) used twice: {', '.join(duplicates)}")
    return set(keys)


def parse_seed_file(path: Path) -> SeedFile:
    """Read and check one seed file without touching the database."""
    raw = _read_json(path)
    with at_item(path, "document"):
        document = _parse_document(path, raw.get("document"))
    sources = _parse_list(path, raw, "sources", _parse_source)
    _check_names_unique(path, sources)
    events = _parse_list(path, raw, "events", _parse_event)
    event_keys = _unique_keys(path, "events", [e.key for e in events])
    claims = _parse_list(
        path, raw, "claims", lambda entry, label: _parse_claim(entry, label, event_keys)
    )
    claim_keys = _unique_keys(path, "claims", [c.key for c in claims])
    accounts = _parse_list(
        path,
        raw,
        "accounts",
        lambda entry, label: _parse_account(entry, label, claim_keys, document.text),
    )
    return SeedFile(path, document, sources, events, claims, accounts)


def seed_paths(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise SeedError(f"{directory}: not a directory")
    # Sorted, so a file may rely on the sources an earlier-numbered file defines.
    return sorted(directory.glob("*.json"))


# --- Phase 2: applying, through the services only ------------------------------
