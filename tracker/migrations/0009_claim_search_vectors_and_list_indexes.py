"""Indexes for an archive of millions of claims, and full-text search on PostgreSQL.

Portable (both databases):

- ``claim_updated_idx`` (updated_at, id): every claims list is newest first, so
  a page of 50 is a walk down this index rather than a sort of the table.
- ``claim_status_updated_idx`` (status, updated_at, id): the same for a list
  filtered by status; it serves a bare status lookup too, so it replaces
  ``claim_status_idx``.

PostgreSQL only (each guarded by a vendor check, so SQLite still migrates):

- ``tracker_claim.search_vector`` holds the claim's text (weight A), its
  accounts' quotes (B, the first 100,000 characters, which keeps the vector
  far below PostgreSQL's 1 MB limit) and the names and aliases of the sources
  and intermediaries of its accounts (C), parsed with the ``simple``
  configuration: no stemming and no stop words, so every word a user types is
  searchable and ``killed:*`` finds "killed" as ``icontains`` would.
  Triggers keep it current: a claim recomputes its own on insert, on a new
  text, or when it is set to NULL; a change to accounts, a source's name or
  an alias sets the affected claims' vectors to NULL. Whatever else a client
  writes into the column is ignored. A GIN index serves ``@@``.
- ``pg_trgm`` and a trigram GIN index on claim text, for near-duplicate claims
  (``selectors.claims_similar_to``).

A bulk loader that writes a claim's accounts before the claim in one
transaction (``generate_demo_data``) may set ``tracker.search_vectors_deferred``
to ``on`` for its session: the account trigger then skips claims that do not
exist yet, and each claim computes its vector as it is inserted.

None of the three tables whose triggers 0002 creates is altered here, so those
survive on SQLite.
"""

import django.contrib.postgres.search
from django.db import migrations, models

SEARCH_DOCUMENT = """
CREATE FUNCTION tracker_claim_search_document(p_claim_id bigint, p_text text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(p_text, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(left((
               SELECT string_agg(a.quote, ' ' ORDER BY a.id) FROM tracker_account a
               WHERE a.claim_id = p_claim_id AND a.quote <> ''
           ), 100000), '')), 'B')
        || setweight(to_tsvector('simple', coalesce((
               SELECT string_agg(DISTINCT names.name, ' ') FROM (
                   SELECT s.name FROM tracker_account a
                   JOIN tracker_source s ON s.id = a.source_id WHERE a.claim_id = p_claim_id
                   UNION ALL
                   SELECT al.name FROM tracker_account a
                   JOIN tracker_sourcealias al ON al.source_id = a.source_id
                   WHERE a.claim_id = p_claim_id
                   UNION ALL
                   SELECT s.name FROM tracker_account a
                   JOIN tracker_source s ON s.id = a.intermediary_id WHERE a.claim_id = p_claim_id
               ) AS names
           ), '')), 'C')
$$;
"""

CLAIM_TRIGGER = """
CREATE FUNCTION tracker_claim_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.search_vector IS NULL OR NEW.text IS DISTINCT FROM OLD.text THEN
        NEW.search_vector := tracker_claim_search_document(NEW.id, NEW.text);
    ELSE
        -- Only this trigger writes the column: a stale value a client read
        -- earlier and saves back must not undo a refresh made since.
        NEW.search_vector := OLD.search_vector;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER tracker_claim_search_vector
BEFORE INSERT OR UPDATE ON tracker_claim
FOR EACH ROW EXECUTE FUNCTION tracker_claim_search_vector();
"""

# Statement-level with transition tables: one UPDATE per statement, however
# many accounts it touched. PostgreSQL allows transition tables on a trigger
# for one event only, hence three triggers sharing one function.
ACCOUNT_TRIGGERS = """
CREATE FUNCTION tracker_account_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tracker.search_vectors_deferred', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE tracker_claim SET search_vector = NULL
        WHERE id IN (SELECT claim_id FROM new_rows);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE tracker_claim SET search_vector = NULL
        WHERE id IN (SELECT claim_id FROM old_rows);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tracker_account_search_insert
AFTER INSERT ON tracker_account REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION tracker_account_search_refresh();
CREATE TRIGGER tracker_account_search_update
AFTER UPDATE ON tracker_account REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION tracker_account_search_refresh();
CREATE TRIGGER tracker_account_search_delete
AFTER DELETE ON tracker_account REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION tracker_account_search_refresh();
"""

