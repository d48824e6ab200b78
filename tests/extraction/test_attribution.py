"""Attribution rules, one shape per row: speaker, cue, quote, stance, intermediary."""

import pytest

from tracker.extraction import extract

RYAN = (
    '"We are forwarding the report to our Civilian Casualty Cell for further assessment on '
    'this allegation", the spokesperson for the coalition US Col. Sean Ryan told Rudaw English.'
)


def attributed(text):
    result = extract(text, strict=True)
    for s in result.suggestions:
        for span in (s.speaker, s.cue, s.quote):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return [s for s in result.suggestions if s.speaker is not None]


def summary(suggestion):
    return (
        suggestion.speaker.text,
        suggestion.cue.text if suggestion.cue else None,
        suggestion.quote.text,
        suggestion.stance,
        suggestion.intermediary.span.text if suggestion.intermediary else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct quote before the speaker, relayed through an outlet
        (
            RYAN,
            (
                "the spokesperson for the coalition US Col. Sean Ryan",
                "told",
                "We are forwarding the report to our Civilian Casualty Cell for further "
                "assessment on this allegation",
                "investigating",
                "Rudaw English",
            ),
        ),
        # indirect speech, speaker first
        (
            "The ministry said 12 people were killed.",
            ("The ministry", "said", "The ministry said 12 people were killed", "asserts", None),
        ),
        # content first, speaker after
        (
            "Twelve people were killed, the ministry said.",
            (
                "the ministry",
                "said",
                "Twelve people were killed, the ministry said",
                "asserts",
                None,
            ),
        ),
        # inverted
        (
            '"We will respond," said the minister.',
            ("the minister", "said", "We will respond", "asserts", None),
        ),
        # direct quote after the cue
        (
            'The minister said: "We will respond."',
            ("The minister", "said", "We will respond", "asserts", None),
        ),
        # according to, either side
        (
            "According to state media, 12 people died.",
            (
                "state media",
                "According to",
                "According to state media, 12 people died",
                "asserts",
                None,
            ),
        ),
        (
            "Twelve people died, according to state media.",
            (
                "state media",
                "according to",
                "Twelve people died, according to state media",
                "asserts",
                None,
            ),
        ),
        (
            "At least 13 migrants drowned, according to a statement from the coast guard.",
            (
                "the coast guard",
                "according to",
                "At least 13 migrants drowned, according to a statement from the coast guard",
                "asserts",
                None,
            ),
        ),
        # stances carried by the cue
        (
            "The army denied that its jets struck the market.",
            (
                "The army",
                "denied",
                "The army denied that its jets struck the market",
                "denies",
                None,
            ),
        ),
        (
            "Reuters could not independently verify the reports.",
            (
                "Reuters",
                "could not independently verify",
                "Reuters could not independently verify the reports",
                "cannot_verify",
                None,
            ),
        ),
        (
            "The army is investigating the incident.",
            (
                "The army",
                "is investigating",
                "The army is investigating the incident",
                "investigating",
                None,
            ),
        ),
        (
            "The agency retracted its earlier report.",
            (
                "The agency",
                "retracted",
                "The agency retracted its earlier report",
                "retracts",
                None,
            ),
        ),
        (
            "The ministry would neither confirm nor deny the strike.",
            (
                "The ministry",
                "would neither confirm nor deny",
                "The ministry would neither confirm nor deny the strike",
                "cannot_verify",
                None,
            ),
        ),
        # stances carried by the content
        (
            "The coalition said it may have conducted the strikes.",
            (
                "The coalition",
                "said",
                "The coalition said it may have conducted the strikes",
                "hedges",
                None,
            ),
        ),
        (
            "The army said its forces did not carry out any strikes.",
            (
                "The army",
                "said",
                "The army said its forces did not carry out any strikes",
                "denies",
                None,
            ),
        ),
        (
            "The UN said it was aware of the reports and was seeking more information.",
            (
                "The UN",
                "said",
                "The UN said it was aware of the reports and was seeking more information",
                "investigating",
                None,
            ),
        ),
        # relays
        (
            "The ministry said 12 people died, according to state media.",
            (
                "The ministry",
                "said",
                "The ministry said 12 people died, according to state media",
                "asserts",
                "state media",
            ),
        ),
        (
            "State TV quoted the governor as saying 12 people died.",
            (
                "the governor",
                "quoted",
                "State TV quoted the governor as saying 12 people died",
                "asserts",
                "State TV",
            ),
        ),
        (
            "Speaking in an interview with Sky News Arabia, a former general said the strikes "
            "were probably aimed at arms depots.",
            (
                "a former general",
                "said",
                "a former general said the strikes were probably aimed at arms depots",
                "hedges",
                "Sky News Arabia",
            ),
        ),
        # titles, roles and asides
        (
            "Col. Sean Ryan, a coalition spokesman, said the report was being assessed.",
            (
                "Col. Sean Ryan, a coalition spokesman",
                "said",
                "Col. Sean Ryan, a coalition spokesman, said the report was being assessed",
                "investigating",
                None,
            ),
        ),
        (
            "The ministry, in a statement on Friday, said 12 people died.",
            (
                "The ministry",
                "said",
                "The ministry, in a statement on Friday, said 12 people died",
                "asserts",
                None,
            ),
        ),
        (
            "Medecins Sans Frontieres, which supports a hospital in the city, said it had "
            "received 46 wounded patients.",
            (
                "Medecins Sans Frontieres, which supports a hospital in the city",
                "said",
                "Medecins Sans Frontieres, which supports a hospital in the city, said it had "
                "received 46 wounded patients",
                "asserts",
                None,
            ),
        ),
        (
            "A militia commander told reporters that his men had withdrawn.",
            (
                "A militia commander",
                "told",
                "A militia commander told reporters that his men had withdrawn",
                "asserts",
                None,
            ),
        ),
    ],
)
def test_one_attribution(text, expected):
    suggestions = attributed(text)
    assert [summary(s) for s in suggestions][:1] == [expected]


