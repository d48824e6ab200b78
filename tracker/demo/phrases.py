"""The words of demo reports: events, figures, stances and filler.

Each stance has its own way into a sentence, so an account's quote reads as
what its source said ("denied that ...", "could not independently verify
...") and sits verbatim in the document it is quoted from.
"""

from __future__ import annotations

import random

from tracker.vocabularies import SourceKind, Stance

EVENT_KINDS = [
    ("Airstrike", "airstrike"), ("Shelling", "shelling"), ("Drone strike", "drone strike"),
    ("Car bombing", "car bomb"), ("Raid", "raid"), ("Rocket attack", "rocket attack"),
]  # fmt: skip
TARGETS = [
    "the market", "a residential building", "a school", "a hospital", "a checkpoint",
    "a bakery", "a displacement camp", "an ammunition depot", "a mosque", "a water station",
]  # fmt: skip
TIMES_OF_DAY = ["late", "early on", "on the evening of", "before dawn on"]
BACKGROUND = [
    "The {region} has seen heavy fighting for months.",
    "Residents said rescue teams were still searching the rubble.",
    "Aid groups have warned of a worsening humanitarian situation in the area.",
    "It was not immediately clear who carried out the {kind}.",
    "Access to the area is restricted and communications are intermittent.",
    "Hospitals in the area have said they are overwhelmed.",
    "The toll could rise as more bodies are recovered, local officials said.",
    "Photographs shared online showed extensive damage to nearby buildings.",
]
ASSERT_FORMS = ["{S} said {Q}.", "According to {S}, {Q}.", "{S} reported that {Q}."]
RELAYED_FORMS = ["{S} told {I} that {Q}.", "Speaking to {I}, {S} said {Q}."]
UNVERIFIED = [
    "could not independently verify the reports",
    "could not independently confirm the figures",
    "was unable to verify the claims",
]
INVESTIGATING = [
    "is assessing the reports of civilian casualties",
    "has forwarded the report to its civilian casualty cell for further assessment",
    "is looking into the incident",
]
RATIONALES = [
    "Two independent sources agree.",
    "Confirmed by our correspondent on the ground.",
    "Credible accounts conflict; see the findings.",
    "Only the party to the conflict says so.",
    "No independent access to the area.",
    "The source withdrew the statement.",
]
FLAG_NOTES = [
    "No reporter could reach the area.",
    "Only one outlet carries this.",
    "The spokesperson did not answer calls.",
    "",
]
# Kinds whose name takes "the" in a sentence ("the Valdorian Armed Forces said").
WITH_ARTICLE = {
    SourceKind.GOVERNMENT, SourceKind.STATE_MEDIA, SourceKind.ARMED_PARTY, SourceKind.NGO,
    SourceKind.INTERNATIONAL_ORG, SourceKind.NEWS_AGENCY,
}  # fmt: skip


def speaker(name: str, kind: str) -> str:
    if kind in WITH_ARTICLE and not name.startswith("The ") and not name[0].islower():
        return f"the {name}"
    return name


def capitalize(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def count_form(rng: random.Random, n: int) -> tuple[str, int | None, int | None, bool]:
    """How a figure is given, and the interval it means: ("at least 35", 35, None, False)."""
    roll = rng.random()
    if roll < 0.30:
        return f"at least {n:,}", n, None, False
    if roll < 0.45:
        return f"more than {n:,}", n + 1, None, False
    if roll < 0.63:
        return f"{n:,}", n, n, False
    if roll < 0.77:
        spread = max(1, n // 5)
        low = max(1, n - spread)
        return f"between {low:,} and {n + spread:,}", low, n + spread, False
    if roll < 0.92:
        return f"{rng.choice(('roughly', 'about', 'around'))} {n:,}", n, n, True
    return f"up to {n:,}", None, n, False


def stance_quote(rng: random.Random, stance: str, core: str, hedged: str) -> tuple[str, str]:
    """The quote for ``stance`` and the sentence form around it (``{S}``, ``{Q}``)."""
    if stance == Stance.ASSERTS:
        return core, rng.choice(ASSERT_FORMS)
    if stance == Stance.HEDGES:
        return hedged, "{S} said {Q}."
    if stance == Stance.DENIES:
        return f"denied that {core}", "{S} {Q}."
    if stance == Stance.CANNOT_VERIFY:
        return rng.choice(UNVERIFIED), "{S} said it {Q}."
    if stance == Stance.INVESTIGATING:
        return rng.choice(INVESTIGATING), "{S} said it {Q}."
    return f"withdrew its earlier statement that {core}", "{S} later {Q}."
