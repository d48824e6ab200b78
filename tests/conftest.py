import pytest

from tests.factories import make_editor, make_reporter
from tests.newsroom import Newsroom, build_newsroom
from tests.roles import restore_roles

DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


@pytest.fixture(scope="session", autouse=True)
def _fast_passwords():
    """Users are made with a cheap hash: most tests make one or two, and a full
    PBKDF2 hash (about 0.4 s here) would be most of their time. The tests of
    hashing itself (tests/services/test_api_tokens.py) choose their hashers."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def capture_root(tmp_path_factory):
    """Captures the tests write go to a folder of this run, never the operator's."""
    from django.conf import settings
    from django.test import override_settings

    root = tmp_path_factory.mktemp("captures")
    captures = settings.STORAGES["captures"]
    options = {**captures.get("OPTIONS", {}), "location": str(root)}
    with override_settings(
        STORAGES={**settings.STORAGES, "captures": {**captures, "OPTIONS": options}}
    ):
        yield root


@pytest.fixture(autouse=True)
def _newsroom_roles(request):
    """Every test that uses the database starts with the Editors and Reporters groups.

    Migrations make them, and a transactional test's flush removes them (the
    serialized copy Django restores from is not reliable beside Playwright;
    see tests.roles). pytest-django runs those tests last, but run in
    parallel (``-n``) or picked out, they come first, and the tests after
    them would find users without permissions.
    """
    names = set(request.fixturenames)
    if not names & DATABASE_FIXTURES and not request.node.get_closest_marker("django_db"):
        return
    request.getfixturevalue("transactional_db" if "transactional_db" in names else "db")
    from django.contrib.auth.models import Group

    if not Group.objects.filter(name="Editors").exists():
        restore_roles()


@pytest.fixture
def editor(db):
    return make_editor(username="editor")


@pytest.fixture
def reporter(db):
    return make_reporter(username="reporter")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def newsroom(db, reporter) -> Newsroom:
    """The admin's and the API's shared small newsroom (tests/newsroom.py)."""
    return build_newsroom(reporter=reporter)
