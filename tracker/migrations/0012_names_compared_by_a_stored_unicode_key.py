"""Names are compared by a stored key (NFKC, casefolded) instead of ``lower(name)``.

SQLite's ``lower()`` folds ASCII only, so a database that ran on SQLite may
hold names the new key counts as one ("ÑANDÚ Agency" and "ñandú agency").
They are resolved deterministically, the lowest id keeping its name:
a later source, entity or event is renamed "<name> (duplicate of #<id>)", for
an editor to merge or rename; a later alias, which would only repeat a name
already findable, is deleted. Each change is printed.
"""

from collections.abc import Iterable

from django.db import migrations, models

from tracker.name_keys import GLOBAL_SCOPE, label_with_affiliation, name_key

# Mirrors tracker.vocabularies.PERSON_KINDS as it was when this migration was written.
PERSON_KINDS = frozenset({"spokesperson", "witness"})
BATCH = 500


def duplicates(rows: Iterable[tuple[int, int, str]]) -> dict[int, int]:
    """For rows of (id, scope, key) taken in id order: each later id -> the id that came first."""
    first: dict[tuple[int, str], int] = {}
    later: dict[int, int] = {}
    for pk, scope, key in sorted(rows):
        holder = first.setdefault((scope, key), pk)
        if holder != pk:
            later[pk] = holder
    return later


def renamed(name: str, holder: int, max_length: int) -> str:
    suffix = f" (duplicate of #{holder})"
    return name[: max_length - len(suffix)] + suffix


def _rename_duplicates(objects: list, label: str, max_length: int) -> dict[int, int]:
    by_pk = {obj.pk: obj for obj in objects}
    later = duplicates((obj.pk, getattr(obj, "name_scope", 0), obj.name_key) for obj in objects)
    for pk, holder in later.items():
        obj = by_pk[pk]
        new_name = renamed(obj.name, holder, max_length)
        print(f"\n  {label} #{pk} {obj.name!r} repeats #{holder}'s name: renamed {new_name!r}")
        obj.name, obj.name_key = new_name, name_key(new_name)
        if hasattr(obj, "display_name"):
            obj.display_name = new_name
    return later


def fill_sources(apps) -> None:
    Source = apps.get_model("tracker", "Source")
    SourceAlias = apps.get_model("tracker", "SourceAlias")
    sources = list(Source.objects.select_related("parent").order_by("pk"))
    for source in sources:
        speaks_for = source.parent if source.kind in PERSON_KINDS else None
        source.name_key = name_key(source.name)
        source.name_scope = speaks_for.pk if speaks_for is not None else GLOBAL_SCOPE
        source.display_name = label_with_affiliation(
            source.name, speaks_for.name if speaks_for is not None else None
        )
    renames = _rename_duplicates(sources, "source", 200)
    for source in sources:
        if source.pk in renames and source.name_scope != GLOBAL_SCOPE:
            source.display_name = label_with_affiliation(source.name, source.parent.name)
    Source.objects.bulk_update(
        sources, ["name", "name_key", "name_scope", "display_name"], batch_size=BATCH
    )
    scopes = {source.pk: source.name_scope for source in sources}
    aliases = list(SourceAlias.objects.order_by("pk"))
    for alias in aliases:
        alias.name_key, alias.name_scope = name_key(alias.name), scopes[alias.source_id]
    _delete_duplicate_aliases(SourceAlias, aliases, "source alias", with_scope=True)


def _delete_duplicate_aliases(model, aliases: list, label: str, *, with_scope: bool) -> None:
    later = duplicates(
        (alias.pk, alias.name_scope if with_scope else 0, alias.name_key) for alias in aliases
    )
    for alias in aliases:
        if alias.pk in later:
            print(f"\n  {label} #{alias.pk} {alias.name!r} repeats #{later[alias.pk]}: deleted")
    model.objects.filter(pk__in=later).delete()
    fields = ["name_key", "name_scope"] if with_scope else ["name_key"]
    kept = [alias for alias in aliases if alias.pk not in later]
    model.objects.bulk_update(kept, fields, batch_size=BATCH)


def fill_entities_and_events(apps) -> None:
    for model_name, label, max_length in (("NamedEntity", "name", 200), ("Event", "event", 300)):
        model = apps.get_model("tracker", model_name)
        objects = list(model.objects.order_by("pk"))
        for obj in objects:
            obj.name_key = name_key(obj.name)
        _rename_duplicates(objects, label, max_length)
        model.objects.bulk_update(objects, ["name", "name_key"], batch_size=BATCH)
    EntityAlias = apps.get_model("tracker", "EntityAlias")
    aliases = list(EntityAlias.objects.order_by("pk"))
    for alias in aliases:
        alias.name_key = name_key(alias.name)
    _delete_duplicate_aliases(EntityAlias, aliases, "name alias", with_scope=False)


def fill_name_keys(apps, schema_editor) -> None:
    fill_sources(apps)
    fill_entities_and_events(apps)


def _key_field():
    return models.TextField(default="", editable=False)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0011_claims_keep_their_oldest_open_flag_for_the_review_queue"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="source", name="source_name_unique_ci"),
        migrations.RemoveConstraint(model_name="sourcealias", name="source_alias_unique_ci"),
        migrations.RemoveConstraint(model_name="namedentity", name="entity_name_unique_ci"),
        migrations.RemoveConstraint(model_name="entityalias", name="entity_alias_unique_ci"),
        migrations.RemoveConstraint(model_name="event", name="event_name_unique_ci"),
        *[
            migrations.AddField(
                model_name=model_name, name="name_key", field=_key_field(), preserve_default=False
            )
            for model_name in ("source", "sourcealias", "namedentity", "entityalias", "event")
        ],
        *[
            migrations.AddField(
                model_name=model_name,
                name="name_scope",
                field=models.BigIntegerField(default=0, editable=False),
            )
            for model_name in ("source", "sourcealias")
        ],
        migrations.AddField(
            model_name="source",
            name="display_name",
            field=models.CharField(default="", editable=False, max_length=500),
            preserve_default=False,
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop, elidable=False),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(
                fields=("name_scope", "name_key"), name="source_name_unique_in_scope"
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcealias",
            constraint=models.UniqueConstraint(
                fields=("name_scope", "name_key"), name="source_alias_unique_in_scope"
            ),
        ),
        migrations.AddConstraint(
            model_name="namedentity",
            constraint=models.UniqueConstraint(fields=("name_key",), name="entity_name_key_unique"),
        ),
        migrations.AddConstraint(
            model_name="entityalias",
            constraint=models.UniqueConstraint(
                fields=("name_key",), name="entity_alias_name_key_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(fields=("name_key",), name="event_name_key_unique"),
        ),
    ]
