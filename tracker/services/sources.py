from django.core.exceptions import ValidationError

from tracker.models import Source, SourceAlias
from tracker.name_keys import label_with_affiliation, name_key
from tracker.services._boundary import service
from tracker.services._common import (
    Actor,
    check_choice,
    clean_text,
    history_user,
    require_permission,
    unknown_fields,
)
from tracker.services._names import lock_name, refused_if_taken
from tracker.services.findings import findings_refresh_for_sources
from tracker.vocabularies import PERSON_KINDS, Reliability, SourceKind


def _name_holder(
    key: str, scope: int, *, exclude_source: Source | None = None
) -> tuple[Source, str] | None:
    """The source that already goes by ``key`` in ``scope``, and the name or alias it matched."""
    names = Source.objects.filter(name_scope=scope, name_key=key)
    aliases = SourceAlias.objects.filter(name_scope=scope, name_key=key).select_related("source")
    if exclude_source is not None:
        names = names.exclude(pk=exclude_source.pk)
        aliases = aliases.exclude(source=exclude_source)
    source = names.order_by("pk").first()
    if source is not None:
        return source, source.name
    alias = aliases.order_by("pk").first()
    return (alias.source, alias.name) if alias is not None else None


def _taken_message(holder: Source, matched: str) -> str:
    if matched == holder.name:
        return f"A source named {str(holder)!r} already exists (id {holder.pk})."
    return (
        f"A source named {matched!r} already exists (id {holder.pk}): "
        f"it is an alias of {str(holder)!r}."
    )


def _claim_name(
    key: str, scope: int, *, field: str = "name", exclude_source: Source | None = None
) -> None:
    """Take the name for this transaction, or refuse it naming the source that has it."""
    lock_name("source", scope, key)
    holder = _name_holder(key, scope, exclude_source=exclude_source)
    if holder is not None:
        raise ValidationError({field: _taken_message(*holder)})


def _refusal(key: str, scope: int, *, field: str = "name", exclude_source: Source | None = None):
    def error() -> ValidationError | None:
        holder = _name_holder(key, scope, exclude_source=exclude_source)
        return None if holder is None else ValidationError({field: _taken_message(*holder)})

    return error


def _named_as(name: str, *, kind: str, parent: Source | None) -> Source:
    """An unsaved source with the key, scope and display name ``name`` would have."""
    probe = Source(name=name, kind=kind, parent=parent)
    probe.refresh_derived_names()
    return probe


def source_with_name(*, name: str, kind: str, parent: Source | None) -> Source | None:
    """The source whose own name this is, where a source of ``kind`` under ``parent`` would be."""
    probe = _named_as(name, kind=kind, parent=parent)
    return Source.objects.filter(name_scope=probe.name_scope, name_key=probe.name_key).first()


def _candidates(key: str) -> list[Source]:
    by_name = Source.objects.filter(name_key=key)
    by_alias = Source.objects.filter(aliases__name_key=key)
    found = {source.pk: source for source in [*by_name, *by_alias]}
    return [found[pk] for pk in sorted(found)]


def _with_affiliation(name: str) -> tuple[str, str] | None:
    """ "Ahmed Hassan (Ministry of Defence)" -> ("Ahmed Hassan", "Ministry of Defence")."""
    name = name.strip()
    if not name.endswith(")") or " (" not in name:
        return None
    person, _, affiliation = name[:-1].rpartition(" (")
    return (person, affiliation) if person.strip() and affiliation.strip() else None


