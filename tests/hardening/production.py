"""Run a snippet in a fresh process under production settings.

Production settings are read once, at start-up, and set logging up for the
whole process, so they cannot be switched on inside the test run.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Before the snippet: a test environment whose client keeps Django's own
# handling of exceptions (a 500 page, not a re-raise), and plain static files
# (production's manifest storage needs collectstatic; nothing here depends on it).
PRELUDE = """
import json
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
"""


def run_in_production(snippet: str, tmp_path: Path) -> tuple[dict, str]:
    """The JSON the snippet prints last on stdout, and everything written to stderr."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tracker.settings_production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PRELUDE + snippet],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr
