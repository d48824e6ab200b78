from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.matching.scoring import (
    DATE_WINDOW_DAYS,
    FAR_APART_DAYS,
    MIN_SCORE,
    Evidence,
    PlaceMatch,
    rank,
    score,
)

names = st.text(alphabet="abcdefgh -", min_size=1, max_size=12)
evidence = st.builds(
    Evidence,
    event_id=st.integers(1, 10_000),
    place=st.none() | st.builds(PlaceMatch, said=names, filed=names),
    days_apart=st.none() | st.integers(0, 400),
    parties=st.lists(names, max_size=4).map(tuple),
    speakers=st.lists(names, max_size=4).map(tuple),
    figures=st.lists(names, max_size=4).map(tuple),
    similarity=st.floats(0, 1),
)


def test_the_reasons_read_as_a_desk_would_say_them():
    scored = score(
        Evidence(
            event_id=7,
            place=PlaceMatch(said="Deir al-Zour", filed="Deir ez-Zor"),
            days_apart=1,
            parties=("US-led coalition",),
        )
    )
    assert scored.reasons == (
        "same place: Deir al-Zour = Deir ez-Zor",
        "1 day apart",
        "names US-led coalition",
    )
    assert scored.score == pytest.approx(0.35 + 0.25 * 0.75 + 0.1, abs=0.001)


def test_a_spelling_shared_is_said_once_and_far_dates_warn():
    scored = score(Evidence(event_id=1, place=PlaceMatch("Idlib", "idlib"), days_apart=45))
    assert scored.reasons == ("same place: Idlib", "45 days apart: perhaps another occasion")
    assert scored.score == 0.1


def test_a_date_alone_is_not_enough_to_be_offered():
    assert rank([Evidence(event_id=1, days_apart=0)], limit=5) == []


@given(evidence)
def test_a_score_is_bounded_and_its_reasons_never_empty_when_offered(item):
    scored = score(item)
    assert -0.25 <= scored.score <= 0.35 + 0.25 + 0.2 + 0.1 + 0.3 + 0.4
    if scored.score >= MIN_SCORE:
        assert scored.reasons


@given(evidence, names)
def test_more_shared_evidence_never_lowers_the_score(item, name):
    base = score(item).score
    assert score(replace(item, parties=(*item.parties, name))).score >= base
    assert score(replace(item, speakers=(*item.speakers, name))).score >= base
    assert score(replace(item, figures=(*item.figures, name))).score >= base
    assert score(replace(item, place=PlaceMatch(name, name))).score >= base - 1e-9


@given(evidence, st.integers(0, FAR_APART_DAYS * 2))
def test_a_closer_date_never_scores_lower(item, days):
    nearer = score(replace(item, days_apart=days)).score
    farther = score(replace(item, days_apart=days + 1)).score
    assert nearer >= farther
    if days <= DATE_WINDOW_DAYS:
        assert nearer > farther


@given(st.lists(evidence, max_size=12), st.integers(1, 6))
def test_the_ranking_is_ordered_limited_and_the_same_whatever_the_input_order(items, limit):
    ranked = rank(items, limit=limit)
    assert len(ranked) <= limit
    assert all(item.score >= MIN_SCORE for item in ranked)
    keys = [(-item.score, item.event_id) for item in ranked]
    assert keys == sorted(keys)
    assert rank(list(reversed(items)), limit=limit) == ranked or len(
        {i.event_id for i in items}
    ) < len(items)
