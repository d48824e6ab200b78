"""Issue 15 through extract(): pronouns, short references, affiliations, unnamed sources,
denials read straight, cues beyond "said", direct quotes and datelines."""

import pytest

from tracker.extraction import extract


def accounts(text):
    result = extract(text, strict=True)
    return [s for s in result.suggestions if s.speaker is not None]


def only(text, speaker):
    found = [s for s in accounts(text) if s.speaker.text == speaker]
    assert len(found) == 1, [s.speaker.text for s in accounts(text)]
    return found[0]


def source_name(suggestion):
    if suggestion.source:
        return suggestion.source.name
    return suggestion.proposed_source.name if suggestion.proposed_source else None


@pytest.mark.parametrize(
    ("text", "speaker", "source", "refers_to"),
    [
        # "it" is the last organisation, not the person quoted in between
        (
            "The Turkish defence ministry denied the report. Zeki Akturk, a spokesman, spoke "
            "later. It said its units had not fired.",
            "It",
            "Turkish defence ministry",
            "Turkish defence ministry",
        ),
        # "he" is the last person, not the organisation quoted in between
        (
            "Hassan Ibo, a vegetable seller, told North Press that shells came from the north. "
            "The army said it fired at militants. He said the shells hit the bread stalls.",
            "He",
            "Hassan Ibo",
            "Hassan Ibo",
        ),
        # a short reference is the last speaker whose name has its word
        (
            "The Syrian Network for Human Rights said 11 civilians died. The army said it hit "
            "militants. The network found that two missiles struck the market.",
            "The network",
            "Syrian Network for Human Rights",
            "Syrian Network for Human Rights",
        ),
        # "the group" is the last organisation, whatever its name
        (
            "Save the Children said the port was closed. The group said the crane was hit twice.",
            "The group",
            "Save the Children",
            "Save the Children",
        ),
        # "she" may be a titled individual, the most recent one
        (
            "Minister Khalid Aiser says the attack was desperate. The UN's humanitarian "
            'coordinator for Sudan warned that aid could stop. She said she was "alarmed".',
            "She",
            "UN",
            "UN",
        ),
        # "the group" is no government
        (
            "Human Rights Watch said survivors saw militiamen. The government has denied it. "
            "The group found that 40 people were killed.",
            "The group",
            "Human Rights Watch",
            "Human Rights Watch",
        ),
        # "the statement" is whoever spoke last
        (
            "The Rapid Support Forces said in a statement that it did not shell the hospital. "
            "The statement added that the army had used the building.",
            "The statement",
            "Rapid Support Forces",
            "Rapid Support Forces",
        ),
    ],
)
def test_pronouns_and_short_references(text, speaker, source, refers_to):
    suggestion = only(text, speaker)
    assert source_name(suggestion) == source
    assert suggestion.refers_to == refers_to


@pytest.mark.parametrize(
    ("text", "speaker", "source", "affiliation"),
    [
        (
            "Zeki Akturk, a spokesman for the defence ministry, said the units responded to fire.",
            "Zeki Akturk, a spokesman for the defence ministry",
            "Zeki Akturk",
            "defence ministry",
        ),
        (
            "The Turkish defence ministry denied it. The ministry's spokesman Zeki Akturk said "
            "the units responded to fire.",
            "The ministry's spokesman Zeki Akturk",
            "Zeki Akturk",
            "Turkish defence ministry",
        ),
        (
            "Col. Dana Whitfield, spokesperson for the coalition, said the strike was reviewed.",
            "Col. Dana Whitfield, spokesperson for the coalition",
            "Col. Dana Whitfield",
            "coalition",
        ),
        # a title with no name stands for its organisation: they count once
        (
            "A spokesman for the Stability Support Apparatus said it was attacked first.",
            "A spokesman for the Stability Support Apparatus",
            "Stability Support Apparatus",
            "Stability Support Apparatus",
        ),
    ],
)
def test_speakers_tied_to_their_organisation(text, speaker, source, affiliation):
    suggestion = only(text, speaker)
    assert source_name(suggestion) == source
    assert suggestion.affiliation == affiliation


def test_a_new_organisation_is_proposed_as_the_parent():
    suggestion = only(
        "Adam Rizeigat, a spokesman for the General Coordination for Displaced Persons, said "
        "the fighters burned the market.",
        "Adam Rizeigat, a spokesman for the General Coordination for Displaced Persons",
    )
    assert suggestion.proposed_source.name == "Adam Rizeigat"
    assert suggestion.proposed_source.proposed_parent.name == (
        "General Coordination for Displaced Persons"
    )
    assert suggestion.to_dict()["proposed_source"]["proposed_parent"]["name"] == (
        "General Coordination for Displaced Persons"
    )


