"""Per-field scores on gold set v2 (bench/gold/v2): who speaks, for whom, how.

Accounts are matched as in bench/extraction.py (overlapping quote, aspect as
the tie-break); every field below is then judged on the matched pairs, as
precision (of the predictions that carry the field), recall (of the gold that
carries it) and F1. Spans (speaker, cue, quote) are also scored on their own,
exact and by one-to-one overlap, over the whole report.

Names are compared loosely and the same way for every field: lower case,
determiners, possessive 's, punctuation and ranks dropped; one name matches
another when either's words are all among the other's, or when the names
table the extractor was given files both under one entry ("MSF", "Doctors
Without Borders").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

_TITLES = frozenset(
    [
        "the",
        "a",
        "an",
        "mr",
        "mrs",
        "ms",
        "dr",
        "col",
        "lt",
        "gen",
        "maj",
        "brig",
        "capt",
        "cpt",
        "sgt",
        "adm",
        "rear",
        "admiral",
        "general",
        "colonel",
        "major",
        "lieutenant",
        "captain",
        "brigadier",
        "president",
        "minister",
        "prime",
    ]
)
_WORD = re.compile(r"[a-z0-9\u00c0-\u024f]+(?:-[a-z0-9\u00c0-\u024f]+)*")


def name_words(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    text = re.sub(r"['\u2019]s\b", "", name.lower())
    return frozenset(w for w in _WORD.findall(text) if w not in _TITLES)


# The names table the extractor was given: two names it files under one entry
# ("MSF", "Doctors Without Borders") are the same name.
ALIASES: dict[str, str] = {}


def same_name(gold: str | None, pred: str | None) -> bool:
    g, p = name_words(gold), name_words(pred)
    if not (g and p):
        return False
    if g <= p or p <= g:
        return True
    g_key = ALIASES.get(" ".join(sorted(g)))
    return g_key is not None and g_key == ALIASES.get(" ".join(sorted(p)))


def learn_aliases(entries: Iterable[tuple[str, Iterable[str]]]) -> None:
    for key, names in entries:
        for name in names:
            ALIASES[" ".join(sorted(name_words(name)))] = key


@dataclass
class Tally:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


FIELDS = (
    "account",
    "speaker exact",
    "speaker overlap",
    "resolved source",
    "unnamed",
    "affiliation",
    "cue exact",
    "cue overlap",
    "quote exact",
    "quote overlap",
    "quote kind",
    "stance",
    "intermediary",
    "claim names",
)


@dataclass
class FieldScores:
    tallies: dict[str, Tally] = field(default_factory=lambda: {n: Tally() for n in FIELDS})

    def __getitem__(self, name: str) -> Tally:
        return self.tallies[name]


# --- What the extractor says, read off a suggestion dict -----------------------


def predicted_source(s: dict[str, Any]) -> str | None:
    """The named source a suggestion's speaker stands for."""
    if s.get("resolved_source"):
        return s["resolved_source"]["name"]
    if s.get("source"):
        return s["source"]["name"]
    if s.get("proposed_source"):
        return s["proposed_source"]["name"]
    return s["speaker"]["text"] if s.get("speaker") else None


def predicted_affiliation(s: dict[str, Any]) -> str | None:
    if s.get("affiliation"):
        return s["affiliation"]
    proposed = s.get("proposed_source") or {}
    parent = proposed.get("parent") or proposed.get("proposed_parent")
    if parent:
        return parent["name"]
    return (s.get("source") or {}).get("parent_name")


def predicted_kind(s: dict[str, Any]) -> str:
    return {"indirect": "paraphrase"}.get(s["quote_kind"], s["quote_kind"])


# --- Scoring ---------------------------------------------------------------------


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _spans(items: Iterable[dict[str, Any] | None]) -> list[tuple[int, int]]:
    return sorted({(s["start"], s["end"]) for s in items if s})


