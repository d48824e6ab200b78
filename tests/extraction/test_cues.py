"""Cue detection: kinds, spans with auxiliaries, and the words that only look like cues."""

import pytest

from tracker.extraction.cues import find_cues
from tracker.extraction.stance import content_stance


def cues(text):
    return [(c.kind, text[c.start : c.end]) for c in find_cues(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said", [("say", "said")]),
        ("The ministry has also said", [("say", "has also said")]),
        ("she says", [("say", "says")]),
        ("the spokesman told Rudaw English", [("told", "told")]),
        ("according to state media", [("according_to", "according to")]),
        ("SANA has put the death toll at more than 30", [("toll", "has put the death toll at")]),
        ("officials put the number of dead at 12", [("toll", "put the number of dead at")]),
        ("The foreign ministry called the attack a massacre", [("call", "called")]),
        ("described the strike as a war crime", [("call", "described")]),
        ("accused the RSF of shelling", [("accuse", "accused")]),
        ("The army has denied", [("deny", "has denied")]),
        ("rejected the report", [("deny", "rejected")]),
        (
            "Reuters could not independently verify",
            [("cannot_verify", "could not independently verify")],
        ),
        ("Reuters was unable to confirm", [("cannot_verify", "was unable to confirm")]),
        ("AFP couldn’t verify", [("cannot_verify", "couldn’t verify")]),
        (
            "The claims could not be independently verified",
            [("cannot_verify", "could not be independently verified")],
        ),
        ("would neither confirm nor deny", [("no_comment", "would neither confirm nor deny")]),
        ("The army is investigating", [("investigating", "is investigating")]),
        ("We are forwarding the report", [("investigating", "are forwarding")]),
        ("has opened an investigation into", [("investigating", "has opened an investigation")]),
        ("will look into the matter", [("investigating", "will look into")]),
        ("The agency retracted its report", [("retract", "retracted")]),
        ("the junta withdrew a statement", [("retract", "withdrew")]),
        ("State TV quoted the governor as saying", [("quoted", "quoted")]),
    ],
)
def test_cue_kinds_and_spans(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two people were reported killed",  # passive: no speaker
        "he was told to leave",
        "the claims were false",  # a noun
        "media reports suggest",
        "an estimated 2,000 people",
        "called for calm",
        "the so-called caliphate",
        "US-supported forces backed by United States coalition air power",  # a name
        "We can confirm nothing",  # no negation, no cue
    ],
)
def test_look_alikes_are_not_cues(text):
    assert cues(text) == []


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("it or partner forces may have conducted the strikes", "hedges"),
        ("the strikes were probably aimed at depots", "hedges"),
        ("the toll could rise", "hedges"),
        ("it is unclear who fired", "hedges"),
        (
            "We are forwarding the report to our Civilian Casualty Cell for further assessment",
            "investigating",
        ),
        ("it was seeking more information", "investigating"),
        ("its aircraft had not carried out any missions", "denies"),
        ("the reports were fabricated", "denies"),
        ("its fighters were not in the area", "denies"),
        ("no civilians were killed", "denies"),
        ("we cannot confirm the figure", "cannot_verify"),
        ("it had no information on casualties", "cannot_verify"),
        ("the earlier figure was incorrect", "retracts"),
        ("withdrew its earlier claim", "retracts"),
        ("12 people were killed", "asserts"),
    ],
)
def test_content_stance(text, stance):
    found, rule = content_stance(text)
    assert found == stance
    assert rule
