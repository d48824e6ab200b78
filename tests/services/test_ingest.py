import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from tests.factories import make_source
from tracker import services
from tracker.models import Document, Event, Extraction, Suggestion
from tracker.text import content_hash

pytestmark = pytest.mark.django_db

REPORT = (
    "Market strike kills twelve\n\n"
    "At least 12 people were killed in a strike on a market in Idleb, the Syrian Observatory "
    "for Human Rights said. The army denied any role in the attack, state media reported.\n"
)


def test_ingest_stores_the_report_and_suggests_accounts(reporter):
    result = services.document_ingest(
        actor=reporter, title="Market strike kills twelve", text=REPORT, via="paste"
    )
    assert result.created and result.suggestions >= 2
    document = result.document
    extraction = Extraction.objects.get(document=document)
    assert (extraction.via, extraction.created_by) == ("paste", reporter)
    for suggestion in Suggestion.objects.filter(document=document):
        assert document.text[suggestion.quote_start : suggestion.quote_end] == suggestion.quote
        assert suggestion.status == "pending"
    stances = set(Suggestion.objects.filter(document=document).values_list("stance", flat=True))
    assert {"asserts", "denies"} <= stances


def test_identical_text_is_recognised_not_stored_twice(reporter):
    first = services.document_ingest(actor=reporter, title="A", text=REPORT, via="paste")
    again = services.document_ingest(
        actor=reporter, title="B", text=REPORT.replace("\n", "\r\n"), via="api"
    )
    assert not again.created and again.document == first.document
    assert Document.objects.count() == 1
    assert Suggestion.objects.count() == first.suggestions


def test_known_sources_are_matched_and_unknown_ones_proposed(reporter):
    observatory = make_source(
        name="Syrian Observatory for Human Rights", kind="ngo", aliases=["SOHR"]
    )
    result = services.document_ingest(actor=reporter, title="", text=REPORT, via="paste")
    suggestions = Suggestion.objects.filter(document=result.document)
    assert suggestions.filter(source=observatory, stance="asserts").exists()
    denial = suggestions.get(stance="denies")
    assert denial.source is None and denial.proposed_source_name


def test_the_seed_suggests_its_accounts_and_matches_its_event_across_spellings(reporter):
    call_command("load_seeds", verbosity=0)
    seed = Document.objects.get()
    text = seed.text.replace("Deir ez-Zor province", "Deir al-Zour province", 1)
    result = services.document_ingest(actor=reporter, title=seed.title, text=text, via="paste")
    suggestions = Suggestion.objects.filter(document=result.document)
    found = {(s.speaker_display, s.stance) for s in suggestions}
    assert {
        ("SANA", "asserts"),
        ("Syrian foreign ministry", "asserts"),
        ("US-led coalition", "hedges"),
        # A person is shown with the body they speak for.
        ("Col. Sean Ryan (US-led coalition)", "investigating"),
        ("Reuters", "cannot_verify"),
    } <= found
    sana = suggestions.get(source__name="SANA", aspect="killed")
    assert (sana.count_min, sana.count_max, sana.unit) == (31, None, "people")
    ryan = suggestions.get(stance="investigating")
    assert ryan.intermediary.name == "Rudaw English"
    own = suggestions.get(voice="outlet", aspect="killed")
    assert (own.count_min, own.count_max) == (35, None)
    hedge = suggestions.get(stance="hedges")
    assert {p.name for p in hedge.named_parties.all()} >= {"US-led coalition"}
    # Nothing from the cricket headline or the other story's teaser and caption.
    assert not suggestions.filter(quote__contains="KXIP").exists()
    assert not suggestions.filter(quote__contains="Quneitra").exists()
    assert not suggestions.filter(quote__contains="Israeli soldier").exists()
    noise = Extraction.objects.get(document=result.document).noise
    assert {"title_mismatch", "teaser", "caption"} <= {span["kind"] for span in noise}
    assert {s.event for s in suggestions} == {Event.objects.get()}


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", "text"),
        ("   \n ", "text"),
        ("nul\x00inside", "text"),
        ("x" * (10 * 1024 * 1024 + 1), "text"),
    ],
)
def test_bad_text_is_refused_and_nothing_is_stored(reporter, text, field):
    with pytest.raises(ValidationError) as raised:
        services.document_ingest(actor=reporter, title="t", text=text, via="paste")
    assert field in raised.value.message_dict
    assert not Document.objects.exists() and not Suggestion.objects.exists()


def test_a_large_paste_is_stored_whole(reporter):
    paragraph = "Officials said 3 people were hurt. " * 20 + "\n\n"
    text = paragraph * 3000  # about 2 MB
    result = services.document_ingest(actor=reporter, title="Long", text=text, via="paste")
    assert result.created
    assert Document.objects.get().content_hash == content_hash(text)


def test_unbalanced_quotes_give_a_best_effort_result(reporter):
    text = 'The governor said "we will rebuild the bridge, and 40 families were moved.\n'
    result = services.document_ingest(actor=reporter, title="", text=text, via="paste")
    assert result.created


def test_anonymous_cannot_ingest():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.document_ingest(actor=AnonymousUser(), title="", text=REPORT, via="paste")
    assert not Document.objects.exists()


def test_extracting_twice_is_refused(reporter):
    result = services.document_ingest(actor=reporter, title="", text=REPORT, via="paste")
    with pytest.raises(ValidationError):
        services.document_extract(actor=reporter, document=result.document, via="paste")
