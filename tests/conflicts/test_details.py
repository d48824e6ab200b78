"""Each finding's details: its sides for every kind, and the count it belongs to."""

import random

import pytest

from tests.conflicts.builders import Scenario, of_kind
from tests.conflicts.test_findings import rich
from tracker.conflicts import compare
from tracker.vocabularies import Aspect, Stance


def government_against_independents() -> tuple[Scenario, dict[str, int]]:
    s = Scenario()
    ids = {
        "government": s.source("Government", party=True),
        "monitor": s.source("Monitor"),
        "hospital": s.source("Hospital"),
    }
    s.account(s.count(8, 8), ids["government"])
    s.account(s.count(25, None), ids["monitor"])
    s.account(s.count(22, 30), ids["hospital"])
    return s, ids


def test_every_finding_names_exactly_its_accounts_as_sides() -> None:
    result = rich().compare()
    assert {f.kind for f in result.findings} >= {"stance_conflict", "count_conflict", "retracted"}
    for finding in result.findings:
        sides = finding.details["sides"]
        listed = sorted(a for side in sides for a in side["account_ids"])
        assert listed == list(finding.account_ids), finding.key
        assert all(side["root"]["name"] and side["source"]["name"] for side in sides)


def test_a_count_finding_carries_the_best_supported_range_and_who_stands_apart() -> None:
    s, ids = government_against_independents()
    (finding,) = of_kind(s.compare(), "best_supported")
    details = finding.details
    assert details["reported_range"]["words"] == "at least 8 people"
    assert details["consensus"] is None
    (group,) = details["best_supported"]
    assert (group["interval"]["min"], group["interval"]["max"]) == (25, 30)
    assert [v["label"] for v in group["voices"]] == ["Monitor", "Hospital"]
    (outlier,) = details["outliers"]
    assert outlier["label"] == "Government" and outlier["interested"] is True
    assert outlier["root_ids"] == [ids["government"]] and outlier["words"] == "8 people"
    government = next(s for s in details["sides"] if s["source"]["id"] == ids["government"])
    assert government["interested"] is True and government["interval"]["words"] == "8 people"


def test_the_conflicts_of_a_count_carry_the_same_count_context() -> None:
    s, _ = government_against_independents()
    result = s.compare()
    contexts = {
        (f.details["reported_range"]["min"], len(f.details["outliers"]))
        for f in result.findings
        if f.kind in ("count_conflict", "best_supported")
    }
    assert contexts == {(8, 1)}


def test_a_side_keeps_the_figure_as_given_and_the_parties_named() -> None:
    s = Scenario()
    army, outlet = s.source("Army", party=True), s.source("Outlet")
    s.account(s.count(2000, 2000, approximate=True), outlet)
    s.account(s.count(1000, 1000), army, Stance.HEDGES)
    s.account(s.perpetrator(army), outlet)
    s.account(s.perpetrator(outlet), army)
    result = s.compare()
    (conflict,) = of_kind(result, "count_conflict")
    about = next(side for side in conflict.details["sides"] if side["source"]["name"] == "Outlet")
    assert about["interval"] == {
        "min": 2000, "max": 2000, "open_low": False, "open_high": False, "approximate": True,
        "unit": "people", "words": "about 2,000 people",
    }  # fmt: skip
    (contested,) = of_kind(result, "perpetrator_contested")
    named = {side["source"]["name"]: side["parties"] for side in contested.details["sides"]}
    assert named == {"Outlet": [{"id": army, "name": "Army"}], "Army": [
        {"id": outlet, "name": "Outlet"}]}  # fmt: skip
    assert all(side["interval"] is None for side in contested.details["sides"])


def random_scenario(rnd: random.Random) -> Scenario:
    s = Scenario()
    sources = [s.source(f"S{n}", party=rnd.random() < 0.3) for n in range(5)]
    for n in range(2):  # affiliations, so some voices share a root
        child = s.source(f"C{n}", rnd.choice(sources))
        sources.append(child)
    claims = []
    for _ in range(rnd.randint(2, 6)):
        low = rnd.choice([None, rnd.randint(0, 40)])
        high = rnd.choice([None, (low or 0) + rnd.randint(0, 30)])
        claims.append(s.count(low, high, approximate=rnd.random() < 0.2))
    claims += [s.claim("stance", Aspect.OTHER), s.perpetrator(sources[0]),
               s.perpetrator(sources[1], sources[2])]  # fmt: skip
    for _ in range(rnd.randint(3, 14)):
        s.account(rnd.choice(claims), rnd.choice(sources), rnd.choice(list(Stance.values)),
                  quote=rnd.choice(["", "", "same words"]))  # fmt: skip
    return s


@pytest.mark.parametrize("seed", range(60))
def test_no_two_rules_give_findings_the_same_key(monkeypatch, seed) -> None:
    # Stored findings keep one row per key and event: were two findings to
    # share a key, one would be dropped without a word.
    seen: list[list[str]] = []
    merge = compare._unique

    def watched(findings):
        seen.append([f.key for f in findings])
        return merge(findings)

    monkeypatch.setattr(compare, "_unique", watched)
    random_scenario(random.Random(seed)).compare()
    (keys,) = seen
    assert len(keys) == len(set(keys))