def _one_to_one(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> int:
    pairs = sorted(
        (
            (min(g[1], p[1]) - max(g[0], p[0]), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if min(g[1], p[1]) > max(g[0], p[0])
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def match_accounts(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    pairs = sorted(
        (
            ((g.get("aspect") or "") == s["aspect"], _overlap(g["quote"], s["quote"]), i, j)
            for i, g in enumerate(gold)
            for j, s in enumerate(pred)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for _, overlap, i, j in pairs:
        if overlap > 0 and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matches.append((i, j))
    return matches


Judge = Callable[[dict[str, Any], dict[str, Any]], tuple[bool, bool, bool]]


def _judges() -> dict[str, Judge]:
    """Per field: (gold has it, prediction has it, they agree)."""

    def speaker_source(g: dict, s: dict) -> tuple[bool, bool, bool]:
        gold = g["source"] if g["speaker"] else None
        pred = predicted_source(s) if s.get("speaker") else None
        return bool(gold), bool(pred), same_name(gold, pred)

    def unnamed(g: dict, s: dict) -> tuple[bool, bool, bool]:
        return g["unnamed"], bool(s.get("unnamed")), g["unnamed"] and bool(s.get("unnamed"))

    def affiliation(g: dict, s: dict) -> tuple[bool, bool, bool]:
        gold, pred = g["affiliation"], predicted_affiliation(s)
        return bool(gold), bool(pred), same_name(gold, pred)

    def kind(g: dict, s: dict) -> tuple[bool, bool, bool]:
        return True, True, g["quote_kind"] == predicted_kind(s)

    def stance(g: dict, s: dict) -> tuple[bool, bool, bool]:
        return True, True, g["stance"] == s["stance"]

    def via(g: dict, s: dict) -> tuple[bool, bool, bool]:
        gold, pred = g["intermediary"], s.get("intermediary")
        ok = bool(gold and pred and _overlap(gold, pred["span"]))
        return bool(gold), bool(pred), ok

    def names(g: dict, s: dict) -> tuple[bool, bool, bool]:
        if not g.get("names"):
            return False, False, False
        return True, True, g["names"].lower() in s["claim_text"].lower()

    return {
        "resolved source": speaker_source,
        "unnamed": unnamed,
        "affiliation": affiliation,
        "quote kind": kind,
        "stance": stance,
        "intermediary": via,
        "claim names": names,
    }


JUDGES = _judges()


def score_report(
    report: dict[str, Any],
    pred: list[dict[str, Any]],
    scores: FieldScores,
    errors: list[str] | None,
) -> None:
    gold = report["accounts"]
    rid = report["id"]
    text = report["text"]
    for name in ("speaker", "cue", "quote"):
        g = _spans(a[name] for a in gold)
        p = _spans(s[name] for s in pred)
        scores[f"{name} exact"].add(len(set(g) & set(p)), len(g), len(p))
        scores[f"{name} overlap"].add(_one_to_one(g, p), len(g), len(p))
        if errors is not None and name == "speaker":
            errors += [f"{rid} speaker missed: {text[a:b]!r}" for a, b in sorted(set(g) - set(p))]
            errors += [f"{rid} speaker extra : {text[a:b]!r}" for a, b in sorted(set(p) - set(g))]
    matches = match_accounts(gold, pred)
    scores["account"].add(len(matches), len(gold), len(pred))
    for field_name, judge in JUDGES.items():
        tp = g_n = p_n = 0
        for i, j in matches:
            has_g, has_p, ok = judge(gold[i], pred[j])
            g_n += has_g
            p_n += has_p
            tp += has_g and has_p and ok
            if errors is not None and (has_g or has_p) and not (has_g and has_p and ok):
                errors.append(f"{rid} {field_name}: {_show(field_name, gold[i], pred[j])}")
        # A missed account misses its fields too; an extra one adds to predictions.
        unmatched_g = [a for k, a in enumerate(gold) if k not in {i for i, _ in matches}]
        unmatched_p = [s for k, s in enumerate(pred) if k not in {j for _, j in matches}]
        if field_name in ("quote kind", "stance"):
            g_n += len(unmatched_g)
            p_n += len(unmatched_p)
        scores[field_name].add(tp, g_n, p_n)
    if errors is not None:
        used_g = {i for i, _ in matches}
        used_p = {j for _, j in matches}
        errors += [
            f"{rid} account missed: {a['quote']['text'][:90]!r}"
            for k, a in enumerate(gold)
            if k not in used_g
        ]
        errors += [
            f"{rid} account extra : {s['quote']['text'][:90]!r}"
            for k, s in enumerate(pred)
            if k not in used_p
        ]


def _show(field_name: str, g: dict[str, Any], s: dict[str, Any]) -> str:
    value: dict[str, Callable[[], tuple[Any, Any]]] = {
        "resolved source": lambda: (g["source"], predicted_source(s)),
        "unnamed": lambda: (g["unnamed"], s.get("unnamed")),
        "affiliation": lambda: (g["affiliation"], predicted_affiliation(s)),
        "quote kind": lambda: (g["quote_kind"], predicted_kind(s)),
        "stance": lambda: (g["stance"], s["stance"]),
        "intermediary": lambda: (
            g["intermediary"] and g["intermediary"]["text"],
            s.get("intermediary") and s["intermediary"]["span"]["text"],
        ),
        "claim names": lambda: (g.get("names"), s["claim_text"]),
    }
    gold, pred = value[field_name]()
    return f"gold {gold!r} / got {pred!r}  ({g['quote']['text'][:50]!r})"
