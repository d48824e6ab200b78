import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_account, make_claim, make_document, make_source
from tracker import services
from tracker.models import Account

pytestmark = pytest.mark.django_db

TEXT = (
    "SANA has put the death toll at more than 30. "
    "Reuters could not independently verify the reports. The toll is more than 30."
)


@pytest.fixture
def document():
    return make_document(text=TEXT, title="Toll disputed")


def test_account_add_locates_a_unique_quote(reporter, document):
    quote = "Reuters could not independently verify the reports"
    account = services.account_add(
        actor=reporter, claim=make_claim(), source=make_source(name="Reuters"),
        stance="cannot_verify", document=document, quote=quote,
    )  # fmt: skip
    assert TEXT[account.quote_start : account.quote_end] == quote
    assert account.history.get().history_user == reporter


def test_ambiguous_quote_needs_offsets(reporter, document):
    with pytest.raises(ValidationError) as raised:
        make_account(document=document, quote="more than 30")
    assert "quote_start" in raised.value.message_dict
    start = TEXT.rindex("more than 30")
    account = make_account(document=document, quote="more than 30", quote_start=start)
    assert (account.quote_start, account.quote_end) == (start, start + len("more than 30"))


@pytest.mark.parametrize(
    ("quote", "start", "end", "field"),
    [
        ("not in the text at all", None, None, "quote"),
        ("SANA has put", 1, 13, "quote"),
        ("SANA has put", 0, 5000, "quote_end"),
        ("", 0, 4, "quote"),
    ],
)
def test_quote_that_does_not_match_its_offsets_is_refused(document, quote, start, end, field):
    with pytest.raises(ValidationError) as raised:
        make_account(document=document, quote=quote, quote_start=start, quote_end=end)
    assert field in raised.value.message_dict
    assert not Account.objects.exists()


def test_quote_without_document_is_refused():
    with pytest.raises(ValidationError) as raised:
        make_account(quote="something said")
    assert "document" in raised.value.message_dict


@pytest.mark.parametrize("stance", ["agrees", "", "ASSERTS"])
def test_unknown_stance_is_refused(stance):
    with pytest.raises(ValidationError) as raised:
        make_account(stance=stance)
    assert "stance" in raised.value.message_dict
    assert not Account.objects.exists()


def test_intermediary_cannot_be_the_source():
    source = make_source()
    with pytest.raises(ValidationError) as raised:
        make_account(source=source, intermediary=source)
    assert "intermediary" in raised.value.message_dict


def test_relayed_account_records_its_intermediary(document):
    rudaw = make_source(name="Rudaw English")
    account = make_account(intermediary=rudaw, stance="investigating")
    assert account.intermediary == rudaw


def test_duplicate_account_is_refused(document):
    claim, source = make_claim(), make_source()
    make_account(claim=claim, source=source, document=document, quote="SANA has put")
    with pytest.raises(ValidationError):
        make_account(claim=claim, source=source, document=document, quote="SANA has put")
    assert Account.objects.count() == 1


def test_account_update_moves_the_quote_and_keeps_history(reporter, document):
    account = make_account(document=document, quote="SANA has put the death toll")
    services.account_update(actor=reporter, account=account, quote="the death toll at more than 30")
    account.refresh_from_db()
    assert TEXT[account.quote_start : account.quote_end] == "the death toll at more than 30"
    assert account.history.count() == 2


def test_account_update_refuses_a_mismatched_quote(reporter, document):
    account = make_account(document=document, quote="SANA has put")
    with pytest.raises(ValidationError):
        services.account_update(actor=reporter, account=account, quote="nowhere in the text")
    account.refresh_from_db()
    assert account.quote == "SANA has put"


def test_only_editors_remove_accounts(editor, reporter):
    account = make_account()
    with pytest.raises(PermissionDenied):
        services.account_remove(actor=reporter, account=account)
    account_id = account.pk
    services.account_remove(actor=editor, account=account)
    assert not Account.objects.exists()
    removal = Account.history.get(id=account_id, history_type="-")
    assert removal.history_user == editor


def test_archived_claim_takes_no_new_accounts(editor):
    claim = make_claim()
    services.claim_archive(actor=editor, claim=claim)
    with pytest.raises(ValidationError):
        make_account(claim=claim)
