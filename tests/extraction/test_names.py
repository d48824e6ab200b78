"""The alias matcher and the matching of speakers to sources."""

import pytest

from tracker.extraction import AliasTable, Entity, normalise_name
from tracker.extraction.names import guess_kind, resolve_speaker

ENTITIES = AliasTable(
    [
        Entity("is", "Islamic State", ("IS", "ISIS", "ISIL", "Daesh")),
        Entity("deir", "Deir ez-Zor", ("Deir al-Zour",)),
        Entity("sdf", "Syrian Democratic Forces", ("SDF",)),
    ]
)
SOURCES = AliasTable(
    [
        {
            "key": "sana",
            "name": "SANA",
            "aliases": ["Syrian Arab News Agency"],
            "kind": "state_media",
        },
        {
            "key": "mofa",
            "name": "Syrian foreign ministry",
            "aliases": ["Syrian Ministry of Foreign Affairs"],
        },
        {"key": "reuters", "name": "Reuters", "kind": "news_agency"},
        {"key": "coalition", "name": "US-led coalition", "aliases": ["U.S.-led coalition"]},
        {"key": "ryan", "name": "Col. Sean Ryan", "kind": "spokesperson"},
        {"key": "sdf", "name": "Syrian Democratic Forces", "aliases": ["SDF"]},
    ]
)


def keys(text, table=ENTITIES):
    return [(m.text, m.key) for m in table.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IS militants attacked", [("IS", "is")]),
        (
            "ISIS and Daesh and the Islamic State",
            [("ISIS", "is"), ("Daesh", "is"), ("Islamic State", "is")],
        ),
        ("controlled by Islamic state since 2014", [("Islamic state", "is")]),
        ("a Daesh-held position", [("Daesh", "is")]),
        ("Syria's Deir ez-Zor province", [("Deir ez-Zor", "deir")]),
        ("the province of Deir al-Zour", [("Deir al-Zour", "deir")]),
        ("in Deir Ez Zor", [("Deir Ez Zor", "deir")]),
        ("in Deir Ezzor", [("Deir Ezzor", "deir")]),
        ("DEIR EZ-ZOR", [("DEIR EZ-ZOR", "deir")]),
        ("in Deir el-Zôr", []),  # another spelling: an alias to add, not a guess
        (
            "the Syrian Democratic Forces (SDF)",
            [("Syrian Democratic Forces", "sdf"), ("SDF", "sdf")],
        ),
        # an acronym alias matches capitals only
        ("This is what it is", []),
        ("the sdf said", []),
    ],
)
def test_find_mentions(text, expected):
    assert keys(text) == expected


def test_diacritics_and_hyphens_normalise():
    assert normalise_name("Deir ez-Zôr") == normalise_name("deir EZ zor") == "deir ez zor"
    assert normalise_name("U.S.-led coalition") == normalise_name("U.S. -led coalition")
    table = AliasTable([Entity("x", "Deir ez-Zôr")])
    assert keys("Deir ez-Zor and DEIR EZ ZOR", table) == [
        ("Deir ez-Zor", "x"),
        ("DEIR EZ ZOR", "x"),
    ]


def test_mentions_point_into_the_text():
    text = "The U.S. -led coalition struck Daesh."
    for mention in SOURCES.find(text) + ENTITIES.find(text):
        assert text[mention.start : mention.end] == mention.text
    assert keys(text, SOURCES) == [("U.S. -led coalition", "coalition")]


def test_lookup_and_plain_dict_rows():
    assert SOURCES.lookup("the Syrian foreign ministry") is None  # lookup is exact
    assert SOURCES.lookup("Syrian Foreign Ministry").key == "mofa"
    assert SOURCES.lookup("sana") is None  # an acronym wants capitals
    assert SOURCES.lookup("SANA").key == "sana"


def resolve(text, speaker, earlier_text=""):
    full = earlier_text + text
    start = full.index(speaker, len(earlier_text))
    earlier = SOURCES.find(full, 0, start)
    return resolve_speaker(full, start, start + len(speaker), SOURCES, earlier)


