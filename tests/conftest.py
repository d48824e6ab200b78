import pytest

from tests.factories import make_editor, make_reporter


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
