import pytest

from tracker.name_keys import label_with_affiliation, name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("ÑANDÚ Agency", "ñandú agency"),  # beyond ASCII: SQLite's lower() leaves these
        ("ÐUPLICATE Ñews", "ðuplicate ñews"),
        ("Straße Radio", "STRASSE radio"),  # casefold, not lower: ß is ss
        ("ＳＡＮＡ", "sana"),  # full-width letters are SANA under NFKC
        ("Ñandú", "N\u0303andu\u0301"),  # composed and decomposed accents
        ("Al  Jazeera\u00a0English ", "al jazeera english"),  # runs of space, no-break space
    ],
)
def test_names_one_ignoring_case_script_form_and_spacing_share_a_key(one, other):
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("Ñandú", "Nandu"), ("SANA", "SANAA"), ("A B", "AB")])
def test_different_names_keep_different_keys(one, other):
    assert name_key(one) != name_key(other)


def test_a_person_is_labelled_with_the_body_they_speak_for():
    assert label_with_affiliation("Ahmed Hassan", "Ministry of Defence") == (
        "Ahmed Hassan (Ministry of Defence)"
    )
    assert label_with_affiliation("Reuters", None) == "Reuters"
