"""Load the names table (``seeds/names/names.json``) through the entity services.

Like the seed files, it only adds what is missing: an existing entity keeps
whatever editors changed, and gains only aliases it does not have yet.
"""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from tracker import services
from tracker.models import NamedEntity
from tracker.name_keys import name_key
from tracker.seeding.parsing import LoadReport, SeedError
from tracker.services.sources import source_named

NAMES_FORMAT = "tracker-names"
NAMES_VERSION = 1
ENTITY_KEYS = {"name", "kind", "source", "aliases", "note"}


def names_path(directory: Path) -> Path:
    return directory / "names" / "names.json"


def parse_names(path: Path) -> list[dict[str, Any]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SeedError(f"{path}: cannot read the names table: {error}") from error
    if not isinstance(raw, dict) or raw.get("format") != NAMES_FORMAT:
        raise SeedError(f"{path}: not a names table (format must be {NAMES_FORMAT!r})")
    if raw.get("version") != NAMES_VERSION:
        raise SeedError(f"{path}: unsupported version {raw.get('version')!r}")
    entities = raw.get("entities")
    if not isinstance(entities, list):
        raise SeedError(f"{path}: 'entities' must be a list")
    for index, item in enumerate(entities):
        label = f"{path}: entities[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise SeedError(f"{label}: each entity needs a 'name'")
        unknown = set(item) - ENTITY_KEYS
        if unknown:
            raise SeedError(f"{label}: unknown keys {sorted(unknown)}")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise SeedError(f"{label}: 'aliases' must be a list of names")
    return entities


def apply_names(path: Path, entities: list[dict[str, Any]], report: LoadReport) -> None:
    for index, item in enumerate(entities):
        label = f"{path}: entities[{index}] ({item['name']})"
        try:
            _apply_entity(item, report)
        except ValidationError as error:
            raise SeedError(f"{label}: {'; '.join(error.messages)}") from error


def _apply_entity(item: dict[str, Any], report: LoadReport) -> None:
    entity = NamedEntity.objects.filter(name_key=name_key(item["name"])).first()
    report.record("names", created=entity is None)
    if entity is None:
        source = None
        if item.get("source"):
            source = source_named(item["source"])
            if source is None:
                raise ValidationError({"source": f"No source named {item['source']!r}."})
        entity = services.entity_create(
            actor=None, name=item["name"], kind=item.get("kind", "other"), source=source
        )
    for alias in item.get("aliases", []):
        exists = entity.aliases.filter(name_key=name_key(alias)).exists()
        if not exists:
            services.entity_alias_add(actor=None, entity=entity, name=alias)
        report.record("name aliases", created=not exists)
