from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from tracker.models import Source, SourceAlias
from tracker.services._boundary import service
from tracker.services._common import (
    Actor,
    check_choice,
    clean_text,
    history_user,
    require_permission,
    unknown_fields,
)
from tracker.services.findings import findings_refresh_for_sources
from tracker.vocabularies import Reliability, SourceKind


def _name_taken(name: str, *, exclude_source: Source | None = None) -> bool:
    """Whether a name is already some other source's name or alias."""
    lowered = name.strip().lower()
    names = Source.objects.annotate(lname=Lower("name")).filter(lname=lowered)
    aliases = SourceAlias.objects.annotate(lname=Lower("name")).filter(lname=lowered)
    if exclude_source is not None:
        names = names.exclude(pk=exclude_source.pk)
        aliases = aliases.exclude(source=exclude_source)
    return names.exists() or aliases.exists()


def source_named(name: str) -> Source | None:
    """The source with this name or alias, ignoring case."""
    name = name.strip()
    return (
        Source.objects.filter(name__iexact=name).first()
        or Source.objects.filter(aliases__name__iexact=name).first()
    )


def _root_of(parent: Source | None, *, child: Source | None = None) -> Source | None:
    """Walk up from ``parent``; refuse a chain that would loop back to ``child``."""
    seen: set[int] = set()
    node = parent
    while node is not None:
        if child is not None and node.pk == child.pk:
            raise ValidationError({"parent": "A source cannot speak for itself, even indirectly."})
        if node.pk in seen:
            raise ValidationError({"parent": "The parent chain loops."})
        seen.add(node.pk)
        if node.parent_id is None:
            return node
        node = node.parent
    return None


@service
def source_create(
    *,
    actor: Actor,
    name: str,
    kind: str,
    parent: Source | None = None,
    reliability: str = Reliability.F,
    description: str = "",
    aliases: list[str] | tuple[str, ...] = (),
) -> Source:
    require_permission(actor, "tracker.add_source", action="add sources")
    name = clean_text("name", name, required=True, max_length=200).strip()
    check_choice("kind", kind, SourceKind)
    check_choice("reliability", reliability, Reliability)
    clean_text("description", description, required=False)
    if _name_taken(name):
        raise ValidationError({"name": f"A source named {name!r} (or with that alias) exists."})
    source = Source(
        name=name,
        kind=kind,
        parent=parent,
        reliability=reliability,
        description=description,
        created_by=history_user(actor),
    )
    source._history_user = history_user(actor)
    source.save()
    root = _root_of(parent) or source
    Source.objects.filter(pk=source.pk).update(root=root)
    source.root = root
    for alias in aliases:
        source_alias_add(actor=actor, source=source, name=alias)
    return source


SOURCE_EDITABLE = ("name", "kind", "parent", "reliability", "description")


@service
def source_update(*, actor: Actor, source: Source, **changes) -> Source:
    require_permission(actor, "tracker.change_source", action="edit sources")
    unknown_fields(changes, SOURCE_EDITABLE)
    source = Source.objects.select_for_update().get(pk=source.pk)
    if "name" in changes:
        changes["name"] = clean_text("name", changes["name"], required=True, max_length=200).strip()
        if _name_taken(changes["name"], exclude_source=source):
            raise ValidationError({"name": f"A source named {changes['name']!r} exists."})
    if "kind" in changes:
        check_choice("kind", changes["kind"], SourceKind)
    if "reliability" in changes:
        check_choice("reliability", changes["reliability"], Reliability)
    if "description" in changes:
        clean_text("description", changes["description"], required=False)
    parent_changed = "parent" in changes and changes["parent"] != source.parent
    if parent_changed:
        _root_of(changes["parent"], child=source)
    changed = [field for field, value in changes.items() if getattr(source, field) != value]
    if "name" in changed:
        _swap_with_own_alias(actor=actor, source=source, new_name=changes["name"])
    for field in changed:
        setattr(source, field, changes[field])
    if changed:
        source._history_user = history_user(actor)
        source.save(update_fields=[*changed, "updated_at"])
    if parent_changed:
        findings_refresh_for_sources(source_ids=_reroot_subtree(source))
    return source


def _swap_with_own_alias(*, actor: Actor, source: Source, new_name: str) -> None:
    """Renamed to one of its own aliases: that alias takes the old name.

    The old name is how earlier reports called the source, so it must still
    find it; and a source whose name is also its alias would be listed twice.
    """
    alias = source.aliases.filter(name__iexact=new_name).first()
    if alias is not None:
        alias.name = source.name
        alias._history_user = history_user(actor)
        alias.save(update_fields=["name"])


def _reroot_subtree(source: Source) -> set[int]:
    """Give ``source`` and everything that speaks through it their new root.

    Returns the ids of the sources moved.
    """
    root = _root_of(source.parent) or source
    moved: set[int] = set()
    level = [source.pk]
    while level:
        Source.objects.filter(pk__in=level).update(root=root)
        moved.update(level)
        level = list(
            Source.objects.filter(parent_id__in=level)
            .exclude(pk__in=moved)
            .values_list("pk", flat=True)
        )
    source.root = root
    return moved


@service
def source_alias_add(*, actor: Actor, source: Source, name: str) -> SourceAlias:
    require_permission(actor, "tracker.add_sourcealias", action="add aliases")
    name = clean_text("name", name, required=True, max_length=200).strip()
    if _name_taken(name):
        raise ValidationError({"name": f"{name!r} is already a source name or alias."})
    alias = SourceAlias(source=source, name=name)
    alias._history_user = history_user(actor)
    try:
        with transaction.atomic():
            alias.save()
            return alias
    except IntegrityError as error:
        raise ValidationError({"name": f"{name!r} is already an alias."}) from error


@service
def source_alias_remove(*, actor: Actor, alias: SourceAlias) -> None:
    require_permission(actor, "tracker.delete_sourcealias", action="remove aliases")
    alias._history_user = history_user(actor)
    alias.delete()
