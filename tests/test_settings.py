import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker.settings import env_bool, env_list

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests allow Django's sync ORM inside Playwright's event loop
    # for this process; a deployment never would, so the child must not inherit it.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    full_env = {**inherited, **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="tracker.settings_production",
        SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="tracker.example.org", DEBUG="0",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "env",
    [
        {"SECRET_KEY": ""},
        {"SECRET_KEY": "short"},
        {"SECRET_KEY": secrets.token_urlsafe(60), "DEBUG": "1"},
    ],
)
def test_production_settings_refuse_to_start_insecurely(env):
    result = _manage(
        "check", DJANGO_SETTINGS_MODULE="tracker.settings_production", ALLOWED_HOSTS="x", **env
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        env_bool("SOME_FLAG", False)
    monkeypatch.setenv("SOME_FLAG", "Yes")
    assert env_bool("SOME_FLAG", False) is True


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    probe = (
        "from django.db import connection;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(c.fetchone()[0], connection.settings_dict['OPTIONS']['transaction_mode'])"
    )
    result = _manage(
        "shell", "--no-imports", "-c", probe, DATABASE_URL=f"sqlite:///{tmp_path / 'probe.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE"]


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="PostgreSQL's setting; the PostgreSQL pass of CI checks it",
)
def test_postgresql_connections_run_without_jit_keeping_the_urls_options():
    probe = (
        "from django.db import connection; c = connection.cursor();"
        "c.execute('SHOW jit'); print(c.fetchone()[0]);"
        "c.execute('SHOW statement_timeout'); print(c.fetchone()[0])"
    )
    url = os.environ["DATABASE_URL"].split("?")[0] + "?options=-c%20statement_timeout%3D61s"
    result = _manage("shell", "--no-imports", "-c", probe, DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["off", "61s"]


def test_production_processes_share_the_throttles_counts(tmp_path):
    production = {
        "DJANGO_SETTINGS_MODULE": "tracker.settings_production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    created = _manage("createcachetable", **production)
    assert created.returncode == 0, created.stderr
    # Two processes, as two gunicorn workers: what one counts, the other sees.
    cache = "from django.core.cache import cache; "
    count = cache + "print(cache.incr('throttle', 1))"
    first = cache + "cache.set('throttle', 1); print(cache.get('throttle'))"
    start = _manage("shell", "--no-imports", "-c", first, **production)
    assert start.returncode == 0, start.stderr
    other = _manage("shell", "--no-imports", "-c", count, **production)
    assert other.returncode == 0, other.stderr
    assert (start.stdout.split(), other.stdout.split()) == (["1"], ["2"])
