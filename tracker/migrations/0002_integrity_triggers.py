"""Database triggers for the rules a CHECK constraint cannot express.

- An account's quote must equal its document's text at its offsets (the check
  spans two tables, so it is a trigger).
- A document's text never changes once stored: quotes point into it.
- Status changes are append-only: no UPDATE.

SQLite and PostgreSQL get the same rules in their own dialects. On SQLite,
Django rebuilds a table to alter it, which drops its triggers: a later migration
that alters one of these three tables must create them again (the tests in
tests/models/test_integrity_triggers.py fail if a trigger goes missing).
"""

from django.db import migrations

QUOTE_MISMATCH = "account quote does not match its document text at its offsets"
TEXT_FROZEN = "document text cannot change once stored"
APPEND_ONLY = "status changes are append-only"

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER tracker_account_quote_{op.lower()}
    BEFORE {op} ON tracker_account
    WHEN NEW.document_id IS NOT NULL AND NEW.quote_start IS NOT NULL AND (
        NEW.quote_end > (SELECT length(text) FROM tracker_document WHERE id = NEW.document_id)
        OR substr(
            (SELECT text FROM tracker_document WHERE id = NEW.document_id),
            NEW.quote_start + 1,
            NEW.quote_end - NEW.quote_start
        ) IS NOT NEW.quote
    )
    BEGIN SELECT RAISE(ABORT, '{QUOTE_MISMATCH}'); END;
    """
    for op in ("INSERT", "UPDATE")
] + [
    f"""
    CREATE TRIGGER tracker_document_text_frozen
    BEFORE UPDATE OF text ON tracker_document
    WHEN NEW.text IS NOT OLD.text
    BEGIN SELECT RAISE(ABORT, '{TEXT_FROZEN}'); END;
    """,
    f"""
    CREATE TRIGGER tracker_statuschange_append_only
    BEFORE UPDATE ON tracker_statuschange
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END;
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS tracker_account_quote_insert;",
    "DROP TRIGGER IF EXISTS tracker_account_quote_update;",
    "DROP TRIGGER IF EXISTS tracker_document_text_frozen;",
    "DROP TRIGGER IF EXISTS tracker_statuschange_append_only;",
]

POSTGRES_FORWARD = [
    f"""
    CREATE FUNCTION tracker_account_quote_check() RETURNS trigger AS $$
    DECLARE doc_text text;
    BEGIN
        IF NEW.document_id IS NOT NULL AND NEW.quote_start IS NOT NULL THEN
            SELECT text INTO doc_text FROM tracker_document WHERE id = NEW.document_id;
            IF NEW.quote_end > length(doc_text)
               OR substr(doc_text, NEW.quote_start + 1, NEW.quote_end - NEW.quote_start)
                  IS DISTINCT FROM NEW.quote THEN
                RAISE EXCEPTION '{QUOTE_MISMATCH}' USING ERRCODE = 'check_violation';
            END IF;
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER tracker_account_quote
    BEFORE INSERT OR UPDATE ON tracker_account
    FOR EACH ROW EXECUTE FUNCTION tracker_account_quote_check();
    """,
    f"""
    CREATE FUNCTION tracker_document_text_frozen() RETURNS trigger AS $$
    BEGIN
        IF NEW.text IS DISTINCT FROM OLD.text THEN
            RAISE EXCEPTION '{TEXT_FROZEN}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER tracker_document_text_frozen
    BEFORE UPDATE ON tracker_document
    FOR EACH ROW EXECUTE FUNCTION tracker_document_text_frozen();
    """,
    f"""
    CREATE FUNCTION tracker_statuschange_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{APPEND_ONLY}' USING ERRCODE = 'check_violation';
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER tracker_statuschange_append_only
    BEFORE UPDATE ON tracker_statuschange
    FOR EACH ROW EXECUTE FUNCTION tracker_statuschange_append_only();
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS tracker_account_quote ON tracker_account;",
    "DROP FUNCTION IF EXISTS tracker_account_quote_check();",
    "DROP TRIGGER IF EXISTS tracker_document_text_frozen ON tracker_document;",
    "DROP FUNCTION IF EXISTS tracker_document_text_frozen();",
    "DROP TRIGGER IF EXISTS tracker_statuschange_append_only ON tracker_statuschange;",
    "DROP FUNCTION IF EXISTS tracker_statuschange_append_only();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError(
                f"tracker supports SQLite and PostgreSQL, not {schema_editor.connection.vendor}"
            )
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_core_models")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