@pytest.mark.parametrize(
    ("text", "speaker", "key"),
    [
        ("SANA has put the death toll at more than 30.", "SANA", "sana"),
        (
            "The Syrian foreign ministry called it a massacre.",
            "The Syrian foreign ministry",
            "mofa",
        ),
        ("Reuters could not verify it.", "Reuters", "reuters"),
        (
            "the spokesperson for the coalition US Col. Sean Ryan told Rudaw English",
            "the spokesperson for the coalition US Col. Sean Ryan",
            "ryan",
        ),
        ("A spokesman for the SDF said so.", "A spokesman for the SDF", "sdf"),
        ("The Syrian Arab News Agency reported it.", "The Syrian Arab News Agency", "sana"),
    ],
)
def test_speakers_match_known_sources(text, speaker, key):
    resolution = resolve(text, speaker)
    assert resolution.source is not None and resolution.source.key == key
    assert resolution.source.rule


def test_a_definite_description_refers_back_to_the_full_name():
    earlier = "The U.S. -led coalition is fighting IS. "
    resolution = resolve("The Coalition said it may have struck.", "The Coalition", earlier)
    assert resolution.source.key == "coalition"
    assert "refers to" in resolution.source.rule or "named earlier" in resolution.source.rule
    # Without an earlier full name there is nothing to refer back to.
    assert resolve("The Coalition said so.", "The Coalition").source is None


@pytest.mark.parametrize(
    ("text", "speaker", "name", "kind"),
    [
        (
            "Brig. Gen. Samir Haddad said so.",
            "Brig. Gen. Samir Haddad",
            "Brig. Gen. Samir Haddad",
            "spokesperson",
        ),
        (
            "Farhad Shami, an SDF spokesman, said so.",
            "Farhad Shami, an SDF spokesman",
            "Farhad Shami",
            "spokesperson",
        ),
        (
            "The Russian defence ministry denied it.",
            "The Russian defence ministry",
            "Russian defence ministry",
            "government",
        ),
        ("State media reported it.", "State media", "State media", "state_media"),
        ("Al-Masirah TV said so.", "Al-Masirah TV", "Al-Masirah TV", "outlet"),
        (
            "The Anadolu news agency said so.",
            "The Anadolu news agency",
            "Anadolu news agency",
            "news_agency",
        ),
        ("Local residents said so.", "Local residents", "Local residents", "witness"),
        ("Rebel commanders said so.", "Rebel commanders", "Rebel commanders", "armed_party"),
        (
            "The Syrian Observatory for Human Rights said so.",
            "The Syrian Observatory for Human Rights",
            "Syrian Observatory for Human Rights",
            "ngo",
        ),
        (
            "The UN humanitarian office said so.",
            "The UN humanitarian office",
            "UN humanitarian office",
            "international_org",
        ),
        (
            "A statement from the Houthi movement said so.",
            "A statement from the Houthi movement",
            "Houthi movement",
            "other",
        ),
    ],
)
def test_unknown_speakers_are_proposed(text, speaker, name, kind):
    resolution = resolve(text, speaker)
    assert resolution.source is None
    assert (resolution.proposed.name, resolution.proposed.kind) == (name, kind)


def test_a_new_spokesperson_names_the_source_it_speaks_for():
    resolution = resolve(
        "Farhad Shami, an SDF spokesman, said so.", "Farhad Shami, an SDF spokesman"
    )
    assert resolution.proposed.parent.key == "sdf"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Reuters", "news_agency"),
        ("state TV", "state_media"),
        ("the health ministry", "government"),
        ("Amnesty International", "ngo"),
        ("a witness", "witness"),
        ("Col. Sean Ryan", "spokesperson"),
        ("the Houthis", "other"),
    ],
)
def test_guess_kind(name, kind):
    assert guess_kind(name) == kind


def test_a_big_table_is_fast_enough():
    rows = [Entity(str(i), f"Group number {i}", (f"G{i}",)) for i in range(5000)]
    table = AliasTable(rows)
    text = "Fighters of Group number 4321 and G17 clashed. " * 200
    mentions = table.find(text)
    assert len(mentions) == 400
    assert mentions[0].key == "4321" and mentions[1].key == "17"
