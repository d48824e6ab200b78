"""Bring back the newsroom's roles after a transactional test's flush.

A transactional test (the browser journeys against a live server, the
concurrency test) ends by emptying every table, the Reporters and Editors
groups and their permissions included, which migrations created. Django
puts them back before the next such test from a copy serialized at set-up
(``serialized_rollback``); but that copy hangs on the database connection
object of the thread, and with Playwright's greenlets in the same session
it was seen missing on PostgreSQL, leaving users without permissions. So
these tests restore the roles themselves, by running the migrations' own
code that made them, against the current models.
"""

from importlib import import_module

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

ROLE_MIGRATIONS = [
    ("tracker.migrations.0003_editor_and_reporter_groups", "create_groups"),
    # Seeing and acknowledging conflicts: without it a second flushed test's
    # editor gets a 403 on the conflicts list.
    ("tracker.migrations.0006_editors_acknowledge_conflicts", "grant"),
    ("tracker.migrations.0008_roles_review_suggestions_and_names", "grant"),
    ("tracker.migrations.0018_desk_assignments_comments_and_inbox_indexes", "grant"),
    ("tracker.migrations.0022_captures", "grant"),
    ("tracker.migrations.0023_event_evidence_bundle_exports", "grant"),
]


def restore_roles() -> None:
    """The groups and permissions as the migrations define them; harmless if present."""
    # Cached content types may name rows the flush removed.
    ContentType.objects.clear_cache()
    state_apps = MigrationExecutor(connection).loader.project_state().apps
    for module, function in ROLE_MIGRATIONS:
        getattr(import_module(module), function)(state_apps, None)
    ContentType.objects.clear_cache()