# A renamed source, or an alias added, changed or removed, changes the search
# document of every claim its accounts are on.
SOURCE_TRIGGERS = """
CREATE FUNCTION tracker_source_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tracker_claim SET search_vector = NULL
    WHERE id IN (
        SELECT claim_id FROM tracker_account WHERE source_id = NEW.id
        UNION
        SELECT claim_id FROM tracker_account WHERE intermediary_id = NEW.id
    );
    RETURN NULL;
END
$$;
CREATE TRIGGER tracker_source_search_rename
AFTER UPDATE OF name ON tracker_source
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
EXECUTE FUNCTION tracker_source_search_refresh();

CREATE FUNCTION tracker_sourcealias_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source_ids bigint[] := '{}';
BEGIN
    IF TG_OP <> 'DELETE' THEN
        source_ids := source_ids || NEW.source_id;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        source_ids := source_ids || OLD.source_id;
    END IF;
    UPDATE tracker_claim SET search_vector = NULL
    WHERE id IN (SELECT claim_id FROM tracker_account WHERE source_id = ANY (source_ids));
    RETURN NULL;
END
$$;
CREATE TRIGGER tracker_sourcealias_search
AFTER INSERT OR UPDATE OR DELETE ON tracker_sourcealias
FOR EACH ROW EXECUTE FUNCTION tracker_sourcealias_search_refresh();
"""

POSTGRES_FORWARD = [
    SEARCH_DOCUMENT,
    CLAIM_TRIGGER,
    ACCOUNT_TRIGGERS,
    SOURCE_TRIGGERS,
    # Claims stored before this migration get their vectors now.
    "UPDATE tracker_claim SET search_vector = NULL;",
    "CREATE INDEX claim_search_vector_gin ON tracker_claim USING gin (search_vector);",
    # Trusted since PostgreSQL 13: the database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
    "CREATE INDEX claim_text_trgm_gin ON tracker_claim USING gin (text gin_trgm_ops);",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS claim_text_trgm_gin;",
    "DROP INDEX IF EXISTS claim_search_vector_gin;",
    "DROP TRIGGER IF EXISTS tracker_sourcealias_search ON tracker_sourcealias;",
    "DROP FUNCTION IF EXISTS tracker_sourcealias_search_refresh();",
    "DROP TRIGGER IF EXISTS tracker_source_search_rename ON tracker_source;",
    "DROP FUNCTION IF EXISTS tracker_source_search_refresh();",
    "DROP TRIGGER IF EXISTS tracker_account_search_insert ON tracker_account;",
    "DROP TRIGGER IF EXISTS tracker_account_search_update ON tracker_account;",
    "DROP TRIGGER IF EXISTS tracker_account_search_delete ON tracker_account;",
    "DROP FUNCTION IF EXISTS tracker_account_search_refresh();",
    "DROP TRIGGER IF EXISTS tracker_claim_search_vector ON tracker_claim;",
    "DROP FUNCTION IF EXISTS tracker_claim_search_vector();",
    "DROP FUNCTION IF EXISTS tracker_claim_search_document(bigint, text);",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        # SQLite has no tsvector, GIN or pg_trgm: search there falls back to
        # substring matching, and the column stays NULL.
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("tracker", "0008_roles_review_suggestions_and_names")]

    operations = [
        migrations.RemoveIndex(model_name="claim", name="claim_status_idx"),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["updated_at", "id"], name="claim_updated_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                fields=["status", "updated_at", "id"], name="claim_status_updated_idx"
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                blank=True, editable=False, null=True
            ),
        ),
        migrations.RunPython(
            _on_postgresql(POSTGRES_FORWARD), _on_postgresql(POSTGRES_BACKWARD), elidable=False
        ),
    ]
