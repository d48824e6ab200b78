import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_document, make_source
from tracker import services
from tracker.models import Document, Event

pytestmark = pytest.mark.django_db


def test_document_keeps_its_title_as_published_and_flags_a_mismatch(reporter):
    document = services.document_create(
        actor=reporter,
        title="KXIP vs KKR Live Score",
        text="At least 35 civilians were killed by airstrikes in Deir ez-Zor province.",
    )
    assert document.title == "KXIP vs KKR Live Score"
    assert document.title_mismatch is True
    fitting = make_document(
        title="Airstrikes kill civilians",
        text="Dozens of civilians were killed by airstrikes on Thursday.",
    )
    assert fitting.title_mismatch is False


def test_identical_text_is_stored_once():
    make_document(text="Same words.\r\nSecond line.")
    with pytest.raises(ValidationError) as raised:
        make_document(text="Same words.\nSecond line.")
    assert "text" in raised.value.message_dict
    assert Document.objects.count() == 1
    assert services.document_find_by_text(text="Same words.\nSecond line.") is not None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "bad\x00byte"}, "text"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"title": "x" * 501}, "title"),
    ],
)
def test_bad_documents_are_refused(reporter, kwargs, field):
    kwargs.setdefault("text", "Some report text.")
    kwargs.setdefault("title", "A title")
    with pytest.raises(ValidationError) as raised:
        services.document_create(actor=reporter, **kwargs)
    assert field in raised.value.message_dict
    assert not Document.objects.exists()


def test_document_text_cannot_change_but_metadata_can(reporter):
    document = make_document(text="Original text of the report.")
    with pytest.raises(ValidationError):
        services.document_update(actor=reporter, document=document, text="Rewritten.")
    outlet = make_source(name="Rudaw English")
    services.document_update(
        actor=reporter, document=document, outlet=outlet, url="https://example.org/a"
    )
    document.refresh_from_db()
    assert (document.text, document.outlet, document.url) == (
        "Original text of the report.", outlet, "https://example.org/a",
    )  # fmt: skip


def test_event_with_parties_and_a_date_range(reporter):
    coalition = make_source(name="US-led coalition", kind="armed_party")
    event = services.event_create(
        actor=reporter, name="Strike in Deir ez-Zor", place="Deir ez-Zor province",
        date_start=datetime.date(2018, 5, 24), date_end=datetime.date(2018, 5, 25),
        date_text="late Thursday", parties=[coalition],
    )  # fmt: skip
    assert list(event.parties.all()) == [coalition]


def test_event_range_that_ends_before_it_starts_is_refused(reporter):
    with pytest.raises(ValidationError) as raised:
        services.event_create(
            actor=reporter, name="Backwards", date_start=datetime.date(2018, 5, 25),
            date_end=datetime.date(2018, 5, 24),
        )  # fmt: skip
    assert "date_end" in raised.value.message_dict
    assert not Event.objects.exists()


def test_a_mismatched_document_goes_by_its_first_sentence_until_an_editor_names_it(editor):
    document = services.document_create(
        actor=editor,
        title="KXIP vs KKR Live Score",
        text="At least 35 civilians were killed in Deir ez-Zor. Officials said so.",
    )
    assert document.working_title == "At least 35 civilians were killed in Deir ez-Zor."
    assert str(document) == document.working_title
    services.document_update(actor=editor, document=document, working_title="  Market strike ")
    assert Document.objects.get(pk=document.pk).working_title == "Market strike"
    # Cleared, it takes the first sentence again: a mismatched document always has one.
    services.document_update(actor=editor, document=document, working_title="")
    assert Document.objects.get(pk=document.pk).working_title == (
        "At least 35 civilians were killed in Deir ez-Zor."
    )


def test_a_fitting_title_needs_no_working_title(editor):
    document = services.document_create(
        actor=editor, title="Strike in Deir ez-Zor", text="A strike hit Deir ez-Zor."
    )
    assert document.working_title == ""
    assert str(document) == "Strike in Deir ez-Zor"


def test_a_working_title_is_checked_like_any_text(editor):
    document = services.document_create(actor=editor, title="KXIP", text="A strike hit.")
    with pytest.raises(ValidationError) as error:
        services.document_update(actor=editor, document=document, working_title="x" * 501)
    assert "working_title" in error.value.message_dict
    assert Document.objects.get(pk=document.pk).working_title == "A strike hit."
