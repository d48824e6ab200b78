"""Issue 15: speakers tied to their organisation, unnamed sources, short references."""

import pytest

from tracker.extraction.speakers import is_unnamed, organisation_of, short_reference


@pytest.mark.parametrize(
    ("phrase", "person", "organisation"),
    [
        ("Zeki Aktürk, a spokesman for the defence ministry", "Zeki Aktürk", "defence ministry"),
        ("the ministry's spokesman Zeki Aktürk", "Zeki Aktürk", "ministry"),
        ("Col. Dana Whitfield, spokesperson for the coalition", "Col. Dana Whitfield", "coalition"),
        ("Mahmoud Basal of the Civil Defence", "Mahmoud Basal", "Civil Defence"),
        ("SDF spokesman Farhad Shami", "Farhad Shami", "SDF"),
        ("The Houthis' military spokesman, Yahya Saree", "Yahya Saree", "Houthis"),
        ("Claire Nicolet, MSF's emergency coordinator for Sudan", "Claire Nicolet", "MSF"),
        ("Kirkuk police chief Maj. Gen. Kawa Gharib", "Maj. Gen. Kawa Gharib", "Kirkuk police"),
        ("Its chairman, Fadel Abdul Ghany", "Fadel Abdul Ghany", "its"),
        ("A spokesman for the Stability Support Apparatus", None, "Stability Support Apparatus"),
        ("An Israeli military spokesperson", None, "Israeli military"),
        ("a health ministry official in El Fasher", None, "health ministry"),
        ("The SDF's Manbij Military Council", None, "SDF"),
        (
            "The Information Team of the State Security Commission",
            None,
            "State Security Commission",
        ),
        # no organisation: a place, a trade, a bare title
        ("The governor of Jenin, Kamal Abu al-Rub", "Kamal Abu al-Rub", ""),
        ("Abu Yasser, the bakery's owner", "Abu Yasser", ""),
        ("regional governor Oleksandr Prokudin", "Oleksandr Prokudin", ""),
        ("The Israeli military", None, ""),
        ("residents", None, ""),
    ],
)
def test_organisation_of(phrase, person, organisation):
    span = None
    if person is not None:
        start = phrase.index(person)
        span = (start, start + len(person))
    assert organisation_of(phrase, span) == organisation


@pytest.mark.parametrize(
    ("phrase", "has_person", "has_organisation", "unnamed"),
    [
        ("officials", False, False, True),
        ("security officials", False, False, True),
        ("a source close to the investigation", False, False, True),
        ("residents", False, False, True),
        ("Witnesses", False, False, True),
        ("A port worker, who asked not to be named for fear of reprisals", False, False, True),
        ("An SDF commander, who spoke on condition of anonymity", False, True, True),
        ("one of them", False, False, True),
        ("aid groups", False, False, True),
        # named, or a title that speaks for a named organisation
        ("Hassan Ibo, a vegetable seller", True, False, False),
        ("A spokesman for the junta", False, True, False),
        ("Al-Manar's correspondent", False, True, False),
        ("The Israeli military", False, False, False),
        ("the group", False, False, False),
    ],
)
def test_is_unnamed(phrase, has_person, has_organisation, unnamed):
    assert is_unnamed(phrase, has_person, has_organisation) is unnamed


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("the ministry", "ministry"),
        ("The group", "group"),
        ("the statement", "statement"),
        ("his office", "office"),
        ("The sources", "sources"),
        ("the organisation", "organisation"),
        ("ministry", "ministry"),
        # names, not references back
        ("the Syrian army", ""),
        ("Ministry sources", ""),
        ("The Houthi movement", ""),
        ("Reuters", ""),
        ("the head of the hospital", ""),
    ],
)
def test_short_reference(phrase, head):
    assert short_reference(phrase) == head
