"""The seed article: the accounts issue 5 asks for, and nothing from the noise."""

import json
from pathlib import Path

import pytest

from tracker.extraction import extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (SEEDS / "000_e57b2e8f9047b65a.txt").read_text(encoding="utf-8")
SEED = json.loads((SEEDS / "000_e57b2e8f9047b65a.json").read_text(encoding="utf-8"))
SOURCES = [
    {"key": s["name"], "name": s["name"], "aliases": s.get("aliases", []), "kind": s["kind"]}
    for s in SEED["sources"]
]
ENTITIES = [
    *SOURCES,
    {"key": "deir", "name": "Deir ez-Zor", "aliases": ["Deir al-Zour"], "kind": "place"},
]


@pytest.fixture(scope="module")
def result():
    return extract(
        TEXT, title=SEED["document"]["title"], sources=SOURCES, entities=ENTITIES, strict=True
    )


def by_source(result, name):
    return [s for s in result.suggestions if s.source and s.source.name == name]


def seed_quote(source, claim):
    (account,) = [a for a in SEED["accounts"] if a["source"] == source and a["claim"] == claim]
    return account["quote_start"], account["quote_end"]


def test_sana_asserts_the_toll(result):
    toll = by_source(result, "SANA")[0]
    assert (toll.stance, toll.aspect) == ("asserts", "killed")
    assert (toll.interval.min, toll.interval.max, toll.interval.unit) == (31, None, "people")
    assert (toll.quote.start, toll.quote.end) == seed_quote("SANA", "toll-more-than-30")
    claim = by_source(result, "SANA")[1]
    assert (claim.quote.start, claim.quote.end) == seed_quote("SANA", "dead-mostly-women-children")


def test_the_foreign_ministry_calls_it_a_massacre(result):
    massacre = by_source(result, "Syrian foreign ministry")[0]
    assert (massacre.stance, massacre.aspect, massacre.cue.text) == (
        "asserts",
        "characterization",
        "called",
    )
    assert '"massacre"' in massacre.quote.text
    occupiers = by_source(result, "Syrian foreign ministry")[1]
    assert (occupiers.quote.start, occupiers.quote.end) == seed_quote(
        "Syrian foreign ministry", "coalition-occupiers"
    )


def test_the_coalition_hedges_responsibility(result):
    (hedge,) = by_source(result, "US-led coalition")
    assert (hedge.stance, hedge.aspect, hedge.parties_are_alternatives) == (
        "hedges",
        "perpetrator",
        True,
    )
    assert [p.span.text for p in hedge.named_parties] == ["it", "partner forces"]
    assert hedge.named_parties[0].source.name == "US-led coalition"
    assert (hedge.quote.start, hedge.quote.end) == seed_quote(
        "US-led coalition", "perpetrator-coalition-or-partners"
    )


def test_the_spokesperson_via_rudaw_english_is_investigating(result):
    (ryan,) = by_source(result, "Col. Sean Ryan")
    assert ryan.speaker.text == "the spokesperson for the coalition US Col. Sean Ryan"
    assert (ryan.stance, ryan.cue.text, ryan.quote_kind) == ("investigating", "told", "direct")
    assert ryan.intermediary.span.text == "Rudaw English"
    assert ryan.intermediary.source.name == "Rudaw English"
    assert (ryan.quote.start, ryan.quote.end) == seed_quote("Col. Sean Ryan", "toll-more-than-30")


def test_reuters_cannot_verify(result):
    (reuters,) = by_source(result, "Reuters")
    assert reuters.stance == "cannot_verify"
    assert (reuters.quote.start, reuters.quote.end) == seed_quote("Reuters", "toll-more-than-30")


def test_the_articles_own_toll(result):
    own = [s for s in result.suggestions if s.voice == "outlet" and s.aspect == "killed"]
    (toll,) = own
    assert toll.speaker is None and toll.stance == "asserts"
    assert (toll.interval.min, toll.interval.max, toll.interval.unit) == (35, None, "people")
    assert (toll.quote.start, toll.quote.end) == seed_quote(
        "Seed article publisher (unidentified)", "toll-at-least-35-civilians"
    )


def test_the_outlets_territorial_claim(result):
    (area,) = [s for s in result.suggestions if s.interval and s.interval.unit == "km2"]
    assert (area.interval.min, area.interval.max, area.interval.approximate) == (2000, 2000, True)
    assert area.aspect == "territorial_control"


@pytest.mark.parametrize("title", ["KXIP vs KKR Live Score", ""])
def test_nothing_from_the_noise(title):
    result = extract(TEXT, title=title, sources=SOURCES)
    assert result.title_matches is False
    kinds = {n.text: n.kind for n in result.noise}
    assert kinds["KXIP vs KKR Live Score"] == "title_mismatch"
    assert kinds["Syria thwarts Israeli strike on Quneitra"] == "teaser"
    caption = next(text for text in kinds if text.startswith("An Israeli soldier runs"))
    assert kinds[caption] == "caption"
    for noise in result.noise:
        for suggestion in result.suggestions:
            assert suggestion.quote.end <= noise.start or suggestion.quote.start >= noise.end


def test_names_across_spellings(result):
    deir = {m.text for m in result.mentions if m.key == "deir"}
    assert deir == {"Deir ez-Zor", "Deir al-Zour"}
    group = {m.text for m in result.mentions if m.key == "Islamic State"}
    assert group == {"IS", "Daesh", "Islamic State", "Islamic state", "ISIS"}


def test_the_result_stores_as_json(result):
    data = json.loads(json.dumps(result.to_dict()))
    assert data["title_matches"] is False
    first = data["suggestions"][0]
    assert TEXT[first["quote"]["start"] : first["quote"]["end"]] == first["quote"]["text"]
