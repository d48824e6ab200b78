"""Real concurrent writers: a database each connection reaches on its own, and a live HTTP server.

SQLite's in-memory test database is one shared-cache database whose locks are
table locks that ignore the busy timeout, so writers there never queue the
way they do in production. ``writers_database`` copies it (with the roles the
migrations made) into a file for the test and points every new connection
at that file, WAL mode and busy timeout as in production; PostgreSQL's test
database is already reached that way. ``live_http`` serves the app over HTTP
with no connection shared between its request threads, unlike pytest-django's
``live_server``, which shares the test's connection when SQLite is in memory.
"""

import sqlite3
from collections.abc import Iterator

import pytest
import requests
from django.core.cache import cache
from django.db import connection
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from tracker import services
from tracker.services._boundary import lost_races


@pytest.fixture(autouse=True)
def _many_fast_writers(settings):
    # Each thread writes far more than a person would; the throttles are tested elsewhere.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"writes": None, "auth": None},
    }
    cache.clear()


@pytest.fixture
def writers_database(transactional_db, tmp_path) -> Iterator[None]:
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    memory = connection.connection
    path = tmp_path / "writers.sqlite3"
    copy = sqlite3.connect(path)
    memory.backup(copy)
    copy.close()
    settings = connection.settings_dict  # the dict every thread's connection is made from
    memory_name = settings["NAME"]
    settings["NAME"] = str(path)
    # Held, not closed: the in-memory database lives only while a connection to it is open.
    connection.connection = None
    try:
        yield
    finally:
        connection.close()
        settings["NAME"] = memory_name
        connection.connection = memory


@pytest.fixture
def live_http(writers_database) -> Iterator[str]:
    server = LiveServerThread("localhost", _StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    try:
        yield f"http://localhost:{server.port}"
    finally:
        server.terminate()


def api_session(user) -> requests.Session:
    session = requests.Session()
    _, key = services.api_token_create(actor=None, user=user, name="concurrency tests")
    session.headers["Authorization"] = f"Token {key}"
    return session


class Retries:
    """Deadlock retries counted from this object's creation."""

    def __init__(self) -> None:
        self.start = lost_races.value

    @property
    def count(self) -> int:
        return lost_races.value - self.start
