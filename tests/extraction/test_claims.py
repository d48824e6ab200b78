"""Issue 15: claim text names whom "its" means; a denied negative reads as the claim it denies."""

import pytest

from tracker.extraction.claims import denied_claim, denies_an_attack, name_the_speaker


@pytest.mark.parametrize(
    ("content", "positive"),
    [
        (
            "Our units did not carry out any strikes on the town",
            "Our units carried out strikes on the town",
        ),
        ("its aircraft had not flown over the area", "Its aircraft had flown over the area"),
        ("no shells were fired at the market", "Shells were fired at the market"),
        ("The army does not strike civilian sites", "The army strikes civilian sites"),
        ("its forces didn't target the hospital", "Its forces targeted the hospital"),
        ("the militia never used the school", "The militia used the school"),
        ("the building contained any weapons", "The building contained weapons"),
        ("the fighters hit a single car", "The fighters hit car"),
        # nothing negated, nothing to change
        ("the army shelled the town", "the army shelled the town"),
    ],
)
def test_denied_claim(content, positive):
    assert denied_claim(content) == positive


@pytest.mark.parametrize(
    ("content", "denies"),
    [
        ("Our units did not carry out any strikes", True),
        ("no shells were fired at the market", True),
        ("its aircraft had not flown over the area", True),
        ("the forces have not opened fire on residents", True),
        ("the strike killed nine people", False),
        ("the talks did not resume", False),
    ],
)
def test_denies_an_attack(content, denies):
    assert denies_an_attack(content) is denies


@pytest.mark.parametrize(
    ("content", "name", "named"),
    [
        (
            "Its forces had fired on the town",
            "The Turkish military",
            "The Turkish military's forces had fired on the town",
        ),
        (
            "its fighters ambushed a unit",
            "The Jenin Brigades",
            "The Jenin Brigades' fighters ambushed a unit",
        ),
        (
            "Our units did not fire",
            "Turkey's defence ministry",
            "Turkey's defence ministry's units did not fire",
        ),
        ("it had no presence in Manbij", "The SDF", "The SDF had no presence in Manbij"),
        ("we will respond", "Hezbollah", "Hezbollah will respond"),
        # nothing to name, or nobody to name it after
        ("The shells came from the north", "Hassan Ibo", "The shells came from the north"),
        ("Its forces had fired", "", "Its forces had fired"),
        ("itself a target", "The army", "itself a target"),
    ],
)
def test_name_the_speaker(content, name, named):
    assert name_the_speaker(content, name) == named