def test_participle_continues_the_speaker():
    text = (
        "SANA has put the death toll at more than 30, claiming the dead are mostly women and "
        "children."
    )
    toll, claim = attributed(text)
    assert summary(toll)[:3] == (
        "SANA",
        "has put the death toll at",
        "SANA has put the death toll at more than 30",
    )
    assert (toll.interval.min, toll.interval.max, toll.aspect) == (31, None, "killed")
    assert summary(claim)[:3] == (
        "SANA",
        "claiming",
        "claiming the dead are mostly women and children",
    )


def test_coordinated_verb_continues_the_speaker():
    text = "The RSF blamed the army for the attack and said its fighters were not in the area."
    blame, said = attributed(text)
    assert blame.quote.text == "The RSF blamed the army for the attack"
    assert (said.speaker.text, said.cue.text, said.quote.text, said.stance) == (
        "The RSF",
        "said",
        "said its fighters were not in the area",
        "denies",
    )


def test_two_speakers_in_one_sentence():
    text = "Police said four people died, but the hospital director said the toll had reached nine."
    police, director = attributed(text)
    assert police.quote.text == "Police said four people died"
    assert (police.interval.min, police.interval.max) == (4, 4)
    assert director.quote.text == "the hospital director said the toll had reached nine"
    assert (director.interval.min, director.aspect) == (9, "killed")


def test_a_quote_continues_in_the_next_sentence():
    text = '"We heard explosions," one resident told AFP. "Then the roof fell in."'
    first, second = attributed(text)
    assert second.speaker == first.speaker
    assert second.cue is None and second.cue_kind == "continued_quote"
    assert second.quote.text == "Then the roof fell in"
    assert second.intermediary.span.text == "AFP"


def test_a_multi_sentence_quote_is_one_quote():
    text = '"The explosion was massive. Windows were shattered," said Hawre Aziz, a shopkeeper.'
    (only,) = attributed(text)
    assert only.quote.text == "The explosion was massive. Windows were shattered"
    assert only.speaker.text == "Hawre Aziz, a shopkeeper"


def test_nested_speech_is_not_a_second_speaker():
    text = "The army said residents told soldiers the gunmen had fled."
    (only,) = attributed(text)
    assert only.speaker.text == "The army"


def test_a_pronoun_refers_back_to_the_last_speaker():
    text = (
        "UN spokesman Stephane Dujarric said the route had been shared. "
        '"This is unacceptable," he said.'
    )
    first, second = attributed(text)
    assert second.speaker.text == "he"
    assert second.proposed_source == first.proposed_source
    assert any("refers back" in rule for rule in second.rules)


