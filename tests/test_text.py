import pytest

from tracker.text import content_hash, normalize_newlines, title_matches_body

SEED_BODY = (
    "At least 35 civilians were killed late Thursday by airstrikes on a Daesh-held "
    "position in Syria's Deir ez-Zor province."
)


@pytest.mark.parametrize(
    ("title", "body", "matches"),
    [
        ("KXIP vs KKR Live Score", SEED_BODY, False),
        ("Airstrikes kill 35 civilians in Syria", SEED_BODY, True),
        ("Strike on Deir ez-Zor", SEED_BODY, True),
        ("", SEED_BODY, True),
        ("Live updates", SEED_BODY, True),
        ("Cricket final tonight", SEED_BODY, False),
        ("KXIP vs KKR Live Score", "KXIP vs KKR Live Score\n\n" + SEED_BODY, False),
        ("Deir ez-Zor strike", "Deir ez-Zor strike\n\n" + SEED_BODY, True),
    ],
)
def test_title_matches_body(title, body, matches):
    assert title_matches_body(title, body) is matches


def test_newlines_are_normalised_before_hashing():
    assert normalize_newlines("a\r\nb\rc") == "a\nb\nc"
    assert content_hash("a\nb") != content_hash("a\r\nb")
    assert len(content_hash("x")) == 64
