"""Source names are unique ignoring case in every script; a person's within their affiliation."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_source
from tracker import services
from tracker.models import Source, SourceAlias
from tracker.services import sources as source_services
from tracker.services.sources import source_named

pytestmark = pytest.mark.django_db


def refusal(call) -> str:
    with pytest.raises(ValidationError) as raised:
        call()
    return " ".join(raised.value.message_dict["name"])


def test_a_name_beyond_ascii_is_refused_naming_the_source_that_has_it():
    agency = make_source(name="Ñandú Agency")
    message = refusal(lambda: make_source(name="ÑANDÚ AGENCY"))
    assert message == f"A source named 'Ñandú Agency' already exists (id {agency.pk})."
    assert refusal(lambda: make_source(name="  ñandú   agency ")) == message
    assert Source.objects.count() == 1


def test_an_alias_beyond_ascii_clashes_with_names_and_aliases_alike():
    agency = make_source(name="Ðuplicate News", aliases=["Ñews Wire"])
    assert "it is an alias of 'Ðuplicate News'" in refusal(lambda: make_source(name="ÑEWS WIRE"))
    other = make_source(name="Other wire")
    assert str(agency.pk) in refusal(
        lambda: services.source_alias_add(actor=None, source=other, name="ðuplicate news")
    )
    assert not other.aliases.exists()


def test_renaming_to_another_sources_name_in_another_script_case_is_refused(editor):
    make_source(name="Straße Radio")
    other = make_source(name="Other radio")
    refusal(lambda: services.source_update(actor=editor, source=other, name="STRASSE RADIO"))
    other.refresh_from_db()
    assert other.name == "Other radio"


def ministries():
    government = make_source(name="Government", kind="government")
    defence = make_source(name="Ministry of Defence", kind="government", parent=government)
    interior = make_source(name="Ministry of Interior", kind="government", parent=government)
    return defence, interior


def test_two_people_of_one_name_may_speak_for_two_bodies():
    defence, interior = ministries()
    first = make_source(name="Ahmed Hassan", kind="spokesperson", parent=defence)
    second = make_source(name="AHMED HASSAN", kind="spokesperson", parent=interior)
    assert first.pk != second.pk
    assert str(first) == "Ahmed Hassan (Ministry of Defence)"
    assert str(second) == "AHMED HASSAN (Ministry of Interior)"
    # ...but not two under the same body, whatever their kind of person.
    message = refusal(lambda: make_source(name="ahmed hassan", kind="witness", parent=defence))
    assert message == (
        f"A source named 'Ahmed Hassan (Ministry of Defence)' already exists (id {first.pk})."
    )


def test_organisations_stay_unique_across_parents():
    defence, interior = ministries()
    make_source(name="Press Office", kind="government", parent=defence)
    refusal(lambda: make_source(name="press office", kind="government", parent=interior))


def test_a_persons_aliases_are_scoped_like_their_name():
    defence, interior = ministries()
    first = make_source(
        name="Ahmed Hassan", kind="spokesperson", parent=defence, aliases=["Abu Ali"]
    )
    second = make_source(
        name="A. Hassan", kind="spokesperson", parent=interior, aliases=["ABU ALI"]
    )
    assert {a.source_id for a in SourceAlias.objects.all()} == {first.pk, second.pk}
    refusal(lambda: make_source(name="Abu Ali", kind="spokesperson", parent=defence))


def test_moving_a_person_checks_their_names_in_the_new_body(editor):
    defence, interior = ministries()
    make_source(name="Ahmed Hassan", kind="spokesperson", parent=defence)
    make_source(name="Sami", kind="spokesperson", parent=interior, aliases=["Abu Sami"])
    mover = make_source(name="Ahmed Hassan", kind="spokesperson", parent=interior)
    refusal(lambda: services.source_update(actor=editor, source=mover, parent=defence))
    # An alias is checked in the new body too.
    taken = make_source(name="Abu Sami", kind="witness", parent=defence)
    refusal(lambda: services.source_update(actor=editor, source=taken, parent=interior))
    # Made an organisation, a person's name must be unique among all organisations.
    make_source(name="Sami Radio", kind="outlet")
    witness = make_source(name="Sami Radio", kind="witness", parent=defence)
    refusal(lambda: services.source_update(actor=editor, source=witness, kind="outlet"))
    witness.refresh_from_db()
    assert witness.kind == "witness"
    mover.refresh_from_db()
    assert mover.parent == interior and str(mover) == "Ahmed Hassan (Ministry of Interior)"


def test_a_moved_persons_aliases_move_scope_with_them(editor):
    defence, interior = ministries()
    person = make_source(
        name="Ahmed Hassan", kind="spokesperson", parent=defence, aliases=["Abu Ali"]
    )
    services.source_update(actor=editor, source=person, parent=interior)
    make_source(name="Abu Ali", kind="spokesperson", parent=defence)  # free there now
    refusal(lambda: make_source(name="abu ali", kind="spokesperson", parent=interior))


def test_renaming_a_body_relabels_the_people_who_speak_for_it(editor):
    defence, _ = ministries()
    person = make_source(name="Ahmed Hassan", kind="spokesperson", parent=defence)
    services.source_update(actor=editor, source=defence, name="Defence Ministry")
    person.refresh_from_db()
    assert str(person) == "Ahmed Hassan (Defence Ministry)"


def test_a_name_several_people_share_is_refused_as_a_lookup_not_guessed():
    defence, interior = ministries()
    first = make_source(name="Ahmed Hassan", kind="spokesperson", parent=defence)
    second = make_source(name="Ahmed Hassan", kind="spokesperson", parent=interior)
    with pytest.raises(ValidationError) as raised:
        source_named("ahmed hassan")
    message = " ".join(raised.value.messages)
    assert "Ahmed Hassan (Ministry of Defence)" in message
    assert "Ahmed Hassan (Ministry of Interior)" in message
    assert source_named("Ahmed Hassan (ministry of interior)") == second
    assert source_named("Ahmed Hassan", speaks_for=defence) == first
    assert source_named("ÑANDÚ") is None


def test_a_rival_write_the_check_missed_gets_the_same_refusal(monkeypatch):
    """Two creates at once: the check before each write sees nothing, the index refuses one."""
    agency = make_source(name="Ñandú Agency", aliases=["Ñews"])
    other = make_source(name="Other")
    monkeypatch.setattr(source_services, "_claim_name", lambda *args, **kwargs: None)
    message = refusal(lambda: make_source(name="ÑANDÚ AGENCY"))
    assert message == f"A source named 'Ñandú Agency' already exists (id {agency.pk})."
    message = refusal(lambda: services.source_alias_add(actor=None, source=other, name="ÑEWS"))
    assert message == (
        f"A source named 'Ñews' already exists (id {agency.pk}): it is an alias of 'Ñandú Agency'."
    )
    assert Source.objects.count() == 2 and not other.aliases.exists()
