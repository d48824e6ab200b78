from datetime import date

from django.core.exceptions import ValidationError

from tracker.models import Event, Source
from tracker.name_keys import name_key
from tracker.services._boundary import service
from tracker.services._common import (
    Actor,
    clean_text,
    history_user,
    require_permission,
    unknown_fields,
)
from tracker.services._names import refused_if_taken
from tracker.services.event_places import event_places_refresh
from tracker.services.findings import findings_refresh_for_event


def _taken(name: str, *, exclude: Event | None = None) -> ValidationError | None:
    same = Event.objects.filter(name_key=name_key(name))
    if exclude is not None:
        same = same.exclude(pk=exclude.pk)
    existing = same.first()
    if existing is None:
        return None
    return ValidationError(
        {"name": f"An event named {existing.name!r} already exists (id {existing.pk})."}
    )


def _check_name_free(name: str, *, exclude: Event | None = None) -> None:
    refusal = _taken(name, exclude=exclude)
    if refusal is not None:
        raise refusal


def _check_dates(date_start: date | None, date_end: date | None) -> None:
    if date_end is not None and date_start is None:
        raise ValidationError({"date_start": "A date range needs its start."})
    if date_start is not None and date_end is not None and date_end < date_start:
        raise ValidationError({"date_end": "The range ends before it starts."})


@service
def event_create(
    *,
    actor: Actor,
    name: str,
    place: str = "",
    date_start: date | None = None,
    date_end: date | None = None,
    date_text: str = "",
    description: str = "",
    parties: list[Source] | tuple[Source, ...] = (),
) -> Event:
    require_permission(actor, "tracker.add_event", action="add events")
    name = clean_text("name", name, required=True, max_length=300).strip()
    place = clean_text("place", place, required=False, max_length=300).strip()
    date_text = clean_text("date_text", date_text, required=False, max_length=200).strip()
    clean_text("description", description, required=False)
    _check_dates(date_start, date_end)
    _check_name_free(name)
    event = Event(
        name=name,
        place=place,
        date_start=date_start,
        date_end=date_end,
        date_text=date_text,
        description=description,
        created_by=history_user(actor),
    )
    event._history_user = history_user(actor)
    with refused_if_taken(lambda: _taken(name)):
        event.save()
    event_places_refresh(event=event, created=True)
    if parties:
        event.parties.set(parties)
    return event


EVENT_EDITABLE = ("name", "place", "date_start", "date_end", "date_text", "description", "parties")


@service
def event_update(*, actor: Actor, event: Event, **changes) -> Event:
    require_permission(actor, "tracker.change_event", action="edit events")
    unknown_fields(changes, EVENT_EDITABLE)
    event = Event.objects.select_for_update().get(pk=event.pk)
    for field in ("name", "place", "date_text"):
        if field in changes:
            changes[field] = clean_text(field, changes[field], required=field == "name").strip()
    if "name" in changes:
        _check_name_free(changes["name"], exclude=event)
    _check_dates(
        changes.get("date_start", event.date_start), changes.get("date_end", event.date_end)
    )
    parties = changes.pop("parties", None)
    changed = [field for field, value in changes.items() if getattr(event, field) != value]
    for field in changed:
        setattr(event, field, changes[field])
    if changed:
        event._history_user = history_user(actor)
        with refused_if_taken(lambda: _taken(event.name, exclude=event)):
            event.save(update_fields=[*changed, "updated_at"])
        if {"name", "place"} & set(changed):
            event_places_refresh(event=event)
    if parties is not None and {p.pk for p in parties} != set(
        event.parties.values_list("pk", flat=True)
    ):
        event.parties.set(parties)
        findings_refresh_for_event(event=event)
    return event