def test_a_negative_subject_is_not_a_speaker():
    result = extract("No group immediately claimed responsibility.", strict=True)
    (only,) = result.suggestions
    assert only.speaker is None and only.voice == "outlet"
    assert extract("Neither Damascus nor Moscow commented on the incident.").suggestions == ()


@pytest.mark.parametrize(
    ("text", "stance", "cue"),
    [
        (
            "The figures could not be independently verified.",
            "cannot_verify",
            "could not be independently verified",
        ),
        ("At least 35 civilians were killed late Thursday by airstrikes.", "asserts", None),
        ("Some 2,000 people were reportedly missing.", "hedges", None),
        ("It is unclear who carried out the demolitions.", "hedges", None),
    ],
)
def test_the_outlets_own_voice(text, stance, cue):
    (only,) = extract(text, strict=True).suggestions
    assert only.voice == "outlet" and only.speaker is None
    assert only.stance == stance
    assert (only.cue.text if only.cue else None) == cue
    assert only.quote.text == text.rstrip(".")


def test_background_without_a_count_or_event_is_not_a_claim():
    assert extract("The war began in 2011. The region is mountainous.").suggestions == ()


def test_hedged_perpetrators_are_alternatives():
    text = 'The Coalition said it or "partner forces" may have conducted the strikes.'
    sources = [{"key": "c", "name": "US-led coalition", "aliases": ["U.S.-led coalition"]}]
    prefix = "The U.S. -led coalition is fighting in Syria. "
    result = extract(prefix + text, sources=sources, strict=True)
    claim = result.suggestions[-1]
    assert (claim.stance, claim.aspect, claim.parties_are_alternatives) == (
        "hedges",
        "perpetrator",
        True,
    )
    assert [p.span.text for p in claim.named_parties] == ["it", "partner forces"]
    assert claim.named_parties[0].source.name == "US-led coalition"
    assert claim.source.name == "US-led coalition"


def test_characterization():
    text = 'The Syrian foreign ministry called the attack a "massacre" and an act of aggression.'
    (only,) = attributed(text)
    assert (only.cue.text, only.aspect) == ("called", "characterization")


def test_a_perpetrator_after_by():
    text = "The ministry said the market was hit by government forces on Friday."
    (only,) = attributed(text)
    assert only.aspect == "perpetrator"
    assert [p.span.text for p in only.named_parties] == ["government forces"]


def test_two_counts_make_two_suggestions():
    text = "A doctor at the hospital said it had received 43 bodies and 140 wounded."
    killed, injured = attributed(text)
    assert (killed.aspect, killed.interval.min) == ("killed", 43)
    assert (injured.aspect, injured.interval.min) == ("injured", 140)
    assert killed.quote == injured.quote


def test_every_suggestion_explains_itself():
    for suggestion in extract(RYAN).suggestions:
        assert suggestion.rules
        assert any(rule.startswith("stance ") for rule in suggestion.rules)


def test_an_inverted_speaker_keeps_the_dots_of_the_title():
    text = (
        "“We did not target civilians,” said Lt. Col. Richard Hecht, an Israeli military "
        "spokesman, adding that the strike hit a command centre."
    )
    quote, added = attributed(text)
    assert quote.speaker.text == "Lt. Col. Richard Hecht, an Israeli military spokesman"
    assert (quote.stance, quote.quote.text) == ("denies", "We did not target civilians")
    assert added.cue.text == "adding" and added.speaker == quote.speaker


def test_a_relative_clause_belongs_to_the_speaker_but_its_connectors_do_not_cut_it():
    text = (
        "Officials, who spoke on condition of anonymity because they were not authorized to "
        "speak, said the toll was likely to rise."
    )
    (only,) = attributed(text)
    assert only.speaker.text.startswith("Officials, who spoke")
    assert only.stance == "hedges"


def test_a_dateline_is_not_part_of_the_claim():
    text = "BEIRUT (Reuters) - At least 12 people were killed, the health ministry said."
    (only,) = attributed(text)
    assert only.quote.text == "At least 12 people were killed, the health ministry said"


def test_it_was_not_possible_to_verify_is_the_outlet_speaking():
    (only,) = extract("It was not immediately possible to verify the claims.").suggestions
    assert (only.voice, only.stance) == ("outlet", "cannot_verify")