@pytest.mark.parametrize(
    ("text", "speaker", "unnamed"),
    [
        ("Officials said the bridge was destroyed.", "Officials", True),
        (
            "A source close to the investigation said the driver had fled.",
            "A source close to the investigation",
            True,
        ),
        ("Residents told AFP that the shelling lasted an hour.", "Residents", True),
        ("The Israeli military said it struck a depot.", "The Israeli military", False),
        (
            "Jane Roe, the agency's director, said the road was closed.",
            "Jane Roe, the agency's director",
            False,
        ),
    ],
)
def test_unnamed_sources_are_marked(text, speaker, unnamed):
    assert only(text, speaker).unnamed is unnamed


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "claim"),
    [
        (
            "Turkey's defence ministry denied the report. \"Our units did not carry out any "
            'strikes on the town," it said.',
            "it",
            "said",
            "Turkey's defence ministry's units carried out strikes on the town",
        ),
        (
            "The Turkish military's spokesman insisted that no shells were fired at the market.",
            "The Turkish military's spokesman",
            "insisted",
            "Shells were fired at the market",
        ),
    ],
)
def test_a_denied_negative_reads_as_the_claim_it_denies(text, speaker, cue, claim):
    suggestion = only(text, speaker)
    assert suggestion.cue.text == cue
    assert suggestion.claim_text == claim
    assert suggestion.stance == "denies"
    assert suggestion.aspect == "perpetrator"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The monitor accused the army of shelling the town.", "accused"),
        ("The army blamed the militia for the blast.", "blamed"),
        ("The governor confirmed that nine people died.", "confirmed"),
        ("The army denied that it shelled the town.", "denied"),
        ("The monitor estimated that 30 shops were destroyed.", "estimated"),
        ("The network found that two missiles hit the market.", "found"),
        ("The charity warned that food would run out.", "warned"),
        ("The ministry insisted that no civilians were hurt.", "insisted"),
        ("The coalition acknowledged that it had received reports.", "acknowledged"),
        ("The activist alleged that the jet came from Sittwe.", "alleged"),
        ("Islamic State claimed the attack.", "claimed"),
        ("The agency reported that the car was burned.", "reported"),
        ("Central Command announced that it struck a facilitator.", "announced"),
        ("The spokeswoman wrote in an email that the claims were assessed.", "wrote"),
        ("The SDF posted video it said showed the strike.", "posted"),
        ("The governor told reporters the men had confessed.", "told"),
        ("The director was quoted as saying the claims were a lie.", "was quoted as saying"),
        ("He pointed out that 3,000 residents had left.", "pointed out"),
        ("The spokesman specified that the bombs killed six people.", "specified"),
    ],
)
def test_cues_beyond_said(sentence, cue):
    found = accounts(sentence)
    assert [s.cue.text for s in found] == [cue]


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        # a quotation that closes the clause is the speaker's own words
        (
            'The minister described the attack as "a terrorist escalation".',
            "a terrorist escalation",
            "direct",
        ),
        ('She said she was "deeply alarmed".', "deeply alarmed", "direct"),
        # a quoted phrase inside a clause that goes on leaves a paraphrase
        (
            'The army said it struck "military targets" near the town.',
            'The army said it struck "military targets" near the town',
            "indirect",
        ),
        (
            'In a statement, the Third Legion accused "PKK cells" of the bombing.',
            'the Third Legion accused "PKK cells" of the bombing',
            "indirect",
        ),
        # content after "said on Tuesday that" starts at the content
        (
            "The coalition said on Tuesday that it had carried out a strike.",
            "The coalition said on Tuesday that it had carried out a strike",
            "indirect",
        ),
    ],
)
def test_direct_quote_or_paraphrase(text, quote, kind):
    (suggestion,) = accounts(text)
    assert (suggestion.quote.text, suggestion.quote_kind) == (quote, kind)


def test_content_after_said_on_tuesday_that_starts_at_the_content():
    (suggestion,) = accounts("The coalition said on Tuesday that it had carried out a strike.")
    assert suggestion.claim_text == "The coalition had carried out a strike"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Abu Yasser, the bakery's owner, told Enab Baladi the ovens were destroyed.",
            "Abu Yasser, the bakery's owner",
        ),
        (
            "Its chairman, Fadel Abdul Ghany, accused Russian forces of targeting markets.",
            "Its chairman, Fadel Abdul Ghany",
        ),
        (
            "Claire Nicolet, MSF's emergency coordinator for Sudan, said 11 people died.",
            "Claire Nicolet, MSF's emergency coordinator for Sudan",
        ),
        (
            "Jane Roe, the agency's director, said the road was closed.",
            "Jane Roe, the agency's director",
        ),
    ],
)
def test_appositions_are_taken_whole(text, speaker):
    assert next(s.speaker.text for s in accounts(text)) == speaker


@pytest.mark.parametrize(
    "dateline",
    [
        "DEIR EZ-ZOR, Syria, March 3 (Reuters) - ",
        "TAMPA, Fla. - ",
        "Ankara (Anadolu) - ",
        "Sanaa - Saba: ",
        "Marib (Saba, government) - ",
        "14:05 GMT - ",
    ],
)
def test_datelines_and_timestamps_are_not_the_speaker(dateline):
    (suggestion,) = accounts(dateline + "The ministry said nine people were killed.")
    assert suggestion.speaker.text == "The ministry"


def test_a_pronoun_goes_on_with_the_same_interview():
    text = (
        "Nayef Sido, the mayor, told Rudaw that the car was hit on the main road. "
        "He said those killed were fighters."
    )
    he = only(text, "He")
    assert he.intermediary.span.text == "Rudaw"


def test_a_denied_attack_with_no_party_named_names_the_speaker():
    (denial,) = accounts("The army denied any role in the attack.")
    assert (denial.stance, denial.aspect) == ("denies", "perpetrator")
    (party,) = denial.named_parties
    assert (party.span.text, party.speaker) == ("The army", True)
