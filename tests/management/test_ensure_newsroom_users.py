import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _run(capsys) -> str:
    call_command("ensure_newsroom_users")
    return capsys.readouterr().out


def test_creates_an_editor_and_a_reporter_with_printed_passwords(capsys, monkeypatch):
    monkeypatch.delenv("TRACKER_EDITOR_PASSWORD", raising=False)
    monkeypatch.delenv("TRACKER_REPORTER_PASSWORD", raising=False)
    out = _run(capsys)
    editor = get_user_model().objects.get(username="editor")
    assert editor.has_perm("tracker.set_claim_status") and editor.is_staff
    reporter = get_user_model().objects.get(username="reporter")
    assert not reporter.has_perm("tracker.set_claim_status")
    assert reporter.has_perm("tracker.add_flag")
    printed = out.split("password '")[1].split("'")[0]
    assert authenticate(username="editor", password=printed) == editor


def test_rerun_keeps_passwords_unless_given(capsys, monkeypatch):
    monkeypatch.setenv("TRACKER_EDITOR_PASSWORD", "first-Password-1")
    monkeypatch.setenv("TRACKER_REPORTER_PASSWORD", "reporter-Password-1")
    _run(capsys)
    monkeypatch.delenv("TRACKER_EDITOR_PASSWORD")
    out = _run(capsys)
    assert "password unchanged" in out
    assert authenticate(username="editor", password="first-Password-1") is not None
    monkeypatch.setenv("TRACKER_EDITOR_PASSWORD", "second-Password-2")
    _run(capsys)
    assert authenticate(username="editor", password="second-Password-2") is not None
    assert get_user_model().objects.count() == 2