def source_named(name: str, *, speaks_for: Source | None = None) -> Source | None:
    """The source with this name or alias, ignoring case in every script.

    People of one name are told apart by whom they speak for: ``speaks_for``,
    or the label they are shown by, "Ahmed Hassan (Ministry of Defence)". A
    name that still fits several sources is refused with their labels rather
    than answered with one of them.
    """
    key = name_key(name)
    candidates = _candidates(key)
    if speaks_for is not None:
        scoped = [source for source in candidates if source.name_scope == speaks_for.pk]
        if scoped:
            candidates = scoped
    if not candidates:
        split = _with_affiliation(name)
        if split is not None:
            parents = {source.pk for source in _candidates(name_key(split[1]))}
            candidates = [
                source for source in _candidates(name_key(split[0])) if source.parent_id in parents
            ]
    if len(candidates) > 1:
        labels = "; ".join(f"{source} (id {source.pk})" for source in candidates)
        raise ValidationError(
            f"{name!r} names {len(candidates)} sources: {labels}. "
            "Say whom the person speaks for, as in 'Name (Affiliation)', or choose by id."
        )
    return candidates[0] if candidates else None


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
    source = Source(
        name=name,
        kind=kind,
        parent=parent,
        reliability=reliability,
        description=description,
        created_by=history_user(actor),
    )
    source.refresh_derived_names()
    _claim_name(source.name_key, source.name_scope)
    source._history_user = history_user(actor)
    with refused_if_taken(_refusal(source.name_key, source.name_scope)):
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
    renaming = bool({"name", "kind", "parent"} & set(changed))
    named = _check_new_names(source, changes) if renaming else source
    if "name" in changed:
        _swap_with_own_alias(actor=actor, source=source, new_name=changes["name"])
    for field in changed:
        setattr(source, field, changes[field])
    if changed:
        source._history_user = history_user(actor)
        refusal = _refusal(named.name_key, named.name_scope, exclude_source=source)
        with refused_if_taken(refusal):
            source.save(update_fields=[*changed, "updated_at"])
    if renaming:
        _follow_new_name(source)
    if parent_changed:
        findings_refresh_for_sources(source_ids=_reroot_subtree(source))
    elif "name" in changed:
        # Explanations and event summaries name the source, and name it as the
        # body its people and outlets speak for: their events are worded anew
        # (once each, when the write commits).
        findings_refresh_for_sources(source_ids=_subtree(source))
    return source


def _check_new_names(source: Source, changes: dict) -> Source:
    """Refuse a new name, kind or parent that would make a name (or alias) another's.

    A person's names are unique among those speaking for the same parent, so
    moving a person to another body checks their aliases there too.
    """
    renamed = _named_as(
        changes.get("name", source.name),
        kind=changes.get("kind", source.kind),
        parent=changes.get("parent", source.parent),
    )
    _claim_name(renamed.name_key, renamed.name_scope, exclude_source=source)
    if renamed.name_scope != source.name_scope:
        for alias in source.aliases.order_by("pk"):
            if alias.name_key != renamed.name_key:
                _claim_name(alias.name_key, renamed.name_scope, exclude_source=source)
    return renamed


def _follow_new_name(source: Source) -> None:
    """Move the aliases to the source's scope, and relabel the people who speak for it."""
    source.aliases.exclude(name_scope=source.name_scope).update(name_scope=source.name_scope)
    people = list(Source.objects.filter(parent=source, kind__in=PERSON_KINDS))
    for person in people:
        person.display_name = label_with_affiliation(person.name, source.name)
    Source.objects.bulk_update(people, ["display_name"])


def _swap_with_own_alias(*, actor: Actor, source: Source, new_name: str) -> None:
    """Renamed to one of its own aliases: that alias takes the old name.

    The old name is how earlier reports called the source, so it must still
    find it; and a source whose name is also its alias would be listed twice.
    """
    alias = source.aliases.filter(name_key=name_key(new_name)).first()
    if alias is not None:
        alias.name = source.name
        alias._history_user = history_user(actor)
        alias.save(update_fields=["name"])


def _subtree(source: Source) -> set[int]:
    """The ids of ``source`` and of everything that speaks through it, at any depth."""
    found: set[int] = set()
    level = [source.pk]
    while level:
        found.update(level)
        level = list(
            Source.objects.filter(parent_id__in=level)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
    return found


def _reroot_subtree(source: Source) -> set[int]:
    """Give ``source`` and everything that speaks through it their new root.

    Returns the ids of the sources moved.
    """
    root = _root_of(source.parent) or source
    moved = _subtree(source)
    Source.objects.filter(pk__in=moved).update(root=root)
    source.root = root
    return moved


@service
def source_alias_add(*, actor: Actor, source: Source, name: str) -> SourceAlias:
    require_permission(actor, "tracker.add_sourcealias", action="add aliases")
    name = clean_text("name", name, required=True, max_length=200).strip()
    key = name_key(name)
    _claim_name(key, source.name_scope)
    alias = SourceAlias(source=source, name=name)
    alias._history_user = history_user(actor)
    with refused_if_taken(_refusal(key, source.name_scope)):
        alias.save()
    return alias


@service
def source_alias_remove(*, actor: Actor, alias: SourceAlias) -> None:
    require_permission(actor, "tracker.delete_sourcealias", action="remove aliases")
    alias._history_user = history_user(actor)
    alias.delete()
