"""Properties of the output as a whole: order, keys, signatures, wording, purity."""

import ast
import random
from pathlib import Path

from tests.conflicts.builders import Scenario, of_kind
from tracker.conflicts import AccountInfo, ClaimInfo, EventInfo, Finding, SourceInfo, compare_event
from tracker.vocabularies import (
    CONFLICT_KINDS,
    OPEN_SEVERITIES,
    Aspect,
    FindingKind,
    FindingSeverity,
    Stance,
)

PACKAGE = Path(__file__).resolve().parents[2] / "tracker" / "conflicts"


def rich() -> Scenario:
    """A bit of everything, so that every rule produces something."""
    s = Scenario()
    government = s.source("Government", party=True)
    agency = s.source("Agency", government)
    ministry = s.source("Ministry", government)
    army = s.source("Army", party=True)
    outlet = s.source("Outlet")
    wire = s.source("Wire")
    relay = s.source("Relay")
    low, high, loose = s.count(10, 12), s.count(40, None), s.count(2000, 2000, approximate=True)
    stance = s.claim("The market was hit")
    blame_army, blame_both = s.perpetrator(army), s.perpetrator(army, government)
    s.account(low, agency)
    s.account(high, outlet, quote="At least 40 were killed")
    s.account(high, wire, quote="at least 40 were  killed")
    s.account(loose, army, Stance.HEDGES)
    s.account(stance, ministry, Stance.ASSERTS)
    s.account(stance, army, Stance.DENIES, via=relay)
    s.account(stance, wire, Stance.CANNOT_VERIFY)
    s.account(stance, outlet, Stance.RETRACTS)
    s.account(blame_army, ministry)
    s.account(blame_both, army, Stance.HEDGES)
    s.account(s.claim("bad", Aspect.KILLED), outlet)
    return s


def test_shuffled_input_gives_identical_output() -> None:
    s = rich()
    expected = s.compare()
    rnd = random.Random(7)
    for _ in range(5):
        claims, accounts = list(s.claims), list(s.accounts)
        rnd.shuffle(claims)
        rnd.shuffle(accounts)
        sources = dict(rnd.sample(list(s.sources.items()), len(s.sources)))
        result = compare_event(EventInfo(1, frozenset(s.parties)), claims, accounts, sources)
        assert result == expected


def test_keys_are_unique_and_findings_ordered_by_severity() -> None:
    findings = rich().compare().findings
    keys = [f.key for f in findings]
    assert len(keys) == len(set(keys))
    ranks = [FindingSeverity.values.index(f.severity) for f in findings]
    assert ranks == sorted(ranks)
    assert {f.kind for f in findings} <= set(FindingKind.values)


def test_every_explanation_is_one_sentence() -> None:
    for finding in rich().compare().findings:
        text = finding.explanation
        assert text.endswith(".") and "\n" not in text, text
        assert text[0].isupper() or text[0] == '"', text


def test_open_conflicts_are_exactly_the_open_severities() -> None:
    result = rich().compare()
    assert {"conflict", "tension"} == OPEN_SEVERITIES
    assert result.open_conflicts
    for finding in result.findings:
        assert finding.is_open_conflict == (finding.severity in OPEN_SEVERITIES)
        if finding.is_open_conflict:
            assert finding.kind in CONFLICT_KINDS


def conflict_between(
    low: int, high: int, *, name: str = "Army", stance: str = Stance.ASSERTS
) -> Finding:
    s = Scenario()
    s.account(s.count(10, 12), s.source("Outlet"))
    s.account(s.count(low, high), s.source(name), stance)
    (finding,) = of_kind(s.compare(), FindingKind.COUNT_CONFLICT)
    return finding


def test_signature_follows_substance_not_wording() -> None:
    base = conflict_between(40, 45)
    assert conflict_between(40, 45).signature == base.signature
    renamed = conflict_between(40, 45, name="Armed forces")
    assert renamed.explanation != base.explanation
    assert renamed.signature == base.signature
    moved = conflict_between(40, 50)
    assert moved.key == base.key
    assert moved.signature != base.signature
    hedged = conflict_between(40, 45, stance=Stance.HEDGES)
    assert hedged.signature != base.signature


def test_signature_changes_when_another_side_joins_a_stance_conflict() -> None:
    s = Scenario()
    claim = s.claim()
    s.account(claim, s.source("Outlet"), Stance.ASSERTS)
    s.account(claim, s.source("Army"), Stance.DENIES)
    (before,) = of_kind(s.compare(), FindingKind.STANCE_CONFLICT)
    s.account(claim, s.source("Militia"), Stance.DENIES)
    s.account(s.claim("unrelated"), s.source("Wire"))
    (after,) = of_kind(s.compare(), FindingKind.STANCE_CONFLICT)
    assert after.key == before.key
    assert after.signature != before.signature


def test_input_values_are_frozen() -> None:
    for value in (
        SourceInfo(1, "a"),
        ClaimInfo(1, "t", Aspect.OTHER),
        AccountInfo(1, 1, 1, Stance.ASSERTS),
        EventInfo(1),
    ):
        assert value.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_the_package_touches_no_orm() -> None:
    allowed = {
        "__future__",
        "collections",
        "dataclasses",
        "datetime",
        "hashlib",
        "itertools",
        "re",
        "typing",
        "unicodedata",
        "tracker.conflicts",
        "tracker.vocabularies",
    }
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert any(name == a or name.startswith(a + ".") for a in allowed), (
                    f"{path.name} imports {name}"
                )
