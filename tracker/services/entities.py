from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.models import EntityAlias, EntityKind, NamedEntity, Source
from tracker.name_keys import name_key
from tracker.services._common import Actor, check_choice, clean_text, require_permission
from tracker.services._names import lock_name, refused_if_taken
from tracker.services.event_places import event_places_refresh_for_entity


def _taken(name: str, *, exclude: NamedEntity | None = None) -> ValidationError | None:
    """The refusal of ``name`` if the table has it already, as a name or an alias."""
    key = name_key(name)
    entities = NamedEntity.objects.filter(name_key=key)
    aliases = EntityAlias.objects.filter(name_key=key).select_related("entity")
    if exclude is not None:
        entities = entities.exclude(pk=exclude.pk)
        aliases = aliases.exclude(entity=exclude)
    entity = entities.first()
    if entity is not None:
        return ValidationError(
            {"name": f"The names table has {entity.name!r} already (id {entity.pk})."}
        )
    alias = aliases.first()
    if alias is not None:
        return ValidationError(
            {
                "name": f"The names table has {alias.name!r} already (id {alias.entity_id}): "
                f"it is an alias of {alias.entity.name!r}."
            }
        )
    return None


def _claim_name(name: str, *, exclude: NamedEntity | None = None) -> None:
    lock_name("entity", 0, name_key(name))
    refusal = _taken(name, exclude=exclude)
    if refusal is not None:
        raise refusal


@transaction.atomic
def entity_create(
    *,
    actor: Actor,
    name: str,
    kind: str,
    aliases: list[str] | tuple[str, ...] = (),
    source: Source | None = None,
    description: str = "",
) -> NamedEntity:
    require_permission(actor, "tracker.add_namedentity", action="add names")
    name = clean_text("name", name, required=True, max_length=200).strip()
    check_choice("kind", kind, EntityKind)
    clean_text("description", description, required=False)
    _claim_name(name)
    if source is not None and NamedEntity.objects.filter(source=source).exists():
        raise ValidationError({"source": f"{source} already has an entry in the names table."})
    with refused_if_taken(lambda: _taken(name)):
        entity = NamedEntity.objects.create(
            name=name, kind=kind, source=source, description=description
        )
    for alias in aliases:
        _alias_add(actor=actor, entity=entity, name=alias)
    event_places_refresh_for_entity(entity=entity, recheck=False)
    return entity


ENTITY_EDITABLE = ("name", "kind", "source", "description")


@transaction.atomic
def entity_update(*, actor: Actor, entity: NamedEntity, **changes) -> NamedEntity:
    require_permission(actor, "tracker.change_namedentity", action="edit names")
    extra = set(changes) - set(ENTITY_EDITABLE)
    if extra:
        raise ValidationError({field: "This field cannot be changed here." for field in extra})
    entity = NamedEntity.objects.select_for_update().get(pk=entity.pk)
    if "name" in changes:
        changes["name"] = clean_text("name", changes["name"], required=True, max_length=200)
        changes["name"] = changes["name"].strip()
        _claim_name(changes["name"], exclude=entity)
    if "kind" in changes:
        check_choice("kind", changes["kind"], EntityKind)
    source = changes.get("source")
    if source is not None and NamedEntity.objects.filter(source=source).exclude(pk=entity.pk):
        raise ValidationError({"source": f"{source} already has an entry in the names table."})
    changed = [field for field, value in changes.items() if getattr(entity, field) != value]
    if "name" in changed:
        # Renamed to one of its own aliases: the alias keeps the old name findable.
        entity.aliases.filter(name_key=name_key(changes["name"])).update(
            name=entity.name, name_key=entity.name_key
        )
    for field in changed:
        setattr(entity, field, changes[field])
    if changed:
        with refused_if_taken(lambda: _taken(entity.name, exclude=entity)):
            entity.save(update_fields=changed)
    if {"name", "kind"} & set(changed):
        event_places_refresh_for_entity(entity=entity)
    return entity


def _alias_add(*, actor: Actor, entity: NamedEntity, name: str) -> EntityAlias:
    require_permission(actor, "tracker.add_entityalias", action="add aliases")
    name = clean_text("name", name, required=True, max_length=200).strip()
    _claim_name(name)
    with refused_if_taken(lambda: _taken(name)):
        return EntityAlias.objects.create(entity=entity, name=name)


@transaction.atomic
def entity_alias_add(*, actor: Actor, entity: NamedEntity, name: str) -> EntityAlias:
    """Add ``name`` as an alias; events whose place or name holds it are filed under ``entity``."""
    alias = _alias_add(actor=actor, entity=entity, name=name)
    event_places_refresh_for_entity(entity=entity, look_for=[alias.name], recheck=False)
    return alias


@transaction.atomic
def entity_alias_remove(*, actor: Actor, alias: EntityAlias) -> None:
    require_permission(actor, "tracker.delete_entityalias", action="remove aliases")
    entity = alias.entity
    alias.delete()
    event_places_refresh_for_entity(entity=entity, look_for=[])
