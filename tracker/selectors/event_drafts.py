"""A new event pre-filled from a report no event fits: name, place, date and parties.

Only a proposal, shown in the form: the reviewer corrects it before creating.
"""

from dataclasses import dataclass, field
from datetime import date

from tracker.matching.dates import dates_in_text
from tracker.models import Document, Event, NamedEntity, Source, Suggestion
from tracker.name_keys import name_key
from tracker.selectors.event_candidates import document_facts

NAME_LENGTH = 120


@dataclass(frozen=True)
class EventDraft:
    name: str
    place: str = ""
    date_start: date | None = None
    parties: list[Source] = field(default_factory=list)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _free_name(name: str, document: Document) -> str:
    """The name, or the name with the document's number when an event already has it."""
    if not Event.objects.filter(name_key=name_key(name)).exists():
        return name
    return f"{name} (document {document.pk})"


def event_draft_for_document(*, document: Document) -> EventDraft:
    """The first place and date the report names, the parties it names, its title as the name."""
    facts = document_facts(document)
    entity_ids = [m.entity_id for m in facts.mentions]
    entities = {e.pk: e for e in NamedEntity.objects.filter(pk__in=entity_ids)}
    place = next(
        (entities[pk].name for pk in entity_ids if pk in entities and entities[pk].kind == "place"),
        "",
    )
    party_ids = {
        entities[pk].source_id
        for pk in entity_ids
        if pk in entities and entities[pk].kind == "party" and entities[pk].source_id
    }
    party_ids |= set(
        Suggestion.named_parties.through.objects.filter(
            suggestion__document_id=document.pk
        ).values_list("source_id", flat=True)
    )
    published = document.published_at.date() if document.published_at else None
    named = dates_in_text(document.text, published)
    return EventDraft(
        name=_free_name(_shorten(document.display_title, NAME_LENGTH), document),
        place=place,
        date_start=named[0] if named else published,
        parties=list(Source.objects.filter(pk__in=party_ids).order_by("name")),
    )
