from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.models import EntityAlias, EntityKind, NamedEntity, Source
from tracker.services._common import Actor, check_choice, clean_text, require_permission


def _name_taken(name: str, *, exclude: NamedEntity | None = None) -> bool:
    entities = NamedEntity.objects.filter(name__iexact=name)
    aliases = EntityAlias.objects.filter(name__iexact=name)
    if exclude is not None:
        entities = entities.exclude(pk=exclude.pk)
        aliases = aliases.exclude(entity=exclude)
    return entities.exists() or aliases.exists()


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
    if _name_taken(name):
        raise ValidationError({"name": f"{name!r} is already a name or alias in the table."})
    if source is not None and NamedEntity.objects.filter(source=source).exists():
        raise ValidationError({"source": f"{source} already has an entry in the names table."})
    entity = NamedEntity.objects.create(
        name=name, kind=kind, source=source, description=description
    )
    for alias in aliases:
        entity_alias_add(actor=actor, entity=entity, name=alias)
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
        if _name_taken(changes["name"], exclude=entity):
            raise ValidationError({"name": f"{changes['name']!r} is already in the table."})
    if "kind" in changes:
        check_choice("kind", changes["kind"], EntityKind)
    source = changes.get("source")
    if source is not None and NamedEntity.objects.filter(source=source).exclude(pk=entity.pk):
        raise ValidationError({"source": f"{source} already has an entry in the names table."})
    changed = [field for field, value in changes.items() if getattr(entity, field) != value]
    if "name" in changed:
        # Renamed to one of its own aliases: the alias keeps the old name findable.
        entity.aliases.filter(name__iexact=changes["name"]).update(name=entity.name)
    for field in changed:
        setattr(entity, field, changes[field])
    if changed:
        entity.save(update_fields=changed)
    return entity


@transaction.atomic
def entity_alias_add(*, actor: Actor, entity: NamedEntity, name: str) -> EntityAlias:
    require_permission(actor, "tracker.add_entityalias", action="add aliases")
    name = clean_text("name", name, required=True, max_length=200).strip()
    if _name_taken(name):
        raise ValidationError({"name": f"{name!r} is already a name or alias in the table."})
    return EntityAlias.objects.create(entity=entity, name=name)


@transaction.atomic
def entity_alias_remove(*, actor: Actor, alias: EntityAlias) -> None:
    require_permission(actor, "tracker.delete_entityalias", action="remove aliases")
    alias.delete()
